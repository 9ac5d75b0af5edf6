// What every lint rule gets: the statement read for quoting, the company's details when there
// are any (a text checked as written has none), and the facts derived from them.
import type { ConditionFacts } from "../conditions.ts";
import type { RetentionCoverage } from "../completeness/retention-coverage.ts";
import type { Language, TenantContent } from "../model.ts";
import type { ResolvedStatement } from "../statement.ts";
import type { LintSection, LintSentence } from "./read.ts";
import { atWordStart } from "../completeness/word-start.ts";
import { LINT_RULES, type Bilingual, type LintFinding, type LintRuleId } from "./rules.ts";

export interface LintContext {
  /**
   * Reserved example domains (.example, .test, .invalid, example.com) are allowed only in the
   * demo group, whose fictional companies use them on purpose.
   */
  allowReservedDomains: boolean;
  /** The same statement in Dutch, to compare an English statement with. */
  dutch?: ResolvedStatement | undefined;
  /** The baseline declares the group's companies joint controllers (Art. 26). */
  jointControllers?: boolean | undefined;
}

export interface LintInput {
  statement: ResolvedStatement;
  language: Language;
  sections: LintSection[];
  sentences: LintSentence[];
  /** The Dutch statement (context.dutch) as read for lint, for an English one; else empty. */
  dutchSections: LintSection[];
  /** The company's structured details; null when a text is checked as written. */
  content: TenantContent | null;
  /** Facts from the details (null without details). */
  facts: ConditionFacts | null;
  /** Which data categories the retention rules cover (null without details). */
  retention: RetentionCoverage | null;
  context: LintContext;
}

export type LintCheck = (input: LintInput) => LintFinding[];

export function createFinding(
  input: Pick<LintInput, "language">,
  rule: LintRuleId,
  where: { section: string | null; quote: string },
  message: Bilingual,
  severity = LINT_RULES[rule].severity,
): LintFinding {
  const definition = LINT_RULES[rule];
  return {
    rule,
    severity,
    article: definition.article,
    quote: where.quote,
    section: where.section,
    language: input.language,
    message,
    fix: definition.fix,
  };
}

/** A sentence as the place and quote of a finding. */
export const at = (sentence: LintSentence): { section: string; quote: string } => ({
  section: sentence.section,
  quote: sentence.text,
});

// Negation words in Dutch and English, as whole words.
export const NEGATION = atWordStart(/(?:geen|niet|nooit|no|not|never|none)(?![\p{L}])/iu);
