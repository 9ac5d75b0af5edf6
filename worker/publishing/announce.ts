// Telling a company's websites that a new version exists (publish webhooks).
import type { Bindings } from "../env.ts";
import type { GroupRecord, TenantRecord } from "../db/groups.ts";
import type { VersionSummary } from "../db/statements.ts";
import { notifyAllPublished, type PublishedEvent } from "../webhooks/notify.ts";

const eventOf = (
  group: GroupRecord,
  origin: string,
  tenant: TenantRecord,
  version: VersionSummary,
): PublishedEvent => ({
  groupSlug: group.group.slug,
  tenantId: tenant.id,
  tenantSlug: tenant.slug,
  version: version.number,
  publishedAt: version.publishedAt,
  effectiveFrom: version.effectiveFrom,
  contentHash: version.contentHash,
  url: `${origin}/v1/statements/${group.group.slug}/${tenant.slug}/versions/${version.number}`,
});

/** The `onPublished` of a publication made through the API at `origin`. */
export const announceTo =
  (env: Bindings, group: GroupRecord, origin: string) =>
  (tenant: TenantRecord, version: VersionSummary): Promise<void> =>
    notifyAllPublished(env, [eventOf(group, origin, tenant, version)]);

/** The same for the versions one transaction wrote (a rollout chunk): one claim for them all. */
export const announceAllTo = (
  env: Bindings,
  group: GroupRecord,
  origin: string,
  published: readonly { tenant: TenantRecord; version: VersionSummary }[],
): Promise<void> =>
  notifyAllPublished(
    env,
    published.map((p) => eventOf(group, origin, p.tenant, p.version)),
  );
