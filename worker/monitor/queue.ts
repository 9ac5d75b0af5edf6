// Checking every watched page every hour, spread over queue batches so that 1,000 pages fit the
// Workers limits: the hourly Cron Trigger only lists page ids and queues them (one message per
// page, 100 per send), and each consumer invocation checks one batch of SITE_CHECK_BATCH pages —
// at most (1 + MAX_REDIRECTS) fetches each, a few D1 queries, and one company's texts read once.
import { listActivePageIds } from "../db/site-checks.ts";
import type { Bindings } from "../env.ts";
import { checkWatchedPage, CompanyMemory, type CheckEnv, type CheckOptions } from "./check.ts";
import type { SiteCheckMessage } from "./message.ts";

/** The queue's name in wrangler.toml: the queue handler tells its batches apart by it. */
export const SITE_CHECK_QUEUE = "verklaring-site-checks";
/** Must equal max_batch_size of the verklaring-site-checks consumer in wrangler.toml (a test checks). */
export const SITE_CHECK_BATCH = 10;
/** The hourly schedule in wrangler.toml [triggers]. */
export const SITE_CHECK_CRON = "0 * * * *";

const PAGE_IDS_PER_READ = 1000;
const MESSAGES_PER_SEND = 100;
const RETRY_SECONDS = 300;

/** The cron's part: every watched page onto the queue. Returns how many were queued. */
export async function queueSiteChecks(env: Pick<Bindings, "DB" | "SITE_CHECKS">, now: Date): Promise<number> {
  const queuedAt = now.toISOString();
  let queued = 0;
  for (let after = 0; ;) {
    const ids = await listActivePageIds(env.DB, after, PAGE_IDS_PER_READ);
    for (let i = 0; i < ids.length; i += MESSAGES_PER_SEND) {
      await env.SITE_CHECKS.sendBatch(
        ids.slice(i, i + MESSAGES_PER_SEND).map((pageId) => ({ body: { pageId, queuedAt } })),
      );
    }
    queued += ids.length;
    if (ids.length < PAGE_IDS_PER_READ) return queued;
    after = ids.at(-1)!;
  }
}

/**
 * The queue consumer. The pages of one batch are checked side by side; one that fails unexpectedly
 * is retried later, the others are not held up. A page that was removed is simply acknowledged.
 */
export async function checkSiteBatch(
  batch: MessageBatch<SiteCheckMessage>,
  env: CheckEnv,
  options: CheckOptions = {},
): Promise<void> {
  const memory = new CompanyMemory();
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        await checkWatchedPage(
          env,
          message.body.pageId,
          { ...options, after: message.body.queuedAt },
          memory,
        );
        message.ack();
      } catch (error) {
        console.error("a site check failed unexpectedly", {
          page: message.body.pageId,
          error: String(error),
        });
        message.retry({ delaySeconds: RETRY_SECONDS });
      }
    }),
  );
}
