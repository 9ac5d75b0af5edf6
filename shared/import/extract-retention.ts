// Retention rules from bullets ("Facturen: 7 jaar na afloop van het boekjaar"), table rows
// (Gegevens | Bewaartermijn | Waarom) and prose ("Werkbonnen en facturen bewaren wij 7 jaar,
// omdat …"). A rule keeps its period, the moment it starts (the trigger: "nadat het contract is
// beëindigd") and the reason. A period said only as a minimum ("minimaal 7 jaar") is no maximum:
// it is kept in words as the criterion, without a period, and flagged, because Art. 13(2)(a)
// AVG asks how long data is kept, and "at least" does not say that.
import type { Language, LocalizedLine, RetentionRule } from "../model.ts";
import type { FoundOf } from "./found.ts";
import { findPeriod, type FoundPeriod } from "./periods.ts";
import { capitalize, splitSentences, tidyPhrase, type Piece } from "./pieces.ts";

const MAX = 300;
const TRIGGER =
  /^(?:na|nadat|vanaf|gerekend vanaf|te rekenen vanaf|tot|after|from|following|until|once|since)\b/i;
const MINIMUM =
  /\b(?:minimaal|minstens|ten minste|tenminste|op zijn minst|at least|a minimum of|minimum of)\s+$/i;
const VERB =
  /\b(?:bewaren|bewaar|bewaart|houden|verwijderen|verwijder|wissen|vernietigen|archiveren|keep|retain|store|delete|erase)\s+(?:wij|we|ik|jullie)\b|\b(?:wij|we|ik)\s+(?:bewaren|bewaar|houden|verwijderen|verwijder|wissen|keep|retain|store|delete|erase)\b|\b(?:worden|wordt|blijven|blijft|are|is)\b(?=(?:(?!\b(?:worden|wordt|blijven|blijft|are|is)\b).){0,80}\b(?:bewaard|verwijderd|gewist|kept|retained|stored|deleted)\b)/i;
const RETENTION_WORD =
  /bewaar|bewaren|bewaard|houden|verwijder|wissen|gewist|vernietig|archie|\bkeep|\bkept|retain|stor|delet|eras/i;
const CATEGORIES = /\s+—\s+(?:Gegevens|Data):\s+(.+)$/;
const PERIOD_HEAD = /bewaartermijn|termijn|bewaarduur|hoe lang|retention|period|how long|duration/i;
const SUBJECT_HEAD = /gegevens|categorie|soort|document|data|information|record/i;
const REASON_HEAD = /waarom|reden|grond|toelichting|why|reason|basis/i;

const line = (text: string, language: Language): LocalizedLine =>
  language === "nl" ? { nl: text } : { nl: text, en: text };

interface Parts {
  subject: string;
  rest: string;
}

/** A rule from the subject and the words about its period ("7 jaar na …, omdat …"). */
export function buildRule(
  parts: Parts,
  language: Language,
  reason = "",
  prose = false,
): { item: RetentionRule; minimum: boolean; fits: boolean } | null {
  const found = findPeriod(parts.rest);
  if (found === null) return null;
  // In a sentence "uw gegevens" is a phrase to tidy; a bullet's subject is kept as written.
  const subject = prose
    ? tidyPhrase(parts.subject)
    : capitalize(parts.subject.trim().replace(/[\s,;:.]+$/, ""));
  if (subject === "" || subject.split(" ").length > 20) return null;
  const before = parts.rest.slice(0, found.index);
  const minimum = MINIMUM.test(before);
  const { criterion, description } = readRest(parts.rest, found, minimum);
  const why = [description, reason].filter((text) => text !== "").join("; ");
  const fits = subject.length <= MAX && criterion.length <= MAX && why.length <= MAX;
  const item: RetentionRule = {
    subject: line(subject.slice(0, MAX), language),
    ...(minimum ? {} : { period: found.period }),
    ...(criterion !== "" && criterion.length <= MAX ? { criterion: line(criterion, language) } : {}),
    ...(why !== "" && why.length <= MAX ? { description: line(capitalize(why), language) } : {}),
  };
  // A minimum without words to keep would leave a rule with neither period nor criterion.
  if (item.period === undefined && item.criterion === undefined) return null;
  return { item, minimum, fits };
}

/**
 * "7 jaar nadat het contract is beëindigd, vanwege de fiscale bewaarplicht": the trigger is the
 * criterion, the rest the description. When the period stands inside a longer phrase ("zolang u
 * klant bent en daarna nog 2 jaar") the whole phrase is the criterion: cutting it would change
 * what it says.
 */
