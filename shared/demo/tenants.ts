// The demo companies of the Conxillium group, in member order. All contact details are
// fictional. JCC Software carries everything its own published statement (seed 000) adds to the
// group statement; the other seven have plausible, mostly inheriting profiles.
import type { LocalizedLine, TenantContent } from "../model.ts";

export interface DemoTenant {
  slug: string;
  name: string;
  content: TenantContent;
}

/** A line in Dutch and English. */
const t = (nl: string, en: string): LocalizedLine => ({ nl, en });

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
        },
        {
          name: t("Versturen van onze nieuwsbrief", "Sending our newsletter"),
          legalBasis: "consent",
        },
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
        },
        {
          subject: t("Logbestanden met IP-adressen", "Log files containing IP addresses"),
          period: { amount: 6, unit: "months" },
        },
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
        },
        {
          name: t("Voeren van onze administratie", "Keeping our accounts"),
          legalBasis: "legal_obligation",
        },
      ],
      retention: [
        {
          subject: t("Contactgegevens", "Contact details"),
          period: { amount: 2, unit: "years" },
          criterion: t("na het laatste contact", "after our last contact"),
        },
        {
          subject: t("Financiële administratie", "Financial records"),
          period: { amount: 7, unit: "years" },
          criterion: t("na het einde van het boekjaar", "after the end of the financial year"),
        },
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
        },
        {
          name: t("Uitnodigen voor webinars", "Inviting you to webinars"),
          legalBasis: "consent",
        },
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
        },
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
        { name: t("IP-adres", "IP address"), special: false },
      ],
      purposes: [
        {
          name: t("Sluiten en uitvoeren van overeenkomsten", "Entering into and performing contracts"),
          legalBasis: "contract",
        },
        {
          name: t(
            "Beantwoorden van vragen via ons contactformulier",
            "Answering questions sent through our contact form",
          ),
          legalBasis: "consent",
        },
        {
          name: t("Beveiligen van onze website", "Securing our website"),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "het voorkomen van misbruik van onze website",
            "preventing misuse of our website",
          ),
        },
      ],
      retention: [
        {
          subject: t("Vragen via het contactformulier", "Questions sent through the contact form"),
          period: { amount: 1, unit: "years" },
          criterion: t("na beantwoording", "after we have answered"),
        },
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
        { name: t("Locatiegegevens", "Location data"), special: false },
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
        },
        {
          name: t(
            "Marketingdoeleinden, zoals het versturen van nieuwsbrieven",
            "Marketing purposes, such as sending newsletters",
          ),
          legalBasis: "consent",
        },
        {
          name: t(
            "Analyseren van klikgedrag op websites en gebruik van applicaties",
            "Analysing click behaviour on websites and the use of applications",
          ),
          description: t(
            "met geanonimiseerde statistieken uit Google Analytics",
            "using anonymised statistics from Google Analytics",
          ),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "het voortdurend verbeteren van onze websites en applicaties voor de gebruikers",
            "continuously improving our websites and applications for their users",
          ),
        },
      ],
      retention: [
        {
          subject: t("Het kunnen uitvoeren van een overeenkomst", "Performing a contract"),
          period: { amount: 7, unit: "years" },
          criterion: t("nadat het contract niet meer geldig is", "after the contract has ended"),
          description: t(
            "in een (digitaal) archief, om administratieve redenen en vanwege wettelijke voorschriften; zolang de klant een contract met JCC Software heeft, bewaren wij de gegevens voor de uitvoering ervan",
            "in a (digital) archive, for administrative reasons and because of legal requirements; for as long as the customer has a contract with JCC Software, we keep the data to perform it",
          ),
        },
        {
          subject: t(
            "Het kunnen uitvoeren van direct marketing activiteiten",
            "Carrying out direct marketing",
          ),
          period: { amount: 7, unit: "years" },
          criterion: t("nadat het contract niet meer geldig is", "after the contract has ended"),
          description: t(
            "in ons (digitale) archief; zolang de klant een contract met JCC Software heeft of zich vrijwillig via een opt-in heeft aangemeld, bewaren wij de gegevens voor direct marketing; was er geen contract, dan verwijderen wij de gegevens direct na uitschrijving",
            "in our (digital) archive; for as long as the customer has a contract with JCC Software or has voluntarily opted in, we keep the data for direct marketing; if there was no contract, we delete the data immediately after unsubscribing",
          ),
        },
      ],
      recipients: [
        {
          name: "Google",
          role: "processor",
          service: t(
            "Google Analytics (websitestatistieken), onder het EU-VS Data Privacy Framework",
            "Google Analytics (website statistics), under the EU-US Data Privacy Framework",
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
            "Google Analytics: geanonimiseerde statistieken over het gebruik van onze websites.",
            "Google Analytics: anonymised statistics on the use of our websites.",
          ),
          lifetime: { amount: 50, unit: "months" },
        },
      ],
    },
    overrides: {
      recipients: {
        mode: "append",
        body: {
          nl: "Voor zover dat niet voortvloeit uit de wet of uit verplichtingen die {{company.name}} tegenover u is aangegaan, worden zonder uw toestemming geen persoonsgegevens aan derden verstrekt.",
          en: "Except where this follows from the law or from obligations {{company.name}} has entered into towards you, no personal data is provided to third parties without your consent.",
        },
      },
      retention: {
        mode: "replace",
        body: {
          nl: "Persoonsgegevens die door ons verwerkt worden, zullen nooit langer dan noodzakelijk is voor onze bedrijfsvoering bewaard worden. Wij hanteren de volgende bewaartermijnen voor de volgende (categorieën van) persoonsgegevens:",
          en: "Personal data we process will never be kept longer than necessary for our business operations. We apply the following retention periods to the following (categories of) personal data:",
        },
      },
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
          nl: "Deze cookies zijn nodig om onze websites permanent zo goed mogelijk aan te laten sluiten op de wensen van onze gebruikers door geanonimiseerd vast te stellen hoe gebruikers onze websites gebruiken. Gezien de geringe impact van deze cookies op uw privacy, is voor het gebruik van deze cookies geen toestemming vereist. Deze analytische cookies omvatten ook cookies die door derden ten behoeve van {{company.name}} worden geplaatst en uitgelezen, zoals Google Analytics.",
          en: "These cookies are needed to keep our websites matched as closely as possible to the wishes of our users, by establishing anonymously how users use our websites. Given the minor impact of these cookies on your privacy, no consent is required for their use. These analytic cookies also include cookies placed and read by third parties on behalf of {{company.name}}, such as Google Analytics.",
        },
      },
      {
        key: "analytics_privacy_law",
        after: "cookies",
        title: t("Privacywetgeving en Analytics", "Privacy legislation and Analytics"),
        body: {
          nl: [
            "Zoals hieronder beschreven in de officiële verklaring die Google Analytics-gebruikers op hun website moeten plaatsen, maakt deze website gebruik van Google Analytics. Dit programma levert belangrijke statistieken over aantallen bezoekers, de bezochte pagina’s, de verkeersbronnen en andere essentiële informatie waarmee wij deze website voortdurend kunnen verbeteren voor de gebruikers. Deze statistieken zijn anoniem en niet te herleiden tot een bepaalde persoon of gebruiker. Er wordt geen gebruik gemaakt van ‘behavioural targeting’ waarmee u op basis van uw klikgedrag speciale inhoud krijgt te zien; uw surfgedrag blijft volledig anoniem. Gegevens uit contactformulieren worden nooit in Analytics verwerkt of opgeslagen.",
            "Google Analytics maakt gebruik van een cookie, dat is een klein bestandje dat op uw computer wordt opgeslagen. Wij hebben Google Analytics conform de privacywetgeving ingericht, zodat er geen toestemming vooraf van de gebruiker nodig is.",
          ].join("\n\n"),
          en: [
            "As described below in the official statement that Google Analytics users must place on their website, this website uses Google Analytics. This program provides important statistics on visitor numbers, the pages visited, traffic sources and other essential information that helps us keep improving this website for its users. These statistics are anonymous and cannot be traced back to a particular person or user. No ‘behavioural targeting’ is used to show you special content based on your click behaviour; your browsing remains completely anonymous. Data from contact forms is never processed or stored in Analytics.",
            "Google Analytics uses a cookie, a small file stored on your computer. We have set up Google Analytics in line with privacy legislation, so that no prior consent from the user is needed.",
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
          nl: "Het cookie van Google Analytics is een ‘first party cookie’, dat wil zeggen dat het cookie officieel eigendom is van {{company.name}} en niet van Google. Dit cookie wordt niet gebruikt voor advertenties of andere commerciële doeleinden. {{company.name}} heeft een verwerkersovereenkomst met Google. Daarnaast is Google Analytics zo ingesteld dat IP-adressen anoniem zijn gemaakt, zodat gegevens nooit naar u of uw IP-adres te herleiden zijn. Verder wordt vanuit het Analytics-account van {{company.name}} geen informatie gedeeld met Google of andere partijen. Daarmee is het Analytics-cookie van {{company.name}} een niet-privacygevoelig first-party cookie dat nodig is om de kwaliteit en veiligheid van klantenportaal.jccsoftware.example te kunnen waarborgen. Het Analytics-cookie blijft 50 maanden geldig.",
          en: "The Google Analytics cookie is a ‘first-party cookie’, which means that the cookie is officially owned by {{company.name}} and not by Google. This cookie is not used for advertising or other commercial purposes. {{company.name}} has a data processing agreement with Google. In addition, Google Analytics is set up so that IP addresses are anonymised, so that data can never be traced back to you or your IP address. Furthermore, no information is shared with Google or other parties from the {{company.name}} Analytics account. This makes the {{company.name}} Analytics cookie a first-party cookie without privacy impact, needed to safeguard the quality and security of klantenportaal.jccsoftware.example. The Analytics cookie remains valid for 50 months.",
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
        title: t("Google Analytics – verklaring van Google", "Google Analytics – statement by Google"),
        body: {
          nl: "Deze website maakt gebruik van Google Analytics, een webanalyse-service die wordt aangeboden door Google Inc. (“Google”). Google Analytics maakt gebruik van “cookies” (tekstbestandjes die op uw computer worden geplaatst) om de website te helpen analyseren hoe bezoekers de site gebruiken. De door het cookie gegenereerde anonieme informatie over uw gebruik van de website wordt overgebracht naar en door Google opgeslagen op servers in de Verenigde Staten. Google gebruikt deze informatie om bij te houden hoe deze website wordt gebruikt, rapporten over de website-activiteit op te stellen voor de eigenaar van deze website ({{company.name}}) en andere diensten aan te bieden met betrekking tot website-activiteit en internetgebruik. Google mag deze informatie alleen aan derden verschaffen indien Google hiertoe wettelijk wordt verplicht, of voor zover deze derden de informatie namens Google verwerken. Google zal uw IP-adres niet combineren met andere gegevens waarover Google beschikt. U kunt het gebruik van cookies weigeren door in uw browser de daarvoor geëigende instellingen te kiezen. Wij wijzen u er echter op dat u in dat geval wellicht niet alle mogelijkheden van deze website kunt benutten. Door gebruik te maken van deze website geeft u toestemming voor het verwerken van de informatie door Google op de wijze en voor de doeleinden zoals hiervoor omschreven.",
          en: "This website uses Google Analytics, a web analytics service provided by Google Inc. (“Google”). Google Analytics uses “cookies” (text files placed on your computer) to help the website analyse how visitors use the site. The anonymous information generated by the cookie about your use of the website is transferred to and stored by Google on servers in the United States. Google uses this information to keep track of how this website is used, to compile reports on website activity for the owner of this website ({{company.name}}) and to provide other services relating to website activity and internet use. Google may provide this information to third parties only where required to do so by law, or where such third parties process the information on Google’s behalf. Google will not combine your IP address with any other data held by Google. You can refuse the use of cookies by selecting the appropriate settings in your browser. Please note, however, that in that case you may not be able to use all the features of this website. By using this website, you consent to the processing of information by Google in the manner and for the purposes set out above.",
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
        },
        {
          name: t("Organiseren van cursussen voor gebruikers", "Organising training courses for users"),
          legalBasis: "contract",
        },
        {
          name: t("Informeren over updates en storingen", "Informing you about updates and outages"),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "gebruikers tijdig informeren over wijzigingen die hun werk raken",
            "informing users in good time about changes that affect their work",
          ),
        },
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
        },
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
        },
        {
          name: t("Voeren van onze administratie", "Keeping our accounts"),
          legalBasis: "legal_obligation",
        },
      ],
      retention: [
        {
          subject: t("Inloggegevens (logbestanden)", "Sign-in records (log files)"),
          period: { amount: 1, unit: "years" },
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
    ownSections: [
      {
        key: "dpo",
        after: "controller",
        title: t("Functionaris gegevensbescherming", "Data protection officer"),
        body: {
          nl: "{{company.name}} heeft een functionaris gegevensbescherming (FG) aangesteld, die toeziet op de naleving van de AVG: {{company.dpo.name}}. U kunt de FG bereiken via {{company.dpo.email}}.",
          en: "{{company.name}} has appointed a data protection officer (DPO), who oversees compliance with the GDPR: {{company.dpo.name}}. You can reach the DPO at {{company.dpo.email}}.",
        },
      },
    ],
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
        },
        {
          name: t("Beantwoorden van vragen en verzoeken", "Answering questions and requests"),
          legalBasis: "legitimate_interest",
          legitimateInterest: t(
            "klanten en belangstellenden goed van dienst zijn",
            "serving customers and prospective customers well",
          ),
        },
        {
          name: t("Versturen van onze nieuwsbrief", "Sending our newsletter"),
          legalBasis: "consent",
        },
      ],
      retention: [
        {
          subject: t("Correspondentie", "Correspondence"),
          period: { amount: 2, unit: "years" },
          criterion: t("na afhandeling", "after it has been dealt with"),
        },
        {
          subject: t("Gegevens voor de nieuwsbrief", "Newsletter data"),
          period: { amount: 30, unit: "days" },
          criterion: t("na uitschrijving", "after you unsubscribe"),
        },
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
