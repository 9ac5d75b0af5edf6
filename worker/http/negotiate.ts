// Choosing the representation of a statement: extension first, then ?fragment, then Accept.
import type { Format } from "../db/statements.ts";
import { AppError } from "../errors.ts";

const EXTENSIONS: Record<string, Format> = { html: "html", json: "json", md: "md", txt: "txt" };

const MEDIA_TYPES: Record<Format, string> = {
  html: "text/html; charset=utf-8",
  fragment: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  txt: "text/plain; charset=utf-8",
};

export const mediaTypeOf = (format: Format): string => MEDIA_TYPES[format];

/** Splits "jcc-software.json" into the name and its format extension, if any. */
export function splitExtension(segment: string): { name: string; format: Format | null } | null {
  const match = /^([a-z0-9-]+)(?:\.([a-z]+))?$/.exec(segment);
  if (!match?.[1]) return null;
  if (match[2] === undefined) return { name: match[1], format: null };
  const format = EXTENSIONS[match[2]];
  if (!format) {
    throw new AppError(
      404,
      "unknown_format",
      `Unknown format ".${match[2]}": use .html, .json, .md or .txt.`,
    );
  }
  return { name: match[1], format };
}

const ACCEPTABLE: [string, Format][] = [
  ["text/html", "html"],
  ["application/xhtml+xml", "html"],
  ["application/json", "json"],
  ["text/markdown", "md"],
  ["text/x-markdown", "md"],
  ["text/plain", "txt"],
];

/** The best format for an Accept header; HTML when the client accepts anything. */
export function formatFromAccept(accept: string | undefined): Format | null {
  if (!accept || !accept.trim()) return "html";
  let best: { format: Format; q: number; order: number } | null = null;
  accept.split(",").forEach((part, order) => {
    const [range = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) return;
    const candidates: Format[] =
      range === "*/*"
        ? ["html"]
        : range === "text/*"
          ? ["html"]
          : ACCEPTABLE.filter(([t]) => t === range).map(([, f]) => f);
    for (const format of candidates) {
      if (!best || q > best.q) best = { format, q, order };
    }
  });
  return (best as { format: Format } | null)?.format ?? null;
}

/**
 * Whether a list should be a page: Accept names HTML itself and prefers it, as a browser's does.
 * A program sending only a wildcard (fetch's default) keeps getting the JSON it always got.
 */
export function asksForPage(accept: string | undefined): boolean {
  return (
    formatFromAccept(accept) === "html" &&
    /(^|,)\s*(text\/html|application\/xhtml\+xml)\s*(;|,|$)/i.test(accept ?? "")
  );
}

/** ?fragment, ?fragment=1 or ?fragment=true ask for the HTML fragment; 0/false do not. */
export function wantsFragment(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value === "" || value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  throw new AppError(400, "invalid_request", "fragment must be empty, 1, true, 0 or false", [
    { field: "fragment", message: "must be empty, 1, true, 0 or false" },
  ]);
}

/** Whether an If-None-Match header matches a strong ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === "*" || t === etag);
}
