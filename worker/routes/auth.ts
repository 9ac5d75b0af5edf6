// Signing in and out. A session is a cookie; nothing in a response ever carries a token or hash.
// With two-step sign-in the password opens a pending sign-in (worker/auth/pending-sign-in.ts),
// which the second step turns into a session.
import { Hono, type Context } from "hono";
import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { LoginSchema } from "#shared/api-schemas.ts";
import { PasskeyAssertionSchema, SecondStepCodeSchema } from "#shared/account-schemas.ts";
import { checkAccountPassword } from "../auth/authenticate.ts";
import { readDeviceKey, readDeviceToken } from "../auth/device.ts";
import { CHALLENGE_BYTES, CHALLENGE_MINUTES, relyingPartyOf } from "../auth/passkeys.ts";
import { beginPendingSignIn, clearPendingCookie, requirePendingSignIn } from "../auth/pending-sign-in.ts";
import { invalidateSession, invalidateUserSessions, type SessionUser } from "../auth/session.ts";
import { finishSignIn, tooManyAttempts, type SignInMethod } from "../auth/sign-in.ts";
import { auditSignInEvent, clientAddress } from "../auth/sign-in-events.ts";
import { admitAttempt } from "../auth/throttle.ts";
import { checkPasskeyAssertion, checkRecoveryCode, checkTotpCode } from "../auth/two-step.ts";
import { findUserByEmail, listUserMemberships, normalizeEmail } from "../db/accounts.ts";
import { consumePendingSignIn, type PendingSignIn } from "../db/pending-sign-ins.ts";
import { forgetSignInAttempt } from "../db/sign-in-attempts.ts";
import {
  hasSecondFactor,
  listPasskeyCredentialIds,
  prepareInsertWebauthnChallenge,
  readTwoStepStatus,
} from "../db/two-step.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireUser } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";
import { deleteSessionCookie, readDeviceCookie } from "../http/session-cookie.ts";

const publicUser = (user: SessionUser) => ({ id: user.id, email: user.email, name: user.name });

const accountOf = (pending: PendingSignIn): SessionUser => ({
  id: pending.userId,
  email: pending.email,
  name: pending.name,
});

/**
 * The second step of a pending sign-in: counted like passwords (per account and address, per
 * account, per address, or per known device; apart from password attempts), then checked, then
 * the pending sign-in is used up and the session starts.
 */
async function finishSecondStep(
  c: Context<AppEnv>,
  pending: PendingSignIn,
  method: SignInMethod,
  check: () => Promise<boolean>,
  now: Date,
): Promise<void> {
  const db = c.env.DB;
  const admitted = await admitAttempt(
    db,
    { email: pending.email, address: clientAddress(c), deviceId: pending.deviceId, purpose: "code" },
    now.getTime(),
  );
  if (!admitted.allowed) throw tooManyAttempts(admitted.retryAfterSeconds);
  if (!(await check())) {
    await auditSignInEvent(db, {
      userId: pending.userId,
      email: pending.email,
      action: "auth.second_step_failed",
      summary: { method },
      at: now.toISOString(),
    });
    throw new AppError(
      401,
      method === "passkey" ? "invalid_passkey" : "invalid_code",
      method === "passkey"
        ? "The passkey could not be verified. Try again, or use another way to sign in."
        : "This code is not correct, or it was used already. Wait for the next code and try again.",
      method === "passkey" ? undefined : [{ field: "code", message: "is not correct or was used already" }],
    );
  }
  await forgetSignInAttempt(db, admitted.attempt);
  // Only the request that ends the pending sign-in signs in, however many codes were right at once.
  if (!(await consumePendingSignIn(db, pending.id))) {
    throw new AppError(401, "sign_in_expired", "This sign-in was finished already. Sign in again.");
  }
  clearPendingCookie(c);
  await finishSignIn(c, accountOf(pending), now, { secondStep: method, deviceId: pending.deviceId });
}

