// The demo companies of the Conxillium group, in member order. All contact details are
// fictional. JCC Software carries everything its own published statement (seed 000) adds to the
// group statement, corrected where it was legally wrong; the other seven have plausible, mostly
// inheriting profiles. Every company records, per purpose, its legal basis, whether providing the
// data is required (Art. 13(2)(e)) and whether it is direct marketing (Art. 21(2)); and a
// retention period or criterion for every data category (Art. 13(2)(a)).
import type { LocalizedLine, Provision, Purpose, RetentionRule, TenantContent } from "../model.ts";

export interface DemoTenant {
  slug: string;
  name: string;
  content: TenantContent;
}

/** A line in Dutch and English. */
const t = (nl: string, en: string): LocalizedLine => ({ nl, en });

const provide = (requirement: Provision["requirement"], nl: string, en: string): Provision => ({
  requirement,
  consequence: t(nl, en),
});

/**
 * The processing the group's companies decide on together (the baseline's joint controllership):
 * every company keeps its customer contacts in the shared register.
 */
const sharedRegister: Purpose = {
  name: t(
    "Bijhouden van klantcontacten in het gezamenlijke klantenbestand van Conxillium",
    "Keeping customer contacts in Conxillium's shared customer register",
  ),
  legalBasis: "legitimate_interest",
  legitimateInterest: t(
    "klanten die met meer bedrijven van de groep werken eenduidig en zonder dubbel werk van dienst zijn",
    "serving customers who work with several companies of the group consistently and without duplicate work",
  ),
  provision: provide(
    "voluntary",
    "zonder deze gegevens kunnen wij u niet als contactpersoon van uw organisatie benaderen",
    "without this data we cannot approach you as your organisation's contact person",
  ),
};

/** Log files of the websites and applications, kept for security. */
const logFiles = (months: number, categories: string[] = ["IP-adres"]): RetentionRule => ({
  subject: t("Logbestanden met IP-adressen", "Log files containing IP addresses"),
  period: { amount: months, unit: "months" },
  categories,
});

const beheervisie: DemoTenant = {
  slug: "beheervisie",
  name: "BeheerVisie",
  content: {
    profile: {
      legalName: "BeheerVisie B.V.",
      tradeName: "BeheerVisie",
      kvkNumber: "61834207",
      address: { street: "Lange Nieuwstraat 44", postalCode: "3512 PJ", city: "Utrecht", country: "NL" },
      email: "privacy@beheervisie.example",
      phone: "+31 30 760 41 20",
      website: "https://www.beheervisie.example",
    },
    lists: {
      data_categories: [
        {
          name: t("Naam en zakelijke contactgegevens", "Name and business contact details"),
          examples: t("naam, e-mailadres, telefoonnummer", "name, email address, phone number"),
          special: false,
        },
        {
          name: t("Gebruikersaccount", "User account"),
          examples: t("gebruikersnaam, rol en organisatie", "user name, role and organisation"),
          special: false,
        },
        { name: t("IP-adres", "IP address"), special: false },
      ],
      purposes: [
        {
          name: t("Leveren en ondersteunen van onze software", "Supplying and supporting our software"),
          description: t(
            "zoals het beheren van gebruikersaccounts en het afhandelen van supportvragen",
            "such as managing user accounts and handling support requests",
          ),
          legalBasis: "contract",
          provision: provide(
            "contractual",
            "zonder deze gegevens kunnen wij onze software niet leveren en u niet ondersteunen",
            "without this data we cannot supply our software or support you",
          ),
        },
        {
          name: t("Beveiligen van onze applicaties", "Securing our applications"),
          description: t(
            "wij registreren inlogpogingen en IP-adressen om misbruik op te sporen",
            "we log sign-in attempts and IP addresses to detect misuse",
          ),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "het veilig houden van onze applicaties en de gegevens van onze klanten",
            "keeping our applications and our customers' data secure",
          ),
          provision: provide(
            "contractual",
            "zonder deze gegevens kunt u onze applicaties niet gebruiken",
            "without this data you cannot use our applications",
          ),
        },
        {
          name: t("Versturen van onze nieuwsbrief", "Sending our newsletter"),
          legalBasis: "consent",
          directMarketing: true,
          provision: provide(
            "voluntary",
            "zonder deze gegevens ontvangt u onze nieuwsbrief niet",
            "without this data you do not receive our newsletter",
          ),
        },
        sharedRegister,
      ],
      retention: [
        {
          subject: t("Klant- en contractgegevens", "Customer and contract data"),
          period: { amount: 7, unit: "years" },
          criterion: t("na het einde van het contract", "after the contract ends"),
          description: t(
            "vanwege de fiscale bewaarplicht",
            "because of the statutory obligation to keep tax records",
          ),
          categories: ["Naam en zakelijke contactgegevens"],
        },
        {
          subject: t("Gebruikersaccounts", "User accounts"),
          period: { amount: 3, unit: "months" },
          criterion: t("na het einde van het contract", "after the contract ends"),
        },
        {
          subject: t("Gegevens voor de nieuwsbrief", "Newsletter data"),
          period: { amount: 30, unit: "days" },
          criterion: t("na afmelding", "after you unsubscribe"),
          categories: ["Naam en zakelijke contactgegevens"],
        },
        logFiles(6),
      ],
      recipients: [
        {
          name: "Lage Landen Hosting B.V.",
          role: "processor",
          service: t("hosting van onze applicaties", "hosting of our applications"),
          country: "NL",
          safeguard: "eea",
        },
        {
          name: "Postvak Nieuwsbrieven B.V.",
          role: "processor",
          service: t("verzenden van nieuwsbrieven", "sending newsletters"),
          country: "NL",
          safeguard: "eea",
        },
      ],
      cookies: [
        {
          name: "bv_session",
          provider: "BeheerVisie",
          category: "functional",
          purpose: t("Houdt u ingelogd tijdens uw bezoek.", "Keeps you signed in during your visit."),
        },
      ],
    },
    overrides: { changes: { mode: "omit" } },
    ownSections: [],
  },
};

