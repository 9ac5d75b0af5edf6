// Requests of the webhook API, shared by the worker (validation) and the console (forms).
import * as v from "valibot";

export const WEBHOOK_URL_MAX = 2048;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1"]);

/** https anywhere; plain http only for a receiver on the developer's own machine. */
export function isAllowedWebhookUrl(input: string): boolean {
  if (!URL.canParse(input)) return false;
  const url = new URL(input);
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return url.hostname.length > 0;
  return url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname);
}

const WebhookUrlSchema = v.pipe(
  v.string("must be a string"),
  v.trim(),
  v.minLength(1, "is required"),
  v.maxLength(WEBHOOK_URL_MAX, `must be at most ${WEBHOOK_URL_MAX} characters`),
  v.check(
    isAllowedWebhookUrl,
    "must be an https:// address without a user name or password (http:// only for localhost or 127.0.0.1)",
  ),
  // Stored as the URL parser spells it, so one address is one string.
  v.transform((input) => new URL(input).href),
  v.maxLength(WEBHOOK_URL_MAX, `must be at most ${WEBHOOK_URL_MAX} characters`),
);

export const WebhookCreateSchema = v.strictObject({ url: WebhookUrlSchema });

const PositiveInt = (max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^[1-9]\d{0,15}$/, "must be a positive whole number"),
    v.transform(Number),
    v.maxValue(max, `must be at most ${max}`),
  );

export const DELIVERIES_PAGE_MAX = 100;

/** Delivery attempts newest first; `before` is the id of the last attempt on the previous page. */
export const DeliveryQuerySchema = v.strictObject({
  before: v.optional(PositiveInt(Number.MAX_SAFE_INTEGER)),
  limit: v.optional(PositiveInt(DELIVERIES_PAGE_MAX)),
});
