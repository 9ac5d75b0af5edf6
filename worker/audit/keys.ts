// The secret behind the audit log's tamper evidence. D1 keeps the chains; the key that makes their
// hashes is a Worker secret (AUDIT_KEY), which nobody who can only write to the database holds. So
// changing a row and recomputing the hashes after it no longer passes verification (issue 13,
// item 5). One secret, two keys derived from it, so a chain hash can never pass for a checkpoint
// signature or the other way round.
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { AppError } from "../errors.ts";

export const AUDIT_KEY_MIN_LENGTH = 32;

export interface AuditKeys {
  /** Keys each row's hash in the chain. */
  chain: Uint8Array;
  /** Signs the checkpoints kept in R2. */
  checkpoint: Uint8Array;
}

const encoder = new TextEncoder();

const deriveKey = (secret: Uint8Array, purpose: string): Uint8Array =>
  hmac(SHA256, secret, encoder.encode(`verklaring/${purpose}/v1`));

/** The keys, or null when AUDIT_KEY is missing or too short to be a key. */
export function readAuditKeys(env: { AUDIT_KEY?: string | undefined }): AuditKeys | null {
  const secret = env.AUDIT_KEY?.trim() ?? "";
  if (secret.length < AUDIT_KEY_MIN_LENGTH) return null;
  const bytes = encoder.encode(secret);
  return { chain: deriveKey(bytes, "audit-chain"), checkpoint: deriveKey(bytes, "audit-checkpoint") };
}

/** The keys, or a 503 that says what the operator has to do. */
export function requireAuditKeys(env: { AUDIT_KEY?: string | undefined }): AuditKeys {
  const keys = readAuditKeys(env);
  if (!keys) {
    throw new AppError(
      503,
      "audit_key_missing",
      `The audit log cannot be sealed or verified: the AUDIT_KEY secret is not set (at least ${AUDIT_KEY_MIN_LENGTH} characters).`,
    );
  }
  return keys;
}

/** HMAC-SHA-256 of a text under one of the keys, as lower-case hex. */
export const signText = (key: Uint8Array, text: string): string =>
  encodeHexLowerCase(hmac(SHA256, key, encoder.encode(text)));
