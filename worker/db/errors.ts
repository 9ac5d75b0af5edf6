// What a failed D1 statement or batch means, named by the index or trigger that refused it, so that
// callers never match on error text themselves. D1 reports SQLite's message, e.g.
// "D1_ERROR: UNIQUE constraint failed: statement_versions.tenant_id, statement_versions.number:
// SQLITE_CONSTRAINT" (columns for an index on columns, "index 'name'" for one on expressions), and a
// trigger's RAISE(ABORT, 'code') as its code.

/** The unique indexes the app reacts to, as SQLite names them when one refuses a write. */
const UNIQUE_INDEXES = {
  // migrations/0001: UNIQUE (tenant_id, number) and UNIQUE (group_id, number)
  statement_versions_number: "statement_versions.tenant_id, statement_versions.number",
  baseline_versions_number: "baseline_versions.group_id, baseline_versions.number",
  // migrations/0003: UNIQUE (group_id, key)
  processors_key: "processors.group_id, processors.key",
  // migrations/0002: on (user_id, group_id, coalesce(tenant_id, 0))
  memberships_unique: "index 'memberships_unique'",
  // migrations/0006: partial indexes, one pending request per company and one per group's baseline
  publish_requests_one_pending: "publish_requests.tenant_id",
  publish_requests_one_pending_baseline: "publish_requests.group_id",
  // migrations/0019: one running rollout run per group
  rollout_runs_one_running: "rollout_runs.group_id",
  // migrations/0001: UNIQUE (group_id, slug); migrations/0010: every address a company ever had
  tenants_slug: "tenants.group_id, tenants.slug",
  tenant_slugs: "tenant_slugs.group_id, tenant_slugs.slug",
  // migrations/0023: one removal per state of an account's second steps
  two_step_removals_seen: "two_step_removals.user_id, two_step_removals.seen",
} as const;

export type UniqueIndex = keyof typeof UNIQUE_INDEXES;

/** The codes the migrations' triggers abort with (RAISE(ABORT, code)). */
export type TriggerCode =
  | "stale_revision"
  | "publish_request_closed"
  | "the company does not belong to the group"
  // migrations/0010: an archived company, a status changed at the same moment, a published company
  | "company_archived"
  | "company_status_changed"
  | "company_published"
  // migrations/0012
  | "processor_in_use"
  | "last_group_admin";

/** The error's message and those of its causes: D1 may wrap SQLite's message. */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 4; depth++) {
    if (current instanceof Error) {
      parts.push(current.message);
      current = current.cause;
    } else {
      if (typeof current === "string") parts.push(current);
      current = undefined;
    }
  }
  return parts.join("\n");
}

/** Whether `error` is `index` refusing a duplicate. */
export function isUniqueViolation(error: unknown, index: UniqueIndex): boolean {
  const failed = `UNIQUE constraint failed: ${UNIQUE_INDEXES[index]}`;
  return describeError(error)
    .split("\n")
    .some((message) => {
      const at = message.indexOf(failed);
      if (at === -1) return false;
      // The whole column list, not a prefix of a longer one.
      const next = message.charAt(at + failed.length);
      return next === "" || next === ":" || next === " ";
    });
}

/** Whether `error` is a trigger aborting with `code`. */
export function isTriggerAbort(error: unknown, code: TriggerCode): boolean {
  return describeError(error).includes(code);
}
