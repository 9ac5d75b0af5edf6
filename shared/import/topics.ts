// What a section of a statement is about, from its heading and from its body. The checklist's
// heading cues (shared/completeness) come first; the importer adds the headings real
// statements use that are no checklist cue ("Waarom", "Foto's"), and reads the body for signs
// of a subject: periods with "bewaren", contact details, rights with a request, named processors
// and transfers, cookie names.
import { CHECKLIST, OTHER_HEADINGS, type Cues, type ItemId } from "../completeness/checklist.ts";
import { findCue, normalizeForMatch } from "../completeness/cues.ts";
import { KNOWN_PROVIDERS } from "./known.ts";
import { findPeriods } from "./periods.ts";

/** Checklist items, plus subjects statements have sections for that no checklist item covers. */
export type Topic = ItemId | "introduction" | "security" | "breaches" | "changes" | "images" | "minors";

/** Subjects no baseline section of their own can hold by checklist: sections about them stay the company's own. */
export const FREE_TOPICS: readonly Topic[] = ["security", "breaches", "images", "minors"];

const cues = (nl: string, en: string): Cues => ({ nl: nl.split("|"), en: en.split("|") });

// Headings seen in real statements that the checklist's cues do not cover. Suggested for the
// checklist itself in the import report; kept here so the importer does not wait for it.
const EXTRA_HEADINGS: readonly [Topic, Cues][] = [
  [
    "JOINT_CONTROLLERS",
    cues(
      "gezamenlijke verantwoordelijkheid|gezamenlijke verwerkingsverantwoordelijkheid|gezamenlijk verwerkingsverantwoordelijk|gezamenlijke verwerkingsverantwoordelijke|gezamenlijke verantwoordelijken|samen verantwoordelijk",
      "joint responsibility|joint controller|joint controllers|joint controllership|jointly responsible",
    ),
  ],
  [
    "CONTROLLER_IDENTITY",
    cues(
      "wie we zijn|wie wij zijn|wie is verantwoordelijk|verantwoordelijke|verantwoordelijk|onze rol|onze gegevens|contact opnemen",
      "who is responsible|responsible|our role|controller|how to contact us|contact",
    ),
  ],
  [
    "DATA_CATEGORIES",
    cues(
      "vastleggen|welke gegevens|gegevens die wij|gegevens die we|persoonsgegevens die|wat wij van u|wat we van je|verzamelen wij|verzamelen we|gegevens van",
      "personal data we collect|data we collect|information we collect|what personal data|what information|data we hold",
    ),
  ],
  [
    "PURPOSES",
    cues(
      "waarom|waarvoor|gebruiken wij|gebruiken we|doel|doelen|doeleinden|waar we ze voor",
      "how we use|why we|purpose|use of your data|what we do with",
    ),
  ],
  [
    "LEGAL_BASIS",
    cues("grondslagen|rechtsgronden|toestemming|op welke basis", "legal basis|lawful basis|consent"),
  ],
  [
    "RECIPIENTS",
    cues(
      "delen|ontvangers|verwerkers|subverwerkers|sub-verwerkers|leveranciers|derden|dienstverleners|wie krijgen|wie krijgt|wie ontvangt|wie ontvangen|met wie|iemand anders|anderen|andere partijen|verstrekking",
      "share|sharing|who we share|subprocessors|sub-processors|suppliers|service providers|third parties|recipients",
    ),
  ],
  [
    "TRANSFER_FACT",
    cues(
      "buiten de eer|buiten de eu|buiten europa|internationale doorgifte|doorgifte",
      "outside the eea|outside the eu|international transfers|transfers",
    ),
  ],
  [
    "RETENTION",
    cues(
      "hoe lang|bewaren|bewaring|bewaartermijn|opslag van",
      "how long|retention|storage period|keeping your data",
    ),
  ],
  [
    "RIGHT_ACCESS",
    cues(
      "rechten|inzage|inzageverzoek|inzien|uw gegevens inzien|privacyrechten|verzoek",
      "rights|access request|subject access|your rights",
    ),
  ],
  ["WITHDRAW_CONSENT", cues("toestemming intrekken|intrekken", "withdraw consent|withdrawing consent")],
  ["COMPLAINT_SA", cues("klacht|klachten|ontevreden", "complaint|complaints")],
  [
    "COOKIES",
    cues("cookies|cookie|analytics|websitestatistieken|tracking", "cookies|cookie|analytics|tracking"),
  ],
  ["AUTOMATED_DECISION", cues("geautomatiseerde besluitvorming|profilering", "automated decision|profiling")],
  [
    "introduction",
    cues(
      "inleiding|introductie|over deze verklaring|over dit reglement|algemeen|over ons|reikwijdte|toepassingsgebied|werkingssfeer",
      "introduction|about this notice|about this statement|general|about us|scope",
    ),
  ],
  [
    "security",
    cues(
      "beveiliging|beveiligen|veiligheid van uw gegevens|informatiebeveiliging",
      "security|how we protect|keeping your data safe",
    ),
  ],
  ["breaches", cues("datalek|datalekken|incidenten", "data breach|data breaches|incidents")],
  [
    "changes",
    cues(
      "wijzigingen|wijziging|aanpassingen|slotbepaling|slotbepalingen",
      "changes|updates to this|changes to this|final provisions",
    ),
  ],
  [
    "images",
    cues("foto's|foto|video's|beeldmateriaal|camerabeelden|camera", "photos|images|video|cctv|camera"),
  ],
  ["minors", cues("kinderen|minderjarigen|jeugdleden", "children|minors")],
];

