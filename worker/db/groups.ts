// Groups and their member companies (tenants).
import type { Group, Language } from "#shared/model.ts";
import type { D1Reader } from "./reader.ts";

export interface GroupRecord {
  id: number;
  group: Group;
  /** When on, every publish is a request that another privacy lead approves. */
  requireApproval: boolean;
}

export interface TenantRecord {
  id: number;
  groupId: number;
  slug: string;
  name: string;
}

interface GroupRow {
  id: number;
  slug: string;
  name: string;
  languages: string;
  default_language: string;
  require_approval: number;
}

interface TenantRow {
  id: number;
  group_id: number;
  slug: string;
  name: string;
}

const mapTenant = (row: TenantRow): TenantRecord => ({
  id: row.id,
  groupId: row.group_id,
  slug: row.slug,
  name: row.name,
});

/** The group with its members in the group's order, or null. */
export async function findGroupBySlug(db: D1Reader, slug: string): Promise<GroupRecord | null> {
  const [groups, members] = await db.batch<GroupRow | TenantRow>([
    db
      .prepare(
        "SELECT id, slug, name, languages, default_language, require_approval FROM groups WHERE slug = ?1",
      )
      .bind(slug),
    db
      .prepare(
        `SELECT t.id, t.group_id, t.slug, t.name FROM tenants t JOIN groups g ON g.id = t.group_id
         WHERE g.slug = ?1 ORDER BY t.position, t.slug`,
      )
      .bind(slug),
  ]);
  const row = groups?.results[0] as GroupRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    group: {
      slug: row.slug,
      name: row.name,
      languages: JSON.parse(row.languages) as Language[],
      defaultLanguage: row.default_language as Language,
      members: ((members?.results ?? []) as TenantRow[]).map((t) => ({ slug: t.slug, name: t.name })),
    },
    requireApproval: row.require_approval === 1,
  };
}

export async function findTenant(db: D1Reader, groupId: number, slug: string): Promise<TenantRecord | null> {
  const row = await db
    .prepare("SELECT id, group_id, slug, name FROM tenants WHERE group_id = ?1 AND slug = ?2")
    .bind(groupId, slug)
    .first<TenantRow>();
  return row ? mapTenant(row) : null;
}

export async function listTenants(db: D1Reader, groupId: number): Promise<TenantRecord[]> {
  const { results } = await db
    .prepare("SELECT id, group_id, slug, name FROM tenants WHERE group_id = ?1 ORDER BY position, slug")
    .bind(groupId)
    .all<TenantRow>();
  return results.map(mapTenant);
}

export interface GroupSummary {
  slug: string;
  name: string;
  companies: number;
}

export async function listGroups(db: D1Reader): Promise<GroupSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT g.slug, g.name, (SELECT COUNT(*) FROM tenants t WHERE t.group_id = g.id) AS companies
       FROM groups g ORDER BY g.name`,
    )
    .all<GroupSummary>();
  return results;
}
