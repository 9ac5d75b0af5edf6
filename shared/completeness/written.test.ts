// The checker on statements written for the tests (testing/written-statements.ts), item by item:
// each is resolved as a statement of its own with empty structured lists, so the check judges
// what the text says, as it does for a statement checked before it is imported.
import { describe, expect, it } from "vitest";
import { DEMO_GROUP } from "../demo/index.ts";
import { resolveStatement } from "../engine.ts";
import { checkCompleteness, type Status } from "./check.ts";
import { ITEM_IDS, type ItemId } from "./checklist.ts";
import { GROUP, SAAS, WEBSHOP, type WrittenStatement } from "./testing/written-statements.ts";

function check(written: WrittenStatement): ReturnType<typeof checkCompleteness> {
  const statement = resolveStatement(
    written.baseline,
    { group: DEMO_GROUP, slug: "written", content: written.content },
    written.language,
  );
  expect(statement.problems).toEqual([]);
  return checkCompleteness(statement, written.content);
}

const P = "present";
const W = "weak";
const M = "missing";
const NA = "not_applicable";

// prettier-ignore
const EXPECTED: Record<ItemId, [webshop: Status, saas: Status, group: Status, why: string]> = {
  CONTROLLER_IDENTITY:   [P,  P,  W,  "webshop and SaaS: name, address, email; group: name and only 'de contactpagina op onze website'"],
  REPRESENTATIVE:        [NA, NA, NA, "Dutch companies (profile country NL)"],
  DPO_CONTACT:           [NA, P,  NA, "SaaS names its DPO with an email address; the others none"],
  PURPOSES:              [P,  P,  P,  "a purposes heading with text ('Waarvoor gebruiken we', 'How we use your data', 'Doelen')"],
  LEGAL_BASIS:           [W,  P,  W,  "webshop and group list bases without tying them to purposes; SaaS says 'legal basis:' per purpose"],
  LEGITIMATE_INTERESTS:  [W,  P,  NA, "webshop: 'een gerechtvaardigd belang' without which; SaaS: 'namely keeping …'; group: none"],
  DATA_CATEGORIES:       [P,  P,  P,  "bullets of data under a data heading"],
  RECIPIENTS:            [W,  P,  P,  "webshop: only 'derden'; SaaS: hosting provider and processors; group: the Belastingdienst"],
  TRANSFER_FACT:         [P,  P,  NA, "webshop and SaaS: servers in the United States; group: 'nooit buiten de Europese Unie'"],
  TRANSFER_SAFEGUARDS:   [M,  P,  NA, "webshop: Privacy Shield, which is invalid; SaaS: standard contractual clauses"],
  TRANSFER_COPY_MEANS:   [M,  P,  NA, "webshop: no valid safeguard, so a copy cannot be ruled out; SaaS: 'request a copy'"],
  RETENTION:             [W,  P,  W,  "webshop: 'niet langer dan nodig'; SaaS: periods per kind of data; group: only 'ten minste zeven jaar'"],
  RIGHT_ACCESS:          [P,  P,  P,  "'inzien' / 'access'"],
  RIGHT_RECTIFICATION:   [P,  P,  P,  "'laten aanpassen' / 'rectify' / 'laten corrigeren'"],
  RIGHT_ERASURE:         [P,  P,  P,  "'laten verwijderen' / 'erase' / 'wissen'"],
  RIGHT_RESTRICTION:     [M,  P,  P,  "the webshop does not mention restriction"],
  RIGHT_OBJECT:          [P,  P,  P,  "'bezwaar maken' / a section 'Right to object'"],
  RIGHT_OBJECT_SEPARATE: [W,  P,  NA, "webshop: objection among the other rights although it relies on legitimate interest; SaaS: a section of its own"],
  RIGHT_PORTABILITY:     [M,  P,  M,  "only SaaS mentions data portability"],
  WITHDRAW_CONSENT:      [P,  P,  NA, "newsletters with an unsubscribe link; the group mentions no consent"],
  COMPLAINT_SA:          [M,  P,  P,  "webshop: no complaint; group: a 'Klachten' section naming the AP"],
  STATUTORY_CONTRACTUAL: [M,  P,  M,  "only SaaS says whether providing data is required"],
  SOURCE:                [NA, NA, NA, "no category has a source: direct collection"],
  AUTOMATED_DECISION:    [NA, NA, NA, "not mentioned, or (SaaS) denied"],
  FURTHER_PROCESSING:    [NA, NA, NA, "not mentioned"],
  JOINT_CONTROLLERS:     [NA, NA, NA, "none"],
  COOKIES:               [W,  P,  NA, "webshop: tracking cookies without consent; SaaS: functional cookies only; group: none"],
};

