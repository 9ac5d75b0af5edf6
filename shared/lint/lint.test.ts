// Every lint rule, on statements written for the tests in several styles (formal and informal
// Dutch, English; a sentence, a list, a link), each with texts it must flag and texts it must not.
import { describe, expect, it } from "vitest";
import type { Language, TenantContent } from "../model.ts";
import { LINT_RULES, LINT_RULE_IDS, type LintFinding, type LintRuleId } from "./index.ts";
import { createDetails, lintText, purpose, resolveSections, type Sections } from "./testing/lint-cases.ts";

interface Case {
  /** What kind of text this is. */
  style: string;
  language: Language;
  text: string | Sections;
  details?: TenantContent | null;
  joint?: boolean;
  allowReserved?: boolean;
  /** For a hit: the exact quote the finding must carry (default: the whole text). */
  quote?: string;
}

const run = (c: Case): LintFinding[] =>
  lintText(c.language, c.text, c.details ?? null, {
    allowReservedDomains: c.allowReserved === true,
    jointControllers: c.joint === true,
  });

const TESTED = new Set<LintRuleId>();

function rule(id: LintRuleId, hits: Case[], misses: Case[]): void {
  TESTED.add(id);
  describe(id, () => {
    it("has both languages among its hits and its misses", () => {
      expect(new Set(hits.map((c) => c.language))).toEqual(new Set(["nl", "en"]));
      expect(new Set(misses.map((c) => c.language))).toEqual(new Set(["nl", "en"]));
    });

    it.each(hits.map((c) => [c.style, c.language, c] as const))("flags %s (%s)", (_style, language, c) => {
      const found = run(c).filter((f) => f.rule === id);
      expect(found.length).toBeGreaterThan(0);
      const finding = found[0]!;
      const quote = c.quote ?? (typeof c.text === "string" ? c.text : undefined);
      if (quote !== undefined) expect(finding.quote).toBe(quote);
      expect(finding.language).toBe(language);
      expect(finding.section).toBe(typeof c.text === "string" ? "tekst" : finding.section);
      expect(finding.article).toBe(LINT_RULES[id].article);
      for (const text of [finding.message.nl, finding.message.en, finding.fix.nl, finding.fix.en]) {
        expect(text.trim()).not.toBe("");
      }
    });

    it.each(misses.map((c) => [c.style, c.language, c] as const))(
      "does not flag %s (%s)",
      (_style, _language, c) => {
        expect(run(c).filter((f) => f.rule === id)).toEqual([]);
      },
    );
  });
}

const nl = (style: string, text: string | Sections, extra: Partial<Case> = {}): Case => ({
  style,
  language: "nl",
  text,
  ...extra,
});
const en = (style: string, text: string | Sections, extra: Partial<Case> = {}): Case => ({
  style,
  language: "en",
  text,
  ...extra,
});

// --- details used by several rules ----------------------------------------------------------

const analyticsWithoutConsent = createDetails((c) => {
  c.lists.cookies = [
    {
      name: "_ga",
      provider: "Google",
      category: "analytic",
      purpose: { nl: "statistiek", en: "statistics" },
    },
  ];
});
const analyticsWithConsent = createDetails((c) => {
  c.lists.cookies = [
    {
      name: "_ga",
      provider: "Google",
      category: "analytic",
      purpose: { nl: "statistiek", en: "statistics" },
      consent: true,
    },
  ];
});
const mostlyNotConsent = createDetails((c) => {
  c.lists.purposes = [
    purpose("Nieuwsbrief", "consent"),
    purpose("Levering", "contract"),
    purpose("Facturen", "legal_obligation"),
  ];
});
const mostlyConsent = createDetails((c) => {
  c.lists.purposes = [
    purpose("Nieuwsbrief", "consent"),
    purpose("Webinars", "consent"),
    purpose("Enquêtes", "consent"),
    purpose("Levering", "contract"),
  ];
});
const recipientIn = (country: string, safeguard: "eea" | "adequacy" | "scc") =>
  createDetails((c) => {
    c.lists.recipients = [{ name: "Mailtool", role: "processor", country, safeguard }];
  });

