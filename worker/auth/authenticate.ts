// Checking an e-mail address and password. Unknown addresses take the same path as wrong
// passwords: one argon2id verification and the same answer, so neither timing nor wording
// tells whether an account exists.
import { findUserByEmail, type UserAccount } from "../db/accounts.ts";
import { UNKNOWN_ACCOUNT_HASH, verifyPasswordHash } from "./password.ts";

export type PasswordVerifier = (storedHash: string, password: string) => boolean;

export type AuthenticationResult = { user: UserAccount } | { user: null; knownAccount: UserAccount | null };

export async function authenticateWithPassword(
  db: D1Database,
  email: string,
  password: string,
  verify: PasswordVerifier = verifyPasswordHash,
): Promise<AuthenticationResult> {
  const account = await findUserByEmail(db, email);
  const matches = verify(account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH, password);
  return account && matches ? { user: account } : { user: null, knownAccount: account };
}
