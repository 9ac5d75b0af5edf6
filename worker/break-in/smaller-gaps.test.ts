// Issue 13, item 9, reproduced: missing headers, an impossible date silently moved, an empty-body
// POST that skipped the content-type check, a session that survived signing in over it, sessions
// that slid for ever, and a publish notification lost between the commit and the queue.
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createSession, SESSION_MAX_DAYS, validateSessionToken } from "../auth/session.ts";
import app from "../app.ts";
import { DEMO_PASSWORD, seedDemoGroup } from "../demo-seed.ts";
import { findUserByEmail } from "../db/accounts.ts";
import worker from "../index.ts";
import { SESSION_COOKIE } from "../http/session-cookie.ts";
import { call, ORIGIN, sessionCookieFrom, signInAs } from "../test/clients.ts";
import { demoContent, publishAt } from "../test/fixtures.ts";
import { downQueue, recordingQueue } from "../test/queues.ts";
import { fetchStaticAsset } from "../test/static-assets.ts";
import type { Received } from "../test/webhook-receiver.ts";
import { deliverWebhookBatch } from "../webhooks/consumer.ts";
import type { WebhookMessage } from "../webhooks/message.ts";

const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
});

describe("item 9: headers", () => {
  it("sends HSTS with /docs, and nosniff with /openapi.json and /healthz", async () => {
    // /docs and /openapi.json are static assets (web/public/_headers), /healthz is the Worker's.
    const docs = await fetchStaticAsset("/docs");
    expect(docs.headers.get("Strict-Transport-Security")).toMatch(/max-age=\d{8}/);
    const answers = {
      "/openapi.json": await fetchStaticAsset("/openapi.json"),
      "/healthz": await call("/healthz"),
      "/docs": docs,
    };
    for (const [path, res] of Object.entries(answers)) {
      expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
    }
  });
});

describe("item 9: an impossible moment is an error", () => {
  it.each([
    "2026-02-30T12:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-03-01T24:30:00Z",
    "2025-02-29T00:00:00Z",
  ])("answers ?at=%s with 400 naming at", async (at) => {
    const res = await call(`/v1/statements/conxillium/jcc-software.json?at=${encodeURIComponent(at)}`);
    expect(res.status).toBe(400);
    const { error } = await res.json<{ error: { issues: { field: string }[] } }>();
    expect(error.issues.map((i) => i.field)).toContain("at");
  });

  it("still takes a real one, leap day included", async () => {
    expect(
      (await call("/v1/statements/conxillium/jcc-software.json?at=2028-02-29T12:00:00%2B01:00")).status,
    ).toBe(200);
  });
});

describe("item 9: an empty body is no way around the content type", () => {
  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "refuses an empty POST declared as %s with 415",
    async (type) => {
      const cookie = await signInAs("editor@jccsoftware.example");
      const res = await call("/api/auth/logout", {
        cookie,
        method: "POST",
        headers: { "Content-Type": type },
      });
      expect(res.status).toBe(415);
      expect((await call("/api/me", { cookie })).status).toBe(200);
    },
  );

  it("takes an empty POST that declares no type (what fetch sends) or JSON", async () => {
    const declared: Record<string, string>[] = [{}, { "Content-Type": "application/json" }];
    for (const headers of declared) {
      const cookie = await signInAs("editor@jccsoftware.example");
      expect((await call("/api/auth/logout", { cookie, method: "POST", headers })).status).toBe(200);
    }
  });
});

