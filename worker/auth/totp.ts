// Time-based one-time codes (RFC 6238) from an authenticator app, and recovery codes.
//
// A code is accepted for the current 30-second step and one step either side (RFC 6238 section
// 5.2 recommends at most one step of network delay), and only for a step later than the last one
// accepted: the step is claimed in SQL (db/two-step.ts), so a code that was used, also by a parallel
// request, cannot be used again.
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { hashSecret } from "./session.ts";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** 160 bits, the length RFC 4226 section 4 recommends for the shared secret. */
export const TOTP_SECRET_BYTES = 20;
export const RECOVERY_CODE_COUNT = 10;

export const generateTotpSecret = (): Uint8Array => crypto.getRandomValues(new Uint8Array(TOTP_SECRET_BYTES));

/** The otpauth:// URI an authenticator app reads from the QR code. */
export const totpKeyUri = (accountName: string, secret: Uint8Array): string =>
  createTOTPKeyURI("Verklaring", accountName, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS);

export const totpStepAt = (nowMs: number): number => Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);

/** The time step the code belongs to (now, one before, one after), or null when it fits none. */
export function matchTotpStep(secret: Uint8Array, code: string, nowMs: number): number | null {
  const current = totpStepAt(nowMs);
  for (const step of [current, current - 1, current + 1]) {
    if (verifyHOTP(secret, BigInt(step), TOTP_DIGITS, code)) return step;
  }
  return null;
}

/**
 * Ten codes of 80 random bits each, written as four groups of four (base32, lower case), e.g.
 * "k7qd-2mxa-pf4n-r6wz". The account sees them once; D1 keeps their SHA-256.
 */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)))
      .match(/.{4}/g)!
      .join("-"),
  );
}

/** As typed: case, spaces and dashes do not matter. */
export const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, "");

export const hashRecoveryCode = (code: string): Uint8Array => hashSecret(normalizeRecoveryCode(code));
