// Structured list items recognised in imported text: bullets under the data-categories heading
// become data categories, bullets and sentences with a period under the retention heading
// become retention rules. Each item remembers the bullet it came from and whether it holds all
// of that bullet's words, so the draft can leave a bullet out of the body only when the list
// repeats it in full.
import type { DataCategory, Language, LocalizedLine, RetentionRule } from "../model.ts";
import type { ContentBlock, Line } from "./blocks.ts";
import { findPeriod } from "./periods.ts";

export interface Extracted<T> {
  item: T;
  /** The bullet's Markdown as it stands in the section body. */
  md: string;
  /** The item holds every word of the bullet, so the body may drop it. */
  complete: boolean;
}

const MAX = 300;
const SPECIAL =
  /gezondheid|medisch|ras\b|etnisch|religie|levensovertuiging|politieke|vakbond|genetisch|biometrisch|seksuele|health|medical|racial|ethnic|religio|political|trade union|genetic|biometric|sex life|sexual orientation/i;
const EXAMPLES = /\s(?=(?:bijvoorbeeld|zoals|waaronder|for example|such as|including|e\.g\.)\s)/i;

export function localize(text: string, language: Language): LocalizedLine {
  // Dutch is required; English text fills both until it is translated.
  return language === "nl" ? { nl: text } : { nl: text, en: text };
}

function clean(text: string): string {
  return text.replace(/\s*[;,.]+$/, "").trim();
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=["'‘“(]?[\p{Lu}\d])/u).filter((s) => s.trim() !== "");
}

// How the statement renderer writes a category's source and special status, so a statement
// published by this tool reads back into the same list.
const SOURCE = /\s+—\s+(?:Bron|Source):\s+(.+)$/;
const SPECIAL_MARK = /\s*\((?:bijzonder persoonsgegeven|special category)\)/;

export function extractDataCategory(line: Line, language: Language): Extracted<DataCategory> {
  let text = clean(line.text);
  const source = SOURCE.exec(text)?.[1];
  if (source !== undefined) text = text.slice(0, text.length - (SOURCE.exec(text)?.[0].length ?? 0));
  const marked = SPECIAL_MARK.test(text);
  text = text.replace(SPECIAL_MARK, "");
  let name = text;
  let examples: string | undefined;
  const colon = text.indexOf(": ");
  const parts = sentences(text);
  if (colon > 0 && colon <= 80) {
    name = text.slice(0, colon);
    examples = text.slice(colon + 2);
  } else if (EXAMPLES.test(text)) {
    const at = text.search(EXAMPLES);
    name = text.slice(0, at);
    examples = text.slice(at + 1);
  } else if (parts.length > 1) {
    name = clean(parts[0] ?? text);
    examples = parts.slice(1).join(" ");
  }
  const fits = name.length <= MAX && (examples?.length ?? 0) <= MAX && (source?.length ?? 0) <= MAX;
  if (!fits) {
    name = text.slice(0, MAX);
    examples = undefined;
  }
  const item: DataCategory = {
    name: localize(name, language),
    ...(examples === undefined || examples === "" ? {} : { examples: localize(examples, language) }),
    special: marked || SPECIAL.test(text),
    ...(source === undefined || source.length > MAX ? {} : { source: localize(source, language) }),
  };
  return { item, md: line.md, complete: fits };
}

export function extractDataCategories(
  blocks: readonly ContentBlock[],
  language: Language,
): Extracted<DataCategory>[] {
  return blocks.flatMap((b) =>
    b.type === "list" ? b.items.map((line) => extractDataCategory(line, language)) : [],
  );
}

/**
 * A retention rule from one bullet: the first sentence (or the words before a colon) is the
 * subject; the sentence with the period and everything after it is the criterion, because the
 * starting point and exceptions follow the period ("Nadat een contract … nog 7 jaar bewaard");
 * the sentences in between describe the rule.
 */
export function extractRetentionBullet(line: Line, language: Language): Extracted<RetentionRule> | null {
  const found = findPeriod(line.text);
  if (found === null) return null;
  const text = line.text.trim();
  const colon = text.indexOf(": ");
  let subject: string;
  let rest: string[];
  if (colon > 0 && colon <= 120) {
    subject = text.slice(0, colon);
    rest = sentences(text.slice(colon + 2));
  } else {
    const all = sentences(text);
    subject = clean(all[0] ?? text);
    rest = all.slice(1);
  }
  const at = rest.findIndex((s) => findPeriod(s) !== null);
  const description = (at < 0 ? rest : rest.slice(0, at)).join(" ");
  const criterion = at < 0 ? "" : clean(rest.slice(at).join(" "));
  const complete = subject.length <= MAX && description.length <= MAX && criterion.length <= MAX;
  const item: RetentionRule = {
    subject: localize(subject.slice(0, MAX), language),
    period: found.period,
    ...(criterion !== "" && criterion.length <= MAX ? { criterion: localize(criterion, language) } : {}),
    ...(description !== "" && description.length <= MAX
      ? { description: localize(description, language) }
      : {}),
  };
  return { item, md: line.md, complete };
}

const SUBJECT_PATTERNS = [
  /^(?:wij|we)\s+(?:bewaren|houden|keep|retain|store)\s+(.+?)\s+(?:nog\s+|for\s+|gedurende\s+|maximaal\s+|tot\s+)?$/i,
  /^(.+?)\s+(?:worden|wordt|blijven|blijft|zijn|is|are|will be)\b/i,
];

/** A retention rule from a sentence in running text; the sentence itself stays in the body. */
export function extractRetentionSentence(sentence: string, language: Language): RetentionRule | null {
  const found = findPeriod(sentence);
  if (
    found === null ||
    !/bewaar|bewaren|bewaard|archief|verwijder|keep|kept|retain|stor|delet/i.test(sentence)
  )
    return null;
  const before = sentence.slice(0, found.index).trim();
  let subject = clean(sentence);
  for (const pattern of SUBJECT_PATTERNS) {
    const match = pattern.exec(before);
    if (match?.[1] !== undefined && match[1].length >= 3) {
      subject = clean(match[1]);
      break;
    }
  }
  subject = subject.charAt(0).toUpperCase() + subject.slice(1);
  // Only a starting point counts as criterion ("7 jaar na afloop van het boekjaar").
  const after = clean(sentence.slice(found.index + found.text.length));
  const criterion = /^(?:na|nadat|vanaf|gerekend|tot|after|from|following|until)\b/i.test(after) ? after : "";
  return {
    subject: localize(subject.slice(0, MAX), language),
    period: found.period,
    ...(criterion !== "" && criterion.length <= MAX ? { criterion: localize(criterion, language) } : {}),
  };
}

export function extractRetention(
  blocks: readonly ContentBlock[],
  language: Language,
): Extracted<RetentionRule>[] {
  const out: Extracted<RetentionRule>[] = [];
  for (const block of blocks) {
    if (block.type === "list") {
      for (const line of block.items) {
        const found = extractRetentionBullet(line, language);
        if (found !== null) out.push(found);
      }
      continue;
    }
    for (const sentence of sentences(block.line.text)) {
      const item = extractRetentionSentence(sentence, language);
      if (item !== null) out.push({ item, md: "", complete: false });
    }
  }
  return out;
}
