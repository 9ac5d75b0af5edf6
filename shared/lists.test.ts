import { describe, expect, it } from "vitest";
import type { Language, ListKey, StructuredLists } from "./model.ts";
import { formatPeriod, nameCountry, renderStructuredList, type Localize } from "./lists.ts";
import { renderBlocksText } from "./render/text.ts";
import type { Block } from "./statement.ts";
import { createContent } from "./testing/fixtures.ts";

const pick =
  (language: Language): Localize =>
  (value) =>
    language === "en" ? (value.en ?? value.nl) : value.nl;
const render = (key: ListKey, language: Language, lists: StructuredLists = createContent().lists): Block[] =>
  renderStructuredList(key, lists, language, pick(language));
const asText = (key: ListKey, language: Language, lists?: StructuredLists): string =>
  renderBlocksText(render(key, language, lists), language);

describe("data categories", () => {
  it("leads with the name in bold, then examples, special category and source", () => {
    expect(render("data_categories", "nl")).toEqual([
      {
        type: "list",
        items: [
          [
            { type: "strong", children: [{ type: "text", value: "Contactgegevens" }] },
            { type: "text", value: ": naam, e-mailadres" },
          ],
          [
            { type: "strong", children: [{ type: "text", value: "Gezondheid" }] },
            { type: "text", value: " (bijzonder persoonsgegeven) — Bron: uw werkgever" },
          ],
        ],
      },
    ]);
    expect(asText("data_categories", "en")).toBe(
      "- Contact details: name, email address\n- Health (special category) — Source: your employer",
    );
  });
});

describe("purposes", () => {
  it("names the legal basis of each purpose and the legitimate interest", () => {
    expect(asText("purposes", "nl")).toBe(
      "- Nieuwsbrief: versturen van nieuws — Grondslag: toestemming\n- Klantrelatie — Grondslag: gerechtvaardigd belang (belang: goede service)",
    );
    expect(asText("purposes", "en")).toBe(
      "- Newsletter: sending news — Legal basis: consent\n- Customer relations — Legal basis: legitimate interest (interest: good service)",
    );
  });

  it.each([
    ["contract", "uitvoering van een overeenkomst", "performance of a contract"],
    ["legal_obligation", "wettelijke verplichting", "legal obligation"],
    ["vital_interests", "vitaal belang", "vital interests"],
    ["public_task", "taak van algemeen belang", "public task"],
  ] as const)("words the legal basis %s", (legalBasis, nl, en) => {
    const lists = createContent().lists;
    lists.purposes = [{ name: { nl: "X" }, legalBasis }];
    expect(asText("purposes", "nl", lists)).toBe(`- X — Grondslag: ${nl}`);
    expect(asText("purposes", "en", lists)).toBe(`- X — Legal basis: ${en}`);
  });
});

describe("retention", () => {
  it("writes periods with the right singular and plural, then criterion and description", () => {
    expect(asText("retention", "nl")).toBe(
      "- Facturen: 7 jaar, na afloop van het boekjaar\n- Sollicitaties: 1 maand\n- Logbestanden: 30 dagen, voor beveiliging",
    );
    expect(asText("retention", "en")).toBe(
      "- Invoices: 7 years, after the end of the financial year\n- Applications: 1 month\n- Log files: 30 days, for security",
    );
  });

  it.each([
    [1, "years", "1 jaar", "1 year"],
    [12, "months", "12 maanden", "12 months"],
    [1, "days", "1 dag", "1 day"],
  ] as const)("formats %i %s", (amount, unit, nl, en) => {
    expect(formatPeriod({ amount, unit }, "nl")).toBe(nl);
    expect(formatPeriod({ amount, unit }, "en")).toBe(en);
  });
});

