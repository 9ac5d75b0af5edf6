// Finding what a public URL names, and saying why nothing can be served: the same answers for the
// statement, its versions and its "what changed" pages. The reasons are only read on the error
// path, so they cost a normal request nothing.
import { findGroupBySlug, findTenant, type GroupRecord, type TenantRecord } from "../db/groups.ts";
import type { D1Reader } from "../db/reader.ts";
import { findFirstEffectiveFrom } from "../db/statements.ts";
import { AppError } from "../errors.ts";

export async function requireGroup(db: D1Reader, slug: string): Promise<GroupRecord> {
  const group = await findGroupBySlug(db, slug);
  if (!group) throw new AppError(404, "group_not_found", `No group "${slug}".`);
  return group;
}

export async function requireTenant(
  db: D1Reader,
  groupSlug: string,
  tenantSlug: string,
): Promise<{ group: GroupRecord; tenant: TenantRecord }> {
  const group = await requireGroup(db, groupSlug);
  const tenant = await findTenant(db, group.id, tenantSlug);
  if (!tenant)
    throw new AppError(404, "tenant_not_found", `${group.group.name} has no company "${tenantSlug}".`);
  return { group, tenant };
}

/** Why no version of the company is in force now (or at `at`): unknown, never published, or not yet. */
export async function explainNotFound(
  db: D1Reader,
  groupSlug: string,
  tenantSlug: string,
  at?: string,
): Promise<AppError> {
  const { tenant } = await requireTenant(db, groupSlug, tenantSlug);
  const first = await findFirstEffectiveFrom(db, tenant.id);
  if (!first)
    return new AppError(404, "not_published", `${tenant.name} has not published a privacy statement yet.`);
  if (at) {
    return new AppError(
      404,
      "not_in_force",
      `No version of ${tenant.name}'s statement was in force at ${at}; the first took effect at ${first}.`,
    );
  }
  return new AppError(404, "not_in_force", `${tenant.name}'s first statement takes effect at ${first}.`);
}
