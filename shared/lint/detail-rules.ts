// Rules that hold the text against the company's structured details: a statement must not say
// what its own details contradict (consent as the main basis, "never abroad", establishments
// abroad) and must show what the details make necessary (retention per category, the interest
// behind each legitimate-interest purpose, the separate right to object to direct marketing).
// Checked as written (no details), the text is held against itself where it can be.
import { COUNTRY_NAMES } from "../countries.ts";
import { isEeaCountry } from "../model.ts";
import { findChecklistItem } from "../completeness/checklist.ts";
import { findCue, normalizeForMatch } from "../completeness/cues.ts";
import { rememberByText } from "../completeness/remember.ts";
import { atWordStart } from "../completeness/word-start.ts";
import { NEGATION, at, createFinding, type LintCheck, type LintInput } from "./input.ts";
import { holds, type LintSection, type LintSentence, type SentenceTest } from "./read.ts";
import type { LintFinding } from "./rules.ts";

const pick = (input: LintInput, line: { nl: string; en?: string | undefined }): string =>
  (input.language === "en" ? line.en : undefined) ?? line.nl;

/** The first section whose text shows `text`, for findings about a recorded detail. */
function sectionShowing(input: LintInput, text: string): string | null {
  const needle = normalizeForMatch(text);
  return (
    input.sections.find((s) => s.paragraphs.some((p) => normalizeForMatch(p).includes(needle)))?.key ?? null
  );
}

function sectionTitled(
  input: LintInput,
  id: Parameters<typeof findChecklistItem>[0],
): LintSection | undefined {
  const cues = findChecklistItem(id).headings;
  return input.sections.find((s) => findCue(normalizeForMatch(s.title), cues) !== null);
}

// --- Consent as the main basis (Art. 6(1), 13(1)(c)) ----------------------------------------

// Each pattern ends or starts with the word for consent: a sentence without it is passed at once.
const CONSENT_WORD = /toestemming|consent/iu;
const MOSTLY_CONSENT = [
  atWordStart(
    /(?:veelal|meestal|voornamelijk|hoofdzakelijk|doorgaans|grotendeels|vooral|in\s+de\s+meeste\s+gevallen|in\s+principe|in\s+beginsel)(?![\p{L}])[^.]{0,80}toestemming/iu,
  ),
  /toestemming[^.]{0,40}(?<![\p{L}])(?:veelal|meestal|voornamelijk|hoofdzakelijk|doorgaans)(?![\p{L}])/iu,
  atWordStart(
    /(?:mostly|mainly|primarily|usually|generally|often|largely|in\s+most\s+cases|most\s+of\s+the\s+time|as\s+a\s+rule)(?![\p{L}])[^.]{0,80}consent/iu,
  ),
];

export const checkConsentMainBasis: LintCheck = (input) => {
  const sentences = input.sentences.filter(
    (s) => CONSENT_WORD.test(s.plain) && MOSTLY_CONSENT.some((p) => p.test(s.plain)),
  );
  if (sentences.length === 0) return [];
  const purposes = input.content?.lists.purposes ?? [];
  if (purposes.length === 0) {
    return sentences.map((s) =>
      createFinding(
        input,
        "consent_as_main_basis",
        at(s),
        {
          nl: "Eén grondslag voor vrijwel alles, zonder per doeleinde te zeggen waarop het berust.",
          en: "One basis for nearly everything, without saying per purpose what it rests on.",
        },
        "warning",
      ),
    );
  }
  const consent = purposes.filter((p) => p.legalBasis === "consent").length;
  if (consent * 2 > purposes.length) return [];
  return sentences.map((s) =>
    createFinding(input, "consent_as_main_basis", at(s), {
      nl: `De tekst noemt toestemming de gebruikelijke grondslag, maar ${consent === 0 ? "geen" : `slechts ${consent}`} van de ${purposes.length} doeleinden berust${consent === 1 ? "" : "en"} op toestemming.`,
      en: `The text presents consent as the usual basis, but ${consent === 0 ? "none" : `only ${consent}`} of the ${purposes.length} purposes rest${consent === 1 ? "s" : ""} on consent.`,
    }),
  );
};

