// The `site.outdated` webhook event: notifications written with the check that found a page still
// outdated a day after the version in force took effect (migrations/0017), put on the webhook queue
// at once by that check and by the Cron Trigger for any it did not get to. The consumer signs and
// delivers them exactly like publish notifications (worker/webhooks/consumer.ts).
import {
  claimSiteNotices,
  markSiteNoticesQueued,
  releaseSiteNotices,
  type ClaimedSiteNotice,
} from "../db/site-checks.ts";
import type { Bindings } from "../env.ts";
import { SITE_OUTDATED_EVENT, type SiteOutdatedPayload, type WebhookMessage } from "../webhooks/message.ts";
import { CLAIM_MS, REQUEST_GRACE_MS, statementUrlOf } from "../webhooks/outbox.ts";

type NoticeEnv = Pick<Bindings, "DB" | "WEBHOOKS" | "PUBLIC_ORIGIN">;

const SWEEP_BATCH = 100;

export function buildSiteOutdatedBody(notice: ClaimedSiteNotice, origin: string): string {
  const payload: SiteOutdatedPayload = {
    event: SITE_OUTDATED_EVENT,
    group: notice.groupSlug,
    tenant: notice.tenantSlug,
    page: { url: notice.page.url, language: notice.page.language, display: notice.page.display },
    shownVersion: notice.shownVersion,
    versionInForce: notice.versionInForce,
    outdatedSince: notice.outdatedSince,
    checkedAt: notice.checkedAt,
    url: statementUrlOf(origin, {
      groupSlug: notice.groupSlug,
      tenantSlug: notice.tenantSlug,
      version: notice.versionInForce,
    }),
  };
  return JSON.stringify(payload);
}

async function queueClaimed(env: NoticeEnv, claimed: ClaimedSiteNotice[], now: Date): Promise<number> {
  if (claimed.length === 0) return 0;
  const ids = claimed.map((n) => n.id);
  const origin = env.PUBLIC_ORIGIN;
  if (!origin) {
    await releaseSiteNotices(env.DB, ids);
    console.error("site.outdated notifications wait for PUBLIC_ORIGIN to be set", { ids });
    return 0;
  }
  const messages: WebhookMessage[] = claimed.map((notice) => ({
    webhookId: notice.webhookId,
    eventId: notice.eventId,
    versionNumber: notice.versionInForce,
    event: SITE_OUTDATED_EVENT,
    body: buildSiteOutdatedBody(notice, origin),
  }));
  try {
    await env.WEBHOOKS.sendBatch(messages.map((body) => ({ body })));
  } catch (error) {
    await releaseSiteNotices(env.DB, ids);
    throw error;
  }
  await markSiteNoticesQueued(env.DB, ids, now.toISOString());
  return claimed.length;
}

/**
 * Queues waiting notifications: those of one page right after its check (never throws: the
 * notification stays in the outbox for the cron), or with `pageId` null every one older than a
 * request would take (the cron's sweep).
 */
export async function queueSiteNotices(
  env: NoticeEnv,
  query: { pageId: number | null; now: Date },
): Promise<number> {
  const { now } = query;
  const claim = (createdBefore: Date) =>
    claimSiteNotices(
      env.DB,
      { pageId: query.pageId, createdBefore: createdBefore.toISOString(), limit: SWEEP_BATCH },
      now.toISOString(),
      new Date(now.getTime() + CLAIM_MS).toISOString(),
    );
  if (query.pageId !== null) {
    try {
      return await queueClaimed(env, await claim(now), now);
    } catch (error) {
      console.error("could not queue site.outdated notifications; the cron will", {
        page: query.pageId,
        error: String(error),
      });
      return 0;
    }
  }
  let queued = 0;
  for (;;) {
    const claimed = await claim(new Date(now.getTime() - REQUEST_GRACE_MS));
    const sent = await queueClaimed(env, claimed, now);
    queued += sent;
    if (sent === 0 || claimed.length < SWEEP_BATCH) return queued;
  }
}
