// Plain-language names for the model's codes, and Dutch (or English) wording for what the schemas,
// the engine and the API say in English. Functions, not constants: t() follows the language switch.
import type { LegalBasis, ListKey, OverrideMode, Period, Policy, TenantContent } from "#shared/model.ts";
import type { OverrideViolation } from "#shared/engine.ts";
import { PLACEHOLDERS } from "#shared/engine.ts";
import type { Problem } from "#shared/statement.ts";
import { NETWORK_ERROR, NETWORK_ERROR_EN, type ApiError } from "../../api.ts";
import { language, t } from "../../i18n.ts";
import { translateIssue } from "../../messages.ts";

export const legalBasisLabel = (basis: LegalBasis): string =>
  ({
    consent: t("Toestemming", "Consent"),
    contract: t("Uitvoering van een overeenkomst", "Performance of a contract"),
    legal_obligation: t("Wettelijke verplichting", "Legal obligation"),
    vital_interests: t("Bescherming van vitale belangen", "Vital interests"),
    public_task: t("Taak van algemeen belang", "Public task"),
    legitimate_interest: t("Gerechtvaardigd belang", "Legitimate interest"),
  })[basis];

export const safeguardLabel = (safeguard: string): string =>
  ({
    eea: t("Binnen de EER: geen doorgifte", "Inside the EEA: no transfer"),
    adequacy: t(
      "Land met passend beschermingsniveau (adequaatheidsbesluit)",
      "Country with an adequacy decision",
    ),
    scc: t("Standaardcontractbepalingen van de EU", "EU standard contractual clauses"),
    bcr: t("Bindende bedrijfsvoorschriften", "Binding corporate rules"),
    derogation: t(
      "Uitzondering voor een specifiek geval (art. 49 AVG)",
      "Specific derogation (Art. 49 GDPR)",
    ),
  })[safeguard] ?? safeguard;

export const recipientRoleLabel = (role: string): string =>
  ({
    processor: t("Verwerker", "Processor"),
    controller: t("Zelfstandig verwerkingsverantwoordelijke", "Independent controller"),
    joint_controller: t("Gezamenlijk verwerkingsverantwoordelijke", "Joint controller"),
    recipient: t("Andere ontvanger", "Other recipient"),
  })[role] ?? role;

export const cookieCategoryLabel = (category: string): string =>
  ({
    functional: t("Functioneel", "Functional"),
    analytic: t("Analytisch", "Analytics"),
    tracking: t("Tracking", "Tracking"),
  })[category] ?? category;

export const unitLabel = (unit: Period["unit"]): string =>
  ({ days: t("dagen", "days"), months: t("maanden", "months"), years: t("jaar", "years") })[unit];

export const policyLabel = (policy: Policy): string =>
  ({
    locked: t("Vergrendeld", "Locked"),
    extendable: t("Aanvullen toegestaan", "May be extended"),
    replaceable: t("Vervangen toegestaan", "May be replaced"),
    optional: t("Mag worden weggelaten", "May be left out"),
  })[policy];

export const policyHelp = (policy: Policy): string =>
  ({
    locked: t(
      "Vergrendeld: deze tekst geldt voor alle bedrijven en kan niet worden aangepast.",
      "Locked: this text applies to every company and cannot be changed.",
    ),
    extendable: t(
      "Je kunt de tekst van de groep houden of er eigen tekst achter zetten.",
      "You can keep the group's text or add your own text after it.",
    ),
    replaceable: t(
      "Je kunt de tekst van de groep houden, aanvullen of helemaal vervangen.",
      "You can keep, extend or replace the group's text.",
    ),
    optional: t(
      "Je kunt de tekst van de groep houden of dit onderdeel weglaten.",
      "You can keep the group's text or leave this section out.",
    ),
  })[policy];

export const modeLabel = (mode: OverrideMode): string =>
  ({
    inherit: t("Tekst van de groep gebruiken", "Use the group's text"),
    append: t("Eigen tekst toevoegen", "Add own text"),
    replace: t("Eigen tekst in plaats van die van de groep", "Own text instead of the group's"),
    omit: t("Weglaten", "Leave out"),
  })[mode];

