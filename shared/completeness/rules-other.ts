// Items that depend on how data is collected or on facts the model does not record: the
// obligation to provide data, its source, automated decisions and new purposes. Each decision
// says what it rests on, so an editor can tell an inference from a recorded fact.
import { findChecklistItem } from "./checklist.ts";
import { findCue } from "./cues.ts";
import { atWordStart } from "./word-start.ts";
import {
  decide,
  foundOrHome,
  listSentences,
  sectionsNaming,
  sectionsWithCue,
  type CheckContext,
  type Decision,
} from "./evidence.ts";

const NEGATION = atWordStart(/(?:geen|niet|nooit|no|not|never)(?![\p{L}])/u);
const OBJECTING = /bezwaar|(?<![\p{L}])object/u;

export function checkStatutoryContractual(ctx: CheckContext): Decision {
  if (ctx.collection === "indirect") {
    return decide(
      "not_applicable",
      "Gegevens worden niet bij de persoon zelf verzameld (art. 13(2)(e) geldt alleen dan).",
      "Data is not collected from the person (Art. 13(2)(e) applies only then).",
      [],
    );
  }
  const { purposes } = ctx.content.lists;
  const recorded = purposes.filter((p) => p.provision !== undefined);
  if (purposes.length > 0 && recorded.length === purposes.length) {
    return decide(
      "present",
      "Bij elk doeleinde staat of verstrekken verplicht is en wat er gebeurt als iemand dat niet doet.",
      "Each purpose says whether providing the data is required and what happens if it is not provided.",
      foundOrHome(
        ctx,
        "STATUTORY_CONTRACTUAL",
        sectionsNaming(
          ctx,
          purposes.map((p) => p.name.nl),
        ),
      ),
    );
  }
  // Read from the text only when the list of purposes does not settle it.
  const found = sectionsWithCue(ctx, findChecklistItem("STATUTORY_CONTRACTUAL").phrases);
  if (recorded.length > 0) {
    const lacking = purposes.filter((p) => p.provision === undefined);
    return decide(
      "weak",
      `Niet bij elk doeleinde staat of verstrekken verplicht is; het ontbreekt bij ${lacking.map((p) => `‘${p.name.nl}’`).join(", ")}.`,
      `Not every purpose says whether providing the data is required; it is missing for ${lacking.map((p) => `‘${p.name.en ?? p.name.nl}’`).join(", ")}.`,
      foundOrHome(ctx, "STATUTORY_CONTRACTUAL", found),
    );
  }
  if (found.length > 0) {
    return decide(
      "present",
      "De tekst zegt of verstrekken verplicht is.",
      "The text says whether providing data is required.",
      found,
    );
  }
  return decide(
    "missing",
    "Gegevens worden (ook) bij de persoon zelf verzameld, maar er staat niet of verstrekken verplicht is en wat er gebeurt als iemand dat niet doet.",
    "Data is (also) collected from the person, but the statement does not say whether providing it is required or what happens if they do not.",
    foundOrHome(ctx, "STATUTORY_CONTRACTUAL", []),
  );
}

export function checkSource(ctx: CheckContext): Decision {
  const sourced = ctx.content.lists.data_categories.filter((c) => c.source !== undefined);
  if (sourced.length > 0) {
    return decide(
      "present",
      `Bij ${sourced.length} categorie(ën) staat de bron vastgelegd.`,
      `The source is recorded for ${sourced.length} categor${sourced.length === 1 ? "y" : "ies"}.`,
      foundOrHome(
        ctx,
        "SOURCE",
        sectionsNaming(
          ctx,
          sourced.map((c) => c.name.nl),
        ),
      ),
    );
  }
  if (ctx.collection === "direct") {
    return decide(
      "not_applicable",
      "Geen categorie heeft een bron vastgelegd, dus de gegevens komen van de persoon zelf (art. 14 niet van toepassing).",
      "No data category records a source, so the data comes from the person (Art. 14 does not apply).",
      [],
    );
  }
  const found = sectionsWithCue(ctx, findChecklistItem("SOURCE").phrases);
  if (found.length > 0) {
    return decide(
      "present",
      "De tekst noemt de bron; leg die vast bij de categorie.",
      "The text names the source; record it with the category.",
      found,
    );
  }
  return decide(
    "missing",
    "Gegevens komen (ook) van elders, maar er staat niet waarvandaan.",
    "Data is (also) obtained elsewhere, but the statement does not say from where.",
    foundOrHome(ctx, "SOURCE", []),
  );
}

export function checkAutomatedDecision(ctx: CheckContext): Decision {
  const cues = findChecklistItem("AUTOMATED_DECISION").phrases;
  const mentions = listSentences(ctx).filter((s) => findCue(s.text, cues) !== null);
  if (mentions.length === 0) {
    return decide(
      "not_applicable",
      "Het model legt geen geautomatiseerde besluitvorming vast en de tekst noemt die niet; beschrijf die als u ze toepast.",
      "The model records no automated decision-making and the text does not mention it; describe it if you use it.",
      [],
    );
  }
  // "Bezwaar tegen direct marketing, ook tegen profilering daarvoor" states the right of Art. 21(2);
  // it does not say that profiling takes place.
  const positive = mentions.filter((s) => !NEGATION.test(s.text) && !OBJECTING.test(s.text));
  if (positive.length === 0) {
    return decide(
      "not_applicable",
      "De tekst zegt dat geautomatiseerde besluitvorming of profilering niet plaatsvindt.",
      "The text says automated decision-making or profiling does not take place.",
      mentions.map((s) => s.key),
    );
  }
  const keys = positive.map((s) => s.key);
  const explained = ctx.sections.some(
    (s) =>
      keys.includes(s.key) &&
      /logica|logic|criteria|werkt|works/.test(s.text) &&
      /gevolg|consequen/.test(s.text),
  );
  return explained
    ? decide(
        "present",
        "De tekst beschrijft de besluitvorming, de logica en de gevolgen.",
        "The text describes the decision-making, its logic and consequences.",
        keys,
      )
    : decide(
        "weak",
        "Geautomatiseerde besluitvorming of profilering wordt genoemd, zonder de logica en de gevolgen.",
        "Automated decision-making or profiling is mentioned without its logic and consequences.",
        keys,
      );
}

export function checkFurtherProcessing(ctx: CheckContext): Decision {
  const found = sectionsWithCue(ctx, findChecklistItem("FURTHER_PROCESSING").phrases);
  if (found.length > 0) {
    return decide(
      "present",
      "De tekst zegt iets over verwerking voor een ander doel.",
      "The text addresses processing for another purpose.",
      found,
    );
  }
  return decide(
    "not_applicable",
    "Het model legt geen verwerking voor een nieuw doel vast en de tekst noemt die niet; informeer mensen vóórdat dat gebeurt.",
    "The model records no processing for a new purpose and the text does not mention it; inform people before it happens.",
    [],
  );
}
