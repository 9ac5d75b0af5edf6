// Inline part of the author Markdown subset: **bold**, *italic*, _italic_, [text](url), bare
// http(s) URLs, backslash escapes and {{ placeholders }}. Delimiters pair with the first valid
// closer after them and never backtrack, so parsing stays linear-ish on hostile input and an
// unbalanced marker simply stays text.

/** A piece of a link destination: literal text or a placeholder filled in later. */
export type HrefPart = { type: "text"; value: string } | { type: "placeholder"; name: string };

export type DraftInline =
  | { type: "text"; value: string }
  | { type: "strong"; children: DraftInline[] }
  | { type: "em"; children: DraftInline[] }
  | { type: "link"; href: HrefPart[]; children: DraftInline[] }
  | { type: "placeholder"; name: string };

type Delimiter = "star1" | "star2" | "under1";

interface Scan {
  text: string;
  /** Characters made literal by a preceding backslash. */
  escaped: boolean[];
  /** Backslashes that do the escaping (they are dropped). */
  escapes: boolean[];
  /** Delimiter runs by start position. */
  runs: Map<number, Delimiter | null>;
  /** Sorted start positions of runs that may close each delimiter. */
  closers: Record<Delimiter, number[]>;
  /** Sorted positions of unescaped "]". */
  brackets: number[];
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WHITESPACE = /\s/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const PLACEHOLDER = /\{\{([^{}\n]{0,100})\}\}/y;
const BARE_URL = /https?:\/\/[^\s<>"{}\\]+/iy;
const URL_TRAILING_PUNCTUATION = /[.,;:)!?]+$/;
const MAX_HREF_LENGTH = 2048;

export function parseInlines(text: string): DraftInline[] {
  return parseRange(scanText(text), 0, text.length, false);
}

function scanText(text: string): Scan {
  const escaped: boolean[] = Array.from({ length: text.length }, () => false);
  const escapes: boolean[] = Array.from({ length: text.length }, () => false);
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] === "\\" && ASCII_PUNCTUATION.test(text[i + 1] ?? "")) {
      escapes[i] = true;
      escaped[i + 1] = true;
      i++;
    }
  }
  const runs = new Map<number, Delimiter | null>();
  const closers: Record<Delimiter, number[]> = { star1: [], star2: [], under1: [] };
  const brackets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (escaped[i]) continue;
    if (char === "]") brackets.push(i);
    if (char !== "*" && char !== "_") continue;
    let end = i;
    while (end < text.length && text[end] === char && !escaped[end]) end++;
    const length = end - i;
    const delimiter: Delimiter | null =
      char === "*"
        ? length === 1
          ? "star1"
          : length === 2
            ? "star2"
            : null
        : length === 1
          ? "under1"
          : null;
    runs.set(i, delimiter);
    if (delimiter !== null && canClose(text, i, end, delimiter)) closers[delimiter].push(i);
    i = end - 1;
  }
  return { text, escaped, escapes, runs, closers, brackets };
}

function canClose(text: string, start: number, end: number, delimiter: Delimiter): boolean {
  const before = text[start - 1];
  if (before === undefined || WHITESPACE.test(before)) return false;
  // Intraword underscores (snake_case, file_names) are not emphasis.
  return delimiter !== "under1" || !WORD_CHARACTER.test(text[end] ?? "");
}

function canOpen(text: string, start: number, end: number, delimiter: Delimiter): boolean {
  const after = text[end];
  if (after === undefined || WHITESPACE.test(after)) return false;
  return delimiter !== "under1" || !WORD_CHARACTER.test(text[start - 1] ?? "");
}

function findFirstAtOrAfter(sorted: number[], from: number, before: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < from) low = middle + 1;
    else high = middle;
  }
  const found = sorted[low];
  return found !== undefined && found < before ? found : -1;
}