export const listLabel = (list: ListKey): string =>
  ({
    data_categories: t("Gegevenscategorieën", "Data categories"),
    purposes: t("Doeleinden en rechtsgronden", "Purposes and legal bases"),
    retention: t("Bewaartermijnen", "Retention periods"),
    recipients: t("Ontvangers", "Recipients"),
    cookies: t("Cookies", "Cookies"),
  })[list];

/** Labels of the profile fields, by path inside the content. */
export const profileFieldLabel = (path: string): string =>
  ({
    "profile.legalName": t("Statutaire naam", "Legal name"),
    "profile.tradeName": t("Handelsnaam", "Trade name"),
    "profile.kvkNumber": t("KvK-nummer", "Chamber of Commerce number"),
    "profile.address.street": t("Straat en huisnummer", "Street and number"),
    "profile.address.postalCode": t("Postcode", "Postal code"),
    "profile.address.city": t("Plaats", "City"),
    "profile.address.country": t("Land (landcode)", "Country (code)"),
    "profile.email": t("E-mailadres voor privacyvragen", "Email address for privacy questions"),
    "profile.phone": t("Telefoonnummer", "Phone number"),
    "profile.website": t("Website", "Website"),
    "profile.dpo": t("Functionaris gegevensbescherming", "Data protection officer"),
    "profile.dpo.name": t("Naam functionaris gegevensbescherming", "Name of the data protection officer"),
    "profile.dpo.email": t(
      "E-mailadres functionaris gegevensbescherming",
      "Email address of the data protection officer",
    ),
  })[path] ?? path;

/** Where in the content each company placeholder gets its value. */
export const PLACEHOLDER_FIELDS: Record<string, string> = {
  "company.name": "profile.tradeName",
  "company.legalName": "profile.legalName",
  "company.kvk": "profile.kvkNumber",
  "company.address": "profile.address.street",
  "company.email": "profile.email",
  "company.phone": "profile.phone",
  "company.website": "profile.website",
  "company.dpo.name": "profile.dpo.name",
  "company.dpo.email": "profile.dpo.email",
};

const ISSUES: [RegExp, () => string][] = [
  [/^must not be empty$/, () => t("Dit veld is verplicht.", "This field is required.")],
  [/^must be eight digits$/, () => t("Een KvK-nummer bestaat uit acht cijfers.", "Use eight digits.")],
  [
    /^must be an ISO 3166-1 alpha-2 code/,
    () =>
      t("Gebruik een landcode van twee hoofdletters, zoals NL of US.", "Use a two-letter code such as NL."),
  ],
  [
    /^must be a phone number$/,
    () =>
      t(
        "Vul een telefoonnummer in, zoals +31 30 123 45 67.",
        "Enter a phone number such as +31 30 123 45 67.",
      ),
  ],
  [
    /^must be a URL$|^must start with http/,
    () => t("Vul een webadres in dat begint met https://.", "Enter a web address starting with https://."),
  ],
  [
    /^is required when the legal basis is legitimate_interest$/,
    () => t("Beschrijf het gerechtvaardigd belang.", "Describe the legitimate interest."),
  ],
  [
    /^a retention rule needs a period or a criterion$/,
    () => t("Vul een termijn of een criterium in.", "Enter a period or a criterion."),
  ],
  [
    /^must be eea for a country inside the EEA/,
    () =>
      t(
        "Kies ‘Binnen de EER’ voor een land in de EER, en voor een land daarbuiten een andere waarborg.",
        "Choose ‘Inside the EEA’ for a country in the EEA, and another safeguard for a country outside it.",
      ),
  ],
  [
    /^must be a whole number$|Expected number|^Invalid type.*number/,
    () => t("Vul een heel getal in.", "Enter a whole number."),
  ],
  [/^Invalid value: Expected >=1/, () => t("Vul 1 of meer in.", "Enter 1 or more.")],
  [/^Invalid value: Expected <=1200/, () => t("Vul hoogstens 1200 in.", "Enter at most 1200.")],
];

