// Where the legal lint (shared/lint) plugs into the import review. The importer runs it the same
// way it runs the completeness check: once on the text as written (no company details: content
// null) and once on the draft after the import, and shows both. The worker passes the real lint
// (worker/routes/import.ts); the shared code only knows this shape, so it does not depend on the
// lint's rules.
import type { LintFinding } from "../lint/index.ts";
import type { TenantContent } from "../model.ts";
import type { ResolvedStatement } from "../statement.ts";

export type ImportLintFinding = LintFinding;

/** Lints a resolved statement with the structured details behind it (null for a text as written). */
export type LintStatement = (
  statement: ResolvedStatement,
  content: TenantContent | null,
) => readonly ImportLintFinding[];
