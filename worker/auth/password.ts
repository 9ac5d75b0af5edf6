// Passwords: argon2id (pure JS from @noble/hashes; native hashers do not run in workerd),
// stored as PHC strings so the cost parameters travel with each hash.
import { argon2id } from "@noble/hashes/argon2.js";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64IgnorePadding, encodeBase64NoPadding } from "@oslojs/encoding";

// OWASP's minimum for argon2id: 19 MiB, 2 iterations, parallelism 1.
const PARAMS = { m: 19456, t: 2, p: 1 } as const;
const HASH_BYTES = 32;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): string {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = argon2id(password, salt, { ...PARAMS, dkLen: HASH_BYTES });
  return `$argon2id$v=19$m=${PARAMS.m},t=${PARAMS.t},p=${PARAMS.p}$${encodeBase64NoPadding(salt)}$${encodeBase64NoPadding(hash)}`;
}

export function verifyPasswordHash(stored: string, password: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
    stored,
  );
  if (!match) return false;
  const [, m, t, p, salt, hash] = match;
  const expected = decodeBase64IgnorePadding(hash!);
  const actual = argon2id(password, decodeBase64IgnorePadding(salt!), {
    m: Number(m),
    t: Number(t),
    p: Number(p),
    dkLen: expected.length,
  });
  return constantTimeEqual(actual, expected);
}

/**
 * A hash of a random password nobody knows. A sign-in for an unknown address is verified
 * against it, so it does the same argon2id work and fails the same way as a wrong password.
 */
export const UNKNOWN_ACCOUNT_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$IwhwjKu0v6Yslk1F5el2xg$907bdP9sLQZ5RF4ZIGQmQhdZ9REurP4mQbu45iZKKyQ";
