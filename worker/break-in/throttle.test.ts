// Issue 13, items 1 and 3, reproduced against the real worker and D1: a burst of parallel wrong
// passwords, a stranger trying to lock the privacy lead out, and an office behind one address.
// (The timeouts are for argon2id, which is CPU-bound: on a busy machine a few sign-ins take longer
// than vitest's default 5 s. Nothing here measures speed.)
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { issueDeviceToken, readDeviceKey } from "../auth/device.ts";
import { rulesFor, THROTTLE } from "../auth/throttle.ts";
import { DEMO_PASSWORD, seedDemoGroup } from "../demo-seed.ts";
import { findUserByEmail } from "../db/accounts.ts";
import { reserveSignInAttempt } from "../db/sign-in-attempts.ts";
import { DEVICE_COOKIE } from "../http/session-cookie.ts";
import { call, sessionCookieFrom } from "../test/clients.ts";

const LEAD = "lead@conxillium.example";

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
});

// Each test starts as if the windows of the one before had passed.
beforeEach(async () => {
  await env.DB.prepare("DELETE FROM sign_in_attempts").run();
});

const login = (email: string, password: string, ip: string, device?: string) =>
  call("/api/auth/login", {
    json: { email, password },
    headers: { "CF-Connecting-IP": ip, ...(device ? { Cookie: device } : {}) },
  });

/** The known-device cookie a successful sign-in set, as a Cookie header. */
function deviceCookieFrom(response: Response): string {
  const header = response.headers.getSetCookie().find((h) => h.startsWith(`${DEVICE_COOKIE}=`));
  expect(header, "a successful sign-in sets the device cookie").toBeDefined();
  expect(header).toMatch(/HttpOnly/i);
  expect(header).toMatch(/Secure/i);
  expect(header).toMatch(/SameSite=Strict/i);
  expect(header).toMatch(/Path=\/api\/auth/);
  return header!.split(";")[0]!;
}

const failedSignInRows = async (email: string): Promise<number> =>
  (await env.DB.prepare(
    "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.sign_in_failed' AND target = ?1",
  )
    .bind(email)
    .first<{ n: number }>())!.n;

let addresses = 0;
const freshAddress = () => `198.18.${Math.floor(++addresses / 250)}.${addresses % 250}`;

describe("item 1: the check and the count are one step", { timeout: 60_000 }, () => {
  it("lets at most five of 30 parallel wrong passwords be checked, answers none with 5xx, and keeps refusing the right one from a stranger's address, while the lead's known browser gets in", async () => {
    // The lead signed in from their own browser last week: it is a known device.
    const office = freshAddress();
    const first = await login(LEAD, DEMO_PASSWORD, office);
    expect(first.status).toBe(200);
    const device = deviceCookieFrom(first);

    const attacker = freshAddress();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(LEAD, `guess-${i}-${"x".repeat(8)}`, attacker)),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // A 401 is a password that was checked; a 429 was refused before any argon2id work.
    expect(statuses.filter((s) => s === 401)).toHaveLength(THROTTLE.pair.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - THROTTLE.pair.limit);
    for (const refused of burst.filter((r) => r.status === 429)) {
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    }
    expect(await failedSignInRows(LEAD)).toBe(THROTTLE.pair.limit);

    // The right password from the attacker's address, and from yet another stranger's: refused.
    expect((await login(LEAD, DEMO_PASSWORD, attacker)).status).toBe(429);
    const stranger = await login(LEAD, DEMO_PASSWORD, freshAddress());
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(sessionCookieFrom(stranger)).toBeUndefined();

    // The lead, in the browser they signed in from before, even behind the attacker's address.
    const lead = await login(LEAD, DEMO_PASSWORD, attacker, device);
    expect(lead.status).toBe(200);
    expect(sessionCookieFrom(lead)).toBeDefined();
  });
});

