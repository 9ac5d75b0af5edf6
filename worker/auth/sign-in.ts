// What signing in means for the response, whichever route signs someone in (the sign-in form and
// its second step, finishing the enrolment a group requires, or accepting an invitation).
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { readSessionCookie, setDeviceCookie, setSessionCookie } from "../http/session-cookie.ts";
import { DEVICE_DAYS, issueDeviceToken, readDeviceKey } from "./device.ts";
import { createSession, describeBrowser, invalidateSession, sessionIdOf } from "./session.ts";
import { auditSignInEvent } from "./sign-in-events.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The answer to a refused attempt: 429 with Retry-After, in seconds or minutes as they read best. */
export const tooManyAttempts = (retryAfterSeconds: number): AppError =>
  new AppError(
    429,
    "too_many_attempts",
    retryAfterSeconds < 120
      ? `Too many failed attempts. Try again in ${retryAfterSeconds} seconds.`
      : `Too many failed attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
    undefined,
    { "Retry-After": String(retryAfterSeconds) },
  );

/**
 * Signing in starts a new session and ends whichever one the browser presented, valid or not, so
 * that a session id planted in the browser beforehand is worthless (session fixation, issue 13).
 * With `passwordHash`, the session is only made while the account still has that password.
 */
export async function startSession(
  c: Context<AppEnv>,
  userId: number,
  now: Date,
  passwordHash?: string,
): Promise<void> {
  const presented = sessionIdOf(readSessionCookie(c));
  if (presented) await invalidateSession(c.env.DB, presented);
  const { token, session } = await createSession(c.env.DB, userId, now, {
    userAgent: describeBrowser(c.req.header("User-Agent")),
    ...(passwordHash ? { passwordHash } : {}),
  });
  setSessionCookie(c, token, session.expiresAt);
}

/** How the account proved itself, for the sign-in log. */
export type SignInMethod = "password" | "totp" | "recovery_code" | "passkey";

/**
 * The last step of every sign-in: the session, the known-device cookie (renewed, keeping its id,
 * so the device stays known for a year after its last use), and the event in the sign-in log.
 */
export async function finishSignIn(
  c: Context<AppEnv>,
  account: { id: number; email: string },
  now: Date,
  how: { secondStep: SignInMethod | null; deviceId: string | null; passwordHash?: string },
): Promise<void> {
  await startSession(c, account.id, now, how.passwordHash);
  const deviceKey = readDeviceKey(c.env);
  if (deviceKey) {
    const token = issueDeviceToken(deviceKey, account.id, now.getTime(), how.deviceId ?? undefined);
    setDeviceCookie(c, token, new Date(now.getTime() + DEVICE_DAYS * DAY_MS));
  }
  await auditSignInEvent(c.env.DB, {
    userId: account.id,
    email: account.email,
    action: "auth.sign_in",
    summary: { knownDevice: how.deviceId !== null, secondStep: how.secondStep },
    at: now.toISOString(),
  });
}
