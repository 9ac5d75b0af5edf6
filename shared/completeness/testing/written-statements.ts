// Privacy statements written for the tests, in the styles real ones come in: an informal webshop
// statement in Dutch (je/jouw, "we"), an English SaaS notice that is nearly complete, and a formal
// Dutch group statement with the gaps such statements typically have. Each is a statement as
// written: its own sections and the company's profile, with empty structured lists, so the text
// alone decides — as when a privacy lead checks an existing statement before importing it.
import type { Baseline, Language, TenantContent } from "../../model.ts";

export interface WrittenStatement {
  name: string;
  language: Language;
  baseline: Baseline;
  content: TenantContent;
}

function write(
  name: string,
  language: Language,
  title: string,
  profile: TenantContent["profile"],
  sections: [key: string, title: string, body: string][],
): WrittenStatement {
  const text = (value: string) => (language === "nl" ? { nl: value } : { nl: value, en: value });
  return {
    name,
    language,
    baseline: {
      title: text(title),
      sections: sections.map(([key, heading, body]) => ({
        key,
        title: text(heading),
        body: text(body),
        policy: "locked",
      })),
    },
    content: {
      profile,
      lists: { data_categories: [], purposes: [], retention: [], recipients: [], cookies: [] },
      overrides: {},
      ownSections: [],
    },
  };
}

const profile = (
  legalName: string,
  tradeName: string,
  street: string,
  postalCode: string,
  city: string,
  email: string,
  phone: string,
  website: string,
): TenantContent["profile"] => ({
  legalName,
  tradeName,
  kvkNumber: "12345678",
  address: { street, postalCode, city, country: "NL" },
  email,
  phone,
  website,
});

/** A small webshop, informal Dutch: vague where webshops often are, and an invalid transfer basis. */
export const WEBSHOP = write(
  "webshop (informal Dutch)",
  "nl",
  "Privacyverklaring Spaak Fietsen",
  profile(
    "Spaak Fietsen V.O.F.",
    "Spaak Fietsen",
    "Molenstraat 12",
    "6511 AB",
    "Nijmegen",
    "info@spaakfietsen.nl",
    "+31 24 322 11 00",
    "https://www.spaakfietsen.nl",
  ),
  [
    [
      "over",
      "Over deze verklaring",
      "Spaak Fietsen (Spaak Fietsen V.O.F., Molenstraat 12, 6511 AB Nijmegen) verkoopt fietsen en onderdelen via onze webshop. In deze verklaring lees je wat we met jouw gegevens doen. Vragen? Mail ons via info@spaakfietsen.nl.",
    ],
    [
      "gegevens",
      "Welke gegevens verzamelen we?",
      "- Naam en adres\n- E-mailadres en telefoonnummer\n- Je bestelgeschiedenis\n- IP-adres",
    ],
    [
      "doelen",
      "Waarvoor gebruiken we je gegevens?",
      "We gebruiken je gegevens om je bestelling te verwerken en te bezorgen, om je onze nieuwsbrief te sturen en om onze webshop te verbeteren.",
    ],
    [
      "grondslag",
      "Op welke grondslag?",
      "We verwerken je gegevens met jouw toestemming, omdat het nodig is voor de uitvoering van de overeenkomst of omdat we een gerechtvaardigd belang hebben.",
    ],
    [
      "delen",
      "Met wie delen we je gegevens?",
      "We delen je gegevens alleen met derden als dat nodig is, bijvoorbeeld met de bezorger. Voor de nieuwsbrief gebruiken we een Amerikaanse dienst: je gegevens worden opgeslagen op servers in de Verenigde Staten. Die doorgifte is gedekt door het EU-US Privacy Shield.",
    ],
    ["bewaren", "Hoe lang bewaren we je gegevens?", "We bewaren je gegevens niet langer dan nodig."],
    [
      "rechten",
      "Jouw rechten",
      "Je mag je gegevens inzien, laten aanpassen of laten verwijderen. Ook kun je bezwaar maken. Stuur je verzoek naar info@spaakfietsen.nl. Je kunt je altijd afmelden voor de nieuwsbrief via de link onderaan elke mail.",
    ],
    [
      "cookies",
      "Cookies",
      "We gebruiken functionele en analytische cookies, en tracking cookies van advertentienetwerken zodat we je advertenties kunnen laten zien.",
    ],
  ],
);

