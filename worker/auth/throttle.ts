// Who may try a password how often (issue 13, items 1–3), after OWASP's Authentication and
// Credential Stuffing cheat sheets: count per (account, address) tightly, per account with a
// growing delay instead of a lock (so a stranger cannot keep the rightful user out), per address
// with a ceiling high enough for an office behind one NAT, and let the rightful user on a device
// they signed in from before ("device cookie") past the strangers' counts altogether.
//
// The numbers (also in docs/security.md):
//   one account from one address     5 failures per 15 minutes, then wait until the oldest ages out
//   one account from anywhere        5 failures per hour free; then 30 s, 1, 2, 4, 8 minutes…
//                                    between attempts, at most 15 minutes
//   one address, any accounts        100 failures per 15 minutes
//   one known device of the account  5 failures per 15 minutes, and none of the rules above
import { sha256Hex } from "#shared/hash.ts";
import { readRetryAfterMs, reserveSignInAttempt, type ThrottleRule } from "../db/sign-in-attempts.ts";
import { subscriberOf } from "../net/ip-address.ts";
import { generateRandomToken } from "./session.ts";

const MINUTE = 60 * 1000;

export const THROTTLE = {
  pair: { limit: 5, windowMs: 15 * MINUTE },
  account: { free: 5, windowMs: 60 * MINUTE, baseDelayMs: 30 * 1000, maxDelayMs: 15 * MINUTE },
  address: { limit: 100, windowMs: 15 * MINUTE },
  device: { limit: 5, windowMs: 15 * MINUTE },
} as const;

/** What an attempt is counted against, hashed so that no address is stored in clear. */
export interface AttemptSource {
  /** The account's e-mail address as typed (normalised), known or not. */
  email: string | null;
  /** The client's network address (CF-Connecting-IP). */
  address: string;
  /** A valid known-device cookie of this very account, or null. */
  deviceId: string | null;
  /**
   * What is tried: a password (the default) or a second-step code. They are counted apart, by the
   * same rules, so a stranger's password guesses never hold up the code of the person who knows
   * the password; the address counts both, as any failure from there.
   */
  purpose?: "password" | "code";
}

const subject = (kind: string, value: string): string => sha256Hex(`${kind}:${value}`);

export function rulesFor(source: AttemptSource): ThrottleRule[] {
  const counted = (kind: string, value: string): string =>
    subject(source.purpose === "code" ? `code-${kind}` : kind, value);
  if (source.deviceId) {
    return [
      {
        kind: "window",
        column: "device_subject",
        subject: counted("device", source.deviceId),
        ...THROTTLE.device,
      },
    ];
  }
  const address = subscriberOf(source.address);
  const rules: ThrottleRule[] = [
    { kind: "window", column: "address_subject", subject: subject("address", address), ...THROTTLE.address },
  ];
  if (source.email) {
    rules.push(
      {
        kind: "window",
        column: "pair_subject",
        subject: counted("pair", `${source.email} ${address}`),
        ...THROTTLE.pair,
      },
      {
        kind: "delay",
        column: "account_subject",
        subject: counted("account", source.email),
        ...THROTTLE.account,
      },
    );
  }
  return rules;
}

export type ThrottleDecision =
  { allowed: true; attempt: string } | { allowed: false; retryAfterSeconds: number };

/**
 * Records the attempt before anything is checked, or refuses it: the decision and the count are
 * one statement in D1, so parallel attempts cannot all slip through (item 1).
 */
export async function admitAttempt(
  db: D1Database,
  source: AttemptSource,
  now: number,
): Promise<ThrottleDecision> {
  const rules = rulesFor(source);
  const attempt = generateRandomToken(16);
  if (await reserveSignInAttempt(db, attempt, rules, now)) return { allowed: true, attempt };
  const waitMs = await readRetryAfterMs(db, rules, now);
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
