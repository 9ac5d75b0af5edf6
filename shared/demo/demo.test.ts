import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { resolveStatement, validateOverrides } from "../engine.ts";
import { BaselineSchema, GroupSchema, LANGUAGES, TenantContentSchema } from "../model.ts";
import { DEMO_BASELINE, DEMO_GROUP, DEMO_TENANTS } from "./index.ts";

describe("demo data", () => {
  it("parses with the model's schemas", () => {
    expect(v.parse(GroupSchema, DEMO_GROUP)).toEqual(DEMO_GROUP);
    expect(v.parse(BaselineSchema, DEMO_BASELINE)).toEqual(DEMO_BASELINE);
    for (const tenant of DEMO_TENANTS) {
      expect(v.parse(TenantContentSchema, tenant.content), tenant.slug).toEqual(tenant.content);
    }
  });

  it("has one tenant per group member, in member order", () => {
    expect(DEMO_TENANTS.map((t) => t.slug)).toEqual(DEMO_GROUP.members.map((m) => m.slug));
    expect(DEMO_TENANTS.map((t) => t.name)).toEqual(DEMO_GROUP.members.map((m) => m.name));
  });

  it("gives JCC Software its nine data categories, each with a retention period", () => {
    const jcc = DEMO_TENANTS.find((t) => t.slug === "jcc-software");
    expect(jcc).toBeDefined();
    const { lists } = jcc!.content;
    expect(lists.data_categories.map((c) => c.name.nl)).toEqual([
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
    // The contract archive keeps the fiscal 7 years of the seed; data for direct marketing goes
    // when you unsubscribe, not 7 years after the contract (Art. 5(1)(e): no longer than the purpose needs).
    const contract = lists.retention.find(
      (r) => r.subject.nl === "Het kunnen uitvoeren van een overeenkomst",
    );
    expect(contract?.period).toEqual({ amount: 7, unit: "years" });
    const marketing = lists.retention.find((r) => r.subject.nl.includes("direct marketing"));
    expect(marketing?.period).toEqual({ amount: 30, unit: "days" });
    expect(marketing?.criterion?.nl).toBe("na afmelding");
    const covered = new Set(lists.retention.flatMap((r) => r.categories ?? []));
    expect(lists.data_categories.filter((c) => !covered.has(c.name.nl))).toEqual([]);
    expect(lists.cookies.find((c) => c.name === "_ga")?.lifetime).toEqual({ amount: 50, unit: "months" });
  });

  it("uses only fictional .example contact details", () => {
    expect(DEMO_BASELINE.jointControllership?.contactPoint.email).toMatch(/\.example$/);
    for (const { slug, content } of DEMO_TENANTS) {
      const { email, website, dpo } = content.profile;
      expect(email, slug).toMatch(/\.example$/);
      expect(new URL(website).hostname, slug).toMatch(/\.example$/);
      if (dpo) expect(dpo.email, slug).toMatch(/\.example$/);
    }
  });

  it("gives every localized field an English translation", () => {
    const missing: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
      else if (value !== null && typeof value === "object") {
        if ("nl" in value && !("en" in value && typeof value.en === "string" && value.en.trim() !== "")) {
          missing.push(path);
        }
        for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
      }
    };
    walk(DEMO_BASELINE, "baseline");
    for (const tenant of DEMO_TENANTS) walk(tenant.content, tenant.slug);
    expect(missing).toEqual([]);
  });

  describe.each(DEMO_TENANTS)("$slug", ({ slug, content }) => {
    it("keeps to the baseline's policies", () => {
      expect(validateOverrides(DEMO_BASELINE, content)).toEqual([]);
    });

    it.each(LANGUAGES)("resolves in %s without problems", (language) => {
      const statement = resolveStatement(DEMO_BASELINE, { group: DEMO_GROUP, slug, content }, language);
      expect(statement.problems).toEqual([]);
      expect(statement.tenant).toEqual({ slug, name: content.profile.tradeName });
      const keys = statement.sections.map((s) => s.key);
      expect(keys.slice(0, 2)).toEqual(["introduction", "controller"]);
      for (const own of content.ownSections) expect(keys).toContain(own.key);
    });
  });
});
