import { describe, expect, it } from "vitest";
import { DEMO_BASELINE } from "../demo/index.ts";
import { createBaseline } from "../testing/fixtures.ts";
import { planImport } from "./apply.ts";
import { detectFormat } from "./detect.ts";
import { extractPurposes, readEnumeratedData, readLegalBasis } from "./extract-lists.ts";
import { readSentence } from "./extract-retention.ts";
import { decodeEntities } from "./html.ts";
import { parseImport } from "./parse.ts";
import { findPeriod, findPeriods } from "./periods.ts";
import { toPieces } from "./pieces.ts";
import { findProfile } from "./profile.ts";
import { proposeImport } from "./propose.ts";
import { matchSentences, readKnownSentences } from "./similar.ts";
import { createImportContext } from "./testing.ts";

const outline = (text: string, format: "text" | "markdown" | "html" | "auto"): unknown => {
  const doc = parseImport({ text, format });
  return {
    title: doc.title,
    intro: doc.intro.length,
    sections: doc.sections.map((s) => [
      s.heading,
      s.blocks.map((b) =>
        b.type === "list"
          ? b.items.map((i) => i.md)
          : b.type === "table"
            ? [b.head?.map((c) => c.md) ?? null, ...b.rows.map((r) => r.map((c) => c.md))]
            : b.line.md,
      ),
    ]),
  };
};
const headings = (
  text: string,
  format: "text" | "markdown" | "html" | "auto" = "auto",
): [string, string, number][] =>
  parseImport({ text, format }).sections.map((s) => [s.heading, s.form, s.level]);

describe("format detection", () => {
  it("reads Markdown and HTML whatever format is given, and plain text as plain text", () => {
    expect(detectFormat("## **Bewaartermijn**\n\nWij bewaren.", "text").format).toBe("markdown");
    expect(detectFormat("**Wie zijn wij?**\nTekst.\n\n**Bewaren**\nTekst.", "text").format).toBe("markdown");
    expect(detectFormat("<h2>Cookies</h2><p>Wij gebruiken <b>cookies</b>.</p>", "text").format).toBe("html");
    expect(detectFormat("Cookies\n\nWij gebruiken cookies.", "html").format).toBe("text");
    expect(detectFormat("Cookies\n\nWij gebruiken cookies.", "html").why.nl).toContain("platte tekst");
    expect(detectFormat("| Naam | Doel |\n| --- | --- |\n| _ga | statistiek |", "auto").format).toBe(
      "markdown",
    );
    // A single "**" in prose or an e-mail address in angle brackets is no markup.
    expect(detectFormat("Wij **nooit** verkopen. Mail <info@voorbeeld.nl>.", "auto").format).toBe("text");
  });
});