const dataquint: DemoTenant = {
  slug: "dataquint",
  name: "DataQuint",
  content: {
    profile: {
      legalName: "DataQuint B.V.",
      tradeName: "DataQuint",
      kvkNumber: "05829316",
      address: { street: "Burgemeester Roelenweg 7", postalCode: "8021 EV", city: "Zwolle", country: "NL" },
      email: "privacy@dataquint.example",
      phone: "+31 38 204 77 10",
      website: "https://www.dataquint.example",
    },
    lists: {
      data_categories: [
        {
          name: t("Naam en contactgegevens", "Name and contact details"),
          special: false,
        },
        {
          name: t("Functie en organisatie", "Job title and organisation"),
          special: false,
          source: t(
            "uw werkgever of openbare bronnen, zoals de website van uw gemeente",
            "your employer or public sources, such as your municipality's website",
          ),
        },
        { name: t("IP-adres", "IP address"), special: false },
      ],
      purposes: [
        {
          name: t("Sluiten en uitvoeren van overeenkomsten", "Entering into and performing contracts"),
          legalBasis: "contract",
          provision: provide(
            "contract_prerequisite",
            "zonder deze gegevens kunnen wij geen overeenkomst met u sluiten of uitvoeren",
            "without this data we cannot enter into or perform a contract with you",
          ),
        },
        {
          name: t("Onderhouden van contacten met gemeenten", "Maintaining contacts with municipalities"),
          description: t(
            "zoals uitnodigingen voor gebruikersdagen en informatie over nieuwe versies",
            "such as invitations to user days and information about new releases",
          ),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "het onderhouden van de relatie met onze klanten en hun medewerkers",
            "maintaining our relationship with our customers and their staff",
          ),
          directMarketing: true,
          provision: provide(
            "voluntary",
            "zonder deze gegevens ontvangt u geen uitnodigingen en geen informatie over nieuwe versies",
            "without this data you receive no invitations and no information about new releases",
          ),
        },
        {
          name: t("Voeren van onze administratie", "Keeping our accounts"),
          legalBasis: "legal_obligation",
          provision: provide(
            "statutory",
            "zonder deze gegevens kunnen wij geen overeenkomst met u aangaan",
            "without this data we cannot enter into a contract with you",
          ),
        },
        {
          name: t("Beveiligen van ons klantportaal", "Securing our customer portal"),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "het beschermen van ons klantportaal tegen misbruik",
            "protecting our customer portal against misuse",
          ),
          provision: provide(
            "contractual",
            "zonder deze gegevens kunt u het klantportaal niet gebruiken",
            "without this data you cannot use the customer portal",
          ),
        },
        sharedRegister,
      ],
      retention: [
        {
          subject: t("Contactgegevens", "Contact details"),
          period: { amount: 2, unit: "years" },
          criterion: t("na het laatste contact", "after our last contact"),
          categories: ["Functie en organisatie"],
        },
        {
          subject: t("Financiële administratie", "Financial records"),
          period: { amount: 7, unit: "years" },
          criterion: t("na het einde van het boekjaar", "after the end of the financial year"),
          categories: ["Naam en contactgegevens"],
        },
        logFiles(6),
      ],
      recipients: [
        {
          name: "Polderwolk Datacenters B.V.",
          role: "processor",
          service: t("hosting van ons klantportaal", "hosting of our customer portal"),
          country: "NL",
          safeguard: "eea",
        },
        {
          name: "Grootboek Online B.V.",
          role: "processor",
          service: t("boekhoudsoftware", "accounting software"),
          country: "NL",
          safeguard: "eea",
        },
      ],
      cookies: [
        {
          name: "dq_session",
          provider: "DataQuint",
          category: "functional",
          purpose: t("Houdt u ingelogd tijdens uw bezoek.", "Keeps you signed in during your visit."),
        },
        {
          name: "dq_lang",
          provider: "DataQuint",
          category: "functional",
          purpose: t("Onthoudt de taal die u heeft gekozen.", "Remembers the language you chose."),
          lifetime: { amount: 1, unit: "years" },
        },
      ],
    },
    overrides: {},
    ownSections: [],
  },
};

