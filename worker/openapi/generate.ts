// The OpenAPI 3.1 document, generated from the app's routes: each route's describeRoute(…) and the
// valibot schemas of its validate(…) calls, converted by hono-openapi's generator. It runs at build
// time (`npm run openapi` writes web/public/openapi.json, a static asset) and in the tests, never in
// the Worker: neither hono-openapi and its schema converters nor the document itself fit the
// Worker's size budget.
import { Hono, type Context, type MiddlewareHandler } from "hono";
import type { RouterRoute } from "hono/types";
import type { OpenAPIV3_1 } from "openapi-types";
import {
  describeRoute as describeForOpenApi,
  generateSpecs,
  validator as validatorForOpenApi,
} from "hono-openapi";
import { findTargetHandler } from "hono/utils/handler";
import { ROUTE_SCHEMA, type RouteSchema } from "../errors.ts";
import { ROUTE_DESCRIPTION, type RouteDescription } from "../http/describe-route.ts";

/** What the generator reads of an app: its route table (`app.routes`). */
export interface RouteTable {
  routes: readonly RouterRoute[];
}

const ERROR_SCHEMA: OpenAPIV3_1.SchemaObject = {
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

const ERROR_CONTENT = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };

/** The answers most operations share, described once and referred to. */
const SHARED_RESPONSES = {
  InvalidInput: { description: "Invalid input: every field named in error.issues", content: ERROR_CONTENT },
  NotSignedIn: { description: "Not signed in", content: ERROR_CONTENT },
  Forbidden: { description: "Signed in, but the role does not allow this", content: ERROR_CONTENT },
  NotVisible: {
    description: "Unknown, or not visible to the caller (another company's data is never revealed)",
    content: ERROR_CONTENT,
  },
};
const sharedResponse = (name: keyof typeof SHARED_RESPONSES) => ({ $ref: `#/components/responses/${name}` });

/** Routes that need no session. */
const OPEN_ACCESS = new Set(["public", "anyone", "holder of the link", "pending sign-in"]);

/** Schemas as a client sends them (before transforms), constraints the converter cannot express left out. */
const SCHEMA_OPTIONS = { options: { typeMode: "input", errorMode: "ignore" } };

/** `/api/groups/:group` as OpenAPI writes it: `/api/groups/{group}`. */
export const toOpenApiPath = (path: string): string => path.replace(/:(\w+)(\{[^}]*\})?\??/g, "{$1}");

/** One entry per method and path (a route's handlers are listed one by one in `app.routes`). */
export interface RouteEntry {
  method: string;
  path: string;
  description: RouteDescription | null;
  schemas: RouteSchema[];
}

type Marked = { [ROUTE_DESCRIPTION]?: RouteDescription; [ROUTE_SCHEMA]?: RouteSchema };

/** Every route of the app with what its handlers say about it; middleware for all methods is left out. */
export function listRoutes(app: RouteTable): RouteEntry[] {
  const entries = new Map<string, RouteEntry>();
  for (const route of app.routes) {
    if (route.method === "ALL") continue;
    const path = toOpenApiPath(route.path);
    const key = `${route.method} ${path}`;
    const entry = entries.get(key) ?? { method: route.method, path, description: null, schemas: [] };
    entries.set(key, entry);
    const handler = findTargetHandler(route.handler) as Marked;
    const description = handler[ROUTE_DESCRIPTION];
    if (description && !entry.description) entry.description = description;
    const schema = handler[ROUTE_SCHEMA];
    if (schema) entry.schemas.push(schema);
  }
  return [...entries.values()];
}

/**
 * The two paths served as static assets (web/public, written by `npm run openapi`; wrangler.toml's
 * run_worker_first leaves them to the assets), described here since no route of the app defines them.
 */
export const STATIC_ROUTES: readonly RouteEntry[] = [
  {
    method: "GET",
    path: "/openapi.json",
    description: {
      summary: "This document",
      tag: "Public statements",
      access: "public",
      responses: { 200: "OpenAPI 3.1" },
    },
    schemas: [],
  },
  {
    method: "GET",
    path: "/docs",
    description: {
      summary: "A readable reference of the public endpoint",
      tag: "Public statements",
      access: "public",
      formats: ["text/html"],
      responses: { 200: "HTML" },
    },
    schemas: [],
  },
];

function describeOperation(description: RouteDescription, hasInput: boolean) {
  const open = OPEN_ACCESS.has(description.access);
  const responses: Record<
    string,
    { description: string; content?: Record<string, object> } | { $ref: string }
  > = {};
  for (const [status, text] of Object.entries(description.responses)) {
    if (status === "304") {
      responses[status] = { description: text };
    } else if (status.startsWith("2")) {
      const types = description.formats ?? ["application/json"];
      responses[status] = { description: text, content: Object.fromEntries(types.map((t) => [t, {}])) };
    } else {
      responses[status] = { description: text, content: ERROR_CONTENT };
    }
  }
  if (hasInput) responses["400"] ??= sharedResponse("InvalidInput");
  if (!open) {
    responses["401"] ??= sharedResponse("NotSignedIn");
    responses["403"] ??= sharedResponse("Forbidden");
    responses["404"] ??= sharedResponse("NotVisible");
  }
  return {
    summary: description.summary,
    description: `Access: ${description.access}.`,
    tags: [description.tag],
    parameters: (description.headers ?? []).map((h) => ({
      name: h.name,
      in: "header" as const,
      required: h.required,
      description: h.description,
      schema: { type: "string" as const },
    })),
    responses,
    ...(open ? { security: [] } : {}),
  };
}

export async function generateOpenApiDocument(app: RouteTable): Promise<Record<string, unknown>> {
  // A copy of the app's route table that carries hono-openapi's own markers instead of ours.
  const described = new Hono();
  const answer = (c: Context) => c.body(null);
  for (const route of [...STATIC_ROUTES, ...listRoutes(app)]) {
    if (!route.description) continue;
    const handlers: MiddlewareHandler[] = [
      describeForOpenApi(describeOperation(route.description, route.schemas.length > 0)),
      ...route.schemas.map((s) => validatorForOpenApi(s.target, s.schema, undefined, SCHEMA_OPTIONS)),
    ];
    described.on(route.method, [route.path.replace(/\{(\w+)\}/g, ":$1")], ...handlers, answer);
  }
  const document = await generateSpecs(described, {
    documentation: {
      openapi: "3.1.0",
      info: {
        title: "Verklaring",
        version: "1",
        description:
          "Privacy statements of a company group: public delivery under /v1, the console's API under /api. " +
          "State-changing /api requests must come from the same origin (Origin / Sec-Fetch-Site).",
      },
      // Relative: the server that serves this document.
      servers: [{ url: "/" }],
      components: {
        schemas: { Error: ERROR_SCHEMA },
        responses: SHARED_RESPONSES,
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "verklaring_session" } },
      },
      security: [{ session: [] }],
    },
    excludeStaticFile: false,
    defaultValidationErrorResponse: false,
  });
  return JSON.parse(JSON.stringify(document)) as Record<string, unknown>;
}
