// The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained per group.
// Entries are written in the same batch as the change they describe, so neither exists alone.
import { sha256Hex } from "#shared/engine.ts";

export interface AuditEntry {
  groupId: number | null;
  tenantId: number | null;
  actorUserId: number | null;
  /** The actor's e-mail address at the time, or "system". */
  actor: string;
  action: string;
  target: string;
  /** What changed, in a few fields; never a secret. */
  summary: Record<string, unknown>;
  at: string;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  seq: number;
  prevHash: string;
  hash: string;
}

const GENESIS = "0".repeat(64);

/** The hash of one row: its fields and the previous row's hash, in a fixed order. */
export function hashAuditRow(prevHash: string, seq: number, entry: AuditEntry): string {
  return sha256Hex(
    JSON.stringify([
      prevHash,
      seq,
      entry.groupId,
      entry.tenantId,
      entry.actorUserId,
      entry.actor,
      entry.action,
      entry.target,
      JSON.stringify(entry.summary),
      entry.at,
    ]),
  );
}

interface ChainHead {
  seq: number;
  hash: string;
}

async function readChainHead(db: D1Database, groupId: number | null): Promise<ChainHead> {
  const row = await db
    .prepare(
      "SELECT seq, hash FROM audit_log WHERE coalesce(group_id, 0) = coalesce(?1, 0) ORDER BY seq DESC LIMIT 1",
    )
    .bind(groupId)
    .first<ChainHead>();
  return row ?? { seq: 0, hash: GENESIS };
}

async function prepareAuditInserts(db: D1Database, entries: AuditEntry[]): Promise<D1PreparedStatement[]> {
  const heads = new Map<number | null, ChainHead>();
  const statements: D1PreparedStatement[] = [];
  for (const entry of entries) {
    const head = heads.get(entry.groupId) ?? (await readChainHead(db, entry.groupId));
    const seq = head.seq + 1;
    const hash = hashAuditRow(head.hash, seq, entry);
    heads.set(entry.groupId, { seq, hash });
    statements.push(
      db
        .prepare(
          `INSERT INTO audit_log (group_id, seq, tenant_id, actor_user_id, actor, action, target, summary, created_at, prev_hash, hash)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`,
        )
        .bind(
          entry.groupId,
          seq,
          entry.tenantId,
          entry.actorUserId,
          entry.actor,
          entry.action,
          entry.target,
          JSON.stringify(entry.summary),
          entry.at,
          head.hash,
          hash,
        ),
    );
  }
  return statements;
}

/**
 * Runs `statements` and appends `entries` to the audit log in one transaction. Two writers that
 * read the same chain head collide on (group, seq); the loser's whole batch rolls back and is
 * retried on the new head, so the chain never forks and no change goes unlogged.
 */
export async function runWithAudit(
  db: D1Database,
  statements: D1PreparedStatement[],
  entries: AuditEntry[],
): Promise<D1Result[]> {
  for (let attempt = 1; ; attempt++) {
    const audit = await prepareAuditInserts(db, entries);
    try {
      const results = await db.batch([...statements, ...audit]);
      return results.slice(0, statements.length);
    } catch (error) {
      if (attempt >= 5 || !String(error).includes("audit_log")) throw error;
    }
  }
}

export async function appendAudit(db: D1Database, entries: AuditEntry[]): Promise<void> {
  await runWithAudit(db, [], entries);
}

interface AuditRow {
  id: number;
  group_id: number | null;
  seq: number;
  tenant_id: number | null;
  actor_user_id: number | null;
  actor: string;
  action: string;
  target: string;
  summary: string;
  created_at: string;
  prev_hash: string;
  hash: string;
}

const mapAuditRow = (row: AuditRow): AuditRecord => ({
  id: row.id,
  groupId: row.group_id,
  seq: row.seq,
  tenantId: row.tenant_id,
  actorUserId: row.actor_user_id,
  actor: row.actor,
  action: row.action,
  target: row.target,
  summary: JSON.parse(row.summary) as Record<string, unknown>,
  at: row.created_at,
  prevHash: row.prev_hash,
  hash: row.hash,
});

export interface AuditQuery {
  groupId: number;
  /** Only this company's rows (editors); undefined for all of the group's. */
  tenantId?: number;
  action?: string;
  actor?: string;
  /** Rows with seq below this (paging backwards from the newest). */
  beforeSeq?: number;
  limit: number;
}

export async function listAuditRecords(db: D1Database, query: AuditQuery): Promise<AuditRecord[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM audit_log
       WHERE group_id = ?1 AND (?2 IS NULL OR tenant_id = ?2) AND (?3 IS NULL OR action = ?3)
         AND (?4 IS NULL OR actor = ?4) AND (?5 IS NULL OR seq < ?5)
       ORDER BY seq DESC LIMIT ?6`,
    )
    .bind(
      query.groupId,
      query.tenantId ?? null,
      query.action ?? null,
      query.actor ?? null,
      query.beforeSeq ?? null,
      query.limit,
    )
    .all<AuditRow>();
  return results.map(mapAuditRow);
}

export type ChainVerification =
  | { intact: true; rows: number }
  | { intact: false; rows: number; firstBroken: { id: number; seq: number; reason: string } };

/** Recomputes a group's chain from the start and names the first row that does not fit. */
export async function verifyAuditChain(db: D1Database, groupId: number): Promise<ChainVerification> {
  let expectedPrev = GENESIS;
  let expectedSeq = 1;
  let rows = 0;
  for (let after = 0; ;) {
    const { results } = await db
      .prepare("SELECT * FROM audit_log WHERE group_id = ?1 AND seq > ?2 ORDER BY seq LIMIT 500")
      .bind(groupId, after)
      .all<AuditRow>();
    if (results.length === 0) return { intact: true, rows };
    for (const row of results) {
      const record = mapAuditRow(row);
      const broken = (reason: string): ChainVerification => ({
        intact: false,
        rows,
        firstBroken: { id: record.id, seq: record.seq, reason },
      });
      if (record.seq !== expectedSeq) return broken(`row ${expectedSeq} is missing`);
      if (record.prevHash !== expectedPrev) return broken("does not follow the previous row's hash");
      if (hashAuditRow(record.prevHash, record.seq, record) !== record.hash)
        return broken("its content does not match its hash");
      expectedPrev = record.hash;
      expectedSeq++;
      rows++;
      after = record.seq;
    }
  }
}
