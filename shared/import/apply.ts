// Merges an (edited) import proposal into a company draft. The sections are placed again from
// the proposal's current keys, so a key the editor changed takes effect; list items and company
// details replace the draft's unless the editor chose otherwise. The result is parsed with the
// model's schema, so a caller always gets valid content.
import * as v from "valibot";
import {
  ProfileSchema,
  TenantContentSchema,
  type Baseline,
  type Profile,
  type TenantContent,
} from "../model.ts";
import { localize } from "./extract-lists.ts";
import { placeSections } from "./place.ts";
import type { ImportProposal } from "./propose.ts";

export interface ImportChoices {
  /** Per section index: another baseline key (null: own section), or leave the section out. */
  sections?: Record<number, { key?: string | null; skip?: boolean }>;
  /** "overwrite" (default): found company details replace the draft's; "keep": the draft's stay. */
  profile?: "overwrite" | "keep";
  /** Per list: "replace" (default when items were found), "append", or "keep" the draft's. */
  lists?: Partial<Record<"data_categories" | "retention", "replace" | "append" | "keep">>;
}

const MAX_OWN = 50;
const MAX_LIST = 200;

export function applyImportProposal(
  draft: TenantContent,
  proposal: ImportProposal,
  choices: ImportChoices = {},
): TenantContent {
  const targetKeys = new Set(proposal.targets.map((t) => t.key));
  const sections = proposal.sections.map((section, index) => {
    const choice = choices.sections?.[index];
    if (choice?.skip === true) return null;
    const key = choice?.key !== undefined ? choice.key : section.key;
    return { ...section, key: key !== null && targetKeys.has(key) ? key : null };
  });
  const placed = placeSections({
    sections,
    targets: proposal.targets,
    sources: proposal.listSources,
    language: proposal.language,
    taken: draft.ownSections.map((s) => s.key),
    room: Math.max(0, MAX_OWN - draft.ownSections.length),
  });
  const content: TenantContent = {
    profile: choices.profile === "keep" ? draft.profile : mergeProfile(draft.profile, proposal.profile),
    lists: {
      ...draft.lists,
      data_categories: mergeList(
        draft.lists.data_categories,
        proposal.lists.data_categories,
        choices.lists?.data_categories,
      ),
      retention: mergeList(draft.lists.retention, proposal.lists.retention, choices.lists?.retention),
    },
    overrides: { ...draft.overrides, ...placed.overrides },
    ownSections: [...draft.ownSections, ...placed.ownSections],
  };
  return v.parse(TenantContentSchema, content);
}

function mergeList<T>(current: T[], found: T[], choice: "replace" | "append" | "keep" | undefined): T[] {
  const mode = choice ?? (found.length > 0 ? "replace" : "keep");
  if (mode === "keep") return current;
  return (mode === "replace" ? found : [...current, ...found]).slice(0, MAX_LIST);
}

/** Found details over the draft's, each only when it passes the profile schema on its own. */
function mergeProfile(profile: Profile, found: ImportProposal["profile"]): Profile {
  const next: Profile = { ...profile, address: { ...profile.address } };
  const fields = ["legalName", "tradeName", "kvkNumber", "email", "phone", "website"] as const;
  for (const field of fields) {
    const value = found[field];
    if (value !== undefined && v.safeParse(ProfileSchema.entries[field], value).success) next[field] = value;
  }
  const address = { ...next.address, ...found.address };
  if (v.safeParse(ProfileSchema.entries.address, address).success) next.address = address;
  return next;
}

/**
 * The imported text as a baseline of its own: one replaceable section per imported section,
 * under the key it maps to. Resolving it shows (and lets the checker judge) the statement as
 * it was written, before any baseline text is mixed in.
 */
export function createImportedBaseline(proposal: ImportProposal): Baseline {
  const used = new Set<string>();
  const sections = proposal.sections.flatMap((section) => {
    const key = section.key ?? section.ownKey;
    if (key === undefined || used.has(key)) return [];
    used.add(key);
    const target = proposal.targets.find((t) => t.key === section.key);
    const title = section.heading !== "" ? section.heading : (target?.title.nl ?? "Inleiding");
    return [
      {
        key,
        title: localize(title, proposal.language),
        body: localize(section.body, proposal.language),
        policy: "replaceable" as const,
      },
    ];
  });
  const title = proposal.title ?? (proposal.language === "nl" ? "Privacyverklaring" : "Privacy statement");
  return {
    title: localize(title, proposal.language),
    sections:
      sections.length > 0
        ? sections
        : [
            {
              key: "introduction",
              title: localize("Inleiding", proposal.language),
              body: { nl: "" },
              policy: "replaceable",
            },
          ],
  };
}
