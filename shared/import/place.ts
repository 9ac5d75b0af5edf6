// Where each imported section lands in a company draft. The baseline's policy decides: the
// text replaces the baseline's where that is allowed, is appended where only that is allowed,
// and otherwise becomes an own section right after it, so no imported word is refused. Text
// the draft already shows (a baseline paragraph, a bullet the structured list repeats) is not
// added twice.
import { ALLOWED_MODES, type Language, type OwnSection, type SectionOverride } from "../model.ts";
import type { Bilingual } from "../completeness/checklist.ts";
import { escapeMarkdown } from "./blocks.ts";
import { localize } from "./extract-lists.ts";
import { cleanHeading, type ImportTarget } from "./map.ts";
import { chunkBody, dropBaselineText, dropRepeatedBullets, makeOwnKey } from "./place-text.ts";

export { chunkBody, makeOwnKey } from "./place-text.ts";

export interface PlaceableSection {
  heading: string;
  key: string | null;
  ownKey?: string;
  body: string;
}

export interface ListSource {
  list: "data_categories" | "retention";
  /** Index of the item in the proposal's list. */
  index: number;
  /** Index of the section the bullet is in. */
  section: number;
  md: string;
  complete: boolean;
}

export interface Placement {
  section: number;
  as: "replace" | "append" | "inherit" | "own" | "unplaced";
  /** The override key, or the own section's key. */
  key: string | null;
  after?: string;
  why: Bilingual;
}

export interface PlacementResult {
  overrides: Record<string, SectionOverride>;
  ownSections: OwnSection[];
  placements: Placement[];
  unmapped: { text: string; why: Bilingual }[];
}

const MAX_TITLE = 300;

export function placeSections(input: {
  sections: readonly (PlaceableSection | null)[];
  targets: readonly ImportTarget[];
  sources: readonly ListSource[];
  language: Language;
  /** Own-section keys the draft already uses. */
  taken: readonly string[];
  /** How many own sections the draft still has room for. */
  room: number;
}): PlacementResult {
  const { targets, language } = input;
  const result: PlacementResult = { overrides: {}, ownSections: [], placements: [], unmapped: [] };
  const keys = new Set([...targets.map((t) => t.key), ...input.taken]);
  let previous: string | null = null;
  const addOwn = (
    index: number,
    section: PlaceableSection,
    body: string,
    after: string,
    why: Bilingual,
  ): void => {
    const key = makeOwnKey(section.ownKey ?? section.heading, keys);
    const title =
      section.heading === "" ? (language === "nl" ? "Inleiding" : "Introduction") : section.heading;
    // A title beyond the schema's limit is shortened; the full heading leads the body instead.
    const chunks = chunkBody(title.length > MAX_TITLE ? `**${escapeMarkdown(title)}**\n\n${body}` : body);
    const placed = result.ownSections.length < input.room;
    chunks.forEach((chunk, part) => {
      if (result.ownSections.length >= input.room) {
        result.unmapped.push({
          text: chunk,
          why: {
            nl: "Geen ruimte meer voor eigen secties (maximaal 50).",
            en: "No room for more own sections (at most 50).",
          },
        });
        return;
      }
      const partTitle = part === 0 ? title : `${title} (${language === "nl" ? "vervolg" : "continued"})`;
      result.ownSections.push({
        key: part === 0 ? key : makeOwnKey(`${key}_${part + 1}`, keys),
        title: localize(cut(partTitle), language),
        body: localize(chunk, language),
        after,
      });
    });
    result.placements.push(
      placed
        ? { section: index, as: "own", key, after, why }
        : {
            section: index,
            as: "unplaced",
            key: null,
            why: { nl: "Geen ruimte meer voor eigen secties.", en: "No room for more own sections." },
          },
    );
  };

  input.sections.forEach((section, index) => {
    if (section === null) return;
    const target = section.key === null ? undefined : targets.find((t) => t.key === section.key);
    const body = dropRepeatedBullets(section.body, index, target, input.sources);
    if (target === undefined) {
      const after = previous ?? targets[0]?.key ?? "introduction";
      if (body.trim() === "") {
        result.unmapped.push({
          text: section.heading,
          why: { nl: "Kop zonder tekst.", en: "Heading without text." },
        });
        result.placements.push({
          section: index,
          as: "unplaced",
          key: null,
          why: { nl: "Kop zonder tekst.", en: "Heading without text." },
        });
        return;
      }
      addOwn(index, section, body, after, {
        nl: `Eigen sectie na “${after}”${previous === null ? " (er staat nog geen basissectie vóór)" : ""}.`,
        en: `Own section after “${after}”${previous === null ? " (no baseline section precedes it)" : ""}.`,
      });
      return;
    }
    previous = target.key;
    const name = `“${target.title.nl}”`;
    const allowed = ALLOWED_MODES[target.policy];
    const fresh = dropBaselineText(body, target, language);
    const taken = Object.hasOwn(result.overrides, target.key);
    if (fresh.trim() === "") {
      result.placements.push({
        section: index,
        as: "inherit",
        key: target.key,
        why: {
          nl: `Niets toe te voegen aan ${name}: de tekst staat al in de basis of in de lijst.`,
          en: `Nothing to add to ${name}: the text is already in the baseline or the list.`,
        },
      });
      return;
    }
    if (!taken && allowed.includes("replace")) {
      const title =
        section.heading !== "" &&
        cleanHeading(section.heading) !== cleanHeading(target.title[language] ?? target.title.nl);
      result.overrides[target.key] = {
        mode: "replace",
        body: localize(body, language),
        ...(title && section.heading.length <= MAX_TITLE
          ? { title: localize(section.heading, language) }
          : {}),
      };
      result.placements.push({
        section: index,
        as: "replace",
        key: target.key,
        why: {
          nl: `Vervangt de tekst van ${name} (beleid: vervangbaar).`,
          en: `Replaces the text of ${name} (policy: replaceable).`,
        },
      });
      return;
    }
    if (!taken && allowed.includes("append")) {
      result.overrides[target.key] = { mode: "append", body: localize(fresh, language) };
      result.placements.push({
        section: index,
        as: "append",
        key: target.key,
        why: {
          nl: `Aangevuld na de tekst van ${name} (beleid: aanvulbaar); alinea’s die de basis al heeft, zijn weggelaten.`,
          en: `Appended after the text of ${name} (policy: extendable); paragraphs the baseline already has are left out.`,
        },
      });
      return;
    }
    const reason = taken
      ? {
          nl: `${name} heeft al tekst uit een eerdere sectie`,
          en: `${name} already has text from an earlier section`,
        }
      : {
          nl: `${name} is ${target.policy === "locked" ? "vergrendeld" : "alleen weg te laten"}`,
          en: `${name} is ${target.policy}`,
        };
    addOwn(index, section, fresh, target.key, {
      nl: `${reason.nl}; de tekst wordt een eigen sectie erna.`,
      en: `${reason.en}; the text becomes an own section after it.`,
    });
  });
  return result;
}

function cut(text: string): string {
  return text.length <= MAX_TITLE ? text : `${text.slice(0, MAX_TITLE - 1)}…`;
}
