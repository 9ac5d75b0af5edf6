// The audit log: append-only, written unsealed in the same batch as the change it describes, and
// sealed into hash chains afterwards (migrations/0008; worker/audit/chain.ts seals and verifies).
// Writers never read or contend for the head of a chain, so parallel changes in one group never
// collide on it (issue 13, item 4).
import { AppError } from "../errors.ts";

/** A group's two logs: what changed, and who signed in (strangers' attempts included). */
export type AuditLogName = "changes" | "sign-ins";

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
  /** Which of the group's logs; "changes" unless said otherwise. */
  log?: AuditLogName;
}

/** A row as stored; seq, hashes and sealedAt are null until the sealer has chained it. */
export interface AuditRow {
  id: number;
  chain: string;
  groupId: number | null;
  tenantId: number | null;
  actorUserId: number | null;
  actor: string;
  action: string;
  target: string;
  /** The summary exactly as stored: the chain hashes these bytes. */
  summaryJson: string;
  createdAt: string;
  seq: number | null;
  prevHash: string | null;
  hash: string | null;
  sealedAt: string | null;
}

export interface SealedAuditRow extends AuditRow {
  seq: number;
  prevHash: string;
  hash: string;
  sealedAt: string;
}

export const GENESIS_HASH = "0".repeat(64);

/** The chain a row belongs to: the group's changes, the group's sign-ins, or group-less sign-ins. */
export function chainOf(groupId: number | null, log: AuditLogName = "changes"): string {
  if (groupId === null) return "sign-ins";
  return log === "sign-ins" ? `sign-ins:${groupId}` : `group:${groupId}`;
}

export function prepareAuditInsert(db: D1Database, entry: AuditEntry): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (chain, group_id, tenant_id, actor_user_id, actor, action, target, summary, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
    )
    .bind(
      chainOf(entry.groupId, entry.log),
      entry.groupId,
      entry.tenantId,
      entry.actorUserId,
      entry.actor,
      entry.action,
      entry.target,
      JSON.stringify(entry.summary),
      entry.at,
    );
}

/**
 * D1's transient failures, as its documentation lists them for retrying writes, and its answer
 * when a database has more queued than it can take. None of them is the caller's fault.
 */
const TRANSIENT_D1_ERRORS = [
  "Network connection lost",
  "storage caused object to be reset",
  "reset because its code was updated",
  "overloaded",
  "Too many requests queued",
  "queued for too long",
];

export const isTransientD1Error = (error: unknown): boolean =>
  TRANSIENT_D1_ERRORS.some((text) => String(error).includes(text));

/** How long a client should wait after a 503 before trying again, in seconds. */
export const OVERLOAD_RETRY_AFTER_SECONDS = 5;

export const overloaded = (): AppError =>
  new AppError(
    503,
    "overloaded",
    "The database is too busy right now. Reload in a few seconds to see whether your change was saved before trying again.",
    undefined,
    { "Retry-After": String(OVERLOAD_RETRY_AFTER_SECONDS) },
  );

/**
 * Runs `statements` and appends `entries` to the audit log in one transaction, so neither exists
 * without the other. When D1 is overloaded or loses the connection, the answer is 503 with
 * Retry-After, never 500. It is not retried here: a lost connection may come after the commit,
 * and a second run of a publish would be a second version.
 */
export async function runWithAudit(
  db: D1Database,
  statements: D1PreparedStatement[],
  entries: AuditEntry[],
): Promise<D1Result[]> {
  const audit = entries.map((entry) => prepareAuditInsert(db, entry));
  try {
    const results = await db.batch([...statements, ...audit]);
    return results.slice(0, statements.length);
  } catch (error) {
    if (isTransientD1Error(error)) throw overloaded();
    throw error;
  }
}

export async function appendAudit(db: D1Database, entries: AuditEntry[]): Promise<void> {
  await runWithAudit(db, [], entries);
}

interface AuditDbRow {
  id: number;
  chain: string;
  group_id: number | null;
  tenant_id: number | null;
  actor_user_id: number | null;
  actor: string;
  action: string;
  target: string;
  summary: string;
  created_at: string;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
  sealed_at: string | null;
}

