// Splits an existing statement into headed sections. HTML is first written as Markdown
// (html.ts), so one reader finds headings in every format and in every form people use:
// "#" headings, underlined headings, bold-only lines, ALL-CAPS lines, numbered headings
// ("3. Bewaartermijn"), questions on a line of their own, and short lines followed by a
// paragraph. The last two are guesses, used only when the text has no clearer headings.
import {
  looksLikeTitle,
  markdownLine,
  normalizeSpaces,
  plainLine,
  stripMarkdown,
  type ContentBlock,
  type HeadingForm,
  type ImportBlock,
  type Line,
} from "./blocks.ts";
import { detectFormat, type DetectedFormat, type ImportFormatHint } from "./detect.ts";
import { htmlToMarkdown } from "./html.ts";

export interface ParsedSection {
  heading: string;
  level: number;
  form: HeadingForm;
  blocks: ContentBlock[];
}

export interface ParsedDocument {
  title?: string;
  /** Everything before the first heading (after the title). */
  intro: ContentBlock[];
  sections: ParsedSection[];
  /** Headings, paragraphs, bullets and table rows in the input, the title included. */
  paragraphs: number;
  format: DetectedFormat;
}

const UNDERLINE = /^\s*(?:={3,}|-{3,})\s*$/;
const BULLET = /^\s*(?:[-*+•·◦▪‣–]|\u2022)\s+(.*)$/;
const ORDERED = /^\s*((?:\d{1,2}\.){0,3}\d{1,3})[.)]?\s+(\S.*)$/;
const LETTERED = /^\s*([a-z])[.)]\s+(\S.*)$/;
const ATX = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const BOLD_ONLY = /^\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*:?\s*$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const QUOTE = /^\s{0,3}>\s?/;

export function parseImport(input: { text: string; format?: ImportFormatHint }): ParsedDocument {
  const format = detectFormat(input.text, input.format ?? "auto");
  let source = input.text;
  let htmlTitle: string | undefined;
  if (format.format === "html") {
    const html = htmlToMarkdown(input.text);
    source = html.markdown;
    htmlTitle = html.title;
  }
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks = joinTextTables(readLines(lines, format.format !== "text")).map((block) =>
    // HTML's h1–h6 arrive as "#" headings: say where they came from.
    block.type === "heading" && block.form === "markdown" && format.format === "html"
      ? { ...block, form: "html" as const }
      : block,
  );
  return { ...groupSections(blocks, htmlTitle), format };
}

type Candidate = { form: HeadingForm; level: number; text: string };

interface Reader {
  lines: string[];
  markdown: boolean;
  /** Paragraphs are separated by single line breaks rather than blank lines. */
  singleBreaks: boolean;
}

