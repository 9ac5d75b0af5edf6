// Rules that need only the text: sentences no statement may contain, whatever the company's
// details. Each pattern is written for Dutch and English and matched on the plain copy of a
// sentence (see read.ts), case-insensitively. A pattern that must start a word is wrapped in
// atWordStart rather than led by (?<![\p{L}]), which V8 runs slowly (see word-start.ts).
import type { LintFinding } from "./rules.ts";
import { NEGATION, at, createFinding, type LintCheck, type LintInput } from "./input.ts";
import { holds, type LintSentence, type SentenceTest } from "./read.ts";
import { rememberByText } from "../completeness/remember.ts";
import { atWordStart, type WordStartPattern } from "../completeness/word-start.ts";

// Each rule's test of a sentence is answered once per sentence text (read.ts holds): the same
// sentences recur in every company's statement.
const matching = (input: LintInput, test: SentenceTest): LintSentence[] =>
  input.sentences.filter((s) => holds(s, test));

// --- Consent by browsing (Art. 4(11), 7; CJEU C-673/17 Planet49) ----------------------------

// Each starts a word; searched as one pattern (see below).
const BROWSING_PATTERNS = [
  // "Door gebruik te maken van deze website", "door het gebruik van onze site", "bij verder gebruik van de website"
  /(?:door|bij)\s+(?:het\s+)?(?:verder\s+|voortgezet\s+)?(?:gebruik|bezoek)(?:\s+te\s+maken)?\s+van\s+(?:deze|onze|de|dit)\s+(?:web)?(?:site|winkel|app|applicatie|dienst|portaal)/iu,
  // "door deze website (verder) te gebruiken / bezoeken"
  /door\s+(?:deze|onze|de|dit)\s+(?:web)?(?:site|app|applicatie|portaal)\s+(?:verder\s+|te\s+blijven\s+)?(?:te\s+)?(?:gebruiken|bezoeken|bekijken)/iu,
  // "door verder te surfen / klikken / navigeren"
  /door\s+verder\s+te\s+(?:surfen|klikken|browsen|navigeren|gaan|scrollen|lezen)/iu,
  // "als u deze website (blijft) gebruik(t|en)"
  /als\s+(?:u|je|jij)\s+(?:deze|onze|de)\s+(?:web)?site\s+(?:blijft\s+|blijven\s+)?(?:gebruik|bezoek)/iu,
  // "by using this website", "by continuing to browse our site", "continued use of the site"
  /by\s+(?:continuing\s+to\s+)?(?:using|use|browsing|visiting|accessing|navigating)\s+(?:of\s+)?(?:this|our|the)\s+(?:web)?(?:site|app|service|portal)/iu,
  /(?:continued|continuing)\s+(?:use|to\s+use|browsing|to\s+browse)\s+(?:of\s+)?(?:this|our|the)\s+(?:web)?(?:site|app|service)/iu,
  /if\s+you\s+continue\s+to\s+(?:use|browse|visit)/iu,
];
const BROWSING = atWordStart(new RegExp(BROWSING_PATTERNS.map((p) => p.source).join("|"), "iu"));
const AGREEING =
  /toestemming|akkoord|stemt\s+(?:u|je)\s+in|instemming|accepteert\s+(?:u|je)|gaat\s+(?:u|je)\s+(?:ermee\s+)?akkoord|consent|agree|accept/iu;

const impliedConsentSentence: SentenceTest = (s) => AGREEING.test(s) && BROWSING.test(s) && !NEGATION.test(s);

export const checkImpliedConsent: LintCheck = (input) =>
  matching(input, impliedConsentSentence).map((s) =>
    createFinding(input, "implied_consent", at(s), {
      nl: "Deze zin leidt toestemming af uit het gebruik van de website; dat is geen toestemming.",
      en: "This sentence infers consent from using the website; that is not consent.",
    }),
  );

// --- Privacy Shield and Safe Harbor (CJEU C-362/14, C-311/18) --------------------------------