describe("headings in every common form", () => {
  it("takes Markdown headings, bold ones included, and strips the markup", () => {
    expect(
      headings("# Privacyverklaring X\n\n## **Bewaartermijn**\n\nTekst.\n\n### Klacht\n\nTekst.", "text"),
    ).toEqual([
      ["Bewaartermijn", "markdown", 2],
      ["Klacht", "markdown", 3],
    ]);
  });

  it("takes bold-only lines, also with the text right below them", () => {
    expect(
      headings(
        "**Wie zijn wij?**\nWij zijn een bakkerij in Delft.\n\n**Bewaren:**\nWij bewaren facturen 7 jaar.",
      ),
    ).toEqual([
      ["Wie zijn wij?", "bold", 2],
      ["Bewaren", "bold", 2],
    ]);
  });

  it("takes ALL-CAPS lines, but not a short abbreviation", () => {
    expect(
      headings(
        "WIE ZIJN WIJ\nBakkerij Jansen uit Delft.\n\nUW RECHTEN\nU mag uw gegevens inzien.\n\nAVG\nDe AVG geldt.",
      ),
    ).toEqual([
      ["WIE ZIJN WIJ", "caps", 2],
      ["UW RECHTEN", "caps", 2],
    ]);
  });

  it("takes numbered headings with their depth, and keeps numbered lists as lists", () => {
    const text = [
      "1. Inleiding",
      "Dit is de verklaring van de club.",
      "",
      "2. Rechten",
      "U kunt:",
      "1. uw gegevens inzien;",
      "2. uw gegevens laten verwijderen.",
      "",
      "2.1 Klachten",
      "Een klacht kunt u indienen bij de Autoriteit Persoonsgegevens.",
    ].join("\n");
    expect(headings(text)).toEqual([
      ["1. Inleiding", "numbered", 2],
      ["2. Rechten", "numbered", 2],
      ["2.1 Klachten", "numbered", 3],
    ]);
    expect(outline(text, "text")).toMatchObject({
      sections: [
        ["1. Inleiding", ["Dit is de verklaring van de club."]],
        ["2. Rechten", ["U kunt:", ["1. uw gegevens inzien;", "2. uw gegevens laten verwijderen."]]],
        ["2.1 Klachten", ["Een klacht kunt u indienen bij de Autoriteit Persoonsgegevens."]],
      ],
    });
    // "1. Naam" directly above "2. Adres" is a list, not two headings.
    expect(headings("Wij verwerken:\n\n1. Naam\n2. Adres\n3. Telefoonnummer\n\nDat is alles.")).toEqual([]);
  });

  it("takes questions and short lines as headings only when the text has no clearer ones", () => {
    const questions =
      "Welke gegevens verzamelen wij?\nUw naam en adres.\n\nHoe lang bewaren wij ze?\nTwee jaar lang.";
    expect(headings(questions)).toEqual([
      ["Welke gegevens verzamelen wij?", "question", 2],
      ["Hoe lang bewaren wij ze?", "question", 2],
    ]);
    // With Markdown headings present, a question line is a sentence of the text.
    const mixed =
      "## Rechten\n\nU heeft rechten.\n\nVragen over uw rechten?\n\nMail ons gerust.\n\n## Cookies\n\nGeen.";
    expect(headings(mixed).map((h) => h[0])).toEqual(["Rechten", "Cookies"]);
  });

  it("takes short capitalised lines without a full stop as headings, and nothing else", () => {
    const text = [
      "Inleiding bij deze tekst die lang genoeg is om geen kop te zijn, want hij loopt door tot voorbij tachtig tekens.",
      "",
      "Bewaartermijnen",
      "Wij bewaren facturen 7 jaar.",
      "",
      "Een korte zin zonder punt",
      "",
      "- Naam;",
      "- Adres",
      "",
      "Contact:",
      "privacy@voorbeeld.nl",
    ].join("\n");
    expect(outline(text, "text")).toEqual({
      title: undefined,
      intro: 1,
      sections: [
        ["Bewaartermijnen", ["Wij bewaren facturen 7 jaar."]],
        ["Een korte zin zonder punt", [["Naam;", "Adres"], "Contact: privacy@voorbeeld.nl"]],
      ],
    });
  });

  it("finds headings in text without blank lines, where each line is a paragraph", () => {
    const text = [
      "Privacyverklaring Bakkerij Jansen",
      "Bakkerij Jansen verwerkt persoonsgegevens van klanten.",
      "Welke gegevens",
      "Wij verwerken uw naam en uw adres voor de bezorging.",
      "Wij verwerken ook uw telefoonnummer voor vragen.",
      "Bewaren",
      "Wij bewaren uw gegevens twee jaar na de laatste bestelling.",
    ].join("\n");
    const doc = parseImport({ text });
    expect(doc.title).toBe("Privacyverklaring Bakkerij Jansen");
    expect(doc.sections.map((s) => [s.heading, s.blocks.length])).toEqual([
      ["Welke gegevens", 2],
      ["Bewaren", 1],
    ]);
  });

  it("uses underlined headings, as renderText writes them", () => {
    const text =
      "Privacyverklaring X\n===\n\nDoeleinden\n---\n\nNaam — Doel\n- a_b — c\n\nKort zonder punt\n\nTekst.\n";
    expect(outline(text, "text")).toEqual({
      title: "Privacyverklaring X",
      intro: 0,
      sections: [["Doeleinden", ["Naam — Doel", ["a\\_b — c"], "Kort zonder punt", "Tekst."]]],
    });
  });

  it("keeps numbered items numbered and escapes Markdown characters outside URLs in plain text", () => {
    const text = "Rechten\n\n1. Inzage in alles, ook *sterretjes*\n2. Zie https://example.nl/a_b en {{x}}\n";
    expect(outline(text, "text")).toEqual({
      title: undefined,
      intro: 0,
      sections: [
        [
          "Rechten",
          [["1. Inzage in alles, ook \\*sterretjes\\*", "2. Zie https://example.nl/a_b en \\{\\{x\\}\\}"]],
        ],
      ],
    });
  });
});

