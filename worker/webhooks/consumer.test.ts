// From publish to a website: the database writes one outbox row per active webhook together with
// the version, notifyPublished queues them, the consumer signs and POSTs them to a real receiver
// worker (worker/test/webhook-receiver.ts, through a service binding), which checks them with
// verifyWebhookSignature. The queue itself is played by createMessageBatch/getQueueResult, so ack,
// retry and backoff are read back exactly.
import {
  createExecutionContext,
  createMessageBatch,
  getQueueResult,
  type QueueResult,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import wranglerToml from "../../wrangler.toml?raw";
import { seedDemoGroup } from "../demo-seed.ts";
import worker from "../index.ts";
import type { Received } from "../test/webhook-receiver.ts";
import { demoContent, publishAt } from "../test/fixtures.ts";
import { queueThat, recordingQueue } from "../test/queues.ts";
import {
  computeRetryDelay,
  deliverWebhookBatch,
  WEBHOOK_MAX_RETRIES,
  type DeliveryOptions,
  type WebhookFetcher,
} from "./consumer.ts";
import type { PublishedPayload, WebhookMessage } from "./message.ts";
import { notifyPublished, type PublishedEvent } from "./notify.ts";
import { DEFAULT_TOLERANCE_SECONDS, PUBLISHED_EVENT } from "./sign.ts";

const QUEUE = "verklaring-webhooks";
const RECEIVER = "https://receiver.example/mailboxes";
const toReceiver: WebhookFetcher = (request) => env.WEBHOOK_RECEIVER.fetch(request);

let mailboxes = 0;
const randomSecret = (): string =>
  [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, "0")).join("");

/** A mailbox at the receiver answering correctly signed deliveries with `status`. */
async function openMailbox(status = 204): Promise<{ url: string; secret: string }> {
  const name = `box-${++mailboxes}`;
  const secret = randomSecret();
  const res = await env.WEBHOOK_RECEIVER.fetch(`${RECEIVER}/${name}`, {
    method: "PUT",
    body: JSON.stringify({ secret, status }),
  });
  expect(res.status).toBe(204);
  return { url: `${RECEIVER}/${name}`, secret };
}

const readMailbox = async (url: string): Promise<Received[]> =>
  (await (await env.WEBHOOK_RECEIVER.fetch(url)).json<{ received: Received[] }>()).received;

async function insertWebhook(tenantSlug: string, url: string, secret: string): Promise<number> {
  const row = await env.DB.prepare(
    `INSERT INTO webhooks (tenant_id, url, secret, created_at)
     SELECT id, ?2, ?3, '2026-01-10T09:00:00.000Z' FROM tenants WHERE slug = ?1 RETURNING id`,
  )
    .bind(tenantSlug, url, secret)
    .first<{ id: number }>();
  return row!.id;
}

const tenantIdOf = async (slug: string): Promise<number> =>
  (await env.DB.prepare("SELECT id FROM tenants WHERE slug = ?1").bind(slug).first<{ id: number }>())!.id;

let phones = 0;
/** Publishes a real new version of a company (the outbox rows come with it) and describes it. */
async function publishNewVersion(tenantSlug: string): Promise<PublishedEvent> {
  const content = demoContent(tenantSlug);
  content.profile.phone = `+31 20 555 ${String(1000 + ++phones)}`;
  const version = await publishAt(env.DB, "conxillium", tenantSlug, content, new Date().toISOString());
  return {
    groupSlug: "conxillium",
    tenantId: await tenantIdOf(tenantSlug),
    tenantSlug,
    version: version.number,
    publishedAt: version.publishedAt,
    effectiveFrom: version.effectiveFrom,
    contentHash: version.contentHash,
    url: `https://verklaring.example/v1/statements/conxillium/${tenantSlug}/versions/${version.number}`,
  };
}

/** notifyPublished with the queue replaced by a recorder. */
async function notifyAndCapture(event: PublishedEvent): Promise<WebhookMessage[]> {
  const { queue, sent } = recordingQueue();
  await notifyPublished({ ...env, WEBHOOKS: queue }, event);
  return sent;
}

