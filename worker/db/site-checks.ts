// The site monitor (migrations/0016, 0017): watched pages of company websites, the findings of
// their checks as history, and the `site.outdated` notifications waiting to be queued.
import type { Language } from "#shared/model.ts";
import type { SiteDifference, SiteDisplay, SiteEvidence, SiteState } from "#shared/site-schemas.ts";
import type { D1Reader } from "./reader.ts";

export interface WatchedPage {
  id: number;
  tenantId: number;
  url: string;
  language: Language;
  display: SiteDisplay;
  createdAt: string;
  removedAt: string | null;
}

/** What one check found; two checks with the same `outcome` are one finding in the history. */
export interface SiteFinding {
  state: SiteState;
  shownVersion: number | null;
  versionInForce: number | null;
  outdatedSince: string | null;
  evidence: SiteEvidence;
  similarity: number | null;
  httpStatus: number | null;
  problem: string | null;
  finalUrl: string | null;
  difference: SiteDifference | null;
  outcome: string;
}

export interface SiteCheckRecord extends Omit<SiteFinding, "outcome"> {
  id: number;
  pageId: number;
  firstCheckedAt: string;
  lastCheckedAt: string;
  checks: number;
  durationMs: number;
}

export interface WatchedPageWithStatus extends WatchedPage {
  latest: SiteCheckRecord | null;
}

interface PageRow {
  id: number;
  tenant_id: number;
  url: string;
  language: string;
  display: string;
  created_at: string;
  removed_at: string | null;
}

interface CheckRow {
  check_id: number;
  page_id: number;
  state: string;
  shown_version: number | null;
  version_in_force: number | null;
  outdated_since: string | null;
  evidence: string;
  similarity: number | null;
  http_status: number | null;
  problem: string | null;
  final_url: string | null;
  difference: string | null;
  first_checked_at: string;
  last_checked_at: string;
  checks: number;
  duration_ms: number;
}

// Values the CHECK constraints of migrations/0016 admit; read back as the types they were written as.
const mapPage = (row: PageRow): WatchedPage => ({
  id: row.id,
  tenantId: row.tenant_id,
  url: row.url,
  language: row.language as Language,
  display: row.display as SiteDisplay,
  createdAt: row.created_at,
  removedAt: row.removed_at,
});

const mapCheck = (row: CheckRow): SiteCheckRecord => ({
  id: row.check_id,
  pageId: row.page_id,
  state: row.state as SiteState,
  shownVersion: row.shown_version,
  versionInForce: row.version_in_force,
  outdatedSince: row.outdated_since,
  evidence: row.evidence as SiteEvidence,
  similarity: row.similarity,
  httpStatus: row.http_status,
  problem: row.problem,
  finalUrl: row.final_url,
  // Written by recordSiteCheck from a SiteDifference, guarded by json_valid.
  difference: row.difference === null ? null : (JSON.parse(row.difference) as SiteDifference),
  firstCheckedAt: row.first_checked_at,
  lastCheckedAt: row.last_checked_at,
  checks: row.checks,
  durationMs: row.duration_ms,
});

const CHECK_COLUMNS = `c.id AS check_id, c.page_id, c.state, c.shown_version, c.version_in_force, c.outdated_since,
  c.evidence, c.similarity, c.http_status, c.problem, c.final_url, c.difference, c.first_checked_at,
  c.last_checked_at, c.checks, c.duration_ms`;

const PAGE_COLUMNS = "p.id, p.tenant_id, p.url, p.language, p.display, p.created_at, p.removed_at";

const LATEST_CHECK = "c.id = (SELECT MAX(id) FROM site_checks WHERE page_id = p.id)";

const mapPageWithStatus = (row: PageRow & Partial<CheckRow>): WatchedPageWithStatus => ({
  ...mapPage(row),
  latest: row.check_id == null ? null : mapCheck(row as CheckRow),
});

/** A company's watched pages (not removed), oldest first, each with its latest finding. */
export async function listTenantPages(db: D1Reader, tenantId: number): Promise<WatchedPageWithStatus[]> {
  const { results } = await db
    .prepare(
      `SELECT ${PAGE_COLUMNS}, ${CHECK_COLUMNS} FROM watched_pages p LEFT JOIN site_checks c ON ${LATEST_CHECK}
       WHERE p.tenant_id = ?1 AND p.removed_at IS NULL ORDER BY p.id`,
    )
    .bind(tenantId)
    .all<PageRow & Partial<CheckRow>>();
  return results.map(mapPageWithStatus);
}

