// Telling a company's websites that a new version exists (publish webhooks).
import type { Bindings } from "../env.ts";
import type { GroupRecord, TenantRecord } from "../db/groups.ts";
import type { VersionSummary } from "../db/statements.ts";
import { notifyPublished } from "../webhooks/notify.ts";

/** The `onPublished` of a publication made through the API at `origin`. */
export const announceTo =
  (env: Bindings, group: GroupRecord, origin: string) =>
  (tenant: TenantRecord, version: VersionSummary): Promise<void> =>
    notifyPublished(env, {
      groupSlug: group.group.slug,
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      version: version.number,
      publishedAt: version.publishedAt,
      effectiveFrom: version.effectiveFrom,
      contentHash: version.contentHash,
      url: `${origin}/v1/statements/${group.group.slug}/${tenant.slug}/versions/${version.number}`,
    });
