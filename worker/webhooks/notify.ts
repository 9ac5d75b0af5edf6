// Queues one delivery per active webhook of a company once a version is published.
import { listActiveWebhooks } from "../db/webhooks.ts";
import type { Bindings } from "../env.ts";
import type { PublishedPayload, WebhookMessage } from "./message.ts";
import { PUBLISHED_EVENT } from "./sign.ts";

export interface PublishedEvent {
  groupSlug: string;
  tenantId: number;
  tenantSlug: string;
  version: number;
  publishedAt: string;
  effectiveFrom: string;
  contentHash: string;
  /** The statement's public address. */
  url: string;
}

/** The messages for one publish: the same body and event id for every webhook of the company. */
export function buildWebhookMessages(
  event: PublishedEvent,
  webhookIds: number[],
  eventId: string,
): WebhookMessage[] {
  const payload: PublishedPayload = {
    event: PUBLISHED_EVENT,
    group: event.groupSlug,
    tenant: event.tenantSlug,
    version: event.version,
    publishedAt: event.publishedAt,
    effectiveFrom: event.effectiveFrom,
    contentHash: event.contentHash,
    url: event.url,
  };
  const body = JSON.stringify(payload);
  return webhookIds.map((webhookId) => ({ webhookId, eventId, versionNumber: event.version, body }));
}

/**
 * Call after a publish has committed. Never throws: the version is published either way, and a
 * notification that could not be queued is logged rather than reported as a failed publish.
 */
export async function notifyPublished(env: Bindings, event: PublishedEvent): Promise<void> {
  try {
    const webhooks = await listActiveWebhooks(env.DB, event.tenantId);
    if (webhooks.length === 0) return;
    const messages = buildWebhookMessages(
      event,
      webhooks.map((w) => w.id),
      crypto.randomUUID(),
    );
    await env.WEBHOOKS.sendBatch(messages.map((body) => ({ body })));
  } catch (error) {
    console.error("could not queue publish webhooks", {
      group: event.groupSlug,
      tenant: event.tenantSlug,
      version: event.version,
      error: String(error),
    });
  }
}
