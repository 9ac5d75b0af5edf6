// Checklist entries on rights, complaints, collection, automated decisions and cookies.
import { b, cues, item, right } from "./checklist-define.ts";
import type { ChecklistItem } from "./checklist-types.ts";

export const RIGHTS_ITEMS: readonly ChecklistItem[] = [
  right(
    "RIGHT_ACCESS",
    "15",
    b("Recht op inzage", "Right of access"),
    b(
      "Vermeld dat iemand zijn gegevens mag inzien (art. 15 AVG).",
      "State that people may access their data (Art. 15 GDPR).",
    ),
    cues("inzage|inzien|in te zien|inzagerecht|inzicht in", "access|copy of your data"),
  ),
  right(
    "RIGHT_RECTIFICATION",
    "16",
    b("Recht op rectificatie", "Right to rectification"),
    b(
      "Vermeld dat iemand onjuiste gegevens kan laten corrigeren of aanvullen (art. 16 AVG).",
      "State that people can have incorrect data corrected or completed (Art. 16 GDPR).",
    ),
    cues(
      "rectificatie|correctie|corrigeren|verbeteren|aanvullen|aanvulling|wijzigen|aanpassen|aanpassing",
      "rectification|rectify|correct|correction",
    ),
  ),
  right(
    "RIGHT_ERASURE",
    "17",
    b("Recht op verwijdering", "Right to erasure"),
    b(
      "Vermeld dat iemand kan vragen zijn gegevens te verwijderen (art. 17 AVG).",
      "State that people can ask for their data to be erased (Art. 17 GDPR).",
    ),
    cues(
      "verwijderen|verwijdering|wissen|gegevenswissing|vergetelheid|vergeten te worden",
      "erasure|erase|delete|deletion|to be forgotten",
    ),
  ),
  right(
    "RIGHT_RESTRICTION",
    "18",
    b("Recht op beperking van de verwerking", "Right to restriction of processing"),
    b(
      "Vermeld dat iemand kan vragen de verwerking te beperken (art. 18 AVG).",
      "State that people can ask for processing to be restricted (Art. 18 GDPR).",
    ),
    cues("beperking|beperken", "restriction|restrict"),
  ),
  right(
    "RIGHT_OBJECT",
    "21",
    b("Recht van bezwaar", "Right to object"),
    b(
      "Vermeld dat iemand bezwaar kan maken tegen de verwerking (art. 21 AVG).",
      "State that people can object to the processing (Art. 21 GDPR).",
    ),
    cues("bezwaar", "object|objection"),
  ),
  item(
    "RIGHT_OBJECT_SEPARATE",
    { other: "21(4)" },
    b(
      "bij verwerking op grond van gerechtvaardigd of algemeen belang, of voor direct marketing",
      "for processing based on legitimate or public interest, or for direct marketing",
    ),
    b("Recht van bezwaar, apart vermeld", "Right to object, stated separately"),
    b(
      "Zet het recht van bezwaar apart en duidelijk in beeld, in een eigen alinea of kop, en noem dat bezwaar tegen direct marketing altijd mogelijk is.",
      "Present the right to object clearly and separately, in a paragraph or heading of its own, and say that objecting to direct marketing is always possible.",
    ),
    cues("recht van bezwaar|bezwaar maken|bezwaar", "right to object|objecting|objection"),
    cues("bezwaar", "object|objection"),
    "RIGHT_OBJECT",
  ),
  right(
    "RIGHT_PORTABILITY",
    "20",
    b("Recht op overdraagbaarheid", "Right to data portability"),
    b(
      "Vermeld dat iemand zijn gegevens kan laten overdragen (art. 20 AVG).",
      "State that people can have their data transferred (Art. 20 GDPR).",
    ),
    cues(
      "overdraagbaarheid|dataportabiliteit|over te dragen|overdragen|overdracht van",
      "portability|transfer your data|transfer all your data|transfer your personal data|receive your data",
    ),
  ),
  item(
    "WITHDRAW_CONSENT",
    { art13: "13(2)(c)", art14: "14(2)(d)", other: "7(3)" },
    b("als een doeleinde op toestemming berust", "if a purpose rests on consent"),
    b("Toestemming intrekken", "Withdrawing consent"),
    b(
      "Vermeld dat gegeven toestemming altijd weer kan worden ingetrokken, en hoe (bijv. afmelden onder elke nieuwsbrief).",
      "State that consent can be withdrawn at any time, and how (e.g. the unsubscribe link in every newsletter).",
    ),
    cues(
      "toestemming intrekken|afmelden|uitschrijven",
      "withdraw consent|withdrawing consent|unsubscribe|opting out",
    ),
    cues(
      "intrekken|ingetrokken|intrekking|afmelden|afmelding|afmeldlink|uitschrijven|uitschrijving|uitschrijflink",
      "withdraw|withdrawn|unsubscribe|opt out|opt-out",
    ),
    "RIGHT_ACCESS",
  ),
  item(
    "COMPLAINT_SA",
    { art13: "13(2)(d)", art14: "14(2)(e)", other: "77" },
    "always",
    b("Klacht bij de Autoriteit Persoonsgegevens", "Complaint to the supervisory authority"),
    b(
      "Vermeld dat iemand een klacht kan indienen bij de Autoriteit Persoonsgegevens.",
      "State that people can lodge a complaint with the Dutch supervisory authority, the Autoriteit Persoonsgegevens.",
    ),
    cues(
      "klacht|klachten|klacht indienen|een klacht|klachtenregeling|toezichthouder",
      "complaint|complaints|how to complain|lodge a complaint|supervisory authority",
    ),
    cues("klacht", "complaint|complain"),
    "RIGHT_ACCESS",
  ),
  item(
    "STATUTORY_CONTRACTUAL",
    { art13: "13(2)(e)" },
    b("als gegevens bij de persoon zelf worden verzameld", "if data is collected from the person"),
    b("Verplichting tot verstrekken", "Obligation to provide data"),
    b(
      "Vertel of iemand verplicht is de gegevens te verstrekken (wet of contract) en wat er gebeurt als hij dat niet doet.",
      "Say whether people are obliged to provide the data (law or contract) and what happens if they do not.",
    ),
    cues("verplichte gegevens|bent u verplicht", "required information|are you obliged"),
    cues(
      "niet verstrekt|niet verstrekken|niet wilt verstrekken|bent niet verplicht|bent u niet verplicht|bent verplicht|zonder deze gegevens|verplicht om|verplicht te verstrekken|verstrekking is wettelijk verplicht|verstrekking is contractueel verplicht|verstrekking is nodig",
      "do not provide|not provide|obliged to provide|required to provide|without this data|without these data|are not obliged|providing the data is",
    ),
    "DATA_CATEGORIES",
  ),
  item(
    "SOURCE",
    { art14: "14(2)(f)" },
    b("als gegevens niet bij de persoon zelf zijn verkregen", "if data was not obtained from the person"),
    b("Bron van de gegevens", "Source of the data"),
    b(
      "Noem waar de gegevens vandaan komen en of het een openbare bron is; leg de bron vast bij de categorie gegevens.",
      "State where the data comes from and whether it is a public source; record the source with the data category.",
    ),
    cues("bron van de gegevens|herkomst|van wie ontvangen wij", "source of the data|where we get your data"),
    cues(
      "bron:|verkregen van|verkregen via|ontvangen van|openbare bron|openbare bronnen|afkomstig van",
      "source:|obtained from|received from|public source|public sources",
    ),
    "DATA_CATEGORIES",
  ),
  item(
    "AUTOMATED_DECISION",
    { art13: "13(2)(f)", art14: "14(2)(g)", other: "22" },
    b(
      "als er geautomatiseerde besluitvorming of profilering plaatsvindt",
      "if automated decision-making or profiling takes place",
    ),
    b("Geautomatiseerde besluitvorming en profilering", "Automated decision-making and profiling"),
    b(
      "Beschrijf de geautomatiseerde besluitvorming of profilering, de onderliggende logica en de gevolgen; of vermeld dat die niet plaatsvindt.",
      "Describe the automated decision-making or profiling, the logic involved and the consequences; or say that it does not take place.",
    ),
    cues("geautomatiseerde besluitvorming|profilering", "automated decision|profiling"),
    cues(
      "geautomatiseerde besluitvorming|geautomatiseerde besluiten|profilering|behavioural targeting",
      "automated decision|profiling|behavioural targeting|behavioral targeting",
    ),
  ),
  item(
    "FURTHER_PROCESSING",
    { art13: "13(3)", art14: "14(4)" },
    b("als gegevens voor een nieuw doel worden gebruikt", "if data is used for a new purpose"),
    b("Verwerking voor een nieuw doel", "Processing for a new purpose"),
    b(
      "Informeer mensen vóórdat u hun gegevens voor een ander doel gaat gebruiken dan waarvoor ze zijn verzameld.",
      "Inform people before you use their data for a purpose other than the one it was collected for.",
    ),
    cues("verdere verwerking|nieuw doel", "further processing|new purpose"),
    cues(
      "ander doel|nieuw doel|verdere verwerking|verenigbaar doel",
      "other purpose|new purpose|further processing|compatible purpose",
    ),
    "PURPOSES",
  ),
  item(
    "JOINT_CONTROLLERS",
    { other: "26(2)" },
    b("als er gezamenlijke verwerkingsverantwoordelijken zijn", "if there are joint controllers"),
    b("Gezamenlijke verwerkingsverantwoordelijken", "Joint controllers"),
    b(
      "Beschrijf de kern van de afspraken met de gezamenlijke verwerkingsverantwoordelijke: wie doet wat, en waar iemand terecht kan.",
      "Describe the essence of the arrangement with the joint controller: who does what, and where people can go.",
    ),
    // "Gezamenlijke verwerkingsverantwoordelijkheid" and "Gezamenlijke verantwoordelijkheid" are
    // how many Dutch statements head the art. 26(2) section.
    cues(
      "gezamenlijke verwerkingsverantwoordelijk|gezamenlijk verwerkingsverantwoordelijk|gezamenlijke verantwoordelijkheid|gezamenlijk verantwoordelijk",
      "joint controller|joint responsibility",
    ),
    cues(
      "gezamenlijk verwerkingsverantwoordelijk|gezamenlijke verwerkingsverantwoordelijk|gezamenlijk verantwoordelijk",
      "joint controller|jointly responsible",
    ),
    "RECIPIENTS",
  ),
  item(
    "COOKIES",
    { other: "Telecommunicatiewet art. 11.7a" },
    b("als de website cookies gebruikt", "if the website uses cookies"),
    b("Cookies", "Cookies"),
    b(
      "Leg de cookies vast met soort (functioneel, analytisch, tracking), doel en bewaartermijn; vraag vooraf toestemming voor tracking cookies.",
      "Record the cookies with their type (functional, analytic, tracking), purpose and lifetime; ask for prior consent for tracking cookies.",
    ),
    cues("cookies|cookieverklaring|cookiebeleid|cookie", "cookies|cookie policy|cookie"),
    cues("cookie|cookies", "cookie|cookies"),
  ),
];
