// Groups and their member companies (tenants): what every request reads about them. A company's
// whole life (create, rename, archive, restore, delete) is db/companies.ts.
import type { Group, Language, Member } from "#shared/model.ts";
import { INLINE_MEMBERS } from "#shared/placeholders.ts";
import type { LeadContact } from "#shared/api-schemas.ts";
import { bindCompaniesAfter, bindContains, nameOrSlugContains } from "./company-order.ts";
import { languagesColumn, leadContactColumn } from "./json-column.ts";
import type { D1Reader } from "./reader.ts";
import type { CompanyCursor } from "./statements.ts";

export interface GroupRecord {
  id: number;
  /** What the statements render: its companies are the active ones, in the group's order. */
  group: Group;
  /** When on, every publish is a request that another privacy lead approves. */
  requireApproval: boolean;
  /** The privacy lead's contact, shown to every member; null until the lead sets it. */
  leadContact: LeadContact | null;
  /** When the group's name or companies last changed (migrations/0011), or null. */
  identityChangedAt: string | null;
}

export type CompanyStatus = "active" | "archived";

export interface TenantRecord {
  id: number;
  groupId: number;
  slug: string;
  name: string;
}

/** A company as lookups find it: never a deleted one. */
export interface TenantWithStatus extends TenantRecord {
  status: CompanyStatus;
}

interface GroupRow {
  id: number;
  slug: string;
  name: string;
  languages: string;
  default_language: string;
  require_approval: number;
  lead_contact: string | null;
  identity_changed_at: string | null;
}

interface TenantRow {
  id: number;
  group_id: number;
  slug: string;
  name: string;
  status: CompanyStatus;
}

const mapTenant = (row: TenantRow): TenantWithStatus => ({
  id: row.id,
  groupId: row.group_id,
  slug: row.slug,
  name: row.name,
  status: row.status,
});

/** The address of a group's public page of its companies (worker/routes/group-page.ts). */
export const membersPageOf = (publicOrigin: string, groupSlug: string): string =>
  `${publicOrigin}/v1/statements/${groupSlug}.html`;

/**
 * The group with its members in the group's order, or null. Archived and deleted companies are no
 * longer part of the group: the statements ({{group.members}}) name the active ones only. With
 * `publicOrigin` (the deployment's PUBLIC_ORIGIN), the group knows the address of its public page
 * of companies, which a large group's statements link to instead of naming every member.
 */
