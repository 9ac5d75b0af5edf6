// What travels through the verklaring-site-checks queue (worker/monitor/queue.ts). A module of its
// own, with no imports, so that the worker's bindings (worker/env.ts) can name the queue's message
// without importing the checking code, which needs those bindings.
export interface SiteCheckMessage {
  pageId: number;
  /** When the cron queued it: a page checked after that (by hand, say) is not checked again. */
  queuedAt: string;
}
