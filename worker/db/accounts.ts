// Users and their memberships (who may do what in which group and company).
export const ROLES = ["group_admin", "tenant_editor", "tenant_viewer"] as const;
export type Role = (typeof ROLES)[number];

export interface UserAccount {
  id: number;
  email: string;
  name: string;
  passwordHash: string;
}

export interface Membership {
  id: number;
  userId: number;
  groupId: number;
  groupSlug: string;
  groupName: string;
  tenantId: number | null;
  tenantSlug: string | null;
  tenantName: string | null;
  role: Role;
}

export interface Member extends Membership {
  email: string;
  name: string;
}

interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
}

interface MembershipRow {
  id: number;
  user_id: number;
  group_id: number;
  group_slug: string;
  group_name: string;
  tenant_id: number | null;
  tenant_slug: string | null;
  tenant_name: string | null;
  role: Role;
  email: string;
  name: string;
}

const mapMembership = (row: MembershipRow): Membership => ({
  id: row.id,
  userId: row.user_id,
  groupId: row.group_id,
  groupSlug: row.group_slug,
  groupName: row.group_name,
  tenantId: row.tenant_id,
  tenantSlug: row.tenant_slug,
  tenantName: row.tenant_name,
  role: row.role,
});

const MEMBERSHIP_SELECT = `SELECT m.id, m.user_id, m.group_id, g.slug AS group_slug, g.name AS group_name,
    m.tenant_id, t.slug AS tenant_slug, t.name AS tenant_name, m.role, u.email, u.name
  FROM memberships m
  JOIN groups g ON g.id = m.group_id
  JOIN users u ON u.id = m.user_id
  LEFT JOIN tenants t ON t.id = m.tenant_id`;

/** Addresses are compared lower-cased and trimmed: one address, one account. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export async function findUserByEmail(db: D1Database, email: string): Promise<UserAccount | null> {
  const row = await db
    .prepare("SELECT id, email, name, password_hash FROM users WHERE email = ?1")
    .bind(normalizeEmail(email))
    .first<UserRow>();
  return row ? { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash } : null;
}

export async function listUserMemberships(db: D1Database, userId: number): Promise<Membership[]> {
  const { results } = await db
    .prepare(`${MEMBERSHIP_SELECT} WHERE m.user_id = ?1 ORDER BY g.name, t.position`)
    .bind(userId)
    .all<MembershipRow>();
  return results.map(mapMembership);
}

export async function listGroupMembers(db: D1Database, groupId: number): Promise<Member[]> {
  const { results } = await db
    .prepare(`${MEMBERSHIP_SELECT} WHERE m.group_id = ?1 ORDER BY u.name, u.email, t.position`)
    .bind(groupId)
    .all<MembershipRow>();
  return results.map((row) => ({ ...mapMembership(row), email: row.email, name: row.name }));
}

/**
 * A page of the group's roles in the order they were given (membership id: a role's id never
 * changes, and a role given meanwhile comes after every page handed out).
 */
export async function listGroupMembersPage(
  db: D1Database,
  groupId: number,
  page: { afterId: number | null; limit: number },
): Promise<(Member & { id: number })[]> {
  const { results } = await db
    .prepare(
      `${MEMBERSHIP_SELECT} WHERE m.group_id = ?1 AND (?2 IS NULL OR m.id > ?2) ORDER BY m.id LIMIT ?3`,
    )
    .bind(groupId, page.afterId, page.limit)
    .all<MembershipRow>();
  return results.map((row) => ({ ...mapMembership(row), id: row.id, email: row.email, name: row.name }));
}

export async function findGroupMember(
  db: D1Database,
  groupId: number,
  membershipId: number,
): Promise<Member | null> {
  const row = await db
    .prepare(`${MEMBERSHIP_SELECT} WHERE m.group_id = ?1 AND m.id = ?2`)
    .bind(groupId, membershipId)
    .first<MembershipRow>();
  return row ? { ...mapMembership(row), email: row.email, name: row.name } : null;
}

export async function countGroupAdmins(db: D1Database, groupId: number): Promise<number> {
  const row = await db
    .prepare("SELECT COUNT(*) AS n FROM memberships WHERE group_id = ?1 AND role = 'group_admin'")
    .bind(groupId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export async function findUserById(db: D1Database, id: number): Promise<UserAccount | null> {
  const row = await db
    .prepare("SELECT id, email, name, password_hash FROM users WHERE id = ?1")
    .bind(id)
    .first<UserRow>();
  return row ? { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash } : null;
}

/** A new password. Every session of the account but `keepSessionId` ends in the same batch (callers add it). */
export function prepareSetPassword(
  db: D1Database,
  userId: number,
  passwordHash: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare("UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1")
    .bind(userId, passwordHash, at);
}

/**
 * Whether `issuerId` is a privacy lead of every group `userId` belongs to: a reset link hands the
 * account to whoever holds it, so a lead of one group must not be able to take over an account
 * that also works in a group they do not lead.
 */
export async function leadsEveryGroupOf(db: D1Database, issuerId: number, userId: number): Promise<boolean> {
  const row = await db
    .prepare(
      `SELECT COUNT(*) AS n FROM memberships m WHERE m.user_id = ?2 AND NOT EXISTS (
         SELECT 1 FROM memberships a WHERE a.user_id = ?1 AND a.group_id = m.group_id AND a.role = 'group_admin')`,
    )
    .bind(issuerId, userId)
    .first<{ n: number }>();
  return row?.n === 0;
}

/** Whether the account has a membership in the group. */
export async function isGroupMember(db: D1Database, groupId: number, userId: number): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS yes FROM memberships WHERE group_id = ?1 AND user_id = ?2 LIMIT 1")
    .bind(groupId, userId)
    .first<{ yes: number }>();
  return row !== null;
}