export async function findGroupBySlug(
  db: D1Reader,
  slug: string,
  publicOrigin?: string,
): Promise<GroupRecord | null> {
  // The statements name at most INLINE_MEMBERS companies and otherwise give their number (shared/
  // placeholders.ts): one more than that is read, and the count, so that every console request
  // and every rollout invocation for a group of 10,000 does not read 10,000 names (issue 20).
  const [groups, members, count] = await db.batch<GroupRow | TenantRow | { n: number }>([
    db
      .prepare(
        `SELECT id, slug, name, languages, default_language, require_approval, lead_contact, identity_changed_at
         FROM groups WHERE slug = ?1`,
      )
      .bind(slug),
    db
      .prepare(
        `SELECT t.id, t.group_id, t.slug, t.name, t.status FROM tenants t JOIN groups g ON g.id = t.group_id
         WHERE g.slug = ?1 AND t.status = 'active' ORDER BY t.position, t.slug LIMIT ?2`,
      )
      .bind(slug, INLINE_MEMBERS + 1),
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM tenants t JOIN groups g ON g.id = t.group_id
         WHERE g.slug = ?1 AND t.status = 'active'`,
      )
      .bind(slug),
  ]);
  const row = groups?.results[0] as GroupRow | undefined;
  if (!row) return null;
  const names = ((members?.results ?? []) as TenantRow[]).map((t) => ({ slug: t.slug, name: t.name }));
  const memberCount = (count?.results[0] as { n: number } | undefined)?.n ?? names.length;
  return {
    id: row.id,
    group: {
      slug: row.slug,
      name: row.name,
      languages: languagesColumn.read(row.languages),
      defaultLanguage: row.default_language as Language,
      members: names,
      ...(memberCount > names.length ? { memberCount } : {}),
      ...(publicOrigin ? { membersPage: membersPageOf(publicOrigin, row.slug) } : {}),
    },
    requireApproval: row.require_approval === 1,
    leadContact: row.lead_contact === null ? null : leadContactColumn.read(row.lead_contact),
    identityChangedAt: row.identity_changed_at,
  };
}

/** Every active company of the group, by name, in the group's order (findGroupBySlug reads the first). */
export async function listActiveMembers(db: D1Reader, groupId: number): Promise<Member[]> {
  const { results } = await db
    .prepare(
      `SELECT slug, name FROM tenants WHERE group_id = ?1 AND status = 'active' ORDER BY position, slug`,
    )
    .bind(groupId)
    .all<{ slug: string; name: string }>();
  return results.map((t) => ({ slug: t.slug, name: t.name }));
}

/** A company of the group by its current address, active or archived. */
export async function findTenant(
  db: D1Reader,
  groupId: number,
  slug: string,
): Promise<TenantWithStatus | null> {
  const row = await db
    .prepare(
      "SELECT id, group_id, slug, name, status FROM tenants WHERE group_id = ?1 AND slug = ?2 AND status != 'deleted'",
    )
    .bind(groupId, slug)
    .first<TenantRow>();
  return row ? mapTenant(row) : null;
}

/** The group's companies, active and archived, in the group's order. */
export async function listTenants(db: D1Reader, groupId: number): Promise<TenantWithStatus[]> {
  const { results } = await db
    .prepare(
      `SELECT id, group_id, slug, name, status FROM tenants WHERE group_id = ?1 AND status != 'deleted'
       ORDER BY position, slug`,
    )
    .bind(groupId)
    .all<TenantRow>();
  return results.map(mapTenant);
}

/** Which companies a page holds: after `after` in the group's order, at most `limit`. */
export interface CompanyPage {
  after: CompanyCursor | null;
  limit: number;
}

/**
 * A page of the group's companies in the group's order (position, then slug), each with its
 * position for the next page's cursor: active and archived ones, or only the active ones; with
 * `memberId`, only the companies that person is a member of (a privacy lead passes null: all).
 */
export async function listTenantsPage(
  db: D1Reader,
  groupId: number,
  page: CompanyPage & { search?: string | undefined },
  only: { activeOnly: boolean; memberId: number | null },
): Promise<(TenantWithStatus & { position: number })[]> {
  const { results } = await db
    .prepare(
      `SELECT t.id, t.group_id, t.slug, t.name, t.status, t.position FROM tenants t
       WHERE t.group_id = ?1 AND t.status != 'deleted' AND (?2 = 0 OR t.status = 'active')
         AND (?3 IS NULL OR t.id IN (SELECT tenant_id FROM memberships WHERE user_id = ?3 AND group_id = ?1))
         AND (t.position, t.slug) > (?4, ?5)
         AND ${nameOrSlugContains("?7")}
       ORDER BY t.position, t.slug LIMIT ?6`,
    )
    .bind(
      groupId,
      only.activeOnly ? 1 : 0,
      only.memberId,
      ...bindCompaniesAfter(page.after),
      page.limit,
      bindContains(page.search),
    )
    .all<TenantRow & { position: number }>();
  return results.map((row) => ({ ...mapTenant(row), position: row.position }));
}

export interface GroupSummary {
  slug: string;
  name: string;
  companies: number;
}

export async function listGroups(db: D1Reader): Promise<GroupSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT g.slug, g.name,
         (SELECT COUNT(*) FROM tenants t WHERE t.group_id = g.id AND t.status = 'active') AS companies
       FROM groups g ORDER BY g.name`,
    )
    .all<GroupSummary>();
  return results;
}

/** The settings a privacy lead changes; a field left undefined stays as it is. */
export interface GroupSettingsChange {
  name?: string | undefined;
  defaultLanguage?: Language | undefined;
  leadContact?: LeadContact | null | undefined;
  requireApproval?: boolean | undefined;
}

export function prepareUpdateGroupSettings(
  db: D1Database,
  groupId: number,
  change: GroupSettingsChange,
): D1PreparedStatement {
  // ?n IS NULL keeps the column; the contact is cleared with an explicit flag, as NULL means "keep".
  return db
    .prepare(
      `UPDATE groups SET
         name = coalesce(?2, name),
         default_language = coalesce(?3, default_language),
         lead_contact = CASE WHEN ?4 THEN ?5 ELSE lead_contact END,
         require_approval = coalesce(?6, require_approval)
       WHERE id = ?1`,
    )
    .bind(
      groupId,
      change.name ?? null,
      change.defaultLanguage ?? null,
      change.leadContact === undefined ? 0 : 1,
      change.leadContact ? leadContactColumn.write(change.leadContact) : null,
      change.requireApproval === undefined ? null : change.requireApproval ? 1 : 0,
    );
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

/**
 * Dates the group's last change of identity (name, companies) to `at`. The database stamps its
 * own clock on every such change (migrations/0011); a writer that sets a group up with its own
 * clock — the demo seed, whose versions are published "at" that time — states it here, so that its
 * first versions are not older than the group they describe.
 */
export function prepareDateIdentityChange(
  db: D1Database,
  groupSlug: string,
  at: string,
): D1PreparedStatement {
  return db.prepare("UPDATE groups SET identity_changed_at = ?2 WHERE slug = ?1").bind(groupSlug, at);
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
