// The placeholder catalogue. Values are computed from the tenant's profile and the group so
// that facts such as the member count can never drift from the data they describe.
import type { Group, JointControllership, Language, LegalBasis, Purpose } from "./model.ts";
import type { TenantContext } from "./statement.ts";
import { COUNTRY_NAMES } from "./countries.ts";

export interface PlaceholderDefinition {
  name: string;
  label: { nl: string; en: string };
}

/** What placeholders are filled from: the company, its group, and the baseline's group-level settings. */
export interface PlaceholderSource extends TenantContext {
  jointControllership?: JointControllership | undefined;
}

type Compute = (tenant: PlaceholderSource, language: Language) => string | undefined;

/** Groups of at most this many companies name them all in {{group.members}}; larger ones link to the list. */
export const INLINE_MEMBERS = 100;

/** How many active companies the group has (`members` may hold only the first of a large group). */
export const countMembers = (group: Pick<Group, "members" | "memberCount">): number =>
  group.memberCount ?? group.members.length;

/** Purpose names in quotes, joined as a list in the statement's language. */
const namePurposes = (purposes: readonly Purpose[], language: Language): string | undefined =>
  joinNames(
    purposes.map((p) => `‘${(language === "en" ? p.name.en : undefined) ?? p.name.nl}’`),
    language,
  );
const purposesOn =
  (basis: LegalBasis): Compute =>
  (t, language) =>
    namePurposes(
      t.content.lists.purposes.filter((p) => p.legalBasis === basis),
      language,
    );

const COMPUTE: Record<string, Compute> = {
  "company.name": (t) => t.content.profile.tradeName,
  "company.legalName": (t) => t.content.profile.legalName,
  "company.kvk": (t) => t.content.profile.kvkNumber,
  "company.address": (t) => {
    const { street, postalCode, city } = t.content.profile.address;
    return `${street}, ${postalCode} ${city}`;
  },
  "company.email": (t) => t.content.profile.email,
  "company.phone": (t) => t.content.profile.phone,
  "company.website": (t) => t.content.profile.website,
  "company.dpo.name": (t) => t.content.profile.dpo?.name,
  "company.dpo.email": (t) => t.content.profile.dpo?.email,
  "company.establishmentsAbroad": (t, language) =>
    joinNames(
      (t.content.profile.establishments ?? [])
        .filter((e) => e.country !== "NL")
        .map((e) => `${e.city} (${COUNTRY_NAMES[e.country]?.[language] ?? e.country})`),
      language,
    ),
  "company.purposes.consent": purposesOn("consent"),
  "company.purposes.contract": purposesOn("contract"),
  "company.purposes.legal_obligation": purposesOn("legal_obligation"),
  "company.purposes.vital_interests": purposesOn("vital_interests"),
  "company.purposes.public_task": purposesOn("public_task"),
  "company.purposes.legitimate_interest": purposesOn("legitimate_interest"),
  // Each interest next to its purpose (Art. 13(1)(d)): "‘Beveiligen’: het veilig houden …; …".
  "company.legitimateInterests": (t, language) => {
    const parts = t.content.lists.purposes.flatMap((p) => {
      if (p.legalBasis !== "legitimate_interest" || p.legitimateInterest === undefined) return [];
      const pick = (line: { nl: string; en?: string | undefined }): string =>
        (language === "en" ? line.en : undefined) ?? line.nl;
      return [`‘${pick(p.name)}’: ${pick(p.legitimateInterest)}`];
    });
    return parts.length === 0 ? undefined : parts.join("; ");
  },
  "company.purposes.directMarketing": (t, language) =>
    namePurposes(
      t.content.lists.purposes.filter((p) => p.directMarketing === true),
      language,
    ),
  "group.name": (t) => t.group.name,
  // Up to INLINE_MEMBERS companies by name; a larger group's statements point to the group's public
  // page of its companies instead of each repeating the whole list (issue 20). Art. 13(1)(a) AVG asks
  // for the identity of the controller — the company itself; the other members matter for the
  // essence of a joint arrangement (art. 26(2)), which may be given in layers, one click away
  // (WP260 rev.01, §§ 35–38, on layered privacy statements).
  "group.members": (t, language) =>
    countMembers(t.group) <= INLINE_MEMBERS
      ? joinNames(
          t.group.members.map((m) => m.name),
          language,
        )
      : `${language === "en" ? "listed at" : "vermeld op"} ${t.group.membersPage ?? `/v1/statements/${t.group.slug}.html`}`,
  "group.memberCount": (t, language) => writeCount(countMembers(t.group), language),
  "group.contact.name": (t) => t.jointControllership?.contactPoint.name,
  "group.contact.email": (t) => t.jointControllership?.contactPoint.email,
  "group.contact.phone": (t) => t.jointControllership?.contactPoint.phone,
};

