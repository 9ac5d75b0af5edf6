// Signing in and out through the API, throttling, enumeration and CSRF.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "../auth/authenticate.ts";
import { UNKNOWN_ACCOUNT_HASH, verifyPasswordHash } from "../auth/password.ts";
import { DEMO_PASSWORD, seedDemoGroup } from "../demo-seed.ts";
import { findUserByEmail } from "../db/accounts.ts";
import { SESSION_COOKIE } from "../http/session-cookie.ts";
import { call, sessionCookieFrom, signInAs } from "../test/clients.ts";

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
});

let address = 0;
/** Each test signs in from its own (documentation-range) address, so throttling stays per test. */
const login = (email: string, password: string, ip = `198.51.100.${++address}`) =>
  call("/api/auth/login", { json: { email, password }, headers: { "CF-Connecting-IP": ip } });

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe("sign in", () => {
  it("sets an HttpOnly, Secure, SameSite=Lax session cookie for the whole site", async () => {
    const res = await login("editor@jccsoftware.example", DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const header = res.headers.getSetCookie().find((h) => h.startsWith(`${SESSION_COOKIE}=`))!;
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/Secure/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Path=\//);
    const body = await res.text();
    const token = sessionCookieFrom(res)!.split("=")[1]!;
    expect(body).not.toContain(token);
    expect(body).not.toContain("argon2id");
    const me = await call("/api/me", { cookie: sessionCookieFrom(res) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { email: "editor@jccsoftware.example" },
      memberships: [
        { role: "tenant_editor", group: { slug: "conxillium" }, tenant: { slug: "jcc-software" } },
      ],
    });
  });

  it("accepts the address in any case and with surrounding spaces", async () => {
    expect((await login("  Editor@JCCSoftware.Example ", DEMO_PASSWORD)).status).toBe(200);
  });

  it("answers an unknown address exactly like a wrong password", async () => {
    const wrong = await login("editor@jccsoftware.example", "not-the-password");
    const unknown = await login("nobody@jccsoftware.example", "not-the-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toBe(await wrong.text());
    expect([...unknown.headers.keys()].sort()).toEqual([...wrong.headers.keys()].sort());
  });

  it("does the same argon2id work for an unknown address as for a wrong password", async () => {
    const calls: string[] = [];
    const counting = (hash: string, password: string) => {
      calls.push(hash);
      return verifyPasswordHash(hash, password);
    };
    const account = (await findUserByEmail(env.DB, "editor@jccsoftware.example"))!;
    expect(
      (await authenticateWithPassword(env.DB, "editor@jccsoftware.example", "wrong", counting)).user,
    ).toBeNull();
    expect(
      (await authenticateWithPassword(env.DB, "nobody@example.test", "wrong", counting)).user,
    ).toBeNull();
    expect(calls).toEqual([account.passwordHash, UNKNOWN_ACCOUNT_HASH]);
    // The stand-in hash costs what a real one costs: same algorithm and parameters.
    expect(UNKNOWN_ACCOUNT_HASH.split("$").slice(0, 4)).toEqual(account.passwordHash.split("$").slice(0, 4));
  });

  it("names the fields of a malformed request without echoing the password", async () => {
    const res = await call("/api/auth/login", { json: { email: "not-an-address", password: "", extra: 1 } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { field: string }[] } };
    expect(body.error.issues.map((i) => i.field).sort()).toEqual(["email", "extra", "password"]);
    const leaky = await call("/api/auth/login", { json: { email: "x", password: "my-secret-password-123" } });
    expect(await leaky.text()).not.toContain("my-secret-password-123");
  });
});

/** Moves every recorded sign-in attempt `ms` into the past, as if that much time had gone by. */
const ageAttempts = (ms: number) =>
  env.DB.prepare("UPDATE sign_in_attempts SET attempted_at = attempted_at - ?1").bind(ms).run();

describe("throttling", { timeout: 60_000 }, () => {
  it("refuses the sixth attempt on an account from one address within 15 minutes with 429 and Retry-After, even with the right password", async () => {
    const ip = "192.0.2.10";
    for (let i = 0; i < 5; i++)
      expect((await login("editor@dataquint.example", `wrong-${i}`, ip)).status).toBe(401);
    const blocked = await login("editor@dataquint.example", DEMO_PASSWORD, ip);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect((await errorOf(blocked)).code).toBe("too_many_attempts");
  });

  it("spaces out attempts on one account from many addresses with a growing delay, never a lock", async () => {
    const email = "viewer@jccsoftware.example";
    // Five failures from five addresses are free; then 30 s must pass since the last one.
    for (let i = 0; i < 5; i++) expect((await login(email, "wrong-password")).status).toBe(401);
    const sixth = await login(email, DEMO_PASSWORD);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(sixth.headers.get("Retry-After"))).toBeLessThanOrEqual(30);
    await ageAttempts(31_000);
    // Another wrong one is let through, and the wait after it doubles to a minute.
    expect((await login(email, "wrong-again")).status).toBe(401);
    const seventh = await login(email, DEMO_PASSWORD);
    expect(seventh.status).toBe(429);
    expect(Number(seventh.headers.get("Retry-After"))).toBeGreaterThan(30);
    expect(Number(seventh.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
    await ageAttempts(61_000);
    expect((await login(email, DEMO_PASSWORD)).status).toBe(200);
  });

  it("lets the account in again once the failures are older than the window", async () => {
    const email = "editor@jccsoftware.example";
    const ip = "192.0.2.11";
    for (let i = 0; i < 5; i++) await login(email, "wrong-password", ip);
    expect((await login(email, DEMO_PASSWORD, ip)).status).toBe(429);
    await ageAttempts(16 * 60 * 1000);
    expect((await login(email, DEMO_PASSWORD, ip)).status).toBe(200);
  });

  it("throttles unknown addresses the same way, so the limit reveals no account", async () => {
    const ip = "192.0.2.12";
    for (let i = 0; i < 5; i++) await login("ghost@example.test", "wrong-password", ip);
    const ghost = await login("ghost@example.test", "wrong-password", ip);
    for (let i = 0; i < 5; i++) await login("lead@conxillium.example", "wrong-password", ip);
    const real = await login("lead@conxillium.example", "wrong-password", ip);
    expect([ghost.status, real.status]).toEqual([429, 429]);
    expect(await ghost.text()).toBe(await real.text());
  });
});

describe("sign out", () => {
  it("ends the session and clears the cookie", async () => {
    const cookie = await signInAs("editor@jccsoftware.example");
    const res = await call("/api/auth/logout", { cookie, json: {} });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join()).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    expect((await call("/api/me", { cookie })).status).toBe(401);
  });

  it("ends every session of the user when signing out everywhere", async () => {
    const laptop = await signInAs("editor@jccsoftware.example");
    const phone = await signInAs("editor@jccsoftware.example");
    const other = await signInAs("editor@dataquint.example");
    expect((await call("/api/auth/logout-all", { cookie: laptop, json: {} })).status).toBe(200);
    expect((await call("/api/me", { cookie: laptop })).status).toBe(401);
    expect((await call("/api/me", { cookie: phone })).status).toBe(401);
    expect((await call("/api/me", { cookie: other })).status).toBe(200);
  });

  it("renews the cookie when a session in its second half is used", async () => {
    const cookie = await signInAs("editor@jccsoftware.example");
    const id = cookie.split("=")[1]!.split(".")[0]!;
    await env.DB.prepare("UPDATE sessions SET expires_at = ?1 WHERE id = ?2")
      .bind(new Date(Date.now() + 5 * 24 * 60 * 60 * 1000).toISOString(), id)
      .run();
    const res = await call("/api/me", { cookie });
    expect(res.status).toBe(200);
    const renewed = res.headers.getSetCookie().find((h) => h.startsWith(`${SESSION_COOKIE}=`))!;
    const expires = Date.parse(/Expires=([^;]+)/i.exec(renewed)![1]!);
    expect(expires - Date.now()).toBeGreaterThan(29 * 24 * 60 * 60 * 1000);
  });

  it("answers 401 and clears a cookie whose session is gone", async () => {
    const res = await call("/api/me", {
      cookie: `${SESSION_COOKIE}=aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb`,
    });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().join()).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
  });
});

describe("cross-site requests", () => {
  it.each([
    [{ Origin: "https://evil.example" }],
    [{ "Sec-Fetch-Site": "cross-site" }],
    [{ "Sec-Fetch-Site": "same-site", Origin: "https://sub.verklaring.test" }],
  ])("refuses a state change with %o and changes nothing", async (headers) => {
    const cookie = await signInAs("lead@conxillium.example");
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM invitations").first<{ n: number }>();
    const res = await call("/api/groups/conxillium/invitations", {
      cookie,
      json: { email: "csrf@example.test", role: "tenant_editor", tenant: "jcc-software" },
      headers,
    });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("cross_site_request");
    const after = await env.DB.prepare("SELECT COUNT(*) AS n FROM invitations").first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
    // A cross-site sign-out cannot end someone's session either.
    expect((await call("/api/auth/logout", { cookie, json: {}, headers })).status).toBe(403);
    expect((await call("/api/me", { cookie })).status).toBe(200);
  });
});

describe("security headers", () => {
  it("are on every API response, errors included", async () => {
    for (const res of [
      await call("/api/me"),
      await call("/api/me", { cookie: await signInAs("lead@conxillium.example") }),
    ]) {
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
      expect(res.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
      expect(res.headers.get("Strict-Transport-Security")).toContain("max-age=");
    }
  });
});
