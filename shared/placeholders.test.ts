import { describe, expect, it } from "vitest";
import type { Language, Purpose, TenantContent } from "./model.ts";
import { joinNames, PLACEHOLDERS, writeCount } from "./placeholders.ts";
import { resolveStatement } from "./resolve.ts";
import { renderBlocksText } from "./render/text.ts";
import { renderHtmlFragment, renderHtmlPage, renderJson, renderMarkdown, renderText } from "./engine.ts";
import type { ResolvedStatement } from "./statement.ts";
import { createBaseline, createContent, createMeta, createTenant } from "./testing/fixtures.ts";

const EXPECTED: Record<Language, Record<string, string>> = {
  nl: {
    "company.name": "JCC Software",
    "company.legalName": "JCC Software B.V.",
    "company.kvk": "30123456",
    "company.address": "Mercatorweg 2, 3821 DM Amersfoort",
    "company.email": "privacy@jccsoftware.nl",
    "company.phone": "+31 33 123 45 67",
    "company.website": "https://www.jccsoftware.nl",
    "company.dpo.name": "Mr. A. de Vries",
    "company.dpo.email": "fg@jccsoftware.nl",
    "company.establishmentsAbroad": "Antwerpen (België)",
    "company.purposes.consent": "‘Nieuwsbrief’",
    "company.purposes.contract": "‘Levering’ en ‘Support’",
    "company.purposes.legal_obligation": "‘Administratie’",
    "company.purposes.vital_interests": "‘Noodgevallen’",
    "company.purposes.public_task": "‘Gemeentelijke taak’",
    "company.purposes.legitimate_interest": "‘Klantrelatie’",
    "company.legitimateInterests": "‘Klantrelatie’: goede service",
    "company.purposes.directMarketing": "‘Nieuwsbrief’",
    "group.name": "Conxillium",
    "group.members": "BeheerVisie, DataQuint, GeoTax, I-Real, JCC Software, Pharox, Procura en SIM",
    "group.memberCount": "acht",
    "group.contact.name": "Privacyteam Conxillium",
    "group.contact.email": "privacy@conxillium.nl",
    "group.contact.phone": "+31 33 000 11 22",
  },
  en: {},
};
EXPECTED.en = {
  ...EXPECTED.nl,
  "company.establishmentsAbroad": "Antwerpen (Belgium)",
  "company.purposes.consent": "‘Newsletter’",
  "company.purposes.contract": "‘Delivery’ and ‘Support’",
  "company.purposes.legal_obligation": "‘Accounts’",
  "company.purposes.vital_interests": "‘Emergencies’",
  "company.purposes.public_task": "‘Municipal task’",
  "company.purposes.legitimate_interest": "‘Customer relations’",
  "company.legitimateInterests": "‘Customer relations’: good service",
  "company.purposes.directMarketing": "‘Newsletter’",
  "group.members": "BeheerVisie, DataQuint, GeoTax, I-Real, JCC Software, Pharox, Procura and SIM",
  "group.memberCount": "eight",
};

/**
 * A statement with one own section listing every placeholder as "name = {{name}}", for a company
 * with a purpose on every legal basis and an establishment abroad, in a group whose companies are
 * joint controllers.
 */
function resolveCatalogue(content: TenantContent, language: Language): ResolvedStatement {
  const body = PLACEHOLDERS.map((p) => `- ${p.name} = {{ ${p.name} }}`).join("\n");
  content.ownSections = [
    { key: "catalogue", after: "intro", title: { nl: "Alles", en: "All" }, body: { nl: body, en: body } },
  ];
  content.profile.establishments = [
    { city: "Utrecht", country: "NL" },
    { city: "Antwerpen", country: "BE" },
  ];
  const purpose = (nl: string, en: string, legalBasis: Purpose["legalBasis"]): Purpose => ({
    name: { nl, en },
    legalBasis,
  });
  content.lists.purposes[0]!.directMarketing = true;
  content.lists.purposes.push(
    purpose("Levering", "Delivery", "contract"),
    purpose("Support", "Support", "contract"),
    purpose("Administratie", "Accounts", "legal_obligation"),
    purpose("Noodgevallen", "Emergencies", "vital_interests"),
    purpose("Gemeentelijke taak", "Municipal task", "public_task"),
  );
  const baseline = createBaseline();
  baseline.jointControllership = {
    contactPoint: {
      name: "Privacyteam Conxillium",
      email: "privacy@conxillium.nl",
      phone: "+31 33 000 11 22",
    },
  };
  return resolveStatement(baseline, createTenant(content), language);
}

const RENDERERS = { renderHtmlPage, renderHtmlFragment, renderMarkdown, renderText, renderJson };

