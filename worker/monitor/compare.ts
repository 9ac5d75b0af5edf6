// Text comparison of a web page with a published version, section by section. The page is read as
// visible text (the importer's HTML reader), both sides as words without case, accents of quotes or
// punctuation, and link targets in parentheses left out (a CMS rewrites those). Each section of the
// version is found on the page by its heading followed by its first words (a table of contents
// repeats the heading alone), or by its first words when the heading changed; its words are then
// compared with the page from there to the next section found, using shared/diff.ts. A copy is
// exact when every section is there with no word missing and none added in between.
import { diffWords, type DiffPart } from "#shared/diff.ts";
import { stripMarkdown } from "#shared/import/blocks.ts";
import { htmlToMarkdown } from "#shared/import/html.ts";
import { toWords } from "#shared/import/similar.ts";
import type { SiteDifference } from "#shared/site-schemas.ts";
import type { VersionText } from "../db/version-texts.ts";

/** The words of a text, each with the whitespace-separated token of the original it came from. */
export interface TextIndex {
  words: string[];
  /** For each word, the index of its token in `tokens`. */
  origin: number[];
  tokens: string[];
  /** Where each word occurs, for finding a section's start. */
  positions: Map<string, number[]>;
}

// "tekst (https://…)", as the text rendering and the importer's reader both write a link.
const LINK_TARGET = /^\((?:https?:\/\/|mailto:|tel:)\S*\)[.,;:!?]*$/i;

/** The text's whitespace-separated tokens, without link targets. */
const visibleTokens = (text: string): string[] =>
  text.split(/\s+/).filter((t) => t !== "" && !LINK_TARGET.test(t));

export function indexText(text: string): TextIndex {
  const tokens = visibleTokens(text);
  const words: string[] = [];
  const origin: number[] = [];
  const positions = new Map<string, number[]>();
  tokens.forEach((token, i) => {
    for (const word of toWords(token)) {
      const list = positions.get(word);
      if (list) list.push(words.length);
      else positions.set(word, [words.length]);
      words.push(word);
      origin.push(i);
    }
  });
  return { words, origin, tokens, positions };
}

// Dropped before reading: their content is never visible text, and the reader would scan for the
// end of each one through the rest of the page.
const INVISIBLE = /<(script|style|template|noscript|svg)\b[\s\S]*?<\/\1\s*>/gi;

/** The visible text of a page: HTML through the importer's reader; plain text and Markdown as they are. */
export function readPageText(body: string, contentType: string): string {
  if (/^text\/(plain|markdown)/i.test(contentType)) return stripMarkdown(body);
  return stripMarkdown(htmlToMarkdown(body.replace(INVISIBLE, " ")).markdown);
}

/** How one section of a version appears on the page. */
interface SectionFit {
  key: string;
  title: string;
  /** Where on the page it starts and ends (page word indexes); -1 when not found. */
  start: number;
  end: number;
  same: number;
  removed: number;
  added: number;
  /** The comparison of the section's words with that stretch of the page (normalised words). */
  parts: DiffPart[];
}

export interface VersionFit {
  number: number;
  /** The version's words found in place, against its words plus the page's words added in between. */
  similarity: number;
  exact: boolean;
  sections: SectionFit[];
}

const countWords = (text: string): number => (text === "" ? 0 : text.split(" ").length);

/** The first place at or after `from` where `needle` occurs on the page, or -1. */
function find(page: TextIndex, needle: string[], from: number): number {
  if (needle.length === 0) return -1;
  for (const at of page.positions.get(needle[0]!) ?? []) {
    if (at < from) continue;
    let i = 1;
    while (i < needle.length && page.words[at + i] === needle[i]) i++;
    if (i === needle.length) return at;
  }
  return -1;
}

const ANCHOR_WORDS = 4;

/** Compares the version's sections, in their order, with the page. */
export function fitVersion(page: TextIndex, version: VersionText): VersionFit {
  const sections = version.sections.map((section) => ({
    key: section.key,
    title: section.title,
    titleWords: toWords(section.title),
    words: indexText(section.text).words,
  }));
  let from = 0;
  const starts = sections.map((s) => {
    const opening = s.words.slice(0, ANCHOR_WORDS);
    let at = find(page, [...s.titleWords, ...opening], from);
    if (at < 0) at = find(page, s.titleWords, from);
    if (at < 0) at = find(page, opening, from);
    if (at >= 0) from = at + 1;
    return at;
  });
  const fits = sections.map((s, i): SectionFit => {
    const start = starts[i]!;
    const expected = [...s.titleWords, ...s.words];
    if (start < 0) {
      return {
        key: s.key,
        title: s.title,
        start,
        end: start,
        same: 0,
        removed: expected.length,
        added: 0,
        parts: [],
      };
    }
    const next = starts.slice(i + 1).find((at) => at > start);
    // The last section found runs on into whatever follows the statement on the page; that part
    // is cut off below as words after the section's end, which no copy check can tell from its own.
    const last = next === undefined;
    const end = last ? Math.min(page.words.length, start + expected.length * 2 + 50) : next;
    const parts = diffWords(expected.join(" "), page.words.slice(start, end).join(" ")).parts;
    if (last && parts.at(-1)?.op === "added") parts.pop();
    let same = 0;
    let removed = 0;
    let added = 0;
    for (const part of parts) {
      const n = countWords(part.text);
      if (part.op === "same") same += n;
      else if (part.op === "removed") removed += n;
      else added += n;
    }
    const shown = parts.reduce((n, p) => n + (p.op === "removed" ? 0 : countWords(p.text)), 0);
    return { key: s.key, title: s.title, start, end: start + shown, same, removed, added, parts };
  });
  const same = fits.reduce((n, f) => n + f.same, 0);
  const total = fits.reduce((n, f) => n + f.same + f.removed + f.added, 0);
  return {
    number: version.number,
    similarity: total === 0 ? 0 : same / total,
    exact: fits.every((f) => f.start >= 0 && f.removed === 0 && f.added === 0),
    sections: fits,
  };
}

const DIFFERENCE_MAX = 60_000;

/**
 * What differs between the version in force and the page, in the page's own words: per section
 * that is not there word for word, the version's text against the stretch of the page it was
 * compared with. Kept under the column's size.
 */
export function describeDifference(page: TextIndex, fit: VersionFit, version: VersionText): SiteDifference {
  const difference: SiteDifference = { against: version.number, sections: [], omitted: 0 };
  let size = 0;
  for (const section of fit.sections) {
    if (section.start >= 0 && section.removed === 0 && section.added === 0) continue;
    const text = version.sections.find((s) => s.key === section.key)?.text ?? "";
    const expected = visibleTokens(`${section.title} ${text}`).join(" ");
    const shown =
      section.start < 0 || section.end <= section.start
        ? ""
        : page.tokens.slice(page.origin[section.start], page.origin[section.end - 1]! + 1).join(" ");
    const entry = {
      key: section.key,
      title: section.title,
      status: section.start < 0 ? ("removed" as const) : ("changed" as const),
      parts: diffWords(expected, shown).parts,
    };
    const entrySize = JSON.stringify(entry).length;
    if (size + entrySize > DIFFERENCE_MAX) {
      difference.omitted++;
      continue;
    }
    size += entrySize;
    difference.sections.push(entry);
  }
  return difference;
}
