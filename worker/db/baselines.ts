// Published baseline versions of a group.
import type { Baseline } from "#shared/model.ts";
import { baselineColumn } from "./json-column.ts";

export interface BaselineVersionRecord {
  id: number;
  number: number;
  baseline: Baseline;
  publishedAt: string;
}

interface BaselineVersionRow {
  id: number;
  number: number;
  content: string;
  published_at: string;
}

const mapBaselineVersion = (row: BaselineVersionRow): BaselineVersionRecord => ({
  id: row.id,
  number: row.number,
  baseline: baselineColumn.read(row.content),
  publishedAt: row.published_at,
});

export async function findLatestBaselineVersion(
  db: D1Database,
  groupId: number,
): Promise<BaselineVersionRecord | null> {
  const row = await db
    .prepare(
      "SELECT id, number, content, published_at FROM baseline_versions WHERE group_id = ?1 ORDER BY number DESC LIMIT 1",
    )
    .bind(groupId)
    .first<BaselineVersionRow>();
  return row ? mapBaselineVersion(row) : null;
}

export interface BaselineVersionSummary {
  number: number;
  publishedAt: string;
  changeNote: string;
}

export async function listBaselineVersions(
  db: D1Database,
  groupId: number,
): Promise<BaselineVersionSummary[]> {
  const { results } = await db
    .prepare(
      "SELECT number, published_at, change_note FROM baseline_versions WHERE group_id = ?1 ORDER BY number DESC",
    )
    .bind(groupId)
    .all<{ number: number; published_at: string; change_note: string }>();
  return results.map((r) => ({ number: r.number, publishedAt: r.published_at, changeNote: r.change_note }));
}

export async function findBaselineVersionById(
  db: D1Database,
  id: number,
): Promise<BaselineVersionRecord | null> {
  const row = await db
    .prepare("SELECT id, number, content, published_at FROM baseline_versions WHERE id = ?1")
    .bind(id)
    .first<BaselineVersionRow>();
  return row ? mapBaselineVersion(row) : null;
}

export function prepareInsertBaselineVersion(
  db: D1Database,
  version: {
    groupId: number;
    number: number;
    baseline: Baseline;
    changeNote: string;
    publishedAt: string;
    /** Null for the system (the demo seed). */
    publishedBy: number | null;
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO baseline_versions (group_id, number, content, change_note, published_at, published_by)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
    )
    .bind(
      version.groupId,
      version.number,
      baselineColumn.write(version.baseline),
      version.changeNote,
      version.publishedAt,
      version.publishedBy,
    );
}

/** Version 1 of a new group's baseline, written in the same batch as the group (known by slug). */
export function prepareInsertFirstBaselineVersion(
  db: D1Database,
  groupSlug: string,
  version: { baseline: Baseline; changeNote: string; publishedAt: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO baseline_versions (group_id, number, content, change_note, published_at)
       VALUES ((SELECT id FROM groups WHERE slug = ?1), 1, ?2, ?3, ?4)`,
    )
    .bind(groupSlug, baselineColumn.write(version.baseline), version.changeNote, version.publishedAt);
}

export interface CompaniesOnBaseline {
  /** The group's active companies (archived ones are out of every rollout, issue 18). */
  active: number;
  /** Active companies whose latest version rests on another baseline version than `number`. */
  onOlderBaseline: number;
}

/** Two counts in one query, for a group too large to compare every company with the baseline. */
export async function countCompaniesOnBaseline(
  db: D1Database,
  groupId: number,
  number: number,
): Promise<CompaniesOnBaseline> {
  const row = await db
    .prepare(
      `SELECT COUNT(*) AS active, COUNT(v.id) AS older FROM tenants t
       LEFT JOIN statement_versions v ON v.tenant_id = t.id
         AND v.number = (SELECT MAX(number) FROM statement_versions WHERE tenant_id = t.id)
         AND v.baseline_version_id <> (SELECT id FROM baseline_versions WHERE group_id = ?1 AND number = ?2)
       WHERE t.group_id = ?1 AND t.status = 'active'`,
    )
    .bind(groupId, number)
    .first<{ active: number; older: number }>();
  return { active: row?.active ?? 0, onOlderBaseline: row?.older ?? 0 };
}
