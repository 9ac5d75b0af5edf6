// What a privacy statement must contain (Art. 13/14 AVG, WP260, Telecommunicatiewet 11.7a), as
// data: the completeness checker reads applicability, articles and hints from here, and both the
// checker and the importer recognise headings and sentences by these cues. Cues are lower-case;
// "u" and "uw" in a cue also match the informal "je", "jij" and "jouw" (see compileCues).

import { cues } from "./checklist-define.ts";
import { PROCESSING_ITEMS } from "./checklist-processing.ts";
import { RIGHTS_ITEMS } from "./checklist-rights.ts";

export const ITEM_IDS = [
  "CONTROLLER_IDENTITY",
  "REPRESENTATIVE",
  "DPO_CONTACT",
  "PURPOSES",
  "LEGAL_BASIS",
  "LEGITIMATE_INTERESTS",
  "DATA_CATEGORIES",
  "RECIPIENTS",
  "TRANSFER_FACT",
  "TRANSFER_SAFEGUARDS",
  "TRANSFER_COPY_MEANS",
  "RETENTION",
  "RIGHT_ACCESS",
  "RIGHT_RECTIFICATION",
  "RIGHT_ERASURE",
  "RIGHT_RESTRICTION",
  "RIGHT_OBJECT",
  "RIGHT_OBJECT_SEPARATE",
  "RIGHT_PORTABILITY",
  "WITHDRAW_CONSENT",
  "COMPLAINT_SA",
  "STATUTORY_CONTRACTUAL",
  "SOURCE",
  "AUTOMATED_DECISION",
  "FURTHER_PROCESSING",
  "JOINT_CONTROLLERS",
  "COOKIES",
] as const;
export type ItemId = (typeof ITEM_IDS)[number];

export interface Bilingual {
  nl: string;
  en: string;
}
export interface Cues {
  nl: readonly string[];
  en: readonly string[];
}

export interface ChecklistItem {
  id: ItemId;
  /** Provisions; art13 for direct collection, art14 for data obtained elsewhere, other for the rest. */
  articles: { art13?: string; art14?: string; other?: string };
  /** "always": publishing is refused while it is missing; "conditional": only when `condition` holds. */
  applies: "always" | "conditional";
  condition?: Bilingual;
  title: Bilingual;
  hint: Bilingual;
  /** Section headings that announce the item. */
  headings: Cues;
  /** Words in body text that show the item is dealt with. */
  phrases: Cues;
  /** Item whose section this one usually lives in when it has no heading of its own. */
  home?: ItemId;
}

export const CHECKLIST: readonly ChecklistItem[] = [...PROCESSING_ITEMS, ...RIGHTS_ITEMS];

/** Headings of common sections that answer no checklist item; the importer uses them too. */
export const OTHER_HEADINGS: Readonly<Record<"introduction" | "security" | "breaches" | "changes", Cues>> = {
  introduction: cues(
    "inleiding|introductie|over deze verklaring|over deze privacyverklaring|algemeen|reikwijdte|toepassingsgebied",
    "introduction|about this statement|general|scope",
  ),
  security: cues("beveiliging|opslag en beveiliging|hoe beveiligen wij", "security|how we protect"),
  breaches: cues("datalek|datalekken|incidenten met persoonsgegevens", "data breach|data breaches"),
  changes: cues(
    "wijzigingen|aanpassen privacyverklaring|wijziging van deze",
    "changes to this statement|changes|updates to this",
  ),
};

export function findChecklistItem(id: ItemId): ChecklistItem {
  const found = CHECKLIST.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`unknown checklist item ${id}`);
  return found;
}
