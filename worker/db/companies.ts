// A company's life in the group: created, renamed, given another address, archived, restored,
// deleted when it never published (migrations/0010 holds the rules; these are the writes).
import type { TenantContent } from "#shared/model.ts";
import type { CompanyPage, CompanyStatus } from "./groups.ts";
import { bindCompaniesAfter, bindContains, nameOrSlugContains } from "./company-order.ts";
import { tenantContentColumn, urlListColumn, versionRefColumn } from "./json-column.ts";
import { prepareEndSessionsOfFormerMembers } from "./memberships.ts";
import type { D1Reader } from "./reader.ts";

export interface CompanyRecord {
  id: number;
  slug: string;
  name: string;
  status: CompanyStatus;
  websites: string[];
  createdAt: string;
  archivedAt: string | null;
  successorUrl: string | null;
  /** Addresses it had before, which redirect to the current one. */
  formerSlugs: string[];
  /** Its newest version, or null when it never published. */
  latestVersion: { number: number; publishedAt: string } | null;
}

interface CompanyRow {
  id: number;
  slug: string;
  name: string;
  status: CompanyStatus;
  websites: string;
  created_at: string;
  archived_at: string | null;
  successor_url: string | null;
  former_slugs: string;
  version_number: number | null;
  version_published_at: string | null;
}

const mapCompany = (row: CompanyRow): CompanyRecord => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  status: row.status,
  websites: urlListColumn.read(row.websites),
  createdAt: row.created_at,
  archivedAt: row.archived_at,
  successorUrl: row.successor_url,
  formerSlugs: urlListColumn.read(row.former_slugs),
  latestVersion:
    row.version_number === null
      ? null
      : { number: row.version_number, publishedAt: row.version_published_at ?? "" },
});

const COMPANY_SELECT = `SELECT t.id, t.slug, t.name, t.status, t.position, t.websites, t.created_at, t.archived_at, t.successor_url,
    (SELECT json_group_array(s.slug) FROM (SELECT slug FROM tenant_slugs
       WHERE tenant_id = t.id AND slug != t.slug ORDER BY created_at) s) AS former_slugs,
    v.number AS version_number, v.published_at AS version_published_at
  FROM tenants t
  LEFT JOIN statement_versions v ON v.id = (SELECT id FROM statement_versions WHERE tenant_id = t.id ORDER BY number DESC LIMIT 1)`;

/**
 * A page of the group's companies that are not deleted, in the group's order (position, then
 * slug); with `search`, only those whose name or address contains it (LIKE: case-insensitive for
 * ASCII letters only, which SQLite's LIKE folds).
 */
export async function listCompanies(
  db: D1Database,
  groupId: number,
  page: CompanyPage & { search?: string | undefined },
): Promise<(CompanyRecord & { position: number })[]> {
  const { results } = await db
    .prepare(
      `${COMPANY_SELECT} WHERE t.group_id = ?1 AND t.status != 'deleted'
         AND (t.position, t.slug) > (?2, ?3)
         AND ${nameOrSlugContains("?5")}
       ORDER BY t.position, t.slug LIMIT ?4`,
    )
    .bind(groupId, ...bindCompaniesAfter(page.after), page.limit, bindContains(page.search))
    .all<CompanyRow & { position: number }>();
  return results.map((row) => ({ ...mapCompany(row), position: row.position }));
}

export async function findCompany(
  db: D1Database,
  groupId: number,
  slug: string,
): Promise<CompanyRecord | null> {
  const row = await db
    .prepare(`${COMPANY_SELECT} WHERE t.group_id = ?1 AND t.slug = ?2 AND t.status != 'deleted'`)
    .bind(groupId, slug)
    .first<CompanyRow>();
  return row ? mapCompany(row) : null;
}

/** Which company of the group holds `slug`, now or before; null when none ever did. */
export async function findSlugHolder(
  db: D1Database,
  groupId: number,
  slug: string,
): Promise<{ id: number; slug: string; name: string } | null> {
  return db
    .prepare(
      `SELECT t.id, t.slug, t.name FROM tenant_slugs s JOIN tenants t ON t.id = s.tenant_id
       WHERE s.group_id = ?1 AND s.slug = ?2`,
    )
    .bind(groupId, slug)
    .first<{ id: number; slug: string; name: string }>();
}

