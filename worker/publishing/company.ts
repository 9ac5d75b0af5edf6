// A company's statement: resolve, render every language × format, and store the immutable version,
// its renderings and its audit row in one transaction. The only code that writes statement_versions.
import type { TenantContent } from "#shared/model.ts";
import { preparePublication, type HashedPublication, type ResolvedPublication } from "#shared/publication.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { runWithAudit, type AuditEntry } from "../db/audit.ts";
import type { BaselineVersionRecord } from "../db/baselines.ts";
import { isUniqueViolation } from "../db/errors.ts";
import type { GroupRecord, TenantRecord } from "../db/groups.ts";
import {
  findPublishedSoFar,
  prepareInsertRenderings,
  prepareInsertVersion,
  type PublishedSoFar,
  type VersionSummary,
} from "../db/statements.ts";
import { AppError } from "../errors.ts";
import { forgetRememberedResponses } from "../http/answer-from-memory.ts";
import { forgetInForce, type CompanyAddress } from "../http/public-cache.ts";
import { packRenderings } from "../storage/rendering-packs.ts";
import type { Actor } from "./inputs.ts";

/** What a company publishes. */
export interface CompanyPublication {
  tenant: TenantRecord;
  content: TenantContent;
  changeNote: string;
  material: boolean;
  /** ISO 8601 UTC; defaults to now. Never before now. */
  effectiveFrom?: string | undefined;
  /** A group admin's reason to publish despite what the gate refuses (completeness, legal lint). */
  completenessOverride?: string | undefined;
  /** What that reason published over: checklist items and lint rules, kept in the audit row. */
  overridden?: { completeness: string[]; lint: string[] } | undefined;
  /** When restoring: the version whose company details are published again. */
  restoredFrom?: number | undefined;
}

/** Statements (and their audit rows) written in the same batch as a version, or not at all. */
export interface Alongside {
  statements: D1PreparedStatement[];
  audit: AuditEntry[];
}

/** Built from the version actually being written, again on every attempt. */
export type AlongsideOf = (version: VersionSummary) => Alongside;

export interface CompanyPublishOptions {
  now: string;
  actor: Actor | null;
  /** The audit action; by default statement.published, or statement.restored for a restore. */
  action?: "statement.published" | "statement.restored" | "statement.republished";
  /** The statement already resolved from this baseline and content (a rollout has it at hand). */
  resolved?: ResolvedPublication | HashedPublication | undefined;
  /**
   * What the caller already read of the company's versions (a rollout reads all companies at
   * once). If it is stale, the write is refused by the unique version number and nothing is lost.
   */
  publishedSoFar?: PublishedSoFar | undefined;
  /** Written with the version, such as closing an approval request or a webhook outbox row. */
  alongside?: AlongsideOf | undefined;
}

export interface PreparedVersion {
  /** Whose version: what the public caches forget once it is written. */
  company: CompanyAddress;
  version: VersionSummary;
  statements: D1PreparedStatement[];
  audit: AuditEntry[];
}

const noProblems = (publication: { problems: { message: string; section?: string; field?: string }[] }) => {
  if (publication.problems.length === 0) return;
  throw new AppError(
    422,
    "statement_has_problems",
    `The statement cannot be published: ${publication.problems.map((p) => p.message).join("; ")}`,
    publication.problems.map((p) => ({
      field: p.section ? `sections.${p.section}` : (p.field ?? "statement"),
      message: p.message,
    })),
  );
};

