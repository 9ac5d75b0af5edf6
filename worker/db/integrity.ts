// What the integrity check reads: a group's published versions and their stored renderings.

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
  body: string;
  bodyHash: string;
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

/** Every stored rendering of these versions, bodies included. */
export async function listStoredRenderings(db: D1Database, versionIds: number[]): Promise<StoredRendering[]> {
  if (versionIds.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT version_id, language, format, body, body_hash FROM statement_renderings
       WHERE version_id IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(versionIds))
    .all<{ version_id: number; language: string; format: string; body: string; body_hash: string }>();
  return results.map((r) => ({
    versionId: r.version_id,
    language: r.language,
    format: r.format,
    body: r.body,
    bodyHash: r.body_hash,
  }));
}
