// The signature a receiving website checks: a round trip, and every way a forgery must fail.
import { expect, it } from "vitest";
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhookSignature,
} from "./sign.ts";

const SECRET = "a".repeat(64);
const BODY = JSON.stringify({
  event: "statement.published",
  group: "conxillium",
  tenant: "dataquint",
  version: 2,
});
const SENT = new Date("2026-11-22T10:00:00.000Z");
const seconds = (s: number) => new Date(SENT.getTime() + s * 1000);

it("signs with a timestamp and an HMAC-SHA256 over `${timestamp}.${body}`", async () => {
  const headers = await signWebhook(SECRET, BODY, "evt-1", SENT);
  const timestamp = SENT.getTime() / 1000;
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(SECRET),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${timestamp}.${BODY}`));
  const hex = [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
  expect(headers).toEqual({
    [SIGNATURE_HEADER]: `t=${timestamp},v1=${hex}`,
    [EVENT_HEADER]: "statement.published",
    [DELIVERY_HEADER]: "evt-1",
  });
});

it("verifies its own signature within the tolerance", async () => {
  const header = (await signWebhook(SECRET, BODY, "evt-1", SENT))[SIGNATURE_HEADER]!;
  expect(await verifyWebhookSignature(SECRET, header, BODY, SENT)).toEqual({
    valid: true,
    timestamp: SENT.getTime() / 1000,
  });
  expect((await verifyWebhookSignature(SECRET, header, BODY, seconds(300))).valid).toBe(true);
  // A receiver whose clock runs a little behind still accepts it.
  expect((await verifyWebhookSignature(SECRET, header, BODY, seconds(-60))).valid).toBe(true);
});

it("refuses a wrong secret, a changed body and a changed timestamp", async () => {
  const header = (await signWebhook(SECRET, BODY, "evt-1", SENT))[SIGNATURE_HEADER]!;
  const mismatch = { valid: false, reason: "mismatch" };
  expect(await verifyWebhookSignature("b".repeat(64), header, BODY, SENT)).toEqual(mismatch);
  expect(
    await verifyWebhookSignature(SECRET, header, BODY.replace('"version":2', '"version":3'), SENT),
  ).toEqual(mismatch);
  const shifted = header.replace(/^t=(\d+)/, (_, t: string) => `t=${Number(t) + 1}`);
  expect(await verifyWebhookSignature(SECRET, shifted, BODY, SENT)).toEqual(mismatch);
});

it("refuses a replay: the same body and signature after the tolerance", async () => {
  const header = (await signWebhook(SECRET, BODY, "evt-1", SENT))[SIGNATURE_HEADER]!;
  expect(await verifyWebhookSignature(SECRET, header, BODY, seconds(301))).toEqual({
    valid: false,
    reason: "expired",
  });
  expect((await verifyWebhookSignature(SECRET, header, BODY, seconds(3600), 7200)).valid).toBe(true);
});

it("refuses a missing or malformed header", async () => {
  for (const header of [
    null,
    "",
    "t=abc,v1=00",
    `v1=${"0".repeat(64)}`,
    "t=1790000000",
    `t=1,v1=${"Z".repeat(64)}`,
  ]) {
    expect(await verifyWebhookSignature(SECRET, header, BODY, SENT)).toEqual({
      valid: false,
      reason: "malformed",
    });
  }
});
