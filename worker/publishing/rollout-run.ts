// Republishing a whole group through the queue (issue 20, item 4). A group of 10,000 companies does
// not fit in one request: a Worker invocation may make 1,000 D1 queries (Workers Paid; 50 on Free)
// and has 30 s of CPU by default (https://developers.cloudflare.com/d1/platform/limits/,
// https://developers.cloudflare.com/workers/platform/limits/), a queue consumer 15 minutes of wall
// time (https://developers.cloudflare.com/queues/platform/limits/). So a run goes a chunk at a time:
//
// - a chunk is CHUNK companies in the group's order after the run's cursor; its versions, their
//   renderings and audit rows, the companies it left alone and the run's new cursor and counters
//   are one transaction (db.batch), so a consumer that dies mid-chunk wrote nothing of it;
// - a message only says "continue run n": whoever takes it reads the cursor from the run, so a
//   message delivered twice, or retried after the chunk was written, never republishes a company
//   twice (a republished company is no longer outdated, and of two consumers writing the same chunk
//   the second one's write is refused whole by the run's forward-only trigger, migration 0019);
// - one invocation writes chunks until its query budget is spent, then queues the next message;
// - the cron queues again a running run that has not moved for STALLED_MS (a message that ran out
//   of retries, or a start whose message could not be queued).
import { buildAuditEntry } from "../audit-entry.ts";
import { runWithAudit } from "../db/audit.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { findGroupBySlug, type GroupRecord, type TenantRecord } from "../db/groups.ts";
import {
  findLatestRolloutRun,
  findRolloutRun,
  prepareInsertRolloutRun,
  listStalledRolloutRuns,
  prepareAdvanceRolloutRun,
  prepareFinishRolloutRun,
  prepareInsertRolloutOutcome,
  type ChunkProgress,
  type RolloutRun,
} from "../db/rollout-runs.ts";
import type { VersionSummary } from "../db/statements.ts";
import type { Bindings } from "../env.ts";
import { AppError } from "../errors.ts";
import {
  assessTenant,
  readLatestVersions,
  readRolloutInputs,
  type Assessment,
  type RolloutInputs,
} from "../rollout.ts";
import { announceAllTo } from "./announce.ts";
import { baselineNotPublished, type Actor } from "./inputs.ts";
import { prepareCompanyVersion, writePreparedVersions, type PreparedVersion } from "./company.ts";
import { buildRepublication, findSkipReason, type Ready } from "./republish.ts";
import type { RolloutMessage } from "./rollout-message.ts";

export type { RolloutMessage } from "./rollout-message.ts";

/** Companies per transaction: about 5 statements each (version, 2 packs, renderings, audit row). */
export const ROLLOUT_CHUNK = 25;

/**
 * D1 queries one invocation may use, of the 1,000 a Workers Paid invocation may make. Counted
 * conservatively: every statement of a batch as a query, and two per published company for its
 * webhook notifications.
 */
const QUERY_BUDGET = 800;
/** The run, the group (with its companies) and the baseline and processor register. */
const GROUP_READS = 4;
/** A chunk's reads: its companies, and an older baseline version now and then. */
const QUERIES_PER_CHUNK_READ = 2;
/** Per company: its version, two packs, its renderings and its audit row. */
const WRITES_PER_COMPANY = 5;
/** The notifications: one claim, and with webhooks one read of the claimed and one write. */
const NOTIFICATION_QUERIES = 3;
/** The most a chunk can take (the run's progress and end are two more statements). */
const MOST_QUERIES_PER_CHUNK =
  QUERIES_PER_CHUNK_READ + ROLLOUT_CHUNK * (WRITES_PER_COMPANY + 1) + 2 + NOTIFICATION_QUERIES;

/** A running run that has not moved for this long is queued again by the cron. */
export const STALLED_MS = 5 * 60_000;

/**
 * Starts republishing every outdated company of the group onto its latest baseline; answers the
 * new run, queued. While a run of the group is running, a second one is refused (409).
 */
