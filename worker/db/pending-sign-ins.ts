// Pending sign-ins (migrations/0014): a correct password waiting for its second step, or for the
// enrolment the group requires. Like sessions, only the SHA-256 of the token's secret is kept.

export type PendingNeed = "second_factor" | "enrolment";

export interface PendingSignIn {
  id: string;
  secretHash: Uint8Array;
  userId: number;
  email: string;
  name: string;
  needs: PendingNeed;
  deviceId: string | null;
  createdAt: string;
  expiresAt: string;
}

interface PendingRow {
  id: string;
  secret_hash: ArrayBuffer;
  user_id: number;
  email: string;
  name: string;
  needs: PendingNeed;
  device_id: string | null;
  created_at: string;
  expires_at: string;
}

/** Stores a pending sign-in, only while the account still has the password that was checked. */
export async function insertPendingSignIn(
  db: D1Database,
  pending: Omit<PendingSignIn, "email" | "name">,
  passwordHash: string,
): Promise<boolean> {
  const [, inserted] = await db.batch([
    db
      .prepare("DELETE FROM pending_sign_ins WHERE user_id = ?1 AND expires_at <= ?2")
      .bind(pending.userId, pending.createdAt),
    db
      .prepare(
        `INSERT INTO pending_sign_ins (id, secret_hash, user_id, needs, device_id, created_at, expires_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM users WHERE id = ?3 AND password_hash = ?8)
         RETURNING id`,
      )
      .bind(
        pending.id,
        pending.secretHash,
        pending.userId,
        pending.needs,
        pending.deviceId,
        pending.createdAt,
        pending.expiresAt,
        passwordHash,
      ),
  ]);
  return inserted!.results.length === 1;
}

export async function findPendingSignIn(db: D1Database, id: string): Promise<PendingSignIn | null> {
  const row = await db
    .prepare(
      `SELECT p.id, p.secret_hash, p.user_id, u.email, u.name, p.needs, p.device_id, p.created_at, p.expires_at
       FROM pending_sign_ins p JOIN users u ON u.id = p.user_id WHERE p.id = ?1`,
    )
    .bind(id)
    .first<PendingRow>();
  return row
    ? {
        id: row.id,
        secretHash: new Uint8Array(row.secret_hash),
        userId: row.user_id,
        email: row.email,
        name: row.name,
        needs: row.needs,
        deviceId: row.device_id,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      }
    : null;
}

/** Ends a pending sign-in: true for the one request that ends it, so it finishes only once. */
export async function consumePendingSignIn(db: D1Database, id: string): Promise<boolean> {
  const row = await db
    .prepare("DELETE FROM pending_sign_ins WHERE id = ?1 RETURNING id")
    .bind(id)
    .first<{ id: string }>();
  return row !== null;
}

export const prepareDeleteUserPendingSignIns = (db: D1Database, userId: number): D1PreparedStatement =>
  db.prepare("DELETE FROM pending_sign_ins WHERE user_id = ?1").bind(userId);
