// The companies of a group, as the caller may see them, and everything under one company.
import { Hono } from "hono";
import { CompanySearchPageQuerySchema } from "#shared/api-schemas.ts";
import { listTenantsPage } from "../db/groups.ts";
import type { AppEnv } from "../env.ts";
import { validate } from "../errors.ts";
import { resolveTenantAccess } from "../http/guards.ts";
import { companyEditingRoutes } from "./company-editing.ts";
import { companyCompletenessRoutes } from "./completeness.ts";
import { companyImportRoutes } from "./import.ts";
import { tenantRolloutRoutes } from "./rollout.ts";
import { tenantSiteRoutes } from "./sites.ts";
import { tenantVersionRoutes } from "./version-diffs.ts";
import { tenantWebhookRoutes } from "./webhooks.ts";
import { describeRoute } from "../http/describe-route.ts";
import { companyCursorOf, PAGE_SIZE, splitPage } from "../paging.ts";

/** Mounted under /api/groups/:group/tenants, behind resolveGroupAccess. */
export const tenantRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary:
        "A page of the companies the caller may see, in the group's order: `after` is the previous page's `next` (null on the last page), `limit` at most 500 (default 100); `q`: only those whose name or address contains it",
      tag: "Group",
      access: "member",
      responses: { 200: "Companies, and next", 400: "A cursor or page size it did not hand out" },
    }),
    validate("query", CompanySearchPageQuerySchema),
    async (c) => {
      const access = c.get("access");
      const { after, limit = PAGE_SIZE, q } = c.req.valid("query");
      const rows = await listTenantsPage(
        c.env.DB,
        access.group.id,
        { after: after ?? null, limit: limit + 1, search: q },
        { activeOnly: false, memberId: access.isAdmin ? null : access.user.id },
      );
      const page = splitPage(rows, limit, companyCursorOf);
      const tenants = page.items.map((tenant) => ({
        slug: tenant.slug,
        name: tenant.name,
        // An archived company stays readable (its history) but is no longer edited or public.
        status: tenant.status,
        role: access.isAdmin
          ? ("group_admin" as const)
          : access.memberships.find((m) => m.tenantId === tenant.id)!.role,
      }));
      return c.json({ tenants, next: page.next }, 200);
    },
  )
  .get(
    "/:tenant",
    describeRoute({
      summary: "One company the caller may see: its name, status and the caller's role (as in the list)",
      tag: "Group",
      access: "member",
      responses: { 200: "The company", 404: "No such company, or not one the caller may see" },
    }),
    resolveTenantAccess,
    (c) => {
      const { tenant, role } = c.get("tenantAccess");
      return c.json({ tenant: { slug: tenant.slug, name: tenant.name, status: tenant.status, role } }, 200);
    },
  )
  // Everything below resolves the caller's role for this one company first.
  .use("/:tenant/*", resolveTenantAccess)
  .route("/:tenant", companyEditingRoutes)
  .route("/:tenant", companyCompletenessRoutes)
  .route("/:tenant", companyImportRoutes)
  .route("/:tenant/rollout", tenantRolloutRoutes)
  .route("/:tenant/versions", tenantVersionRoutes)
  .route("/:tenant/webhooks", tenantWebhookRoutes)
  .route("/:tenant/sites", tenantSiteRoutes);