const anchors = new Map<string, string>();
/** A word the heading must contain for the cue to match: its longest word, pronouns aside ("uw" also matches "jouw"). */
function anchorOf(cue: string): string {
  let anchor = anchors.get(cue);
  if (anchor === undefined) {
    anchor = cue
      .split(" ")
      .filter((word) => word !== "u" && word !== "uw")
      .reduce((longest, word) => (word.length > longest.length ? word : longest), "");
    anchors.set(cue, anchor);
  }
  return anchor;
}

const singles = new Map<string, Cues>();
/** One cue as a cue list of its own, kept so the checker's compiled pattern is reused. */
function single(cue: string): Cues {
  let cues = singles.get(cue);
  if (cues === undefined) {
    cues = { nl: [cue], en: [] };
    singles.set(cue, cues);
  }
  return cues;
}

export interface HeadingTopic {
  topic: Topic;
  /** The words of the heading that point to it. */
  cue: string;
}

/**
 * The subjects a cleaned heading names, the most specific first: "toestemming intrekken" is
 * about withdrawing consent, so the shorter "toestemming" inside it does not also count.
 */
export function readHeadingTopics(cleaned: string): HeadingTopic[] {
  const found: HeadingTopic[] = [];
  const add = (topic: Topic, list: Cues): void => {
    // Each cue on its own, the longest that fits: "datalekken", not the "datalek" inside it.
    for (const cue of [...list.nl, ...list.en]) {
      if (cue === "" || !cleaned.includes(anchorOf(cue))) continue;
      const words = findCue(cleaned, single(cue));
      if (words === null || found.some((f) => f.topic === topic && f.cue.length >= words.length)) continue;
      // A short cue names the subject only as a word of its own (or its plural): "contact" is not in "contactpersonen".
      const after = cleaned.slice(cleaned.indexOf(words) + words.length);
      if (words.length < 8 && !/^(?:s|n|en)?(?![\p{L}\p{N}])/u.test(after)) continue;
      const earlier = found.findIndex((f) => f.topic === topic);
      if (earlier >= 0) found.splice(earlier, 1);
      found.push({ topic, cue: words });
    }
  };
  for (const item of CHECKLIST) add(item.id, item.headings);
  for (const [topic, list] of Object.entries(OTHER_HEADINGS) as [Topic, Cues][]) add(topic, list);
  for (const [topic, list] of EXTRA_HEADINGS) add(topic, list);
  const specific = found.filter(
    (f) => !found.some((g) => g !== f && g.cue.length > f.cue.length && g.cue.includes(f.cue)),
  );
  // One entry per topic, its longest cue; in the order the heading names them ("Doelen en grondslagen").
  const best = new Map<Topic, HeadingTopic>();
  for (const f of specific) if ((best.get(f.topic)?.cue.length ?? 0) < f.cue.length) best.set(f.topic, f);
  return [...best.values()].sort(
    (a, b) => cleaned.indexOf(a.cue) - cleaned.indexOf(b.cue) || b.cue.length - a.cue.length,
  );
}

