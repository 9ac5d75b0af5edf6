// Published baseline versions of a group.
import type { Baseline } from "../../shared/model.ts";

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
  // Stored content was validated against BaselineSchema before it was written.
  baseline: JSON.parse(row.content) as Baseline,
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
