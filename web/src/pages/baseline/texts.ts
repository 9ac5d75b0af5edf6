// Words for the privacy lead's pages: policies, lists, safeguards, engine problems and the model's
// field messages, in Dutch and English. Pure data and small functions; no components.
import type { ListKey, Policy } from "#shared/model.ts";
import type { Problem } from "#shared/statement.ts";
import { translateIssue } from "../../messages.ts";

type Words = { nl: string; en: string };

export const POLICY_WORDS: Record<Policy, { label: Words; explanation: Words }> = {
  locked: {
    label: { nl: "Vast", en: "Locked" },
    explanation: {
      nl: "Bedrijven kunnen deze tekst niet wijzigen.",
      en: "Companies cannot change this text.",
    },
  },
  extendable: {
    label: { nl: "Aan te vullen", en: "Extendable" },
    explanation: {
      nl: "Bedrijven mogen tekst toevoegen na de tekst van de groep.",
      en: "Companies may add text after the group's text.",
    },
  },
  replaceable: {
    label: { nl: "Vervangbaar", en: "Replaceable" },
    explanation: {
      nl: "Bedrijven mogen de tekst vervangen (of aanvullen).",
      en: "Companies may replace the text (or add to it).",
    },
  },
  optional: {
    label: { nl: "Optioneel", en: "Optional" },
    explanation: {
      nl: "Bedrijven mogen dit onderdeel weglaten.",
      en: "Companies may leave this section out.",
    },
  },
};

export const LIST_WORDS: Record<ListKey | "none", Words> = {
  none: { nl: "Geen lijst", en: "No list" },
  data_categories: { nl: "Gegevenscategorieën", en: "Data categories" },
  purposes: { nl: "Doelen en grondslagen", en: "Purposes and legal bases" },
  retention: { nl: "Bewaartermijnen", en: "Retention periods" },
  recipients: { nl: "Ontvangers en verwerkers", en: "Recipients and processors" },
  cookies: { nl: "Cookies", en: "Cookies" },
};

export const LANGUAGE_WORDS: Record<"nl" | "en", Words> = {
  nl: { nl: "Nederlands", en: "Dutch" },
  en: { nl: "Engels", en: "English" },
};

/** One engine problem in words a privacy lead understands, with the section it is in. */
export function describeProblem(problem: Problem, company: string, language: "nl" | "en"): string {
  const nl = language === "nl";
  const where = problem.section
    ? nl
      ? ` (sectie "${problem.section}")`
      : ` (section "${problem.section}")`
    : "";
  const field = problem.field ?? "";
  switch (problem.code) {
    case "missing_value":
      return nl
        ? `{{${field}}} heeft bij ${company} geen waarde${where}; zo kan ${company} niet publiceren.`
        : `{{${field}}} has no value for ${company}${where}; ${company} cannot publish like this.`;
    case "unknown_placeholder":
      return nl
        ? `{{${field}}} is geen bekend gegeven${where}. Kies een gegeven uit de lijst.`
        : `{{${field}}} is not a known placeholder${where}. Pick one from the list.`;
    case "missing_translation":
      return nl
        ? `Er is geen Engelse tekst${where}; de Nederlandse tekst wordt gebruikt.`
        : `There is no English text${where}; the Dutch text is used.`;
    case "override_not_allowed":
    case "override_incomplete":
      return nl
        ? `${company} heeft deze sectie aangepast op een manier die het beleid niet meer toestaat${where}; de tekst van de groep wordt gebruikt.`
        : `${company} changed this section in a way the policy no longer allows${where}; the group's text is used.`;
    case "unknown_section":
    case "duplicate_section":
    default:
      return problem.message;
  }
}

const MODEL_ISSUES: [RegExp, Words][] = [
  [/^must not be empty$/, { nl: "Dit veld is verplicht.", en: "This field is required." }],
  [
    /^must start with a letter and contain only a-z, 0-9 and _/,
    {
      nl: "Begin met een kleine letter en gebruik alleen a-z, 0-9 en _ (hoogstens 64 tekens).",
      en: "Start with a lower-case letter and use only a-z, 0-9 and _ (at most 64 characters).",
    },
  ],
  [
    /^section keys must be unique$/,
    { nl: "Elke sectie heeft een eigen sleutel nodig.", en: "Every section needs a key of its own." },
  ],
  [
    /^must be lower-case letters, digits and dashes/,
    {
      nl: "Gebruik kleine letters, cijfers en streepjes (1 tot 64 tekens).",
      en: "Use lower-case letters, digits and dashes (1 to 64 characters).",
    },
  ],
  [
    /^must be an ISO 3166-1 alpha-2 code/,
    {
      nl: "Kies een land (tweeletterige landcode, zoals NL).",
      en: "Choose a country (two-letter code such as NL).",
    },
  ],
  [
    /^must be eea for a country inside the EEA/,
    {
      nl: "Binnen de EER is de waarborg altijd ‘EER’; daarbuiten kies je een van de andere.",
      en: "Inside the EEA the safeguard is always ‘EEA’; outside it, choose one of the others.",
    },
  ],
  [/^Invalid (key|type)/, { nl: "Maak een keuze.", en: "Make a choice." }],
];

/** A field message from the model or the API, in the console's language. */
export function describeIssue(message: string, language: "nl" | "en"): string {
  for (const [pattern, words] of MODEL_ISSUES) if (pattern.test(message)) return words[language];
  return language === "nl" ? translateIssue(message) : message;
}
