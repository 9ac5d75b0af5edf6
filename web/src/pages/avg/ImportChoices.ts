// The review's choices as the page keeps them, and as planImport and the API take them. Every
// default changes nothing the editor did not see: no profile field, list items added beside the
// draft's, text a locked section cannot take held back.
import type { ImportChoices, ItemChoice, ListMode } from "#shared/import/choices.ts";
import type { ImportProposal } from "#shared/import/propose.ts";
import type { ProfileField } from "#shared/import/profile.ts";
import type { ListKey } from "#shared/model.ts";
import type { ImportCheck } from "#shared/import/check.ts";
import type { ImportFormatHint } from "#shared/import/detect.ts";
import type { Draft, ImportChoicesBody } from "./data.ts";

/** What is being reviewed: the proposal, its checks, the text it was made from and the draft it was made against. */
export interface Review {
  proposal: ImportProposal;
  check: ImportCheck;
  text: string;
  format: ImportFormatHint;
  draft: Draft;
}

export const OWN = "__own";
export const SKIP = "__skip";

export interface ReviewChoices {
  /** Per section: a baseline key, OWN or SKIP. */
  sections: string[];
  /** Per section: add the text a locked section holds back as an own section after it. */
  addHeld: boolean[];
  /** The suggested profile fields accepted. */
  profile: ProfileField[];
  lists: Record<ListKey, ListMode>;
  /** Per found item. */
  items: Record<number, ItemChoice>;
}

export function initialChoices(proposal: ImportProposal): ReviewChoices {
  return {
    sections: proposal.sections.map((s) => s.key ?? OWN),
    addHeld: proposal.sections.map(() => false),
    profile: [],
    lists: { data_categories: "add", purposes: "add", retention: "add", recipients: "add", cookies: "add" },
    items: {},
  };
}

/** The choices for planImport: only what differs from the proposal. */
export function toImportChoices(proposal: ImportProposal, choices: ReviewChoices): ImportChoices {
  const sections: Record<number, NonNullable<ImportChoices["sections"]>[number]> = {};
  proposal.sections.forEach((section, index) => {
    const choice = choices.sections[index] ?? section.key ?? OWN;
    const entry: { key?: string | null; skip?: boolean; addHeld?: boolean } = {};
    if (choice === SKIP) entry.skip = true;
    else {
      const key = choice === OWN ? null : choice;
      if (key !== section.key) entry.key = key;
    }
    if (choices.addHeld[index] === true) entry.addHeld = true;
    if (Object.keys(entry).length > 0) sections[index] = entry;
  });
  const lists = Object.fromEntries(Object.entries(choices.lists).filter(([, mode]) => mode !== "add"));
  return { sections, profile: choices.profile, lists, items: choices.items };
}

/** The same choices as the API's JSON: indexes as strings. */
export function toChoicesBody(proposal: ImportProposal, choices: ReviewChoices): ImportChoicesBody {
  const planned = toImportChoices(proposal, choices);
  const strings = <T>(record: Readonly<Record<number, T>> | undefined): Record<string, T> =>
    Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [String(k), v]));
  return {
    sections: strings(planned.sections),
    profile: [...(planned.profile ?? [])],
    lists: { ...planned.lists },
    items: strings(planned.items),
  };
}

/** Whether the proposal is the same text, so choices made before still apply. */
export function sameSections(a: ImportProposal, b: ImportProposal): boolean {
  return (
    a.sections.length === b.sections.length &&
    a.sections.every((s, i) => s.heading === b.sections[i]?.heading) &&
    a.found.length === b.found.length
  );
}
