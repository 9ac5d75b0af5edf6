// Sessions as the Lucia guide designs them: a token "<id>.<secret>" with 120 random bits in each
// half; D1 keeps the id and the SHA-256 of the secret, compared in constant time. Sessions last
// 30 days and are extended when used in their second half.
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

export const SESSION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const SESSION_MS = SESSION_DAYS * DAY_MS;

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

export async function createSession(
  db: D1Database,
  userId: number,
  now: Date,
): Promise<{ token: string; session: Session }> {
  const id = generateRandomToken();
  const secret = generateRandomToken();
  const session: Session = {
    id,
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_MS).toISOString(),
  };
  await db
    .prepare(
      "INSERT INTO sessions (id, secret_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .bind(id, hashSecret(secret), userId, session.createdAt, session.expiresAt)
    .run();
  return { token: `${id}.${secret}`, session };
}

interface SessionRow {
  id: string;
  secret_hash: ArrayBuffer;
  user_id: number;
  created_at: string;
  expires_at: string;
  email: string;
  name: string;
}

export async function validateSessionToken(
  db: D1Database,
  token: string,
  now: Date,
): Promise<SessionValidationResult> {
  const none = { session: null, user: null, renewed: false } as const;
  const [id, secret, ...rest] = token.split(".");
  if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return none;
  const row = await db
    .prepare(
      `SELECT s.id, s.secret_hash, s.user_id, s.created_at, s.expires_at, u.email, u.name
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?1`,
    )
    .bind(id)
    .first<SessionRow>();
  if (!row || !constantTimeEqual(hashSecret(secret), new Uint8Array(row.secret_hash))) return none;
  const expiresAt = Date.parse(row.expires_at);
  if (now.getTime() >= expiresAt) {
    await invalidateSession(db, id);
    return none;
  }
  const session: Session = { id, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at };
  const user: SessionUser = { id: row.user_id, email: row.email, name: row.name };
  if (expiresAt - now.getTime() < SESSION_MS / 2) {
    session.expiresAt = new Date(now.getTime() + SESSION_MS).toISOString();
    await db.prepare("UPDATE sessions SET expires_at = ?1 WHERE id = ?2").bind(session.expiresAt, id).run();
    return { session, user, renewed: true };
  }
  return { session, user, renewed: false };
}

export async function invalidateSession(db: D1Database, sessionId: string): Promise<void> {
  await db.prepare("DELETE FROM sessions WHERE id = ?1").bind(sessionId).run();
}

export async function invalidateUserSessions(db: D1Database, userId: number): Promise<void> {
  await db.prepare("DELETE FROM sessions WHERE user_id = ?1").bind(userId).run();
}
