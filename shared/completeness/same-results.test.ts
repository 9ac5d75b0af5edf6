// The checks were made cheaper for the rollout (issue 20) without changing what they find. These
// tests pin that down where the faster code could differ: patterns searched with atWordStart
// instead of a leading lookbehind, one-pass normalising, sentence breaks found from the
// punctuation, statements read once and shared between rules and languages, and answers
// remembered by text. The reference versions below are the code as it was before.
import { describe, expect, it } from "vitest";
import type { Baseline, Language, TenantContent } from "../model.ts";
import { resolvePublication } from "../publication.ts";
import { createGroup } from "../testing/fixtures.ts";
import { lintPublication, lintStatement } from "../lint/lint.ts";
import { makePlain, splitIntoSentences } from "../lint/read.ts";
import { checkCompleteness } from "./check.ts";
import { CHECKLIST } from "./checklist.ts";
import { findCue, normalizeForMatch, splitSentences } from "./cues.ts";
import { RIGHTS_CONTEXT, readStatement, sectionsWithCue } from "./evidence.ts";
import { atWordStart } from "./word-start.ts";

const referenceNormalize = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000]/g, " ")
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/[\u2010\u2011]/g, "-")
    .replace(/\s+/g, " ")
    .trim();

const referenceMakePlain = (text: string): string =>
  text
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000]/g, " ")
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/[\u2010\u2011]/g, "-");

const referenceSplitSentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+(?=[^\s])/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

const REFERENCE_SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}‘“"'])/gu;
const REFERENCE_ABBREVIATION =
  /(?:^|[\s(-])(?:(?:\p{L}\.){2,}|\p{Lu}\.|mr\.|mrs\.|ms\.|dr\.|prof\.|dhr\.|mevr\.|st\.|nr\.|no\.|art\.|bijv\.|vgl\.|e\.g\.|i\.e\.|inc\.|ltd\.|co\.|corp\.)$/iu;
function referenceSplitIntoSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(REFERENCE_SENTENCE_END)) {
    if (REFERENCE_ABBREVIATION.test(paragraph.slice(Math.max(start, match.index - 12), match.index)))
      continue;
    sentences.push(paragraph.slice(start, match.index));
    start = match.index + match[0].length;
  }
  sentences.push(paragraph.slice(start));
  return sentences.map((s) => s.trim()).filter((s) => s !== "");
}

// Text in the styles statements come in, with what pasted text brings along: non-breaking and
// double spaces, curly quotes, odd hyphens, abbreviations, emoji (surrogate pairs), letters whose
// case folding is unusual (long s, Kelvin sign, dotted capital I) right before a cue.
const TEXTS = [
  "Wij verwerken uw gegevens niet buiten de EER. Door gebruik te maken van deze website gaat u akkoord met cookies.",
  "Je kunt ons altijd vragen om inzage. We bewaren je gegevens minimaal 7 jaar; daarna niet langer dan nodig.",
  "By using this website you consent to cookies. We mostly rely on consent! Data is never transferred abroad.",
  "Wij  verwerken\u00A0gegevens op grond van ons gerechtvaardigd belang: het beveiligen van onze systemen.",
  "“Google Inc.” en Facebook Ireland Ltd. verwerken (geanonimiseerde) IP-adressen; zie art. 6 AVG.",
  "Mr. A. Jansen (DPO) is bereikbaar via dpo@voorbeeld.nl. Bijv. Google Analytics wordt privacyvriendelijk ingesteld.",
  "Fietsenmakerij Trapper B.V. is gevestigd in Zwolle. De EU-U.S. Privacy Shield geldt niet meer. Zie ook www.trapper.nl.",
  "Uw recht op beperking van de verwerking, op overdraagbaarheid en op bezwaar: u kunt ons daarvoor mailen.",
  "Binnen vier weken voldoen wij aan uw verzoek. Within 4 weeks we will comply with your request.",
  "Onze kantoren in het buitenland en dochterondernemingen buiten Nederland verwerken ook gegevens.",
  "Data is stored on servers in the United States and India. We only process data within the EEA.",
  "Xrecht 😀recht ſtandard contractual clauſes \u212Aunt u ons bellen? İnzage en inzage; 𝐀recht en 1recht.",
  "Wij sturen u een nieuwsbrief ‑ u kunt zich afmelden – of bezwaar maken tegen direct marketing.",
  "   Leading and trailing spaces\t\twith tabs\nand a new line.  ",
];

