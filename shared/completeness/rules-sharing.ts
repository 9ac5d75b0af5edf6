// Who receives the data: the recipients list settles it; otherwise the text must name recipients
// or specific categories of them, because "derden" alone is the WP260 example of a weak answer.
// Joint controllers (Art. 26(2)) come from the recipients' roles.
import { findChecklistItem } from "./checklist.ts";
import { findCue, normalizeForMatch } from "./cues.ts";
import { atWordStart } from "./word-start.ts";
import {
  decide,
  foundOrHome,
  listSentences,
  sectionsNaming,
  sectionsTitled,
  sectionsWhereText,
  sectionsWithCue,
  unique,
  type CheckContext,
  type Decision,
} from "./evidence.ts";

const LEGAL_FORM = atWordStart(/(?:b\.v\.|n\.v\.|inc\.|ltd|gmbh|llc|limited)(?![\p{L}])/u);
const VAGUE_RECIPIENTS = {
  nl: ["derden", "derde partijen", "medewerkers"],
  en: ["third parties", "employees", "staff"],
};

export function checkRecipients(ctx: CheckContext): Decision {
  const { recipients } = ctx.content.lists;
  const item = findChecklistItem("RECIPIENTS");
  if (recipients.length > 0) {
    const found = sectionsNaming(
      ctx,
      recipients.map((r) => r.name),
    );
    return decide(
      "present",
      `${recipients.length} ontvanger(s) met hun rol vastgelegd in de lijst.`,
      `${recipients.length} recipient(s) with their role recorded in the list.`,
      foundOrHome(ctx, "RECIPIENTS", found),
    );
  }
  const headed = sectionsTitled(ctx, item.headings);
  const scope = headed.length > 0 ? headed : ctx.sections.map((s) => s.key);
  const specific = ctx.sections.filter(
    (s) =>
      scope.includes(s.key) &&
      s.paragraphs.some((p) => findCue(p, item.phrases) !== null || LEGAL_FORM.test(p)),
  );
  if (specific.length > 0) {
    return decide(
      "present",
      "De tekst noemt ontvangers of specifieke categorieën ontvangers; leg ze vast in de lijst.",
      "The text names recipients or specific categories of recipients; record them in the list.",
      specific.map((s) => s.key),
    );
  }
  const vague = sectionsWithCue(ctx, VAGUE_RECIPIENTS).filter((k) => scope.includes(k));
  const elsewhere = sectionsWithCue(ctx, item.phrases).filter((k) => !scope.includes(k));
  const note =
    elsewhere.length > 0
      ? [" Elders wordt wel een verwerker genoemd.", " A processor is mentioned elsewhere."]
      : ["", ""];
  if (vague.length > 0 || headed.length > 0) {
    return decide(
      "weak",
      `Alleen ‘derden’ of ‘medewerkers’, zonder ontvangers of categorieën ontvangers te noemen.${note[0]}`,
      `Only ‘third parties’ or ‘employees’, without naming recipients or categories of recipients.${note[1]}`,
      [...headed, ...vague],
    );
  }
  return decide(
    "missing",
    "Geen ontvangers in de lijst en de tekst noemt er geen; vrijwel elke organisatie heeft verwerkers (zoals hosting).",
    "No recipients in the list and none in the text; nearly every organisation uses processors (such as hosting).",
    foundOrHome(ctx, "RECIPIENTS", []),
  );
}

export function checkJointControllers(ctx: CheckContext): Decision {
  const joint = ctx.content.lists.recipients.filter((r) => r.role === "joint_controller");
  const item = findChecklistItem("JOINT_CONTROLLERS");
  // Under a heading such as "Gezamenlijke verwerkingsverantwoordelijkheid" every sentence is about it.
  const headed = sectionsTitled(ctx, item.headings);
  // Needed only where the arrangement is not described.
  const mentioned = (): string[] => unique([...headed, ...sectionsWithCue(ctx, item.phrases)]);
  const arrangement = listSentences(ctx).filter(
    (s) =>
      /afspra|afgesproken|regeling|overeenkomst|arrangement|agree/.test(s.text) &&
      (headed.includes(s.key) || findCue(s.text, item.phrases) !== null),
  );
  const group = ctx.jointControllership;
  if (group !== undefined) {
    // The privacy lead declared the group's companies joint controllers: the statement must give
    // the essence of the arrangement and the contact point (Art. 26(1), (2)).
    const contact = sectionsWhereText(ctx, (t) => t.includes(normalizeForMatch(group.contactPoint.email)));
    if (arrangement.length > 0 && contact.length > 0) {
      return decide(
        "present",
        "De groep is gezamenlijk verwerkingsverantwoordelijk; de kern van de regeling en het centrale aanspreekpunt staan erin.",
        "The group's companies are joint controllers; the essence of the arrangement and the central contact point are stated.",
        unique([...arrangement.map((s) => s.key), ...contact]),
      );
    }
    const lacking =
      arrangement.length === 0
        ? contact.length === 0
          ? [
              "de kern van de regeling en het centrale aanspreekpunt ontbreken",
              "the essence of the arrangement and the central contact point are missing",
            ]
          : ["de kern van de regeling ontbreekt", "the essence of the arrangement is missing"]
        : ["het centrale aanspreekpunt ontbreekt", "the central contact point is missing"];
    return decide(
      arrangement.length === 0 && contact.length === 0 && mentioned().length === 0 ? "missing" : "weak",
      `De basisverklaring maakt de bedrijven van de groep gezamenlijk verwerkingsverantwoordelijk, maar ${lacking[0]}.`,
      `The baseline makes the group's companies joint controllers, but ${lacking[1]}.`,
      foundOrHome(ctx, "JOINT_CONTROLLERS", [...mentioned(), ...contact]),
    );
  }
  if (joint.length === 0 && mentioned().length === 0) {
    return decide(
      "not_applicable",
      "Geen gezamenlijke verwerkingsverantwoordelijke in de lijst met ontvangers en niet in de tekst.",
      "No joint controller in the list of recipients and none in the text.",
      [],
    );
  }
  if (arrangement.length > 0) {
    return decide(
      "present",
      "De kern van de afspraken wordt beschreven.",
      "The essence of the arrangement is described.",
      arrangement.map((s) => s.key),
    );
  }
  return decide(
    "weak",
    `${joint.length > 0 ? joint.map((r) => r.name).join(", ") : "Een partij"} is gezamenlijk verantwoordelijk, maar de kern van de afspraken ontbreekt.`,
    `${joint.length > 0 ? joint.map((r) => r.name).join(", ") : "A party"} is a joint controller, but the essence of the arrangement is missing.`,
    foundOrHome(ctx, "JOINT_CONTROLLERS", mentioned()),
  );
}
