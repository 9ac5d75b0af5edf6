// Publishing with approval: when the group requires it, every publication — a company's statement
// and the privacy lead's baseline alike — becomes a request that a different privacy lead approves
// (four eyes). Either way the publication is checked first, so a request is never made for
// something that could not be published, and approving publishes exactly what was asked for,
// through the same code as a direct publish.
import { buildAuditEntry, type AuditFacts } from "../audit-entry.ts";
import { runWithAudit } from "../db/audit.ts";
import type { BaselineVersionRecord } from "../db/baselines.ts";
import { isUniqueViolation } from "../db/errors.ts";
import type { GroupRecord, TenantRecord } from "../db/groups.ts";
import type { PublishOverride } from "../db/json-column.ts";
import {
  findPublishRequest,
  prepareDecidePublishRequest,
  prepareInsertBaselineRequest,
  prepareInsertCompanyRequest,
  type PublishRequestRecord,
} from "../db/publish-requests.ts";
import type { VersionSummary } from "../db/statements.ts";
import { AppError } from "../errors.ts";
import { publishBaselineVersion, type BaselinePublication, type PublishedBaseline } from "./baseline.ts";
import {
  prepareCompanyVersion,
  publishCompanyVersion,
  type Alongside,
  type CompanyPublication,
} from "./company.ts";
import { loadPublishingInputs, type Actor, type PublishingInputs } from "./inputs.ts";

// ---- The request as the API shows it ----

interface RequestViewCommon {
  id: number;
  requestedBy: { id: number; email: string; name: string };
  requestedAt: string;
  changeNote: string;
  status: PublishRequestRecord["status"];
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  /** The version that approving the request published: a statement or a baseline version. */
  versionNumber: number | null;
  /** The requester's written reason to publish over the gate and what it overrode, for the approver. */
  override: PublishOverride | null;
}

/** A company's statement waiting for (or decided by) another privacy lead. */
export interface CompanyRequestView extends RequestViewCommon {
  subject: "company";
  tenant: { slug: string; name: string };
  material: boolean;
  effectiveFrom: string | null;
}

/** The group's baseline waiting for (or decided by) another privacy lead. */
export interface BaselineRequestView extends RequestViewCommon {
  subject: "baseline";
  tenant: null;
  material: null;
  effectiveFrom: null;
}

export type PublishRequestView = CompanyRequestView | BaselineRequestView;

export function viewPublishRequest(r: PublishRequestRecord): PublishRequestView {
  const common: RequestViewCommon = {
    id: r.id,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt,
    changeNote: r.changeNote,
    status: r.status,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    reason: r.reason,
    versionNumber: r.versionNumber,
    override: r.override,
  };
  return r.subject === "company"
    ? {
        ...common,
        subject: "company",
        tenant: { slug: r.tenant.slug, name: r.tenant.name },
        material: r.material,
        effectiveFrom: r.effectiveFrom,
      }
    : { ...common, subject: "baseline", tenant: null, material: null, effectiveFrom: null };
}

// ---- Asking, or publishing at once ----

/** Who acts, and when; `onPublished` tells a company's websites about a new version (webhooks). */
export interface Submitter {
  actor: Actor;
  now: string;
  onPublished?: ((tenant: TenantRecord, version: VersionSummary) => Promise<void>) | undefined;
}

export type CompanySubmission =
  { kind: "published"; version: VersionSummary } | { kind: "requested"; request: PublishRequestView };

export type BaselineSubmission =
  ({ kind: "published" } & PublishedBaseline) | { kind: "requested"; request: PublishRequestView };

async function insertRequest(
  db: D1Database,
  group: GroupRecord,
  statement: D1PreparedStatement,
  audit: AuditFacts,
  pending: {
    index: "publish_requests_one_pending" | "publish_requests_one_pending_baseline";
    message: string;
  },
): Promise<PublishRequestView> {
  let results: D1Result[];
  try {
    results = await runWithAudit(db, [statement], [buildAuditEntry(audit)]);
  } catch (error) {
    if (isUniqueViolation(error, pending.index)) throw new AppError(409, "request_pending", pending.message);
    throw error;
  }
  const request = await findPublishRequest(db, group.id, results[0]!.meta.last_row_id);
  if (!request) throw new Error("the publish request just written was not found");
  return viewPublishRequest(request);
}

