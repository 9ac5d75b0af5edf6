// What the rollout queue carries (worker/publishing/rollout-run.ts): in a module of its own, so
// that the bindings' types (worker/env.ts) can name it without importing the consumer.

/** Which run to continue; whoever takes the message reads the run's cursor from D1. */
export interface RolloutMessage {
  runId: number;
}