rule(
  "implied_consent",
  [
    nl("formal", "Door gebruik te maken van deze website geeft u toestemming voor het plaatsen van cookies."),
    nl("continued browsing", "Door verder te surfen op onze site gaat u akkoord met ons cookiebeleid."),
    nl("informal", "Als je onze website blijft gebruiken, ga je akkoord met het gebruik van cookies."),
    en("formal", "By using this website, you consent to the processing of your data by Google."),
    en("continued browsing", "By continuing to browse our site you agree to our use of cookies."),
  ],
  [
    nl(
      "active consent",
      "Wij plaatsen tracking cookies pas nadat u in de cookiemelding op ‘Akkoord’ heeft geklikt.",
    ),
    nl(
      "denial",
      "Door gebruik te maken van deze website geeft u nog geen toestemming voor tracking cookies.",
    ),
    en("button", "By clicking ‘Accept’ in the cookie notice you consent to analytic cookies."),
    en("statement of fact", "Using this website does not mean you consent to tracking."),
  ],
);

rule(
  "invalid_transfer_mechanism",
  [
    nl("Privacy Shield as basis", "De doorgifte naar de VS berust op het EU-US Privacy Shield."),
    nl("certified", "Google is aangesloten bij het Privacy Shield-verdrag."),
    en("certified", "Our provider is certified under the EU-U.S. Privacy Shield Framework."),
    en("Safe Harbor", "Data is transferred under the Safe Harbor principles."),
  ],
  [
    nl(
      "said to be invalid",
      "Het Privacy Shield is in 2020 ongeldig verklaard; wij gebruiken daarom standaardcontractbepalingen.",
    ),
    nl("current framework", "De doorgifte berust op het EU-VS Data Privacy Framework."),
    en("current framework", "The transfer rests on the EU-US Data Privacy Framework."),
    en("said to be invalid", "Safe Harbor is no longer valid, so we rely on standard contractual clauses."),
  ],
);

rule(
  "outdated_entity_name",
  [
    nl("Google Inc.", "Deze website gebruikt Google Analytics, een dienst van Google Inc. (“Google”)."),
    nl("Facebook Ireland", "Facebook Ireland Ltd ontvangt gegevens via de pixel."),
    en("Facebook, Inc.", "Facebook, Inc. receives data through the like button."),
    en("Twitter", "Tweets are embedded from Twitter, Inc. in the United States."),
  ],
  [
    nl("current name", "Google Analytics wordt aangeboden door Google Ireland Limited."),
    nl("brand only", "Wij gebruiken Google Analytics."),
    en("current name", "Meta Platforms Ireland Limited is a joint controller for the like button."),
    en("LLC", "Google LLC may receive the data as a sub-processor."),
  ],
);

rule(
  "anonymous_tracking_data",
  [
    nl("browsing", "Uw surfgedrag blijft volledig anoniem."),
    nl(
      "statistics",
      "Google Analytics verzamelt geanonimiseerde statistieken over het gebruik van onze website.",
    ),
    nl("informal", "We meten anoniem hoe bezoekers onze site gebruiken, met analytische cookies."),
    en("cookie", "The cookie generates anonymous information about your use of the website."),
    en("IP", "IP addresses are anonymised before they are stored."),
  ],
  [
    nl("pseudonymised", "De statistieken zijn gepseudonimiseerd en uw IP-adres wordt ingekort."),
    nl("unrelated", "U kunt anoniem een melding doen bij onze vertrouwenspersoon."),
    nl("denied", "Analysegegevens met een cookie-ID zijn niet anoniem."),
    en("denied", "Analytics data is not anonymous: it is pseudonymised."),
    en("unrelated", "You may report concerns anonymously to our compliance officer."),
  ],
);

