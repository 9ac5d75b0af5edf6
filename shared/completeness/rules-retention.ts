// Retention (Art. 13(2)(a)): the list settles it; otherwise the text must name a period or a
// starting point, and "niet langer dan noodzakelijk" alone is the WP260 example of a weak answer.
import { findChecklistItem } from "./checklist.ts";
import { findCue } from "./cues.ts";
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
const PERIOD = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${NUMBER})\\s+(?:jaar|jaren|maand|maanden|week|weken|dag|dagen|years?|months?|weeks?|days?)(?![\\p{L}])`,
  "u",
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
