// The group's people and their roles (group admins only).
import { Hono } from "hono";
import { IdParamSchema, RoleChangeSchema } from "#shared/api-schemas.ts";
import { countGroupAdmins, findGroupMember, listGroupMembers, type Member } from "../db/accounts.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { runWithAudit } from "../db/audit.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { findTenant } from "../db/groups.ts";
import { prepareChangeMembership } from "../db/memberships.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";

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
  .get(
    "/",
    describeRoute({
      summary: "People and their roles",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Members" },
    }),
    async (c) => {
      const access = requireGroupAdmin(c);
      return c.json({ members: (await listGroupMembers(c.env.DB, access.group.id)).map(viewMember) }, 200);
    },
  )
  .patch(
    "/:id",
    describeRoute({
      summary: "Change a member's role",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Changed", 409: "The last group admin, or a duplicate membership" },
    }),
    validate("param", IdParamSchema),
    validate("json", RoleChangeSchema),
    async (c) => {
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
          [prepareChangeMembership(c.env.DB, member.id, { role: change.role, tenantId: tenant?.id ?? null })],
          [
            buildAuditEntry({
              groupId: access.group.id,
              tenantId: tenant?.id ?? member.tenantId,
              actor: access.user,
              action: "member.role_changed",
              target: member.email,
              summary: {
                from: { role: member.role, tenant: member.tenantSlug },
                to: { role: change.role, tenant: tenant?.slug ?? null },
              },
              at,
            }),
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, "memberships_unique")) {
          throw new AppError(409, "duplicate_membership", `${member.email} already has a membership there.`);
        }
        throw error;
      }
      const updated = await findGroupMember(c.env.DB, access.group.id, member.id);
      return c.json({ member: viewMember(updated!) }, 200);
    },
  );
