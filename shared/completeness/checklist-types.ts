// The shape of a checklist item, apart from the table itself, so that the table's files
// (checklist-processing.ts, checklist-rights.ts) and their helpers import it without a circle.

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
