// The demo baseline: the Conxillium group statement (seed 002) restructured into sections with
// a policy each, written from the perspective of the company whose statement is rendered.
// Dutch follows the seed; English is a translation of it.
import type { Baseline } from "../model.ts";

export const DEMO_BASELINE: Baseline = {
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
