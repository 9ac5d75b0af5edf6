// The data subject's rights, withdrawing consent and complaining to the AP. The model records
// none of these, so they are read from the text: every sentence of a rights section counts,
// elsewhere only sentences that speak of a right or a request, so that "cookies verwijderen"
// in the cookie section is not mistaken for the right to erasure.
import { findChecklistItem, type ItemId } from "./checklist.ts";
import { RIGHTS_HEADINGS as RIGHTS } from "./checklist-define.ts";
import { findCue } from "./cues.ts";
import {
  RIGHTS_CONTEXT,
  decide,
  foundOrHome,
  lineHolds,
  listSentences,
  sectionsTitled,
  sectionsWithCue,
  type CheckContext,
  type Decision,
  type LineTest,
} from "./evidence.ts";

const NAMES: Partial<Record<ItemId, [string, string]>> = {
  RIGHT_ACCESS: ["inzage", "access"],
  RIGHT_RECTIFICATION: ["rectificatie", "rectification"],
  RIGHT_ERASURE: ["verwijdering", "erasure"],
  RIGHT_RESTRICTION: ["beperking van de verwerking", "restriction of processing"],
  RIGHT_OBJECT: ["bezwaar", "objection"],
  RIGHT_PORTABILITY: ["overdraagbaarheid", "data portability"],
};
const AUTHORITY = {
  nl: ["autoriteit persoonsgegevens", "toezichthouder", "toezichthoudende autoriteit"],
  en: ["supervisory authority", "data protection authority", "dutch dpa", "autoriteit persoonsgegevens"],
};
const CONSENT_BASIS = {
  nl: [
    "met uw toestemming",
    "op basis van uw toestemming",
    "op basis van toestemming",
    "vragen wij uw toestemming",
    "uw toestemming vragen",
  ],
  en: ["with your consent", "based on your consent", "ask for your consent"],
};
// A newsletter is direct marketing too, and unsubscribing from it is withdrawing consent.
const MARKETING = {
  nl: ["direct marketing", "directe marketing", "marketingdoeleinden", "nieuwsbrief", "nieuwsbrieven"],
  en: ["direct marketing", "marketing purposes", "newsletter", "newsletters"],
};
const NEWSLETTER = {
  nl: ["nieuwsbrief", "nieuwsbrieven", "mailing"],
  en: ["newsletter", "newsletters", "mailing"],
};
const PUBLIC_OR_LEGITIMATE = {
  nl: ["gerechtvaardigd belang", "gerechtvaardigde belang", "algemeen belang"],
  en: ["legitimate interest", "public interest", "public task"],
};
const RIGHT_ITEMS: ItemId[] = [
  "RIGHT_ACCESS",
  "RIGHT_RECTIFICATION",
  "RIGHT_ERASURE",
  "RIGHT_RESTRICTION",
  "RIGHT_OBJECT",
  "RIGHT_PORTABILITY",
];

// Seven rules read the same right sentences: found once per check (a context lives for one).
const rightSentencesOf = new WeakMap<CheckContext, { key: string; text: string }[]>();

/** Sentences that can state a right: all of a rights section, elsewhere only those about rights. */
function rightSentences(ctx: CheckContext): { key: string; text: string }[] {
  let found = rightSentencesOf.get(ctx);
  if (found === undefined) {
    const rights = sectionsTitled(ctx, findChecklistItem("RIGHT_ACCESS").headings);
    found = listSentences(ctx).filter(
      (s) => rights.includes(s.key) || findCue(s.text, RIGHTS_CONTEXT) !== null,
    );
    rightSentencesOf.set(ctx, found);
  }
  return found;
}

