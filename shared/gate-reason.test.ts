// The gate's reason is written once (the API's message, a run's record of a company it left alone)
// and read back by the console to say it in the reader's language.
import { describe, expect, it } from "vitest";
import { describeGateStop, readGateStop, writeGateStop } from "./gate-reason.ts";

describe("the publish gate's reason", () => {
  it("reads back what it wrote, inside the API's whole message", () => {
    const stop = {
      missing: ["COMPLAINT_SA", "RIGHT_OBJECT_SEPARATE"],
      errors: [
        { rule: "implied_consent", section: "rights" },
        { rule: "english_identical_to_dutch", section: null },
      ],
    };
    const message = `The statement ${writeGateStop(stop)}. As privacy lead you may publish it anyway with a written reason (completenessOverride).`;
    expect(message).toContain(
      "misses what the AVG requires (COMPLAINT_SA, RIGHT_OBJECT_SEPARATE) and has legal errors (implied_consent in rights, english_identical_to_dutch in statement)",
    );
    expect(readGateStop(message)).toEqual(stop);
  });

  it("names a rule in a section once, and reads either part alone", () => {
    const twice = {
      missing: [],
      errors: [1, 2].map(() => ({ rule: "implied_consent", section: "cookies" })),
    };
    expect(writeGateStop(twice)).toBe("has legal errors (implied_consent in cookies)");
    expect(readGateStop(`The statement ${writeGateStop(twice)}; correct it before publishing.`)).toEqual({
      missing: [],
      errors: [{ rule: "implied_consent", section: "cookies" }],
    });
    expect(readGateStop("The statement misses what the AVG requires (COMPLAINT_SA); correct it.")).toEqual({
      missing: ["COMPLAINT_SA"],
      errors: [],
    });
  });

  it("reads nothing into another reason (a conflict, nothing new, an unknown message)", () => {
    for (const reason of [
      "conflicts in rights",
      "This is exactly the statement … nothing new to publish.",
      "",
    ]) {
      expect(readGateStop(reason)).toBeNull();
    }
  });

  it("says it in the reader's language, with the checklist's, the lint's and the sections' own titles", () => {
    const message = `The statement ${writeGateStop({
      missing: ["COMPLAINT_SA"],
      errors: [
        { rule: "implied_consent", section: "rights" },
        { rule: "implied_consent", section: null },
      ],
    })}. As privacy lead you may publish it anyway with a written reason (completenessOverride).`;
    const sectionTitle = (key: string) => (key === "rights" ? "Uw rechten" : key);
    expect(describeGateStop(message, "nl", sectionTitle)).toBe(
      "ontbreekt wat de AVG vraagt: „Klacht bij de Autoriteit Persoonsgegevens”; " +
        "juridische fout: „Toestemming door gebruik van de website” in „Uw rechten”, „Toestemming door gebruik van de website”",
    );
    expect(describeGateStop(message, "en", sectionTitle)).toContain(
      "legal error: „Consent by using the website” in „Uw rechten”",
    );
    expect(describeGateStop("conflicts in rights", "nl", sectionTitle)).toBeNull();
  });
});