describe("Markdown", () => {
  it("reads # headings, keeps inline Markdown and reads pipe tables with their head", () => {
    const text =
      "# Privacybeleid Voorbeeld\n\nIntro met **nadruk**.\n\n## Bewaartermijnen\n\n* Facturen: 7 jaar\n+ Logs\n\n| Gegevens | Termijn |\n| --- | --- |\n| Offertes | 1 jaar |\n";
    expect(outline(text, "markdown")).toEqual({
      title: "Privacybeleid Voorbeeld",
      intro: 1,
      sections: [
        [
          "Bewaartermijnen",
          [
            ["Facturen: 7 jaar", "Logs"],
            [
              ["Gegevens", "Termijn"],
              ["Offertes", "1 jaar"],
            ],
          ],
        ],
      ],
    });
  });
});

describe("HTML", () => {
  it("keeps headings, paragraphs, bullets, tables, links and emphasis; drops scripts, styles, navigation and footer", () => {
    const html = `<!doctype html><html><head><title>Ignored</title><style>p{color:red}</style></head><body>
      <nav><a href="/">Home</a></nav>
      <h1>Privacyverklaring Voorbeeld&nbsp;B.V.</h1><p>Welkom &amp; fijn dat u er bent.</p>
      <script>document.write("<h2>nope</h2>")</script>
      <h2>Welke gegevens verwerken wij?</h2>
      <ul><li>Naam<li>E-mail: <a href="mailto:a@b.nl">a@b.nl</a></li><li><strong>IP</strong>-adres</li></ul>
      <h2>Cookies</h2><table><tr><th>Naam</th><th>Doel</th></tr><tr><td>_ga</td><td>statistiek</td></tr></table>
      <p>Meer op <a href="https://example.nl">onze site</a> of <a href="javascript:x()">hier</a>.<br>Tot ziens</p>
      <footer>© Voorbeeld</footer>`;
    expect(outline(html, "html")).toEqual({
      title: "Privacyverklaring Voorbeeld B.V.",
      intro: 1,
      sections: [
        ["Welke gegevens verwerken wij?", [["Naam", "E-mail: a@b.nl", "**IP**-adres"]]],
        [
          "Cookies",
          [
            [
              ["Naam", "Doel"],
              ["\\_ga", "statistiek"],
            ],
            "Meer op [onze site](https://example.nl) of hier. Tot ziens",
          ],
        ],
      ],
    });
  });

  it("takes <p><strong>…</strong></p> and ALL-CAPS paragraphs as headings when a page has no h-tags", () => {
    const html =
      "<div><p><strong>Wie zijn wij</strong><br>Wij zijn een bakkerij in Delft.</p><p>UW RECHTEN</p><p>U mag uw gegevens inzien.</p><p>Nog een zin die gewoon tekst is.</p></div>";
    expect(headings(html)).toEqual([
      ["Wie zijn wij", "bold", 2],
      ["UW RECHTEN", "caps", 2],
    ]);
  });

  it("decodes named and numeric entities and leaves unknown ones as written", () => {
    expect(decodeEntities("&euml;&#233;&#x20AC;&rsquo;&bogus; &amp")).toBe("ëé€’&bogus; &");
  });
});

describe("periods", () => {
  it.each([
    ["7 jaar", { amount: 7, unit: "years" }],
    ["12 maanden", { amount: 12, unit: "months" }],
    ["vijf jaar", { amount: 5, unit: "years" }],
    ["30 dagen", { amount: 30, unit: "days" }],
    ["twaalf maanden", { amount: 12, unit: "months" }],
    ["vier weken", { amount: 28, unit: "days" }],
    ["anderhalf jaar", { amount: 18, unit: "months" }],
    ["seven years", { amount: 7, unit: "years" }],
    ["thirty days", { amount: 30, unit: "days" }],
  ])("reads %s", (text, period) => {
    expect(findPeriod(`Wij bewaren dit ${text} na afloop.`)?.period).toEqual(period);
  });

  it("ignores numbers that are no period", () => {
    expect(findPeriods("In 2024 hadden wij een jaarverslag en 3 medewerkers; 5000 jaar is te lang.")).toEqual(
      [],
    );
  });
});

