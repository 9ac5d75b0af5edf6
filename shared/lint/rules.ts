// The legal lint's rules as data: what each one guards against, where that comes from (article
// or ruling), how bad it is, and how to fix it, in Dutch and English. The checks themselves are
// in text-rules.ts and detail-rules.ts; the console shows these labels beside each finding.
import type { Language } from "../model.ts";

export interface Bilingual {
  nl: string;
  en: string;
}

export const LINT_RULE_IDS = [
  "implied_consent",
  "invalid_transfer_mechanism",
  "outdated_entity_name",
  "anonymous_tracking_data",
  "analytics_sharing_contradiction",
  "consent_as_main_basis",
  "denies_transfers_abroad",
  "retention_missing_for_category",
  "retention_only_minimum",
  "legitimate_interest_unnamed",
  "direct_marketing_objection_missing",
  "compliance_within_weeks",
  "establishments_abroad_unsupported",
  "group_we_without_decision",
  "reserved_domain",
  "english_identical_to_dutch",
] as const;
export type LintRuleId = (typeof LINT_RULE_IDS)[number];

export type LintSeverity = "error" | "warning";

export interface LintFinding {
  rule: LintRuleId;
  /** Errors block an editor's publish; a privacy lead may publish over them with a written reason. */
  severity: LintSeverity;
  /** The provision or ruling the rule comes from. */
  article: string;
  /** The exact text the finding is about, as the statement shows it. */
  quote: string;
  /** The section the quote is in (null when the finding is about the statement as a whole). */
  section: string | null;
  language: Language;
  /** What is wrong here, specifically. */
  message: Bilingual;
  /** How to fix it. */
  fix: Bilingual;
}

export interface LintRule {
  id: LintRuleId;
  severity: LintSeverity;
  article: string;
  title: Bilingual;
  fix: Bilingual;
}

const rule = (
  id: LintRuleId,
  severity: LintSeverity,
  article: string,
  title: Bilingual,
  fix: Bilingual,
): LintRule => ({ id, severity, article, title, fix });
const b = (nl: string, en: string): Bilingual => ({ nl, en });