rule(
  "analytics_sharing_contradiction",
  [
    nl(
      "provider's own services",
      "Google gebruikt deze informatie om rapporten op te stellen en andere diensten aan te bieden met betrekking tot internetgebruik.",
      { details: analyticsWithoutConsent },
    ),
    nl(
      "as written",
      [
        ["cookies", "Cookies", "Voor analytische cookies is geen toestemming nodig."],
        ["ga", "Google Analytics", "Google gebruikt de gegevens ook voor eigen doeleinden."],
      ],
      { quote: "Google gebruikt de gegevens ook voor eigen doeleinden." },
    ),
    en("own purposes", "Google may also use this information for its own purposes, such as advertising.", {
      details: analyticsWithoutConsent,
    }),
  ],
  [
    nl("with consent", "Google gebruikt deze informatie om andere diensten aan te bieden.", {
      details: analyticsWithConsent,
    }),
    nl("denied", "Google mag de gegevens niet voor eigen doeleinden gebruiken.", {
      details: analyticsWithoutConsent,
    }),
    en("denied", "Google may not use the data for its own purposes.", { details: analyticsWithoutConsent }),
    en("no analytics", "Google may use this information for other services.", { details: createDetails() }),
  ],
);

rule(
  "consent_as_main_basis",
  [
    nl("blanket", "Veelal verwerken wij persoonsgegevens met uw toestemming.", { details: mostlyNotConsent }),
    nl("as written", "In de meeste gevallen vragen wij uw toestemming."),
    en("blanket", "We often process personal data with your consent.", { details: mostlyNotConsent }),
    en("mostly", "We mostly rely on your consent to process personal data.", { details: mostlyNotConsent }),
  ],
  [
    nl("true for this company", "Veelal verwerken wij persoonsgegevens met uw toestemming.", {
      details: mostlyConsent,
    }),
    nl("per purpose", "Voor de nieuwsbrief vragen wij uw toestemming.", { details: mostlyNotConsent }),
    en("per purpose", "We send the newsletter with your consent.", { details: mostlyNotConsent }),
    en("true for this company", "We mostly rely on your consent.", { details: mostlyConsent }),
  ],
);

rule(
  "denies_transfers_abroad",
  [
    nl("outside the EEA", "Wij geven uw gegevens nooit door aan landen buiten de EER.", {
      details: recipientIn("US", "scc"),
    }),
    nl("abroad, recipient in Germany", "Persoonsgegevens worden nooit naar het buitenland overgeheveld.", {
      details: recipientIn("DE", "eea"),
    }),
    en("outside the EU", "We never transfer personal data outside the EU.", {
      details: recipientIn("US", "adequacy"),
    }),
    en(
      "as written",
      [
        ["transfers", "Transfers", "Your data is never processed outside the EEA."],
        ["tools", "Tools", "Our mailing tool stores your data on servers in the United States."],
      ],
      { quote: "Your data is never processed outside the EEA." },
    ),
  ],
  [
    nl("true", "Wij geven uw gegevens nooit door aan landen buiten de EER.", {
      details: recipientIn("NL", "eea"),
    }),
    nl("inside the EEA", "Wij geven uw gegevens nooit door aan landen buiten de EER.", {
      details: recipientIn("DE", "eea"),
    }),
    nl(
      "with the exception named",
      "Wij geven geen gegevens door buiten de EER, behalve aan Google LLC op basis van het Data Privacy Framework.",
      { details: recipientIn("US", "adequacy") },
    ),
    en("true", "We never transfer personal data outside the EU.", { details: recipientIn("IE", "eea") }),
    en("as written, nothing abroad", "Your data is never processed outside the EEA."),
  ],
);