const geotax: DemoTenant = {
  slug: "geotax",
  name: "GeoTax",
  content: {
    profile: {
      legalName: "GeoTax Nederland B.V.",
      tradeName: "GeoTax",
      kvkNumber: "08174592",
      address: { street: "Deventerstraat 112", postalCode: "7321 CE", city: "Apeldoorn", country: "NL" },
      email: "privacy@geotax.example",
      phone: "+31 55 301 62 40",
      website: "https://www.geotax.example",
      establishments: [{ city: "Antwerpen", country: "BE" }],
    },
    lists: {
      data_categories: [
        { name: t("Naam en contactgegevens", "Name and contact details"), special: false },
        {
          name: t("Inloggegevens voor het klantportaal", "Sign-in details for the customer portal"),
          special: false,
        },
        {
          name: t("Inhoud van supportmeldingen", "Content of support tickets"),
          special: false,
        },
        { name: t("IP-adres", "IP address"), special: false },
      ],
      purposes: [
        {
          name: t(
            "Implementeren en ondersteunen van onze software",
            "Implementing and supporting our software",
          ),
          legalBasis: "contract",
          provision: provide(
            "contractual",
            "zonder deze gegevens kunnen wij onze software niet implementeren en u niet ondersteunen",
            "without this data we cannot implement our software or support you",
          ),
        },
        {
          name: t("Verbeteren van onze software", "Improving our software"),
          description: t(
            "op basis van supportmeldingen en gebruiksstatistieken van het klantportaal",
            "based on support tickets and usage statistics of the customer portal",
          ),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "software leveren die goed aansluit op het werk van gemeenten",
            "supplying software that fits the work of municipalities well",
          ),
          provision: provide(
            "voluntary",
            "wij gebruiken hiervoor alleen gegevens die u al voor ondersteuning heeft gegeven, en het heeft geen gevolgen voor de ondersteuning die u krijgt",
            "we use only data you already gave us for support, and it has no effect on the support you receive",
          ),
        },
        {
          name: t("Uitnodigen voor webinars", "Inviting you to webinars"),
          legalBasis: "consent",
          directMarketing: true,
          provision: provide(
            "voluntary",
            "zonder deze gegevens kunnen wij u niet uitnodigen voor webinars",
            "without this data we cannot invite you to webinars",
          ),
        },
        sharedRegister,
      ],
      retention: [
        {
          subject: t("Supportmeldingen", "Support tickets"),
          period: { amount: 2, unit: "years" },
          criterion: t("na afhandeling van de melding", "after the ticket is closed"),
        },
        {
          subject: t("Accounts voor het klantportaal", "Customer portal accounts"),
          period: { amount: 3, unit: "months" },
          criterion: t("na het einde van het contract", "after the contract ends"),
          categories: ["Inloggegevens voor het klantportaal"],
        },
        {
          subject: t("Contactgegevens", "Contact details"),
          period: { amount: 2, unit: "years" },
          criterion: t("na het laatste contact", "after our last contact"),
        },
        {
          subject: t("Uitnodigingen voor webinars", "Webinar invitations"),
          period: { amount: 30, unit: "days" },
          criterion: t("na afmelding", "after you unsubscribe"),
          categories: ["Naam en contactgegevens"],
        },
        logFiles(6),
      ],
      recipients: [
        {
          name: "Lage Landen Hosting B.V.",
          role: "processor",
          service: t("hosting van het klantportaal", "hosting of the customer portal"),
          country: "NL",
          safeguard: "eea",
        },
        {
          name: "Ticketwerk GmbH",
          role: "processor",
          service: t("registratie van supportmeldingen", "support ticket system"),
          country: "DE",
          safeguard: "eea",
        },
      ],
      cookies: [
        {
          name: "gt_portal_session",
          provider: "GeoTax",
          category: "functional",
          purpose: t("Houdt u ingelogd op het klantportaal.", "Keeps you signed in to the customer portal."),
        },
      ],
    },
    overrides: {
      introduction: {
        mode: "append",
        body: {
          nl: "Wanneer wij in opdracht van een gemeente persoonsgegevens verwerken, bijvoorbeeld in onze belastingsoftware, doen wij dat als verwerker op basis van een verwerkersovereenkomst met die gemeente. De gemeente is dan verantwoordelijk en haar privacyverklaring is van toepassing.",
          en: "When we process personal data on behalf of a municipality, for example in our tax software, we do so as a processor under a data processing agreement with that municipality. The municipality is then the controller, and its privacy statement applies.",
        },
      },
    },
    ownSections: [],
  },
};

const iReal: DemoTenant = {
  slug: "i-real",
  name: "I-Real",
  content: {
    profile: {
      legalName: "I-Real B.V.",
      tradeName: "I-Real",
      kvkNumber: "27461853",
      address: {
        street: "Laan van Meerdervoort 310",
        postalCode: "2563 AJ",
        city: "Den Haag",
        country: "NL",
      },
      email: "privacy@i-real.example",
      phone: "+31 70 215 83 60",
      website: "https://www.i-real.example",
    },
    lists: {
      data_categories: [
        {
          name: t("Naam en contactgegevens", "Name and contact details"),
          examples: t("naam, e-mailadres, telefoonnummer", "name, email address, phone number"),
          special: false,
        },
        { name: t("Inhoud van uw vraag", "Content of your question"), special: false },
        { name: t("IP-adres", "IP address"), special: false },
      ],
      purposes: [
        {
          name: t("Sluiten en uitvoeren van overeenkomsten", "Entering into and performing contracts"),
          legalBasis: "contract",
          provision: provide(
            "contract_prerequisite",
            "zonder deze gegevens kunnen wij geen overeenkomst met u sluiten of uitvoeren",
            "without this data we cannot enter into or perform a contract with you",
          ),
        },
        {
          name: t(
            "Beantwoorden van vragen via ons contactformulier",
            "Answering questions sent through our contact form",
          ),
          legalBasis: "consent",
          provision: provide(
            "voluntary",
            "zonder deze gegevens kunnen wij uw vraag niet beantwoorden",
            "without this data we cannot answer your question",
          ),
        },
        {
          name: t("Beveiligen van onze website", "Securing our website"),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "het voorkomen van misbruik van onze website",
            "preventing misuse of our website",
          ),
          provision: provide(
            "voluntary",
            "zonder uw IP-adres kan onze website u geen pagina's tonen",
            "without your IP address our website cannot show you any pages",
          ),
        },
        sharedRegister,
      ],
      retention: [
        {
          subject: t("Vragen via het contactformulier", "Questions sent through the contact form"),
          period: { amount: 1, unit: "years" },
          criterion: t("na beantwoording", "after we have answered"),
          categories: ["Inhoud van uw vraag"],
        },
        {
          subject: t("Klant- en contactgegevens", "Customer and contact details"),
          period: { amount: 2, unit: "years" },
          criterion: t(
            "na het einde van het contract of het laatste contact",
            "after the contract ends or our last contact",
          ),
        },
        logFiles(3),
      ],
      recipients: [
        {
          name: "Hofstad Hosting B.V.",
          role: "processor",
          service: t("hosting van onze website", "hosting of our website"),
          country: "NL",
          safeguard: "eea",
        },
      ],
      cookies: [
        {
          name: "ir_cookie_choice",
          provider: "I-Real",
          category: "functional",
          purpose: t(
            "Onthoudt dat u de cookiemelding heeft gezien.",
            "Remembers that you have seen the cookie notice.",
          ),
          lifetime: { amount: 6, unit: "months" },
        },
      ],
    },
    overrides: {
      cookies: {
        mode: "append",
        body: {
          nl: "Op onze website gebruiken wij alleen functionele cookies. Wij plaatsen geen analytische of tracking cookies.",
          en: "Our website uses functional cookies only. We do not place analytic or tracking cookies.",
        },
      },
    },
    ownSections: [],
  },
};

