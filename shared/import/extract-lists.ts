// Data categories and purposes found in imported text: bullets under a heading about them,
// table rows (Doel | Grondslag), and enumerations in prose ("Wij leggen vast: uw naam, adres en
// e-mailadres"; "om de cursus te organiseren (uitvoering van de overeenkomst)"). A purpose keeps
// the legal basis the text gives it; one without is found but incomplete, because the basis must
// be stated per purpose (Art. 13(1)(c) AVG) and guessing it would put words in the company's mouth.
import type { DataCategory, Language, LegalBasis, LocalizedLine, Purpose } from "../model.ts";
import type { FoundOf, FoundPurpose } from "./found.ts";
import {
  capitalize,
  readBoldLead,
  splitEnumeration,
  splitSentences,
  tidyPhrase,
  type Piece,
} from "./pieces.ts";
import { findPeriod } from "./periods.ts";

const MAX = 300;
const SPECIAL =
  /gezondheid|medisch|medische|ras\b|etnisch|religie|levensovertuiging|politieke|vakbond|genetisch|biometrisch|seksuele|health|medical|racial|ethnic|religio|political|trade union|genetic|biometric|sex life|sexual orientation/i;
const EXAMPLES = /\s(?=(?:bijvoorbeeld|zoals|waaronder|for example|such as|including|e\.g\.)\s)/i;
const SPECIFIC_NOUN =
  /\bnaam\b|achternaam|voornaam|\badres|e-?mailadres|telefoonnummer|geboortedatum|geslacht|ip-?adres|burgerservicenummer|\bbsn\b|bankrekeningnummer|\biban\b|locatiegegevens|contactgegevens|\bfunctie\b|\bcv\b|\bname\b|e-?mail address|phone number|date of birth|ip address|job title|contact details/gi;
const COLLECT =
  /\b(?:verwerken|verwerkt|verzamelen|verzamelt|vastleggen|leggen\b.{0,160}\bvast|vragen|nodig|noteren|registreren|ontvangen wij|collect|process|record|ask (?:you )?for)\b/i;

export const line = (text: string, language: Language): LocalizedLine =>
  language === "nl" ? { nl: text } : { nl: text, en: text };

// How the statement renderer writes a category's source and special status, so a statement
// published by this tool reads back into the same list.
const SOURCE = /\s+—\s+(?:Bron|Source):\s+(.+)$/;
const SPECIAL_MARK = /\s*\((?:bijzonder persoonsgegeven|special category)\)/;

export function readDataCategory(text: string, language: Language): { item: DataCategory; fits: boolean } {
  let rest = text.replace(/\s*[;,.]+$/, "").trim();
  const source = SOURCE.exec(rest)?.[1];
  if (source !== undefined) rest = rest.slice(0, rest.length - (SOURCE.exec(rest)?.[0].length ?? 0));
  const marked = SPECIAL_MARK.test(rest);
  rest = rest.replace(SPECIAL_MARK, "");
  let name = rest;
  let examples: string | undefined;
  const colon = rest.indexOf(": ");
  const sentences = splitSentences(rest);
  if (colon > 0 && colon <= 80) {
    name = rest.slice(0, colon);
    examples = rest.slice(colon + 2);
  } else if (EXAMPLES.test(rest)) {
    const at = rest.search(EXAMPLES);
    name = rest.slice(0, at);
    examples = rest.slice(at + 1);
  } else if (sentences.length > 1) {
    name = (sentences[0] ?? rest).replace(/[.;]+$/, "");
    examples = sentences.slice(1).join(" ");
  }
  const fits = name.length <= MAX && (examples?.length ?? 0) <= MAX && (source?.length ?? 0) <= MAX;
  if (!fits) {
    name = rest.slice(0, MAX);
    examples = undefined;
  }
  return {
    item: {
      name: line(capitalize(name.trim()), language),
      ...(examples === undefined || examples.trim() === ""
        ? {}
        : { examples: line(examples.trim(), language) }),
      special: marked || SPECIAL.test(rest),
      ...(source === undefined || source.length > MAX ? {} : { source: line(source, language) }),
    },
    fits,
  };
}

