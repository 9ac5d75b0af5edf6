// The resolved statement as the lint reads it: per section its title, paragraphs and sentences
// in the statement's own words, so a finding can quote exactly what a reader sees. Matching runs
// on a copy of the same length with odd spaces and curly quotes made plain, so a match position
// in the copy is a position in the original.
import { replaceOddCharacters } from "../completeness/cues.ts";
import { keepAnswer, rememberByText } from "../completeness/remember.ts";
import { readInlines } from "../completeness/evidence.ts";
import type { Block, ResolvedStatement } from "../statement.ts";

export interface LintSentence {
  section: string;
  /** As written (trimmed). */
  text: string;
  /** The same characters with spaces, quotes and dashes made plain; same length as `text`. */
  plain: string;
  /** What tests of `plain` answered, kept with the text (see holds). */
  answers: SentenceAnswers;
}

/** A test of a sentence's plain text that depends on nothing else; a module constant (see holds). */
export type SentenceTest = (plain: string) => boolean;

/**
 * The answers of each test for one sentence text. The same object for every statement with that
 * text (readSentences remembers them per paragraph), so a rollout, which reads the same sentences
 * in every company's statement, runs each test on each text once.
 */
type SentenceAnswers = Map<SentenceTest, boolean>;

/** Whether the sentence passes `test`, answered once per sentence text. */
export const holds = (sentence: LintSentence, test: SentenceTest): boolean =>
  keepAnswer(sentence.answers, test, () => test(sentence.plain));

export interface LintSection {
  key: string;
  title: string;
  /** Paragraphs, list items and table rows, each as written. */
  paragraphs: string[];
  sentences: LintSentence[];
}

export function readForLint(statement: ResolvedStatement): LintSection[] {
  // Loops rather than flatMap chains: a rollout reads every company's statement in every language.
  return statement.sections.map((section) => {
    const paragraphs: string[] = [];
    for (const block of section.blocks) {
      for (const written of readBlock(block)) {
        const paragraph = written.trim();
        if (paragraph !== "") paragraphs.push(paragraph);
      }
    }
    const sentences: LintSentence[] = [];
    for (const paragraph of paragraphs) {
      for (const { text, plain, answers } of readSentences(paragraph))
        sentences.push({ section: section.key, text, plain, answers });
    }
    return { key: section.key, title: section.title, paragraphs, sentences };
  });
}

// A paragraph's sentences, as written and plain; most paragraphs recur in every company's
// statement (see ../completeness/remember.ts).
const readSentences = rememberByText(
  (paragraph: string): readonly { text: string; plain: string; answers: SentenceAnswers }[] =>
    splitIntoSentences(paragraph).map((text) => ({ text, plain: makePlain(text), answers: new Map() })),
);

function readBlock(block: Block): string[] {
  switch (block.type) {
    case "paragraph":
      return [readInlines(block.children)];
    case "list":
      return block.items.map(readInlines);
    case "table":
      return block.rows.map((row) => row.map(readInlines).join(" — "));
  }
}

// Any character makePlain replaces; most sentences have none, and are then plain already.
const NOT_PLAIN = /[\u00A0\u2000-\u200B\u202F\u205F\u3000\u2010\u2011\u2018-\u201F]/;

/** Odd spaces, curly quotes and hyphens replaced one for one, so positions stay the same. */
export function makePlain(text: string): string {
  return NOT_PLAIN.test(text) ? replaceOddCharacters(text) : text;
}

// A sentence ends at . ! or ? followed by a space and a capital or an opening quote, so "B.V. is",
// "art. 6" and "Inc. (“Google”)" stay inside their sentence; so do abbreviations before a capital
// ("EU-U.S. Privacy Shield", "Mr. A. Jansen", "bijv. Google").
// (Matched from the punctuation on: V8 would try a lookbehind at every position of the text.)
const SENTENCE_END = /[.!?]\s+(?=[\p{Lu}‘“"'])/gu;
const ABBREVIATION =
  /(?:^|[\s(-])(?:(?:\p{L}\.){2,}|\p{Lu}\.|mr\.|mrs\.|ms\.|dr\.|prof\.|dhr\.|mevr\.|st\.|nr\.|no\.|art\.|bijv\.|vgl\.|e\.g\.|i\.e\.|inc\.|ltd\.|co\.|corp\.)$/iu;

export function splitIntoSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(SENTENCE_END)) {
    const end = match.index + 1; // after the punctuation
    if (ABBREVIATION.test(paragraph.slice(Math.max(start, end - 12), end))) continue;
    sentences.push(paragraph.slice(start, end));
    start = match.index + match[0].length;
  }
  sentences.push(paragraph.slice(start));
  return sentences.map((s) => s.trim()).filter((s) => s !== "");
}
