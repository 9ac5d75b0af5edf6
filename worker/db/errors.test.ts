// The D1 error classifier on errors the real local D1 raises.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import { seedDemoGroup } from "../demo-seed.ts";
import { isTriggerAbort, isUniqueViolation } from "./errors.ts";

const failureOf = async (statements: D1PreparedStatement[]): Promise<unknown> => {
  try {
    await env.DB.batch(statements);
  } catch (error) {
    return error;
  }
  throw new Error("the batch did not fail");
};

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
});

it("names the unique index that refused a duplicate, and no other", async () => {
  const error = await failureOf([
    env.DB.prepare(
      `INSERT INTO baseline_versions (group_id, number, content, change_note, published_at)
       SELECT group_id, number, content, 'again', published_at FROM baseline_versions LIMIT 1`,
    ),
  ]);
  expect(isUniqueViolation(error, "baseline_versions_number")).toBe(true);
  expect(isUniqueViolation(error, "statement_versions_number")).toBe(false);
  expect(isUniqueViolation(error, "publish_requests_one_pending_baseline")).toBe(false);
  expect(isTriggerAbort(error, "stale_revision")).toBe(false);
});

it("tells an index on expressions by its name", async () => {
  const error = await failureOf([
    env.DB.prepare(
      `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
       SELECT user_id, group_id, tenant_id, role, created_at FROM memberships WHERE role = 'group_admin' LIMIT 1`,
    ),
  ]);
  expect(isUniqueViolation(error, "memberships_unique")).toBe(true);
  expect(isUniqueViolation(error, "processors_key")).toBe(false);
});

it("names the trigger code that aborted a batch", async () => {
  const error = await failureOf([
    env.DB.prepare(
      "UPDATE tenant_drafts SET revision = revision + 5 WHERE tenant_id = (SELECT MIN(tenant_id) FROM tenant_drafts)",
    ),
  ]);
  expect(isTriggerAbort(error, "stale_revision")).toBe(true);
  expect(isTriggerAbort(error, "publish_request_closed")).toBe(false);
  expect(isUniqueViolation(error, "baseline_versions_number")).toBe(false);
});
