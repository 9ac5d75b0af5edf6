// The AVG completeness check and the legal lint as the API applies them: on a company's draft or
// a published version, on a text checked as written, and as the gate before publishing.
import { writeGateStop } from "#shared/gate-reason.ts";
import { checkCompleteness, type CompletenessReport } from "#shared/completeness/check.ts";
import { findChecklistItem, type ItemId } from "#shared/completeness/checklist.ts";
import { resolveStatement } from "#shared/engine.ts";
import {
  allowsReservedDomains,
  countLintErrors,
  lintPublication,
  lintStatement,
  lintStatements,
  LINT_RULES,
  type LintFinding,
  type LintRuleId,
} from "#shared/lint/index.ts";
import type { Baseline, TenantContent } from "#shared/model.ts";
import { resolvePublication, type ResolvedPublication } from "#shared/publication.ts";
import { contentAsWritten, createImportedBaseline } from "#shared/import/check.ts";
import type { ImportFormatHint } from "#shared/import/detect.ts";
import { proposeImport } from "#shared/import/propose.ts";
import type { GroupRecord, TenantRecord } from "./db/groups.ts";
import { AppError } from "./errors.ts";

/** What the gate and the console read about a statement: completeness and legal lint. */
export interface StatementAssessment extends CompletenessReport {
  /** Lint findings in every language of the group, Dutch first. */
  lint: LintFinding[];
  /** How many of them are errors (which refuse an editor's publish). */
  lintErrors: number;
}

/**
 * Completeness in the group's default language (the statement every other language translates),
 * lint in every language (an English text is also compared with the Dutch one).
 */
export function assessContent(
  group: GroupRecord,
  tenant: TenantRecord,
  baseline: Baseline,
  content: TenantContent,
  /** The statements already resolved from this baseline and content (a rollout has them). */
  resolved: ResolvedPublication = resolvePublication(baseline, {
    group: group.group,
    slug: tenant.slug,
    content,
  }),
): StatementAssessment {
  const context = { group: group.group, slug: tenant.slug, content };
  const { statements } = resolved;
  const main =
    statements.find((s) => s.language === group.group.defaultLanguage) ??
    resolveStatement(baseline, context, group.group.defaultLanguage);
  const completeness = checkCompleteness(main, content, {
    jointControllership: baseline.jointControllership,
  });
  const lint = lintPublication(baseline, context, statements);
  return { ...completeness, lint, lintErrors: countLintErrors(lint) };
}

/**
 * A statement as written (text, Markdown or HTML, recognised whatever `format` says), read by the
 * importer against the group's baseline headings and judged on its own: its sections become a
 * baseline of their own, the lists and company details it states come from the text, and nothing
 * of a company's draft is mixed in (shared/import/check.ts, which the import review uses too).
 */
export function assessWrittenText(
  group: GroupRecord,
  baseline: Baseline,
  input: { text: string; format?: ImportFormatHint },
): StatementAssessment & { language: "nl" | "en"; sections: { key: string; title: string }[] } {
  const proposal = proposeImport(input, baseline, {
    group: group.group,
    company: { slug: "as-written", name: "" },
    draft: contentAsWritten({ found: [], suggestions: [] }),
  });
  const content = contentAsWritten(proposal);
  const statement = resolveStatement(
    createImportedBaseline(proposal),
    { group: group.group, slug: "as-written", content },
    proposal.language,
  );
  // The lists the importer found are part of the text; the profile it found is not checked as a fact.
  const completeness = checkCompleteness(statement, content);
  const lint = lintStatement(statement, null, {
    allowReservedDomains: allowsReservedDomains(group.group.slug),
  });
  return {
    ...completeness,
    lint,
    lintErrors: countLintErrors(lint),
    language: proposal.language,
    sections: statement.sections.map((s) => ({ key: s.key, title: s.title })),
  };
}

/**
 * The baseline's own text in every group language, before it is published: the rules that read
 * the text alone (consent by using the website, Privacy Shield, outdated names, "anoniem", "binnen
 * vier weken"…), on the text every company inherits. The rules that hold the text against a
 * company's details, and conditional text that only some companies get, are checked per company
 * when the rollout republishes it (worker/publishing/republish.ts) — with the same gate.
 */
export function lintBaselineText(group: GroupRecord, baseline: Baseline): LintFinding[] {
  const nobody = contentAsWritten({ found: [], suggestions: [] });
  const { statements } = resolvePublication(baseline, {
    group: group.group,
    slug: "baseline",
    content: nobody,
  });
  const context = {
    allowReservedDomains: allowsReservedDomains(group.group.slug),
    dutch: statements.find((s) => s.language === "nl"),
    jointControllers: baseline.jointControllership !== undefined,
  };
  return lintStatements(statements, null, context).flat();
}

/** What a privacy lead published over, kept with the reason in the audit log. */
export interface PublishOverride {
  reason: string;
  completeness: ItemId[];
  lint: LintRuleId[];
}

const describeFinding = (f: LintFinding): { field: string; message: string } => ({
  field: `lint.${f.rule}`,
  message: `${LINT_RULES[f.rule].title.en} in section "${f.section ?? "statement"}" (${f.language}): “${f.quote}”. ${f.fix.en}`,
});

/**
 * Refuses a publish that misses what the AVG requires (the "always" items, and the items the
 * company's own details make necessary) or has legal lint errors — unless a group admin gives a
 * written reason. Returns what was published over, with the reason, when that was needed.
 */
export function gatePublish(
  assessment: Pick<StatementAssessment, "blocking" | "lint">,
  caller: { isAdmin: boolean },
  overrideReason: string | undefined,
): PublishOverride | undefined {
  const errors = assessment.lint.filter((f) => f.severity === "error");
  if (assessment.blocking.length === 0 && errors.length === 0) return undefined;
  const issues = [
    ...assessment.blocking.map((id) => {
      const item = findChecklistItem(id);
      return { field: `completeness.${id}`, message: `${item.title.en} is missing. ${item.hint.en}` };
    }),
    ...errors.map(describeFinding),
  ];
  const incomplete = assessment.blocking.length > 0;
  const what = writeGateStop({
    missing: [...assessment.blocking],
    errors: errors.map((f) => ({ rule: f.rule, section: f.section })),
  });
  const code = incomplete ? "incomplete_statement" : "legal_lint_errors";
  if (!caller.isAdmin) {
    throw new AppError(422, code, `The statement ${what}; correct it before publishing.`, issues);
  }
  if (!overrideReason) {
    throw new AppError(
      422,
      code,
      `The statement ${what}. As privacy lead you may publish it anyway with a written reason (completenessOverride).`,
      issues,
    );
  }
  return {
    reason: overrideReason,
    completeness: assessment.blocking,
    lint: [...new Set(errors.map((f) => f.rule))],
  };
}