/** A company's statement: published now, or — with approval on — asked for. */
export async function submitCompanyPublication(
  db: D1Database,
  inputs: PublishingInputs,
  publication: CompanyPublication & { draftRevision: number },
  submitter: Submitter,
): Promise<CompanySubmission> {
  const { group } = inputs;
  const { tenant } = publication;
  const { actor, now } = submitter;
  if (!group.requireApproval) {
    const version = await publishCompanyVersion(db, inputs, publication, { now, actor });
    await submitter.onPublished?.(tenant, version);
    return { kind: "published", version };
  }
  // Refuses now what approval could not publish later (problems, nothing changed).
  await prepareCompanyVersion(db, inputs, publication, { now, actor });
  const request = await insertRequest(
    db,
    group,
    prepareInsertCompanyRequest(db, {
      groupId: group.id,
      tenantId: tenant.id,
      requestedBy: actor.id,
      requestedAt: now,
      content: publication.content,
      draftRevision: publication.draftRevision,
      changeNote: publication.changeNote,
      material: publication.material,
      effectiveFrom: publication.effectiveFrom ?? null,
      override:
        publication.completenessOverride && publication.overridden
          ? { reason: publication.completenessOverride, ...publication.overridden }
          : null,
    }),
    {
      groupId: group.id,
      tenantId: tenant.id,
      actor,
      action: "publish.requested",
      target: tenant.slug,
      summary: {
        changeNote: publication.changeNote,
        material: publication.material,
        effectiveFrom: publication.effectiveFrom ?? null,
        restoredFrom: publication.restoredFrom ?? null,
        ...(publication.completenessOverride
          ? { completenessOverride: publication.completenessOverride, overridden: publication.overridden }
          : {}),
      },
      at: now,
    },
    {
      index: "publish_requests_one_pending",
      message: `${tenant.name} already has a publish request waiting for approval.`,
    },
  );
  return { kind: "requested", request };
}

/** The group's baseline: published now, or — with approval on — asked for. */
export async function submitBaselinePublication(
  db: D1Database,
  group: GroupRecord,
  { publication, latest }: { publication: BaselinePublication; latest: BaselineVersionRecord | null },
  submitter: Submitter,
): Promise<BaselineSubmission> {
  const { actor, now } = submitter;
  if (!group.requireApproval) {
    const published = await publishBaselineVersion(db, group, publication, { now, actor, latest });
    return { kind: "published", ...published };
  }
  const request = await insertRequest(
    db,
    group,
    prepareInsertBaselineRequest(db, {
      groupId: group.id,
      requestedBy: actor.id,
      requestedAt: now,
      baseline: publication.baseline,
      draftRevision: publication.draftRevision,
      changeNote: publication.changeNote,
      override: publication.override ?? null,
    }),
    {
      groupId: group.id,
      actor,
      action: "publish.requested",
      target: "baseline",
      summary: {
        changeNote: publication.changeNote,
        draftRevision: publication.draftRevision,
        ...(publication.override
          ? {
              completenessOverride: publication.override.reason,
              overridden: {
                completeness: publication.override.completeness,
                lint: publication.override.lint,
              },
            }
          : {}),
      },
      at: now,
    },
    {
      index: "publish_requests_one_pending_baseline",
      message: `${group.group.name}'s baseline already has a publish request waiting for approval.`,
    },
  );
  return { kind: "requested", request };
}

// ---- Deciding ----

export type Approval =
  | { subject: "company"; request: PublishRequestView; version: VersionSummary }
  | ({ subject: "baseline"; request: PublishRequestView } & PublishedBaseline);

