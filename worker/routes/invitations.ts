// Invitations: a group admin invites an address with a role; the link's token is shown once,
// stored only hashed, works once and expires after seven days.
import { Hono } from "hono";
import {
  IdPageQuerySchema,
  IdParamSchema,
  InvitationAcceptSchema,
  InvitationCreateSchema,
  InvitationLookupSchema,
} from "#shared/api-schemas.ts";
import type { Context } from "hono";
import { hashPassword } from "../auth/password.ts";
import { generateRandomToken, hashSecret } from "../auth/session.ts";
import { auditSignInEvent, clientAddress } from "../auth/sign-in-events.ts";
import { startSession, tooManyAttempts } from "../auth/sign-in.ts";
import { admitAttempt } from "../auth/throttle.ts";
import { findUserByEmail } from "../db/accounts.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { runWithAudit } from "../db/audit.ts";
import { findTenant } from "../db/groups.ts";
import {
  INVITATION_DAYS,
  findGroupInvitation,
  findInvitationByTokenHash,
  isClosedInvitation,
  listGroupInvitations,
  prepareAcceptInvitation,
  prepareInsertInvitation,
  prepareRevokeInvitation,
  statusOf,
  type Invitation,
} from "../db/invitations.ts";
import { forgetSignInAttempt } from "../db/sign-in-attempts.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";
import { PAGE_SIZE, splitPage } from "../paging.ts";

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
  .get(
    "/",
    describeRoute({
      summary:
        "A page of invitations and their status, newest first: `after` is the previous page's `next` (null on the last page), `limit` at most 500 (default 100)",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Invitations, and next", 400: "A cursor or page size it did not hand out" },
    }),
    validate("query", IdPageQuerySchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const { after = null, limit = PAGE_SIZE } = c.req.valid("query");
      const now = new Date().toISOString();
      const rows = await listGroupInvitations(c.env.DB, access.group.id, {
        beforeId: after,
        limit: limit + 1,
      });
      const page = splitPage(rows, limit, (last) => String(last.id));
      return c.json({ invitations: page.items.map((i) => viewInvitation(i, now)), next: page.next }, 200);
    },
  )
  .post(
    "/",
    describeRoute({
      summary: "Invite an e-mail address; the link is returned once",
      tag: "Group",
      access: "group admin",
      responses: { 201: "Invitation with its link" },
    }),
    validate("json", InvitationCreateSchema),
    async (c) => {
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
          buildAuditEntry({
            groupId: access.group.id,
            tenantId: tenant?.id ?? null,
            actor: access.user,
            action: "invitation.created",
            target: input.email,
            summary: { role: input.role, tenant: tenant?.slug ?? null, expiresAt },
            at: now.toISOString(),
          }),
        ],
      );
      const invitation = await findInvitationByTokenHash(c.env.DB, hashSecret(token));
      const acceptUrl = `${new URL(c.req.url).origin}/invite#token=${token}`;
      // The token is shown this once; only its hash is kept.
      return c.json({ invitation: viewInvitation(invitation!, now.toISOString()), token, acceptUrl }, 201);
    },
  )
  .delete(
    "/:id",
    describeRoute({
      summary: "Withdraw a pending invitation",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Withdrawn", 409: "No longer pending" },
      noBody: true,
    }),
    validate("param", IdParamSchema),
    async (c) => {
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
        [prepareRevokeInvitation(c.env.DB, invitation.id, now)],
        [
          buildAuditEntry({
            groupId: access.group.id,
            tenantId: invitation.tenantId,
            actor: access.user,
            action: "invitation.revoked",
            target: invitation.email,
            summary: { role: invitation.role, tenant: invitation.tenantSlug },
            at: now,
          }),
        ],
      );
      return c.json({ invitation: viewInvitation({ ...invitation, revokedAt: now }, now) }, 200);
    },
  );

const CLOSED_BECAUSE = {
  accepted: "has already been used",
  revoked: "has been withdrawn",
  expired: "has expired",
};

/** Why an accept failed, as the sign-in log records it. */
type AcceptFailure = "unknown_token" | "closed" | "sign_in_required" | "other_account";

/**
 * A failed accept: counted (its attempt stays recorded), written to the sign-in log of the
 * invitation's group, and answered with `error`.
 */
async function failAccept(
  c: Context<AppEnv>,
  invitation: Invitation | null,
  reason: AcceptFailure,
  error: AppError,
): Promise<never> {
  const { user } = c.get("auth");
  await auditSignInEvent(c.env.DB, {
    userId: user?.id ?? null,
    email: user?.email ?? invitation?.email ?? "anonymous",
    action: "invitation.accept_failed",
    summary: { reason, invitation: invitation?.id ?? null },
    at: new Date().toISOString(),
    alsoGroup: invitation?.groupId ?? null,
  });
  throw error;
}

const notFound = () => new AppError(404, "invitation_not_found", "This invitation link is not valid.");

