// The legal lint's public API, for the worker and the console alike (see lint.ts).
export {
  allowsReservedDomains,
  countLintErrors,
  lintPublication,
  lintStatement,
  lintStatements,
  LINT_RULES,
  LINT_RULE_IDS,
  LINT_SEVERITY_LABELS,
  type Bilingual,
  type LintContext,
  type LintFinding,
  type LintRule,
  type LintRuleId,
  type LintSeverity,
} from "./lint.ts";
