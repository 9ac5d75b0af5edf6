// Public statements are read far more often than they change. A finished response (with the
// headers every middleware added) is kept in the isolate's memory for FRESH_FOR_MS, so a repeat
// request, or a revalidation, costs neither a D1 round trip nor the middleware. Each isolate
// keeps its own copy: a publish made elsewhere reaches visitors within FRESH_FOR_MS (plus replica
// lag; see README "Consistency"), a publish made here at once.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { MemoryCache } from "./memory-cache.ts";
import { matchesEtag } from "./negotiate.ts";

export const FRESH_FOR_MS = 10_000;

interface RememberedResponse {
  etag: string;
  headers: [string, string][];
  notModifiedHeaders: [string, string][];
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

export const answerFromMemory: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (method !== "GET" && method !== "HEAD") return next();
  // Accept picks the format when the URL names none; bodies are never content-encoded here.
  const key = `${c.req.url}\n${c.req.header("Accept") ?? ""}`;
  const now = Date.now();
  const hit = remembered.get(key, now);
  if (hit) return answer(hit, c.req.header("If-None-Match"), method === "HEAD");

  await next();
  const until = c.get("rememberUntil");
  const etag = c.res.headers.get("ETag");
  if (until === undefined || c.res.status !== 200 || etag === null) return;
  const headers = [...c.res.headers];
  const entry: RememberedResponse = {
    etag,
    headers,
    notModifiedHeaders: headers.filter(([name]) => !ENTITY_HEADERS.has(name)),
    body: new Uint8Array(await c.res.clone().arrayBuffer()),
  };
  if (method === "GET") remembered.set(key, entry, now, until);
  if (matchesEtag(c.req.header("If-None-Match"), etag)) c.res = answer(entry, etag, true);
};

// What a 304 leaves out: it describes the representation the client already has.
const ENTITY_HEADERS = new Set(["content-type", "content-length", "content-encoding"]);

function answer(entry: RememberedResponse, ifNoneMatch: string | undefined, headOnly: boolean): Response {
  if (matchesEtag(ifNoneMatch, entry.etag)) {
    return new Response(null, { status: 304, headers: entry.notModifiedHeaders });
  }
  return new Response(headOnly ? null : entry.body, { status: 200, headers: entry.headers });
}
