// Transfers outside the EEA (Art. 13(1)(f)). Recipients in the list carry their country and
// safeguard, so the list settles it; without it, the text is read for named countries,
// safeguards and denials ("nooit naar het buitenland"), and a denial next to a named non-EEA
// country is reported as the contradiction it is.
import { COUNTRY_NAMES } from "../countries.ts";
import { isEeaCountry } from "../model.ts";
import { findChecklistItem } from "./checklist.ts";
import { findCue, normalizeForMatch } from "./cues.ts";
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

// Normalised country name → the name as written, Dutch and English, for non-EEA countries.
const NON_EEA = new Map(
  Object.entries(COUNTRY_NAMES)
    .filter(([code]) => !isEeaCountry(code))
    .flatMap(([, names]) => [names.nl, names.en.replace(/^the /, "")])
    .map((name) => [normalizeForMatch(name), name] as const)
    .concat([
      ["amerika", "Amerika"],
      ["usa", "USA"],
    ]),
);
const COUNTRY_CUES = { nl: [...NON_EEA.keys()], en: [] };
const MOVING = {
  nl: ["overgebracht", "doorgegeven", "doorgifte", "opgeslagen", "servers", "verwerkt", "overgeheveld"],
  en: ["transferred", "transfer", "stored", "servers", "processed"],
};
const ABROAD = {
  nl: ["buitenland", "buiten de eu", "buiten de eer", "buiten europa"],
  en: ["abroad", "outside the eu", "outside the eea", "outside europe"],
};
const DENIAL = atWordStart(/(?:nooit|niet|geen|never|not|no)(?![\p{L}])/u);
// "Wij verwerken uw gegevens uitsluitend binnen de EER" says there is no transfer, too.
const ONLY_INSIDE = atWordStart(
  /(?:uitsluitend|alleen|enkel|only|exclusively|solely)(?![\p{L}])[^.]{0,60}(?:binnen de (?:eer|eu|europese)|within the (?:eea|eu|european))/u,
);
// Invalidated by the Court of Justice (C-362/14 Schrems I, C-311/18 Schrems II): no safeguard.
const INVALID_SAFEGUARD = /privacy[ -]?shield|safe[ -]?harbou?r/;
const SCC_BCR = {
  nl: [
    "standaardcontractbepalingen",
    "modelcontractbepalingen",
    "standaardcontractclausules",
    "bindende bedrijfsvoorschriften",
  ],
  en: ["standard contractual clauses", "model clauses", "binding corporate rules"],
};

/** No transfer found: only the denials matter then. */
interface NoTransfer {
  source: "none";
  denied: string[];
}

interface TransferFacts {
  source: "list" | "text";
  countries: string[];
  sections: string[];
  denied: string[];
  safeguards: string[];
  /** Sections that name Privacy Shield or Safe Harbor. */
  invalid: string[];
  sccOrBcr: boolean;
}

export function readTransfers(ctx: CheckContext): TransferFacts | NoTransfer {
  const outside = ctx.content.lists.recipients.filter((r) => !isEeaCountry(r.country));
  if (outside.length > 0) {
    return {
      source: "list",
      countries: [...new Set(outside.map((r) => r.country))],
      sections: foundOrHome(
        ctx,
        "TRANSFER_FACT",
        sectionsNaming(
          ctx,
          outside.map((r) => r.name),
        ),
      ),
      denied: [],
      safeguards: outside.filter((r) => r.safeguard !== "eea").map((r) => r.name),
      invalid: [],
      sccOrBcr: outside.some((r) => r.safeguard === "scc" || r.safeguard === "bcr"),
    };
  }
  const sentences = listSentences(ctx);
  const moving = sentences.filter(
    (s) => findCue(s.text, MOVING) !== null || findCue(s.text, ABROAD) !== null,
  );
  const denied = [
    ...moving.filter((s) => findCue(s.text, ABROAD) !== null && DENIAL.test(s.text)),
    ...sentences.filter((s) => ONLY_INSIDE.test(s.text)),
  ];
  const named = moving.filter((s) => findCue(s.text, COUNTRY_CUES) !== null && !DENIAL.test(s.text));
  const generic = moving.filter(
    (s) => findCue(s.text, findChecklistItem("TRANSFER_FACT").phrases) !== null && !DENIAL.test(s.text),
  );
  const used = [...named, ...generic].filter((s) => !ONLY_INSIDE.test(s.text));
  // Most statements name no transfer: the safeguards then need not be read.
  if (used.length === 0) return { source: "none", denied: [...new Set(denied.map((s) => s.key))] };
  const countries = named.map((s) => {
    const cue = findCue(s.text, COUNTRY_CUES) ?? "";
    return NON_EEA.get(cue) ?? cue;
  });
  const safeguardCues = findChecklistItem("TRANSFER_SAFEGUARDS").phrases;
  const safeguards = sentences.filter((s) => findCue(s.text, safeguardCues) !== null);
  const invalid = sentences.filter((s) => INVALID_SAFEGUARD.test(s.text));
  return {
    source: "text",
    countries: [...new Set(countries)],
    sections: [...new Set([...used, ...denied].map((s) => s.key))],
    denied: [...new Set(denied.map((s) => s.key))],
    safeguards: [...new Set(safeguards.map((s) => s.key))],
    invalid: [...new Set(invalid.map((s) => s.key))],
    sccOrBcr: sentences.some((s) => findCue(s.text, SCC_BCR) !== null),
  };
}

