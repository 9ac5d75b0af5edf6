// The demo statement as it was before issue 15 (the baseline and JCC Software's content, copied
// from the repository's own history), kept so the legal lint can be shown to catch each defect a
// legal review found in it. Test data only: nothing ships this text.
import type { Baseline, LocalizedLine, TenantContent } from "../../model.ts";

const t = (nl: string, en: string): LocalizedLine => ({ nl, en });

export const OLD_DEMO_BASELINE: Baseline = {
  title: { nl: "Privacyverklaring {{company.name}}", en: "Privacy statement {{company.name}}" },
  sections: [
    {
      key: "introduction",
      title: { nl: "Inleiding", en: "Introduction" },
      policy: "extendable",
      body: {
        nl: [
          "{{company.name}} is een van de {{group.memberCount}} bedrijven in Nederland die samen {{group.name}} vormen en zich hebben gespecialiseerd in hoogwaardige software voor de lokale overheid. Deze bedrijven zijn {{group.members}}. {{company.name}} (hierna: wij) gaat zorgvuldig om met privacy en privacygevoelige gegevens. In deze privacyverklaring informeren wij u onder andere over de manier waarop wij persoonsgegevens verwerken, waarom wij deze gegevens verwerken en hoe lang wij de gegevens bewaren. Wij handelen daarbij in overeenstemming met de Algemene Verordening Gegevensbescherming (AVG).",
          "Voor vragen en/of opmerkingen kunt u contact met ons opnemen via de contactgegevens hieronder.",
        ].join("\n\n"),
        en: [
          '{{company.name}} is one of the {{group.memberCount}} companies in the Netherlands that together form {{group.name}} and specialise in high-quality software for local government. These companies are {{group.members}}. {{company.name}} (hereinafter "we" or "us") takes great care with privacy and personal data. In this privacy statement we explain, among other things, how we process personal data, why we process it and how long we keep it. In doing so, we comply with the General Data Protection Regulation (GDPR).',
          "If you have any questions or comments, please contact us using the contact details below.",
        ].join("\n\n"),
      },
    },
    {
      key: "controller",
      title: { nl: "Wie zijn wij en hoe bereikt u ons?", en: "Who we are and how to contact us" },
      policy: "locked",
      body: {
        nl: [
          "{{company.legalName}} is verantwoordelijk voor de verwerking van persoonsgegevens zoals beschreven in deze privacyverklaring. U bereikt ons via de volgende gegevens:",
          [
            "- Adres: {{company.address}}",
            "- KvK-nummer: {{company.kvk}}",
            "- E-mail: {{company.email}}",
            "- Telefoon: {{company.phone}}",
            "- Website: {{company.website}}",
          ].join("\n"),
        ].join("\n\n"),
        en: [
          "{{company.legalName}} is the controller responsible for the processing of personal data described in this privacy statement. You can reach us as follows:",
          [
            "- Address: {{company.address}}",
            "- Chamber of Commerce (KvK) number: {{company.kvk}}",
            "- Email: {{company.email}}",
            "- Phone: {{company.phone}}",
            "- Website: {{company.website}}",
          ].join("\n"),
        ].join("\n\n"),
      },
    },
    {
      key: "data_categories",
      title: { nl: "Welke gegevens verwerken wij?", en: "What data do we process?" },
      list: "data_categories",
      policy: "extendable",
      body: {
        nl: "Welke gegevens wij van u verwerken, is afhankelijk van uw interactie met ons. De volgende gegevens van u kunnen door ons worden verzameld:",
        en: "Which of your data we process depends on how you interact with us. We may collect the following data about you:",
      },
    },
    {
      key: "purposes",
      title: { nl: "Doeleinden", en: "Purposes" },
      list: "purposes",
      policy: "extendable",
      body: {
        nl: "Wij verwerken persoonsgegevens voor onze bedrijfsvoering en om producten die we leveren en diensten die we verlenen te kunnen verbeteren. Bovendien gebruiken we persoonsgegevens voor de communicatie met onze klanten. Concreet verwerken wij persoonsgegevens voor de volgende doeleinden:",
        en: "We process personal data to run our business and to improve the products we supply and the services we provide. We also use personal data to communicate with our customers. Specifically, we process personal data for the following purposes:",
      },
    },
    {
      key: "legal_basis",
      title: { nl: "Rechtsgrond voor de verwerking", en: "Legal basis for the processing" },
      policy: "extendable",
      body: {
        nl: "Veelal verwerken wij persoonsgegevens met uw toestemming. Wanneer u contact met ons opneemt via onze website, laat u zelf uw contactgegevens achter zodat wij contact met u kunnen opnemen. Bovendien verwerken wij gegevens wanneer dit noodzakelijk is voor de uitvoering van een overeenkomst. Denk hierbij aan het voldoen aan betalingsverplichtingen. Daarnaast hebben wij een gerechtvaardigd belang voor de verwerking van sommige persoonsgegevens. Denk aan verwerkingen die plaatsvinden binnen een klantrelatie. Bij elk doeleinde hierboven staat op welke rechtsgrond de verwerking berust.",
        en: "We often process personal data with your consent. When you contact us through our website, you provide your contact details yourself so that we can get back to you. We also process data when this is necessary for the performance of a contract, for example to meet payment obligations. In addition, we have a legitimate interest in processing some personal data, for example processing that takes place within a customer relationship. For each purpose above, we state the legal basis on which the processing rests.",
      },
    },
    {
      key: "recipients",
      title: { nl: "Wie ontvangen de gegevens?", en: "Who receives the data?" },
      list: "recipients",
      policy: "extendable",
      body: {
        nl: "Het grootste deel van de persoonsgegevens die wij tot onze beschikking hebben, is enkel toegankelijk voor onze medewerkers. Enkele onderdelen van ons bedrijf zijn gevestigd in het buitenland, maar persoonsgegevens worden nooit naar die onderdelen overgeheveld. Voor een aantal diensten schakelen wij andere partijen in; deze staan hieronder vermeld, met het land waar zij de gegevens verwerken.",
        en: "Most of the personal data at our disposal is accessible only to our employees. Some parts of our business are based abroad, but personal data is never transferred to them. For some services we use other parties; they are listed below, together with the country where they process the data.",
      },
    },
    {
      key: "retention",
      title: { nl: "Bewaartermijn", en: "Retention period" },
      list: "retention",
      policy: "replaceable",
      body: {
        nl: "Persoonsgegevens die door ons verwerkt worden, zullen nooit langer dan noodzakelijk is voor onze bedrijfsvoering bewaard worden. Door de diverse applicaties en tools waar wij gebruik van maken, verschilt de bewaartermijn per gegeven. Wij hanteren de volgende bewaartermijnen:",
        en: "Personal data we process will never be kept longer than necessary for our business operations. Because of the various applications and tools we use, the retention period differs per type of data. We apply the following retention periods:",
      },
    },
    {
      key: "rights",
      title: { nl: "Uw rechten", en: "Your rights" },
      policy: "locked",
      body: {
        nl: [
          "U heeft te allen tijde recht op inzage van de persoonsgegevens die wij van u beheren. Bovendien heeft u het recht op correctie van uw persoonsgegevens. Ook kunt u bij ons bezwaar maken tegen het verwerken van uw gegevens, ons vragen de verwerking te beperken, uw verleende toestemming intrekken en u kunt ons verzoeken al uw gegevens over te dragen. En tot slot kunt u ons natuurlijk vragen om al uw gegevens te verwijderen. U kunt uw verzoek sturen naar {{company.email}}. Binnen vier weken zullen wij voldoen aan uw verzoek. Voorwaarden en uitzonderingen voor deze rechten kunt u vinden op de site van de Autoriteit Persoonsgegevens ([www.hulpbijprivacy.nl](https://www.hulpbijprivacy.nl)).",
          "Bent u het niet eens met de manier waarop wij met uw persoonsgegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.",
        ].join("\n\n"),
        en: [
          "You have the right to access the personal data we hold about you at any time. You also have the right to have your personal data corrected. You can also object to the processing of your data, ask us to restrict its processing, withdraw any consent you have given and ask us to transfer all your data. Finally, you can of course ask us to erase all your data. You can send your request to {{company.email}}. We will comply with your request within four weeks. The conditions of and exceptions to these rights can be found on the website of the Dutch Data Protection Authority, the Autoriteit Persoonsgegevens ([www.hulpbijprivacy.nl](https://www.hulpbijprivacy.nl)).",
          "If you disagree with the way we handle your personal data, you can lodge a complaint with the Autoriteit Persoonsgegevens.",
        ].join("\n\n"),
      },
    },
    {
      key: "cookies",
      title: { nl: "Gebruik cookies", en: "Use of cookies" },
      list: "cookies",
      policy: "extendable",
      body: {
        nl: "Wij maken gebruik van cookies (kleine tekstbestanden die op uw apparaat worden opgeslagen). Via cookies kunnen gegevens opgeslagen of geraadpleegd worden, waardoor wij u bij een later bezoek kunnen herkennen. Hierdoor kunnen wij onze diensten verbeteren en websites beter laten functioneren. U heeft de mogelijkheid om via tools of webbrowsers cookies en andere vergelijkbare technologieën te blokkeren of verwijderen.",
        en: "We use cookies (small text files stored on your device). Cookies can be used to store or read data, which allows us to recognise you on a later visit. This helps us improve our services and make our websites work better. You can block or delete cookies and other similar technologies using tools or your web browser.",
      },
    },
    {
      key: "changes",
      title: { nl: "Wijzigingen", en: "Changes to this statement" },
      policy: "optional",
      body: {
        nl: "Wij kunnen deze privacyverklaring aanpassen, bijvoorbeeld wanneer onze dienstverlening of de wetgeving verandert. De actuele versie staat altijd op onze website, waar wij belangrijke wijzigingen ook aankondigen.",
        en: "We may update this privacy statement, for example when our services or the law change. The current version is always available on our website, where we also announce any significant changes.",
      },
    },
  ],
};

export const OLD_JCC_CONTENT: TenantContent = {
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
        subject: t("Het kunnen uitvoeren van direct marketing activiteiten", "Carrying out direct marketing"),
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
};

/**
 * The group statement's opening as the review quoted it: several companies called "wij" without a
 * decision on joint controllership (the old demo dropped the sentence instead of deciding).
 */
export const OLD_GROUP_INTRODUCTION = t(
  "Conxillium en de aangesloten bedrijven (hierna: wij) gaan zorgvuldig om met privacy en privacygevoelige gegevens.",
  "Conxillium and its affiliated companies (hereinafter: we) take great care with privacy and personal data.",
);
