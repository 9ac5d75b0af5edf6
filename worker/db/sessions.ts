// Sessions (Lucia's design, worker/auth/session.ts): the id and the SHA-256 of the secret.

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

export async function insertSession(
  db: D1Database,
  session: { id: string; secretHash: Uint8Array; userId: number; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .prepare(
      "INSERT INTO sessions (id, secret_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .bind(session.id, session.secretHash, session.userId, session.createdAt, session.expiresAt)
    .run();
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
  await db.prepare("DELETE FROM sessions WHERE user_id = ?1").bind(userId).run();
}
