// Drafts: the working copies of the baseline and of each company, each with a revision number.
// Saving writes revision N+1 over revision N; a trigger aborts a save over any other revision.
import type { Baseline, TenantContent } from "#shared/model.ts";
import { isTriggerAbort } from "./errors.ts";
import { baselineColumn, tenantContentColumn } from "./json-column.ts";

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
  return row
    ? { revision: row.revision, content: tenantContentColumn.read(row.content), updatedAt: row.updated_at }
    : null;
}

export async function findBaselineDraft(db: D1Database, groupId: number): Promise<BaselineDraft | null> {
  const row = await db
    .prepare("SELECT revision, content, updated_at FROM baseline_drafts WHERE group_id = ?1")
    .bind(groupId)
    .first<DraftRow>();
  return row
    ? { revision: row.revision, baseline: baselineColumn.read(row.content), updatedAt: row.updated_at }
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
    .bind(tenantId, fromRevision + 1, tenantContentColumn.write(content), now);
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
    .bind(groupId, fromRevision + 1, baselineColumn.write(baseline), now);
}

/** Whether a failed batch failed because a draft had moved on. */
export const isStaleRevision = (error: unknown): boolean => isTriggerAbort(error, "stale_revision");

/** How many company drafts of a group list the register entry `key` among their recipients. */
export async function countTenantDraftsUsingProcessor(
  db: D1Database,
  groupId: number,
  key: string,
): Promise<number> {
  const row = await db
    .prepare(
      `SELECT count(*) AS n FROM tenant_drafts d JOIN tenants t ON t.id = d.tenant_id
       WHERE t.group_id = ?1
         AND EXISTS (SELECT 1 FROM json_each(d.content, '$.lists.recipients') r WHERE r.value ->> '$.processor' = ?2)`,
    )
    .bind(groupId, key)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** A company's first draft (revision 1), when the company is created. */
export function prepareInsertTenantDraft(
  db: D1Database,
  tenant: { groupSlug: string; slug: string },
  content: TenantContent,
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO tenant_drafts (tenant_id, revision, content, updated_at)
       VALUES ((SELECT t.id FROM tenants t JOIN groups g ON g.id = t.group_id WHERE g.slug = ?1 AND t.slug = ?2), 1, ?3, ?4)`,
    )
    .bind(tenant.groupSlug, tenant.slug, tenantContentColumn.write(content), now);
}

/** A group's first baseline draft (revision 1), when the group is created. */
export function prepareInsertBaselineDraft(
  db: D1Database,
  groupSlug: string,
  baseline: Baseline,
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO baseline_drafts (group_id, revision, content, updated_at)
       VALUES ((SELECT id FROM groups WHERE slug = ?1), 1, ?2, ?3)`,
    )
    .bind(groupSlug, baselineColumn.write(baseline), now);
}
