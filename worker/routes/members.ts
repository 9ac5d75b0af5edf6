// The group's people and their roles (group admins only): one account per person, holding roles
// in as many of the group's companies as the privacy lead gives it; a role added, changed or
// taken away; a person taken out of the group, whose sessions end when no group is left to them.
import { Hono, type Context } from "hono";
import { IdPageQuerySchema, IdParamSchema, RoleChangeSchema } from "#shared/api-schemas.ts";
import { MemberAddSchema } from "#shared/group-admin-schemas.ts";
import {
  countGroupAdmins,
  findGroupMember,
  listGroupMembers,
  listGroupMembersPage,
  type Member,
} from "../db/accounts.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { runWithAudit } from "../db/audit.ts";
import { isTriggerAbort, isUniqueViolation } from "../db/errors.ts";
import { findTenant, type TenantWithStatus } from "../db/groups.ts";
import {
  listLastSignIns,
  prepareAddMembership,
  prepareEndSessionsOfFormerMembers,
  prepareChangeMembership,
  prepareDeleteMembership,
  prepareRemoveFromGroup,
} from "../db/memberships.ts";
import type { AppEnv, GroupAccess } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";
import { PAGE_SIZE, splitPage } from "../paging.ts";

const viewMember = (member: Member, lastSignInAt: string | null = null) => ({
  id: member.id,
  user: { id: member.userId, email: member.email, name: member.name, lastSignInAt },
  role: member.role,
  tenant: member.tenantSlug
    ? { slug: member.tenantSlug, name: member.tenantName ?? member.tenantSlug }
    : null,
});

const lastLead = () =>
  new AppError(
    409,
    "last_group_admin",
    "A group keeps at least one privacy lead: invite another before changing this role.",
  );

/** The company named for a company role: one of the group's active companies. */
async function requireRoleCompany(
  c: Context<AppEnv>,
  access: GroupAccess,
  slug: string | undefined,
): Promise<TenantWithStatus | null> {
  if (!slug) return null;
  const tenant = await findTenant(c.env.DB, access.group.id, slug);
  if (!tenant || tenant.status !== "active") {
    throw new AppError(
      422,
      "invalid_request",
      tenant
        ? `${tenant.name} is archived: it takes no new roles.`
        : `${access.group.group.name} has no company "${slug}".`,
      [{ field: "tenant", message: tenant ? "is archived" : "is not a company of this group" }],
    );
  }
  return tenant;
}

/** A write of memberships; the database's refusals become the answers the checks before give. */
async function writeMemberships(write: () => Promise<unknown>, email: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isTriggerAbort(error, "last_group_admin")) throw lastLead();
    if (isUniqueViolation(error, "memberships_unique")) {
      throw new AppError(409, "duplicate_membership", `${email} already has that role there.`);
    }
    throw error;
  }
}

