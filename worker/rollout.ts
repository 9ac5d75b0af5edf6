// Baseline inheritance: which companies rest on an older baseline (or on processor details the
// register has since changed), what their statement would become, whether their overrides still
// apply cleanly, and republishing the clean ones.
import { diffStatements, type StatementDiff } from "../shared/diff.ts";
import { ALLOWED_MODES, type Baseline, type TenantContent } from "../shared/model.ts";
import { applyProcessorRegister } from "../shared/processor-register.ts";
import { hashStatementContent, renderJson, resolveStatement } from "../shared/engine.ts";
import {
  findBaselineVersionById,
  findLatestBaselineVersion,
  type BaselineVersionRecord,
} from "./db/baselines.ts";
import type { GroupRecord, TenantRecord } from "./db/groups.ts";
import { listProcessors } from "./db/processors.ts";
import type { VersionSummary } from "./db/statements.ts";
import { AppError } from "./errors.ts";
import { publishTenantVersion, type Actor } from "./publishing.ts";

export interface Conflict {
  section: string;
  reason: string;
}

export interface RolloutStatus {
  tenant: TenantRecord;
  /** The company's latest published version, or null when it has none. */
  version: { number: number; baselineVersion: number; publishedAt: string } | null;
  latestBaseline: number;
  outdated: boolean;
  reasons: ("baseline" | "processor")[];
  conflicts: Conflict[];
  /** What republishing would change, in the group's default language; null when not outdated. */
  diff: StatementDiff | null;
}

interface LatestVersionRow {
  tenant_id: number;
  slug: string;
  name: string;
  group_id: number;
  number: number | null;
  content: string | null;
  baseline_version_id: number | null;
  published_at: string | null;
  content_hash: string | null;
  json: string | null;
}

const sameText = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Overrides and own sections that the new baseline no longer lets apply as they did. */
export function findConflicts(previous: Baseline, next: Baseline, content: TenantContent): Conflict[] {
  const before = new Map(previous.sections.map((s) => [s.key, s]));
  const after = new Map(next.sections.map((s) => [s.key, s]));
  const conflicts: Conflict[] = [];
  for (const [key, override] of Object.entries(content.overrides)) {
    if (override.mode === "inherit") continue;
    const now = after.get(key);
    if (!now) {
      conflicts.push({
        section: key,
        reason: `the baseline no longer has this section (the company chose ${override.mode})`,
      });
    } else if (!ALLOWED_MODES[now.policy].includes(override.mode)) {
      conflicts.push({
        section: key,
        reason: `the section is now ${now.policy}, which does not allow ${override.mode}`,
      });
    } else if (override.mode !== "omit") {
      const was = before.get(key);
      if (!was || !sameText([was.title, was.body, was.list], [now.title, now.body, now.list])) {
        conflicts.push({
          section: key,
          reason: `the baseline changed this section, which the company ${override.mode === "replace" ? "replaced" : "extended"}`,
        });
      }
    }
  }
  for (const own of content.ownSections) {
    if (!after.has(own.after)) {
      conflicts.push({
        section: own.key,
        reason: `it follows "${own.after}", which the baseline no longer has`,
      });
    }
  }
  return conflicts;
}

interface JsonRendering {
  sections: { key: string; title: string; text: string }[];
}

async function readLatestVersions(db: D1Database, group: GroupRecord): Promise<LatestVersionRow[]> {
  const { results } = await db
    .prepare(
      `SELECT t.id AS tenant_id, t.slug, t.name, t.group_id, v.number, v.content, v.baseline_version_id, v.published_at, v.content_hash,
         (SELECT body FROM statement_renderings r WHERE r.version_id = v.id AND r.format = 'json' AND r.language = ?2) AS json
       FROM tenants t
       LEFT JOIN statement_versions v ON v.id = (SELECT id FROM statement_versions WHERE tenant_id = t.id ORDER BY number DESC LIMIT 1)
       WHERE t.group_id = ?1 ORDER BY t.position, t.slug`,
    )
    .bind(group.id, group.group.defaultLanguage)
    .all<LatestVersionRow>();
  return results;
}

