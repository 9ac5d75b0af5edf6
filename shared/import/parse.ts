// Splits an existing statement into headed sections. Plain text as published has no markup, so
// a heading is recognised by its shape: a short line of its own, starting with a capital,
// without a closing full stop, with text after it. Underlined headings (as renderText writes
// them) and Markdown "#" headings are unambiguous and win when present.
import {
  looksLikeTitle,
  normalizeSpaces,
  plainLine,
  stripMarkdown,
  type ContentBlock,
  type ImportBlock,
  type Line,
} from "./blocks.ts";
import { parseHtml } from "./html.ts";

export type ImportFormat = "text" | "markdown" | "html";

export interface ParsedSection {
  heading: string;
  level: number;
  blocks: ContentBlock[];
}

export interface ParsedDocument {
  title?: string;
  /** Everything before the first heading (after the title). */
  intro: ContentBlock[];
  sections: ParsedSection[];
  /** Headings, paragraphs and bullets in the input, the title included. */
  paragraphs: number;
}

const UNDERLINE = /^\s*(?:={3,}|-{3,})\s*$/;
// A numbered item keeps its number: the draft has bullets only, and the number may be referred to.
const BULLET = /^\s*(?:[-*+•·◦▪‣]\s+(.*)|(\d{1,3}[.)]\s+.*))$/;
const ATX = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;

export function parseImport(input: { text: string; format: ImportFormat }): ParsedDocument {
  const blocks =
    input.format === "html"
      ? parseHtml(input.text)
      : parseLines(input.text.replace(/\r\n?/g, "\n").split("\n"), input.format === "markdown");
  return groupSections(blocks.blocks, blocks.title);
}

function parseLines(lines: string[], markdown: boolean): { blocks: ImportBlock[]; title?: string } {
  const underlined = lines.some(
    (line, i) => i > 0 && UNDERLINE.test(line) && isText(lines[i - 1]) && !BULLET.test(lines[i - 1] ?? ""),
  );
  const explicit = underlined || (markdown && lines.some((line) => ATX.test(line)));
  const out: ImportBlock[] = [];
  let paragraph: string[] = [];
  let items: string[] | null = null;
  const line = (text: string): Line =>
    markdown ? { text: normalizeSpaces(stripMarkdown(text)), md: normalizeSpaces(text) } : plainLine(text);
  const flush = (): void => {
    if (paragraph.length > 0) out.push({ type: "paragraph", line: line(paragraph.join(" ")) });
    if (items !== null && items.length > 0) out.push({ type: "list", items: items.map(line) });
    paragraph = [];
    items = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const next = lines[i + 1];
    if (!isText(raw)) {
      flush();
      continue;
    }
    const atx = markdown ? ATX.exec(raw) : null;
    if (atx !== null) {
      flush();
      out.push({
        type: "heading",
        level: atx[1]?.length ?? 1,
        text: normalizeSpaces(stripMarkdown(atx[2] ?? "")),
      });
      continue;
    }
    if (
      next !== undefined &&
      UNDERLINE.test(next) &&
      !BULLET.test(raw) &&
      paragraph.length === 0 &&
      (underlined || markdown)
    ) {
      flush();
      out.push({
        type: "heading",
        level: next.trim().startsWith("=") ? 1 : 2,
        text: normalizeSpaces(markdown ? stripMarkdown(raw) : raw),
      });
      i++;
      continue;
    }
    const numberedList = BULLET.test(raw) && BULLET.test(next ?? "");
    if (
      !explicit &&
      !numberedList &&
      isHeadingCandidate(raw) &&
      startsBlock(lines, i) &&
      hasTextAfter(lines, i)
    ) {
      flush();
      out.push({ type: "heading", level: 2, text: normalizeSpaces(raw) });
      continue;
    }
    const bullet = BULLET.exec(raw);
    if (bullet !== null) {
      if (paragraph.length > 0) {
        out.push({ type: "paragraph", line: line(paragraph.join(" ")) });
        paragraph = [];
      }
      items ??= [];
      items.push(bullet[1] ?? bullet[2] ?? "");
      continue;
    }
    if (items !== null && items.length > 0 && /^[ \t\u00A0]/.test(raw)) {
      items[items.length - 1] = `${items[items.length - 1] ?? ""} ${raw.trim()}`;
      continue;
    }
    if (items !== null) flush();
    paragraph.push(raw.trim());
  }
  flush();
  return { blocks: out };
}

function isText(line: string | undefined): boolean {
  return line !== undefined && normalizeSpaces(line) !== "";
}

/** A heading's shape: short, capitalised, no closing full stop or colon, not an address or URL. */
function isHeadingCandidate(raw: string): boolean {
  const text = normalizeSpaces(raw);
  if (text.length === 0 || text.length > 80) return false;
  if (/[.,;:]$/.test(text) && !text.endsWith("...")) return false;
  if (/^[-*+•·◦▪‣]\s/.test(text)) return false;
  if (/@|https?:\/\/|www\./i.test(text)) return false;
  if (text.split(" ").length > 12) return false;
  return /^(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+)?["'‘“(]?\p{Lu}/u.test(text);
}

/** The line opens a block: first line, after a blank line, or the following line is the body. */
function startsBlock(lines: string[], i: number): boolean {
  return i === 0 || !isText(lines[i - 1]);
}

/** Text follows: directly below when it starts like a sentence or bullet, or after blank lines. */
function hasTextAfter(lines: string[], i: number): boolean {
  const below = lines[i + 1];
  if (isText(below)) return /^\s*(?:[-*+•·◦▪‣]\s|["'‘“(]?[\p{Lu}\d])/u.test(below ?? "");
  return lines.slice(i + 1).some(isText);
}

function groupSections(blocks: ImportBlock[], htmlTitle: string | undefined): ParsedDocument {
  let paragraphs = 0;
  for (const block of blocks) paragraphs += block.type === "list" ? block.items.length : 1;
  let rest = blocks;
  let title: string | undefined;
  const first = blocks[0];
  if (first?.type === "heading") {
    const deeper = blocks.slice(1).every((b) => b.type !== "heading" || b.level > first.level);
    const others = blocks.slice(1).some((b) => b.type === "heading");
    if (looksLikeTitle(first.text) || (first.level === 1 && others && deeper)) {
      title = first.text;
      rest = blocks.slice(1);
    }
  }
  const intro: ContentBlock[] = [];
  const sections: ParsedSection[] = [];
  for (const block of rest) {
    if (block.type === "heading") sections.push({ heading: block.text, level: block.level, blocks: [] });
    else (sections.at(-1)?.blocks ?? intro).push(block);
  }
  title ??= htmlTitle;
  return { ...(title === undefined ? {} : { title }), intro, sections, paragraphs };
}
