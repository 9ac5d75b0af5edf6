// Between the password and the second step: a pending sign-in. It has a token like a session's
// (two random halves, only the secret's SHA-256 stored) in a cookie of its own, valid for 10
// minutes and good for nothing but finishing this one sign-in. No session exists until every step
// is done, so nothing that checks for a session needs to know about half-signed-in accounts.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import {
  findPendingSignIn,
  insertPendingSignIn,
  type PendingNeed,
  type PendingSignIn,
} from "../db/pending-sign-ins.ts";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { generateRandomToken, hashSecret } from "./session.ts";

export const PENDING_COOKIE = "verklaring_pending_sign_in";
export const PENDING_MINUTES = 10;
const COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: "Strict", path: "/api" } as const;

export async function beginPendingSignIn(
  c: Context<AppEnv>,
  account: { id: number; passwordHash: string },
  needs: PendingNeed,
  deviceId: string | null,
  now: Date,
): Promise<void> {
  const id = generateRandomToken();
  const secret = generateRandomToken();
  const expiresAt = new Date(now.getTime() + PENDING_MINUTES * 60 * 1000);
  const stored = await insertPendingSignIn(
    c.env.DB,
    {
      id,
      secretHash: hashSecret(secret),
      userId: account.id,
      needs,
      deviceId,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    },
    account.passwordHash,
  );
  // The password changed between checking it and now: this sign-in is over.
  if (!stored)
    throw new AppError(401, "invalid_credentials", "The e-mail address or password is not correct.");
  setCookie(c, PENDING_COOKIE, `${id}.${secret}`, { ...COOKIE_OPTIONS, expires: expiresAt });
}

/** The browser's pending sign-in, if its cookie holds a valid, unexpired one. */
export async function readPendingSignIn(c: Context<AppEnv>, now: Date): Promise<PendingSignIn | null> {
  const [id, secret, ...rest] = (getCookie(c, PENDING_COOKIE) ?? "").split(".");
  if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return null;
  const pending = await findPendingSignIn(c.env.DB, id);
  if (!pending || !constantTimeEqual(hashSecret(secret), pending.secretHash)) return null;
  return Date.parse(pending.expiresAt) > now.getTime() ? pending : null;
}

/** The pending sign-in the request must have, or 401 with a code the console recognises. */
export async function requirePendingSignIn(
  c: Context<AppEnv>,
  needs: PendingNeed,
  now: Date,
): Promise<PendingSignIn> {
  const pending = await readPendingSignIn(c, now);
  if (!pending || pending.needs !== needs) {
    throw new AppError(
      401,
      "sign_in_expired",
      "This sign-in has expired or was finished. Sign in again with your e-mail address and password.",
    );
  }
  return pending;
}

export function clearPendingCookie(c: Context): void {
  deleteCookie(c, PENDING_COOKIE, COOKIE_OPTIONS);
}
