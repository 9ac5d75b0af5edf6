// Invitations: single-use, expiring, stored only as the SHA-256 of their token.
import type { Role } from "./accounts.ts";

export const INVITATION_DAYS = 7;

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export interface Invitation {
  id: number;
  groupId: number;
  email: string;
  role: Role;
  tenantId: number | null;
  tenantSlug: string | null;
  tenantName: string | null;
  groupName: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

interface InvitationRow {
  id: number;
  group_id: number;
  email: string;
  role: Role;
  tenant_id: number | null;
  tenant_slug: string | null;
  tenant_name: string | null;
  group_name: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

const mapInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  groupId: row.group_id,
  email: row.email,
  role: row.role,
  tenantId: row.tenant_id,
  tenantSlug: row.tenant_slug,
  tenantName: row.tenant_name,
  groupName: row.group_name,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
  revokedAt: row.revoked_at,
});

const INVITATION_SELECT = `SELECT i.id, i.group_id, i.email, i.role, i.tenant_id, t.slug AS tenant_slug, t.name AS tenant_name,
    g.name AS group_name, i.created_at, i.expires_at, i.accepted_at, i.revoked_at
  FROM invitations i JOIN groups g ON g.id = i.group_id LEFT JOIN tenants t ON t.id = i.tenant_id`;

export function statusOf(invitation: Invitation, now: string): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

export async function findInvitationByTokenHash(
  db: D1Database,
  tokenHash: Uint8Array,
): Promise<Invitation | null> {
  const row = await db
    .prepare(`${INVITATION_SELECT} WHERE i.token_hash = ?1`)
    .bind(tokenHash)
    .first<InvitationRow>();
  return row ? mapInvitation(row) : null;
}

export async function findGroupInvitation(
  db: D1Database,
  groupId: number,
  id: number,
): Promise<Invitation | null> {
  const row = await db
    .prepare(`${INVITATION_SELECT} WHERE i.group_id = ?1 AND i.id = ?2`)
    .bind(groupId, id)
    .first<InvitationRow>();
  return row ? mapInvitation(row) : null;
}

/** A page of the group's invitations, newest first (by id: one given meanwhile comes before every page). */
export async function listGroupInvitations(
  db: D1Database,
  groupId: number,
  page: { beforeId: number | null; limit: number },
): Promise<Invitation[]> {
  const { results } = await db
    .prepare(
      `${INVITATION_SELECT} WHERE i.group_id = ?1 AND (?2 IS NULL OR i.id < ?2) ORDER BY i.id DESC LIMIT ?3`,
    )
    .bind(groupId, page.beforeId, page.limit)
    .all<InvitationRow>();
  return results.map(mapInvitation);
}

export function prepareInsertInvitation(
  db: D1Database,
  invitation: {
    groupId: number;
    tenantId: number | null;
    role: Role;
    email: string;
    tokenHash: Uint8Array;
    createdBy: number;
    createdAt: string;
    expiresAt: string;
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO invitations (group_id, tenant_id, role, email, token_hash, created_by, created_at, expires_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
    )
    .bind(
      invitation.groupId,
      invitation.tenantId,
      invitation.role,
      invitation.email,
      invitation.tokenHash,
      invitation.createdBy,
      invitation.createdAt,
      invitation.expiresAt,
    );
}

/** Withdraws a pending invitation; the trigger refuses one that was used or withdrawn meanwhile. */
export function prepareRevokeInvitation(db: D1Database, id: number, at: string): D1PreparedStatement {
  return db.prepare("UPDATE invitations SET revoked_at = ?1 WHERE id = ?2").bind(at, id);
}

/**
 * Accepting: the account (when `newAccount` is given), the membership (a role the account already
 * has in that place is changed), and the invitation marked used — last, so that its trigger aborts
 * everything before it if the invitation was used or withdrawn a moment ago.
 */
export function prepareAcceptInvitation(
  db: D1Database,
  invitation: Invitation,
  at: string,
  newAccount: { name: string; passwordHash: string } | null,
): D1PreparedStatement[] {
  const userId = "(SELECT id FROM users WHERE email = ?1)";
  const sameMembership = `user_id = ${userId} AND group_id = ?2 AND coalesce(tenant_id, 0) = coalesce(?3, 0)`;
  return [
    ...(newAccount
      ? [
          db
            .prepare("INSERT INTO users (email, name, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)")
            .bind(invitation.email, newAccount.name, newAccount.passwordHash, at),
        ]
      : []),
    db
      .prepare(`UPDATE memberships SET role = ?4 WHERE ${sameMembership}`)
      .bind(invitation.email, invitation.groupId, invitation.tenantId, invitation.role),
    db
      .prepare(
        `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
         SELECT ${userId}, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM memberships WHERE ${sameMembership})`,
      )
      .bind(invitation.email, invitation.groupId, invitation.tenantId, invitation.role, at),
    db
      .prepare(`UPDATE invitations SET accepted_at = ?2, accepted_by = ${userId} WHERE id = ?3`)
      .bind(invitation.email, at, invitation.id),
  ];
}

/** The invitation was used or withdrawn between reading it and accepting it (the triggers said so). */
export const isClosedInvitation = (error: unknown): boolean =>
  /invitation_(closed|expired)/.test(String(error));
