// Publishing from the API: directly, or — when the group requires approval — as a request that
// another privacy lead decides on. Either way the statement is checked first, so a request is
// never made for something that could not be published.
import type { Context } from "hono";
import type { TenantContent } from "#shared/model.ts";
import type { AuditEntry } from "./db/audit.ts";
import { runWithAudit } from "./db/audit.ts";
import { findLatestBaselineVersion } from "./db/baselines.ts";
import { prepareInsertPublishRequest } from "./db/publish-requests.ts";
import type { VersionSummary } from "./db/statements.ts";
import type { AppEnv } from "./env.ts";
import { AppError } from "./errors.ts";
import { assessContent, gatePublish } from "./completeness.ts";
import { preparePublish, publishTenantVersion, type Actor } from "./publishing.ts";
import { notifyPublished } from "./webhooks/notify.ts";
import type { GroupRecord, TenantRecord } from "./db/groups.ts";
import type { Bindings } from "./env.ts";

export interface PublishInput {
  content: TenantContent;
  draftRevision: number;
  changeNote: string;
  material: boolean;
  effectiveFrom?: string | undefined;
  /** When restoring: the version whose company details are published again. */
  restoredFrom?: number;
  completenessOverride?: string | undefined;
}

export type PublishOutcome =
  | { kind: "published"; version: VersionSummary }
  | { kind: "requested"; request: { tenant: string; requestedAt: string; changeNote: string } };

export async function requestOrPublish(c: Context<AppEnv>, input: PublishInput): Promise<PublishOutcome> {
  const { group, user } = c.get("access");
  const { tenant } = c.get("tenantAccess");
  const baseline = await findLatestBaselineVersion(c.env.DB, group.id);
  if (!baseline)
    throw new AppError(409, "baseline_not_found", `${group.group.name} has not published a baseline yet.`);
  // The reason also covers legal lint errors: one written reason for all the gate refused.
  const override = gatePublish(
    assessContent(group, tenant, baseline.baseline, input.content),
    c.get("access"),
    input.completenessOverride,
  );
  const completenessOverride = override?.reason;
  const now = new Date().toISOString();
  const actor: Actor = { id: user.id, email: user.email };
  const request = {
    group,
    tenant,
    baseline,
    content: input.content,
    changeNote: input.changeNote,
    material: input.material,
    effectiveFrom: input.effectiveFrom,
    now,
    actor,
    action: input.restoredFrom ? "statement.restored" : "statement.published",
    completenessOverride,
    overridden: override && { completeness: override.completeness, lint: override.lint },
  };
  if (!group.requireApproval) {
    const version = await publishTenantVersion(c.env.DB, request);
    await announcePublish(c.env, group, tenant, version, new URL(c.req.url).origin);
    return { kind: "published", version };
  }
  // Refuses now what approval could not publish later (problems, nothing changed).
  await preparePublish(c.env.DB, request);
  const audit: AuditEntry = {
    groupId: group.id,
    tenantId: tenant.id,
    actorUserId: user.id,
    actor: user.email,
    action: "publish.requested",
    target: tenant.slug,
    summary: {
      changeNote: input.changeNote,
      material: input.material,
      effectiveFrom: input.effectiveFrom ?? null,
      restoredFrom: input.restoredFrom ?? null,
    },
    at: now,
  };
  try {
    await runWithAudit(
      c.env.DB,
      [
        prepareInsertPublishRequest(c.env.DB, {
          tenantId: tenant.id,
          requestedBy: user.id,
          requestedAt: now,
          content: input.content,
          draftRevision: input.draftRevision,
          changeNote: input.changeNote,
          material: input.material,
          effectiveFrom: input.effectiveFrom ?? null,
          completenessOverride: completenessOverride ?? null,
        }),
      ],
      [audit],
    );
  } catch (error) {
    if (String(error).includes("publish_requests")) {
      throw new AppError(
        409,
        "request_pending",
        `${tenant.name} already has a publish request waiting for approval.`,
      );
    }
    throw error;
  }
  return {
    kind: "requested",
    request: { tenant: tenant.slug, requestedAt: now, changeNote: input.changeNote },
  };
}

/** Tells the company's websites (webhooks) that a new version exists. */
export async function announcePublish(
  env: Bindings,
  group: GroupRecord,
  tenant: TenantRecord,
  version: VersionSummary,
  origin: string,
): Promise<void> {
  await notifyPublished(env, {
    groupSlug: group.group.slug,
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    version: version.number,
    publishedAt: version.publishedAt,
    effectiveFrom: version.effectiveFrom,
    contentHash: version.contentHash,
    url: `${origin}/v1/statements/${group.group.slug}/${tenant.slug}/versions/${version.number}`,
  });
}