const INVALID_MECHANISM = /privacy[\s-]?shield|safe[\s-]?harbou?r/iu;
const SAID_INVALID =
  /ongeldig|niet\s+(?:meer|langer)\s+geldig|vernietigd|buiten\s+werking|no\s+longer\s+valid|invalid|struck\s+down|annulled|not\s+valid/iu;

const transferMechanismSentence: SentenceTest = (s) => INVALID_MECHANISM.test(s) && !SAID_INVALID.test(s);

export const checkTransferMechanism: LintCheck = (input) =>
  matching(input, transferMechanismSentence).map((s) => {
    const name = /safe/i.test(INVALID_MECHANISM.exec(s.plain)?.[0] ?? "") ? "Safe Harbor" : "Privacy Shield";
    return createFinding(input, "invalid_transfer_mechanism", at(s), {
      nl: `${name} wordt genoemd als waarborg, maar is door het Hof van Justitie ongeldig verklaard.`,
      en: `${name} is named as a safeguard, but the Court of Justice declared it invalid.`,
    });
  });

// --- Outdated names of well-known parties ----------------------------------------------------

const OUTDATED: readonly { pattern: WordStartPattern; written: string; now: string }[] = [
  {
    pattern: atWordStart(/google,?\s+inc(?![\p{L}])\.?/iu),
    written: "Google Inc.",
    now: "Google LLC (since 2017); for users in the EEA Google Ireland Limited",
  },
  {
    pattern: atWordStart(/facebook,?\s+inc(?![\p{L}])\.?/iu),
    written: "Facebook, Inc.",
    now: "Meta Platforms, Inc. (since 2021); for users in the EEA Meta Platforms Ireland Limited",
  },
  {
    pattern: atWordStart(/facebook\s+ireland\s+(?:ltd|limited)(?![\p{L}])\.?/iu),
    written: "Facebook Ireland Limited",
    now: "Meta Platforms Ireland Limited (since 2022)",
  },
  {
    pattern: atWordStart(/twitter,?\s+inc(?![\p{L}])\.?/iu),
    written: "Twitter, Inc.",
    now: "X Corp. (since 2023)",
  },
];

// Every pattern above starts with one of these names: a sentence without them is passed at once.
const OUTDATED_PARTY = /google|facebook|twitter/iu;
const namesOutdatedParty: SentenceTest = (s) => OUTDATED_PARTY.test(s);

export const checkOutdatedNames: LintCheck = (input) =>
  input.sentences.flatMap((s) =>
    (holds(s, namesOutdatedParty) ? OUTDATED.filter((o) => o.pattern.test(s.plain)) : []).map((o) =>
      createFinding(input, "outdated_entity_name", at(s), {
        nl: `‘${o.written}’ bestaat onder die naam niet meer: ${o.now.replace("since", "sinds").replace("for users in the EEA", "voor gebruikers in de EER")}.`,
        en: `‘${o.written}’ no longer exists under that name: ${o.now}.`,
      }),
    ),
  );

// --- "Anonymous" cookie or analytics data (recital 26, 30; CJEU C-582/14 Breyer) -------------

// Both alternatives start a word.
const ANONYMOUS = atWordStart(/(?:ge)?anoni(?:em|eme|emen|mi\p{L}*)(?![\p{L}])|anonym\p{L}*/iu);
const NOT_ANONYMOUS = atWordStart(/(?:niet|geen|not|no|never|nooit)\s+(?:\p{L}+\s+)?(?:ge)?anon/iu);
const TRACKING_CONTEXT =
  /cookie|analytic|analytisch|analyse|statistie|statistic|surfgedrag|klikgedrag|browsing|websitebezoek|bezoekers|visitors|ip[\s-]?adres|ip[\s-]?address|google|tracking|pixel/iu;

const anonymousClaimsSentence: SentenceTest = (s) =>
  ANONYMOUS.test(s) && TRACKING_CONTEXT.test(s) && !NOT_ANONYMOUS.test(s);

