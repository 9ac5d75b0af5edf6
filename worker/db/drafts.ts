// Drafts: the working copy of a company's details and overrides, with a revision number.
import type { TenantContent } from "../../shared/model.ts";

export interface TenantDraft {
  revision: number;
  content: TenantContent;
  updatedAt: string;
}

export async function findTenantDraft(db: D1Database, tenantId: number): Promise<TenantDraft | null> {
  const row = await db
    .prepare("SELECT revision, content, updated_at FROM tenant_drafts WHERE tenant_id = ?1")
    .bind(tenantId)
    .first<{ revision: number; content: string; updated_at: string }>();
  // Stored content was validated against TenantContentSchema before it was written.
  return row
    ? { revision: row.revision, content: JSON.parse(row.content) as TenantContent, updatedAt: row.updated_at }
    : null;
}
