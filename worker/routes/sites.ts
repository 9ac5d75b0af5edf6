// The site monitor in the API (issue 19): a company's watched pages — added and removed by its
// editors and the privacy lead, checked every hour and by hand — and the group's overview of them.
import { Hono } from "hono";
import { CompanyPageQuerySchema, IdParamSchema } from "#shared/api-schemas.ts";
import { SiteHistoryQuerySchema, WatchedPageCreateSchema } from "#shared/site-schemas.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { runWithAudit } from "../db/audit.ts";
import { listTenantsPage } from "../db/groups.ts";
import {
  claimCheckByHand,
  countActivePages,
  findTenantPage,
  listPageHistory,
  listTenantPages,
  prepareInsertPage,
  prepareRemovePage,
  readInsertedPage,
  type WatchedPage,
} from "../db/site-checks.ts";
import { listVersions, listVersionsInForce } from "../db/statements.ts";
import type { AppEnv, GroupAccess, TenantAccess } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin, requireTenantEditor } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";
import { checkWatchedPage } from "../monitor/check.ts";
import { findInForce } from "../monitor/classify.ts";
import { countPages, summariseGroupSites, viewFinding, viewPage, withStatus } from "../monitor/views.ts";
import { checkOutboundUrl, outboundPolicyOf } from "../net/outbound-url.ts";
import { companyCursorOf, PAGE_SIZE, splitPage } from "../paging.ts";

/** Pages per company: every hour each one is fetched. */
export const MAX_WATCHED_PAGES = 25;
/** "Check now" of one page at most this often, so the button cannot be used to hammer a site. */
export const CHECK_BY_HAND_EVERY_MS = 10_000;
const HISTORY_PAGE_DEFAULT = 25;

const pageNotFound = (tenant: TenantAccess["tenant"]): AppError =>
  new AppError(404, "page_not_found", `${tenant.name} watches no such page.`);

function describeChange(
  access: GroupAccess,
  tenant: TenantAccess["tenant"],
  action: "site.watched" | "site.unwatched",
  page: WatchedPage,
  at: string,
) {
  return buildAuditEntry({
    groupId: tenant.groupId,
    tenantId: tenant.id,
    actor: access.user,
    action,
    target: page.url,
    summary: { id: page.id, url: page.url, language: page.language, display: page.display },
    at,
  });
}

