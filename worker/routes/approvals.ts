// Publish requests. With approval on (a group setting, routes/group-settings.ts), every publish — a
// privacy lead's too, and the baseline's — is a request that a different privacy lead approves or
// rejects: four eyes, always. Deciding is worker/publishing/requests.ts; here is who may decide.
import { Hono, type Context } from "hono";
import * as v from "valibot";
import { IdPageQuerySchema, IdParamSchema, RejectSchema } from "#shared/api-schemas.ts";
import {
  findPublishRequest,
  listPublishRequests,
  REQUEST_STATUSES,
  type PublishRequestRecord,
} from "../db/publish-requests.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { announceTo } from "../publishing/announce.ts";
import {
  approvePublishRequest,
  rejectPublishRequest,
  viewPublishRequest,
  withdrawPublishRequest,
} from "../publishing/requests.ts";
import { describeRoute } from "../http/describe-route.ts";
import { PAGE_SIZE, splitPage } from "../paging.ts";

const RequestListQuerySchema = v.strictObject({
  ...IdPageQuerySchema.entries,
  status: v.optional(v.picklist(REQUEST_STATUSES, "must be pending, approved, rejected or withdrawn")),
});

/** A request the caller may see (a company's to its members, the baseline's to privacy leads), still open. */
async function requireOpenRequest(c: Context<AppEnv>, id: number): Promise<PublishRequestRecord> {
  const access = c.get("access");
  const request = await findPublishRequest(c.env.DB, access.group.id, id);
  const visible =
    request &&
    (access.isAdmin ||
      (request.subject === "company" && access.memberships.some((m) => m.tenantId === request.tenant.id)));
  if (!request || !visible) throw new AppError(404, "request_not_found", "No such publish request.");
  if (request.status !== "pending")
    throw new AppError(409, "request_closed", `This request is already ${request.status}.`);
  return request;
}

function requireOtherAdmin(c: Context<AppEnv>, request: PublishRequestRecord) {
  const access = requireGroupAdmin(c);
  if (request.requestedBy.id === access.user.id) {
    throw new AppError(
      403,
      "self_approval",
      "You asked for this publish: another privacy lead must decide on it.",
    );
  }
  return access;
}

/** Mounted under /api/groups/:group, behind resolveGroupAccess. */
export const approvalRoutes = new Hono<AppEnv>()
  .get(
    "/publish-requests",
    describeRoute({
      summary:
        "A page of publish requests, of companies and of the baseline (?status=pending|approved|rejected|withdrawn), newest first: `after` is the previous page's `next` (null on the last page), `limit` at most 500 (default 100)",
      tag: "Approval",
      access: "member (own companies); group admin (all, the baseline's too)",
      responses: { 200: "Requests, and next", 400: "A status, cursor or page size it does not know" },
    }),
    validate("query", RequestListQuerySchema),
    async (c) => {
      const access = c.get("access");
      const { status, after = null, limit = PAGE_SIZE } = c.req.valid("query");
      const rows = await listPublishRequests(
        c.env.DB,
        access.group.id,
        {
          status,
          tenantIds: access.isAdmin
            ? undefined
            : access.memberships.flatMap((m) => (m.tenantId === null ? [] : [m.tenantId])),
        },
        { beforeId: after, limit: limit + 1 },
      );
      const page = splitPage(rows, limit, (last) => String(last.id));
      return c.json({ requests: page.items.map(viewPublishRequest), next: page.next }, 200);
    },
  )
  .post(
    "/publish-requests/:id/approve",
    describeRoute({
      summary: "Approve and publish (not your own request)",
      tag: "Approval",
      access: "another group admin",
      noBody: true,
      responses: { 200: "Published", 403: "Self-approval", 409: "Already decided" },
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const request = await requireOpenRequest(c, c.req.valid("param").id);
      const access = requireOtherAdmin(c, request);
      const approval = await approvePublishRequest(c.env.DB, access.group, request, access.user, {
        now: new Date().toISOString(),
        onPublished: announceTo(c.env, access.group, new URL(c.req.url).origin),
      });
      return c.json(approval, 200);
    },
  )
  .post(
    "/publish-requests/:id/reject",
    describeRoute({
      summary: "Reject with a reason",
      tag: "Approval",
      access: "another group admin",
      responses: { 200: "Rejected", 403: "Self-approval", 409: "Already decided" },
    }),
    validate("param", IdParamSchema),
    validate("json", RejectSchema),
    async (c) => {
      const request = await requireOpenRequest(c, c.req.valid("param").id);
      const access = requireOtherAdmin(c, request);
      const { reason } = c.req.valid("json");
      const view = await rejectPublishRequest(
        c.env.DB,
        access.group,
        request,
        access.user,
        reason,
        new Date().toISOString(),
      );
      return c.json({ request: view }, 200);
    },
  )
  .post(
    "/publish-requests/:id/withdraw",
    describeRoute({
      summary: "Withdraw your own request",
      tag: "Approval",
      access: "the requester",
      noBody: true,
      responses: { 200: "Withdrawn", 409: "Already decided" },
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const request = await requireOpenRequest(c, c.req.valid("param").id);
      const access = c.get("access");
      if (request.requestedBy.id !== access.user.id) {
        throw new AppError(403, "forbidden", "Only the person who asked can withdraw a publish request.");
      }
      const view = await withdrawPublishRequest(
        c.env.DB,
        access.group,
        request,
        access.user,
        new Date().toISOString(),
      );
      return c.json({ request: view }, 200);
    },
  );