type Signal = [Topic, RegExp, number];

// Body signals, read per sentence of normalised text. Weights say how sure a signal is.
const SIGNALS: readonly Signal[] = [
  ["CONTROLLER_IDENTITY", /[\w.%+-]+@[\w-]+\.[a-z]{2,}/, 0.5],
  ["CONTROLLER_IDENTITY", /\b\d{4} ?[a-z]{2}\b/, 1],
  ["CONTROLLER_IDENTITY", /\bkvk\b|kamer van koophandel|chamber of commerce/, 1],
  [
    "CONTROLLER_IDENTITY",
    /verwerkingsverantwoordelijke|is verantwoordelijk voor|zijn wij verwerker|\bcontroller\b|gevestigd aan|gevestigd in|registered office/,
    1,
  ],
  ["CONTROLLER_IDENTITY", /functionaris gegevensbescherming|data protection officer/, 1],
  [
    "PURPOSES",
    /\b(?:gebruiken|verwerken) (?:wij|we) (?:uw |je |jouw |deze |de )?(?:persoons)?gegevens (?:om|voor)\b|\bwe use (?:your |this )?(?:personal )?(?:data|information) (?:to|for)\b|\bdoeleinden\b|\bdoelen\b|\bpurposes?\b/,
    1.2,
  ],
  ["PURPOSES", /\bom (?:de |je |uw |jouw )?[a-z]+ .{0,60}\bte [a-z]+/, 0.4],
  ["LEGAL_BASIS", /grondslag|rechtsgrond|legal basis|lawful basis/, 1.2],
  [
    "LEGAL_BASIS",
    /uitvoering van (?:de|een|het) (?:\w+)?overeenkomst|wettelijke verplichting|gerechtvaardigd(?:e)? belang|performance of a contract|legal obligation|legitimate interest/,
    0.6,
  ],
  [
    "LEGAL_BASIS",
    /\b(?:met|op basis van) (?:uw|je|jouw) toestemming|\bwith your consent\b|vragen (?:wij|we) (?:uw|je|jouw) toestemming/,
    0.6,
  ],
  [
    "RECIPIENTS",
    /verwerkersovereenkomst|\bverwerkers?\b|subverwerker|processing agreement|\bprocessors?\b/,
    1,
  ],
  [
    "RECIPIENTS",
    /\bderden\b|third part|\bdelen (?:wij|we)\b|\bwe share\b|\bontvangt\b|\bontvangen\b|schakelen (?:wij|we) .{0,40}\bin\b|geven (?:wij|we) .{0,60}\bdoor\b|krijgen .{0,30}\bgegevens\b/,
    0.6,
  ],
  [
    "TRANSFER_FACT",
    /buiten de (?:eer|eu|europese)|derde land|verenigde staten|\bvs\b|united states|outside the (?:eea|eu)|international transfer|doorgifte|adequaatheidsbesluit|adequacy decision|standaardcontractbepalingen|standard contractual clauses|data privacy framework/,
    1.5,
  ],
  ["RETENTION", /bewaartermijn|bewaarplicht|retention period|\bretention\b/, 1],
  [
    "RIGHT_ACCESS",
    /\binzage\b|\binzien\b|in te zien|rectificatie|corrigeren|correctie|verbeteren|laten aanpassen|verwijderen|wissen|beperk|bezwaar|overdragen|overdracht|\baccess\b|rectif|erasure|restrict|\bobject\b|portab/,
    0,
  ],
  [
    "COMPLAINT_SA",
    /\bklacht|autoriteit persoonsgegevens|complaint|supervisory authority|data protection authority/,
    1.5,
  ],
  ["WITHDRAW_CONSENT", /intrekken|afmeldlink|afmelden|uitschrijven|withdraw|unsubscribe/, 0.8],
  ["COOKIES", /\bcookies?\b|tracking|\bpixel\b|matomo|google analytics/, 1],
  [
    "introduction",
    /in deze (?:privacy)?verklaring|in dit (?:document|statement)|this (?:privacy )?(?:notice|statement|policy) (?:explains|describes)|hieronder leest u|hier lees je|leggen (?:wij|we) uit/,
    1,
  ],
  [
    "changes",
    /(?:deze|onze|dit) (?:privacy)?(?:verklaring|reglement) (?:aanpassen|wijzigen)|(?:verklaring|reglement)\b.{0,60}\b(?:gewijzigd|wijzigen|aangepast|aanpassen)|(?:aanpassen|wijzigen|bijwerken)\b.{0,40}(?:verklaring|reglement)|laatst bijgewerkt|nieuwste versie|update this (?:notice|statement|policy)|last updated|latest version/,
    1,
  ],
  ["security", /beveilig|iso 27001|nen 7510|versleuteld|encrypt|pentest|tweestapsverificatie|two-factor/, 1],
  ["breaches", /datalek|data breach|72 uur|72 hours/, 1.5],
  ["images", /\bfoto'?s\b|\bvideo'?s\b|beeldmateriaal|camerabeelden|\bphotos?\b/, 1],
];

