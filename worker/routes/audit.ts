// Reading and verifying the audit log. Group admins see the whole group; editors their company.
import { Hono } from "hono";
import { AuditQuerySchema } from "#shared/api-schemas.ts";
import { listAuditRecords, verifyAuditChain } from "../db/audit.ts";
import { findTenant, listTenants } from "../db/groups.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";

/** Mounted under /api/groups/:group/audit, behind resolveGroupAccess. */
export const auditRoutes = new Hono<AppEnv>()
  .get("/", validate("query", AuditQuerySchema), async (c) => {
    const access = c.get("access");
    const query = c.req.valid("query");
    const editable = access.memberships.filter((m) => m.role === "tenant_editor").map((m) => m.tenantId);
    let tenantId: number | undefined;
    if (query.tenant) {
      const tenant = await findTenant(c.env.DB, access.group.id, query.tenant);
      const visible = tenant && (access.isAdmin || access.memberships.some((m) => m.tenantId === tenant.id));
      if (!tenant || !visible) {
        throw new AppError(
          404,
          "tenant_not_found",
          `${access.group.group.name} has no company "${query.tenant}".`,
        );
      }
      if (!access.isAdmin && !editable.includes(tenant.id)) {
        throw new AppError(403, "forbidden", "Viewers cannot read the audit log.");
      }
      tenantId = tenant.id;
    } else if (!access.isAdmin) {
      // An editor reads their own company's rows only; a viewer reads none.
      if (editable.length !== 1) {
        throw new AppError(
          editable.length === 0 ? 403 : 400,
          editable.length === 0 ? "forbidden" : "invalid_request",
          editable.length === 0 ? "Viewers cannot read the audit log." : "Name the company with ?tenant=.",
          editable.length === 0
            ? undefined
            : [{ field: "tenant", message: "is required when you edit several companies" }],
        );
      }
      tenantId = editable[0]!;
    }
    const limit = query.limit ?? 50;
    const records = await listAuditRecords(c.env.DB, {
      groupId: access.group.id,
      ...(tenantId !== undefined ? { tenantId } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.actor ? { actor: query.actor.toLowerCase() } : {}),
      ...(query.before ? { beforeSeq: query.before } : {}),
      limit,
    });
    const slugs = new Map((await listTenants(c.env.DB, access.group.id)).map((t) => [t.id, t.slug]));
    const last = records.at(-1);
    return c.json(
      {
        entries: records.map((r) => ({
          seq: r.seq,
          at: r.at,
          actor: r.actor,
          action: r.action,
          target: r.target,
          tenant: r.tenantId === null ? null : (slugs.get(r.tenantId) ?? null),
          summary: r.summary,
          hash: r.hash,
        })),
        nextBefore: records.length === limit && last ? last.seq : null,
      },
      200,
    );
  })
  .get("/verify", async (c) => {
    const access = requireGroupAdmin(c);
    return c.json(await verifyAuditChain(c.env.DB, access.group.id), 200);
  });
