// Many people at once: one draft saved in parallel, one company published in parallel.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import { seedDemoGroup } from "./demo-seed.ts";
import { apiAs, readError, signInAs, type Api } from "./test/clients.ts";
import { demoContent, publishAt } from "./test/fixtures.ts";

const group = "conxillium";
let lead: Api;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs("lead@conxillium.example"));
});

const pharoxDraft = () =>
  lead.api.groups[":group"].tenants[":tenant"].draft.$get({ param: { group, tenant: "pharox" } });

it("lets exactly one of many parallel saves of one revision win; the others get 409 with the winner's draft", async () => {
  const opened = await (await pharoxDraft()).json();
  const phones = Array.from({ length: 12 }, (_, i) => `+31 70 000 ${String(1000 + i)}`);
  const responses = await Promise.all(
    phones.map((phone) => {
      const content = structuredClone(opened.content);
      content.profile.phone = phone;
      return lead.api.groups[":group"].tenants[":tenant"].draft.$put(
        { param: { group, tenant: "pharox" }, json: { content } },
        { headers: { "If-Match": `"${opened.revision}"` } },
      );
    }),
  );
  // Errors are thrown to onError, so the typed client only knows the 200: statuses are plain numbers.
  const statuses: number[] = responses.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(11);
  const winner = phones[statuses.indexOf(200)]!;
  const now = await (await pharoxDraft()).json();
  expect(now.revision).toBe(opened.revision + 1);
  expect(now.content.profile.phone).toBe(winner);
  // Every loser is handed the draft as it now is, so it can merge rather than lose its text.
  for (const res of responses.filter((_, i) => statuses[i] === 409)) {
    // The draft as it is now, exactly as GET /draft gives it.
    const { current } = await readError(res);
    expect(current).toMatchObject({ revision: opened.revision + 1, content: { profile: { phone: winner } } });
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
