// Drafts: the working copies of the baseline and of each company, each with a revision number.
// Saving writes revision N+1 over revision N; a trigger aborts a save over any other revision.
import type { Baseline, TenantContent } from "#shared/model.ts";

export interface TenantDraft {
  revision: number;
  content: TenantContent;
  updatedAt: string;
}

export interface BaselineDraft {
  revision: number;
  baseline: Baseline;
  updatedAt: string;
}

interface DraftRow {
  revision: number;
  content: string;
  updated_at: string;
}

export async function findTenantDraft(db: D1Database, tenantId: number): Promise<TenantDraft | null> {
  const row = await db
    .prepare("SELECT revision, content, updated_at FROM tenant_drafts WHERE tenant_id = ?1")
    .bind(tenantId)
    .first<DraftRow>();
  // Stored content was validated against TenantContentSchema before it was written.
  return row
    ? { revision: row.revision, content: JSON.parse(row.content) as TenantContent, updatedAt: row.updated_at }
    : null;
}

export async function findBaselineDraft(db: D1Database, groupId: number): Promise<BaselineDraft | null> {
  const row = await db
    .prepare("SELECT revision, content, updated_at FROM baseline_drafts WHERE group_id = ?1")
    .bind(groupId)
    .first<DraftRow>();
  return row
    ? { revision: row.revision, baseline: JSON.parse(row.content) as Baseline, updatedAt: row.updated_at }
    : null;
}

export function prepareSaveTenantDraft(
  db: D1Database,
  tenantId: number,
  fromRevision: number,
  content: TenantContent,
  now: string,
): D1PreparedStatement {
  return db
    .prepare("UPDATE tenant_drafts SET revision = ?2, content = ?3, updated_at = ?4 WHERE tenant_id = ?1")
    .bind(tenantId, fromRevision + 1, JSON.stringify(content), now);
}

export function prepareSaveBaselineDraft(
  db: D1Database,
  groupId: number,
  fromRevision: number,
  baseline: Baseline,
  now: string,
): D1PreparedStatement {
  return db
    .prepare("UPDATE baseline_drafts SET revision = ?2, content = ?3, updated_at = ?4 WHERE group_id = ?1")
    .bind(groupId, fromRevision + 1, JSON.stringify(baseline), now);
}

/** Whether a failed batch failed because a draft had moved on. */
export const isStaleRevision = (error: unknown): boolean => String(error).includes("stale_revision");
