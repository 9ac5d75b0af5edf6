// What the integrity check reads: a group's published versions and their stored renderings.
import { readPackEncoding, type PackEncoding } from "../storage/rendering-packs.ts";

export interface VersionToCheck {
  id: number;
  tenantId: number;
  tenantSlug: string;
  number: number;
  contentHash: string;
  languages: string[];
}

export interface StoredRendering {
  versionId: number;
  language: string;
  format: string;
  bodyHash: string;
  packId: number;
  start: number;
  length: number;
}

export interface StoredPack {
  id: number;
  hash: string;
  encoding: PackEncoding;
  size: number;
  hex: string;
}

/** The group's versions after `afterId`, in id order. */
export async function listVersionsToCheck(
  db: D1Database,
  groupId: number,
  afterId: number,
  limit: number,
): Promise<VersionToCheck[]> {
  const { results } = await db
    .prepare(
      `SELECT v.id, v.tenant_id, t.slug AS tenant_slug, v.number, v.content_hash, v.languages
       FROM statement_versions v JOIN tenants t ON t.id = v.tenant_id
       WHERE t.group_id = ?1 AND v.id > ?2 ORDER BY v.id LIMIT ?3`,
    )
    .bind(groupId, afterId, limit)
    .all<{
      id: number;
      tenant_id: number;
      tenant_slug: string;
      number: number;
      content_hash: string;
      languages: string;
    }>();
  return results.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    tenantSlug: r.tenant_slug,
    number: r.number,
    contentHash: r.content_hash,
    languages: JSON.parse(r.languages) as string[],
  }));
}

/** Every stored rendering of these versions, and the packs that hold their bytes. */
export async function listStoredRenderings(
  db: D1Database,
  versionIds: number[],
): Promise<{ renderings: StoredRendering[]; packs: StoredPack[] }> {
  if (versionIds.length === 0) return { renderings: [], packs: [] };
  const ids = JSON.stringify(versionIds);
  const [renderings, packs] = await db.batch<RenderingRow | PackRow>([
    db
      .prepare(
        `SELECT version_id, language, format, body_hash, pack_id, byte_start, byte_length FROM statement_renderings
         WHERE version_id IN (SELECT value FROM json_each(?1))`,
      )
      .bind(ids),
    db
      .prepare(
        `SELECT id, hash, encoding, size, hex(bytes) AS hex FROM rendering_packs
         WHERE id IN (SELECT pack_id FROM statement_renderings WHERE version_id IN (SELECT value FROM json_each(?1)))`,
      )
      .bind(ids),
  ]);
  return {
    renderings: ((renderings?.results ?? []) as RenderingRow[]).map((r) => ({
      versionId: r.version_id,
      language: r.language,
      format: r.format,
      bodyHash: r.body_hash,
      packId: r.pack_id,
      start: r.byte_start,
      length: r.byte_length,
    })),
    packs: ((packs?.results ?? []) as PackRow[]).map((p) => ({
      id: p.id,
      hash: p.hash,
      encoding: readPackEncoding(p.encoding),
      size: p.size,
      hex: p.hex,
    })),
  };
}

interface RenderingRow {
  version_id: number;
  language: string;
  format: string;
  body_hash: string;
  pack_id: number;
  byte_start: number;
  byte_length: number;
}

interface PackRow {
  id: number;
  hash: string;
  encoding: string;
  size: number;
  hex: string;
}
