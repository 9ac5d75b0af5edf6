// The site monitor's words and requests (issue 19), shared by the worker (validation, findings) and
// the console (forms, labels).
import * as v from "valibot";
import { LanguageSchema } from "./model.ts";

/**
 * How a watched page shows the statement: a link to the public URL, the HTML fragment included on
 * the server, an iframe, the <privacy-statement> web component, or a copy pasted into the page.
 */
export const SITE_DISPLAYS = ["link", "fragment", "iframe", "component", "copy"] as const;
export type SiteDisplay = (typeof SITE_DISPLAYS)[number];

/**
 * What a check found: the version in force; an older version; a copy that matches no version;
 * no statement at all; or the page could not be read.
 */
export const SITE_STATES = ["current", "outdated", "modified", "missing", "unreachable"] as const;
export type SiteState = (typeof SITE_STATES)[number];

/** What the version was recognised by. */
export const SITE_EVIDENCE = ["marker", "hash", "link", "iframe", "component", "text", "none"] as const;
export type SiteEvidence = (typeof SITE_EVIDENCE)[number];

/** A page outdated longer than this after the version in force took effect raises a notice. */
export const OUTDATED_NOTICE_MS = 24 * 60 * 60 * 1000;

export const WATCHED_URL_MAX = 2048;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https anywhere; plain http only for a page on the developer's own machine. */
export function isWatchableUrl(input: string): boolean {
  if (!URL.canParse(input)) return false;
  const url = new URL(input);
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return url.hostname.length > 0;
  return url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname);
}

const WatchedUrlSchema = v.pipe(
  v.string("must be a string"),
  v.trim(),
  v.minLength(1, "is required"),
  v.maxLength(WATCHED_URL_MAX, `must be at most ${WATCHED_URL_MAX} characters`),
  v.check(
    isWatchableUrl,
    "must be an https:// address without a user name or password (http:// only for localhost)",
  ),
  // Stored as the URL parser spells it, without a #fragment (never sent to the site), so one page
  // is one string.
  v.transform((input) => {
    const url = new URL(input);
    url.hash = "";
    return url.href;
  }),
  v.maxLength(WATCHED_URL_MAX, `must be at most ${WATCHED_URL_MAX} characters`),
);

export const WatchedPageCreateSchema = v.strictObject({
  url: WatchedUrlSchema,
  language: LanguageSchema,
  display: v.picklist(SITE_DISPLAYS, `must be one of: ${SITE_DISPLAYS.join(", ")}`),
});
export type WatchedPageCreate = v.InferOutput<typeof WatchedPageCreateSchema>;

export const SITE_HISTORY_PAGE_MAX = 100;

/** A page's history newest first; `before` is the id of the last finding on the previous page. */
export const SiteHistoryQuerySchema = v.strictObject({
  before: v.optional(
    v.pipe(v.string(), v.regex(/^[1-9]\d{0,15}$/, "must be a positive whole number"), v.transform(Number)),
  ),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[1-9]\d{0,2}$/, "must be a positive whole number"),
      v.transform(Number),
      v.maxValue(SITE_HISTORY_PAGE_MAX, `must be at most ${SITE_HISTORY_PAGE_MAX}`),
    ),
  ),
});

/** A modified copy's difference from the version in force: the sections that differ, word by word. */
export interface SiteDifference {
  /** The version the copy was compared with (the one in force). */
  against: number;
  sections: {
    key: string;
    title: string;
    /** "removed": the section is not on the page; "changed": its words differ. */
    status: "changed" | "removed";
    parts: { op: "same" | "added" | "removed"; text: string }[];
  }[];
  /** Sections left out of the stored difference to keep it small. */
  omitted: number;
}
