// The OpenAPI 3.1 description of every route, generated from the same valibot schemas the routes
// validate with. A test compares it with the app's route table, so a route cannot go undocumented.
import { toJsonSchema } from "@valibot/to-json-schema";
import type * as v from "valibot";
import {
  AuditQuerySchema,
  BaselineDraftBodySchema,
  BaselinePublishSchema,
  GroupSettingsSchema,
  InvitationAcceptSchema,
  InvitationCreateSchema,
  InvitationLookupSchema,
  LoginSchema,
  ProcessorBodySchema,
  PublishSchema,
  CompletenessCheckSchema,
  CompletenessQuerySchema,
  ImportAcceptSchema,
  ImportSchema,
  RejectSchema,
  RepublishSchema,
  RestoreSchema,
  RoleChangeSchema,
  TenantDraftBodySchema,
} from "#shared/api-schemas.ts";
import { WebhookCreateSchema } from "#shared/webhook-schemas.ts";

type Method = "get" | "post" | "put" | "patch" | "delete";

interface RouteDoc {
  method: Method;
  /** OpenAPI path, e.g. /api/groups/{group}/baseline. */
  path: string;
  summary: string;
  tag: "Public statements" | "Authentication" | "Group" | "Company" | "Rollout" | "Approval" | "Operations";
  /** Who may call it. */
  access: string;
  body?: v.GenericSchema;
  query?: v.GenericSchema;
  /** Public routes answer in several formats; the rest answer JSON. */
  formats?: string[];
  responses: Record<string, string>;
  /** Extra request headers the route reads. */
  headers?: { name: string; description: string; required: boolean }[];
}

const PUBLIC_FORMATS = ["text/html", "application/json", "text/markdown", "text/plain"];
const LANG = {
  name: "lang",
  description: "nl or en; a missing translation falls back to the group's default language",
};
const IF_MATCH = { name: "If-Match", description: 'The draft revision you edited, e.g. "7"', required: true };

