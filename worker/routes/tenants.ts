// The companies of a group, as the caller may see them, and their drafts.
import { Hono } from "hono";
import { listTenants } from "../db/groups.ts";
import { findTenantDraft } from "../db/drafts.ts";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { resolveTenantAccess } from "../http/guards.ts";

/** Mounted under /api/groups/:group/tenants, behind resolveGroupAccess. */
export const tenantRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const access = c.get("access");
    const tenants = await listTenants(c.env.DB, access.group.id);
    const visible = tenants.flatMap((tenant) => {
      const membership = access.memberships.find((m) => m.tenantId === tenant.id);
      if (!access.isAdmin && !membership) return [];
      return [
        { slug: tenant.slug, name: tenant.name, role: access.isAdmin ? "group_admin" : membership!.role },
      ];
    });
    return c.json({ tenants: visible }, 200);
  })
  .get("/:tenant/draft", resolveTenantAccess, async (c) => {
    const { tenant, role } = c.get("tenantAccess");
    const draft = await findTenantDraft(c.env.DB, tenant.id);
    if (!draft) throw new AppError(404, "draft_not_found", `${tenant.name} has no draft yet.`);
    c.header("ETag", `"${draft.revision}"`);
    c.header("Cache-Control", "private, no-store");
    return c.json({ tenant: { slug: tenant.slug, name: tenant.name }, role, ...draft }, 200);
  });
