// Publishing a company's statement: resolve, render every language × format, and store the
// immutable version, its renderings and its audit row in one transaction.
import type { TenantContent } from "#shared/model.ts";
import { preparePublication, type ResolvedPublication } from "#shared/publication.ts";
import { forgetRememberedResponses } from "./http/answer-from-memory.ts";
import type { BaselineVersionRecord } from "./db/baselines.ts";
import { runWithAudit, type AuditEntry } from "./db/audit.ts";
import type { GroupRecord, TenantRecord } from "./db/groups.ts";
import type { VersionSummary } from "./db/statements.ts";
import { AppError } from "./errors.ts";

export interface Actor {
  id: number;
  email: string;
}

export interface PublishRequest {
  group: GroupRecord;
  tenant: TenantRecord;
  baseline: BaselineVersionRecord;
  content: TenantContent;
  changeNote: string;
  material: boolean;
  /** ISO 8601 UTC; defaults to now. Never before now. */
  effectiveFrom?: string | undefined;
  now: string;
  /** Who publishes; null for the system (the demo seed). */
  actor: Actor | null;
  /** The audit action, e.g. statement.published or statement.republished. */
  action?: string;
  /** The statement already resolved from this baseline and content (a rollout has it at hand). */
  resolved?: ResolvedPublication;
  /** A group admin's reason to publish despite what the gate refuses (completeness, legal lint). */
  completenessOverride?: string | undefined;
  /** What that reason published over: checklist items and lint rules, kept in the audit row. */
  overridden?: { completeness: string[]; lint: string[] } | undefined;
  /**
   * What the caller already read of the company's versions (a rollout reads all companies at
   * once). If it is stale, the write is refused by the unique version number and nothing is lost.
   */
  publishedSoFar?: PublishedSoFar | undefined;
}

/** The company's versions as far as a new publish needs them. */
export interface PublishedSoFar {
  /** The highest version number, null before the first publish. */
  number: number | null;
  latestHash: string | null;
  /** The content hash of the version in force at the moment of publishing. */
  inForceHash: string | null;
}

/**
 * SQL for the content hash of the version of `tenantId` in force at `now` (both SQL expressions),
 * which a new publish must differ from; shared with the rollout, which reads it for every company.
 */
export const inForceHashSql = (tenantId: string, now: string): string =>
  `(SELECT content_hash FROM statement_versions WHERE tenant_id = ${tenantId} AND effective_from <= ${now}
    ORDER BY effective_from DESC, number DESC LIMIT 1)`;

async function readPublishedSoFar(db: D1Database, tenantId: number, now: string): Promise<PublishedSoFar> {
  const row = await db
    .prepare(
      `SELECT MAX(number) AS number,
         (SELECT content_hash FROM statement_versions WHERE tenant_id = ?1 ORDER BY number DESC LIMIT 1) AS latest_hash,
         ${inForceHashSql("?1", "?2")} AS in_force_hash
       FROM statement_versions WHERE tenant_id = ?1`,
    )
    .bind(tenantId, now)
    .first<{ number: number | null; latest_hash: string | null; in_force_hash: string | null }>();
  return {
    number: row?.number ?? null,
    latestHash: row?.latest_hash ?? null,
    inForceHash: row?.in_force_hash ?? null,
  };
}

export interface PreparedPublish {
  version: VersionSummary;
  statements: D1PreparedStatement[];
  audit: AuditEntry;
}

/**
 * Renderings per INSERT: one statement instead of one per rendering is most of a rollout's speed,
 * and D1 binds at most 100 parameters (2 + 4 per rendering). Today a version has ten.
 */
const RENDERINGS_PER_INSERT = 24;

