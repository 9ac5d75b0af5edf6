// Test-only bindings and imports for the webhook tests (see worker/vitest.config.ts).
declare global {
  namespace Cloudflare {
    interface Env {
      /** The receiver worker (worker/test/webhook-receiver.ts). */
      WEBHOOK_RECEIVER: Fetcher;
    }
  }
}

declare module "*?raw" {
  const text: string;
  export default text;
}

export {};