export const PLACEHOLDERS: readonly PlaceholderDefinition[] = [
  { name: "company.name", label: { nl: "Handelsnaam", en: "Trade name" } },
  { name: "company.legalName", label: { nl: "Statutaire naam", en: "Legal name" } },
  { name: "company.kvk", label: { nl: "KvK-nummer", en: "Chamber of Commerce number" } },
  { name: "company.address", label: { nl: "Adres", en: "Address" } },
  { name: "company.email", label: { nl: "E-mailadres", en: "Email address" } },
  { name: "company.phone", label: { nl: "Telefoonnummer", en: "Phone number" } },
  { name: "company.website", label: { nl: "Website", en: "Website" } },
  { name: "company.dpo.name", label: { nl: "Naam functionaris gegevensbescherming", en: "Name of the DPO" } },
  {
    name: "company.dpo.email",
    label: { nl: "E-mailadres functionaris gegevensbescherming", en: "DPO email address" },
  },
  {
    name: "company.establishmentsAbroad",
    label: { nl: "Vestigingen buiten Nederland", en: "Establishments outside the Netherlands" },
  },
  ...(
    [
      ["consent", "toestemming", "consent"],
      ["contract", "overeenkomst", "contract"],
      ["legal_obligation", "wettelijke verplichting", "legal obligation"],
      ["vital_interests", "vitaal belang", "vital interests"],
      ["public_task", "taak van algemeen belang", "public task"],
      ["legitimate_interest", "gerechtvaardigd belang", "legitimate interest"],
    ] as const
  ).map(([basis, nl, en]) => ({
    name: `company.purposes.${basis}`,
    label: { nl: `Doeleinden op grondslag ${nl}`, en: `Purposes based on ${en}` },
  })),
  {
    name: "company.legitimateInterests",
    label: { nl: "Gerechtvaardigde belangen per doeleinde", en: "Legitimate interests per purpose" },
  },
  {
    name: "company.purposes.directMarketing",
    label: { nl: "Doeleinden voor direct marketing", en: "Direct marketing purposes" },
  },
  { name: "group.name", label: { nl: "Naam van de groep", en: "Group name" } },
  { name: "group.members", label: { nl: "Bedrijven in de groep", en: "Companies in the group" } },
  {
    name: "group.memberCount",
    label: { nl: "Aantal bedrijven in de groep", en: "Number of companies in the group" },
  },
  {
    name: "group.contact.name",
    label: {
      nl: "Centraal aanspreekpunt (gezamenlijke verantwoordelijkheid)",
      en: "Central contact point (joint controllers)",
    },
  },
  {
    name: "group.contact.email",
    label: { nl: "E-mailadres centraal aanspreekpunt", en: "Central contact point email" },
  },
  {
    name: "group.contact.phone",
    label: { nl: "Telefoonnummer centraal aanspreekpunt", en: "Central contact point phone" },
  },
];

export type PlaceholderValue =
  { status: "value"; value: string } | { status: "missing" } | { status: "unknown" };

export function lookupPlaceholder(
  name: string,
  tenant: PlaceholderSource,
  language: Language,
): PlaceholderValue {
  const compute = Object.hasOwn(COMPUTE, name) ? COMPUTE[name] : undefined;
  if (compute === undefined) return { status: "unknown" };
  const value = compute(tenant, language);
  // An empty value would leave a silent hole in the sentence; treat it as missing so it shows.
  return value === undefined || value.trim() === "" ? { status: "missing" } : { status: "value", value };
}

/** The visible stand-in for a placeholder without a value, in plain text. */
export function describeMissing(name: string, language: Language): string {
  return `[${language === "nl" ? "ontbreekt" : "missing"}: ${name}]`;
}

const PLACEHOLDER_IN_LINE = /\{\{([^{}\n]{0,100})\}\}/g;

/** Fills placeholders in plain text such as titles; a gap becomes the visible stand-in. */
export function fillPlainText(
  text: string,
  fill: (name: string) => string | null,
  language: Language,
): string {
  return text.replace(PLACEHOLDER_IN_LINE, (_match, inner: string) => {
    const name = inner.trim();
    return fill(name) ?? describeMissing(name, language);
  });
}

export function joinNames(names: readonly string[], language: Language): string | undefined {
  if (names.length === 0) return undefined;
  if (names.length === 1) return names[0];
  const conjunction = language === "nl" ? "en" : "and";
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names[names.length - 1] ?? ""}`;
}

const NUMBER_WORDS: Record<Language, readonly string[]> = {
  nl: "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig".split(
    " ",
  ),
  en: "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split(
    " ",
  ),
};

export function writeCount(count: number, language: Language): string {
  return NUMBER_WORDS[language][count] ?? String(count);
}