const mapAuditRow = (row: AuditDbRow): AuditRow => ({
  id: row.id,
  chain: row.chain,
  groupId: row.group_id,
  tenantId: row.tenant_id,
  actorUserId: row.actor_user_id,
  actor: row.actor,
  action: row.action,
  target: row.target,
  summaryJson: row.summary,
  createdAt: row.created_at,
  seq: row.seq,
  prevHash: row.prev_hash,
  hash: row.hash,
  sealedAt: row.sealed_at,
});

const AUDIT_COLUMNS = `id, chain, group_id, tenant_id, actor_user_id, actor, action, target, summary, created_at,
  seq, prev_hash, hash, sealed_at`;

/** The chains that have rows waiting to be sealed. */
export async function listChainsWithUnsealedRows(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT DISTINCT chain FROM audit_log WHERE seq IS NULL")
    .all<{ chain: string }>();
  return results.map((r) => r.chain);
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/** The head of a chain and its oldest unsealed rows, read in one transaction. */
export async function readSealingWork(
  db: D1Database,
  chain: string,
  limit: number,
): Promise<{ head: ChainHead; unsealed: AuditRow[] }> {
  const [head, unsealed] = await db.batch([
    db
      .prepare(
        "SELECT seq, hash FROM audit_log WHERE chain = ?1 AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1",
      )
      .bind(chain),
    db
      .prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE chain = ?1 AND seq IS NULL ORDER BY id LIMIT ?2`)
      .bind(chain, limit),
  ]);
  return {
    head: (head!.results[0] as ChainHead | undefined) ?? { seq: 0, hash: GENESIS_HASH },
    unsealed: (unsealed!.results as AuditDbRow[]).map(mapAuditRow),
  };
}

/**
 * Seals one row. The trigger audit_log_no_update refuses it unless the row is the oldest unsealed
 * row of its chain, `seq` follows the chain's head and `prevHash` is the head's hash; a row some
 * other sealer got to first matches nothing.
 */
export function prepareSealRow(
  db: D1Database,
  seal: { id: number; seq: number; prevHash: string; hash: string; sealedAt: string },
): D1PreparedStatement {
  return db
    .prepare(
      "UPDATE audit_log SET seq = ?2, prev_hash = ?3, hash = ?4, sealed_at = ?5 WHERE id = ?1 AND seq IS NULL",
    )
    .bind(seal.id, seal.seq, seal.prevHash, seal.hash, seal.sealedAt);
}

/** A sealer lost the race for the head to another one: nothing was written, it may look again. */
export const isSealConflict = (error: unknown): boolean =>
  /append-only|audit_log_chain_seq|UNIQUE constraint failed: audit_log/.test(String(error));

/** Sealed rows of a chain in order, after `afterSeq`. */
export async function listSealedRows(
  db: D1Database,
  chain: string,
  afterSeq: number,
  limit: number,
): Promise<SealedAuditRow[]> {
  const { results } = await db
    .prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE chain = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3`)
    .bind(chain, afterSeq, limit)
    .all<AuditDbRow>();
  return results.map(mapAuditRow) as SealedAuditRow[];
}

export interface SealedHead {
  chain: string;
  seq: number;
  hash: string;
  id: number;
  sealedAt: string;
}

type HeadRow = { chain: string; seq: number; hash: string; id: number; sealed_at: string };
const mapHead = (r: HeadRow): SealedHead => ({
  chain: r.chain,
  seq: r.seq,
  hash: r.hash,
  id: r.id,
  sealedAt: r.sealed_at,
});

/** The sealed head of one chain, or null before its first row is sealed. */
export async function findSealedHead(db: D1Database, chain: string): Promise<SealedHead | null> {
  const row = await db
    .prepare(
      "SELECT chain, seq, hash, id, sealed_at FROM audit_log WHERE chain = ?1 AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1",
    )
    .bind(chain)
    .first<HeadRow>();
  return row ? mapHead(row) : null;
}

/** The sealed head of every chain, for the cron's checkpoints. */
export async function listSealedHeads(db: D1Database): Promise<SealedHead[]> {
  const { results } = await db
    .prepare(
      `SELECT a.chain, a.seq, a.hash, a.id, a.sealed_at FROM audit_log a
       JOIN (SELECT chain, max(seq) AS seq FROM audit_log WHERE seq IS NOT NULL GROUP BY chain) h
         ON h.chain = a.chain AND h.seq = a.seq`,
    )
    .all<HeadRow>();
  return results.map(mapHead);
}

export interface AuditRecord {
  id: number;
  seq: number;
  tenantId: number | null;
  /** The row's company as it is called now; null for a group row or a deleted company. */
  tenant: { slug: string; name: string } | null;
  actorUserId: number | null;
  actor: string;
  action: string;
  target: string;
  summary: Record<string, unknown>;
  at: string;
  hash: string;
}

export interface AuditQuery {
  groupId: number;
  /** Which of the group's logs; "changes" unless said otherwise. */
  log?: AuditLogName;
  /** Only this company's rows (editors); undefined for all of the chain's. */
  tenantId?: number;
  action?: string;
  actor?: string;
  /** Rows with seq below this (paging backwards from the newest). */
  beforeSeq?: number;
  limit: number;
}

/** Sealed rows of one of a group's logs, newest first. */
export async function listAuditRecords(db: D1Database, query: AuditQuery): Promise<AuditRecord[]> {
  const { results } = await db
    .prepare(
      // Each row's company by its primary key: a page names its companies without the caller
      // reading every company of a group of 10,000 (issue 20).
      `SELECT ${AUDIT_COLUMNS},
         (SELECT slug FROM tenants WHERE id = audit_log.tenant_id AND status != 'deleted') AS tenant_slug,
         (SELECT name FROM tenants WHERE id = audit_log.tenant_id AND status != 'deleted') AS tenant_name
       FROM audit_log
       WHERE chain = ?1 AND seq IS NOT NULL AND (?2 IS NULL OR tenant_id = ?2) AND (?3 IS NULL OR action = ?3)
         AND (?4 IS NULL OR actor = ?4) AND (?5 IS NULL OR seq < ?5)
       ORDER BY seq DESC LIMIT ?6`,
    )
    .bind(
      chainOf(query.groupId, query.log),
      query.tenantId ?? null,
      query.action ?? null,
      query.actor ?? null,
      query.beforeSeq ?? null,
      query.limit,
    )
    .all<AuditDbRow & { tenant_slug: string | null; tenant_name: string | null }>();
  return results.map((row) => ({
    id: row.id,
    seq: row.seq!,
    tenantId: row.tenant_id,
    tenant:
      row.tenant_slug === null || row.tenant_name === null
        ? null
        : { slug: row.tenant_slug, name: row.tenant_name },
    actorUserId: row.actor_user_id,
    actor: row.actor,
    action: row.action,
    target: row.target,
    summary: JSON.parse(row.summary) as Record<string, unknown>,
    at: row.created_at,
    hash: row.hash!,
  }));
}

/**
 * The summary of the audit row written in the same transaction as a publish request (same
 * company, requester and moment), sealed or not yet: the row is read for what the request asked,
 * not shown as the log, so it must not be missed in the moment before the sealer has run, nor
 * behind any number of later requests.
 */
export async function findPublishRequestedSummary(
  db: D1Database,
  request: { groupId: number; tenantId: number; requestedBy: number; requestedAt: string },
): Promise<Record<string, unknown> | null> {
  const row = await db
    .prepare(
      `SELECT summary FROM audit_log
       WHERE chain = ?1 AND tenant_id = ?2 AND action = 'publish.requested' AND actor_user_id = ?3 AND created_at = ?4
       ORDER BY id DESC LIMIT 1`,
    )
    .bind(chainOf(request.groupId), request.tenantId, request.requestedBy, request.requestedAt)
    .first<{ summary: string }>();
  return row ? (JSON.parse(row.summary) as Record<string, unknown>) : null;
}

/** A published version as its sealed audit row recorded it: the anchor the integrity check uses. */
export async function listPublishedHashesInAudit(
  db: D1Database,
  groupId: number,
): Promise<{ tenantId: number; version: number; contentHash: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT tenant_id, json_extract(summary, '$.version') AS version, json_extract(summary, '$.contentHash') AS content_hash
       FROM audit_log
       WHERE chain = ?1 AND seq IS NOT NULL AND tenant_id IS NOT NULL AND action LIKE 'statement.%'
         AND json_type(summary, '$.version') = 'integer' AND json_type(summary, '$.contentHash') = 'text'`,
    )
    .bind(chainOf(groupId))
    .all<{ tenant_id: number; version: number; content_hash: string }>();
  return results.map((r) => ({ tenantId: r.tenant_id, version: r.version, contentHash: r.content_hash }));
}