// --- "Never abroad / outside the EEA" while a recipient is there (Art. 13(1)(e), (f)) ---------

const ABROAD = /buitenland|buiten\s+nederland|abroad|outside\s+(?:of\s+)?the\s+netherlands/iu;
const OUTSIDE_EEA =
  /buiten\s+(?:de\s+)?(?:eer|eu|europese\s+(?:unie|economische\s+ruimte)|europa)|derde\s+land|outside\s+(?:of\s+)?(?:the\s+)?(?:eea|eu|european\s+(?:union|economic\s+area)|europe)|third\s+countr/iu;
// Either of them, in one search.
const ABROAD_OR_OUTSIDE_EEA = new RegExp(`${ABROAD.source}|${OUTSIDE_EEA.source}`, "iu");
const ABOUT_DATA =
  /gegevens|data|overge|doorgegeven|doorgifte|doorgeven|verstrekt|verwerk|transfer|process|stored|opgeslagen|shared|gedeeld/iu;
const EXCEPTION = /behalve|tenzij|met\s+uitzondering|uitgezonderd|except|unless|other\s+than|apart\s+from/iu;
const NON_EEA_NAMES = Object.entries(COUNTRY_NAMES)
  .filter(([code]) => !isEeaCountry(code))
  .flatMap(([, names]) => [names.nl, names.en.replace(/^the /, "")])
  .concat(["Amerika", "USA", "VS"]);
const NAMED_NON_EEA = atWordStart(
  new RegExp(
    `(?:${NON_EEA_NAMES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\p{L}])`,
    "u",
  ),
);
const STORED_THERE = /servers|opgeslagen|stored|verwerkt|processed|overgebracht|transferred|doorgegeven/iu;

// The rare words first: most sentences say nothing about abroad.
const deniesTransfers: SentenceTest = (s) =>
  ABROAD_OR_OUTSIDE_EEA.test(s) && NEGATION.test(s) && ABOUT_DATA.test(s) && !EXCEPTION.test(s);

export const checkTransferDenial: LintCheck = (input) => {
  const denials = input.sentences.filter((s) => holds(s, deniesTransfers));
  if (denials.length === 0) return [];
  const findings: LintFinding[] = [];
  for (const s of denials) {
    const scope = OUTSIDE_EEA.test(s.plain) ? "eea" : "abroad";
    let where: { nl: string; en: string } | null = null;
    if (input.content !== null) {
      const home = input.content.profile.address.country;
      const there = input.content.lists.recipients.filter((r) =>
        scope === "eea" ? !isEeaCountry(r.country) : r.country !== home,
      );
      if (there.length > 0) {
        const list = (language: "nl" | "en"): string =>
          there.map((r) => `${r.name} (${COUNTRY_NAMES[r.country]?.[language] ?? r.country})`).join(", ");
        where = { nl: list("nl"), en: list("en") };
      }
    } else {
      // Checked as written: the text itself may name a non-EEA country where data is stored.
      const named = input.sentences.find(
        (other) => other !== s && NAMED_NON_EEA.test(other.text) && STORED_THERE.test(other.plain),
      );
      const country = named === undefined ? undefined : NAMED_NON_EEA.exec(named.text)?.[0];
      if (country !== undefined) where = { nl: country, en: country };
    }
    if (where === null) continue;
    findings.push(
      createFinding(input, "denies_transfers_abroad", at(s), {
        nl: `De tekst zegt dat gegevens niet ${scope === "eea" ? "buiten de EER" : "naar het buitenland"} gaan, maar er worden gegevens verwerkt bij: ${where.nl}.`,
        en: `The text says data does not go ${scope === "eea" ? "outside the EEA" : "abroad"}, but data is processed by: ${where.en}.`,
      }),
    );
  }
  return findings;
};

// --- Retention per data category (Art. 13(2)(a); WP260) --------------------------------------

