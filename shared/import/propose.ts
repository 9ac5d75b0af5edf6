// Turns an existing privacy statement (plain text, Markdown or HTML) into a proposal for a
// company draft: which baseline section each part belongs to and why, the company details and
// list items recognised in it, and the overrides and own sections that would hold the text.
// Nothing is dropped: every paragraph ends up in a section body or in `unmapped`, and each
// choice can be changed before applyImportProposal merges the proposal into a draft.
import type {
  Baseline,
  DataCategory,
  Language,
  OwnSection,
  RetentionRule,
  SectionOverride,
} from "../model.ts";
import { findChecklistItem, type Bilingual } from "../completeness/checklist.ts";
import { findCue } from "../completeness/cues.ts";
import { listPieces, writeBody, type ContentBlock } from "./blocks.ts";
import { extractDataCategories, extractRetention, type Extracted } from "./extract-lists.ts";
import { cleanHeading, describeTargets, matchHeadings, type ImportTarget } from "./map.ts";
import { parseImport, type ImportFormat } from "./parse.ts";
import { makeOwnKey, placeSections, type ListSource, type Placement } from "./place.ts";
import { findProfile, type FoundProfile, type ProfileFindings } from "./profile.ts";

export { applyImportProposal, createImportedBaseline, type ImportChoices } from "./apply.ts";
export type { ImportFormat } from "./parse.ts";
export type { ImportTarget } from "./map.ts";
export type { ListSource, Placement } from "./place.ts";
export type { FoundProfile } from "./profile.ts";

/** The model's limit on each structured list; further items stay as text in the body. */
const MAX_LIST = 200;

export interface ImportSection {
  /** The heading as written; "" for the text before the first heading. */
  heading: string;
  /** The baseline section it maps to, or null when it becomes an own section. */
  key: string | null;
  /** The key it gets as an own section (only when key is null). */
  ownKey?: string;
  /** 0–1: 1 for a heading equal to a baseline title, 0 when nothing matched. */
  confidence: number;
  /** Why it maps where it does, in English; `why` has it in Dutch too. */
  reason: string;
  why: Bilingual;
  /** The section's text in the author Markdown subset: paragraphs and "- " bullets. */
  body: string;
}

export interface ImportProposal {
  language: Language;
  title?: string;
  sections: ImportSection[];
  profile: FoundProfile;
  profileWhy: ProfileFindings["why"];
  candidates: ProfileFindings["candidates"];
  lists: { data_categories: DataCategory[]; retention: RetentionRule[] };
  /** Which bullet each list item came from. */
  listSources: ListSource[];
  /** What applyImportProposal would put into an empty draft. */
  overrides: Record<string, SectionOverride>;
  ownSections: OwnSection[];
  placements: Placement[];
  /** Text that has no place in the draft, with the reason. */
  unmapped: { text: string; why: Bilingual }[];
  /** Headings, paragraphs and bullets in the input, the title included. */
  paragraphs: number;
  /** The baseline sections the proposal was made against, so an edited proposal can be placed again. */
  targets: ImportTarget[];
}

export function proposeImport(
  input: { text: string; format: ImportFormat },
  baseline: Baseline,
): ImportProposal {
  const doc = parseImport(input);
  const targets = describeTargets(baseline);
  const parts: Part[] = [
    ...(doc.intro.length > 0 ? [{ heading: "", blocks: doc.intro }] : []),
    ...doc.sections.map((s) => ({ heading: s.heading, blocks: s.blocks })),
  ];
  const pieces = parts.flatMap((p) => listPieces(p.blocks));
  const language = detectLanguage([doc.title ?? "", ...parts.map((p) => p.heading), ...pieces].join(" "));
  const matches = matchHeadings(
    parts.map((p) => (p.heading === "" ? null : p.heading)),
    targets,
  );
  const ownKeys = new Set(targets.map((t) => t.key));
  const sections = parts.map((part, index): ImportSection => {
    const match = matches[index] ?? { key: null, confidence: 0, why: { nl: "", en: "" } };
    const ownKey =
      match.key === null ? makeOwnKey(part.heading === "" ? "inleiding" : part.heading, ownKeys) : undefined;
    return {
      heading: part.heading,
      key: match.key,
      ...(ownKey === undefined ? {} : { ownKey }),
      confidence: match.confidence,
      reason: match.why.en,
      why: match.why,
      body: writeBody(part.blocks),
    };
  });

  const { lists, listSources } = extractLists(parts, sections, targets, language);
  const found = findProfile(doc.title, pieces);
  const placed = placeSections({ sections, targets, sources: listSources, language, taken: [], room: 50 });
  return {
    language,
    ...(doc.title === undefined ? {} : { title: doc.title }),
    sections,
    profile: found.profile,
    profileWhy: found.why,
    candidates: found.candidates,
    lists,
    listSources,
    overrides: placed.overrides,
    ownSections: placed.ownSections,
    placements: placed.placements,
    unmapped: placed.unmapped,
    paragraphs: doc.paragraphs,
    targets,
  };
}

type Part = { heading: string; blocks: ContentBlock[] };

/**
 * Bullets under the data-categories heading and periods under the retention heading, found in
 * the sections mapped to the baseline section that renders that list, or headed like it.
 */
function extractLists(
  parts: readonly Part[],
  sections: readonly ImportSection[],
  targets: readonly ImportTarget[],
  language: Language,
): { lists: ImportProposal["lists"]; listSources: ListSource[] } {
  const lists: ImportProposal["lists"] = { data_categories: [], retention: [] };
  const listSources: ListSource[] = [];
  const record = <T>(
    list: "data_categories" | "retention",
    items: T[],
    found: Extracted<T>[],
    section: number,
  ): void => {
    for (const { item, md, complete } of found) {
      if (items.length >= MAX_LIST) return;
      listSources.push({ list, index: items.length, section, md, complete });
      items.push(item);
    }
  };
  parts.forEach((part, index) => {
    const target = targets.find((t) => t.key === sections[index]?.key);
    const heading = cleanHeading(part.heading);
    const about = (list: "data_categories" | "retention", id: "DATA_CATEGORIES" | "RETENTION"): boolean =>
      target === undefined ? findCue(heading, findChecklistItem(id).headings) !== null : target.list === list;
    if (about("data_categories", "DATA_CATEGORIES")) {
      record("data_categories", lists.data_categories, extractDataCategories(part.blocks, language), index);
    }
    if (about("retention", "RETENTION")) {
      record("retention", lists.retention, extractRetention(part.blocks, language), index);
    }
  });
  return { lists, listSources };
}

const DUTCH = new Set(
  "de het een en van voor wij u uw is niet met zijn worden wordt ook die dat deze onze bij als".split(" "),
);
const ENGLISH = new Set(
  "the a an and of for we you your is not with are be this that our by as it".split(" "),
);

/** Dutch unless English words clearly outnumber Dutch ones. */
export function detectLanguage(text: string): Language {
  let nl = 0;
  let en = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (DUTCH.has(word)) nl++;
    if (ENGLISH.has(word)) en++;
  }
  return en > nl * 1.5 ? "en" : "nl";
}
