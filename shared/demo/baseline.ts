// The demo baseline: the Conxillium group statement (seed 002) restructured into sections with a
// policy each, written from the perspective of the company whose statement is rendered, and made
// legally sound: what depends on a company's facts is conditional on its structured details
// (see shared/conditions.ts), legal bases are named per purpose, the right to object has a
// section of its own (Art. 21(4)), requests are answered within one month (Art. 12(3)), and the
// privacy lead's decision on joint controllership (Art. 26) shows in the text.
//
// The group decides: its companies are joint controllers for one processing, the shared customer
// register, with a central contact point (jointControllership below). Every other processing in
// a company's statement is its own.
import type { Baseline } from "../model.ts";

const lines = (...paragraphs: string[]): string => paragraphs.join("\n");
const paragraphs = (...blocks: string[]): string => blocks.join("\n\n");

export const DEMO_BASELINE: Baseline = {
  title: { nl: "Privacyverklaring {{company.name}}", en: "Privacy statement {{company.name}}" },
  jointControllership: {
    contactPoint: { name: "Privacyteam Conxillium", email: "privacy@conxillium.example" },
  },
  sections: [
    {
      key: "introduction",
      title: { nl: "Inleiding", en: "Introduction" },
      policy: "extendable",
      body: {
        nl: paragraphs(
          "{{company.name}} is een van de {{group.memberCount}} bedrijven in Nederland die samen {{group.name}} vormen en zich hebben gespecialiseerd in hoogwaardige software voor de lokale overheid. Deze bedrijven zijn {{group.members}}. {{company.name}} (hierna: wij) gaat zorgvuldig om met privacy en privacygevoelige gegevens. In deze privacyverklaring informeren wij u onder andere over de manier waarop wij persoonsgegevens verwerken, waarom wij deze gegevens verwerken en hoe lang wij de gegevens bewaren. Wij handelen daarbij in overeenstemming met de Algemene Verordening Gegevensbescherming (AVG).",
          "Voor vragen en/of opmerkingen kunt u contact met ons opnemen via de contactgegevens hieronder.",
        ),
        en: paragraphs(
          '{{company.name}} is one of the {{group.memberCount}} companies in the Netherlands that together form {{group.name}} and specialise in high-quality software for local government. These companies are {{group.members}}. {{company.name}} (hereinafter "we" or "us") takes great care with privacy and personal data. In this privacy statement we explain, among other things, how we process personal data, why we process it and how long we keep it. In doing so, we comply with the General Data Protection Regulation (GDPR).',
          "If you have any questions or comments, please contact us using the contact details below.",
        ),
      },
    },
    {
      key: "controller",
      title: { nl: "Wie zijn wij en hoe bereikt u ons?", en: "Who we are and how to contact us" },
      policy: "locked",
      body: {
        nl: paragraphs(
          "{{company.legalName}} is verantwoordelijk voor de verwerking van persoonsgegevens zoals beschreven in deze privacyverklaring. U bereikt ons via de volgende gegevens:",
          lines(
            "- Adres: {{company.address}}",
            "- KvK-nummer: {{company.kvk}}",
            "- E-mail: {{company.email}}",
            "- Telefoon: {{company.phone}}",
            "- Website: {{company.website}}",
          ),
          "{{#if establishments_abroad}}{{company.name}} heeft ook vestigingen buiten Nederland: {{company.establishmentsAbroad}}. Deze privacyverklaring geldt ook voor wat daar met uw gegevens gebeurt.{{/if}}",
          "{{#if dpo}}Wij hebben een functionaris gegevensbescherming (FG) aangesteld, die toeziet op de naleving van de AVG: {{company.dpo.name}}. U kunt de FG bereiken via {{company.dpo.email}}.{{/if}}",
        ),
        en: paragraphs(
          "{{company.legalName}} is the controller responsible for the processing of personal data described in this privacy statement. You can reach us as follows:",
          lines(
            "- Address: {{company.address}}",
            "- Chamber of Commerce (KvK) number: {{company.kvk}}",
            "- Email: {{company.email}}",
            "- Phone: {{company.phone}}",
            "- Website: {{company.website}}",
          ),
          "{{#if establishments_abroad}}{{company.name}} also has establishments outside the Netherlands: {{company.establishmentsAbroad}}. This privacy statement also covers what happens to your data there.{{/if}}",
          "{{#if dpo}}We have appointed a data protection officer (DPO), who oversees compliance with the GDPR: {{company.dpo.name}}. You can reach the DPO at {{company.dpo.email}}.{{/if}}",
        ),
      },
    },
    {
      key: "joint_controllers",
      title: {
        nl: "Gezamenlijke verantwoordelijkheid binnen {{group.name}}",
        en: "Joint responsibility within {{group.name}}",
      },
      policy: "locked",
      body: {
        nl: paragraphs(
          "{{#if joint_controllers}}",
          "Voor één verwerking zijn {{company.name}} en de andere bedrijven van {{group.name}} gezamenlijk verwerkingsverantwoordelijk (artikel 26 AVG): het gezamenlijke klantenbestand van de groep. Daarin houden de bedrijven de namen en zakelijke contactgegevens bij van contactpersonen bij klanten en gemeenten, zodat een klant die met meer bedrijven van de groep werkt, niet bij elk bedrijf opnieuw hoeft door te geven wie zijn contactpersonen zijn. Doel en middelen van die verwerking bepalen de bedrijven samen.",
          "In de regeling die de bedrijven als gezamenlijk verwerkingsverantwoordelijken hebben getroffen, is afgesproken dat {{group.name}} het klantenbestand beheert, het beveiligt en bijhoudt wie er toegang toe heeft; dat elk bedrijf alleen gegevens van zijn eigen klantcontacten invoert en ervoor zorgt dat die juist zijn; en dat {{group.contact.name}} het centrale aanspreekpunt is voor vragen en verzoeken over deze verwerking. U kunt uw rechten uitoefenen bij elk van de bedrijven; het bedrijf dat uw verzoek ontvangt, zorgt dat het wordt afgehandeld (artikel 26 lid 3 AVG).",
          "Het centrale aanspreekpunt bereikt u via {{group.contact.email}}. Voor alle andere verwerkingen in deze privacyverklaring is {{company.name}} zelf verantwoordelijk.",
          "{{else}}",
          "{{company.name}} is zelf verantwoordelijk voor alle verwerkingen in deze privacyverklaring. De bedrijven van {{group.name}} bepalen niet samen het doel en de middelen van de verwerking van uw gegevens; zij zijn geen gezamenlijke verwerkingsverantwoordelijken in de zin van artikel 26 AVG. Met vragen over uw gegevens kunt u daarom terecht bij {{company.name}}.",
          "{{/if}}",
        ),
        en: paragraphs(
          "{{#if joint_controllers}}",
          "For one processing operation {{company.name}} and the other companies of {{group.name}} are joint controllers (Article 26 GDPR): the group's shared customer register. In it the companies keep the names and business contact details of contact persons at customers and municipalities, so that a customer working with several companies of the group does not have to tell each company again who its contact persons are. The companies decide together on the purposes and means of that processing.",
          "In the arrangement the companies have made as joint controllers, they agreed that {{group.name}} manages the register, secures it and keeps track of who has access to it; that each company enters only data of its own customer contacts and makes sure that data is correct; and that {{group.contact.name}} is the central contact point for questions and requests about this processing. You can exercise your rights with any of the companies; the company that receives your request makes sure it is dealt with (Article 26(3) GDPR).",
          "You can reach the central contact point at {{group.contact.email}}. For every other processing operation in this privacy statement {{company.name}} alone is responsible.",
          "{{else}}",
          "{{company.name}} alone is responsible for all processing described in this privacy statement. The companies of {{group.name}} do not decide together on the purposes and means of processing your data; they are not joint controllers within the meaning of Article 26 GDPR. For questions about your data, please contact {{company.name}}.",
          "{{/if}}",
        ),
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
        nl: "Wij verwerken persoonsgegevens voor onze bedrijfsvoering en om producten die we leveren en diensten die we verlenen te kunnen verbeteren. Bovendien gebruiken we persoonsgegevens voor de communicatie met onze klanten. Hieronder staat per doeleinde op welke grondslag wij de gegevens verwerken, of u verplicht bent ze te verstrekken en wat er gebeurt als u dat niet doet. Concreet verwerken wij persoonsgegevens voor de volgende doeleinden:",
        en: "We process personal data to run our business and to improve the products we supply and the services we provide. We also use personal data to communicate with our customers. For each purpose below we state the legal basis on which we process the data, whether you are obliged to provide it and what happens if you do not. Specifically, we process personal data for the following purposes:",
      },
    },
    {
      key: "legal_basis",
      title: { nl: "Rechtsgrond voor de verwerking", en: "Legal basis for the processing" },
      policy: "extendable",
      body: {
        nl: paragraphs(
          "Wij verwerken persoonsgegevens alleen als artikel 6 van de AVG daarvoor een grondslag geeft. Per grondslag zijn dat de volgende doeleinden:",
          lines(
            "{{#if consent}}- **Toestemming** (artikel 6 lid 1 onder a AVG): {{company.purposes.consent}}. U kunt uw toestemming altijd weer intrekken, even gemakkelijk als u haar gaf; wat wij vóór de intrekking deden, blijft rechtmatig.{{/if}}",
            "{{#if contract}}- **Uitvoering van een overeenkomst** (artikel 6 lid 1 onder b AVG): {{company.purposes.contract}}.{{/if}}",
            "{{#if legal_obligation}}- **Wettelijke verplichting** (artikel 6 lid 1 onder c AVG): {{company.purposes.legal_obligation}}.{{/if}}",
            "{{#if vital_interests}}- **Vitaal belang** (artikel 6 lid 1 onder d AVG): {{company.purposes.vital_interests}}.{{/if}}",
            "{{#if public_task}}- **Taak van algemeen belang** (artikel 6 lid 1 onder e AVG): {{company.purposes.public_task}}.{{/if}}",
            "{{#if legitimate_interest}}- **Gerechtvaardigd belang** (artikel 6 lid 1 onder f AVG), met per doeleinde het belang dat wij nastreven: {{company.legitimateInterests}}. Wij hebben deze belangen afgewogen tegen uw belangen en grondrechten; u kunt tegen deze verwerkingen bezwaar maken (zie ‘Recht van bezwaar’).{{/if}}",
          ),
          "{{#if special_categories}}Bijzondere persoonsgegevens verwerken wij alleen met uw uitdrukkelijke toestemming of op grond van een andere uitzondering van artikel 9 AVG.{{/if}}",
        ),
        en: paragraphs(
          "We process personal data only where Article 6 of the GDPR provides a legal basis for it. Per legal basis, these are the following purposes:",
          lines(
            "{{#if consent}}- **Consent** (Article 6(1)(a) GDPR): {{company.purposes.consent}}. You can withdraw your consent at any time, as easily as you gave it; what we did before the withdrawal remains lawful.{{/if}}",
            "{{#if contract}}- **Performance of a contract** (Article 6(1)(b) GDPR): {{company.purposes.contract}}.{{/if}}",
            "{{#if legal_obligation}}- **Legal obligation** (Article 6(1)(c) GDPR): {{company.purposes.legal_obligation}}.{{/if}}",
            "{{#if vital_interests}}- **Vital interests** (Article 6(1)(d) GDPR): {{company.purposes.vital_interests}}.{{/if}}",
            "{{#if public_task}}- **Public task** (Article 6(1)(e) GDPR): {{company.purposes.public_task}}.{{/if}}",
            "{{#if legitimate_interest}}- **Legitimate interest** (Article 6(1)(f) GDPR), with the interest we pursue for each purpose: {{company.legitimateInterests}}. We have balanced these interests against your interests and fundamental rights; you can object to this processing (see ‘Right to object’).{{/if}}",
          ),
          "{{#if special_categories}}We process special categories of personal data only with your explicit consent or under another exception of Article 9 GDPR.{{/if}}",
        ),
      },
    },
    {
      key: "recipients",
      title: { nl: "Wie ontvangen de gegevens?", en: "Who receives the data?" },
      list: "recipients",
      policy: "extendable",
      body: {
        nl: paragraphs(
          "Persoonsgegevens zijn bij ons alleen toegankelijk voor medewerkers die ze voor hun werk nodig hebben. Voor een aantal diensten schakelen wij andere partijen in; zij staan hieronder, met hun rol en het land waar zij de gegevens verwerken. Met verwerkers hebben wij een verwerkersovereenkomst gesloten (artikel 28 AVG). Aan anderen verstrekken wij uw gegevens alleen als de wet ons daartoe verplicht.",
          "{{#if transfers_outside_eea}}Sommige ontvangers verwerken gegevens buiten de Europese Economische Ruimte (EER). Bij die ontvangers staat het land en de waarborg waarop de doorgifte berust (artikel 45–49 AVG).{{#if transfers_scc}} Een kopie van de standaardcontractbepalingen of bindende bedrijfsvoorschriften kunt u opvragen via {{company.email}}.{{/if}}{{else}}Alle ontvangers verwerken uw gegevens binnen de Europese Economische Ruimte (EER); wij geven geen persoonsgegevens door naar landen daarbuiten.{{/if}}",
        ),
        en: paragraphs(
          "Personal data is accessible only to those of our employees who need it for their work. For some services we use other parties; they are listed below, with their role and the country where they process the data. We have concluded a data processing agreement with each processor (Article 28 GDPR). We disclose your data to others only where the law requires us to.",
          "{{#if transfers_outside_eea}}Some recipients process data outside the European Economic Area (EEA). For those recipients the country and the safeguard on which the transfer rests are listed (Articles 45–49 GDPR).{{#if transfers_scc}} You can request a copy of the standard contractual clauses or binding corporate rules at {{company.email}}.{{/if}}{{else}}All recipients process your data within the European Economic Area (EEA); we do not transfer personal data to countries beyond it.{{/if}}",
        ),
      },
    },
    {
      key: "retention",
      title: { nl: "Bewaartermijn", en: "Retention period" },
      list: "retention",
      policy: "replaceable",
      body: {
        nl: "Wij bewaren persoonsgegevens niet langer dan nodig is voor het doel waarvoor wij ze verwerken, of zolang de wet ons verplicht ze te bewaren. Voor de gegevens die wij verwerken, gelden de volgende bewaartermijnen; daarna verwijderen wij ze:",
        en: "We keep personal data no longer than necessary for the purpose for which we process it, or for as long as the law requires us to keep it. The following retention periods apply to the data we process; after that we delete it:",
      },
    },
    {
      key: "rights",
      title: { nl: "Uw rechten", en: "Your rights" },
      policy: "locked",
      body: {
        nl: paragraphs(
          "U heeft het recht om uw persoonsgegevens in te zien (artikel 15 AVG), onjuiste gegevens te laten corrigeren of aanvullen (artikel 16), uw gegevens te laten verwijderen (artikel 17), de verwerking te laten beperken (artikel 18) en uw gegevens in een gangbaar formaat te ontvangen of te laten overdragen aan een ander (artikel 20). Ook kunt u bezwaar maken tegen de verwerking; daarover staat meer onder ‘Recht van bezwaar’.{{#if consent}} Heeft u toestemming gegeven, dan kunt u die altijd weer intrekken (artikel 7 lid 3 AVG).{{/if}} Voor sommige rechten gelden voorwaarden en uitzonderingen; meer daarover leest u op de website van de Autoriteit Persoonsgegevens ([www.autoriteitpersoonsgegevens.nl](https://www.autoriteitpersoonsgegevens.nl)).",
          "U kunt uw verzoek sturen naar {{company.email}}. Wij kunnen u vragen zich te identificeren, zodat wij weten dat het verzoek van u komt. Wij reageren zonder onnodige vertraging en uiterlijk binnen een maand na ontvangst van uw verzoek. Is een verzoek ingewikkeld of ontvangen wij veel verzoeken, dan kunnen wij die termijn met twee maanden verlengen; dat laten wij u dan binnen de eerste maand weten, met de reden (artikel 12 lid 3 AVG).",
          "Bent u het niet eens met de manier waarop wij met uw persoonsgegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.",
        ),
        en: paragraphs(
          "You have the right to access your personal data (Article 15 GDPR), to have incorrect data corrected or completed (Article 16), to have your data erased (Article 17), to have its processing restricted (Article 18) and to receive your data in a common format or have it transferred to another party (Article 20). You can also object to the processing; see ‘Right to object’ for more.{{#if consent}} If you have given consent, you can withdraw it at any time (Article 7(3) GDPR).{{/if}} Some rights are subject to conditions and exceptions; you can read more about them on the website of the Dutch Data Protection Authority, the Autoriteit Persoonsgegevens ([www.autoriteitpersoonsgegevens.nl](https://www.autoriteitpersoonsgegevens.nl)).",
          "You can send your request to {{company.email}}. We may ask you to identify yourself, so that we know the request comes from you. We respond without undue delay and at the latest within one month of receiving your request. If a request is complex or we receive many requests, we may extend that period by two months; we will then tell you so within the first month, with the reason (Article 12(3) GDPR).",
          "If you disagree with the way we handle your personal data, you can lodge a complaint with the Autoriteit Persoonsgegevens.",
        ),
      },
    },
    {
      key: "objection",
      title: { nl: "Recht van bezwaar", en: "Right to object" },
      policy: "locked",
      body: {
        nl: paragraphs(
          "{{#if legitimate_interest or public_task}}Verwerken wij uw gegevens op grond van ons gerechtvaardigd belang{{#if public_task}} of voor een taak van algemeen belang{{/if}}, dan heeft u het recht om vanwege uw specifieke situatie bezwaar te maken tegen die verwerking (artikel 21 lid 1 AVG). Wij stoppen dan met de verwerking, tenzij wij dwingende gerechtvaardigde gronden hebben die zwaarder wegen dan uw belangen, of de gegevens nodig hebben voor een rechtsvordering.{{/if}}",
          "{{#if direct_marketing}}**Bezwaar tegen direct marketing.** U kunt altijd, kosteloos en zonder opgave van redenen bezwaar maken tegen het gebruik van uw gegevens voor direct marketing ({{company.purposes.directMarketing}}), ook tegen profilering die daarmee samenhangt (artikel 21 lid 2 en 3 AVG). Wij gebruiken uw gegevens daarna niet meer voor direct marketing. U kunt daarvoor ook de afmeldlink gebruiken die in elk bericht staat.{{/if}}",
          "{{#if not legitimate_interest and not public_task and not direct_marketing}}Wij verwerken geen gegevens op grond van gerechtvaardigd belang of voor direct marketing. Gaan wij dat wel doen, dan kunt u daartegen bezwaar maken (artikel 21 AVG).{{/if}}",
          "U kunt uw bezwaar sturen naar {{company.email}}.",
        ),
        en: paragraphs(
          "{{#if legitimate_interest or public_task}}Where we process your data on the basis of our legitimate interest{{#if public_task}} or for a task in the public interest{{/if}}, you have the right to object to that processing on grounds relating to your particular situation (Article 21(1) GDPR). We then stop the processing, unless we have compelling legitimate grounds that override your interests, or need the data for a legal claim.{{/if}}",
          "{{#if direct_marketing}}**Objecting to direct marketing.** You can object at any time, free of charge and without giving reasons, to the use of your data for direct marketing ({{company.purposes.directMarketing}}), including profiling related to it (Article 21(2) and (3) GDPR). We then no longer use your data for direct marketing. You can also use the unsubscribe link in every message.{{/if}}",
          "{{#if not legitimate_interest and not public_task and not direct_marketing}}We do not process data on the basis of legitimate interest or for direct marketing. Should we start doing so, you can object to it (Article 21 GDPR).{{/if}}",
          "You can send your objection to {{company.email}}.",
        ),
      },
    },
    {
      key: "cookies",
      title: { nl: "Gebruik cookies", en: "Use of cookies" },
      list: "cookies",
      policy: "extendable",
      body: {
        nl: paragraphs(
          "{{#if cookies}}",
          "Wij maken gebruik van cookies (kleine tekstbestanden die op uw apparaat worden opgeslagen). Via cookies kunnen gegevens opgeslagen of geraadpleegd worden, waardoor wij u bij een later bezoek kunnen herkennen. Hierdoor kunnen wij onze diensten verbeteren en websites beter laten functioneren. U heeft de mogelijkheid om via tools of webbrowsers cookies en andere vergelijkbare technologieën te blokkeren of verwijderen.",
          "Hieronder staat welke cookies wij plaatsen, van wie ze zijn, waarvoor ze dienen en hoe lang ze blijven. Functionele cookies zijn nodig om de website te laten werken zoals u vraagt; daarvoor is geen toestemming nodig (artikel 11.7a lid 3 Telecommunicatiewet).",
          "{{#if analytics_without_consent}}Met analytische cookies meten wij hoe onze websites worden gebruikt, om ze te verbeteren. Wij hebben de analysedienst ingesteld zoals de Autoriteit Persoonsgegevens dat vraagt voor analytische cookies zonder toestemming: wij hebben een verwerkersovereenkomst met de aanbieder, het laatste deel van uw IP-adres wordt gemaskeerd voordat het wordt opgeslagen, het delen van gegevens met de aanbieder staat uit en wij gebruiken geen andere diensten van de aanbieder in combinatie met deze cookies. Daarom vragen wij voor deze cookies geen toestemming. Omdat het cookie een uniek nummer bevat, blijven de gegevens wel persoonsgegevens (gepseudonimiseerd).{{/if}}",
          "{{#if analytics_with_consent}}Analytische cookies die niet aan die voorwaarden voldoen, plaatsen wij pas nadat u daarvoor in de cookiemelding toestemming heeft gegeven. U kunt die toestemming altijd weer intrekken via de cookie-instellingen.{{/if}}",
          "{{#if tracking_cookies}}Tracking cookies plaatsen wij alleen nadat u daarvoor in de cookiemelding toestemming heeft gegeven; u kunt die toestemming altijd weer intrekken via de cookie-instellingen. Weigert u, dan kunt u onze websites gewoon gebruiken.{{/if}}",
          "{{else}}",
          "Op onze websites gebruiken wij geen cookies.",
          "{{/if}}",
        ),
        en: paragraphs(
          "{{#if cookies}}",
          "We use cookies (small text files stored on your device). Cookies can be used to store or read data, which allows us to recognise you on a later visit. This helps us improve our services and make our websites work better. You can block or delete cookies and other similar technologies using tools or your web browser.",
          "Below you can see which cookies we place, whose they are, what they are for and how long they last. Functional cookies are needed to make the website work as you ask; they need no consent (Article 11.7a(3) of the Dutch Telecommunications Act).",
          "{{#if analytics_without_consent}}With analytic cookies we measure how our websites are used, in order to improve them. We have set up the analytics service as the Autoriteit Persoonsgegevens requires for analytic cookies without consent: we have a data processing agreement with the provider, the last part of your IP address is masked before it is stored, data sharing with the provider is switched off and we use no other services of the provider together with these cookies. That is why we do not ask consent for these cookies. Because the cookie contains a unique number, the data is still personal data (pseudonymised).{{/if}}",
          "{{#if analytics_with_consent}}Analytic cookies that do not meet those conditions are placed only after you have given consent in the cookie notice. You can withdraw that consent at any time in the cookie settings.{{/if}}",
          "{{#if tracking_cookies}}We place tracking cookies only after you have given consent in the cookie notice; you can withdraw that consent at any time in the cookie settings. If you refuse, you can still use our websites.{{/if}}",
          "{{else}}",
          "Our websites do not use cookies.",
          "{{/if}}",
        ),
      },
    },
    {
      key: "changes",
      title: { nl: "Wijzigingen", en: "Changes to this statement" },
      policy: "optional",
      body: {
        nl: "Wij kunnen deze privacyverklaring aanpassen, bijvoorbeeld wanneer onze dienstverlening of de wetgeving verandert. De actuele versie staat altijd op onze website, waar wij belangrijke wijzigingen ook aankondigen. Willen wij uw gegevens gebruiken voor een ander doel dan waarvoor wij ze hebben verzameld, dan informeren wij u daarover vooraf.",
        en: "We may update this privacy statement, for example when our services or the law change. The current version is always available on our website, where we also announce any significant changes. If we want to use your data for a purpose other than the one for which we collected it, we will inform you beforehand.",
      },
    },
  ],
};
