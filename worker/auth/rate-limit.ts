// Sign-in throttling kept in D1, so it holds across isolates and locations: five failures for
// one account or one address within 15 minutes close that door until the oldest of them ages out.
import { sha256Hex } from "#shared/engine.ts";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export type ThrottleResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The throttle keys of a sign-in attempt, hashed so no address is stored in clear. */
export function throttleSubjects(email: string, ip: string): string[] {
  return [sha256Hex(`account:${email}`), sha256Hex(`address:${ip}`)];
}

export async function checkLoginThrottle(
  db: D1Database,
  subjects: string[],
  now: Date,
): Promise<ThrottleResult> {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  let retryAt = 0;
  for (const subject of subjects) {
    // The fifth most recent failure: once it leaves the window, fewer than five remain.
    const row = await db
      .prepare(
        `SELECT failed_at FROM login_failures WHERE subject = ?1 AND failed_at > ?2
         ORDER BY failed_at DESC LIMIT 1 OFFSET ?3`,
      )
      .bind(subject, since, MAX_FAILURES - 1)
      .first<{ failed_at: string }>();
    if (row) retryAt = Math.max(retryAt, Date.parse(row.failed_at) + WINDOW_MS);
  }
  if (retryAt === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}

export async function recordLoginFailure(db: D1Database, subjects: string[], now: Date): Promise<void> {
  const at = now.toISOString();
  const expired = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();
  await db.batch([
    ...subjects.map((s) =>
      db.prepare("INSERT INTO login_failures (subject, failed_at) VALUES (?1, ?2)").bind(s, at),
    ),
    db.prepare("DELETE FROM login_failures WHERE failed_at < ?1").bind(expired),
  ]);
}

/** A successful sign-in forgets the account's failures (not the address's). */
export async function clearAccountFailures(db: D1Database, accountSubject: string): Promise<void> {
  await db.prepare("DELETE FROM login_failures WHERE subject = ?1").bind(accountSubject).run();
}
