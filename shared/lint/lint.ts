// The legal lint: deterministic rules that catch what a Dutch privacy lawyer would refuse to sign
// (rules.ts lists them with their article or ruling). The same code runs in the worker's publish
// gate and in the console beside the live preview.
//
//   lintStatement(statement, content, context)  one resolved statement (one language)
//   lintPublication(baseline, tenant, options)  a company's statement in every group language
import { DEMO_GROUP } from "../demo/group.ts";
import { deriveConditionFacts } from "../conditions.ts";
import type { Baseline, TenantContent } from "../model.ts";
import { resolvePublication } from "../publication.ts";
import type { Language } from "../model.ts";
import type { ResolvedStatement, TenantContext } from "../statement.ts";
import {
  checkConsentMainBasis,
  checkDirectMarketingObjection,
  checkEstablishments,
  checkLegitimateInterests,
  checkRetentionPerCategory,
  checkTransferDenial,
} from "./detail-rules.ts";
import { assessRetentionCoverage } from "../completeness/retention-coverage.ts";
import type { LintCheck, LintContext, LintInput } from "./input.ts";
import { readForLint, type LintSection } from "./read.ts";
import { LINT_RULE_IDS, type LintFinding } from "./rules.ts";
import {
  checkAnalyticsSharing,
  checkAnonymousClaims,
  checkComplianceDeadline,
  checkEnglishIsDutch,
  checkGroupWe,
  checkImpliedConsent,
  checkOutdatedNames,
  checkReservedDomains,
  checkRetentionMinimum,
  checkTransferMechanism,
} from "./text-rules.ts";

export type { LintContext } from "./input.ts";
export {
  LINT_RULES,
  LINT_RULE_IDS,
  LINT_SEVERITY_LABELS,
  type Bilingual,
  type LintFinding,
  type LintRule,
  type LintRuleId,
  type LintSeverity,
} from "./rules.ts";

const CHECKS: readonly LintCheck[] = [
  checkImpliedConsent,
  checkTransferMechanism,
  checkOutdatedNames,
  checkAnonymousClaims,
  checkAnalyticsSharing,
  checkConsentMainBasis,
  checkTransferDenial,
  checkRetentionPerCategory,
  checkRetentionMinimum,
  checkLegitimateInterests,
  checkDirectMarketingObjection,
  checkComplianceDeadline,
  checkEstablishments,
  checkGroupWe,
  checkReservedDomains,
  checkEnglishIsDutch,
];

/**
 * Lint findings for one resolved statement, in the order of the rules, then of the text. Pass the
 * company's content to hold the text against its details, or null for a text checked as written.
 */
export function lintStatement(
  statement: ResolvedStatement,
  content: TenantContent | null,
  context: LintContext,
): LintFinding[] {
  return lintStatements([statement], content, context)[0] ?? [];
}

/**
 * lintStatement for each statement, all against the same details and context: each statement,
 * the Dutch one (context.dutch) included, is read once (a rollout lints every company's).
 */
export function lintStatements(
  statements: readonly ResolvedStatement[],
  content: TenantContent | null,
  context: LintContext,
): LintFinding[][] {
  const read = new Map<ResolvedStatement, LintSection[]>();
  const readOnce = (statement: ResolvedStatement): LintSection[] => {
    let sections = read.get(statement);
    if (sections === undefined) {
      sections = readForLint(statement);
      read.set(statement, sections);
    }
    return sections;
  };
  const dutch = (language: Language): LintSection[] =>
    language === "en" && context.dutch !== undefined ? readOnce(context.dutch) : [];
  // What the details say is the same in every language: worked out once.
  const details: Pick<LintInput, "content" | "facts" | "retention"> = {
    content,
    facts:
      content === null
        ? null
        : { ...deriveConditionFacts({}, content), joint_controllers: context.jointControllers === true },
    retention: content === null ? null : assessRetentionCoverage(content.lists),
  };
  return statements.map((statement) => {
    const sections = readOnce(statement);
    return runChecks({
      statement,
      language: statement.language,
      sections,
      sentences: sections.flatMap((s) => s.sentences),
      dutchSections: dutch(statement.language),
      ...details,
      context,
    });
  });
}

function runChecks(input: LintInput): LintFinding[] {
  const findings = CHECKS.flatMap((check) => check(input));
  const order = (f: LintFinding): number => LINT_RULE_IDS.indexOf(f.rule);
  return findings.sort((a, b) => order(a) - order(b));
}

/** Whether a group may show reserved example domains: only the demo group, whose companies are fictional. */
export function allowsReservedDomains(groupSlug: string): boolean {
  return groupSlug === DEMO_GROUP.slug;
}

/**
 * The company's statement linted in every language of its group, Dutch first (an English text is
 * compared with it). Pass `statements` when they are already resolved from the same input.
 */
export function lintPublication(
  baseline: Baseline,
  tenant: TenantContext,
  statements: readonly ResolvedStatement[] = resolvePublication(baseline, tenant).statements,
): LintFinding[] {
  const dutch = statements.find((s) => s.language === "nl");
  const context: LintContext = {
    allowReservedDomains: allowsReservedDomains(tenant.group.slug),
    dutch,
    jointControllers: baseline.jointControllership !== undefined,
  };
  return lintStatements(statements, tenant.content, context).flat();
}

export function countLintErrors(findings: readonly LintFinding[]): number {
  return findings.filter((f) => f.severity === "error").length;
}