export function checkRight(ctx: CheckContext, id: ItemId): Decision {
  const item = findChecklistItem(id);
  const [nl, en] = NAMES[id] ?? [id, id];
  // A section of its own for the right ("Recht van bezwaar", "Right to object", "Inzageverzoek")
  // states it by its heading: the text under it may say how, in its own words.
  const own = ctx.sections
    .filter(
      (s) =>
        s.sentences.length > 0 &&
        findCue(s.title, item.phrases) !== null &&
        findCue(s.title, RIGHTS_CONTEXT) !== null,
    )
    .map((s) => s.key);
  const found = [
    ...rightSentences(ctx).filter((s) => findCue(s.text, item.phrases) !== null),
    ...own.map((key) => ({ key })),
  ];
  if (found.length > 0) {
    return decide(
      "present",
      `Het recht op ${nl} wordt genoemd.`,
      `The right of ${en} is stated.`,
      found.map((s) => s.key),
    );
  }
  return decide(
    "missing",
    `Het recht op ${nl} wordt niet genoemd.`,
    `The right of ${en} is not stated.`,
    foundOrHome(ctx, id, []),
  );
}

/** Whether the company's own details make the separate right to object apply (Art. 21(1), (2)). */
export function objectionAppliesByDetails(ctx: Pick<CheckContext, "content">): boolean {
  return ctx.content.lists.purposes.some(
    (p) =>
      p.legalBasis === "legitimate_interest" || p.legalBasis === "public_task" || p.directMarketing === true,
  );
}

/**
 * A paragraph that opens with the right to object and names at most one other right: the right
 * stated "clearly and separately from any other information" (Art. 21(4)).
 */
const statesObjectionApart: LineTest = (paragraph) => {
  const first = paragraph.split(/(?<=[.!?])\s/)[0] ?? "";
  if (findCue(first, findChecklistItem("RIGHT_OBJECT_SEPARATE").phrases) === null) return false;
  const others = RIGHT_ITEMS.filter((id) => id !== "RIGHT_OBJECT").map((id) => findChecklistItem(id).phrases);
  return others.filter((cues) => findCue(paragraph, cues) !== null).length < 2;
};

export function checkObjectSeparately(ctx: CheckContext): Decision {
  const { purposes } = ctx.content.lists;
  const structured = objectionAppliesByDetails(ctx);
  const textual = purposes.length === 0 && sectionsWithCue(ctx, PUBLIC_OR_LEGITIMATE).length > 0;
  // Marketing in the text matters only when neither the details nor the text give another reason.
  if (!structured && !textual && sectionsWithCue(ctx, MARKETING).length === 0) {
    return decide(
      "not_applicable",
      "Geen doeleinde op gerechtvaardigd of algemeen belang en geen direct marketing.",
      "No purpose rests on legitimate or public interest, and there is no direct marketing.",
      [],
    );
  }
  const because = structured
    ? [
        "een doeleinde in de lijst berust op gerechtvaardigd of algemeen belang of is direct marketing",
        "a purpose in the list rests on legitimate or public interest or is direct marketing",
      ]
    : textual
      ? [
          "de tekst beroept zich op gerechtvaardigd of algemeen belang",
          "the text relies on legitimate or public interest",
        ]
      : ["de tekst noemt direct marketing", "the text mentions direct marketing"];
  const item = findChecklistItem("RIGHT_OBJECT_SEPARATE");
  const headed = sectionsTitled(ctx, item.headings);
  const separate = ctx.sections.filter((s) =>
    s.paragraphLines.some((line) => lineHolds(line, statesObjectionApart)),
  );
  if (headed.length > 0 || separate.length > 0) {
    return decide(
      "present",
      `Het recht van bezwaar staat apart vermeld (${because[0]}).`,
      `The right to object is stated separately (${because[1]}).`,
      [...headed, ...separate.map((s) => s.key)],
    );
  }
  const mentioned = rightSentences(ctx).filter((s) => findCue(s.text, item.phrases) !== null);
  if (mentioned.length > 0) {
    return decide(
      "weak",
      `Het recht van bezwaar staat tussen de andere rechten, niet apart en duidelijk vermeld; dat moet omdat ${because[0]}.`,
      `The right to object is listed among the other rights, not clearly and separately; it must be because ${because[1]}.`,
      mentioned.map((s) => s.key),
    );
  }
  return decide(
    "missing",
    `Het recht van bezwaar wordt niet genoemd, terwijl ${because[0]}.`,
    `The right to object is not stated, although ${because[1]}.`,
    foundOrHome(ctx, "RIGHT_OBJECT_SEPARATE", []),
  );
}