describe("item 9: sessions", () => {
  it("ends the session the browser presented when it signs in (session fixation)", async () => {
    // A session planted in the victim's browser beforehand, whoever's it is.
    const planted = await signInAs("viewer@jccsoftware.example");
    const res = await call("/api/auth/login", {
      cookie: planted,
      json: { email: "editor@jccsoftware.example", password: DEMO_PASSWORD },
      headers: { "CF-Connecting-IP": "198.18.50.1" },
    });
    expect(res.status).toBe(200);
    const fresh = sessionCookieFrom(res);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(planted);
    expect((await call("/api/me", { cookie: planted })).status).toBe(401);
    expect((await call("/api/me", { cookie: fresh })).status).toBe(200);
  });

  it(`ends a session ${SESSION_MAX_DAYS} days after signing in, however often it was used`, async () => {
    const user = (await findUserByEmail(env.DB, "editor@jccsoftware.example"))!;
    const start = new Date("2026-01-01T00:00:00.000Z");
    const { token } = await createSession(env.DB, user.id, start);
    // Used every ten days: it slides, but never past the absolute end.
    let day = 0;
    for (; day < SESSION_MAX_DAYS; day += 10) {
      const result = await validateSessionToken(env.DB, token, new Date(start.getTime() + day * DAY));
      expect(result.session, `day ${day}`).not.toBeNull();
      expect(Date.parse(result.session!.expiresAt)).toBeLessThanOrEqual(
        start.getTime() + SESSION_MAX_DAYS * DAY,
      );
    }
    expect(
      (await validateSessionToken(env.DB, token, new Date(start.getTime() + SESSION_MAX_DAYS * DAY))).session,
    ).toBeNull();
    // And it is gone from D1.
    const id = token.split(".")[0]!;
    expect(await env.DB.prepare("SELECT 1 FROM sessions WHERE id = ?1").bind(id).first()).toBeNull();
  });

  it("gives the cookie of a session near its absolute end no longer than that end", async () => {
    const user = (await findUserByEmail(env.DB, "editor@jccsoftware.example"))!;
    const created = new Date(Date.now() - (SESSION_MAX_DAYS - 3) * DAY);
    const { token, session } = await createSession(env.DB, user.id, created);
    // Used a month ago, so it was extended then: now in its second half, two days left.
    await env.DB.prepare("UPDATE sessions SET expires_at = ?2 WHERE id = ?1")
      .bind(session.id, new Date(Date.now() + 2 * DAY).toISOString())
      .run();
    const res = await call("/api/me", { cookie: `${SESSION_COOKIE}=${token}` });
    expect(res.status).toBe(200);
    const renewed = res.headers.getSetCookie().find((h) => h.startsWith(`${SESSION_COOKIE}=`));
    expect(renewed).toBeDefined();
    const expires = Date.parse(/Expires=([^;]+)/i.exec(renewed!)![1]!);
    // Extended to the absolute end, not to 30 days from now (the cookie's date has whole seconds).
    expect(expires).toBeGreaterThan(Date.now() + 2 * DAY);
    expect(expires).toBeLessThanOrEqual(created.getTime() + SESSION_MAX_DAYS * DAY);
  });
});

/** A mailbox at the test's receiving website, answering signed deliveries with 204. */
async function openMailbox(name: string): Promise<{ url: string; secret: string }> {
  const url = `https://receiver.example/mailboxes/${name}`;
  const secret = "5".repeat(64);
  const res = await env.WEBHOOK_RECEIVER.fetch(url, {
    method: "PUT",
    body: JSON.stringify({ secret, status: 204 }),
  });
  expect(res.status).toBe(204);
  return { url, secret };
}

const waitingIn = (webhookId: number) =>
  env.DB.prepare("SELECT COUNT(*) AS n FROM webhook_outbox WHERE webhook_id = ?1 AND queued_at IS NULL")
    .bind(webhookId)
    .first<{ n: number }>()
    .then((r) => r!.n);

