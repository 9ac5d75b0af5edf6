// An account's second steps (migrations/0014): its authenticator app (TOTP), its passkeys, its
// recovery codes, and the WebAuthn challenges in flight. Secrets arrive here already sealed or
// hashed (worker/auth/); every "used once" is decided by one conditional statement.

import type { TwoStepPolicyValue } from "#shared/account-schemas.ts";

export type TwoStepPolicy = TwoStepPolicyValue;

export interface TotpCredential {
  userId: number;
  secret: Uint8Array;
  createdAt: string;
  lastStep: number;
}

export interface Passkey {
  id: number;
  userId: number;
  credentialId: Uint8Array;
  algorithm: number;
  publicKey: Uint8Array;
  signCount: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

interface PasskeyRow {
  id: number;
  user_id: number;
  credential_id: ArrayBuffer;
  algorithm: number;
  public_key: ArrayBuffer;
  sign_count: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

const mapPasskey = (row: PasskeyRow): Passkey => ({
  id: row.id,
  userId: row.user_id,
  credentialId: new Uint8Array(row.credential_id),
  algorithm: row.algorithm,
  publicKey: new Uint8Array(row.public_key),
  signCount: row.sign_count,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

const PASSKEY_COLUMNS =
  "id, user_id, credential_id, algorithm, public_key, sign_count, name, created_at, last_used_at";

/** What an account has set up, for its account page and for the sign-in. */
export interface TwoStepStatus {
  totpSince: string | null;
  passkeys: Passkey[];
  recoveryCodesLeft: number;
  /** A group the account is in requires two steps of it (its policy and the account's role there). */
  required: boolean;
}

export async function readTwoStepStatus(db: D1Database, userId: number): Promise<TwoStepStatus> {
  const [totp, passkeys, codes, required] = await db.batch([
    db.prepare("SELECT created_at FROM totp_credentials WHERE user_id = ?1").bind(userId),
    db
      .prepare(`SELECT ${PASSKEY_COLUMNS} FROM passkeys WHERE user_id = ?1 ORDER BY created_at, id`)
      .bind(userId),
    db
      .prepare("SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ?1 AND used_at IS NULL")
      .bind(userId),
    db
      .prepare(
        `SELECT EXISTS (
           SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id
           WHERE m.user_id = ?1 AND (g.two_step = 'everyone' OR (g.two_step = 'admins' AND m.role = 'group_admin'))
         ) AS required`,
      )
      .bind(userId),
  ]);
  return {
    totpSince: (totp!.results[0] as { created_at: string } | undefined)?.created_at ?? null,
    passkeys: (passkeys!.results as PasskeyRow[]).map(mapPasskey),
    recoveryCodesLeft: (codes!.results[0] as { n: number }).n,
    required: (required!.results[0] as { required: number }).required === 1,
  };
}

export const hasSecondFactor = (status: TwoStepStatus): boolean =>
  status.totpSince !== null || status.passkeys.length > 0;

// --- The group's policy ---------------------------------------------------------------------

export async function findTwoStepPolicy(db: D1Database, groupId: number): Promise<TwoStepPolicy> {
  const row = await db
    .prepare("SELECT two_step FROM groups WHERE id = ?1")
    .bind(groupId)
    .first<{ two_step: TwoStepPolicy }>();
  return row?.two_step ?? "off";
}

export function prepareSetTwoStepPolicy(
  db: D1Database,
  groupSlug: string,
  policy: TwoStepPolicy,
): D1PreparedStatement {
  return db.prepare("UPDATE groups SET two_step = ?2 WHERE slug = ?1").bind(groupSlug, policy);
}

// --- Authenticator app ------------------------------------------------------------------------

export async function findTotpCredential(db: D1Database, userId: number): Promise<TotpCredential | null> {
  const row = await db
    .prepare("SELECT user_id, secret, created_at, last_step FROM totp_credentials WHERE user_id = ?1")
    .bind(userId)
    .first<{ user_id: number; secret: ArrayBuffer; created_at: string; last_step: number }>();
  return row
    ? {
        userId: row.user_id,
        secret: new Uint8Array(row.secret),
        createdAt: row.created_at,
        lastStep: row.last_step,
      }
    : null;
}

/**
 * Claims a time step for a code: true when it is later than every step accepted before (and is
 * now the last one), false when it was used already. One statement, so of two parallel requests
 * with the same code one gets true.
 */
export async function claimTotpStep(db: D1Database, userId: number, step: number): Promise<boolean> {
  const row = await db
    .prepare(
      "UPDATE totp_credentials SET last_step = ?2 WHERE user_id = ?1 AND last_step < ?2 RETURNING user_id",
    )
    .bind(userId, step)
    .first<{ user_id: number }>();
  return row !== null;
}

/** A secret waiting for its first code; a new enrolment replaces an unfinished one. */
export function prepareStartTotpEnrolment(
  db: D1Database,
  userId: number,
  sealedSecret: Uint8Array,
  expiresAt: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO totp_enrolments (user_id, secret, expires_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, expires_at = excluded.expires_at`,
    )
    .bind(userId, sealedSecret, expiresAt);
}

export async function findTotpEnrolment(
  db: D1Database,
  userId: number,
  now: string,
): Promise<Uint8Array | null> {
  const row = await db
    .prepare("SELECT secret FROM totp_enrolments WHERE user_id = ?1 AND expires_at > ?2")
    .bind(userId, now)
    .first<{ secret: ArrayBuffer }>();
  return row ? new Uint8Array(row.secret) : null;
}

/**
 * Turns the app on: the credential (an INSERT, so a second confirmation fails instead of
 * replacing the first) with the step its confirming code used, the enrolment gone.
 */
export function prepareEnableTotp(
  db: D1Database,
  userId: number,
  sealedSecret: Uint8Array,
  step: number,
  at: string,
): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM totp_enrolments WHERE user_id = ?1").bind(userId),
    db
      .prepare(
        "INSERT INTO totp_credentials (user_id, secret, created_at, last_step) VALUES (?1, ?2, ?3, ?4)",
      )
      .bind(userId, sealedSecret, at, step),
  ];
}

export const prepareDisableTotp = (db: D1Database, userId: number): D1PreparedStatement =>
  db.prepare("DELETE FROM totp_credentials WHERE user_id = ?1").bind(userId);

/** Everything two-step of an account, gone (a reset link that says so). */
export function prepareRemoveAllSecondFactors(db: D1Database, userId: number): D1PreparedStatement[] {
  return ["totp_credentials", "totp_enrolments", "passkeys", "recovery_codes", "webauthn_challenges"].map(
    (table) => db.prepare(`DELETE FROM ${table} WHERE user_id = ?1`).bind(userId),
  );
}

// --- Recovery codes ---------------------------------------------------------------------------

/** A new set of codes; the old ones (used or not) stop working. */
export function prepareReplaceRecoveryCodes(
  db: D1Database,
  userId: number,
  hashes: Uint8Array[],
  at: string,
): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM recovery_codes WHERE user_id = ?1").bind(userId),
    ...hashes.map((hash) =>
      db
        .prepare("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?1, ?2, ?3)")
        .bind(userId, hash, at),
    ),
  ];
}

/** After a removal in the same transaction: the recovery codes go once no second step is left. */
export const prepareDeleteRecoveryCodesWhenNoStepLeft = (
  db: D1Database,
  userId: number,
): D1PreparedStatement =>
  db
    .prepare(
      `DELETE FROM recovery_codes WHERE user_id = ?1
         AND NOT EXISTS (SELECT 1 FROM totp_credentials WHERE user_id = ?1)
         AND NOT EXISTS (SELECT 1 FROM passkeys WHERE user_id = ?1)`,
    )
    .bind(userId);

/**
 * Records that a second step is removed, decided on the state `status` shows (migration 0023): a
 * second removal decided on the same state, in parallel, is refused whole (two_step_removals_seen).
 */
export const prepareRecordTwoStepRemoval = (
  db: D1Database,
  userId: number,
  status: Pick<TwoStepStatus, "totpSince" | "passkeys">,
  at: string,
): D1PreparedStatement =>
  db
    .prepare("INSERT INTO two_step_removals (user_id, seen, removed_at) VALUES (?1, ?2, ?3)")
    .bind(userId, `${status.totpSince ?? ""}|${status.passkeys.map((p) => p.id).join(",")}`, at);

/** Uses a recovery code: true once, for a code of this account that was not used yet. */
export async function useRecoveryCode(
  db: D1Database,
  userId: number,
  hash: Uint8Array,
  at: string,
): Promise<boolean> {
  const row = await db
    .prepare(
      "UPDATE recovery_codes SET used_at = ?3 WHERE user_id = ?1 AND code_hash = ?2 AND used_at IS NULL RETURNING id",
    )
    .bind(userId, hash, at)
    .first<{ id: number }>();
  return row !== null;
}

// --- Passkeys ---------------------------------------------------------------------------------

export async function findPasskeyByCredential(
  db: D1Database,
  userId: number,
  credentialId: Uint8Array,
): Promise<Passkey | null> {
  const row = await db
    .prepare(`SELECT ${PASSKEY_COLUMNS} FROM passkeys WHERE user_id = ?1 AND credential_id = ?2`)
    .bind(userId, credentialId)
    .first<PasskeyRow>();
  return row ? mapPasskey(row) : null;
}

export async function listPasskeyCredentialIds(db: D1Database, userId: number): Promise<Uint8Array[]> {
  const { results } = await db
    .prepare("SELECT credential_id FROM passkeys WHERE user_id = ?1 ORDER BY id")
    .bind(userId)
    .all<{ credential_id: ArrayBuffer }>();
  return results.map((r) => new Uint8Array(r.credential_id));
}

export function prepareInsertPasskey(
  db: D1Database,
  passkey: Omit<Passkey, "id" | "lastUsedAt">,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO passkeys (user_id, credential_id, algorithm, public_key, sign_count, name, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(
      passkey.userId,
      passkey.credentialId,
      passkey.algorithm,
      passkey.publicKey,
      passkey.signCount,
      passkey.name,
      passkey.createdAt,
    );
}

export const prepareDeletePasskey = (db: D1Database, userId: number, id: number): D1PreparedStatement =>
  db.prepare("DELETE FROM passkeys WHERE user_id = ?1 AND id = ?2").bind(userId, id);

/**
 * Records a use with the authenticator's counter. Refused (false) when the counter did not grow
 * while the authenticator keeps one: a cloned key (WebAuthn Level 2, section 7.2 step 21). One
 * statement, so two parallel uses of the same signature cannot both pass.
 */
export async function recordPasskeyUse(
  db: D1Database,
  id: number,
  signCount: number,
  at: string,
): Promise<boolean> {
  const row = await db
    .prepare(
      `UPDATE passkeys SET sign_count = ?2, last_used_at = ?3
       WHERE id = ?1 AND ((?2 = 0 AND sign_count = 0) OR ?2 > sign_count) RETURNING id`,
    )
    .bind(id, signCount, at)
    .first<{ id: number }>();
  return row !== null;
}

// --- WebAuthn challenges ----------------------------------------------------------------------

export type ChallengePurpose = "register" | "sign_in";

export function prepareInsertWebauthnChallenge(
  db: D1Database,
  challenge: {
    challenge: Uint8Array;
    userId: number;
    purpose: ChallengePurpose;
    expiresAt: string;
    now: string;
  },
): D1PreparedStatement[] {
  return [
    // The account's expired challenges go whenever it asks for a new one.
    db
      .prepare("DELETE FROM webauthn_challenges WHERE user_id = ?1 AND expires_at <= ?2")
      .bind(challenge.userId, challenge.now),
    db
      .prepare(
        "INSERT INTO webauthn_challenges (challenge, user_id, purpose, expires_at) VALUES (?1, ?2, ?3, ?4)",
      )
      .bind(challenge.challenge, challenge.userId, challenge.purpose, challenge.expiresAt),
  ];
}

/** Uses a challenge: true once, for this account and purpose, before it expires. */
export async function useWebauthnChallenge(
  db: D1Database,
  challenge: { challenge: Uint8Array; userId: number; purpose: ChallengePurpose; now: string },
): Promise<boolean> {
  const row = await db
    .prepare(
      `DELETE FROM webauthn_challenges WHERE challenge = ?1 AND user_id = ?2 AND purpose = ?3 AND expires_at > ?4
       RETURNING id`,
    )
    .bind(challenge.challenge, challenge.userId, challenge.purpose, challenge.now)
    .first<{ id: number }>();
  return row !== null;
}

/** The write failed because the app is set up already, or the passkey is registered already. */
export const isDuplicateSecondStep = (error: unknown): boolean =>
  /UNIQUE constraint failed: (totp_credentials\.user_id|passkeys\.credential_id)/.test(
    error instanceof Error ? `${error.message} ${String(error.cause)}` : String(error),
  );
