import app from "./app.ts";
import { deliverWebhookBatch } from "./webhooks/consumer.ts";

export default {
  fetch: app.fetch,
  queue: (batch, env) => deliverWebhookBatch(batch, env),
} satisfies ExportedHandler<import("./env.ts").Bindings, import("./webhooks/message.ts").WebhookMessage>;
