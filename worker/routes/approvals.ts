// The approval setting and publish requests. With approval on, every publish — a privacy lead's
// too — is a request that a different privacy lead approves or rejects: four eyes, always.
import { Hono, type Context } from "hono";
import { GroupSettingsSchema, IdParamSchema, RejectSchema } from "#shared/api-schemas.ts";
import { runWithAudit } from "../db/audit.ts";
import { findLatestBaselineVersion } from "../db/baselines.ts";
import {
  findPublishRequest,
  listPublishRequests,
  prepareDecidePublishRequest,
  type PublishRequestRecord,
} from "../db/publish-requests.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { announcePublish } from "../publish-flow.ts";
import { publishTenantVersion } from "../publishing.ts";

const viewRequest = (r: PublishRequestRecord) => ({
  id: r.id,
  tenant: { slug: r.tenantSlug, name: r.tenantName },
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt,
  changeNote: r.changeNote,
  material: r.material,
  effectiveFrom: r.effectiveFrom,
  status: r.status,
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt,
  reason: r.reason,
  versionNumber: r.versionNumber,
});

async function requireRequest(c: Context<AppEnv>, id: number): Promise<PublishRequestRecord> {
  const access = c.get("access");
  const request = await findPublishRequest(c.env.DB, access.group.id, id);
  const visible =
    request && (access.isAdmin || access.memberships.some((m) => m.tenantId === request.tenantId));
  if (!request || !visible) throw new AppError(404, "request_not_found", "No such publish request.");
  if (request.status !== "pending")
    throw new AppError(409, "request_closed", `This request is already ${request.status}.`);
  return request;
}

function requireOtherAdmin(c: Context<AppEnv>, request: PublishRequestRecord): void {
  const access = requireGroupAdmin(c);
  if (request.requestedBy.id === access.user.id) {
    throw new AppError(
      403,
      "self_approval",
      "You asked for this publish: another privacy lead must decide on it.",
    );
  }
}