const withCategories = (rules: TenantContent["lists"]["retention"]) =>
  createDetails((c) => {
    c.lists.data_categories = [
      { name: { nl: "Naam en contactgegevens", en: "Name and contact details" }, special: false },
      { name: { nl: "IP-adres", en: "IP address" }, special: false },
      { name: { nl: "Locatiegegevens", en: "Location data" }, special: false },
    ];
    c.lists.retention = rules;
  });
const categoriesSection: Sections = [
  ["gegevens", "Gegevens", "- Naam en contactgegevens\n- IP-adres\n- Locatiegegevens"],
];
const categoriesSectionEn: Sections = [
  ["data", "Data", "- Name and contact details\n- IP address\n- Location data"],
];

rule(
  "retention_missing_for_category",
  [
    nl("two categories without a rule", categoriesSection, {
      details: withCategories([
        { subject: { nl: "Contactgegevens", en: "Contact details" }, period: { amount: 2, unit: "years" } },
      ]),
      quote: "IP-adres",
    }),
    en("two categories without a rule", categoriesSectionEn, {
      details: withCategories([
        { subject: { nl: "Contactgegevens", en: "Contact details" }, period: { amount: 2, unit: "years" } },
      ]),
      quote: "IP address",
    }),
  ],
  [
    nl("linked and named", categoriesSection, {
      details: withCategories([
        { subject: { nl: "Contactgegevens", en: "Contact details" }, period: { amount: 2, unit: "years" } },
        {
          subject: { nl: "Logbestanden met IP-adressen", en: "Log files" },
          period: { amount: 6, unit: "months" },
        },
        {
          subject: { nl: "Statistieken", en: "Statistics" },
          period: { amount: 14, unit: "months" },
          categories: ["Locatiegegevens"],
        },
      ]),
    }),
    nl("a catch-all rule", categoriesSection, {
      details: withCategories([
        {
          subject: { nl: "Overige gegevens", en: "Other data" },
          criterion: { nl: "2 jaar na het laatste contact" },
        },
      ]),
    }),
    en("no details", categoriesSectionEn),
  ],
);

rule(
  "retention_only_minimum",
  [
    nl("minimaal", "Wij bewaren uw gegevens minimaal zeven jaar."),
    nl("ten minste", "Facturen worden ten minste 7 jaar bewaard in ons archief."),
    en("at least", "We keep invoices for at least seven years."),
  ],
  [
    nl("with a maximum", "Wij bewaren facturen minimaal zeven jaar en maximaal tien jaar."),
    nl("a period", "Wij bewaren facturen zeven jaar."),
    en("then deleted", "We keep invoices for at least 7 years and then delete them."),
    en("not about keeping", "Passwords must be at least 12 characters."),
  ],
);

rule(
  "legitimate_interest_unnamed",
  [
    nl(
      "vague",
      "Daarnaast hebben wij een gerechtvaardigd belang voor de verwerking van sommige persoonsgegevens.",
    ),
    en("vague", "We also process some data based on our legitimate interests."),
    nl("interest recorded but not shown", "Wij verwerken gegevens voor beveiliging.", {
      details: createDetails((c) => {
        c.lists.purposes = [purpose("Beveiliging", "legitimate_interest")];
      }),
      quote: "Beveiliging",
    }),
    en("interest not recorded", "We process data for security.", {
      details: createDetails((c) => {
        c.lists.purposes = [
          { name: { nl: "Beveiliging", en: "Security" }, legalBasis: "legitimate_interest" },
        ];
      }),
      quote: "Security",
    }),
  ],
  [
    nl(
      "named",
      "Wij verwerken IP-adressen op grond van ons gerechtvaardigd belang bij het beveiligen van onze website.",
    ),
    en("named", "We rely on our legitimate interest in keeping our systems secure."),
    en("referring to objection", "You may object to processing based on our legitimate interest."),
    nl("shown with the purpose", "Beveiliging: wij verwerken gegevens voor een goede dienstverlening.", {
      details: createDetails((c) => {
        c.lists.purposes = [purpose("Beveiliging", "legitimate_interest")];
      }),
    }),
  ],
);

