// The demo is the template real groups start from, so it must be a statement a privacy lawyer
// signs: for every company and language no lint error and no applicable completeness item
// missing or weak, legal bases named exactly as the company's purposes have them, and facts that
// hold for some companies said only for those.
import { describe, expect, it } from "vitest";
import { checkCompleteness } from "../completeness/check.ts";
import { deriveConditionFacts } from "../conditions.ts";
import { resolveStatement } from "../engine.ts";
import { lintPublication } from "../lint/index.ts";
import { LANGUAGES, type Language, type LegalBasis } from "../model.ts";
import { renderBlocksText } from "../render/text.ts";
import type { ResolvedStatement } from "../statement.ts";
import { DEMO_BASELINE, DEMO_GROUP, DEMO_TENANTS, type DemoTenant } from "./index.ts";

const resolve = (tenant: DemoTenant, language: Language): ResolvedStatement =>
  resolveStatement(
    DEMO_BASELINE,
    { group: DEMO_GROUP, slug: tenant.slug, content: tenant.content },
    language,
  );
const text = (statement: ResolvedStatement, key: string): string => {
  const section = statement.sections.find((s) => s.key === key);
  return section === undefined ? "" : renderBlocksText(section.blocks, statement.language);
};
const CASES = DEMO_TENANTS.flatMap((tenant) =>
  LANGUAGES.map((language) => [tenant.slug, language, tenant] as const),
);

describe("every demo statement", () => {
  it.each(DEMO_TENANTS.map((t) => [t.slug, t] as const))(
    "%s has no lint error or warning, nl and en",
    (_slug, tenant) => {
      const findings = lintPublication(DEMO_BASELINE, {
        group: DEMO_GROUP,
        slug: tenant.slug,
        content: tenant.content,
      });
      expect(findings).toEqual([]);
    },
  );

  it.each(CASES)("%s (%s) has no applicable completeness item missing or weak", (_slug, language, tenant) => {
    const statement = resolve(tenant, language);
    expect(statement.problems).toEqual([]);
    const report = checkCompleteness(statement, tenant.content, {
      jointControllership: DEMO_BASELINE.jointControllership,
    });
    const lacking = report.findings.filter((f) => f.status === "missing" || f.status === "weak");
    expect(lacking.map((f) => `${f.item}: ${f.why.en}`)).toEqual([]);
    expect(report.blocking).toEqual([]);
    expect(report.score).toBe(100);
    // The joint controllership the baseline declares is stated, with its contact point.
    expect(report.findings.find((f) => f.item === "JOINT_CONTROLLERS")?.status).toBe("present");
  });

  it("is checked in a group that is not the demo: then its .example addresses are errors", () => {
    const tenant = DEMO_TENANTS[0]!;
    const findings = lintPublication(DEMO_BASELINE, {
      group: { ...DEMO_GROUP, slug: "echte-groep" },
      slug: tenant.slug,
      content: tenant.content,
    });
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(["reserved_domain"]));
    expect(findings.map((f) => f.quote)).toContain("privacy@beheervisie.example");
  });
});

const BASIS_WORDS: Record<Language, Record<LegalBasis, RegExp>> = {
  nl: {
    consent: /Toestemming \(artikel 6 lid 1 onder a AVG\)/,
    contract: /Uitvoering van een overeenkomst \(artikel 6 lid 1 onder b AVG\)/,
    legal_obligation: /Wettelijke verplichting \(artikel 6 lid 1 onder c AVG\)/,
    vital_interests: /Vitaal belang \(artikel 6 lid 1 onder d AVG\)/,
    public_task: /Taak van algemeen belang \(artikel 6 lid 1 onder e AVG\)/,
    legitimate_interest: /Gerechtvaardigd belang \(artikel 6 lid 1 onder f AVG\)/,
  },
  en: {
    consent: /Consent \(Article 6\(1\)\(a\) GDPR\)/,
    contract: /Performance of a contract \(Article 6\(1\)\(b\) GDPR\)/,
    legal_obligation: /Legal obligation \(Article 6\(1\)\(c\) GDPR\)/,
    vital_interests: /Vital interests \(Article 6\(1\)\(d\) GDPR\)/,
    public_task: /Public task \(Article 6\(1\)\(e\) GDPR\)/,
    legitimate_interest: /Legitimate interest \(Article 6\(1\)\(f\) GDPR\)/,
  },
};

