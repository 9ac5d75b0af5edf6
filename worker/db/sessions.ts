// Sessions (Lucia's design, worker/auth/session.ts): the id and the SHA-256 of the secret, and for
// the account's own list a handle (never part of the token) and the browser that signed in.

export interface SessionRecord {
  id: string;
  secretHash: Uint8Array;
  userId: number;
  createdAt: string;
  expiresAt: string;
  email: string;
  name: string;
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

export interface NewSession {
  id: string;
  secretHash: Uint8Array;
  handle: string;
  userId: number;
  userAgent: string | null;
  createdAt: string;
  expiresAt: string;
}

/**
 * Stores a session. With `passwordHash`, only while the account still has that password: a
 * sign-in whose password was checked just before a password change or reset made it in opens
 * nothing (the check and the write would otherwise race). Returns whether it was stored.
 */
export async function insertSession(
  db: D1Database,
  session: NewSession,
  passwordHash?: string,
): Promise<boolean> {
  const row = await db
    .prepare(
      `INSERT INTO sessions (id, secret_hash, handle, user_id, user_agent, created_at, expires_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7
       WHERE ?8 IS NULL OR EXISTS (SELECT 1 FROM users WHERE id = ?4 AND password_hash = ?8)
       RETURNING id`,
    )
    .bind(
      session.id,
      session.secretHash,
      session.handle,
      session.userId,
      session.userAgent,
      session.createdAt,
      session.expiresAt,
      passwordHash ?? null,
    )
    .first<{ id: string }>();
  return row !== null;
}

/** A session with its user, by the public half of the token. */
export async function findSessionWithUser(db: D1Database, id: string): Promise<SessionRecord | null> {
  const row = await db
    .prepare(
      `SELECT s.id, s.secret_hash, s.user_id, s.created_at, s.expires_at, u.email, u.name
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?1`,
    )
    .bind(id)
    .first<SessionRow>();
  return row
    ? {
        id: row.id,
        secretHash: new Uint8Array(row.secret_hash),
        userId: row.user_id,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        email: row.email,
        name: row.name,
      }
    : null;
}

export async function updateSessionExpiry(db: D1Database, id: string, expiresAt: string): Promise<void> {
  await db.prepare("UPDATE sessions SET expires_at = ?2 WHERE id = ?1").bind(id, expiresAt).run();
}

export async function deleteSession(db: D1Database, id: string): Promise<void> {
  await db.prepare("DELETE FROM sessions WHERE id = ?1").bind(id).run();
}

export async function deleteUserSessions(db: D1Database, userId: number): Promise<void> {
  await prepareDeleteUserSessions(db, userId).run();
}

/** Every session of the account but `keepId` (none kept when it is null). */
export function prepareDeleteUserSessions(
  db: D1Database,
  userId: number,
  keepId: string | null = null,
): D1PreparedStatement {
  return db.prepare("DELETE FROM sessions WHERE user_id = ?1 AND id IS NOT ?2").bind(userId, keepId);
}

/** One session as its account sees it in its list. */
export interface SessionListing {
  id: string;
  handle: string;
  userAgent: string | null;
  createdAt: string;
  expiresAt: string;
}

/** The account's sessions that have not expired, newest first. */
export async function listUserSessions(
  db: D1Database,
  userId: number,
  now: string,
): Promise<SessionListing[]> {
  const { results } = await db
    .prepare(
      `SELECT id, handle, user_agent, created_at, expires_at FROM sessions
       WHERE user_id = ?1 AND expires_at > ?2 ORDER BY created_at DESC, handle`,
    )
    .bind(userId, now)
    .all<{ id: string; handle: string; user_agent: string | null; created_at: string; expires_at: string }>();
  return results.map((row) => ({
    id: row.id,
    handle: row.handle,
    userAgent: row.user_agent,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  }));
}

/** Ends one of the account's own sessions, named by its handle. */
export const prepareDeleteUserSessionByHandle = (
  db: D1Database,
  userId: number,
  handle: string,
): D1PreparedStatement =>
  db.prepare("DELETE FROM sessions WHERE user_id = ?1 AND handle = ?2").bind(userId, handle);
