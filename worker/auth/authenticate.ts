// Checking an e-mail address and password. Unknown addresses take the same path as wrong
// passwords: one argon2id verification and the same answer, so neither timing nor wording
// tells whether an account exists.
import { findUserByEmail, type UserAccount } from "../db/accounts.ts";
import { UNKNOWN_ACCOUNT_HASH, verifyPasswordHash } from "./password.ts";

export type PasswordVerifier = (storedHash: string, password: string) => boolean;

export type AuthenticationResult = { user: UserAccount } | { user: null; knownAccount: UserAccount | null };

/** Checks a password against an account already looked up (null: none), with the same work either way. */
export function checkAccountPassword(
  account: UserAccount | null,
  password: string,
  verify: PasswordVerifier = verifyPasswordHash,
): AuthenticationResult {
  const matches = verify(account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH, password);
  return account && matches ? { user: account } : { user: null, knownAccount: account };
}

export async function authenticateWithPassword(
  db: D1Database,
  email: string,
  password: string,
  verify: PasswordVerifier = verifyPasswordHash,
): Promise<AuthenticationResult> {
  return checkAccountPassword(await findUserByEmail(db, email), password, verify);
}