export const ROUTE_DOCS: RouteDoc[] = [
  {
    method: "get",
    path: "/healthz",
    summary: 'Health check for uptime monitoring: "ok" as text/plain, never cached; touches no storage',
    tag: "Operations",
    access: "public",
    formats: ["text/plain"],
    responses: { "200": "ok" },
  },
  {
    method: "get",
    path: "/v1/statements",
    summary: "The groups that publish statements here",
    tag: "Public statements",
    access: "public",
    responses: { "200": "Groups" },
  },
  {
    method: "get",
    path: "/v1/statements/{group}",
    summary: "A group's companies with the number of the version in force",
    tag: "Public statements",
    access: "public",
    responses: { "200": "Companies", "404": "Unknown group" },
  },
  {
    method: "get",
    path: "/v1/statements/{group}/{tenant}",
    summary:
      "The statement in force. Append .html, .json, .md or .txt to choose the format, or send Accept. " +
      "?fragment gives the HTML fragment for server-side inclusion; ?at=<ISO 8601> the version in force at that moment.",
    tag: "Public statements",
    access: "public",
    formats: PUBLIC_FORMATS,
    responses: {
      "200": "The statement (strong ETag, Last-Modified, Cache-Control: public)",
      "304": "Not modified (If-None-Match matched)",
      "400": "Bad lang, at or fragment",
      "404": "Unknown group or company, nothing published, or nothing in force at that moment",
      "406": "No acceptable format",
    },
  },
  {
    method: "get",
    path: "/v1/statements/{group}/{tenant}/versions",
    summary:
      "Every published version: number, published at, effective from, change note, content hash, status",
    tag: "Public statements",
    access: "public",
    responses: { "200": "Versions, newest first", "304": "Not modified", "404": "Unknown group or company" },
  },
  {
    method: "get",
    path: "/v1/statements/{group}/{tenant}/versions/{version}",
    summary:
      "One version; same extensions, lang and fragment as the statement in force. Cached as immutable.",
    tag: "Public statements",
    access: "public",
    formats: PUBLIC_FORMATS,
    responses: { "200": "The version", "304": "Not modified", "404": "No such version" },
  },
  {
    method: "get",
    path: "/v1/statements/{group}/{tenant}/changes",
    summary: "A readable 'what changed' page: the version in force against the one before (also .html)",
    tag: "Public statements",
    access: "public",
    formats: ["text/html"],
    responses: { "200": "The page", "304": "Not modified", "404": "Nothing published" },
  },
  {
    method: "get",
    path: "/v1/statements/{group}/{tenant}/changes.json",
    summary: "The same comparison as JSON",
    tag: "Public statements",
    access: "public",
    responses: { "200": "Section and word-level changes", "404": "Nothing published" },
  },
  {
    method: "get",
    path: "/v1/statements/{group}/{tenant}/changes.atom",
    summary: "An Atom feed with one entry per version; material changes carry category 'material'",
    tag: "Public statements",
    access: "public",
    formats: ["application/atom+xml"],
    responses: { "200": "The feed", "304": "Not modified", "404": "Nothing published" },
  },
  {
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    tag: "Public statements",
    access: "public",
    responses: { "200": "OpenAPI 3.1" },
  },
  {
    method: "get",
    path: "/docs",
    summary: "A readable reference of the public endpoint",
    tag: "Public statements",
    access: "public",
    formats: ["text/html"],
    responses: { "200": "HTML" },
  },

  {
    method: "post",
    path: "/api/auth/login",
    summary: "Sign in; sets the session cookie",
    tag: "Authentication",
    access: "anyone",
    body: LoginSchema,
    responses: {
      "200": "Signed in",
      "401": "Wrong e-mail address or password (the same answer for an unknown address)",
      "429": "Too many failed attempts (Retry-After)",
    },
  },
  {
    method: "post",
    path: "/api/auth/logout",
    summary: "Sign out of this session",
    tag: "Authentication",
    access: "signed in",
    responses: { "200": "Signed out" },
  },
  {
    method: "post",
    path: "/api/auth/logout-all",
    summary: "Sign out of every session",
    tag: "Authentication",
    access: "signed in",
    responses: { "200": "Signed out everywhere" },
  },
  {
    method: "get",
    path: "/api/me",
    summary: "The user and their memberships",
    tag: "Authentication",
    access: "signed in",
    responses: { "200": "User" },
  },
  {
    method: "post",
    path: "/api/invitations/lookup",
    summary: "What an invitation link is for",
    tag: "Authentication",
    access: "holder of the link",
    body: InvitationLookupSchema,
    responses: { "200": "Invitation", "404": "Unknown link", "410": "Used, withdrawn or expired" },
  },
  {
    method: "post",
    path: "/api/invitations/accept",
    summary: "Accept an invitation: create the account (or add the membership) and sign in",
    tag: "Authentication",
    access: "holder of the link",
    body: InvitationAcceptSchema,
    responses: {
      "200": "Signed in",
      "401": "Wrong password for the existing account",
      "410": "Used, withdrawn or expired",
    },
  },

  {
    method: "get",
    path: "/api/groups/{group}/tenants",
    summary: "The companies the caller may see",
    tag: "Group",
    access: "member",
    responses: { "200": "Companies" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/members",
    summary: "People and their roles",
    tag: "Group",
    access: "group admin",
    responses: { "200": "Members" },
  },
  {
    method: "patch",
    path: "/api/groups/{group}/members/{id}",
    summary: "Change a member's role",
    tag: "Group",
    access: "group admin",
    body: RoleChangeSchema,
    responses: { "200": "Changed", "409": "The last group admin, or a duplicate membership" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/invitations",
    summary: "Invitations and their status",
    tag: "Group",
    access: "group admin",
    responses: { "200": "Invitations" },
  },
  {
    method: "post",
    path: "/api/groups/{group}/invitations",
    summary: "Invite an e-mail address; the link is returned once",
    tag: "Group",
    access: "group admin",
    body: InvitationCreateSchema,
    responses: { "201": "Invitation with its link" },
  },
  {
    method: "delete",
    path: "/api/groups/{group}/invitations/{id}",
    summary: "Withdraw a pending invitation",
    tag: "Group",
    access: "group admin",
    responses: { "200": "Withdrawn", "409": "No longer pending" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/audit",
    summary: "The audit log, newest first",
    tag: "Group",
    access: "group admin (all); editor (own company)",
    query: AuditQuerySchema,
    responses: { "200": "Entries and nextBefore" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/audit/verify",
    summary: "Recompute the hash chain and name the first broken row",
    tag: "Group",
    access: "group admin",
    responses: { "200": "{intact, rows, firstBroken?}" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/baseline",
    summary: "The published baseline",
    tag: "Group",
    access: "member",
    responses: { "200": "Baseline", "404": "None published" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/baseline/versions",
    summary: "Published baseline versions",
    tag: "Group",
    access: "member",
    responses: { "200": "Versions" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/baseline/draft",
    summary: "The baseline draft (ETag = revision)",
    tag: "Group",
    access: "group admin",
    responses: { "200": "Draft" },
  },
  {
    method: "put",
    path: "/api/groups/{group}/baseline/draft",
    summary: "Save the baseline draft",
    tag: "Group",
    access: "group admin",
    body: BaselineDraftBodySchema,
    headers: [IF_MATCH],
    responses: {
      "200": "Saved",
      "409": "Stale revision; body.current is the draft now",
      "428": "If-Match missing",
    },
  },
  {
    method: "post",
    path: "/api/groups/{group}/baseline/publish",
    summary: "Publish the baseline draft as a new version",
    tag: "Group",
    access: "group admin",
    body: BaselinePublishSchema,
    responses: { "201": "Published; lists the companies now outdated", "409": "Nothing changed" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/processors",
    summary: "The processor register",
    tag: "Group",
    access: "member",
    responses: { "200": "Processors" },
  },
  {
    method: "put",
    path: "/api/groups/{group}/processors/{key}",
    summary: "Create or change a processor; company drafts that use it follow",
    tag: "Group",
    access: "group admin",
    body: ProcessorBodySchema,
    responses: { "200": "Changed", "201": "Created" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/settings",
    summary: "Group settings",
    tag: "Approval",
    access: "group admin",
    responses: { "200": "Settings" },
  },
  {
    method: "put",
    path: "/api/groups/{group}/settings",
    summary: "Change group settings (approval on/off)",
    tag: "Approval",
    access: "group admin",
    body: GroupSettingsSchema,
    responses: { "200": "Saved" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/publish-requests",
    summary: "Publish requests (?status=pending|approved|rejected|withdrawn)",
    tag: "Approval",
    access: "member (own companies); group admin (all)",
    responses: { "200": "Requests" },
  },
  {
    method: "post",
    path: "/api/groups/{group}/publish-requests/{id}/approve",
    summary: "Approve and publish (not your own request)",
    tag: "Approval",
    access: "another group admin",
    responses: { "200": "Published", "403": "Self-approval", "409": "Already decided" },
  },
  {
    method: "post",
    path: "/api/groups/{group}/publish-requests/{id}/reject",
    summary: "Reject with a reason",
    tag: "Approval",
    access: "another group admin",
    body: RejectSchema,
    responses: { "200": "Rejected", "403": "Self-approval" },
  },
  {
    method: "post",
    path: "/api/groups/{group}/publish-requests/{id}/withdraw",
    summary: "Withdraw your own request",
    tag: "Approval",
    access: "the requester",
    responses: { "200": "Withdrawn" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/rollout",
    summary: "Per company: outdated?, why, conflicts and the diff a republish would make",
    tag: "Rollout",
    access: "group admin",
    responses: { "200": "Companies" },
  },
  {
    method: "post",
    path: "/api/groups/{group}/rollout/republish",
    summary: "Republish every clean outdated company, each in its own transaction",
    tag: "Rollout",
    access: "group admin",
    body: RepublishSchema,
    responses: { "200": "Result per company" },
  },
  {
    method: "post",
    path: "/api/groups/{group}/rollout/{tenant}/republish",
    summary: "Republish one company (for progress reporting)",
    tag: "Rollout",
    access: "group admin",
    body: RepublishSchema,
    responses: { "200": "Published or skipped", "422": "Failed, with the reason" },
  },

  {
    method: "get",
    path: "/api/groups/{group}/tenants/{tenant}/draft",
    summary: "The company's draft (ETag = revision)",
    tag: "Company",
    access: "group admin, editor, viewer of the company",
    responses: { "200": "Draft" },
  },
  {
    method: "put",
    path: "/api/groups/{group}/tenants/{tenant}/draft",
    summary: "Save the company's draft (the JSON the GET returns)",
    tag: "Company",
    access: "group admin, editor",
    body: TenantDraftBodySchema,
    headers: [IF_MATCH],
    responses: {
      "200": "Saved",
      "409": "Stale revision; body.current is the draft now",
      "422": "An override the baseline's policy forbids, or an unknown processor",
      "428": "If-Match missing",
    },
  },
  {
    method: "get",
    path: "/api/groups/{group}/tenants/{tenant}/preview",
    summary: "The draft resolved and rendered, with its problems and legal lint findings, without publishing",
    tag: "Company",
    access: "group admin, editor, viewer",
    responses: { "200": "Preview" },
  },
  {
    method: "post",
    path: "/api/groups/{group}/tenants/{tenant}/publish",
    summary: "Publish the draft (or ask for approval when the group requires it)",
    tag: "Company",
    access: "group admin, editor",
    body: PublishSchema,
    responses: {
      "201": "Published",
      "202": "Waiting for approval",
      "409": "Nothing changed, or a request is already pending",
      "422": "Problems in the statement",
    },
  },
  {
    method: "post",
    path: "/api/groups/{group}/tenants/{tenant}/versions/{number}/restore",
    summary: "Publish an old version's company details again as a new version",
    tag: "Company",
    access: "group admin, editor",
    body: RestoreSchema,
    responses: { "201": "Published", "202": "Waiting for approval" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/tenants/{tenant}/versions",
    summary: "The company's versions",
    tag: "Company",
    access: "group admin, editor, viewer",
    responses: { "200": "Versions" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/tenants/{tenant}/versions/diff",
    summary: "Section- and word-level diff between two versions (?from=&to=&lang=)",
    tag: "Company",
    access: "group admin, editor, viewer",
    responses: { "200": "Diff" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/tenants/{tenant}/rollout",
    summary:
      "This company alone: whether a newer baseline (or a processor change) is waiting, why, what it would change in the published statement, and the conflicts",
    tag: "Rollout",
    access: "group admin, editor, viewer of the company",
    responses: {
      "200": "The company's rollout status, shaped like one entry of GET /api/groups/{group}/rollout",
      "409": "The group has not published a baseline yet",
    },
  },
  {
    method: "get",
    path: "/api/groups/{group}/tenants/{tenant}/completeness",
    summary: "The AVG completeness check of the draft, or of a version (?version=)",
    tag: "Company",
    access: "group admin, editor, viewer",
    query: CompletenessQuerySchema,
    responses: {
      "200":
        "Findings per checklist item, score, missing 'always' items, what blocks publishing, and the legal lint findings",
    },
  },
  {
    method: "post",
    path: "/api/groups/{group}/tenants/{tenant}/import",
    summary: "Propose how an existing statement (text, Markdown or HTML) maps onto the draft; writes nothing",
    tag: "Company",
    access: "group admin, editor",
    body: ImportSchema,
    responses: { "200": "The proposal" },
  },
  {
    method: "post",
    path: "/api/groups/{group}/tenants/{tenant}/import/accept",
    summary: "Accept an (edited) import proposal into the draft",
    tag: "Company",
    access: "group admin, editor",
    body: ImportAcceptSchema,
    headers: [IF_MATCH],
    responses: { "200": "The new draft", "409": "Stale revision", "428": "If-Match missing" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/completeness",
    summary: "The group report: every company × every checklist item (?format=csv for a spreadsheet)",
    tag: "Group",
    access: "group admin",
    formats: ["application/json", "text/csv"],
    responses: { "200": "The report, with each company's legal lint findings" },
  },
  {
    method: "post",
    path: "/api/groups/{group}/completeness/check",
    summary:
      "Check a statement as written (text, Markdown or HTML) on its own: completeness findings and legal lint, no company details mixed in; writes nothing",
    tag: "Group",
    access: "group admin, editor",
    body: CompletenessCheckSchema,
    responses: { "200": "Completeness findings and lint findings of the text" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/tenants/{tenant}/webhooks",
    summary: "The company's publish webhooks (secrets only as a hint)",
    tag: "Company",
    access: "group admin, editor, viewer",
    responses: { "200": "Webhooks" },
  },
  {
    method: "post",
    path: "/api/groups/{group}/tenants/{tenant}/webhooks",
    summary: "Add a webhook; its signing secret is returned once",
    tag: "Company",
    access: "group admin, editor",
    body: WebhookCreateSchema,
    responses: { "201": "Webhook with its secret" },
  },
  {
    method: "delete",
    path: "/api/groups/{group}/tenants/{tenant}/webhooks/{id}",
    summary: "Disable a webhook",
    tag: "Company",
    access: "group admin, editor",
    responses: { "200": "Disabled" },
  },
  {
    method: "get",
    path: "/api/groups/{group}/tenants/{tenant}/webhooks/{id}/deliveries",
    summary: "Delivery attempts, newest first",
    tag: "Company",
    access: "group admin, editor, viewer",
    responses: { "200": "Attempts" },
  },
];

const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["status", "code", "message"],
      properties: {
        status: { type: "integer" },
        code: { type: "string" },
        message: { type: "string" },
        issues: {
          type: "array",
          items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } },
        },
      },
    },
    current: { description: "On 409 stale_revision: the draft as it is now" },
  },
};

const schemaOf = (schema: v.GenericSchema): Record<string, unknown> =>
  toJsonSchema(schema, { target: "draft-2020-12", errorMode: "ignore", typeMode: "input" }) as Record<
    string,
    unknown
  >;

function describeOperation(route: RouteDoc): Record<string, unknown> {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = route.query ? schemaOf(route.query) : null;
  const queryParams = query
    ? Object.entries((query.properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({
        name,
        in: "query",
        schema,
      }))
    : route.formats && route.path.startsWith("/v1/statements/{group}/{tenant}")
      ? [{ ...LANG, in: "query", schema: { enum: ["nl", "en"] } }]
      : [];
  const headers = (route.headers ?? []).map((h) => ({
    name: h.name,
    in: "header",
    required: h.required,
    description: h.description,
    schema: { type: "string" },
  }));
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, description]) => {
      const ok = status.startsWith("2");
      const types = ok ? (route.formats ?? ["application/json"]) : ["application/json"];
      const content =
        status === "304"
          ? undefined
          : Object.fromEntries(
              types.map((t) => [t, ok ? {} : { schema: { $ref: "#/components/schemas/Error" } }]),
            );
      return [status, content ? { description, content } : { description }];
    }),
  );
  if (route.body || route.query)
    responses["400"] ??= {
      description: "Invalid input: every field named in error.issues",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  if (route.access !== "public" && route.access !== "anyone" && route.access !== "holder of the link") {
    responses["401"] ??= { description: "Not signed in" };
    responses["403"] ??= { description: "Signed in, but the role does not allow this" };
    responses["404"] ??= {
      description: "Unknown, or not visible to the caller (another company's data is never revealed)",
    };
  }
  return {
    summary: route.summary,
    tags: [route.tag],
    description: `Access: ${route.access}.`,
    parameters: [...pathParams, ...queryParams, ...headers],
    ...(route.body
      ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(route.body) } } } }
      : {}),
    responses,
    ...(route.access === "public" || route.access === "anyone" || route.access === "holder of the link"
      ? { security: [] }
      : {}),
  };
}

export function buildOpenApiDocument(origin: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTE_DOCS) (paths[route.path] ??= {})[route.method] = describeOperation(route);
  return {
    openapi: "3.1.0",
    info: {
      title: "Verklaring",
      version: "1",
      description:
        "Privacy statements of a company group: public delivery under /v1, the console's API under /api. " +
        "State-changing /api requests must come from the same origin (Origin / Sec-Fetch-Site).",
    },
    servers: [{ url: origin }],
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "verklaring_session" } },
    },
    security: [{ session: [] }],
  };
}
