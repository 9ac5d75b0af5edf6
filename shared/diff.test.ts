import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { diffStatements, diffWords, type DiffPart, type StatementSections } from "./diff.ts";

const normalize = (text: string): string => text.split(/\s+/).filter(Boolean).join(" ");
const countWords = (text: string): number => text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
const rebuild = (parts: DiffPart[], skip: DiffPart["op"]): string =>
  normalize(
    parts
      .filter((p) => p.op !== skip)
      .map((p) => p.text)
      .join(" "),
  );

describe("diffWords", () => {
  it("marks an inserted Dutch phrase and keeps punctuation on its word", () => {
    const diff = diffWords(
      "Wij verwerken uw naam, e-mailadres en telefoonnummer.",
      "Wij verwerken uw naam, e-mailadres, klantnummer en telefoonnummer.",
    );
    expect(diff.parts).toEqual([
      { op: "same", text: "Wij verwerken uw naam," },
      { op: "removed", text: "e-mailadres" },
      { op: "added", text: "e-mailadres, klantnummer" },
      { op: "same", text: "en telefoonnummer." },
    ]);
    expect(diff).toMatchObject({ added: 2, removed: 1 });
  });

  it("puts all removed words of a replaced run before the added ones", () => {
    const diff = diffWords("Wij bewaren dit zeven jaar.", "Wij bewaren dit twee maanden.");
    expect(diff.parts).toEqual([
      { op: "same", text: "Wij bewaren dit" },
      { op: "removed", text: "zeven jaar." },
      { op: "added", text: "twee maanden." },
    ]);
  });

  it("keeps list lines apart and does not count line breaks as words", () => {
    const diff = diffWords("- Naam\n- E-mailadres", "- Naam\n- Klantnummer\n- E-mailadres");
    expect(diff).toEqual({
      parts: [
        { op: "same", text: "- Naam\n" },
        { op: "added", text: "- Klantnummer\n" },
        { op: "same", text: "- E-mailadres" },
      ],
      added: 1,
      removed: 0,
    });
  });

  it("handles empty and whitespace-only inputs", () => {
    expect(diffWords("", "")).toEqual({ parts: [], added: 0, removed: 0 });
    expect(diffWords("  \n ", "\t")).toEqual({ parts: [], added: 0, removed: 0 });
    expect(diffWords("", "Nieuw.")).toEqual({
      parts: [{ op: "added", text: "Nieuw." }],
      added: 1,
      removed: 0,
    });
    expect(diffWords("Oud tekst.", "")).toEqual({
      parts: [{ op: "removed", text: "Oud tekst." }],
      added: 0,
      removed: 2,
    });
  });

  it("ignores differences in spacing alone", () => {
    expect(diffWords("uw  rechten ", " uw rechten")).toEqual({
      parts: [{ op: "same", text: "uw rechten" }],
      added: 0,
      removed: 0,
    });
  });

  it("shows a huge rewrite as one replaced block instead of searching for long", () => {
    const before = Array.from({ length: 15_000 }, (_, i) => `oud${i}`).join(" ");
    const after = Array.from({ length: 15_000 }, (_, i) => `nieuw${i}`).join(" ");
    const diff = diffWords(`Begin ${before} einde.`, `Begin ${after} einde.`);
    expect(diff.parts.map((p) => p.op)).toEqual(["same", "removed", "added", "same"]);
    expect(diff).toMatchObject({ added: 15_000, removed: 15_000 });
  });

  it("is deterministic", () => {
    const a = "de de de het het een";
    const b = "het de een de het de";
    expect(diffWords(a, b)).toEqual(diffWords(a, b));
  });

  it("rebuilds both texts from its parts, whatever the input", () => {
    const word = fc.constantFrom("de", "het", "een", "gegevens,", "AVG.", "(bijv.", "e-mail)", "€", "ü", "-");
    const space = fc.constantFrom(" ", "  ", "\n", "\n\n", "\t", " \n ");
    const text = fc
      .array(fc.tuple(word, space), { maxLength: 40 })
      .map((pairs) => pairs.map(([w, s]) => w + s).join(""));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const { parts, added, removed } = diffWords(before, after);
        expect(rebuild(parts, "removed")).toBe(normalize(after));
        expect(rebuild(parts, "added")).toBe(normalize(before));
        const words = (op: DiffPart["op"]): number =>
          parts.filter((p) => p.op === op).reduce((n, p) => n + countWords(p.text), 0);
        expect(added).toBe(words("added"));
        expect(removed).toBe(words("removed"));
        // Parts are merged: never two of the same kind in a row, never an empty one.
        expect(parts.every((p, i) => p.op !== parts[i - 1]?.op && p.text !== "")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("diffStatements", () => {
  const before: StatementSections = [
    { key: "introduction", title: "Inleiding", text: "JCC Software verwerkt persoonsgegevens." },
    { key: "data_categories", title: "Welke gegevens", text: "- Naam\n- E-mailadres" },
    { key: "cookies", title: "Cookies", text: "Wij gebruiken geen cookies." },
    { key: "retention", title: "Bewaartermijnen", text: "Zeven jaar." },
  ];

  it("reports each section's status with a word diff, and totals", () => {
    const after: StatementSections = [
      { key: "introduction", title: "Inleiding", text: "JCC Software verwerkt persoonsgegevens." },
      {
        key: "data_categories",
        title: "Welke gegevens wij verwerken",
        text: "- Naam\n- Klantnummer\n- E-mailadres",
      },
      { key: "retention", title: "Bewaartermijnen", text: "Zeven jaar." },
      {
        key: "complaints",
        title: "Klachten",
        text: "U kunt een klacht indienen bij de Autoriteit Persoonsgegevens.",
      },
    ];
    const diff = diffStatements(before, after);
    expect(diff.sections.map((s) => [s.key, s.status, s.moved])).toEqual([
      ["introduction", "unchanged", false],
      ["data_categories", "changed", false],
      ["cookies", "removed", false],
      ["retention", "unchanged", false],
      ["complaints", "added", false],
    ]);
    const categories = diff.sections[1];
    expect(categories).toMatchObject({
      title: "Welke gegevens wij verwerken",
      previousTitle: "Welke gegevens",
    });
    expect(categories?.diff.parts).toContainEqual({ op: "added", text: "- Klantnummer\n" });
    expect(diff.sections[4]).toEqual({
      key: "complaints",
      status: "added",
      moved: false,
      title: "Klachten",
      previousTitle: null,
      diff: {
        parts: [{ op: "added", text: "U kunt een klacht indienen bij de Autoriteit Persoonsgegevens." }],
        added: 9,
        removed: 0,
      },
    });
    expect(diff.sections[2]?.diff).toEqual({
      parts: [{ op: "removed", text: "Wij gebruiken geen cookies." }],
      added: 0,
      removed: 4,
    });
    expect(diff.totals).toEqual({
      added: 1,
      removed: 1,
      changed: 1,
      unchanged: 2,
      moved: 0,
      wordsAdded: 1 + 9,
      wordsRemoved: 4,
    });
  });

  it("flags a section whose place changed as moved, and only that one", () => {
    const after = [before[0]!, before[2]!, before[3]!, before[1]!];
    const diff = diffStatements(before, after);
    expect(diff.sections.filter((s) => s.moved).map((s) => s.key)).toEqual(["data_categories"]);
    expect(diff.sections.every((s) => s.status === "unchanged")).toBe(true);
    expect(diff.totals).toMatchObject({ moved: 1, unchanged: 4, wordsAdded: 0, wordsRemoved: 0 });
  });

  it("compares empty statements", () => {
    expect(diffStatements([], [])).toEqual({
      sections: [],
      totals: { added: 0, removed: 0, changed: 0, unchanged: 0, moved: 0, wordsAdded: 0, wordsRemoved: 0 },
    });
    expect(diffStatements([], before).totals.added).toBe(4);
    expect(diffStatements(before, []).sections.map((s) => s.key)).toEqual(before.map((s) => s.key));
  });
});
