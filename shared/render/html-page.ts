// The statement as a standalone page. It has no script and one inline <style> whose hash the
// worker puts in the Content Security Policy, so the page works under a strict CSP. That style is
// left as it is on purpose: every page published before keeps its own copy of it, and the header
// allows exactly one hash; what the page adds for visitors uses the elements the style already has.
import type { Language } from "../model.ts";
import type { ResolvedStatement, VersionMeta } from "../statement.ts";
import { escapeHtml } from "./common.ts";
import { renderHtmlFragment } from "./html-fragment.ts";
import { PAGE_STYLE } from "./style.ts";

const PAGE_TEXT = {
  nl: {
    about: "Over deze privacyverklaring",
    changes: "Wat is er veranderd?",
    versions: "Alle versies",
  },
  en: {
    about: "About this privacy statement",
    changes: "What changed?",
    versions: "All versions",
  },
} as const satisfies Record<Language, Record<string, string>>;

const LANGUAGE_NAMES: Record<Language, string> = { nl: "Nederlands", en: "English" };

export function renderHtmlPage(statement: ResolvedStatement, meta: VersionMeta | null): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(statement.language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...renderMetaMarker(meta),
    `<title>${escapeHtml(statement.title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...(meta === null ? [] : [renderPageLinks(statement, meta)]),
    renderHtmlFragment(statement, meta).trimEnd(),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/**
 * The site monitor's marker (issue 19) in the page's head, for a page shown whole or in an iframe:
 * the version and its content hash. The fragment inside carries the same as data- attributes.
 */
function renderMetaMarker(meta: VersionMeta | null): string[] {
  if (meta === null) return [];
  return [
    `<meta name="verklaring:version" content="${meta.version}">`,
    `<meta name="verklaring:hash" content="${escapeHtml(meta.contentHash)}">`,
  ];
}

/**
 * For a visitor: the statement in the group's other languages, what changed in the latest version
 * and every version. Only a published version has them (a preview has no address yet). The
 * language links keep the address the page was opened at (the version in force, or /versions/N)
 * and only change ?lang=; the other two are the company's public addresses under /v1/statements.
 */
function renderPageLinks(statement: ResolvedStatement, meta: VersionMeta): string {
  const text = PAGE_TEXT[statement.language];
  const base = `/v1/statements/${encodeURIComponent(statement.group.slug)}/${encodeURIComponent(statement.tenant.slug)}`;
  const others = (meta.languages ?? []).filter((language) => language !== statement.language);
  const items = [
    ...others.map(
      (language) =>
        `<li><a href="?lang=${language}" hreflang="${language}" lang="${language}">${LANGUAGE_NAMES[language]}</a></li>`,
    ),
    `<li><a href="${escapeHtml(`${base}/changes?lang=${statement.language}`)}">${text.changes}</a></li>`,
    `<li><a href="${escapeHtml(`${base}/versions`)}">${text.versions}</a></li>`,
  ];
  return [`<nav aria-label="${text.about}">`, "<ul>", ...items, "</ul>", "</nav>"].join("\n");
}
