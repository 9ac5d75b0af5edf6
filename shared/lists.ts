// Renders the tenant's structured lists as document blocks. Every value is plain text; the
// only markup is the bold lead-in the engine adds itself.
import {
  isEeaCountry,
  type Cookie,
  type Language,
  type ListKey,
  type LocalizedLine,
  type Period,
} from "./model.ts";
import type { DataCategory, Purpose, Recipient, RetentionRule, StructuredLists } from "./model.ts";
import type { Block, Inline } from "./statement.ts";
import { COUNTRY_NAMES } from "./countries.ts";
import { normalizeLine } from "./markdown.ts";

/** Picks the text for the statement's language; `field` names it for a missing-translation report. */
export type Localize = (value: LocalizedLine, field: string) => string;

type Words = Record<Language, string>;

const LEGAL_BASIS: Record<Purpose["legalBasis"], Words> = {
  consent: { nl: "toestemming", en: "consent" },
  contract: { nl: "uitvoering van een overeenkomst", en: "performance of a contract" },
  legal_obligation: { nl: "wettelijke verplichting", en: "legal obligation" },
  vital_interests: { nl: "vitaal belang", en: "vital interests" },
  public_task: { nl: "taak van algemeen belang", en: "public task" },
  legitimate_interest: { nl: "gerechtvaardigd belang", en: "legitimate interest" },
};
const ROLE: Record<Recipient["role"], Words> = {
  processor: { nl: "verwerker", en: "processor" },
  controller: { nl: "verwerkingsverantwoordelijke", en: "controller" },
  joint_controller: { nl: "gezamenlijk verwerkingsverantwoordelijke", en: "joint controller" },
  recipient: { nl: "ontvanger", en: "recipient" },
};
const SAFEGUARD: Record<Exclude<Recipient["safeguard"], "eea">, Words> = {
  adequacy: { nl: "adequaatheidsbesluit", en: "adequacy decision" },
  scc: { nl: "standaardcontractbepalingen", en: "standard contractual clauses" },
  bcr: { nl: "bindende bedrijfsvoorschriften", en: "binding corporate rules" },
  derogation: { nl: "uitzondering van art. 49 AVG", en: "Art. 49 GDPR derogation" },
};
// Art. 13(2)(e): whether providing the data is required, said per purpose.
const PROVISION: Record<NonNullable<Purpose["provision"]>["requirement"], Words> = {
  statutory: { nl: "Verstrekking is wettelijk verplicht", en: "Providing the data is required by law" },
  contractual: {
    nl: "Verstrekking is contractueel verplicht",
    en: "Providing the data is required by the contract",
  },
  contract_prerequisite: {
    nl: "Verstrekking is nodig om een overeenkomst te sluiten",
    en: "Providing the data is necessary to enter into a contract",
  },
  voluntary: {
    nl: "U bent niet verplicht deze gegevens te verstrekken",
    en: "You are not obliged to provide this data",
  },
};
const COOKIE_CATEGORY: Record<Cookie["category"], Words> = {
  functional: { nl: "functioneel", en: "functional" },
  analytic: { nl: "analytisch", en: "analytic" },
  tracking: { nl: "tracking", en: "tracking" },
};
const UNITS: Record<Period["unit"], Record<Language, [string, string]>> = {
  years: { nl: ["jaar", "jaar"], en: ["year", "years"] },
  months: { nl: ["maand", "maanden"], en: ["month", "months"] },
  days: { nl: ["dag", "dagen"], en: ["day", "days"] },
};
const PHRASES = {
  special: { nl: " (bijzonder persoonsgegeven)", en: " (special category)" },
  source: { nl: "Bron", en: "Source" },
  legalBasis: { nl: "Grondslag", en: "Legal basis" },
  interest: { nl: "belang", en: "interest" },
  directMarketing: { nl: " (direct marketing)", en: " (direct marketing)" },
  categories: { nl: "Gegevens", en: "Data" },
  transfer: { nl: "doorgifte op basis van", en: "transfer based on" },
  session: { nl: "sessie", en: "session" },
  cookieHead: {
    nl: ["Naam", "Aanbieder", "Soort", "Doel", "Bewaartermijn"],
    en: ["Name", "Provider", "Type", "Purpose", "Lifetime"],
  },
} as const;

