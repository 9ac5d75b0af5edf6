// The text as written beside the draft after the import. The completeness check (and the legal
// lint, when given) runs twice: on the source alone — its own sections, its own lists, its own
// company details, nothing of the company's draft mixed in — and on the draft as accepting would
// leave it. The review shows both, so a high score of the merged draft cannot hide what the
// source lacked, nor the other way round. It also counts what still needs an English text.
import { checkCompleteness, type CompletenessReport } from "../completeness/check.ts";
import { resolveStatement } from "../engine.ts";
import type { Baseline, Group, Language, Profile, StructuredLists, TenantContent } from "../model.ts";
import { acceptSuggestions } from "./apply.ts";
import type { ImportLintFinding, LintStatement } from "./lint-hook.ts";
import { writePieces } from "./pieces.ts";
import { localize, ownTitle } from "./place.ts";
import type { ImportProposal } from "./propose.ts";
import { takeFoundItems } from "./take-lists.ts";

export interface CheckSummary {
  score: number;
  missingAlways: CompletenessReport["missingAlways"];
  findings: CompletenessReport["findings"];
  lint: readonly ImportLintFinding[];
}

export interface ImportCheck {
  asWritten: CheckSummary;
  merged: CheckSummary;
  /** Sections of the merged draft without text in a language the group publishes in. */
  translation: { language: Language; sections: { key: string; title: string }[] }[];
}

// Values no statement contains, so the checker finds in the text only what the text itself says.
const NOT_IN_TEXT: Profile = {
  legalName: "(niet in de tekst)",
  tradeName: "(niet in de tekst)",
  kvkNumber: "00000000",
  address: {
    street: "(niet in de tekst)",
    postalCode: "(niet in de tekst)",
    city: "(niet in de tekst)",
    country: "NL",
  },
  email: "niet-in-de-tekst@example.invalid",
  phone: "+00 000000",
  website: "https://niet-in-de-tekst.example.invalid",
};

/**
 * The imported text as a baseline of its own: one section per imported section, under the key
 * it maps to. Resolving it shows (and lets the checker judge) the statement as it was written.
 */
export function createImportedBaseline(
  proposal: Pick<ImportProposal, "sections" | "targets" | "language" | "title">,
): Baseline {
  const used = new Set<string>();
  let own = 0;
  const sections = proposal.sections.flatMap((section) => {
    let key = section.key ?? `eigen_${++own}`;
    while (used.has(key)) key = `${key}_${++own}`;
    used.add(key);
    const target = proposal.targets.find((t) => t.key === section.key);
    const title =
      section.heading !== ""
        ? ownTitle(section.heading, proposal.language)
        : (target?.title.nl ?? ownTitle("", proposal.language));
    return [
      {
        key,
        title: localize(title, proposal.language),
        body: localize(writePieces(section.pieces), proposal.language),
        policy: "replaceable" as const,
      },
    ];
  });
  const title = proposal.title ?? (proposal.language === "nl" ? "Privacyverklaring" : "Privacy statement");
  return {
    title: localize(title, proposal.language),
    sections:
      sections.length > 0
        ? sections
        : [
            {
              key: "introduction",
              title: localize(ownTitle("", proposal.language), proposal.language),
              body: { nl: "" },
              policy: "replaceable",
            },
          ],
  };
}

/** The source alone: its sections, the lists found complete in it, the company details it gives. */
export function contentAsWritten(proposal: Pick<ImportProposal, "found" | "suggestions">): TenantContent {
  const empty: StructuredLists = {
    data_categories: [],
    purposes: [],
    retention: [],
    recipients: [],
    cookies: [],
  };
  const { lists } = takeFoundItems(proposal.found, {}, empty, []);
  const profile = acceptSuggestions(
    NOT_IN_TEXT,
    proposal.suggestions,
    proposal.suggestions.map((s) => s.field),
  );
  return { profile, lists, overrides: {}, ownSections: [] };
}

export function checkImport(
  proposal: ImportProposal,
  merged: TenantContent,
  context: { baseline: Baseline; group: Group; slug: string; lint?: LintStatement },
): ImportCheck {
  const language = context.group.defaultLanguage;
  const sourceContent = contentAsWritten(proposal);
  const source = resolveStatement(
    createImportedBaseline(proposal),
    { group: context.group, slug: context.slug, content: sourceContent },
    proposal.language,
  );
  const draft = resolveStatement(
    context.baseline,
    { group: context.group, slug: context.slug, content: merged },
    language,
  );
  const summarize = (report: CompletenessReport, lint: readonly ImportLintFinding[]): CheckSummary => ({
    score: report.score,
    missingAlways: report.missingAlways,
    findings: report.findings,
    lint,
  });
  const translation = context.group.languages
    .filter((l) => l !== language)
    .map((other) => {
      const resolved = resolveStatement(
        context.baseline,
        { group: context.group, slug: context.slug, content: merged },
        other,
      );
      const keys = new Set(
        resolved.problems
          .filter((p) => p.code === "missing_translation" && p.section !== undefined)
          .map((p) => p.section ?? ""),
      );
      return {
        language: other,
        sections: resolved.sections
          .filter((s) => keys.has(s.key))
          .map((s) => ({ key: s.key, title: s.title })),
      };
    });
  return {
    asWritten: summarize(checkCompleteness(source, sourceContent), context.lint?.(source, null) ?? []),
    merged: summarize(
      checkCompleteness(draft, merged, { jointControllership: context.baseline.jointControllership }),
      context.lint?.(draft, merged) ?? [],
    ),
    translation,
  };
}
