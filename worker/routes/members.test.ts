// The privacy lead manages who may do what.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, readError, signInAs, type Api } from "../test/clients.ts";

const group = "conxillium";
let lead: Api;

const members = async () =>
  (await (await lead.api.groups[":group"].members.$get({ param: { group }, query: {} })).json()).members;
const memberOf = async (email: string) => (await members()).find((m) => m.user.email === email)!;
const changeMember = (
  id: number,
  json: { role: "group_admin" | "tenant_editor" | "tenant_viewer"; tenant?: string },
) => lead.api.groups[":group"].members[":id"].$patch({ param: { group, id: String(id) }, json });
const draftOf = (api: Api, tenant: string) =>
  api.api.groups[":group"].tenants[":tenant"].draft.$get({ param: { group, tenant } });

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs("lead@conxillium.example"));
});

it("lists the group's people without any secret", async () => {
  const res = await lead.api.groups[":group"].members.$get({ param: { group }, query: {} });
  const text = await res.clone().text();
  expect(text).not.toMatch(/argon2|password|hash/i);
  expect((await res.json()).members.map((m) => [m.user.email, m.role, m.tenant?.slug ?? null])).toEqual(
    expect.arrayContaining([
      ["lead@conxillium.example", "group_admin", null],
      ["editor@jccsoftware.example", "tenant_editor", "jcc-software"],
      ["viewer@jccsoftware.example", "tenant_viewer", "jcc-software"],
      ["editor@dataquint.example", "tenant_editor", "dataquint"],
    ]),
  );
});

it("changes a role, takes effect at once and is audited", async () => {
  const viewer = await memberOf("viewer@jccsoftware.example");
  const viewerApi = apiAs(await signInAs("viewer@jccsoftware.example"));
  const draft = await draftOf(viewerApi, "jcc-software");
  expect((await draft.json()).role).toBe("tenant_viewer");

  const res = await changeMember(viewer.id, { role: "tenant_editor", tenant: "jcc-software" });
  expect(res.status).toBe(200);
  const after = await draftOf(viewerApi, "jcc-software");
  expect((await after.json()).role).toBe("tenant_editor");

  const audit = await (
    await lead.api.groups[":group"].audit.$get({ param: { group }, query: { action: "member.role_changed" } })
  ).json();
  expect(audit.entries[0]).toMatchObject({
    target: "viewer@jccsoftware.example",
    summary: {
      from: { role: "tenant_viewer", tenant: "jcc-software" },
      to: { role: "tenant_editor", tenant: "jcc-software" },
    },
  });
});

it("moves a member to another company: the old one disappears for them", async () => {
  const editor = await memberOf("editor@dataquint.example");
  await changeMember(editor.id, { role: "tenant_editor", tenant: "geotax" });
  const moved = apiAs(await signInAs("editor@dataquint.example"));
  expect((await draftOf(moved, "dataquint")).status).toBe(404);
  expect((await draftOf(moved, "geotax")).status).toBe(200);
});

it("keeps at least one privacy lead", async () => {
  const self = await memberOf("lead@conxillium.example");
  const res = await changeMember(self.id, { role: "tenant_viewer", tenant: "sim" });
  expect(res.status).toBe(409);
  expect((await memberOf("lead@conxillium.example")).role).toBe("group_admin");
});

it("refuses a role change that breaks the company rule, naming the field", async () => {
  const viewer = await memberOf("viewer@jccsoftware.example");
  const res = await changeMember(viewer.id, { role: "tenant_editor" });
  expect(res.status).toBe(400);
  expect((await readError(res)).error.issues?.[0]?.field).toBe("tenant");
});
