// Known devices (OWASP's "device cookies"): after a successful sign-in the browser gets a signed
// cookie naming the account and a random device id. Signing in to that account with it is counted
// per device only, so strangers hammering the account or the office's address do not lock its
// rightful user out (issue 13, item 3). It grants nothing by itself: the password is still checked.
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { generateRandomToken } from "./session.ts";

export const DEVICE_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
export const DEVICE_KEY_MIN_LENGTH = 32;

const encoder = new TextEncoder();

/** The signing key, or null when DEVICE_COOKIE_KEY is not set: then no device is known. */
export function readDeviceKey(env: { DEVICE_COOKIE_KEY?: string | undefined }): Uint8Array | null {
  const secret = env.DEVICE_COOKIE_KEY?.trim() ?? "";
  return secret.length >= DEVICE_KEY_MIN_LENGTH ? encoder.encode(secret) : null;
}

const mac = (key: Uint8Array, payload: string): Uint8Array =>
  hmac(SHA256, key, encoder.encode(`verklaring/device/v1 ${payload}`));

export interface KnownDevice {
  userId: number;
  deviceId: string;
  issuedAt: number;
}

/** "<user>.<device>.<issued ms>.<mac>": keeps the device id when renewing an existing cookie. */
export function issueDeviceToken(key: Uint8Array, userId: number, now: number, deviceId?: string): string {
  const payload = `${userId}.${deviceId ?? generateRandomToken()}.${now}`;
  return `${payload}.${encodeBase64urlNoPadding(mac(key, payload))}`;
}

/** The device a cookie names, if it is signed with our key, for this account, and not too old. */
export function readDeviceToken(
  key: Uint8Array,
  token: string | undefined,
  userId: number,
  now: number,
): KnownDevice | null {
  const match = /^(\d{1,15})\.([a-z2-7]{24})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!match) return null;
  const [, user, deviceId, issued, signature] = match;
  let given: Uint8Array;
  try {
    given = decodeBase64urlIgnorePadding(signature!);
  } catch {
    return null;
  }
  if (!constantTimeEqual(given, mac(key, `${user}.${deviceId}.${issued}`))) return null;
  const issuedAt = Number(issued);
  if (Number(user) !== userId || now - issuedAt > DEVICE_DAYS * DAY_MS || issuedAt > now + DAY_MS)
    return null;
  return { userId, deviceId: deviceId!, issuedAt };
}
