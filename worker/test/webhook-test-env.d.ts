// Test-only bindings for the webhook and site monitor tests (see worker/vitest.config.ts).
declare global {
  namespace Cloudflare {
    interface Env {
      /** The receiver worker (worker/test/webhook-receiver.ts). */
      WEBHOOK_RECEIVER: Fetcher;
      /** The company websites the site monitor checks (worker/test/fake-websites.ts). */
      FAKE_WEBSITES: Fetcher;
    }
  }
}

export {};
