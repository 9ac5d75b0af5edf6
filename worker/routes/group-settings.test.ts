// The group's settings (issue 18, item 3): name, default language, the privacy lead's contact shown
// to every member, and the approval setting — each change audited and, where the statements say
// it, followed by the rollout.
import { env, exports } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, readError, signInAs, type Api } from "../test/clients.ts";

const group = "conxillium";
let lead: Api;
let editor: Api;

const put = (json: Parameters<Api["api"]["groups"][":group"]["settings"]["$put"]>[0]["json"]) =>
  lead.api.groups[":group"].settings.$put({ param: { group }, json });
const auditOf = async (action: string) =>
  (await (await lead.api.groups[":group"].audit.$get({ param: { group }, query: { action } })).json())
    .entries;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs("lead@conxillium.example"));
  editor = apiAs(await signInAs("editor@jccsoftware.example"));
});

it("shows every member the privacy lead's contact once the lead sets it", async () => {
  const before = await (await editor.api.groups[":group"].$get({ param: { group } })).json();
  expect(before).toMatchObject({ name: "Conxillium", leadContact: null });
  const res = await put({
    leadContact: {
      name: "Privacyteam Conxillium",
      email: "Privacy@Conxillium.example",
      phone: "+31 20 123 4567",
    },
  });
  expect(res.status).toBe(200);
  const after = await (await editor.api.groups[":group"].$get({ param: { group } })).json();
  expect(after.leadContact).toEqual({
    name: "Privacyteam Conxillium",
    email: "privacy@conxillium.example",
    phone: "+31 20 123 4567",
  });
  // The settings themselves are the lead's.
  expect((await editor.api.groups[":group"].settings.$get({ param: { group } })).status).toBe(403);
  expect(
    (await editor.api.groups[":group"].settings.$put({ param: { group }, json: { name: "X" } })).status,
  ).toBe(403);
  expect((await put({ leadContact: null })).status).toBe(200);
  expect(
    (await (await editor.api.groups[":group"].$get({ param: { group } })).json()).leadContact,
  ).toBeNull();
  expect((await auditOf("settings.changed")).map((e) => e.target)).toEqual(["leadContact", "leadContact"]);
});

it("renames the group: listed at once, and every statement that names the group is outdated", async () => {
  const res = await put({ name: "Conxillium Groep" });
  expect(res.status).toBe(200);
  expect((await res.json()).name).toBe("Conxillium Groep");
  const listing = await exports.default.fetch(new Request("http://verklaring.test/v1/statements/conxillium"));
  expect((await listing.json<{ group: { name: string } }>()).group.name).toBe("Conxillium Groep");
  const rollout = await (
    await lead.api.groups[":group"].rollout.$get({ param: { group }, query: {} })
  ).json();
  expect(rollout.companies.every((c) => c.outdated && c.reasons.includes("group"))).toBe(true);
  expect((await auditOf("settings.changed"))[0]).toMatchObject({
    target: "name",
    summary: { from: "Conxillium", to: "Conxillium Groep" },
  });
});

it("changes the default language a public URL without ?lang serves, among the group's languages only", async () => {
  const statement = () =>
    exports.default.fetch(new Request("http://verklaring.test/v1/statements/conxillium/jcc-software.json"));
  expect((await statement()).headers.get("Content-Language")).toBe("nl");
  expect((await put({ defaultLanguage: "en" })).status).toBe(200);
  expect((await statement()).headers.get("Content-Language")).toBe("en");
  const bad = await lead.api.groups[":group"].settings.$put({
    param: { group },
    // @ts-expect-error: a language the API does not know
    json: { defaultLanguage: "de" },
  });
  expect(bad.status).toBe(400);
  expect((await readError(bad)).error.issues?.[0]?.field).toBe("defaultLanguage");
  const empty = await put({});
  expect(empty.status).toBe(400);
  expect((await put({ defaultLanguage: "nl" })).status).toBe(200);
});

it("keeps the approval setting (moved here from the approval routes)", async () => {
  const on = await put({ requireApproval: true });
  expect((await on.json()).requireApproval).toBe(true);
  const settings = await (await lead.api.groups[":group"].settings.$get({ param: { group } })).json();
  expect(settings).toMatchObject({ requireApproval: true, languages: ["nl", "en"], defaultLanguage: "nl" });
  expect((await put({ requireApproval: false })).status).toBe(200);
});

it("gives every member the group's companies as the statements name them: all of a small group, the first 101 and the count of a large one", async () => {
  const profile = async () => (await editor.api.groups[":group"].$get({ param: { group } })).json();
  const small = await profile();
  expect(small.members.map((m) => m.slug)).toContain("jcc-software");
  expect(small.memberCount).toBeNull();
  expect(small.membersPage).toBe("http://verklaring.test/v1/statements/conxillium.html");

  // 150 more active companies, written straight into D1 (the route only reads).
  const { id } = (await env.DB.prepare("SELECT id FROM groups WHERE slug = ?1")
    .bind(group)
    .first<{ id: number }>())!;
  await env.DB.batch(
    Array.from({ length: 150 }, (_, i) =>
      env.DB.prepare(
        "INSERT INTO tenants (group_id, slug, name, position, created_at) VALUES (?1, ?2, ?3, ?4, '2026-01-10T09:00:00.000Z')",
      ).bind(id, `groot-${String(i).padStart(3, "0")}`, `Groot ${i}`, 1000 + i),
    ),
  );
  const active = (await env.DB.prepare(
    "SELECT count(*) AS n FROM tenants WHERE group_id = ?1 AND status = 'active'",
  )
    .bind(id)
    .first<{ n: number }>())!.n;
  const large = await profile();
  // The first 101 in the group's order: the eight demo companies (positions 0–7), then groot-000….
  expect(large.members).toHaveLength(101);
  expect(large.members.at(-1)?.slug).toBe(`groot-${String(101 - small.members.length - 1).padStart(3, "0")}`);
  expect(large.memberCount).toBe(active);
  expect(large.members.map((m) => m.slug)).not.toContain("groot-149");
});
