// What a privacy statement must contain (Art. 13/14 AVG, WP260, Telecommunicatiewet 11.7a), as
// data: the completeness checker reads applicability, articles and hints from here, and both the
// checker and the importer recognise headings and sentences by these cues. Cues are lower-case;
// "u" and "uw" in a cue also match the informal "je", "jij" and "jouw" (see compileCues).

import { cues } from "./checklist-define.ts";
import { PROCESSING_ITEMS } from "./checklist-processing.ts";
import { RIGHTS_ITEMS } from "./checklist-rights.ts";

export { ITEM_IDS } from "./checklist-types.ts";
import type { ChecklistItem, Cues, ItemId } from "./checklist-types.ts";
export type { Bilingual, ChecklistItem, Cues, ItemId } from "./checklist-types.ts";

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
