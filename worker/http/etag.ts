// The ETag of public answers: a client that already has the bytes gets 304 with only the
// validators and caching headers, never the body's own headers.
import type { Context } from "hono";
import { sha256Hex } from "#shared/engine.ts";
import { matchesEtag } from "./negotiate.ts";

/** The strong ETag of a body: the SHA-256 of its bytes. */
export const etagOf = (body: string): string => `"${sha256Hex(body)}"`;

/**
 * Answers `body` with `headers` (which carry ETag and caching), or 304 with those headers alone
 * when If-None-Match names the ETag (unless `revalidate` is off: an answer about to be remembered
 * for every later visitor must be the whole one).
 */
export function respondWithValidators(
  c: Context,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
  bodyHeaders: Record<string, string>,
  { revalidate = true }: { revalidate?: boolean } = {},
): Response {
  const etag = headers.ETag;
  if (revalidate && etag !== undefined && matchesEtag(c.req.header("If-None-Match"), etag)) {
    return c.body(null, 304, headers);
  }
  return c.body(body, 200, { ...headers, ...bodyHeaders });
}