function parseRange(scan: Scan, start: number, end: number, inLink: boolean): DraftInline[] {
  const { text } = scan;
  const nodes: DraftInline[] = [];
  let buffer = "";
  const push = (node: DraftInline): void => {
    if (buffer !== "") nodes.push({ type: "text", value: buffer });
    buffer = "";
    nodes.push(node);
  };
  let p = start;
  while (p < end) {
    const char = text[p] ?? "";
    if (scan.escapes[p]) {
      p++;
      continue;
    }
    if (scan.escaped[p]) {
      buffer += char;
      p++;
      continue;
    }
    const delimiter = scan.runs.get(p);
    if (delimiter !== undefined) {
      const length = delimiter === "star2" ? 2 : 1;
      let runEnd = p;
      while (runEnd < end && text[runEnd] === char && !scan.escaped[runEnd]) runEnd++;
      const closer =
        delimiter !== null && canOpen(text, p, runEnd, delimiter)
          ? findFirstAtOrAfter(scan.closers[delimiter], runEnd, end)
          : -1;
      if (closer < 0) {
        buffer += text.slice(p, runEnd);
        p = runEnd;
        continue;
      }
      const children = parseRange(scan, runEnd, closer, inLink);
      push({ type: delimiter === "star2" ? "strong" : "em", children });
      p = closer + length;
      continue;
    }
    if (char === "[" && !inLink) {
      const link = parseLink(scan, p, end);
      if (link !== null) {
        push(link.node);
        p = link.next;
        continue;
      }
    }
    if (char === "{" && text[p + 1] === "{" && !scan.escaped[p + 1]) {
      PLACEHOLDER.lastIndex = p;
      const match = PLACEHOLDER.exec(text);
      if (match !== null && p + match[0].length <= end) {
        push({ type: "placeholder", name: (match[1] ?? "").trim() });
        p += match[0].length;
        continue;
      }
    }
    if ((char === "h" || char === "H") && !inLink && !WORD_CHARACTER.test(text[p - 1] ?? "")) {
      const url = matchBareUrl(text, p, end);
      if (url !== null) {
        push({
          type: "link",
          href: [{ type: "text", value: url }],
          children: [{ type: "text", value: url }],
        });
        p += url.length;
        continue;
      }
    }
    buffer += char;
    p++;
  }
  if (buffer !== "") nodes.push({ type: "text", value: buffer });
  return nodes;
}

function matchBareUrl(text: string, start: number, end: number): string | null {
  BARE_URL.lastIndex = start;
  const match = BARE_URL.exec(text);
  if (match === null) return null;
  const url = match[0].slice(0, end - start).replace(URL_TRAILING_PUNCTUATION, "");
  return /^https?:\/\/./i.test(url) ? url : null;
}

function parseLink(scan: Scan, open: number, end: number): { node: DraftInline; next: number } | null {
  const { text } = scan;
  const close = findFirstAtOrAfter(scan.brackets, open + 1, end);
  if (close <= open + 1 || text[close + 1] !== "(" || scan.escaped[close + 1] || close + 1 >= end)
    return null;
  const hrefStart = close + 2;
  const limit = Math.min(end, hrefStart + MAX_HREF_LENGTH);
  let depth = 0;
  for (let q = hrefStart; q < limit; q++) {
    if (scan.escaped[q] || scan.escapes[q]) continue;
    if (text[q] === "(") depth++;
    if (text[q] !== ")") continue;
    if (depth > 0) {
      depth--;
      continue;
    }
    const children = parseRange(scan, open + 1, close, true);
    return { node: { type: "link", href: parseHref(scan, hrefStart, q), children }, next: q + 1 };
  }
  return null;
}

function parseHref(scan: Scan, start: number, end: number): HrefPart[] {
  const parts: HrefPart[] = [];
  let buffer = "";
  for (let p = start; p < end; p++) {
    if (scan.escapes[p]) continue;
    if (!scan.escaped[p] && scan.text.startsWith("{{", p)) {
      PLACEHOLDER.lastIndex = p;
      const match = PLACEHOLDER.exec(scan.text);
      if (match !== null && p + match[0].length <= end) {
        if (buffer !== "") parts.push({ type: "text", value: buffer });
        buffer = "";
        parts.push({ type: "placeholder", name: (match[1] ?? "").trim() });
        p += match[0].length - 1;
        continue;
      }
    }
    buffer += scan.text[p] ?? "";
  }
  if (buffer !== "") parts.push({ type: "text", value: buffer });
  return parts;
}
