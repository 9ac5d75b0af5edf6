// Signing in and out. A session is a cookie; nothing in a response ever carries a token or hash.
import { Hono } from "hono";
import { LoginSchema } from "#shared/api-schemas.ts";
import { checkAccountPassword } from "../auth/authenticate.ts";
import { DEVICE_DAYS, issueDeviceToken, readDeviceKey, readDeviceToken } from "../auth/device.ts";
import { invalidateSession, invalidateUserSessions, type SessionUser } from "../auth/session.ts";
import { startSession, tooManyAttempts } from "../auth/sign-in.ts";
import { auditSignInEvent, clientAddress } from "../auth/sign-in-events.ts";
import { admitAttempt } from "../auth/throttle.ts";
import { findUserByEmail, listUserMemberships, normalizeEmail } from "../db/accounts.ts";
import { forgetSignInAttempt } from "../db/sign-in-attempts.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireUser } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";
import { deleteSessionCookie, readDeviceCookie, setDeviceCookie } from "../http/session-cookie.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

const publicUser = (user: SessionUser) => ({ id: user.id, email: user.email, name: user.name });

export const authRoutes = new Hono<AppEnv>()
  .post(
    "/login",
    describeRoute({
      summary:
        "Sign in; sets the session cookie, and a signed known-device cookie that exempts this browser from strangers' throttling",
      tag: "Authentication",
      access: "anyone",
      responses: {
        200: "Signed in",
        401: "Wrong e-mail address or password (the same answer for an unknown address)",
        429: "Too many failed attempts (Retry-After): 5 per account and address per 15 minutes, a growing delay per account, 100 per address",
      },
    }),
    validate("json", LoginSchema),
    async (c) => {
      const { password } = c.req.valid("json");
      const email = normalizeEmail(c.req.valid("json").email);
      const now = new Date();
      const db = c.env.DB;
      const account = await findUserByEmail(db, email);
      const deviceKey = readDeviceKey(c.env);
      const device =
        account && deviceKey
          ? readDeviceToken(deviceKey, readDeviceCookie(c), account.id, now.getTime())
          : null;
      // Counted before the password is looked at: a refused attempt costs no argon2id work at all.
      const admitted = await admitAttempt(
        db,
        { email, address: clientAddress(c), deviceId: device?.deviceId ?? null },
        now.getTime(),
      );
      if (!admitted.allowed) throw tooManyAttempts(admitted.retryAfterSeconds);
      const result = checkAccountPassword(account, password);
      if (!result.user) {
        await auditSignInEvent(db, {
          userId: account?.id ?? null,
          email,
          action: "auth.sign_in_failed",
          summary: device ? { knownDevice: true } : {},
          at: now.toISOString(),
        });
        throw new AppError(401, "invalid_credentials", "The e-mail address or password is not correct.");
      }
      await forgetSignInAttempt(db, admitted.attempt);
      await startSession(c, result.user.id, now);
      if (deviceKey) {
        // Renewed on every sign-in, keeping its id, so the device stays known for a year after its last use.
        const token = issueDeviceToken(deviceKey, result.user.id, now.getTime(), device?.deviceId);
        setDeviceCookie(c, token, new Date(now.getTime() + DEVICE_DAYS * DAY_MS));
      }
      await auditSignInEvent(db, {
        userId: result.user.id,
        email: result.user.email,
        action: "auth.sign_in",
        summary: { knownDevice: device !== null },
        at: now.toISOString(),
      });
      return c.json({ user: publicUser(result.user) }, 200);
    },
  )
  .post(
    "/logout",
    describeRoute({
      summary: "Sign out of this session",
      tag: "Authentication",
      access: "signed in",
      responses: { 200: "Signed out" },
      noBody: true,
    }),
    async (c) => {
      const { session, user } = requireUser(c);
      await invalidateSession(c.env.DB, session.id);
      deleteSessionCookie(c);
      await auditSignInEvent(c.env.DB, {
        userId: user.id,
        email: user.email,
        action: "auth.sign_out",
        at: new Date().toISOString(),
      });
      return c.json({ signedOut: true as const }, 200);
    },
  )
  .post(
    "/logout-all",
    describeRoute({
      summary: "Sign out of every session",
      tag: "Authentication",
      access: "signed in",
      responses: { 200: "Signed out everywhere" },
      noBody: true,
    }),
    async (c) => {
      const { user } = requireUser(c);
      await invalidateUserSessions(c.env.DB, user.id);
      deleteSessionCookie(c);
      await auditSignInEvent(c.env.DB, {
        userId: user.id,
        email: user.email,
        action: "auth.sign_out_all",
        at: new Date().toISOString(),
      });
      return c.json({ signedOut: true as const }, 200);
    },
  );

export const meRoutes = new Hono<AppEnv>().get(
  "/",
  describeRoute({
    summary: "The user and their memberships",
    tag: "Authentication",
    access: "signed in",
    responses: { 200: "User" },
  }),
  async (c) => {
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
  },
);
