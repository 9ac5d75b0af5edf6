// Helpers for the lint tests: a statement of a few sections written in one language, resolved
// and linted with or without a company's details.
import type { Baseline, Language, Purpose, TenantContent } from "../../model.ts";
import { resolveStatement } from "../../resolve.ts";
import type { ResolvedStatement } from "../../statement.ts";
import { createGroup } from "../../testing/fixtures.ts";
import { lintStatement, type LintContext, type LintFinding } from "../lint.ts";

export type Sections = [key: string, title: string, text: string][];

export function createDetails(change: (content: TenantContent) => void = () => {}): TenantContent {
  const content: TenantContent = {
    profile: {
      legalName: "Fietsenmakerij Trapper B.V.",
      tradeName: "Trapper",
      kvkNumber: "87654321",
      address: { street: "Kerkstraat 1", postalCode: "1234 AB", city: "Zwolle", country: "NL" },
      email: "privacy@trapper.nl",
      phone: "+31 38 111 22 33",
      website: "https://www.trapper.nl",
    },
    lists: { data_categories: [], purposes: [], retention: [], recipients: [], cookies: [] },
    overrides: {},
    ownSections: [],
  };
  change(content);
  return content;
}

export const purpose = (
  name: string,
  legalBasis: Purpose["legalBasis"],
  extra: Partial<Purpose> = {},
): Purpose => ({
  name: { nl: name, en: name },
  legalBasis,
  ...(legalBasis === "legitimate_interest" && extra.legitimateInterest === undefined
    ? { legitimateInterest: { nl: "een goede dienstverlening", en: "good service" } }
    : {}),
  ...extra,
});

export function resolveSections(
  language: Language,
  sections: Sections,
  content: TenantContent,
  baseline: Partial<Baseline> = {},
): ResolvedStatement {
  const text = (value: string) => (language === "nl" ? { nl: value } : { nl: value, en: value });
  return resolveStatement(
    {
      title: text(language === "nl" ? "Privacyverklaring" : "Privacy statement"),
      sections: sections.map(([key, title, body]) => ({
        key,
        title: text(title),
        body: text(body),
        policy: "locked",
      })),
      ...baseline,
    },
    { group: createGroup(), slug: "trapper", content },
    language,
  );
}

/** Lint a text of one or more sections; `details` are the company's, or null for a text as written. */
export function lintText(
  language: Language,
  sections: Sections | string,
  details: TenantContent | null = null,
  context: Partial<LintContext> = {},
): LintFinding[] {
  const list: Sections =
    typeof sections === "string" ? [["tekst", language === "nl" ? "Tekst" : "Text", sections]] : sections;
  const statement = resolveSections(language, list, details ?? createDetails());
  return lintStatement(statement, details, { allowReservedDomains: false, ...context });
}
