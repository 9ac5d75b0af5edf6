// The checker on the two published seed statements, item by item.
//
// Each seed is imported, merged into a blank draft (for its profile and lists), and resolved as a
// statement of its own: the imported sections become a baseline (createImportedBaseline), so the
// check judges what the company actually published. Resolving against the demo baseline instead
// would mix in the demo's locked texts (the demo's rights section names the complaint to the AP)
// and hide exactly the gaps this table documents.
import { describe, expect, it } from "vitest";
import { DEMO_BASELINE, DEMO_GROUP } from "../demo/index.ts";
import { resolveStatement } from "../engine.ts";
import { contentAsWritten, createImportedBaseline } from "../import/check.ts";
import { proposeImport } from "../import/propose.ts";
import { createBlankContent } from "../import/testing.ts";
import { checkCompleteness, type Status } from "./check.ts";
import { ITEM_IDS, type ItemId } from "./checklist.ts";

// The seeds are read from ../shared/seeds/ beside the repository (moved here from
// shared/import/testing.ts, which no longer reads anything outside the repository).
const GROUP_SEED = "002_9f4caddd9b602121.txt";
const JCC_SEED = "000_e411011ccba8019a.txt";
function readSeed(name: string): string {
  const fs = process.getBuiltinModule("node:fs") as { readFileSync(path: URL, encoding: "utf8"): string };
  return fs.readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), "utf8");
}

function checkSeed(file: string): ReturnType<typeof checkCompleteness> {
  const proposal = proposeImport({ text: readSeed(file), format: "text" }, DEMO_BASELINE, {
    group: DEMO_GROUP,
    company: { slug: "seed", name: "Seed" },
    draft: createBlankContent(),
  });
  // The text as written: its own sections, the lists found in it, the details it gives.
  const content = contentAsWritten(proposal);
  const statement = resolveStatement(
    createImportedBaseline(proposal),
    { group: DEMO_GROUP, slug: "seed", content },
    "nl",
  );
  expect(statement.problems).toEqual([]);
  return checkCompleteness(statement, content);
}

const P = "present";
const W = "weak";
const M = "missing";
const NA = "not_applicable";

// prettier-ignore
const EXPECTED: Record<ItemId, [group: Status, jcc: Status, why: string]> = {
  CONTROLLER_IDENTITY:   [W,  M,  "group: name + only 'contactpagina's op onze websites'; JCC: name, no contact details at all"],
  REPRESENTATIVE:        [NA, NA, "Dutch companies (profile country NL)"],
  DPO_CONTACT:           [NA, NA, "no DPO in the profile, none mentioned"],
  PURPOSES:              [P,  P,  "'Doeleinden' section with examples (no structured purposes)"],
  LEGAL_BASIS:           [W,  W,  "toestemming / overeenkomst / gerechtvaardigd belang listed, not tied to purposes"],
  LEGITIMATE_INTERESTS:  [W,  W,  "relies on 'een gerechtvaardigd belang' without saying which"],
  DATA_CATEGORIES:       [P,  P,  "bullets became 2 resp. 9 data categories"],
  RECIPIENTS:            [W,  W,  "only 'medewerkers' / 'derden'; JCC names Google only in the Analytics part"],
  TRANSFER_FACT:         [NA, W,  "both: 'nooit … naar het buitenland'; JCC also: Google servers in de Verenigde Staten"],
  TRANSFER_SAFEGUARDS:   [NA, M,  "JCC names no adequacy decision or clauses for the US"],
  TRANSFER_COPY_MEANS:   [NA, M,  "JCC: safeguard unknown, so the copy cannot be ruled out"],
  RETENTION:             [W,  P,  "group: 'nooit langer dan noodzakelijk'; JCC: two 7-year rules"],
  RIGHT_ACCESS:          [P,  P,  "'recht op inzage'"],
  RIGHT_RECTIFICATION:   [P,  P,  "'recht op correctie'"],
  RIGHT_ERASURE:         [P,  P,  "'vragen om al uw gegevens te verwijderen'"],
  RIGHT_RESTRICTION:     [M,  M,  "restriction of processing is not mentioned"],
  RIGHT_OBJECT:          [P,  P,  "'bezwaar maken'"],
  RIGHT_OBJECT_SEPARATE: [W,  W,  "objection sits in one sentence with other rights; legitimate interest and marketing apply"],
  RIGHT_PORTABILITY:     [P,  P,  "'gegevens over te dragen'"],
  WITHDRAW_CONSENT:      [P,  P,  "'uw verleende toestemming intrekken'"],
  COMPLAINT_SA:          [M,  M,  "the AP is named only as a source of conditions, not for complaints"],
  STATUTORY_CONTRACTUAL: [M,  M,  "direct collection, nothing on whether providing data is required"],
  SOURCE:                [NA, NA, "no category has a source: direct collection"],
  AUTOMATED_DECISION:    [NA, NA, "group: not mentioned; JCC: 'geen gebruik … van behavioural targeting'"],
  FURTHER_PROCESSING:    [NA, NA, "not mentioned"],
  JOINT_CONTROLLERS:     [NA, NA, "none"],
  COOKIES:               [W,  P,  "group: cookies without types; JCC: functional and analytic cookies, GA set up privacy-friendly"],
};

describe.each([
  ["group statement (seed 002)", GROUP_SEED, 0],
  ["JCC Software (seed 000)", JCC_SEED, 1],
] as const)("the %s", (_name, file, column) => {
  const report = checkSeed(file);

  it.each(ITEM_IDS.map((id) => [id, EXPECTED[id][column], EXPECTED[id][2]] as const))(
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
      column === 0
        ? ["RIGHT_RESTRICTION", "COMPLAINT_SA"]
        : ["CONTROLLER_IDENTITY", "RIGHT_RESTRICTION", "COMPLAINT_SA"],
    );
    expect(missing).toEqual(expect.arrayContaining(report.missingAlways));
    const applicable = ITEM_IDS.filter((id) => EXPECTED[id][column] !== NA);
    const points = applicable.reduce(
      (sum, id) => sum + { present: 1, weak: 0.5, missing: 0, not_applicable: 0 }[EXPECTED[id][column]],
      0,
    );
    expect(report.score).toBe(Math.round((100 * points) / applicable.length));
  });

  it("points to the section where a missing item belongs", () => {
    expect(report.findings.find((f) => f.item === "COMPLAINT_SA")?.sections).toEqual(["rights"]);
    expect(report.findings.find((f) => f.item === "RIGHT_RESTRICTION")?.sections).toEqual(["rights"]);
    expect(report.findings.find((f) => f.item === "RETENTION")?.sections).toEqual(["retention"]);
  });
});
