// Signing publish webhooks, and the check a receiving website runs. No imports on purpose: a
// website can copy this file as is, and the tests load it into a separate receiver worker.

export const SIGNATURE_HEADER = "Verklaring-Signature";
export const EVENT_HEADER = "Verklaring-Event";
export const DELIVERY_HEADER = "Verklaring-Delivery";
export const PUBLISHED_EVENT = "statement.published";

/** How old a signature may be before a receiver treats the request as a replay. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

const toHex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

async function computeSignature(secret: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return toHex(await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${body}`)));
}

/** The headers of one delivery attempt; the timestamp is part of what is signed. */
export async function signWebhook(
  secret: string,
  body: string,
  eventId: string,
  now: Date,
  event: string = PUBLISHED_EVENT,
): Promise<Record<string, string>> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    [SIGNATURE_HEADER]: `t=${timestamp},v1=${await computeSignature(secret, timestamp, body)}`,
    [EVENT_HEADER]: event,
    [DELIVERY_HEADER]: eventId,
  };
}

export type SignatureVerdict =
  { valid: true; timestamp: number } | { valid: false; reason: "malformed" | "expired" | "mismatch" };

// Constant time, so a forger learns nothing from how quickly a guess is refused.
function equalsConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * The receiver's recipe. Read the raw request body as text (before any JSON parsing), then
 * `verifyWebhookSignature(secret, request.headers.get("Verklaring-Signature"), body, new Date())`.
 * Accept the request only when `valid` is true; answer anything else with a 4xx. A valid
 * signature proves Verklaring sent this body within the last `toleranceSeconds`; keep the
 * Verklaring-Delivery ids of the last few minutes too if a retried delivery must not count twice.
 */
export async function verifyWebhookSignature(
  secret: string,
  header: string | null,
  body: string,
  now: Date,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): Promise<SignatureVerdict> {
  const parts = new Map(
    (header ?? "").split(",").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = parts.get("t") ?? "";
  const signature = parts.get("v1") ?? "";
  if (!/^\d{1,12}$/.test(t) || !/^[0-9a-f]{64}$/.test(signature))
    return { valid: false, reason: "malformed" };
  const timestamp = Number(t);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds)
    return { valid: false, reason: "expired" };
  const expected = await computeSignature(secret, timestamp, body);
  return equalsConstantTime(expected, signature)
    ? { valid: true, timestamp }
    : { valid: false, reason: "mismatch" };
}