export const authRoutes = new Hono<AppEnv>()
  .post(
    "/login",
    describeRoute({
      summary:
        "Sign in with a password. Signed in (session cookie and a known-device cookie), or, with two-step sign-in, a pending sign-in (its own cookie, 10 minutes) that /api/auth/two-step/… finishes, or that the enrolment the group requires finishes",
      tag: "Authentication",
      access: "anyone",
      responses: {
        200: "signedIn true; or next: second_step (with the methods the account has) or enrolment",
        401: "Wrong e-mail address or password (the same answer for an unknown address)",
        429: "Too many failed attempts (Retry-After): 5 per account and address per 15 minutes, a growing delay per account, 100 per address",
      },
    }),
    validate("json", LoginSchema),
    async (c) => {
      const { password } = c.req.valid("json");
      const email = normalizeEmail(c.req.valid("json").email);
      const now = new Date();
      const db = c.env.DB;
      const account = await findUserByEmail(db, email);
      const deviceKey = readDeviceKey(c.env);
      const device =
        account && deviceKey
          ? readDeviceToken(deviceKey, readDeviceCookie(c), account.id, now.getTime())
          : null;
      // Counted before the password is looked at: a refused attempt costs no argon2id work at all.
      const admitted = await admitAttempt(
        db,
        { email, address: clientAddress(c), deviceId: device?.deviceId ?? null },
        now.getTime(),
      );
      if (!admitted.allowed) throw tooManyAttempts(admitted.retryAfterSeconds);
      const result = checkAccountPassword(account, password);
      if (!result.user) {
        await auditSignInEvent(db, {
          userId: account?.id ?? null,
          email,
          action: "auth.sign_in_failed",
          summary: device ? { knownDevice: true } : {},
          at: now.toISOString(),
        });
        throw new AppError(401, "invalid_credentials", "The e-mail address or password is not correct.");
      }
      await forgetSignInAttempt(db, admitted.attempt);
      const deviceId = device?.deviceId ?? null;
      const twoStep = await readTwoStepStatus(db, result.user.id);
      if (hasSecondFactor(twoStep)) {
        await beginPendingSignIn(c, result.user, "second_factor", deviceId, now);
        return c.json(
          {
            signedIn: false as const,
            next: "second_step" as const,
            methods: {
              totp: twoStep.totpSince !== null,
              passkey: twoStep.passkeys.length > 0,
              recoveryCode: twoStep.recoveryCodesLeft > 0,
            },
          },
          200,
        );
      }
      if (twoStep.required) {
        // The group requires two steps and the account has none: it sets one up before it gets in.
        await beginPendingSignIn(c, result.user, "enrolment", deviceId, now);
        return c.json(
          { signedIn: false as const, next: "enrolment" as const, email: result.user.email },
          200,
        );
      }
      await finishSignIn(c, result.user, now, {
        secondStep: null,
        deviceId,
        passwordHash: result.user.passwordHash,
      });
      return c.json({ signedIn: true as const, user: publicUser(result.user) }, 200);
    },
  )
  .post(
    "/two-step/code",
    describeRoute({
      summary:
        "The second step with a code: from the authenticator app (a code is accepted once, for its own 30-second step or the one either side) or a recovery code (each works once)",
      tag: "Authentication",
      access: "pending sign-in",
      responses: {
        200: "Signed in",
        401: "Wrong or used code, or no pending sign-in",
        429: "Too many failed codes (Retry-After), counted like passwords",
      },
    }),
    validate("json", SecondStepCodeSchema),
    async (c) => {
      const now = new Date();
      const pending = await requirePendingSignIn(c, "second_factor", now);
      const input = c.req.valid("json");
      await finishSecondStep(
        c,
        pending,
        input.method,
        () =>
          input.method === "totp"
            ? checkTotpCode(c.env, pending.userId, input.code, now)
            : checkRecoveryCode(c.env.DB, pending.userId, input.code, now),
        now,
      );
      const left = (await readTwoStepStatus(c.env.DB, pending.userId)).recoveryCodesLeft;
      return c.json(
        { signedIn: true as const, user: publicUser(accountOf(pending)), recoveryCodesLeft: left },
        200,
      );
    },
  )
  .post(
    "/two-step/passkey/options",
    describeRoute({
      summary:
        "A WebAuthn challenge (5 minutes, used once) and the account's passkeys, for navigator.credentials.get()",
      tag: "Authentication",
      access: "pending sign-in",
      responses: { 200: "Request options", 401: "No pending sign-in", 409: "The account has no passkey" },
      noBody: true,
    }),
    async (c) => {
      const now = new Date();
      const pending = await requirePendingSignIn(c, "second_factor", now);
      const credentials = await listPasskeyCredentialIds(c.env.DB, pending.userId);
      if (credentials.length === 0) throw new AppError(409, "no_passkey", "This account has no passkey.");
      const challenge = crypto.getRandomValues(new Uint8Array(CHALLENGE_BYTES));
      await c.env.DB.batch(
        prepareInsertWebauthnChallenge(c.env.DB, {
          challenge,
          userId: pending.userId,
          purpose: "sign_in",
          expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
          now: now.toISOString(),
        }),
      );
      return c.json(
        {
          challenge: encodeBase64urlNoPadding(challenge),
          rpId: relyingPartyOf(c.req.url).id,
          allowCredentials: credentials.map((id) => encodeBase64urlNoPadding(id)),
          timeout: CHALLENGE_MINUTES * 60_000,
        },
        200,
      );
    },
  )
  .post(
    "/two-step/passkey",
    describeRoute({
      summary:
        "The second step with a passkey: navigator.credentials.get()'s answer, checked against the account's passkey and challenge",
      tag: "Authentication",
      access: "pending sign-in",
      responses: {
        200: "Signed in",
        401: "The passkey did not verify, or no pending sign-in",
        429: "Too many failed attempts (Retry-After)",
      },
    }),
    validate("json", PasskeyAssertionSchema),
    async (c) => {
      const now = new Date();
      const pending = await requirePendingSignIn(c, "second_factor", now);
      const input = c.req.valid("json");
      await finishSecondStep(
        c,
        pending,
        "passkey",
        () =>
          checkPasskeyAssertion(c.env.DB, pending.userId, input, relyingPartyOf(c.req.url), "sign_in", now),
        now,
      );
      return c.json({ signedIn: true as const, user: publicUser(accountOf(pending)) }, 200);
    },
  )
  .post(
    "/logout",
    describeRoute({
      summary: "Sign out of this session",
      tag: "Authentication",
      access: "signed in",
      responses: { 200: "Signed out" },
      noBody: true,
    }),
    async (c) => {
      const { session, user } = requireUser(c);
      await invalidateSession(c.env.DB, session.id);
      deleteSessionCookie(c);
      await auditSignInEvent(c.env.DB, {
        userId: user.id,
        email: user.email,
        action: "auth.sign_out",
        at: new Date().toISOString(),
      });
      return c.json({ signedOut: true as const }, 200);
    },
  )
  .post(
    "/logout-all",
    describeRoute({
      summary: "Sign out of every session",
      tag: "Authentication",
      access: "signed in",
      responses: { 200: "Signed out everywhere" },
      noBody: true,
    }),
    async (c) => {
      const { user } = requireUser(c);
      await invalidateUserSessions(c.env.DB, user.id);
      deleteSessionCookie(c);
      await auditSignInEvent(c.env.DB, {
        userId: user.id,
        email: user.email,
        action: "auth.sign_out_all",
        at: new Date().toISOString(),
      });
      return c.json({ signedOut: true as const }, 200);
    },
  );

export const meRoutes = new Hono<AppEnv>().get(
  "/",
  describeRoute({
    summary: "The user, their memberships, and whether two-step sign-in is on (and required of them)",
    tag: "Authentication",
    access: "signed in",
    responses: { 200: "User" },
  }),
  async (c) => {
    const { user } = requireUser(c);
    const [memberships, twoStep] = await Promise.all([
      listUserMemberships(c.env.DB, user.id),
      readTwoStepStatus(c.env.DB, user.id),
    ]);
    return c.json(
      {
        user: publicUser(user),
        memberships: memberships.map((m) => ({
          id: m.id,
          role: m.role,
          group: { slug: m.groupSlug, name: m.groupName },
          tenant: m.tenantSlug ? { slug: m.tenantSlug, name: m.tenantName ?? m.tenantSlug } : null,
        })),
        twoStep: { enabled: hasSecondFactor(twoStep), required: twoStep.required },
      },
      200,
    );
  },
);