/** A new company at the end of the group's order, with its first draft (revision 1). */
export function prepareInsertCompany(
  db: D1Database,
  groupId: number,
  company: { slug: string; name: string; websites: string[]; content: TenantContent },
  now: string,
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO tenants (group_id, slug, name, websites, position, created_at)
         VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position), -1) + 1 FROM tenants WHERE group_id = ?1), ?5)`,
      )
      .bind(groupId, company.slug, company.name, urlListColumn.write(company.websites), now),
    db
      .prepare(
        `INSERT INTO tenant_drafts (tenant_id, revision, content, updated_at)
         VALUES ((SELECT id FROM tenants WHERE group_id = ?1 AND slug = ?2), 1, ?3, ?4)`,
      )
      .bind(groupId, company.slug, tenantContentColumn.write(company.content), now),
  ];
}

/** A change of address, name or websites; the old address keeps redirecting (migrations/0010). */
export function prepareUpdateCompany(
  db: D1Database,
  tenantId: number,
  change: { slug: string; name: string; websites: string[] },
): D1PreparedStatement {
  return db
    .prepare("UPDATE tenants SET slug = ?2, name = ?3, websites = ?4 WHERE id = ?1")
    .bind(tenantId, change.slug, change.name, urlListColumn.write(change.websites));
}

/**
 * What ends for a company that closes (archived or deleted), with who decided: its pending publish
 * requests are withdrawn and its open invitations revoked. Nothing is published for it any more.
 */
function prepareCloseOpenBusiness(
  db: D1Database,
  tenantId: number,
  by: number,
  now: string,
  reason: string,
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `UPDATE publish_requests SET status = 'withdrawn', decided_by = ?2, decided_at = ?3, reason = ?4
         WHERE tenant_id = ?1 AND status = 'pending'`,
      )
      .bind(tenantId, by, now, reason),
    db
      .prepare(
        `UPDATE invitations SET revoked_at = ?2
         WHERE tenant_id = ?1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?2`,
      )
      .bind(tenantId, now),
  ];
}

export function prepareArchiveCompany(
  db: D1Database,
  tenantId: number,
  archive: { by: number; at: string; successorUrl: string | null },
): D1PreparedStatement[] {
  return [
    db
      .prepare("UPDATE tenants SET status = 'archived', archived_at = ?2, successor_url = ?3 WHERE id = ?1")
      .bind(tenantId, archive.at, archive.successorUrl),
    ...prepareCloseOpenBusiness(db, tenantId, archive.by, archive.at, "The company was archived."),
  ];
}

export function prepareRestoreCompany(db: D1Database, tenantId: number): D1PreparedStatement {
  return db
    .prepare("UPDATE tenants SET status = 'active', archived_at = NULL, successor_url = NULL WHERE id = ?1")
    .bind(tenantId);
}

/**
 * Deletes a company that never published (the database refuses one that did). Its row stays, for
 * the audit log that refers to it, under an address no one can choose (SlugSchema refuses a
 * trailing dash), so its own addresses are free again. Its draft, memberships, webhooks and open
 * business go; the sessions of people it leaves without any membership end.
 */
export function prepareDeleteCompany(
  db: D1Database,
  tenantId: number,
  deletion: { by: number; at: string; memberUserIds: number[] },
): D1PreparedStatement[] {
  return [
    db
      .prepare("UPDATE tenants SET status = 'deleted', deleted_at = ?2, slug = ?3 WHERE id = ?1")
      .bind(tenantId, deletion.at, `deleted-${tenantId}-`),
    db.prepare("DELETE FROM tenant_slugs WHERE tenant_id = ?1").bind(tenantId),
    ...prepareCloseOpenBusiness(db, tenantId, deletion.by, deletion.at, "The company was deleted."),
    db.prepare("DELETE FROM memberships WHERE tenant_id = ?1").bind(tenantId),
    db
      .prepare("UPDATE webhooks SET disabled_at = ?2 WHERE tenant_id = ?1 AND disabled_at IS NULL")
      .bind(tenantId, deletion.at),
    db.prepare("DELETE FROM tenant_drafts WHERE tenant_id = ?1").bind(tenantId),
    prepareEndSessionsOfFormerMembers(db, deletion.memberUserIds),
  ];
}

/** The people with a membership in the company. */
export async function listCompanyMemberIds(db: D1Database, tenantId: number): Promise<number[]> {
  const { results } = await db
    .prepare("SELECT DISTINCT user_id FROM memberships WHERE tenant_id = ?1")
    .bind(tenantId)
    .all<{ user_id: number }>();
  return results.map((r) => r.user_id);
}

// ---- The public endpoint's first step ----

export interface PublicCompany {
  slug: string;
  name: string;
  status: CompanyStatus;
  archivedAt: string | null;
  successorUrl: string | null;
  /** The version in force when the company was archived (only read for an archived company). */
  lastVersion: { number: number; effectiveFrom: string } | null;
  defaultLanguage: string;
}

/**
 * The company whose current or former address `slug` is, in the group `groupSlug`: one indexed
 * read. Null when no company of the group ever had that address (or it was deleted).
 */
export async function findPublicCompany(
  db: D1Reader,
  groupSlug: string,
  slug: string,
): Promise<PublicCompany | null> {
  const row = await db
    .prepare(
      `SELECT t.slug, t.name, t.status, t.archived_at, t.successor_url, g.default_language,
         CASE WHEN t.status = 'archived' THEN (SELECT json_object('number', v.number, 'effectiveFrom', v.effective_from)
           FROM statement_versions v WHERE v.tenant_id = t.id AND v.effective_from <= t.archived_at
           ORDER BY v.effective_from DESC, v.number DESC LIMIT 1) END AS last_version
       FROM groups g JOIN tenant_slugs s ON s.group_id = g.id AND s.slug = ?2 JOIN tenants t ON t.id = s.tenant_id
       WHERE g.slug = ?1 AND t.status != 'deleted'`,
    )
    .bind(groupSlug, slug)
    .first<{
      slug: string;
      name: string;
      status: CompanyStatus;
      archived_at: string | null;
      successor_url: string | null;
      default_language: string;
      last_version: string | null;
    }>();
  if (!row) return null;
  return {
    slug: row.slug,
    name: row.name,
    status: row.status,
    archivedAt: row.archived_at,
    successorUrl: row.successor_url,
    lastVersion: row.last_version === null ? null : versionRefColumn.read(row.last_version),
    defaultLanguage: row.default_language,
  };
}
