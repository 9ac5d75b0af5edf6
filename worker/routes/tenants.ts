// The companies of a group, as the caller may see them, and everything under one company.
import { Hono } from "hono";
import { listTenants } from "../db/groups.ts";
import type { AppEnv } from "../env.ts";
import { resolveTenantAccess } from "../http/guards.ts";
import { companyEditingRoutes } from "./company-editing.ts";
import { companyCompletenessRoutes } from "./completeness.ts";
import { companyImportRoutes } from "./import.ts";
import { tenantRolloutRoutes } from "./rollout.ts";
import { tenantSiteRoutes } from "./sites.ts";
import { tenantVersionRoutes } from "./version-diffs.ts";
import { tenantWebhookRoutes } from "./webhooks.ts";
import { describeRoute } from "../http/describe-route.ts";

/** Mounted under /api/groups/:group/tenants, behind resolveGroupAccess. */
export const tenantRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary: "The companies the caller may see",
      tag: "Group",
      access: "member",
      responses: { 200: "Companies" },
    }),
    async (c) => {
      const access = c.get("access");
      const tenants = await listTenants(c.env.DB, access.group.id);
      const visible = tenants.flatMap((tenant) => {
        const membership = access.memberships.find((m) => m.tenantId === tenant.id);
        if (!access.isAdmin && !membership) return [];
        return [
          {
            slug: tenant.slug,
            name: tenant.name,
            // An archived company stays readable (its history) but is no longer edited or public.
            status: tenant.status,
            role: access.isAdmin ? "group_admin" : membership!.role,
          },
        ];
      });
      return c.json({ tenants: visible }, 200);
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
