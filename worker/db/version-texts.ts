// The text of published versions, section by section, for comparing one version with another.
// Read from the JSON rendering stored at publish time, so a comparison shows exactly the words
// that were published, and nothing is re-resolved from content.
import type { Language } from "#shared/model.ts";
import type { PublishedText } from "#shared/render/changes.ts";
import { readBodyText } from "../storage/rendering-packs.ts";
import { jsonRenderingColumn } from "./json-column.ts";
import type { D1Reader } from "./reader.ts";
import { mapStoredBody, STORED_BODY_COLUMNS, type StoredBodyRow } from "./statements.ts";

/** One published version's text in one language (the shape the "what changed" renderer reads). */
export type VersionText = PublishedText;

interface VersionTextRow extends StoredBodyRow {
  number: number;
  published_at: string;
  effective_from: string;
  change_note: string;
  material: number;
  language: string;
}

const mapVersionText = async (row: VersionTextRow): Promise<VersionText> => {
  // Written by renderJson at publish time and immutable since; checked against its hash on reading.
  const rendering = jsonRenderingColumn.read(await readBodyText(mapStoredBody(row)));
  return {
    number: row.number,
    publishedAt: row.published_at,
    effectiveFrom: row.effective_from,
    changeNote: row.change_note,
    material: row.material === 1,
    language: row.language as Language,
    title: rendering.title,
    group: { slug: rendering.group.slug, name: rendering.group.name },
    tenant: { slug: rendering.tenant.slug, name: rendering.tenant.name },
    sections: rendering.sections.map((s) => ({ key: s.key, title: s.title, text: s.text })),
  };
};

// Per version: the language asked for (?3, null for none), else the group's default language as the
// public endpoint does, else any language the version has, so an old version is never unreadable
// because the group's languages changed since.
const TEXT_COLUMNS = `v.number, v.published_at, v.effective_from, v.change_note, v.material, r.language,
  ${STORED_BODY_COLUMNS}
  FROM groups g
  JOIN tenants t ON t.group_id = g.id
  JOIN statement_versions v ON v.tenant_id = t.id
  JOIN statement_renderings r ON r.version_id = v.id AND r.format = 'json' AND r.language = (
    SELECT x.language FROM statement_renderings x WHERE x.version_id = v.id AND x.format = 'json'
    ORDER BY x.language = COALESCE(?3, g.default_language) DESC, x.language = g.default_language DESC, x.language
    LIMIT 1)
  JOIN rendering_packs p ON p.id = r.pack_id`;

/** One version of a company, for comparing any two versions in the console. */
export async function findVersionSections(
  db: D1Reader,
  tenantId: number,
  number: number,
  language: Language | null,
): Promise<VersionText | null> {
  const row = await db
    .prepare(`SELECT ${TEXT_COLUMNS} WHERE t.id = ?1 AND v.number = ?2`)
    .bind(tenantId, number, language)
    .first<VersionTextRow>();
  return row ? await mapVersionText(row) : null;
}

/**
 * The version in force at `at` and the one in force before it (by effective date), newest first:
 * what the public "what changed" page compares. Empty when nothing is in force.
 */
export async function findTextsInForce(
  db: D1Reader,
  query: { group: string; tenant: string; language: Language | null; at: string },
): Promise<VersionText[]> {
  const { results } = await db
    .prepare(
      `SELECT ${TEXT_COLUMNS}
       WHERE g.slug = ?1 AND t.slug = ?2 AND v.effective_from <= ?4
       ORDER BY v.effective_from DESC, v.number DESC LIMIT 2`,
    )
    .bind(query.group, query.tenant, query.language, query.at)
    .all<VersionTextRow>();
  return Promise.all(results.map(mapVersionText));
}

/** The latest `limit` published versions, scheduled ones included, newest (highest number) first. */
export async function listRecentTexts(
  db: D1Reader,
  query: { group: string; tenant: string; language: Language | null; limit: number },
): Promise<VersionText[]> {
  const { results } = await db
    .prepare(
      `SELECT ${TEXT_COLUMNS}
       WHERE g.slug = ?1 AND t.slug = ?2
       ORDER BY v.number DESC LIMIT ?4`,
    )
    .bind(query.group, query.tenant, query.language, query.limit)
    .all<VersionTextRow>();
  return Promise.all(results.map(mapVersionText));
}
