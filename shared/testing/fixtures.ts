// Test data modelled on the Conxillium seed statements: a group baseline with one section per
// policy and list, and JCC Software as the tenant. Every call returns fresh objects, so a test
// may change what it gets without affecting another.
import type { Baseline, BaselineSection, Group, TenantContent } from "../model.ts";
import type { TenantContext, VersionMeta } from "../statement.ts";

export function createGroup(): Group {
  const names = ["BeheerVisie", "DataQuint", "GeoTax", "I-Real", "JCC Software", "Pharox", "Procura", "SIM"];
  return {
    slug: "conxillium",
    name: "Conxillium",
    languages: ["nl", "en"],
    defaultLanguage: "nl",
    members: names.map((name) => ({ slug: name.toLowerCase().replace(/[^a-z]+/g, "-"), name })),
  };
}

const section = (
  key: string,
  policy: BaselineSection["policy"],
  title: [string, string],
  body: [string, string],
  list?: BaselineSection["list"],
): BaselineSection => ({
  key,
  policy,
  title: { nl: title[0], en: title[1] },
  body: { nl: body[0], en: body[1] },
  ...(list === undefined ? {} : { list }),
});

export function createBaseline(): Baseline {
  return {
    title: { nl: "Privacyverklaring {{company.name}}", en: "Privacy statement {{company.name}}" },
    sections: [
      section(
        "intro",
        "locked",
        ["Over deze verklaring", "About this statement"],
        [
          "{{company.name}} is onderdeel van {{group.name}}. {{group.name}} bestaat uit {{group.memberCount}} bedrijven: {{group.members}}.",
          "{{company.name}} is part of {{group.name}}. {{group.name}} consists of {{group.memberCount}} companies: {{group.members}}.",
        ],
      ),
      section(
        "data",
        "extendable",
        ["Welke gegevens verwerken wij?", "What data do we process?"],
        ["Wij verwerken de volgende gegevens:", "We process the following data:"],
        "data_categories",
      ),
      section(
        "purposes",
        "replaceable",
        ["Doeleinden", "Purposes"],
        ["Wij gebruiken gegevens voor:", "We use data for:"],
        "purposes",
      ),
      section(
        "retention",
        "replaceable",
        ["Bewaartermijnen", "Retention"],
        ["Wij bewaren gegevens niet langer dan nodig.", "We keep data no longer than needed."],
        "retention",
      ),
      section(
        "recipients",
        "extendable",
        ["Wie ontvangen de gegevens?", "Who receives the data?"],
        ["Wij delen gegevens met:", "We share data with:"],
        "recipients",
      ),
      section(
        "cookies",
        "optional",
        ["Cookies", "Cookies"],
        ["Wij gebruiken cookies.", "We use cookies."],
        "cookies",
      ),
      section(
        "dpo",
        "optional",
        ["Functionaris gegevensbescherming", "Data protection officer"],
        [
          "Onze FG is {{company.dpo.name}}, bereikbaar via {{company.dpo.email}}.",
          "Our DPO is {{company.dpo.name}}, reachable at {{company.dpo.email}}.",
        ],
      ),
      section(
        "rights",
        "locked",
        ["Uw rechten", "Your rights"],
        [
          "U hebt recht op **inzage**, *rectificatie* en _verwijdering_.\n\nKlachten: [Autoriteit Persoonsgegevens](https://autoriteitpersoonsgegevens.nl).",
          "You have the right of **access**, *rectification* and _erasure_.\n\nComplaints: [Dutch DPA](https://autoriteitpersoonsgegevens.nl).",
        ],
      ),
      section(
        "contact",
        "locked",
        ["Contact", "Contact"],
        [
          "{{company.legalName}}, {{company.address}}, KvK {{company.kvk}}.\n\nE-mail: {{company.email}}, telefoon: {{company.phone}}, website: [{{company.website}}]({{company.website}}).",
          "{{company.legalName}}, {{company.address}}, Chamber of Commerce {{company.kvk}}.\n\nEmail: {{company.email}}, phone: {{company.phone}}, website: [{{company.website}}]({{company.website}}).",
        ],
      ),
    ],
  };
}

export function createContent(): TenantContent {
  return {
    profile: {
      legalName: "JCC Software B.V.",
      tradeName: "JCC Software",
      kvkNumber: "30123456",
      address: { street: "Mercatorweg 2", postalCode: "3821 DM", city: "Amersfoort", country: "NL" },
      email: "privacy@jccsoftware.nl",
      phone: "+31 33 123 45 67",
      website: "https://www.jccsoftware.nl",
      dpo: { name: "Mr. A. de Vries", email: "fg@jccsoftware.nl" },
    },
    lists: {
      data_categories: [
        {
          name: { nl: "Contactgegevens", en: "Contact details" },
          examples: { nl: "naam, e-mailadres", en: "name, email address" },
          special: false,
        },
        {
          name: { nl: "Gezondheid", en: "Health" },
          special: true,
          source: { nl: "uw werkgever", en: "your employer" },
        },
      ],
      purposes: [
        {
          name: { nl: "Nieuwsbrief", en: "Newsletter" },
          description: { nl: "versturen van nieuws", en: "sending news" },
          legalBasis: "consent",
        },
        {
          name: { nl: "Klantrelatie", en: "Customer relations" },
          legalBasis: "legitimate_interest",
          legitimateInterest: { nl: "goede service", en: "good service" },
        },
      ],
      retention: [
        {
          subject: { nl: "Facturen", en: "Invoices" },
          period: { amount: 7, unit: "years" },
          criterion: { nl: "na afloop van het boekjaar", en: "after the end of the financial year" },
        },
        { subject: { nl: "Sollicitaties", en: "Applications" }, period: { amount: 1, unit: "months" } },
        {
          subject: { nl: "Logbestanden", en: "Log files" },
          period: { amount: 30, unit: "days" },
          description: { nl: "voor beveiliging", en: "for security" },
        },
      ],
      recipients: [
        {
          name: "Hostnet",
          role: "processor",
          service: { nl: "hosting", en: "hosting" },
          country: "NL",
          safeguard: "eea",
        },
        {
          name: "Google",
          role: "processor",
          service: { nl: "webstatistieken", en: "web analytics" },
          country: "US",
          safeguard: "scc",
        },
      ],
      cookies: [
        {
          name: "session_id",
          provider: "JCC Software",
          category: "functional",
          purpose: { nl: "inloggen", en: "signing in" },
        },
        {
          name: "_ga",
          provider: "Google",
          category: "analytic",
          purpose: { nl: "statistieken", en: "statistics" },
          lifetime: { amount: 50, unit: "months" },
        },
      ],
    },
    overrides: {},
    ownSections: [],
  };
}

export function createTenant(content: TenantContent = createContent()): TenantContext {
  return { group: createGroup(), slug: "jcc-software", content };
}

export function createMeta(): VersionMeta {
  return {
    version: 3,
    publishedAt: "2026-11-22T10:00:00.000Z",
    effectiveFrom: "2026-12-01T00:00:00.000Z",
    baselineVersion: 2,
    contentHash: "a".repeat(64),
  };
}