describe("recipients", () => {
  it("names role, service and country, and the safeguard only outside the EEA", () => {
    expect(asText("recipients", "nl")).toBe(
      "- Hostnet (verwerker): hosting — Nederland\n- Google (verwerker): webstatistieken — Verenigde Staten (doorgifte op basis van standaardcontractbepalingen)",
    );
    expect(asText("recipients", "en")).toBe(
      "- Hostnet (processor): hosting — the Netherlands\n- Google (processor): web analytics — the United States (transfer based on standard contractual clauses)",
    );
  });

  it.each([
    [
      "controller",
      "adequacy",
      "CH",
      "verwerkingsverantwoordelijke",
      "Zwitserland",
      "adequaatheidsbesluit",
      "controller",
      "Switzerland",
      "adequacy decision",
    ],
    [
      "joint_controller",
      "bcr",
      "IN",
      "gezamenlijk verwerkingsverantwoordelijke",
      "India",
      "bindende bedrijfsvoorschriften",
      "joint controller",
      "India",
      "binding corporate rules",
    ],
    [
      "recipient",
      "derogation",
      "ZA",
      "ontvanger",
      "ZA",
      "uitzondering van art. 49 AVG",
      "recipient",
      "ZA",
      "Art. 49 GDPR derogation",
    ],
  ] as const)(
    "words role %s with safeguard %s",
    (role, safeguard, country, nlRole, nlCountry, nlSafeguard, enRole, enCountry, enSafeguard) => {
      const lists = createContent().lists;
      lists.recipients = [{ name: "R", role, country, safeguard }];
      expect(asText("recipients", "nl", lists)).toBe(
        `- R (${nlRole}) — ${nlCountry} (doorgifte op basis van ${nlSafeguard})`,
      );
      expect(asText("recipients", "en", lists)).toBe(
        `- R (${enRole}) — ${enCountry} (transfer based on ${enSafeguard})`,
      );
    },
  );

  it("knows the EEA countries and the common destinations in both languages", () => {
    expect(["DE", "NO", "GB", "KR"].map((c) => nameCountry(c, "nl"))).toEqual([
      "Duitsland",
      "Noorwegen",
      "Verenigd Koninkrijk",
      "Zuid-Korea",
    ]);
    expect(["DE", "NO", "GB", "KR"].map((c) => nameCountry(c, "en"))).toEqual([
      "Germany",
      "Norway",
      "the United Kingdom",
      "South Korea",
    ]);
  });
});

describe("cookies", () => {
  it.each([
    [
      "nl",
      ["Naam", "Aanbieder", "Soort", "Doel", "Bewaartermijn"],
      ["functioneel", "inloggen", "sessie"],
      ["analytisch", "statistieken", "50 maanden"],
    ],
    [
      "en",
      ["Name", "Provider", "Type", "Purpose", "Lifetime"],
      ["functional", "signing in", "session"],
      ["analytic", "statistics", "50 months"],
    ],
  ] as const)("renders a table (%s)", (language, head, first, second) => {
    const cell = (value: string) => [{ type: "text", value }];
    expect(render("cookies", language)).toEqual([
      {
        type: "table",
        head,
        rows: [
          [cell("session_id"), cell("JCC Software"), cell(first[0]), cell(first[1]), cell(first[2])],
          [cell("_ga"), cell("Google"), cell(second[0]), cell(second[1]), cell(second[2])],
        ],
      },
    ]);
  });

  it("words a tracking cookie", () => {
    const lists = createContent().lists;
    lists.cookies = [
      {
        name: "t",
        provider: "P",
        category: "tracking",
        purpose: { nl: "volgen" },
        lifetime: { amount: 1, unit: "years" },
      },
    ];
    expect(asText("cookies", "nl", lists)).toBe(
      "Naam — Aanbieder — Soort — Doel — Bewaartermijn\n- t — P — tracking — volgen — 1 jaar",
    );
  });
});

it.each(["data_categories", "purposes", "retention", "recipients", "cookies"] as const)(
  "adds nothing for an empty %s list",
  (key) => {
    const lists = createContent().lists;
    lists[key] = [];
    expect(render(key, "nl", lists)).toEqual([]);
  },
);

