// What is processed, why and on which basis. The structured lists decide first: a purpose in
// the list always carries its basis. The text decides only when the lists are empty, and then
// the WP260 quality point applies: bases listed without saying which purpose rests on which.
import { findChecklistItem } from "./checklist.ts";
import { findCue, hasCue } from "./cues.ts";
import { atWordStart } from "./word-start.ts";
import {
  decide,
  foundOrHome,
  listSentences,
  unique,
  sectionsNaming,
  sectionsTitled,
  sectionsWhere,
  sectionsWithCue,
  type CheckContext,
  type Decision,
} from "./evidence.ts";

const NEGATION = atWordStart(/(?:geen|niet|nooit|no|not|never)(?![\p{L}])/u);
const PER_PURPOSE_BASIS = /(?:grondslag|rechtsgrond|legal basis|lawful basis)\s*:/;
const ARTICLE_9 = {
  nl: ["artikel 9", "art. 9", "uitdrukkelijke toestemming"],
  en: ["article 9", "art. 9", "explicit consent"],
};
const SPECIFIC_INTEREST =
  /(?:gerechtvaardigde? belang|legitimate interest)[^.]{0,60}(?::|namelijk|bestaat uit|is het|is om|te weten|namely|being|which is)/;

const where = sectionsNaming;

function headedWithText(ctx: CheckContext, id: Parameters<typeof findChecklistItem>[0]): string[] {
  const headed = sectionsTitled(ctx, findChecklistItem(id).headings);
  return ctx.sections.filter((s) => headed.includes(s.key) && s.paragraphs.length > 0).map((s) => s.key);
}

export function checkPurposes(ctx: CheckContext): Decision {
  const { purposes } = ctx.content.lists;
  if (purposes.length > 0) {
    const found = where(
      ctx,
      purposes.map((p) => p.name.nl),
    );
    return decide(
      "present",
      `${purposes.length} doeleinde(n) vastgelegd in de lijst.`,
      `${purposes.length} purpose(s) recorded in the list.`,
      foundOrHome(ctx, "PURPOSES", found),
    );
  }
  const item = findChecklistItem("PURPOSES");
  const found = [...headedWithText(ctx, "PURPOSES"), ...sectionsWithCue(ctx, item.phrases)];
  if (found.length > 0) {
    return decide(
      "present",
      "Geen doeleinden in de lijst, maar de tekst beschrijft ze; leg ze vast in de lijst zodat elk doel een grondslag krijgt.",
      "No purposes in the list, but the text describes them; record them in the list so each gets a legal basis.",
      found,
    );
  }
  return decide(
    "missing",
    "Geen doeleinden in de lijst en niet in de tekst.",
    "No purposes in the list or the text.",
    foundOrHome(ctx, "PURPOSES", []),
  );
}

export function checkLegalBasis(ctx: CheckContext): Decision {
  const { purposes, data_categories } = ctx.content.lists;
  const item = findChecklistItem("LEGAL_BASIS");
  // "Wij verwerken geen gegevens op grond van gerechtvaardigd belang" names no basis it rests on.
  const named = unique(
    listSentences(ctx)
      .filter(
        (s) =>
          (findCue(s.text, item.phrases) !== null || PER_PURPOSE_BASIS.test(s.text)) &&
          !NEGATION.test(s.text),
      )
      .map((s) => s.key),
  );
  if (purposes.length > 0) {
    const sections = foundOrHome(ctx, "LEGAL_BASIS", named);
    const special = data_categories.some((c) => c.special);
    if (special && sectionsWithCue(ctx, ARTICLE_9).length === 0) {
      return decide(
        "weak",
        "Elk doeleinde heeft een grondslag, maar voor de bijzondere persoonsgegevens ontbreekt de uitzondering van art. 9 AVG (bijv. uitdrukkelijke toestemming).",
        "Each purpose has a legal basis, but the Art. 9 condition for the special categories (e.g. explicit consent) is missing.",
        sections,
      );
    }
    return decide(
      "present",
      "Elk doeleinde in de lijst heeft een grondslag.",
      "Each purpose in the list carries its legal basis.",
      sections,
    );
  }
  const tied = sectionsWhere(ctx, (t) => PER_PURPOSE_BASIS.test(t));
  if (tied.length > 0) {
    return decide(
      "present",
      "De tekst noemt per doeleinde de grondslag.",
      "The text states the legal basis per purpose.",
      tied,
    );
  }
  if (named.length > 0 || headedWithText(ctx, "LEGAL_BASIS").length > 0) {
    return decide(
      "weak",
      "Grondslagen worden opgesomd, maar niet per doeleinde: niet te zien welk doel op welke grondslag berust.",
      "Legal bases are listed, but not per purpose: it is not clear which purpose rests on which basis.",
      [...named, ...headedWithText(ctx, "LEGAL_BASIS")],
    );
  }
  return decide(
    "missing",
    "Er wordt geen grondslag genoemd.",
    "No legal basis is stated.",
    foundOrHome(ctx, "LEGAL_BASIS", []),
  );
}