describe("the legal-basis section", () => {
  it.each(CASES)("of %s (%s) names exactly the bases of its own purposes", (_slug, language, tenant) => {
    const section = text(resolve(tenant, language), "legal_basis");
    const own = new Set(tenant.content.lists.purposes.map((p) => p.legalBasis));
    for (const [basis, words] of Object.entries(BASIS_WORDS[language]) as [LegalBasis, RegExp][]) {
      expect(words.test(section), `${basis} named: ${own.has(basis)}`).toBe(own.has(basis));
    }
    // Each purpose is listed under its own basis, and no blanket "mostly consent" remains.
    for (const purpose of tenant.content.lists.purposes) {
      const line = section.split("\n").find((l) => BASIS_WORDS[language][purpose.legalBasis].test(l));
      expect(line).toContain(`‘${purpose.name[language] ?? purpose.name.nl}’`);
    }
    expect(section).not.toMatch(/veelal|often/i);
  });

  it("differs between companies with different purposes", () => {
    const sections = DEMO_TENANTS.map((t) => text(resolve(t, "nl"), "legal_basis"));
    expect(new Set(sections).size).toBe(DEMO_TENANTS.length);
  });
});

describe("facts said only where they are true", () => {
  const facts = (tenant: DemoTenant) => deriveConditionFacts(DEMO_BASELINE, tenant.content);

  it.each(CASES)(
    "%s (%s): establishments abroad, DPO and transfers follow the details",
    (_slug, language, tenant) => {
      const statement = resolve(tenant, language);
      const controller = text(statement, "controller");
      const recipients = text(statement, "recipients");
      const { establishments_abroad, dpo, transfers_outside_eea } = facts(tenant);
      expect(
        controller.includes(
          language === "nl" ? "vestigingen buiten Nederland" : "establishments outside the Netherlands",
        ),
      ).toBe(establishments_abroad);
      expect(
        controller.includes(
          language === "nl" ? "functionaris gegevensbescherming" : "data protection officer",
        ),
      ).toBe(dpo);
      expect(
        recipients.includes(
          language === "nl" ? "buiten de Europese Economische Ruimte" : "outside the European Economic Area",
        ),
      ).toBe(transfers_outside_eea);
      expect(
        recipients.includes(
          language === "nl" ? "binnen de Europese Economische Ruimte" : "within the European Economic Area",
        ),
      ).toBe(!transfers_outside_eea);
      // The seed's universal claim is gone for every company.
      expect(statement.sections.map((s) => renderBlocksText(s.blocks, language)).join("\n")).not.toMatch(
        /gevestigd in het buitenland|based abroad/,
      );
    },
  );

  it("has one company with an establishment abroad, one with a DPO, and one transferring outside the EEA", () => {
    const which = (fact: "establishments_abroad" | "dpo" | "transfers_outside_eea"): string[] =>
      DEMO_TENANTS.filter((t) => facts(t)[fact]).map((t) => t.slug);
    expect(which("establishments_abroad")).toEqual(["geotax"]);
    expect(which("dpo")).toEqual(["procura"]);
    expect(which("transfers_outside_eea")).toEqual(["jcc-software"]);
    expect(
      text(
        resolve(
          DEMO_TENANTS.find((t) => t.slug === "geotax")!,
          "nl",
        ),
        "controller",
      ),
    ).toContain("Antwerpen (België)");
  });

  it.each(CASES)(
    "%s (%s): the right to object has a section of its own, naming direct marketing where it is used",
    (_slug, language, tenant) => {
      const objection = text(resolve(tenant, language), "objection");
      const marketing = tenant.content.lists.purposes.filter((p) => p.directMarketing === true);
      const paragraph = objection
        .split("\n\n")
        .find((p) =>
          (language === "nl" ? /Bezwaar tegen direct marketing/ : /Objecting to direct marketing/).test(p),
        );
      expect(paragraph !== undefined).toBe(marketing.length > 0);
      for (const purpose of marketing) expect(paragraph).toContain(purpose.name[language] ?? purpose.name.nl);
      expect(objection).toContain(language === "nl" ? "artikel 21 lid 1 AVG" : "Article 21(1) GDPR");
    },
  );

  it.each(CASES)(
    "%s (%s): requests are answered within one month, not 'within four weeks'",
    (_slug, language, tenant) => {
      const rights = text(resolve(tenant, language), "rights");
      expect(rights).toContain(
        language === "nl" ? "uiterlijk binnen een maand" : "at the latest within one month",
      );
      expect(rights).not.toMatch(/vier weken|four weeks/);
    },
  );

  it("says the group's decision on joint controllership, either way", () => {
    const tenant = DEMO_TENANTS[0]!;
    const joint = text(resolve(tenant, "nl"), "joint_controllers");
    expect(joint).toContain("gezamenlijk verwerkingsverantwoordelijk");
    expect(joint).toContain("privacy@conxillium.example");
    const { jointControllership: _off, ...separate } = DEMO_BASELINE;
    const alone = resolveStatement(
      separate,
      { group: DEMO_GROUP, slug: tenant.slug, content: tenant.content },
      "en",
    );
    expect(alone.problems).toEqual([]);
    const section = text(alone, "joint_controllers");
    expect(section).toContain("they are not joint controllers within the meaning of Article 26 GDPR");
    expect(section).not.toContain("privacy@conxillium.example");
  });
});
