// Writes to users and memberships that db/accounts.ts does not have (yet): a member's role change
// and the demo seed's accounts. Kept apart while accounts.ts is being rewritten for issue 13; they
// belong there, with the rest of the accounts aggregate.
import type { Role } from "./accounts.ts";

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
