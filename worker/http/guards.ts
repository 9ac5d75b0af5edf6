// Who may reach what. One place resolves the caller's role for the group and company in the
// URL; every handler reads the group and tenant from here, never from the request body.
import type { Context, MiddlewareHandler } from "hono";
import { validateSessionToken } from "../auth/session.ts";
import { listUserMemberships } from "../db/accounts.ts";
import { findGroupBySlug, findTenant } from "../db/groups.ts";
import type { AppEnv, GroupAccess, TenantAccess } from "../env.ts";
import { AppError } from "../errors.ts";
import { deleteSessionCookie, readSessionCookie, setSessionCookie } from "./session-cookie.ts";

/** Reads the session cookie (if any), extending the session when it is in its second half. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = readSessionCookie(c);
  const result = token
    ? await validateSessionToken(c.env.DB, token, new Date())
    : ({ session: null, user: null, renewed: false } as const);
  if (token && !result.session) deleteSessionCookie(c);
  if (token && result.renewed) setSessionCookie(c, token, result.session.expiresAt);
  c.set("auth", result);
  await next();
};

export function requireUser(c: Context<AppEnv>) {
  const auth = c.get("auth");
  if (!auth.session) throw new AppError(401, "unauthenticated", "Sign in first.");
  return auth;
}

/**
 * Refuses state-changing requests from other sites. Browsers send Sec-Fetch-Site and Origin on
 * every POST/PUT/PATCH/DELETE; a request with neither is not from a browser and carries no
 * ambient cookie risk.
 */
export const rejectCrossSite: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method)) {
    const site = c.req.header("Sec-Fetch-Site");
    const origin = c.req.header("Origin");
    const ownOrigin = new URL(c.req.url).origin;
    if ((site && site !== "same-origin" && site !== "none") || (origin && origin !== ownOrigin)) {
      throw new AppError(403, "cross_site_request", "Cross-site requests may not change anything.");
    }
  }
  await next();
};

const notFoundGroup = (slug: string) => new AppError(404, "group_not_found", `No group "${slug}".`);

/** Resolves the caller's access to :group. A group the caller is not in does not exist for them. */
export const resolveGroupAccess: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { user } = requireUser(c);
  const slug = c.req.param("group") ?? "";
  const group = await findGroupBySlug(c.env.DB, slug, c.env.PUBLIC_ORIGIN);
  if (!group) throw notFoundGroup(slug);
  const memberships = (await listUserMemberships(c.env.DB, user.id)).filter((m) => m.groupId === group.id);
  if (memberships.length === 0) throw notFoundGroup(slug);
  const access: GroupAccess = {
    group,
    user,
    isAdmin: memberships.some((m) => m.role === "group_admin"),
    memberships,
  };
  c.set("access", access);
  await next();
};

/** Resolves the caller's role for :tenant. A company the caller may not see answers 404. */
export const resolveTenantAccess: MiddlewareHandler<AppEnv> = async (c, next) => {
  const access = c.get("access");
  const slug = c.req.param("tenant") ?? "";
  const tenant = await findTenant(c.env.DB, access.group.id, slug);
  const membership = tenant && access.memberships.find((m) => m.tenantId === tenant.id);
  if (!tenant || (!access.isAdmin && !membership)) {
    throw new AppError(404, "tenant_not_found", `${access.group.group.name} has no company "${slug}".`);
  }
  // An archived company is read-only for everyone until the privacy lead restores it (issue 18).
  if (tenant.status !== "active" && !["GET", "HEAD"].includes(c.req.method)) {
    throw new AppError(409, "company_archived", `${tenant.name} is archived: restore it first to change it.`);
  }
  const tenantAccess: TenantAccess = { tenant, role: access.isAdmin ? "group_admin" : membership!.role };
  c.set("tenantAccess", tenantAccess);
  await next();
};

export function requireGroupAdmin(c: Context<AppEnv>): GroupAccess {
  const access = c.get("access");
  if (!access.isAdmin) throw new AppError(403, "forbidden", "Only the group's privacy lead may do this.");
  return access;
}

export function requireTenantEditor(c: Context<AppEnv>): TenantAccess {
  const tenantAccess = c.get("tenantAccess");
  if (tenantAccess.role === "tenant_viewer") {
    throw new AppError(
      403,
      "forbidden",
      `You may read ${tenantAccess.tenant.name}'s statement but not change it.`,
    );
  }
  return tenantAccess;
}
