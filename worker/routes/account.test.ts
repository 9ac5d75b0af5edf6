// An account over its life (issue 18, items 4 and 5), through the typed client against the real
// worker and D1: its password and sessions, reset links, and two-step sign-in with an authenticator
// app, recovery codes and passkeys (a software authenticator with a real P-256 key), the group's
// requirement, throttling, races, and the sign-in log. argon2id runs for every password here, so
// each test may take a few seconds on a busy machine.
import { env } from "cloudflare:workers";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../auth/password.ts";
import { PENDING_COOKIE } from "../auth/pending-sign-in.ts";
import { sealAuditLog } from "../audit/log.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { SESSION_COOKIE } from "../http/session-cookie.ts";
import { apiAs, ORIGIN, readError, signInAs, type Api } from "../test/clients.ts";
import { createSoftwareAuthenticator } from "../test/software-authenticator.ts";

const GROUP = "conxillium";
const PASSWORD = "een-goed-wachtwoord-1";
let conxilliumId: number;
let passwordHash: string;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  conxilliumId = (await env.DB.prepare("SELECT id FROM groups WHERE slug = ?1")
    .bind(GROUP)
    .first<{ id: number }>())!.id;
  passwordHash = hashPassword(PASSWORD);
});

let accounts = 0;
let addresses = 0;
/** A documentation-range address per call site, so the throttle of one test never meets another's. */
const nextAddress = (): string => `203.0.113.${++addresses % 250}`;

/** An account of the test's own in Conxillium: a viewer of JCC Software, or a privacy lead. */
async function createAccount(
  role: "tenant_viewer" | "group_admin" = "tenant_viewer",
): Promise<{ id: number; email: string }> {
  const email = `account-${++accounts}-${Date.now()}@example.test`;
  const now = new Date().toISOString();
  const [user] = await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO users (email, name, password_hash, created_at) VALUES (?1, 'Test Persoon', ?2, ?3) RETURNING id",
    ).bind(email, passwordHash, now),
    env.DB.prepare(
      `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
       SELECT u.id, g.id, CASE WHEN ?2 = 'group_admin' THEN NULL ELSE (SELECT id FROM tenants WHERE slug = 'jcc-software') END, ?2, ?3
       FROM users u, groups g WHERE u.email = ?1 AND g.slug = 'conxillium'`,
    ).bind(email, role, now),
  ]);
  return { id: (user!.results[0] as { id: number }).id, email };
}

/** The `name=value` of a cookie a response set (an emptied one counts as none). */
function cookieFrom(response: { headers: Headers }, name: string): string | undefined {
  const value = response.headers
    .getSetCookie()
    .find((h) => h.startsWith(`${name}=`))
    ?.split(";")[0];
  return value && value !== `${name}=` ? value : undefined;
}

/** Signs in with the password through the API; the response and the cookies it set. */
async function logIn(email: string, password = PASSWORD, address = nextAddress()) {
  const response = await apiAs().api.auth.login.$post(
    { json: { email, password } },
    { headers: { "CF-Connecting-IP": address } },
  );
  return {
    response,
    session: cookieFrom(response, SESSION_COOKIE),
    pending: cookieFrom(response, PENDING_COOKIE),
  };
}

const stepNow = (): number => Math.floor(Date.now() / 30_000);
const codeAt = (secret: string, step: number): string =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), 6);

/** Sets up an authenticator app for a signed-in account; its secret and recovery codes. */
async function enableTotp(api: Api): Promise<{ secret: string; recoveryCodes: string[]; step: number }> {
  const started = await api.api.account["two-step"].totp.$post({ json: { currentPassword: PASSWORD } });
  expect(started.status).toBe(200);
  const { secret, uri } = await started.json();
  expect(uri).toMatch(/^otpauth:\/\/totp\/Verklaring:/);
  expect(uri).toContain(`secret=${secret}`);
  const step = stepNow();
  const confirmed = await api.api.account["two-step"].totp.confirm.$post({
    json: { code: codeAt(secret, step) },
  });
  expect(confirmed.status, await confirmed.clone().text()).toBe(200);
  const body = await confirmed.json();
  expect(body.signedIn).toBe(false);
  return { secret, recoveryCodes: body.recoveryCodes!, step };
}

const signInLog = async (userId: number): Promise<string[]> => {
  await sealAuditLog(env, { checkpoint: "due" });
  const { results } = await env.DB.prepare(
    "SELECT action FROM audit_log WHERE chain = ?1 AND actor_user_id = ?2 ORDER BY id",
  )
    .bind(`sign-ins:${conxilliumId}`, userId)
    .all<{ action: string }>();
  return results.map((r) => r.action);
};

