// Retention (Art. 13(2)(a)): the list settles it; otherwise the text must name a period or a
// starting point, and "niet langer dan noodzakelijk" alone is the WP260 example of a weak answer.
import type { DataCategory } from "../model.ts";
import { findChecklistItem } from "./checklist.ts";
import { assessRetentionCoverage } from "./retention-coverage.ts";
import { findCue } from "./cues.ts";
import { atWordStart } from "./word-start.ts";
import {
  decide,
  foundOrHome,
  listSentences,
  sectionsNaming,
  sectionsTitled,
  type CheckContext,
  type Decision,
} from "./evidence.ts";

const NUMBER =
  "\\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|vijftig|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty";
const PERIOD = atWordStart(
  new RegExp(
    `(?:${NUMBER})\\s+(?:jaar|jaren|maand|maanden|week|weken|dag|dagen|years?|months?|weeks?|days?)(?![\\p{L}])`,
    "u",
  ),
  true,
);
const KEEPING = {
  nl: ["bewaar", "bewaard", "bewaren", "archief", "gearchiveerd", "verwijderd", "vernietigd"],
  en: ["keep", "kept", "retain", "retained", "stored", "deleted", "archive"],
};
const CRITERION = {
  nl: [
    "zolang u klant",
    "zolang de klant",
    "zolang het contract",
    "zolang de overeenkomst",
    "na het einde",
    "na afloop",
    "na beëindiging",
    "tot het einde",
    "tot u zich afmeldt",
  ],
  en: [
    "for as long as you are a customer",
    "for the duration of",
    "after the end",
    "after the contract ends",
    "until you unsubscribe",
  ],
};
const VAGUE = {
  nl: [
    "zolang noodzakelijk",
    "zolang als noodzakelijk",
    "zolang nodig",
    "niet langer dan noodzakelijk",
    "niet langer dan nodig",
    "nooit langer dan noodzakelijk",
    "nooit langer dan nodig",
  ],
  en: ["as long as necessary", "no longer than necessary", "as long as needed", "no longer than needed"],
};

const MINIMUM_ONLY = atWordStart(
  /(?:minimaal|ten minste|tenminste|minstens|at least|a minimum of)(?![\p{L}])/u,
);
const UPPER_BOUND = atWordStart(
  /(?:maximaal|ten hoogste|hoogstens|uiterlijk|niet langer dan|at most|no longer than|up to)(?![\p{L}])/u,
);

export function checkRetention(ctx: CheckContext): Decision {
  const rules = ctx.content.lists.retention;
  if (rules.length > 0) {
    const found = foundOrHome(
      ctx,
      "RETENTION",
      sectionsNaming(
        ctx,
        rules.map((r) => r.subject.nl),
      ),
    );
    const bare = rules.filter((r) => r.period === undefined && r.criterion === undefined);
    if (bare.length === rules.length) {
      return decide(
        "weak",
        "De bewaarregels noemen geen termijn of criterium.",
        "The retention rules state no period or criterion.",
        found,
      );
    }
    // WP260: a period or criterion per category; a minimum alone does not say when data goes.
    const coverage = assessRetentionCoverage(ctx.content.lists);
    if (coverage.minimumRules.length > 0) {
      const subjects = (language: "nl" | "en"): string =>
        coverage.minimumRules
          .map((r) => `‘${language === "en" ? (r.subject.en ?? r.subject.nl) : r.subject.nl}’`)
          .join(", ");
      return decide(
        "weak",
        `Een bewaarregel noemt alleen een minimumtermijn, niet wanneer de gegevens worden verwijderd: ${subjects("nl")}.`,
        `A retention rule states only a minimum period, not when the data is deleted: ${subjects("en")}.`,
        found,
      );
    }
    if (coverage.uncovered.length > 0 || coverage.onlyMinimum.length > 0) {
      const names = (language: "nl" | "en", list: DataCategory[]): string =>
        list.map((c) => `‘${language === "en" ? (c.name.en ?? c.name.nl) : c.name.nl}’`).join(", ");
      const parts = {
        nl: [
          coverage.uncovered.length > 0 ? `zonder bewaartermijn: ${names("nl", coverage.uncovered)}` : "",
          coverage.onlyMinimum.length > 0
            ? `alleen een minimumtermijn: ${names("nl", coverage.onlyMinimum)}`
            : "",
        ].filter((p) => p !== ""),
        en: [
          coverage.uncovered.length > 0 ? `no retention period: ${names("en", coverage.uncovered)}` : "",
          coverage.onlyMinimum.length > 0
            ? `only a minimum period: ${names("en", coverage.onlyMinimum)}`
            : "",
        ].filter((p) => p !== ""),
      };
      return decide(
        "weak",
        `Niet elke categorie persoonsgegevens heeft een bewaartermijn of criterium (${parts.nl.join("; ")}).`,
        `Not every category of personal data has a retention period or criterion (${parts.en.join("; ")}).`,
        found,
      );
    }
    return decide(
      "present",
      `${rules.length} bewaarregel(s) met termijn of criterium vastgelegd.`,
      `${rules.length} retention rule(s) with a period or criterion recorded.`,
      found,
    );
  }
  const item = findChecklistItem("RETENTION");
  const headed = sectionsTitled(ctx, item.headings);
  const sentences = listSentences(ctx);
  const concrete = sentences.filter(
    (s) =>
      (PERIOD.test(s.text) && (headed.includes(s.key) || findCue(s.text, KEEPING) !== null)) ||
      findCue(s.text, CRITERION) !== null,
  );
  const minimum = concrete.filter((s) => MINIMUM_ONLY.test(s.text) && !UPPER_BOUND.test(s.text));
  if (concrete.length > 0 && minimum.length === concrete.length) {
    return decide(
      "weak",
      "De tekst noemt alleen minimumtermijnen (‘minimaal’, ‘ten minste’), niet wanneer gegevens worden verwijderd.",
      "The text states only minimum periods (‘at least’), not when data is deleted.",
      minimum.map((s) => s.key),
    );
  }
  if (concrete.length > 0) {
    return decide(
      "present",
      "De tekst noemt bewaartermijnen of criteria; leg ze vast als bewaarregels.",
      "The text states retention periods or criteria; record them as retention rules.",
      concrete.map((s) => s.key),
    );
  }
  const vague = sentences.filter((s) => findCue(s.text, VAGUE) !== null);
  if (vague.length > 0 || headed.length > 0) {
    return decide(
      "weak",
      "Alleen ‘niet langer dan noodzakelijk’, zonder termijn of criterium per categorie of doeleinde.",
      "Only ‘no longer than necessary’, without a period or criterion per category or purpose.",
      [...vague.map((s) => s.key), ...headed],
    );
  }
  return decide(
    "missing",
    "Er staat niet in hoe lang gegevens worden bewaard.",
    "The statement does not say how long data is kept.",
    [],
  );
}
