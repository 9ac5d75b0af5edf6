// Publishing a company's statement: resolve, render every language × format, and store the
// immutable version with its renderings in one transaction.
import type { TenantContent } from "../shared/model.ts";
import { preparePublication } from "../shared/publication.ts";
import type { BaselineVersionRecord } from "./db/baselines.ts";
import type { GroupRecord, TenantRecord } from "./db/groups.ts";
import type { VersionSummary } from "./db/statements.ts";
import { AppError } from "./errors.ts";

export interface PublishRequest {
  group: GroupRecord;
  tenant: TenantRecord;
  baseline: BaselineVersionRecord;
  content: TenantContent;
  changeNote: string;
  material: boolean;
  /** ISO 8601 UTC; defaults to now. Never before now. */
  effectiveFrom?: string;
  now: string;
}

export async function publishTenantVersion(db: D1Database, request: PublishRequest): Promise<VersionSummary> {
  const { group, tenant, baseline, content, now } = request;
  const effectiveFrom = request.effectiveFrom ?? now;
  if (effectiveFrom < now) {
    throw new AppError(400, "invalid_request", "effectiveFrom must not be in the past", [
      { field: "effectiveFrom", message: "must not be in the past" },
    ]);
  }
  const last = await db
    .prepare("SELECT MAX(number) AS number FROM statement_versions WHERE tenant_id = ?1")
    .bind(tenant.id)
    .first<{ number: number | null }>();
  const number = (last?.number ?? 0) + 1;

  const publication = preparePublication(
    baseline.baseline,
    { group: group.group, slug: tenant.slug, content },
    { version: number, publishedAt: now, effectiveFrom, baselineVersion: baseline.number },
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

  const languages = group.group.languages;
  const insertVersion = db
    .prepare(
      `INSERT INTO statement_versions (tenant_id, number, baseline_version_id, content, languages, change_note,
         material, content_hash, published_at, effective_from)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`,
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
    );
  const insertRendering = db.prepare(
    `INSERT INTO statement_renderings (version_id, language, format, body, body_hash)
     VALUES ((SELECT id FROM statement_versions WHERE tenant_id = ?1 AND number = ?2), ?3, ?4, ?5, ?6)`,
  );
  try {
    await db.batch([
      insertVersion,
      ...publication.outputs.map((o) =>
        insertRendering.bind(tenant.id, number, o.language, o.format, o.body, o.bodyHash),
      ),
    ]);
  } catch (error) {
    // Two publishes raced for the same number: the other one won, nothing of this one was written.
    if (String(error).includes("UNIQUE constraint failed")) {
      throw new AppError(
        409,
        "publish_conflict",
        `Version ${number} of ${tenant.name} was published at the same moment; try again.`,
      );
    }
    throw error;
  }
  return {
    number,
    publishedAt: now,
    effectiveFrom,
    changeNote: request.changeNote,
    material: request.material,
    contentHash: publication.contentHash,
    baselineVersion: baseline.number,
    languages,
  };
}