/** A schema message (English) for the person filling in the form. */
export function describeIssue(message: string): string {
  for (const [pattern, text] of ISSUES) if (pattern.test(message)) return text();
  const dutch = translateIssue(message);
  return language() === "en" ? message : dutch;
}

/** Messages for the API's error codes this area meets; anything else keeps ApiError's text. */
export function describeError(error: ApiError): string {
  switch (error.code) {
    case "network_error":
      return t(NETWORK_ERROR, NETWORK_ERROR_EN);
    case "stale_revision":
      return t(
        "Iemand anders heeft dit concept opgeslagen nadat jij het opende. Kies hieronder per verschil welke versie blijft.",
        "Someone else saved this draft after you opened it. Choose below which version to keep for each difference.",
      );
    case "nothing_changed":
      return t(
        "Er is niets veranderd sinds de laatste publicatie: deze verklaring is al precies zo gepubliceerd.",
        "Nothing changed since the last publication: this statement is already published exactly like this.",
      );
    case "statement_has_problems":
      return t(
        "De verklaring kan nog niet worden gepubliceerd: er ontbreken gegevens of teksten.",
        "The statement cannot be published yet: details or texts are missing.",
      );
    case "incomplete_statement":
      return t(
        "De verklaring mist nog wat de AVG vereist, en kan zo niet worden gepubliceerd.",
        "The statement still misses what the GDPR requires, and cannot be published like this.",
      );
    case "legal_lint_errors":
      return t(
        "De verklaring bevat juridische fouten (zie het tabblad Controle in de editor), en kan zo niet worden gepubliceerd.",
        "The statement has legal errors (see the Checks tab in the editor), and cannot be published like this.",
      );
    case "not_allowed_by_baseline":
      return t(
        "Een aanpassing past niet bij de regels van de basisverklaring.",
        "An override does not fit the baseline's rules.",
      );
    case "request_pending":
      return t(
        "Er wacht al een publicatieverzoek voor dit bedrijf op goedkeuring. Trek dat eerst in of wacht op de beslissing.",
        "A publish request for this company is already waiting for approval. Withdraw it first or wait for the decision.",
      );
    case "request_closed":
      return t("Over dit verzoek is intussen al beslist.", "This request has already been decided.");
    case "forbidden":
      return t(
        "Je hebt hier alleen leesrechten: vraag een redacteur van dit bedrijf om de wijziging.",
        "You have read access only: ask an editor of this company to make the change.",
      );
    case "baseline_not_found":
      return t(
        "De groep heeft nog geen basisverklaring gepubliceerd. Vraag de privacyfunctionaris van de groep om die eerst te publiceren.",
        "The group has not published a baseline yet. Ask the group's privacy lead to publish one first.",
      );
    case "version_not_found":
      return t("Deze versie bestaat niet.", "This version does not exist.");
    case "draft_not_found":
      return t("Dit bedrijf heeft nog geen concept.", "This company has no draft yet.");
    case "invalid_request":
      return t(
        "Niet alle velden zijn goed ingevuld. Kijk de gemarkeerde velden na.",
        "Not every field is filled in correctly. Check the marked fields.",
      );
    case "internal_error":
      return t(
        "Er ging aan onze kant iets mis. Probeer het later opnieuw.",
        "Something went wrong on our side. Try again later.",
      );
    default:
      return error.message;
  }
}

/** List rows report their field as "purposes[3].name" (or "[3].name"). */
const LIST_ROW_FIELD = /^(\w+)?\[(\d+)\]\.(\w+)$/;

/** A problem or violation in words, with the content path of the field to fix when there is one. */
export interface DescribedProblem {
  message: string;
  /** Dot path inside the content (as the editor's field ids use), or null. */
  field: string | null;
}

