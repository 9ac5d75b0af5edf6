// The bench's generated companies, as scripts/bench/generate.ts writes them into D1 and as the
// Node timings (assess.ts, republish-cpu.ts) read them: a demo company's lists and overrides under
// a profile of its own, so their statements share the baseline's text but not the sentences that
// name the company; and the demo group grown to 10,000 more, whose statements link to the members
// page instead of naming every company.
import { DEMO_GROUP, DEMO_TENANTS } from "#shared/demo/index.ts";
import type { Group, TenantContent } from "#shared/model.ts";
import type { GroupRecord } from "../../worker/db/groups.ts";

export const GENERATED_PREFIX = "bench-";

/** "0001" for the first generated company. */
export const generatedNumber = (i: number): string => String(i + 1).padStart(4, "0");

/** The i-th generated company, as generate.ts names it. */
export const generatedCompany = (i: number): { slug: string; name: string } => ({
  slug: `${GENERATED_PREFIX}${generatedNumber(i)}`,
  name: `Bedrijf ${generatedNumber(i)}`,
});

const templates = DEMO_TENANTS.filter((t) => t.slug !== "jcc-software");

/** A plausible company: a demo company's lists and overrides under a profile of its own. */
export function generatedContent(i: number): TenantContent {
  const template = templates[i % templates.length]!.content;
  const n = generatedNumber(i);
  return {
    ...structuredClone(template),
    profile: {
      ...template.profile,
      legalName: `Bedrijf ${n} B.V.`,
      tradeName: `Bedrijf ${n}`,
      kvkNumber: String(70_000_000 + i),
      email: `privacy@bedrijf-${n}.example`,
      website: `https://www.bedrijf-${n}.example`,
    },
  };
}

/** The demo group with 10,000 generated companies more, linking to its members page. */
export const LARGE_GROUP: Group = {
  ...DEMO_GROUP,
  members: [...DEMO_GROUP.members, ...Array.from({ length: 10_000 }, (_, i) => generatedCompany(i))],
  membersPage: `https://verklaring.example/v1/statements/${DEMO_GROUP.slug}.html`,
};

/** LARGE_GROUP as the worker reads it from D1. */
export const LARGE_GROUP_RECORD: GroupRecord = {
  id: 1,
  group: LARGE_GROUP,
  requireApproval: false,
  leadContact: null,
  identityChangedAt: null,
};

/** The first `count` generated companies as a rollout reads them: the company and its content. */
export const generatedTenants = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const { slug, name } = generatedCompany(i);
    return { tenant: { id: i + 1, groupId: 1, slug, name }, content: generatedContent(i) };
  });

/** What the Node and workerd timings publish them as: version 2 on baseline version 2. */
export const REPUBLISHED_META = {
  version: 2,
  publishedAt: "2026-12-07T10:00:00.000Z",
  effectiveFrom: "2026-12-07T10:00:00.000Z",
  baselineVersion: 2,
};