export async function startRolloutRun(
  env: Pick<Bindings, "DB" | "ROLLOUT">,
  group: GroupRecord,
  actor: Actor,
  changeNote: string | null,
): Promise<RolloutRun> {
  const inputs = await readRolloutInputs(env.DB, group);
  if (!inputs) throw baselineNotPublished(group);
  const now = new Date().toISOString();
  try {
    await runWithAudit(
      env.DB,
      [
        prepareInsertRolloutRun(env.DB, {
          groupId: group.id,
          baselineVersionId: inputs.latest.id,
          startedBy: actor.id,
          startedAt: now,
          changeNote,
        }),
      ],
      [
        buildAuditEntry({
          groupId: group.id,
          actor,
          action: "rollout.started",
          target: "baseline",
          summary: { baselineVersion: inputs.latest.number, ...(changeNote ? { changeNote } : {}) },
          at: now,
        }),
      ],
    );
  } catch (error) {
    if (!isUniqueViolation(error, "rollout_runs_one_running")) throw error;
    const running = await findLatestRolloutRun(env.DB, group.id);
    throw new AppError(
      409,
      "rollout_running",
      `${group.group.name} is already being republished (${running?.processed ?? 0} of ${running?.total ?? 0} companies done); wait for that run to finish.`,
    );
  }
  // The group's one running run: the one just written.
  const run = (await findLatestRolloutRun(env.DB, group.id))!;
  // If this fails, the run is written all the same and the cron queues it (queueStalledRolloutRuns).
  await env.ROLLOUT.send({ runId: run.id }).catch((error: unknown) =>
    console.error("could not queue a rollout run; the cron will", { runId: run.id, error: String(error) }),
  );
  return run;
}

/** What one invocation of the consumer did: logged as one line (Workers Logs; the bench reads it). */
export interface InvocationReport {
  event: "rollout.invocation";
  runId: number;
  chunks: number;
  companies: number;
  /** D1 queries sent, every statement of a batch counted as one: stays within QUERY_BUDGET. */
  d1Queries: number;
  /** Wall time from the message to the last write; CPU time is part of it. */
  wallMs: number;
}

/** Continues run `runId` from its cursor until it is finished or this invocation's budget is spent. */
export async function continueRolloutRun(env: Bindings, runId: number, origin: string): Promise<void> {
  const started = Date.now();
  const report: InvocationReport = {
    event: "rollout.invocation",
    runId,
    chunks: 0,
    companies: 0,
    d1Queries: 0,
    wallMs: 0,
  };
  try {
    await continueWithin(env, runId, origin, report);
  } finally {
    // Date.now() in a Worker moves with I/O only: this is the time until the last D1 answer.
    report.wallMs = Date.now() - started;
    console.log(JSON.stringify(report));
  }
}

async function continueWithin(
  env: Bindings,
  runId: number,
  origin: string,
  report: InvocationReport,
): Promise<void> {
  const run = await findRolloutRun(env.DB, runId);
  report.d1Queries += 1;
  if (!run || run.status !== "running") return;
  const group = await findGroupBySlug(env.DB, run.groupSlug, env.PUBLIC_ORIGIN);
  const inputs = group && (await readRolloutInputs(env.DB, group));
  report.d1Queries += GROUP_READS;
  if (!group || !inputs) return;
  // The chunks go as a pipeline: while one chunk's transaction is on its way to D1, the next one
  // is read and prepared from where that one ends. Preparing is the Worker's CPU, writing is D1's,
  // so a chunk costs the longer of the two instead of both.
  let position: RunPosition = run;
  let writing: ChunkWrite | null = null;
  let collisions = 0;
  while (report.d1Queries + MOST_QUERIES_PER_CHUNK <= QUERY_BUDGET) {
    const plan = await planChunk(env, group, inputs, position);
    report.d1Queries += plan.queries;
    if (writing) {
      const failure = await writing.done;
      if (failure) {
        // The chunk just prepared starts where the refused one would have ended: it is dropped too.
        const next = await afterCollision(env, runId, writing.plan, failure, ++collisions, report);
        if (!next) return;
        position = next;
        writing = null;
        continue;
      }
      account(report, writing.plan);
    }
    writing = { plan, done: commitChunk(env, group, origin, plan) };
    position = plan.next;
    if (plan.finished) break;
  }
  if (writing) {
    const failure = await writing.done;
    if (failure) {
      // The next invocation continues from the run's cursor, whoever moved it.
      if (!(await afterCollision(env, runId, writing.plan, failure, ++collisions, report))) return;
    } else {
      account(report, writing.plan);
      if (writing.plan.finished) return;
    }
  }
  await env.ROLLOUT.send({ runId });
}