export const LINT_RULES: Readonly<Record<LintRuleId, LintRule>> = {
  implied_consent: rule(
    "implied_consent",
    "error",
    "art. 4(11) en 7 AVG; HvJ EU 1 oktober 2019, C-673/17 (Planet49)",
    b("Toestemming door gebruik van de website", "Consent by using the website"),
    b(
      "Schrap de zin: toestemming vraagt een actieve, specifieke handeling (bijv. een knop ‘Akkoord’ in de cookiemelding). Zeg waarvoor u toestemming vraagt en hoe iemand die weer intrekt, of – als u geen toestemming nodig hebt – op welke grondslag u verwerkt.",
      "Delete the sentence: consent needs an active, specific act (e.g. an ‘Accept’ button in the cookie notice). Say what you ask consent for and how it can be withdrawn, or – where no consent is needed – on which basis you process.",
    ),
  ),
  invalid_transfer_mechanism: rule(
    "invalid_transfer_mechanism",
    "error",
    "art. 44–46 AVG; HvJ EU 6 oktober 2015, C-362/14 (Schrems I); HvJ EU 16 juli 2020, C-311/18 (Schrems II)",
    b(
      "Ongeldige doorgiftegrondslag (Privacy Shield / Safe Harbor)",
      "Invalid transfer mechanism (Privacy Shield / Safe Harbor)",
    ),
    b(
      "Safe Harbor en het EU-VS Privacy Shield zijn ongeldig. Noem de waarborg die nu geldt: het EU-VS Data Privacy Framework (alleen voor gecertificeerde Amerikaanse organisaties, adequaatheidsbesluit van 10 juli 2023) of standaardcontractbepalingen (2021/914).",
      "Safe Harbor and the EU-US Privacy Shield are invalid. Name the safeguard that applies now: the EU-US Data Privacy Framework (certified US organisations only, adequacy decision of 10 July 2023) or standard contractual clauses (2021/914).",
    ),
  ),
  outdated_entity_name: rule(
    "outdated_entity_name",
    "error",
    "art. 13(1)(a) en (e) AVG",
    b("Verouderde naam van een bekende partij", "Outdated legal name of a well-known party"),
    b(
      "Noem de partij met haar huidige juridische naam; voor gebruikers in de EER is dat meestal de Ierse vennootschap (bijv. Google Ireland Limited).",
      "Name the party by its current legal name; for users in the EEA that is usually the Irish entity (e.g. Google Ireland Limited).",
    ),
  ),
  anonymous_tracking_data: rule(
    "anonymous_tracking_data",
    "error",
    "overweging 26 en 30 AVG; HvJ EU 19 oktober 2016, C-582/14 (Breyer)",
    b("Cookie- of analysegegevens ‘anoniem’ genoemd", "Cookie or analytics data called ‘anonymous’"),
    b(
      "Cookie-identificatoren en (ingekorte) IP-adressen zijn persoonsgegevens; analysegegevens met een cookie-ID zijn hooguit gepseudonimiseerd. Schrijf ‘gepseudonimiseerd’ of ‘het IP-adres wordt ingekort (gemaskeerd)’, niet ‘anoniem’.",
      "Cookie identifiers and (truncated) IP addresses are personal data; analytics data with a cookie ID is at most pseudonymous. Write ‘pseudonymised’ or ‘the IP address is truncated (masked)’, not ‘anonymous’.",
    ),
  ),
  analytics_sharing_contradiction: rule(
    "analytics_sharing_contradiction",
    "error",
    "Telecommunicatiewet art. 11.7a; Autoriteit Persoonsgegevens, ‘Google Analytics privacyvriendelijk instellen’",
    b(
      "Analyse zonder toestemming, maar de aanbieder gebruikt de gegevens ook zelf",
      "Analytics without consent, but the provider also uses the data itself",
    ),
    b(
      "Analytische cookies zonder toestemming mogen alleen als de aanbieder de gegevens niet voor eigen doeleinden gebruikt (gegevens delen uit, geen andere diensten). Schrap de tekst die het tegendeel zegt, of vraag vooraf toestemming.",
      "Analytic cookies without consent are allowed only if the provider does not use the data for its own purposes (data sharing off, no other services). Remove the text that says otherwise, or ask for prior consent.",
    ),
  ),
  consent_as_main_basis: rule(
    "consent_as_main_basis",
    "error",
    "art. 6(1) en 13(1)(c) AVG",
    b("Toestemming als belangrijkste grondslag", "Consent presented as the main basis"),
    b(
      "Noem per doeleinde de grondslag waarop het werkelijk berust (zoals in de lijst met doeleinden), in plaats van één grondslag voor alles.",
      "State for each purpose the basis it actually rests on (as in the list of purposes), instead of one basis for everything.",
    ),
  ),
  denies_transfers_abroad: rule(
    "denies_transfers_abroad",
    "error",
    "art. 13(1)(e) en (f) AVG",
    b(
      "‘Nooit naar het buitenland’ terwijl een ontvanger daar zit",
      "‘Never abroad’ while a recipient is there",
    ),
    b(
      "Schrap de ontkenning en zeg welke ontvangers buiten Nederland of buiten de EER verwerken, in welk land en op welke waarborg.",
      "Remove the denial and say which recipients process data outside the Netherlands or the EEA, in which country and under which safeguard.",
    ),
  ),
  retention_missing_for_category: rule(
    "retention_missing_for_category",
    "error",
    "art. 13(2)(a) AVG; WP260 rev.01",
    b("Categorie persoonsgegevens zonder bewaartermijn", "Data category without a retention period"),
    b(
      "Voeg een bewaarregel toe met een termijn of criterium voor deze categorie (noem de categorie in het onderwerp of koppel haar aan de regel).",
      "Add a retention rule with a period or criterion for this category (name the category in the subject or link it to the rule).",
    ),
  ),
  retention_only_minimum: rule(
    "retention_only_minimum",
    "error",
    "art. 5(1)(e) en 13(2)(a) AVG",
    b("Bewaartermijn alleen als minimum", "Retention stated only as a minimum"),
    b(
      "Zeg hoe lang de gegevens ten hoogste worden bewaard, of welk criterium het einde bepaalt; een minimum zegt niet wanneer ze worden verwijderd.",
      "Say how long the data is kept at most, or which criterion decides the end; a minimum does not say when it is deleted.",
    ),
  ),
  legitimate_interest_unnamed: rule(
    "legitimate_interest_unnamed",
    "error",
    "art. 13(1)(d) AVG; WP260 rev.01",
    b(
      "Gerechtvaardigd belang zonder het belang te noemen",
      "Legitimate interest without naming the interest",
    ),
    b(
      "Noem bij elk doeleinde op grond van gerechtvaardigd belang welk belang u nastreeft, bijvoorbeeld ‘het beveiligen van onze systemen’.",
      "For each purpose resting on legitimate interest, state the interest pursued, e.g. ‘keeping our systems secure’.",
    ),
  ),
  direct_marketing_objection_missing: rule(
    "direct_marketing_objection_missing",
    "error",
    "art. 21(2)–(4) AVG",
    b(
      "Direct marketing zonder apart vermeld recht van bezwaar",
      "Direct marketing without the right to object stated separately",
    ),
    b(
      "Zet in een eigen alinea dat iemand altijd en kosteloos bezwaar kan maken tegen direct marketing (ook profilering daarvoor) en dat u dan stopt; niet alleen als één van de rechten in een opsomming.",
      "State in a paragraph of its own that people can object to direct marketing (including profiling for it) at any time and free of charge, and that you then stop; not just as one right in a list.",
    ),
  ),
  compliance_within_weeks: rule(
    "compliance_within_weeks",
    "error",
    "art. 12(3) AVG",
    b("Belofte om ‘binnen vier weken te voldoen’", "Promise to ‘comply within four weeks’"),
    b(
      "Schrijf dat u zonder onnodige vertraging en uiterlijk binnen een maand reageert, dat die termijn zo nodig met twee maanden kan worden verlengd (u hoort dat binnen de eerste maand), en beloof niet dat een verzoek altijd wordt ingewilligd.",
      "Write that you respond without undue delay and at the latest within one month, that this can be extended by two months where necessary (you will be told within the first month), and do not promise that every request is granted.",
    ),
  ),
  establishments_abroad_unsupported: rule(
    "establishments_abroad_unsupported",
    "error",
    "art. 5(1)(a) en 12(1) AVG",
    b(
      "‘Vestigingen in het buitenland’ terwijl het profiel er geen heeft",
      "‘Establishments abroad’ while the profile records none",
    ),
    b(
      "Zeg dit alleen voor een bedrijf dat een vestiging buiten Nederland heeft: leg die vast in het profiel en zet de zin onder de voorwaarde {{#if establishments_abroad}}.",
      "Say this only for a company with an establishment outside the Netherlands: record it in the profile and put the sentence under the condition {{#if establishments_abroad}}.",
    ),
  ),
  group_we_without_decision: rule(
    "group_we_without_decision",
    "warning",
    "art. 13(1)(a) en 26 AVG",
    b(
      "Meerdere bedrijven als ‘wij’ zonder besluit over gezamenlijke verantwoordelijkheid",
      "Several companies as ‘we’ without a decision on joint controllership",
    ),
    b(
      "Zeg wie de verwerkingsverantwoordelijke is. Bepalen de bedrijven samen doel en middelen, zet dan in de basisverklaring gezamenlijke verwerkingsverantwoordelijkheid aan en beschrijf de kern van de regeling en het centrale aanspreekpunt.",
      "Say who the controller is. If the companies decide purposes and means together, turn on joint controllership in the baseline and describe the essence of the arrangement and the central contact point.",
    ),
  ),
  reserved_domain: rule(
    "reserved_domain",
    "error",
    "art. 13(1)(a) AVG; RFC 2606 / RFC 6761",
    b("Voorbeeld- of testdomein in de verklaring", "Example or test domain in the statement"),
    b(
      "Vervang het adres door een echt e-mailadres of echte website van de organisatie; domeinen op .example, .test, .invalid en example.com bestaan niet.",
      "Replace the address with a real email address or website of the organisation; domains under .example, .test, .invalid and example.com do not exist.",
    ),
  ),
  english_identical_to_dutch: rule(
    "english_identical_to_dutch",
    "error",
    "art. 12(1) AVG",
    b("Engelse tekst is Nederlands", "English text is Dutch"),
    b(
      "Vertaal de tekst in de Engelse versie; wie de Engelse verklaring leest, moet haar kunnen begrijpen.",
      "Translate the text in the English version; a reader of the English statement must be able to understand it.",
    ),
  ),
};

export const LINT_SEVERITY_LABELS: Readonly<Record<LintSeverity, Bilingual>> = {
  error: b("Fout", "Error"),
  warning: b("Waarschuwing", "Warning"),
};
