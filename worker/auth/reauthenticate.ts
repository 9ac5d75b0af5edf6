// A signed-in account confirms a change to its own sign-in (its password, its second steps) with
// its current password. Attempts are counted per session, with the sign-in limits of a known
// device (5 per 15 minutes): someone holding a stolen session cannot use this to guess the
// password, and strangers' failed sign-ins never hold up the account's own changes.
import type { Context } from "hono";
import { findUserById, type UserAccount } from "../db/accounts.ts";
import { forgetSignInAttempt } from "../db/sign-in-attempts.ts";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { verifyPasswordHash } from "./password.ts";
import type { Session } from "./session.ts";
import { auditSignInEvent, clientAddress } from "./sign-in-events.ts";
import { tooManyAttempts } from "./sign-in.ts";
import { admitAttempt } from "./throttle.ts";

export async function confirmCurrentPassword(
  c: Context<AppEnv>,
  session: Session,
  password: string | undefined,
): Promise<UserAccount> {
  if (password === undefined) {
    throw new AppError(400, "invalid_request", "Confirm this change with your current password.", [
      { field: "currentPassword", message: "is required" },
    ]);
  }
  const db = c.env.DB;
  const now = Date.now();
  const admitted = await admitAttempt(
    db,
    { email: null, address: clientAddress(c), deviceId: `session:${session.id}` },
    now,
  );
  if (!admitted.allowed) throw tooManyAttempts(admitted.retryAfterSeconds);
  const account = await findUserById(db, session.userId);
  if (!account || !verifyPasswordHash(account.passwordHash, password)) {
    await auditSignInEvent(db, {
      userId: session.userId,
      email: account?.email ?? "unknown",
      action: "auth.password_confirm_failed",
      at: new Date(now).toISOString(),
    });
    throw new AppError(403, "wrong_password", "Your current password is not correct.", [
      { field: "currentPassword", message: "is not correct" },
    ]);
  }
  await forgetSignInAttempt(db, admitted.attempt);
  return account;
}