export const checkAnonymousClaims: LintCheck = (input) =>
  matching(input, anonymousClaimsSentence).map((s) =>
    createFinding(input, "anonymous_tracking_data", at(s), {
      nl: `‘${ANONYMOUS.exec(s.text)?.[0] ?? "anoniem"}’ gezegd van cookie-, IP- of analysegegevens: die zijn met een cookie-ID of IP-adres herleidbaar, dus persoonsgegevens.`,
      en: `‘${ANONYMOUS.exec(s.text)?.[0] ?? "anonymous"}’ said of cookie, IP or analytics data: with a cookie ID or IP address that data can be linked to a person, so it is personal data.`,
    }),
  );

// --- Analytics without consent, but the provider uses the data (Tw 11.7a; AP) -----------------

const PROVIDER_USES =
  /andere\s+diensten|eigen\s+doeleinden|eigen\s+diensten|voor\s+advertenties|advertentiedoeleinden|remarketing|other\s+services|its\s+own\s+purposes|own\s+services|for\s+advertising|advertising\s+purposes/iu;
const PROVIDER = /google|analytics|aanbieder|provider|derde|third/iu;
const NO_CONSENT_CLAIM =
  /(?:geen|zonder)\s+(?:\p{L}+\s+){0,3}toestemming|toestemming\s+(?:\p{L}+\s+){0,3}niet\s+(?:nodig|vereist)|no\s+(?:\p{L}+\s+){0,2}consent\s+(?:\p{L}+\s+){0,2}(?:needed|required)|without\s+(?:your\s+)?consent|consent\s+is\s+not\s+(?:needed|required)/iu;

const analyticsSharingSentence: SentenceTest = (s) =>
  PROVIDER_USES.test(s) && PROVIDER.test(s) && !NEGATION.test(s);

export const checkAnalyticsSharing: LintCheck = (input) => {
  // Analytics placed without consent: from the cookie list, or (checked as written) claimed in the text.
  const withoutConsent =
    input.facts?.analytics_without_consent === true ||
    (input.facts === null &&
      input.sentences.some(
        (s) => NO_CONSENT_CLAIM.test(s.plain) && /cookie|analytic|analytisch/iu.test(s.plain),
      ));
  if (!withoutConsent) return [];
  return matching(input, analyticsSharingSentence).map((s) =>
    createFinding(input, "analytics_sharing_contradiction", at(s), {
      nl: "De analytische cookies worden zonder toestemming geplaatst, maar volgens deze zin gebruikt de aanbieder de gegevens ook voor eigen doeleinden of andere diensten.",
      en: "The analytic cookies are placed without consent, but this sentence says the provider also uses the data for its own purposes or other services.",
    }),
  );
};

// --- "Binnen vier weken voldoen" (Art. 12(3)) ------------------------------------------------

const WITHIN_WEEKS = atWordStart(
  /(?:binnen|within)\s+(?:\d+|een|één|twee|drie|vier|vijf|zes|one|two|three|four|five|six)\s+(?:weken|week|werkdagen|dagen|weeks?|working\s+days|business\s+days|days)(?![\p{L}])/iu,
);
const COMPLY =
  /voldoen|voldaan|handelen|inwilligen|ingewilligd|uitvoeren|uitgevoerd|afhandelen|afgehandeld|comply|complied|fulfil|honou?r|grant|carry\s+out|carried\s+out/iu;

const complianceDeadlineSentence: SentenceTest = (s) => WITHIN_WEEKS.test(s) && COMPLY.test(s);