function readRest(
  rest: string,
  found: FoundPeriod,
  minimum: boolean,
): { criterion: string; description: string } {
  const text = rest.trim().replace(/[.;]+$/, "");
  const lead = text
    .slice(0, text.indexOf(found.text))
    .replace(/\b(?:tot|maximaal|nog|gedurende|up to|for|within|binnen|na)\s+$/i, "");
  const startsWithPeriod = lead.trim() === "" || MINIMUM.test(lead);
  if (minimum) {
    const [criterion = "", ...reasons] = splitReason(
      text.slice(
        text.search(
          /\b(?:minimaal|minstens|ten minste|tenminste|op zijn minst|at least|a minimum of|minimum of)\b/i,
        ),
      ),
    );
    return { criterion, description: reasons.join(", ") };
  }
  if (!startsWithPeriod) {
    const [criterion = "", ...reasons] = splitReason(text);
    return {
      criterion:
        /\b(?:na|binnen|within|after)\s+\S+\s+\S+$/i.test(criterion) && criterion.split(" ").length <= 3
          ? ""
          : criterion,
      description: reasons.join(", "),
    };
  }
  const after = text.slice(text.indexOf(found.text) + found.text.length).replace(/^[\s,]+/, "");
  const [first = "", ...others] = after.split(/,\s+/);
  if (TRIGGER.test(first)) return { criterion: first.trim(), description: others.join(", ").trim() };
  // Only a reason counts as description; "… binnen 30 dagen uit de verzendlijst" is no reason.
  return {
    criterion: "",
    description:
      /^(?:omdat|want|vanwege|zodat|zoals|voor|ter|om|because|as|for|to|so)\b|^,/i.test(after.trim()) ||
      /^[\s]*,/.test(text.slice(text.indexOf(found.text) + found.text.length))
        ? after.trim()
        : "",
  };
}

/** "…, omdat de Belastingdienst dat eist" / "…, vanwege …": the reason after the rule. */
function splitReason(text: string): string[] {
  const at = text.search(/,?\s+(?:omdat|want|vanwege|zodat|zoals|because|as required|since)\b/i);
  if (at < 0) return [text.trim()];
  return [
    text.slice(0, at).trim(),
    text
      .slice(at)
      .replace(/^,?\s+/, "")
      .trim(),
  ];
}

/** A bullet or row as "subject: period …" (or the published-statement form "Subject. Sentences …"). */
function readBullet(text: string): Parts | null {
  const colon = text.search(/:\s|\s[–—-]\s/);
  if (colon > 0 && colon <= 150) {
    const separator = /^:\s|^\s[–—-]\s/.exec(text.slice(colon))?.[0] ?? ": ";
    return { subject: text.slice(0, colon), rest: text.slice(colon + separator.length) };
  }
  const sentences = splitSentences(text);
  if (sentences.length > 1 && findPeriod(sentences[0] ?? "") === null) {
    return { subject: (sentences[0] ?? "").replace(/[.;]+$/, ""), rest: sentences.slice(1).join(" ") };
  }
  return null;
}

/** A rule from one sentence of prose, or null: "X bewaren wij N jaar …", "Wij bewaren X N jaar …", "X worden N jaar bewaard". */
export function readSentence(sentence: string, language: Language): ReturnType<typeof buildRule> {
  if (!RETENTION_WORD.test(sentence) || findPeriod(sentence) === null) return null;
  const verb = VERB.exec(sentence);
  if (verb === null) return null;
  const before = sentence.slice(0, verb.index).replace(/[\s,]+$/, "");
  const after = sentence.slice(verb.index + verb[0].length).trim();
  const condition = CONDITIONAL.test(before) ? before : "";
  const passive = /^(?:worden|wordt|blijven|blijft|are|is)$/i.test(verb[0].trim());
  let rule: ReturnType<typeof buildRule>;
  if (passive) {
    const rest = after.replace(PARTICIPLE, "").replace(/\s{2,}/g, " ");
    // "Nadat …, worden de gegevens nog 7 jaar bewaard": the subject follows the verb.
    const subject =
      condition === ""
        ? before
        : (/\b(?:de|uw|je|jouw|alle|these|the|your)\s+([\p{L}-]*(?:gegevens|data))\b/iu.exec(after)?.[1] ??
          "");
    rule = buildRule(
      { subject, rest: rest.replace(/^.*?\b(?:gegevens|data)\b\s*/i, (m) => (condition === "" ? m : "")) },
      language,
      "",
      true,
    );
  } else if (
    before !== "" &&
    condition === "" &&
    !/^(?:standaard|daarna|verder|ook|by default)$/i.test(before)
  ) {
    rule = buildRule({ subject: before, rest: after }, language, "", true);
  } else {
    // Verb first: the object is the subject ("verwijderen wij uw e-mailadres binnen 30 dagen").
    const found = findPeriod(after);
    if (found === null) return null;
    // The object ends where the time is said: "account data for as long as …", "uw gegevens zolang …".
    const head = after.slice(0, found.index);
    const cut = head.search(/\s(?:for as long as|as long as|zolang|so long as|until|totdat)\b/i);
    const object = (cut >= 0 ? head.slice(0, cut) : head)
      .replace(
        /\b(?:ook|nog|tot|maximaal|minimaal|minstens|ten minste|binnen|na|gedurende|for|within|up to|at least)\s*$/gi,
        "",
      )
      .trim();
    rule = buildRule({ subject: object, rest: after.slice(object.length).trim() }, language, "", true);
  }
  if (rule === null || condition === "" || rule.item.criterion !== undefined || condition.length > MAX)
    return rule;
  // The condition ("als u zich afmeldt") says when the period starts.
  const criterion = condition.charAt(0).toLowerCase() + condition.slice(1);
  return { ...rule, item: { ...rule.item, criterion: line(criterion, language) } };
}

