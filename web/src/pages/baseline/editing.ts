// The baseline as the editor holds it, and the way back to what the API takes. Each section gets a
// uid of its own for the page's element ids and errors, since its key may be edited.
import type { Baseline, BaselineSection, LocalizedLine, LocalizedMarkdown } from "#shared/model.ts";
import { language } from "../../i18n.ts";

export type EditableSection = BaselineSection & { uid: string };

export interface EditableBaseline {
  title: LocalizedLine;
  sections: EditableSection[];
  defaults?: Baseline["defaults"];
}

let nextUid = 1;
export const newUid = (): string => `s${nextUid++}`;

export function toEditable(baseline: Baseline): EditableBaseline {
  const copy = structuredClone(baseline);
  return {
    title: { nl: copy.title.nl, en: copy.title.en ?? "" },
    sections: copy.sections.map((section) => ({
      ...section,
      title: { nl: section.title.nl, en: section.title.en ?? "" },
      body: { nl: section.body.nl, en: section.body.en ?? "" },
      uid: newUid(),
    })),
    ...(copy.defaults === undefined ? {} : { defaults: copy.defaults }),
  };
}

// Lines are trimmed as the schema trims them, so what was saved compares equal to what is shown.
const line = (value: { nl: string; en?: string | undefined }): LocalizedLine =>
  value.en !== undefined && value.en.trim() !== ""
    ? { nl: value.nl.trim(), en: value.en.trim() }
    : { nl: value.nl.trim() };
const markdown = (value: { nl: string; en?: string | undefined }): LocalizedMarkdown =>
  value.en !== undefined && value.en.trim() !== "" ? { nl: value.nl, en: value.en } : { nl: value.nl };

/** One section as the API takes it: fields in a fixed order, an empty English text left out. */
export function normalizeSection(section: BaselineSection): BaselineSection {
  return {
    key: section.key,
    title: line(section.title),
    body: markdown(section.body),
    ...(section.list === undefined ? {} : { list: section.list }),
    policy: section.policy,
  };
}

/** The baseline as the API takes it (and as the preview resolves it). */
export function toBaseline(editable: EditableBaseline | Baseline): Baseline {
  return {
    title: line(editable.title),
    sections: editable.sections.map(normalizeSection),
    ...(editable.defaults === undefined ? {} : { defaults: editable.defaults }),
  };
}

/** Equal when they would publish the same baseline. */
export const sameBaseline = (a: Baseline, b: Baseline): boolean =>
  JSON.stringify(toBaseline(a)) === JSON.stringify(toBaseline(b));

/** What a person calls the section: its title in the console's language, else its key. */
export function sectionName(section: Pick<BaselineSection, "key" | "title">): string {
  const title = (language() === "en" && section.title.en?.trim()) || section.title.nl.trim();
  return title || section.key || "(nieuw)";
}

/** Differences between two baselines, by section key, in words. */
export function describeDifferences(mine: Baseline, theirs: Baseline, lang: "nl" | "en"): string[] {
  const nl = lang === "nl";
  const out: string[] = [];
  const mineKeys = mine.sections.map((s) => s.key);
  const theirKeys = theirs.sections.map((s) => s.key);
  const name = (s: BaselineSection) => (nl ? s.title.nl : s.title.en || s.title.nl) || s.key;
  if (JSON.stringify(mine.title) !== JSON.stringify(theirs.title))
    out.push(nl ? "de titel van de verklaring" : "the statement's title");
  for (const section of mine.sections) {
    const other = theirs.sections.find((s) => s.key === section.key);
    if (!other)
      out.push(
        nl
          ? `sectie "${name(section)}" staat alleen in jouw versie`
          : `section "${name(section)}" is only in yours`,
      );
    else if (JSON.stringify(normalizeSection(section)) !== JSON.stringify(normalizeSection(other)))
      out.push(nl ? `sectie "${name(section)}" verschilt` : `section "${name(section)}" differs`);
  }
  for (const section of theirs.sections) {
    if (!mineKeys.includes(section.key))
      out.push(
        nl
          ? `sectie "${name(section)}" staat alleen in hun versie`
          : `section "${name(section)}" is only in theirs`,
      );
  }
  const shared = (keys: string[], other: string[]) => keys.filter((k) => other.includes(k));
  if (JSON.stringify(shared(mineKeys, theirKeys)) !== JSON.stringify(shared(theirKeys, mineKeys)))
    out.push(nl ? "de volgorde van de secties" : "the order of the sections");
  return out;
}

/**
 * Where an API or schema issue belongs on the page. Paths are "baseline.sections.2.key" (the API)
 * or "sections.2.key" (the same schema run here); `uids` are the section uids in the order sent.
 */
export function issueTarget(path: string, uids: readonly string[]): string {
  const parts = path.split(".");
  if (parts[0] === "baseline") parts.shift();
  if (parts[0] === "sections" && parts.length > 1) {
    const uid = uids[Number(parts[1])];
    if (uid !== undefined) return ["section", uid, ...parts.slice(2)].join(".");
  }
  return parts.join(".") || "baseline";
}
