// Publish webhooks of a company and the log of their delivery attempts.

export interface WebhookRecord {
  id: number;
  tenantId: number;
  url: string;
  /** The HMAC key; leaves the worker only once, in the answer that created it. */
  secret: string;
  createdAt: string;
  disabledAt: string | null;
}

export interface DeliveryRecord {
  id: number;
  webhookId: number;
  eventId: string;
  versionNumber: number;
  attempt: number;
  attemptedAt: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  succeeded: boolean;
}

export type NewDelivery = Omit<DeliveryRecord, "id">;

interface WebhookRow {
  id: number;
  tenant_id: number;
  url: string;
  secret: string;
  created_at: string;
  disabled_at: string | null;
}

interface DeliveryRow {
  id: number;
  webhook_id: number;
  event_id: string;
  version_number: number;
  attempt: number;
  attempted_at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  succeeded: number;
}

const mapWebhook = (row: WebhookRow): WebhookRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  url: row.url,
  secret: row.secret,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

const mapDelivery = (row: DeliveryRow): DeliveryRecord => ({
  id: row.id,
  webhookId: row.webhook_id,
  eventId: row.event_id,
  versionNumber: row.version_number,
  attempt: row.attempt,
  attemptedAt: row.attempted_at,
  statusCode: row.status_code,
  error: row.error,
  durationMs: row.duration_ms,
  succeeded: row.succeeded === 1,
});

/** Every webhook of a company, active and disabled, newest first. */
export async function listTenantWebhooks(db: D1Database, tenantId: number): Promise<WebhookRecord[]> {
  const { results } = await db
    .prepare("SELECT * FROM webhooks WHERE tenant_id = ?1 ORDER BY id DESC")
    .bind(tenantId)
    .all<WebhookRow>();
  return results.map(mapWebhook);
}

export async function listActiveWebhooks(db: D1Database, tenantId: number): Promise<WebhookRecord[]> {
  const { results } = await db
    .prepare("SELECT * FROM webhooks WHERE tenant_id = ?1 AND disabled_at IS NULL ORDER BY id")
    .bind(tenantId)
    .all<WebhookRow>();
  return results.map(mapWebhook);
}

