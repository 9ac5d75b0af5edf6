// What travels through the verklaring-webhooks queue: one message per webhook per publish.

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

export interface WebhookMessage {
  webhookId: number;
  /** Sent as Verklaring-Delivery; the same on every retry, so a receiver can drop repeats. */
  eventId: string;
  versionNumber: number;
  /**
   * The body exactly as it is signed and sent. The address and secret are not in the message:
   * the consumer reads them at delivery time, so a webhook disabled meanwhile gets nothing.
   */
  body: string;
}
