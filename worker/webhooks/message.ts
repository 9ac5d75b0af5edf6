// What travels through the verklaring-webhooks queue: one message per webhook per publish, and one
// per webhook for a watched page found outdated (worker/monitor/notices.ts).
import type { SiteDisplay } from "#shared/site-schemas.ts";

/** The JSON body a receiving website gets for `statement.published`. */
export interface PublishedPayload {
  event: "statement.published";
  group: string;
  tenant: string;
  version: number;
  publishedAt: string;
  effectiveFrom: string;
  contentHash: string;
  /** The public address of the statement, to fetch the new version from. */
  url: string;
}

export const SITE_OUTDATED_EVENT = "site.outdated";

/**
 * The JSON body for `site.outdated`: a watched page still showed an older version more than 24
 * hours after the version in force took effect. Sent once per page and version in force.
 */
export interface SiteOutdatedPayload {
  event: typeof SITE_OUTDATED_EVENT;
  group: string;
  tenant: string;
  page: { url: string; language: string; display: SiteDisplay };
  shownVersion: number;
  versionInForce: number;
  /** When the version shown stopped being in force: since then the page should have changed. */
  outdatedSince: string;
  checkedAt: string;
  /** The public address of the version in force. */
  url: string;
}

export interface WebhookMessage {
  webhookId: number;
  /** Sent as Verklaring-Event; absent for statement.published (messages queued before it existed). */
  event?: typeof SITE_OUTDATED_EVENT;
  /** Sent as Verklaring-Delivery; the same on every retry, so a receiver can drop repeats. */
  eventId: string;
  versionNumber: number;
  /**
   * The body exactly as it is signed and sent. The address and secret are not in the message:
   * the consumer reads them at delivery time, so a webhook disabled meanwhile gets nothing.
   */
  body: string;
}
