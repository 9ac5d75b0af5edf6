import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  applyConditions,
  ConditionNameSchema,
  CONDITIONS,
  deriveConditionFacts,
  findConditionIssues,
  type ConditionFacts,
  type ConditionName,
} from "./conditions.ts";
import { CONDITION_DEFINITIONS } from "./conditions-labels.ts";
import { diffStatements } from "./diff.ts";
import { renderHtmlFragment, renderHtmlPage, renderJson, renderMarkdown, renderText } from "./engine.ts";
import { BaselineSchema, type TenantContent } from "./model.ts";
import { resolveStatement } from "./resolve.ts";
import type { ResolvedStatement } from "./statement.ts";
import { createBaseline, createContent, createMeta, createTenant } from "./testing/fixtures.ts";

const none = Object.fromEntries(CONDITIONS.map((c) => [c, false])) as Record<ConditionName, boolean>;
const only = (...names: ConditionName[]): ConditionFacts => ({
  ...none,
  ...Object.fromEntries(names.map((n) => [n, true])),
});
const settle = (source: string, facts: ConditionFacts = none): string => {
  const result = applyConditions(source, facts);
  expect(result.issues).toEqual([]);
  return result.text;
};

describe("the condition syntax", () => {
  it("keeps or drops text inside a sentence, with an alternative", () => {
    const source = "Wij {{#if dpo}}hebben een FG{{else}}hebben geen FG{{/if}}.";
    expect(settle(source, only("dpo"))).toBe("Wij hebben een FG.");
    expect(settle(source)).toBe("Wij hebben geen FG.");
  });

  it("negates with not, and joins names with one of and / or", () => {
    expect(settle("{{#if not dpo}}geen{{/if}}", only("dpo"))).toBe("");
    expect(settle("{{#if not dpo}}geen{{/if}}")).toBe("geen");
    expect(settle("{{#if consent or legitimate_interest}}x{{/if}}", only("consent"))).toBe("x");
    expect(settle("{{#if consent and legitimate_interest}}x{{/if}}", only("consent"))).toBe("");
    expect(settle("{{#if consent and not dpo}}x{{/if}}", only("consent"))).toBe("x");
    expect(settle("{{ #if   consent }}x{{ /if }}", only("consent"))).toBe("x");
  });

  it("nests", () => {
    const source = "{{#if transfers_outside_eea}}A{{#if transfers_scc}}B{{/if}}{{else}}C{{/if}}";
    expect(settle(source, only("transfers_outside_eea", "transfers_scc"))).toBe("AB");
    expect(settle(source, only("transfers_outside_eea"))).toBe("A");
    expect(settle(source, only("transfers_scc"))).toBe("C");
  });

  it("drops a bullet without splitting its list, and a paragraph without leaving a gap", () => {
    const list = "- A\n{{#if dpo}}- B{{/if}}\n- C";
    expect(settle(list)).toBe("- A\n- C");
    expect(settle(list, only("dpo"))).toBe("- A\n- B\n- C");
    const blocks = "Eerste.\n\n{{#if dpo}}\nTweede.\n{{/if}}\n\nDerde.";
    expect(settle(blocks, only("dpo"))).toBe("Eerste.\n\nTweede.\n\nDerde.");
    expect(settle(blocks).split(/\n{2,}/)).toEqual(["Eerste.", "Derde."]);
  });

  it("leaves text without markers as it is", () => {
    expect(applyConditions("Geen {{company.name}} voorwaarden.", none)).toEqual({
      text: "Geen {{company.name}} voorwaarden.",
      issues: [],
    });
  });

  it("keeps an escaped marker as text", () => {
    expect(settle("Schrijf \\{{#if dpo}} en \\{{/if}}.", only("dpo"))).toBe(
      "Schrijf \\{{#if dpo}} en \\{{/if}}.",
    );
  });

  it("reports an unknown name and treats it as false", () => {
    const result = applyConditions("a{{#if dpo_appointed}}b{{/if}}c", only("dpo"));
    expect(result.text).toBe("ac");
    expect(result.issues).toEqual([
      { code: "unknown_condition", name: "dpo_appointed", message: expect.stringContaining("dpo_appointed") },
    ]);
  });

  it.each([
    ["{{#if dpo}}open", /without \{\{\/if\}\}/],
    ["close{{/if}}", /without \{\{#if\}\}/],
    ["{{else}}", /without \{\{#if\}\}/],
    ["{{#if dpo}}a{{else}}b{{else}}c{{/if}}", /second \{\{else\}\}/],
    ["{{#if}}x{{/if}}", /needs a condition/],
    ["{{#if dpo or consent and cookies}}x{{/if}}", /mixes "and" and "or"/],
    ["{{#if dpo cookies}}x{{/if}}", /expected "and" or "or"/],
    ["{{#if dpo and}}x{{/if}}", /ends without a condition/],
    ["{{#unless dpo}}x{{/unless}}", /not a condition marker/],
  ])("reports the syntax problem in %s", (source, message) => {
    const issues = findConditionIssues(source);
    expect(issues.some((i) => i.code === "condition_syntax" && message.test(i.message))).toBe(true);
  });

  it("finds no issues in the demo baseline's markers", async () => {
    const { DEMO_BASELINE } = await import("./demo/index.ts");
    for (const section of DEMO_BASELINE.sections) {
      for (const text of [section.body.nl, section.body.en ?? ""])
        expect(findConditionIssues(text), section.key).toEqual([]);
    }
  });

  it("validates names with a valibot schema and describes each condition in both languages", () => {
    for (const name of CONDITIONS) {
      expect(v.parse(ConditionNameSchema, name)).toBe(name);
      expect(CONDITION_DEFINITIONS[name].label.nl).not.toBe("");
      expect(CONDITION_DEFINITIONS[name].label.en).not.toBe("");
      expect(CONDITION_DEFINITIONS[name].source.en).not.toBe("");
    }
    expect(v.safeParse(ConditionNameSchema, "__proto__").success).toBe(false);
  });
});

describe("the facts", () => {
  it("come from the company's details and the baseline's joint controllership", () => {
    const content = createContent();
    const facts = deriveConditionFacts({}, content);
    expect(facts).toMatchObject({
      dpo: true,
      consent: true,
      legitimate_interest: true,
      contract: false,
      special_categories: true,
      indirect_collection: true,
      transfers_outside_eea: true,
      transfers_scc: true,
      analytics: true,
      analytics_without_consent: true,
      analytics_with_consent: false,
      tracking_cookies: false,
      establishments_abroad: false,
      direct_marketing: false,
      joint_controllers: false,
    });
    content.profile.establishments = [{ city: "Utrecht", country: "NL" }];
    expect(deriveConditionFacts({}, content).establishments_abroad).toBe(false);
    content.profile.establishments.push({ city: "Gent", country: "BE" });
    content.lists.cookies[1]!.consent = true;
    content.lists.purposes[0]!.directMarketing = true;
    const changed = deriveConditionFacts(
      { jointControllership: { contactPoint: { name: "Privacyteam", email: "p@voorbeeld.nl" } } },
      content,
    );
    expect(changed).toMatchObject({
      establishments_abroad: true,
      analytics_with_consent: true,
      analytics_without_consent: false,
      direct_marketing: true,
      joint_controllers: true,
    });
  });
});

/** The fixture statement with one conditional paragraph in the intro section. */
function resolveWith(content: TenantContent, language: "nl" | "en" = "nl"): ResolvedStatement {
  const baseline = createBaseline();
  baseline.sections[0]!.body = {
    nl: "Vast.\n\n{{#if establishments_abroad}}Wij hebben vestigingen in {{company.establishmentsAbroad}}.{{else}}Wij zijn alleen in Nederland gevestigd.{{/if}}",
    en: "Fixed.\n\n{{#if establishments_abroad}}We have establishments in {{company.establishmentsAbroad}}.{{else}}We are established in the Netherlands only.{{/if}}",
  };
  return resolveStatement(v.parse(BaselineSchema, baseline), createTenant(content), language);
}

describe("conditional text in the engine", () => {
  const abroad = (): TenantContent => {
    const content = createContent();
    content.profile.establishments = [{ city: "Gent", country: "BE" }];
    return content;
  };
  const RENDERERS = { renderHtmlPage, renderHtmlFragment, renderMarkdown, renderText, renderJson };

  it.each(["nl", "en"] as const)("shows only the branch that holds, in every format (%s)", (language) => {
    const yes = resolveWith(abroad(), language);
    const no = resolveWith(createContent(), language);
    expect(yes.problems).toEqual([]);
    expect(no.problems).toEqual([]);
    const there = language === "nl" ? "vestigingen in Gent (België)" : "establishments in Gent (Belgium)";
    const home = language === "nl" ? "alleen in Nederland gevestigd" : "established in the Netherlands only";
    for (const [name, render] of Object.entries(RENDERERS)) {
      const a = render(yes, createMeta()).replace(/<style>[^<]*<\/style>/, "");
      const b = render(no, createMeta()).replace(/<style>[^<]*<\/style>/, "");
      expect(a, name).toContain(there);
      expect(a, name).not.toContain(home);
      expect(b, name).toContain(home);
      expect(b, name).not.toContain(there);
      for (const output of [a, b]) {
        expect(output, name).not.toContain("{{");
        expect(output, name).not.toContain("#if");
      }
    }
  });

  it("shows as a change in the diff between two versions", () => {
    const sections = (s: ResolvedStatement) =>
      (JSON.parse(renderJson(s, null)) as { sections: { key: string; title: string; text: string }[] })
        .sections;
    const diff = diffStatements(sections(resolveWith(createContent())), sections(resolveWith(abroad())));
    const intro = diff.sections.find((s) => s.key === "intro");
    expect(intro?.status).toBe("changed");
    expect(
      intro?.diff.parts
        .filter((p) => p.op === "added")
        .map((p) => p.text)
        .join(" "),
    ).toContain("Gent");
    expect(
      intro?.diff.parts
        .filter((p) => p.op === "removed")
        .map((p) => p.text)
        .join(" "),
    ).toMatch(/alleen.*Nederland/);
    expect(diff.totals.changed).toBe(1);
  });

  it("reports an unknown condition as a problem of its section, which blocks publishing", () => {
    const baseline = createBaseline();
    baseline.sections[0]!.body = { nl: "A {{#if has_dpo}}B{{/if}}.", en: "A {{#if has_dpo}}B{{/if}}." };
    const statement = resolveStatement(baseline, createTenant(), "nl");
    expect(statement.problems).toEqual([
      {
        code: "unknown_condition",
        section: "intro",
        field: "has_dpo",
        message: expect.stringMatching(/Unknown condition "has_dpo".* in section "intro"\.$/),
      },
    ]);
    expect(renderText(statement, null)).toContain("A .");
  });

  it("reports a syntax problem, and applies conditions in a company's own text too", () => {
    const content = createContent();
    content.ownSections = [
      {
        key: "eigen",
        after: "intro",
        title: { nl: "Eigen", en: "Own" },
        body: { nl: "{{#if dpo}}Met FG.{{/if}} {{#if dpo}}open", en: "{{#if dpo}}With DPO.{{/if}}" },
      },
    ];
    const statement = resolveStatement(createBaseline(), createTenant(content), "nl");
    expect(statement.problems.map((p) => [p.code, p.section])).toEqual([["condition_syntax", "eigen"]]);
    const english = resolveStatement(createBaseline(), createTenant(content), "en");
    expect(english.problems).toEqual([]);
    expect(renderText(english, null)).toContain("With DPO.");
  });

  it("fills a group contact placeholder only when the baseline declares joint controllership", () => {
    const baseline = createBaseline();
    baseline.sections[0]!.body = { nl: "Bel {{group.contact.email}}.", en: "Call {{group.contact.email}}." };
    const missing = resolveStatement(baseline, createTenant(), "nl");
    expect(missing.problems.map((p) => [p.code, p.field])).toEqual([
      ["missing_value", "group.contact.email"],
    ]);
    baseline.jointControllership = { contactPoint: { name: "Privacyteam", email: "privacy@groep.nl" } };
    expect(renderText(resolveStatement(baseline, createTenant(), "nl"), null)).toContain(
      "Bel privacy@groep.nl.",
    );
  });
});
