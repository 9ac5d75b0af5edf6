// Password-reset links (migrations/0013): single-use, 24 hours, stored only as the SHA-256 of
// their token; the triggers refuse a second use, a use after expiry, and any other change.

export const PASSWORD_RESET_HOURS = 24;

export interface PasswordReset {
  id: number;
  userId: number;
  email: string;
  name: string;
  groupId: number;
  groupName: string;
  createdAt: string;
  expiresAt: string;
  removesTwoStep: boolean;
  usedAt: string | null;
  revokedAt: string | null;
}

interface PasswordResetRow {
  id: number;
  user_id: number;
  email: string;
  name: string;
  group_id: number;
  group_name: string;
  created_at: string;
  expires_at: string;
  removes_two_step: number;
  used_at: string | null;
  revoked_at: string | null;
}

export async function findPasswordResetByTokenHash(
  db: D1Database,
  tokenHash: Uint8Array,
): Promise<PasswordReset | null> {
  const row = await db
    .prepare(
      `SELECT r.id, r.user_id, u.email, u.name, r.group_id, g.name AS group_name, r.created_at, r.expires_at,
         r.removes_two_step, r.used_at, r.revoked_at
       FROM password_resets r JOIN users u ON u.id = r.user_id JOIN groups g ON g.id = r.group_id
       WHERE r.token_hash = ?1`,
    )
    .bind(tokenHash)
    .first<PasswordResetRow>();
  return row
    ? {
        id: row.id,
        userId: row.user_id,
        email: row.email,
        name: row.name,
        groupId: row.group_id,
        groupName: row.group_name,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        removesTwoStep: row.removes_two_step === 1,
        usedAt: row.used_at,
        revokedAt: row.revoked_at,
      }
    : null;
}

/** Links of the account still open, closed (a newer link, or a new password, replaces them). */
export const prepareRevokeOpenPasswordResets = (
  db: D1Database,
  userId: number,
  at: string,
): D1PreparedStatement =>
  db
    .prepare(
      "UPDATE password_resets SET revoked_at = ?2 WHERE user_id = ?1 AND used_at IS NULL AND revoked_at IS NULL",
    )
    .bind(userId, at);

export function prepareInsertPasswordReset(
  db: D1Database,
  reset: {
    userId: number;
    groupId: number;
    tokenHash: Uint8Array;
    createdBy: number;
    createdAt: string;
    expiresAt: string;
    removesTwoStep: boolean;
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO password_resets (user_id, group_id, token_hash, created_by, created_at, expires_at, removes_two_step)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(
      reset.userId,
      reset.groupId,
      reset.tokenHash,
      reset.createdBy,
      reset.createdAt,
      reset.expiresAt,
      reset.removesTwoStep ? 1 : 0,
    );
}

/** Marks the link used; first in its batch, so its trigger aborts everything after it. */
export const prepareUsePasswordReset = (db: D1Database, id: number, at: string): D1PreparedStatement =>
  db.prepare("UPDATE password_resets SET used_at = ?2 WHERE id = ?1").bind(id, at);

/** The link was used, replaced or expired a moment ago (the triggers said so). */
export const isClosedPasswordReset = (error: unknown): boolean =>
  /password_reset_(closed|expired)/.test(String(error));
