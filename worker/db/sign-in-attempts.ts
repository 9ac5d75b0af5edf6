// Sign-in attempts, counted in SQL (migrations/0007). The policy — which subjects, which limits —
// is worker/auth/throttle.ts; this module only records and counts.

export type SubjectColumn = "pair_subject" | "account_subject" | "address_subject" | "device_subject";

/** At most `limit` attempts within `windowMs`; the next one waits until the oldest ages out. */
export interface WindowRule {
  kind: "window";
  column: SubjectColumn;
  subject: string;
  limit: number;
  windowMs: number;
}

/**
 * `free` attempts within `windowMs` pass at once; after that each attempt must come at least
 * baseDelayMs × 2^(n − free) after the previous one (n attempts in the window), at most maxDelayMs.
 */
export interface DelayRule {
  kind: "delay";
  column: SubjectColumn;
  subject: string;
  free: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type ThrottleRule = WindowRule | DelayRule;

/** Parameters ?1 (now) and ?2 (attempt) come first; each rule binds its own after them. */
function ruleCondition(rule: ThrottleRule, first: number): { sql: string; values: (string | number)[] } {
  const p = (i: number) => `?${first + i}`;
  const recent = `FROM sign_in_attempts WHERE ${rule.column} = ${p(0)} AND attempted_at > ?1 - ${p(1)}`;
  if (rule.kind === "window") {
    return {
      sql: `(SELECT COUNT(*) ${recent}) < ${p(2)}`,
      values: [rule.subject, rule.windowMs, rule.limit],
    };
  }
  return {
    sql: `(SELECT COUNT(*) < ${p(2)} OR ?1 - MAX(attempted_at) >= MIN(${p(4)}, ${p(3)} * (1 << MIN(COUNT(*) - ${p(2)}, 30))) ${recent})`,
    values: [rule.subject, rule.windowMs, rule.free, rule.baseDelayMs, rule.maxDelayMs],
  };
}

/**
 * Records an attempt if every rule still lets it through, in one statement, so that the count is
 * decided by the database and not by a read made before parallel attempts were written. Returns
 * whether it was recorded (and may go on to check the password).
 */
export async function reserveSignInAttempt(
  db: D1Database,
  attempt: string,
  rules: ThrottleRule[],
  now: number,
): Promise<boolean> {
  const columns = new Map<SubjectColumn, string>(rules.map((r) => [r.column, r.subject]));
  const conditions: string[] = [];
  const values: (string | number | null)[] = [now, attempt];
  const subjectParams = (
    ["pair_subject", "account_subject", "address_subject", "device_subject"] as const
  ).map((column) => {
    values.push(columns.get(column) ?? null);
    return `?${values.length}`;
  });
  for (const rule of rules) {
    const { sql, values: ruleValues } = ruleCondition(rule, values.length + 1);
    conditions.push(sql);
    values.push(...ruleValues);
  }
  const row = await db
    .prepare(
      `INSERT INTO sign_in_attempts (attempt, attempted_at, pair_subject, account_subject, address_subject, device_subject)
       SELECT ?2, ?1, ${subjectParams.join(", ")} WHERE ${conditions.join(" AND ") || "1"}
       RETURNING id`,
    )
    .bind(...values)
    .first<{ id: number }>();
  return row !== null;
}

/** When a refused attempt may come again: the latest moment any of the rules frees up, in ms. */
export async function readRetryAfterMs(db: D1Database, rules: ThrottleRule[], now: number): Promise<number> {
  let waitMs = 0;
  for (const rule of rules) {
    const { results } = await db
      .prepare(
        `SELECT attempted_at FROM sign_in_attempts WHERE ${rule.column} = ?1 AND attempted_at > ?2
         ORDER BY attempted_at DESC`,
      )
      .bind(rule.subject, now - rule.windowMs)
      .all<{ attempted_at: number }>();
    const times = results.map((r) => r.attempted_at);
    if (rule.kind === "window") {
      // The limit-th most recent attempt: once it leaves the window, fewer than `limit` remain.
      const blocking = times[rule.limit - 1];
      if (blocking !== undefined) waitMs = Math.max(waitMs, blocking + rule.windowMs - now);
    } else if (times.length >= rule.free) {
      const delay = Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(times.length - rule.free, 30));
      waitMs = Math.max(waitMs, times[0]! + delay - now);
    }
  }
  return Math.max(0, waitMs);
}

/** A sign-in that succeeded was no failure: its row goes. */
export async function forgetSignInAttempt(db: D1Database, attempt: string): Promise<void> {
  await db.prepare("DELETE FROM sign_in_attempts WHERE attempt = ?1").bind(attempt).run();
}

/** Attempts older than every rule's window count for nothing any more (the cron clears them). */
export const ATTEMPTS_KEPT_MS = 24 * 60 * 60 * 1000;

export async function deleteExpiredSignInAttempts(db: D1Database, now: number): Promise<void> {
  await db
    .prepare("DELETE FROM sign_in_attempts WHERE attempted_at < ?1")
    .bind(now - ATTEMPTS_KEPT_MS)
    .run();
}
