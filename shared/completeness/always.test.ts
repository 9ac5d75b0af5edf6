// Statements that each lack one "always" item. The starting point is a demo company whose
// statement is complete on every "always" item; each case removes that item's evidence, both
// the structured details and the sentences, and nothing else. The profile itself cannot be
// removed (the schema requires it), so for the controller the statement stops showing it.
import { describe, expect, it } from "vitest";
import { DEMO_BASELINE, DEMO_GROUP, DEMO_TENANTS } from "../demo/index.ts";
import { resolveStatement } from "../engine.ts";
import type { Baseline, TenantContent } from "../model.ts";
import { checkCompleteness } from "./check.ts";
import { CHECKLIST, type ItemId } from "./checklist.ts";

interface Subject {
  baseline: Baseline;
  content: TenantContent;
}

const tenant = DEMO_TENANTS.find((t) => t.slug === "beheervisie");
if (tenant === undefined) throw new Error("demo tenant missing");

function check({ baseline, content }: Subject): ReturnType<typeof checkCompleteness> {
  const statement = resolveStatement(baseline, { group: DEMO_GROUP, slug: "beheervisie", content }, "nl");
  expect(statement.problems).toEqual([]);
  return checkCompleteness(statement, content);
}

function dropSection(key: string): (s: Subject) => void {
  return (s) => {
    const before = s.baseline.sections.length;
    s.baseline.sections = s.baseline.sections.filter((section) => section.key !== key);
    expect(s.baseline.sections.length).toBe(before - 1);
  };
}

function cut(key: string, text: string): (s: Subject) => void {
  return (s) => {
    const section = s.baseline.sections.find((x) => x.key === key);
    expect(section?.body.nl, `${key} contains the text to cut`).toContain(text);
    if (section !== undefined) section.body = { nl: section.body.nl.replace(text, "") };
  };
}

const clear =
  (list: keyof TenantContent["lists"]): ((s: Subject) => void) =>
  (s) => {
    expect(s.content.lists[list].length).toBeGreaterThan(0);
    s.content.lists[list] = [];
  };

const REMOVALS: Record<string, ((s: Subject) => void)[]> = {
  // Every address the statement can be reached at: the company's own and the group's contact point.
  CONTROLLER_IDENTITY: [
    dropSection("controller"),
    dropSection("joint_controllers"),
    cut("rights", "U kunt uw verzoek sturen naar {{company.email}}. "),
    cut("objection", "\n\nU kunt uw bezwaar sturen naar {{company.email}}."),
  ],
  PURPOSES: [
    clear("purposes"),
    dropSection("purposes"),
    cut("legal_basis", " Per grondslag zijn dat de volgende doeleinden:"),
  ],
  LEGAL_BASIS: [clear("purposes"), dropSection("legal_basis")],
  // Retention rules name the categories they cover, and the joint-controllership section names
  // the data in the shared register; without categories they name none.
  DATA_CATEGORIES: [
    clear("data_categories"),
    dropSection("data_categories"),
    dropSection("joint_controllers"),
    (s) => {
      for (const rule of s.content.lists.retention) delete rule.categories;
    },
  ],
  RETENTION: [clear("retention"), dropSection("retention")],
  RIGHT_ACCESS: [cut("rights", "uw persoonsgegevens in te zien (artikel 15 AVG), ")],
  RIGHT_RECTIFICATION: [cut("rights", "onjuiste gegevens te laten corrigeren of aanvullen (artikel 16), ")],
  RIGHT_ERASURE: [cut("rights", "uw gegevens te laten verwijderen (artikel 17), ")],
  RIGHT_RESTRICTION: [cut("rights", "de verwerking te laten beperken (artikel 18) ")],
  RIGHT_OBJECT: [
    dropSection("objection"),
    cut(
      "rights",
      "Ook kunt u bezwaar maken tegen de verwerking; daarover staat meer onder ‘Recht van bezwaar’.",
    ),
    cut("legal_basis", "; u kunt tegen deze verwerkingen bezwaar maken (zie ‘Recht van bezwaar’)"),
  ],
  RIGHT_PORTABILITY: [
    cut(
      "rights",
      " en uw gegevens in een gangbaar formaat te ontvangen of te laten overdragen aan een ander (artikel 20)",
    ),
  ],
  COMPLAINT_SA: [
    cut(
      "rights",
      "\n\nBent u het niet eens met de manier waarop wij met uw persoonsgegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.",
    ),
  ],
};

const createSubject = (): Subject => ({
  baseline: structuredClone(DEMO_BASELINE),
  content: structuredClone(tenant.content),
});

describe("a statement missing one 'always' item", () => {
  it("starts from a statement with every 'always' item present", () => {
    const report = check(createSubject());
    expect(report.missingAlways).toEqual([]);
    for (const item of CHECKLIST.filter((i) => i.applies === "always")) {
      expect(report.findings.find((f) => f.item === item.id)?.status, item.id).toBe("present");
    }
  });

  it("covers every 'always' item of the checklist", () => {
    expect(Object.keys(REMOVALS).sort()).toEqual(
      CHECKLIST.filter((i) => i.applies === "always")
        .map((i) => i.id)
        .sort(),
    );
  });

  it.each(Object.entries(REMOVALS))("reports %s as missing and refuses publication", (id, removals) => {
    const subject = createSubject();
    for (const remove of removals) remove(subject);
    const report = check(subject);
    const finding = report.findings.find((f) => f.item === id);
    expect(finding?.status).toBe("missing");
    expect(report.missingAlways).toEqual([id as ItemId]);
    expect(report.score).toBeLessThan(check(createSubject()).score);
  });
});
