// An account's own sign-in (issue 18, items 4 and 5): its password, its sessions, and two-step
// sign-in — an authenticator app (TOTP) and passkeys, with recovery codes. Changes to the
// password and the second steps are confirmed with the current password; every change is in the
// sign-in log of the account's groups.
//
// Setting up a second step also finishes a sign-in whose group requires two steps of an account
// that has none yet: such a pending sign-in may enrol (without the password it just typed), and
// the session starts when the enrolment is confirmed.
import { Hono, type Context } from "hono";
import {
  encodeBase32UpperCaseNoPadding,
  encodeBase64urlNoPadding,
  decodeBase64urlIgnorePadding,
} from "@oslojs/encoding";
import { IdParamSchema } from "#shared/api-schemas.ts";
import {
  CurrentPasswordBodySchema,
  EnrolmentStartSchema,
  PasskeyRegistrationSchema,
  PasswordChangeSchema,
  SessionHandleParamSchema,
  TotpConfirmSchema,
} from "#shared/account-schemas.ts";
import { hashPassword } from "../auth/password.ts";
import {
  CHALLENGE_BYTES,
  CHALLENGE_MINUTES,
  PASSKEY_ALGORITHMS,
  PasskeyError,
  relyingPartyOf,
  verifyRegistration,
} from "../auth/passkeys.ts";
import { clearPendingCookie, readPendingSignIn } from "../auth/pending-sign-in.ts";
import { confirmCurrentPassword } from "../auth/reauthenticate.ts";
import { openSecret, readSecretBoxKey, sealSecret } from "../auth/secret-box.ts";
import type { SessionUser } from "../auth/session.ts";
import { finishSignIn } from "../auth/sign-in.ts";
import { buildSignInEntries, type SignInEvent } from "../auth/sign-in-events.ts";
import { isUniqueViolation } from "../db/errors.ts";
import {
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  matchTotpStep,
  totpKeyUri,
} from "../auth/totp.ts";
import { prepareSetPassword } from "../db/accounts.ts";
import { runWithAudit } from "../db/audit.ts";
import {
  consumePendingSignIn,
  prepareDeleteUserPendingSignIns,
  type PendingSignIn,
} from "../db/pending-sign-ins.ts";
import { prepareRevokeOpenPasswordResets } from "../db/password-resets.ts";
import {
  listUserSessions,
  prepareDeleteUserSessionByHandle,
  prepareDeleteUserSessions,
} from "../db/sessions.ts";
import {
  findTotpEnrolment,
  hasSecondFactor,
  isDuplicateSecondStep,
  prepareDeletePasskey,
  prepareDeleteRecoveryCodesWhenNoStepLeft,
  prepareDisableTotp,
  prepareEnableTotp,
  prepareInsertPasskey,
  prepareInsertWebauthnChallenge,
  prepareRecordTwoStepRemoval,
  prepareReplaceRecoveryCodes,
  prepareStartTotpEnrolment,
  readTwoStepStatus,
  useWebauthnChallenge,
  type TwoStepStatus,
} from "../db/two-step.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireUser } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";

const ENROLMENT_MINUTES = 10;

/** Runs `statements` with the event's rows in the sign-in log of the account's groups, in one batch. */
async function runWithSignInAudit(
  db: D1Database,
  statements: D1PreparedStatement[],
  event: SignInEvent,
): Promise<D1Result[]> {
  return runWithAudit(db, statements, await buildSignInEntries(db, event));
}

const viewTwoStep = (status: TwoStepStatus) => ({
  enabled: hasSecondFactor(status),
  required: status.required,
  totp: status.totpSince ? { since: status.totpSince } : null,
  passkeys: status.passkeys.map((p) => ({
    id: p.id,
    name: p.name,
    createdAt: p.createdAt,
    lastUsedAt: p.lastUsedAt,
  })),
  recoveryCodesLeft: status.recoveryCodesLeft,
});

/** Who sets up a second step: the signed-in account (with its password), or a sign-in pending enrolment. */
interface Enrollee {
  account: SessionUser;
  pending: PendingSignIn | null;
}

async function resolveEnrollee(
  c: Context<AppEnv>,
  currentPassword: string | undefined,
  now: Date,
  confirming = false,
): Promise<Enrollee> {
  const auth = c.get("auth");
  if (auth.session) {
    if (!confirming) await confirmCurrentPassword(c, auth.session, currentPassword);
    return { account: auth.user, pending: null };
  }
  const pending = await readPendingSignIn(c, now);
  if (pending?.needs === "enrolment") {
    return { account: { id: pending.userId, email: pending.email, name: pending.name }, pending };
  }
  throw new AppError(401, "unauthenticated", "Sign in first.");
}

