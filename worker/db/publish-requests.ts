// Publish requests: with approval on, a publication — a company's statement or the group's
// baseline — waits for another privacy lead.
import type { Baseline, TenantContent } from "#shared/model.ts";
import type { TenantRecord } from "./groups.ts";
import {
  baselineColumn,
  publishOverrideColumn,
  tenantContentColumn,
  type PublishOverride,
} from "./json-column.ts";

export type RequestStatus = "pending" | "approved" | "rejected" | "withdrawn";
export const REQUEST_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;

interface RequestCommon {
  id: number;
  groupId: number;
  requestedBy: { id: number; email: string; name: string };
  requestedAt: string;
  draftRevision: number;
  changeNote: string;
  status: RequestStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  /** The version that approving the request published. */
  versionNumber: number | null;
  /** The requester's written reason to publish over the gate, and what it overrode. */
  override: PublishOverride | null;
}

/** A company's statement, as it was asked for. */
export interface CompanyPublishRequest extends RequestCommon {
  subject: "company";
  tenant: TenantRecord;
  content: TenantContent;
  material: boolean;
  effectiveFrom: string | null;
  completenessOverride: string | null;
}

/** The group's baseline, as it was asked for. */
export interface BaselinePublishRequest extends RequestCommon {
  subject: "baseline";
  baseline: Baseline;
}

export type PublishRequestRecord = CompanyPublishRequest | BaselinePublishRequest;

interface RequestRow {
  id: number;
  group_id: number;
  subject: "company" | "baseline";
  tenant_id: number | null;
  tenant_slug: string | null;
  tenant_name: string | null;
  requested_by: number;
  requester_email: string;
  requester_name: string;
  requested_at: string;
  content: string;
  draft_revision: number;
  change_note: string;
  material: number | null;
  effective_from: string | null;
  completeness_override: string | null;
  status: RequestStatus;
  decider_email: string | null;
  decided_at: string | null;
  reason: string | null;
  version_number: number | null;
  override: string | null;
}

function mapRequest(row: RequestRow): PublishRequestRecord {
  const common: RequestCommon = {
    id: row.id,
    groupId: row.group_id,
    requestedBy: { id: row.requested_by, email: row.requester_email, name: row.requester_name },
    requestedAt: row.requested_at,
    draftRevision: row.draft_revision,
    changeNote: row.change_note,
    status: row.status,
    decidedBy: row.decider_email,
    decidedAt: row.decided_at,
    reason: row.reason,
    versionNumber: row.version_number,
    override: row.override === null ? null : publishOverrideColumn.read(row.override),
  };
  // The CHECKs of migrations/0006 tie the subject to the company columns.
  if (row.subject === "baseline" || row.tenant_id === null) {
    return { ...common, subject: "baseline", baseline: baselineColumn.read(row.content) };
  }
  return {
    ...common,
    subject: "company",
    tenant: {
      id: row.tenant_id,
      groupId: row.group_id,
      slug: row.tenant_slug ?? "",
      name: row.tenant_name ?? "",
    },
    content: tenantContentColumn.read(row.content),
    material: row.material === 1,
    effectiveFrom: row.effective_from,
    completenessOverride: row.completeness_override,
  };
}

const REQUEST_SELECT = `SELECT r.id, r.group_id, r.subject, r.tenant_id, t.slug AS tenant_slug, t.name AS tenant_name,
    r.requested_by, u.email AS requester_email, u.name AS requester_name, r.requested_at, r.content, r.draft_revision,
    r.change_note, r.material, r.effective_from, r.completeness_override, r.status, d.email AS decider_email,
    r.decided_at, r.reason, r.version_number, r.override
  FROM publish_requests r
  LEFT JOIN tenants t ON t.id = r.tenant_id
  JOIN users u ON u.id = r.requested_by
  LEFT JOIN users d ON d.id = r.decided_by`;

export async function findPublishRequest(
  db: D1Database,
  groupId: number,
  id: number,
): Promise<PublishRequestRecord | null> {
  const row = await db
    .prepare(`${REQUEST_SELECT} WHERE r.group_id = ?1 AND r.id = ?2`)
    .bind(groupId, id)
    .first<RequestRow>();
  return row ? mapRequest(row) : null;
}

/**
 * A group's requests, newest first. `tenantIds` limits them to those companies' requests (the
 * baseline's are then left out: only privacy leads see those).
 */
export async function listPublishRequests(
  db: D1Database,
  groupId: number,
  filter: { status?: RequestStatus | undefined; tenantIds?: number[] | undefined },
  /** Newest first, by id: a request made meanwhile comes before every page handed out. */
  page: { beforeId: number | null; limit: number },
): Promise<PublishRequestRecord[]> {
  const { results } = await db
    .prepare(
      `${REQUEST_SELECT} WHERE r.group_id = ?1 AND (?2 IS NULL OR r.status = ?2)
         AND (?3 IS NULL OR r.tenant_id IN (SELECT value FROM json_each(?3)))
         AND (?4 IS NULL OR r.id < ?4)
       ORDER BY r.id DESC LIMIT ?5`,
    )
    .bind(
      groupId,
      filter.status ?? null,
      filter.tenantIds ? JSON.stringify(filter.tenantIds) : null,
      page.beforeId,
      page.limit,
    )
    .all<RequestRow>();
  return results.map(mapRequest);
}

interface NewRequest {
  groupId: number;
  requestedBy: number;
  requestedAt: string;
  draftRevision: number;
  changeNote: string;
  override: PublishOverride | null;
}

export function prepareInsertCompanyRequest(
  db: D1Database,
  request: NewRequest & {
    tenantId: number;
    content: TenantContent;
    material: boolean;
    effectiveFrom: string | null;
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO publish_requests (group_id, subject, tenant_id, requested_by, requested_at, content, draft_revision,
         change_note, material, effective_from, completeness_override, override)
       VALUES (?1, 'company', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`,
    )
    .bind(
      request.groupId,
      request.tenantId,
      request.requestedBy,
      request.requestedAt,
      tenantContentColumn.write(request.content),
      request.draftRevision,
      request.changeNote,
      request.material ? 1 : 0,
      request.effectiveFrom,
      request.override?.reason ?? null,
      request.override ? publishOverrideColumn.write(request.override) : null,
    );
}

export function prepareInsertBaselineRequest(
  db: D1Database,
  request: NewRequest & { baseline: Baseline },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO publish_requests (group_id, subject, requested_by, requested_at, content, draft_revision, change_note,
         override)
       VALUES (?1, 'baseline', ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(
      request.groupId,
      request.requestedBy,
      request.requestedAt,
      baselineColumn.write(request.baseline),
      request.draftRevision,
      request.changeNote,
      request.override ? publishOverrideColumn.write(request.override) : null,
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
