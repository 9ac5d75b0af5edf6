// Baseline inheritance: which companies rest on an older baseline (or on processor details the
// register has since changed), what their statement would become, whether their overrides still
// apply cleanly, and republishing the clean ones.
import { diffStatements, type StatementDiff } from "#shared/diff.ts";
import { ALLOWED_MODES, type Baseline, type TenantContent } from "#shared/model.ts";
import { applyProcessorRegister } from "#shared/processor-register.ts";
import { digestStatementContent, renderJson } from "#shared/engine.ts";
import { resolvePublication, type ResolvedPublication } from "#shared/publication.ts";
import type { ResolvedStatement } from "#shared/statement.ts";
import {
  findBaselineVersionById,
  findLatestBaselineVersion,
  type BaselineVersionRecord,
} from "./db/baselines.ts";
import type { GroupRecord, TenantRecord } from "./db/groups.ts";
import { listProcessors, type ProcessorRecord } from "./db/processors.ts";
import { runWithAudit } from "./db/audit.ts";
import { forgetRememberedResponses } from "./http/answer-from-memory.ts";
import type { VersionSummary } from "./db/statements.ts";
import { AppError } from "./errors.ts";
import {
  inForceHashSql,
  preparePublish,
  publishTenantVersion,
  type Actor,
  type PublishedSoFar,
  type PublishRequest,
} from "./publishing.ts";

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
  in_force_hash: string | null;
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

/** What every company's assessment shares: read once per group, not once per company. */
interface RolloutInputs {
  latest: BaselineVersionRecord;
  register: ProcessorRecord[];
  baselines: Map<number, BaselineVersionRecord | null>;
}

/** A company's status, plus what republishing it would publish (kept out of API answers). */
interface Assessment {
  status: RolloutStatus;
  pending: { content: TenantContent; resolved: ResolvedPublication; publishedSoFar: PublishedSoFar } | null;
}

/** The latest version of every company in the group, or of `onlyTenant` alone. */
async function readLatestVersions(
  db: D1Database,
  group: GroupRecord,
  { withPublishedJson, onlyTenant }: { withPublishedJson: boolean; onlyTenant?: string | undefined },
): Promise<LatestVersionRow[]> {
  // The published JSON is only needed to show a diff; republishing does without it (CASE only
  // runs the subquery when asked).
  const { results } = await db
    .prepare(
      `SELECT t.id AS tenant_id, t.slug, t.name, t.group_id, v.number, v.content, v.baseline_version_id, v.published_at, v.content_hash,
         ${inForceHashSql("t.id", "?5")} AS in_force_hash,
         CASE WHEN ?3 THEN (SELECT body FROM statement_renderings r
           WHERE r.version_id = v.id AND r.format = 'json' AND r.language = ?2) END AS json
       FROM tenants t
       LEFT JOIN statement_versions v ON v.id = (SELECT id FROM statement_versions WHERE tenant_id = t.id ORDER BY number DESC LIMIT 1)
       WHERE t.group_id = ?1 AND (?4 IS NULL OR t.slug = ?4) ORDER BY t.position, t.slug`,
    )
    .bind(
      group.id,
      group.group.defaultLanguage,
      withPublishedJson ? 1 : 0,
      onlyTenant ?? null,
      new Date().toISOString(),
    )
    .all<LatestVersionRow>();
  return results;
}

async function readRolloutInputs(db: D1Database, group: GroupRecord): Promise<RolloutInputs | null> {
  const [latest, register] = await Promise.all([
    findLatestBaselineVersion(db, group.id),
    listProcessors(db, group.id),
  ]);
  return latest && { latest, register, baselines: new Map([[latest.id, latest]]) };
}

/** Every company's rollout status, or only `onlyTenant`'s; `diff` is null throughout without `withDiff`. */
export async function listRolloutStatus(
  db: D1Database,
  group: GroupRecord,
  onlyTenant?: string,
  { withDiff = true }: { withDiff?: boolean } = {},
): Promise<RolloutStatus[]> {
  const inputs = await readRolloutInputs(db, group);
  if (!inputs) return [];
  const rows = await readLatestVersions(db, group, { withPublishedJson: withDiff, onlyTenant });
  const statuses: RolloutStatus[] = [];
  for (const row of rows) {
    statuses.push((await assessTenant(db, group, inputs, row)).status);
  }
  return statuses;
}

