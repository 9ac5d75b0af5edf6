// Encrypting what must stay readable to the app but not to someone who reads D1: an authenticator
// app's TOTP secret has to be known to check a code, so it cannot be hashed like a password. It is
// sealed with AES-GCM (Web Crypto) under a key derived from AUDIT_KEY, a Worker secret the database
// does not hold, and bound to its account as additional data, so a row copied onto another account
// does not open either.
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { AUDIT_KEY_MIN_LENGTH } from "../audit/keys.ts";
import { AppError } from "../errors.ts";

const NONCE_BYTES = 12;
const encoder = new TextEncoder();

/** The AES key for two-step secrets, or a 503 that says what the operator has to do. */
export async function readSecretBoxKey(env: { AUDIT_KEY?: string | undefined }): Promise<CryptoKey> {
  const secret = env.AUDIT_KEY?.trim() ?? "";
  if (secret.length < AUDIT_KEY_MIN_LENGTH) {
    throw new AppError(
      503,
      "audit_key_missing",
      `Two-step sign-in needs the AUDIT_KEY secret (at least ${AUDIT_KEY_MIN_LENGTH} characters).`,
    );
  }
  // A key of its own, derived with a label, so it can never stand in for the audit chain's keys.
  const raw = hmac(SHA256, encoder.encode(secret), encoder.encode("verklaring/two-step-secrets/v1"));
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

const accountData = (userId: number): Uint8Array => encoder.encode(`user:${userId}`);

/** nonce ‖ ciphertext ‖ tag. */
export async function sealSecret(key: CryptoKey, userId: number, plain: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: accountData(userId) },
    key,
    plain,
  );
  const out = new Uint8Array(NONCE_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), NONCE_BYTES);
  return out;
}

/** The secret, or null when the box was not sealed for this account under this key. */
export async function openSecret(
  key: CryptoKey,
  userId: number,
  box: Uint8Array,
): Promise<Uint8Array | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: box.slice(0, NONCE_BYTES), additionalData: accountData(userId) },
      key,
      box.slice(NONCE_BYTES),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}