const jccSoftware: DemoTenant = {
  slug: "jcc-software",
  name: "JCC Software",
  content: {
    profile: {
      legalName: "JCC Software B.V.",
      tradeName: "JCC Software",
      kvkNumber: "32047815",
      address: { street: "Hamersveldseweg 36", postalCode: "3833 GM", city: "Leusden", country: "NL" },
      email: "privacy@jccsoftware.example",
      phone: "+31 33 432 18 00",
      website: "https://www.jccsoftware.example",
    },
    lists: {
      data_categories: [
        { name: t("Voor- en achternaam", "First and last name"), special: false },
        { name: t("Geslacht", "Gender"), special: false },
        { name: t("Adresgegevens", "Address details"), special: false },
        { name: t("Telefoonnummer", "Phone number"), special: false },
        { name: t("E-mailadres", "Email address"), special: false },
        { name: t("IP-adres", "IP address"), special: false },
        {
          name: t(
            "Overige persoonsgegevens die u actief verstrekt",
            "Other personal data you actively provide",
          ),
          examples: t(
            "bijvoorbeeld door een profiel op deze website aan te maken, in correspondentie en telefonisch",
            "for example by creating a profile on this website, in correspondence and by phone",
          ),
          special: false,
        },
        {
          name: t("Locatiegegevens", "Location data"),
          examples: t(
            "bij benadering (land en stad), afgeleid uit het ingekorte IP-adres",
            "approximate (country and city), derived from the truncated IP address",
          ),
          special: false,
        },
        { name: t("Internetbrowser en apparaattype", "Internet browser and device type"), special: false },
      ],
      purposes: [
        {
          name: t("Sluiten en uitvoeren van overeenkomsten", "Entering into and performing contracts"),
          description: t(
            "zoals het voldoen aan betalingsverplichtingen",
            "such as meeting payment obligations",
          ),
          legalBasis: "contract",
          provision: provide(
            "contract_prerequisite",
            "zonder deze gegevens kunnen wij geen overeenkomst met u sluiten of uitvoeren",
            "without this data we cannot enter into or perform a contract with you",
          ),
        },
        {
          name: t(
            "Voldoen aan de fiscale bewaarplicht",
            "Meeting the statutory obligation to keep tax records",
          ),
          legalBasis: "legal_obligation",
          provision: provide(
            "statutory",
            "zonder deze gegevens kunnen wij geen overeenkomst met u aangaan",
            "without this data we cannot enter into a contract with you",
          ),
        },
        {
          name: t(
            "Servicedoeleinden, zoals het beantwoorden van vragen en versturen van post",
            "Service purposes, such as answering questions and sending post",
          ),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "het goed bedienen van onze klanten binnen de klantrelatie",
            "serving our customers well within the customer relationship",
          ),
          provision: provide(
            "voluntary",
            "zonder deze gegevens kunnen wij uw vragen niet beantwoorden en u geen post sturen",
            "without this data we cannot answer your questions or send you post",
          ),
        },
        {
          name: t(
            "Marketingdoeleinden, zoals het versturen van nieuwsbrieven",
            "Marketing purposes, such as sending newsletters",
          ),
          legalBasis: "consent",
          directMarketing: true,
          provision: provide(
            "voluntary",
            "zonder deze gegevens ontvangt u onze nieuwsbrieven niet",
            "without this data you do not receive our newsletters",
          ),
        },
        {
          name: t(
            "Analyseren van klikgedrag op websites en gebruik van applicaties",
            "Analysing click behaviour on websites and the use of applications",
          ),
          description: t(
            "met gepseudonimiseerde statistieken uit Google Analytics",
            "using pseudonymised statistics from Google Analytics",
          ),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "het voortdurend verbeteren van onze websites en applicaties voor de gebruikers",
            "continuously improving our websites and applications for their users",
          ),
          provision: provide(
            "voluntary",
            "u kunt Google Analytics blokkeren (zie ‘Opt-out’) zonder dat dit gevolgen heeft voor het gebruik van onze websites",
            "you can block Google Analytics (see ‘Opt-out’) without any effect on your use of our websites",
          ),
        },
        sharedRegister,
      ],
      retention: [
        {
          subject: t("Het kunnen uitvoeren van een overeenkomst", "Performing a contract"),
          period: { amount: 7, unit: "years" },
          criterion: t("nadat het contract niet meer geldig is", "after the contract has ended"),
          description: t(
            "in een (digitaal) archief, om administratieve redenen en vanwege de fiscale bewaarplicht; zolang de klant een contract met JCC Software heeft, bewaren wij de gegevens voor de uitvoering ervan",
            "in a (digital) archive, for administrative reasons and because of the statutory obligation to keep tax records; for as long as the customer has a contract with JCC Software, we keep the data to perform it",
          ),
          categories: [
            "Voor- en achternaam",
            "Geslacht",
            "Adresgegevens",
            "Telefoonnummer",
            "E-mailadres",
            "Overige persoonsgegevens die u actief verstrekt",
          ],
        },
        {
          subject: t(
            "Het kunnen uitvoeren van direct marketing activiteiten",
            "Carrying out direct marketing",
          ),
          period: { amount: 30, unit: "days" },
          criterion: t("na afmelding", "after you unsubscribe"),
          description: t(
            "zolang u bent aangemeld, gebruiken wij de gegevens voor direct marketing",
            "for as long as you are subscribed, we use the data for direct marketing",
          ),
          categories: ["Voor- en achternaam", "E-mailadres"],
        },
        {
          subject: t("Vragen en correspondentie", "Questions and correspondence"),
          period: { amount: 2, unit: "years" },
          criterion: t("na afhandeling", "after they have been dealt with"),
          categories: [
            "Voor- en achternaam",
            "Adresgegevens",
            "Telefoonnummer",
            "E-mailadres",
            "Overige persoonsgegevens die u actief verstrekt",
          ],
        },
        {
          subject: t("Statistieken in Google Analytics", "Statistics in Google Analytics"),
          period: { amount: 14, unit: "months" },
          criterion: t("na uw bezoek", "after your visit"),
          categories: ["Locatiegegevens", "Internetbrowser en apparaattype"],
        },
        logFiles(6, ["IP-adres", "Internetbrowser en apparaattype"]),
      ],
      recipients: [
        {
          name: "Google Ireland Limited",
          role: "processor",
          service: t("Google Analytics (websitestatistieken)", "Google Analytics (website statistics)"),
          country: "IE",
          safeguard: "eea",
        },
        {
          name: "Google LLC",
          role: "processor",
          service: t(
            "subverwerker van Google Ireland Limited voor Google Analytics, gecertificeerd onder het EU-VS Data Privacy Framework",
            "sub-processor of Google Ireland Limited for Google Analytics, certified under the EU-US Data Privacy Framework",
          ),
          country: "US",
          safeguard: "adequacy",
        },
      ],
      cookies: [
        {
          name: "jcc_session",
          provider: "JCC Software",
          category: "functional",
          purpose: t(
            "Neemt informatie van de ene pagina mee naar de volgende tijdens uw bezoek.",
            "Carries information from one page to the next during your visit.",
          ),
        },
        {
          name: "_ga",
          provider: "Google",
          category: "analytic",
          purpose: t(
            "Google Analytics: gepseudonimiseerde statistieken over het gebruik van onze websites.",
            "Google Analytics: pseudonymised statistics on the use of our websites.",
          ),
          lifetime: { amount: 50, unit: "months" },
        },
      ],
    },
    overrides: {
      cookies: {
        mode: "append",
        body: {
          nl: "De door {{company.name}} gebruikte cookies zijn in verschillende categorieën in te delen, zoals hieronder wordt toegelicht.",
          en: "The cookies used by {{company.name}} fall into different categories, as explained below.",
        },
      },
    },
    ownSections: [
      {
        key: "functional_cookies",
        after: "cookies",
        title: t("Functionele cookies", "Functional cookies"),
        body: {
          nl: "Deze categorie cookies is nodig om ervoor te zorgen dat de website naar behoren werkt. Deze cookies zorgen er bijvoorbeeld voor dat informatie van één pagina wordt meegenomen naar de volgende. Zo hoeft u niet iedere keer dezelfde informatie in te vullen. Ook zorgen deze cookies ervoor dat bepaalde voorkeursinstellingen die u heeft aangegeven voor het gebruik van een website van {{company.name}} (zoals de grootte van de tekst) worden onthouden bij een toekomstig gebruik van de websites. Voor het gebruik van deze cookies is uw voorafgaande toestemming niet nodig.",
          en: "This category of cookies is needed to make sure the website works properly. For example, these cookies make sure that information from one page is carried over to the next, so that you do not have to fill in the same information every time. They also make sure that certain preferences you have set for using a {{company.name}} website (such as the text size) are remembered the next time you use our websites. Your prior consent is not required for the use of these cookies.",
        },
      },
      {
        key: "analytic_cookies",
        after: "cookies",
        title: t("Analytische cookies", "Analytic cookies"),
        body: {
          nl: "Deze cookies gebruiken wij om onze websites zo goed mogelijk te laten aansluiten op de wensen van onze gebruikers, door te meten hoe bezoekers onze websites gebruiken. Deze analytische cookies omvatten ook het cookie dat Google Analytics namens {{company.name}} plaatst en uitleest. Omdat wij Google Analytics privacyvriendelijk hebben ingesteld, zoals hieronder beschreven, vragen wij voor deze cookies geen toestemming.",
          en: "We use these cookies to keep our websites matched as closely as possible to the wishes of our users, by measuring how visitors use our websites. These analytic cookies include the cookie that Google Analytics places and reads on behalf of {{company.name}}. Because we have set up Google Analytics in a privacy-friendly way, as described below, we do not ask consent for these cookies.",
        },
      },
      {
        key: "analytics_privacy_law",
        after: "cookies",
        title: t("Privacywetgeving en Analytics", "Privacy legislation and Analytics"),
        body: {
          nl: [
            "Deze website maakt gebruik van Google Analytics. Dit programma levert belangrijke statistieken over aantallen bezoekers, de bezochte pagina’s, de verkeersbronnen en andere informatie waarmee wij deze website voortdurend kunnen verbeteren voor de gebruikers. De statistieken zijn gepseudonimiseerd: het Analytics-cookie bevat een uniek nummer en uw IP-adres wordt ingekort, zodat wij de gegevens niet tot u als persoon herleiden; het blijven wel persoonsgegevens. Er wordt geen gebruik gemaakt van ‘behavioural targeting’ waarmee u op basis van uw klikgedrag speciale inhoud krijgt te zien. Gegevens uit contactformulieren worden nooit in Analytics verwerkt of opgeslagen.",
            "Wij hebben Google Analytics ingesteld zoals de Autoriteit Persoonsgegevens dat vraagt voor analytische cookies zonder toestemming (artikel 11.7a Telecommunicatiewet). Daarom vragen wij voor dit cookie geen toestemming vooraf.",
          ].join("\n\n"),
          en: [
            "This website uses Google Analytics. This program provides important statistics on visitor numbers, the pages visited, traffic sources and other information that helps us keep improving this website for its users. The statistics are pseudonymised: the Analytics cookie contains a unique number and your IP address is truncated, so that we do not trace the data back to you as a person; it remains personal data all the same. No ‘behavioural targeting’ is used to show you special content based on your click behaviour. Data from contact forms is never processed or stored in Analytics.",
            "We have set up Google Analytics as the Autoriteit Persoonsgegevens requires for analytic cookies without consent (Article 11.7a of the Dutch Telecommunications Act). That is why we do not ask prior consent for this cookie.",
          ].join("\n\n"),
        },
      },
      {
        key: "analytics_ip_masking",
        after: "cookies",
        title: t(
          "IP-adressen worden gemaskeerd en gegevens niet gedeeld",
          "IP addresses are masked and data is not shared",
        ),
        body: {
          nl: "Het cookie van Google Analytics is een ‘first-party cookie’: het wordt geplaatst onder het domein van de website van {{company.name}}. Dit cookie wordt niet gebruikt voor advertenties of andere commerciële doeleinden. {{company.name}} heeft een verwerkersovereenkomst met Google Ireland Limited. Google Analytics is zo ingesteld dat het laatste deel van uw IP-adres wordt gemaskeerd voordat het wordt opgeslagen. Het delen van gegevens met Google staat uit, en wij gebruiken Google Analytics niet in combinatie met andere diensten van Google. Het Analytics-cookie blijft 50 maanden geldig; de statistieken zelf bewaren wij 14 maanden.",
          en: "The Google Analytics cookie is a ‘first-party cookie’: it is placed under the domain of the {{company.name}} website. This cookie is not used for advertising or other commercial purposes. {{company.name}} has a data processing agreement with Google Ireland Limited. Google Analytics is set up so that the last part of your IP address is masked before it is stored. Data sharing with Google is switched off, and we do not use Google Analytics together with other Google services. The Analytics cookie remains valid for 50 months; we keep the statistics themselves for 14 months.",
        },
      },
      {
        key: "analytics_opt_out",
        after: "cookies",
        title: t("Opt-out", "Opt-out"),
        body: {
          nl: "Als u het script van Analytics liever helemaal wilt blokkeren, dan kunt u hier een opt-out plugin voor Google Analytics downloaden: https://tools.google.com/dlpage/gaoptout. Met deze plugin telt uw bezoek niet meer mee in de statistieken van alle websites die Google Analytics gebruiken.",
          en: "If you would rather block the Analytics script altogether, you can download an opt-out add-on for Google Analytics here: https://tools.google.com/dlpage/gaoptout. With this add-on, your visits are no longer counted in the statistics of any website that uses Google Analytics.",
        },
      },
      {
        key: "google_analytics_statement",
        after: "cookies",
        title: t(
          "Google Analytics – wie verwerkt de gegevens?",
          "Google Analytics – who processes the data?",
        ),
        body: {
          nl: "Google Analytics is een dienst van Google Ireland Limited (Gordon House, Barrow Street, Dublin 4, Ierland), die de gegevens als verwerker in opdracht van {{company.name}} verwerkt. Google Ireland Limited kan de gegevens laten verwerken door Google LLC in de Verenigde Staten; die doorgifte berust op het adequaatheidsbesluit voor het EU-VS Data Privacy Framework, waaronder Google LLC is gecertificeerd. Google mag de gegevens alleen gebruiken om de dienst voor {{company.name}} te leveren, niet voor eigen doeleinden. U kunt het plaatsen van cookies weigeren of cookies verwijderen via de instellingen van uw browser, of Google Analytics blokkeren met de opt-out plugin hierboven; u kunt onze website dan gewoon gebruiken.",
          en: "Google Analytics is a service of Google Ireland Limited (Gordon House, Barrow Street, Dublin 4, Ireland), which processes the data as a processor on behalf of {{company.name}}. Google Ireland Limited may have the data processed by Google LLC in the United States; that transfer rests on the adequacy decision for the EU-US Data Privacy Framework, under which Google LLC is certified. Google may use the data only to provide the service to {{company.name}}, not for its own purposes. You can refuse cookies or delete them in your browser settings, or block Google Analytics with the opt-out add-on above; you can then still use our website.",
        },
      },
    ],
  },
};

