// Publish requests: with approval on, an editor's publish waits for another privacy lead.
import type { TenantContent } from "#shared/model.ts";

export type RequestStatus = "pending" | "approved" | "rejected" | "withdrawn";

export interface PublishRequestRecord {
  id: number;
  tenantId: number;
  tenantSlug: string;
  tenantName: string;
  requestedBy: { id: number; email: string; name: string };
  requestedAt: string;
  content: TenantContent;
  draftRevision: number;
  changeNote: string;
  material: boolean;
  effectiveFrom: string | null;
  completenessOverride: string | null;
  status: RequestStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  versionNumber: number | null;
}

interface RequestRow {
  id: number;
  tenant_id: number;
  tenant_slug: string;
  tenant_name: string;
  requested_by: number;
  requester_email: string;
  requester_name: string;
  requested_at: string;
  content: string;
  draft_revision: number;
  change_note: string;
  material: number;
  effective_from: string | null;
  completeness_override: string | null;
  status: RequestStatus;
  decider_email: string | null;
  decided_at: string | null;
  reason: string | null;
  version_number: number | null;
}

const mapRequest = (row: RequestRow): PublishRequestRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  tenantSlug: row.tenant_slug,
  tenantName: row.tenant_name,
  requestedBy: { id: row.requested_by, email: row.requester_email, name: row.requester_name },
  requestedAt: row.requested_at,
  content: JSON.parse(row.content) as TenantContent,
  draftRevision: row.draft_revision,
  changeNote: row.change_note,
  material: row.material === 1,
  effectiveFrom: row.effective_from,
  completenessOverride: row.completeness_override,
  status: row.status,
  decidedBy: row.decider_email,
  decidedAt: row.decided_at,
  reason: row.reason,
  versionNumber: row.version_number,
});

const REQUEST_SELECT = `SELECT r.id, r.tenant_id, t.slug AS tenant_slug, t.name AS tenant_name, r.requested_by,
    u.email AS requester_email, u.name AS requester_name, r.requested_at, r.content, r.draft_revision, r.change_note,
    r.material, r.effective_from, r.completeness_override, r.status, d.email AS decider_email, r.decided_at, r.reason, r.version_number
  FROM publish_requests r
  JOIN tenants t ON t.id = r.tenant_id
  JOIN users u ON u.id = r.requested_by
  LEFT JOIN users d ON d.id = r.decided_by`;

export async function findPublishRequest(
  db: D1Database,
  groupId: number,
  id: number,
): Promise<PublishRequestRecord | null> {
  const row = await db
    .prepare(`${REQUEST_SELECT} WHERE t.group_id = ?1 AND r.id = ?2`)
    .bind(groupId, id)
    .first<RequestRow>();
  return row ? mapRequest(row) : null;
}

/** A group's requests, newest first; `tenantIds` limits them to those companies. */
export async function listPublishRequests(
  db: D1Database,
  groupId: number,
  filter: { status?: RequestStatus | undefined; tenantIds?: number[] | undefined },
): Promise<PublishRequestRecord[]> {
  const { results } = await db
    .prepare(
      `${REQUEST_SELECT} WHERE t.group_id = ?1 AND (?2 IS NULL OR r.status = ?2)
         AND (?3 IS NULL OR r.tenant_id IN (SELECT value FROM json_each(?3)))
       ORDER BY r.requested_at DESC, r.id DESC LIMIT 200`,
    )
    .bind(groupId, filter.status ?? null, filter.tenantIds ? JSON.stringify(filter.tenantIds) : null)
    .all<RequestRow>();
  return results.map(mapRequest);
}

export function prepareInsertPublishRequest(
  db: D1Database,
  request: {
    tenantId: number;
    requestedBy: number;
    requestedAt: string;
    content: TenantContent;
    draftRevision: number;
    changeNote: string;
    material: boolean;
    effectiveFrom: string | null;
    completenessOverride: string | null;
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO publish_requests (tenant_id, requested_by, requested_at, content, draft_revision, change_note, material,
         effective_from, completeness_override)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
    )
    .bind(
      request.tenantId,
      request.requestedBy,
      request.requestedAt,
      JSON.stringify(request.content),
      request.draftRevision,
      request.changeNote,
      request.material ? 1 : 0,
      request.effectiveFrom,
      request.completenessOverride,
    );
}

export function prepareDecidePublishRequest(
  db: D1Database,
  id: number,
  decision: {
    status: Exclude<RequestStatus, "pending">;
    decidedBy: number;
    decidedAt: string;
    reason?: string;
    versionNumber?: number;
  },
): D1PreparedStatement {
  return db
    .prepare(
      "UPDATE publish_requests SET status = ?2, decided_by = ?3, decided_at = ?4, reason = ?5, version_number = ?6 WHERE id = ?1",
    )
    .bind(
      id,
      decision.status,
      decision.decidedBy,
      decision.decidedAt,
      decision.reason ?? null,
      decision.versionNumber ?? null,
    );
}