describe("the faster primitives give the same results as the code before them", () => {
  it("normalises and makes plain as the chain of replacements did, for every character", () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const c = String.fromCharCode(code);
      for (const text of [`a${c}b`, `${c}${c}`, `  ${c} x`]) {
        expect(normalizeForMatch(text)).toBe(referenceNormalize(text));
        expect(makePlain(text)).toBe(referenceMakePlain(text));
      }
    }
    for (const text of TEXTS) {
      expect(normalizeForMatch(text)).toBe(referenceNormalize(text));
      expect(makePlain(text)).toBe(referenceMakePlain(text));
    }
  });

  it("splits sentences where the lookbehind split them", () => {
    for (const text of [
      ...TEXTS,
      TEXTS.join(" "),
      "Echt?! Ja. Nee!  Of? “Zeker.” 'Ja.' b.v. Inc. (“Google”) Ok.",
    ]) {
      expect(splitIntoSentences(text)).toEqual(referenceSplitIntoSentences(text));
      const normal = normalizeForMatch(text);
      expect(splitSentences(normal)).toEqual(referenceSplitSentences(normal));
      expect(splitSentences(text)).toEqual(referenceSplitSentences(text));
    }
  });

  it("finds with atWordStart exactly what a leading lookbehind finds, with and without case", () => {
    const patterns: [string, string][] = [
      ["(?:recht|right|inzage|standard|kunt u ons)", "u"],
      ["(?:geen|niet|nooit|no|not|never|none)(?![\\p{L}])", "iu"],
      ["(?:ge)?anoni(?:em|eme|emen|mi\\p{L}*)(?![\\p{L}])|anonym\\p{L}*", "iu"],
      ["(?:binnen|within)\\s+(?:\\d+|vier|four)\\s+(?:weken|weeks?)(?![\\p{L}])", "iu"],
      ["(?:ſ|s)tandard|(?:k|\u212A)unt|i", "iu"],
      ["(?:\\d+|een|one)\\s+(?:jaar|years?)", "u"],
    ];
    for (const [source, flags] of patterns) {
      for (const orDigit of [false, true]) {
        const before = orDigit ? "[\\p{L}\\p{N}]" : "[\\p{L}]";
        const reference = new RegExp(`(?<!${before})(?:${source})`, flags);
        const fast = atWordStart(new RegExp(source, flags), orDigit);
        for (const text of [...TEXTS, TEXTS.join("\n"), ""]) {
          const expected = reference.exec(text);
          const found = fast.exec(text);
          expect(found?.[0]).toBe(expected?.[0]);
          expect(found?.index).toBe(expected?.index);
          expect(fast.test(text)).toBe(reference.test(text));
        }
      }
    }
  });
});

/** A statement of a few sections in one or two languages, as a company's baseline would give it. */
function writeStatement(
  sections: [key: string, title: [string, string], body: [string, string]][],
): Baseline {
  return {
    title: { nl: "Privacyverklaring {{company.name}}", en: "Privacy statement {{company.name}}" },
    sections: sections.map(([key, [titleNl, titleEn], [nl, en]]) => ({
      key,
      title: { nl: titleNl, en: titleEn },
      body: { nl, en },
      policy: "locked" as const,
    })),
  };
}

function details(change: (content: TenantContent) => void = () => {}): TenantContent {
  const content: TenantContent = {
    profile: {
      legalName: "Bakkerij Deeg B.V.",
      tradeName: "Deeg",
      kvkNumber: "12345678",
      address: { street: "Molenweg 3", postalCode: "8011 AB", city: "Zwolle", country: "NL" },
      email: "privacy@deeg.nl",
      phone: "+31 38 123 45 67",
      website: "https://www.deeg.nl",
    },
    lists: { data_categories: [], purposes: [], retention: [], recipients: [], cookies: [] },
    overrides: {},
    ownSections: [],
  };
  change(content);
  return content;
}

