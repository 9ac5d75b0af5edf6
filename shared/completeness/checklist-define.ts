// Helpers for writing the checklist table compactly; see checklist.ts for what the fields mean.
import type { Bilingual, ChecklistItem, Cues, ItemId } from "./checklist-types.ts";

// "Inzageverzoek" heads the section on how to exercise the rights in many statements (art. 12(2), 15).
export const RIGHTS_HEADINGS: Cues = {
  nl: ["uw rechten", "rechten van betrokkenen", "privacyrechten", "uw privacyrechten", "inzageverzoek"],
  en: [
    "your rights",
    "data subject rights",
    "rights of data subjects",
    "your privacy rights",
    "access request",
  ],
};

export const item = (
  id: ItemId,
  articles: ChecklistItem["articles"],
  applies: ChecklistItem["applies"] | Bilingual,
  title: Bilingual,
  hint: Bilingual,
  headings: Cues,
  phrases: Cues,
  home?: ItemId,
): ChecklistItem => ({
  id,
  articles,
  ...(typeof applies === "string" ? { applies } : { applies: "conditional", condition: applies }),
  title,
  hint,
  headings,
  phrases,
  ...(home === undefined ? {} : { home }),
});
export const b = (nl: string, en: string): Bilingual => ({ nl, en });
// Cues are written "a|b|c" to keep the table readable.
export const cues = (nl: string, en: string): Cues => ({ nl: split(nl), en: split(en) });
const split = (list: string): string[] => (list === "" ? [] : list.split("|"));
export const right = (
  id: ItemId,
  art: string,
  title: Bilingual,
  hint: Bilingual,
  phrases: Cues,
): ChecklistItem =>
  item(
    id,
    { art13: "13(2)(b)", art14: "14(2)(c)", other: art },
    "always",
    title,
    hint,
    RIGHTS_HEADINGS,
    phrases,
  );
