// The resolved statement as the checker reads it: per section its title and paragraphs in the
// normal form of cues.ts. List items and table rows count as paragraphs of their own, because
// "stated separately" (Art. 21(4)) and "named per category" are judged per paragraph.
import type { JointControllership, Language, TenantContent } from "../model.ts";
import type { Block, Inline, ResolvedStatement } from "../statement.ts";
import { findChecklistItem, type Bilingual, type Cues, type ItemId } from "./checklist.ts";
import { findCue, normalizeForMatch, splitSentences } from "./cues.ts";
import { keepAnswer, rememberByText } from "./remember.ts";

export interface TextSection {
  key: string;
  title: string;
  paragraphs: string[];
  text: string;
  /** Sentences of the paragraphs, split once: most rules read sentence by sentence. */
  sentences: string[];
  /** The title as a line whose answers are kept (sectionsWithCue, lineHolds). */
  titleLine: Line;
  /** Each paragraph as a line whose answers are kept. */
  paragraphLines: Line[];
}

/**
 * A line of normalised text (a title or a paragraph), its sentences, and what was asked of it: which
 * cue lists it contains, which tests it passes. One object per text (remember.ts): every statement
 * with this line asks the same object, so each is worked out once, however many companies'
 * statements a rollout reads.
 */
export interface Line {
  text: string;
  /** Its sentences, split once. */
  sentences: readonly string[];
  /** Whether it contains a cue list, or passes a test, once asked. */
  answers: Map<Cues | LineTest, boolean>;
}

/** A test of a line's text that depends on nothing else: a module constant, so its answers can be kept. */
export type LineTest = (text: string) => boolean;

export interface CheckContext {
  title: string;
  sections: TextSection[];
  /** Every sentence with the key of its section, in order (listSentences). */
  sentences: { key: string; text: string }[];
  content: TenantContent;
  collection: "direct" | "indirect" | "both";
  language: Language;
  /** The baseline's joint-controllership setting (Art. 26), when the group has declared it. */
  jointControllership?: JointControllership | undefined;
}

export type Status = "present" | "missing" | "weak" | "not_applicable";

export interface Decision {
  status: Status;
  why: Bilingual;
  sections: string[];
}

export function readStatement(
  statement: ResolvedStatement,
): Pick<CheckContext, "title" | "sections" | "sentences"> {
  const sections = statement.sections.map((section): TextSection => {
    const paragraphs = section.blocks
      .flatMap(readBlock)
      .map(normalizeText)
      .filter((p) => p !== "");
    const title = normalizeText(section.title);
    const lines = paragraphs.map(lineOf);
    return {
      key: section.key,
      title,
      paragraphs,
      text: paragraphs.join("\n"),
      sentences: lines.flatMap((line) => line.sentences),
      titleLine: lineOf(title),
      paragraphLines: lines,
    };
  });
  return {
    title: normalizeText(statement.title),
    sections,
    sentences: sections.flatMap((s) => s.sentences.map((text) => ({ key: s.key, text }))),
  };
}

// Most paragraphs recur in every company's statement (remember.ts).
const normalizeText = rememberByText(normalizeForMatch);
const lineOf = rememberByText((text: string): Line => ({
  text,
  sentences: splitSentences(text),
  answers: new Map(),
}));

function readBlock(block: Block): string[] {
  switch (block.type) {
    case "paragraph":
      return [readInlines(block.children)];
    case "list":
      return block.items.map(readInlines);
    case "table":
      return [block.head.join(" — "), ...block.rows.map((row) => row.map(readInlines).join(" — "))];
  }
}

/** The words of inline nodes; a link's target is part of what the statement says (lint reads it too). */
export function readInlines(nodes: Inline[]): string {
  let text = "";
  for (const node of nodes) text += readInline(node);
  return text;
}

function readInline(node: Inline): string {
  switch (node.type) {
    case "text":
      return node.value;
    case "strong":
    case "em":
      return readInlines(node.children);
    case "link": {
      // The target may be the only place an e-mail address or website is written.
      const text = readInlines(node.children);
      const href = node.href.replace(/^mailto:/i, "");
      return text === href ? text : `${text} (${href})`;
    }
    case "missing":
      return "";
  }
}

