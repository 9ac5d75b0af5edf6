// Rolling out a baseline that some companies cannot take: the others still publish, and each
// failure is reported by company name with the reason.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import type { Baseline } from "#shared/model.ts";
import { seedDemoGroup } from "./demo-seed.ts";
import { call, signInAs } from "./test/clients.ts";

let lead: string;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = await signInAs("lead@conxillium.example");
});

it("publishes the companies that can take the new baseline and names the ones that cannot", async () => {
  const res = await call("/api/groups/conxillium/baseline/draft", { cookie: lead });
  const { baseline } = (await res.json()) as { baseline: Baseline };
  // Only Procura has a data protection officer, so only Procura can fill this placeholder.
  const rights = baseline.sections.find((s) => s.key === "rights")!;
  rights.body.nl += "\n\nOnze functionaris gegevensbescherming: {{company.dpo.email}}.";
  rights.body.en += "\n\nOur data protection officer: {{company.dpo.email}}.";
  await call("/api/groups/conxillium/baseline/draft", {
    cookie: lead,
    method: "PUT",
    json: { baseline },
    headers: { "If-Match": res.headers.get("ETag")! },
  });
  expect(
    (
      await call("/api/groups/conxillium/baseline/publish", {
        cookie: lead,
        json: { changeNote: "FG vermelden" },
      })
    ).status,
  ).toBe(201);

  const bulk = await call("/api/groups/conxillium/rollout/republish", { cookie: lead, json: {} });
  expect(bulk.status).toBe(200);
  const body = (await bulk.json()) as {
    published: number;
    failed: number;
    results: { tenant: string; name: string; status: string; reason?: string }[];
  };
  const procura = body.results.find((r) => r.tenant === "procura")!;
  expect(procura.status).toBe("published");
  const geotax = body.results.find((r) => r.tenant === "geotax")!;
  expect(geotax).toMatchObject({ name: "GeoTax", status: "failed" });
  expect(geotax.reason).toContain("company.dpo.email");
  expect(body.published).toBe(1);
  expect(body.failed).toBeGreaterThanOrEqual(6);

  const served = (await (await call("/v1/statements/conxillium/procura.json")).json()) as {
    version: number;
    baselineVersion: number;
  };
  expect(served).toMatchObject({ version: 2, baselineVersion: 2 });
  const untouched = (await (await call("/v1/statements/conxillium/geotax.json")).json()) as {
    version: number;
  };
  expect(untouched.version).toBe(1);
});