const CONDITIONAL = /^(?:als|wanneer|nadat|zodra|indien|if|when|once|after)\b/i;
const PARTICIPLE =
  /\b(?:bewaard|verwijderd|gewist|vernietigd|gearchiveerd|kept|retained|stored|deleted|erased)\b\s*/i;

/** Retention rules in a section: from bullets and rows when it is about retention, from sentences anywhere. */
export function extractRetention(
  section: { index: number; about: string | null; pieces: readonly Piece[] },
  language: Language,
): FoundOf<"retention">[] {
  const out: FoundOf<"retention">[] = [];
  const about = section.about === "retention";
  const push = (
    piece: Piece,
    rule: NonNullable<ReturnType<typeof buildRule>>,
    whole: boolean,
    quote: string,
  ): void => {
    out.push({
      list: "retention",
      item: rule.item,
      minimum: rule.minimum,
      missing: [],
      assumed: [],
      source: { section: section.index, piece: piece.index, quote },
      whole: whole && rule.fits,
      // A rule read from a sentence says what the sentence says: the list replaces it.
      ...(whole ? {} : { clause: rule.fits }),
    });
  };
  for (const piece of section.pieces) {
    if (piece.kind === "row" && piece.cells !== undefined) {
      const rule = readRow(piece, language);
      if (rule !== null) push(piece, rule, true, piece.text);
      continue;
    }
    if (piece.kind === "bullet" && (about || RETENTION_WORD.test(piece.text))) {
      // "… — Gegevens: Naam, E-mailadres": the data categories the rule covers, as the renderer writes them.
      const covered = CATEGORIES.exec(piece.text);
      const text = covered === null ? piece.text : piece.text.slice(0, covered.index);
      const parts = readBullet(text);
      const rule = parts === null ? null : buildRule(parts, language);
      if (rule !== null) {
        const categories = (covered?.[1] ?? "")
          .split(/,\s+/)
          .map((name) => name.trim().replace(/[.;]+$/, ""))
          .filter((name) => name !== "" && name.length <= 120);
        if (categories.length > 0) rule.item = { ...rule.item, categories };
        push(piece, rule, true, piece.text);
        continue;
      }
    }
    if (piece.kind === "paragraph" || piece.kind === "bullet") {
      for (const sentence of splitSentences(piece.text)) {
        // "X bewaar ik 2 jaar; facturen 7 jaar": each clause may hold a rule of its own.
        const clauses = sentence.split(/;\s+/);
        clauses.forEach((clause, i) => {
          let rule = readSentence(clause, language);
          if (rule === null && i > 0 && RETENTION_WORD.test(sentence)) {
            const found = findPeriod(clause);
            const head = found === null ? "" : clause.slice(0, found.index).trim();
            if (found !== null && head !== "" && head.split(" ").length <= 4)
              rule = buildRule({ subject: head, rest: clause.slice(found.index) }, language, "", true);
          }
          if (rule !== null) push(piece, rule, false, clause.trim());
        });
      }
    }
  }
  return out;
}

function readRow(piece: Piece, language: Language): ReturnType<typeof buildRule> {
  const cells = piece.cells ?? [];
  const head = piece.head ?? null;
  // A cookie table's "Bewaartermijn" is a cookie's lifetime, not a retention rule.
  if (head === null || head.some((c) => /cookie|aanbieder|provider|domein|domain/i.test(c.text))) return null;
  const periodAt = head.findIndex((c) => PERIOD_HEAD.test(c.text));
  if (periodAt < 0) return null;
  const subjectAt = head.findIndex((c, i) => i !== periodAt && SUBJECT_HEAD.test(c.text));
  const reasonAt = head.findIndex((c, i) => i !== periodAt && i !== subjectAt && REASON_HEAD.test(c.text));
  const subject = cells[subjectAt >= 0 ? subjectAt : 0]?.text ?? "";
  const rest = cells[periodAt]?.text ?? "";
  const reason = reasonAt >= 0 ? (cells[reasonAt]?.text ?? "") : "";
  return buildRule({ subject, rest }, language, reason.charAt(0).toLowerCase() + reason.slice(1));
}