let events = 0;
/** The message a publish of version 2 queues for one webhook, as the consumer receives it. */
function messageFor(webhookId: number, tenantSlug = "jcc-software", version = 2): WebhookMessage {
  const payload: PublishedPayload = {
    event: PUBLISHED_EVENT,
    group: "conxillium",
    tenant: tenantSlug,
    version,
    publishedAt: "2026-11-22T10:00:00.000Z",
    effectiveFrom: "2026-12-01T00:00:00.000Z",
    contentHash: "c".repeat(64),
    url: `https://verklaring.example/v1/statements/conxillium/${tenantSlug}/versions/${version}`,
  };
  return {
    webhookId,
    eventId: `publish-test-${++events}`,
    versionNumber: version,
    body: JSON.stringify(payload),
  };
}

const outboxOf = (webhookId: number) =>
  env.DB.prepare("SELECT queued_at, claimed_until, statement_url FROM webhook_outbox WHERE webhook_id = ?1")
    .bind(webhookId)
    .all<{ queued_at: string | null; claimed_until: string | null; statement_url: string | null }>()
    .then((r) => r.results);

let messageIds = 0;
/**
 * Runs the consumer on these messages as the queue would hand them over on attempt `attempts`.
 * getQueueResult (vitest-plugin 1.5) drops retry()'s delaySeconds, so retry calls are spied on.
 */
async function consume(
  bodies: WebhookMessage[],
  attempts = 1,
  options: DeliveryOptions = {},
): Promise<{ ids: string[]; result: QueueResult; retries: { msgId: string; delaySeconds?: number }[] }> {
  const messages = bodies.map((body) => ({
    id: `msg-${++messageIds}`,
    timestamp: new Date(),
    attempts,
    body,
  }));
  const batch = createMessageBatch<WebhookMessage>(QUEUE, messages);
  const retries: { msgId: string; delaySeconds?: number }[] = [];
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    vi.spyOn(message, "retry").mockImplementation((retryOptions) => {
      retries.push({ msgId: message.id, ...retryOptions });
      retry(retryOptions);
    });
  }
  const ctx = createExecutionContext();
  await deliverWebhookBatch(batch, env, { fetcher: toReceiver, ...options });
  const result = await getQueueResult(batch, ctx);
  expect(result.retryMessages.map((m) => m.msgId)).toEqual(retries.map((r) => r.msgId));
  return { ids: messages.map((m) => m.id), result, retries };
}

interface AttemptRow {
  attempt: number;
  status_code: number | null;
  error: string | null;
  succeeded: number;
  event_id: string;
  version_number: number;
  duration_ms: number;
}
const attemptsOf = async (webhookId: number): Promise<AttemptRow[]> =>
  (
    await env.DB.prepare("SELECT * FROM webhook_deliveries WHERE webhook_id = ?1 ORDER BY id")
      .bind(webhookId)
      .all<AttemptRow>()
  ).results;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
});

describe("notifyPublished", () => {
  it("queues one message per active webhook, with one body and event id for the publish", async () => {
    const a = await insertWebhook("geotax", "https://a.example/hook", "a".repeat(64));
    const b = await insertWebhook("geotax", "https://b.example/hook", "b".repeat(64));
    const off = await insertWebhook("geotax", "https://off.example/hook", "d".repeat(64));
    await env.DB.prepare("UPDATE webhooks SET disabled_at = '2026-02-01T00:00:00.000Z' WHERE id = ?1")
      .bind(off)
      .run();

    const event = await publishNewVersion("geotax");
    const sent = await notifyAndCapture(event);
    expect(sent.map((m) => m.webhookId)).toEqual([a, b]);
    expect(new Set(sent.map((m) => m.eventId)).size).toBe(1);
    expect(sent.every((m) => m.versionNumber === event.version && m.body === sent[0]!.body)).toBe(true);
    expect(JSON.parse(sent[0]!.body)).toEqual({
      event: "statement.published",
      group: "conxillium",
      tenant: "geotax",
      version: event.version,
      publishedAt: event.publishedAt,
      effectiveFrom: event.effectiveFrom,
      contentHash: event.contentHash,
      url: event.url,
    } satisfies PublishedPayload);
    // Neither the address nor the secret travels through the queue.
    expect(JSON.stringify(sent)).not.toMatch(/a{64}|a\.example/);
    // Queued once: the outbox rows are final, and a second call queues nothing.
    expect((await outboxOf(a)).map((r) => [r.queued_at !== null, r.statement_url])).toEqual([
      [true, event.url],
    ]);
    expect(await outboxOf(off)).toEqual([]);
    expect(await notifyAndCapture(event)).toEqual([]);
  });

  it("queues nothing for a company without webhooks, and never fails the publish", async () => {
    expect(await notifyAndCapture(await publishNewVersion("dataquint"))).toEqual([]);
    const broken = queueThat(async () => Promise.reject(new Error("queue down")));
    const webhookId = await insertWebhook("dataquint", "https://c.example/hook", "c".repeat(64));
    const event = await publishNewVersion("dataquint");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(notifyPublished({ ...env, WEBHOOKS: broken }, event)).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith(
      "could not queue publish webhooks; the cron will",
      expect.objectContaining({ tenant: "dataquint", error: "Error: queue down" }),
    );
    logged.mockRestore();
    // Still in the outbox, given back at once for the next try, with the address it was published at.
    expect(await outboxOf(webhookId)).toEqual([
      { queued_at: null, claimed_until: null, statement_url: event.url },
    ]);
  });
});

