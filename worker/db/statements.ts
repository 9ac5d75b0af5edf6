// Published statement versions and their stored renderings: the public endpoint's reads, and the
// writes of a new version (which only worker/publishing/ prepares).
import type { Language, TenantContent } from "#shared/model.ts";
import type { RenderedOutput } from "#shared/publication.ts";
import { languagesColumn, tenantContentColumn } from "./json-column.ts";
import type { D1Reader } from "./reader.ts";

export const FORMATS = ["html", "fragment", "json", "md", "txt"] as const;
export type Format = (typeof FORMATS)[number];

export interface Rendering {
  version: number;
  publishedAt: string;
  effectiveFrom: string;
  language: Language;
  body: string;
  bodyHash: string;
}

export interface VersionSummary {
  number: number;
  publishedAt: string;
  effectiveFrom: string;
  changeNote: string;
  material: boolean;
  contentHash: string;
  baselineVersion: number;
  languages: Language[];
}

interface RenderingRow {
  number: number;
  published_at: string;
  effective_from: string;
  language: string;
  body: string;
  body_hash: string;
}

interface VersionRow {
  number: number;
  published_at: string;
  effective_from: string;
  change_note: string;
  material: number;
  content_hash: string;
  baseline_number: number;
  languages: string;
}

const mapRendering = (row: RenderingRow): Rendering => ({
  version: row.number,
  publishedAt: row.published_at,
  effectiveFrom: row.effective_from,
  language: row.language as Language,
  body: row.body,
  bodyHash: row.body_hash,
});

const mapVersion = (row: VersionRow): VersionSummary => ({
  number: row.number,
  publishedAt: row.published_at,
  effectiveFrom: row.effective_from,
  changeNote: row.change_note,
  material: row.material === 1,
  contentHash: row.content_hash,
  baselineVersion: row.baseline_number,
  languages: languagesColumn.read(row.languages),
});

// The requested language (?4, null for none) when the version has it, else the group's default language.
const RENDERING_COLUMNS = `v.number, v.published_at, v.effective_from, r.language, r.body, r.body_hash
  FROM groups g
  JOIN tenants t ON t.group_id = g.id AND t.slug = ?2
  JOIN statement_versions v ON v.tenant_id = t.id
  JOIN statement_renderings r ON r.version_id = v.id AND r.format = ?3
    AND r.language IN (COALESCE(?4, g.default_language), g.default_language)`;

export interface RenderingInForce extends Rendering {
  /** When the next scheduled version takes effect, replacing this one; null when none is scheduled. */
  supersededAt: string | null;
}

/** The rendering of the version in force at `at` (the latest effective_from not after it). */
export async function findRenderingInForce(
  db: D1Reader,
  query: { group: string; tenant: string; format: Format; language: Language | null; at: string },
): Promise<RenderingInForce | null> {
  const row = await db
    .prepare(
      `SELECT (SELECT MIN(n.effective_from) FROM statement_versions n
                WHERE n.tenant_id = t.id AND n.effective_from > ?5) AS superseded_at,
              ${RENDERING_COLUMNS}
       WHERE g.slug = ?1 AND v.effective_from <= ?5
       ORDER BY v.effective_from DESC, v.number DESC, r.language = COALESCE(?4, g.default_language) DESC
       LIMIT 1`,
    )
    .bind(query.group, query.tenant, query.format, query.language, query.at)
    .first<RenderingRow & { superseded_at: string | null }>();
  return row ? { ...mapRendering(row), supersededAt: row.superseded_at } : null;
}

export async function findRenderingOfVersion(
  db: D1Reader,
  query: { group: string; tenant: string; format: Format; language: Language | null; number: number },
): Promise<Rendering | null> {
  const row = await db
    .prepare(
      `SELECT ${RENDERING_COLUMNS}
       WHERE g.slug = ?1 AND v.number = ?5
       ORDER BY r.language = COALESCE(?4, g.default_language) DESC
       LIMIT 1`,
    )
    .bind(query.group, query.tenant, query.format, query.language, query.number)
    .first<RenderingRow>();
  return row ? mapRendering(row) : null;
}