/** Everything a publish writes, not yet written; refuses what must not be published. */
export async function prepareCompanyVersion(
  db: D1Database,
  { group, baseline }: { group: GroupRecord; baseline: BaselineVersionRecord },
  publication: CompanyPublication,
  options: CompanyPublishOptions,
): Promise<PreparedVersion> {
  const { tenant, content } = publication;
  const { now } = options;
  const effectiveFrom = publication.effectiveFrom ?? now;
  if (effectiveFrom < now) {
    throw new AppError(400, "invalid_request", "effectiveFrom must not be in the past", [
      { field: "effectiveFrom", message: "must not be in the past" },
    ]);
  }
  const latest = options.publishedSoFar ?? (await findPublishedSoFar(db, tenant.id, now));
  const number = (latest.number ?? 0) + 1;

  const rendered = await preparePublication(
    baseline.baseline,
    { group: group.group, slug: tenant.slug, content },
    { version: number, publishedAt: now, effectiveFrom, baselineVersion: baseline.number },
    options.resolved,
  );
  noProblems(rendered);
  if (rendered.contentHash === latest.inForceHash || rendered.contentHash === latest.latestHash) {
    throw new AppError(
      409,
      "nothing_changed",
      `This is exactly the statement ${tenant.name} already published: there is nothing new to publish.`,
    );
  }

  const packed = await packRenderings(rendered.outputs);

  const version: VersionSummary = {
    number,
    publishedAt: now,
    effectiveFrom,
    changeNote: publication.changeNote,
    material: publication.material,
    contentHash: rendered.contentHash,
    baselineVersion: baseline.number,
    languages: group.group.languages,
  };
  const audit = buildAuditEntry({
    groupId: group.id,
    tenantId: tenant.id,
    actor: options.actor,
    action: options.action ?? (publication.restoredFrom ? "statement.restored" : "statement.published"),
    target: tenant.slug,
    summary: {
      version: number,
      baselineVersion: baseline.number,
      changeNote: publication.changeNote,
      material: publication.material,
      effectiveFrom,
      contentHash: rendered.contentHash,
      ...(publication.completenessOverride ? { completenessOverride: publication.completenessOverride } : {}),
      ...(publication.overridden ? { overridden: publication.overridden } : {}),
    },
    at: now,
  });
  const alongside = options.alongside?.(version) ?? { statements: [], audit: [] };
  return {
    company: { group: group.group.slug, tenant: tenant.slug },
    version,
    statements: [
      prepareInsertVersion(db, {
        tenantId: tenant.id,
        number,
        baselineVersionId: baseline.id,
        content,
        languages: group.group.languages,
        changeNote: publication.changeNote,
        material: publication.material,
        contentHash: rendered.contentHash,
        publishedAt: now,
        effectiveFrom,
        publishedBy: options.actor?.id ?? null,
        completenessOverride: publication.completenessOverride ?? null,
      }),
      ...prepareInsertRenderings(db, tenant.id, number, packed),
      ...alongside.statements,
    ],
    audit: [audit, ...alongside.audit],
  };
}

/**
 * How soon the public answers show what was written. "here at once": this data centre serves it
 * from the next request on, every other one within IN_FORCE_FOR_SECONDS (the README's "Consistency
 * for websites"); what someone publishes at a screen. "within the bound": every data centre,
 * this one included, within IN_FORCE_FOR_SECONDS; what a queued rollout run publishes. Its consumer
 * runs in a data centre no visitor chose, and forgetting each company there would cost a Cache API
 * call per company (10,000 in a large group) for a republish nobody is waiting to see.
 */
export type Visibility = "here at once" | "within the bound";

/** Writes prepared versions (of one company or many) in one transaction. */
export async function writePreparedVersions(
  db: D1Database,
  prepared: PreparedVersion[],
  /** Written in the same transaction after the versions (a rollout run's progress). */
  alongside: D1PreparedStatement[] = [],
  visibility: Visibility = "here at once",
): Promise<void> {
  await runWithAudit(
    db,
    [...prepared.flatMap((p) => p.statements), ...alongside],
    prepared.flatMap((p) => p.audit),
  );
  forgetRememberedResponses();
  if (visibility === "here at once") await forgetInForce(prepared.map((p) => p.company));
}

/**
 * Publishes a company's statement in one transaction, with what `alongside` builds from the
 * version being written. When another publish of the company takes the same number first, nothing
 * of this one is written, and it is numbered again after that one (and re-checked against it).
 */
export async function publishCompanyVersion(
  db: D1Database,
  inputs: { group: GroupRecord; baseline: BaselineVersionRecord },
  publication: CompanyPublication,
  options: CompanyPublishOptions,
): Promise<VersionSummary> {
  for (let attempt = 1; ; attempt++) {
    // A retry reads the versions afresh: what the caller knew is what just collided.
    const prepared = await prepareCompanyVersion(
      db,
      inputs,
      publication,
      attempt === 1 ? options : { ...options, publishedSoFar: undefined },
    );
    try {
      await writePreparedVersions(db, [prepared]);
      return prepared.version;
    } catch (error) {
      if (!isUniqueViolation(error, "statement_versions_number")) throw error;
      if (attempt >= 10) {
        throw new AppError(
          409,
          "publish_conflict",
          `${publication.tenant.name} is being published by several people at once; try again.`,
        );
      }
      // A little random wait, so that publishes that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * attempt));
    }
  }
}