export interface GroupSitePage extends WatchedPageWithStatus {
  tenantSlug: string;
}

/**
 * The watched pages of some of the group's companies (one page of a list of companies), in the
 * group's order, each with its latest finding.
 */
export async function listGroupPages(
  db: D1Reader,
  groupId: number,
  tenantIds: readonly number[],
): Promise<GroupSitePage[]> {
  const { results } = await db
    .prepare(
      `SELECT ${PAGE_COLUMNS}, t.slug AS tenant_slug, ${CHECK_COLUMNS}
       FROM tenants t JOIN watched_pages p ON p.tenant_id = t.id AND p.removed_at IS NULL
       LEFT JOIN site_checks c ON ${LATEST_CHECK}
       WHERE t.group_id = ?1 AND t.id IN (SELECT value FROM json_each(?2)) ORDER BY t.position, t.slug, p.id`,
    )
    .bind(groupId, JSON.stringify(tenantIds))
    .all<PageRow & Partial<CheckRow> & { tenant_slug: string }>();
  return results.map((row) => ({ ...mapPageWithStatus(row), tenantSlug: row.tenant_slug }));
}

/** A company's watched page by id (removed ones too); another company's id is not found. */
export async function findTenantPage(
  db: D1Reader,
  tenantId: number,
  id: number,
): Promise<WatchedPage | null> {
  const row = await db
    .prepare(`SELECT ${PAGE_COLUMNS} FROM watched_pages p WHERE p.id = ?1 AND p.tenant_id = ?2`)
    .bind(id, tenantId)
    .first<PageRow>();
  return row ? mapPage(row) : null;
}

