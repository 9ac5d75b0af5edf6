// Rolling out a baseline that some companies cannot take: the others still publish, and each
// failure is reported by company name with the reason.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import { seedDemoGroup } from "./demo-seed.ts";
import { apiAs, readPublicJson, signInAs, type Api } from "./test/clients.ts";

const group = "conxillium";
let lead: Api;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs("lead@conxillium.example"));
});

it("publishes the companies that can take the new baseline and names the ones that cannot", async () => {
  const res = await lead.api.groups[":group"].baseline.draft.$get({ param: { group } });
  const { baseline } = await res.json();
  // Only Procura has a data protection officer, so only Procura can fill this placeholder.
  const rights = baseline.sections.find((s) => s.key === "rights")!;
  rights.body.nl += "\n\nOnze functionaris gegevensbescherming: {{company.dpo.email}}.";
  rights.body.en += "\n\nOur data protection officer: {{company.dpo.email}}.";
  await lead.api.groups[":group"].baseline.draft.$put(
    { param: { group }, json: { baseline } },
    { headers: { "If-Match": res.headers.get("ETag")! } },
  );
  const published = await lead.api.groups[":group"].baseline.publish.$post({
    param: { group },
    json: { changeNote: "FG vermelden" },
  });
  expect(published.status).toBe(201);

  const bulk = await lead.api.groups[":group"].rollout.republish.$post({ param: { group }, json: {} });
  expect(bulk.status).toBe(200);
  const body = await bulk.json();
  const procura = body.results.find((r) => r.tenant === "procura")!;
  expect(procura.status).toBe("published");
  const geotax = body.results.find((r) => r.tenant === "geotax")!;
  expect(geotax).toMatchObject({ name: "GeoTax", status: "failed" });
  expect(geotax.reason).toContain("company.dpo.email");
  expect(body.published).toBe(1);
  expect(body.failed).toBeGreaterThanOrEqual(6);

  const anonymous = apiAs();
  expect(await readPublicJson(anonymous, group, "procura")).toMatchObject({ version: 2, baselineVersion: 2 });
  expect((await readPublicJson(anonymous, group, "geotax")).version).toBe(1);
});
