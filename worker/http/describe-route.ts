// What each route is, said where the route is defined: `describeRoute({...})` as the first handler
// of every route, next to `validate(…)` for everything it reads. worker/openapi/ builds the OpenAPI
// document from these (at build time: `npm run openapi`), so the document cannot drift from the
// routes. At run time the description is a pass-through handler that only carries the text.
import type { MiddlewareHandler } from "hono";

export type RouteTag =
  "Public statements" | "Authentication" | "Group" | "Company" | "Rollout" | "Approval" | "Operations";

export interface RouteDescription {
  summary: string;
  tag: RouteTag;
  /** Who may call it: "public", "anyone", "holder of the link" need no session; the rest do. */
  access: string;
  /** What each status means; 400/401/403/404 are added where they apply. */
  responses: Record<number, string>;
  /** The media types of a successful answer, when not JSON. */
  formats?: readonly string[];
  /** Request headers the route reads (its query, path and body are read from its validators). */
  headers?: readonly { name: string; description: string; required: boolean }[];
  /** A write that takes no request body says so, so that a missing body schema is never an oversight. */
  noBody?: true;
}

/** Where the description is kept on the handler. */
export const ROUTE_DESCRIPTION = Symbol.for("verklaring.route-description");

export type DescribedHandler = MiddlewareHandler & { [ROUTE_DESCRIPTION]: RouteDescription };

export function describeRoute(description: RouteDescription): DescribedHandler {
  const handler: MiddlewareHandler = async (_c, next) => {
    await next();
  };
  return Object.assign(handler, { [ROUTE_DESCRIPTION]: description });
}

export const PUBLIC_FORMATS = ["text/html", "application/json", "text/markdown", "text/plain"] as const;

export const IF_MATCH = {
  name: "If-Match",
  description: 'The draft revision you edited, e.g. "7"',
  required: true,
} as const;
