// The statement as an HTML <article>, for embedding in a company's own site. Every piece of text
// goes through escapeHtml and every href is allow-listed (again) before use, so the only markup in
// the output is the markup written here. It uses no classes or styles it depends on: with no CSS
// at all it still reads as a document with a heading, a contents list and sections.
import type { Language } from "../model.ts";
import type { Block, Inline, ResolvedStatement, VersionMeta } from "../statement.ts";
import {
  describeMeta,
  escapeHtml,
  formatIsoDate,
  isBareLink,
  LABELS,
  sectionHeadingId,
  sectionId,
  TOC_HEADING_ID,
  writeMissing,
} from "./common.ts";
import { sanitizeHref } from "../markdown.ts";
import { rememberPerBlocks } from "./memo.ts";

const TABLE_LABEL: Record<Language, string> = { nl: "Tabel", en: "Table" };

export function renderHtmlFragment(statement: ResolvedStatement, meta: VersionMeta | null): string {
  const { language } = statement;
  const lines: string[] = [];
  lines.push(`<article class="vk-statement" lang="${escapeHtml(language)}"${renderMarker(meta)}>`);
  lines.push(`<h1>${escapeHtml(statement.title)}</h1>`);
  if (statement.sections.length > 0) lines.push(renderContents(statement));
  for (const section of statement.sections) {
    lines.push(
      `<section id="${sectionId(section.key)}" aria-labelledby="${sectionHeadingId(section.key)}">`,
      `<h2 id="${sectionHeadingId(section.key)}">${escapeHtml(section.title)}</h2>`,
    );
    const body = renderBlocksHtml(section.blocks, language, section.title);
    if (body !== "") lines.push(body);
    lines.push("</section>");
  }
  if (meta !== null) lines.push(renderFooter(meta, language));
  lines.push("</article>");
  return `${lines.join("\n")}\n`;
}

/**
 * The machine-readable marker the site monitor reads (issue 19): which version this is, by number
 * and content hash. Harmless attributes, invisible and unstyled; a preview (no meta) has none.
 * Renderings published before the marker existed are not rewritten: the monitor recognises those
 * by the content hash their footer shows.
 */
export function renderMarker(meta: VersionMeta | null): string {
  if (meta === null) return "";
  return ` data-verklaring-version="${meta.version}" data-verklaring-hash="${escapeHtml(meta.contentHash)}"`;
}

function renderContents(statement: ResolvedStatement): string {
  const items = statement.sections.map(
    (section) => `<li><a href="#${sectionId(section.key)}">${escapeHtml(section.title)}</a></li>`,
  );
  return [
    `<nav aria-labelledby="${TOC_HEADING_ID}">`,
    `<h2 id="${TOC_HEADING_ID}">${LABELS[statement.language].contents}</h2>`,
    "<ol>",
    ...items,
    "</ol>",
    "</nav>",
  ].join("\n");
}

/**
 * Version and dates for every reader; the content hash, which only someone checking a copy needs
 * (64 characters that do not fit a phone's width), folded away under its label.
 */
function renderFooter(meta: VersionMeta, language: Language): string {
  const lines = describeMeta(meta, language);
  const rows = lines
    .filter((line) => line.kind !== "hash")
    .map((line) => {
      const value = escapeHtml(line.value);
      const isoDate = line.iso === undefined ? null : formatIsoDate(line.iso);
      const shown = isoDate !== null ? `<time datetime="${isoDate}">${value}</time>` : value;
      return `<dt>${escapeHtml(line.label)}</dt><dd>${shown}</dd>`;
    });
  const hash = lines
    .filter((line) => line.kind === "hash")
    .map(
      (line) =>
        `<details><summary>${escapeHtml(line.label)}</summary><code>${escapeHtml(line.value)}</code></details>`,
    );
  return ["<footer>", "<dl>", ...rows, "</dl>", ...hash, "</footer>"].join("\n");
}

/**
 * Section body blocks as HTML, without the heading: safe to place inside any container.
 * `label` names the section, for the scrollable region around a table.
 */
export const renderBlocksHtml = rememberPerBlocks(writeBlocksHtml);

function writeBlocksHtml(blocks: Block[], language: Language, label: string): string {
  return blocks.map((block) => renderBlock(block, language, label)).join("\n");
}

function renderBlock(block: Block, language: Language, label: string): string {
  switch (block.type) {
    case "paragraph":
      return `<p>${renderInlinesHtml(block.children, language)}</p>`;
    case "list":
      return [
        "<ul>",
        ...block.items.map((item) => `<li>${renderInlinesHtml(item, language)}</li>`),
        "</ul>",
      ].join("\n");
    case "table": {
      const head = block.head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join("");
      const rows = block.rows.map(
        (row) => `<tr>${row.map((cell) => `<td>${renderInlinesHtml(cell, language)}</td>`).join("")}</tr>`,
      );
      // Five columns do not fit a phone: the region scrolls sideways rather than breaking words
      // mid-letter, and is focusable so keyboard users can scroll it too. Its name says it is the
      // section's table, so it does not repeat the section's own name (two landmarks alike).
      return [
        `<div class="vk-table" role="region" aria-label="${escapeHtml(`${TABLE_LABEL[language]}: ${label}`)}" tabindex="0">`,
        "<table>",
        `<thead><tr>${head}</tr></thead>`,
        "<tbody>",
        ...rows,
        "</tbody>",
        "</table>",
        "</div>",
      ].join("\n");
    }
  }
}

export function renderInlinesHtml(nodes: Inline[], language: Language): string {
  return nodes.map((node) => renderInlineHtml(node, language)).join("");
}

function renderInlineHtml(node: Inline, language: Language): string {
  switch (node.type) {
    case "text":
      return escapeHtml(node.value);
    case "strong":
      return `<strong>${renderInlinesHtml(node.children, language)}</strong>`;
    case "em":
      return `<em>${renderInlinesHtml(node.children, language)}</em>`;
    case "link": {
      // Checked again here because a statement may come from storage rather than the parser.
      const href = sanitizeHref(node.href);
      if (href === null) return renderInlinesHtml(node.children, language);
      // Print styles add the target after a link; a bare URL would then appear twice.
      const bare = isBareLink(node) ? ' class="vk-url"' : "";
      return `<a href="${escapeHtml(href)}"${bare}>${renderInlinesHtml(node.children, language)}</a>`;
    }
    case "missing":
      return `<mark class="vk-missing">${escapeHtml(writeMissing(node.name, language))}</mark>`;
  }
}
