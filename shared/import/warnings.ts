// What the privacy lead should look at before accepting an import: numbers that contradict the
// group ("vijf aangesloten bedrijven" in a group of eight), statements that contradict the
// baseline ("nooit buiten de EU" there, "opgeslagen in de Verenigde Staten" here), and a text that
// names another company of the group. The text itself is never changed for these: it is shown.
import type { Bilingual } from "../completeness/checklist.ts";
import { normalizeForMatch } from "../completeness/cues.ts";
import { isEeaCountry, type Group } from "../model.ts";
import { countMembers } from "../placeholders.ts";
import type { FoundOf } from "./found.ts";
import type { ImportLintFinding } from "./lint-hook.ts";
import { splitSentences } from "./pieces.ts";
import type { KnownSentence } from "./similar.ts";

export type WarningKind =
  | "member_count"
  | "contradicts_baseline"
  | "other_company"
  | "minimum_retention"
  | "dangling_lead_in"
  | "english_as_dutch"
  | "lint";

export interface ImportWarning {
  kind: WarningKind;
  message: Bilingual;
  /** The words in the imported text. */
  quote?: string;
  /** The imported section it is in. */
  section?: number;
  /** The baseline section it concerns. */
  key?: string;
  /** The words in the baseline it contradicts. */
  baselineQuote?: string;
  /** Lint findings keep their own details. */
  lint?: ImportLintFinding;
}