describe("retention in prose", () => {
  const rule = (sentence: string) => readSentence(sentence, "nl");

  it("keeps the period, the trigger and the reason apart", () => {
    expect(
      rule("Werkbonnen en facturen bewaren wij 7 jaar, omdat de Belastingdienst dat eist.")?.item,
    ).toEqual({
      subject: { nl: "Werkbonnen en facturen" },
      period: { amount: 7, unit: "years" },
      description: { nl: "Omdat de Belastingdienst dat eist" },
    });
    expect(
      rule("Gegevens van oud-leden bewaren wij tot 2 jaar na het einde van het lidmaatschap.")?.item,
    ).toEqual({
      subject: { nl: "Gegevens van oud-leden" },
      period: { amount: 2, unit: "years" },
      criterion: { nl: "na het einde van het lidmaatschap" },
    });
    expect(rule("Nadat een contract is beëindigd, worden de gegevens nog 7 jaar bewaard.")?.item).toEqual({
      subject: { nl: "Gegevens" },
      period: { amount: 7, unit: "years" },
      criterion: { nl: "nadat een contract is beëindigd" },
    });
  });

  it("keeps a minimum as a minimum: in words, without a period", () => {
    const found = rule(
      "We bewaren je factuurgegevens minimaal 7 jaar, want dat verplicht de fiscale wet ons.",
    );
    expect(found?.minimum).toBe(true);
    expect(found?.item.period).toBeUndefined();
    expect(found?.item.criterion?.nl).toBe("minimaal 7 jaar");
  });

  it("reads no rule from a sentence about something else", () => {
    expect(rule("Binnen vier weken zullen wij voldoen aan uw verzoek.")).toBeNull();
    expect(rule("Het Analytics-cookie blijft 50 maanden geldig.")).toBeNull();
  });
});

