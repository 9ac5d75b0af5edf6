// The AVG completeness check as the API applies it: on a company's draft or a published version,
// and as the gate before publishing.
import { checkCompleteness, type CompletenessReport } from "#shared/completeness/check.ts";
import { findChecklistItem } from "#shared/completeness/checklist.ts";
import { resolveStatement } from "#shared/engine.ts";
import type { Baseline, TenantContent } from "#shared/model.ts";
import type { GroupRecord, TenantRecord } from "./db/groups.ts";
import { AppError } from "./errors.ts";

/** The check in the group's default language: the statement every other language translates. */
export function assessContent(
  group: GroupRecord,
  tenant: TenantRecord,
  baseline: Baseline,
  content: TenantContent,
): CompletenessReport {
  const statement = resolveStatement(
    baseline,
    { group: group.group, slug: tenant.slug, content },
    group.group.defaultLanguage,
  );
  return checkCompleteness(statement, content);
}

/**
 * Refuses a publish that misses an item the AVG always requires — unless a group admin gives a
 * written reason. Returns the reason to keep with the version, if one was needed.
 */
export function gatePublish(
  report: CompletenessReport,
  caller: { isAdmin: boolean },
  overrideReason: string | undefined,
): string | undefined {
  if (report.missingAlways.length === 0) return undefined;
  const issues = report.missingAlways.map((id) => {
    const item = findChecklistItem(id);
    return { field: `completeness.${id}`, message: `${item.title.en} is missing. ${item.hint.en}` };
  });
  if (!caller.isAdmin) {
    throw new AppError(
      422,
      "incomplete_statement",
      `The statement misses what the AVG always requires (${report.missingAlways.join(", ")}); complete it before publishing.`,
      issues,
    );
  }
  if (!overrideReason) {
    throw new AppError(
      422,
      "incomplete_statement",
      `The statement misses what the AVG always requires (${report.missingAlways.join(", ")}). As privacy lead you may publish it anyway with a written reason (completenessOverride).`,
      issues,
    );
  }
  return overrideReason;
}
