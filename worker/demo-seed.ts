// The Conxillium demo group: created once, then every company without a version is published.
// Running it again changes nothing, so `npm start` can run it on every start.
import { DEMO_BASELINE, DEMO_GROUP, DEMO_TENANTS } from "#shared/demo/index.ts";
import { hashPassword } from "./auth/password.ts";
import type { Role } from "./db/accounts.ts";
import { prepareInsertFirstBaselineVersion } from "./db/baselines.ts";
import { prepareInsertBaselineDraft, prepareInsertTenantDraft } from "./db/drafts.ts";
import { findGroupBySlug, listTenants, prepareInsertGroup, prepareInsertTenant } from "./db/groups.ts";
import { listUserEmails, prepareInsertMembership, prepareInsertUser } from "./db/memberships.ts";
import { hasAnyVersion } from "./db/statements.ts";
import { prepareSetTwoStepPolicy } from "./db/two-step.ts";
import { publishCompanyVersion } from "./publishing/company.ts";
import { requireBaseline } from "./publishing/inputs.ts";

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
  if (!group) throw new Error("demo group was not created");
  const baseline = await requireBaseline(db, group);

  const published: string[] = [];
  for (const tenant of await listTenants(db, group.id)) {
    if (await hasAnyVersion(db, tenant.id)) continue;
    const demo = DEMO_TENANTS.find((t) => t.slug === tenant.slug);
    if (!demo) continue;
    await publishCompanyVersion(
      db,
      { group, baseline },
      {
        tenant,
        content: demo.content,
        changeNote: "Eerste publicatie van de privacyverklaring.",
        material: true,
      },
      { now, actor: null },
    );
    published.push(tenant.slug);
  }
  const createdUsers = await insertDemoUsers(db, now);
  return { createdGroup, published, createdUsers };
}

async function insertDemoUsers(db: D1Database, now: string): Promise<string[]> {
  const existing = new Set(await listUserEmails(db));
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  if (missing.length === 0) return [];
  // One hash for all demo accounts: they share a published password anyway.
  const passwordHash = hashPassword(DEMO_PASSWORD);
  await db.batch(
    missing.flatMap((user) => [
      prepareInsertUser(db, { email: user.email, name: user.name, passwordHash }, now),
      prepareInsertMembership(
        db,
        { email: user.email, groupSlug: DEMO_GROUP.slug, tenantSlug: user.tenant, role: user.role },
        now,
      ),
    ]),
  );
  return missing.map((u) => u.email);
}

async function insertDemoGroup(db: D1Database, now: string): Promise<void> {
  const slug = DEMO_GROUP.slug;
  await db.batch([
    prepareInsertGroup(db, DEMO_GROUP, now),
    // A new group requires two-step sign-in of its privacy leads; the demo's lead signs in with
    // the published demo password alone, so that `npm start` is usable at once. The setting is on
    // the group's settings page, to try.
    prepareSetTwoStepPolicy(db, slug, "off"),
    ...DEMO_TENANTS.map((tenant, position) =>
      prepareInsertTenant(db, slug, { slug: tenant.slug, name: tenant.name, position }, now),
    ),
    prepareInsertBaselineDraft(db, slug, DEMO_BASELINE, now),
    prepareInsertFirstBaselineVersion(db, slug, {
      baseline: DEMO_BASELINE,
      changeNote: "Groepsverklaring van Conxillium, overgenomen in Verklaring.",
      publishedAt: now,
    }),
    ...DEMO_TENANTS.map((tenant) =>
      prepareInsertTenantDraft(db, { groupSlug: slug, slug: tenant.slug }, tenant.content, now),
    ),
  ]);
}
