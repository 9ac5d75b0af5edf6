// Near-duplicates of baseline text. Companies copy the group's statement and change a word here
// and there ("is" for "zijn", their own name for the placeholder, a clause left out), so text
// is compared sentence by sentence on its words, with the baseline's placeholders filled for the
// company being imported into. A sentence that says nothing the baseline sentence does not say
// (the same words, or a subset of a longer baseline sentence) is a duplicate.
import { normalizeForMatch } from "../completeness/cues.ts";
import { stripMarkdown } from "./blocks.ts";
import { splitSentences } from "./pieces.ts";

/** Values for the baseline's placeholders when comparing; anything else matches any words. */
export type PlaceholderValues = Readonly<Record<string, string>>;

export interface KnownSentence {
  /** Baseline section key. */
  key: string;
  text: string;
  words: string[];
  /**
   * Said by the baseline only for other facts than this company's (a branch of its conditional
   * text, "{{#if cookies}} … {{else}}Wij gebruiken geen cookies.{{/if}}"): the import does not add
   * it again as the company's own words, but it is not what the baseline says for this company.
   */
  other?: true;
}

const DUPLICATE = 0.8;

export function toWords(text: string): string[] {
  return normalizeForMatch(text)
    .replace(/[’'`]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

/** The baseline's sentences per section, Markdown and placeholders resolved for comparing. */
export function readKnownSentences(
  sections: readonly { key: string; body: string }[],
  values: PlaceholderValues,
): KnownSentence[] {
  return sections.flatMap((section) =>
    section.body
      .split(/\n+/)
      .map((line) => stripMarkdown(line.replace(/^\s*-\s+/, "")))
      .flatMap((line) =>
        splitSentences(line.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, name: string) => values[name] ?? " ")),
      )
      .map((text) => ({ key: section.key, text, words: toWords(text) }))
      .filter((s) => s.words.length > 0),
  );
}

/** Dice over word multisets, and how much of `mine` the other sentence covers. */
function compare(mine: readonly string[], theirs: readonly string[]): { dice: number; covered: number } {
  const counts = new Map<string, number>();
  for (const word of theirs) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of mine) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common++;
      counts.set(word, left - 1);
    }
  }
  return {
    dice: (2 * common) / Math.max(1, mine.length + theirs.length),
    covered: common / Math.max(1, mine.length),
  };
}

export interface SentenceMatch {
  sentence: string;
  /** The baseline sentence it repeats, if any. */
  known?: KnownSentence;
  similarity: number;
}

/** Each sentence of a piece with the baseline sentence it repeats, preferring the given section. */
export function matchSentences(
  text: string,
  known: readonly KnownSentence[],
  prefer?: string,
): SentenceMatch[] {
  return splitSentences(text).map((sentence) => {
    const words = toWords(sentence);
    let best: { known: KnownSentence; score: number } | undefined;
    for (const candidate of known) {
      const { dice, covered } = compare(words, candidate.words);
      // A sentence wholly inside a longer baseline sentence adds nothing; short ones ("Ja.") are not judged that way.
      const score = words.length >= 6 && covered >= 0.95 ? Math.max(dice, covered) : dice;
      const better =
        best === undefined ||
        score > best.score + 0.001 ||
        (Math.abs(score - best.score) <= 0.001 && candidate.key === prefer && best.known.key !== prefer);
      if (better) best = { known: candidate, score };
    }
    return best !== undefined && best.score >= DUPLICATE
      ? { sentence, known: best.known, similarity: Math.round(best.score * 100) / 100 }
      : { sentence, similarity: best === undefined ? 0 : Math.round(best.score * 100) / 100 };
  });
}