describe("catalogue", () => {
  it("lists every placeholder once with a Dutch and an English label", () => {
    expect(PLACEHOLDERS.map((p) => p.name).sort()).toEqual(Object.keys(EXPECTED.nl).sort());
    for (const p of PLACEHOLDERS) {
      expect(p.label.nl.trim()).not.toBe("");
      expect(p.label.en.trim()).not.toBe("");
    }
  });

  it.each(["nl", "en"] as const)("fills every placeholder from the profile and group (%s)", (language) => {
    const statement = resolveCatalogue(createContent(), language);
    const section = statement.sections.find((s) => s.key === "catalogue");
    const lines = renderBlocksText(section?.blocks ?? [], language).split("\n");
    expect(lines).toEqual(PLACEHOLDERS.map((p) => `- ${p.name} = ${EXPECTED[language][p.name]}`));
    expect(statement.problems).toEqual([]);
  });

  it("writes member names and counts in the statement's language", () => {
    expect(joinNames(["A"], "nl")).toBe("A");
    expect(joinNames(["A", "B"], "nl")).toBe("A en B");
    expect(joinNames(["A", "B", "C"], "en")).toBe("A, B and C");
    expect(joinNames([], "en")).toBeUndefined();
    expect([1, 2, 12, 20, 21, 150].map((n) => writeCount(n, "nl"))).toEqual([
      "een",
      "twee",
      "twaalf",
      "twintig",
      "21",
      "150",
    ]);
    expect([1, 3, 11, 20, 21].map((n) => writeCount(n, "en"))).toEqual([
      "one",
      "three",
      "eleven",
      "twenty",
      "21",
    ]);
  });

  it("inserts values as text, so markup in a company name stays literal", () => {
    const content = createContent();
    content.profile.tradeName = "Acme **B.V.** <b>x</b> [y](javascript:z)";
    const statement = resolveCatalogue(content, "nl");
    const html = renderHtmlFragment(statement, null);
    expect(html).toContain("company.name = Acme **B.V.** &lt;b&gt;x&lt;/b&gt; [y](javascript:z)");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain('javascript:z"');
    expect(statement.title).toBe("Privacyverklaring Acme **B.V.** <b>x</b> [y](javascript:z)");
  });
});

describe("gaps", () => {
  const withoutDpo = (): TenantContent => {
    const content = createContent();
    delete content.profile.dpo;
    content.ownSections = [];
    return content;
  };

  it("reports a placeholder without a value and marks the gap", () => {
    const statement = resolveStatement(createBaseline(), createTenant(withoutDpo()), "nl");
    expect(statement.problems).toEqual([
      {
        code: "missing_value",
        section: "dpo",
        field: "company.dpo.name",
        message: expect.stringContaining("company.dpo.name"),
      },
      {
        code: "missing_value",
        section: "dpo",
        field: "company.dpo.email",
        message: expect.stringContaining("company.dpo.email"),
      },
    ]);
    expect(statement.sections.find((s) => s.key === "dpo")?.blocks).toEqual([
      {
        type: "paragraph",
        children: [
          { type: "text", value: "Onze FG is " },
          { type: "missing", name: "company.dpo.name" },
          { type: "text", value: ", bereikbaar via " },
          { type: "missing", name: "company.dpo.email" },
          { type: "text", value: "." },
        ],
      },
    ]);
  });

  it("reports an unknown placeholder, in a body and in a title", () => {
    const baseline = createBaseline();
    baseline.title = { nl: "Verklaring {{company.slogan}}" };
    baseline.sections[0]!.body = { nl: "Hallo {{ compnay.name }}." };
    const statement = resolveStatement(baseline, createTenant(), "nl");
    expect(statement.problems.map((p) => [p.code, p.section, p.field])).toEqual([
      ["unknown_placeholder", undefined, "company.slogan"],
      ["unknown_placeholder", "intro", "compnay.name"],
    ]);
    expect(statement.title).toBe("Verklaring [ontbreekt: company.slogan]");
  });

  it.each(["nl", "en"] as const)(
    "never shows braces, undefined or an empty hole in any format (%s)",
    (language) => {
      const baseline = createBaseline();
      baseline.title = {
        nl: "Verklaring {{company.dpo.name}} {{nope}}",
        en: "Statement {{company.dpo.name}} {{nope}}",
      };
      baseline.sections[0]!.title = { nl: "Over {{company.dpo.email}}", en: "About {{company.dpo.email}}" };
      baseline.sections[0]!.body = {
        nl: "Bel {{company.dpo.name}} of {{ nope }}.",
        en: "Call {{company.dpo.name}} or {{ nope }}.",
      };
      const statement = resolveStatement(baseline, createTenant(withoutDpo()), language);
      const marker = language === "nl" ? "[ontbreekt: company.dpo.name]" : "[missing: company.dpo.name]";
      expect(statement.title).toContain(marker);
      for (const [name, render] of Object.entries(RENDERERS)) {
        // The page's stylesheet legitimately contains "}}"; the content must not.
        const output = render(statement, createMeta()).replace(/<style>[^<]*<\/style>/, "");
        expect(output, name).not.toContain("{{");
        expect(output, name).not.toContain("}}");
        expect(output, name).not.toContain("undefined");
        expect(output, name).toMatch(
          language === "nl" ? /ontbreekt: company\.dpo\.name/ : /missing: company\.dpo\.name/,
        );
        expect(output, name).toMatch(/nope/);
      }
      expect(renderHtmlFragment(statement, null)).toContain(`<mark class="vk-missing">${marker}</mark>`);
    },
  );
});