const pharox: DemoTenant = {
  slug: "pharox",
  name: "Pharox",
  content: {
    profile: {
      legalName: "Pharox B.V.",
      tradeName: "Pharox",
      kvkNumber: "17295048",
      address: { street: "Europalaan 28", postalCode: "5232 BC", city: "'s-Hertogenbosch", country: "NL" },
      email: "privacy@pharox.example",
      phone: "+31 73 640 25 90",
      website: "https://www.pharox.example",
    },
    lists: {
      data_categories: [
        {
          name: t("Naam en contactgegevens", "Name and contact details"),
          examples: t(
            "naam, functie, e-mailadres, telefoonnummer",
            "name, job title, email address, phone number",
          ),
          special: false,
        },
        {
          name: t("Gegevens over cursusdeelname", "Training attendance details"),
          examples: t("gevolgde cursussen en data", "courses attended and dates"),
          special: false,
        },
        { name: t("IP-adres", "IP address"), special: false },
      ],
      purposes: [
        {
          name: t("Leveren van software en ondersteuning", "Supplying software and support"),
          legalBasis: "contract",
          provision: provide(
            "contractual",
            "zonder deze gegevens kunnen wij onze software niet leveren en u niet ondersteunen",
            "without this data we cannot supply our software or support you",
          ),
        },
        {
          name: t("Organiseren van cursussen voor gebruikers", "Organising training courses for users"),
          legalBasis: "contract",
          provision: provide(
            "contract_prerequisite",
            "zonder deze gegevens kunnen wij u niet inschrijven voor een cursus",
            "without this data we cannot enrol you in a course",
          ),
        },
        {
          name: t("Informeren over updates en storingen", "Informing you about updates and outages"),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "gebruikers tijdig informeren over wijzigingen die hun werk raken",
            "informing users in good time about changes that affect their work",
          ),
          provision: provide(
            "voluntary",
            "zonder deze gegevens kunnen wij u niet informeren over updates en storingen",
            "without this data we cannot inform you about updates and outages",
          ),
        },
        {
          name: t("Beveiligen van onze applicaties", "Securing our applications"),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "het veilig houden van onze applicaties en de gegevens van onze klanten",
            "keeping our applications and our customers' data secure",
          ),
          provision: provide(
            "contractual",
            "zonder deze gegevens kunt u onze applicaties niet gebruiken",
            "without this data you cannot use our applications",
          ),
        },
        sharedRegister,
      ],
      retention: [
        {
          subject: t("Klant- en contactgegevens", "Customer and contact details"),
          period: { amount: 2, unit: "years" },
          criterion: t("na het einde van het contract", "after the contract ends"),
        },
        {
          subject: t("Cursusregistraties", "Training records"),
          period: { amount: 5, unit: "years" },
          criterion: t("na de cursus", "after the course"),
          categories: ["Gegevens over cursusdeelname"],
        },
        logFiles(6),
      ],
      recipients: [
        {
          name: "Lage Landen Hosting B.V.",
          role: "processor",
          service: t("hosting van onze applicaties", "hosting of our applications"),
          country: "NL",
          safeguard: "eea",
        },
        {
          name: "Leerpad BV",
          role: "processor",
          service: t("online leeromgeving voor cursussen", "online learning environment for courses"),
          country: "BE",
          safeguard: "eea",
        },
      ],
      cookies: [
        {
          name: "px_session",
          provider: "Pharox",
          category: "functional",
          purpose: t("Houdt u ingelogd tijdens uw bezoek.", "Keeps you signed in during your visit."),
        },
      ],
    },
    overrides: {},
    ownSections: [],
  },
};