describe("what a purpose adds for Art. 13(2)(e) and Art. 21(2)", () => {
  it.each([
    [
      "statutory",
      "Verstrekking is wettelijk verplicht; zonder deze gegevens kunnen wij niet factureren.",
      "Providing the data is required by law; without this data we cannot invoice.",
    ],
    [
      "contractual",
      "Verstrekking is contractueel verplicht; zonder deze gegevens kunnen wij niet factureren.",
      "Providing the data is required by the contract; without this data we cannot invoice.",
    ],
    [
      "contract_prerequisite",
      "Verstrekking is nodig om een overeenkomst te sluiten; zonder deze gegevens kunnen wij niet factureren.",
      "Providing the data is necessary to enter into a contract; without this data we cannot invoice.",
    ],
    [
      "voluntary",
      "U bent niet verplicht deze gegevens te verstrekken; zonder deze gegevens kunnen wij niet factureren.",
      "You are not obliged to provide this data; without this data we cannot invoice.",
    ],
  ] as const)(
    "says whether providing the data is required (%s) and the consequence",
    (requirement, nl, en) => {
      const lists = createContent().lists;
      lists.purposes = [
        {
          name: { nl: "Facturen", en: "Invoices" },
          legalBasis: "legal_obligation",
          provision: {
            requirement,
            consequence: {
              nl: "zonder deze gegevens kunnen wij niet factureren.",
              en: "without this data we cannot invoice",
            },
          },
        },
      ];
      expect(asText("purposes", "nl", lists)).toBe(`- Facturen — Grondslag: wettelijke verplichting. ${nl}`);
      expect(asText("purposes", "en", lists)).toBe(`- Invoices — Legal basis: legal obligation. ${en}`);
    },
  );

  it("marks a direct-marketing purpose", () => {
    const lists = createContent().lists;
    lists.purposes[0]!.directMarketing = true;
    expect(asText("purposes", "nl", lists).split("\n")[0]).toBe(
      "- Nieuwsbrief (direct marketing): versturen van nieuws — Grondslag: toestemming",
    );
  });
});

describe("a retention rule's categories", () => {
  it("are named in the statement's language, and shown as written when unknown", () => {
    const lists = createContent().lists;
    lists.retention = [
      {
        subject: { nl: "Klantdossier", en: "Customer file" },
        period: { amount: 2, unit: "years" },
        categories: ["Contactgegevens", "Gezondheid", "Iets anders"],
      },
    ];
    expect(asText("retention", "nl", lists)).toBe(
      "- Klantdossier: 2 jaar — Gegevens: Contactgegevens, Gezondheid, Iets anders",
    );
    expect(asText("retention", "en", lists)).toBe(
      "- Customer file: 2 years — Data: Contact details, Health, Iets anders",
    );
  });
});

describe("the model's new details", () => {
  it("refuses a tracking cookie marked as placed without consent (Telecommunicatiewet art. 11.7a)", async () => {
    const v = await import("valibot");
    const { CookieSchema, BaselineSchema } = await import("./model.ts");
    const cookie = { name: "_fbp", provider: "Meta", category: "tracking", purpose: { nl: "Advertenties" } };
    expect(v.safeParse(CookieSchema, cookie).success).toBe(true);
    const refused = v.safeParse(CookieSchema, { ...cookie, consent: false });
    expect(refused.success).toBe(false);
    expect(refused.issues?.[0]?.path?.map((p) => p.key)).toEqual(["consent"]);
    expect(v.safeParse(CookieSchema, { ...cookie, category: "analytic", consent: false }).success).toBe(true);
    const joint = { contactPoint: { name: "Privacyteam", email: "geen e-mail" } };
    const baseline = {
      title: { nl: "T" },
      sections: [{ key: "a", title: { nl: "A" }, body: { nl: "" }, policy: "locked" }],
    };
    expect(v.safeParse(BaselineSchema, { ...baseline, jointControllership: joint }).success).toBe(false);
    expect(
      v.safeParse(BaselineSchema, {
        ...baseline,
        jointControllership: { contactPoint: { ...joint.contactPoint, email: "p@g.nl" } },
      }).success,
    ).toBe(true);
  });
});