/** The request's row and audit row as decided; for an approval, naming the version written. */
function decide(
  db: D1Database,
  group: GroupRecord,
  request: PublishRequestRecord,
  decider: Actor,
  now: string,
  decision:
    | { status: "approved"; versionNumber: number }
    | { status: "rejected"; reason: string }
    | { status: "withdrawn" },
): Alongside {
  const target = request.subject === "company" ? request.tenant.slug : "baseline";
  const summary: Record<string, unknown> = { request: request.id };
  if (decision.status !== "withdrawn") summary.requestedBy = request.requestedBy.email;
  if (decision.status === "approved") summary.version = decision.versionNumber;
  if (decision.status === "rejected") summary.reason = decision.reason;
  const action = {
    approved: "publish.approved",
    rejected: "publish.rejected",
    withdrawn: "publish.withdrawn",
  }[decision.status];
  return {
    statements: [
      prepareDecidePublishRequest(db, request.id, {
        status: decision.status,
        decidedBy: decider.id,
        decidedAt: now,
        ...(decision.status === "approved" ? { versionNumber: decision.versionNumber } : {}),
        ...(decision.status === "rejected" ? { reason: decision.reason } : {}),
      }),
    ],
    audit: [
      buildAuditEntry({
        groupId: group.id,
        tenantId: request.subject === "company" ? request.tenant.id : null,
        actor: decider,
        action,
        target,
        summary,
        at: now,
      }),
    ],
  };
}

/**
 * Publishes what the request asked for, exactly as a direct publish would (in the requester's
 * name), and closes the request in the same transaction. The request and both audit rows name the
 * version actually written, also when another publish took the number it would have had.
 */
export async function approvePublishRequest(
  db: D1Database,
  group: GroupRecord,
  request: PublishRequestRecord,
  approver: Actor,
  options: { now: string; onPublished?: Submitter["onPublished"] },
): Promise<Approval> {
  const { now } = options;
  const requester: Actor = { id: request.requestedBy.id, email: request.requestedBy.email };
  const decided = (versionNumber: number): PublishRequestView =>
    viewPublishRequest({
      ...request,
      status: "approved",
      decidedAt: now,
      decidedBy: approver.email,
      versionNumber,
    });
  if (request.subject === "baseline") {
    const published = await publishBaselineVersion(
      db,
      group,
      {
        baseline: request.baseline,
        changeNote: request.changeNote,
        draftRevision: request.draftRevision,
        override: request.override,
      },
      {
        now,
        actor: requester,
        alongside: (number) =>
          decide(db, group, request, approver, now, { status: "approved", versionNumber: number }),
      },
    );
    return { subject: "baseline", request: decided(published.version.number), ...published };
  }
  const inputs = await loadPublishingInputs(db, group);
  const version = await publishCompanyVersion(
    db,
    inputs,
    {
      tenant: request.tenant,
      content: request.content,
      changeNote: request.changeNote,
      material: request.material,
      // A requested date that passed while waiting takes effect on approval.
      effectiveFrom: request.effectiveFrom && request.effectiveFrom > now ? request.effectiveFrom : undefined,
      completenessOverride: request.override?.reason ?? request.completenessOverride ?? undefined,
      overridden: request.override
        ? { completeness: request.override.completeness, lint: request.override.lint }
        : undefined,
    },
    {
      now,
      actor: requester,
      alongside: (written) =>
        decide(db, group, request, approver, now, { status: "approved", versionNumber: written.number }),
    },
  );
  await options.onPublished?.(request.tenant, version);
  return { subject: "company", request: decided(version.number), version };
}

export async function rejectPublishRequest(
  db: D1Database,
  group: GroupRecord,
  request: PublishRequestRecord,
  decider: Actor,
  reason: string,
  now: string,
): Promise<PublishRequestView> {
  const { statements, audit } = decide(db, group, request, decider, now, { status: "rejected", reason });
  await runWithAudit(db, statements, audit);
  return viewPublishRequest({
    ...request,
    status: "rejected",
    decidedAt: now,
    reason,
    decidedBy: decider.email,
  });
}

export async function withdrawPublishRequest(
  db: D1Database,
  group: GroupRecord,
  request: PublishRequestRecord,
  requester: Actor,
  now: string,
): Promise<PublishRequestView> {
  const { statements, audit } = decide(db, group, request, requester, now, { status: "withdrawn" });
  await runWithAudit(db, statements, audit);
  return viewPublishRequest({ ...request, status: "withdrawn", decidedAt: now, decidedBy: requester.email });
}
