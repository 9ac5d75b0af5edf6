// Pages of a list (issue 20): every list API answers a page at a time, after a cursor that stays
// valid when rows are added meanwhile — the group's order (position, slug) for companies, an
// immutable id for the rest — with `next`, the cursor of the following page or null on the last.
// The same design as the rollout status (worker/routes/rollout.ts).

/** A page holds at most this many unless the caller asks for fewer (at most 500, see shared/api-schemas.ts). */
export const PAGE_SIZE = 100;

/** The cursor after a company: `${position}~${slug}` (CompanyCursorSchema reads it back). */
export const companyCursorOf = (at: { position: number; slug: string }): string =>
  `${at.position}~${at.slug}`;

/**
 * The page out of the `limit + 1` rows a query read (one more than the page, to know whether there
 * is a next one), and the cursor after its last row.
 */
export function splitPage<T>(
  rows: readonly T[],
  limit: number,
  cursorOf: (last: T) => string,
): { items: T[]; next: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
