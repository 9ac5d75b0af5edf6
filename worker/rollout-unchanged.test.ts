// A baseline change to a section a company left out does not make that company outdated: its
// statement would not change, so there is nothing to republish.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import { seedDemoGroup } from "./demo-seed.ts";
import { apiAs, signInAs, type Api } from "./test/clients.ts";

const group = "conxillium";
let lead: Api;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs("lead@conxillium.example"));
});

it("marks only the companies whose statement would change", async () => {
  const res = await lead.api.groups[":group"].baseline.draft.$get({ param: { group } });
  const { baseline } = await res.json();
  const changes = baseline.sections.find((s) => s.key === "changes")!;
  changes.body.nl += "\n\nWij melden grote wijzigingen ook per e-mail.";
  changes.body.en += "\n\nWe also announce major changes by e-mail.";
  await lead.api.groups[":group"].baseline.draft.$put(
    { param: { group }, json: { baseline } },
    { headers: { "If-Match": res.headers.get("ETag")! } },
  );
  await lead.api.groups[":group"].baseline.publish.$post({
    param: { group },
    json: { changeNote: "Wijzigingen per e-mail" },
  });

  const { companies } = await (
    await lead.api.groups[":group"].rollout.$get({ param: { group }, query: {} })
  ).json();
  const outdated = companies.filter((c) => c.outdated).map((c) => c.tenant.slug);
  // BeheerVisie and SIM leave the "changes" section out.
  expect(outdated).not.toContain("beheervisie");
  expect(outdated).not.toContain("sim");
  expect(outdated).toContain("geotax");

  const bulk = await (
    await lead.api.groups[":group"].rollout.republish.$post({ param: { group }, json: {} })
  ).json();
  expect(bulk.failed).toBe(0);
  expect(bulk.results.map((r) => r.tenant)).not.toContain("sim");
  const after = await (await lead.api.groups[":group"].rollout.$get({ param: { group }, query: {} })).json();
  // Everything clean is now up to date; only conflicts (none here) would remain.
  expect(after.companies.filter((c) => c.outdated && c.clean)).toEqual([]);
});
