// Invitations: a group admin invites an address with a role; the link's token is shown once,
// stored only hashed, works once and expires after seven days.
import { Hono } from "hono";
import {
  IdParamSchema,
  InvitationAcceptSchema,
  InvitationCreateSchema,
  InvitationLookupSchema,
} from "#shared/api-schemas.ts";
import { hashPassword, verifyPasswordHash } from "../auth/password.ts";
import { createSession, generateRandomToken, hashSecret } from "../auth/session.ts";
import { findUserByEmail } from "../db/accounts.ts";
import { runWithAudit } from "../db/audit.ts";
import { findTenant } from "../db/groups.ts";
import {
  INVITATION_DAYS,
  findGroupInvitation,
  findInvitationByTokenHash,
  listGroupInvitations,
  prepareInsertInvitation,
  statusOf,
  type Invitation,
} from "../db/invitations.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { setSessionCookie } from "../http/session-cookie.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

const viewInvitation = (invitation: Invitation, now: string) => ({
  id: invitation.id,
  email: invitation.email,
  role: invitation.role,
  tenant: invitation.tenantSlug
    ? { slug: invitation.tenantSlug, name: invitation.tenantName ?? invitation.tenantSlug }
    : null,
  createdAt: invitation.createdAt,
  expiresAt: invitation.expiresAt,
  status: statusOf(invitation, now),
});

/** Mounted under /api/groups/:group/invitations, behind resolveGroupAccess. */
export const groupInvitationRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const access = requireGroupAdmin(c);
    const now = new Date().toISOString();
    const invitations = await listGroupInvitations(c.env.DB, access.group.id);
    return c.json({ invitations: invitations.map((i) => viewInvitation(i, now)) }, 200);
  })
  .post("/", validate("json", InvitationCreateSchema), async (c) => {
    const access = requireGroupAdmin(c);
    const input = c.req.valid("json");
    const tenant = input.tenant ? await findTenant(c.env.DB, access.group.id, input.tenant) : null;
    if (input.tenant && !tenant) {
      throw new AppError(
        422,
        "invalid_request",
        `${access.group.group.name} has no company "${input.tenant}".`,
        [{ field: "tenant", message: "is not a company of this group" }],
      );
    }
    const now = new Date();
    const token = generateRandomToken(20);
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString();
    await runWithAudit(
      c.env.DB,
      [
        prepareInsertInvitation(c.env.DB, {
          groupId: access.group.id,
          tenantId: tenant?.id ?? null,
          role: input.role,
          email: input.email,
          tokenHash: hashSecret(token),
          createdBy: access.user.id,
          createdAt: now.toISOString(),
          expiresAt,
        }),
      ],
      [
        {
          groupId: access.group.id,
          tenantId: tenant?.id ?? null,
          actorUserId: access.user.id,
          actor: access.user.email,
          action: "invitation.created",
          target: input.email,
          summary: { role: input.role, tenant: tenant?.slug ?? null, expiresAt },
          at: now.toISOString(),
        },
      ],
    );
    const invitation = await findInvitationByTokenHash(c.env.DB, hashSecret(token));
    const acceptUrl = `${new URL(c.req.url).origin}/invite#token=${token}`;
    // The token is shown this once; only its hash is kept.
    return c.json({ invitation: viewInvitation(invitation!, now.toISOString()), token, acceptUrl }, 201);
  })
  .delete("/:id", validate("param", IdParamSchema), async (c) => {
    const access = requireGroupAdmin(c);
    const invitation = await findGroupInvitation(c.env.DB, access.group.id, c.req.valid("param").id);
    if (!invitation) throw new AppError(404, "invitation_not_found", "No such invitation in this group.");
    const now = new Date().toISOString();
    if (statusOf(invitation, now) !== "pending") {
      throw new AppError(
        409,
        "invitation_closed",
        `This invitation is already ${statusOf(invitation, now)}.`,
      );
    }
    await runWithAudit(
      c.env.DB,
      [c.env.DB.prepare("UPDATE invitations SET revoked_at = ?1 WHERE id = ?2").bind(now, invitation.id)],
      [
        {
          groupId: access.group.id,
          tenantId: invitation.tenantId,
          actorUserId: access.user.id,
          actor: access.user.email,
          action: "invitation.revoked",
          target: invitation.email,
          summary: { role: invitation.role, tenant: invitation.tenantSlug },
          at: now,
        },
      ],
    );
    return c.json({ invitation: viewInvitation({ ...invitation, revokedAt: now }, now) }, 200);
  });