export function checkWithdrawConsent(ctx: CheckContext): Decision {
  const { purposes } = ctx.content.lists;
  const item = findChecklistItem("WITHDRAW_CONSENT");
  const consent = purposes.filter((p) => p.legalBasis === "consent");
  const textual =
    purposes.length === 0 &&
    (sectionsWithCue(ctx, CONSENT_BASIS).length > 0 || sectionsWithCue(ctx, NEWSLETTER).length > 0);
  if (consent.length === 0 && !textual) {
    return purposes.length > 0
      ? decide(
          "not_applicable",
          "Geen doeleinde in de lijst berust op toestemming.",
          "No purpose in the list rests on consent.",
          [],
        )
      : decide(
          "not_applicable",
          "De tekst noemt geen verwerking op basis van toestemming.",
          "The text mentions no processing based on consent.",
          [],
        );
  }
  const found = sectionsWithCue(ctx, item.phrases);
  const because =
    consent.length > 0
      ? ["een doeleinde in de lijst berust op toestemming", "a purpose in the list rests on consent"]
      : [
          "de tekst noemt verwerking met toestemming of een nieuwsbrief",
          "the text mentions processing with consent or a newsletter",
        ];
  if (found.length > 0) {
    return decide(
      "present",
      `Intrekken van toestemming wordt genoemd (${because[0]}).`,
      `Withdrawing consent is stated (${because[1]}).`,
      found,
    );
  }
  return decide(
    "missing",
    `Er staat niet in dat toestemming kan worden ingetrokken, terwijl ${because[0]}.`,
    `The statement does not say consent can be withdrawn, although ${because[1]}.`,
    foundOrHome(ctx, "WITHDRAW_CONSENT", []),
  );
}

export function checkComplaint(ctx: CheckContext): Decision {
  const item = findChecklistItem("COMPLAINT_SA");
  // Under a heading such as "Klachten", every sentence is about complaints.
  const headed = sectionsTitled(ctx, item.headings).filter((k) => !sectionsTitled(ctx, RIGHTS).includes(k));
  const complaints = listSentences(ctx).filter(
    (s) => headed.includes(s.key) || findCue(s.text, item.phrases) !== null,
  );
  const withAuthority = complaints.filter(
    (s) =>
      findCue(s.text, AUTHORITY) !== null ||
      ctx.sections.some((x) => x.key === s.key && findCue(x.text, AUTHORITY) !== null),
  );
  if (withAuthority.length > 0) {
    return decide(
      "present",
      "Klacht bij de Autoriteit Persoonsgegevens wordt genoemd.",
      "A complaint to the Autoriteit Persoonsgegevens is mentioned.",
      withAuthority.map((s) => s.key),
    );
  }
  if (complaints.length > 0) {
    return decide(
      "weak",
      "Er staat iets over klachten, maar niet dat die bij de Autoriteit Persoonsgegevens kunnen worden ingediend.",
      "Complaints are mentioned, but not that they can be lodged with the Autoriteit Persoonsgegevens.",
      complaints.map((s) => s.key),
    );
  }
  const authority = sectionsWithCue(ctx, AUTHORITY);
  return decide(
    "missing",
    authority.length > 0
      ? "De Autoriteit Persoonsgegevens wordt genoemd, maar niet het recht om daar een klacht in te dienen."
      : "Het recht om een klacht in te dienen bij de Autoriteit Persoonsgegevens wordt niet genoemd.",
    authority.length > 0
      ? "The Autoriteit Persoonsgegevens is mentioned, but not the right to lodge a complaint with it."
      : "The right to lodge a complaint with the Autoriteit Persoonsgegevens is not stated.",
    foundOrHome(ctx, "COMPLAINT_SA", authority),
  );
}
