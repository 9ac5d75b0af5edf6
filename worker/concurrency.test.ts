// Many people at once: one draft saved in parallel, one company published in parallel.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import type { TenantContent } from "#shared/model.ts";
import { seedDemoGroup } from "./demo-seed.ts";
import { call, signInAs } from "./test/clients.ts";
import { demoContent, publishAt } from "./test/fixtures.ts";

let lead: string;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = await signInAs("lead@conxillium.example");
});

it("lets exactly one of many parallel saves of one revision win; the others get 409 with the winner's draft", async () => {
  const opened = (await (
    await call("/api/groups/conxillium/tenants/pharox/draft", { cookie: lead })
  ).json()) as {
    revision: number;
    content: TenantContent;
  };
  const phones = Array.from({ length: 12 }, (_, i) => `+31 70 000 ${String(1000 + i)}`);
  const responses = await Promise.all(
    phones.map((phone) => {
      const content = structuredClone(opened.content);
      content.profile.phone = phone;
      return call("/api/groups/conxillium/tenants/pharox/draft", {
        cookie: lead,
        method: "PUT",
        json: { content },
        headers: { "If-Match": `"${opened.revision}"` },
      });
    }),
  );
  const statuses = responses.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(11);
  const winner = phones[statuses.indexOf(200)]!;
  const now = (await (
    await call("/api/groups/conxillium/tenants/pharox/draft", { cookie: lead })
  ).json()) as {
    revision: number;
    content: TenantContent;
  };
  expect(now.revision).toBe(opened.revision + 1);
  expect(now.content.profile.phone).toBe(winner);
  // Every loser is handed the draft as it now is, so it can merge rather than lose its text.
  for (const res of responses.filter((r) => r.status === 409)) {
    const body = (await res.json()) as { current: { revision: number; content: TenantContent } };
    expect(body.current.revision).toBe(opened.revision + 1);
    expect(body.current.content.profile.phone).toBe(winner);
  }
  // One audit row for the one save that happened.
  const saves = await env.DB.prepare(
    "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'draft.saved' AND target = 'pharox'",
  ).first<{ n: number }>();
  expect(saves!.n).toBe(1);
});

it("numbers parallel publishes of one company consecutively, without duplicates or gaps", async () => {
  const contents = Array.from({ length: 8 }, (_, i) => {
    const content = demoContent("sim");
    content.profile.phone = `+31 10 000 ${String(2000 + i)}`;
    return content;
  });
  const versions = await Promise.all(
    contents.map((content) => publishAt(env.DB, "conxillium", "sim", content, new Date().toISOString())),
  );
  expect(versions.map((v) => v.number).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  const { results } = await env.DB.prepare(
    "SELECT v.number FROM statement_versions v JOIN tenants t ON t.id = v.tenant_id WHERE t.slug = 'sim' ORDER BY v.number",
  ).all<{ number: number }>();
  expect(results.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const renderings = await env.DB.prepare(
    `SELECT v.number, COUNT(*) AS n FROM statement_renderings r JOIN statement_versions v ON v.id = r.version_id
     JOIN tenants t ON t.id = v.tenant_id WHERE t.slug = 'sim' GROUP BY v.number`,
  ).all<{ number: number; n: number }>();
  expect(renderings.results.every((r) => r.n === 10)).toBe(true);
});