/** Every published version of a company, newest first. */
export async function listVersions(db: D1Reader, tenantId: number): Promise<VersionSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT v.number, v.published_at, v.effective_from, v.change_note, v.material, v.content_hash,
              b.number AS baseline_number, v.languages
       FROM statement_versions v JOIN baseline_versions b ON b.id = v.baseline_version_id
       WHERE v.tenant_id = ?1 ORDER BY v.number DESC`,
    )
    .bind(tenantId)
    .all<VersionRow>();
  return results.map(mapVersion);
}

export interface CurrentVersion {
  tenant: string;
  name: string;
  version: number | null;
  effectiveFrom: string | null;
}

/** Each company of a group with the number of its version in force at `at`, if any. */
export async function listVersionsInForce(
  db: D1Reader,
  groupId: number,
  at: string,
): Promise<CurrentVersion[]> {
  const { results } = await db
    .prepare(
      `SELECT t.slug, t.name, v.number, v.effective_from
       FROM tenants t
       LEFT JOIN statement_versions v ON v.id = (
         SELECT id FROM statement_versions WHERE tenant_id = t.id AND effective_from <= ?2
         ORDER BY effective_from DESC, number DESC LIMIT 1)
       WHERE t.group_id = ?1 ORDER BY t.position, t.slug`,
    )
    .bind(groupId, at)
    .all<{ slug: string; name: string; number: number | null; effective_from: string | null }>();
  return results.map((r) => ({
    tenant: r.slug,
    name: r.name,
    version: r.number,
    effectiveFrom: r.effective_from,
  }));
}

/** When the first version of a company takes effect, or null when it has none. */
export async function findFirstEffectiveFrom(db: D1Reader, tenantId: number): Promise<string | null> {
  const row = await db
    .prepare("SELECT MIN(effective_from) AS first FROM statement_versions WHERE tenant_id = ?1")
    .bind(tenantId)
    .first<{ first: string | null }>();
  return row?.first ?? null;
}

/** The content a company published as version `number`, or null when it has no such version. */
export async function findVersionContent(
  db: D1Reader,
  tenantId: number,
  number: number,
): Promise<TenantContent | null> {
  const row = await db
    .prepare("SELECT content FROM statement_versions WHERE tenant_id = ?1 AND number = ?2")
    .bind(tenantId, number)
    .first<{ content: string }>();
  return row ? tenantContentColumn.read(row.content) : null;
}

/** A published version as the completeness check reads it: its content and the baseline it resolved. */
export interface VersionToAssess {
  number: number;
  content: TenantContent;
  baselineVersionId: number;
}

interface VersionToAssessRow {
  number: number;
  content: string;
  baseline_version_id: number;
}

const mapVersionToAssess = (row: VersionToAssessRow): VersionToAssess => ({
  number: row.number,
  content: tenantContentColumn.read(row.content),
  baselineVersionId: row.baseline_version_id,
});

/** Version `number` of a company with the baseline it was published against, or null. */
export async function findVersionToAssess(
  db: D1Reader,
  tenantId: number,
  number: number,
): Promise<VersionToAssess | null> {
  const row = await db
    .prepare(
      "SELECT number, content, baseline_version_id FROM statement_versions WHERE tenant_id = ?1 AND number = ?2",
    )
    .bind(tenantId, number)
    .first<VersionToAssessRow>();
  return row ? mapVersionToAssess(row) : null;
}

/** Each company of a group (by id) with its version in force at `at`, null before its first. */
export async function listVersionsToAssessInForce(
  db: D1Reader,
  groupId: number,
  at: string,
): Promise<Map<number, VersionToAssess | null>> {
  const { results } = await db
    .prepare(
      `SELECT t.id AS tenant_id, v.number, v.content, v.baseline_version_id FROM tenants t
       LEFT JOIN statement_versions v ON v.id = (SELECT id FROM statement_versions WHERE tenant_id = t.id AND effective_from <= ?2
         ORDER BY effective_from DESC, number DESC LIMIT 1)
       WHERE t.group_id = ?1`,
    )
    .bind(groupId, at)
    .all<{ tenant_id: number } & { [K in keyof VersionToAssessRow]: VersionToAssessRow[K] | null }>();
  return new Map(
    results.map((row) => [
      row.tenant_id,
      row.number === null || row.content === null || row.baseline_version_id === null
        ? null
        : mapVersionToAssess({
            number: row.number,
            content: row.content,
            baseline_version_id: row.baseline_version_id,
          }),
    ]),
  );
}

// ---- What a new version is numbered after and must differ from ----

/**
 * SQL for the content hash of the version of `tenantId` in force at `now` (both SQL expressions),
 * which a new publish must differ from; shared by a single publish and the rollout's read of every
 * company.
 */
const inForceHashSql = (tenantId: string, now: string): string =>
  `(SELECT content_hash FROM statement_versions WHERE tenant_id = ${tenantId} AND effective_from <= ${now}
    ORDER BY effective_from DESC, number DESC LIMIT 1)`;

/** A company's versions as far as a new publish needs them. */
export interface PublishedSoFar {
  /** The highest version number, null before the first publish. */
  number: number | null;
  latestHash: string | null;
  /** The content hash of the version in force at the moment of publishing. */
  inForceHash: string | null;
}

export async function findPublishedSoFar(
  db: D1Database,
  tenantId: number,
  now: string,
): Promise<PublishedSoFar> {
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

/** A company's latest version, as the rollout compares it with the latest baseline. */
export interface LatestVersion {
  tenant: { id: number; groupId: number; slug: string; name: string };
  /** Null when the company has published nothing yet. */
  version: {
    number: number;
    content: TenantContent;
    baselineVersionId: number;
    publishedAt: string;
    contentHash: string;
    /** The JSON rendering in the group's default language, when asked for. */
    json: string | null;
  } | null;
  publishedSoFar: PublishedSoFar;
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

/** The latest version of every company in the group, or of `onlyTenant` alone, in the group's order. */
export async function listLatestVersions(
  db: D1Database,
  query: {
    groupId: number;
    language: Language;
    withPublishedJson: boolean;
    onlyTenant?: string | undefined;
    now: string;
  },
): Promise<LatestVersion[]> {
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
    .bind(query.groupId, query.language, query.withPublishedJson ? 1 : 0, query.onlyTenant ?? null, query.now)
    .all<LatestVersionRow>();
  return results.map((row) => ({
    tenant: { id: row.tenant_id, groupId: row.group_id, slug: row.slug, name: row.name },
    version:
      row.number === null || row.content === null || row.baseline_version_id === null
        ? null
        : {
            number: row.number,
            content: tenantContentColumn.read(row.content),
            baselineVersionId: row.baseline_version_id,
            publishedAt: row.published_at ?? "",
            contentHash: row.content_hash ?? "",
            json: row.json,
          },
    publishedSoFar: { number: row.number, latestHash: row.content_hash, inForceHash: row.in_force_hash },
  }));
}

// ---- Writing a version ----

export interface NewVersion {
  tenantId: number;
  number: number;
  baselineVersionId: number;
  content: TenantContent;
  languages: Language[];
  changeNote: string;
  material: boolean;
  contentHash: string;
  publishedAt: string;
  effectiveFrom: string;
  publishedBy: number | null;
  completenessOverride: string | null;
}

export function prepareInsertVersion(db: D1Database, version: NewVersion): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO statement_versions (tenant_id, number, baseline_version_id, content, languages, change_note,
         material, content_hash, published_at, effective_from, published_by, completeness_override)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)`,
    )
    .bind(
      version.tenantId,
      version.number,
      version.baselineVersionId,
      tenantContentColumn.write(version.content),
      languagesColumn.write(version.languages),
      version.changeNote,
      version.material ? 1 : 0,
      version.contentHash,
      version.publishedAt,
      version.effectiveFrom,
      version.publishedBy,
      version.completenessOverride,
    );
}

