// Sessions as the Lucia guide designs them: a token "<id>.<secret>" with 120 random bits in each
// half; D1 keeps the id and the SHA-256 of the secret, compared in constant time. Sessions last
// 30 days and are extended when used in their second half, but never past 90 days after signing
// in (issue 13, item 9: a session that slides for ever is a stolen cookie that works for ever).
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import {
  deleteSession,
  deleteUserSessions,
  findSessionWithUser,
  insertSession,
  updateSessionExpiry,
} from "../db/sessions.ts";
import { AppError } from "../errors.ts";

export const SESSION_DAYS = 30;
/** OWASP Session Management: an absolute timeout regardless of activity. */
export const SESSION_MAX_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
const SESSION_MS = SESSION_DAYS * DAY_MS;
const SESSION_MAX_MS = SESSION_MAX_DAYS * DAY_MS;

export interface Session {
  id: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
}

export interface SessionUser {
  id: number;
  email: string;
  name: string;
}

export type SessionValidationResult =
  { session: Session; user: SessionUser; renewed: boolean } | { session: null; user: null; renewed: false };

/** A random token in lower-case base32; 15 bytes = 120 bits = 24 characters. */
export function generateRandomToken(bytes = 15): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export const hashSecret = (secret: string): Uint8Array => sha256(new TextEncoder().encode(secret));

/** 30 days from now, but never past the absolute end of a session begun at `createdAt`. */
const expiryFrom = (now: number, createdAt: number): string =>
  new Date(Math.min(now + SESSION_MS, createdAt + SESSION_MAX_MS)).toISOString();

/** The browser as the account's list of sessions shows it: its User-Agent, shortened. */
export const describeBrowser = (userAgent: string | undefined): string | null =>
  userAgent ? userAgent.slice(0, 200) : null;

export interface SessionOptions {
  userAgent?: string | null;
  /** The password hash that was just checked: no session if the password changed meanwhile. */
  passwordHash?: string;
}

export async function createSession(
  db: D1Database,
  userId: number,
  now: Date,
  options: SessionOptions = {},
): Promise<{ token: string; session: Session }> {
  const id = generateRandomToken();
  const secret = generateRandomToken();
  const session: Session = {
    id,
    userId,
    createdAt: now.toISOString(),
    expiresAt: expiryFrom(now.getTime(), now.getTime()),
  };
  const stored = await insertSession(
    db,
    {
      ...session,
      secretHash: hashSecret(secret),
      handle: encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(8))),
      userAgent: options.userAgent ?? null,
    },
    options.passwordHash,
  );
  if (!stored) {
    throw new AppError(401, "invalid_credentials", "The e-mail address or password is not correct.");
  }
  return { token: `${id}.${secret}`, session };
}

/** The public half of a token, if it has the shape of one (to end a session without checking it). */
export function sessionIdOf(token: string | undefined): string | null {
  const [id, secret, ...rest] = (token ?? "").split(".");
  return id && secret && rest.length === 0 && id.length <= 64 ? id : null;
}

export async function validateSessionToken(
  db: D1Database,
  token: string,
  now: Date,
): Promise<SessionValidationResult> {
  const none = { session: null, user: null, renewed: false } as const;
  const [id, secret, ...rest] = token.split(".");
  if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return none;
  const row = await findSessionWithUser(db, id);
  if (!row || !constantTimeEqual(hashSecret(secret), row.secretHash)) return none;
  const expiresAt = Date.parse(row.expiresAt);
  const createdAt = Date.parse(row.createdAt);
  if (now.getTime() >= expiresAt || now.getTime() >= createdAt + SESSION_MAX_MS) {
    await deleteSession(db, id);
    return none;
  }
  const session: Session = { id, userId: row.userId, createdAt: row.createdAt, expiresAt: row.expiresAt };
  const user: SessionUser = { id: row.userId, email: row.email, name: row.name };
  const extended = expiryFrom(now.getTime(), createdAt);
  if (expiresAt - now.getTime() < SESSION_MS / 2 && Date.parse(extended) > expiresAt) {
    session.expiresAt = extended;
    await updateSessionExpiry(db, id, extended);
    return { session, user, renewed: true };
  }
  return { session, user, renewed: false };
}

export async function invalidateSession(db: D1Database, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}

export async function invalidateUserSessions(db: D1Database, userId: number): Promise<void> {
  await deleteUserSessions(db, userId);
}