describe("enumerations and legal bases", () => {
  it("splits data named in a sentence, not inside parentheses", () => {
    expect(
      readEnumeratedData(
        "Wij leggen vast: uw naam, adres en e-mailadres, en de datum van het laatste onderhoud.",
        false,
      ),
    ).toEqual(["Naam", "Adres", "E-mailadres", "Datum van het laatste onderhoud"]);
    expect(readEnumeratedData("Monteurs krijgen alleen uw naam, adres en telefoonnummer.", false)).toEqual(
      [],
    );
  });

  it("reads the legal basis and the interest", () => {
    expect(readLegalBasis("gerechtvaardigd belang: u op tijd herinneren")).toEqual({
      basis: "legitimate_interest",
      interest: "u op tijd herinneren",
    });
    expect(readLegalBasis("uitvoering van de koopovereenkomst")).toEqual({ basis: "contract" });
    expect(readLegalBasis("alleen met toestemming")).toEqual({ basis: "consent" });
    expect(readLegalBasis("wettelijke verplichting")).toEqual({ basis: "legal_obligation" });
  });

  it("finds purposes with their basis in a table (Doel | Grondslag)", () => {
    const doc = parseImport({
      text: "| Doel | Grondslag |\n| --- | --- |\n| Nieuwsbrief | Toestemming |\n| Levering | Uitvoering van de overeenkomst |",
    });
    const found = extractPurposes({ index: 0, about: null, pieces: toPieces(doc.intro) }, "nl");
    expect(found.map((f) => [f.item.name.nl, f.item.legalBasis])).toEqual([
      ["Nieuwsbrief", "consent"],
      ["Levering", "contract"],
    ]);
  });

  it("reads bullets grouped by legal basis: each quoted purpose gets the basis, and its interest", () => {
    const doc = parseImport({
      text: [
        "- Toestemming (artikel 6 lid 1 onder a AVG): ‘Versturen van de nieuwsbrief’ en ‘Webinars’. U kunt uw toestemming altijd intrekken.",
        "- Uitvoering van de overeenkomst: om uw bestelling te leveren.",
        "- Gerechtvaardigd belang (artikel 6 lid 1 onder f AVG), met per doeleinde het belang dat wij nastreven: ‘Beveiligen’: het veilig houden van onze systemen; ‘Analyse’: het verbeteren van de website.",
        "- Toestemming intrekken kan altijd.",
      ].join("\n"),
    });
    const found = extractPurposes({ index: 0, about: "legal_basis", pieces: toPieces(doc.intro) }, "nl");
    expect(
      found.map((f) => [
        f.item.name.nl,
        f.item.legalBasis,
        f.item.legitimateInterest?.nl,
        f.item.directMarketing,
      ]),
    ).toEqual([
      ["Versturen van de nieuwsbrief", "consent", undefined, true],
      ["Webinars", "consent", undefined, undefined],
      ["Uw bestelling leveren", "contract", undefined, undefined],
      ["Beveiligen", "legitimate_interest", "het veilig houden van onze systemen", undefined],
      ["Analyse", "legitimate_interest", "het verbeteren van de website", undefined],
      ["Toestemming intrekken kan altijd", undefined, undefined, undefined],
    ]);
    // A newsletter is direct marketing by its nature; the text did not say so, so it is marked assumed.
    expect(found[0]?.assumed).toEqual(["directMarketing"]);
  });

  it("reads a purpose as the statement renderer writes it: direct marketing, interest, and whether providing is required", () => {
    const doc = parseImport({
      text: [
        "- Onderhouden van contacten (direct marketing): zoals uitnodigingen — Grondslag: gerechtvaardigd belang (belang: het onderhouden van de relatie met onze klanten). U bent niet verplicht deze gegevens te verstrekken; zonder deze gegevens ontvangt u geen uitnodigingen.",
        "- Voldoen aan de fiscale bewaarplicht — Grondslag: wettelijke verplichting. Verstrekking is wettelijk verplicht; zonder deze gegevens kunnen wij geen overeenkomst met u aangaan.",
      ].join("\n"),
    });
    const found = extractPurposes({ index: 0, about: "purposes", pieces: toPieces(doc.intro) }, "nl");
    expect(found.map((f) => f.item)).toEqual([
      {
        name: { nl: "Onderhouden van contacten" },
        description: { nl: "zoals uitnodigingen" },
        legalBasis: "legitimate_interest",
        legitimateInterest: { nl: "het onderhouden van de relatie met onze klanten" },
        directMarketing: true,
        provision: {
          requirement: "voluntary",
          consequence: { nl: "zonder deze gegevens ontvangt u geen uitnodigingen" },
        },
      },
      {
        name: { nl: "Voldoen aan de fiscale bewaarplicht" },
        legalBasis: "legal_obligation",
        provision: {
          requirement: "statutory",
          consequence: { nl: "zonder deze gegevens kunnen wij geen overeenkomst met u aangaan" },
        },
      },
    ]);
    expect(found.map((f) => [f.assumed, f.missing, f.whole])).toEqual([
      [[], [], true],
      [[], [], true],
    ]);
  });
});

describe("near-duplicates of the baseline", () => {
  const known = readKnownSentences(
    [
      {
        key: "intro",
        body: "{{company.name}} is een van de {{group.memberCount}} bedrijven van {{group.name}}. Wij gaan zorgvuldig om met uw gegevens.",
      },
    ],
    { "company.name": "Bakkerij Jansen", "group.memberCount": "8", "group.name": "Jansen Groep" },
  );

  it("recognises a sentence with a word changed or a clause left out, not a sentence that says more", () => {
    const matches = matchSentences(
      "Bakkerij Jansen is een van de vijf bedrijven van Jansen Groep. Wij gaan zorgvuldig om met gegevens. Wij verkopen uw gegevens nooit aan anderen.",
      known,
    );
    expect(matches.map((m) => m.known?.key ?? null)).toEqual(["intro", "intro", null]);
  });
});