const RIGHTS_CONTEXT =
  /\brecht|verzoek|\bkunt\b|\bkun je\b|\bmag\b|\bmogen\b|\bvragen\b|\bright|request|you may|you can|ask us/;
const RETENTION_VERB =
  /bewaar|bewaren|bewaard|houden we|houden wij|verwijder|wissen|vernietig|\bkeep\b|\bkept\b|retain|delete|erase|stored? for/;
const DATA_NOUNS =
  /\bnaam\b|achternaam|\badres|e-mailadres|emailadres|telefoonnummer|geboortedatum|geslacht|ip-adres|burgerservicenummer|\bbsn\b|bankrekeningnummer|\biban\b|locatiegegevens|contactgegevens|\bfunctie\b|\bcv\b|\bname\b|email address|phone number|date of birth|ip address|job title|contact details/g;

export type TopicWeights = Map<Topic, number>;

/** Body signals of a section's pieces (paragraphs, bullets and rows in plain text). */
export function readBodyTopics(pieces: readonly string[]): TopicWeights {
  const weights: TopicWeights = new Map();
  const add = (topic: Topic, weight: number): void => {
    weights.set(topic, (weights.get(topic) ?? 0) + weight);
  };
  let dataBullets = 0;
  for (const piece of pieces) {
    const text = normalizeForMatch(piece);
    for (const sentence of text.split(/(?<=[.!?;])\s+/)) {
      for (const [topic, pattern, weight] of SIGNALS)
        if (weight > 0 && pattern.test(sentence)) add(topic, weight);
      if (SIGNALS.some(([t, p]) => t === "RIGHT_ACCESS" && p.test(sentence)) && RIGHTS_CONTEXT.test(sentence))
        add("RIGHT_ACCESS", 1.2);
      const periods = findPeriods(sentence).length;
      if (periods > 0 && RETENTION_VERB.test(sentence)) add("RETENTION", 2 * Math.min(periods, 2));
      else if (periods > 0 && /\bna\b|\bnadat\b|\bafter\b|\bzolang\b|\bas long as\b/.test(sentence))
        add("RETENTION", 0.8);
      const nouns = (sentence.match(DATA_NOUNS) ?? []).length;
      if (nouns >= 3) add("DATA_CATEGORIES", 2);
      else if (nouns > 0 && sentence.length < 80) dataBullets++;
      const providers = KNOWN_PROVIDERS.filter((p) => p.pattern.test(sentence) && p.kind !== "analytics");
      if (providers.length > 0) add("RECIPIENTS", 0.8 * providers.length);
    }
  }
  if (dataBullets >= 2) add("DATA_CATEGORIES", dataBullets);
  return weights;
}
