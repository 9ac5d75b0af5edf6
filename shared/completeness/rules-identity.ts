// Who is responsible and how to reach them: controller, EU representative, DPO. The profile
// records these facts, but they only inform a reader when the statement shows them, so each
// profile value is looked for in the resolved text.
import { isEeaCountry } from "../model.ts";
import { findChecklistItem } from "./checklist.ts";
import { findCue, normalizeForMatch } from "./cues.ts";
import {
  decide,
  foundOrHome,
  lineHolds,
  sectionsWhereLine,
  sectionsWhereText,
  sectionsWithCue,
  type CheckContext,
  type Decision,
  type LineTest,
} from "./evidence.ts";

const EMAIL = /[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,255}\.[a-z]{2,24}/;
const PHONE = /(?:\+31|0031|(?<![\d+])0)[\s-]{0,3}(?:\(0\)[\s-]{0,3})?\d(?:[\s-]{0,3}\d){8}(?!\d)/;
// A contact form merely mentioned ("gegevens uit contactformulieren") is no means of contact.
const CONTACT_PAGE = {
  nl: ["contactpagina", "via het contactformulier", "via ons contactformulier"],
  en: ["contact page", "via the contact form", "through our contact form"],
};

// Any e-mail address or Dutch phone number (neither spans a line): answered once per text.
const writesEmailAddress: LineTest = (text) => text.includes("@") && EMAIL.test(text);
const writesPhoneNumber: LineTest = (text) => PHONE.test(text);

/** A test for text containing any of the values, normalised once. */
function contains(...values: (string | undefined)[]): (text: string) => boolean {
  const needles = values.map((value) => normalizeForMatch(value ?? "")).filter((n) => n !== "");
  return (text) => needles.some((needle) => text.includes(needle));
}

export function checkControllerIdentity(ctx: CheckContext): Decision {
  const { profile } = ctx.content;
  const named = contains(profile.legalName, profile.tradeName);
  const identity = sectionsWhereText(ctx, named);
  const inTitle = named(ctx.title);
  const address = contains(profile.address.street, profile.address.postalCode);
  const email = contains(profile.email);
  const phone = contains(profile.phone);
  const means = {
    address: sectionsWhereText(ctx, address),
    email: sectionsWhereLine(ctx, (line) => email(line.text) || lineHolds(line, writesEmailAddress)),
    phone: sectionsWhereLine(ctx, (line) => phone(line.text) || lineHolds(line, writesPhoneNumber)),
    website: sectionsWhereText(ctx, contains(hostOf(profile.website))),
    page: sectionsWithCue(ctx, CONTACT_PAGE),
  };
  const shown = Object.entries(means).filter(([, keys]) => keys.length > 0);
  // The name appears everywhere; the contact details show where the identity is stated.
  const contact = shown.flatMap(([, keys]) => keys);
  const sections = foundOrHome(
    ctx,
    "CONTROLLER_IDENTITY",
    contact.length > 0 ? contact : identity.slice(0, 1),
  );
  if (identity.length === 0 && !inTitle) {
    return decide(
      "missing",
      `De naam van de organisatie (${profile.legalName} / ${profile.tradeName}) staat niet in de verklaring.`,
      `The organisation's name (${profile.legalName} / ${profile.tradeName}) does not appear in the statement.`,
      sections,
    );
  }
  if (means.address.length > 0 && (means.email.length > 0 || means.phone.length > 0)) {
    return decide(
      "present",
      "Naam, adres en e-mail of telefoon staan erin.",
      "Name, address and email or phone are shown.",
      sections,
    );
  }
  const lacking = [
    means.address.length === 0 ? ["adres", "address"] : null,
    means.email.length === 0 && means.phone.length === 0
      ? ["e-mailadres of telefoonnummer", "email address or phone number"]
      : null,
  ].filter((x): x is string[] => x !== null);
  const nl = lacking.map((x) => x[0]).join(" en ");
  const en = lacking.map((x) => x[1]).join(" and ");
  if (shown.length > 0) {
    return decide(
      "weak",
      `De naam staat erin, maar contactgegevens zijn onvolledig: ${nl} ontbreekt (het profiel heeft ze wel).`,
      `The name is shown, but the contact details are incomplete: ${en} missing (the profile has them).`,
      sections,
    );
  }
  return decide(
    "missing",
    "De naam staat erin, maar er staan geen contactgegevens in (geen adres, e-mail, telefoon, website of contactpagina); het profiel heeft ze wel.",
    "The name is shown, but there are no contact details (no address, email, phone, website or contact page); the profile has them.",
    sections,
  );
}

