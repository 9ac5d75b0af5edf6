import { describe, expect, it } from "vitest";
import { resolveStatement, validateOverrides } from "./resolve.ts";
import { createBaseline, createContent, createTenant } from "./testing/fixtures.ts";
import { bodyOf, keys, resolve, withOverride } from "./testing/statements.ts";

describe("own sections", () => {
  const own = (key: string, after: string) => ({
    key,
    after,
    title: { nl: `Titel ${key}` },
    body: { nl: `Tekst ${key}` },
  });

  it("places own sections after the named baseline section, keeping their order", () => {
    const content = createContent();
    content.ownSections = [own("analytics", "cookies"), own("security", "data"), own("breaches", "data")];
    const statement = resolve(content);
    expect(keys(statement)).toEqual([
      "intro",
      "data",
      "security",
      "breaches",
      "purposes",
      "retention",
      "recipients",
      "cookies",
      "analytics",
      "dpo",
      "rights",
      "contact",
    ]);
    expect(statement.sections.find((s) => s.key === "security")).toMatchObject({
      mode: "own",
      title: "Titel security",
    });
    expect(bodyOf(statement, "security")).toBe("Tekst security");
    expect(statement.problems).toEqual([]);
  });

  it("keeps the position of an omitted section for the own sections after it", () => {
    const content = withOverride("cookies", { mode: "omit" });
    content.ownSections = [own("analytics", "cookies")];
    expect(keys(resolve(content)).slice(4, 7)).toEqual(["recipients", "analytics", "dpo"]);
  });

  it("puts an own section after an unknown key at the end and reports it", () => {
    const content = createContent();
    content.ownSections = [own("extra", "nowhere"), own("security", "intro")];
    const statement = resolve(content);
    expect(keys(statement).at(-1)).toBe("extra");
    expect(keys(statement)[1]).toBe("security");
    expect(statement.problems).toEqual([
      { code: "unknown_section", section: "extra", message: expect.stringContaining('"nowhere"') },
    ]);
  });

  it("refuses an own section whose key is taken by the baseline or an earlier own section", () => {
    const content = createContent();
    content.ownSections = [
      own("rights", "intro"),
      own("extra", "intro"),
      { ...own("extra", "data"), title: { nl: "Tweede" } },
    ];
    const violations = validateOverrides(createBaseline(), content);
    expect(violations.map((v) => [v.code, v.section])).toEqual([
      ["duplicate_section", "rights"],
      ["duplicate_section", "extra"],
    ]);
    const statement = resolve(content);
    expect(keys(statement).filter((k) => k === "rights" || k === "extra")).toEqual(["extra", "rights"]);
    expect(statement.sections.find((s) => s.key === "rights")?.mode).toBe("inherit");
    expect(statement.sections.filter((s) => s.title === "Tweede")).toEqual([]);
  });
});

describe("language", () => {
  it("reads the English text and reports nothing when everything is translated", () => {
    const statement = resolve(createContent(), "en");
    expect(statement.language).toBe("en");
    expect(statement.title).toBe("Privacy statement JCC Software");
    expect(statement.sections[0]?.title).toBe("About this statement");
    expect(statement.problems).toEqual([]);
  });

  it("falls back to Dutch and reports each untranslated field with its section", () => {
    const content = createContent();
    content.ownSections = [
      { key: "extra", after: "intro", title: { nl: "Extra" }, body: { nl: "Alleen Nederlands." } },
    ];
    content.overrides["purposes"] = { mode: "append", body: { nl: "Aanvulling.", en: "" } };
    content.lists.recipients[0] = { ...content.lists.recipients[0]!, service: { nl: "opslag" } };
    const statement = resolve(content, "en");
    expect(statement.sections.find((s) => s.key === "extra")?.title).toBe("Extra");
    expect(bodyOf(statement, "extra")).toBe("Alleen Nederlands.");
    expect(bodyOf(statement, "purposes")).toContain("Aanvulling.");
    expect(bodyOf(statement, "recipients")).toContain("Hostnet (processor): opslag — the Netherlands");
    expect(statement.problems.map((p) => [p.code, p.section, p.field])).toEqual([
      ["missing_translation", "extra", "title"],
      ["missing_translation", "extra", "body"],
      ["missing_translation", "purposes", "override.body"],
      ["missing_translation", "recipients", "recipients[0].service"],
    ]);
  });

  it("reports a missing translation of the statement title without a section", () => {
    const baseline = createBaseline();
    baseline.title = { nl: "Privacyverklaring {{company.name}}" };
    const statement = resolveStatement(baseline, createTenant(), "en");
    expect(statement.title).toBe("Privacyverklaring JCC Software");
    expect(statement.problems).toEqual([
      { code: "missing_translation", field: "title", message: expect.any(String) },
    ]);
  });

  it("never reports missing translations for Dutch", () => {
    const baseline = createBaseline();
    baseline.sections = baseline.sections.map((s) => ({
      ...s,
      title: { nl: s.title.nl },
      body: { nl: s.body.nl },
    }));
    expect(resolveStatement(baseline, createTenant(), "nl").problems).toEqual([]);
  });
});

it("names the group and the tenant by its trade name", () => {
  const statement = resolve(createContent());
  expect(statement.group).toEqual({ slug: "conxillium", name: "Conxillium" });
  expect(statement.tenant).toEqual({ slug: "jcc-software", name: "JCC Software" });
  expect(statement.title).toBe("Privacyverklaring JCC Software");
});
