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