export const checkComplianceDeadline: LintCheck = (input) =>
  matching(input, complianceDeadlineSentence).map((s) =>
    createFinding(input, "compliance_within_weeks", at(s), {
      nl: `‘${WITHIN_WEEKS.exec(s.text)?.[0] ?? ""}’ belooft een verzoek in te willigen binnen een termijn die de AVG niet kent: u moet uiterlijk binnen een maand reageren (zo nodig te verlengen met twee maanden), en een verzoek kan ook worden afgewezen.`,
      en: `‘${WITHIN_WEEKS.exec(s.text)?.[0] ?? ""}’ promises to grant a request within a period the GDPR does not set: you must respond within one month at the latest (extendable by two months where necessary), and a request may also be refused.`,
    }),
  );

// --- Retention only as a minimum (Art. 5(1)(e), 13(2)(a)) ------------------------------------

const AT_LEAST_PERIOD = atWordStart(
  /(?:minimaal|ten\s+minste|tenminste|minstens|at\s+least|a\s+minimum\s+of|for\s+a\s+minimum\s+of)\s+(?:\p{L}+\s+)?(?:\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:jaar|jaren|maanden|maand|weken|dagen|years?|months?|weeks?|days?)(?![\p{L}])/iu,
);
const KEEPING = /bewa|archie|opgeslagen|keep|kept|retain|retention|stored|store|archiv/iu;
const AT_MOST =
  /maximaal|ten\s+hoogste|hoogstens|uiterlijk|niet\s+langer\s+dan|at\s+most|no\s+longer\s+than|maximum|up\s+to|daarna\s+(?:\p{L}+\s+){0,3}(?:verwijder|vernietig)\p{L}*|then\s+(?:\p{L}+\s+){0,3}(?:delete|destroy|erase)\p{L}*/iu;

const retentionMinimumSentence: SentenceTest = (s) =>
  AT_LEAST_PERIOD.test(s) && KEEPING.test(s) && !AT_MOST.test(s);

export const checkRetentionMinimum: LintCheck = (input) =>
  matching(input, retentionMinimumSentence).map((s) =>
    createFinding(input, "retention_only_minimum", at(s), {
      nl: `‘${AT_LEAST_PERIOD.exec(s.text)?.[0] ?? ""}’ zegt alleen hoe lang de gegevens minstens blijven, niet wanneer ze worden verwijderd.`,
      en: `‘${AT_LEAST_PERIOD.exec(s.text)?.[0] ?? ""}’ only says how long the data is kept at least, not when it is deleted.`,
    }),
  );

// --- Reserved example and test domains (RFC 2606, 6761) ---------------------------------------

const RESERVED_HOST =
  /(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:example|test|invalid|localhost)(?![\w-])|(?<![\w.-])(?:[a-z0-9-]+\.)*example\.(?:com|net|org)(?![\w-])/giu;

