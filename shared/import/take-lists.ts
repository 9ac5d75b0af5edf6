// Which found list items go into the draft: complete ones (after the editor filled in a legal
// basis or a safeguard the text left out), valid under the model, not already in the draft's
// list, within the model's limit — by default beside the draft's own items. A recipient that is
// in the group's processor register refers to it, so the register keeps its details up to date.
import * as v from "valibot";
import {
  CookieSchema,
  DataCategorySchema,
  isEeaCountry,
  PurposeSchema,
  RecipientSchema,
  RetentionRuleSchema,
  type ListKey,
  type ProcessorEntry,
  type StructuredLists,
} from "../model.ts";
import type { ImportChoices } from "./choices.ts";
import type { Found } from "./found.ts";

const MAX_LIST = 200;

export interface TakenLists {
  lists: StructuredLists;
  /** Found items that went into the draft's list. */
  taken: Set<number>;
  /** Found items whose content the draft's list now has (taken, or there already). */
  listed: Set<number>;
  /** Why an item was not taken, per found index. */
  left: Map<number, "incomplete" | "invalid" | "skipped" | "kept" | "duplicate" | "full">;
}

/** The comparable names of a list item, in each language it has: what makes two items the same entry. */
export function identify(list: ListKey, item: unknown): string[] {
  const record = item as Record<string, unknown>;
  const clean = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  const texts = (value: unknown): string[] =>
    typeof value === "string"
      ? [clean(value)]
      : Object.values((value ?? {}) as Record<string, string>)
          .map(clean)
          .filter((t) => t !== "");
  switch (list) {
    case "data_categories":
    case "purposes":
      return texts(record.name);
    case "retention":
      return texts(record.subject);
    case "recipients":
      return texts(record.name).map((t) =>
        t.replace(/\s+(?:b v|n v|bv|nv|ltd|limited|inc|llc|gmbh|sarl|a s)$/, ""),
      );
    case "cookies":
      return texts(record.name);
  }
}

const same = (list: ListKey, a: unknown, b: unknown): boolean => {
  const mine = identify(list, a);
  return identify(list, b).some((name) => mine.includes(name));
};

/** The item as the model wants it, with the editor's choices filled in, or why it cannot be. */
export function completeItem(
  found: Found,
  choice: NonNullable<ImportChoices["items"]>[number] | undefined,
  register: readonly ProcessorEntry[],
): { ok: true; item: unknown } | { ok: false; reason: "incomplete" | "invalid" } {
  switch (found.list) {
    case "data_categories":
      return check(DataCategorySchema, found.item);
    case "retention":
      return check(RetentionRuleSchema, found.item);
    case "purposes": {
      const legalBasis = found.item.legalBasis ?? choice?.legalBasis;
      if (legalBasis === undefined) return { ok: false, reason: "incomplete" };
      return check(PurposeSchema, { ...found.item, legalBasis });
    }
    case "recipients": {
      const { country } = found.item;
      const entry = register.find((e) => same("recipients", e.recipient, found.item));
      if (entry !== undefined) return { ok: true, item: { ...entry.recipient, processor: entry.key } };
      if (country === undefined) return { ok: false, reason: "incomplete" };
      const safeguard = isEeaCountry(country) ? "eea" : (found.item.safeguard ?? choice?.safeguard);
      if (safeguard === undefined) return { ok: false, reason: "incomplete" };
      return check(RecipientSchema, { ...found.item, country, safeguard });
    }
    case "cookies": {
      const { session: _session, ...item } = found.item;
      if (item.purpose === undefined || found.missing.some((m) => m !== "purpose"))
        return { ok: false, reason: "incomplete" };
      return check(CookieSchema, item);
    }
  }
}

function check(
  schema: v.GenericSchema,
  item: unknown,
): { ok: true; item: unknown } | { ok: false; reason: "invalid" } {
  const parsed = v.safeParse(schema, item);
  return parsed.success ? { ok: true, item: parsed.output } : { ok: false, reason: "invalid" };
}

export function takeFoundItems(
  found: readonly Found[],
  choices: ImportChoices,
  draft: StructuredLists,
  register: readonly ProcessorEntry[] = [],
): TakenLists {
  const lists: StructuredLists = {
    data_categories: [...draft.data_categories],
    purposes: [...draft.purposes],
    retention: [...draft.retention],
    recipients: [...draft.recipients],
    cookies: [...draft.cookies],
  };
  const replaced = new Set<ListKey>();
  const taken = new Set<number>();
  const listed = new Set<number>();
  const left: TakenLists["left"] = new Map();
  found.forEach((entry, index) => {
    const mode = choices.lists?.[entry.list] ?? "add";
    if (mode === "keep") return void left.set(index, "kept");
    if (choices.items?.[index]?.skip === true) return void left.set(index, "skipped");
    const complete = completeItem(entry, choices.items?.[index], register);
    if (!complete.ok) return void left.set(index, complete.reason);
    if (mode === "replace" && !replaced.has(entry.list)) {
      replaced.add(entry.list);
      (lists[entry.list] as unknown[]).length = 0;
    }
    const list = lists[entry.list] as unknown[];
    const duplicate = list.some(
      (item) =>
        (same(entry.list, item, complete.item) ||
          (entry.list === "retention" && sameSubjectWord(item, complete.item))) &&
        sameRetention(entry.list, item, complete.item),
    );
    if (duplicate) {
      listed.add(index);
      return void left.set(index, "duplicate");
    }
    if (list.length >= MAX_LIST) return void left.set(index, "full");
    list.push(complete.item);
    taken.add(index);
    listed.add(index);
  });
  return { lists, taken, listed, left };
}

/** Two retention rules for one subject are the same entry only with the same period or criterion. */
function sameRetention(list: ListKey, a: unknown, b: unknown): boolean {
  if (list !== "retention") return true;
  return (
    JSON.stringify((a as { period?: unknown }).period) === JSON.stringify((b as { period?: unknown }).period)
  );
}

// Words that say nothing about what a retention rule is about.
const VAGUE = new Set(
  "de het een uw je jouw onze alle overige andere kunnen van in voor the a an your our all other of for gegevens persoonsgegevens data personal information".split(
    " ",
  ),
);
/**
 * "De statistieken zelf bewaren wij 14 maanden" beside the list's "Statistieken in Google
 * Analytics: 14 maanden": the same period for a subject with the same leading noun is the same rule.
 */
function sameSubjectWord(a: unknown, b: unknown): boolean {
  const lead = (item: unknown): string[] =>
    identify("retention", item).map(
      (name) => name.split(" ").find((word) => word.length > 2 && !VAGUE.has(word)) ?? "",
    );
  const mine = lead(a).filter((w) => w !== "");
  return lead(b).some((word) => word !== "" && mine.includes(word));
}