/**
 * Renderings per INSERT: one statement instead of one per rendering is most of a rollout's speed,
 * and D1 binds at most 100 parameters (2 + 4 per rendering). Today a version has ten.
 */
const RENDERINGS_PER_INSERT = 24;

const chunksOf = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The renderings of version `number` of the company, written in the same batch as the version. */
export function prepareInsertRenderings(
  db: D1Database,
  tenantId: number,
  number: number,
  outputs: RenderedOutput[],
): D1PreparedStatement[] {
  return chunksOf(outputs, RENDERINGS_PER_INSERT).map((chunk) =>
    db
      .prepare(
        `INSERT INTO statement_renderings (version_id, language, format, body, body_hash)
         VALUES ${chunk
           .map(
             (_, i) =>
               `((SELECT id FROM statement_versions WHERE tenant_id = ?1 AND number = ?2), ?${3 + i * 4}, ?${4 + i * 4}, ?${5 + i * 4}, ?${6 + i * 4})`,
           )
           .join(", ")}`,
      )
      .bind(tenantId, number, ...chunk.flatMap((o) => [o.language, o.format, o.body, o.bodyHash])),
  );
}

/** Whether the company has published anything (scheduled versions included). */
export async function hasAnyVersion(db: D1Reader, tenantId: number): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS found FROM statement_versions WHERE tenant_id = ?1 LIMIT 1")
    .bind(tenantId)
    .first<{ found: number }>();
  return row !== null;
}
