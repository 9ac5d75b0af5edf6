// Invitations end to end: created by the privacy lead, accepted once by the invitee.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoGroup } from "../demo-seed.ts";
import { apiAs, call, readError, sessionCookieFrom, signInAs, type Api } from "../test/clients.ts";

let lead: Api;
let leadCookie: string;
let counter = 0;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  leadCookie = await signInAs("lead@conxillium.example");
  lead = apiAs(leadCookie);
});

const group = { param: { group: "conxillium" } };
const anonymous = apiAs();

async function invite(
  body: { email?: string; role?: "tenant_editor" | "tenant_viewer"; tenant?: string } = {},
) {
  const res = await lead.api.groups[":group"].invitations.$post({
    ...group,
    json: {
      email: `person-${++counter}@example.test`,
      role: "tenant_editor",
      tenant: "jcc-software",
      ...body,
    },
  });
  expect(res.status).toBe(201);
  return res.json();
}

const accept = (token: string, password = "a-strong-password-1", name = "Nieuwe Redacteur") =>
  anonymous.api.invitations.accept.$post({ json: { token, name, password } });
const lookup = (token: string) => anonymous.api.invitations.lookup.$post({ json: { token } });
const withdraw = (id: number) =>
  lead.api.groups[":group"].invitations[":id"].$delete({ param: { group: "conxillium", id: String(id) } });

describe("creating an invitation", () => {
  it("shows the token once, stores only its hash and expires after seven days", async () => {
    const created = await invite({ email: "Nieuw@Example.test" });
    expect(created.token).toMatch(/^[a-z2-7]{32}$/);
    expect(created.acceptUrl).toBe(`http://verklaring.test/invite#token=${created.token}`);
    expect(created.invitation).toMatchObject({ email: "nieuw@example.test", status: "pending" });
    const days = (Date.parse(created.invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const stored = JSON.stringify((await env.DB.prepare("SELECT * FROM invitations").all()).results);
    expect(stored).not.toContain(created.token);
    const listed = await (await lead.api.groups[":group"].invitations.$get({ ...group, query: {} })).text();
    expect(listed).toContain("nieuw@example.test");
    expect(listed).not.toContain(created.token);
  });

  it.each([
    [{ role: "tenant_editor", tenant: undefined }, "tenant"],
    [{ role: "group_admin", tenant: "jcc-software" }, "tenant"],
    [{ role: "owner" }, "role"],
    [{ email: "not an address" }, "email"],
  ])("refuses %o naming %s", async (body, field) => {
    // Malformed input goes as a path: the typed client would not let most of these through.
    const res = await call("/api/groups/conxillium/invitations", {
      cookie: leadCookie,
      json: { email: "x@example.test", role: "tenant_editor", tenant: "jcc-software", ...body },
    });
    expect(res.status).toBe(400);
    expect(((await readError(res)).error.issues ?? []).map((i) => i.field)).toContain(field);
  });

  it("refuses a company of another group", async () => {
    const res = await lead.api.groups[":group"].invitations.$post({
      ...group,
      json: { email: "x@example.test", role: "tenant_editor", tenant: "no-such-company" },
    });
    expect(res.status).toBe(422);
  });
});

describe("accepting an invitation", () => {
  it("creates the account with its role, signs in, and works only once", async () => {
    const { token, invitation } = await invite();
    expect(await (await lookup(token)).json()).toEqual({
      email: invitation.email,
      role: "tenant_editor",
      group: { name: "Conxillium" },
      tenant: { name: "JCC Software" },
      expiresAt: invitation.expiresAt,
    });
    const accepted = await accept(token);
    expect(accepted.status).toBe(200);
    const newcomer = apiAs(sessionCookieFrom(accepted));
    const me = await newcomer.api.me.$get();
    expect(await me.json()).toMatchObject({
      user: { email: invitation.email, name: "Nieuwe Redacteur" },
      memberships: [{ role: "tenant_editor", tenant: { slug: "jcc-software" } }],
    });
    // The new editor signs in with the chosen password, and may open JCC's draft but not DataQuint's.
    const login = await anonymous.api.auth.login.$post({
      json: { email: invitation.email, password: "a-strong-password-1" },
    });
    expect(login.status).toBe(200);
    const draftOf = (tenant: string) =>
      newcomer.api.groups[":group"].tenants[":tenant"].draft.$get({ param: { group: "conxillium", tenant } });
    expect((await draftOf("jcc-software")).status).toBe(200);
    expect((await draftOf("dataquint")).status).toBe(404);

    const again = await accept(token, "another-password-2");
    expect(again.status).toBe(410);
    expect((await lookup(token)).status).toBe(410);
  });

  it("refuses an expired invitation", async () => {
    const { token, invitation } = await invite();
    await env.DB.prepare("UPDATE invitations SET expires_at = ?1 WHERE id = ?2")
      .bind(new Date(Date.now() - 1000).toISOString(), invitation.id)
      .run();
    const res = await accept(token);
    expect(res.status).toBe(410);
    expect((await readError(res)).error.message).toContain("expired");
    expect(
      await env.DB.prepare("SELECT 1 FROM users WHERE email = ?1").bind(invitation.email).first(),
    ).toBeNull();
  });

  it("refuses a withdrawn invitation", async () => {
    const { token, invitation } = await invite();
    expect((await withdraw(invitation.id)).status).toBe(200);
    expect((await accept(token)).status).toBe(410);
    expect((await withdraw(invitation.id)).status).toBe(409);
  });

  it("lets the database refuse a second acceptance even when both passed the first check", async () => {
    const { invitation } = await invite();
    await env.DB.prepare("UPDATE invitations SET accepted_at = ?1 WHERE id = ?2")
      .bind(new Date().toISOString(), invitation.id)
      .run();
    await expect(
      env.DB.prepare("UPDATE invitations SET accepted_at = ?1 WHERE id = ?2")
        .bind(new Date().toISOString(), invitation.id)
        .run(),
    ).rejects.toThrow(/invitation_closed/);
  });

  it("lets an existing account accept only from its own session, and adds the membership", async () => {
    const { token } = await invite({
      email: "editor@dataquint.example",
      role: "tenant_viewer",
      tenant: "jcc-software",
    });
    // Without a session: refused whatever password comes along, and nobody is signed in.
    const withoutSession = await accept(token, DEMO_PASSWORD);
    expect(withoutSession.status).toBe(409);
    expect((await readError(withoutSession)).error.code).toBe("sign_in_required");
    expect(sessionCookieFrom(withoutSession)).toBeUndefined();
    // From the account's own session, with the token alone.
    const daan = apiAs(await signInAs("editor@dataquint.example"));
    const ok = await daan.api.invitations.accept.$post({ json: { token } });
    expect(ok.status).toBe(200);
    const me = await (await daan.api.me.$get()).json();
    expect(me.user.name).toBe("Daan Quint");
    expect(
      me.memberships
        .map((m) => [m.tenant?.slug ?? null, m.role])
        .sort((a, b) => String(a).localeCompare(String(b))),
    ).toEqual([
      ["dataquint", "tenant_editor"],
      ["jcc-software", "tenant_viewer"],
    ]);
    expect((await daan.api.invitations.accept.$post({ json: { token } })).status).toBe(410);
  });

  it("refuses a password shorter than 12 characters", async () => {
    const { token } = await invite();
    const res = await accept(token, "too-short");
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain("too-short");
  });

  it("answers an unknown token with 404", async () => {
    expect((await accept("a".repeat(32))).status).toBe(404);
  });
});
