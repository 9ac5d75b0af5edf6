// Merging two saves of the same draft. The draft is cut into units a person recognises (one
// profile field, one list, one section's override, the own sections); for every unit both
// people changed differently the editor picks a side, the rest merges by itself: whoever changed
// a unit wins, so changes to different units are all kept.
import { LISTS, type ListKey, type TenantContent } from "#shared/model.ts";
import { cloneContent, stableJson } from "./content.ts";

export type Side = "mine" | "theirs";

export interface MergeUnit {
  id: string;
  kind: "profile" | "list" | "override" | "own";
  /** Profile path, list key or section key. */
  key: string;
  mine: unknown;
  theirs: unknown;
  /** Who changed it since the draft was opened. */
  changedBy: "me" | "them" | "both";
  /** Preselected side; null when both changed it and the person must choose. */
  suggested: Side | null;
}

const PROFILE_PATHS = [
  "legalName",
  "tradeName",
  "kvkNumber",
  "address.street",
  "address.postalCode",
  "address.city",
  "address.country",
  "email",
  "phone",
  "website",
  "dpo",
] as const;

type Accessor = { get: (c: TenantContent) => unknown; set: (c: TenantContent, value: unknown) => void };

function profileAccessor(path: string): Accessor {
  const keys = path.split(".");
  return {
    get: (c) =>
      keys.reduce<unknown>(
        (obj, key) => (typeof obj === "object" && obj !== null ? Reflect.get(obj, key) : undefined),
        c.profile,
      ),
    set: (c, value) => {
      let obj: object = c.profile;
      for (const key of keys.slice(0, -1)) {
        const next: unknown = Reflect.get(obj, key);
        if (typeof next === "object" && next !== null) obj = next;
        else {
          const created = {};
          Reflect.set(obj, key, created);
          obj = created;
        }
      }
      const last = keys[keys.length - 1]!;
      if (value === undefined) Reflect.deleteProperty(obj, last);
      else Reflect.set(obj, last, value);
    },
  };
}

const listAccessor = (list: ListKey): Accessor => ({
  get: (c) => c.lists[list],
  set: (c, value) => {
    (c.lists as Record<ListKey, unknown>)[list] = value;
  },
});

const overrideAccessor = (key: string): Accessor => ({
  get: (c) => (Object.hasOwn(c.overrides, key) ? c.overrides[key] : undefined),
  set: (c, value) => {
    if (value === undefined) delete c.overrides[key];
    else c.overrides[key] = value as TenantContent["overrides"][string];
  },
});

const ownAccessor: Accessor = {
  get: (c) => c.ownSections,
  set: (c, value) => {
    c.ownSections = value as TenantContent["ownSections"];
  },
};

function allUnits(base: TenantContent, mine: TenantContent, theirs: TenantContent) {
  const overrideKeys = new Set([
    ...Object.keys(base.overrides),
    ...Object.keys(mine.overrides),
    ...Object.keys(theirs.overrides),
  ]);
  return [
    ...PROFILE_PATHS.map((path) => ({
      kind: "profile" as const,
      key: `profile.${path}`,
      at: profileAccessor(path),
    })),
    ...LISTS.map((list) => ({ kind: "list" as const, key: list, at: listAccessor(list) })),
    ...[...overrideKeys].map((key) => ({ kind: "override" as const, key, at: overrideAccessor(key) })),
    { kind: "own" as const, key: "ownSections", at: ownAccessor },
  ];
}

/** The units where my content and theirs differ, with the side each would merge to by itself. */
export function findDifferences(
  base: TenantContent,
  mine: TenantContent,
  theirs: TenantContent,
): MergeUnit[] {
  const units: MergeUnit[] = [];
  for (const unit of allUnits(base, mine, theirs)) {
    const [b, m, t] = [base, mine, theirs].map((c) => stableJson(unit.at.get(c)));
    if (m === t) continue;
    const changedBy = m === b ? "them" : t === b ? "me" : "both";
    units.push({
      id: `${unit.kind}-${unit.key}`,
      kind: unit.kind,
      key: unit.key,
      mine: unit.at.get(mine),
      theirs: unit.at.get(theirs),
      changedBy,
      suggested: changedBy === "them" ? "theirs" : changedBy === "me" ? "mine" : null,
    });
  }
  return units;
}

/** Their content with my side taken for every unit chosen "mine". */
export function applyChoices(
  base: TenantContent,
  mine: TenantContent,
  theirs: TenantContent,
  choices: Record<string, Side>,
): TenantContent {
  const merged = cloneContent(theirs);
  for (const unit of allUnits(base, mine, theirs)) {
    if (choices[`${unit.kind}-${unit.key}`] !== "mine") continue;
    const value = unit.at.get(mine);
    // The address object always exists; a missing dpo is a real "none".
    unit.at.set(merged, value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  }
  return merged;
}