const marketing = createDetails((c) => {
  c.lists.purposes = [purpose("Nieuwsbrief", "consent", { directMarketing: true })];
});

rule(
  "direct_marketing_objection_missing",
  [
    nl(
      "objection among the rights",
      [
        ["doelen", "Doelen", "Wij sturen u onze nieuwsbrief."],
        ["rechten", "Uw rechten", "U kunt inzage vragen, bezwaar maken en uw gegevens laten verwijderen."],
      ],
      { quote: "U kunt inzage vragen, bezwaar maken en uw gegevens laten verwijderen." },
    ),
    nl("recorded, not stated", "Wij sturen u onze nieuwsbrief.", { details: marketing }),
    en(
      "objection among the rights",
      [
        ["use", "Use", "We use your data for direct marketing."],
        ["rights", "Your rights", "You have the right to access, rectify, erase and object."],
      ],
      { quote: "You have the right to access, rectify, erase and object." },
    ),
  ],
  [
    nl("a paragraph of its own", [
      ["doelen", "Doelen", "Wij sturen u onze nieuwsbrief."],
      [
        "bezwaar",
        "Bezwaar",
        "U kunt altijd bezwaar maken tegen het gebruik van uw gegevens voor direct marketing.",
      ],
    ]),
    nl("no marketing", "U kunt bezwaar maken tegen de verwerking.", { details: createDetails() }),
    en("a paragraph of its own", [
      ["use", "Use", "We send you our newsletter."],
      ["object", "Objecting", "You can object to direct marketing at any time, free of charge."],
    ]),
  ],
);

rule(
  "compliance_within_weeks",
  [
    nl("formal", "Binnen vier weken zullen wij voldoen aan uw verzoek."),
    nl("separable verb", "Wij handelen uw verzoek binnen vier weken af."),
    en("formal", "We will comply with your request within four weeks."),
    en("days", "Requests are fulfilled within 30 days."),
  ],
  [
    nl("one month", "Wij reageren uiterlijk binnen een maand op uw verzoek."),
    nl("respond only", "Wij reageren binnen vier weken."),
    en("one month", "We respond within one month of receiving your request."),
  ],
);

rule(
  "establishments_abroad_unsupported",
  [
    nl("parts abroad", "Enkele onderdelen van ons bedrijf zijn gevestigd in het buitenland.", {
      details: createDetails(),
    }),
    nl("offices", "Wij hebben ook kantoren buiten Nederland.", { details: createDetails() }),
    en("parts abroad", "Some parts of our business are based abroad.", { details: createDetails() }),
  ],
  [
    nl("recorded", "Enkele onderdelen van ons bedrijf zijn gevestigd in het buitenland.", {
      details: createDetails((c) => {
        c.profile.establishments = [{ city: "Gent", country: "BE" }];
      }),
    }),
    nl("denied", "Wij hebben geen vestigingen in het buitenland.", { details: createDetails() }),
    en("as written", "Some parts of our business are based abroad."),
  ],
);

rule(
  "group_we_without_decision",
  [
    nl(
      "group and companies",
      "Conxillium en de aangesloten bedrijven (hierna: wij) gaan zorgvuldig om met uw gegevens.",
    ),
    en(
      "holding and subsidiaries",
      "Acme Holding and its subsidiaries (hereinafter: “we”) respect your privacy.",
    ),
  ],
  [
    nl(
      "joint controllers decided",
      "Conxillium en de aangesloten bedrijven (hierna: wij) gaan zorgvuldig om met uw gegevens.",
      {
        joint: true,
      },
    ),
    nl("one company", "JCC Software (hierna: wij) gaat zorgvuldig om met uw gegevens."),
    en("one company", "Acme B.V. (hereinafter: “we”) respects your privacy."),
  ],
);

