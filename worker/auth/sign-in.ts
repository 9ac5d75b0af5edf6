// What signing in means for the response, whichever route signs someone in (the sign-in form, or
// accepting an invitation with a new account).
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { readSessionCookie, setSessionCookie } from "../http/session-cookie.ts";
import { createSession, invalidateSession, sessionIdOf } from "./session.ts";

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
 */
export async function startSession(c: Context<AppEnv>, userId: number, now: Date): Promise<void> {
  const presented = sessionIdOf(readSessionCookie(c));
  if (presented) await invalidateSession(c.env.DB, presented);
  const { token, session } = await createSession(c.env.DB, userId, now);
  setSessionCookie(c, token, session.expiresAt);
}
