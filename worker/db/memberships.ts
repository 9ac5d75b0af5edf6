// Writes to users and memberships that db/accounts.ts does not have (yet): role changes, roles added
// and removed, people leaving a group, their last sign-in, and the demo seed's accounts. Kept apart
// while accounts.ts is being rewritten (issues 13 and 18, account side); they belong there, with
// the rest of the accounts aggregate.
import type { Role } from "./accounts.ts";
import { chainOf } from "./audit.ts";

/** Gives a membership another role (and company: null for a group admin). */
export function prepareChangeMembership(
  db: D1Database,
  membershipId: number,
  change: { role: Role; tenantId: number | null },
): D1PreparedStatement {
  return db
    .prepare("UPDATE memberships SET role = ?1, tenant_id = ?2 WHERE id = ?3")
    .bind(change.role, change.tenantId, membershipId);
}

/** The e-mail addresses that have an account. */
export async function listUserEmails(db: D1Database): Promise<string[]> {
  const { results } = await db.prepare("SELECT email FROM users").all<{ email: string }>();
  return results.map((r) => r.email);
}

export function prepareInsertUser(
  db: D1Database,
  user: { email: string; name: string; passwordHash: string },
  now: string,
): D1PreparedStatement {
  return db
    .prepare("INSERT INTO users (email, name, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)")
    .bind(user.email, user.name, user.passwordHash, now);
}

/** A membership of the account `email` in the group (and company) named by slug. */
export function prepareInsertMembership(
  db: D1Database,
  membership: { email: string; groupSlug: string; tenantSlug: string | null; role: Role },
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
       SELECT u.id, g.id, (SELECT id FROM tenants WHERE group_id = g.id AND slug = ?3), ?4, ?5
       FROM users u, groups g WHERE u.email = ?1 AND g.slug = ?2`,
    )
    .bind(membership.email, membership.groupSlug, membership.tenantSlug, membership.role, now);
}

/** Another role for someone already in the group: a membership of their one account. */
export function prepareAddMembership(
  db: D1Database,
  membership: { userId: number; groupId: number; tenantId: number | null; role: Role },
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      "INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .bind(membership.userId, membership.groupId, membership.tenantId, membership.role, now);
}

/** One role less; the database keeps the group's last privacy lead (migrations/0012). */
export function prepareDeleteMembership(db: D1Database, membershipId: number): D1PreparedStatement {
  return db.prepare("DELETE FROM memberships WHERE id = ?1").bind(membershipId);
}

/**
 * Takes someone out of the group: every membership there, and the invitations still open for their
 * address (which would let them back in).
 */
export function prepareRemoveFromGroup(
  db: D1Database,
  person: { groupId: number; userId: number; email: string },
  now: string,
): D1PreparedStatement[] {
  return [
    db
      .prepare("DELETE FROM memberships WHERE group_id = ?1 AND user_id = ?2")
      .bind(person.groupId, person.userId),
    db
      .prepare(
        `UPDATE invitations SET revoked_at = ?3
         WHERE group_id = ?1 AND email = ?2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?3`,
      )
      .bind(person.groupId, person.email, now),
  ];
}

/** Each member's last sign-in, from the group's sign-in log (user id → ISO time). */
export async function listLastSignIns(db: D1Database, groupId: number): Promise<Map<number, string>> {
  const { results } = await db
    .prepare(
      `SELECT actor_user_id AS user_id, max(created_at) AS at FROM audit_log
       WHERE chain = ?1 AND action = 'auth.sign_in' AND actor_user_id IS NOT NULL
       GROUP BY actor_user_id`,
    )
    .bind(chainOf(groupId, "sign-ins"))
    .all<{ user_id: number; at: string }>();
  return new Map(results.map((r) => [r.user_id, r.at]));
}

/** Ends the sessions of those among `userIds` who no longer have a membership anywhere. */
export function prepareEndSessionsOfFormerMembers(db: D1Database, userIds: number[]): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM sessions WHERE user_id IN (SELECT value FROM json_each(?1))
       AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = sessions.user_id)`,
    )
    .bind(JSON.stringify(userIds));
}