async function requireOpenInvitation(db: D1Database, token: string, now: string): Promise<Invitation> {
  const invitation = await findInvitationByTokenHash(db, hashSecret(token));
  if (!invitation) throw new AppError(404, "invitation_not_found", "This invitation link is not valid.");
  const status = statusOf(invitation, now);
  if (status !== "pending") {
    const why = { accepted: "has already been used", revoked: "has been withdrawn", expired: "has expired" }[
      status
    ];
    throw new AppError(
      410,
      `invitation_${status}`,
      `This invitation ${why}. Ask your privacy lead for a new one.`,
    );
  }
  return invitation;
}

/** Mounted under /api/invitations: the invitee has no session yet; the token is the credential. */
export const invitationRoutes = new Hono<AppEnv>()
  .post("/lookup", validate("json", InvitationLookupSchema), async (c) => {
    const now = new Date().toISOString();
    const invitation = await requireOpenInvitation(c.env.DB, c.req.valid("json").token, now);
    const account = await findUserByEmail(c.env.DB, invitation.email);
    return c.json(
      {
        email: invitation.email,
        role: invitation.role,
        group: { name: invitation.groupName },
        tenant: invitation.tenantName ? { name: invitation.tenantName } : null,
        expiresAt: invitation.expiresAt,
        hasAccount: account !== null,
      },
      200,
    );
  })
  .post("/accept", validate("json", InvitationAcceptSchema), async (c) => {
    const input = c.req.valid("json");
    const db = c.env.DB;
    const now = new Date();
    const at = now.toISOString();
    const invitation = await requireOpenInvitation(db, input.token, at);
    const existing = await findUserByEmail(db, invitation.email);
    if (existing && !verifyPasswordHash(existing.passwordHash, input.password)) {
      throw new AppError(
        401,
        "invalid_credentials",
        "This address already has an account: enter its password to accept.",
        [{ field: "password", message: "is not this account's password" }],
      );
    }
    const userId = "(SELECT id FROM users WHERE email = ?1)";
    const sameMembership = `user_id = ${userId} AND group_id = ?2 AND coalesce(tenant_id, 0) = coalesce(?3, 0)`;
    const statements = [
      ...(existing
        ? []
        : [
            db
              .prepare("INSERT INTO users (email, name, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)")
              .bind(invitation.email, input.name, hashPassword(input.password), at),
          ]),
      db
        .prepare(`UPDATE memberships SET role = ?4 WHERE ${sameMembership}`)
        .bind(invitation.email, invitation.groupId, invitation.tenantId, invitation.role),
      db
        .prepare(
          `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
           SELECT ${userId}, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM memberships WHERE ${sameMembership})`,
        )
        .bind(invitation.email, invitation.groupId, invitation.tenantId, invitation.role, at),
      // Last: the trigger aborts everything above if the invitation was used or withdrawn meanwhile.
      db
        .prepare(`UPDATE invitations SET accepted_at = ?2, accepted_by = ${userId} WHERE id = ?3`)
        .bind(invitation.email, at, invitation.id),
    ];
    try {
      await runWithAudit(db, statements, [
        {
          groupId: invitation.groupId,
          tenantId: invitation.tenantId,
          actorUserId: existing?.id ?? null,
          actor: invitation.email,
          action: "invitation.accepted",
          target: invitation.email,
          summary: { role: invitation.role, tenant: invitation.tenantSlug, newAccount: !existing },
          at,
        },
      ]);
    } catch (error) {
      if (/invitation_(closed|expired)/.test(String(error))) {
        throw new AppError(410, "invitation_closed", "This invitation was used or withdrawn a moment ago.");
      }
      throw error;
    }
    const user = await findUserByEmail(db, invitation.email);
    const { token, session } = await createSession(db, user!.id, now);
    setSessionCookie(c, token, session.expiresAt);
    return c.json({ user: { id: user!.id, email: user!.email, name: user!.name } }, 200);
  });

export type InvitationView = ReturnType<typeof viewInvitation>;
