import app from "./app.ts";
import type { Bindings } from "./env.ts";
import type { WebhookMessage } from "./webhooks/message.ts";
import { recallResponse } from "./http/answer-from-memory.ts";
import { deliverWebhookBatch } from "./webhooks/consumer.ts";

export default {
  // A public statement asked for again within seconds is answered from memory, before the app.
  fetch: (request, env, ctx) => recallResponse(request) ?? app.fetch(request, env, ctx),
  queue: (batch, env) => deliverWebhookBatch(batch, env),
} satisfies ExportedHandler<Bindings, WebhookMessage>;