async function assessTenant(
  db: D1Database,
  group: GroupRecord,
  inputs: RolloutInputs,
  row: LatestVersionRow,
): Promise<Assessment> {
  const { latest } = inputs;
  const tenant: TenantRecord = { id: row.tenant_id, groupId: row.group_id, slug: row.slug, name: row.name };
  if (row.number === null || row.content === null || row.baseline_version_id === null) {
    const status = {
      tenant,
      version: null,
      latestBaseline: latest.number,
      outdated: false,
      reasons: [],
      conflicts: [],
      diff: null,
    };
    return { status, pending: null };
  }
  if (!inputs.baselines.has(row.baseline_version_id)) {
    inputs.baselines.set(row.baseline_version_id, await findBaselineVersionById(db, row.baseline_version_id));
  }
  const previous = inputs.baselines.get(row.baseline_version_id)!;
  const content = JSON.parse(row.content) as TenantContent;
  const refreshed = applyProcessorRegister(content, inputs.register);
  const reasons: RolloutStatus["reasons"] = [];
  if (row.baseline_version_id !== latest.id) reasons.push("baseline");
  if (refreshed.changed.length > 0) reasons.push("processor");
  // Outdated means "its statement would change": a company that left out the only section the
  // new baseline touched keeps a statement that is still exactly right.
  const resolved =
    reasons.length > 0
      ? resolvePublication(latest.baseline, {
          group: group.group,
          slug: tenant.slug,
          content: refreshed.content,
        })
      : null;
  const outdated =
    resolved !== null && (await digestStatementContent(resolved.statements)) !== row.content_hash;
  const status: RolloutStatus = {
    tenant,
    version: { number: row.number, baselineVersion: previous?.number ?? 0, publishedAt: row.published_at! },
    latestBaseline: latest.number,
    outdated,
    reasons: outdated ? reasons : [],
    conflicts: outdated && previous ? findConflicts(previous.baseline, latest.baseline, content) : [],
    diff: outdated && row.json !== null ? diffOnLatest(group, resolved.statements, row.json) : null,
  };
  const publishedSoFar = { number: row.number, latestHash: row.content_hash, inForceHash: row.in_force_hash };
  return { status, pending: outdated ? { content: refreshed.content, resolved, publishedSoFar } : null };
}

/** How the company's statement in the group's default language would change. */
function diffOnLatest(
  group: GroupRecord,
  statements: ResolvedStatement[],
  publishedJson: string,
): StatementDiff {
  const before = (JSON.parse(publishedJson) as JsonRendering).sections;
  const main = statements.find((s) => s.language === group.group.defaultLanguage) ?? statements[0]!;
  const after = (JSON.parse(renderJson(main, null)) as JsonRendering).sections;
  const strip = (sections: JsonRendering["sections"]) =>
    sections.map(({ key, title, text }) => ({ key, title, text }));
  return diffStatements(strip(before), strip(after));
}

export interface RepublishResult {
  tenant: string;
  name: string;
  status: "published" | "failed" | "skipped";
  version?: VersionSummary;
  reason?: string;
}

interface RepublishOptions {
  changeNote?: string | undefined;
  material: boolean;
  /** Called after each company's publish is written (webhooks, for instance). */
  onPublished?: (tenant: TenantRecord, version: VersionSummary) => Promise<void>;
}

/** Why an outdated company is left alone, or null when it can be republished. */
function findSkipReason(status: RolloutStatus): string | null {
  if (!status.outdated || !status.version) return "not outdated";
  if (status.conflicts.length > 0) return `conflicts in ${status.conflicts.map((c) => c.section).join(", ")}`;
  return null;
}

function buildRepublishRequest(
  group: GroupRecord,
  latest: BaselineVersionRecord,
  { status, pending }: Assessment & { pending: NonNullable<Assessment["pending"]> },
  actor: Actor,
  options: RepublishOptions,
): PublishRequest {
  return {
    group,
    tenant: status.tenant,
    baseline: latest,
    content: pending.content,
    resolved: pending.resolved,
    publishedSoFar: pending.publishedSoFar,
    changeNote:
      options.changeNote ??
      (status.reasons.includes("baseline")
        ? `Basisverklaring versie ${latest.number} van ${group.group.name} overgenomen.`
        : "Gegevens uit het verwerkersregister bijgewerkt."),
    material: options.material,
    now: new Date().toISOString(),
    actor,
    action: "statement.republished",
  };
}

