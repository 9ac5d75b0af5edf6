import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { DEMO_BASELINE, DEMO_GROUP } from "../demo/index.ts";
import { resolveStatement, validateOverrides } from "../engine.ts";
import { TenantContentSchema } from "../model.ts";
import { applyImportProposal, proposeImport, type ImportProposal } from "./propose.ts";
import { GROUP_SEED, JCC_SEED, createBlankContent, readSeed } from "./testing.ts";

// The test's own reading of "a paragraph": text between blank lines, with the published
// oddities (NBSP, "•" bullets, runs of spaces) smoothed out the way an editor would.
const normalize = (text: string): string =>
  text
    .replace(/\u00A0/g, " ")
    .replace(/^[ \t]*•[ \t]*/gm, "- ")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
const paragraphsOf = (text: string): string[] =>
  text
    .replace(/\u00A0/g, " ")
    .split(/\n[ \t]*\n/)
    .map(normalize)
    .filter((p) => p !== "");
const textOf = (proposal: ImportProposal): string =>
  normalize(
    [
      proposal.title ?? "",
      ...proposal.sections.flatMap((s) => [s.heading, s.body]),
      ...proposal.unmapped.map((u) => u.text),
    ].join("\n"),
  );
const mapping = (proposal: ImportProposal): [string, string | null][] =>
  proposal.sections.map((s) => [s.heading, s.key]);

describe.each([
  ["group statement (seed 002)", GROUP_SEED],
  ["JCC Software (seed 000)", JCC_SEED],
])("importing the %s", (_name, file) => {
  const text = readSeed(file);
  const proposal = proposeImport({ text, format: "text" }, DEMO_BASELINE);

  it("keeps every paragraph of the input somewhere in the proposal", () => {
    const all = textOf(proposal);
    const paragraphs = paragraphsOf(text);
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const paragraph of paragraphs) expect(all, paragraph.slice(0, 60)).toContain(paragraph);
  });

  it("counts the input's headings, paragraphs and bullets", () => {
    const bullets = text.split("\n").filter((l) => /^\s*[-•]\s/.test(l)).length;
    const blocks = paragraphsOf(text).filter((p) => !p.startsWith("- ")).length;
    expect(proposal.paragraphs).toBe(blocks + bullets);
  });

  it("explains every mapping and places every section in the draft", () => {
    for (const section of proposal.sections) {
      expect(section.reason).not.toBe("");
      expect(section.why.nl).not.toBe("");
      expect(section.confidence).toBeGreaterThanOrEqual(0);
      expect(section.confidence).toBeLessThanOrEqual(1);
    }
    expect(proposal.placements.map((p) => p.section)).toEqual(proposal.sections.map((_s, i) => i));
    expect(proposal.unmapped).toEqual([]);
  });

  it("merges into a valid draft that keeps to the baseline's policies", () => {
    const content = applyImportProposal(createBlankContent(), proposal);
    expect(v.parse(TenantContentSchema, content)).toEqual(content);
    expect(validateOverrides(DEMO_BASELINE, content)).toEqual([]);
    const statement = resolveStatement(DEMO_BASELINE, { group: DEMO_GROUP, slug: "import", content }, "nl");
    expect(statement.problems).toEqual([]);
  });
});

describe("the group statement (seed 002)", () => {
  const proposal = proposeImport({ text: readSeed(GROUP_SEED), format: "text" }, DEMO_BASELINE);

  it("maps its headings to the baseline's sections, the opening paragraph to the introduction", () => {
    expect(proposal.title).toBe("Privacy statement Conxillium");
    expect(mapping(proposal)).toEqual([
      ["", "introduction"],
      ["Welke gegevens verwerken wij?", "data_categories"],
      ["Doeleinden", "purposes"],
      ["Rechtsgrond voor de verwerking", "legal_basis"],
      ["Wie ontvangen de gegevens?", "recipients"],
      ["Bewaartermijn", "retention"],
      ["Uw rechten", "rights"],
      ["Gebruik cookies", "cookies"],
    ]);
    expect(proposal.sections[1]?.confidence).toBe(1);
  });

  it("takes the company name from the title and finds no retention periods", () => {
    expect(proposal.profile.tradeName).toBe("Conxillium");
    expect(proposal.profileWhy.tradeName?.nl).toContain("titel");
    expect(proposal.lists.data_categories.map((c) => c.name.nl)).toEqual([
      "Naam en contactgegevens",
      "IP-adressen",
    ]);
    expect(proposal.lists.retention).toEqual([]);
  });

  it("replaces, appends or adds text as each section's policy allows", () => {
    const as = Object.fromEntries(proposal.placements.map((p) => [proposal.sections[p.section]?.key, p.as]));
    // Same lead-in as the baseline, bullets now in the list: nothing to add.
    expect(as.data_categories).toBe("inherit");
    expect(as.cookies).toBe("inherit");
    expect(as.retention).toBe("replace");
    expect(as.purposes).toBe("append");
    // "Uw rechten" is locked, so the seed's own wording becomes an own section right after it.
    expect(as.rights).toBe("own");
    expect(proposal.ownSections).toMatchObject([
      { key: "uw_rechten", after: "rights", title: { nl: "Uw rechten" } },
    ]);
    expect(proposal.placements.find((p) => p.as === "own")?.why.nl).toContain("vergrendeld");
  });
});

