// Password-reset links (issue 18, item 4). The privacy lead issues one for a member who forgot
// their password; like an invitation it is shown once, stored only hashed, works once and expires
// after 24 hours, and Verklaring sends no e-mail: the lead hands it over. Using it sets a new
// password and ends every session of the account. It does not sign in: the account signs in with
// its new password and, if it has one, its second step, so a link in the wrong hands is not enough
// to get past two-step sign-in (unless the lead chose to remove it, for a lost phone).
import { Hono } from "hono";
import {
  PasswordResetCreateSchema,
  PasswordResetLookupSchema,
  PasswordResetRedeemSchema,
} from "#shared/account-schemas.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { hashPassword } from "../auth/password.ts";
import { generateRandomToken, hashSecret } from "../auth/session.ts";
import { buildSignInEntries, clientAddress } from "../auth/sign-in-events.ts";
import { tooManyAttempts } from "../auth/sign-in.ts";
import { admitAttempt } from "../auth/throttle.ts";
import { findUserById, isGroupMember, leadsEveryGroupOf, prepareSetPassword } from "../db/accounts.ts";
import { runWithAudit } from "../db/audit.ts";
import { prepareDeleteUserPendingSignIns } from "../db/pending-sign-ins.ts";
import {
  findPasswordResetByTokenHash,
  isClosedPasswordReset,
  PASSWORD_RESET_HOURS,
  prepareInsertPasswordReset,
  prepareRevokeOpenPasswordResets,
  prepareUsePasswordReset,
  type PasswordReset,
} from "../db/password-resets.ts";
import { prepareDeleteUserSessions } from "../db/sessions.ts";
import { forgetSignInAttempt } from "../db/sign-in-attempts.ts";
import { prepareRemoveAllSecondFactors } from "../db/two-step.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";

const HOUR_MS = 60 * 60 * 1000;

/** Mounted under /api/groups/:group/password-resets, behind resolveGroupAccess. */
export const groupPasswordResetRoutes = new Hono<AppEnv>().post(
  "/",
  describeRoute({
    summary:
      "Issue a single-use password-reset link (24 hours) for a member of the group; the link is returned once. Earlier open links for the account stop working",
    tag: "Group",
    access: "group admin",
    responses: {
      201: "The link",
      404: "No such member in this group",
      409: "Your own account (change your password on your account page), or an account that also works in a group you do not lead",
    },
  }),
  validate("json", PasswordResetCreateSchema),
  async (c) => {
    const access = requireGroupAdmin(c);
    const input = c.req.valid("json");
    const db = c.env.DB;
    const account = (await isGroupMember(db, access.group.id, input.userId))
      ? await findUserById(db, input.userId)
      : null;
    if (!account) throw new AppError(404, "member_not_found", "No such member in this group.");
    if (account.id === access.user.id) {
      throw new AppError(409, "own_account", "Change your own password on your account page.");
    }
    if (!(await leadsEveryGroupOf(db, access.user.id, account.id))) {
      throw new AppError(
        409,
        "other_group",
        `${account.email} also works in a group you are not the privacy lead of: a reset link would give its holder that access too. Ask ${account.name} to use a reset link from a privacy lead of every group they work in, or to change their password while signed in.`,
      );
    }
    const now = new Date();
    const at = now.toISOString();
    const token = generateRandomToken(20);
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_HOURS * HOUR_MS).toISOString();
    await runWithAudit(
      db,
      [
        prepareRevokeOpenPasswordResets(db, account.id, at),
        prepareInsertPasswordReset(db, {
          userId: account.id,
          groupId: access.group.id,
          tokenHash: hashSecret(token),
          createdBy: access.user.id,
          createdAt: at,
          expiresAt,
          removesTwoStep: input.removeTwoStep,
        }),
      ],
      [
        buildAuditEntry({
          groupId: access.group.id,
          actor: access.user,
          action: "password_reset.created",
          target: account.email,
          summary: { expiresAt, removesTwoStep: input.removeTwoStep },
          at,
        }),
      ],
    );
    // The token is shown this once; only its hash is kept.
    const resetUrl = `${new URL(c.req.url).origin}/reset-password#token=${token}`;
    return c.json(
      { email: account.email, name: account.name, expiresAt, removesTwoStep: input.removeTwoStep, resetUrl },
      201,
    );
  },
);

