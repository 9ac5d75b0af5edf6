// The group's processor register.
import type { ProcessorEntry, Recipient } from "#shared/model.ts";
import { namedCompaniesColumn, recipientColumn } from "./json-column.ts";

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

/** Which companies' drafts use a register entry: how many, and the first of them. */
export interface ProcessorUsage {
  /** Companies (active or archived) whose draft uses the entry. */
  count: number;
  /** The first of them in the group's order, at most USAGE_NAMED. */
  named: { slug: string; name: string }[];
}

/** How many companies an entry's usage names; its count says how many there are in all. */
export const USAGE_NAMED = 10;

/**
 * The usage of each of `keys` that any draft uses (an unused entry is not in the map). Counted and
 * cut in SQL: an entry that 10,000 companies use is 10 names and a number, not 10,000 rows (issue 20).
 */
export async function listProcessorUsage(
  db: D1Database,
  groupId: number,
  keys: readonly string[],
): Promise<Map<string, ProcessorUsage>> {
  const usage = new Map<string, ProcessorUsage>();
  if (keys.length === 0) return usage;
  const { results } = await db
    .prepare(
      `WITH uses AS (
         SELECT DISTINCT json_extract(r.value, '$.processor') AS key, t.slug, t.name, t.position
         FROM tenant_drafts d JOIN tenants t ON t.id = d.tenant_id, json_each(d.content, '$.lists.recipients') r
         WHERE t.group_id = ?1 AND t.status != 'deleted'
           AND json_extract(r.value, '$.processor') IN (SELECT value FROM json_each(?2))
       ),
       ranked AS (
         SELECT key, slug, name,
           ROW_NUMBER() OVER (PARTITION BY key ORDER BY position, slug) AS place,
           COUNT(*) OVER (PARTITION BY key) AS count
         FROM uses
       )
       SELECT key, slug, name, count FROM ranked WHERE place <= ?3 ORDER BY key, place`,
    )
    .bind(groupId, JSON.stringify(keys), USAGE_NAMED)
    .all<{ key: string; slug: string; name: string; count: number }>();
  for (const row of results) {
    const entry = usage.get(row.key) ?? { count: row.count, named: [] };
    entry.named.push({ slug: row.slug, name: row.name });
    usage.set(row.key, entry);
  }
  return usage;
}

/** Removes an entry; the database refuses while a draft uses it (migrations/0012). */
export function prepareDeleteProcessor(db: D1Database, groupId: number, key: string): D1PreparedStatement {
  return db.prepare("DELETE FROM processors WHERE group_id = ?1 AND key = ?2").bind(groupId, key);
}

/** A recipient that companies list by hand (not from the register), by name. */
export interface HandListedRecipient {
  /** As the first company (in the group's order) that lists it wrote it. */
  recipient: Recipient;
  /** How many companies list a recipient of this name by hand. */
  companies: number;
  /** The first of them, in the group's order (at most HAND_LISTED_NAMED). */
  named: { slug: string; name: string }[];
}

/** How many companies a hand-listed recipient names; the count says how many there are in all. */
export const HAND_LISTED_NAMED = 10;

/**
 * Recipients the group's companies (not deleted) list by hand, one row per name (compared in lower
 * case without the spaces around it), most companies first, at most `limit` names, leaving out the
 * names in `excluded` (the register's). Aggregated in SQL: a group of 10,000 companies is never
 * read draft by draft (issue 20). SQLite's lower() folds ASCII letters only.
 */
export async function listHandListedRecipients(
  db: D1Database,
  groupId: number,
  { limit, excluded }: { limit: number; excluded: readonly string[] },
): Promise<HandListedRecipient[]> {
  const { results } = await db
    .prepare(
      `WITH listed AS (
         SELECT lower(trim(r.value ->> '$.name')) AS name_key, r.value AS recipient,
           t.id AS tenant_id, t.slug, t.name,
           row_number() OVER (PARTITION BY lower(trim(r.value ->> '$.name'))
             ORDER BY t.position, t.slug, r.key) AS nth
         FROM tenant_drafts d JOIN tenants t ON t.id = d.tenant_id,
           json_each(d.content, '$.lists.recipients') r
         WHERE t.group_id = ?1 AND t.status != 'deleted' AND r.value ->> '$.processor' IS NULL
           AND trim(r.value ->> '$.name') != ''
           AND lower(trim(r.value ->> '$.name')) NOT IN (SELECT lower(trim(value)) FROM json_each(?4))
       ),
       -- One row per company and name (a company may list the same name twice).
       per_company AS (
         SELECT name_key, tenant_id, slug, name, min(nth) AS nth FROM listed GROUP BY name_key, tenant_id
       ),
       ranked AS (
         SELECT *, row_number() OVER (PARTITION BY name_key ORDER BY nth) AS place FROM per_company
       )
       SELECT ranked.name_key, count(*) AS companies,
         (SELECT l.recipient FROM listed l WHERE l.name_key = ranked.name_key AND l.nth = 1) AS recipient,
         json_group_array(json_object('slug', ranked.slug, 'name', ranked.name))
           FILTER (WHERE ranked.place <= ?2) AS named
       FROM ranked GROUP BY ranked.name_key
       ORDER BY companies DESC, ranked.name_key LIMIT ?3`,
    )
    .bind(groupId, HAND_LISTED_NAMED, limit, JSON.stringify(excluded))
    .all<{ name_key: string; companies: number; recipient: string; named: string }>();
  return results.map((row) => ({
    recipient: recipientColumn.read(row.recipient),
    companies: row.companies,
    named: namedCompaniesColumn.read(row.named),
  }));
}