function readLines(lines: string[], markdown: boolean): ImportBlock[] {
  const textLines = lines.filter(isText).length;
  const blankLines = lines.length - textLines;
  const reader: Reader = {
    lines: lines.map((line) => (markdown ? line.replace(QUOTE, "") : line)),
    markdown,
    singleBreaks: textLines >= 6 && blankLines <= textLines * 0.1,
  };
  // In order, so a line right below a heading-shaped line may itself be one ("5. Ontvangers" / "5.1 KNHB").
  const candidates: (Candidate | null)[] = [];
  reader.lines.forEach((_line, i) => candidates.push(findCandidate(reader, i, candidates[i - 1] ?? null)));
  const chosen = chooseHeadings(reader, candidates);

  const out: ImportBlock[] = [];
  let paragraph: string[] = [];
  let items: string[] | null = null;
  let table: { head: string[] | null; rows: string[][] } | null = null;
  const toLine = (text: string): Line => (markdown ? markdownLine(text) : plainLine(text));
  const flush = (): void => {
    if (paragraph.length > 0) out.push({ type: "paragraph", line: toLine(paragraph.join(" ")) });
    if (items !== null && items.length > 0) out.push({ type: "list", items: items.map(toLine) });
    if (table !== null && (table.rows.length > 0 || table.head !== null)) {
      out.push({
        type: "table",
        head: table.head === null ? null : table.head.map(toLine),
        rows: table.rows.map((row) => row.map(toLine)),
      });
    }
    paragraph = [];
    items = null;
    table = null;
  };

  for (let i = 0; i < reader.lines.length; i++) {
    const raw = reader.lines[i] ?? "";
    if (!isText(raw)) {
      flush();
      continue;
    }
    const heading = chosen.get(i);
    if (heading !== undefined) {
      flush();
      out.push({ type: "heading", ...heading });
      if (heading.form === "underlined") i++;
      continue;
    }
    if (markdown && TABLE_ROW.test(raw)) {
      if (table === null) {
        flush();
        table = { head: null, rows: [] };
      }
      if (TABLE_SEPARATOR.test(raw)) {
        // The row above the separator is the head.
        if (table.head === null && table.rows.length === 1) table.head = table.rows.pop() ?? null;
        continue;
      }
      table.rows.push(splitRow(raw));
      continue;
    }
    if (table !== null) flush();
    const bullet = BULLET.exec(raw) ?? (isListItem(reader, i) ? [raw, raw.trim()] : null);
    if (bullet !== null && !UNDERLINE.test(raw)) {
      if (paragraph.length > 0) {
        out.push({ type: "paragraph", line: toLine(paragraph.join(" ")) });
        paragraph = [];
      }
      items ??= [];
      items.push(bullet[1] ?? "");
      continue;
    }
    if (items !== null && items.length > 0 && continuesItem(raw, items[items.length - 1] ?? "")) {
      items[items.length - 1] = `${items[items.length - 1] ?? ""} ${raw.trim()}`;
      continue;
    }
    if (items !== null) flush();
    paragraph.push(raw.trim());
    if (reader.singleBreaks && /[.!?:]["')”’]?\s*$/.test(raw)) flush();
  }
  flush();
  return out;
}

const CELL = /\s+—\s+/;

/**
 * A table written as text, as the statement renderer writes one: a head line "Naam — Aanbieder —
 * Doel" directly followed by bullets with as many cells. Read back as the table it was.
 */
function joinTextTables(blocks: ImportBlock[]): ImportBlock[] {
  const out: ImportBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const next = blocks[i + 1];
    if (block?.type === "paragraph" && next?.type === "list") {
      const width = block.line.text.split(CELL).length;
      const rows = next.items.map((item) => ({ text: item.text.split(CELL), md: item.md.split(CELL) }));
      if (width >= 3 && rows.every((row) => row.text.length === width && row.md.length === width)) {
        const head = block.line.text
          .split(CELL)
          .map((text, c) => ({ text, md: block.line.md.split(CELL)[c] ?? text }));
        out.push({
          type: "table",
          head,
          rows: rows.map((row) => row.text.map((text, c) => ({ text, md: row.md[c] ?? text }))),
        });
        i++;
        continue;
      }
    }
    if (block !== undefined) out.push(block);
  }
  return out;
}

function isText(line: string | undefined): boolean {
  return line !== undefined && normalizeSpaces(line) !== "";
}

/** An indented line, or a lower-case line after a bullet that has not ended, belongs to the bullet. */
function continuesItem(raw: string, item: string): boolean {
  if (/^[ \t\u00A0]{2,}\S/.test(raw)) return true;
  return /^\s*\p{Ll}/u.test(raw) && !/[.;:!?]\s*$/.test(item);
}

function splitRow(raw: string): string[] {
  return raw
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

/** Numbered and lettered lines are list items unless chosen as headings. */
function isListItem(reader: Reader, i: number): boolean {
  const raw = reader.lines[i] ?? "";
  return ORDERED.test(raw) || LETTERED.test(raw);
}

/** The heading this line could be, by its own shape and its neighbours. */
function findCandidate(reader: Reader, i: number, above: Candidate | null): Candidate | null {
  const raw = reader.lines[i] ?? "";
  if (!isText(raw)) return null;
  const atx = reader.markdown || /^#{1,6}\s/.test(raw) ? ATX.exec(raw) : null;
  if (atx !== null) {
    const text = cleanHeadingText(atx[2] ?? "");
    return text === "" ? null : { form: "markdown", level: atx[1]?.length ?? 1, text };
  }
  const next = reader.lines[i + 1];
  if (
    next !== undefined &&
    UNDERLINE.test(next) &&
    !BULLET.test(raw) &&
    !UNDERLINE.test(raw) &&
    startsBlock(reader, i)
  ) {
    return {
      form: "underlined",
      level: next.trim().startsWith("=") ? 1 : 2,
      text: cleanHeadingText(raw),
    };
  }
  if (BULLET.test(raw) || TABLE_ROW.test(raw)) return null;
  const standalone = (above !== null || startsBlock(reader, i)) && hasTextAfter(reader, i);
  const bold = BOLD_ONLY.exec(raw);
  if (bold !== null) {
    const text = cleanHeadingText(bold[2] ?? "");
    return standalone && isHeadingShaped(text, 120) ? { form: "bold", level: 2, text } : null;
  }
  const text = cleanHeadingText(raw);
  if (!standalone) return null;
  // A line ending in a colon leads into what follows ("Wij verwerken:"); only markup makes it a heading.
  const leadIn = /:\s*$/.test(normalizeSpaces(raw));
  const numbered = ORDERED.exec(raw);
  if (numbered !== null) {
    const words = numbered[2] ?? "";
    const depth = (numbered[1] ?? "").split(".").filter((p) => p !== "").length;
    // "1. Naam" directly above "2. Adres" is a numbered list, not a heading.
    const next = reader.lines.slice(i + 1).find(isText) ?? "";
    const nextNumber = ORDERED.exec(next)?.[1];
    if (nextNumber !== undefined && nextNumber.split(".").filter((p) => p !== "").length === depth)
      return null;
    return isHeadingShaped(stripMarkdown(words), 90) ? { form: "numbered", level: 1 + depth, text } : null;
  }
  if (isAllCaps(text) && isHeadingShaped(text, 100, true)) return { form: "caps", level: 2, text };
  if (leadIn) return null;
  if (text.endsWith("?") && isHeadingShaped(text, 120)) return { form: "question", level: 2, text };
  if (isHeadingShaped(text, 80) && !/[.,;:]$/.test(text)) return { form: "short-line", level: 2, text };
  return null;
}

/**
 * Which candidates are headings. Clear forms always count; numbered lines count when the text has
 * a run of them with text in between (not a numbered list); questions and short lines only when
 * the text has fewer than two clear headings, because in such text they are prose.
 */
function chooseHeadings(reader: Reader, candidates: (Candidate | null)[]): Map<number, Candidate> {
  const chosen = new Map<number, Candidate>();
  const clear = new Set<HeadingForm>(["markdown", "underlined", "bold", "caps"]);
  const numbered = candidates.filter((c) => c?.form === "numbered").length;
  let strong = 0;
  candidates.forEach((candidate, i) => {
    if (candidate === null) return;
    if (clear.has(candidate.form) || (candidate.form === "numbered" && numbered >= 2)) {
      chosen.set(i, candidate);
      strong++;
    }
  });
  // A title line ("Privacyverklaring …") does not make the rest of the text clearly headed.
  const first = [...chosen.values()][0];
  if (first !== undefined && looksLikeTitle(first.text)) strong--;
  // Text that marks its headings ("#", underlining) marks all of them.
  const marked = [...chosen.values()].some(
    (c) => (c.form === "markdown" || c.form === "underlined") && !looksLikeTitle(c.text),
  );
  if (strong >= 2 || marked) {
    // Bold lines under "#" headings are sub-headings.
    const hashes = [...chosen.values()].filter((c) => c.form === "markdown" && !looksLikeTitle(c.text));
    const deepest = Math.max(0, ...hashes.map((c) => c.level));
    for (const candidate of chosen.values())
      if (candidate.form === "bold" && deepest > 0) candidate.level = deepest + 1;
    return chosen;
  }
  candidates.forEach((candidate, i) => {
    if (candidate !== null && !chosen.has(i)) chosen.set(i, candidate);
  });
  return chosen;
}

function cleanHeadingText(raw: string): string {
  return normalizeSpaces(stripMarkdown(normalizeSpaces(raw)))
    .replace(/\s*:$/, "")
    .trim();
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length < 4) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  return upper / letters.length >= 0.9;
}

/** Short, starting with a capital (after any numbering), no closing full stop, not an address or URL. */
function isHeadingShaped(text: string, max: number, caps = false): boolean {
  if (text.length === 0 || text.length > max) return false;
  if (/[.;,]$/.test(text) && !text.endsWith("...")) return false;
  if (/@|https?:\/\/|www\./i.test(text)) return false;
  if (text.split(" ").length > (caps ? 10 : 14)) return false;
  return /^(?:(?:\d{1,2}\.){0,3}\d{1,2}[.)]?\s+)?["'‘“(]?[\p{Lu}\d]/u.test(text);
}

/** The line opens a block: first line, after a blank line or a heading, or after a finished sentence in text without blank lines. */
function startsBlock(reader: Reader, i: number): boolean {
  if (i === 0) return true;
  const previous = reader.lines[i - 1];
  if (!isText(previous)) return true;
  if (reader.singleBreaks && /[.!?:]["')”’]?\s*$/.test(previous ?? "")) return true;
  return false;
}

/**
 * Text follows: directly below when that looks like the start of a sentence or a list, or after
 * blank lines when the next block is not itself a heading-shaped line.
 */
function hasTextAfter(reader: Reader, i: number): boolean {
  const below = reader.lines[i + 1];
  if (isText(below)) return looksLikeBody(below ?? "");
  for (let j = i + 1; j < reader.lines.length; j++) {
    const line = reader.lines[j];
    if (!isText(line)) continue;
    return looksLikeBody(line ?? "") || BULLET.test(line ?? "") || TABLE_ROW.test(line ?? "");
  }
  return false;
}

function looksLikeBody(line: string): boolean {
  const text = normalizeSpaces(stripMarkdown(line));
  if (BULLET.test(line) || TABLE_ROW.test(line) || ORDERED.test(line)) return true;
  if (!/^["'‘“(]?[\p{Lu}\d\p{Ll}]/u.test(text)) return false;
  return text.split(" ").length >= 5 || /[.!?:]$/.test(text);
}

function groupSections(blocks: ImportBlock[], htmlTitle: string | undefined): Omit<ParsedDocument, "format"> {
  let paragraphs = 0;
  for (const block of blocks) paragraphs += countPieces(block);
  let rest = blocks;
  let title: string | undefined;
  const first = blocks[0];
  if (first?.type === "heading") {
    const deeper = blocks.slice(1).every((b) => b.type !== "heading" || b.level > first.level);
    const others = blocks.slice(1).some((b) => b.type === "heading");
    // "Jouw privacy bij Koffiebranderij Bonenberg" opens the text as its title.
    const privacyLine = /\bprivacy\b/i.test(first.text) && first.text.split(" ").length <= 8 && others;
    if (looksLikeTitle(first.text) || privacyLine || (first.level === 1 && others && deeper)) {
      title = first.text;
      rest = blocks.slice(1);
    }
  } else if (
    first?.type === "paragraph" &&
    looksLikeTitle(first.line.text) &&
    first.line.text.length <= 120
  ) {
    title = first.line.text;
    rest = blocks.slice(1);
  }
  const intro: ContentBlock[] = [];
  const sections: ParsedSection[] = [];
  for (const block of rest) {
    if (block.type === "heading")
      sections.push({ heading: block.text, level: block.level, form: block.form, blocks: [] });
    else (sections.at(-1)?.blocks ?? intro).push(block);
  }
  title ??= htmlTitle;
  return { ...(title === undefined ? {} : { title }), intro, sections, paragraphs };
}

export function countPieces(block: ImportBlock): number {
  switch (block.type) {
    case "heading":
    case "paragraph":
      return 1;
    case "list":
      return block.items.length;
    case "table":
      return block.rows.length + (block.head === null ? 0 : 1);
  }
}
