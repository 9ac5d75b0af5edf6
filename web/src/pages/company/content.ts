// Pure helpers for editing a company's content: stable comparison, validation into messages per
// field, field ids, and the blank rows the list editors add.
import * as v from "valibot";
import {
  type Baseline,
  type Cookie,
  type DataCategory,
  type LocalizedLine,
  type Purpose,
  type Recipient,
  type RetentionRule,
  type TenantContent,
  TenantContentSchema,
} from "#shared/model.ts";
import { validateOverrides } from "#shared/engine.ts";
import { describeIssue, describeViolation } from "./labels.ts";

/** JSON with object keys sorted, so equal content compares equal whatever order keys were set in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, val: unknown) =>
    val && typeof val === "object" && !Array.isArray(val)
      ? Object.fromEntries(
          Object.entries(val as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : val,
  );
}

export const cloneContent = (content: TenantContent): TenantContent =>
  JSON.parse(JSON.stringify(content)) as TenantContent;

/** The element id of the input for a content path ("profile.phone" → "f-profile-phone"). */
export const fieldId = (path: string): string => `f-${path.replaceAll(".", "-")}`;

/**
 * The part of the content an edit belongs to. Messages show once their part was edited (or a
 * save was tried), so a new empty row does not open with a wall of "required".
 */
export function scopeOf(path: string): string {
  const parts = path.split(".");
  if (parts[0] === "lists") return parts.slice(0, 3).join(".");
  if (parts[0] === "overrides" || parts[0] === "ownSections") return parts.slice(0, 2).join(".");
  return path;
}

export type FieldMessages = Record<string, string>;

/** Every schema issue and override violation, by content path, in the reader's language. */
export function validateContent(
  content: TenantContent,
  baseline: Baseline | null,
  sectionTitle: (key: string) => string,
): FieldMessages {
  const messages: FieldMessages = {};
  const parsed = v.safeParse(TenantContentSchema, content);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const path = v.getDotPath(issue) ?? "";
      messages[path] ??= describeIssue(issue.message);
    }
  }
  if (baseline) {
    for (const violation of validateOverrides(baseline, content)) {
      const described = describeViolation(violation, sectionTitle);
      if (described.field) messages[described.field] ??= described.message;
    }
  }
  return messages;
}

/** Sets `en` only when it has text, and drops an optional line that is empty in both languages. */
export function normalizeLine(next: LocalizedLine, optional: boolean): LocalizedLine | undefined {
  const line: LocalizedLine = { nl: next.nl };
  if (next.en !== undefined && next.en !== "") line.en = next.en;
  if (optional && line.nl === "" && line.en === undefined) return undefined;
  return line;
}

export const blankRow = {
  data_categories: (): DataCategory => ({ name: { nl: "" }, special: false }),
  purposes: (): Purpose => ({ name: { nl: "" }, legalBasis: "contract" }),
  retention: (): RetentionRule => ({ subject: { nl: "" } }),
  recipients: (): Recipient => ({ name: "", role: "processor", country: "NL", safeguard: "eea" }),
  cookies: (): Cookie => ({ name: "", provider: "", category: "functional", purpose: { nl: "" } }),
};

/** A key for a new own section that no baseline or own section uses yet. */
export function newOwnSectionKey(content: TenantContent, baseline: Baseline | null): string {
  const taken = new Set([
    ...content.ownSections.map((s) => s.key),
    ...(baseline?.sections.map((s) => s.key) ?? []),
  ]);
  let n = content.ownSections.length + 1;
  while (taken.has(`eigen_${n}`)) n++;
  return `eigen_${n}`;
}
