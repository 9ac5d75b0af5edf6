import { describe, expect, it } from "vitest";
import { createBaseline } from "../testing/fixtures.ts";
import { decodeEntities } from "./html.ts";
import { parseImport } from "./parse.ts";
import { findPeriod, findPeriods } from "./periods.ts";
import { findProfile } from "./profile.ts";
import { proposeImport } from "./propose.ts";

const outline = (text: string, format: "text" | "markdown" | "html"): unknown => {
  const doc = parseImport({ text, format });
  return {
    title: doc.title,
    intro: doc.intro.length,
    sections: doc.sections.map((s) => [
      s.heading,
      s.blocks.map((b) => (b.type === "list" ? b.items.map((i) => i.md) : b.line.md)),
    ]),
  };
};

describe("plain text", () => {
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

  it("uses only underlined headings when the text has them, as renderText writes it", () => {
    const text =
      "Privacyverklaring X\n===\n\nDoeleinden\n---\n\nNaam — Doel\n- a_b — c\n\nKort zonder punt\n\nTekst.\n";
    expect(outline(text, "text")).toEqual({
      title: "Privacyverklaring X",
      intro: 0,
      sections: [["Doeleinden", ["Naam — Doel", ["a\\_b — c"], "Kort zonder punt", "Tekst."]]],
    });
  });

  it("keeps numbered items numbered and escapes Markdown characters outside URLs", () => {
    const text = "Rechten\n\n1. Inzage in *alles*\n2. Zie https://example.nl/a_b en {{x}}\n";
    expect(outline(text, "text")).toEqual({
      title: undefined,
      intro: 0,
      sections: [
        ["Rechten", [["1. Inzage in \\*alles\\*", "2. Zie https://example.nl/a_b en \\{\\{x\\}\\}"]]],
      ],
    });
  });
});

describe("Markdown", () => {
  it("reads # headings and keeps inline Markdown", () => {
    const text =
      "# Privacybeleid Voorbeeld\n\nIntro met **nadruk**.\n\n## Bewaartermijnen\n\n* Facturen: 7 jaar\n+ Logs\n";
    expect(outline(text, "markdown")).toEqual({
      title: "Privacybeleid Voorbeeld",
      intro: 1,
      sections: [["Bewaartermijnen", [["Facturen: 7 jaar", "Logs"]]]],
    });
  });
});

describe("HTML", () => {
  it("keeps headings, paragraphs, bullets, rows, links and emphasis; drops scripts and styles", () => {
    const html = `<!doctype html><html><head><title>Ignored</title><style>p{color:red}</style></head><body>
      <h1>Privacyverklaring Voorbeeld&nbsp;B.V.</h1><p>Welkom &amp; fijn dat u er bent.</p>
      <script>document.write("<h2>nope</h2>")</script>
      <h2>Welke gegevens verwerken wij?</h2>
      <ul><li>Naam<li>E-mail: <a href="mailto:a@b.nl">a@b.nl</a></li><li><strong>IP</strong>-adres</li></ul>
      <h2>Cookies</h2><table><tr><th>Naam</th><th>Doel</th></tr><tr><td>_ga</td><td>statistiek</td></tr></table>
      <p>Meer op <a href="https://example.nl">onze site</a> of <a href="javascript:x()">hier</a>.<br>Tot ziens</p>`;
    expect(outline(html, "html")).toEqual({
      title: "Privacyverklaring Voorbeeld B.V.",
      intro: 1,
      sections: [
        ["Welke gegevens verwerken wij?", [["Naam", "E-mail: [a@b.nl](mailto:a@b.nl)", "**IP**-adres"]]],
        [
          "Cookies",
          [
            ["Naam — Doel", "\\_ga — statistiek"],
            "Meer op [onze site](https://example.nl) of hier. Tot ziens",
          ],
        ],
      ],
    });
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
    ["50 maanden", { amount: 50, unit: "months" }],
    ["30 dagen", { amount: 30, unit: "days" }],
    ["twee jaar", { amount: 2, unit: "years" }],
    ["twaalf maanden", { amount: 12, unit: "months" }],
    ["vijftig dagen", { amount: 50, unit: "days" }],
    ["vier weken", { amount: 28, unit: "days" }],
    ["anderhalf jaar", { amount: 18, unit: "months" }],
    ["seven years", { amount: 7, unit: "years" }],
    ["one month", { amount: 1, unit: "months" }],
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

describe("company details", () => {
  it("finds name, legal name, e-mail, phone, website, KvK number and address", () => {
    const found = findProfile(undefined, [
      "Voorbeeld Software B.V. is gevestigd aan de Lange Nieuwstraat 44, 3512PJ Utrecht.",
      "Mail privacy@voorbeeldsoftware.nl of info@elders.nl, bel 030 - 760 41 20 of +31 6 12345678.",
      "Zie www.voorbeeldsoftware.nl en https://autoriteitpersoonsgegevens.nl. KvK-nummer: 6183 4207.",
      "Voorbeeld Software verwerkt gegevens.",
    ]);
    expect(found.profile).toEqual({
      tradeName: "Voorbeeld Software",
      legalName: "Voorbeeld Software B.V.",
      email: "privacy@voorbeeldsoftware.nl",
      phone: "030 - 760 41 20",
      website: "https://www.voorbeeldsoftware.nl",
      kvkNumber: "61834207",
      address: { street: "Lange Nieuwstraat 44", postalCode: "3512 PJ", city: "Utrecht", country: "NL" },
    });
    expect(found.candidates.phones).toEqual(["030 - 760 41 20", "+31 6 12345678"]);
  });
});

describe("mapping against another baseline", () => {
  it("recognises headings by checklist cues when titles differ", () => {
    const text = [
      "Over deze verklaring",
      "",
      "Tekst.",
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
    const proposal = proposeImport({ text, format: "text" }, createBaseline());
    expect(proposal.sections.map((s) => [s.key ?? s.ownKey, Math.round(s.confidence * 100)])).toEqual([
      ["intro", 100],
      ["retention", 70],
      ["rights", 70],
      ["camerabeelden", 0],
    ]);
    expect(proposal.lists.retention).toEqual([
      { subject: { nl: "Facturen" }, period: { amount: 7, unit: "years" } },
    ]);
    // This baseline locks its introduction and rights, so that text follows them as own sections.
    expect(proposal.placements.map((p) => p.as)).toEqual(["own", "replace", "own", "own"]);
    expect(proposal.ownSections.map((s) => [s.key, s.after])).toEqual([
      ["over_deze_verklaring", "intro"],
      ["jouw_rechten", "rights"],
      ["camerabeelden", "rights"],
    ]);
  });
});
