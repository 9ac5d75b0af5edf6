// The group's people and their roles (group admins only).
import { Hono } from "hono";
import { IdParamSchema, RoleChangeSchema } from "#shared/api-schemas.ts";
import { countGroupAdmins, findGroupMember, listGroupMembers, type Member } from "../db/accounts.ts";
import { runWithAudit } from "../db/audit.ts";
import { findTenant } from "../db/groups.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";

const viewMember = (member: Member) => ({
  id: member.id,
  user: { id: member.userId, email: member.email, name: member.name },
  role: member.role,
  tenant: member.tenantSlug
    ? { slug: member.tenantSlug, name: member.tenantName ?? member.tenantSlug }
    : null,
});

/** Mounted under /api/groups/:group/members, behind resolveGroupAccess. */
export const memberRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const access = requireGroupAdmin(c);
    return c.json({ members: (await listGroupMembers(c.env.DB, access.group.id)).map(viewMember) }, 200);
  })
  .patch("/:id", validate("param", IdParamSchema), validate("json", RoleChangeSchema), async (c) => {
    const access = requireGroupAdmin(c);
    const member = await findGroupMember(c.env.DB, access.group.id, c.req.valid("param").id);
    if (!member) throw new AppError(404, "member_not_found", "No such membership in this group.");
    const change = c.req.valid("json");
    const tenant = change.tenant ? await findTenant(c.env.DB, access.group.id, change.tenant) : null;
    if (change.tenant && !tenant) {
      throw new AppError(
        422,
        "invalid_request",
        `${access.group.group.name} has no company "${change.tenant}".`,
        [{ field: "tenant", message: "is not a company of this group" }],
      );
    }
    if (
      member.role === "group_admin" &&
      change.role !== "group_admin" &&
      (await countGroupAdmins(c.env.DB, access.group.id)) <= 1
    ) {
      throw new AppError(
        409,
        "last_group_admin",
        "A group keeps at least one privacy lead: invite another before changing this role.",
      );
    }
    const at = new Date().toISOString();
    try {
      await runWithAudit(
        c.env.DB,
        [
          c.env.DB.prepare("UPDATE memberships SET role = ?1, tenant_id = ?2 WHERE id = ?3").bind(
            change.role,
            tenant?.id ?? null,
            member.id,
          ),
        ],
        [
          {
            groupId: access.group.id,
            tenantId: tenant?.id ?? member.tenantId,
            actorUserId: access.user.id,
            actor: access.user.email,
            action: "member.role_changed",
            target: member.email,
            summary: {
              from: { role: member.role, tenant: member.tenantSlug },
              to: { role: change.role, tenant: tenant?.slug ?? null },
            },
            at,
          },
        ],
      );
    } catch (error) {
      if (
        String(error).includes("memberships_unique") ||
        String(error).includes("UNIQUE constraint failed: index")
      ) {
        throw new AppError(409, "duplicate_membership", `${member.email} already has a membership there.`);
      }
      throw error;
    }
    const updated = await findGroupMember(c.env.DB, access.group.id, member.id);
    return c.json({ member: viewMember(updated!) }, 200);
  });
