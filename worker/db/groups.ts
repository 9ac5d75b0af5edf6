// Groups and their member companies (tenants).
import type { Group, Language } from "#shared/model.ts";
import { languagesColumn } from "./json-column.ts";
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

/** The address of a group's public page of its companies (worker/routes/group-page.ts). */
export const membersPageOf = (publicOrigin: string, groupSlug: string): string =>
  `${publicOrigin}/v1/statements/${groupSlug}.html`;

/**
 * The group with its members in the group's order, or null. With `publicOrigin` (the deployment's
 * PUBLIC_ORIGIN), the group knows the address of its public page of companies, which a large group's
 * statements link to instead of naming every member.
 */
export async function findGroupBySlug(
  db: D1Reader,
  slug: string,
  publicOrigin?: string,
): Promise<GroupRecord | null> {
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
      languages: languagesColumn.read(row.languages),
      defaultLanguage: row.default_language as Language,
      members: ((members?.results ?? []) as TenantRow[]).map((t) => ({ slug: t.slug, name: t.name })),
      ...(publicOrigin ? { membersPage: membersPageOf(publicOrigin, row.slug) } : {}),
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

/** Turns the group's four-eyes rule for publishing on or off. */
export function prepareSetRequireApproval(
  db: D1Database,
  groupId: number,
  requireApproval: boolean,
): D1PreparedStatement {
  return db
    .prepare("UPDATE groups SET require_approval = ?1 WHERE id = ?2")
    .bind(requireApproval ? 1 : 0, groupId);
}

/** A new group, known by its slug to the statements of the same batch that fill it. */
export function prepareInsertGroup(
  db: D1Database,
  group: Omit<Group, "members">,
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      "INSERT INTO groups (slug, name, languages, default_language, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .bind(group.slug, group.name, languagesColumn.write(group.languages), group.defaultLanguage, now);
}

/** A company of the group `groupSlug`, at `position` in the group's order. */
export function prepareInsertTenant(
  db: D1Database,
  groupSlug: string,
  tenant: { slug: string; name: string; position: number },
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO tenants (group_id, slug, name, position, created_at)
       VALUES ((SELECT id FROM groups WHERE slug = ?1), ?2, ?3, ?4, ?5)`,
    )
    .bind(groupSlug, tenant.slug, tenant.name, tenant.position, now);
}