describe("the JCC Software statement (seed 000)", () => {
  const proposal = proposeImport({ text: readSeed(JCC_SEED), format: "text" }, DEMO_BASELINE);

  it("maps the shared skeleton and keeps its cookie and Analytics sections as own sections after cookies", () => {
    expect(proposal.title).toBeUndefined();
    expect(mapping(proposal)).toEqual([
      ["", "introduction"],
      ["Welke gegevens verwerken wij?", "data_categories"],
      ["Doeleinden", "purposes"],
      ["Rechtsgrond voor de verwerking", "legal_basis"],
      ["Wie ontvangen de gegevens?", "recipients"],
      ["Bewaartermijn", "retention"],
      ["Uw rechten", "rights"],
      ["Gebruik cookies", "cookies"],
      ["Functionele cookies", null],
      ["Analytische cookies", null],
      ["Privacy wetgeving en Analytics", null],
      ["IP adressen worden gemaskeerd en gegevens niet gedeeld", null],
      ["Opt-out", null],
      ["Google Analytics – verklaring van Google", null],
    ]);
    const own = proposal.ownSections.filter((s) => s.key !== "uw_rechten");
    expect(own.map((s) => s.after)).toEqual(Array(6).fill("cookies"));
    expect(own.map((s) => s.key)).toContain("functionele_cookies");
    expect(proposal.sections[8]?.why.nl).toContain("hoort al bij “Gebruik cookies”");
  });

  it("recognises its nine data categories", () => {
    expect(proposal.lists.data_categories.map((c) => c.name.nl)).toEqual([
      "Voor- en achternaam",
      "Geslacht",
      "Adresgegevens",
      "Telefoonnummer",
      "E-mailadres",
      "IP-adres",
      "Overige persoonsgegevens die u actief verstrekt",
      "Locatiegegevens",
      "Internetbrowser en apparaattype",
    ]);
    expect(proposal.lists.data_categories[6]?.examples?.nl).toBe(
      "bijvoorbeeld door een profiel op deze website aan te maken, in correspondentie en telefonisch",
    );
    expect(proposal.lists.data_categories.every((c) => !c.special)).toBe(true);
  });

  it("recognises its two 7-year retention rules with what they concern", () => {
    expect(proposal.lists.retention.map((r) => [r.subject.nl, r.period])).toEqual([
      ["Het kunnen uitvoeren van een overeenkomst", { amount: 7, unit: "years" }],
      ["Het kunnen uitvoeren van direct marketing activiteiten", { amount: 7, unit: "years" }],
    ]);
    expect(proposal.lists.retention[0]?.criterion?.nl).toMatch(/^Nadat een contract niet meer geldig is/);
  });

  it("finds the company name by frequency, and no website of its own", () => {
    expect(proposal.profile.tradeName).toBe("JCC Software");
    expect(proposal.profile.website).toBeUndefined();
    expect(proposal.candidates.websites).toEqual([
      "https://www.hulpbijprivacy.nl",
      "https://tools.google.com/dlpage/gaoptout",
    ]);
  });

  it("leaves bullets the lists repeat out of the draft's text, and keeps the rest", () => {
    const content = applyImportProposal(createBlankContent(), proposal);
    expect(content.overrides.data_categories).toBeUndefined();
    expect(content.lists.data_categories).toHaveLength(9);
    const retention = content.overrides.retention;
    expect(retention?.mode).toBe("replace");
    expect(retention?.body?.nl).toBe(
      "Persoonsgegevens die door ons verwerkt worden, zullen nooit langer dan noodzakelijk is voor onze bedrijfsvoering bewaard worden. Wij hanteren de volgende bewaartermijnen voor de volgende (categorieën) van persoonsgegevens:",
    );
    expect(content.profile.tradeName).toBe("JCC Software");
  });
});

describe("applyImportProposal", () => {
  const proposal = proposeImport({ text: readSeed(JCC_SEED), format: "text" }, DEMO_BASELINE);

  it("follows the editor's choices: another key, a skipped section, the draft's own details", () => {
    const purposes = proposal.sections.findIndex((s) => s.key === "purposes");
    const optOut = proposal.sections.findIndex((s) => s.heading === "Opt-out");
    const draft = createBlankContent();
    draft.ownSections.push({
      key: "doeleinden",
      title: { nl: "Bestaand" },
      body: { nl: "Tekst." },
      after: "purposes",
    });
    const content = applyImportProposal(draft, proposal, {
      sections: { [purposes]: { key: null }, [optOut]: { skip: true } },
      profile: "keep",
      lists: { data_categories: "keep", retention: "append" },
    });
    expect(content.overrides.purposes).toBeUndefined();
    // The draft already has an own section "doeleinden", so the new one gets a fresh key; it
    // follows the previous mapped section.
    expect(content.ownSections.filter((s) => s.title.nl === "Doeleinden")).toMatchObject([
      { key: "doeleinden_2", after: "data_categories" },
    ]);
    expect(content.ownSections.some((s) => s.title.nl === "Opt-out")).toBe(false);
    expect(content.profile).toEqual(draft.profile);
    expect(content.lists.data_categories).toEqual([]);
    expect(content.lists.retention).toHaveLength(2);
    expect(validateOverrides(DEMO_BASELINE, content)).toEqual([]);
  });

  it("places an edited key again under the target's policy", () => {
    const edited: ImportProposal = {
      ...proposal,
      sections: proposal.sections.map((s) => (s.heading === "Opt-out" ? { ...s, key: "changes" } : s)),
    };
    const content = applyImportProposal(createBlankContent(), edited);
    // "changes" may only be omitted, so the text lands in an own section after it.
    expect(content.overrides.changes).toBeUndefined();
    expect(content.ownSections.find((s) => s.title.nl === "Opt-out")?.after).toBe("changes");
  });
});
