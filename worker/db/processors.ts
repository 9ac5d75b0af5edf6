// The group's processor register.
import type { ProcessorEntry } from "#shared/model.ts";
import { recipientColumn } from "./json-column.ts";

export interface ProcessorRecord extends ProcessorEntry {
  revision: number;
  updatedAt: string;
}

interface ProcessorRow {
  key: string;
  content: string;
  revision: number;
  updated_at: string;
}

const mapProcessor = (row: ProcessorRow): ProcessorRecord => ({
  key: row.key,
  recipient: recipientColumn.read(row.content),
  revision: row.revision,
  updatedAt: row.updated_at,
});

export async function listProcessors(db: D1Database, groupId: number): Promise<ProcessorRecord[]> {
  const { results } = await db
    .prepare("SELECT key, content, revision, updated_at FROM processors WHERE group_id = ?1 ORDER BY key")
    .bind(groupId)
    .all<ProcessorRow>();
  return results.map(mapProcessor);
}

/** A page of the register in the order of its keys (a key never changes), after the key `after`. */
export async function listProcessorsPage(
  db: D1Database,
  groupId: number,
  page: { after: string | null; limit: number },
): Promise<ProcessorRecord[]> {
  const { results } = await db
    .prepare(
      "SELECT key, content, revision, updated_at FROM processors WHERE group_id = ?1 AND (?2 IS NULL OR key > ?2) ORDER BY key LIMIT ?3",
    )
    .bind(groupId, page.after, page.limit)
    .all<ProcessorRow>();
  return results.map(mapProcessor);
}

export function prepareInsertProcessor(
  db: D1Database,
  groupId: number,
  entry: ProcessorEntry,
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      "INSERT INTO processors (group_id, key, content, revision, updated_at) VALUES (?1, ?2, ?3, 1, ?4)",
    )
    .bind(groupId, entry.key, recipientColumn.write(entry.recipient), now);
}

export function prepareUpdateProcessor(
  db: D1Database,
  groupId: number,
  entry: ProcessorEntry,
  fromRevision: number,
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      "UPDATE processors SET content = ?3, revision = ?4, updated_at = ?5 WHERE group_id = ?1 AND key = ?2",
    )
    .bind(groupId, entry.key, recipientColumn.write(entry.recipient), fromRevision + 1, now);
}

/** The companies (active or archived) whose draft uses each register entry, in the group's order. */
export async function listProcessorUsage(
  db: D1Database,
  groupId: number,
): Promise<Map<string, { slug: string; name: string }[]>> {
  const { results } = await db
    .prepare(
      `SELECT DISTINCT json_extract(r.value, '$.processor') AS key, t.slug, t.name, t.position
       FROM tenant_drafts d JOIN tenants t ON t.id = d.tenant_id, json_each(d.content, '$.lists.recipients') r
       WHERE t.group_id = ?1 AND t.status != 'deleted' AND json_extract(r.value, '$.processor') IS NOT NULL
       ORDER BY t.position, t.slug`,
    )
    .bind(groupId)
    .all<{ key: string; slug: string; name: string }>();
  const usage = new Map<string, { slug: string; name: string }[]>();
  for (const row of results) {
    usage.set(row.key, [...(usage.get(row.key) ?? []), { slug: row.slug, name: row.name }]);
  }
  return usage;
}

/** Removes an entry; the database refuses while a draft uses it (migrations/0012). */
export function prepareDeleteProcessor(db: D1Database, groupId: number, key: string): D1PreparedStatement {
  return db.prepare("DELETE FROM processors WHERE group_id = ?1 AND key = ?2").bind(groupId, key);
}
