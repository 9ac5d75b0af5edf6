import { describe, expect, it } from "vitest";
import * as v from "valibot";
import {
  ALLOWED_MODES,
  BaselineSchema,
  OVERRIDE_MODES,
  POLICIES,
  TenantContentSchema,
  type Policy,
} from "./model.ts";
import type { OverrideMode } from "./model.ts";
import { validateOverrides } from "./resolve.ts";
import { createBaseline, createContent } from "./testing/fixtures.ts";
import { bodyOf, keys, resolve, withOverride } from "./testing/statements.ts";

// One baseline section per policy in the fixture.
const SECTION_FOR: Record<Policy, string> = {
  locked: "rights",
  extendable: "recipients",
  replaceable: "purposes",
  optional: "dpo",
};

it("uses fixtures that pass the model's own validation", () => {
  expect(v.safeParse(BaselineSchema, createBaseline()).success).toBe(true);
  expect(v.safeParse(TenantContentSchema, createContent()).success).toBe(true);
});

describe("policy × override mode", () => {
  const cases = POLICIES.flatMap((policy) =>
    OVERRIDE_MODES.map((mode) => [policy, mode] as [Policy, OverrideMode]),
  );

  it.each(cases)("%s section, %s override", (policy, mode) => {
    const key = SECTION_FOR[policy];
    const content = withOverride(key, {
      mode,
      body: { nl: "Eigen tekst van JCC.", en: "JCC's own text." },
      title: { nl: "Eigen titel", en: "Own title" },
    });
    const violations = validateOverrides(createBaseline(), content);
    const statement = resolve(content);
    const inheritBody = bodyOf(resolve(createContent()), key);

    if (ALLOWED_MODES[policy].includes(mode)) {
      expect(violations).toEqual([]);
      expect(statement.problems).toEqual([]);
      const section = statement.sections.find((s) => s.key === key);
      if (mode === "omit") {
        expect(section).toBeUndefined();
        return;
      }
      expect(section?.mode).toBe(mode);
      expect(section?.title).toBe(
        mode === "replace"
          ? "Eigen titel"
          : resolve(createContent()).sections.find((s) => s.key === key)?.title,
      );
      const body = bodyOf(statement, key);
      if (mode === "inherit") expect(body).toBe(inheritBody);
      else expect(body).toContain("Eigen tekst van JCC.");
      expect(body.includes(inheritBody.split("\n")[0] ?? "")).toBe(mode !== "replace");
      return;
    }
    expect(violations).toEqual([
      {
        section: key,
        policy,
        mode,
        code: "override_not_allowed",
        message: expect.stringContaining(`Section "${key}" is ${policy}: only inherit`),
      },
    ]);
    expect(violations[0]?.message).toMatch(new RegExp(`not ${mode}\\.$`));
    // The refused override is ignored: the section reads exactly as the baseline has it.
    expect(statement.problems).toEqual([
      { code: "override_not_allowed", section: key, message: violations[0]?.message },
    ]);
    expect(statement.sections.find((s) => s.key === key)?.mode).toBe("inherit");
    expect(bodyOf(statement, key)).toBe(inheritBody);
  });

  it("spells out the allowed modes in the message", () => {
    const messages = (POLICIES as readonly Policy[]).map(
      (policy) =>
        validateOverrides(
          createBaseline(),
          withOverride(SECTION_FOR[policy], { mode: policy === "optional" ? "append" : "omit" }),
        )[0]?.message,
    );
    expect(messages).toEqual([
      'Section "rights" is locked: only inherit is allowed, not omit.',
      'Section "recipients" is extendable: only inherit or append are allowed, not omit.',
      'Section "purposes" is replaceable: only inherit, append or replace are allowed, not omit.',
      'Section "dpo" is optional: only inherit or omit are allowed, not append.',
    ]);
  });
});