const NUMBERS: Record<string, number> = {
  een: 1,
  één: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  dertien: 13,
  veertien: 14,
  vijftien: 15,
  zestien: 16,
  zeventien: 17,
  achttien: 18,
  negentien: 19,
  twintig: 20,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
const COUNT = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\d{1,3}|${Object.keys(NUMBERS).join("|")})\\s+(?:(?:aangesloten|zelfstandige|verschillende|zuster|afzonderlijke|member|affiliated|independent)\\s+)?(?:bedrijven|ondernemingen|werkmaatschappijen|dochterbedrijven|dochterondernemingen|dochters|vennootschappen|zusterbedrijven|companies|businesses|subsidiaries|member companies)\\b`,
  "giu",
);

export interface SourceSentence {
  section: number;
  text: string;
}

/** "vijf aangesloten bedrijven" where the group has eight members. */
export function checkMemberCount(sentences: readonly SourceSentence[], group: Group): ImportWarning[] {
  const count = countMembers(group);
  if (count === 0) return [];
  const out: ImportWarning[] = [];
  for (const sentence of sentences) {
    for (const match of sentence.text.matchAll(COUNT)) {
      const word = (match[1] ?? "").toLowerCase();
      const stated = NUMBERS[word] ?? Number(word);
      if (!Number.isFinite(stated) || stated === count) continue;
      // Only about the group: the sentence names it, or how companies belong to it.
      const normal = normalizeForMatch(sentence.text);
      if (
        !normal.includes(normalizeForMatch(group.name)) &&
        !/aangesloten|groep|group|bestaat uit|consists of|onderdeel van|part of|samen|together/.test(normal)
      )
        continue;
      out.push({
        kind: "member_count",
        section: sentence.section,
        quote: sentence.text,
        message: {
          nl: `De tekst noemt “${match[0]}”, maar ${group.name} heeft ${count} bedrijven. De basisverklaring noemt het aantal zelf ({{group.memberCount}}); neem het getal niet over.`,
          en: `The text says “${match[0]}”, but ${group.name} has ${count} companies. The baseline states the number itself ({{group.memberCount}}); do not copy the figure.`,
        },
      });
    }
  }
  return out;
}

const NEGATION = /\b(?:nooit|niet|geen|never|not|no|none)\b/;
const CLAIMS: readonly { id: string; about: RegExp; name: Bilingual }[] = [
  {
    id: "transfer",
    about:
      /buiten de (?:eer|eu|europese)|\bbuitenland|derde land|verenigde staten|\bvs\b|amerika|outside the (?:eea|eu|european)|\babroad\b|united states|third countr/,
    name: {
      nl: "doorgifte van persoonsgegevens buiten de EU/EER",
      en: "transfers of personal data outside the EU/EEA",
    },
  },
  {
    id: "selling",
    about: /\bverkopen\b|\bverkocht\b|\bverkoop van\b|\bsell\b|\bsold\b/,
    name: { nl: "het verkopen van persoonsgegevens", en: "selling personal data" },
  },
  {
    id: "profiling",
    about: /geautomatiseerde besluit|profilering|automated decision|profiling/,
    name: {
      nl: "geautomatiseerde besluitvorming en profilering",
      en: "automated decision-making and profiling",
    },
  },
];

interface Claim {
  id: string;
  positive: boolean;
  text: string;
}

function readClaims(text: string): Claim[] {
  if (/\?\s*$/.test(text)) return [];
  const normal = normalizeForMatch(text);
  return CLAIMS.filter((claim) => claim.about.test(normal)).map((claim) => ({
    id: claim.id,
    positive: !NEGATION.test(normal),
    text,
  }));
}

/**
 * Claims of the imported text against the baseline's: one says a thing never happens, the other
 * that it does. A recipient found outside the EEA counts as a claim that data leaves the EEA.
 */
export function checkBaselineContradictions(
  sentences: readonly SourceSentence[],
  baseline: readonly KnownSentence[],
  recipients: readonly FoundOf<"recipients">[],
): ImportWarning[] {
  const theirs = baseline.flatMap((s) => readClaims(s.text));
  const out: ImportWarning[] = [];
  for (const claim of CLAIMS) {
    const base = theirs.filter((c) => c.id === claim.id);
    const mine = sentences.flatMap((s) => readClaims(s.text).map((c) => ({ ...c, section: s.section })));
    if (claim.id === "transfer") {
      for (const found of recipients) {
        const country = found.item.country;
        if (country !== undefined && !isEeaCountry(country) && !found.assumed.includes("country"))
          mine.push({
            id: "transfer",
            positive: true,
            text: found.source.quote,
            section: found.source.section,
          });
      }
    }
    for (const polarity of [true, false]) {
      const against = base.find((c) => c.positive !== polarity);
      const here = mine.find((c) => c.positive === polarity);
      if (against === undefined || here === undefined) continue;
      out.push({
        kind: "contradicts_baseline",
        section: here.section,
        quote: here.text,
        baselineQuote: against.text,
        message: {
          nl: `Over ${claim.name.nl} zegt de basisverklaring “${against.text}”, maar de geïmporteerde tekst “${here.text}”. Beide kunnen niet waar zijn; overleg met de privacyfunctionaris voordat dit wordt gepubliceerd.`,
          en: `On ${claim.name.en} the baseline says “${against.text}”, but the imported text says “${here.text}”. Both cannot be true; consult the privacy lead before this is published.`,
        },
      });
      break;
    }
  }
  return out;
}

/**
 * The text names another company of the group more than in passing: likely that company's
 * statement. `group.members` must be all of them (the import reads a large group's in full).
 */
export function checkOtherCompany(
  sentences: readonly SourceSentence[],
  group: Group,
  company: { slug: string; name: string },
): ImportWarning[] {
  const out: ImportWarning[] = [];
  for (const member of group.members) {
    if (member.slug === company.slug || member.name === company.name) continue;
    const pattern = new RegExp(
      `(?<![\\p{L}])${member.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`,
      "u",
    );
    const hits = sentences.filter((s) => pattern.test(s.text));
    const ownHits = sentences.filter((s) => s.text.includes(company.name)).length;
    // Group statements list all members once; a company's own statement names itself most.
    if (hits.length < 2 || hits.length <= ownHits) continue;
    out.push({
      kind: "other_company",
      section: hits[0]?.section,
      quote: hits[0]?.text,
      message: {
        nl: `De tekst noemt ${member.name} ${hits.length} keer en ${company.name} ${ownHits} keer. Is dit de verklaring van ${member.name}? Neem geen gegevens van ${member.name} over in het profiel van ${company.name}.`,
        en: `The text names ${member.name} ${hits.length} times and ${company.name} ${ownHits} times. Is this ${member.name}'s statement? Do not take ${member.name}'s details into ${company.name}'s profile.`,
      },
    });
  }
  return out;
}

export function sentencesOf(sections: readonly { pieces: readonly { text: string }[] }[]): SourceSentence[] {
  return sections.flatMap((section, index) =>
    section.pieces.flatMap((piece) => splitSentences(piece.text).map((text) => ({ section: index, text }))),
  );
}
