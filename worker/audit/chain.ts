// Sealing and verifying the audit chains. A row is written unsealed with its change; sealing gives
// it the next position in its chain and an HMAC over its content, its position, the previous row's
// hash and the moment of sealing, under a key the database does not hold (./keys.ts).
import {
  GENESIS_HASH,
  isSealConflict,
  listSealedRows,
  prepareSealRow,
  readSealingWork,
  type AuditRow,
} from "../db/audit.ts";
import { signText } from "./keys.ts";

/** The hash of one sealed row: every stored field, in a fixed order, keyed. */
export function hashAuditRow(
  key: Uint8Array,
  row: AuditRow,
  seal: { seq: number; prevHash: string; sealedAt: string },
): string {
  return signText(
    key,
    JSON.stringify([
      "audit-row/v1",
      row.chain,
      seal.seq,
      seal.prevHash,
      row.id,
      row.groupId,
      row.tenantId,
      row.actorUserId,
      row.actor,
      row.action,
      row.target,
      row.summaryJson,
      row.createdAt,
      seal.sealedAt,
    ]),
  );
}

const SEAL_BATCH = 100;
const SEAL_ATTEMPTS = 12;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Seals the unsealed rows of one chain, oldest first. Several sealers may run at once (every write
 * starts one); the database lets exactly one of them extend the head at a time, and a sealer that
 * lost simply looks again. Returns how many rows it sealed itself.
 */
export async function sealChain(
  db: D1Database,
  key: Uint8Array,
  chain: string,
  now: () => Date = () => new Date(),
): Promise<number> {
  let sealed = 0;
  for (let attempt = 1; attempt <= SEAL_ATTEMPTS; attempt++) {
    const { head, unsealed } = await readSealingWork(db, chain, SEAL_BATCH);
    if (unsealed.length === 0) return sealed;
    const sealedAt = now().toISOString();
    let previous = head;
    const statements = unsealed.map((row) => {
      const seal = { seq: previous.seq + 1, prevHash: previous.hash, sealedAt };
      const hash = hashAuditRow(key, row, seal);
      previous = { seq: seal.seq, hash };
      return prepareSealRow(db, { id: row.id, ...seal, hash });
    });
    try {
      const results = await db.batch(statements);
      sealed += results.reduce((n, r) => n + (r.meta.changes ?? 0), 0);
      if (unsealed.length < SEAL_BATCH) return sealed;
    } catch (error) {
      if (!isSealConflict(error)) throw error;
      // Another sealer moved the head; look again after a moment, so the two do not collide again.
      await pause(Math.random() * 10 * attempt);
    }
  }
  return sealed;
}

/** What the checkpoint comparison needs of each row, by position. */
export type SealedPositions = Map<number, { id: number; hash: string; sealedAt: string }>;

export type ChainCheck =
  | { intact: true; rows: number; hashes: SealedPositions }
  | {
      intact: false;
      rows: number;
      firstBroken: { id: number; seq: number; reason: string };
    };

const PAGE = 500;

/**
 * Recomputes a chain from its first row: positions without gaps, each row linked to the previous
 * row's hash, each hash matching the row under the key. Names the first row that does not fit.
 * Keeps the rows' hashes by position, for the comparison with the checkpoints.
 */
export async function checkChain(db: D1Database, key: Uint8Array, chain: string): Promise<ChainCheck> {
  const bySeq: SealedPositions = new Map();
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  for (let after = 0; ;) {
    const page = await listSealedRows(db, chain, after, PAGE);
    if (page.length === 0) return { intact: true, rows: bySeq.size, hashes: bySeq };
    for (const row of page) {
      const broken = (reason: string): ChainCheck => ({
        intact: false,
        rows: bySeq.size,
        firstBroken: { id: row.id, seq: row.seq, reason },
      });
      if (row.seq !== expectedSeq) return broken(`row ${expectedSeq} is missing`);
      if (row.prevHash !== expectedPrev) return broken("does not follow the previous row's hash");
      if (hashAuditRow(key, row, row) !== row.hash) return broken("its content does not match its hash");
      bySeq.set(row.seq, { id: row.id, hash: row.hash, sealedAt: row.sealedAt });
      expectedPrev = row.hash;
      expectedSeq++;
      after = row.seq;
    }
  }
}