const closed = (status: keyof typeof CLOSED_BECAUSE) =>
  new AppError(
    410,
    `invitation_${status}`,
    `This invitation ${CLOSED_BECAUSE[status]}. Ask your privacy lead for a new one.`,
  );

/** Mounted under /api/invitations: the token is the credential; an existing account also signs in. */
export const invitationRoutes = new Hono<AppEnv>()
  // The same answer whether or not the address has an account (issue 13, item 2).
  .post(
    "/lookup",
    describeRoute({
      summary: "What an invitation link is for (the same answer whether or not the address has an account)",
      tag: "Authentication",
      access: "holder of the link",
      responses: { 200: "Invitation", 404: "Unknown link", 410: "Used, withdrawn or expired" },
    }),
    validate("json", InvitationLookupSchema),
    async (c) => {
      const now = new Date().toISOString();
      const invitation = await findInvitationByTokenHash(c.env.DB, hashSecret(c.req.valid("json").token));
      if (!invitation) throw notFound();
      const status = statusOf(invitation, now);
      if (status !== "pending") throw closed(status);
      return c.json(
        {
          email: invitation.email,
          role: invitation.role,
          group: { name: invitation.groupName },
          tenant: invitation.tenantName ? { name: invitation.tenantName } : null,
          expiresAt: invitation.expiresAt,
        },
        200,
      );
    },
  )
  /**
   * A new address chooses a name and password here. An address that already has an account
   * accepts only from that account's own session, with the token alone: accepting never checks a
   * password, so it is no way to guess one (issue 13, item 2). Every failed attempt is counted
   * with the sign-in attempts of the address and written to the sign-in log.
   */
  .post(
    "/accept",
    describeRoute({
      summary:
        "Accept an invitation: a new address sends a name and password (account created, signed in); an address with an account accepts from that account's own session with the token alone. Failed attempts are counted and logged",
      tag: "Authentication",
      access: "holder of the link",
      responses: {
        200: "Accepted",
        403: "Signed in as another account",
        409: "The address has an account: sign in to it first",
        410: "Used, withdrawn or expired",
        429: "Too many failed attempts (Retry-After)",
      },
    }),
    validate("json", InvitationAcceptSchema),
    async (c) => {
      const input = c.req.valid("json");
      const db = c.env.DB;
      const now = new Date();
      const at = now.toISOString();
      const invitation = await findInvitationByTokenHash(db, hashSecret(input.token));
      const admitted = await admitAttempt(
        db,
        { email: invitation?.email ?? null, address: clientAddress(c), deviceId: null },
        now.getTime(),
      );
      if (!admitted.allowed) throw tooManyAttempts(admitted.retryAfterSeconds);
      if (!invitation) return failAccept(c, null, "unknown_token", notFound());
      const status = statusOf(invitation, at);
      if (status !== "pending") return failAccept(c, invitation, "closed", closed(status));

      const { user } = c.get("auth");
      const existing = await findUserByEmail(db, invitation.email);
      if (user && user.email !== invitation.email) {
        return failAccept(
          c,
          invitation,
          "other_account",
          new AppError(
            403,
            "other_account",
            `This invitation is for ${invitation.email}, and you are signed in as ${user.email}. Sign out first, or ask your privacy lead to invite ${user.email}.`,
          ),
        );
      }
      if (existing && !user) {
        return failAccept(
          c,
          invitation,
          "sign_in_required",
          new AppError(
            409,
            "sign_in_required",
            `${invitation.email} already has an account: sign in to it, then open the invitation link again.`,
          ),
        );
      }
      let newAccount: { name: string; passwordHash: string } | null = null;
      if (!existing) {
        const missing = (["name", "password"] as const).filter((field) => input[field] === undefined);
        if (missing.length > 0) {
          // Not a failed attempt: the form was incomplete.
          await forgetSignInAttempt(db, admitted.attempt);
          throw new AppError(
            400,
            "invalid_request",
            "Choose a name and a password to create your account.",
            missing.map((field) => ({ field, message: "is required to create your account" })),
          );
        }
        newAccount = { name: input.name!, passwordHash: hashPassword(input.password!) };
      }
      try {
        // Written out rather than built: a new account has no id yet when the row is written.
        await runWithAudit(db, prepareAcceptInvitation(db, invitation, at, newAccount), [
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
        if (isClosedInvitation(error)) {
          throw new AppError(410, "invitation_closed", "This invitation was used or withdrawn a moment ago.");
        }
        throw error;
      }
      await forgetSignInAttempt(db, admitted.attempt);
      const account = (await findUserByEmail(db, invitation.email))!;
      // A new account signs in here; an existing one already is, in the session that accepted.
      if (newAccount) await startSession(c, account.id, now);
      return c.json({ user: { id: account.id, email: account.email, name: account.name } }, 200);
    },
  );

export type InvitationView = ReturnType<typeof viewInvitation>;