/** Mounted under /api/groups/:group, behind resolveGroupAccess. */
export const approvalRoutes = new Hono<AppEnv>()
  .get("/settings", async (c) => {
    const { group } = requireGroupAdmin(c);
    return c.json({ requireApproval: group.requireApproval }, 200);
  })
  .put("/settings", validate("json", GroupSettingsSchema), async (c) => {
    const access = requireGroupAdmin(c);
    const { requireApproval } = c.req.valid("json");
    await runWithAudit(
      c.env.DB,
      [
        c.env.DB.prepare("UPDATE groups SET require_approval = ?1 WHERE id = ?2").bind(
          requireApproval ? 1 : 0,
          access.group.id,
        ),
      ],
      [
        {
          groupId: access.group.id,
          tenantId: null,
          actorUserId: access.user.id,
          actor: access.user.email,
          action: "settings.changed",
          target: "requireApproval",
          summary: { from: access.group.requireApproval, to: requireApproval },
          at: new Date().toISOString(),
        },
      ],
    );
    return c.json({ requireApproval }, 200);
  })
  .get("/publish-requests", async (c) => {
    const access = c.get("access");
    const status = c.req.query("status");
    if (status !== undefined && !["pending", "approved", "rejected", "withdrawn"].includes(status)) {
      throw new AppError(400, "invalid_request", "Unknown status.", [
        { field: "status", message: "must be pending, approved, rejected or withdrawn" },
      ]);
    }
    const requests = await listPublishRequests(c.env.DB, access.group.id, {
      status: status as PublishRequestRecord["status"] | undefined,
      tenantIds: access.isAdmin
        ? undefined
        : access.memberships.flatMap((m) => (m.tenantId === null ? [] : [m.tenantId])),
    });
    return c.json({ requests: requests.map(viewRequest) }, 200);
  })
  .post("/publish-requests/:id/approve", validate("param", IdParamSchema), async (c) => {
    const request = await requireRequest(c, c.req.valid("param").id);
    requireOtherAdmin(c, request);
    const access = c.get("access");
    const baseline = await findLatestBaselineVersion(c.env.DB, access.group.id);
    const tenant = {
      id: request.tenantId,
      groupId: access.group.id,
      slug: request.tenantSlug,
      name: request.tenantName,
    };
    const now = new Date().toISOString();
    // A requested date that passed while waiting takes effect on approval.
    const effectiveFrom =
      request.effectiveFrom && request.effectiveFrom > now ? request.effectiveFrom : undefined;
    const latest = await c.env.DB.prepare(
      "SELECT MAX(number) AS n FROM statement_versions WHERE tenant_id = ?1",
    )
      .bind(request.tenantId)
      .first<{ n: number | null }>();
    const version = await publishTenantVersion(
      c.env.DB,
      {
        group: access.group,
        tenant,
        baseline: baseline!,
        content: request.content,
        changeNote: request.changeNote,
        material: request.material,
        effectiveFrom,
        now,
        actor: { id: request.requestedBy.id, email: request.requestedBy.email },
        completenessOverride: request.completenessOverride ?? undefined,
      },
      {
        statements: [
          prepareDecidePublishRequest(c.env.DB, request.id, {
            status: "approved",
            decidedBy: access.user.id,
            decidedAt: now,
            versionNumber: (latest?.n ?? 0) + 1,
          }),
        ],
        audit: [
          {
            groupId: access.group.id,
            tenantId: request.tenantId,
            actorUserId: access.user.id,
            actor: access.user.email,
            action: "publish.approved",
            target: request.tenantSlug,
            summary: {
              request: request.id,
              requestedBy: request.requestedBy.email,
              version: (latest?.n ?? 0) + 1,
            },
            at: now,
          },
        ],
      },
    );
    await announcePublish(c.env, access.group, tenant, version, new URL(c.req.url).origin);
    return c.json(
      {
        request: viewRequest({
          ...request,
          status: "approved",
          decidedAt: now,
          versionNumber: version.number,
          decidedBy: access.user.email,
        }),
        version,
      },
      200,
    );
  })
  .post(
    "/publish-requests/:id/reject",
    validate("param", IdParamSchema),
    validate("json", RejectSchema),
    async (c) => {
      const request = await requireRequest(c, c.req.valid("param").id);
      requireOtherAdmin(c, request);
      const access = c.get("access");
      const { reason } = c.req.valid("json");
      const now = new Date().toISOString();
      await runWithAudit(
        c.env.DB,
        [
          prepareDecidePublishRequest(c.env.DB, request.id, {
            status: "rejected",
            decidedBy: access.user.id,
            decidedAt: now,
            reason,
          }),
        ],
        [
          {
            groupId: access.group.id,
            tenantId: request.tenantId,
            actorUserId: access.user.id,
            actor: access.user.email,
            action: "publish.rejected",
            target: request.tenantSlug,
            summary: { request: request.id, requestedBy: request.requestedBy.email, reason },
            at: now,
          },
        ],
      );
      return c.json(
        {
          request: viewRequest({
            ...request,
            status: "rejected",
            decidedAt: now,
            reason,
            decidedBy: access.user.email,
          }),
        },
        200,
      );
    },
  )
  .post("/publish-requests/:id/withdraw", validate("param", IdParamSchema), async (c) => {
    const request = await requireRequest(c, c.req.valid("param").id);
    const access = c.get("access");
    if (request.requestedBy.id !== access.user.id) {
      throw new AppError(403, "forbidden", "Only the person who asked can withdraw a publish request.");
    }
    const now = new Date().toISOString();
    await runWithAudit(
      c.env.DB,
      [
        prepareDecidePublishRequest(c.env.DB, request.id, {
          status: "withdrawn",
          decidedBy: access.user.id,
          decidedAt: now,
        }),
      ],
      [
        {
          groupId: access.group.id,
          tenantId: request.tenantId,
          actorUserId: access.user.id,
          actor: access.user.email,
          action: "publish.withdrawn",
          target: request.tenantSlug,
          summary: { request: request.id },
          at: now,
        },
      ],
    );
    return c.json(
      {
        request: viewRequest({
          ...request,
          status: "withdrawn",
          decidedAt: now,
          decidedBy: access.user.email,
        }),
      },
      200,
    );
  });