describe("the account's password", { timeout: 30_000 }, () => {
  it("changes with the current password and ends every other session, but not this one", async () => {
    const account = await createAccount();
    const here = await signInAs(account.email);
    const elsewhere = await signInAs(account.email);
    const api = apiAs(here);

    const wrong = await api.api.account.password.$post({
      json: { currentPassword: "niet-het-wachtwoord", newPassword: "een-nieuw-wachtwoord-2" },
    });
    expect(wrong.status).toBe(403);
    expect((await readError(wrong)).error.issues).toEqual([
      { field: "currentPassword", message: "is not correct" },
    ]);
    expect((await apiAs(elsewhere).api.me.$get()).status).toBe(200);

    const changed = await api.api.account.password.$post({
      json: { currentPassword: PASSWORD, newPassword: "een-nieuw-wachtwoord-2" },
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ changed: true, endedSessions: 1 });
    expect((await apiAs(elsewhere).api.me.$get()).status).toBe(401);
    expect((await api.api.me.$get()).status).toBe(200);
    expect((await logIn(account.email)).response.status).toBe(401);
    expect((await logIn(account.email, "een-nieuw-wachtwoord-2")).response.status).toBe(200);
    expect(await signInLog(account.id)).toContain("auth.password_changed");
  });

  it("refuses a new password that is too short, naming the field, and changes nothing", async () => {
    const account = await createAccount();
    const api = apiAs(await signInAs(account.email));
    const res = await api.api.account.password.$post({
      json: { currentPassword: PASSWORD, newPassword: "kort" },
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).error.issues?.[0]?.field).toBe("newPassword");
    expect((await logIn(account.email)).response.status).toBe(200);
  });

  it("counts wrong current passwords per session: the sixth in 15 minutes is refused without checking", async () => {
    const account = await createAccount();
    const api = apiAs(await signInAs(account.email));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await api.api.account.password.$post({
        json: { currentPassword: `geraden-${i}`, newPassword: "een-nieuw-wachtwoord-3" },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
    // Even the right password waits now: the session cannot be used to guess on.
    const right = await api.api.account.password.$post({
      json: { currentPassword: PASSWORD, newPassword: "een-nieuw-wachtwoord-3" },
    });
    expect(right.status).toBe(429);
    expect(right.headers.get("Retry-After")).toMatch(/^\d+$/);
  });
});

describe("the account's sessions", { timeout: 30_000 }, () => {
  it("lists them with the browser and which is this one, and ends one or all others", async () => {
    const account = await createAccount();
    const signedIn = await logIn(account.email);
    const here = signedIn.session!;
    const other = await signInAs(account.email);
    const third = await signInAs(account.email);
    const api = apiAs(here);
    const listed = await (await api.api.account.sessions.$get()).json();
    expect(listed.sessions).toHaveLength(3);
    expect(listed.sessions.filter((s) => s.current)).toHaveLength(1);
    for (const s of listed.sessions) expect(s.handle).toMatch(/^[0-9a-f]{16}$/);
    // Nothing in the list is part of a token.
    for (const cookie of [here, other, third]) {
      const [id, secret] = cookie.split("=")[1]!.split(".");
      expect(JSON.stringify(listed)).not.toContain(id);
      expect(JSON.stringify(listed)).not.toContain(secret);
    }

    const otherHandle = listed.sessions.find((s) => !s.current)!.handle;
    const ended = await api.api.account.sessions[":handle"].$delete({ param: { handle: otherHandle } });
    expect(ended.status).toBe(200);
    const stillSignedIn = [await apiAs(other).api.me.$get(), await apiAs(third).api.me.$get()].filter(
      (r) => r.status === 200,
    );
    expect(stillSignedIn).toHaveLength(1);

    const rest = await api.api.account.sessions["end-others"].$post();
    expect(await rest.json()).toEqual({ endedSessions: 1 });
    expect((await apiAs(other).api.me.$get()).status).toBe(401);
    expect((await apiAs(third).api.me.$get()).status).toBe(401);
    expect((await api.api.me.$get()).status).toBe(200);
    expect(await signInLog(account.id)).toEqual(
      expect.arrayContaining(["auth.sign_in", "auth.session_ended", "auth.sessions_ended"]),
    );
  });

  it("does not end another account's session", async () => {
    const mine = await createAccount();
    const theirs = await createAccount();
    const theirCookie = await signInAs(theirs.email);
    const handle = (await (await apiAs(theirCookie).api.account.sessions.$get()).json()).sessions[0]!.handle;
    const res = await apiAs(await signInAs(mine.email)).api.account.sessions[":handle"].$delete({
      param: { handle },
    });
    expect(res.status).toBe(404);
    expect((await apiAs(theirCookie).api.me.$get()).status).toBe(200);
  });
});

describe("password-reset links", { timeout: 30_000 }, () => {
  const issue = async (userId: number, removeTwoStep = false) => {
    const lead = apiAs(await signInAs("lead@conxillium.example"));
    return lead.api.groups[":group"]["password-resets"].$post({
      param: { group: GROUP },
      json: { userId, removeTwoStep },
    });
  };
  const tokenOf = (url: string): string => new URL(url).hash.slice("#token=".length);
  const redeem = (token: string, password: string) =>
    apiAs().api["password-resets"].redeem.$post(
      { json: { token, password } },
      { headers: { "CF-Connecting-IP": nextAddress() } },
    );

  it("works once: a new password, every session ended, the link used up, and no sign-in by itself", async () => {
    const account = await createAccount();
    const session = await signInAs(account.email);
    const issued = await issue(account.id);
    expect(issued.status).toBe(201);
    const link = await issued.json();
    expect(link.resetUrl).toMatch(/^http:\/\/verklaring\.test\/reset-password#token=[a-z2-7]{32}$/);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const token = tokenOf(link.resetUrl);
    // Only the hash is stored.
    expect(
      JSON.stringify((await env.DB.prepare("SELECT * FROM password_resets").all()).results),
    ).not.toContain(token);

    const lookup = await apiAs().api["password-resets"].lookup.$post({ json: { token } });
    expect(await lookup.json()).toMatchObject({ email: account.email, removesTwoStep: false });

    const used = await redeem(token, "een-vergeten-wachtwoord");
    expect(used.status).toBe(200);
    expect(cookieFrom(used, SESSION_COOKIE)).toBeUndefined();
    expect((await apiAs(session).api.me.$get()).status).toBe(401);
    expect((await logIn(account.email)).response.status).toBe(401);
    expect((await logIn(account.email, "een-vergeten-wachtwoord")).response.status).toBe(200);

    const again = await redeem(token, "nog-een-ander-wachtwoord");
    expect(again.status).toBe(410);
    expect((await apiAs().api["password-resets"].lookup.$post({ json: { token } })).status).toBe(410);
    expect((await logIn(account.email, "een-vergeten-wachtwoord")).response.status).toBe(200);
    expect(await signInLog(account.id)).toContain("auth.password_reset");
    const issuedRow = await env.DB.prepare(
      "SELECT action, actor FROM audit_log WHERE chain = ?1 AND action = 'password_reset.created' AND target = ?2",
    )
      .bind(`group:${conxilliumId}`, account.email)
      .first();
    expect(issuedRow).toEqual({ action: "password_reset.created", actor: "lead@conxillium.example" });
  });

  it("lets exactly one of ten parallel uses of a link through", async () => {
    const account = await createAccount();
    const token = tokenOf((await (await issue(account.id)).json()).resetUrl);
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => redeem(token, `parallel-wachtwoord-${i}`).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // The others: used up (410), or not even checked once the account's failures add up (429).
    expect(statuses.filter((s) => s !== 200 && s !== 410 && s !== 429)).toEqual([]);
  }, 30_000);

  it("refuses an expired link, and an older link once a newer one is issued", async () => {
    const account = await createAccount();
    const first = tokenOf((await (await issue(account.id)).json()).resetUrl);
    const second = tokenOf((await (await issue(account.id)).json()).resetUrl);
    expect((await redeem(first, "een-nieuw-wachtwoord-4")).status).toBe(410);
    // A database writer moves the expiry into the past: the trigger still refuses a late use.
    await env.DB.prepare("DROP TRIGGER password_resets_fixed").run();
    await env.DB.prepare(
      "UPDATE password_resets SET expires_at = '2020-01-01T00:00:00.000Z' WHERE user_id = ?1",
    )
      .bind(account.id)
      .run();
    expect((await redeem(second, "een-nieuw-wachtwoord-4")).status).toBe(410);
    expect((await logIn(account.email)).response.status).toBe(200);
  });

  it("is for members of the lead's own group only, not for the lead's own account", async () => {
    const lead = (await env.DB.prepare("SELECT id FROM users WHERE email = 'lead@conxillium.example'").first<{
      id: number;
    }>())!;
    expect((await issue(lead.id)).status).toBe(409);
    // An account that also works in a group this lead does not lead: a link would open that group too.
    const account = await createAccount();
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO groups (slug, name, languages, default_language, created_at) VALUES ('elders', 'Elders', '[\"nl\"]', 'nl', '2026-01-01T00:00:00.000Z')",
      ),
      env.DB.prepare(
        "INSERT INTO memberships (user_id, group_id, role, created_at) SELECT ?1, id, 'group_admin', '2026-01-01T00:00:00.000Z' FROM groups WHERE slug = 'elders'",
      ).bind(account.id),
    ]);
    const refused = await issue(account.id);
    expect(refused.status).toBe(409);
    expect((await readError(refused)).error.code).toBe("other_group");
    // And that group's lead cannot issue one for a Conxillium member.
    const eldersLead = await createAccount();
    await env.DB.prepare(
      "INSERT INTO memberships (user_id, group_id, role, created_at) SELECT ?1, id, 'group_admin', '2026-01-01T00:00:00.000Z' FROM groups WHERE slug = 'elders'",
    )
      .bind(eldersLead.id)
      .run();
    await env.DB.prepare("DELETE FROM memberships WHERE user_id = ?1 AND group_id = ?2")
      .bind(eldersLead.id, conxilliumId)
      .run();
    const viewer = await createAccount();
    const other = await apiAs(await signInAs(eldersLead.email)).api.groups[":group"]["password-resets"].$post(
      {
        param: { group: "elders" },
        json: { userId: viewer.id },
      },
    );
    expect(other.status).toBe(404);
  });

  it("removes the second steps too when the lead says so (a lost phone), and not otherwise", async () => {
    const account = await createAccount();
    await enableTotp(apiAs(await signInAs(account.email)));
    const keep = tokenOf((await (await issue(account.id)).json()).resetUrl);
    expect((await redeem(keep, "een-nieuw-wachtwoord-5")).status).toBe(200);
    expect((await logIn(account.email, "een-nieuw-wachtwoord-5")).pending).toBeDefined();

    const remove = tokenOf((await (await issue(account.id, true)).json()).resetUrl);
    expect((await redeem(remove, "een-nieuw-wachtwoord-6")).status).toBe(200);
    const after = await logIn(account.email, "een-nieuw-wachtwoord-6");
    expect(after.session).toBeDefined();
    expect(await after.response.json()).toMatchObject({ signedIn: true });
  });
});