export const checkReservedDomains: LintCheck = (input) => {
  if (input.context.allowReservedDomains) return [];
  const findings: LintFinding[] = [];
  const seen = new Set<string>();
  for (const sentence of input.sentences) {
    for (const match of sentence.plain.matchAll(RESERVED_HOST)) {
      // Quote the whole address the domain is part of: an e-mail address or a URL.
      const start = sentence.plain.lastIndexOf(" ", match.index) + 1;
      const rest = sentence.plain.slice(match.index);
      const end = match.index + (rest.search(/[\s)]/) === -1 ? rest.length : rest.search(/[\s)]/));
      const quote = sentence.text
        .slice(start, end)
        .replace(/^[(<"']+/, "")
        .replace(/[.,;:!?>"']+$/, "");
      const id = `${sentence.section}\u0000${quote}`;
      if (seen.has(id)) continue;
      seen.add(id);
      findings.push(
        createFinding(
          input,
          "reserved_domain",
          { section: sentence.section, quote },
          {
            nl: `${quote} gebruikt het gereserveerde domein ${match[0]}; dat adres bestaat niet, dus niemand kan de organisatie daar bereiken.`,
            en: `${quote} uses the reserved domain ${match[0]}; the address does not exist, so nobody can reach the organisation there.`,
          },
        ),
      );
    }
  }
  return findings;
};

// --- Several companies as "we" without a decision on joint controllership (Art. 26) ----------

const WE_DEFINED =
  /\(\s*(?:hierna|hierna\s+te\s+noemen|hereinafter|hereafter)\s*:?\s*["']?(?:wij|we|ons|us)["']?/iu;
const SEVERAL_COMPANIES =
  /(?:en|samen\s+met)\s+(?:de|haar|alle)\s+(?:aangesloten|andere|overige|dochter)?\s*(?:bedrijven|ondernemingen|vennootschappen|groepsmaatschappijen|dochterondernemingen|werkmaatschappijen|kantoren|vestigingen|organisaties|merken)|aangesloten\s+(?:bedrijven|kantoren|ondernemingen|organisaties)|(?:and|with)\s+(?:its|the|all)\s+(?:affiliated|group|member|other|subsidiary)?\s*(?:companies|entities|subsidiaries)/iu;

const groupWeSentence: SentenceTest = (s) => WE_DEFINED.test(s) && SEVERAL_COMPANIES.test(s);

export const checkGroupWe: LintCheck = (input) => {
  if (input.context.jointControllers === true) return [];
  return matching(input, groupWeSentence).map((s) =>
    createFinding(input, "group_we_without_decision", at(s), {
      nl: "Deze zin noemt meerdere bedrijven samen ‘wij’, maar de groep heeft niet vastgelegd of zij gezamenlijk verwerkingsverantwoordelijk zijn; zo is niet duidelijk wie verantwoordelijk is.",
      en: "This sentence calls several companies ‘we’ together, but the group has not recorded whether they are joint controllers; so it is unclear who is responsible.",
    }),
  );
};

// --- English text that is Dutch (Art. 12(1)) --------------------------------------------------

const DUTCH_WORDS = new Set(
  "de het een van voor wij u uw niet met zijn worden wordt ook die dat deze onze bij als naar kunt heeft hebben".split(
    " ",
  ),
);
const ENGLISH_WORDS = new Set("the and of for we you your not with are be this that our by it".split(" "));

const WORD = /\p{L}+/gu;

// Asked of every paragraph of every English statement a rollout reads: answered once per text.
const looksDutch = rememberByText(readsAsDutch);

/** Three different Dutch words and no English one; read word by word, as most text is English. */
function readsAsDutch(text: string): boolean {
  const dutch = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (ENGLISH_WORDS.has(word)) return false;
    if (DUTCH_WORDS.has(word)) dutch.add(word);
  }
  return dutch.size >= 3;
}

const same = (a: string, b: string): boolean => a.replace(/\s+/g, " ") === b.replace(/\s+/g, " ");

export const checkEnglishIsDutch: LintCheck = (input) => {
  if (input.language !== "en") return [];
  // A section that fell back to Dutch is already reported as a missing translation.
  const fellBack = new Set(
    input.statement.problems.filter((p) => p.code === "missing_translation").map((p) => p.section),
  );
  const findings: LintFinding[] = [];
  for (const section of input.sections) {
    if (fellBack.has(section.key)) continue;
    const dutchParagraphs = input.dutchSections.find((s) => s.key === section.key)?.paragraphs ?? [];
    for (const paragraph of [section.title, ...section.paragraphs]) {
      // Names, addresses and URLs read the same in both languages; only Dutch sentences count.
      if (!looksDutch(paragraph)) continue;
      const identical = dutchParagraphs.some((p) => same(p, paragraph));
      findings.push(
        createFinding(
          input,
          "english_identical_to_dutch",
          { section: section.key, quote: paragraph },
          identical
            ? {
                nl: "Deze tekst staat in de Engelse verklaring precies zo als in de Nederlandse: hij is niet vertaald.",
                en: "This text reads in the English statement exactly as in the Dutch one: it was not translated.",
              }
            : {
                nl: "Deze tekst in de Engelse verklaring is Nederlands.",
                en: "This text in the English statement is in Dutch.",
              },
        ),
      );
    }
  }
  return findings;
};
