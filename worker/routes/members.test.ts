// The privacy lead manages who may do what.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import { seedDemoGroup } from "../demo-seed.ts";
import { call, signInAs } from "../test/clients.ts";

interface MemberView {
  id: number;
  user: { email: string };
  role: string;
  tenant: { slug: string } | null;
}

let lead: string;
const members = async (): Promise<MemberView[]> =>
  (
    (await (await call("/api/groups/conxillium/members", { cookie: lead })).json()) as {
      members: MemberView[];
    }
  ).members;
const memberOf = async (email: string) => (await members()).find((m) => m.user.email === email)!;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = await signInAs("lead@conxillium.example");
});

it("lists the group's people without any secret", async () => {
  const res = await call("/api/groups/conxillium/members", { cookie: lead });
  const text = await res.text();
  expect(text).not.toMatch(/argon2|password|hash/i);
  expect(
    (JSON.parse(text) as { members: MemberView[] }).members.map((m) => [
      m.user.email,
      m.role,
      m.tenant?.slug ?? null,
    ]),
  ).toEqual(
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
  const viewerCookie = await signInAs("viewer@jccsoftware.example");
  const draft = await call("/api/groups/conxillium/tenants/jcc-software/draft", { cookie: viewerCookie });
  expect(((await draft.json()) as { role: string }).role).toBe("tenant_viewer");

  const res = await call(`/api/groups/conxillium/members/${viewer.id}`, {
    cookie: lead,
    method: "PATCH",
    json: { role: "tenant_editor", tenant: "jcc-software" },
  });
  expect(res.status).toBe(200);
  const after = await call("/api/groups/conxillium/tenants/jcc-software/draft", { cookie: viewerCookie });
  expect(((await after.json()) as { role: string }).role).toBe("tenant_editor");

  const audit = (await (
    await call("/api/groups/conxillium/audit?action=member.role_changed", { cookie: lead })
  ).json()) as {
    entries: { target: string; summary: unknown }[];
  };
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
  await call(`/api/groups/conxillium/members/${editor.id}`, {
    cookie: lead,
    method: "PATCH",
    json: { role: "tenant_editor", tenant: "geotax" },
  });
  const cookie = await signInAs("editor@dataquint.example");
  expect((await call("/api/groups/conxillium/tenants/dataquint/draft", { cookie })).status).toBe(404);
  expect((await call("/api/groups/conxillium/tenants/geotax/draft", { cookie })).status).toBe(200);
});

it("keeps at least one privacy lead", async () => {
  const self = await memberOf("lead@conxillium.example");
  const res = await call(`/api/groups/conxillium/members/${self.id}`, {
    cookie: lead,
    method: "PATCH",
    json: { role: "tenant_viewer", tenant: "sim" },
  });
  expect(res.status).toBe(409);
  expect((await memberOf("lead@conxillium.example")).role).toBe("group_admin");
});

it("refuses a role change that breaks the company rule, naming the field", async () => {
  const viewer = await memberOf("viewer@jccsoftware.example");
  const res = await call(`/api/groups/conxillium/members/${viewer.id}`, {
    cookie: lead,
    method: "PATCH",
    json: { role: "tenant_editor" },
  });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: { issues: { field: string }[] } }).error.issues[0]!.field).toBe(
    "tenant",
  );
});