/** What the engine reported, in the reader's language, pointing at the field that fixes it. */
export function describeProblem(
  problem: Problem,
  content: TenantContent | null,
  sectionTitle: (key: string) => string,
  sectionList: (key: string) => ListKey | undefined,
): DescribedProblem {
  const where = problem.section ? ` (${t("onderdeel", "section")} “${sectionTitle(problem.section)}”)` : "";
  const ownIndex = content?.ownSections.findIndex((s) => s.key === problem.section) ?? -1;
  switch (problem.code) {
    case "missing_value": {
      const name = problem.field ?? "";
      const label = PLACEHOLDERS.find((p) => p.name === name)?.label[language()] ?? name;
      return {
        message: t(`${label} ontbreekt${where}.`, `${label} is missing${where}.`),
        field: PLACEHOLDER_FIELDS[name] ?? null,
      };
    }
    case "unknown_placeholder":
      return {
        message: t(
          `Onbekende plaatshouder {{${problem.field ?? ""}}}${where}.`,
          `Unknown placeholder {{${problem.field ?? ""}}}${where}.`,
        ),
        field: textFieldOf(problem, ownIndex, "nl"),
      };
    case "missing_translation": {
      const row = LIST_ROW_FIELD.exec(problem.field ?? "");
      const list =
        (row?.[1] as ListKey | undefined) ?? (problem.section ? sectionList(problem.section) : undefined);
      const inRow =
        row && list
          ? ` (${t("lijst", "list")} “${listLabel(list)}”, ${t("rij", "row")} ${Number(row[2]) + 1})`
          : where;
      return {
        message: t(
          `Engelse tekst ontbreekt${inRow}; nu staat er de Nederlandse tekst.`,
          `English text is missing${inRow}; the Dutch text is shown instead.`,
        ),
        field: translationField(problem, ownIndex, sectionList),
      };
    }
    default:
      return { message: problem.message, field: null };
  }
}

function textFieldOf(problem: Problem, ownIndex: number, lang: "nl" | "en"): string | null {
  if (ownIndex >= 0) return `ownSections.${ownIndex}.${problem.field === "title" ? "title" : "body"}.${lang}`;
  if (problem.section && problem.field?.startsWith("override."))
    return `overrides.${problem.section}.${problem.field.slice("override.".length)}.${lang}`;
  if (problem.section) return `overrides.${problem.section}`;
  return null;
}

function translationField(
  problem: Problem,
  ownIndex: number,
  sectionList: (key: string) => ListKey | undefined,
): string | null {
  const field = problem.field ?? "";
  const row = LIST_ROW_FIELD.exec(field);
  const list =
    (row?.[1] as ListKey | undefined) ?? (problem.section ? sectionList(problem.section) : undefined);
  if (row && list) return `lists.${list}.${row[2]}.${row[3]}.en`;
  if (ownIndex >= 0 || field.startsWith("override.")) return textFieldOf(problem, ownIndex, "en");
  return null;
}

/** An override violation in words. */
export function describeViolation(
  violation: OverrideViolation,
  sectionTitle: (key: string) => string,
): DescribedProblem {
  const title = sectionTitle(violation.section);
  switch (violation.code) {
    case "override_not_allowed":
      return {
        message: t(
          `“${title}”: de basisverklaring staat “${modeLabel(violation.mode ?? "inherit")}” hier niet toe.`,
          `“${title}”: the baseline does not allow “${modeLabel(violation.mode ?? "inherit")}” here.`,
        ),
        field: `overrides.${violation.section}`,
      };
    case "override_incomplete":
      return {
        message: t(
          `“${title}”: vul de Nederlandse tekst in, of kies weer voor de tekst van de groep.`,
          `“${title}”: enter the Dutch text, or go back to the group's text.`,
        ),
        field: `overrides.${violation.section}.body.nl`,
      };
    case "unknown_section":
      return {
        message: t(
          `“${title}” verwijst naar een onderdeel dat niet (meer) in de basisverklaring staat.`,
          `“${title}” refers to a section that is not (or no longer) in the baseline.`,
        ),
        field: `overrides.${violation.section}`,
      };
    case "duplicate_section":
      return {
        message: t(
          `Eigen onderdeel “${title}” heeft dezelfde sleutel als een ander onderdeel en wordt weggelaten.`,
          `Own section “${title}” has the same key as another section and is left out.`,
        ),
        field: null,
      };
  }
}

/** Dates as people read them, in the console's language. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language() === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
  }).format(date);
}
