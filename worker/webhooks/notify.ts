// Once a version is published, its notifications (written by the database with the version, see
// ./outbox.ts) go onto the queue straight away, from the request that published.
import { claimVersionNotifications } from "../db/webhooks.ts";
import type { Bindings } from "../env.ts";
import { CLAIM_MS, queueClaimed } from "./outbox.ts";

export interface PublishedEvent {
  groupSlug: string;
  tenantId: number;
  tenantSlug: string;
  version: number;
  publishedAt: string;
  effectiveFrom: string;
  contentHash: string;
  /** The statement's public address, as the publishing request saw it. */
  url: string;
}

/**
 * Call after a publish has committed. Never throws: the version is published either way, and
 * whatever could not be queued now stays in the outbox for the cron to queue.
 */
export const notifyPublished = (
  env: Pick<Bindings, "DB" | "WEBHOOKS" | "PUBLIC_ORIGIN">,
  event: PublishedEvent,
): Promise<void> => notifyAllPublished(env, [event]);

/** notifyPublished for the versions of one transaction (a rollout chunk): one claim for them all. */
export async function notifyAllPublished(
  env: Pick<Bindings, "DB" | "WEBHOOKS" | "PUBLIC_ORIGIN">,
  events: readonly PublishedEvent[],
): Promise<void> {
  try {
    const now = new Date();
    const claimed = await claimVersionNotifications(
      env.DB,
      events.map((e) => ({ tenantId: e.tenantId, number: e.version, statementUrl: e.url })),
      now.toISOString(),
      new Date(now.getTime() + CLAIM_MS).toISOString(),
    );
    if (claimed.length > 0) await queueClaimed(env, claimed, now);
  } catch (error) {
    for (const event of events) {
      console.error("could not queue publish webhooks; the cron will", {
        group: event.groupSlug,
        tenant: event.tenantSlug,
        version: event.version,
        error: String(error),
      });
    }
  }
}