export async function countActiveWebhooks(db: D1Database, tenantId: number): Promise<number> {
  const row = await db
    .prepare("SELECT COUNT(*) AS n FROM webhooks WHERE tenant_id = ?1 AND disabled_at IS NULL")
    .bind(tenantId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** A company's webhook by id; another company's id is not found. */
export async function findTenantWebhook(
  db: D1Database,
  tenantId: number,
  id: number,
): Promise<WebhookRecord | null> {
  const row = await db
    .prepare("SELECT * FROM webhooks WHERE id = ?1 AND tenant_id = ?2")
    .bind(id, tenantId)
    .first<WebhookRow>();
  return row ? mapWebhook(row) : null;
}

export async function findWebhook(db: D1Database, id: number): Promise<WebhookRecord | null> {
  const row = await db.prepare("SELECT * FROM webhooks WHERE id = ?1").bind(id).first<WebhookRow>();
  return row ? mapWebhook(row) : null;
}

/** Returns the new row (RETURNING), so its id is known within the audited batch. */
export function prepareInsertWebhook(
  db: D1Database,
  webhook: Omit<WebhookRecord, "id" | "disabledAt">,
): D1PreparedStatement {
  return db
    .prepare("INSERT INTO webhooks (tenant_id, url, secret, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING *")
    .bind(webhook.tenantId, webhook.url, webhook.secret, webhook.createdAt);
}

export function prepareDisableWebhook(db: D1Database, id: number, at: string): D1PreparedStatement {
  return db
    .prepare("UPDATE webhooks SET disabled_at = ?2 WHERE id = ?1 AND disabled_at IS NULL")
    .bind(id, at);
}

/** The row an insert from prepareInsertWebhook returned, as run by db.batch. */
export function readInsertedWebhook(result: D1Result): WebhookRecord {
  const row = result.results[0] as WebhookRow | undefined;
  if (!row) throw new Error("the webhook insert returned no row");
  return mapWebhook(row);
}

export async function insertDelivery(db: D1Database, delivery: NewDelivery): Promise<void> {
  await db
    .prepare(
      `INSERT INTO webhook_deliveries
         (webhook_id, event_id, version_number, attempt, attempted_at, status_code, error, duration_ms, succeeded)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
    )
    .bind(
      delivery.webhookId,
      delivery.eventId,
      delivery.versionNumber,
      delivery.attempt,
      delivery.attemptedAt,
      delivery.statusCode,
      delivery.error,
      delivery.durationMs,
      delivery.succeeded ? 1 : 0,
    )
    .run();
}

/** Attempts newest first; `beforeId` pages backwards. */
export async function listDeliveries(
  db: D1Database,
  webhookId: number,
  page: { beforeId?: number; limit: number },
): Promise<DeliveryRecord[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM webhook_deliveries WHERE webhook_id = ?1 AND (?2 IS NULL OR id < ?2)
       ORDER BY id DESC LIMIT ?3`,
    )
    .bind(webhookId, page.beforeId ?? null, page.limit)
    .all<DeliveryRow>();
  return results.map(mapDelivery);
}

// ---------------------------------------------------------------------------
// The outbox (migrations/0009): notifications written with the version, queued from here.

/** A notification taken from the outbox by one dispatcher, with what its message is made of. */
export interface ClaimedNotification {
  id: number;
  webhookId: number;
  eventId: string;
  statementUrl: string | null;
  groupSlug: string;
  tenantSlug: string;
  version: number;
  publishedAt: string;
  effectiveFrom: string;
  contentHash: string;
}

interface ClaimedRow {
  id: number;
  webhook_id: number;
  event_id: string;
  statement_url: string | null;
  group_slug: string;
  tenant_slug: string;
  number: number;
  published_at: string;
  effective_from: string;
  content_hash: string;
}

const CLAIMED_SELECT = `SELECT o.id, o.webhook_id, o.event_id, o.statement_url, g.slug AS group_slug, t.slug AS tenant_slug,
    v.number, v.published_at, v.effective_from, v.content_hash
  FROM webhook_outbox o
  JOIN statement_versions v ON v.id = o.version_id
  JOIN tenants t ON t.id = v.tenant_id
  JOIN groups g ON g.id = t.group_id`;

const mapClaimed = (row: ClaimedRow): ClaimedNotification => ({
  id: row.id,
  webhookId: row.webhook_id,
  eventId: row.event_id,
  statementUrl: row.statement_url,
  groupSlug: row.group_slug,
  tenantSlug: row.tenant_slug,
  version: row.number,
  publishedAt: row.published_at,
  effectiveFrom: row.effective_from,
  contentHash: row.content_hash,
});

/** Rows nobody queued yet and nobody holds; the claim is one UPDATE, so two dispatchers never share one. */
const CLAIMABLE = "queued_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?1)";

async function readClaimed(db: D1Database, claimed: { id: number }[]): Promise<ClaimedNotification[]> {
  if (claimed.length === 0) return [];
  const { results } = await db
    .prepare(`${CLAIMED_SELECT} WHERE o.id IN (SELECT value FROM json_each(?1)) ORDER BY o.id`)
    .bind(JSON.stringify(claimed.map((c) => c.id)))
    .all<ClaimedRow>();
  return results.map(mapClaimed);
}

/**
 * Takes the waiting notifications of published versions (one, or a rollout chunk's), recording the
 * address each was published at: one UPDATE however many versions.
 */
export async function claimVersionNotifications(
  db: D1Database,
  versions: readonly { tenantId: number; number: number; statementUrl: string }[],
  now: string,
  until: string,
): Promise<ClaimedNotification[]> {
  if (versions.length === 0) return [];
  const { results } = await db
    .prepare(
      `UPDATE webhook_outbox AS o SET claimed_until = ?2, statement_url = coalesce(o.statement_url, published.url)
       FROM (SELECT v.id AS version_id, e.value ->> '$.url' AS url
             FROM json_each(?3) e
             JOIN statement_versions v ON v.tenant_id = e.value ->> '$.tenantId' AND v.number = e.value ->> '$.number') AS published
       WHERE ${CLAIMABLE} AND o.version_id = published.version_id
       RETURNING id`,
    )
    .bind(
      now,
      until,
      JSON.stringify(versions.map((v) => ({ tenantId: v.tenantId, number: v.number, url: v.statementUrl }))),
    )
    .all<{ id: number }>();
  return readClaimed(db, results);
}

/** Takes notifications that have waited since before `createdBefore` (their request did not queue them). */
export async function claimWaitingNotifications(
  db: D1Database,
  createdBefore: string,
  now: string,
  until: string,
  limit: number,
): Promise<ClaimedNotification[]> {
  const { results } = await db
    .prepare(
      `UPDATE webhook_outbox SET claimed_until = ?2
       WHERE id IN (SELECT id FROM webhook_outbox WHERE ${CLAIMABLE} AND created_at < ?3 ORDER BY created_at LIMIT ?4)
       RETURNING id`,
    )
    .bind(now, until, createdBefore, limit)
    .all<{ id: number }>();
  return readClaimed(db, results);
}

/** The notifications are on the queue: final. */
export async function markNotificationsQueued(
  db: D1Database,
  queued: { id: number; statementUrl: string }[],
  at: string,
): Promise<void> {
  if (queued.length === 0) return;
  // One statement however many: a rollout chunk's notifications count once against the
  // invocation's D1 queries.
  await db
    .prepare(
      `UPDATE webhook_outbox AS o SET queued_at = ?2, statement_url = q.value ->> '$.url'
       FROM json_each(?1) q WHERE o.id = q.value ->> '$.id'`,
    )
    .bind(JSON.stringify(queued.map((n) => ({ id: n.id, url: n.statementUrl }))), at)
    .run();
}

/** Queueing failed: give the rows back at once, for the next dispatcher. */
export async function releaseNotifications(db: D1Database, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .prepare("UPDATE webhook_outbox SET claimed_until = NULL WHERE id IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(ids))
    .run();
}
