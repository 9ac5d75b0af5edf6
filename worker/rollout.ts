// Baseline inheritance: which companies rest on an older baseline (or on processor details the
// register has since changed), what their statement would become, and whether their overrides
// still apply cleanly. Republishing the clean ones is worker/publishing/republish.ts.
import { diffStatements, type StatementDiff } from "#shared/diff.ts";
import { ALLOWED_MODES, type Baseline, type TenantContent } from "#shared/model.ts";
import { applyProcessorRegister } from "#shared/processor-register.ts";
import { digestStatementContent, renderJson } from "#shared/engine.ts";
import { resolvePublication, type HashedPublication } from "#shared/publication.ts";
import type { ResolvedStatement } from "#shared/statement.ts";
import {
  findBaselineVersionById,
  findLatestBaselineVersion,
  type BaselineVersionRecord,
} from "./db/baselines.ts";
import type { GroupRecord, TenantRecord } from "./db/groups.ts";
import { jsonRenderingColumn } from "./db/json-column.ts";
import { listProcessors, type ProcessorRecord } from "./db/processors.ts";
import {
  listLatestVersions,
  type CompanyCursor,
  type LatestVersion,
  type PublishedSoFar,
} from "./db/statements.ts";
import { readBodyText } from "./storage/rendering-packs.ts";

export interface Conflict {
  section: string;
  reason: string;
}

export interface RolloutStatus {
  tenant: TenantRecord;
  /** Where the company stands in the group's order (what the next page continues after). */
  position: number;
  /** The company's latest published version, or null when it has none. */
  version: { number: number; baselineVersion: number; publishedAt: string } | null;
  latestBaseline: number;
  outdated: boolean;
  /** Why it may be outdated: a newer baseline, changed processors, or the group's name or companies. */
  reasons: ("baseline" | "processor" | "group")[];
  conflicts: Conflict[];
  /** What republishing would change, in the group's default language; null when not outdated. */
  diff: StatementDiff | null;
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

/** What every company's assessment shares: read once per group, not once per company. */
export interface RolloutInputs {
  latest: BaselineVersionRecord;
  register: ProcessorRecord[];
  baselines: Map<number, BaselineVersionRecord | null>;
}

/** A company's status, plus what republishing it would publish (kept out of API answers). */
export interface Assessment {
  status: RolloutStatus;
  pending: { content: TenantContent; resolved: HashedPublication; publishedSoFar: PublishedSoFar } | null;
}

/** The latest version of every company in the group, or of `onlyTenant` alone. */
export const readLatestVersions = (
  db: D1Database,
  group: GroupRecord,
  page: {
    withPublishedJson: boolean;
    onlyTenant?: string | undefined;
    after?: CompanyCursor | null | undefined;
    limit?: number | undefined;
  },
): Promise<LatestVersion[]> =>
  listLatestVersions(db, {
    groupId: group.id,
    language: group.group.defaultLanguage,
    ...page,
    now: new Date().toISOString(),
  });

export async function readRolloutInputs(db: D1Database, group: GroupRecord): Promise<RolloutInputs | null> {
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
  options: { withDiff?: boolean; after?: CompanyCursor | null; limit?: number } = {},
): Promise<RolloutStatus[]> {
  const listed = await listRolloutAssessments(db, group, onlyTenant, options);
  return listed?.assessments.map((a) => a.status) ?? [];
}

/** listRolloutStatus with what republishing each company would publish; null without a baseline. */
export async function listRolloutAssessments(
  db: D1Database,
  group: GroupRecord,
  onlyTenant?: string,
  {
    withDiff = true,
    after = null,
    limit,
  }: { withDiff?: boolean; after?: CompanyCursor | null; limit?: number } = {},
): Promise<{ inputs: RolloutInputs; assessments: Assessment[] } | null> {
  const inputs = await readRolloutInputs(db, group);
  if (!inputs) return null;
  const rows = await readLatestVersions(db, group, {
    withPublishedJson: withDiff,
    onlyTenant,
    after,
    limit,
  });
  const assessments: Assessment[] = [];
  for (const row of rows) assessments.push(await assessTenant(db, group, inputs, row));
  return { inputs, assessments };
}

export async function assessTenant(
  db: D1Database,
  group: GroupRecord,
  inputs: RolloutInputs,
  row: LatestVersion,
): Promise<Assessment> {
  const { latest } = inputs;
  const tenant: TenantRecord = row.tenant;
  const published = row.version;
  if (!published) {
    const status = {
      tenant,
      position: row.position,
      version: null,
      latestBaseline: latest.number,
      outdated: false,
      reasons: [],
      conflicts: [],
      diff: null,
    };
    return { status, pending: null };
  }
  if (!inputs.baselines.has(published.baselineVersionId)) {
    inputs.baselines.set(
      published.baselineVersionId,
      await findBaselineVersionById(db, published.baselineVersionId),
    );
  }
  const previous = inputs.baselines.get(published.baselineVersionId)!;
  const content = published.content;
  const refreshed = applyProcessorRegister(content, inputs.register);
  const reasons: RolloutStatus["reasons"] = [];
  if (published.baselineVersionId !== latest.id) reasons.push("baseline");
  if (refreshed.changed.length > 0) reasons.push("processor");
  // {{group.name}}, {{group.members}}: what the group says of itself changed after this version.
  if (group.identityChangedAt && published.publishedAt < group.identityChangedAt) reasons.push("group");
  // Outdated means "its statement would change": a company that left out the only section the
  // new baseline touched keeps a statement that is still exactly right.
  const unhashed =
    reasons.length > 0
      ? resolvePublication(latest.baseline, {
          group: group.group,
          slug: tenant.slug,
          content: refreshed.content,
        })
      : null;
  // Hashed once: publishing the company takes this hash as the new version's (preparePublication).
  const resolved: HashedPublication | null = unhashed && {
    ...unhashed,
    contentHash: await digestStatementContent(unhashed.statements),
  };
  const outdated = resolved !== null && resolved.contentHash !== published.contentHash;
  const status: RolloutStatus = {
    tenant,
    position: row.position,
    version: {
      number: published.number,
      baselineVersion: previous?.number ?? 0,
      publishedAt: published.publishedAt,
    },
    latestBaseline: latest.number,
    outdated,
    reasons: outdated ? reasons : [],
    conflicts: outdated && previous ? findConflicts(previous.baseline, latest.baseline, content) : [],
    diff:
      outdated && published.json !== null
        ? diffOnLatest(group, resolved.statements, await readBodyText(published.json))
        : null,
  };
  const { publishedSoFar } = row;
  return { status, pending: outdated ? { content: refreshed.content, resolved, publishedSoFar } : null };
}

/** How the company's statement in the group's default language would change. */
function diffOnLatest(
  group: GroupRecord,
  statements: ResolvedStatement[],
  publishedJson: string,
): StatementDiff {
  const before = jsonRenderingColumn.read(publishedJson).sections;
  const main = statements.find((s) => s.language === group.group.defaultLanguage) ?? statements[0]!;
  const after = jsonRenderingColumn.read(renderJson(main, null)).sections;
  const strip = (sections: { key: string; title: string; text: string }[]) =>
    sections.map(({ key, title, text }) => ({ key, title, text }));
  return diffStatements(strip(before), strip(after));
}
