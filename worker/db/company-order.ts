// A page of a group's companies continues after the last one of the page before, in the group's
// order: position, then slug. Bound as `(t.position, t.slug) > (?n, ?m)` with no "no cursor"
// alternative in the SQL (`?n IS NULL OR …`): SQLite can seek the index (group_id, position,
// slug) to a row-value bound (migration 0024), not to one that may be switched off.

/** The first page starts before every company: positions are never negative (migration 0001). */
const BEFORE_EVERY_COMPANY: readonly [number, string] = [-1, ""];

/**
 * A LIKE pattern for names or addresses that contain `words`, bound with `ESCAPE '\'`: LIKE's own
 * characters (% _ and the escape) are taken as written. SQLite's LIKE folds ASCII letters only.
 */
export const bindContains = (words: string | undefined): string | null =>
  words === undefined ? null : `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** SQL: company `t` has the bound pattern `param` (bindContains) in its name or address, or `param` is NULL. */
export const nameOrSlugContains = (param: string): string =>
  `(${param} IS NULL OR t.name LIKE ${param} ESCAPE '\\' OR t.slug LIKE ${param} ESCAPE '\\')`;

/** The (position, slug) a page of companies starts after. */
export const bindCompaniesAfter = (
  after: { position: number; slug: string } | null | undefined,
): readonly [number, string] => (after ? [after.position, after.slug] : BEFORE_EVERY_COMPANY);