function hostOf(url: string): string {
  return url
    .replace(/^https?:\/\//i, "")
    .replace(/^www\./i, "")
    .replace(/\/.*$/, "");
}

export function checkRepresentative(ctx: CheckContext): Decision {
  const country = ctx.content.profile.address.country;
  const item = findChecklistItem("REPRESENTATIVE");
  if (isEeaCountry(country)) {
    return decide(
      "not_applicable",
      `Besloten uit het profiel: de organisatie is gevestigd in ${country}, binnen de EER.`,
      `Decided from the profile: the organisation is established in ${country}, inside the EEA.`,
      [],
    );
  }
  const found = sectionsWithCue(ctx, item.phrases);
  if (found.length > 0) {
    return decide(
      "present",
      "Een vertegenwoordiger in de EU wordt genoemd.",
      "An EU representative is named.",
      found,
    );
  }
  return decide(
    "missing",
    `Het profiel plaatst de organisatie in ${country}, buiten de EER, maar de verklaring noemt geen vertegenwoordiger in de EU.`,
    `The profile places the organisation in ${country}, outside the EEA, but the statement names no EU representative.`,
    foundOrHome(ctx, "REPRESENTATIVE", []),
  );
}

export function checkDpoContact(ctx: CheckContext): Decision {
  const { dpo } = ctx.content.profile;
  const item = findChecklistItem("DPO_CONTACT");
  const mentioned = sectionsWithCue(ctx, item.phrases);
  if (dpo !== undefined) {
    const reachable = sectionsWhereText(ctx, contains(dpo.email));
    if (reachable.length > 0) {
      return decide(
        "present",
        "Het e-mailadres van de FG staat erin.",
        "The DPO's email address is shown.",
        reachable,
      );
    }
    const named = sectionsWhereText(ctx, contains(dpo.name));
    if (named.length > 0 || mentioned.length > 0) {
      return decide(
        "weak",
        "De FG wordt genoemd, maar niet hoe die te bereiken is.",
        "The DPO is mentioned, but not how to reach them.",
        [...named, ...mentioned],
      );
    }
    return decide(
      "missing",
      "Het profiel vermeldt een FG, maar de verklaring noemt die niet.",
      "The profile records a DPO, but the statement does not mention them.",
      foundOrHome(ctx, "DPO_CONTACT", []),
    );
  }
  if (mentioned.length > 0) {
    const withEmail = ctx.sections.some(
      (s) =>
        mentioned.includes(s.key) &&
        s.paragraphs.some((p) => findCue(p, item.phrases) !== null && EMAIL.test(p)),
    );
    return decide(
      withEmail ? "present" : "weak",
      `De tekst noemt een functionaris gegevensbescherming${withEmail ? "" : " zonder contactgegevens"}; leg die ook vast in het profiel.`,
      `The text mentions a data protection officer${withEmail ? "" : " without contact details"}; record them in the profile too.`,
      mentioned,
    );
  }
  return decide(
    "not_applicable",
    "Geen FG aangesteld: het profiel vermeldt er geen en de tekst noemt er geen.",
    "No DPO appointed: the profile records none and the text mentions none.",
    [],
  );
}