export const checkRetentionPerCategory: LintCheck = (input) => {
  if (input.retention === null) return [];
  return input.retention.uncovered.map((category) => {
    const name = pick(input, category.name);
    return createFinding(
      input,
      "retention_missing_for_category",
      { section: sectionShowing(input, name) ?? sectionTitled(input, "RETENTION")?.key ?? null, quote: name },
      {
        nl: `Voor ‘${category.name.nl}’ staat nergens hoe lang de gegevens worden bewaard.`,
        en: `For ‘${category.name.en ?? category.name.nl}’ nothing says how long the data is kept.`,
      },
    );
  });
};

// --- The interest behind a legitimate-interest purpose (Art. 13(1)(d)) -----------------------

const LEGITIMATE = /gerechtvaardigde?\s+belang|legitimate\s+interests?/iu;
const NAMES_INTEREST =
  /(?:belang|interests?)[\s,]*(?::|\(|bij\s+|om\s+|in\s+(?!de\s+(?:verwerking|zin))|van\s+ons\s+bij|namelijk|bestaat\s+uit|is\s+(?:het|om|dat)|te\s+weten|being|namely|which\s+is|to\s+(?!process))/iu;
const VAGUE =
  /(?:belang|interests?)[^.]{0,40}(?<![\p{L}])(?:sommige|bepaalde|enkele|diverse|certain|some|various)(?![\p{L}])/iu;

// The same sentences recur in every company's statement (see ../completeness/remember.ts).
const normalizeSentence = rememberByText(normalizeForMatch);

export const checkLegitimateInterests: LintCheck = (input) => {
  const relying = (input.content?.lists.purposes ?? []).filter((p) => p.legalBasis === "legitimate_interest");
  if (relying.length > 0) {
    const shown = input.sentences.map((s) => normalizeSentence(s.text)).join("\n");
    return relying.flatMap((purpose) => {
      const name = pick(input, purpose.name);
      const interest =
        purpose.legitimateInterest === undefined ? "" : pick(input, purpose.legitimateInterest);
      if (interest.trim() !== "" && shown.includes(normalizeForMatch(interest))) return [];
      return [
        createFinding(
          input,
          "legitimate_interest_unnamed",
          { section: sectionShowing(input, name), quote: name },
          interest.trim() === ""
            ? {
                nl: `‘${purpose.name.nl}’ berust op gerechtvaardigd belang, maar welk belang is niet vastgelegd.`,
                en: `‘${purpose.name.en ?? purpose.name.nl}’ rests on legitimate interest, but the interest is not recorded.`,
              }
            : {
                nl: `‘${purpose.name.nl}’ berust op gerechtvaardigd belang, maar de verklaring toont het belang niet.`,
                en: `‘${purpose.name.en ?? purpose.name.nl}’ rests on legitimate interest, but the statement does not show the interest.`,
              },
        ),
      ];
    });
  }
  // No such purposes recorded: a sentence relying on "a legitimate interest" must say which. One
  // that only refers to such processing (to object to it) or denies it relies on nothing.
  return input.sentences
    .filter((s) => LEGITIMATE.test(s.plain) && (VAGUE.test(s.plain) || !NAMES_INTEREST.test(s.plain)))
    .filter((s) => !NEGATION.test(s.plain) && !OBJECTION.test(s.plain))
    .map((s) =>
      createFinding(
        input,
        "legitimate_interest_unnamed",
        at(s),
        {
          nl: "Deze zin beroept zich op een gerechtvaardigd belang zonder te zeggen welk belang.",
          en: "This sentence relies on a legitimate interest without saying which interest.",
        },
        input.content === null ? "warning" : "error",
      ),
    );
};

// --- Direct marketing needs the right to object, separately (Art. 21(2)–(4)) -----------------

const MARKETING =
  /direct\s*marketing|directe\s+marketing|marketingdoeleinden|marketing\s+purposes|nieuwsbrie[fv]|newsletters?|mailings?|reclame|promotional/iu;
const OBJECTION = /bezwaar|object(?:ion|ing)?(?![\p{L}])|to\s+object/iu;
const OTHER_RIGHTS = [
  /inzage|inzien|access/iu,
  /rectific|correctie|corrigeren|aanvull|rectif|correct(?:ion|ed)?(?![\p{L}])/iu,
  /verwijder|wissen|vergetelheid|erase|erasure|delet/iu,
  /beperk|restrict/iu,
  /overdra|portab/iu,
];

const mentionsMarketing: SentenceTest = (s) => MARKETING.test(s);
const mentionsObjection: SentenceTest = (s) => OBJECTION.test(s);

export const checkDirectMarketingObjection: LintCheck = (input) => {
  // Looked for only when the details do not already say there is direct marketing.
  const firstMarketing = (): LintSentence | undefined =>
    input.sentences.find((s) => holds(s, mentionsMarketing));
  if (input.facts?.direct_marketing !== true && firstMarketing() === undefined) return [];
  const separate = input.sections.some((section) =>
    section.paragraphs.some(
      (p) =>
        OBJECTION.test(p) && MARKETING.test(p) && OTHER_RIGHTS.filter((right) => right.test(p)).length < 2,
    ),
  );
  if (separate) return [];
  const objection: LintSentence | undefined = input.sentences.find((s) => holds(s, mentionsObjection));
  const where = objection ?? firstMarketing();
  const dm = input.content?.lists.purposes.filter((p) => p.directMarketing === true) ?? [];
  const what =
    dm.length > 0
      ? {
          nl: dm.map((p) => `‘${p.name.nl}’`).join(", "),
          en: dm.map((p) => `‘${p.name.en ?? p.name.nl}’`).join(", "),
        }
      : {
          nl: "de tekst noemt marketing of een nieuwsbrief",
          en: "the text mentions marketing or a newsletter",
        };
  return [
    createFinding(
      input,
      "direct_marketing_objection_missing",
      where === undefined
        ? { section: sectionTitled(input, "RIGHT_OBJECT")?.key ?? null, quote: what.nl }
        : at(where),
      {
        nl: `Er is direct marketing (${what.nl}), maar nergens staat in een eigen alinea dat u daartegen altijd bezwaar kunt maken${objection === undefined ? "" : "; het recht van bezwaar staat alleen tussen de andere rechten"}.`,
        en: `There is direct marketing (${what.en}), but no paragraph of its own says you can always object to it${objection === undefined ? "" : "; the right to object only appears among the other rights"}.`,
      },
    ),
  ];
};

// --- Establishments abroad that the profile does not have ------------------------------------

const ESTABLISHED_ABROAD =
  /(?:gevestigd|vestiging(?:en)?|kantor(?:en)?|onderdelen|dochter\p{L}*)[^.]{0,60}(?:buitenland|buiten\s+nederland)|(?:based|established|offices?|located|branches|subsidiaries)[^.]{0,40}(?:abroad|outside\s+(?:of\s+)?the\s+netherlands)/iu;
// How each alternative of ESTABLISHED_ABROAD ends: a quick test that rules most sentences out.
const ABROAD_ENDING = /buitenland|buiten\s+nederland|abroad|outside\s+(?:of\s+)?the\s+netherlands/iu;
const NO_ESTABLISHMENT = atWordStart(
  /(?:geen|no|not|niet)\s+(?:\p{L}+\s+){0,2}(?:vestiging|kantor|offices?|establishment|branch)/iu,
);

const claimsEstablishmentAbroad: SentenceTest = (s) =>
  ABROAD_ENDING.test(s) && ESTABLISHED_ABROAD.test(s) && !NO_ESTABLISHMENT.test(s);

export const checkEstablishments: LintCheck = (input) => {
  if (input.facts === null || input.facts.establishments_abroad) return [];
  return input.sentences
    .filter((s) => holds(s, claimsEstablishmentAbroad))
    .map((s) =>
      createFinding(input, "establishments_abroad_unsupported", at(s), {
        nl: "De tekst zegt dat het bedrijf (deels) in het buitenland is gevestigd, maar het profiel vermeldt geen vestiging buiten Nederland.",
        en: "The text says the company is (partly) established abroad, but the profile records no establishment outside the Netherlands.",
      }),
    );
};
