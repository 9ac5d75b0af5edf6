// The Conxillium demo group: created once, then every company without a version is published.
// Running it again changes nothing, so `npm start` can run it on every start.
import { DEMO_BASELINE, DEMO_GROUP, DEMO_TENANTS } from "#shared/demo/index.ts";
import { findLatestBaselineVersion } from "./db/baselines.ts";
import { findGroupBySlug, listTenants } from "./db/groups.ts";
import { hashPassword } from "./auth/password.ts";
import type { Role } from "./db/accounts.ts";
import { publishTenantVersion } from "./publishing.ts";

/** Local demo only: these accounts exist nowhere else, and `npm start` prints them. */
export const DEMO_PASSWORD = "verklaring-demo";
export const DEMO_USERS: readonly { email: string; name: string; role: Role; tenant: string | null }[] = [
  { email: "lead@conxillium.example", name: "Lotte de Leeuw", role: "group_admin", tenant: null },
  {
    email: "editor@jccsoftware.example",
    name: "Jeroen Claassen",
    role: "tenant_editor",
    tenant: "jcc-software",
  },
  { email: "viewer@jccsoftware.example", name: "Vera Jansen", role: "tenant_viewer", tenant: "jcc-software" },
  { email: "editor@dataquint.example", name: "Daan Quint", role: "tenant_editor", tenant: "dataquint" },
];

export interface SeedResult {
  createdGroup: boolean;
  published: string[];
  createdUsers: string[];
}

export async function seedDemoGroup(db: D1Database, now: string): Promise<SeedResult> {
  const createdGroup = (await findGroupBySlug(db, DEMO_GROUP.slug)) === null;
  if (createdGroup) await insertDemoGroup(db, now);

  const group = await findGroupBySlug(db, DEMO_GROUP.slug);
  const baseline = group && (await findLatestBaselineVersion(db, group.id));
  if (!group || !baseline) throw new Error("demo group was not created");

  const published: string[] = [];
  for (const tenant of await listTenants(db, group.id)) {
    const hasVersion = await db
      .prepare("SELECT 1 FROM statement_versions WHERE tenant_id = ?1 LIMIT 1")
      .bind(tenant.id)
      .first();
    if (hasVersion) continue;
    const demo = DEMO_TENANTS.find((t) => t.slug === tenant.slug);
    if (!demo) continue;
    await publishTenantVersion(db, {
      group,
      tenant,
      baseline,
      content: demo.content,
      changeNote: "Eerste publicatie van de privacyverklaring.",
      material: true,
      now,
      actor: null,
    });
    published.push(tenant.slug);
  }
  const createdUsers = await insertDemoUsers(db, now);
  return { createdGroup, published, createdUsers };
}

async function insertDemoUsers(db: D1Database, now: string): Promise<string[]> {
  const { results } = await db.prepare("SELECT email FROM users").all<{ email: string }>();
  const existing = new Set(results.map((r) => r.email));
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  if (missing.length === 0) return [];
  // One hash for all demo accounts: they share a published password anyway.
  const passwordHash = hashPassword(DEMO_PASSWORD);
  await db.batch(
    missing.flatMap((user) => [
      db
        .prepare("INSERT INTO users (email, name, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)")
        .bind(user.email, user.name, passwordHash, now),
      db
        .prepare(
          `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
           SELECT u.id, g.id, (SELECT id FROM tenants WHERE group_id = g.id AND slug = ?3), ?4, ?5
           FROM users u, groups g WHERE u.email = ?1 AND g.slug = ?2`,
        )
        .bind(user.email, DEMO_GROUP.slug, user.tenant, user.role, now),
    ]),
  );
  return missing.map((u) => u.email);
}

async function insertDemoGroup(db: D1Database, now: string): Promise<void> {
  const slug = DEMO_GROUP.slug;
  const groupId = "(SELECT id FROM groups WHERE slug = ?1)";
  await db.batch([
    db
      .prepare(
        "INSERT INTO groups (slug, name, languages, default_language, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
      )
      .bind(slug, DEMO_GROUP.name, JSON.stringify(DEMO_GROUP.languages), DEMO_GROUP.defaultLanguage, now),
    ...DEMO_TENANTS.map((tenant, position) =>
      db
        .prepare(
          `INSERT INTO tenants (group_id, slug, name, position, created_at) VALUES (${groupId}, ?2, ?3, ?4, ?5)`,
        )
        .bind(slug, tenant.slug, tenant.name, position, now),
    ),
    db
      .prepare(
        `INSERT INTO baseline_drafts (group_id, revision, content, updated_at) VALUES (${groupId}, 1, ?2, ?3)`,
      )
      .bind(slug, JSON.stringify(DEMO_BASELINE), now),
    db
      .prepare(
        `INSERT INTO baseline_versions (group_id, number, content, change_note, published_at)
         VALUES (${groupId}, 1, ?2, ?3, ?4)`,
      )
      .bind(
        slug,
        JSON.stringify(DEMO_BASELINE),
        "Groepsverklaring van Conxillium, overgenomen in Verklaring.",
        now,
      ),
    ...DEMO_TENANTS.map((tenant) =>
      db
        .prepare(
          `INSERT INTO tenant_drafts (tenant_id, revision, content, updated_at)
           VALUES ((SELECT id FROM tenants WHERE group_id = ${groupId} AND slug = ?2), 1, ?3, ?4)`,
        )
        .bind(slug, tenant.slug, JSON.stringify(tenant.content), now),
    ),
  ]);
}