/** Where the run stands, as far as its next chunk needs it. */
type RunPosition = Pick<RolloutRun, "id" | "chunks" | "after" | "startedBy" | "changeNote">;

/** A chunk read and prepared: the transaction that republishes it and moves the run past it. */
interface ChunkPlan {
  /** The run as it stands before this chunk (its forward-only trigger refuses any other). */
  position: RunPosition;
  /** The run after this chunk, where the next one starts. */
  next: RunPosition;
  finished: boolean;
  companies: number;
  versions: PreparedVersion[];
  published: { tenant: TenantRecord; version: VersionSummary }[];
  runStatements: D1PreparedStatement[];
  /** Its reads, and the writes and notifications it will make, as QUERY_BUDGET counts them. */
  queries: number;
}

/** A chunk's transaction on its way; settles with what went wrong, or null when it was written. */
interface ChunkWrite {
  plan: ChunkPlan;
  done: Promise<unknown>;
}

const account = (report: InvocationReport, plan: ChunkPlan): void => {
  report.chunks += 1;
  report.companies += plan.companies;
};

/**
 * A chunk's transaction was refused whole: another consumer wrote it first (the run moved), or a
 * company of it was published by someone else meanwhile (read again, it is no longer outdated).
 * Answers where to go on from, or null when this invocation should stop.
 */
async function afterCollision(
  env: Bindings,
  runId: number,
  plan: ChunkPlan,
  failure: unknown,
  collisions: number,
  report: InvocationReport,
): Promise<RolloutRun | null> {
  const now = await findRolloutRun(env.DB, runId);
  report.d1Queries += 1;
  if (!now || now.status !== "running" || now.chunks !== plan.position.chunks) return null;
  if (collisions > 3) throw failure;
  return now;
}

