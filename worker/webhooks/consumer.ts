// Delivers queued webhooks (a publish, an outdated website): one signed POST per message, every
// attempt logged, failures retried with exponential backoff until the queue's retry budget is spent.
import { findWebhook, insertDelivery, type NewDelivery } from "../db/webhooks.ts";
import type { Bindings } from "../env.ts";
import { fetchOutbound, outboundPolicyOf, type OutboundPolicy } from "../net/outbound-url.ts";
import type { WebhookMessage } from "./message.ts";
import { signWebhook } from "./sign.ts";

/** Must equal max_retries of the verklaring-webhooks consumer in wrangler.toml (a test checks). */
export const WEBHOOK_MAX_RETRIES = 8;
export const DELIVERY_TIMEOUT_MS = 10_000;
const FIRST_RETRY_SECONDS = 30;
const MAX_RETRY_SECONDS = 3600;
const ERROR_MAX = 500;

export type WebhookFetcher = (request: Request) => Promise<Response>;

export interface DeliveryOptions {
  /** Where requests go; tests route them to a receiver worker. */
  fetcher?: WebhookFetcher;
  now?: () => Date;
}

/** 30 s after the first failure, doubling each time, at most an hour. */
export function computeRetryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_SECONDS);
}

interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** A target the outbound guard refused: trying again cannot help. */
  refused: boolean;
}

async function postDelivery(
  fetcher: WebhookFetcher,
  policy: OutboundPolicy,
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<AttemptOutcome> {
  const started = Date.now();
  try {
    // Checked again at every delivery, not only when the webhook was registered: a row written
    // straight into D1, or registered under another policy, reaches no private network either.
    const result = await fetchOutbound(
      new Request(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "User-Agent": "Verklaring-Webhooks/1", ...headers },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      }),
      // A redirect is an answer we do not follow: the registered address is the one signed for.
      { policy, maxRedirects: 0, fetcher },
    );
    if (result.kind === "refused") {
      return {
        statusCode: null,
        error: `not sent: the address ${result.reason}`,
        durationMs: Date.now() - started,
        refused: true,
      };
    }
    const { response } = result;
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status <= 299;
    return {
      statusCode: response.status,
      error: ok ? null : `the receiver answered ${response.status}`,
      durationMs: Date.now() - started,
      refused: false,
    };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    const message = timedOut
      ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`
      : `request failed: ${error instanceof Error ? error.message : String(error)}`;
    return { statusCode: null, error: message, durationMs: Date.now() - started, refused: false };
  }
}

const describeFailure = (error: string, attempts: number, lastAttempt: boolean): string =>
  (lastAttempt ? `${error}; gave up after ${attempts} attempts` : error).slice(0, ERROR_MAX);

async function deliverMessage(
  message: Message<WebhookMessage>,
  env: Bindings,
  fetcher: WebhookFetcher,
  now: () => Date,
): Promise<void> {
  const { webhookId, eventId, versionNumber, body } = message.body;
  const webhook = await findWebhook(env.DB, webhookId);
  // Disabled after the publish: the company no longer wants these calls.
  if (!webhook || webhook.disabledAt) {
    message.ack();
    return;
  }
  const attemptedAt = now();
  // Signed per attempt, so a retry an hour later still carries a fresh timestamp.
  const headers = await signWebhook(webhook.secret, body, eventId, attemptedAt, message.body.event);
  const outcome = await postDelivery(fetcher, outboundPolicyOf(env), webhook.url, headers, body);
  const succeeded = outcome.error === null;
  const lastAttempt = message.attempts > WEBHOOK_MAX_RETRIES || outcome.refused;
  const delivery: NewDelivery = {
    webhookId,
    eventId,
    versionNumber,
    attempt: message.attempts,
    attemptedAt: attemptedAt.toISOString(),
    statusCode: outcome.statusCode,
    error: succeeded
      ? null
      : outcome.refused
        ? (outcome.error ?? "not sent").slice(0, ERROR_MAX)
        : describeFailure(outcome.error ?? "failed", message.attempts, lastAttempt),
    durationMs: Math.max(0, outcome.durationMs),
    succeeded,
  };
  try {
    await insertDelivery(env.DB, delivery);
  } catch (error) {
    // The delivery itself happened; repeating it only because the log write failed would not help.
    console.error("could not record a webhook delivery", { ...delivery, logError: String(error) });
  }
  if (succeeded || lastAttempt) message.ack();
  else message.retry({ delaySeconds: computeRetryDelay(message.attempts) });
}

/** The queue consumer. Messages are independent: one slow or failing receiver holds up no other. */
export async function deliverWebhookBatch(
  batch: MessageBatch<WebhookMessage>,
  env: Bindings,
  options: DeliveryOptions = {},
): Promise<void> {
  const fetcher = options.fetcher ?? ((request: Request) => fetch(request));
  const now = options.now ?? (() => new Date());
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        await deliverMessage(message, env, fetcher, now);
      } catch (error) {
        console.error("webhook delivery failed unexpectedly", { id: message.id, error: String(error) });
        message.retry({ delaySeconds: computeRetryDelay(message.attempts) });
      }
    }),
  );
}