describe("company details", () => {
  it("suggests name, legal name, e-mail, phone, website, KvK number, address and officer, each with its quote", () => {
    const found = findProfile(undefined, [
      "Voorbeeld Software B.V. is gevestigd aan de Lange Nieuwstraat 44, 3512PJ Utrecht.",
      "Mail privacy@voorbeeldsoftware.nl of info@elders.nl, bel 030 - 760 41 20 of +31 6 12345678.",
      "Zie www.voorbeeldsoftware.nl en https://autoriteitpersoonsgegevens.nl. KvK-nummer: 6183 4207.",
      "Onze functionaris gegevensbescherming is Jan de Wit, bereikbaar via fg@voorbeeldsoftware.nl.",
      "Voorbeeld Software verwerkt gegevens.",
    ]);
    expect(Object.fromEntries(found.suggestions.map((s) => [s.field, s.value]))).toEqual({
      tradeName: "Voorbeeld Software",
      legalName: "Voorbeeld Software B.V.",
      email: "privacy@voorbeeldsoftware.nl",
      phone: "030 - 760 41 20",
      website: "https://www.voorbeeldsoftware.nl",
      kvkNumber: "61834207",
      address: { street: "Lange Nieuwstraat 44", postalCode: "3512 PJ", city: "Utrecht", country: "NL" },
      dpo: { name: "Jan de Wit", email: "fg@voorbeeldsoftware.nl" },
    });
    expect(found.suggestions.find((s) => s.field === "email")?.quote).toBe(
      "Mail privacy@voorbeeldsoftware.nl of info@elders.nl, bel 030 - 760 41 20 of +31 6 12345678.",
    );
    expect(found.candidates.phones).toEqual(["030 - 760 41 20", "+31 6 12345678"]);
  });

  it("suggests no name from a heading word, a sentence or a processor's name", () => {
    const found = findProfile(undefined, [
      "Bewaartermijn",
      "Wij schakelen Previder B.V. in voor hosting. Previder B.V. staat in Hengelo.",
      "Denk aan Mailchimp en Google Analytics.",
    ]);
    expect(found.suggestions.filter((s) => s.field === "tradeName" || s.field === "legalName")).toEqual([]);
  });
});

describe("mapping against another baseline", () => {
  it("recognises headings by cue and by body, and holds back text for locked sections", () => {
    const text = [
      "Over deze verklaring",
      "",
      "Tekst over de verklaring.",
      "",
      "Hoe lang bewaren wij uw gegevens?",
      "",
      "Facturen worden 7 jaar bewaard.",
      "",
      "Jouw rechten",
      "",
      "Je kunt je gegevens inzien.",
      "",
      "Camerabeelden",
      "",
      "Wij filmen de ingang.",
    ].join("\n");
    const context = createImportContext({ slug: "x", name: "Bakkerij" });
    const proposal = proposeImport({ text, format: "text" }, createBaseline(), context);
    expect(proposal.sections.map((s) => s.key)).toEqual(["intro", "retention", "rights", null]);
    expect(proposal.found.filter((f) => f.list === "retention").map((f) => f.item)).toEqual([
      { subject: { nl: "Facturen" }, period: { amount: 7, unit: "years" } },
    ]);
    const plan = planImport(context.draft, proposal);
    // This baseline locks its introduction and rights: that text is held back with a note.
    expect(plan.placement.sections.map((s) => s.as)).toEqual(["held", "inherit", "held", "own"]);
    expect(plan.content.lists.retention).toHaveLength(1);
    expect(plan.content.ownSections.map((s) => [s.key, s.after])).toEqual([["camerabeelden", "rights"]]);
  });
});

describe("mapping against the demo baseline, with its conditional text", () => {
  it("maps headings about objecting and joint controllership to their own sections, and holds their text back", () => {
    const text = [
      "Privacyverklaring Bakkerij",
      "",
      "Uw rechten",
      "",
      "U heeft recht op inzage, correctie en verwijdering van uw gegevens.",
      "",
      "Recht van bezwaar",
      "",
      "U kunt bezwaar maken tegen het gebruik van uw gegevens voor onze nieuwsbrief.",
      "",
      "Gezamenlijke verwerkingsverantwoordelijkheid",
      "",
      "Wij en onze zusterbedrijven zijn samen verantwoordelijk voor het klantenbestand.",
    ].join("\n");
    const context = createImportContext({ slug: "bakkerij", name: "Bakkerij" });
    const proposal = proposeImport({ text, format: "text" }, DEMO_BASELINE, context);
    expect(proposal.sections.map((s) => s.key)).toEqual(["rights", "objection", "joint_controllers"]);
    // A title with a placeholder reads as the company's statement shows it.
    expect(proposal.targets.find((t) => t.key === "joint_controllers")?.title.nl).toBe(
      `Gezamenlijke verantwoordelijkheid binnen ${context.group.name}`,
    );
    // All three are locked in the demo baseline: their differences are held back, not added.
    const plan = planImport(context.draft, proposal);
    expect(plan.placement.sections.map((s) => s.as)).toEqual(["held", "held", "held"]);
    expect(plan.content.overrides).toEqual(context.draft.overrides);
  });
});