/**
 * What turning on the first second step brings: ten recovery codes, unless the account has
 * codes from another second step already. Returns the codes (to show once) and their statements.
 */
function recoveryCodesFor(
  db: D1Database,
  before: TwoStepStatus,
  userId: number,
  at: string,
): { codes: string[] | null; statements: D1PreparedStatement[] } {
  if (hasSecondFactor(before) && before.recoveryCodesLeft > 0) return { codes: null, statements: [] };
  const codes = generateRecoveryCodes();
  return { codes, statements: prepareReplaceRecoveryCodes(db, userId, codes.map(hashRecoveryCode), at) };
}

/** A pending enrolment ends in a session: the group's requirement is met. */
async function finishEnrolmentSignIn(
  c: Context<AppEnv>,
  enrollee: Enrollee,
  method: "totp" | "passkey",
  now: Date,
): Promise<boolean> {
  if (!enrollee.pending) return false;
  if (!(await consumePendingSignIn(c.env.DB, enrollee.pending.id))) return false;
  clearPendingCookie(c);
  await finishSignIn(c, enrollee.account, now, { secondStep: method, deviceId: enrollee.pending.deviceId });
  return true;
}

/**
 * Removes a second step as decided on the state read before (prepareRecordTwoStepRemoval first):
 * two removals in parallel (the app in one window, the last passkey in another) each saw the other
 * step still there, and without this would together leave an account its group requires two steps
 * of with none. The second is refused whole.
 */
async function removeSecondStep(
  db: D1Database,
  statements: D1PreparedStatement[],
  event: SignInEvent,
): Promise<void> {
  try {
    await runWithSignInAudit(db, statements, event);
  } catch (error) {
    if (!isUniqueViolation(error, "two_step_removals_seen")) throw error;
    throw new AppError(
      409,
      "two_step_changed",
      "Your second steps changed at the same moment (in another window?): reload and try again.",
    );
  }
}

/** Refuses to take away the last second step of an account its group requires two steps of. */
function keepRequiredStep(status: TwoStepStatus, remaining: number): void {
  if (status.required && remaining === 0) {
    throw new AppError(
      409,
      "two_step_required",
      "Your group requires two-step sign-in: add another way (an authenticator app or a passkey) before removing this one.",
    );
  }
}