// A formal statement with gaps, an informal one, one in English with an untranslated section,
// and one that contradicts its details: each rule has something to find or to pass.
const STATEMENTS: { name: string; baseline: Baseline; content: TenantContent }[] = [
  {
    name: "formal, with the usual gaps",
    baseline: writeStatement([
      [
        "wie",
        ["Wie zijn wij", "Who we are"],
        [
          "Bakkerij Deeg B.V. (hierna: “wij”), Molenweg 3, 8011 AB Zwolle, privacy@deeg.nl. Wij en onze aangesloten bedrijven (hierna: wij) verwerken persoonsgegevens.",
          "Bakkerij Deeg B.V. (hereinafter “we”), Molenweg 3, 8011 AB Zwolle, privacy@deeg.nl. We and our affiliated companies (hereinafter: us) process personal data.",
        ],
      ],
      [
        "grondslag",
        ["Grondslagen", "Legal bases"],
        [
          "Wij verwerken uw gegevens veelal op basis van uw toestemming. Door gebruik te maken van deze website gaat u akkoord met onze voorwaarden.",
          "We mostly process your data based on your consent. By using this website you agree to our terms.",
        ],
      ],
      [
        "doorgifte",
        ["Doorgifte", "Transfers"],
        [
          "Uw gegevens worden nooit naar het buitenland doorgegeven. Onze hosting staat in de Verenigde Staten en valt onder het EU-US Privacy Shield.",
          "Your data is never transferred abroad. Our hosting is in the United States under the EU-US Privacy Shield.",
        ],
      ],
      [
        "rechten",
        ["Uw rechten", "Your rights"],
        [
          "U heeft recht op inzage, rectificatie, verwijdering en bezwaar. Wij voldoen binnen vier weken aan uw verzoek.",
          "You have the right of access, rectification, erasure and objection. We will comply with your request within four weeks.",
        ],
      ],
    ]),
    content: details(),
  },
  {
    name: "informal Dutch webshop",
    baseline: writeStatement([
      [
        "cookies",
        ["Cookies", "Cookies"],
        [
          "We gebruiken Google Analytics zonder toestemming; de gegevens zijn anoniem. Google gebruikt de gegevens ook voor andere diensten.",
          "We use Google Analytics without consent; the data is anonymous. Google also uses the data for other services.",
        ],
      ],
      [
        "bewaren",
        ["Hoe lang bewaren we je gegevens?", "How long we keep your data"],
        [
          "We bewaren je bestelgegevens minimaal 7 jaar.\n\nJe kunt je altijd afmelden voor onze nieuwsbrief.",
          "We keep your order data for at least 7 years.\n\nYou can always unsubscribe from our newsletter.",
        ],
      ],
      [
        "klachten",
        ["Klachten", "Complaints"],
        [
          "Ben je niet tevreden? Je kunt een klacht indienen bij de Autoriteit Persoonsgegevens.",
          "Not satisfied? You can lodge a complaint with the Autoriteit Persoonsgegevens.",
        ],
      ],
    ]),
    content: details((c) => {
      c.lists.purposes = [
        {
          name: { nl: "Nieuwsbrief", en: "Newsletter" },
          legalBasis: "legitimate_interest",
          directMarketing: true,
        },
        { name: { nl: "Bestellingen", en: "Orders" }, legalBasis: "contract" },
      ];
      c.lists.data_categories = [{ name: { nl: "Bestelgegevens", en: "Order data" }, special: false }];
    }),
  },
  {
    name: "English with an untranslated section",
    baseline: writeStatement([
      [
        "intro",
        ["Inleiding", "Introduction"],
        [
          "Deeg verwerkt persoonsgegevens van klanten en bezoekers van de website.",
          "Deeg processes personal data of customers and visitors of the website.",
        ],
      ],
      [
        "vestiging",
        ["Vestigingen", "Establishments"],
        [
          "Wij hebben kantoren in het buitenland die ook uw gegevens verwerken voor deze en andere doelen.",
          "Wij hebben kantoren in het buitenland die ook uw gegevens verwerken voor deze en andere doelen.",
        ],
      ],
    ]),
    content: details((c) => {
      c.lists.recipients = [
        {
          name: "Cloud Inc.",
          role: "processor",
          country: "US",
          safeguard: "scc",
          service: { nl: "Hosting" },
        },
      ];
    }),
  },
];