function noTransfer(facts: NoTransfer): Decision {
  return facts.denied.length > 0
    ? decide(
        "not_applicable",
        "Geen ontvangers buiten de EER in de lijst, en de tekst zegt dat gegevens niet naar het buitenland gaan.",
        "No recipients outside the EEA in the list, and the text says data does not go abroad.",
        facts.denied,
      )
    : decide(
        "not_applicable",
        "Geen ontvangers buiten de EER in de lijst en de tekst noemt geen doorgifte.",
        "No recipients outside the EEA in the list and the text mentions no transfer.",
        [],
      );
}

export function checkTransferFact(facts: TransferFacts | NoTransfer): Decision {
  if (facts.source === "none") return noTransfer(facts);
  const where = facts.countries.join(", ");
  if (facts.source === "list") {
    const named = (language: "nl" | "en"): string =>
      facts.countries.map((code) => COUNTRY_NAMES[code]?.[language] ?? code).join(", ");
    return decide(
      "present",
      `Ontvangers buiten de EER met land in de lijst: ${named("nl")}.`,
      `Recipients outside the EEA listed with their country: ${named("en")}.`,
      facts.sections,
    );
  }
  if (facts.countries.length === 0) {
    return decide(
      "weak",
      "De tekst noemt doorgifte buiten de EER, maar niet naar welk land.",
      "The text mentions a transfer outside the EEA, but not to which country.",
      facts.sections,
    );
  }
  if (facts.denied.length > 0) {
    return decide(
      "weak",
      `De tekst zegt dat gegevens niet naar het buitenland gaan, maar noemt ook opslag of verwerking in ${where}; leg de ontvanger vast in de lijst.`,
      `The text says data does not go abroad, but also mentions storage or processing in ${where}; record the recipient in the list.`,
      facts.sections,
    );
  }
  return decide(
    "present",
    `De tekst noemt doorgifte naar ${where}; leg de ontvanger vast in de lijst.`,
    `The text mentions a transfer to ${where}; record the recipient in the list.`,
    facts.sections,
  );
}

export function checkTransferSafeguards(ctx: CheckContext, facts: TransferFacts | NoTransfer): Decision {
  if (facts.source === "none") return noTransfer(facts);
  if (facts.source === "list") {
    return decide(
      "present",
      "Elke ontvanger buiten de EER heeft een waarborg in de lijst.",
      "Each recipient outside the EEA has a safeguard in the list.",
      facts.sections,
    );
  }
  if (facts.safeguards.length > 0) {
    return decide(
      "present",
      "De tekst noemt de waarborg voor de doorgifte.",
      "The text states the safeguard for the transfer.",
      facts.safeguards,
    );
  }
  if (facts.invalid.length > 0) {
    return decide(
      "missing",
      "De tekst noemt als waarborg het Privacy Shield of Safe Harbor; die zijn door het Hof van Justitie ongeldig verklaard (C-362/14, C-311/18) en zijn dus geen waarborg.",
      "The text names Privacy Shield or Safe Harbor as the safeguard; the Court of Justice declared both invalid (C-362/14, C-311/18), so they are no safeguard.",
      foundOrHome(ctx, "TRANSFER_SAFEGUARDS", facts.invalid),
    );
  }
  return decide(
    "missing",
    "De tekst noemt een doorgifte buiten de EER, maar geen waarborg (adequaatheidsbesluit, standaardcontractbepalingen …).",
    "The text mentions a transfer outside the EEA, but no safeguard (adequacy decision, standard contractual clauses …).",
    foundOrHome(ctx, "TRANSFER_SAFEGUARDS", facts.sections),
  );
}

export function checkTransferCopyMeans(ctx: CheckContext, facts: TransferFacts | NoTransfer): Decision {
  if (facts.source === "none") return noTransfer(facts);
  const copy = sectionsWithCue(ctx, findChecklistItem("TRANSFER_COPY_MEANS").phrases);
  if (facts.sccOrBcr) {
    return copy.length > 0
      ? decide(
          "present",
          "De tekst zegt hoe een kopie van de waarborgen te krijgen is.",
          "The text says how to obtain a copy of the safeguards.",
          copy,
        )
      : decide(
          "missing",
          "Doorgifte op basis van standaardcontractbepalingen of bedrijfsvoorschriften, maar niet hoe iemand een kopie krijgt.",
          "Transfers rest on standard contractual clauses or corporate rules, but the text does not say how to obtain a copy.",
          foundOrHome(ctx, "TRANSFER_COPY_MEANS", facts.sections),
        );
  }
  if (facts.source === "list" || facts.safeguards.length > 0) {
    return decide(
      "not_applicable",
      "De doorgifte berust niet op standaardcontractbepalingen of bedrijfsvoorschriften (art. 46/47).",
      "The transfers do not rest on standard contractual clauses or corporate rules (Art. 46/47).",
      [],
    );
  }
  return decide(
    "missing",
    "Er wordt geen waarborg genoemd, dus niet te zien of een kopie nodig is; bij standaardcontractbepalingen moet de tekst zeggen hoe iemand een kopie krijgt.",
    "No safeguard is named, so it cannot be told whether a copy is owed; under standard contractual clauses the text must say how to obtain one.",
    foundOrHome(ctx, "TRANSFER_COPY_MEANS", facts.sections),
  );
}