describe("override effects", () => {
  it("inherit keeps the baseline text followed by the structured list", () => {
    const statement = resolve(withOverride("purposes", { mode: "inherit" }));
    expect(statement.sections.find((s) => s.key === "purposes")?.mode).toBe("inherit");
    expect(bodyOf(statement, "purposes")).toBe(
      "Wij gebruiken gegevens voor:\n\n- Nieuwsbrief: versturen van nieuws — Grondslag: toestemming\n- Klantrelatie — Grondslag: gerechtvaardigd belang (belang: goede service)",
    );
  });

  it("append adds the tenant's text after the baseline's text and its list", () => {
    const statement = resolve(withOverride("purposes", { mode: "append", body: { nl: "Ook **dit**." } }));
    const section = statement.sections.find((s) => s.key === "purposes");
    expect(section?.mode).toBe("append");
    expect(section?.title).toBe("Doeleinden");
    expect(bodyOf(statement, "purposes")).toMatch(
      /^Wij gebruiken gegevens voor:\n\n- Nieuwsbrief[^]*\(belang: goede service\)\n\nOok dit\.$/,
    );
  });

  it("replace uses the tenant's text and title instead of the baseline's", () => {
    const statement = resolve(
      withOverride("purposes", { mode: "replace", title: { nl: "Waarvoor" }, body: { nl: "Alleen dit." } }),
    );
    const section = statement.sections.find((s) => s.key === "purposes");
    expect(section?.mode).toBe("replace");
    expect(section?.title).toBe("Waarvoor");
    expect(bodyOf(statement, "purposes")).toMatch(/^Alleen dit\.\n\n- Nieuwsbrief/);
    expect(bodyOf(statement, "purposes")).not.toContain("Wij gebruiken");
  });

  it("replace without a title keeps the baseline's title", () => {
    const statement = resolve(withOverride("retention", { mode: "replace", body: { nl: "Kort." } }));
    expect(statement.sections.find((s) => s.key === "retention")?.title).toBe("Bewaartermijnen");
  });

  it("omit leaves the section out", () => {
    const statement = resolve(withOverride("cookies", { mode: "omit" }));
    expect(keys(statement)).toEqual([
      "intro",
      "data",
      "purposes",
      "retention",
      "recipients",
      "dpo",
      "rights",
      "contact",
    ]);
    expect(statement.problems).toEqual([]);
  });

  it.each([
    ["append", undefined],
    ["replace", undefined],
    ["append", { nl: "  \n " }],
  ] as const)("refuses %s without text as incomplete and keeps the baseline", (mode, body) => {
    const content = withOverride("purposes", body === undefined ? { mode } : { mode, body });
    const [violation] = validateOverrides(createBaseline(), content);
    expect(violation).toMatchObject({
      code: "override_incomplete",
      section: "purposes",
      policy: "replaceable",
      mode,
    });
    expect(violation?.message).toContain('Section "purposes" (replaceable)');
    const statement = resolve(content);
    expect(statement.problems.map((p) => p.code)).toEqual(["override_incomplete"]);
    expect(bodyOf(statement, "purposes")).toBe(bodyOf(resolve(createContent()), "purposes"));
  });

  it("reports an override for a section the baseline does not have", () => {
    const content = withOverride("nonsense", { mode: "omit" });
    expect(validateOverrides(createBaseline(), content)).toEqual([
      {
        section: "nonsense",
        mode: "omit",
        code: "unknown_section",
        message: expect.stringContaining('"nonsense"'),
      },
    ]);
    const statement = resolve(content);
    expect(statement.problems.map((p) => [p.code, p.section])).toEqual([["unknown_section", "nonsense"]]);
    expect(keys(statement)).toEqual(keys(resolve(createContent())));
  });

  it("renders nothing for an empty structured list", () => {
    const content = createContent();
    content.lists.data_categories = [];
    content.lists.cookies = [];
    const statement = resolve(content);
    expect(statement.sections.find((s) => s.key === "data")?.blocks).toEqual([
      { type: "paragraph", children: [{ type: "text", value: "Wij verwerken de volgende gegevens:" }] },
    ]);
    expect(statement.sections.find((s) => s.key === "cookies")?.blocks).toHaveLength(1);
  });
});