describe("deliverWebhookBatch", () => {
  it("delivers a signed message the receiver accepts, acks it and records the attempt", async () => {
    const box = await openMailbox(204);
    const webhookId = await insertWebhook("jcc-software", box.url, box.secret);
    const mine = [messageFor(webhookId)];

    const { ids, result } = await consume(mine);
    expect(result.explicitAcks).toEqual(ids);
    expect(result.retryMessages).toEqual([]);

    const [received] = await readMailbox(box.url);
    expect(received!.verdict.valid).toBe(true);
    expect(received!.answered).toBe(204);
    expect(received!.body).toBe(mine[0]!.body);
    expect(received!.headers).toMatchObject({
      "content-type": "application/json",
      "verklaring-event": "statement.published",
      "verklaring-delivery": mine[0]!.eventId,
    });
    expect(received!.headers["verklaring-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);

    expect(await attemptsOf(webhookId)).toEqual([
      expect.objectContaining({
        attempt: 1,
        status_code: 204,
        error: null,
        succeeded: 1,
        event_id: mine[0]!.eventId,
        version_number: 2,
      }),
    ]);
  });

  it("retries a 500 with exponential backoff, recording every attempt", async () => {
    const box = await openMailbox(500);
    const webhookId = await insertWebhook("jcc-software", box.url, box.secret);
    const message = messageFor(webhookId);

    for (const [attempts, delaySeconds] of [
      [1, 30],
      [2, 60],
      [4, 240],
      [8, 3600],
    ] as const) {
      const { ids, result, retries } = await consume([message], attempts);
      expect(result.explicitAcks).toEqual([]);
      expect(retries).toEqual([{ msgId: ids[0], delaySeconds }]);
    }
    const received = await readMailbox(box.url);
    expect(received.map((r) => [r.verdict.valid, r.answered])).toEqual(Array(4).fill([true, 500]));
    expect(
      (await attemptsOf(webhookId)).map((a) => [a.attempt, a.status_code, a.succeeded, a.error]),
    ).toEqual([1, 2, 4, 8].map((n) => [n, 500, 0, "the receiver answered 500"]));
  });

  it("gives up after max_retries: the last attempt is recorded as failed and the message acked", async () => {
    const box = await openMailbox(503);
    const webhookId = await insertWebhook("jcc-software", box.url, box.secret);
    const message = messageFor(webhookId);
    const { ids, result } = await consume([message], WEBHOOK_MAX_RETRIES + 1);
    expect(result.explicitAcks).toEqual(ids);
    expect(result.retryMessages).toEqual([]);
    expect(await attemptsOf(webhookId)).toEqual([
      expect.objectContaining({
        attempt: 9,
        status_code: 503,
        succeeded: 0,
        error: "the receiver answered 503; gave up after 9 attempts",
      }),
    ]);
  });

  it("records a request that got no answer, and retries it", async () => {
    const webhookId = await insertWebhook("jcc-software", "https://unreachable.example/hook", "e".repeat(64));
    const message = messageFor(webhookId);
    const timeout: WebhookFetcher = async () => {
      throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
    };
    const refused: WebhookFetcher = async () => {
      throw new Error("connection refused");
    };
    expect((await consume([message], 1, { fetcher: timeout })).result.retryMessages).toHaveLength(1);
    expect((await consume([message], 2, { fetcher: refused })).result.retryMessages).toHaveLength(1);
    expect((await attemptsOf(webhookId)).map((a) => [a.status_code, a.error, a.succeeded])).toEqual([
      [null, "no answer within 10 s", 0],
      [null, "request failed: connection refused", 0],
    ]);
  });

  it("sends nothing for a webhook disabled after the publish (through the worker's queue handler)", async () => {
    const box = await openMailbox(204);
    const webhookId = await insertWebhook("jcc-software", box.url, box.secret);
    const message = messageFor(webhookId);
    await env.DB.prepare("UPDATE webhooks SET disabled_at = '2026-11-22T10:00:01.000Z' WHERE id = ?1")
      .bind(webhookId)
      .run();
    const batch = createMessageBatch<WebhookMessage>(QUEUE, [
      { id: "disabled-1", timestamp: new Date(), attempts: 1, body: message },
      { id: "unknown-1", timestamp: new Date(), attempts: 1, body: { ...message, webhookId: 999_999 } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["disabled-1", "unknown-1"]);
    expect(await readMailbox(box.url)).toEqual([]);
    expect(await attemptsOf(webhookId)).toEqual([]);
  });
});

describe("replays", () => {
  it("the receiver refuses a delivery replayed after the tolerance", async () => {
    const box = await openMailbox(204);
    const webhookId = await insertWebhook("jcc-software", box.url, box.secret);
    const message = messageFor(webhookId);
    await consume([message]);
    const [original] = await readMailbox(box.url);
    expect(original!.verdict.valid).toBe(true);
    const signedAt = Number(/^t=(\d+)/.exec(original!.headers["verklaring-signature"]!)![1]);

    // An attacker who captured the request sends it again, byte for byte.
    const replay = (secondsLater: number) =>
      env.WEBHOOK_RECEIVER.fetch(box.url, {
        method: "POST",
        headers: { ...original!.headers, "X-Test-Clock": String(signedAt + secondsLater) },
        body: original!.body,
      });
    const late = await replay(DEFAULT_TOLERANCE_SECONDS + 1);
    expect([late.status, await late.text()]).toEqual([401, "expired"]);
    // Within the tolerance the signature alone cannot tell; Verklaring-Delivery lets a site dedupe.
    expect((await replay(60)).status).toBe(204);
  });

  it("a delivery signed too long ago is refused, recorded and retried with a fresh signature", async () => {
    const box = await openMailbox(204);
    const webhookId = await insertWebhook("jcc-software", box.url, box.secret);
    const message = messageFor(webhookId);
    const tenMinutesAgo = () => new Date(Date.now() - 600_000);
    const stale = await consume([message], 1, { now: tenMinutesAgo });
    expect(stale.retries).toEqual([{ msgId: stale.ids[0], delaySeconds: 30 }]);
    const fresh = await consume([message], 2);
    expect(fresh.result.explicitAcks).toEqual(fresh.ids);
    expect((await readMailbox(box.url)).map((r) => [r.answered, r.verdict])).toEqual([
      [401, { valid: false, reason: "expired" }],
      [204, expect.objectContaining({ valid: true })],
    ]);
    expect((await attemptsOf(webhookId)).map((a) => [a.attempt, a.status_code, a.succeeded])).toEqual([
      [1, 401, 0],
      [2, 204, 1],
    ]);
  });
});

describe("retry policy", () => {
  it("backs off 30 s × 2^(attempts-1), at most an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(computeRetryDelay)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
  });

  it("gives up exactly where wrangler.toml's consumer does", () => {
    const consumer = /\[\[queues\.consumers\]\]\s*\n([^[]*)/.exec(wranglerToml)?.[1] ?? "";
    expect(consumer).toMatch(/queue\s*=\s*"verklaring-webhooks"/);
    expect(Number(/max_retries\s*=\s*(\d+)/.exec(consumer)?.[1])).toBe(WEBHOOK_MAX_RETRIES);
    expect(/dead_letter_queue/.test(consumer)).toBe(false);
  });
});
