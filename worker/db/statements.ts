// Published statement versions and their stored renderings: the public endpoint's reads, and the
// writes of a new version (which only worker/publishing/ prepares).
import type { Language, TenantContent } from "#shared/model.ts";
import type { PackedRenderings, StoredBody } from "../storage/rendering-packs.ts";
import { bytesToHexText, readPackEncoding } from "../storage/rendering-packs.ts";
import { bindCompaniesAfter } from "./company-order.ts";
import { languagesColumn, tenantContentColumn } from "./json-column.ts";
import type { D1Reader } from "./reader.ts";

export const FORMATS = ["html", "fragment", "json", "md", "txt"] as const;
export type Format = (typeof FORMATS)[number];

export interface Rendering {
  version: number;
  publishedAt: string;
  effectiveFrom: string;
  language: Language;
  bodyHash: string;
  /** Where its bytes are; read them with readBody (worker/storage/rendering-packs.ts). */
  stored: StoredBody;
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

/** The columns that say where a rendering's bytes are (r: statement_renderings, p: rendering_packs). */
export const STORED_BODY_COLUMNS =
  "r.body_hash, r.byte_start, r.byte_length, p.encoding, hex(p.bytes) AS pack_hex";

export interface StoredBodyRow {
  body_hash: string;
  byte_start: number;
  byte_length: number;
  encoding: string;
  pack_hex: string;
}

export const mapStoredBody = (row: StoredBodyRow): StoredBody => ({
  encoding: readPackEncoding(row.encoding),
  hex: row.pack_hex,
  start: row.byte_start,
  length: row.byte_length,
  bodyHash: row.body_hash,
});

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** A stored body from a LEFT JOIN, or null when there was none to join. */
export function mapOptionalStoredBody(row: Nullable<StoredBodyRow>): StoredBody | null {
  const { body_hash, byte_start, byte_length, encoding, pack_hex } = row;
  if (
    body_hash === null ||
    byte_start === null ||
    byte_length === null ||
    encoding === null ||
    pack_hex === null
  )
    return null;
  return mapStoredBody({ body_hash, byte_start, byte_length, encoding, pack_hex });
}

interface RenderingRow extends StoredBodyRow {
  number: number;
  published_at: string;
  effective_from: string;
  language: string;
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
  bodyHash: row.body_hash,
  stored: mapStoredBody(row),
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

/**
 * The rendering in format ?3 of the one version `v` (a subquery naming v.id, v.number, …, and
 * g, the group): in the language asked for (?4, null for none) when the version has it, else the
 * group's default language. The language is chosen before the join, so exactly one pack is read.
 */
const RENDERING_OF = (version: string): string =>
  `SELECT v.number, v.published_at, v.effective_from, v.superseded_at, r.language, ${STORED_BODY_COLUMNS}
   FROM (${version}) v
   JOIN statement_renderings r ON r.version_id = v.id AND r.format = ?3 AND r.language = (
     SELECT x.language FROM statement_renderings x
     WHERE x.version_id = v.id AND x.format = ?3 AND x.language IN (COALESCE(?4, v.default_language), v.default_language)
     ORDER BY x.language = COALESCE(?4, v.default_language) DESC LIMIT 1)
   JOIN rendering_packs p ON p.id = r.pack_id`;

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
      RENDERING_OF(
        `SELECT v.id, v.number, v.published_at, v.effective_from, g.default_language,
           (SELECT MIN(n.effective_from) FROM statement_versions n
            WHERE n.tenant_id = t.id AND n.effective_from > ?5) AS superseded_at
         FROM groups g JOIN tenants t ON t.group_id = g.id AND t.slug = ?2
         JOIN statement_versions v ON v.tenant_id = t.id
         WHERE g.slug = ?1 AND v.effective_from <= ?5
         ORDER BY v.effective_from DESC, v.number DESC LIMIT 1`,
      ),
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
      RENDERING_OF(
        `SELECT v.id, v.number, v.published_at, v.effective_from, g.default_language, NULL AS superseded_at
         FROM groups g JOIN tenants t ON t.group_id = g.id AND t.slug = ?2
         JOIN statement_versions v ON v.tenant_id = t.id AND v.number = ?5
         WHERE g.slug = ?1`,
      ),
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
  /** Where the company stands in the group's order (what the next page continues after). */
  position: number;
  version: number | null;
  effectiveFrom: string | null;
}

/**
 * The group's active companies in the group's order with the number of their version in force at
 * `at`, if any: at most `limit`, after the company at `after`.
 */
export async function listVersionsInForce(
  db: D1Reader,
  groupId: number,
  at: string,
  page: { after: CompanyCursor | null; limit: number },
): Promise<CurrentVersion[]> {
  const { results } = await db
    .prepare(
      `SELECT t.slug, t.name, t.position, v.number, v.effective_from
       FROM tenants t
       LEFT JOIN statement_versions v ON v.id = (
         SELECT id FROM statement_versions WHERE tenant_id = t.id AND effective_from <= ?2
         ORDER BY effective_from DESC, number DESC LIMIT 1)
       WHERE t.group_id = ?1 AND t.status = 'active' AND (t.position, t.slug) > (?3, ?4)
       ORDER BY t.position, t.slug LIMIT ?5`,
    )
    .bind(groupId, at, ...bindCompaniesAfter(page.after), page.limit)
    .all<{
      slug: string;
      name: string;
      position: number;
      number: number | null;
      effective_from: string | null;
    }>();
  return results.map((r) => ({
    tenant: r.slug,
    name: r.name,
    position: r.position,
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
  /** The companies of one page of the group report (a JSON array of tenant ids is bound as one parameter). */
  tenantIds: readonly number[],
): Promise<Map<number, VersionToAssess | null>> {
  const { results } = await db
    .prepare(
      `SELECT t.id AS tenant_id, v.number, v.content, v.baseline_version_id FROM tenants t
       LEFT JOIN statement_versions v ON v.id = (SELECT id FROM statement_versions WHERE tenant_id = t.id AND effective_from <= ?2
         ORDER BY effective_from DESC, number DESC LIMIT 1)
       WHERE t.group_id = ?1 AND t.id IN (SELECT value FROM json_each(?3))`,
    )
    .bind(groupId, at, JSON.stringify(tenantIds))
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
  /** Where the company stands in the group's order: what a page of companies continues after. */
  position: number;
  /** Null when the company has published nothing yet. */
  version: {
    number: number;
    content: TenantContent;
    baselineVersionId: number;
    publishedAt: string;
    contentHash: string;
    /** The JSON rendering in the group's default language, when asked for. */
    json: StoredBody | null;
  } | null;
  publishedSoFar: PublishedSoFar;
}

interface LatestVersionRow extends Nullable<StoredBodyRow> {
  tenant_id: number;
  slug: string;
  name: string;
  group_id: number;
  position: number;
  number: number | null;
  content: string | null;
  baseline_version_id: number | null;
  published_at: string | null;
  content_hash: string | null;
  in_force_hash: string | null;
}

/**
 * The latest version of the group's active companies in the group's order (position, then slug):
 * every one, or `onlyTenant` alone, or a page of at most `limit` after the company at `after`. An
 * archived company is out of every rollout: nothing is published for it (issue 18).
 */
export async function listLatestVersions(
  db: D1Database,
  query: {
    groupId: number;
    language: Language;
    withPublishedJson: boolean;
    onlyTenant?: string | undefined;
    after?: CompanyCursor | null | undefined;
    limit?: number | undefined;
    now: string;
  },
): Promise<LatestVersion[]> {
  // The published JSON is only needed to show a diff; republishing does without it (the join
  // only matches when asked).
  const { results } = await db
    .prepare(
      `SELECT t.id AS tenant_id, t.slug, t.name, t.group_id, t.position, v.number, v.content, v.baseline_version_id,
         v.published_at, v.content_hash, ${inForceHashSql("t.id", "?5")} AS in_force_hash,
         ${STORED_BODY_COLUMNS}
       FROM tenants t
       LEFT JOIN statement_versions v ON v.id = (SELECT id FROM statement_versions WHERE tenant_id = t.id ORDER BY number DESC LIMIT 1)
       LEFT JOIN statement_renderings r ON ?3 AND r.version_id = v.id AND r.format = 'json' AND r.language = ?2
       LEFT JOIN rendering_packs p ON p.id = r.pack_id
       WHERE t.group_id = ?1 AND t.status = 'active' AND (?4 IS NULL OR t.slug = ?4)
         AND (t.position, t.slug) > (?6, ?7)
       ORDER BY t.position, t.slug LIMIT ?8`,
    )
    .bind(
      query.groupId,
      query.language,
      query.withPublishedJson ? 1 : 0,
      query.onlyTenant ?? null,
      query.now,
      ...bindCompaniesAfter(query.after),
      query.limit ?? -1,
    )
    .all<LatestVersionRow>();
  return results.map((row) => ({
    tenant: { id: row.tenant_id, groupId: row.group_id, slug: row.slug, name: row.name },
    position: row.position,
    version:
      row.number === null || row.content === null || row.baseline_version_id === null
        ? null
        : {
            number: row.number,
            content: tenantContentColumn.read(row.content),
            baselineVersionId: row.baseline_version_id,
            publishedAt: row.published_at ?? "",
            contentHash: row.content_hash ?? "",
            json: mapOptionalStoredBody(row),
          },
    publishedSoFar: { number: row.number, latestHash: row.content_hash, inForceHash: row.in_force_hash },
  }));
}

/** Where a page of a group's companies continues: after this one, in the group's order. */
export interface CompanyCursor {
  position: number;
  slug: string;
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
 * and D1 binds at most 100 parameters (2 + 6 per rendering). Today a version has ten.
 */
const RENDERINGS_PER_INSERT = 16;

const chunksOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * The packs and renderings of version `number` of the company, written in the same batch as the
 * version. A pack that is already stored (the same bytes, whichever version they came with) is
 * not written again: the rendering rows point at the one there is.
 */
export function prepareInsertRenderings(
  db: D1Database,
  tenantId: number,
  number: number,
  packed: PackedRenderings,
): D1PreparedStatement[] {
  const packs = packed.packs.map((pack) =>
    db
      .prepare(
        `INSERT INTO rendering_packs (hash, encoding, size, bytes)
         SELECT ?1, ?2, ?3, unhex(?4) WHERE NOT EXISTS (SELECT 1 FROM rendering_packs WHERE hash = ?1)`,
      )
      // Hex, because D1 carries a bound byte array as a list of numbers.
      .bind(pack.hash, pack.encoding, pack.size, bytesToHexText(pack.bytes)),
  );
  const renderings = chunksOf(packed.placements, RENDERINGS_PER_INSERT).map((chunk) =>
    db
      .prepare(
        `INSERT INTO statement_renderings (version_id, language, format, body_hash, pack_id, byte_start, byte_length)
         VALUES ${chunk
           .map((_, i) => {
             const at = (k: number) => `?${3 + i * 6 + k}`;
             return `((SELECT id FROM statement_versions WHERE tenant_id = ?1 AND number = ?2), ${at(0)}, ${at(1)}, ${at(2)},
               (SELECT id FROM rendering_packs WHERE hash = ${at(3)}), ${at(4)}, ${at(5)})`;
           })
           .join(", ")}`,
      )
      .bind(
        tenantId,
        number,
        ...chunk.flatMap((r) => [r.language, r.format, r.bodyHash, r.packHash, r.start, r.length]),
      ),
  );
  return [...packs, ...renderings];
}

/** Whether the company has published anything (scheduled versions included). */
export async function hasAnyVersion(db: D1Reader, tenantId: number): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS found FROM statement_versions WHERE tenant_id = ?1 LIMIT 1")
    .bind(tenantId)
    .first<{ found: number }>();
  return row !== null;
}