/** Reads the companies after `position` and prepares their republication, writing nothing. */
async function planChunk(
  env: Bindings,
  group: GroupRecord,
  inputs: RolloutInputs,
  position: RunPosition,
): Promise<ChunkPlan> {
  const db = env.DB;
  const now = new Date().toISOString();
  const baselinesKnown = inputs.baselines.size;
  const rows = await readLatestVersions(db, group, {
    withPublishedJson: false,
    after: position.after,
    limit: ROLLOUT_CHUNK,
  });
  const actor = position.startedBy;
  const options = { changeNote: position.changeNote ?? undefined, material: true };
  const prepared: { tenant: TenantRecord; version: PreparedVersion }[] = [];
  const leftAlone: { tenantId: number; status: "skipped" | "failed"; reason: string }[] = [];
  let upToDate = 0;
  for (const row of rows) {
    const assessment: Assessment = await assessTenant(db, group, inputs, row);
    const { status, pending } = assessment;
    if (!status.outdated || !pending) {
      upToDate++;
      continue;
    }
    const skip = findSkipReason(status);
    if (skip !== null) {
      leftAlone.push({ tenantId: status.tenant.id, status: "skipped", reason: skip });
      continue;
    }
    try {
      const republication = buildRepublication(
        group,
        inputs.latest,
        { status, pending } satisfies Ready,
        actor,
        options,
        now,
      );
      prepared.push({
        tenant: status.tenant,
        version: await prepareCompanyVersion(
          db,
          { group, baseline: inputs.latest },
          republication.publication,
          republication.options,
        ),
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      leftAlone.push({ tenantId: status.tenant.id, status: "failed", reason: error.message });
    }
  }
  const finished = rows.length < ROLLOUT_CHUNK;
  const last = rows.at(-1);
  const progress: ChunkProgress | null = last
    ? {
        after: { position: last.position, slug: last.tenant.slug },
        published: prepared.length,
        upToDate,
        skipped: leftAlone.filter((o) => o.status === "skipped").length,
        failed: leftAlone.filter((o) => o.status === "failed").length,
      }
    : null;
  const advanced = progress ? { ...position, chunks: position.chunks + 1, after: progress.after } : position;
  const runStatements = [
    ...leftAlone.map((o) => prepareInsertRolloutOutcome(db, position.id, o.tenantId, o)),
    ...(progress ? [prepareAdvanceRolloutRun(db, position, progress, now)] : []),
    ...(finished ? [prepareFinishRolloutRun(db, advanced, { status: "done" }, now)] : []),
  ];
  const versions = prepared.map((p) => p.version);
  const written = versions.reduce((n, v) => n + v.statements.length + v.audit.length, runStatements.length);
  return {
    position,
    next: advanced,
    finished,
    companies: rows.length,
    versions,
    published: prepared.map((p) => ({ tenant: p.tenant, version: p.version.version })),
    runStatements,
    // Its companies, each older baseline version read for the first time (assessTenant), its
    // transaction, and the notifications.
    queries:
      1 +
      (inputs.baselines.size - baselinesKnown) +
      written +
      (versions.length > 0 ? NOTIFICATION_QUERIES : 0),
  };
}

/** Writes a planned chunk in one transaction and announces its versions; settles, never rejects. */
async function commitChunk(
  env: Bindings,
  group: GroupRecord,
  origin: string,
  plan: ChunkPlan,
): Promise<unknown> {
  try {
    await writePreparedVersions(env.DB, plan.versions, plan.runStatements, "within the bound");
    if (plan.published.length > 0) await announceAllTo(env, group, origin, plan.published);
    return null;
  } catch (error) {
    return error ?? new Error("a rollout chunk could not be written");
  }
}

/** Queues every running run that has not moved for STALLED_MS again (the cron). */
export async function queueStalledRolloutRuns(
  env: Pick<Bindings, "DB" | "ROLLOUT">,
  now: Date,
): Promise<void> {
  const stalled = await listStalledRolloutRuns(env.DB, new Date(now.getTime() - STALLED_MS).toISOString());
  if (stalled.length > 0) await env.ROLLOUT.sendBatch(stalled.map((runId) => ({ body: { runId } })));
}

/** Deliveries of one message before its run is given up as failed (wrangler.toml max_retries + 1). */
const ROLLOUT_MAX_ATTEMPTS = 11;

/** The rollout queue's consumer: continue each run; a run whose message keeps failing is ended as failed. */
export async function consumeRolloutBatch(batch: MessageBatch<RolloutMessage>, env: Bindings): Promise<void> {
  for (const message of batch.messages) {
    try {
      await continueRolloutRun(env, message.body.runId, env.PUBLIC_ORIGIN);
      message.ack();
    } catch (error) {
      console.error("a rollout chunk failed", { runId: message.body.runId, error: String(error) });
      if (message.attempts < ROLLOUT_MAX_ATTEMPTS) {
        message.retry({ delaySeconds: Math.min(2 ** message.attempts, 60) });
        continue;
      }
      const run = await findRolloutRun(env.DB, message.body.runId);
      if (run?.status === "running") {
        await env.DB.batch([
          prepareFinishRolloutRun(
            env.DB,
            run,
            { status: "failed", error: String(error) },
            new Date().toISOString(),
          ),
        ]);
      }
      message.ack();
    }
  }
}