rule(
  "reserved_domain",
  [
    nl("e-mail", "Mail ons via privacy@bedrijf.example voor vragen.", { quote: "privacy@bedrijf.example" }),
    nl("link", "Lees meer op [onze site](https://example.com/privacy).", {
      quote: "https://example.com/privacy",
    }),
    en("URL", "Visit https://www.shop.test/privacy for more.", { quote: "https://www.shop.test/privacy" }),
    en("invalid", "Write to dpo@company.invalid.", { quote: "dpo@company.invalid" }),
  ],
  [
    nl("demo group", "Mail ons via privacy@bedrijf.example.", { allowReserved: true }),
    nl("real domain", "Mail ons via privacy@bedrijf.nl of kijk op www.contest.nl."),
    en("real domain", "Visit https://www.example-shop.nl/privacy for more."),
  ],
);

const resolveNl = (text: string) => resolveSections("nl", [["tekst", "Tekst", text]], createDetails());

describe("english_identical_to_dutch", () => {
  TESTED.add("english_identical_to_dutch");
  const dutch = "Wij verwerken uw gegevens voor de uitvoering van de overeenkomst met u.";
  const lint = (english: string) => {
    const nlStatement = lintText("nl", dutch);
    expect(nlStatement).toEqual([]);
    return lintText("en", english, null, {
      dutch: resolveNl(dutch),
    });
  };
  it("flags a paragraph left in Dutch (en), and never a Dutch statement (nl)", () => {
    const findings = lint(dutch);
    expect(findings.map((f) => [f.rule, f.quote, f.language, f.section])).toEqual([
      ["english_identical_to_dutch", dutch, "en", "tekst"],
    ]);
    expect(findings[0]!.message.en).toContain("exactly as in the Dutch one");
    expect(lintText("nl", dutch).filter((f) => f.rule === "english_identical_to_dutch")).toEqual([]);
  });
  it("flags Dutch text in the English statement that differs from the Dutch one", () => {
    const findings = lint("Wij gebruiken uw gegevens ook om onze dienstverlening te verbeteren.");
    expect(findings.map((f) => f.rule)).toEqual(["english_identical_to_dutch"]);
    expect(findings[0]!.message.en).toContain("is in Dutch");
  });
  it.each([
    ["a translation", "We process your data to perform the contract with you."],
    ["names and addresses", "Website: https://www.trapper.nl — KvK 87654321"],
    [
      "a Dutch name in English text",
      "You can complain to the Autoriteit Persoonsgegevens, the Dutch authority.",
    ],
  ])("does not flag %s", (_what, english) => {
    expect(lint(english)).toEqual([]);
  });
});

describe("the rules", () => {
  it("are all tested here, each with an article, a title and a fix in both languages", () => {
    expect([...TESTED].sort()).toEqual([...LINT_RULE_IDS].sort());
    for (const id of LINT_RULE_IDS) {
      const definition = LINT_RULES[id];
      expect(definition.id).toBe(id);
      expect(definition.article).toMatch(/art\.|overweging|Telecommunicatiewet|RFC/);
      for (const text of [definition.title.nl, definition.title.en, definition.fix.nl, definition.fix.en]) {
        expect(text.trim()).not.toBe("");
      }
    }
  });

  it("rate a blanket claim checked as written as a warning, and held against details as an error", () => {
    const asWritten = lintText("nl", "Veelal verwerken wij persoonsgegevens met uw toestemming.");
    expect(asWritten.map((f) => f.severity)).toEqual(["warning"]);
    const withDetails = lintText(
      "nl",
      "Veelal verwerken wij persoonsgegevens met uw toestemming.",
      mostlyNotConsent,
    );
    expect(withDetails.map((f) => f.severity)).toEqual(["error"]);
    expect(withDetails[0]!.message.en).toContain("only 1 of the 3 purposes rests on consent");
  });
});
