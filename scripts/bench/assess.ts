// CPU time of the publish gate's reading of a statement (issue 15) as a rollout runs it for every
// company (issue 20): assessContent — completeness in the default language, the legal lint in
// every language — on statements already resolved, for 208 companies in turn (the demo companies
// and 200 with profiles of their own), in a group of 10,008 companies whose statements link to the
// members page instead of listing them. Times are per company; the checks remember what they read
// from text that recurs (shared/completeness/remember.ts), as they do in a real rollout.
// Usage: node scripts/bench/assess.ts [--runs 15]   (runs over 208 companies) Prints one JSON line; times in ms.
import { DEMO_BASELINE, DEMO_GROUP, DEMO_TENANTS } from "#shared/demo/index.ts";
import { checkCompleteness } from "#shared/completeness/check.ts";
import { lintPublication } from "#shared/lint/index.ts";
import type { Group, TenantContent } from "#shared/model.ts";
import { resolvePublication } from "#shared/publication.ts";
import { assessContent } from "../../worker/completeness.ts";
import type { GroupRecord } from "../../worker/db/groups.ts";

const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15;

const largeGroup: Group = {
  ...DEMO_GROUP,
  members: [
    ...DEMO_GROUP.members,
    ...Array.from({ length: 10_000 }, (_, i) => ({
      slug: `bench-${String(i + 1).padStart(5, "0")}`,
      name: `Bedrijf ${String(i + 1).padStart(5, "0")}`,
    })),
  ],
  membersPage: `https://verklaring.example/v1/statements/${DEMO_GROUP.slug}.html`,
};
const group: GroupRecord = {
  id: 1,
  group: largeGroup,
  requireApproval: false,
  leadContact: null,
  identityChangedAt: null,
};

// What a rollout has in hand for each company: its content and its statements, resolved once. As
// in the bench's database (scripts/bench/generate.ts), most companies are the demo companies'
// details under a profile of their own, so their statements share the baseline's text but not
// the sentences that name the company.
const number = (i: number) => String(i + 1).padStart(4, "0");
const templates = DEMO_TENANTS.filter((t) => t.slug !== "jcc-software");
const generated = Array.from({ length: 200 }, (_, i) => {
  const template = templates[i % templates.length]!.content;
  const content: TenantContent = {
    ...structuredClone(template),
    profile: {
      ...template.profile,
      legalName: `Bedrijf ${number(i)} B.V.`,
      tradeName: `Bedrijf ${number(i)}`,
      kvkNumber: String(70_000_000 + i),
      email: `privacy@bedrijf-${number(i)}.example`,
      website: `https://www.bedrijf-${number(i)}.example`,
    },
  };
  return { slug: `bench-${number(i)}`, name: `Bedrijf ${number(i)}`, content };
});
const companies = [...DEMO_TENANTS, ...generated].map((t, i) => {
  const tenant = { id: i + 1, groupId: 1, slug: t.slug, name: t.name };
  const resolved = resolvePublication(DEMO_BASELINE, { group: largeGroup, slug: t.slug, content: t.content });
  return { tenant, content: t.content, resolved };
});

interface Timing {
  runs: number;
  /** Median wall time of one company. */
  medianMs: number;
  /** Process CPU time per company: less sensitive than wall time to a busy machine. */
  cpuMsPerCompany: number;
}

function time(work: (company: (typeof companies)[number]) => unknown): Timing {
  // Warm-up: let the JIT settle.
  for (let i = 0; i < 3; i++) for (const company of companies) work(company);
  const samples = new Float64Array(runs * companies.length);
  const cpuBefore = process.cpuUsage();
  let n = 0;
  for (let i = 0; i < runs; i++) {
    for (const company of companies) {
      const start = performance.now();
      work(company);
      samples[n++] = performance.now() - start;
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  samples.sort();
  return {
    runs,
    medianMs: round(samples[Math.floor(samples.length / 2)]!),
    cpuMsPerCompany: round((cpu.user + cpu.system) / 1000 / samples.length),
  };
}

const round = (n: number) => Number(n.toFixed(4));

const assess = time((c) => assessContent(group, c.tenant, DEMO_BASELINE, c.content, c.resolved));
const completeness = time((c) =>
  checkCompleteness(
    c.resolved.statements.find((s) => s.language === largeGroup.defaultLanguage)!,
    c.content,
    { jointControllership: DEMO_BASELINE.jointControllership },
  ),
);
const lint = time((c) =>
  lintPublication(
    DEMO_BASELINE,
    { group: largeGroup, slug: c.tenant.slug, content: c.content },
    c.resolved.statements,
  ),
);

console.log(
  JSON.stringify({
    companies: companies.length,
    groupMembers: largeGroup.members.length,
    languages: largeGroup.languages,
    assessContent: assess,
    checkCompleteness: completeness,
    lintPublication: lint,
  }),
);
