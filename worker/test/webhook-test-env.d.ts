// Test-only bindings for the webhook tests (see worker/vitest.config.ts).
declare global {
  namespace Cloudflare {
    interface Env {
      /** The receiver worker (worker/test/webhook-receiver.ts). */
      WEBHOOK_RECEIVER: Fetcher;
    }
  }
}

export {};
