// Rollout runs (migration 0019): republishing a group through the queue, a chunk at a time, with
// the run's progress written in the same transaction as each chunk's versions.
import type { CompanyCursor } from "./statements.ts";
import { bindCompaniesAfter } from "./company-order.ts";

export type RolloutRunStatus = "running" | "done" | "failed";

export interface RolloutRun {
  id: number;
  groupId: number;
  groupSlug: string;
  baselineVersion: number;
  startedBy: { id: number; email: string } | null;
  startedAt: string;
  changeNote: string | null;
  status: RolloutRunStatus;
  /** The last company done, in the group's order; null before the first chunk. */
  after: CompanyCursor | null;
  total: number;
  processed: number;
  published: number;
  upToDate: number;
  skipped: number;
  failed: number;
  chunks: number;
  updatedAt: string;
  finishedAt: string | null;
  error: string | null;
}

/** What one chunk adds to a run. */
export interface ChunkProgress {
  /** The last company of the chunk, in the group's order. */
  after: CompanyCursor;
  published: number;
  upToDate: number;
  skipped: number;
  failed: number;
}

export interface RolloutOutcome {
  tenant: { slug: string; name: string };
  status: "skipped" | "failed";
  reason: string;
}

interface RunRow {
  id: number;
  group_id: number;
  group_slug: string;
  baseline_number: number;
  started_by: number | null;
  started_by_email: string | null;
  started_at: string;
  change_note: string | null;
  status: string;
  after_position: number | null;
  after_slug: string | null;
  total: number;
  processed: number;
  published: number;
  up_to_date: number;
  skipped: number;
  failed: number;
  chunks: number;
  updated_at: string;
  finished_at: string | null;
  error: string | null;
}

const RUN_COLUMNS = `r.id, r.group_id, g.slug AS group_slug, b.number AS baseline_number, r.started_by,
  u.email AS started_by_email, r.started_at, r.change_note, r.status, r.after_position, r.after_slug, r.total,
  r.processed, r.published, r.up_to_date, r.skipped, r.failed, r.chunks, r.updated_at, r.finished_at, r.error
  FROM rollout_runs r JOIN groups g ON g.id = r.group_id JOIN baseline_versions b ON b.id = r.baseline_version_id
  LEFT JOIN users u ON u.id = r.started_by`;

const mapRun = (row: RunRow): RolloutRun => ({
  id: row.id,
  groupId: row.group_id,
  groupSlug: row.group_slug,
  baselineVersion: row.baseline_number,
  startedBy:
    row.started_by === null || row.started_by_email === null
      ? null
      : { id: row.started_by, email: row.started_by_email },
  startedAt: row.started_at,
  changeNote: row.change_note,
  // The table's CHECK allows these three only.
  status: row.status === "done" ? "done" : row.status === "failed" ? "failed" : "running",
  after:
    row.after_position === null || row.after_slug === null
      ? null
      : { position: row.after_position, slug: row.after_slug },
  total: row.total,
  processed: row.processed,
  published: row.published,
  upToDate: row.up_to_date,
  skipped: row.skipped,
  failed: row.failed,
  chunks: row.chunks,
  updatedAt: row.updated_at,
  finishedAt: row.finished_at,
  error: row.error,
});

export async function findRolloutRun(db: D1Database, id: number): Promise<RolloutRun | null> {
  const row = await db.prepare(`SELECT ${RUN_COLUMNS} WHERE r.id = ?1`).bind(id).first<RunRow>();
  return row ? mapRun(row) : null;
}

/** The group's newest run, running or not. */
export async function findLatestRolloutRun(db: D1Database, groupId: number): Promise<RolloutRun | null> {
  const row = await db
    .prepare(`SELECT ${RUN_COLUMNS} WHERE r.group_id = ?1 ORDER BY r.id DESC LIMIT 1`)
    .bind(groupId)
    .first<RunRow>();
  return row ? mapRun(row) : null;
}

