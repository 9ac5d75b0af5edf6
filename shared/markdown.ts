// The author Markdown subset: paragraphs and bullet lists of inline text. Parsing yields a
// draft tree that still holds placeholders; substituteBlocks fills them with plain text so a
// value can never turn into markup, and only then are link targets checked, because a
// placeholder may be part of one.
import type { Block, Inline } from "./statement.ts";
import { rememberByText } from "./completeness/remember.ts";
import { parseInlines, type DraftInline, type HrefPart } from "./markdown-inline.ts";

export type { DraftInline, HrefPart } from "./markdown-inline.ts";

export type DraftBlock =
  { type: "paragraph"; children: DraftInline[] } | { type: "list"; items: DraftInline[][] };

/** A placeholder's value as plain text, or null when it has none (the caller reports why). */
export type PlaceholderFill = (name: string) => string | null;

// C0 and C1 controls except tab and line feed; carriage returns are folded into line feeds first.
// oxlint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BULLET = /^[ \t\u00A0]*[-*•][ \t\u00A0]+(.*)$/;
const CONTINUATION = /^[ \t\u00A0]/;
const SAFE_SCHEME = /^(?:https?|mailto|tel):/i;
// What the URL parser strips or ignores: leading/trailing C0 controls and spaces, and tabs or
// newlines anywhere. Removing them first means the scheme we check is the scheme a browser sees.
// oxlint-disable-next-line no-control-regex -- removing control characters is the point
const IGNORED_IN_URL = /[\u0000-\u001F\u007F-\u009F]/g;

// Anything normalizeText would change: a carriage return, another control character, or half of
// a surrogate pair. Most text has none, and is returned as it is without four replacements.
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_NORMALIZING = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF]/;

export function normalizeText(input: string): string {
  if (!NEEDS_NORMALIZING.test(input)) return input;
  return input.replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** Normalised text on one line, for titles and profile values. */
export function normalizeLine(input: string): string {
  const text = normalizeText(input);
  return (/[\n\t]/.test(text) ? text.replace(/[\n\t]/g, " ") : text).trim();
}

// The same baseline text is parsed for every company, language and publication (a rollout does it
// thousands of times). Drafts are only ever read (substituteBlocks builds new nodes), so a parse
// can be shared; the bound keeps an isolate's memory flat whatever text passes through.
export const parseMarkdown: (source: string) => DraftBlock[] = rememberByText(parseMarkdownText, 2000);

function parseMarkdownText(source: string): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let paragraph: string[] = [];
  let items: string[] | null = null;
  const flushParagraph = (): void => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", children: parseInlines(paragraph.join(" ")) });
    paragraph = [];
  };
  const flushList = (): void => {
    const filled = (items ?? []).filter((item) => item !== "");
    if (filled.length > 0) blocks.push({ type: "list", items: filled.map(parseInlines) });
    items = null;
  };
  for (const line of normalizeText(source).split("\n")) {
    if (line.trim() === "") {
      flushParagraph();
      flushList();
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet !== null) {
      flushParagraph();
      items ??= [];
      items.push((bullet[1] ?? "").trim());
      continue;
    }
    if (items !== null && items.length > 0 && CONTINUATION.test(line)) {
      const last = items.length - 1;
      items[last] = `${items[last] ?? ""} ${line.trim()}`.trim();
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

export function substituteBlocks(blocks: DraftBlock[], fill: PlaceholderFill): Block[] {
  return blocks.map((block) =>
    block.type === "paragraph"
      ? { type: "paragraph", children: substituteInlines(block.children, fill) }
      : { type: "list", items: block.items.map((item) => substituteInlines(item, fill)) },
  );
}

export function renderAuthorText(source: string, fill: PlaceholderFill): Block[] {
  return substituteBlocks(parseMarkdown(source), fill);
}

export function substituteInlines(nodes: DraftInline[], fill: PlaceholderFill): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        appendText(out, node.value);
        break;
      case "placeholder": {
        const value = fill(node.name);
        if (value === null) out.push({ type: "missing", name: node.name });
        else appendText(out, normalizeLine(value));
        break;
      }
      case "strong":
      case "em":
        out.push({ type: node.type, children: substituteInlines(node.children, fill) });
        break;
      case "link": {
        const children = substituteInlines(node.children, fill);
        const href = fillHref(node.href, fill);
        const safe = href === null ? null : sanitizeHref(href);
        if (safe === null) for (const child of children) appendInline(out, child);
        else out.push({ type: "link", href: safe, children });
        break;
      }
    }
  }
  return out;
}

function fillHref(parts: HrefPart[], fill: PlaceholderFill): string | null {
  let href = "";
  for (const part of parts) {
    const value = part.type === "text" ? part.value : fill(part.name);
    if (value === null) return null;
    href += value;
  }
  return href;
}

/** The href a browser may follow, or null when the scheme is not http(s), mailto or tel. */
export function sanitizeHref(raw: string): string | null {
  const href = normalizeText(raw).replace(IGNORED_IN_URL, "").trim().replace(/ /g, "%20");
  return SAFE_SCHEME.test(href) ? href : null;
}

function appendInline(out: Inline[], node: Inline): void {
  if (node.type === "text") appendText(out, node.value);
  else out.push(node);
}

function appendText(out: Inline[], value: string): void {
  if (value === "") return;
  const last = out[out.length - 1];
  if (last?.type === "text") last.value += value;
  else out.push({ type: "text", value });
}