describe("item 9: a notification survives a failure between the commit and the queue", () => {
  it("keeps the notification when queueing fails after the publish committed, and the cron delivers it", async () => {
    const box = await openMailbox("outbox-1");
    const { id: webhookId } = (await env.DB.prepare(
      `INSERT INTO webhooks (tenant_id, url, secret, created_at)
       SELECT id, ?1, ?2, '2026-01-10T09:00:00.000Z' FROM tenants WHERE slug = 'pharox' RETURNING id`,
    )
      .bind(box.url, box.secret)
      .first<{ id: number }>())!;
    const lead = await signInAs("lead@conxillium.example");
    const draft = await (
      await call("/api/groups/conxillium/tenants/pharox/draft", { cookie: lead })
    ).json<{ revision: number }>();
    const content = demoContent("pharox");
    content.profile.phone = "+31 40 000 1234";
    expect(
      (
        await call("/api/groups/conxillium/tenants/pharox/draft", {
          cookie: lead,
          method: "PUT",
          json: { content },
          headers: { "If-Match": `"${draft.revision}"` },
        })
      ).status,
    ).toBe(200);
    // The queue is down the moment the publish has committed.
    const down = downQueue();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const published = await app.fetch(
      new Request(`${ORIGIN}/api/groups/conxillium/tenants/pharox/publish`, {
        method: "POST",
        headers: {
          Cookie: lead,
          Origin: ORIGIN,
          "Sec-Fetch-Site": "same-origin",
          "Content-Type": "application/json",
        },
        body: JSON.stringify({ changeNote: "Nieuw telefoonnummer.", material: false }),
      }),
      { ...env, WEBHOOKS: down },
      createExecutionContext(),
    );
    expect(published.status).toBe(201);
    expect(logged).toHaveBeenCalledWith("could not queue publish webhooks; the cron will", expect.anything());
    logged.mockRestore();
    const { version } = await published.json<{ version: { number: number } }>();
    expect(await waitingIn(webhookId)).toBe(1);

    // The next cron run, a few minutes later, queues it.
    const { queue, sent } = recordingQueue();
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now() + 5 * 60 * 1000, cron: "*/5 * * * *" }),
      { ...env, WEBHOOKS: queue },
    );
    const mine = sent.filter((m) => m.webhookId === webhookId);
    expect(mine).toHaveLength(1);
    expect(await waitingIn(webhookId)).toBe(0);
    expect(JSON.parse(mine[0]!.body)).toMatchObject({
      event: "statement.published",
      tenant: "pharox",
      version: version.number,
      url: `${ORIGIN}/v1/statements/conxillium/pharox/versions/${version.number}`,
    });

    // And the consumer delivers it, signed, to the website.
    const batch = createMessageBatch<WebhookMessage>("verklaring-webhooks", [
      { id: "outbox-1", timestamp: new Date(), attempts: 1, body: mine[0]! },
    ]);
    await deliverWebhookBatch(batch, env, { fetcher: (request) => env.WEBHOOK_RECEIVER.fetch(request) });
    expect((await getQueueResult(batch, createExecutionContext())).explicitAcks).toEqual(["outbox-1"]);
    const received = (await (await env.WEBHOOK_RECEIVER.fetch(box.url)).json<{ received: Received[] }>())
      .received;
    expect(received.map((r) => [r.verdict.valid, JSON.parse(r.body).version])).toEqual([
      [true, version.number],
    ]);
  });

  it("keeps the notification when the request dies right after the commit, before it could queue anything", async () => {
    const box = await openMailbox("outbox-2");
    const { id: webhookId } = (await env.DB.prepare(
      `INSERT INTO webhooks (tenant_id, url, secret, created_at)
       SELECT id, ?1, ?2, '2026-01-10T09:00:00.000Z' FROM tenants WHERE slug = 'procura' RETURNING id`,
    )
      .bind(box.url, box.secret)
      .first<{ id: number }>())!;
    const content = demoContent("procura");
    content.profile.phone = "+31 50 000 4321";
    // The publish's own transaction, and then nothing: no notifyPublished ran.
    const version = await publishAt(env.DB, "conxillium", "procura", content, new Date().toISOString());
    expect(await waitingIn(webhookId)).toBe(1);

    // Too fresh for the cron (its request may still be queueing it): left alone.
    const early = recordingQueue();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }), {
      ...env,
      WEBHOOKS: early.queue,
    });
    expect(early.sent.filter((m) => m.webhookId === webhookId)).toEqual([]);

    const later = recordingQueue();
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now() + 5 * 60 * 1000, cron: "*/5 * * * *" }),
      { ...env, WEBHOOKS: later.queue },
    );
    const mine = later.sent.filter((m) => m.webhookId === webhookId);
    expect(mine).toHaveLength(1);
    // No request saw the address: the cron uses this deployment's PUBLIC_ORIGIN.
    expect(JSON.parse(mine[0]!.body).url).toBe(
      `${env.PUBLIC_ORIGIN}/v1/statements/conxillium/procura/versions/${version.number}`,
    );
    expect(await waitingIn(webhookId)).toBe(0);
  });
});
