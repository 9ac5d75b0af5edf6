// Where the legal lint (shared/lint, being built) plugs into the import review. The importer
// runs the lint the same way it runs the completeness check: once on the text as written and once
// on the draft after the import, and shows both. Any function of this shape will do; the worker
// passes none until the lint lands, and the review then simply shows no lint findings.
import type { Bilingual } from "../completeness/checklist.ts";
import type { Language, TenantContent } from "../model.ts";
import type { ResolvedStatement } from "../statement.ts";

/** One lint finding, as the review shows it (issue 15: rule, severity, article, quote, where, fix). */
export interface ImportLintFinding {
  rule: string;
  severity: "error" | "warning";
  message: Bilingual;
  /** The article or ruling the rule comes from. */
  article?: string;
  /** The exact words found. */
  quote?: string;
  /** Section key in the statement checked. */
  section?: string;
  language?: Language;
  fix?: Bilingual;
}

/** Lints a resolved statement with the structured details behind it. */
export type LintStatement = (
  statement: ResolvedStatement,
  content: TenantContent,
) => readonly ImportLintFinding[];
