// The group's people over the years (issue 18, item 4): one account with roles in several
// companies, a role taken away, a person taken out of the group (their session refused on the very
// next request), each member's last sign-in, and a group that never loses its last privacy lead.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoGroup } from "../demo-seed.ts";
import { apiAs, call, readError, signInAs, type Api } from "../test/clients.ts";

const group = "conxillium";
let lead: Api;

const members = async () =>
  (await (await lead.api.groups[":group"].members.$get({ param: { group }, query: {} })).json()).members;
const rolesOf = async (email: string) => (await members()).filter((m) => m.user.email === email);
const auditOf = async (action: string) =>
  (await (await lead.api.groups[":group"].audit.$get({ param: { group }, query: { action } })).json())
    .entries;
const draftStatus = async (api: Api, tenant: string) =>
  (await api.api.groups[":group"].tenants[":tenant"].draft.$get({ param: { group, tenant } })).status;
const removePerson = (api: Api, user: number) =>
  api.api.groups[":group"].people[":id"].$delete({ param: { group, id: String(user) } });

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs("lead@conxillium.example"));
});

it("gives one person roles in two companies on one account, and takes one away again", async () => {
  const [jcc] = await rolesOf("editor@jccsoftware.example");
  const added = await lead.api.groups[":group"].members.$post({
    param: { group },
    json: { user: jcc!.user.id, role: "tenant_editor", tenant: "geotax" },
  });
  expect(added.status).toBe(201);
  const editor = apiAs(await signInAs("editor@jccsoftware.example"));
  const tenants = await (
    await editor.api.groups[":group"].tenants.$get({ param: { group }, query: {} })
  ).json();
  expect(tenants.tenants.map((t) => t.slug).sort()).toEqual(["geotax", "jcc-software"]);
  expect(await draftStatus(editor, "geotax")).toBe(200);
  expect(await draftStatus(editor, "jcc-software")).toBe(200);
  expect(await rolesOf("editor@jccsoftware.example")).toHaveLength(2);

  const again = await lead.api.groups[":group"].members.$post({
    param: { group },
    json: { user: jcc!.user.id, role: "tenant_editor", tenant: "geotax" },
  });
  expect(again.status).toBe(409);

  const geotaxRole = (await rolesOf("editor@jccsoftware.example")).find((m) => m.tenant?.slug === "geotax")!;
  const removed = await lead.api.groups[":group"].members[":id"].$delete({
    param: { group, id: String(geotaxRole.id) },
  });
  expect(removed.status).toBe(200);
  expect(await removed.json()).toMatchObject({ leftGroup: false });
  // The same session goes on, with the one company left.
  expect(await draftStatus(editor, "geotax")).toBe(404);
  expect(await draftStatus(editor, "jcc-software")).toBe(200);
  expect((await auditOf("member.role_added"))[0]).toMatchObject({ target: "editor@jccsoftware.example" });
  expect((await auditOf("member.role_removed"))[0]).toMatchObject({
    summary: { role: "tenant_editor", tenant: "geotax" },
  });
});

it("adds roles only for people already in the group, and only in its active companies", async () => {
  const outsider = await env.DB.prepare(
    `INSERT INTO users (email, name, password_hash, created_at)
     SELECT 'buiten@example.test', 'Buiten', password_hash, '2026-01-01T00:00:00.000Z' FROM users LIMIT 1 RETURNING id`,
  ).first<{ id: number }>();
  const res = await lead.api.groups[":group"].members.$post({
    param: { group },
    json: { user: outsider!.id, role: "tenant_viewer", tenant: "sim" },
  });
  expect(res.status).toBe(404);
  const [viewer] = await rolesOf("viewer@jccsoftware.example");
  const unknown = await lead.api.groups[":group"].members.$post({
    param: { group },
    json: { user: viewer!.user.id, role: "tenant_viewer", tenant: "bestaat-niet" },
  });
  expect(unknown.status).toBe(422);
  expect((await readError(unknown)).error.issues?.[0]?.field).toBe("tenant");
});

it("shows each member's last sign-in", async () => {
  const before = (await rolesOf("viewer@jccsoftware.example"))[0]!;
  expect(before.user.lastSignInAt).toBeNull();
  const signIn = await call("/api/auth/login", {
    json: { email: "viewer@jccsoftware.example", password: DEMO_PASSWORD },
    headers: { "CF-Connecting-IP": "192.0.2.77" },
  });
  expect(signIn.status).toBe(200);
  const after = (await rolesOf("viewer@jccsoftware.example"))[0]!;
  expect(Date.now() - Date.parse(after.user.lastSignInAt!)).toBeLessThan(60_000);
});