describe.each([
  ["webshop (informal Dutch)", WEBSHOP, 0],
  ["SaaS notice (English)", SAAS, 1],
  ["group statement (formal Dutch)", GROUP, 2],
] as const)("the %s", (_name, written, column) => {
  const report = check(written);

  it.each(ITEM_IDS.map((id) => [id, EXPECTED[id][column], EXPECTED[id][3]] as const))(
    "%s is %s (%s)",
    (id, status) => {
      const finding = report.findings.find((f) => f.item === id);
      expect(finding?.status).toBe(status);
      expect(finding?.why.nl).not.toBe("");
      expect(finding?.why.en).not.toBe("");
      expect(finding?.hint.nl).not.toBe("");
      expect(finding?.article).toMatch(/art\.|Telecommunicatiewet|AP/);
    },
  );

  it("refuses publication for the missing 'always' items, and scores the rest", () => {
    const missing = ITEM_IDS.filter((id) => EXPECTED[id][column] === M);
    expect(report.missingAlways).toEqual(
      [["RIGHT_RESTRICTION", "RIGHT_PORTABILITY", "COMPLAINT_SA"], [], ["RIGHT_PORTABILITY"]][column],
    );
    // No structured details: nothing but the "always" items blocks.
    expect(report.blocking).toEqual(report.missingAlways);
    expect(missing).toEqual(expect.arrayContaining(report.missingAlways));
    const applicable = ITEM_IDS.filter((id) => EXPECTED[id][column] !== NA);
    const points = applicable.reduce(
      (sum, id) => sum + { present: 1, weak: 0.5, missing: 0, not_applicable: 0 }[EXPECTED[id][column]],
      0,
    );
    expect(report.score).toBe(Math.round((100 * points) / applicable.length));
  });

  it("points to the section where an item is, or belongs when it is missing", () => {
    const sections = (id: ItemId): string[] | undefined =>
      report.findings.find((f) => f.item === id)?.sections;
    const rights = { 0: "rechten", 1: "rights", 2: "rechten" }[column];
    expect(sections("RIGHT_PORTABILITY")).toEqual([rights]);
    expect(sections("RETENTION")).toEqual([{ 0: "bewaren", 1: "retention", 2: "bewaren" }[column]]);
    if (column === 0) {
      expect(sections("COMPLAINT_SA")).toEqual(["rechten"]);
      expect(sections("RIGHT_RESTRICTION")).toEqual(["rechten"]);
      expect(sections("TRANSFER_SAFEGUARDS")).toEqual(["delen"]);
    }
    if (column === 1) {
      expect(sections("RIGHT_OBJECT_SEPARATE")).toEqual(["objection"]);
      expect(sections("COMPLAINT_SA")).toEqual(["complaints"]);
    }
    if (column === 2) expect(sections("STATUTORY_CONTRACTUAL")).toEqual(["gegevens"]);
  });
});

describe("the why of a finding", () => {
  it("says that Privacy Shield is no safeguard", () => {
    const finding = check(WEBSHOP).findings.find((f) => f.item === "TRANSFER_SAFEGUARDS");
    expect(finding?.why.nl).toContain("Privacy Shield");
    expect(finding?.why.en).toMatch(/declared both invalid/);
  });

  it("says that a retention period stated only as a minimum is weak", () => {
    const finding = check(GROUP).findings.find((f) => f.item === "RETENTION");
    expect(finding?.why.nl).toContain("minimumtermijnen");
  });
});
