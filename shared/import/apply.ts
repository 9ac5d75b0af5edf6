// An (edited) import proposal merged into a company draft, with the editor's choices. The review
// runs the same planImport to show what accepting will do, and the API runs it to do it, so the
// two cannot differ. The profile changes only in the fields the editor accepted; the result is
// parsed with the model's schema, so a caller always gets valid content.
import * as v from "valibot";
import { TenantContentSchema, type ListKey, type Profile, type TenantContent } from "../model.ts";
import type { ImportChoices } from "./choices.ts";
import { placeSections, type PlacementResult } from "./place.ts";
import type { ProfileField, ProfileSuggestion } from "./profile.ts";
import { settleBody, type ImportProposal } from "./propose.ts";
import type { ImportWarning } from "./warnings.ts";
import { readKnownSentences } from "./similar.ts";
import { takeFoundItems, type TakenLists } from "./take-lists.ts";

const MAX_OWN = 50;

export interface ImportPlan {
  content: TenantContent;
  placement: PlacementResult;
  taken: TakenLists;
  /** What the draft would leave odd after accepting: a baseline lead-in before a list that stays empty. */
  warnings: ImportWarning[];
  /** The section keys (baseline or own) each imported section ended up under, after choices. */
  keys: (string | null)[];
}

export function planImport(
  draft: TenantContent,
  proposal: Pick<
    ImportProposal,
    | "sections"
    | "found"
    | "targets"
    | "facts"
    | "known"
    | "placeholders"
    | "language"
    | "suggestions"
    | "register"
  >,
  choices: ImportChoices = {},
): ImportPlan {
  const targetKeys = new Set(proposal.targets.map((t) => t.key));
  const keys = proposal.sections.map((section, index) => {
    const chosen = choices.sections?.[index]?.key;
    const key = chosen !== undefined ? chosen : section.key;
    return key !== null && targetKeys.has(key) ? key : null;
  });
  const taken = takeFoundItems(proposal.found, choices, draft.lists, proposal.register);
  const listed = new Set<string>();
  const clauses = new Map<string, Set<string>>();
  taken.listed.forEach((index) => {
    const found = proposal.found[index];
    if (found === undefined) return;
    const at = `${found.source.section}:${found.source.piece}`;
    if (found.whole) listed.add(at);
    else if (found.clause === true)
      clauses.set(at, new Set([...(clauses.get(at) ?? []), found.source.quote.trim()]));
  });
  const emptyLists = new Set<ListKey>(
    (Object.keys(taken.lists) as ListKey[]).filter((list) => taken.lists[list].length === 0),
  );
  // What the draft already says in its own sections and extensions is not added again either.
  const draftKnown = readKnownSentences(
    [
      ...draft.ownSections.map((s) => ({
        key: `draft:${s.key}`,
        body: settleBody(s.body, proposal.facts)[proposal.language] ?? s.body.nl,
      })),
      ...Object.entries(draft.overrides).flatMap(([key, o]) =>
        o.body === undefined
          ? []
          : [
              {
                key: `draft:${key}`,
                body: settleBody(o.body, proposal.facts)[proposal.language] ?? o.body.nl,
              },
            ],
      ),
    ],
    proposal.placeholders,
  );
  const placement = placeSections({
    sections: proposal.sections.map((section, index) => ({
      heading: section.heading,
      key: keys[index] ?? null,
      skip: choices.sections?.[index]?.skip === true,
      addHeld: choices.sections?.[index]?.addHeld === true,
      pieces: section.pieces,
    })),
    targets: proposal.targets,
    known: [...proposal.known, ...draftKnown],
    listed,
    clauses,
    language: proposal.language,
    emptyLists,
    draft: {
      overrides: draft.overrides,
      ownKeys: draft.ownSections.map((s) => s.key),
      room: Math.max(0, MAX_OWN - draft.ownSections.length),
    },
  });
  const content: TenantContent = {
    profile: acceptSuggestions(draft.profile, proposal.suggestions, choices.profile ?? []),
    lists: taken.lists,
    overrides: { ...draft.overrides, ...placement.overrides },
    ownSections: [...draft.ownSections, ...placement.ownSections],
  };
  const parsed = v.parse(TenantContentSchema, content);
  return {
    content: parsed,
    placement,
    taken,
    keys,
    warnings: findDanglingLeadIns(parsed, proposal.targets, proposal.language),
  };
}

/**
 * A baseline section whose text ends in a lead-in ("… voor de volgende doeleinden:") before its
 * list, while the list stays empty and the company does not replace the text: the reader gets a
 * colon and nothing after it. The import cannot change the baseline, so it says so.
 */
function findDanglingLeadIns(
  content: TenantContent,
  targets: ImportProposal["targets"],
  language: ImportProposal["language"],
): ImportWarning[] {
  return targets.flatMap((target): ImportWarning[] => {
    if (target.list === undefined || content.lists[target.list].length > 0) return [];
    const override = content.overrides[target.key];
    if (override?.mode === "replace" || override?.mode === "omit") return [];
    const body = target.body[language] ?? target.body.nl;
    const leadIn = body.trim().split(/\n+/).at(-1) ?? "";
    if (!/:\s*$/.test(leadIn)) return [];
    return [
      {
        kind: "dangling_lead_in",
        key: target.key,
        quote: leadIn.trim(),
        message: {
          nl: `Basissectie “${target.title.nl}” eindigt met “${leadIn.trim()}”, maar de lijst die daarop volgt, blijft leeg. Vul de lijst aan (bijvoorbeeld de rechtsgrond bij de gevonden doelen) of vraag de privacyfunctionaris de basistekst aan te passen.`,
          en: `Baseline section “${target.title.nl}” ends with “${leadIn.trim()}”, but the list it announces stays empty. Complete the list (for example the legal basis of the purposes found) or ask the privacy lead to change the baseline text.`,
        },
      },
    ];
  });
}

export function applyImportProposal(
  draft: TenantContent,
  proposal: Parameters<typeof planImport>[1],
  choices: ImportChoices = {},
): TenantContent {
  return planImport(draft, proposal, choices).content;
}

/** The profile with the accepted suggestions, and nothing else, changed. */
export function acceptSuggestions(
  profile: Profile,
  suggestions: readonly ProfileSuggestion[],
  accepted: readonly ProfileField[],
): Profile {
  const next: Profile = { ...profile, address: { ...profile.address } };
  for (const suggestion of suggestions) {
    if (!accepted.includes(suggestion.field)) continue;
    switch (suggestion.field) {
      case "address":
        next.address = { ...suggestion.value };
        break;
      case "dpo":
        next.dpo = { ...suggestion.value };
        break;
      default:
        next[suggestion.field] = suggestion.value;
    }
  }
  return next;
}