/** The enumerated data in a sentence ("… verwerken we naam, functie en e-mailadres."), or []. */
export function readEnumeratedData(sentence: string, about: boolean): string[] {
  const nouns = (sentence.match(SPECIFIC_NOUN) ?? []).length;
  const colon = sentence.indexOf(": ");
  // Outside a section about data, the sentence must say data is collected ("verwerken we …").
  if (nouns < (about ? 1 : 2) || (!COLLECT.test(sentence) && !(about && (colon >= 0 || nouns >= 2))))
    return [];
  let list: string;
  if (colon >= 0) list = sentence.slice(colon + 2);
  else {
    const first = SPECIFIC_NOUN.exec(sentence);
    SPECIFIC_NOUN.lastIndex = 0;
    if (first === null) return [];
    // Include the article or possessive before the first noun ("het cv", "je naam").
    const start = /(?:\b(?:uw|je|jouw|de|het|een|your|the)\s+)?(?:\S+\s+)?$/.exec(
      sentence.slice(0, first.index),
    );
    const lead = start?.[0] ?? "";
    const keep =
      /^(?:(?:uw|je|jouw|de|het|een|your|the)\s+)?(?:zakelijke?|persoonlijke?|private|business)?\s*$/i.test(
        lead,
      )
        ? lead
        : "";
    list = sentence.slice(first.index - keep.length);
  }
  const parts = splitEnumeration(list.replace(/[.!?]+$/, ""))
    .map((part) =>
      part
        .replace(/\s+(?:vast|nodig|bij|op|door|in)$/i, "")
        .replace(/\s+(?:vast|nodig)\b.*$/i, "")
        .trim(),
    )
    .filter((part) => part !== "");
  const items: string[] = [];
  for (const part of parts) {
    // An enumeration ends where a clause starts ("…, als u een storing meldt").
    // … and where examples start ("zoals je klachten").
    if (
      part.split(" ").length > 7 ||
      /^(?:als|wanneer|omdat|zodat|dat|die|om|zoals|bijvoorbeeld|if|when|because|which|such as|for example)\b/i.test(
        part,
      )
    )
      break;
    items.push(tidyPhrase(part));
  }
  return items.length >= 2 ? items : [];
}

export function extractDataCategories(
  section: { index: number; about: string | null; pieces: readonly Piece[]; prose: boolean },
  language: Language,
): FoundOf<"data_categories">[] {
  const out: FoundOf<"data_categories">[] = [];
  const byBlock = new Map<number, Piece[]>();
  for (const piece of section.pieces)
    if (piece.kind === "bullet") byBlock.set(piece.block, [...(byBlock.get(piece.block) ?? []), piece]);
  for (const bullets of byBlock.values()) {
    // Under another heading, a list is data only when most bullets name specific data ("IP-adres").
    const specific = bullets.filter((b) => new RegExp(SPECIFIC_NOUN.source, "i").test(b.text)).length;
    const dataish = specific >= Math.max(2, bullets.length * 0.6);
    const otherList = bullets.some((b) => findPeriod(b.text) !== null || readLegalBasis(b.text) !== null);
    if (section.about !== "data_categories" && (!dataish || otherList)) continue;
    if (section.about === "data_categories" && otherList && specific === 0) continue;
    for (const bullet of bullets) {
      const { item, fits } = readDataCategory(bullet.text, language);
      out.push({
        list: "data_categories",
        item,
        missing: [],
        assumed: [],
        source: { section: section.index, piece: bullet.index, quote: bullet.text },
        whole: fits,
      });
    }
  }
  if (!section.prose) return out;
  for (const piece of section.pieces) {
    if (piece.kind !== "paragraph") continue;
    for (const sentence of splitSentences(piece.text)) {
      for (const name of readEnumeratedData(sentence, section.about === "data_categories")) {
        out.push({
          list: "data_categories",
          item: { name: line(name.slice(0, MAX), language), special: SPECIAL.test(name) },
          missing: [],
          assumed: [],
          source: { section: section.index, piece: piece.index, quote: sentence },
          whole: false,
        });
      }
    }
  }
  return out;
}