export const accountRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary: "The account: when its password last changed, and its two-step sign-in",
      tag: "Authentication",
      access: "signed in",
      responses: { 200: "Account" },
    }),
    async (c) => {
      const { user } = requireUser(c);
      const status = await readTwoStepStatus(c.env.DB, user.id);
      return c.json(
        { user: { id: user.id, email: user.email, name: user.name }, twoStep: viewTwoStep(status) },
        200,
      );
    },
  )
  .post(
    "/password",
    describeRoute({
      summary: "Change the password (the current one confirms it); every other session of the account ends",
      tag: "Authentication",
      access: "signed in",
      responses: {
        200: "Changed",
        403: "The current password is not correct",
        429: "Too many wrong passwords",
      },
    }),
    validate("json", PasswordChangeSchema),
    async (c) => {
      const { session, user } = requireUser(c);
      const input = c.req.valid("json");
      await confirmCurrentPassword(c, session, input.currentPassword);
      const db = c.env.DB;
      const at = new Date().toISOString();
      const [, ended] = await runWithSignInAudit(
        db,
        [
          prepareSetPassword(db, user.id, hashPassword(input.newPassword), at),
          prepareDeleteUserSessions(db, user.id, session.id),
          prepareDeleteUserPendingSignIns(db, user.id),
          prepareRevokeOpenPasswordResets(db, user.id, at),
        ],
        { userId: user.id, email: user.email, action: "auth.password_changed", at },
      );
      return c.json({ changed: true as const, endedSessions: ended!.meta.changes }, 200);
    },
  )
  .get(
    "/sessions",
    describeRoute({
      summary: "The account's sessions: when each began and ends, its browser, and which is this one",
      tag: "Authentication",
      access: "signed in",
      responses: { 200: "Sessions" },
    }),
    async (c) => {
      const { session, user } = requireUser(c);
      const sessions = await listUserSessions(c.env.DB, user.id, new Date().toISOString());
      return c.json(
        {
          sessions: sessions.map((s) => ({
            handle: s.handle,
            browser: s.userAgent,
            createdAt: s.createdAt,
            expiresAt: s.expiresAt,
            current: s.id === session.id,
          })),
        },
        200,
      );
    },
  )
  .delete(
    "/sessions/:handle",
    describeRoute({
      summary: "End one of the account's sessions (this one too, which signs out here)",
      tag: "Authentication",
      access: "signed in",
      responses: { 200: "Ended", 404: "No such session of this account" },
      noBody: true,
    }),
    validate("param", SessionHandleParamSchema),
    async (c) => {
      const { session, user } = requireUser(c);
      const { handle } = c.req.valid("param");
      const now = new Date().toISOString();
      const target = (await listUserSessions(c.env.DB, user.id, now)).find((s) => s.handle === handle);
      if (!target) throw new AppError(404, "session_not_found", "You have no such session.");
      await runWithSignInAudit(c.env.DB, [prepareDeleteUserSessionByHandle(c.env.DB, user.id, handle)], {
        userId: user.id,
        email: user.email,
        action: "auth.session_ended",
        summary: { current: target.id === session.id },
        at: now,
      });
      return c.json({ ended: true as const, current: target.id === session.id }, 200);
    },
  )
  .post(
    "/sessions/end-others",
    describeRoute({
      summary: "End every session of the account but this one",
      tag: "Authentication",
      access: "signed in",
      responses: { 200: "Ended" },
      noBody: true,
    }),
    async (c) => {
      const { session, user } = requireUser(c);
      const [ended] = await runWithSignInAudit(
        c.env.DB,
        [prepareDeleteUserSessions(c.env.DB, user.id, session.id)],
        {
          userId: user.id,
          email: user.email,
          action: "auth.sessions_ended",
          at: new Date().toISOString(),
        },
      );
      return c.json({ endedSessions: ended!.meta.changes }, 200);
    },
  )
  .post(
    "/two-step/totp",
    describeRoute({
      summary:
        "Start setting up an authenticator app: a new secret (10 minutes) as text and as an otpauth:// URI for the QR code. Signed in with the current password, or during a sign-in that must enrol",
      tag: "Authentication",
      access: "signed in, or a sign-in pending enrolment",
      responses: {
        200: "Secret and URI",
        403: "The current password is not correct",
        409: "An app is set up already",
      },
    }),
    validate("json", EnrolmentStartSchema),
    async (c) => {
      const now = new Date();
      const { account } = await resolveEnrollee(c, c.req.valid("json").currentPassword, now);
      const status = await readTwoStepStatus(c.env.DB, account.id);
      if (status.totpSince) {
        throw new AppError(
          409,
          "totp_enabled",
          "An authenticator app is set up already: remove it first to set up another.",
        );
      }
      const secret = generateTotpSecret();
      const expiresAt = new Date(now.getTime() + ENROLMENT_MINUTES * 60_000).toISOString();
      const sealed = await sealSecret(await readSecretBoxKey(c.env), account.id, secret);
      await prepareStartTotpEnrolment(c.env.DB, account.id, sealed, expiresAt).run();
      // The secret goes to this account's own browser, once, to put in the app; D1 keeps it sealed.
      return c.json(
        { secret: encodeBase32UpperCaseNoPadding(secret), uri: totpKeyUri(account.email, secret), expiresAt },
        200,
      );
    },
  )
  .post(
    "/two-step/totp/confirm",
    describeRoute({
      summary:
        "Finish setting up the app with a code it shows: two-step sign-in is on, and the first time ten recovery codes are returned (once). A pending enrolment signs in",
      tag: "Authentication",
      access: "signed in, or a sign-in pending enrolment",
      responses: {
        200: "On (with recovery codes the first time)",
        409: "Set up already",
        422: "Wrong code, or the setup expired",
      },
    }),
    validate("json", TotpConfirmSchema),
    async (c) => {
      const now = new Date();
      const at = now.toISOString();
      const db = c.env.DB;
      const enrollee = await resolveEnrollee(c, undefined, now, true);
      const userId = enrollee.account.id;
      const sealed = await findTotpEnrolment(db, userId, at);
      const secret = sealed && (await openSecret(await readSecretBoxKey(c.env), userId, sealed));
      if (!sealed || !secret) {
        throw new AppError(
          422,
          "enrolment_expired",
          "This setup has expired. Start again to get a new QR code.",
        );
      }
      const step = matchTotpStep(secret, c.req.valid("json").code, now.getTime());
      if (step === null) {
        throw new AppError(
          422,
          "invalid_code",
          "This code is not correct. Check the time on your phone and try the next code.",
          [{ field: "code", message: "is not correct" }],
        );
      }
      const before = await readTwoStepStatus(db, userId);
      const recovery = recoveryCodesFor(db, before, userId, at);
      try {
        await runWithSignInAudit(
          db,
          [...prepareEnableTotp(db, userId, sealed, step, at), ...recovery.statements],
          {
            userId,
            email: enrollee.account.email,
            action: "auth.totp_enabled",
            summary: { recoveryCodes: recovery.codes !== null },
            at,
          },
        );
      } catch (error) {
        if (isDuplicateSecondStep(error))
          throw new AppError(409, "totp_enabled", "An authenticator app is set up already.");
        throw error;
      }
      const signedIn = await finishEnrolmentSignIn(c, enrollee, "totp", now);
      return c.json({ enabled: true as const, recoveryCodes: recovery.codes, signedIn }, 200);
    },
  )
  .delete(
    "/two-step/totp",
    describeRoute({
      summary: "Remove the authenticator app (confirmed with the current password)",
      tag: "Authentication",
      access: "signed in",
      responses: {
        200: "Removed",
        403: "The current password is not correct",
        404: "No app set up",
        409: "The group requires two steps and this is the last",
      },
    }),
    validate("json", CurrentPasswordBodySchema),
    async (c) => {
      const { session, user } = requireUser(c);
      await confirmCurrentPassword(c, session, c.req.valid("json").currentPassword);
      const status = await readTwoStepStatus(c.env.DB, user.id);
      if (!status.totpSince) throw new AppError(404, "totp_not_enabled", "No authenticator app is set up.");
      keepRequiredStep(status, status.passkeys.length);
      const db = c.env.DB;
      const at = new Date().toISOString();
      await removeSecondStep(
        db,
        [
          prepareRecordTwoStepRemoval(db, user.id, status, at),
          prepareDisableTotp(db, user.id),
          prepareDeleteRecoveryCodesWhenNoStepLeft(db, user.id),
        ],
        { userId: user.id, email: user.email, action: "auth.totp_removed", at },
      );
      return c.json({ twoStep: viewTwoStep(await readTwoStepStatus(db, user.id)) }, 200);
    },
  )
  .post(
    "/two-step/recovery-codes",
    describeRoute({
      summary: "Ten new recovery codes (returned once); the old ones stop working",
      tag: "Authentication",
      access: "signed in",
      responses: {
        200: "New codes",
        403: "The current password is not correct",
        409: "Two-step sign-in is off",
      },
    }),
    validate("json", CurrentPasswordBodySchema),
    async (c) => {
      const { session, user } = requireUser(c);
      await confirmCurrentPassword(c, session, c.req.valid("json").currentPassword);
      if (!hasSecondFactor(await readTwoStepStatus(c.env.DB, user.id))) {
        throw new AppError(409, "two_step_off", "Recovery codes belong to two-step sign-in, which is off.");
      }
      const at = new Date().toISOString();
      const codes = generateRecoveryCodes();
      await runWithSignInAudit(
        c.env.DB,
        prepareReplaceRecoveryCodes(c.env.DB, user.id, codes.map(hashRecoveryCode), at),
        {
          userId: user.id,
          email: user.email,
          action: "auth.recovery_codes_replaced",
          at,
        },
      );
      return c.json({ recoveryCodes: codes }, 200);
    },
  )
  .post(
    "/two-step/passkeys/options",
    describeRoute({
      summary:
        "Start adding a passkey: options for navigator.credentials.create() with a challenge (5 minutes, used once). Signed in with the current password, or during a sign-in that must enrol",
      tag: "Authentication",
      access: "signed in, or a sign-in pending enrolment",
      responses: { 200: "Creation options", 403: "The current password is not correct" },
    }),
    validate("json", EnrolmentStartSchema),
    async (c) => {
      const now = new Date();
      const { account } = await resolveEnrollee(c, c.req.valid("json").currentPassword, now);
      const status = await readTwoStepStatus(c.env.DB, account.id);
      const challenge = crypto.getRandomValues(new Uint8Array(CHALLENGE_BYTES));
      await c.env.DB.batch(
        prepareInsertWebauthnChallenge(c.env.DB, {
          challenge,
          userId: account.id,
          purpose: "register",
          expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
          now: now.toISOString(),
        }),
      );
      const userHandle = new Uint8Array(8);
      new DataView(userHandle.buffer).setBigUint64(0, BigInt(account.id));
      return c.json(
        {
          challenge: encodeBase64urlNoPadding(challenge),
          rp: { id: relyingPartyOf(c.req.url).id, name: "Verklaring" },
          // The user handle is the account's number, no personal data (WebAuthn section 14.6.1).
          user: { id: encodeBase64urlNoPadding(userHandle), name: account.email, displayName: account.name },
          algorithms: [...PASSKEY_ALGORITHMS],
          excludeCredentials: status.passkeys.map((p) => encodeBase64urlNoPadding(p.credentialId)),
          timeout: CHALLENGE_MINUTES * 60_000,
        },
        200,
      );
    },
  )
  .post(
    "/two-step/passkeys",
    describeRoute({
      summary:
        "Add a passkey: navigator.credentials.create()'s answer, checked against the challenge, this site and the key; the first second step also returns ten recovery codes (once). A pending enrolment signs in",
      tag: "Authentication",
      access: "signed in, or a sign-in pending enrolment",
      responses: {
        201: "Added",
        409: "This passkey is registered already",
        422: "The answer does not verify (which check says why)",
      },
    }),
    validate("json", PasskeyRegistrationSchema),
    async (c) => {
      const now = new Date();
      const at = now.toISOString();
      const db = c.env.DB;
      const enrollee = await resolveEnrollee(c, undefined, now, true);
      const userId = enrollee.account.id;
      const input = c.req.valid("json");
      let registration;
      try {
        registration = await verifyRegistration(
          {
            clientDataJSON: decodeBase64urlIgnorePadding(input.clientDataJSON),
            attestationObject: decodeBase64urlIgnorePadding(input.attestationObject),
          },
          relyingPartyOf(c.req.url),
        );
      } catch (error) {
        if (error instanceof PasskeyError)
          throw new AppError(422, "invalid_passkey", `The passkey was not added: ${error.message}.`);
        throw error;
      }
      if (
        !(await useWebauthnChallenge(db, {
          challenge: registration.challenge,
          userId,
          purpose: "register",
          now: at,
        }))
      ) {
        throw new AppError(
          422,
          "invalid_passkey",
          "The passkey was not added: its challenge expired or was used. Try again.",
        );
      }
      const before = await readTwoStepStatus(db, userId);
      const recovery = recoveryCodesFor(db, before, userId, at);
      try {
        await runWithSignInAudit(
          db,
          [
            prepareInsertPasskey(db, {
              userId,
              credentialId: registration.credentialId,
              algorithm: registration.algorithm,
              publicKey: registration.publicKey,
              signCount: registration.signCount,
              name: input.name,
              createdAt: at,
            }),
            ...recovery.statements,
          ],
          {
            userId,
            email: enrollee.account.email,
            action: "auth.passkey_added",
            summary: { name: input.name },
            at,
          },
        );
      } catch (error) {
        if (isDuplicateSecondStep(error))
          throw new AppError(409, "passkey_exists", "This passkey is registered already.");
        throw error;
      }
      const signedIn = await finishEnrolmentSignIn(c, enrollee, "passkey", now);
      return c.json({ added: true as const, recoveryCodes: recovery.codes, signedIn }, 201);
    },
  )
  .delete(
    "/two-step/passkeys/:id",
    describeRoute({
      summary: "Remove one of the account's passkeys (confirmed with the current password)",
      tag: "Authentication",
      access: "signed in",
      responses: {
        200: "Removed",
        403: "The current password is not correct",
        404: "No such passkey",
        409: "The group requires two steps and this is the last",
      },
    }),
    validate("param", IdParamSchema),
    validate("json", CurrentPasswordBodySchema),
    async (c) => {
      const { session, user } = requireUser(c);
      await confirmCurrentPassword(c, session, c.req.valid("json").currentPassword);
      const db = c.env.DB;
      const status = await readTwoStepStatus(db, user.id);
      const passkey = status.passkeys.find((p) => p.id === c.req.valid("param").id);
      if (!passkey) throw new AppError(404, "passkey_not_found", "You have no such passkey.");
      const remaining = status.passkeys.length - 1 + (status.totpSince ? 1 : 0);
      keepRequiredStep(status, remaining);
      const at = new Date().toISOString();
      await removeSecondStep(
        db,
        [
          prepareRecordTwoStepRemoval(db, user.id, status, at),
          prepareDeletePasskey(db, user.id, passkey.id),
          prepareDeleteRecoveryCodesWhenNoStepLeft(db, user.id),
        ],
        {
          userId: user.id,
          email: user.email,
          action: "auth.passkey_removed",
          summary: { name: passkey.name },
          at,
        },
      );
      return c.json({ twoStep: viewTwoStep(await readTwoStepStatus(db, user.id)) }, 200);
    },
  );
