// Queues that stand in for the WEBHOOKS binding where a test must see (or break) what is sent
// before the real consumer runs. Typed as the Workers Queue, so no cast hides a missing method.
import type { WebhookMessage } from "../webhooks/message.ts";

const NO_BACKLOG = { metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } };

/** A Queue whose send and sendBatch do `onBatch` (notifyPublished sends its messages in one batch). */
export function queueThat(onBatch: (bodies: WebhookMessage[]) => Promise<void>): Queue<WebhookMessage> {
  return {
    metrics: async () => NO_BACKLOG.metadata.metrics,
    send: async (body) => {
      await onBatch([body]);
      return NO_BACKLOG;
    },
    sendBatch: async (messages) => {
      await onBatch([...messages].map((message) => message.body));
      return NO_BACKLOG;
    },
  };
}

/** A queue that records what is sent to it, so the real consumer never races the test. */
export function recordingQueue(): { queue: Queue<WebhookMessage>; sent: WebhookMessage[] } {
  const sent: WebhookMessage[] = [];
  return { queue: queueThat(async (bodies) => void sent.push(...bodies)), sent };
}

/** A queue that is down: every send fails, as when the Queues service is unavailable. */
export const downQueue = (): Queue<WebhookMessage> =>
  queueThat(async () => Promise.reject(new Error("queue unavailable")));