export function checkLegitimateInterests(ctx: CheckContext): Decision {
  const { purposes } = ctx.content.lists;
  const item = findChecklistItem("LEGITIMATE_INTERESTS");
  if (purposes.length > 0) {
    const relying = purposes.filter((p) => p.legalBasis === "legitimate_interest");
    if (relying.length === 0) {
      return decide(
        "not_applicable",
        "Geen doeleinde in de lijst berust op gerechtvaardigd belang.",
        "No purpose in the list rests on legitimate interest.",
        [],
      );
    }
    const lacking = relying.filter((p) => (p.legitimateInterest?.nl ?? "").trim() === "");
    const found = where(
      ctx,
      relying.map((p) => p.legitimateInterest?.nl ?? ""),
    );
    if (lacking.length > 0) {
      return decide(
        "weak",
        `Bij ${lacking.map((p) => `‘${p.name.nl}’`).join(", ")} ontbreekt welk belang wordt nagestreefd.`,
        `${lacking.map((p) => `‘${p.name.en ?? p.name.nl}’`).join(", ")}: the interest pursued is missing.`,
        foundOrHome(ctx, "LEGITIMATE_INTERESTS", found),
      );
    }
    return decide(
      "present",
      "Elk doeleinde op gerechtvaardigd belang noemt het belang.",
      "Each purpose resting on legitimate interest states the interest.",
      foundOrHome(ctx, "LEGITIMATE_INTERESTS", found),
    );
  }
  const mentioned = sectionsWithCue(ctx, item.phrases);
  if (mentioned.length === 0) {
    return decide(
      "not_applicable",
      "Geen doeleinden in de lijst en de tekst noemt geen gerechtvaardigd belang.",
      "No purposes in the list and the text mentions no legitimate interest.",
      [],
    );
  }
  const specific = sectionsWhere(ctx, (t) => SPECIFIC_INTEREST.test(t));
  if (specific.length > 0) {
    return decide(
      "present",
      "De tekst noemt het gerechtvaardigde belang.",
      "The text states the legitimate interest.",
      specific,
    );
  }
  return decide(
    "weak",
    "De tekst beroept zich op een gerechtvaardigd belang, maar zegt niet welk belang.",
    "The text relies on a legitimate interest but does not say which interest.",
    mentioned,
  );
}

export function checkDataCategories(ctx: CheckContext): Decision {
  const categories = ctx.content.lists.data_categories;
  if (categories.length > 0) {
    return decide(
      "present",
      `${categories.length} categorie(ën) persoonsgegevens vastgelegd in de lijst.`,
      `${categories.length} categor${categories.length === 1 ? "y" : "ies"} of personal data recorded in the list.`,
      foundOrHome(
        ctx,
        "DATA_CATEGORIES",
        where(
          ctx,
          categories.map((c) => c.name.nl),
        ),
      ),
    );
  }
  const item = findChecklistItem("DATA_CATEGORIES");
  const headed = sectionsTitled(ctx, item.headings);
  const naming = (t: string): boolean =>
    [...item.phrases.nl, ...item.phrases.en].filter((c) => hasCue(t, c)).length >= 2;
  const listed = ctx.sections.filter(
    (s) =>
      (headed.includes(s.key) && s.paragraphs.some((p) => findCue(p, item.phrases) !== null)) ||
      s.paragraphs.some(naming),
  );
  if (listed.length > 0) {
    return decide(
      "present",
      "Geen categorieën in de lijst, maar de tekst noemt ze; leg ze vast in de lijst.",
      "No categories in the list, but the text names them; record them in the list.",
      listed.map((s) => s.key),
    );
  }
  if (headed.length > 0) {
    return decide(
      "weak",
      "Er is een kop, maar er worden geen gegevens genoemd.",
      "There is a heading, but no data is named.",
      headed,
    );
  }
  return decide(
    "missing",
    "Er staat niet in welke persoonsgegevens worden verwerkt.",
    "The statement does not say which personal data is processed.",
    [],
  );
}
