// Checklist entries on who processes what, why, for how long and who receives it.
import { b, cues, item } from "./checklist-define.ts";
import type { ChecklistItem } from "./checklist-types.ts";

export const PROCESSING_ITEMS: readonly ChecklistItem[] = [
  item(
    "CONTROLLER_IDENTITY",
    { art13: "13(1)(a)", art14: "14(1)(a)" },
    "always",
    b("Identiteit en contactgegevens", "Identity and contact details"),
    b(
      "Noem de (statutaire) naam van de organisatie met adres, e-mailadres en telefoonnummer, bijvoorbeeld met {{company.legalName}}, {{company.address}} en {{company.email}}.",
      "State the organisation's (legal) name with its address, email address and phone number, e.g. with {{company.legalName}}, {{company.address}} and {{company.email}}.",
    ),
    cues(
      "wie zijn wij|wie wij zijn|over ons|verwerkingsverantwoordelijke|contactgegevens|kvk-nummer|contact",
      "who we are|about us|data controller|contact us|contact details",
    ),
    cues("verwerkingsverantwoordelijke|is verantwoordelijk voor de verwerking", "controller"),
  ),
  item(
    "REPRESENTATIVE",
    { art13: "13(1)(a)", art14: "14(1)(a)", other: "27" },
    b(
      "alleen als de organisatie buiten de EU is gevestigd",
      "only if the controller is established outside the EU",
    ),
    b("Vertegenwoordiger in de EU", "EU representative"),
    b(
      "Noem naam en contactgegevens van de vertegenwoordiger in de EU (art. 27 AVG).",
      "State the name and contact details of the representative in the EU (Art. 27 GDPR).",
    ),
    cues("vertegenwoordiger in de eu|vertegenwoordiger", "eu representative|representative"),
    cues("vertegenwoordiger", "representative"),
    "CONTROLLER_IDENTITY",
  ),
  item(
    "DPO_CONTACT",
    { art13: "13(1)(b)", art14: "14(1)(b)" },
    b(
      "als er een functionaris gegevensbescherming is aangesteld",
      "if a data protection officer is appointed",
    ),
    b("Functionaris gegevensbescherming", "Data protection officer"),
    b(
      "Vermeld hoe de functionaris gegevensbescherming (FG) te bereiken is, bijvoorbeeld met {{company.dpo.email}}.",
      "State how to reach the data protection officer (DPO), e.g. with {{company.dpo.email}}.",
    ),
    cues("functionaris gegevensbescherming|fg|privacy officer", "data protection officer|dpo"),
    cues("functionaris gegevensbescherming|fg|privacy officer", "data protection officer|dpo"),
    "CONTROLLER_IDENTITY",
  ),
  item(
    "PURPOSES",
    { art13: "13(1)(c)", art14: "14(1)(c)" },
    "always",
    b("Doeleinden", "Purposes"),
    b(
      "Beschrijf concreet waarvoor u persoonsgegevens gebruikt; leg ze vast in de lijst met doeleinden.",
      "Describe specifically what you use personal data for; record them in the list of purposes.",
    ),
    cues(
      "doeleinden|doelen|waarom verwerken wij|waarvoor gebruiken wij|waarvoor verwerken wij",
      "purposes|how we use your data|why we process|what we use your data for",
    ),
    cues(
      "voor de volgende doeleinden|voor de volgende doelen|doeleinden:|wij gebruiken uw gegevens om",
      "for the following purposes|purposes:|we use your data to|we use your personal data to",
    ),
  ),
  item(
    "LEGAL_BASIS",
    { art13: "13(1)(c)", art14: "14(1)(c)", other: "6, 9" },
    "always",
    b("Rechtsgrond per doeleinde", "Legal basis per purpose"),
    b(
      "Vermeld bij elk doeleinde de rechtsgrond (toestemming, overeenkomst, wettelijke verplichting, gerechtvaardigd belang …); in de lijst met doeleinden heeft elk doel er één.",
      "State the legal basis for each purpose (consent, contract, legal obligation, legitimate interest …); each purpose in the list carries one.",
    ),
    cues("grondslag|grondslagen|rechtsgrond", "legal basis|lawful basis|legal bases"),
    cues(
      "met uw toestemming|op basis van uw toestemming|op basis van toestemming|uitvoering van een overeenkomst|uitvoering van de overeenkomst|wettelijke verplichting|gerechtvaardigd belang|gerechtvaardigde belang|vitaal belang|algemeen belang",
      "with your consent|based on your consent|performance of a contract|legal obligation|legitimate interest|vital interest|public interest|public task",
    ),
    "PURPOSES",
  ),
  item(
    "LEGITIMATE_INTERESTS",
    { art13: "13(1)(d)", art14: "14(2)(b)" },
    b("als een doeleinde op gerechtvaardigd belang berust", "if a purpose rests on legitimate interest"),
    b("Het gerechtvaardigde belang", "The legitimate interest"),
    b(
      "Noem per doeleinde met grondslag gerechtvaardigd belang welk belang u nastreeft, bijvoorbeeld ‘het beveiligen van onze systemen’.",
      "For each purpose resting on legitimate interest, state the interest pursued, e.g. ‘keeping our systems secure’.",
    ),
    cues("gerechtvaardigd belang", "legitimate interest"),
    cues("gerechtvaardigd belang|gerechtvaardigde belang", "legitimate interest"),
    "LEGAL_BASIS",
  ),
  item(
    "DATA_CATEGORIES",
    { art14: "14(1)(d)", other: "AP: recht op informatie" },
    "always",
    b("Categorieën persoonsgegevens", "Categories of personal data"),
    b(
      "Som op welke (soorten) persoonsgegevens u verwerkt, bijvoorbeeld naam, e-mailadres en IP-adres.",
      "List the (kinds of) personal data you process, e.g. name, email address and IP address.",
    ),
    cues(
      "welke gegevens verwerken wij|welke persoonsgegevens verwerken wij|welke gegevens|welke persoonsgegevens|te verwerken persoonsgegevens|categorieën persoonsgegevens|categorieën van persoonsgegevens|persoonsgegevens die wij verwerken|naw-gegevens",
      "what data we collect|what data do we process|categories of personal data|personal data we process|what data",
    ),
    cues(
      "naam|e-mailadres|emailadres|adresgegevens|woonadres|postadres|telefoonnummer|ip-adres|contactgegevens|geboortedatum",
      "name|email address|e-mail address|postal address|home address|phone number|ip address|contact details|date of birth",
    ),
  ),
  item(
    "RECIPIENTS",
    { art13: "13(1)(e)", art14: "14(1)(e)" },
    b(
      "als gegevens aan anderen worden verstrekt, verwerkers inbegrepen",
      "if data is disclosed to others, processors included",
    ),
    b("Ontvangers", "Recipients"),
    b(
      "Noem de ontvangers of specifieke categorieën ontvangers (zoals hostingpartij of accountant), verwerkers inbegrepen; alleen ‘derden’ is te vaag.",
      "Name the recipients or specific categories of recipients (such as hosting provider or accountant), processors included; ‘third parties’ alone is too vague.",
    ),
    cues(
      "wie ontvangen|ontvangers|verstrekking aan derden|delen met derden|delen wij|verwerkers|subverwerkers|verwerkersovereenkomst",
      "recipients|sharing|who receives|third parties|processors|subprocessors",
    ),
    cues(
      "verwerker|verwerkers|subverwerker|hostingpartij|hostingprovider|accountant|leverancier|belastingdienst|ict-dienstverlener",
      "processor|processors|subprocessor|hosting provider|accountant|supplier|service provider|tax authority",
    ),
  ),
  item(
    "TRANSFER_FACT",
    { art13: "13(1)(f)", art14: "14(1)(f)" },
    b("als gegevens naar een land buiten de EER gaan", "if data goes to a country outside the EEA"),
    b("Doorgifte buiten de EER", "Transfer outside the EEA"),
    b(
      "Vermeld dat gegevens naar een land buiten de EER gaan, en naar welk land; leg de ontvanger met land vast in de lijst met ontvangers.",
      "State that data goes to a country outside the EEA, and which country; record the recipient and its country in the list of recipients.",
    ),
    cues(
      "doorgifte|buiten de eu|buiten de eer|buiten europa|derde landen|internationale doorgifte|verwerking buiten de eer|verwerking binnen de eer|verwerking binnen en buiten de eer|binnen de eer",
      "international transfers|outside the eea|outside the eu|transfers|third countries|processing outside the eea|processing within the eea|within the eea",
    ),
    cues(
      "buiten de eer|buiten de eu|buiten de europese|derde land|derde landen",
      "outside the eea|outside the eu|outside the european|third country|third countries",
    ),
    "RECIPIENTS",
  ),
  item(
    "TRANSFER_SAFEGUARDS",
    { art13: "13(1)(f)", art14: "14(1)(f)", other: "45–49" },
    b("als gegevens naar een land buiten de EER gaan", "if data goes to a country outside the EEA"),
    b("Waarborgen bij doorgifte", "Transfer safeguards"),
    b(
      "Noem per doorgifte de waarborg: adequaatheidsbesluit (bijv. het EU-VS Data Privacy Framework), standaardcontractbepalingen, bindende bedrijfsvoorschriften of een uitzondering van art. 49.",
      "State the safeguard for each transfer: adequacy decision (e.g. the EU-US Data Privacy Framework), standard contractual clauses, binding corporate rules or an Art. 49 derogation.",
    ),
    cues("doorgifte|waarborgen", "safeguards|international transfers"),
    cues(
      "adequaatheidsbesluit|passend beschermingsniveau|standaardcontractbepalingen|modelcontractbepalingen|standaardcontractclausules|bindende bedrijfsvoorschriften|data privacy framework|passende waarborgen",
      "adequacy decision|adequate level of protection|standard contractual clauses|model clauses|binding corporate rules|data privacy framework|appropriate safeguards|derogation",
    ),
    "RECIPIENTS",
  ),
  item(
    "TRANSFER_COPY_MEANS",
    { art13: "13(1)(f)", art14: "14(1)(f)", other: "46, 47" },
    b(
      "bij doorgifte op basis van standaardcontractbepalingen of bindende bedrijfsvoorschriften",
      "for transfers under standard contractual clauses or binding corporate rules",
    ),
    b("Kopie van de waarborgen", "Copy of the safeguards"),
    b(
      "Vertel hoe iemand een kopie van de standaardcontractbepalingen of bedrijfsvoorschriften kan krijgen, bijvoorbeeld op verzoek via {{company.email}}.",
      "Say how people can obtain a copy of the standard contractual clauses or corporate rules, e.g. on request at {{company.email}}.",
    ),
    cues("", ""),
    cues("kopie|opvragen|inzien via|op verzoek", "copy|obtain|on request|request a copy"),
    "RECIPIENTS",
  ),
  item(
    "RETENTION",
    { art13: "13(2)(a)", art14: "14(2)(a)" },
    "always",
    b("Bewaartermijnen", "Retention periods"),
    b(
      "Noem per categorie gegevens of doeleinde hoe lang u bewaart (bijv. ‘7 jaar na het einde van het contract’), of het criterium; ‘zolang noodzakelijk’ alleen is niet genoeg.",
      "State for each category of data or purpose how long you keep it (e.g. ‘7 years after the contract ends’), or the criterion; ‘as long as necessary’ alone is not enough.",
    ),
    cues(
      "bewaartermijn|bewaartermijnen|hoe lang bewaren wij|hoe lang bewaren we|bewaren van gegevens|bewaarplicht",
      "retention|how long we keep|how long do we keep|storage period",
    ),
    cues("bewaartermijn|bewaren|bewaard", "retention|keep|kept|retain|retained"),
  ),
];
