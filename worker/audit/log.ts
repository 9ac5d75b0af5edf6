// The audit log as the rest of the worker uses it: seal what is waiting, checkpoint the chains,
// and verify a chain against its key and its checkpoints.
//
// When things happen: every request that may have written audit rows starts a seal after its
// answer (worker/index.ts, waitUntil); every read or verification of a log seals its chain first;
// the Cron Trigger seals everything and checkpoints every chain whose head moved.
import { findSealedHead, listChainsWithUnsealedRows, listSealedHeads, type SealedHead } from "../db/audit.ts";
import type { Bindings } from "../env.ts";
import { checkChain, sealChain } from "./chain.ts";
import {
  findNewestCheckpoint,
  listCheckpoints,
  signCheckpoint,
  storeCheckpoint,
  type ListedCheckpoint,
} from "./checkpoints.ts";
import { readAuditKeys, requireAuditKeys, type AuditKeys } from "./keys.ts";

type AuditEnv = Pick<Bindings, "DB" | "AUDIT_CHECKPOINTS" | "AUDIT_KEY">;

/** After a write, a chain is checkpointed again once its newest checkpoint is this old. */
export const CHECKPOINT_AFTER_WRITE_MS = 5 * 60 * 1000;

/**
 * Checkpoints every given head that moved past its newest checkpoint (and is old enough). A
 * checkpoint is dated when it is made, after the rows it covers were sealed: verification relies
 * on no row it covers having been sealed later.
 */
async function checkpointHeads(
  env: AuditEnv,
  keys: AuditKeys,
  heads: SealedHead[],
  minAgeMs: number,
): Promise<number> {
  let written = 0;
  for (const head of heads) {
    // Most writes come soon after this isolate last looked: then R2 need not be asked at all.
    const seen = newestCheckpointSeen.get(head.chain);
    if (seen !== undefined && Date.now() - seen < minAgeMs) continue;
    const newest = await findNewestCheckpoint(env.AUDIT_CHECKPOINTS, keys, head.chain);
    const now = new Date();
    if (newest) newestCheckpointSeen.set(head.chain, Date.parse(newest.at));
    if (newest && newest.seq >= head.seq) continue;
    if (newest && now.getTime() - Date.parse(newest.at) < minAgeMs) continue;
    await storeCheckpoint(env.AUDIT_CHECKPOINTS, signCheckpoint(keys, head, now.toISOString()));
    newestCheckpointSeen.set(head.chain, now.getTime());
    written++;
  }
  return written;
}

/**
 * When this isolate last saw each chain's newest checkpoint made. Only a shortcut for the
 * after-write checkpoints: another isolate's newer checkpoint at worst costs one extra look, and
 * the cron (minimum age 0) always asks R2.
 */
const newestCheckpointSeen = new Map<string, number>();

export interface SealReport {
  sealed: number;
  checkpoints: number;
}

/**
 * Seals every chain with rows waiting. `checkpoint: "due"` (after a write) checkpoints those chains
 * when their newest checkpoint is older than CHECKPOINT_AFTER_WRITE_MS; `"moved"` (the cron)
 * checkpoints every chain whose head moved at all. Without AUDIT_KEY nothing is sealed (logged).
 */
export async function sealAuditLog(
  env: AuditEnv,
  options: { checkpoint: "due" | "moved" },
): Promise<SealReport> {
  const keys = readAuditKeys(env);
  if (!keys) {
    console.error("audit log not sealed: the AUDIT_KEY secret is not set");
    return { sealed: 0, checkpoints: 0 };
  }
  const chains = await listChainsWithUnsealedRows(env.DB);
  let sealed = 0;
  for (const chain of chains) sealed += await sealChain(env.DB, keys.chain, chain);
  const heads =
    options.checkpoint === "moved"
      ? await listSealedHeads(env.DB)
      : (await Promise.all(chains.map((chain) => findSealedHead(env.DB, chain)))).filter(
          (head): head is SealedHead => head !== null,
        );
  const minAge = options.checkpoint === "moved" ? 0 : CHECKPOINT_AFTER_WRITE_MS;
  return { sealed, checkpoints: await checkpointHeads(env, keys, heads, minAge) };
}

/** Seals one chain (a read must not miss rows written a moment ago). Throws 503 without a key. */
export async function sealBeforeReading(env: AuditEnv, chain: string): Promise<void> {
  await sealChain(env.DB, requireAuditKeys(env).chain, chain);
}

export type ChainVerification =
  | { intact: true; rows: number }
  | {
      intact: false;
      rows: number;
      /** The first row that does not fit; `id` is null for a row that is gone. */
      firstBroken: { id: number | null; seq: number; reason: string };
    };

/**
 * Verifies a chain: first under the key (a changed, removed or inserted row breaks it), then
 * against every checkpoint (a chain rewritten and sealed again, or cut short, no longer matches
 * what a checkpoint saw). Names the first row that does not fit.
 */
export async function verifyAuditChain(env: AuditEnv, chain: string): Promise<ChainVerification> {
  const keys = requireAuditKeys(env);
  await sealChain(env.DB, keys.chain, chain);
  const check = await checkChain(env.DB, keys.chain, chain);
  if (!check.intact) return check;
  const checkpoints = (await listCheckpoints(env.AUDIT_CHECKPOINTS, keys, chain)).sort(
    (a, b) => a.seq - b.seq,
  );
  const rows = check.hashes.size;
  for (const checkpoint of checkpoints) {
    const broken = compareWithCheckpoint(check.hashes, checkpoint);
    if (broken) return { intact: false, rows: broken.seq - 1, firstBroken: broken };
  }
  return { intact: true, rows };
}

function compareWithCheckpoint(
  rows: Map<number, { id: number; hash: string; sealedAt: string }>,
  checkpoint: ListedCheckpoint,
): { id: number | null; seq: number; reason: string } | null {
  const when = checkpoint.at;
  if (!checkpoint.signed) {
    return {
      id: null,
      seq: Math.max(1, checkpoint.seq),
      reason: `a checkpoint dated ${when} is not signed with this deployment's key, so the log cannot be proven`,
    };
  }
  const atCheckpoint = rows.get(checkpoint.seq);
  if (!atCheckpoint) {
    const first = rows.size + 1;
    return {
      id: null,
      seq: first,
      reason: `rows ${first} to ${checkpoint.seq} were removed: a checkpoint of ${when} saw the chain up to row ${checkpoint.seq}`,
    };
  }
  if (atCheckpoint.hash === checkpoint.hash) return null;
  // A legitimate row was sealed before any checkpoint that covers it; a rewritten one was sealed
  // again afterwards (the seal time is under the key, so it cannot be backdated).
  for (let seq = 1; seq <= checkpoint.seq; seq++) {
    const row = rows.get(seq)!;
    if (row.sealedAt > checkpoint.at) {
      return {
        id: row.id,
        seq,
        reason: `the chain was rewritten: this row was sealed at ${row.sealedAt}, after a checkpoint of ${when} that already covered row ${checkpoint.seq}`,
      };
    }
  }
  return {
    id: atCheckpoint.id,
    seq: checkpoint.seq,
    reason: `the chain was rewritten: a checkpoint of ${when} recorded another hash for row ${checkpoint.seq}`,
  };
}
