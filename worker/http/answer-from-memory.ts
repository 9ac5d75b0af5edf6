// Public statements are read far more often than they change. A finished response (with the
// headers every middleware added) is kept in the isolate's memory for FRESH_FOR_MS, and a repeat
// request, or a revalidation, is answered from there before the app runs at all: no routing, no
// middleware, no D1 round trip. Each isolate
// keeps its own copy: a publish made elsewhere reaches visitors within FRESH_FOR_MS (plus replica
// lag; see docs/deployment.md, "Consistency"), a publish made here at once.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { MemoryCache } from "./memory-cache.ts";
import { matchesEtag } from "./negotiate.ts";

export const FRESH_FOR_MS = 10_000;

// Headers are kept as Headers objects: a Response copies them natively, where a list of pairs
// is converted name by name in JS on every answer (the benchmark's bare worker answered ≈15 %
// more requests per second that way). The Response owns its copy; these are never handed out.
interface RememberedResponse {
  etag: string;
  headers: Headers;
  notModifiedHeaders: Headers;
  body: Uint8Array<ArrayBuffer>;
}

const remembered = new MemoryCache<RememberedResponse>(512, FRESH_FOR_MS);

/** A handler's opt-in: what it is about to answer stays true until `until` (ms; null: no end in sight). */
export function rememberResponse(c: Context<AppEnv>, until: number | null = null): void {
  c.set("rememberUntil", until ?? Number.POSITIVE_INFINITY);
}

/** Whether the handler opted in; if so, this layer answers conditional requests itself. */
export const isRemembering = (c: Context<AppEnv>): boolean => c.get("rememberUntil") !== undefined;

/** After a publish in this isolate, so that its author sees the new version immediately. */
export function forgetRememberedResponses(): void {
  remembered.clear();
}

const PREFIX = "/v1/statements/";

/** The remembered answer to `request`, or null when the app must answer it. */
export function recallResponse(request: Request): Response | null {
  const { method, url } = request;
  if ((method !== "GET" && method !== "HEAD") || !url.includes(PREFIX)) return null;
  const hit = remembered.get(keyOf(url, request.headers.get("Accept")), Date.now());
  return hit && answer(hit, request.headers.get("If-None-Match") ?? undefined, method === "HEAD");
}

/** Stores what handlers opted in to (see rememberResponse), and answers revalidations from it. */
export const rememberResponses: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const until = c.get("rememberUntil");
  const etag = c.res.headers.get("ETag");
  if (until === undefined || c.res.status !== 200 || etag === null) return;
  const headers = [...c.res.headers];
  const replayed = new Headers(headers);
  // Set once here, so that answering from memory costs nothing more.
  if (replayed.has("Server-Timing")) replayed.set("Server-Timing", "memory");
  const entry: RememberedResponse = {
    etag,
    headers: replayed,
    notModifiedHeaders: new Headers(headers.filter(([name]) => NOT_MODIFIED_HEADERS.has(name))),
    body: new Uint8Array(await c.res.clone().arrayBuffer()),
  };
  if (c.req.method === "GET")
    remembered.set(keyOf(c.req.url, c.req.header("Accept")), entry, Date.now(), until);
  if (matchesEtag(c.req.header("If-None-Match"), etag)) {
    // Unset first: Hono copies the old response's headers onto a replacement, and a 304 carries
    // only the validators and caching headers.
    c.res = undefined;
    c.res = answer(entry, etag, true);
  }
};

// Accept picks the format when the URL names none; bodies are never content-encoded here.
const keyOf = (url: string, accept: string | null | undefined): string => `${url}\n${accept ?? ""}`;

// What a 304 carries (RFC 9110 §15.4.5), plus what a cross-origin revalidation needs.
const NOT_MODIFIED_HEADERS = new Set([
  "cache-control",
  "etag",
  "expires",
  "last-modified",
  "vary",
  "content-language",
  "access-control-allow-origin",
  "access-control-expose-headers",
]);

function answer(entry: RememberedResponse, ifNoneMatch: string | undefined, headOnly: boolean): Response {
  if (matchesEtag(ifNoneMatch, entry.etag)) {
    return new Response(null, { status: 304, headers: entry.notModifiedHeaders });
  }
  return new Response(headOnly ? null : entry.body, { status: 200, headers: entry.headers });
}
