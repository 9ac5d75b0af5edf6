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
/** A chunk's reads: its companies, an older baseline version now and then, the run afterwards. */
const QUERIES_PER_CHUNK_READ = 3;
/** Per company: its version, two packs, its renderings and its audit row. */
const WRITES_PER_COMPANY = 5;
/** The notifications: one claim, and with webhooks one read of the claimed and one write. */
const NOTIFICATION_QUERIES = 3;
/** The most a chunk can take (the run's progress and end are two more statements). */
const MOST_QUERIES_PER_CHUNK =
  QUERIES_PER_CHUNK_READ + ROLLOUT_CHUNK * (WRITES_PER_COMPANY + 1) + 2 + NOTIFICATION_QUERIES;

/** A running run that has not moved for this long is queued again by the cron. */
export const STALLED_MS = 5 * 60_000;

type ChunkResult = "continue" | "finished";

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
  let run = await findRolloutRun(env.DB, runId);
  report.d1Queries += 1;
  if (!run || run.status !== "running") return;
  const group = await findGroupBySlug(env.DB, run.groupSlug, env.PUBLIC_ORIGIN);
  const inputs = group && (await readRolloutInputs(env.DB, group));
  report.d1Queries += GROUP_READS;
  if (!group || !inputs) return;
  let collisions = 0;
  while (report.d1Queries + MOST_QUERIES_PER_CHUNK <= QUERY_BUDGET) {
    let result: { outcome: ChunkResult; queries: number; companies: number };
    try {
      result = await writeChunk(env, group, inputs, run, origin);
    } catch (error) {
      // Refused whole: another consumer wrote this chunk first (the run moved), or a company of the
      // chunk was published by someone else meanwhile (read the chunk again; it is no longer outdated).
      report.d1Queries += MOST_QUERIES_PER_CHUNK;
      const now = await findRolloutRun(env.DB, runId);
      report.d1Queries += 1;
      if (!now || now.status !== "running" || now.chunks !== run.chunks) return;
      if (++collisions > 3) throw error;
      continue;
    }
    report.d1Queries += result.queries;
    report.chunks += 1;
    report.companies += result.companies;
    if (result.outcome !== "continue") return;
    const next = await findRolloutRun(env.DB, runId);
    report.d1Queries += 1;
    if (!next || next.status !== "running") return;
    run = next;
  }
  await env.ROLLOUT.send({ runId });
}

/** Republishes the next chunk of the run and moves the run past it, in one transaction. */
async function writeChunk(
  env: Bindings,
  group: GroupRecord,
  inputs: RolloutInputs,
  run: RolloutRun,
  origin: string,
): Promise<{ outcome: ChunkResult; queries: number; companies: number }> {
  const db = env.DB;
  const now = new Date().toISOString();
  const baselinesKnown = inputs.baselines.size;
  const rows = await readLatestVersions(db, group, {
    withPublishedJson: false,
    after: run.after,
    limit: ROLLOUT_CHUNK,
  });
  if (rows.length === 0) {
    await db.batch([prepareFinishRolloutRun(db, run, { status: "done" }, now)]);
    return { outcome: "finished", queries: 2, companies: 0 };
  }
  const actor = run.startedBy;
  const options = { changeNote: run.changeNote ?? undefined, material: true };
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
  const last = rows.at(-1)!;
  const progress: ChunkProgress = {
    after: { position: last.position, slug: last.tenant.slug },
    published: prepared.length,
    upToDate,
    skipped: leftAlone.filter((o) => o.status === "skipped").length,
    failed: leftAlone.filter((o) => o.status === "failed").length,
  };
  const finished = rows.length < ROLLOUT_CHUNK;
  const runStatements = [
    ...leftAlone.map((o) => prepareInsertRolloutOutcome(db, run.id, o.tenantId, o)),
    prepareAdvanceRolloutRun(db, run, progress, now),
    ...(finished
      ? [prepareFinishRolloutRun(db, { id: run.id, chunks: run.chunks + 1 }, { status: "done" }, now)]
      : []),
  ];
  const versions = prepared.map((p) => p.version);
  await writePreparedVersions(db, versions, runStatements, "within the bound");
  await announceAllTo(
    env,
    group,
    origin,
    prepared.map((p) => ({ tenant: p.tenant, version: p.version.version })),
  );
  const written = versions.reduce((n, v) => n + v.statements.length + v.audit.length, runStatements.length);
  return {
    outcome: finished ? "finished" : "continue",
    // Its companies, and each older baseline version read for the first time (assessTenant).
    queries: 1 + (inputs.baselines.size - baselinesKnown) + written + NOTIFICATION_QUERIES,
    companies: rows.length,
  };
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
