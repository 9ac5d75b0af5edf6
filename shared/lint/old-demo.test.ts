// The lint on the demo statement as it was before the legal review (testing/old-demo.ts): every
// defect the review quoted is caught, in Dutch and in English, at the place it was quoted from.
import { describe, expect, it } from "vitest";
import { DEMO_GROUP } from "../demo/index.ts";
import type { Baseline, Language } from "../model.ts";
import { lintPublication, type LintRuleId } from "./index.ts";
import { OLD_DEMO_BASELINE, OLD_GROUP_INTRODUCTION, OLD_JCC_CONTENT } from "./testing/old-demo.ts";

// The old baseline, its introduction opening as the group's source statement did.
const baseline: Baseline = structuredClone(OLD_DEMO_BASELINE);
const introduction = baseline.sections.find((s) => s.key === "introduction")!;
introduction.body = {
  nl: `${OLD_GROUP_INTRODUCTION.nl}\n\n${introduction.body.nl}`,
  en: `${OLD_GROUP_INTRODUCTION.en}\n\n${introduction.body.en ?? ""}`,
};
const findings = lintPublication(baseline, {
  group: DEMO_GROUP,
  slug: "jcc-software",
  content: OLD_JCC_CONTENT,
});

// prettier-ignore
const QUOTED: [review: string, rule: LintRuleId, section: string, nl: string, en: string][] = [
  ["1: consent by using the website", "implied_consent", "google_analytics_statement",
    "Door gebruik te maken van deze website geeft u toestemming voor het verwerken van de informatie door Google",
    "By using this website, you consent to the processing of information by Google"],
  ["1: Google uses the data for other services", "analytics_sharing_contradiction", "google_analytics_statement",
    "andere diensten aan te bieden met betrekking tot website-activiteit en internetgebruik",
    "to provide other services relating to website activity and internet use"],
  ["1: Google Inc.", "outdated_entity_name", "google_analytics_statement",
    "aangeboden door Google Inc.", "provided by Google Inc."],
  ["1: browsing stays completely anonymous", "anonymous_tracking_data", "analytics_privacy_law",
    "uw surfgedrag blijft volledig anoniem", "your browsing remains completely anonymous"],
  ["2: mostly consent", "consent_as_main_basis", "legal_basis",
    "Veelal verwerken wij persoonsgegevens met uw toestemming.", "We often process personal data with your consent."],
  ["3: no separate objection to direct marketing", "direct_marketing_objection_missing", "rights",
    "Ook kunt u bij ons bezwaar maken tegen het verwerken van uw gegevens", "You can also object to the processing of your data"],
  ["4: within four weeks", "compliance_within_weeks", "rights",
    "Binnen vier weken zullen wij voldoen aan uw verzoek.", "We will comply with your request within four weeks."],
  ["5: establishments abroad for every company", "establishments_abroad_unsupported", "recipients",
    "Enkele onderdelen van ons bedrijf zijn gevestigd in het buitenland", "Some parts of our business are based abroad"],
  ["6: no retention for the IP address", "retention_missing_for_category", "data_categories", "IP-adres", "IP address"],
  ["6: no retention for location data", "retention_missing_for_category", "data_categories", "Locatiegegevens", "Location data"],
  ["6: no retention for device data", "retention_missing_for_category", "data_categories",
    "Internetbrowser en apparaattype", "Internet browser and device type"],
  ["7: the group as 'wij' without deciding on joint controllership", "group_we_without_decision", "introduction",
    "Conxillium en de aangesloten bedrijven (hierna: wij)", "Conxillium and its affiliated companies (hereinafter: we)"],
];

describe("the old demo statement of JCC Software", () => {
  it.each(
    QUOTED.flatMap(([review, rule, section, nl, en]) =>
      (["nl", "en"] as const).map(
        (language) => [review, language, rule, section, language === "nl" ? nl : en] as const,
      ),
    ),
  )("catches defect %s (%s)", (_review, language: Language, rule, section, quote) => {
    const found = findings.filter(
      (f) => f.rule === rule && f.language === language && f.quote.includes(quote),
    );
    expect(found.map((f) => f.section)).toContain(section);
  });

  it("has lint errors that block an editor's publish, and only findings of known rules", () => {
    expect(findings.filter((f) => f.severity === "error").length).toBeGreaterThan(20);
    expect(findings.every((f) => f.article !== "" && f.fix.nl !== "")).toBe(true);
  });

  it("is clean of reserved-domain findings, because the demo group may use .example", () => {
    expect(findings.filter((f) => f.rule === "reserved_domain")).toEqual([]);
  });
});
