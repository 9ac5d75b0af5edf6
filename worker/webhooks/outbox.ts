// Queueing notifications from the outbox (migrations/0009). The notification rows were written by
// the database in the same transaction as the version; from here they go onto the queue, at once
// by the request that published, or by the Cron Trigger when that request failed or died before
// it could. So a crash between the commit and the queue loses nothing (issue 13, item 9).
import {
  claimWaitingNotifications,
  markNotificationsQueued,
  releaseNotifications,
  type ClaimedNotification,
} from "../db/webhooks.ts";
import type { Bindings } from "../env.ts";
import type { PublishedPayload, WebhookMessage } from "./message.ts";
import { PUBLISHED_EVENT } from "./sign.ts";

type OutboxEnv = Pick<Bindings, "DB" | "WEBHOOKS" | "PUBLIC_ORIGIN">;

/** How long a dispatcher holds rows it took before another may take them. */
export const CLAIM_MS = 60 * 1000;
/** The cron leaves rows this young to the request that is queueing them right now. */
export const REQUEST_GRACE_MS = 60 * 1000;
const CRON_BATCH = 500;

/** The numbered version's public address: what a website fetches after the notification. */
export const statementUrlOf = (
  origin: string,
  n: Pick<ClaimedNotification, "groupSlug" | "tenantSlug" | "version">,
) => `${origin.replace(/\/+$/, "")}/v1/statements/${n.groupSlug}/${n.tenantSlug}/versions/${n.version}`;

export function buildPublishedBody(n: ClaimedNotification, statementUrl: string): string {
  const payload: PublishedPayload = {
    event: PUBLISHED_EVENT,
    group: n.groupSlug,
    tenant: n.tenantSlug,
    version: n.version,
    publishedAt: n.publishedAt,
    effectiveFrom: n.effectiveFrom,
    contentHash: n.contentHash,
    url: statementUrl,
  };
  return JSON.stringify(payload);
}

/**
 * Puts claimed notifications on the queue and marks them queued. If the queue refuses them, they
 * are given back and the error is thrown; the cron tries again.
 */
export async function queueClaimed(
  env: OutboxEnv,
  claimed: ClaimedNotification[],
  now: Date,
): Promise<number> {
  const ready: { notification: ClaimedNotification; statementUrl: string }[] = [];
  const unaddressed: number[] = [];
  for (const notification of claimed) {
    const statementUrl =
      notification.statementUrl ??
      (env.PUBLIC_ORIGIN ? statementUrlOf(env.PUBLIC_ORIGIN, notification) : null);
    if (statementUrl) ready.push({ notification, statementUrl });
    else unaddressed.push(notification.id);
  }
  if (unaddressed.length > 0) {
    await releaseNotifications(env.DB, unaddressed);
    console.error("webhook notifications wait for PUBLIC_ORIGIN to be set", { ids: unaddressed });
  }
  if (ready.length === 0) return 0;
  const messages: WebhookMessage[] = ready.map(({ notification, statementUrl }) => ({
    webhookId: notification.webhookId,
    eventId: notification.eventId,
    versionNumber: notification.version,
    body: buildPublishedBody(notification, statementUrl),
  }));
  let sent = 0;
  try {
    for (const batch of splitForSendBatch(messages)) {
      await env.WEBHOOKS.sendBatch(batch.map((body) => ({ body })));
      sent += batch.length;
    }
  } catch (error) {
    await releaseNotifications(
      env.DB,
      ready.slice(sent).map((r) => r.notification.id),
    );
    await markQueued(env, ready.slice(0, sent), now);
    throw error;
  }
  await markQueued(env, ready, now);
  return ready.length;
}

const markQueued = (
  env: OutboxEnv,
  ready: { notification: ClaimedNotification; statementUrl: string }[],
  now: Date,
): Promise<void> =>
  markNotificationsQueued(
    env.DB,
    ready.map((r) => ({ id: r.notification.id, statementUrl: r.statementUrl })),
    now.toISOString(),
  );

/**
 * A sendBatch takes at most 100 messages of together at most 256 KB
 * (https://developers.cloudflare.com/queues/platform/limits/); a rollout chunk or the cron can
 * have more waiting (25 companies × 10 webhooks, or 500).
 */
const SEND_BATCH_MESSAGES = 100;
const SEND_BATCH_BYTES = 240_000;
const utf8 = new TextEncoder();

export function splitForSendBatch(messages: WebhookMessage[]): WebhookMessage[][] {
  const batches: WebhookMessage[][] = [];
  let current: WebhookMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    // The body as the queue serialises it, and some room for its metadata.
    const size = utf8.encode(JSON.stringify(message)).length + 200;
    if (current.length === SEND_BATCH_MESSAGES || (current.length > 0 && bytes + size > SEND_BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The cron's part: every notification that has waited longer than a request would take. */
export async function queueWaitingNotifications(env: OutboxEnv, now: Date): Promise<number> {
  let queued = 0;
  for (;;) {
    const claimed = await claimWaitingNotifications(
      env.DB,
      new Date(now.getTime() - REQUEST_GRACE_MS).toISOString(),
      now.toISOString(),
      new Date(now.getTime() + CLAIM_MS).toISOString(),
      CRON_BATCH,
    );
    if (claimed.length === 0) return queued;
    const sent = await queueClaimed(env, claimed, now);
    queued += sent;
    if (sent === 0 || claimed.length < CRON_BATCH) return queued;
  }
}
