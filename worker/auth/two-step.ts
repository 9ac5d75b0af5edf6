// Checking a second step against what the account has set up. Every check that uses something up
// (a code's time step, a recovery code, a passkey's challenge and counter) does so in one SQL
// statement, so parallel requests with the same code or signature cannot both pass.
import { decodeBase64urlIgnorePadding } from "@oslojs/encoding";
import {
  claimTotpStep,
  findPasskeyByCredential,
  findTotpCredential,
  recordPasskeyUse,
  useRecoveryCode,
  useWebauthnChallenge,
  type ChallengePurpose,
} from "../db/two-step.ts";
import type { Bindings } from "../env.ts";
import { verifyAssertion, type Assertion, type RelyingParty } from "./passkeys.ts";
import { openSecret, readSecretBoxKey } from "./secret-box.ts";
import { hashRecoveryCode, matchTotpStep } from "./totp.ts";

/** A code from the account's authenticator app, used up if it is right and not used before. */
export async function checkTotpCode(
  env: Bindings,
  userId: number,
  code: string,
  now: Date,
): Promise<boolean> {
  const credential = await findTotpCredential(env.DB, userId);
  if (!credential) return false;
  const secret = await openSecret(await readSecretBoxKey(env), userId, credential.secret);
  if (!secret) return false;
  const step = matchTotpStep(secret, code, now.getTime());
  return step !== null && (await claimTotpStep(env.DB, userId, step));
}

export const checkRecoveryCode = (
  db: D1Database,
  userId: number,
  code: string,
  now: Date,
): Promise<boolean> => useRecoveryCode(db, userId, hashRecoveryCode(code), now.toISOString());

export interface AssertionInput {
  credentialId: string;
  clientDataJSON: string;
  authenticatorData: string;
  signature: string;
}

/**
 * A passkey's answer (base64url parts as the console sends them) for one of the account's
 * passkeys, to a challenge this account was given for `purpose`. True once.
 */
export async function checkPasskeyAssertion(
  db: D1Database,
  userId: number,
  input: AssertionInput,
  rp: RelyingParty,
  purpose: ChallengePurpose,
  now: Date,
): Promise<boolean> {
  let decoded: Assertion & { credentialId: Uint8Array };
  try {
    decoded = {
      credentialId: decodeBase64urlIgnorePadding(input.credentialId),
      clientDataJSON: decodeBase64urlIgnorePadding(input.clientDataJSON),
      authenticatorData: decodeBase64urlIgnorePadding(input.authenticatorData),
      signature: decodeBase64urlIgnorePadding(input.signature),
    };
  } catch {
    return false;
  }
  const passkey = await findPasskeyByCredential(db, userId, decoded.credentialId);
  if (!passkey) return false;
  let verified;
  try {
    verified = await verifyAssertion(decoded, passkey, rp);
  } catch {
    return false;
  }
  const at = now.toISOString();
  return (
    (await useWebauthnChallenge(db, { challenge: verified.challenge, userId, purpose, now: at })) &&
    (await recordPasskeyUse(db, passkey.id, verified.signCount, at))
  );
}
