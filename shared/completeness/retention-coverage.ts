// Which data categories have a retention period or criterion (Art. 13(2)(a); WP260: per category
// or purpose). A rule covers a category when it names it in `categories`, when its subject names
// it (word stems, so "IP-adressen" covers "IP-adres"), or when it is a catch-all ("overige
// gegevens"). A rule that only states a minimum ("minimaal 7 jaar") tells no one when the data
// goes, so a category covered only by such rules is reported as well.
import type { DataCategory, RetentionRule, StructuredLists } from "../model.ts";
import { normalizeForMatch } from "./cues.ts";
import { atWordStart } from "./word-start.ts";

export interface RetentionCoverage {
  /** Categories no rule covers. */
  uncovered: DataCategory[];
  /** Categories whose only rules state a minimum. */
  onlyMinimum: DataCategory[];
  /** Rules that state only a minimum. */
  minimumRules: RetentionRule[];
}

const GENERIC = new Set(
  "gegevens persoonsgegevens data personal details informatie information overige andere other your onze andere alle all".split(
    " ",
  ),
);
const CATCH_ALL =
  /^(?:alle )?(?:overige|andere|resterende) (?:persoons)?gegevens|^alle (?:persoons)?gegevens$|^(?:all )?other (?:personal )?(?:data|information)|^all (?:personal )?data$/;
const MINIMUM = atWordStart(
  /(?:minimaal|ten minste|tenminste|minstens|at least|a minimum of|minimum of|for a minimum)(?![\p{L}])/u,
);
const MAXIMUM = atWordStart(
  /(?:maximaal|ten hoogste|hoogstens|uiterlijk|niet langer dan|at most|no longer than|maximum|up to)(?![\p{L}])/u,
);

/** The significant word stems of a name: words of four letters or more, generic ones left out. */
function stems(text: string): string[] {
  return normalizeForMatch(text)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((word) => word.length >= 4 && !GENERIC.has(word))
    .map((word) => word.slice(0, 5));
}

// Rules and categories are each read once, not once for every pair of them.
interface ReadRule {
  categories: string[];
  subject: string;
  subjectStems: Set<string>;
  onlyMinimum: boolean;
}

function readRule(rule: RetentionRule): ReadRule {
  const subject = normalizeForMatch(rule.subject.nl);
  return {
    categories: (rule.categories ?? []).map(normalizeForMatch),
    subject,
    subjectStems: new Set(stems(subject)),
    onlyMinimum: statesOnlyMinimum(rule),
  };
}

function covers(rule: ReadRule, name: string, nameStems: string[]): boolean {
  if (rule.categories.includes(name)) return true;
  if (CATCH_ALL.test(rule.subject)) return true;
  if (rule.subject.includes(name) || name.includes(rule.subject)) return true;
  return nameStems.some((stem) => rule.subjectStems.has(stem));
}

/** Whether the rule's words give only a lower bound for how long data is kept. */
export function statesOnlyMinimum(rule: RetentionRule): boolean {
  const text = normalizeForMatch(
    [rule.subject, rule.criterion, rule.description].flatMap((line) => [line?.nl, line?.en]).join(" "),
  );
  return MINIMUM.test(text) && !MAXIMUM.test(text);
}

export function assessRetentionCoverage(
  lists: Pick<StructuredLists, "data_categories" | "retention">,
): RetentionCoverage {
  const rules = lists.retention.map(readRule);
  const minimumRules = lists.retention.filter((_, i) => rules[i]!.onlyMinimum);
  const uncovered: DataCategory[] = [];
  const onlyMinimum: DataCategory[] = [];
  for (const category of lists.data_categories) {
    const name = normalizeForMatch(category.name.nl);
    const nameStems = stems(name);
    const covering = rules.filter((rule) => covers(rule, name, nameStems));
    if (covering.length === 0) uncovered.push(category);
    else if (covering.every((rule) => rule.onlyMinimum)) onlyMinimum.push(category);
  }
  return { uncovered, onlyMinimum, minimumRules };
}