/** Every company's rollout status, or only `onlyTenant`'s (so republishing one is not quadratic). */
export async function listRolloutStatus(
  db: D1Database,
  group: GroupRecord,
  onlyTenant?: string,
): Promise<RolloutStatus[]> {
  const latest = await findLatestBaselineVersion(db, group.id);
  if (!latest) return [];
  const [rows, register] = await Promise.all([readLatestVersions(db, group), listProcessors(db, group.id)]);
  const baselines = new Map<number, BaselineVersionRecord | null>([[latest.id, latest]]);
  const statuses: RolloutStatus[] = [];
  for (const row of rows) {
    if (onlyTenant !== undefined && row.slug !== onlyTenant) continue;
    const tenant: TenantRecord = { id: row.tenant_id, groupId: row.group_id, slug: row.slug, name: row.name };
    if (row.number === null || row.content === null || row.baseline_version_id === null) {
      statuses.push({
        tenant,
        version: null,
        latestBaseline: latest.number,
        outdated: false,
        reasons: [],
        conflicts: [],
        diff: null,
      });
      continue;
    }
    if (!baselines.has(row.baseline_version_id)) {
      baselines.set(row.baseline_version_id, await findBaselineVersionById(db, row.baseline_version_id));
    }
    const previous = baselines.get(row.baseline_version_id)!;
    const content = JSON.parse(row.content) as TenantContent;
    const refreshed = applyProcessorRegister(content, register);
    const reasons: RolloutStatus["reasons"] = [];
    if (row.baseline_version_id !== latest.id) reasons.push("baseline");
    if (refreshed.changed.length > 0) reasons.push("processor");
    // Outdated means "its statement would change": a company that left out the only section the
    // new baseline touched keeps a statement that is still exactly right.
    const next =
      reasons.length > 0 ? renderOnLatest(group, tenant, latest, refreshed.content, row.json) : null;
    const outdated = next !== null && next.contentHash !== row.content_hash;
    statuses.push({
      tenant,
      version: { number: row.number, baselineVersion: previous?.number ?? 0, publishedAt: row.published_at! },
      latestBaseline: latest.number,
      outdated,
      reasons: outdated ? reasons : [],
      conflicts: outdated && previous ? findConflicts(previous.baseline, latest.baseline, content) : [],
      diff: outdated ? next.diff : null,
    });
  }
  return statuses;
}

/** The statement the company would publish on the latest baseline, and how it differs. */
function renderOnLatest(
  group: GroupRecord,
  tenant: TenantRecord,
  baseline: BaselineVersionRecord,
  content: TenantContent,
  publishedJson: string | null,
): { contentHash: string; diff: StatementDiff } {
  const before = publishedJson ? (JSON.parse(publishedJson) as JsonRendering).sections : [];
  // Only what the comparison needs: the content hash over every language, and the JSON of the
  // default language — not the ten renderings a publish makes.
  const context = { group: group.group, slug: tenant.slug, content };
  const statements = group.group.languages.map((language) =>
    resolveStatement(baseline.baseline, context, language),
  );
  const main = statements.find((s) => s.language === group.group.defaultLanguage) ?? statements[0]!;
  const json = { body: renderJson(main, null) };
  const after = (JSON.parse(json.body) as JsonRendering).sections;
  const strip = (sections: JsonRendering["sections"]) =>
    sections.map(({ key, title, text }) => ({ key, title, text }));
  return { contentHash: hashStatementContent(statements), diff: diffStatements(strip(before), strip(after)) };
}

export interface RepublishResult {
  tenant: string;
  name: string;
  status: "published" | "failed" | "skipped";
  version?: VersionSummary;
  reason?: string;
}

/**
 * Republishes one outdated company on the latest baseline with the content it last published
 * (never its unpublished draft: nothing goes public behind an editor's back).
 */
export async function republishTenant(
  db: D1Database,
  group: GroupRecord,
  status: RolloutStatus,
  actor: Actor,
  options: { changeNote?: string | undefined; material: boolean },
): Promise<RepublishResult> {
  const base = { tenant: status.tenant.slug, name: status.tenant.name };
  if (!status.outdated || !status.version) return { ...base, status: "skipped", reason: "not outdated" };
  if (status.conflicts.length > 0) {
    return {
      ...base,
      status: "skipped",
      reason: `conflicts in ${status.conflicts.map((c) => c.section).join(", ")}`,
    };
  }
  const latest = await findLatestBaselineVersion(db, group.id);
  const row = await db
    .prepare("SELECT content FROM statement_versions WHERE tenant_id = ?1 AND number = ?2")
    .bind(status.tenant.id, status.version.number)
    .first<{ content: string }>();
  const content = applyProcessorRegister(
    JSON.parse(row!.content) as TenantContent,
    await listProcessors(db, group.id),
  ).content;
  try {
    const version = await publishTenantVersion(db, {
      group,
      tenant: status.tenant,
      baseline: latest!,
      content,
      changeNote:
        options.changeNote ??
        (status.reasons.includes("baseline")
          ? `Basisverklaring versie ${latest!.number} van ${group.group.name} overgenomen.`
          : "Gegevens uit het verwerkersregister bijgewerkt."),
      material: options.material,
      now: new Date().toISOString(),
      actor,
      action: "statement.republished",
    });
    return { ...base, status: "published", version };
  } catch (error) {
    if (error instanceof AppError) return { ...base, status: "failed", reason: error.message };
    throw error;
  }
}