/** Sections whose title carries one of the cues. */
export function sectionsTitled(ctx: CheckContext, cues: Cues): string[] {
  return ctx.sections.filter((s) => findCue(s.title, cues) !== null).map((s) => s.key);
}

/** Sections where any paragraph (or the title) matches the test. */
export function sectionsWhere(ctx: CheckContext, test: (text: string) => boolean): string[] {
  return ctx.sections.filter((s) => test(s.title) || s.paragraphs.some(test)).map((s) => s.key);
}

/**
 * The same sections as sectionsWhere for a test that cannot match across a line break (a cue, a
 * name, an e-mail address: normalised text has no line breaks), with one test of each section's
 * text instead of one per paragraph.
 */
export function sectionsWhereText(ctx: CheckContext, test: (text: string) => boolean): string[] {
  return ctx.sections.filter((s) => test(s.title) || test(s.text)).map((s) => s.key);
}

/**
 * Sections whose title or a paragraph has one of the cues. A cue never spans a line (its words are
 * joined by single spaces, and normalised text has no line breaks), so the answer is each line's,
 * and a line's answer is kept with the line: a rollout reads the same lines in every statement.
 */
export const sectionsWithCue = (ctx: CheckContext, cues: Cues): string[] =>
  sectionsWhereLine(ctx, (line) => keepAnswer(line.answers, cues, () => findCue(line.text, cues) !== null));

/** Sections whose title or a paragraph, as a line, passes the test. */
export function sectionsWhereLine(ctx: CheckContext, test: (line: Line) => boolean): string[] {
  return ctx.sections.filter((s) => test(s.titleLine) || s.paragraphLines.some(test)).map((s) => s.key);
}

/** Whether the line passes `test`, answered once per text. */
export const lineHolds = (line: Line, test: LineTest): boolean =>
  keepAnswer(line.answers, test, () => test(line.text));

/** The sections naming the most of `names` (a list is rendered where most of its entries appear). */
export function sectionsNaming(ctx: CheckContext, names: readonly string[]): string[] {
  const needles = [...new Set(names.map(normalizeForMatch).filter((n) => n !== ""))];
  const counts = ctx.sections.map((s) => ({
    key: s.key,
    count: needles.filter((n) => s.text.includes(n) || s.title.includes(n)).length,
  }));
  const most = Math.max(0, ...counts.map((c) => c.count));
  return most === 0 ? [] : counts.filter((c) => c.count === most).map((c) => c.key);
}

/** Sentences of every paragraph, with the key of their section. */
export function listSentences(ctx: CheckContext): readonly { key: string; text: string }[] {
  return ctx.sentences;
}

/** Where an item belongs: a section headed for it, else the section of its home item. */
export function homeSections(ctx: CheckContext, id: ItemId, seen: ItemId[] = []): string[] {
  const item = findChecklistItem(id);
  const own = sectionsTitled(ctx, item.headings);
  if (own.length > 0 || item.home === undefined || seen.includes(item.home)) return own;
  return homeSections(ctx, item.home, [...seen, id]);
}

/** The sections found, or where the item belongs when nothing was found. */
export function foundOrHome(ctx: CheckContext, id: ItemId, found: string[]): string[] {
  return found.length > 0 ? unique(found) : homeSections(ctx, id);
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export const decide = (status: Status, nl: string, en: string, sections: string[]): Decision => ({
  status,
  why: { nl, en },
  sections: unique(sections),
});

/** The rights-related cues of every checklist item, for sentence-level tests. */
export const RIGHTS_CONTEXT: Cues = {
  nl: [
    "recht",
    "verzoek",
    "inzageverzoek",
    "kunt u ons",
    "kunt u bij ons",
    "u kunt ons",
    "vragen om",
    "vragen de",
    "heeft u het recht",
    "te allen tijde",
  ],
  en: ["right", "request", "you can ask", "you may ask", "ask us"],
};
