// Signing in and out. A session is a cookie; nothing in a response ever carries a token or hash.
import { Hono, type Context } from "hono";
import { LoginSchema } from "#shared/api-schemas.ts";
import { authenticateWithPassword } from "../auth/authenticate.ts";
import {
  checkLoginThrottle,
  clearAccountFailures,
  recordLoginFailure,
  throttleSubjects,
} from "../auth/rate-limit.ts";
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  type SessionUser,
} from "../auth/session.ts";
import { listUserMemberships } from "../db/accounts.ts";
import { appendAudit, type AuditEntry } from "../db/audit.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireUser } from "../http/guards.ts";
import { deleteSessionCookie, setSessionCookie } from "../http/session-cookie.ts";

const clientAddress = (c: Context<AppEnv>): string => c.req.header("CF-Connecting-IP") ?? "unknown";

/** One audit row per group the user belongs to (their privacy leads see it), or one group-less row. */
async function auditUserEvent(
  db: D1Database,
  userId: number | null,
  actor: string,
  action: string,
  summary: Record<string, unknown>,
  at: string,
): Promise<void> {
  const groups = userId ? [...new Set((await listUserMemberships(db, userId)).map((m) => m.groupId))] : [];
  const entry = (groupId: number | null): AuditEntry => ({
    groupId,
    tenantId: null,
    actorUserId: userId,
    actor,
    action,
    target: actor,
    summary,
    at,
  });
  await appendAudit(db, groups.length > 0 ? groups.map(entry) : [entry(null)]);
}

const publicUser = (user: SessionUser) => ({ id: user.id, email: user.email, name: user.name });

export const authRoutes = new Hono<AppEnv>()
  .post("/login", validate("json", LoginSchema), async (c) => {
    const { email, password } = c.req.valid("json");
    const now = new Date();
    const subjects = throttleSubjects(email, clientAddress(c));
    const throttle = await checkLoginThrottle(c.env.DB, subjects, now);
    if (!throttle.allowed) {
      throw new AppError(
        429,
        "too_many_attempts",
        `Too many failed sign-ins. Try again in ${Math.ceil(throttle.retryAfterSeconds / 60)} minutes.`,
        undefined,
        { "Retry-After": String(throttle.retryAfterSeconds) },
      );
    }
    const result = await authenticateWithPassword(c.env.DB, email, password);
    if (!result.user) {
      await recordLoginFailure(c.env.DB, subjects, now);
      const known = result.knownAccount;
      await auditUserEvent(c.env.DB, known?.id ?? null, email, "auth.sign_in_failed", {}, now.toISOString());
      throw new AppError(401, "invalid_credentials", "The e-mail address or password is not correct.");
    }
    await clearAccountFailures(c.env.DB, subjects[0]!);
    const { token, session } = await createSession(c.env.DB, result.user.id, now);
    setSessionCookie(c, token, session.expiresAt);
    await auditUserEvent(c.env.DB, result.user.id, result.user.email, "auth.sign_in", {}, now.toISOString());
    return c.json({ user: publicUser(result.user) }, 200);
  })
  .post("/logout", async (c) => {
    const { session, user } = requireUser(c);
    await invalidateSession(c.env.DB, session.id);
    deleteSessionCookie(c);
    await auditUserEvent(c.env.DB, user.id, user.email, "auth.sign_out", {}, new Date().toISOString());
    return c.json({ signedOut: true as const }, 200);
  })
  .post("/logout-all", async (c) => {
    const { user } = requireUser(c);
    await invalidateUserSessions(c.env.DB, user.id);
    deleteSessionCookie(c);
    await auditUserEvent(c.env.DB, user.id, user.email, "auth.sign_out_all", {}, new Date().toISOString());
    return c.json({ signedOut: true as const }, 200);
  });

export const meRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const { user } = requireUser(c);
  const memberships = await listUserMemberships(c.env.DB, user.id);
  return c.json(
    {
      user: publicUser(user),
      memberships: memberships.map((m) => ({
        id: m.id,
        role: m.role,
        group: { slug: m.groupSlug, name: m.groupName },
        tenant: m.tenantSlug ? { slug: m.tenantSlug, name: m.tenantName ?? m.tenantSlug } : null,
      })),
    },
    200,
  );
});
