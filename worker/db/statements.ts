// Published statement versions and their stored renderings: the public endpoint's reads.
import type { Language } from "#shared/model.ts";
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
  languages: JSON.parse(row.languages) as Language[],
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
