// A baseline change to a section a company left out does not make that company outdated: its
// statement would not change, so there is nothing to republish.
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

it("marks only the companies whose statement would change", async () => {
  const res = await call("/api/groups/conxillium/baseline/draft", { cookie: lead });
  const { baseline } = (await res.json()) as { baseline: Baseline };
  const changes = baseline.sections.find((s) => s.key === "changes")!;
  changes.body.nl += "\n\nWij melden grote wijzigingen ook per e-mail.";
  changes.body.en += "\n\nWe also announce major changes by e-mail.";
  await call("/api/groups/conxillium/baseline/draft", {
    cookie: lead,
    method: "PUT",
    json: { baseline },
    headers: { "If-Match": res.headers.get("ETag")! },
  });
  await call("/api/groups/conxillium/baseline/publish", {
    cookie: lead,
    json: { changeNote: "Wijzigingen per e-mail" },
  });

  const { companies } = (await (await call("/api/groups/conxillium/rollout", { cookie: lead })).json()) as {
    companies: { tenant: { slug: string }; outdated: boolean }[];
  };
  const outdated = companies.filter((c) => c.outdated).map((c) => c.tenant.slug);
  // BeheerVisie and SIM leave the "changes" section out.
  expect(outdated).not.toContain("beheervisie");
  expect(outdated).not.toContain("sim");
  expect(outdated).toContain("geotax");

  const bulk = (await (
    await call("/api/groups/conxillium/rollout/republish", { cookie: lead, json: {} })
  ).json()) as {
    failed: number;
    results: { tenant: string }[];
  };
  expect(bulk.failed).toBe(0);
  expect(bulk.results.map((r) => r.tenant)).not.toContain("sim");
  const after = (await (await call("/api/groups/conxillium/rollout", { cookie: lead })).json()) as {
    companies: { outdated: boolean; clean: boolean }[];
  };
  // Everything clean is now up to date; only conflicts (none here) would remain.
  expect(after.companies.filter((c) => c.outdated && c.clean)).toEqual([]);
});