/** Mounted under /api/groups/:group/tenants/:tenant/sites, behind resolveTenantAccess. */
export const tenantSiteRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary:
        "The company's watched web pages, each with its latest finding (current, outdated, modified, missing, unreachable), and the counts",
      tag: "Company",
      access: "group admin, editor, viewer",
      responses: { 200: "Watched pages" },
    }),
    async (c) => {
      const { tenant } = c.get("tenantAccess");
      const [pages, versions] = await Promise.all([
        listTenantPages(c.env.DB, tenant.id),
        listVersions(c.env.DB, tenant.id),
      ]);
      const views = pages.map(withStatus);
      c.header("Cache-Control", "private, no-store");
      return c.json(
        {
          pages: views,
          counts: countPages(views),
          versionInForce: findInForce(versions, Date.now())?.number ?? null,
          maxPages: MAX_WATCHED_PAGES,
        },
        200,
      );
    },
  )
  .post(
    "/",
    describeRoute({
      summary:
        "Watch a page of the company's website: its address (https on the public internet), language, and how it shows the statement",
      tag: "Company",
      access: "group admin, editor",
      responses: { 201: "Watched", 409: "Already watched, or too many pages" },
    }),
    validate("json", WatchedPageCreateSchema),
    async (c) => {
      const { tenant } = requireTenantEditor(c);
      const access = c.get("access");
      const input = c.req.valid("json");
      if (!access.group.group.languages.includes(input.language)) {
        throw new AppError(
          400,
          "invalid_request",
          `${access.group.group.name} does not publish in that language.`,
          [{ field: "language", message: `must be one of: ${access.group.group.languages.join(", ")}` }],
        );
      }
      const verdict = checkOutboundUrl(input.url, outboundPolicyOf(c.env));
      if (!verdict.allowed) {
        throw new AppError(400, "invalid_request", `The page address ${verdict.reason}.`, [
          { field: "url", message: verdict.reason },
        ]);
      }
      if ((await countActivePages(c.env.DB, tenant.id)) >= MAX_WATCHED_PAGES) {
        throw new AppError(
          409,
          "too_many_pages",
          `${tenant.name} already watches ${MAX_WATCHED_PAGES} pages: remove one first.`,
        );
      }
      const at = new Date().toISOString();
      const row = { tenantId: tenant.id, ...input, createdAt: at, createdBy: access.user.id };
      let results: D1Result[];
      try {
        results = await runWithAudit(
          c.env.DB,
          [prepareInsertPage(c.env.DB, row)],
          [describeChange(access, tenant, "site.watched", { id: 0, removedAt: null, ...row }, at)],
        );
      } catch (error) {
        if (String(error).includes("UNIQUE constraint failed: watched_pages")) {
          throw new AppError(
            409,
            "duplicate_page",
            `${tenant.name} already watches this page in this language.`,
            [{ field: "url", message: "is already watched in this language" }],
          );
        }
        throw error;
      }
      return c.json({ page: viewPage(readInsertedPage(results[0]!), null) }, 201);
    },
  )
  .delete(
    "/:id",
    describeRoute({
      summary: "Stop watching a page; its history stays",
      tag: "Company",
      access: "group admin, editor",
      responses: { 200: "No longer watched" },
      noBody: true,
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { tenant } = requireTenantEditor(c);
      const page = await findTenantPage(c.env.DB, tenant.id, c.req.valid("param").id);
      if (!page) throw pageNotFound(tenant);
      // Removing twice changes nothing, so it is answered without a second audit entry.
      if (page.removedAt) return c.json({ page: viewPage(page, null), removedAt: page.removedAt }, 200);
      const at = new Date().toISOString();
      await runWithAudit(
        c.env.DB,
        [prepareRemovePage(c.env.DB, page.id, at)],
        [describeChange(c.get("access"), tenant, "site.unwatched", page, at)],
      );
      return c.json({ page: viewPage(page, null), removedAt: at }, 200);
    },
  )
  .post(
    "/:id/check",
    describeRoute({
      summary: "Check the page now (at most once every 10 seconds per page) and record what it shows",
      tag: "Company",
      access: "group admin, editor",
      responses: { 200: "The page with its new finding", 429: "Checked by hand moments ago (Retry-After)" },
      noBody: true,
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { tenant } = requireTenantEditor(c);
      const page = await findTenantPage(c.env.DB, tenant.id, c.req.valid("param").id);
      if (!page || page.removedAt) throw pageNotFound(tenant);
      const now = Date.now();
      const claimed = await claimCheckByHand(
        c.env.DB,
        page.id,
        new Date(now).toISOString(),
        new Date(now - CHECK_BY_HAND_EVERY_MS).toISOString(),
      );
      if (!claimed) {
        throw new AppError(
          429,
          "checked_moments_ago",
          "This page was checked moments ago; try again shortly.",
          undefined,
          {
            "Retry-After": String(CHECK_BY_HAND_EVERY_MS / 1000),
          },
        );
      }
      await checkWatchedPage(c.env, page.id);
      const [latest] = await listPageHistory(c.env.DB, page.id, { limit: 1 });
      c.header("Cache-Control", "no-store");
      return c.json({ page: viewPage(page, latest ?? null) }, 200);
    },
  )
  .get(
    "/:id/history",
    describeRoute({
      summary:
        "What every check of the page found, newest first: one entry per unbroken run of the same finding, with its first and latest check",
      tag: "Company",
      access: "group admin, editor, viewer",
      responses: { 200: "Findings" },
    }),
    validate("param", IdParamSchema),
    validate("query", SiteHistoryQuerySchema),
    async (c) => {
      const { tenant } = c.get("tenantAccess");
      const page = await findTenantPage(c.env.DB, tenant.id, c.req.valid("param").id);
      if (!page) throw pageNotFound(tenant);
      const query = c.req.valid("query");
      const limit = query.limit ?? HISTORY_PAGE_DEFAULT;
      const history = await listPageHistory(c.env.DB, page.id, { beforeId: query.before, limit });
      c.header("Cache-Control", "private, no-store");
      return c.json(
        {
          page: viewPage(page, null),
          history: history.map(viewFinding),
          // The `before` of the next page, or null on the last one.
          nextBefore: history.length === limit ? (history.at(-1)?.id ?? null) : null,
        },
        200,
      );
    },
  );

/** Mounted under /api/groups/:group/sites: every company's watched pages, for the privacy lead. */
export const groupSiteRoutes = new Hono<AppEnv>().get(
  "/",
  describeRoute({
    summary:
      "A page of the group's companies (archived too, in the group's order) with their watched pages and latest findings, counts per company and for the page (totals), and the page's web pages outdated for more than 24 hours (notices); `after` is the previous page's `next` (null on the last page), `limit` at most 500 (default 100)",
    tag: "Group",
    access: "group admin",
    responses: {
      200: "Per company and for the page, and next",
      400: "A cursor or page size it did not hand out",
    },
  }),
  validate("query", CompanyPageQuerySchema),
  async (c) => {
    const { group } = requireGroupAdmin(c);
    const { after = null, limit = PAGE_SIZE } = c.req.valid("query");
    const { items: tenants, next } = splitPage(
      await listTenantsPage(
        c.env.DB,
        group.id,
        { after, limit: limit + 1 },
        { activeOnly: false, memberId: null },
      ),
      limit,
      companyCursorOf,
    );
    const ids = tenants.map((tenant) => tenant.id);
    // The active companies after the same cursor: the first limit + 1 hold every active one of the page.
    const [sites, inForce] = await Promise.all([
      summariseGroupSites(c.env.DB, group.id, ids),
      listVersionsInForce(c.env.DB, group.id, new Date().toISOString(), { after, limit: limit + 1 }),
    ]);
    const companies = tenants.map((tenant) => {
      const pages = sites.get(tenant.id)?.pages ?? [];
      return {
        tenant: { slug: tenant.slug, name: tenant.name },
        versionInForce: inForce.find((v) => v.tenant === tenant.slug)?.version ?? null,
        counts: countPages(pages),
        pages,
      };
    });
    const notices = companies.flatMap((company) =>
      company.pages.flatMap((page) =>
        page.status?.overdue
          ? [
              {
                tenant: company.tenant,
                page: { id: page.id, url: page.url, language: page.language },
                shownVersion: page.status.shownVersion,
                versionInForce: page.status.versionInForce,
                outdatedSince: page.status.outdatedSince,
                lastCheckedAt: page.status.lastCheckedAt,
              },
            ]
          : [],
      ),
    );
    c.header("Cache-Control", "private, no-store");
    return c.json({ companies, totals: countPages(companies.flatMap((x) => x.pages)), notices, next }, 200);
  },
);