describe("statements read once and answers remembered give the same findings", () => {
  const group = { ...createGroup(), languages: ["nl", "en"] as Language[] };

  for (const { name, baseline, content } of STATEMENTS) {
    it(`${name}: lints every language as each statement alone, and checks the same twice`, () => {
      const { statements } = resolvePublication(baseline, { group, slug: "deeg", content });
      const dutch = statements.find((s) => s.language === "nl");
      const context = { allowReservedDomains: false, dutch, jointControllers: false };
      const together = lintPublication(baseline, { group, slug: "deeg", content }, statements);
      const alone = statements.flatMap((statement) => lintStatement(statement, content, context));
      expect(together).toEqual(alone);
      expect(together.length).toBeGreaterThan(0);
      // Asked again, after other statements were read: the remembered answers are the same.
      for (const other of STATEMENTS)
        resolvePublication(other.baseline, { group, slug: "x", content: other.content });
      expect(lintPublication(baseline, { group, slug: "deeg", content }, statements)).toEqual(together);
      for (const statement of statements) {
        const first = checkCompleteness(statement, content);
        expect(checkCompleteness(statement, content)).toEqual(first);
        expect(lintStatement(statement, null, context)).toEqual(lintStatement(statement, null, context));
      }
    });
  }
});

describe("cues answered per line give the sections one search of the whole text gave", () => {
  const group = { ...createGroup(), languages: ["nl", "en"] as Language[] };
  // Cues at the start and end of a paragraph, in list items, in titles, after punctuation, in a
  // paragraph written over several source lines, and a cue's words split over two list items
  // (which no search may join).
  const edges = writeStatement([
    [
      "fg",
      ["Functionaris gegevensbescherming", "Data protection officer"],
      [
        "Onze functionaris\ngegevensbescherming is bereikbaar via fg@deeg.nl.\n\n- klacht indienen\n- bij de Autoriteit\n- Persoonsgegevens",
        "Our data protection\nofficer can be reached at dpo@deeg.nl.\n\n- lodge a complaint\n- with the Dutch\n- supervisory authority",
      ],
    ],
    [
      "bewaren",
      ["Bewaartermijnen", "Retention"],
      [
        "Bewaartermijn: zeven jaar. U kunt bezwaar maken;recht op inzage.\n\nDoorgifte buiten de EU",
        "Retention period: seven years. You can object;right of access.\n\nTransfer outside the EU",
      ],
    ],
  ]);
  const cueLists = [RIGHTS_CONTEXT, ...CHECKLIST.flatMap((item) => [item.phrases, item.headings])];

  for (const { name, baseline, content } of [
    ...STATEMENTS,
    { name: "edges", baseline: edges, content: details() },
  ]) {
    it(`${name}: every cue list of the checklist, in every language`, () => {
      const { statements } = resolvePublication(baseline, { group, slug: "deeg", content });
      for (const statement of statements) {
        const read = readStatement(statement);
        const ctx = { ...read, content, collection: "direct" as const, language: statement.language };
        // The code before: one search of every title and paragraph joined, then one per section.
        const allText = read.sections.map((s) => `${s.title}\n${s.text}`).join("\n");
        for (const cues of cueLists) {
          const before =
            findCue(allText, cues) === null
              ? []
              : read.sections
                  .filter((s) => findCue(s.title, cues) !== null || findCue(s.text, cues) !== null)
                  .map((s) => s.key);
          expect(sectionsWithCue(ctx, cues)).toEqual(before);
          // Asked again, the answers kept with the lines are the same.
          expect(sectionsWithCue(ctx, cues)).toEqual(before);
        }
      }
    });
  }
});