/** Mounted under /api/groups/:group/members, behind resolveGroupAccess. */
export const memberRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary:
        "A page of people and their roles (one row per role, in the order the roles were given), with each person's last sign-in: `after` is the previous page's `next` (null on the last page), `limit` at most 500 (default 100)",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Members, and next", 400: "A cursor or page size it did not hand out" },
    }),
    validate("query", IdPageQuerySchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const { after = null, limit = PAGE_SIZE } = c.req.valid("query");
      const [rows, signIns] = await Promise.all([
        listGroupMembersPage(c.env.DB, access.group.id, { afterId: after, limit: limit + 1 }),
        listLastSignIns(c.env.DB, access.group.id),
      ]);
      const page = splitPage(rows, limit, (last) => String(last.id));
      return c.json(
        {
          members: page.items.map((member) => viewMember(member, signIns.get(member.userId) ?? null)),
          next: page.next,
        },
        200,
      );
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
      const tenant = await requireRoleCompany(c, access, change.tenant);
      if (
        member.role === "group_admin" &&
        change.role !== "group_admin" &&
        (await countGroupAdmins(c.env.DB, access.group.id)) <= 1
      ) {
        throw lastLead();
      }
      const at = new Date().toISOString();
      await writeMemberships(
        () =>
          runWithAudit(
            c.env.DB,
            [
              prepareChangeMembership(c.env.DB, member.id, {
                role: change.role,
                tenantId: tenant?.id ?? null,
              }),
            ],
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
          ),
        member.email,
      );
      const updated = await findGroupMember(c.env.DB, access.group.id, member.id);
      return c.json({ member: viewMember(updated!) }, 200);
    },
  )
  .post(
    "/",
    describeRoute({
      summary:
        "Give someone who is already in the group another role (an editor of a second company, say), on the same account",
      tag: "Group",
      access: "group admin",
      responses: {
        201: "Added",
        404: "No such person in this group (invite them instead)",
        409: "They already have that role",
        422: "An archived or unknown company",
      },
    }),
    validate("json", MemberAddSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const input = c.req.valid("json");
      const member = (await listGroupMembers(c.env.DB, access.group.id)).find((m) => m.userId === input.user);
      if (!member) {
        throw new AppError(404, "member_not_found", "No such person in this group: invite them instead.");
      }
      const tenant = await requireRoleCompany(c, access, input.tenant);
      const at = new Date().toISOString();
      await writeMemberships(
        () =>
          runWithAudit(
            c.env.DB,
            [
              prepareAddMembership(
                c.env.DB,
                {
                  userId: member.userId,
                  groupId: access.group.id,
                  tenantId: tenant?.id ?? null,
                  role: input.role,
                },
                at,
              ),
            ],
            [
              buildAuditEntry({
                groupId: access.group.id,
                tenantId: tenant?.id ?? null,
                actor: access.user,
                action: "member.role_added",
                target: member.email,
                summary: { role: input.role, tenant: tenant?.slug ?? null },
                at,
              }),
            ],
          ),
        member.email,
      );
      const added = (await listGroupMembers(c.env.DB, access.group.id)).find(
        (m) => m.userId === member.userId && m.role === input.role && m.tenantId === (tenant?.id ?? null),
      );
      return c.json({ member: viewMember(added!) }, 201);
    },
  )
  .delete(
    "/:id",
    describeRoute({
      summary:
        "Take one role away; taking someone's last role in the group takes them out of it (see DELETE /people/{id})",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Removed", 404: "No such role in this group", 409: "The group's last privacy lead" },
      noBody: true,
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const member = await findGroupMember(c.env.DB, access.group.id, c.req.valid("param").id);
      if (!member) throw new AppError(404, "member_not_found", "No such membership in this group.");
      const roles = (await listGroupMembers(c.env.DB, access.group.id)).filter(
        (m) => m.userId === member.userId,
      );
      if (roles.length === 1) {
        return c.json({ removed: { roles: await removeFromGroup(c, access, member) }, leftGroup: true }, 200);
      }
      await writeMemberships(
        () =>
          runWithAudit(
            c.env.DB,
            // Ends their sessions too when a parallel removal took their other role, so that two
            // removals of someone's last two roles sign them out as one removal of both would.
            [
              prepareDeleteMembership(c.env.DB, member.id),
              prepareEndSessionsOfFormerMembers(c.env.DB, [member.userId]),
            ],
            [
              buildAuditEntry({
                groupId: access.group.id,
                tenantId: member.tenantId,
                actor: access.user,
                action: "member.role_removed",
                target: member.email,
                summary: { role: member.role, tenant: member.tenantSlug },
                at: new Date().toISOString(),
              }),
            ],
          ),
        member.email,
      );
      return c.json({ removed: { role: member.role, tenant: member.tenantSlug }, leftGroup: false }, 200);
    },
  );

/**
 * Takes a person out of the group: every role, and the invitations still open for their address;
 * answers how many roles went.
 * Their next request to the group is refused at once (access is read on every request); when they
 * are left without any group, their sessions end in the same transaction. Someone who is also in
 * another group keeps their sessions there: one group's privacy lead does not sign people out of
 * another's.
 */
async function removeFromGroup(c: Context<AppEnv>, access: GroupAccess, person: Member): Promise<number> {
  const roles = (await listGroupMembers(c.env.DB, access.group.id)).filter((m) => m.userId === person.userId);
  if (
    roles.some((m) => m.role === "group_admin") &&
    (await countGroupAdmins(c.env.DB, access.group.id)) <= 1
  ) {
    throw lastLead();
  }
  const at = new Date().toISOString();
  await writeMemberships(
    () =>
      runWithAudit(
        c.env.DB,
        [
          ...prepareRemoveFromGroup(
            c.env.DB,
            { groupId: access.group.id, userId: person.userId, email: person.email },
            at,
          ),
          prepareEndSessionsOfFormerMembers(c.env.DB, [person.userId]),
        ],
        [
          buildAuditEntry({
            groupId: access.group.id,
            actor: access.user,
            action: "member.removed",
            target: person.email,
            summary: { roles: roles.map((m) => ({ role: m.role, tenant: m.tenantSlug })) },
            at,
          }),
        ],
      ),
    person.email,
  );
  return roles.length;
}

/** Mounted under /api/groups/:group/people, behind resolveGroupAccess. */
export const peopleRoutes = new Hono<AppEnv>().delete(
  "/:id",
  describeRoute({
    summary:
      "Take a person (by user id) out of the group: every role there goes, open invitations for their address are revoked, and their sessions end when no group is left to them",
    tag: "Group",
    access: "group admin",
    responses: { 200: "Removed", 404: "No such person in this group", 409: "The group's last privacy lead" },
    noBody: true,
  }),
  validate("param", IdParamSchema),
  async (c) => {
    const access = requireGroupAdmin(c);
    const userId = c.req.valid("param").id;
    const person = (await listGroupMembers(c.env.DB, access.group.id)).find((m) => m.userId === userId);
    if (!person) throw new AppError(404, "member_not_found", "No such person in this group.");
    // The answer's type reaches the console through the typed client.
    return c.json({ removed: { roles: await removeFromGroup(c, access, person) }, leftGroup: true }, 200);
  },
);