/** An English SaaS notice that answers nearly every item in words of its own. */
export const SAAS = write(
  "SaaS notice (English)",
  "en",
  "Privacy notice Northwind Analytics",
  profile(
    "Northwind Analytics B.V.",
    "Northwind Analytics",
    "Oudegracht 100",
    "3511 AX",
    "Utrecht",
    "privacy@northwind-analytics.nl",
    "+31 30 123 4567",
    "https://www.northwind-analytics.nl",
  ),
  [
    [
      "who",
      "Who we are",
      "Northwind Analytics B.V. (Chamber of Commerce 12345678), Oudegracht 100, 3511 AX Utrecht, is the controller for the processing described in this notice. You can reach us at privacy@northwind-analytics.nl or +31 30 123 4567.",
    ],
    [
      "dpo",
      "Data protection officer",
      "Our data protection officer is J. de Wit, who can be reached at dpo@northwind-analytics.nl.",
    ],
    [
      "data",
      "What data we collect",
      "- Name and email address\n- Company and job title\n- Usage data of our dashboard, such as your IP address",
    ],
    [
      "use",
      "How we use your data",
      "- Providing our analytics service — legal basis: performance of a contract\n- Invoicing — legal basis: legal obligation\n- Securing our service — legal basis: legitimate interest, namely keeping our customers' data safe\n- Sending our newsletter (direct marketing) — legal basis: consent",
    ],
    [
      "recipients",
      "Who receives your data",
      "We use processors: our hosting provider Cumulus Cloud B.V. in the Netherlands, and Postmark, which processes email data on servers in the United States. That transfer is based on standard contractual clauses; you can request a copy of them at privacy@northwind-analytics.nl.",
    ],
    [
      "retention",
      "How long we keep your data",
      "Account data: for the duration of the contract and 3 months after it ends. Invoices: 7 years after the end of the financial year. Security logs: 6 months.",
    ],
    [
      "rights",
      "Your rights",
      "You have the right to access, rectify and erase your personal data, to restrict its processing and to data portability. Send your request to privacy@northwind-analytics.nl; we respond within one month. You may withdraw your consent at any time via the unsubscribe link in every newsletter.",
    ],
    [
      "objection",
      "Right to object",
      "You may object at any time to processing based on our legitimate interest, and to direct marketing. We will then stop, unless we have compelling grounds for the processing.",
    ],
    [
      "complaints",
      "Complaints",
      "You can lodge a complaint with the Dutch supervisory authority, the Autoriteit Persoonsgegevens.",
    ],
    [
      "providing",
      "Do you have to provide your data?",
      "You are not obliged to provide your data, but without it we cannot provide our service.",
    ],
    ["cookies", "Cookies", "Our dashboard uses only functional cookies, which need no consent."],
    ["automated", "Automated decisions", "We do not use automated decision-making or profiling."],
  ],
);

/** A formal Dutch statement of a group of offices, with the gaps group statements often have. */
export const GROUP = write(
  "group statement (formal Dutch)",
  "nl",
  "Privacyverklaring Rekenhuis",
  profile(
    "Rekenhuis Groep B.V.",
    "Rekenhuis",
    "Stationsplein 3",
    "6811 KG",
    "Arnhem",
    "privacy@rekenhuis.nl",
    "+31 26 123 45 67",
    "https://www.rekenhuis.nl",
  ),
  [
    [
      "inleiding",
      "Inleiding",
      "Rekenhuis bestaat uit drie administratiekantoren in Gelderland. Rekenhuis en de aangesloten kantoren (hierna: wij) gaan vertrouwelijk om met uw gegevens. Met vragen kunt u terecht via de contactpagina op onze website.",
    ],
    [
      "gegevens",
      "Persoonsgegevens die wij verwerken",
      "- Naam, adres en woonplaats\n- Burgerservicenummer, voor zover de wet dat voorschrijft\n- Financiële gegevens die u ons geeft",
    ],
    [
      "doelen",
      "Doelen",
      "Wij gebruiken uw gegevens voor het verzorgen van uw administratie en belastingaangiften, en om u op de hoogte te houden van fiscale wijzigingen.",
    ],
    [
      "grondslagen",
      "Grondslagen",
      "De verwerking is noodzakelijk voor de uitvoering van de overeenkomst met u. Daarnaast zijn wij wettelijk verplicht bepaalde gegevens te bewaren.",
    ],
    [
      "delen",
      "Delen van gegevens",
      "Wij verstrekken uw gegevens aan de Belastingdienst als dat voor uw aangifte nodig is. Uw gegevens worden nooit buiten de Europese Unie verwerkt.",
    ],
    [
      "bewaren",
      "Bewaartermijnen",
      "Wij bewaren uw administratie ten minste zeven jaar, zoals de wet voorschrijft.",
    ],
    [
      "rechten",
      "Uw rechten",
      "U kunt uw gegevens inzien en laten corrigeren. Ook kunt u ons vragen uw gegevens te wissen of de verwerking te beperken. U kunt ook bezwaar maken tegen de verwerking. Wij handelen uw verzoek binnen vier weken af.",
    ],
    [
      "klachten",
      "Klachten",
      "Heeft u een klacht over hoe wij met uw gegevens omgaan, neem dan contact met ons op. U kunt zich ook wenden tot de Autoriteit Persoonsgegevens.",
    ],
  ],
);

export const WRITTEN_STATEMENTS: readonly WrittenStatement[] = [WEBSHOP, SAAS, GROUP];
