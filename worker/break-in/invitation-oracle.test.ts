// Issue 13, item 2, reproduced: accepting an invitation for an address that already has an account
// used to check that account's password without throttle or audit, and handed out a session with
// every membership of the account. Now the answer never depends on a password, an existing account
// accepts only from its own session, and every failed attempt is counted and logged.
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { THROTTLE } from "../auth/throttle.ts";
import { DEMO_PASSWORD, seedDemoGroup } from "../demo-seed.ts";
import { call, sessionCookieFrom, signInAs } from "../test/clients.ts";

let lead: string;
let counter = 0;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = await signInAs("lead@conxillium.example");
});

beforeEach(async () => {
  await env.DB.prepare("DELETE FROM sign_in_attempts").run();
});

async function invite(email: string, role = "tenant_viewer", tenant = "jcc-software"): Promise<string> {
  const res = await call("/api/groups/conxillium/invitations", {
    cookie: lead,
    json: { email, role, tenant },
  });
  expect(res.status).toBe(201);
  return (await res.json<{ token: string }>()).token;
}

const accept = (body: Record<string, unknown>, options: { ip?: string; cookie?: string } = {}) =>
  call("/api/invitations/accept", {
    json: body,
    cookie: options.cookie,
    headers: { "CF-Connecting-IP": options.ip ?? "198.18.200.1" },
  });

const membershipsOf = async (email: string) =>
  (
    await env.DB.prepare(
      `SELECT t.slug, m.role FROM memberships m JOIN users u ON u.id = m.user_id
       LEFT JOIN tenants t ON t.id = m.tenant_id WHERE u.email = ?1 ORDER BY t.slug`,
    )
      .bind(email)
      .all<{ slug: string; role: string }>()
  ).results;

const acceptFailures = async () =>
  (
    await env.DB.prepare(
      "SELECT chain, summary FROM audit_log WHERE action = 'invitation.accept_failed' ORDER BY id",
    ).all<{ chain: string; summary: string }>()
  ).results;

describe("item 2: accepting an invitation is no password oracle", { timeout: 60_000 }, () => {
  it("answers lookup the same way whether or not the address has an account", async () => {
    const existing = await (
      await call("/api/invitations/lookup", { json: { token: await invite("editor@dataquint.example") } })
    ).json();
    const fresh = await (
      await call("/api/invitations/lookup", {
        json: { token: await invite(`nobody-${++counter}@example.test`) },
      })
    ).json();
    expect(Object.keys(existing as object).sort()).toEqual(Object.keys(fresh as object).sort());
    expect(JSON.stringify(existing)).not.toMatch(/account/i);
  });

  it("gives the same answer for the right and a wrong password of an existing account, checks neither, and hands out no session", async () => {
    const token = await invite("editor@dataquint.example");
    const before = await membershipsOf("editor@dataquint.example");
    const right = await accept({ token, name: "Wie dan ook", password: DEMO_PASSWORD });
    const wrong = await accept({ token, name: "Wie dan ook", password: "certainly-not-it" });
    expect([right.status, wrong.status]).toEqual([409, 409]);
    expect(await right.text()).toBe(await wrong.text());
    for (const res of [right, wrong]) expect(sessionCookieFrom(res)).toBeUndefined();
    expect(await membershipsOf("editor@dataquint.example")).toEqual(before);
    // Both attempts were counted and written to the sign-in log of the invitation's group.
    expect((await acceptFailures()).slice(-2)).toEqual([
      expect.objectContaining({ chain: expect.stringMatching(/^sign-ins:\d+$/) }),
      expect.objectContaining({ chain: expect.stringMatching(/^sign-ins:\d+$/) }),
    ]);
    expect(JSON.parse((await acceptFailures()).at(-1)!.summary)).toMatchObject({
      reason: "sign_in_required",
    });
  });

  it("never hands a session with another group's memberships to whoever holds the link", async () => {
    // The editor of DataQuint is invited to JCC; someone with the link but not the account tries.
    const token = await invite("editor@dataquint.example", "tenant_editor");
    const res = await accept({ token, name: "Indringer", password: "een-lang-wachtwoord" });
    expect(res.status).toBe(409);
    expect(sessionCookieFrom(res)).toBeUndefined();
    // Signed in as someone else, the link does not work either.
    const viewer = await signInAs("viewer@jccsoftware.example");
    const other = await accept({ token }, { cookie: viewer });
    expect(other.status).toBe(403);
    expect(await membershipsOf("viewer@jccsoftware.example")).toEqual([
      { slug: "jcc-software", role: "tenant_viewer" },
    ]);
    expect(JSON.parse((await acceptFailures()).at(-1)!.summary)).toMatchObject({ reason: "other_account" });
    // The account's own session accepts it, and only the invited membership is added.
    const daan = await signInAs("editor@dataquint.example");
    expect((await accept({ token }, { cookie: daan })).status).toBe(200);
    expect(await membershipsOf("editor@dataquint.example")).toEqual([
      { slug: "dataquint", role: "tenant_editor" },
      { slug: "jcc-software", role: "tenant_editor" },
    ]);
  });

  it("counts failed accepts with the sign-in attempts and refuses them with 429 past the limit", async () => {
    const ip = "198.18.200.9";
    const token = await invite("editor@jccsoftware.example", "tenant_viewer", "dataquint");
    for (let i = 0; i < THROTTLE.pair.limit; i++) {
      expect((await accept({ token }, { ip })).status).toBe(409);
    }
    const refused = await accept({ token }, { ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Those failures count for signing in to that account from that address as well.
    const signIn = await call("/api/auth/login", {
      json: { email: "editor@jccsoftware.example", password: DEMO_PASSWORD },
      headers: { "CF-Connecting-IP": ip },
    });
    expect(signIn.status).toBe(429);
  });

  it("counts and logs unknown links too", async () => {
    const before = (await acceptFailures()).length;
    const res = await accept({ token: "a".repeat(32), name: "X", password: "een-lang-wachtwoord" });
    expect(res.status).toBe(404);
    const failures = await acceptFailures();
    expect(failures).toHaveLength(before + 1);
    expect(failures.at(-1)).toMatchObject({ chain: "sign-ins" });
    const attempts = await env.DB.prepare("SELECT COUNT(*) AS n FROM sign_in_attempts").first<{
      n: number;
    }>();
    expect(attempts!.n).toBe(1);
  });
});
