// Matching checklist cues against statement text. Text is compared in one normal form (lower
// case, plain spaces and quotes) so a stray non-breaking space or curly quote in pasted text
// cannot hide a cue.
import type { Cues } from "./checklist.ts";
import { atWordStart, type WordStartPattern } from "./word-start.ts";

// Compiled once per cue and per cue list (the lists are module constants): every cue starts a
// word, so each pattern is searched as atWordStart (see word-start.ts for why).
const single = new Map<string, WordStartPattern>();
const combined = new WeakMap<Cues, WordStartPattern | null>();
// What a sentence was found to contain, per cue list: the same sentences recur in every company's
// statement (remember.ts). Sentences only (longer texts are searched each time), and at most a few
// thousand of them, each kept once whatever the number of lists asked about it.
const answersBySentence = new Map<string, WeakMap<Cues, string | null>>();

// Any character the replacements below would change: odd spaces and quotes, hyphens, any
// whitespace but a plain space (what \s matches, spelled out) and two spaces in a row. Most text
// has none, and then lower case and trim suffice.
const NEEDS_REPLACING =
  /[\t-\r\u00A0\u1680\u2000-\u200B\u2010\u2011\u2018-\u201F\u2028\u2029\u202F\u205F\u3000\uFEFF]| {2}/;

/** Lower-case, NBSP and other odd spaces as plain spaces, straight quotes, one space between words. */
export function normalizeForMatch(text: string): string {
  const lower = text.toLowerCase();
  if (!NEEDS_REPLACING.test(lower)) return lower.trim();
  return replaceOddCharacters(lower).replace(/\s+/g, " ").trim();
}

const ODD_CHARACTER = /[\u00A0\u2000-\u200B\u202F\u205F\u3000\u2010\u2011\u2018-\u201F]/g;

/** Odd spaces as plain spaces, curly quotes straight, odd hyphens as "-": one for one, in one pass. */
export function replaceOddCharacters(text: string): string {
  return text.replace(ODD_CHARACTER, (c) => {
    if (c >= "\u2018" && c <= "\u201B") return "'";
    if (c >= "\u201C" && c <= "\u201F") return '"';
    if (c === "\u2010" || c === "\u2011") return "-";
    return " ";
  });
}

// Formal "u/uw" cues also match informal Dutch ("je/jij/jouw"), and "wij" the informal "we",
// which many statements use.
const PRONOUNS: Record<string, string> = { u: "(?:u|je|jij)", uw: "(?:uw|jouw|je)", wij: "(?:wij|we)" };

function describeCue(cue: string): string {
  const words = cue.split(" ");
  const last = words.at(-1) ?? "";
  // Short final words ("fg", "eu", "dpo") must stand alone; longer cues may carry a suffix,
  // so "bewaartermijn" also finds "bewaartermijnen".
  const end = last.length <= 3 && /\p{L}$/u.test(last) ? "(?![\\p{L}\\p{N}])" : "";
  return words.map((word) => PRONOUNS[word] ?? word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(" ") + end;
}

/** Whether normalised text contains the cue. */
export function hasCue(text: string, cue: string): boolean {
  let pattern = single.get(cue);
  if (pattern === undefined) {
    pattern = atWordStart(new RegExp(describeCue(cue), "u"), true);
    single.set(cue, pattern);
  }
  return pattern.test(text);
}

/**
 * The first place normalised text contains any of the cues, as the words found there, or null.
 * All cues of a list are tried in one pass: the checker runs them over every sentence.
 */
export function findCue(text: string, cues: Cues): string | null {
  if (text.length > 400) return searchCue(text, cues);
  let answers = answersBySentence.get(text);
  if (answers === undefined) {
    if (answersBySentence.size >= 4000) answersBySentence.clear();
    answers = new WeakMap();
    answersBySentence.set(text, answers);
  }
  let found = answers.get(cues);
  if (found === undefined) {
    found = searchCue(text, cues);
    answers.set(cues, found);
  }
  return found;
}

function searchCue(text: string, cues: Cues): string | null {
  let pattern = combined.get(cues);
  if (pattern === undefined) {
    const all = [...cues.nl, ...cues.en];
    pattern =
      all.length === 0 ? null : atWordStart(new RegExp(`(?:${all.map(describeCue).join("|")})`, "u"), true);
    combined.set(cues, pattern);
  }
  return pattern?.exec(text)?.[0] ?? null;
}

// Where a sentence ends: . ! or ?, then spaces before more text. Matched from the punctuation on,
// not with a lookbehind, which V8 would try at every position of the text.
const SENTENCE_BREAK = /[.!?]\s+(?=[^\s])/g;

/** Sentences of a normalised paragraph; abbreviations such as "b.v." may split too, which is harmless here. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_BREAK)) {
    sentences.push(text.slice(start, match.index + 1).trim());
    start = match.index + match[0].length;
  }
  sentences.push(text.slice(start).trim());
  return sentences.filter((s) => s !== "");
}