// A basis named as such ("uitvoering van de overeenkomst"); the bare word ("overeenkomst",
// "contract", "toestemming") counts only in a short phrase that is nothing but the basis.
const BASES: readonly [RegExp, LegalBasis, RegExp?][] = [
  [/gerechtvaardigd(?:e)? belang|legitimate interest/i, "legitimate_interest"],
  [
    /wettelijke (?:verplichting|plicht|bewaarplicht)|fiscale (?:bewaar)?plicht|legal obligation|verplicht(?:ing)? (?:door|volgens) de wet/i,
    "legal_obligation",
  ],
  [
    /\b(?:uitvoering van|uitvoeren van|nakomen van) (?:de|een|het|onze|uw|je)\b.{0,30}overeenkomst|performance of (?:a|the|our) contract|voorafgaand aan (?:een|de) .{0,20}overeenkomst|art(?:ikel|\.)? 6 lid 1 (?:sub )?b/i,
    "contract",
    /\b(?:\w*overeenkomst|contract)\b/i,
  ],
  [
    /\b(?:met|op basis van|na) (?:uw |je |jouw )?toestemming|with (?:your )?consent|based on (?:your )?consent/i,
    "consent",
    /toestemming|\bconsent\b/i,
  ],
  [/vita(?:al|le) belang|vital interest/i, "vital_interests"],
  [/algemeen belang|publiekrechtelijke taak|openbaar gezag|public (?:task|interest)/i, "public_task"],
];

/** The legal basis a phrase names, with the interest after "gerechtvaardigd belang:" when given. */
export function readLegalBasis(text: string): { basis: LegalBasis; interest?: string } | null {
  const short =
    text.replace(/^(?:grondslag|rechtsgrond|legal basis|basis)\s*:\s*/i, "").split(/\s+/).length <= 6;
  for (const [named, basis, bare] of BASES) {
    const pattern = named.test(text) || !short || bare === undefined ? named : bare;
    const match = pattern.exec(text);
    if (match === null) continue;
    if (basis !== "legitimate_interest") return { basis };
    const after = text
      .slice(match.index + match[0].length)
      .replace(/^\s*(?:\(|:|—|–|-)\s*/, "")
      .replace(/\)\s*$/, "")
      .replace(/^(?:belang|interest):\s*/i, "")
      .trim();
    return after.length >= 8 ? { basis, interest: after.replace(/[.;]+$/, "") } : { basis };
  }
  return null;
}

// How the statement renderer writes whether providing the data is required (Art. 13(2)(e)),
// after the legal basis: "… — Grondslag: toestemming. U bent niet verplicht deze gegevens te
// verstrekken; zonder deze gegevens ontvangt u onze nieuwsbrief niet."
const PROVISION: readonly [RegExp, NonNullable<Purpose["provision"]>["requirement"]][] = [
  [/^(?:Verstrekking is wettelijk verplicht|Providing the data is required by law)\b/i, "statutory"],
  [
    /^(?:Verstrekking is contractueel verplicht|Providing the data is required by the contract)\b/i,
    "contractual",
  ],
  [
    /^(?:Verstrekking is nodig om een overeenkomst te sluiten|Providing the data is necessary to enter into a contract)\b/i,
    "contract_prerequisite",
  ],
  [
    /^(?:U bent niet verplicht deze gegevens te verstrekken|You are not obliged to provide this data)\b/i,
    "voluntary",
  ],
];
const DIRECT_MARKETING =
  /nieuwsbrie[fv]|newsletter|direct ?marketing|mailings?\b|aanbiedingen|reclame|promoti|marketing|special offers|advertis/i;
const DIRECT_MARKETING_MARK = /\s*\(direct marketing\)$/i;

interface PurposeParts {
  name: string;
  basisText: string;
  description?: string;
  directMarketing?: true;
  provision?: { requirement: NonNullable<Purpose["provision"]>["requirement"]; consequence: string };
}

/** "Toestemming. U bent niet verplicht …; zonder … niet": the basis, and the provision said after it. */
function splitProvision(text: string): Pick<PurposeParts, "basisText" | "provision"> {
  for (const at of text.matchAll(/\.\s+/g)) {
    const rest = text.slice(at.index + at[0].length);
    for (const [pattern, requirement] of PROVISION) {
      const said = pattern.exec(rest);
      if (said === null) continue;
      const consequence = rest
        .slice(said[0].length)
        .replace(/^\s*[;:,]\s*/, "")
        .replace(/[.;\s]+$/, "")
        .trim();
      return {
        basisText: text.slice(0, at.index),
        ...(consequence === "" ? {} : { provision: { requirement, consequence } }),
      };
    }
  }
  return { basisText: text };
}