const procura: DemoTenant = {
  slug: "procura",
  name: "Procura",
  content: {
    profile: {
      legalName: "Procura B.V.",
      tradeName: "Procura",
      kvkNumber: "44602871",
      address: { street: "Oldenzaalsestraat 88", postalCode: "7511 DZ", city: "Enschede", country: "NL" },
      email: "privacy@procura.example",
      phone: "+31 53 480 19 30",
      website: "https://www.procura.example",
      dpo: { name: "Marieke Jansen", email: "fg@procura.example" },
    },
    lists: {
      data_categories: [
        { name: t("Naam en contactgegevens", "Name and contact details"), special: false },
        {
          name: t("Gegevens van gebruikers van onze software", "Data about users of our software"),
          examples: t("gebruikersnaam, rol, inlogmomenten", "user name, role, sign-in times"),
          special: false,
          source: t("de gemeente waar u werkt", "the municipality you work for"),
        },
        { name: t("IP-adres", "IP address"), special: false },
      ],
      purposes: [
        {
          name: t("Leveren en beheren van onze software", "Supplying and managing our software"),
          legalBasis: "contract",
          provision: provide(
            "contractual",
            "zonder deze gegevens kunnen wij onze software niet leveren en beheren",
            "without this data we cannot supply and manage our software",
          ),
        },
        {
          name: t("Vastleggen wie wanneer inlogt", "Recording who signs in and when"),
          description: t(
            "om de toegang tot gevoelige gemeentelijke gegevens te kunnen controleren",
            "so that access to sensitive municipal data can be audited",
          ),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "het beveiligen van onze software en het aantoonbaar maken van rechtmatige toegang",
            "securing our software and being able to demonstrate lawful access",
          ),
          provision: provide(
            "contractual",
            "zonder deze gegevens kunt u onze software niet gebruiken",
            "without this data you cannot use our software",
          ),
        },
        {
          name: t("Voeren van onze administratie", "Keeping our accounts"),
          legalBasis: "legal_obligation",
          provision: provide(
            "statutory",
            "zonder deze gegevens kunnen wij geen overeenkomst met u aangaan",
            "without this data we cannot enter into a contract with you",
          ),
        },
        sharedRegister,
      ],
      retention: [
        {
          subject: t("Inloggegevens (logbestanden)", "Sign-in records (log files)"),
          period: { amount: 1, unit: "years" },
          categories: ["Gegevens van gebruikers van onze software", "IP-adres"],
        },
        {
          subject: t("Contactgegevens", "Contact details"),
          period: { amount: 2, unit: "years" },
          criterion: t("na het einde van het contract", "after the contract ends"),
        },
        {
          subject: t("Financiële administratie", "Financial records"),
          period: { amount: 7, unit: "years" },
          criterion: t("na het einde van het boekjaar", "after the end of the financial year"),
          categories: ["Naam en contactgegevens"],
        },
      ],
      recipients: [
        {
          name: "Twentse Datacentra B.V.",
          role: "processor",
          service: t("hosting van onze software", "hosting of our software"),
          country: "NL",
          safeguard: "eea",
        },
        {
          name: "Veilig Mailen B.V.",
          role: "processor",
          service: t("beveiligde e-mail", "secure email"),
          country: "NL",
          safeguard: "eea",
        },
        {
          name: "Grootboek Online B.V.",
          role: "processor",
          service: t("boekhoudsoftware", "accounting software"),
          country: "NL",
          safeguard: "eea",
        },
      ],
      cookies: [
        {
          name: "procura_session",
          provider: "Procura",
          category: "functional",
          purpose: t("Houdt u ingelogd tijdens uw bezoek.", "Keeps you signed in during your visit."),
        },
        {
          name: "procura_prefs",
          provider: "Procura",
          category: "functional",
          purpose: t(
            "Onthoudt uw voorkeuren, zoals de grootte van de tekst.",
            "Remembers your preferences, such as the text size.",
          ),
          lifetime: { amount: 1, unit: "years" },
        },
      ],
    },
    overrides: {},
    ownSections: [],
  },
};