export function renderStructuredList(
  key: ListKey,
  lists: StructuredLists,
  language: Language,
  localize: Localize,
): Block[] {
  const pick: Localize = (value, field) => normalizeLine(localize(value, `${key}${field}`));
  const items = (rows: Inline[][]): Block[] => (rows.length === 0 ? [] : [{ type: "list", items: rows }]);
  switch (key) {
    case "data_categories":
      return items(lists.data_categories.map((c, i) => describeDataCategory(c, language, pickAt(pick, i))));
    case "purposes":
      return items(lists.purposes.map((p, i) => describePurpose(p, language, pickAt(pick, i))));
    case "retention": {
      // Rules name categories by their Dutch name; looked up once per list, not per rule and name.
      const byName = lists.retention.some((r) => (r.categories?.length ?? 0) > 0)
        ? new Map(lists.data_categories.map((c) => [normalizeLine(c.name.nl), c] as const))
        : new Map<string, DataCategory>();
      return items(lists.retention.map((r, i) => describeRetention(r, byName, language, pickAt(pick, i))));
    }
    case "recipients":
      return items(lists.recipients.map((r, i) => describeRecipient(r, language, pickAt(pick, i))));
    case "cookies":
      if (lists.cookies.length === 0) return [];
      return [
        {
          type: "table",
          head: [...PHRASES.cookieHead[language]],
          rows: lists.cookies.map((c, i) => describeCookie(c, language, pickAt(pick, i)).map(cell)),
        },
      ];
  }
}

function pickAt(pick: Localize, index: number): Localize {
  return (value, field) => pick(value, `[${index}].${field}`);
}

function cell(value: string): Inline[] {
  return [{ type: "text", value }];
}

function lead(name: string, rest: string): Inline[] {
  const out: Inline[] = [{ type: "strong", children: [{ type: "text", value: name }] }];
  if (rest !== "") out.push({ type: "text", value: rest });
  return out;
}

function describeDataCategory(category: DataCategory, language: Language, pick: Localize): Inline[] {
  let rest = category.examples ? `: ${pick(category.examples, "examples")}` : "";
  if (category.special) rest += PHRASES.special[language];
  if (category.source) rest += ` — ${PHRASES.source[language]}: ${pick(category.source, "source")}`;
  return lead(pick(category.name, "name"), rest);
}

function describePurpose(purpose: Purpose, language: Language, pick: Localize): Inline[] {
  let rest = purpose.directMarketing === true ? PHRASES.directMarketing[language] : "";
  if (purpose.description) rest += `: ${pick(purpose.description, "description")}`;
  rest += ` — ${PHRASES.legalBasis[language]}: ${LEGAL_BASIS[purpose.legalBasis][language]}`;
  // The interest only means something next to the legitimate-interest basis (Art. 13(1)(d)).
  if (purpose.legalBasis === "legitimate_interest" && purpose.legitimateInterest) {
    rest += ` (${PHRASES.interest[language]}: ${pick(purpose.legitimateInterest, "legitimateInterest")})`;
  }
  if (purpose.provision) {
    const consequence = pick(purpose.provision.consequence, "provision.consequence").replace(/[.;\s]+$/, "");
    rest += `. ${PROVISION[purpose.provision.requirement][language]}; ${consequence}.`;
  }
  return lead(pick(purpose.name, "name"), rest);
}

export function formatPeriod(period: Period, language: Language): string {
  const [singular, plural] = UNITS[period.unit][language];
  return `${period.amount} ${period.amount === 1 ? singular : plural}`;
}

function describeRetention(
  rule: RetentionRule,
  categories: ReadonlyMap<string, DataCategory>,
  language: Language,
  pick: Localize,
): Inline[] {
  const parts: string[] = [];
  if (rule.period) parts.push(formatPeriod(rule.period, language));
  if (rule.criterion) parts.push(pick(rule.criterion, "criterion"));
  if (rule.description) parts.push(pick(rule.description, "description"));
  let rest = parts.length > 0 ? `: ${parts.join(", ")}` : "";
  if (rule.categories !== undefined && rule.categories.length > 0) {
    // Categories are referred to by their Dutch name; shown in the statement's language.
    const names = rule.categories.map((name) => {
      const category = categories.get(normalizeLine(name));
      return category === undefined ? normalizeLine(name) : pick(category.name, "categories");
    });
    rest += ` — ${PHRASES.categories[language]}: ${names.join(", ")}`;
  }
  return lead(pick(rule.subject, "subject"), rest);
}

export function nameCountry(code: string, language: Language): string {
  return COUNTRY_NAMES[code]?.[language] ?? code;
}

function describeRecipient(recipient: Recipient, language: Language, pick: Localize): Inline[] {
  let rest = ` (${ROLE[recipient.role][language]})`;
  if (recipient.service) rest += `: ${pick(recipient.service, "service")}`;
  rest += ` — ${nameCountry(recipient.country, language)}`;
  if (recipient.safeguard !== "eea" && !isEeaCountry(recipient.country)) {
    rest += ` (${PHRASES.transfer[language]} ${SAFEGUARD[recipient.safeguard][language]})`;
  }
  return lead(normalizeLine(recipient.name), rest);
}

function describeCookie(cookie: Cookie, language: Language, pick: Localize): string[] {
  return [
    normalizeLine(cookie.name),
    normalizeLine(cookie.provider),
    COOKIE_CATEGORY[cookie.category][language],
    pick(cookie.purpose, "purpose"),
    cookie.lifetime ? formatPeriod(cookie.lifetime, language) : PHRASES.session[language],
  ];
}
