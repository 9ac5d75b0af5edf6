// A rollout chunk tells the websites of all its companies in one go (one claim of the outbox rows
// the versions' trigger wrote, issue 20: a D1 query per company would be 10,000 in a large group),
// and more notifications than one Queues sendBatch takes (100 messages, 256 KB) are sent in
// several: from a rollout chunk and from the cron alike. The real local queue refuses a batch of
// more than 100, as Cloudflare's does.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP, DEMO_TENANTS } from "#shared/demo/index.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import worker from "../index.ts";
import { apiAs, signInAs, type Api } from "../test/clients.ts";
import { publishAt, publishBaselineWithNote } from "../test/fixtures.ts";
import { queueWaitingNotifications } from "../webhooks/outbox.ts";
import type { RolloutMessage } from "./rollout-message.ts";

const group = DEMO_GROUP.slug;
/** 12 companies with 10 webhooks each: 120 notifications per publish of them all, over 100. */
const COMPANIES = 12;
const slugs = Array.from({ length: COMPANIES }, (_, i) => `hooked-${String(i).padStart(2, "0")}`);
let lead: Api;

const count = async (sql: string): Promise<number> => (await env.DB.prepare(sql).first<{ n: number }>())!.n;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs("lead@conxillium.example"));
  const at = "2026-01-10T09:00:00.000Z";
  const template = DEMO_TENANTS.find((t) => t.slug === "geotax")!.content;
  for (const [i, slug] of slugs.entries()) {
    await env.DB.prepare(
      `INSERT INTO tenants (group_id, slug, name, position, created_at)
       SELECT id, ?2, ?3, ?4, ?5 FROM groups WHERE slug = ?1`,
    )
      .bind(group, slug, `Hooked ${i}`, 200 + i, at)
      .run();
    await publishAt(env.DB, group, slug, structuredClone(template), new Date().toISOString());
  }
  // Ten webhooks per company, the most a company may have (MAX_ACTIVE_WEBHOOKS).
  await env.DB.batch(
    slugs.flatMap((slug) =>
      Array.from({ length: 10 }, (_, n) =>
        env.DB.prepare(
          `INSERT INTO webhooks (tenant_id, url, secret, created_at)
           SELECT id, ?2, ?3, ?4 FROM tenants WHERE slug = ?1`,
        ).bind(slug, `https://${slug}.example/hook-${n}`, "ab".repeat(32), at),
      ),
    ),
  );
}, 30_000);

const waiting = (): Promise<number> =>
  count(
    `SELECT COUNT(*) AS n FROM webhook_outbox o JOIN statement_versions v ON v.id = o.version_id
     JOIN tenants t ON t.id = v.tenant_id WHERE t.slug LIKE 'hooked-%' AND o.queued_at IS NULL`,
  );

describe("notifications of a rollout", () => {
  it("queues every website's notification of a run's chunk, more than one sendBatch takes", async () => {
    await publishBaselineWithNote(lead, group, "Wij melden grote wijzigingen ook per sms");
    const { run } = await (
      await lead.api.groups[":group"].rollout.runs.$post({ param: { group }, json: {} })
    ).json();
    for (let i = 0; i < 10; i++) {
      const batch = createMessageBatch<RolloutMessage>("verklaring-rollout", [
        { id: `run-${run.id}-${i}`, timestamp: new Date(), attempts: 1, body: { runId: run.id } },
      ]);
      const ctx = createExecutionContext();
      await worker.queue(batch, env);
      await getQueueResult(batch, ctx);
      const latest = await (
        await lead.api.groups[":group"].rollout.runs.latest.$get({ param: { group }, query: {} })
      ).json();
      if (latest.run.status !== "running") break;
    }
    // Every hooked company was republished, in one chunk (ROLLOUT_CHUNK is 25) ...
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM statement_versions v JOIN tenants t ON t.id = v.tenant_id
         WHERE t.slug LIKE 'hooked-%' AND v.number = 2`,
      ),
    ).toBe(COMPANIES);
    // ... and all 120 of their notifications are on the queue, none left for the cron.
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM webhook_outbox o JOIN statement_versions v ON v.id = o.version_id
         JOIN tenants t ON t.id = v.tenant_id WHERE t.slug LIKE 'hooked-%' AND v.number = 2
           AND o.queued_at IS NOT NULL AND o.statement_url LIKE '%/versions/2'`,
      ),
    ).toBe(COMPANIES * 10);
    expect(await waiting()).toBe(0);
  });

  it("lets the cron queue more waiting notifications than one sendBatch takes", async () => {
    // Versions written without anyone queueing their notifications (a request that died).
    for (const slug of slugs) {
      const content = structuredClone(DEMO_TENANTS.find((t) => t.slug === "geotax")!.content);
      content.lists.data_categories.push({ name: { nl: "Cron", en: "Cron" }, special: false });
      await publishAt(env.DB, group, slug, content, new Date().toISOString());
    }
    expect(await waiting()).toBe(COMPANIES * 10);
    // Waited long enough for the cron to take them.
    const queued = await queueWaitingNotifications(env, new Date(Date.now() + 60 * 60_000));
    expect(queued).toBeGreaterThanOrEqual(COMPANIES * 10);
    expect(await waiting()).toBe(0);
  });
});