export async function countActivePages(db: D1Reader, tenantId: number): Promise<number> {
  const row = await db
    .prepare("SELECT COUNT(*) AS n FROM watched_pages WHERE tenant_id = ?1 AND removed_at IS NULL")
    .bind(tenantId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** Returns the new row (RETURNING), so its id is known within the audited batch. */
export function prepareInsertPage(
  db: D1Database,
  page: Omit<WatchedPage, "id" | "removedAt"> & { createdBy: number | null },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO watched_pages (tenant_id, url, language, display, created_at, created_by)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       RETURNING id, tenant_id, url, language, display, created_at, removed_at`,
    )
    .bind(page.tenantId, page.url, page.language, page.display, page.createdAt, page.createdBy);
}

/** The row an insert from prepareInsertPage returned, as run by db.batch. */
export function readInsertedPage(result: D1Result): WatchedPage {
  const row = result.results[0] as PageRow | undefined;
  if (!row) throw new Error("the watched page insert returned no row");
  return mapPage(row);
}

export function prepareRemovePage(db: D1Database, id: number, at: string): D1PreparedStatement {
  return db
    .prepare("UPDATE watched_pages SET removed_at = ?2 WHERE id = ?1 AND removed_at IS NULL")
    .bind(id, at);
}

/**
 * Takes the page's "check now" slot: true when no other check by hand started after `notBefore`.
 * One conditional UPDATE, so parallel clicks cannot all pass a check made before any was written.
 */
export async function claimCheckByHand(
  db: D1Database,
  pageId: number,
  now: string,
  notBefore: string,
): Promise<boolean> {
  const row = await db
    .prepare(
      `UPDATE watched_pages SET checked_by_hand_at = ?2
       WHERE id = ?1 AND removed_at IS NULL AND (checked_by_hand_at IS NULL OR checked_by_hand_at <= ?3)
       RETURNING id`,
    )
    .bind(pageId, now, notBefore)
    .first<{ id: number }>();
  return row !== null;
}

/** A watched page with what a check needs to know about its company and group. */
export interface PageToCheck {
  page: WatchedPage;
  group: { id: number; slug: string; defaultLanguage: Language };
  tenant: { id: number; slug: string; name: string };
  /** When the page was last checked, if ever. */
  lastCheckedAt: string | null;
}

/** An active watched page by id, or null when it was removed, its company archived (or it never existed). */
export async function findPageToCheck(db: D1Reader, pageId: number): Promise<PageToCheck | null> {
  const row = await db
    .prepare(
      `SELECT ${PAGE_COLUMNS}, t.slug AS tenant_slug, t.name AS tenant_name, g.id AS group_id,
         g.slug AS group_slug, g.default_language,
         (SELECT last_checked_at FROM site_checks WHERE page_id = p.id ORDER BY id DESC LIMIT 1) AS last_checked_at
       FROM watched_pages p JOIN tenants t ON t.id = p.tenant_id JOIN groups g ON g.id = t.group_id
       WHERE p.id = ?1 AND p.removed_at IS NULL AND t.status = 'active'`,
    )
    .bind(pageId)
    .first<
      PageRow & {
        tenant_slug: string;
        tenant_name: string;
        group_id: number;
        group_slug: string;
        default_language: string;
        last_checked_at: string | null;
      }
    >();
  if (!row) return null;
  return {
    page: mapPage(row),
    group: { id: row.group_id, slug: row.group_slug, defaultLanguage: row.default_language as Language },
    tenant: { id: row.tenant_id, slug: row.tenant_slug, name: row.tenant_name },
    lastCheckedAt: row.last_checked_at,
  };
}

/**
 * Ids of watched pages that are not removed, of companies that are not archived or deleted (their
 * statement is no longer theirs to show, issue 18), in id order from after `afterId`: the cron's pages.
 */
export async function listActivePageIds(db: D1Reader, afterId: number, limit: number): Promise<number[]> {
  const { results } = await db
    .prepare(
      `SELECT p.id FROM watched_pages p JOIN tenants t ON t.id = p.tenant_id AND t.status = 'active'
       WHERE p.removed_at IS NULL AND p.id > ?1 ORDER BY p.id LIMIT ?2`,
    )
    .bind(afterId, limit)
    .all<{ id: number }>();
  return results.map((r) => r.id);
}

/** Finding history of a page, newest first; `beforeId` pages backwards. */
export async function listPageHistory(
  db: D1Reader,
  pageId: number,
  page: { beforeId?: number | undefined; limit: number },
): Promise<SiteCheckRecord[]> {
  const { results } = await db
    .prepare(
      `SELECT ${CHECK_COLUMNS} FROM site_checks c WHERE c.page_id = ?1 AND (?2 IS NULL OR c.id < ?2)
       ORDER BY c.id DESC LIMIT ?3`,
    )
    .bind(pageId, page.beforeId ?? null, page.limit)
    .all<CheckRow>();
  return results.map(mapCheck);
}

/** A `site.outdated` notification to write with the check that found it. */
export interface OutdatedNotice {
  versionInForce: number;
  shownVersion: number;
  outdatedSince: string;
}

/**
 * Writes one check in one transaction: it extends the page's latest finding when the outcome is
 * the same, and starts a new finding otherwise; a check that finished after a later one was
 * recorded changes nothing. With a notice, one `site.outdated` notification per active webhook of
 * the company is written too, once per page and version in force.
 */
export async function recordSiteCheck(
  db: D1Database,
  pageId: number,
  finding: SiteFinding,
  checkedAt: string,
  durationMs: number,
  notice: OutdatedNotice | null,
): Promise<void> {
  const latest = "(SELECT MAX(id) FROM site_checks WHERE page_id = ?1)";
  const statements = [
    db
      .prepare(
        `UPDATE site_checks SET last_checked_at = ?2, checks = checks + 1, duration_ms = ?3
         WHERE id = ${latest} AND outcome = ?4 AND last_checked_at <= ?2`,
      )
      .bind(pageId, checkedAt, durationMs, finding.outcome),
    db
      .prepare(
        `INSERT INTO site_checks (page_id, state, shown_version, version_in_force, outdated_since, evidence,
           similarity, http_status, problem, final_url, difference, outcome, first_checked_at, last_checked_at,
           checks, duration_ms)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, 1, ?14
         WHERE NOT EXISTS (SELECT 1 FROM site_checks WHERE id = ${latest} AND (outcome = ?12 OR last_checked_at > ?13))`,
      )
      .bind(
        pageId,
        finding.state,
        finding.shownVersion,
        finding.versionInForce,
        finding.outdatedSince,
        finding.evidence,
        finding.similarity,
        finding.httpStatus,
        finding.problem,
        finding.finalUrl,
        finding.difference === null ? null : JSON.stringify(finding.difference),
        finding.outcome,
        checkedAt,
        durationMs,
      ),
  ];
  if (notice) {
    statements.push(
      db
        .prepare(
          `INSERT INTO site_outdated_outbox (page_id, webhook_id, version_in_force, shown_version, outdated_since,
             checked_at, event_id, created_at)
           SELECT p.id, w.id, ?2, ?3, ?4, ?5, ?6, ?5
           FROM watched_pages p JOIN webhooks w ON w.tenant_id = p.tenant_id AND w.disabled_at IS NULL
           WHERE p.id = ?1 AND NOT EXISTS (SELECT 1 FROM site_outdated_outbox o
             WHERE o.page_id = p.id AND o.version_in_force = ?2 AND o.webhook_id = w.id)`,
        )
        .bind(
          pageId,
          notice.versionInForce,
          notice.shownVersion,
          notice.outdatedSince,
          checkedAt,
          // Sent as Verklaring-Delivery: one per page and version in force, so a receiver drops repeats.
          `site-outdated-${pageId}-${notice.versionInForce}`,
        ),
    );
  }
  await db.batch(statements);
}

// ---------------------------------------------------------------------------
// The site.outdated outbox (migrations/0017), queued like the publish outbox (db/webhooks.ts).

export interface ClaimedSiteNotice {
  id: number;
  webhookId: number;
  eventId: string;
  groupSlug: string;
  tenantSlug: string;
  page: { id: number; url: string; language: Language; display: SiteDisplay };
  versionInForce: number;
  shownVersion: number;
  outdatedSince: string;
  checkedAt: string;
}

interface ClaimedNoticeRow {
  id: number;
  webhook_id: number;
  event_id: string;
  group_slug: string;
  tenant_slug: string;
  page_id: number;
  url: string;
  language: string;
  display: string;
  version_in_force: number;
  shown_version: number;
  outdated_since: string;
  checked_at: string;
}

const mapClaimedNotice = (row: ClaimedNoticeRow): ClaimedSiteNotice => ({
  id: row.id,
  webhookId: row.webhook_id,
  eventId: row.event_id,
  groupSlug: row.group_slug,
  tenantSlug: row.tenant_slug,
  page: {
    id: row.page_id,
    url: row.url,
    language: row.language as Language,
    display: row.display as SiteDisplay,
  },
  versionInForce: row.version_in_force,
  shownVersion: row.shown_version,
  outdatedSince: row.outdated_since,
  checkedAt: row.checked_at,
});

/** Rows nobody queued yet and nobody holds; the claim is one UPDATE, so two dispatchers never share one. */
const CLAIMABLE = "queued_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?1)";

/**
 * Takes waiting notifications: those of one page (`pageId`, right after its check), or every one
 * written before `createdBefore` (the cron's sweep).
 */
export async function claimSiteNotices(
  db: D1Database,
  query: { pageId: number | null; createdBefore: string; limit: number },
  now: string,
  until: string,
): Promise<ClaimedSiteNotice[]> {
  const claimed = await db
    .prepare(
      `UPDATE site_outdated_outbox SET claimed_until = ?2
       WHERE id IN (SELECT id FROM site_outdated_outbox WHERE ${CLAIMABLE}
         AND (?3 IS NULL OR page_id = ?3) AND created_at <= ?4 ORDER BY created_at LIMIT ?5)
       RETURNING id`,
    )
    .bind(now, until, query.pageId, query.createdBefore, query.limit)
    .all<{ id: number }>();
  if (claimed.results.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT o.id, o.webhook_id, o.event_id, g.slug AS group_slug, t.slug AS tenant_slug, p.id AS page_id,
         p.url, p.language, p.display, o.version_in_force, o.shown_version, o.outdated_since, o.checked_at
       FROM site_outdated_outbox o JOIN watched_pages p ON p.id = o.page_id
       JOIN tenants t ON t.id = p.tenant_id JOIN groups g ON g.id = t.group_id
       WHERE o.id IN (SELECT value FROM json_each(?1)) ORDER BY o.id`,
    )
    .bind(JSON.stringify(claimed.results.map((r) => r.id)))
    .all<ClaimedNoticeRow>();
  return results.map(mapClaimedNotice);
}

/** The notifications are on the queue: final. */
export async function markSiteNoticesQueued(db: D1Database, ids: number[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .prepare("UPDATE site_outdated_outbox SET queued_at = ?2 WHERE id IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(ids), at)
    .run();
}

/** Queueing failed: give the rows back at once, for the next dispatcher. */
export async function releaseSiteNotices(db: D1Database, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .prepare(
      "UPDATE site_outdated_outbox SET claimed_until = NULL WHERE id IN (SELECT value FROM json_each(?1))",
    )
    .bind(JSON.stringify(ids))
    .run();
}