const notFound = () => new AppError(404, "reset_not_found", "This reset link is not valid.");

/** A link that can no longer be used: 410, saying why. */
function closedReset(reset: PasswordReset, now: string): AppError | null {
  const why = reset.usedAt
    ? "has already been used"
    : reset.revokedAt
      ? "was replaced by a newer link or a new password"
      : reset.expiresAt <= now
        ? "has expired"
        : null;
  return why
    ? new AppError(410, "reset_closed", `This reset link ${why}. Ask your privacy lead for a new one.`)
    : null;
}

/** Mounted under /api/password-resets: the token is the credential. */
export const passwordResetRoutes = new Hono<AppEnv>()
  .post(
    "/lookup",
    describeRoute({
      summary: "Whose password a reset link is for, until when, and whether it removes two-step sign-in",
      tag: "Authentication",
      access: "holder of the link",
      responses: { 200: "The link", 404: "Unknown link", 410: "Used, replaced or expired" },
    }),
    validate("json", PasswordResetLookupSchema),
    async (c) => {
      const reset = await findPasswordResetByTokenHash(c.env.DB, hashSecret(c.req.valid("json").token));
      if (!reset) throw notFound();
      const closed = closedReset(reset, new Date().toISOString());
      if (closed) throw closed;
      return c.json(
        {
          email: reset.email,
          name: reset.name,
          expiresAt: reset.expiresAt,
          removesTwoStep: reset.removesTwoStep,
        },
        200,
      );
    },
  )
  .post(
    "/redeem",
    describeRoute({
      summary:
        "Use a reset link: a new password, every session of the account ends, the link is used up. Does not sign in. Failed attempts are counted like sign-ins",
      tag: "Authentication",
      access: "holder of the link",
      responses: {
        200: "Password set",
        404: "Unknown link",
        410: "Used, replaced or expired",
        429: "Too many failed attempts (Retry-After)",
      },
    }),
    validate("json", PasswordResetRedeemSchema),
    async (c) => {
      const input = c.req.valid("json");
      const db = c.env.DB;
      const now = new Date();
      const at = now.toISOString();
      const reset = await findPasswordResetByTokenHash(db, hashSecret(input.token));
      const admitted = await admitAttempt(
        db,
        { email: reset?.email ?? null, address: clientAddress(c), deviceId: null },
        now.getTime(),
      );
      if (!admitted.allowed) throw tooManyAttempts(admitted.retryAfterSeconds);
      if (!reset) throw notFound();
      const closed = closedReset(reset, at);
      if (closed) throw closed;
      const userId = reset.userId;
      try {
        await runWithAudit(
          db,
          [
            // First: its trigger aborts the whole batch if the link was used a moment ago.
            prepareUsePasswordReset(db, reset.id, at),
            prepareSetPassword(db, userId, hashPassword(input.password), at),
            prepareDeleteUserSessions(db, userId),
            prepareDeleteUserPendingSignIns(db, userId),
            prepareRevokeOpenPasswordResets(db, userId, at),
            ...(reset.removesTwoStep ? prepareRemoveAllSecondFactors(db, userId) : []),
          ],
          await buildSignInEntries(db, {
            userId,
            email: reset.email,
            action: "auth.password_reset",
            summary: { link: reset.id, removedTwoStep: reset.removesTwoStep },
            at,
            alsoGroup: reset.groupId,
          }),
        );
      } catch (error) {
        if (isClosedPasswordReset(error)) {
          throw new AppError(
            410,
            "reset_closed",
            "This reset link was used a moment ago. Ask your privacy lead for a new one.",
          );
        }
        throw error;
      }
      await forgetSignInAttempt(db, admitted.attempt);
      return c.json({ email: reset.email, removedTwoStep: reset.removesTwoStep }, 200);
    },
  );
