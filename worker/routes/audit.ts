// Reading and verifying the audit log. A group has two logs, each its own hash chain: its changes
// (/audit: group admins see all, editors their company's rows) and its members' sign-ins
// (/audit/sign-ins: the privacy lead only, since it names people of every company and strangers).
import { Hono, type Context } from "hono";
import type * as v from "valibot";
import { AuditQuerySchema } from "#shared/api-schemas.ts";
import { listCheckpoints } from "../audit/checkpoints.ts";
import { requireAuditKeys } from "../audit/keys.ts";
import { sealBeforeReading, verifyAuditChain } from "../audit/log.ts";
import { chainOf, listAuditRecords, type AuditLogName } from "../db/audit.ts";
import { findTenant } from "../db/groups.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";

const CHECKPOINTS_SHOWN = 100;

type Query = v.InferOutput<typeof AuditQuerySchema>;

/** The company an editor's view is limited to (undefined: the privacy lead sees every row). */
async function readableTenant(
  c: Context<AppEnv>,
  requested: string | undefined,
): Promise<number | undefined> {
  const access = c.get("access");
  const editable = access.memberships.filter((m) => m.role === "tenant_editor").map((m) => m.tenantId);
  if (requested) {
    const tenant = await findTenant(c.env.DB, access.group.id, requested);
    const visible = tenant && (access.isAdmin || access.memberships.some((m) => m.tenantId === tenant.id));
    if (!tenant || !visible) {
      throw new AppError(
        404,
        "tenant_not_found",
        `${access.group.group.name} has no company "${requested}".`,
      );
    }
    if (!access.isAdmin && !editable.includes(tenant.id)) {
      throw new AppError(403, "forbidden", "Viewers cannot read the audit log.");
    }
    return tenant.id;
  }
  if (access.isAdmin) return undefined;
  // An editor reads their own company's rows only; a viewer reads none.
  if (editable.length !== 1) {
    throw new AppError(
      editable.length === 0 ? 403 : 400,
      editable.length === 0 ? "forbidden" : "invalid_request",
      editable.length === 0 ? "Viewers cannot read the audit log." : "Name the company with ?tenant=.",
      editable.length === 0
        ? undefined
        : [{ field: "tenant", message: "is required when you edit several companies" }],
    );
  }
  return editable[0]!;
}

async function listLog(c: Context<AppEnv>, log: AuditLogName, query: Query, tenantId: number | undefined) {
  const access = c.get("access");
  const chain = chainOf(access.group.id, log);
  // Rows written a moment ago are sealed first, so the list never misses them.
  await sealBeforeReading(c.env, chain);
  const limit = query.limit ?? 50;
  const records = await listAuditRecords(c.env.DB, {
    groupId: access.group.id,
    log,
    ...(tenantId !== undefined ? { tenantId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.actor ? { actor: query.actor.toLowerCase() } : {}),
    ...(query.before ? { beforeSeq: query.before } : {}),
    limit,
  });
  const last = records.at(-1);
  return {
    entries: records.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      target: r.target,
      tenant: r.tenant?.slug ?? null,
      // The company's name now (the summary keeps what it was called then, where that matters).
      tenantName: r.tenant?.name ?? null,
      summary: r.summary,
      hash: r.hash,
    })),
    nextBefore: records.length === limit && last ? last.seq : null,
  };
}

async function listLogCheckpoints(c: Context<AppEnv>, log: AuditLogName) {
  const access = requireGroupAdmin(c);
  const checkpoints = await listCheckpoints(
    c.env.AUDIT_CHECKPOINTS,
    requireAuditKeys(c.env),
    chainOf(access.group.id, log),
    CHECKPOINTS_SHOWN,
  );
  c.header("Cache-Control", "private, no-store");
  return {
    // Newest first: where the log stood at each moment, signed so that nobody can have moved it.
    checkpoints: checkpoints.map((cp) => ({
      seq: cp.seq,
      hash: cp.hash,
      sealedAt: cp.sealedAt,
      at: cp.at,
      signed: cp.signed,
    })),
  };
}

/** Mounted under /api/groups/:group/audit, behind resolveGroupAccess. */
export const auditRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary: "The log of the group's changes, newest first",
      tag: "Group",
      access: "group admin (all); editor (own company)",
      responses: { 200: "Entries and nextBefore", 503: "AUDIT_KEY is not configured" },
    }),
    validate("query", AuditQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      const tenantId = await readableTenant(c, query.tenant);
      return c.json(await listLog(c, "changes", query, tenantId), 200);
    },
  )
  .get(
    "/verify",
    describeRoute({
      summary:
        "Recompute the chain of changes under its key, compare it with its checkpoints, and name the first row that does not fit",
      tag: "Group",
      access: "group admin",
      responses: { 200: "{intact, rows, firstBroken?}", 503: "AUDIT_KEY is not configured" },
    }),
    async (c) => {
      const access = requireGroupAdmin(c);
      return c.json(await verifyAuditChain(c.env, chainOf(access.group.id, "changes")), 200);
    },
  )
  .get(
    "/checkpoints",
    describeRoute({
      summary: "Signed checkpoints of the chain of changes, kept outside the database, newest first",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Checkpoints", 503: "AUDIT_KEY is not configured" },
    }),
    async (c) => c.json(await listLogCheckpoints(c, "changes"), 200),
  )
  .get(
    "/sign-ins",
    describeRoute({
      summary: "The members' sign-ins and failed attempts (a chain of its own), newest first",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Entries and nextBefore", 503: "AUDIT_KEY is not configured" },
    }),
    validate("query", AuditQuerySchema),
    async (c) => {
      requireGroupAdmin(c);
      const query = c.req.valid("query");
      const tenantId = query.tenant ? await readableTenant(c, query.tenant) : undefined;
      return c.json(await listLog(c, "sign-ins", query, tenantId), 200);
    },
  )
  .get(
    "/sign-ins/verify",
    describeRoute({
      summary: "Verify the sign-in log's chain and checkpoints",
      tag: "Group",
      access: "group admin",
      responses: { 200: "{intact, rows, firstBroken?}", 503: "AUDIT_KEY is not configured" },
    }),
    async (c) => {
      const access = requireGroupAdmin(c);
      return c.json(await verifyAuditChain(c.env, chainOf(access.group.id, "sign-ins")), 200);
    },
  )
  .get(
    "/sign-ins/checkpoints",
    describeRoute({
      summary: "Signed checkpoints of the sign-in log, newest first",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Checkpoints", 503: "AUDIT_KEY is not configured" },
    }),
    async (c) => c.json(await listLogCheckpoints(c, "sign-ins"), 200),
  );