/**
 * Republishes one outdated company on the latest baseline with the content it last published
 * (never its unpublished draft: nothing goes public behind an editor's back).
 */
export async function republishTenant(
  db: D1Database,
  group: GroupRecord,
  tenantSlug: string,
  actor: Actor,
  options: RepublishOptions,
): Promise<RepublishResult | null> {
  const inputs = await readRolloutInputs(db, group);
  const [row] = inputs
    ? await readLatestVersions(db, group, { withPublishedJson: false, onlyTenant: tenantSlug })
    : [];
  if (!inputs || !row) return null;
  return republishOne(db, group, inputs, await assessTenant(db, group, inputs, row), actor, options);
}

async function republishOne(
  db: D1Database,
  group: GroupRecord,
  inputs: RolloutInputs,
  assessment: Assessment,
  actor: Actor,
  options: RepublishOptions,
): Promise<RepublishResult> {
  const { status, pending } = assessment;
  const base = { tenant: status.tenant.slug, name: status.tenant.name };
  const skip = findSkipReason(status);
  if (skip !== null || !pending) return { ...base, status: "skipped", reason: skip ?? "not outdated" };
  try {
    const request = buildRepublishRequest(group, inputs.latest, { status, pending }, actor, options);
    const version = await publishTenantVersion(db, request);
    await options.onPublished?.(status.tenant, version);
    return { ...base, status: "published", version };
  } catch (error) {
    if (error instanceof AppError) return { ...base, status: "failed", reason: error.message };
    throw error;
  }
}

/**
 * How many companies share a transaction when republishing the whole group: far fewer round trips
 * than one each, and small enough that the statements of one chunk fit in memory at once.
 */
const REPUBLISH_CHUNK = 25;

/**
 * Republishes every outdated company without conflicts, in the group's order. A chunk that fails
 * as a whole (one company refused, or a concurrent publish) is redone company by company, so one
 * failure never holds back the others.
 */
export async function republishOutdated(
  db: D1Database,
  group: GroupRecord,
  actor: Actor,
  options: RepublishOptions,
): Promise<RepublishResult[]> {
  const inputs = await readRolloutInputs(db, group);
  if (!inputs) return [];
  const rows = await readLatestVersions(db, group, { withPublishedJson: false });
  const results: RepublishResult[] = [];
  for (let start = 0; start < rows.length; start += REPUBLISH_CHUNK) {
    const chunk = rows.slice(start, start + REPUBLISH_CHUNK);
    const assessed: Assessment[] = [];
    for (const row of chunk) assessed.push(await assessTenant(db, group, inputs, row));
    const outdated = assessed.filter((a) => a.status.outdated);
    const ready = outdated.filter((a) => findSkipReason(a.status) === null && a.pending !== null);
    const published = await publishTogether(db, group, inputs, ready, actor, options);
    for (const assessment of outdated) {
      const base = { tenant: assessment.status.tenant.slug, name: assessment.status.tenant.name };
      const version = published?.get(assessment.status.tenant.slug);
      if (version) {
        await options.onPublished?.(assessment.status.tenant, version);
        results.push({ ...base, status: "published", version });
      } else {
        results.push(await republishOne(db, group, inputs, assessment, actor, options));
      }
    }
  }
  return results;
}

/** Publishes the assessed companies in one transaction; null when it failed (nothing was written). */
async function publishTogether(
  db: D1Database,
  group: GroupRecord,
  inputs: RolloutInputs,
  ready: Assessment[],
  actor: Actor,
  options: RepublishOptions,
): Promise<Map<string, VersionSummary> | null> {
  if (ready.length === 0) return new Map();
  try {
    const prepared = await Promise.all(
      ready.map((a) =>
        preparePublish(
          db,
          buildRepublishRequest(group, inputs.latest, { ...a, pending: a.pending! }, actor, options),
        ),
      ),
    );
    await runWithAudit(
      db,
      prepared.flatMap((p) => p.statements),
      prepared.map((p) => p.audit),
    );
    forgetRememberedResponses();
    return new Map(prepared.map((p, i) => [ready[i]!.status.tenant.slug, p.version]));
  } catch {
    return null;
  }
}