describe("two-step sign-in with an authenticator app", { timeout: 30_000 }, () => {
  it("enrols, then signs in with a code: the password alone opens nothing", async () => {
    const account = await createAccount();
    const { secret, recoveryCodes } = await enableTotp(apiAs(await signInAs(account.email)));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    // D1 holds the secret sealed, and the codes hashed.
    const stored = JSON.stringify(
      (
        await env.DB.prepare(
          "SELECT * FROM totp_credentials, recovery_codes WHERE recovery_codes.user_id = totp_credentials.user_id AND totp_credentials.user_id = ?1",
        )
          .bind(account.id)
          .all()
      ).results,
    );
    expect(stored).not.toContain(secret);
    for (const code of recoveryCodes) expect(stored).not.toContain(code.replaceAll("-", ""));

    const { response, session, pending } = await logIn(account.email);
    expect(await response.json()).toEqual({
      signedIn: false,
      next: "second_step",
      methods: { totp: true, passkey: false, recoveryCode: true },
    });
    expect(session).toBeUndefined();
    expect(pending).toBeDefined();
    // The pending sign-in is no session.
    expect((await apiAs(pending).api.me.$get()).status).toBe(401);
    expect((await apiAs(pending).api.groups[":group"].tenants.$get({ param: { group: GROUP } })).status).toBe(
      401,
    );

    // The step after the one enrolment used (that one is spent): within the accepted window.
    const code = codeAt(secret, stepNow() + 1);
    const done = await apiAs(pending).api.auth["two-step"].code.$post(
      { json: { method: "totp", code } },
      { headers: { "CF-Connecting-IP": nextAddress() } },
    );
    expect(done.status, await done.clone().text()).toBe(200);
    const sessionCookie = cookieFrom(done, SESSION_COOKIE);
    expect((await apiAs(sessionCookie).api.me.$get()).status).toBe(200);
    expect(cookieFrom(done, PENDING_COOKIE)).toBeUndefined();
    // The pending sign-in is used up.
    const again = await apiAs(pending).api.auth["two-step"].code.$post({ json: { method: "totp", code } });
    expect(again.status).toBe(401);
    expect(await signInLog(account.id)).toEqual(
      expect.arrayContaining(["auth.totp_enabled", "auth.sign_in"]),
    );
  });

  it("refuses a wrong code and a code used once, also when sent ten times at once", async () => {
    const account = await createAccount();
    const { secret } = await enableTotp(apiAs(await signInAs(account.email)));
    const wrongCode = String((Number(codeAt(secret, stepNow())) + 1) % 1_000_000).padStart(6, "0");
    const first = await logIn(account.email);
    const wrong = await apiAs(first.pending).api.auth["two-step"].code.$post({
      json: { method: "totp", code: wrongCode },
    });
    expect(wrong.status).toBe(401);
    expect((await readError(wrong)).error.code).toBe("invalid_code");

    // Ten sign-ins, each with a pending sign-in of its own, race with one code.
    const code = codeAt(secret, stepNow() + 1);
    const pendings = await Promise.all(Array.from({ length: 10 }, () => logIn(account.email)));
    const answers = await Promise.all(
      pendings.map((p) =>
        apiAs(p.pending).api.auth["two-step"].code.$post(
          { json: { method: "totp", code } },
          { headers: { "CF-Connecting-IP": nextAddress() } },
        ),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // The others: refused (401), or not even checked once the account's failures add up (429).
    expect(statuses.filter((s) => s !== 200 && s !== 401 && s !== 429)).toEqual([]);
    // The same code again, still within its 30 seconds: refused.
    const replay = await apiAs((await logIn(account.email)).pending).api.auth["two-step"].code.$post({
      json: { method: "totp", code },
    });
    expect(replay.status).toBe(401);
    expect(await signInLog(account.id)).toContain("auth.second_step_failed");
  }, 30_000);

  it("signs in with a recovery code once, typed in any case and with spaces", async () => {
    const account = await createAccount();
    const { recoveryCodes } = await enableTotp(apiAs(await signInAs(account.email)));
    const typed = ` ${recoveryCodes[3]!.toUpperCase().replaceAll("-", " ")} `;
    const first = await apiAs((await logIn(account.email)).pending).api.auth["two-step"].code.$post({
      json: { method: "recovery_code", code: typed },
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ signedIn: true, recoveryCodesLeft: 9 });
    const second = await apiAs((await logIn(account.email)).pending).api.auth["two-step"].code.$post({
      json: { method: "recovery_code", code: recoveryCodes[3]! },
    });
    expect(second.status).toBe(401);
    const other = await apiAs((await logIn(account.email)).pending).api.auth["two-step"].code.$post({
      json: { method: "recovery_code", code: recoveryCodes[4]! },
    });
    expect(other.status).toBe(200);
  });

  it("throttles wrong codes like passwords: the sixth from one address in 15 minutes gets 429", async () => {
    const account = await createAccount();
    const { secret } = await enableTotp(apiAs(await signInAs(account.email)));
    const { pending } = await logIn(account.email);
    const address = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await apiAs(pending).api.auth["two-step"].code.$post(
        { json: { method: "totp", code: String(100000 + i) } },
        { headers: { "CF-Connecting-IP": address } },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // The right code waits too: counted before it is looked at.
    const right = await apiAs(pending).api.auth["two-step"].code.$post(
      { json: { method: "totp", code: codeAt(secret, stepNow() + 1) } },
      { headers: { "CF-Connecting-IP": address } },
    );
    expect(right.status).toBe(429);
    // The password still signs in: codes and passwords are counted apart.
    expect((await logIn(account.email, PASSWORD, address)).response.status).toBe(200);
  });

  it("throttles a parallel burst of codes: only five are looked at, from one address or from twenty", async () => {
    const account = await createAccount();
    const { secret } = await enableTotp(apiAs(await signInAs(account.email)));
    const wrongCodes = (of: string, n: number): string[] => {
      const right = new Set([-1, 0, 1, 2].map((d) => codeAt(of, stepNow() + d)));
      const codes: string[] = [];
      for (let i = 0; codes.length < n; i++) {
        const code = String(200000 + i);
        if (!right.has(code)) codes.push(code);
      }
      return codes;
    };
    const burst = async (of: string, pending: string | undefined, addressOf: (i: number) => string) => {
      const answers = await Promise.all(
        wrongCodes(of, 20).map((code, i) =>
          apiAs(pending).api.auth["two-step"].code.$post(
            { json: { method: "totp", code } },
            { headers: { "CF-Connecting-IP": addressOf(i) } },
          ),
        ),
      );
      return answers.map((a): number => a.status).sort((a, b) => a - b);
    };
    // Twenty at once from one address: the count is taken before a code is checked, in one statement.
    const address = nextAddress();
    const fromOne = await burst(secret, (await logIn(account.email)).pending, () => address);
    expect(fromOne).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);

    // Twenty at once from twenty addresses against another account: its own count stops them.
    const other = await createAccount();
    const otherTotp = await enableTotp(apiAs(await signInAs(other.email)));
    const addresses20 = Array.from({ length: 20 }, () => nextAddress());
    const fromMany = await burst(
      otherTotp.secret,
      (await logIn(other.email)).pending,
      (i) => addresses20[i]!,
    );
    expect(fromMany.filter((s) => s === 401)).toHaveLength(5);
    expect(fromMany.filter((s) => s === 429)).toHaveLength(15);
    // Even the right code now waits: nothing is checked while the account is held back.
    const right = await apiAs((await logIn(other.email)).pending).api.auth["two-step"].code.$post(
      { json: { method: "totp", code: codeAt(otherTotp.secret, stepNow() + 1) } },
      { headers: { "CF-Connecting-IP": nextAddress() } },
    );
    expect(right.status).toBe(429);
    expect(right.headers.get("Retry-After")).toMatch(/^\d+$/);
  }, 30_000);

  it("removes the app with the password, and then the codes go too", async () => {
    const account = await createAccount();
    const api = apiAs(await signInAs(account.email));
    await enableTotp(api);
    const refused = await api.api.account["two-step"].totp.$delete({
      json: { currentPassword: "fout-wachtwoord" },
    });
    expect(refused.status).toBe(403);
    const removed = await api.api.account["two-step"].totp.$delete({ json: { currentPassword: PASSWORD } });
    expect(removed.status).toBe(200);
    expect((await removed.json()).twoStep).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect((await logIn(account.email)).session).toBeDefined();
    expect(await signInLog(account.id)).toContain("auth.totp_removed");
  });
});

describe("the group's two-step requirement", { timeout: 30_000 }, () => {
  it("makes a privacy lead without a second step set one up at sign-in, and lets them in after", async () => {
    const lead = await createAccount("group_admin");
    const leadApi = apiAs(await signInAs("lead@conxillium.example"));
    const put = (twoStep: "off" | "admins" | "everyone") =>
      leadApi.api.groups[":group"]["sign-in-policy"].$put({ param: { group: GROUP }, json: { twoStep } });
    expect((await put("admins")).status).toBe(200);
    try {
      const { response, pending, session } = await logIn(lead.email);
      expect(await response.json()).toEqual({ signedIn: false, next: "enrolment", email: lead.email });
      expect(session).toBeUndefined();
      expect((await apiAs(pending).api.me.$get()).status).toBe(401);
      // A pending enrolment is not a pending second step.
      expect(
        (await apiAs(pending).api.auth["two-step"].code.$post({ json: { method: "totp", code: "123456" } }))
          .status,
      ).toBe(401);

      const started = await apiAs(pending).api.account["two-step"].totp.$post({ json: {} });
      expect(started.status).toBe(200);
      const { secret } = await started.json();
      const confirmed = await apiAs(pending).api.account["two-step"].totp.confirm.$post({
        json: { code: codeAt(secret, stepNow()) },
      });
      expect(confirmed.status).toBe(200);
      expect(await confirmed.json()).toMatchObject({ enabled: true, signedIn: true });
      expect(cookieFrom(confirmed, SESSION_COOKIE)).toBeDefined();
      expect((await apiAs(cookieFrom(confirmed, SESSION_COOKIE)).api.me.$get()).status).toBe(200);

      // An editor is not asked while the requirement is for privacy leads only …
      const viewer = await createAccount();
      expect((await logIn(viewer.email)).session).toBeDefined();
      // … and is, once it is for everyone.
      expect((await put("everyone")).status).toBe(200);
      expect((await logIn(viewer.email)).pending).toBeDefined();
      const me = await (await apiAs(await signInAs(viewer.email)).api.me.$get()).json();
      expect(me.twoStep).toEqual({ enabled: false, required: true });
    } finally {
      await put("off");
    }
    const changes = await env.DB.prepare(
      "SELECT summary FROM audit_log WHERE chain = ?1 AND action = 'settings.changed' AND target = 'twoStep' ORDER BY id",
    )
      .bind(`group:${conxilliumId}`)
      .all<{ summary: string }>();
    expect(changes.results.map((r) => JSON.parse(r.summary))).toEqual(
      expect.arrayContaining([
        { from: "off", to: "admins" },
        { from: "admins", to: "everyone" },
      ]),
    );
  });

  it("keeps the last second step of an account its group requires two steps of", async () => {
    const lead = await createAccount("group_admin");
    const api = apiAs(await signInAs(lead.email));
    await enableTotp(api);
    await env.DB.prepare("UPDATE groups SET two_step = 'admins' WHERE slug = ?1").bind(GROUP).run();
    try {
      const res = await api.api.account["two-step"].totp.$delete({ json: { currentPassword: PASSWORD } });
      expect(res.status).toBe(409);
      expect((await readError(res)).error.code).toBe("two_step_required");
    } finally {
      await env.DB.prepare("UPDATE groups SET two_step = 'off' WHERE slug = ?1").bind(GROUP).run();
    }
  });

  it("is on for privacy leads in a new group, and off for the demo group", async () => {
    await env.DB.prepare(
      "INSERT INTO groups (slug, name, languages, default_language, created_at) VALUES ('nieuw', 'Nieuw', '[\"nl\"]', 'nl', '2026-01-01T00:00:00.000Z')",
    ).run();
    const policy = (slug: string) =>
      env.DB.prepare("SELECT two_step FROM groups WHERE slug = ?1").bind(slug).first<{ two_step: string }>();
    expect(await policy("nieuw")).toEqual({ two_step: "admins" });
    expect(await policy(GROUP)).toEqual({ two_step: "off" });
  });
});

describe("passkeys", { timeout: 30_000 }, () => {
  const rp = { origin: ORIGIN, rpId: new URL(ORIGIN).hostname };

  async function registerPasskey(api: Api, name = "Laptop") {
    const authenticator = await createSoftwareAuthenticator(rp);
    const options = await (
      await api.api.account["two-step"].passkeys.options.$post({ json: { currentPassword: PASSWORD } })
    ).json();
    expect(options.rp.id).toBe(rp.rpId);
    const added = await api.api.account["two-step"].passkeys.$post({
      json: { name, ...authenticator.register(options.challenge) },
    });
    expect(added.status, await added.clone().text()).toBe(201);
    return { authenticator, added: await added.json() };
  }

  it("registers a passkey made by a P-256 authenticator, and signs in with its signature", async () => {
    const account = await createAccount();
    const api = apiAs(await signInAs(account.email));
    const { authenticator, added } = await registerPasskey(api);
    expect(added.recoveryCodes).toHaveLength(10);
    const status = await (await api.api.account.$get()).json();
    expect(status.twoStep).toMatchObject({ enabled: true, totp: null, passkeys: [{ name: "Laptop" }] });

    const { response, pending } = await logIn(account.email);
    expect((await response.json()) as unknown).toMatchObject({ methods: { passkey: true, totp: false } });
    const options = await (await apiAs(pending).api.auth["two-step"].passkey.options.$post()).json();
    expect(options.allowCredentials).toEqual([authenticator.credentialId]);
    const signedIn = await apiAs(pending).api.auth["two-step"].passkey.$post({
      json: await authenticator.assert(options.challenge),
    });
    expect(signedIn.status, await signedIn.clone().text()).toBe(200);
    expect((await apiAs(cookieFrom(signedIn, SESSION_COOKIE)).api.me.$get()).status).toBe(200);
    expect(await signInLog(account.id)).toEqual(
      expect.arrayContaining(["auth.passkey_added", "auth.sign_in"]),
    );
  });

  /** An account with a passkey, and a way to answer one of its sign-in challenges. */
  async function accountWithPasskey() {
    const account = await createAccount();
    const { authenticator } = await registerPasskey(apiAs(await signInAs(account.email)));
    type Answer = Parameters<Api["api"]["auth"]["two-step"]["passkey"]["$post"]>[0]["json"];
    const attempt = async (answer: (challenge: string) => Promise<Answer>) => {
      const { pending } = await logIn(account.email);
      const options = await (await apiAs(pending).api.auth["two-step"].passkey.options.$post()).json();
      return apiAs(pending).api.auth["two-step"].passkey.$post(
        { json: await answer(options.challenge) },
        { headers: { "CF-Connecting-IP": nextAddress() } },
      );
    };
    return { authenticator, attempt };
  }

  it("refuses an answer for another site, or signed by another key", async () => {
    const { authenticator, attempt } = await accountWithPasskey();
    const foreignOrigin = await attempt((c) => authenticator.assert(c, { origin: "https://evil.example" }));
    expect(foreignOrigin.status).toBe(401);
    expect((await attempt((c) => authenticator.assert(c, { rpId: "evil.example" }))).status).toBe(401);
    const stranger = await createSoftwareAuthenticator(rp);
    const otherKey = await attempt(async (c) => ({
      ...(await stranger.assert(c)),
      credentialId: authenticator.credentialId,
    }));
    expect(otherKey.status).toBe(401);
  });

  it("never lets two removals in parallel take the last second steps of an account its group requires them of", async () => {
    const lead = await createAccount("group_admin");
    const api = apiAs(await signInAs(lead.email));
    await enableTotp(api);
    await registerPasskey(api, "Telefoon");
    const [onlyPasskey] = (await (await api.api.account.$get()).json()).twoStep.passkeys;
    await env.DB.prepare("UPDATE groups SET two_step = 'admins' WHERE slug = ?1").bind(GROUP).run();
    try {
      // The app in one window, the only passkey in another: each sees the other step still there.
      const [app, passkey] = await Promise.all([
        api.api.account["two-step"].totp.$delete({ json: { currentPassword: PASSWORD } }),
        api.api.account["two-step"].passkeys[":id"].$delete({
          param: { id: String(onlyPasskey!.id) },
          json: { currentPassword: PASSWORD },
        }),
      ]);
      expect([app.status, passkey.status].sort((a, b) => a - b)).toEqual([200, 409]);
      const refused = app.ok ? passkey : app;
      expect(["two_step_changed", "two_step_required"]).toContain((await readError(refused)).error.code);
      // One step is left, and with it the recovery codes; one removal is in the sign-in log.
      const status = await (await api.api.account.$get()).json();
      expect(status.twoStep.enabled).toBe(true);
      expect((status.twoStep.totp === null ? 0 : 1) + status.twoStep.passkeys.length).toBe(1);
      expect(status.twoStep.recoveryCodesLeft).toBeGreaterThan(0);
      const log = await signInLog(lead.id);
      expect(log.filter((a) => a === "auth.totp_removed" || a === "auth.passkey_removed")).toHaveLength(1);
      // Removed one after the other, the last one is still kept.
      const last = status.twoStep.totp
        ? await api.api.account["two-step"].totp.$delete({ json: { currentPassword: PASSWORD } })
        : await api.api.account["two-step"].passkeys[":id"].$delete({
            param: { id: String(status.twoStep.passkeys[0]!.id) },
            json: { currentPassword: PASSWORD },
          });
      expect(last.status).toBe(409);
      expect((await readError(last)).error.code).toBe("two_step_required");
    } finally {
      await env.DB.prepare("UPDATE groups SET two_step = 'off' WHERE slug = ?1").bind(GROUP).run();
    }
  });

  it("refuses a replayed answer, and a counter that went back (a cloned key)", async () => {
    const { authenticator, attempt } = await accountWithPasskey();
    // A good answer signs in once; the same answer again (its challenge spent) does not.
    let replayed: Awaited<ReturnType<typeof authenticator.assert>> | undefined;
    const first = await attempt(async (c) => (replayed = await authenticator.assert(c, { counter: 50 })));
    expect(first.status).toBe(200);
    expect((await attempt(async () => replayed!)).status).toBe(401);
    expect((await attempt((c) => authenticator.assert(c, { counter: 10 }))).status).toBe(401);
    expect((await attempt((c) => authenticator.assert(c, { counter: 51 }))).status).toBe(200);
  });

  it("refuses a registration for another origin or with a spent challenge", async () => {
    const account = await createAccount();
    const api = apiAs(await signInAs(account.email));
    const authenticator = await createSoftwareAuthenticator(rp);
    const options = await (
      await api.api.account["two-step"].passkeys.options.$post({ json: { currentPassword: PASSWORD } })
    ).json();
    const foreign = await api.api.account["two-step"].passkeys.$post({
      json: {
        name: "Vreemd",
        ...authenticator.register(options.challenge, { origin: "https://evil.example" }),
      },
    });
    expect(foreign.status).toBe(422);
    const good = authenticator.register(options.challenge);
    expect(
      (await api.api.account["two-step"].passkeys.$post({ json: { name: "Sleutel", ...good } })).status,
    ).toBe(201);
    expect(
      (await api.api.account["two-step"].passkeys.$post({ json: { name: "Sleutel", ...good } })).status,
    ).toBe(422);
  });
});