describe("item 3: no lockout as a weapon", { timeout: 60_000 }, () => {
  it("keeps a stranger who tries the lead's account from everywhere from locking out the lead's known browser", async () => {
    const home = freshAddress();
    const device = deviceCookieFrom(await login(LEAD, DEMO_PASSWORD, home));
    // Each failure from a new address; the account's delay grows, it never locks.
    let refused = 0;
    for (let i = 0; i < 12; i++) {
      const res = await login(LEAD, `stranger-${i}`, freshAddress());
      expect([401, 429]).toContain(res.status);
      if (res.status === 429) {
        refused++;
        expect(Number(res.headers.get("Retry-After"))).toBeLessThanOrEqual(
          THROTTLE.account.maxDelayMs / 1000,
        );
      }
    }
    expect(refused).toBeGreaterThan(0);
    for (const where of [home, freshAddress()]) {
      expect((await login(LEAD, DEMO_PASSWORD, where, device)).status).toBe(200);
    }
  });

  it("does not let five typos of one person behind an office address lock out their colleagues", async () => {
    const office = freshAddress();
    for (let i = 0; i < 5; i++) {
      expect((await login("editor@dataquint.example", `typo-${i}`, office)).status).toBe(401);
    }
    expect((await login("editor@dataquint.example", DEMO_PASSWORD, office)).status).toBe(429);
    for (const colleague of ["editor@jccsoftware.example", "viewer@jccsoftware.example"]) {
      expect((await login(colleague, DEMO_PASSWORD, office)).status).toBe(200);
    }
  });

  it("closes an address only after many failures, and not for a known browser behind it", async () => {
    const office = freshAddress();
    const device = deviceCookieFrom(await login("editor@jccsoftware.example", DEMO_PASSWORD, office));
    // The address's earlier failures, recorded by the throttle's own code for many accounts.
    const now = Date.now();
    for (let i = 0; i < THROTTLE.address.limit; i++) {
      const email = `sprayed-${i}@example.test`;
      expect(
        await reserveSignInAttempt(
          env.DB,
          `spray-${i}-${"0".repeat(12)}`,
          rulesFor({ email, address: office, deviceId: null }),
          now,
        ),
      ).toBe(true);
    }
    const colleague = await login("viewer@jccsoftware.example", DEMO_PASSWORD, office);
    expect(colleague.status).toBe(429);
    expect(Number(colleague.headers.get("Retry-After"))).toBeGreaterThan(800);
    expect((await login("editor@jccsoftware.example", DEMO_PASSWORD, office, device)).status).toBe(200);
  });

  it("counts an IPv6 client by its /64, so hopping inside it buys no extra attempts", async () => {
    const subjectsOf = (address: string) => rulesFor({ email: "x@example.test", address, deviceId: null });
    expect(subjectsOf("2001:db8:77:1::1")).toEqual(subjectsOf("2001:db8:77:1:ffff::9"));
    expect(subjectsOf("2001:db8:77:1::1")).not.toEqual(subjectsOf("2001:db8:77:2::1"));
    expect(subjectsOf("::ffff:198.51.100.7")).toEqual(subjectsOf("198.51.100.7"));
    for (let i = 1; i <= THROTTLE.pair.limit; i++) {
      expect(
        (await login("viewer@jccsoftware.example", "wrong-password", `2001:db8:77:1::${i}`)).status,
      ).toBe(401);
    }
    // Refused for the pair's 15 minutes, not only the account's short delay.
    const hop = await login("viewer@jccsoftware.example", DEMO_PASSWORD, "2001:db8:77:1:ffff::9");
    expect(hop.status).toBe(429);
    expect(Number(hop.headers.get("Retry-After"))).toBeGreaterThan(800);
  });

  it("exempts only a genuine device cookie of that very account, which has a limit of its own", async () => {
    const key = readDeviceKey(env)!;
    const lead = (await findUserByEmail(env.DB, LEAD))!;
    const editor = (await findUserByEmail(env.DB, "editor@jccsoftware.example"))!;
    const attacker = freshAddress();
    // Exhaust the pair for the editor from the attacker's address.
    for (let i = 0; i < THROTTLE.pair.limit; i++) await login(editor.email, `wrong-${i}`, attacker);
    const leadsCookie = `${DEVICE_COOKIE}=${issueDeviceToken(key, lead.id, Date.now())}`;
    const forged = `${DEVICE_COOKIE}=${editor.id}.${"a".repeat(24)}.${Date.now()}.${"A".repeat(43)}`;
    const signedElsewhere = `${DEVICE_COOKIE}=${issueDeviceToken(new TextEncoder().encode("another-deployment-key-0123456789abcdef"), editor.id, Date.now())}`;
    for (const cookie of [leadsCookie, forged, signedElsewhere]) {
      expect((await login(editor.email, DEMO_PASSWORD, attacker, cookie)).status).toBe(429);
    }
    // A stolen cookie of the editor's own device: five guesses per 15 minutes, then refused too.
    const stolen = `${DEVICE_COOKIE}=${issueDeviceToken(key, editor.id, Date.now())}`;
    for (let i = 0; i < THROTTLE.device.limit; i++) {
      expect((await login(editor.email, `guess-${i}`, attacker, stolen)).status).toBe(401);
    }
    expect((await login(editor.email, DEMO_PASSWORD, attacker, stolen)).status).toBe(429);
  });
});