it("takes a person out of the group: their session is refused on the next request", async () => {
  const cookie = await signInAs("editor@dataquint.example");
  expect((await call("/api/me", { cookie })).status).toBe(200);
  // An invitation still open for their address would let them back in: it is revoked with them.
  const invited = await call(`/api/groups/${group}/invitations`, {
    cookie: await signInAs("lead@conxillium.example"),
    json: { email: "editor@dataquint.example", role: "tenant_editor", tenant: "sim" },
  });
  const { token } = await invited.json<{ token: string }>();

  const [person] = await rolesOf("editor@dataquint.example");
  const res = await removePerson(lead, person!.user.id);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ leftGroup: true });

  expect((await call("/api/me", { cookie })).status).toBe(401);
  expect((await call(`/api/groups/${group}/tenants/dataquint/draft`, { cookie })).status).toBe(401);
  expect(await rolesOf("editor@dataquint.example")).toEqual([]);
  const invitations = await (
    await lead.api.groups[":group"].invitations.$get({ param: { group }, query: {} })
  ).json();
  expect(invitations.invitations.find((i) => i.email === "editor@dataquint.example")?.status).toBe("revoked");
  const accept = await call("/api/invitations/accept", {
    json: { token, name: "Terug", password: DEMO_PASSWORD },
  });
  expect(accept.status).not.toBe(200);
  expect((await auditOf("member.removed"))[0]).toMatchObject({
    target: "editor@dataquint.example",
    summary: { roles: [{ role: "tenant_editor", tenant: "dataquint" }] },
  });
});

it("keeps someone's sessions who is also in another group, but refuses them this group at once", async () => {
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO groups (slug, name, languages, default_language, created_at) VALUES ('tweede', 'Tweede', '[\"nl\"]', 'nl', '2026-01-01T00:00:00.000Z')",
    ),
    env.DB.prepare(
      `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
       SELECT u.id, g.id, NULL, 'group_admin', '2026-01-01T00:00:00.000Z' FROM users u, groups g
       WHERE u.email = 'viewer@jccsoftware.example' AND g.slug = 'tweede'`,
    ),
  ]);
  const cookie = await signInAs("viewer@jccsoftware.example");
  const [person] = await rolesOf("viewer@jccsoftware.example");
  expect((await removePerson(lead, person!.user.id)).status).toBe(200);
  expect((await call(`/api/groups/${group}/tenants`, { cookie })).status).toBe(404);
  expect((await call("/api/groups/tweede/tenants", { cookie })).status).toBe(200);
});

it("never leaves the group without a privacy lead, also when two remove each other at once", async () => {
  const [self] = await rolesOf("lead@conxillium.example");
  const alone = await removePerson(lead, self!.user.id);
  expect(alone.status).toBe(409);
  expect((await readError(alone)).error.code).toBe("last_group_admin");

  // A second privacy lead; then each removes the other in the same instant.
  const [jcc] = await rolesOf("editor@jccsoftware.example");
  const promoted = await lead.api.groups[":group"].members.$post({
    param: { group },
    json: { user: jcc!.user.id, role: "group_admin" },
  });
  expect(promoted.status).toBe(201);
  const second = apiAs(await signInAs("editor@jccsoftware.example"));
  const answers = await Promise.all([removePerson(lead, jcc!.user.id), removePerson(second, self!.user.id)]);
  expect(answers.map((a) => a.status)).toContain(200);
  const leads = (await env.DB.prepare(
    "SELECT COUNT(*) AS n FROM memberships m JOIN groups g ON g.id = m.group_id WHERE g.slug = 'conxillium' AND m.role = 'group_admin'",
  ).first<{ n: number }>())!.n;
  expect(leads).toBe(1);
  // Nor by writing to the database directly.
  await expect(
    env.DB.prepare(
      "DELETE FROM memberships WHERE role = 'group_admin' AND group_id = (SELECT id FROM groups WHERE slug = 'conxillium')",
    ).run(),
  ).rejects.toThrow(/last_group_admin/);
});

it("signs someone out whose last two roles are taken away at once, as taking both in one go would", async () => {
  // A person of their own (with the demo password), an editor of two companies.
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO users (email, name, password_hash, created_at)
       SELECT 'twee-rollen@example.test', 'Twee Rollen', password_hash, '2026-01-01T00:00:00.000Z' FROM users
       WHERE email = 'lead@conxillium.example'`,
    ),
    env.DB.prepare(
      `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
       SELECT u.id, g.id, t.id, 'tenant_editor', '2026-01-01T00:00:00.000Z' FROM users u, groups g
       JOIN tenants t ON t.group_id = g.id AND t.slug IN ('geotax', 'sim')
       WHERE u.email = 'twee-rollen@example.test' AND g.slug = 'conxillium'`,
    ),
  ]);
  const cookie = await signInAs("twee-rollen@example.test");
  const roles = await rolesOf("twee-rollen@example.test");
  expect(roles).toHaveLength(2);

  // Each removal alone sees another role left; together they leave none.
  const answers = await Promise.all(
    roles.map((role) =>
      lead.api.groups[":group"].members[":id"].$delete({ param: { group, id: String(role.id) } }),
    ),
  );
  expect(answers.map((res) => res.status)).toEqual([200, 200]);
  expect(await rolesOf("twee-rollen@example.test")).toEqual([]);
  expect((await call("/api/me", { cookie })).status).toBe(401);
});
