// The statement as a standalone page. It has no script and one inline <style> whose hash the
// worker puts in the Content Security Policy, so the page works under a strict CSP.
import type { ResolvedStatement, VersionMeta } from "../statement.ts";
import { escapeHtml } from "./common.ts";
import { renderHtmlFragment } from "./html-fragment.ts";
import { PAGE_STYLE } from "./style.ts";

export function renderHtmlPage(statement: ResolvedStatement, meta: VersionMeta | null): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(statement.language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(statement.title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    renderHtmlFragment(statement, meta).trimEnd(),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
