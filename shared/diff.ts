// Word-level comparison of two versions of a statement, for readers who want to see what changed
// rather than reread the whole text. Pure and deterministic: equal inputs give equal output in
// Node, workerd and the browser, so a diff can be cached, hashed and tested like a rendering.

export type DiffOp = "same" | "added" | "removed";

export interface DiffPart {
  op: DiffOp;
  /** Words joined by single spaces; line breaks of the text are kept as "\n" or "\n\n". */
  text: string;
}

export interface WordDiff {
  parts: DiffPart[];
  /** Words (tokens with a letter or digit): line breaks, list dashes and lone punctuation do not count. */
  added: number;
  removed: number;
}

/** The sections of one language, as the stored JSON rendering has them. */
export type StatementSections = { key: string; title: string; text: string }[];

export type SectionStatus = "added" | "removed" | "changed" | "unchanged";

export interface SectionDiff {
  key: string;
  status: SectionStatus;
  /** The section is in both versions but its place among the others changed. */
  moved: boolean;
  /** The newer title, or the old one for a removed section. */
  title: string;
  /** The older title when it differs from the newer one, else null. */
  previousTitle: string | null;
  diff: WordDiff;
}

export interface StatementDiff {
  sections: SectionDiff[];
  totals: {
    added: number;
    removed: number;
    changed: number;
    unchanged: number;
    moved: number;
    wordsAdded: number;
    wordsRemoved: number;
  };
}

// Beyond these the middle of a text is shown as replaced as a whole: a diff of a wholesale rewrite
// is unreadable anyway, and it bounds the time and memory one request can take.
const MAX_TOKENS = 20_000;
const MAX_EDITS = 1_000;

export function diffWords(before: string, after: string): WordDiff {
  return buildWordDiff(tokenize(before), tokenize(after));
}

export function diffStatements(before: StatementSections, after: StatementSections): StatementDiff {
  const old = indexByKey(before);
  const now = indexByKey(after);
  const common = (sections: Map<string, unknown>, other: Map<string, unknown>): string[] =>
    [...sections.keys()].filter((key) => other.has(key));
  // A section is moved when it is not part of the longest common order of the shared sections.
  const order = diffSequences(common(old, now), common(now, old));
  const moved = new Set<string>(order.filter((edit) => edit.op !== "same").map((edit) => edit.token));

  const sections: SectionDiff[] = [...now.values()].map((section) => {
    const previous = old.get(section.key);
    if (!previous) {
      return {
        key: section.key,
        title: section.title,
        status: "added",
        moved: false,
        previousTitle: null,
        diff: diffWords("", section.text),
      };
    }
    const diff = diffWords(previous.text, section.text);
    const titleChanged = previous.title !== section.title;
    const textChanged = diff.parts.some((part) => part.op !== "same");
    return {
      key: section.key,
      status: titleChanged || textChanged ? "changed" : "unchanged",
      moved: moved.has(section.key),
      title: section.title,
      previousTitle: titleChanged ? previous.title : null,
      diff,
    };
  });
  // Removed sections go where they were: right after the section that preceded them before.
  let insertAt = 0;
  for (const section of old.values()) {
    if (now.has(section.key)) {
      insertAt = sections.findIndex((s) => s.key === section.key) + 1;
      continue;
    }
    sections.splice(insertAt++, 0, {
      key: section.key,
      status: "removed",
      moved: false,
      title: section.title,
      previousTitle: null,
      diff: diffWords(section.text, ""),
    });
  }
  return { sections, totals: countSections(sections) };
}

function indexByKey(sections: StatementSections): Map<string, StatementSections[number]> {
  const index = new Map<string, StatementSections[number]>();
  // Keys are unique in a published statement; should one repeat, the first one counts.
  for (const section of sections) if (!index.has(section.key)) index.set(section.key, section);
  return index;
}

function countSections(sections: SectionDiff[]): StatementDiff["totals"] {
  const count = (status: SectionStatus): number => sections.filter((s) => s.status === status).length;
  return {
    added: count("added"),
    removed: count("removed"),
    changed: count("changed"),
    unchanged: count("unchanged"),
    moved: sections.filter((s) => s.moved).length,
    wordsAdded: sections.reduce((sum, s) => sum + s.diff.added, 0),
    wordsRemoved: sections.reduce((sum, s) => sum + s.diff.removed, 0),
  };
}