const sim: DemoTenant = {
  slug: "sim",
  name: "SIM",
  content: {
    profile: {
      legalName: "SIM Software B.V.",
      tradeName: "SIM",
      kvkNumber: "09317426",
      address: { street: "Velperweg 61", postalCode: "6824 BJ", city: "Arnhem", country: "NL" },
      email: "privacy@sim.example",
      phone: "+31 26 352 70 80",
      website: "https://www.sim.example",
    },
    lists: {
      data_categories: [
        { name: t("Naam en contactgegevens", "Name and contact details"), special: false },
        { name: t("Functie en organisatie", "Job title and organisation"), special: false },
        {
          name: t("Correspondentie", "Correspondence"),
          examples: t("e-mails en notities van telefoongesprekken", "emails and notes of phone calls"),
          special: false,
        },
        { name: t("IP-adres", "IP address"), special: false },
      ],
      purposes: [
        {
          name: t("Sluiten en uitvoeren van overeenkomsten", "Entering into and performing contracts"),
          legalBasis: "contract",
          provision: provide(
            "contract_prerequisite",
            "zonder deze gegevens kunnen wij geen overeenkomst met u sluiten of uitvoeren",
            "without this data we cannot enter into or perform a contract with you",
          ),
        },
        {
          name: t("Beantwoorden van vragen en verzoeken", "Answering questions and requests"),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "klanten en belangstellenden goed van dienst zijn",
            "serving customers and prospective customers well",
          ),
          provision: provide(
            "voluntary",
            "zonder deze gegevens kunnen wij uw vraag of verzoek niet beantwoorden",
            "without this data we cannot answer your question or request",
          ),
        },
        {
          name: t("Versturen van onze nieuwsbrief", "Sending our newsletter"),
          legalBasis: "consent",
          directMarketing: true,
          provision: provide(
            "voluntary",
            "zonder deze gegevens ontvangt u onze nieuwsbrief niet",
            "without this data you do not receive our newsletter",
          ),
        },
        {
          name: t("Beveiligen van onze website en e-mail", "Securing our website and email"),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "het voorkomen van misbruik van onze website en e-mail",
            "preventing misuse of our website and email",
          ),
          provision: provide(
            "voluntary",
            "zonder uw IP-adres kan onze website u geen pagina's tonen",
            "without your IP address our website cannot show you any pages",
          ),
        },
        sharedRegister,
      ],
      retention: [
        {
          subject: t("Correspondentie", "Correspondence"),
          period: { amount: 2, unit: "years" },
          criterion: t("na afhandeling", "after it has been dealt with"),
        },
        {
          subject: t("Klant- en contactgegevens", "Customer and contact details"),
          period: { amount: 2, unit: "years" },
          criterion: t(
            "na het einde van het contract of het laatste contact",
            "after the contract ends or our last contact",
          ),
          categories: ["Functie en organisatie"],
        },
        {
          subject: t("Gegevens voor de nieuwsbrief", "Newsletter data"),
          period: { amount: 30, unit: "days" },
          criterion: t("na uitschrijving", "after you unsubscribe"),
          categories: ["Naam en contactgegevens"],
        },
        logFiles(6),
      ],
      recipients: [
        {
          name: "Rijnhost B.V.",
          role: "processor",
          service: t("hosting van onze website en e-mail", "hosting of our website and email"),
          country: "NL",
          safeguard: "eea",
        },
        {
          name: "Nordbrev Newsletters Ltd",
          role: "processor",
          service: t("verzenden van nieuwsbrieven", "sending newsletters"),
          country: "IE",
          safeguard: "eea",
        },
      ],
      cookies: [
        {
          name: "sim_session",
          provider: "SIM",
          category: "functional",
          purpose: t(
            "Onthoudt wat u in formulieren heeft ingevuld tijdens uw bezoek.",
            "Remembers what you entered in forms during your visit.",
          ),
        },
      ],
    },
    overrides: { changes: { mode: "omit" } },
    ownSections: [],
  },
};

export const DEMO_TENANTS: DemoTenant[] = [
  beheervisie,
  dataquint,
  geotax,
  iReal,
  jccSoftware,
  pharox,
  procura,
  sim,
];