/** "Naam – grondslag", "Naam (grondslag)", "Naam: grondslag": the purpose and what is said of its basis. */
function splitPurpose(text: string): PurposeParts {
  const parts = splitPurposeText(text);
  return DIRECT_MARKETING_MARK.test(parts.name)
    ? { ...parts, name: parts.name.replace(DIRECT_MARKETING_MARK, ""), directMarketing: true }
    : parts;
}

function splitPurposeText(text: string): PurposeParts {
  const clean = text.replace(/[;.]+$/, "").trim();
  // As the statement renderer writes a purpose: "Naam (direct marketing): omschrijving — Grondslag:
  // toestemming. U bent niet verplicht …".
  const rendered = /^(.*?)(?::\s+(.*?))?\s+—\s+(?:Grondslag|Legal basis):\s+(.*)$/.exec(clean);
  if (rendered !== null) {
    const said = splitProvision(rendered[3] ?? "");
    if (readLegalBasis(said.basisText) !== null)
      return {
        name: rendered[1] ?? "",
        ...said,
        ...(rendered[2] ? { description: rendered[2] } : {}),
      };
  }
  const paren = /^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)$/.exec(clean);
  if (paren !== null && readLegalBasis(paren[2] ?? "") !== null)
    return { name: paren[1] ?? "", basisText: paren[2] ?? "" };
  const dash = /^(.*?)\s+[–—-]\s+(.*)$/.exec(clean);
  if (dash !== null && readLegalBasis(dash[2] ?? "") !== null)
    return { name: dash[1] ?? "", basisText: dash[2] ?? "" };
  const colon = /^(.*?):\s+(.*)$/.exec(clean);
  if (colon !== null && readLegalBasis(colon[2] ?? "") !== null && (colon[1] ?? "").length <= 120)
    return { name: colon[1] ?? "", basisText: colon[2] ?? "" };
  // "Het versturen van de nieuwsbrief, alleen met toestemming": the basis in a closing clause.
  const clause = /^(.*),\s+([^,]*)$/.exec(clean);
  if (clause !== null && readLegalBasis(clause[2] ?? "") !== null)
    return { name: clause[1] ?? "", basisText: clause[2] ?? "" };
  return { name: clean, basisText: "" };
}

function buildPurpose(
  name: string,
  basisText: string,
  language: Language,
): { item: FoundPurpose; missing: string[]; fits: boolean } {
  const basis = basisText === "" ? null : readLegalBasis(basisText);
  const tidy = capitalize(name.replace(/[\s,;:.]+$/, "").trim());
  const fits = tidy.length <= MAX && (basis?.interest?.length ?? 0) <= MAX;
  const item: FoundPurpose = {
    name: line(tidy.slice(0, MAX), language),
    ...(basis === null ? {} : { legalBasis: basis.basis }),
    ...(basis?.interest !== undefined && basis.interest.length <= MAX
      ? { legitimateInterest: line(basis.interest, language) }
      : {}),
  };
  const missing: string[] = [];
  if (item.legalBasis === undefined) missing.push("legalBasis");
  else if (item.legalBasis === "legitimate_interest" && item.legitimateInterest === undefined)
    missing.push("legitimateInterest");
  return { item, missing, fits };
}

// A lead that is nothing but a legal basis, its article reference and an announcement of the
// interests: "Toestemming (artikel 6 lid 1 onder a AVG)", "Gerechtvaardigd belang (…), met per
// doeleinde het belang dat wij nastreven".
const BASIS_ONLY =
  /^(?:grondslag|rechtsgrond|legal basis)?\s*:?\s*(?:toestemming|consent|(?:de )?uitvoering van (?:de|een) overeenkomst|performance of (?:a|the) contract|overeenkomst|contract|(?:een )?wettelijke verplichting|legal obligation|gerechtvaardigde? belang(?:en)?|legitimate interests?|vita(?:al|le) belang(?:en)?|vital interests?|(?:een )?taak van algemeen belang|public task)$/i;