/** Words with their punctuation, and line breaks as tokens so lists and paragraphs keep their shape. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(/\S+|\s+/g)) {
    const token = match[0];
    if (/\S/.test(token)) tokens.push(token);
    else if (token.includes("\n") && tokens.length > 0) tokens.push(/\n[^\n]*\n/.test(token) ? "\n\n" : "\n");
  }
  while (tokens.length > 0 && isBreak(tokens[tokens.length - 1] ?? "")) tokens.pop();
  return tokens;
}

const isBreak = (token: string): boolean => token.startsWith("\n");
const isWord = (token: string): boolean => /[\p{L}\p{N}]/u.test(token);

function buildWordDiff(before: string[], after: string[]): WordDiff {
  const edits = alignToLines(diffSequences(before, after));
  const parts: DiffPart[] = [];
  const pending: Record<DiffOp, string[]> = { same: [], removed: [], added: [] };
  const flush = (op: DiffOp): void => {
    if (pending[op].length > 0) parts.push({ op, text: joinTokens(pending[op]) });
    pending[op] = [];
  };
  // Within a run of changes all removed words come before all added ones: "<del>old</del> <ins>new</ins>".
  for (const edit of edits) {
    if (edit.op === "same") {
      flush("removed");
      flush("added");
    } else flush("same");
    pending[edit.op].push(edit.token);
  }
  flush("same");
  flush("removed");
  flush("added");
  const words = (tokens: string[]): number => tokens.filter(isWord).length;
  return { parts, added: words(after) - countSame(edits), removed: words(before) - countSame(edits) };
}

/**
 * An inserted or deleted run can often sit in several places with the same result ("- Naam\n-
 * [Klantnummer\n-] E-mailadres"). Slide it so it starts at a line, as a reader would mark it.
 */
function alignToLines(edits: Edit[]): Edit[] {
  const out = edits.map((edit) => ({ ...edit }));
  const token = (i: number): string | undefined => out[i]?.token;
  const isSame = (i: number): boolean => out[i]?.op === "same";
  let start = 0;
  while (start < out.length) {
    const op = out[start]?.op ?? "same";
    let end = start;
    while (end < out.length && out[end]?.op === op) end++;
    if (op === "same" || (end < out.length && !isSame(end)) || (start > 0 && !isSame(start - 1))) {
      start = end;
      continue;
    }
    let left = 0;
    while (start - left > 0 && isSame(start - left - 1) && token(start - left - 1) === token(end - left - 1))
      left++;
    let right = 0;
    while (isSame(end + right) && token(end + right) === token(start + right)) right++;
    let shift = 0;
    for (let s = -left; s <= right; s++) {
      if (start + s === 0 || isBreak(token(start + s - 1) ?? "")) {
        shift = s;
        break;
      }
    }
    for (let i = Math.min(start, start + shift); i < Math.max(end, end + shift); i++) {
      const edit = out[i];
      if (edit) edit.op = i >= start + shift && i < end + shift ? op : "same";
    }
    start = end + Math.max(shift, 0);
  }
  return out;
}

const countSame = (edits: Edit[]): number => edits.filter((e) => e.op === "same" && isWord(e.token)).length;

function joinTokens(tokens: string[]): string {
  const pieces: string[] = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    pieces.push(previous === undefined || isBreak(token) || isBreak(previous) ? token : ` ${token}`);
  });
  return pieces.join("");
}

interface Edit {
  op: DiffOp;
  token: string;
}

/** The shortest edit script from `a` to `b` (Myers), with bounded work; see MAX_TOKENS and MAX_EDITS. */
function diffSequences(a: string[], b: string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = (tokens: string[]): Edit[] => tokens.map((token) => ({ op: "same", token }));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = middleA.length + middleB.length > MAX_TOKENS ? null : myers(middleA, middleB, MAX_EDITS);
  return [
    ...same(a.slice(0, start)),
    ...(middle ?? [
      ...middleA.map((token): Edit => ({ op: "removed", token })),
      ...middleB.map((token): Edit => ({ op: "added", token })),
    ]),
    ...same(a.slice(endA)),
  ];
}

/** Myers' O((N+M)D) algorithm; null when more than `maxEdits` edits are needed. */
function myers(a: string[], b: string[], maxEdits: number): Edit[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  // trace[d] holds the furthest x reached on diagonals -d..d after d edits (index k + d).
  const trace: Int32Array[] = [];
  let previous = new Int32Array(1);
  for (let d = 0; d <= limit; d++) {
    const row = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && at(previous, d - 1, k - 1) < at(previous, d - 1, k + 1));
      let x = d === 0 ? 0 : down ? at(previous, d - 1, k + 1) : at(previous, d - 1, k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      row[k + d] = x;
      if (x >= n && y >= m) {
        trace.push(row);
        return backtrack(trace, a, b);
      }
    }
    trace.push(row);
    previous = row;
  }
  return null;
}

const at = (row: Int32Array, d: number, k: number): number => row[k + d] ?? 0;

function backtrack(trace: Int32Array[], a: string[], b: string[]): Edit[] {
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1] ?? new Int32Array(0);
    const k = x - y;
    const down = k === -d || (k !== d && at(previous, d - 1, k - 1) < at(previous, d - 1, k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(previous, d - 1, prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push({ op: "same", token: a[--x] ?? "" });
      y--;
    }
    if (down) edits.push({ op: "added", token: b[--y] ?? "" });
    else edits.push({ op: "removed", token: a[--x] ?? "" });
  }
  while (x > 0 && y > 0) {
    edits.push({ op: "same", token: a[--x] ?? "" });
    y--;
  }
  return edits.reverse();
}
