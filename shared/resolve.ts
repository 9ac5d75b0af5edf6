// Turns a baseline plus one tenant's content into the statement for one language. Anything the
// tenant got wrong becomes a problem and falls back to the baseline, so a statement can always
// be rendered and the editor sees exactly what to fix.
import type {
  Baseline,
  BaselineSection,
  Language,
  LocalizedLine,
  LocalizedMarkdown,
  OwnSection,
} from "./model.ts";
import type { SectionOverride } from "./model.ts";
import type { Block, Problem, ResolvedSection, ResolvedStatement, TenantContext } from "./statement.ts";
import { normalizeLine, renderAuthorText, type PlaceholderFill } from "./markdown.ts";
import { fillPlainText, lookupPlaceholder, type PlaceholderSource } from "./placeholders.ts";
import { applyConditions, deriveConditionFacts, type ConditionFacts } from "./conditions.ts";
import { renderStructuredList } from "./lists.ts";
import { validateOverrides } from "./overrides.ts";

export { validateOverrides, type OverrideViolation } from "./overrides.ts";

interface SectionScope {
  /** Text for the statement's language, reporting a fallback to Dutch. */
  pick: (value: LocalizedLine | LocalizedMarkdown, field: string) => string;
  fill: PlaceholderFill;
  title: (value: LocalizedLine, field: string) => string;
  body: (value: LocalizedMarkdown, field: string) => Block[];
}

export function resolveStatement(
  baseline: Baseline,
  tenant: TenantContext,
  language: Language,
): ResolvedStatement {
  const problems = createProblemLog();
  const source: PlaceholderSource = { ...tenant, jointControllership: baseline.jointControllership };
  const facts = deriveConditionFacts(baseline, tenant.content);
  const scope = (section?: string): SectionScope =>
    createScope(source, facts, language, problems.add, section);

  const violations = validateOverrides(baseline, tenant.content);
  for (const v of violations) problems.add({ code: v.code, section: v.section, message: v.message });
  const refused = new Set(
    violations
      .filter((v) => v.code === "override_not_allowed" || v.code === "override_incomplete")
      .map((v) => v.section),
  );
  const title = scope().title(baseline.title, "title");

  const baselineKeys = new Set(baseline.sections.map((s) => s.key));
  const placed = new Map<string, OwnSection[]>();
  const atEnd: OwnSection[] = [];
  const ownKeys = new Set<string>();
  for (const own of tenant.content.ownSections) {
    if (baselineKeys.has(own.key) || ownKeys.has(own.key)) continue;
    ownKeys.add(own.key);
    if (baselineKeys.has(own.after)) placed.set(own.after, [...(placed.get(own.after) ?? []), own]);
    else atEnd.push(own);
  }

  const sections: ResolvedSection[] = [];
  for (const section of baseline.sections) {
    const override = Object.hasOwn(tenant.content.overrides, section.key)
      ? tenant.content.overrides[section.key]
      : undefined;
    const effective = override === undefined || refused.has(section.key) ? undefined : override;
    const resolved = resolveBaselineSection(section, effective, tenant, language, scope(section.key));
    if (resolved !== null) sections.push(resolved);
    for (const own of placed.get(section.key) ?? []) sections.push(resolveOwnSection(own, scope(own.key)));
  }
  for (const own of atEnd) sections.push(resolveOwnSection(own, scope(own.key)));

  return {
    language,
    title,
    group: { slug: tenant.group.slug, name: tenant.group.name },
    tenant: { slug: tenant.slug, name: tenant.content.profile.tradeName },
    sections,
    problems: problems.list,
  };
}

function resolveBaselineSection(
  section: BaselineSection,
  override: SectionOverride | undefined,
  tenant: TenantContext,
  language: Language,
  scope: SectionScope,
): ResolvedSection | null {
  const mode = override?.mode ?? "inherit";
  if (mode === "omit") return null;
  const title =
    mode === "replace" && override?.title !== undefined
      ? scope.title(override.title, "override.title")
      : scope.title(section.title, "title");
  // The section's own text leads into its list, so appended text follows both: a baseline
  // ending in "… worden verzameld:" keeps its list directly under it.
  const text =
    mode === "replace" && override?.body !== undefined
      ? scope.body(override.body, "override.body")
      : scope.body(section.body, "body");
  const list =
    section.list === undefined
      ? []
      : renderStructuredList(section.list, tenant.content.lists, language, scope.pick);
  const appended =
    mode === "append" && override?.body !== undefined ? scope.body(override.body, "override.body") : [];
  const blocks: Block[] = [...text, ...list, ...appended];
  return { key: section.key, title, mode, blocks };
}

function resolveOwnSection(own: OwnSection, scope: SectionScope): ResolvedSection {
  return {
    key: own.key,
    title: scope.title(own.title, "title"),
    mode: "own",
    blocks: scope.body(own.body, "body"),
  };
}

function createScope(
  tenant: PlaceholderSource,
  facts: ConditionFacts,
  language: Language,
  report: (problem: Problem) => void,
  section: string | undefined,
): SectionScope {
  const where = section === undefined ? {} : { section };
  const at = section === undefined ? "" : ` in section "${section}"`;
  const pick = (value: LocalizedLine | LocalizedMarkdown, field: string): string => {
    if (language === "nl") return value.nl;
    const translated = value[language];
    if (translated !== undefined && translated.trim() !== "") return translated;
    if (value.nl.trim() !== "") {
      report({
        code: "missing_translation",
        ...where,
        field,
        message: `No ${language} text for "${field}"${at}; the Dutch text is used.`,
      });
    }
    return value.nl;
  };
  const fill: PlaceholderFill = (name) => {
    const found = lookupPlaceholder(name, tenant, language);
    if (found.status === "value") return found.value;
    report(
      found.status === "missing"
        ? {
            code: "missing_value",
            ...where,
            field: name,
            message: `Placeholder {{${name}}}${at} has no value.`,
          }
        : {
            code: "unknown_placeholder",
            ...where,
            field: name,
            message: `Unknown placeholder {{${name}}}${at}.`,
          },
    );
    return null;
  };
  return {
    pick,
    fill,
    title: (value, field) => normalizeLine(fillPlainText(normalizeLine(pick(value, field)), fill, language)),
    body: (value, field) => {
      // Conditions first: they decide which text exists; placeholders then fill what is left.
      const conditioned = applyConditions(pick(value, field), facts);
      for (const issue of conditioned.issues) {
        report({
          code: issue.code,
          ...where,
          field: issue.name ?? field,
          message: `${issue.message.replace(/\.$/, "")}${at}.`,
        });
      }
      return renderAuthorText(conditioned.text, fill);
    },
  };
}

function createProblemLog(): { add: (problem: Problem) => void; list: Problem[] } {
  const list: Problem[] = [];
  const seen = new Set<string>();
  return {
    list,
    add: (problem) => {
      // The same gap repeated in one section is one thing to fix, so report it once.
      const id = JSON.stringify([problem.code, problem.section, problem.field, problem.message]);
      if (seen.has(id)) return;
      seen.add(id);
      list.push(problem);
    },
  };
}
