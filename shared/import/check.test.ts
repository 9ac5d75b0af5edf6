// The review's two checks — the text as written and the draft after the import — the translation
// count, the lint hook, and the warnings about numbers, contradictions and another company's text.
import { describe, expect, it } from "vitest";
import { resolveStatement } from "../engine.ts";
import { planImport } from "./apply.ts";
import { checkImport, contentAsWritten, createImportedBaseline } from "./check.ts";
import { IMPORT_BASELINE } from "./fixtures/baseline.ts";
import { lintStatement } from "../lint/index.ts";
import type { LintStatement } from "./lint-hook.ts";
import { proposeImport } from "./propose.ts";
import { createImportContext, readFixture } from "./testing.ts";

const status = (report: { findings: readonly { item: string; status: string }[] }, item: string) =>
  report.findings.find((f) => f.item === item)?.status;

describe("the text as written beside the draft after the import", () => {
  const context = createImportContext({ slug: "jcc-software", name: "JCC Software" });
  const proposal = proposeImport({ text: readFixture("jcc.txt") }, IMPORT_BASELINE, context);
  const plan = planImport(context.draft, proposal);
  const check = checkImport(proposal, plan.content, {
    baseline: IMPORT_BASELINE,
    group: context.group,
    slug: "jcc-software",
  });

  it("judges the source alone: its own sections, lists and details, nothing of the draft", () => {
    // The source names no right to restriction and no complaint to the AP; the baseline's locked rights section does.
    expect(status(check.asWritten, "RIGHT_RESTRICTION")).toBe("missing");
    expect(status(check.asWritten, "COMPLAINT_SA")).toBe("missing");
    expect(status(check.merged, "RIGHT_RESTRICTION")).toBe("present");
    expect(status(check.merged, "COMPLAINT_SA")).toBe("present");
    expect(check.asWritten.missingAlways).toEqual(
      expect.arrayContaining(["RIGHT_RESTRICTION", "COMPLAINT_SA"]),
    );
    expect(check.asWritten.score).toBeLessThan(check.merged.score);
    // Nothing of the blank draft's made-up details counts for the source.
    expect(contentAsWritten(proposal).profile.email).toBe("privacy@jccsoftware.nl");
    const source = resolveStatement(
      createImportedBaseline(proposal),
      { group: context.group, slug: "x", content: contentAsWritten(proposal) },
      "nl",
    );
    expect(source.problems).toEqual([]);
    expect(source.sections.map((s) => s.title)).toEqual(
      proposal.sections.map((s) => (s.heading === "" ? "Inleiding" : s.heading)),
    );
  });

  it("counts the imported sections that still need an English text; publishing refuses them (missing_translation)", () => {
    const english = check.translation.find((t) => t.language === "en");
    // Imported text, and the sections whose lists received imported items with Dutch text only.
    const listed = IMPORT_BASELINE.sections.filter(
      (s) =>
        s.list !== undefined &&
        plan.content.lists[s.list].some(
          (item) => JSON.stringify(item).includes('"nl"') && !JSON.stringify(item).includes('"en"'),
        ),
    );
    const imported = [
      ...Object.keys(plan.content.overrides),
      ...plan.content.ownSections.map((s) => s.key),
      ...listed.map((s) => s.key),
    ];
    expect(english?.sections.map((s) => s.key).sort()).toEqual([...new Set(imported)].sort());
    const en = resolveStatement(
      IMPORT_BASELINE,
      { group: context.group, slug: "jcc-software", content: plan.content },
      "en",
    );
    expect(en.problems.filter((p) => p.code === "missing_translation").map((p) => p.section)).toEqual(
      expect.arrayContaining(english?.sections.map((s) => s.key) ?? []),
    );
  });

  it("runs the legal lint, when given, on both: the source's own wording, and the draft after the import", () => {
    const lint: LintStatement = (statement, content) =>
      lintStatement(statement, content, { allowReservedDomains: false });
    const linted = checkImport(proposal, plan.content, {
      baseline: IMPORT_BASELINE,
      group: context.group,
      slug: "jcc-software",
      lint,
    });
    // "Binnen vier weken zullen wij voldoen aan uw verzoek" (Art. 12(3) AVG gives a month) — in the
    // source's rights section, and in the baseline's locked one that the draft keeps.
    const weeks = (findings: readonly { rule: string; section: string | null }[]) =>
      findings.filter((f) => f.rule === "compliance_within_weeks").map((f) => f.section);
    expect(weeks(linted.asWritten.lint)).toEqual(["rights"]);
    expect(weeks(linted.merged.lint)).toEqual(["rights"]);
    // The source says personal data never goes to the group's units abroad, and that Google stores
    // analytics data in the United States: the lint sees the denial beside a recipient abroad.
    expect(linted.asWritten.lint.map((f) => [f.rule, f.section])).toContainEqual([
      "denies_transfers_abroad",
      "recipients",
    ]);
    expect(check.asWritten.lint).toEqual([]);
  });
});

describe("warnings", () => {
  it("catches a member count that contradicts the group, and a transfer the baseline rules out", () => {
    const context = createImportContext({ slug: "jcc-software", name: "JCC Software" });
    const proposal = proposeImport({ text: readFixture("jcc.txt") }, IMPORT_BASELINE, context);
    const count = proposal.warnings.find((w) => w.kind === "member_count");
    expect(count?.quote).toContain("vijf aangesloten bedrijven");
    expect(count?.message.nl).toContain("Conxillium heeft 8 bedrijven");
    const contradiction = proposal.warnings.find((w) => w.kind === "contradicts_baseline");
    expect(contradiction?.baselineQuote).toContain("nooit");
    expect(contradiction?.quote).toContain("Verenigde Staten");
  });

  it("says nothing of a transfer the text itself rules out", () => {
    const context = createImportContext({ slug: "x", name: "GemeenteLink" });
    const proposal = proposeImport({ text: readFixture("gemeentelink.txt") }, IMPORT_BASELINE, context);
    expect(proposal.warnings.filter((w) => w.kind === "contradicts_baseline")).toEqual([]);
  });

  it("notices another company's statement imported into this one", () => {
    const text = readFixture("jcc.txt");
    const context = createImportContext({ slug: "geotax", name: "GeoTax" });
    const proposal = proposeImport({ text }, IMPORT_BASELINE, context);
    const other = proposal.warnings.find((w) => w.kind === "other_company");
    expect(other?.message.nl).toContain("Is dit de verklaring van JCC Software?");
    // And nothing of JCC's details goes into GeoTax's profile unless accepted.
    expect(planImport(context.draft, proposal).content.profile).toEqual(context.draft.profile);
  });
});