/**
 * A bullet that names a legal basis first and then its purposes, as a statement grouped by basis
 * writes it (and as the baseline's legal-basis section renders): "Toestemming (artikel 6 lid 1
 * onder a AVG): ‘Nieuwsbrief’ en ‘Webinars’. U kunt …", "Gerechtvaardigd belang (…): ‘Beveiligen’:
 * het veilig houden van …; ‘Analyse’: …", "Uitvoering van de overeenkomst: het leveren van uw bestelling".
 */
export function readBasisFirst(
  text: string,
): { basis: LegalBasis; purposes: { name: string; interest?: string }[]; whole: boolean } | null {
  const colon = text.indexOf(":");
  if (colon <= 0 || colon > 200) return null;
  const lead = text
    .slice(0, colon)
    .replace(/\*\*/g, "")
    .replace(/\s*\([^()]*\)/g, "")
    .replace(/,\s*(?:met|with)\b.*$/i, "")
    .trim();
  if (!BASIS_ONLY.test(lead)) return null;
  const basis = readLegalBasis(lead)?.basis ?? readLegalBasis(`op basis van ${lead}`)?.basis;
  if (basis === undefined) return null;
  const rest = text.slice(colon + 1).trim();
  const quoted = [
    ...rest.matchAll(
      /[‘'“"]([^’'”"]{3,200})[’'”"](?:\s*:\s*([^;‘'“"]+?))?(?=\s*(?:;|,|\.\s|\.$|\s(?:en|and)\s|$))/gu,
    ),
  ];
  if (quoted.length > 0)
    return {
      basis,
      purposes: quoted.map((m) => ({
        name: (m[1] ?? "").trim(),
        ...(m[2] === undefined ? {} : { interest: m[2].trim().replace(/[.;]+$/, "") }),
      })),
      whole: false,
    };
  // Unquoted: the first sentence is the purpose ("om uw bestelling te leveren" → "uw bestelling leveren").
  const first =
    splitSentences(rest)[0]
      ?.replace(/[.;]+$/, "")
      .trim() ?? "";
  const name = first.replace(/^(?:om|voor|bij|to|for)\s+/i, "").replace(/\s+te\s+([\p{L}-]+)$/u, " $1");
  if (name.length < 4 || name.split(/\s+/).length > 20) return null;
  return { basis, purposes: [{ name }], whole: splitSentences(rest).length === 1 };
}

const PURPOSE_HEAD = /doel|purpose|waarvoor|verwerking/i;
const BASIS_HEAD = /grondslag|rechtsgrond|basis/i;

export function extractPurposes(
  section: { index: number; about: string | null; pieces: readonly Piece[] },
  language: Language,
): FoundOf<"purposes">[] {
  const out: FoundOf<"purposes">[] = [];
  const about = section.about === "purposes" || section.about === "legal_basis";
  const byBlock = new Map<number, Piece[]>();
  for (const piece of section.pieces)
    if (piece.kind === "bullet") byBlock.set(piece.block, [...(byBlock.get(piece.block) ?? []), piece]);
  const push = (
    piece: Piece,
    found: ReturnType<typeof buildPurpose>,
    quote: string,
    whole: boolean,
  ): void => {
    // A newsletter or marketing purpose is direct marketing, with its absolute right to object
    // (Art. 21(2)); the text rarely says so in those words, so the review shows it as assumed.
    const marketing =
      found.item.directMarketing === undefined &&
      DIRECT_MARKETING.test(`${found.item.name.nl} ${found.item.description?.nl ?? ""}`);
    out.push({
      list: "purposes",
      item: marketing ? { ...found.item, directMarketing: true } : found.item,
      missing: found.missing,
      assumed: marketing ? ["directMarketing"] : [],
      source: { section: section.index, piece: piece.index, quote },
      whole: whole && found.fits,
    });
  };
  for (const bullets of byBlock.values()) {
    const withBasis = bullets.filter(
      (b) => splitPurpose(b.text).basisText !== "" || readBasisFirst(b.text) !== null,
    ).length;
    // Bullets that each name a basis are purposes wherever they stand; others only under a purposes heading.
    const stated =
      withBasis >= Math.max(2, bullets.length * 0.6) && bullets.every((b) => findPeriod(b.text) === null);
    const underHeading =
      about &&
      bullets.every((b) => findPeriod(b.text) === null) &&
      bullets.filter((b) => new RegExp(SPECIFIC_NOUN.source, "i").test(b.text)).length < bullets.length / 2;
    if (!stated && !underHeading) continue;
    for (const bullet of bullets) {
      const text = bullet.text.replace(/^\d{1,2}[.)]\s+/, "");
      // "Toestemming (artikel 6 lid 1 onder a AVG): ‘Nieuwsbrief’ en ‘Webinars’": one basis, its purposes.
      const perBasis = readBasisFirst(text);
      if (perBasis !== null) {
        for (const named of perBasis.purposes) {
          const found = buildPurpose(named.name, "", language);
          found.item = {
            ...found.item,
            legalBasis: perBasis.basis,
            ...(named.interest === undefined || named.interest.length > MAX
              ? {}
              : { legitimateInterest: line(named.interest, language) }),
          };
          found.missing =
            perBasis.basis === "legitimate_interest" && named.interest === undefined
              ? ["legitimateInterest"]
              : [];
          push(bullet, found, bullet.text, perBasis.purposes.length === 1 && perBasis.whole);
        }
        continue;
      }
      const { name, basisText, description: described, directMarketing, provision } = splitPurpose(text);
      const found = buildPurpose(name, basisText, language);
      if (described !== undefined && described.length <= MAX)
        found.item = { ...found.item, description: line(described, language) };
      if (directMarketing === true) found.item = { ...found.item, directMarketing };
      if (provision !== undefined && provision.consequence.length <= MAX)
        found.item = {
          ...found.item,
          provision: {
            requirement: provision.requirement,
            consequence: line(provision.consequence, language),
          },
        };
      // "**Nieuwsbrief**: maandelijks — Grondslag: toestemming": the bold words are the name, the rest describes it.
      const lead = readBoldLead(bullet);
      if (lead !== null && name.startsWith(lead.name) && name.length > lead.name.length) {
        const description = name
          .slice(lead.name.length)
          .replace(/^\s*:\s*/, "")
          .trim();
        found.item = {
          ...found.item,
          name: line(lead.name, language),
          ...(description !== "" && description.length <= MAX
            ? { description: line(description, language) }
            : {}),
        };
      }
      push(bullet, found, bullet.text, true);
    }
  }
  for (const piece of section.pieces) {
    if (piece.kind !== "row" || piece.head == null || piece.cells === undefined) continue;
    const purposeAt = piece.head.findIndex((c) => PURPOSE_HEAD.test(c.text));
    const basisAt = piece.head.findIndex((c) => BASIS_HEAD.test(c.text));
    if (purposeAt < 0 || basisAt < 0) continue;
    push(
      piece,
      buildPurpose(piece.cells[purposeAt]?.text ?? "", piece.cells[basisAt]?.text ?? "", language),
      piece.text,
      true,
    );
  }
  if (!about) return out;
  // Prose: "om X te doen (uitvoering van de overeenkomst)", "to send invoices (legal obligation)".
  for (const piece of section.pieces) {
    if (piece.kind !== "paragraph") continue;
    for (const match of piece.text.matchAll(/\bto ((?:[^(),]|\([^()]*\))*?)\s+\(([^()]+)\)/giu)) {
      const basisText = match[2] ?? "";
      if (readLegalBasis(basisText) === null || (match[1] ?? "").split(" ").length > 12) continue;
      push(piece, buildPurpose(capitalize(match[1] ?? ""), basisText, language), match[0], false);
    }
    for (const match of piece.text.matchAll(
      /\bom ((?:[^()]|\([^()]*\))*?\bte [\p{L}-]+)\s+\(([^()]+)\)/giu,
    )) {
      const basisText = match[2] ?? "";
      if (readLegalBasis(basisText) === null) continue;
      // "om de opdracht uit te voeren" → "de opdracht uitvoeren".
      const name = (match[1] ?? "")
        .replace(/\b(uit|op|aan|af|in|mee|door|over|terug|vast|bij|na|weg|toe)\s+te\s+/g, "$1")
        .replace(/\s+te\s+/g, " ");
      push(piece, buildPurpose(name, basisText, language), match[0], false);
    }
  }
  return out;
}