/**
 * A new run over every active company of the group (refused while another run of the group is
 * running); archived companies are out of every rollout (issue 18).
 */
export function prepareInsertRolloutRun(
  db: D1Database,
  run: {
    groupId: number;
    baselineVersionId: number;
    startedBy: number | null;
    startedAt: string;
    changeNote: string | null;
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO rollout_runs (group_id, baseline_version_id, started_by, started_at, change_note, total, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, (SELECT COUNT(*) FROM tenants WHERE group_id = ?1 AND status = 'active'), ?4)
       RETURNING id`,
    )
    .bind(run.groupId, run.baselineVersionId, run.startedBy, run.startedAt, run.changeNote);
}

/**
 * The run after chunk number `chunk` (its chunks so far + 1): refused as a whole, with the rest of
 * its transaction, when another consumer already wrote that chunk (the trigger in 0019).
 */
export function prepareAdvanceRolloutRun(
  db: D1Database,
  run: { id: number; chunks: number },
  progress: ChunkProgress,
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE rollout_runs SET chunks = ?2, after_position = ?3, after_slug = ?4,
         processed = processed + ?5 + ?6 + ?7 + ?8, published = published + ?5, up_to_date = up_to_date + ?6,
         skipped = skipped + ?7, failed = failed + ?8, updated_at = ?9
       WHERE id = ?1`,
    )
    .bind(
      run.id,
      run.chunks + 1,
      progress.after.position,
      progress.after.slug,
      progress.published,
      progress.upToDate,
      progress.skipped,
      progress.failed,
      now,
    );
}

/** Ends a run: every company done, or stopped with `error`. */
export function prepareFinishRolloutRun(
  db: D1Database,
  run: { id: number; chunks: number },
  outcome: { status: "done" } | { status: "failed"; error: string },
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE rollout_runs SET chunks = ?2, status = ?3, error = ?4, finished_at = ?5, updated_at = ?5 WHERE id = ?1`,
    )
    .bind(run.id, run.chunks + 1, outcome.status, outcome.status === "failed" ? outcome.error : null, now);
}

export function prepareInsertRolloutOutcome(
  db: D1Database,
  runId: number,
  tenantId: number,
  outcome: { status: "skipped" | "failed"; reason: string },
): D1PreparedStatement {
  return db
    .prepare("INSERT INTO rollout_run_outcomes (run_id, tenant_id, status, reason) VALUES (?1, ?2, ?3, ?4)")
    .bind(runId, tenantId, outcome.status, outcome.reason.slice(0, 2000));
}

/** The companies the run left alone, in the group's order, a page at a time. */
export async function listRolloutOutcomes(
  db: D1Database,
  runId: number,
  page: { after: CompanyCursor | null; limit: number },
): Promise<(RolloutOutcome & { position: number })[]> {
  const { results } = await db
    .prepare(
      `SELECT t.slug, t.name, t.position, o.status, o.reason FROM rollout_run_outcomes o
       JOIN tenants t ON t.id = o.tenant_id
       WHERE o.run_id = ?1 AND (t.position, t.slug) > (?2, ?3)
       ORDER BY t.position, t.slug LIMIT ?4`,
    )
    .bind(runId, ...bindCompaniesAfter(page.after), page.limit)
    .all<{ slug: string; name: string; position: number; status: string; reason: string }>();
  return results.map((row) => ({
    tenant: { slug: row.slug, name: row.name },
    position: row.position,
    status: row.status === "failed" ? "failed" : "skipped",
    reason: row.reason,
  }));
}

/** Running runs that have not moved since `before`: their message was lost or ran out of retries. */
export async function listStalledRolloutRuns(db: D1Database, before: string): Promise<number[]> {
  const { results } = await db
    .prepare("SELECT id FROM rollout_runs WHERE status = 'running' AND updated_at < ?1 ORDER BY id")
    .bind(before)
    .all<{ id: number }>();
  return results.map((row) => row.id);
}
