import app from "./app.ts";
import { sealAuditLog } from "./audit/log.ts";
import { deleteExpiredSignInAttempts } from "./db/sign-in-attempts.ts";
import type { Bindings } from "./env.ts";
import { recallResponse } from "./http/answer-from-memory.ts";
import { queueSiteNotices } from "./monitor/notices.ts";
import type { SiteCheckMessage } from "./monitor/message.ts";
import { checkSiteBatch, queueSiteChecks, SITE_CHECK_CRON, SITE_CHECK_QUEUE } from "./monitor/queue.ts";
import { deliverWebhookBatch } from "./webhooks/consumer.ts";
import type { WebhookMessage } from "./webhooks/message.ts";
import { queueWaitingNotifications } from "./webhooks/outbox.ts";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing API request seals the audit rows it wrote right after its answer (the cron
 * catches whatever this misses). Requests refused before any handler ran (400, 413 and 415 are
 * refusals of the request itself) wrote nothing.
 */
async function answerWrite(request: Request, env: Bindings, ctx: ExecutionContext): Promise<Response> {
  const response = await app.fetch(request, env, ctx);
  if (new URL(request.url).pathname.startsWith("/api/") && ![400, 413, 415].includes(response.status)) {
    ctx.waitUntil(
      sealAuditLog(env, { checkpoint: "due" }).catch((error: unknown) =>
        console.error("sealing the audit log after a write failed; the cron repeats it", String(error)),
      ),
    );
  }
  return response;
}

export default {
  fetch: (request, env, ctx) => {
    // A public statement asked for again within seconds is answered from memory, before the app.
    const remembered = recallResponse(request);
    if (remembered) return remembered;
    return READS.has(request.method) ? app.fetch(request, env, ctx) : answerWrite(request, env, ctx);
  },
  // Two queues, one consumer each: publish webhooks, and the site monitor's page checks.
  queue: (batch, env) =>
    batch.queue === SITE_CHECK_QUEUE
      ? checkSiteBatch(batch as MessageBatch<SiteCheckMessage>, env)
      : deliverWebhookBatch(batch as MessageBatch<WebhookMessage>, env),
  // Every hour (wrangler.toml): queue a check of every watched page. Every 5 minutes: seal and
  // checkpoint every audit chain, queue the webhook notifications no request or check queued,
  // forget sign-in attempts older than any throttle looks.
  scheduled: async (controller, env) => {
    const now = new Date(controller.scheduledTime);
    if (controller.cron === SITE_CHECK_CRON) {
      await queueSiteChecks(env, now);
      return;
    }
    const results = await Promise.allSettled([
      sealAuditLog(env, { checkpoint: "moved" }),
      queueWaitingNotifications(env, now),
      queueSiteNotices(env, { pageId: null, now }),
      deleteExpiredSignInAttempts(env.DB, now.getTime()),
    ]);
    const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    if (failures.length > 0) throw new AggregateError(failures, "scheduled work failed");
  },
} satisfies ExportedHandler<Bindings, WebhookMessage | SiteCheckMessage>;
