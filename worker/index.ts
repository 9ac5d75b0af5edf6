import app from "./app.ts";
import { sealAuditLog } from "./audit/log.ts";
import { deleteExpiredSignInAttempts } from "./db/sign-in-attempts.ts";
import type { Bindings } from "./env.ts";
import { recallResponse } from "./http/answer-from-memory.ts";
import { queueSiteNotices } from "./monitor/notices.ts";
import type { SiteCheckMessage } from "./monitor/message.ts";
import { checkSiteBatch, queueSiteChecks, SITE_CHECK_CRON, SITE_CHECK_QUEUE } from "./monitor/queue.ts";
import { useCacheOrigin } from "./http/public-cache.ts";
import {
  consumeRolloutBatch,
  queueStalledRolloutRuns,
  type RolloutMessage,
} from "./publishing/rollout-run.ts";
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
    useCacheOrigin(env.PUBLIC_ORIGIN);
    // A public statement asked for again within seconds is answered from memory, before the app.
    const remembered = recallResponse(request);
    if (remembered) return remembered;
    return READS.has(request.method) ? app.fetch(request, env, ctx) : answerWrite(request, env, ctx);
  },
  queue: (batch, env) => {
    useCacheOrigin(env.PUBLIC_ORIGIN);
    // Three queues (wrangler.toml): rollout runs, the site monitor's page checks, publish webhooks.
    if (batch.queue === "verklaring-rollout") {
      return consumeRolloutBatch(batch as MessageBatch<RolloutMessage>, env);
    }
    if (batch.queue === SITE_CHECK_QUEUE) {
      return checkSiteBatch(batch as MessageBatch<SiteCheckMessage>, env);
    }
    return deliverWebhookBatch(batch as MessageBatch<WebhookMessage>, env);
  },
  // Every hour (wrangler.toml): queue a check of every watched page. Every 5 minutes: seal and
  // checkpoint every audit chain, queue the webhook notifications no request or check queued,
  // forget sign-in attempts older than any throttle looks, queue rollout runs that stopped moving
  // again.
  scheduled: async (controller, env) => {
    useCacheOrigin(env.PUBLIC_ORIGIN);
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
      queueStalledRolloutRuns(env, now),
    ]);
    const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    if (failures.length > 0) throw new AggregateError(failures, "scheduled work failed");
  },
} satisfies ExportedHandler<Bindings, WebhookMessage | RolloutMessage | SiteCheckMessage>;
