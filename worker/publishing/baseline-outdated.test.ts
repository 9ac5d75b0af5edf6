// What a baseline publish answers about the companies it leaves behind (issue 20): a group of up
// to OUTDATED_LIST_LIMIT active companies gets the exact list of companies now outdated; a larger
// group gets, from one count, how many rest on an older baseline — the publish no longer compares
// every company's statement with the new baseline within the request.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import { DEMO_GROUP, DEMO_TENANTS } from "#shared/demo/index.ts";
import type { TenantContent } from "#shared/model.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, signInAs, type Api } from "../test/clients.ts";
import { publishAt, publishBaselineWithNote } from "../test/fixtures.ts";
import { OUTDATED_LIST_LIMIT } from "./baseline.ts";

const group = DEMO_GROUP.slug;
let lead: Api;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs("lead@conxillium.example"));
});

/** A new baseline, published directly (approval is off in the demo group). */
async function publishNewBaseline(note: string) {
  const body = await publishBaselineWithNote(lead, group, note);
  if (body.kind !== "published") throw new Error("expected a direct publish");
  return body;
}

const activeCompanies = async (): Promise<number> =>
  (await env.DB.prepare(
    "SELECT COUNT(*) AS n FROM tenants t JOIN groups g ON g.id = t.group_id WHERE g.slug = ?1 AND t.status = 'active'",
  )
    .bind(group)
    .first<{ n: number }>())!.n;

function generatedContent(i: number): TenantContent {
  const template = DEMO_TENANTS.filter((t) => t.slug !== "jcc-software")[i % 7]!.content;
  return {
    ...structuredClone(template),
    profile: { ...template.profile, legalName: `Extra ${i} B.V.`, tradeName: `Extra ${i}` },
  };
}

it("lists the outdated companies of a small group, and only counts those of a group above the limit", async () => {
  // The demo group: every company has a published version, each resting on the baseline before.
  const small = await publishNewBaseline("Kleine groep");
  expect(small.companiesOnOlderBaseline).toBe(DEMO_TENANTS.length);
  expect(small.outdated).not.toBeNull();
  const slugs = small.outdated!.map((o) => o.tenant);
  // The companies that show "changes" are outdated; BeheerVisie and SIM leave it out.
  expect(slugs).toEqual(expect.arrayContaining(["geotax", "pharox", "jcc-software"]));
  expect(slugs).not.toContain("beheervisie");
  expect(slugs).not.toContain("sim");
  expect(small.outdated!.find((o) => o.tenant === "pharox")?.clean).toBe(true);

  // Above the limit: companies without a version yet count as active, not as resting on a
  // baseline; two of the new ones publish, on the baseline of this moment.
  const extra = OUTDATED_LIST_LIMIT + 1 - (await activeCompanies());
  const at = "2026-01-10T09:00:00.000Z";
  const slugOf = (i: number) => `extra-${String(i).padStart(3, "0")}`;
  await env.DB.batch(
    Array.from({ length: extra }, (_, i) =>
      env.DB.prepare(
        `INSERT INTO tenants (group_id, slug, name, position, created_at)
         SELECT id, ?2, ?3, ?4, ?5 FROM groups WHERE slug = ?1`,
      ).bind(group, slugOf(i), `Extra ${i}`, 100 + i, at),
    ),
  );
  for (const i of [0, 1])
    await publishAt(env.DB, group, slugOf(i), generatedContent(i), new Date().toISOString());
  expect(await activeCompanies()).toBe(OUTDATED_LIST_LIMIT + 1);

  const large = await publishNewBaseline("Grote groep");
  expect(large.outdated).toBeNull();
  expect(large.companiesOnOlderBaseline).toBe(DEMO_TENANTS.length + 2);

  // An archived company is out of every rollout, also out of the count (and back at the limit,
  // the exact list returns).
  const archived = await lead.api.groups[":group"].companies[":company"].archive.$post({
    param: { group, company: slugOf(0) },
    json: {},
  });
  expect(archived.status).toBe(200);
  const atLimit = await publishNewBaseline("Op de grens");
  expect(atLimit.companiesOnOlderBaseline).toBe(DEMO_TENANTS.length + 1);
  expect(atLimit.outdated?.map((o) => o.tenant)).toEqual(expect.arrayContaining(["pharox", slugOf(1)]));
}, 30_000);