const chunksOf = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Everything a publish writes, not yet written; refuses what must not be published. */
export async function preparePublish(db: D1Database, request: PublishRequest): Promise<PreparedPublish> {
  const { group, tenant, baseline, content, now } = request;
  const effectiveFrom = request.effectiveFrom ?? now;
  if (effectiveFrom < now) {
    throw new AppError(400, "invalid_request", "effectiveFrom must not be in the past", [
      { field: "effectiveFrom", message: "must not be in the past" },
    ]);
  }
  const latest = request.publishedSoFar ?? (await readPublishedSoFar(db, tenant.id, now));
  const number = (latest.number ?? 0) + 1;

  const publication = await preparePublication(
    baseline.baseline,
    { group: group.group, slug: tenant.slug, content },
    { version: number, publishedAt: now, effectiveFrom, baselineVersion: baseline.number },
    request.resolved,
  );
  if (publication.problems.length > 0) {
    throw new AppError(
      422,
      "statement_has_problems",
      `The statement cannot be published: ${publication.problems.map((p) => p.message).join("; ")}`,
      publication.problems.map((p) => ({
        field: p.section ? `sections.${p.section}` : (p.field ?? "statement"),
        message: p.message,
      })),
    );
  }
  if (publication.contentHash === latest.inForceHash || publication.contentHash === latest.latestHash) {
    throw new AppError(
      409,
      "nothing_changed",
      `This is exactly the statement ${tenant.name} already published: there is nothing new to publish.`,
    );
  }

  const languages = group.group.languages;
  const insertVersion = db
    .prepare(
      `INSERT INTO statement_versions (tenant_id, number, baseline_version_id, content, languages, change_note,
         material, content_hash, published_at, effective_from, published_by, completeness_override)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)`,
    )
    .bind(
      tenant.id,
      number,
      baseline.id,
      JSON.stringify(content),
      JSON.stringify(languages),
      request.changeNote,
      request.material ? 1 : 0,
      publication.contentHash,
      now,
      effectiveFrom,
      request.actor?.id ?? null,
      request.completenessOverride ?? null,
    );
  const insertRenderings = chunksOf(publication.outputs, RENDERINGS_PER_INSERT).map((outputs) =>
    db
      .prepare(
        `INSERT INTO statement_renderings (version_id, language, format, body, body_hash)
         VALUES ${outputs
           .map(
             (_, i) =>
               `((SELECT id FROM statement_versions WHERE tenant_id = ?1 AND number = ?2), ?${3 + i * 4}, ?${4 + i * 4}, ?${5 + i * 4}, ?${6 + i * 4})`,
           )
           .join(", ")}`,
      )
      .bind(tenant.id, number, ...outputs.flatMap((o) => [o.language, o.format, o.body, o.bodyHash])),
  );
  const version: VersionSummary = {
    number,
    publishedAt: now,
    effectiveFrom,
    changeNote: request.changeNote,
    material: request.material,
    contentHash: publication.contentHash,
    baselineVersion: baseline.number,
    languages,
  };
  return {
    version,
    statements: [insertVersion, ...insertRenderings],
    audit: {
      groupId: group.id,
      tenantId: tenant.id,
      actorUserId: request.actor?.id ?? null,
      actor: request.actor?.email ?? "system",
      action: request.action ?? "statement.published",
      target: tenant.slug,
      summary: {
        version: number,
        baselineVersion: baseline.number,
        changeNote: request.changeNote,
        material: request.material,
        effectiveFrom,
        contentHash: publication.contentHash,
        ...(request.completenessOverride ? { completenessOverride: request.completenessOverride } : {}),
        ...(request.overridden ? { overridden: request.overridden } : {}),
      },
      at: now,
    },
  };
}

/**
 * Publishes in one transaction, together with `alongside` (statements that must happen with the
 * publish or not at all, such as closing an approval request) and their audit rows.
 */
export async function publishTenantVersion(
  db: D1Database,
  request: PublishRequest,
  alongside: { statements: D1PreparedStatement[]; audit: AuditEntry[] } = { statements: [], audit: [] },
): Promise<VersionSummary> {
  for (let attempt = 1; ; attempt++) {
    // A retry reads the versions afresh: what the caller knew is what just collided.
    const prepared = await preparePublish(
      db,
      attempt === 1 ? request : { ...request, publishedSoFar: undefined },
    );
    try {
      await runWithAudit(
        db,
        [...prepared.statements, ...alongside.statements],
        [prepared.audit, ...alongside.audit],
      );
      forgetRememberedResponses();
      return prepared.version;
    } catch (error) {
      // Another publish of this company took the same number first; nothing of this one was
      // written. Number it again after that one (and re-check that it still differs from it).
      if (!String(error).includes("UNIQUE constraint failed: statement_versions")) throw error;
      if (attempt >= 10) {
        throw new AppError(
          409,
          "publish_conflict",
          `${request.tenant.name} is being published by several people at once; try again.`,
        );
      }
      // A little random wait, so that publishes that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * attempt));
    }
  }
}
