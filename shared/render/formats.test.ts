import { describe, expect, it } from "vitest";
import { renderJson, renderMarkdown, renderText, resolveStatement } from "../engine.ts";
import type { Language, TenantContent } from "../model.ts";
import type { ResolvedStatement } from "../statement.ts";
import { createBaseline, createContent, createMeta, createTenant } from "../testing/fixtures.ts";

const resolve = (content: TenantContent = createContent(), language: Language = "nl"): ResolvedStatement =>
  resolveStatement(createBaseline(), createTenant(content), language);
const withOwnSection = (title: string, body: string): TenantContent => {
  const content = createContent();
  content.ownSections = [{ key: "extra", after: "intro", title: { nl: title }, body: { nl: body } }];
  return content;
};
/** The part of a rendering from the own section's heading up to the next section's. */
const extraPart = (output: string, from: string, to: string): string =>
  output.slice(output.indexOf(from), output.indexOf(to));

describe("markdown", () => {
  it("writes headings, lists, emphasis, links and a pipe table", () => {
    const md = renderMarkdown(resolve(), createMeta());
    expect(md.startsWith("# Privacyverklaring JCC Software\n\n## Over deze verklaring\n\n")).toBe(true);
    expect(md).toContain(
      "- **Contactgegevens**: naam, e-mailadres\n- **Gezondheid** (bijzonder persoonsgegeven)",
    );
    expect(md).toContain("U hebt recht op **inzage**, *rectificatie* en *verwijdering*.");
    expect(md).toContain("[Autoriteit Persoonsgegevens](https://autoriteitpersoonsgegevens.nl)");
    expect(md).toContain(
      "| Naam | Aanbieder | Soort | Doel | Bewaartermijn |\n| --- | --- | --- | --- | --- |\n| session\\_id | JCC Software | functioneel | inloggen | sessie |",
    );
    expect(md).toContain(
      "- Versie: 3\n- Geldig vanaf: 1 december 2026\n- Gepubliceerd op: 22 november 2026\n",
    );
  });

  it("escapes author text so it cannot form markup", () => {
    const md = renderMarkdown(
      resolve(
        withOwnSection(
          "# Kop | *x*",
          "1. geen lijst\n\n+ geen lijst\n\n<b>x</b> & `c` [a]\\(b) _u_\\_ ~~s~~ a|b \\\\",
        ),
      ),
      null,
    );
    expect(extraPart(md, "## \\# Kop", "## Welke")).toBe(
      [
        "## \\# Kop \\| \\*x\\*",
        "1\\. geen lijst",
        "\\+ geen lijst",
        "\\<b\\>x\\</b\\> \\& \\`c\\` \\[a\\](b) *u*\\_ \\~\\~s\\~\\~ a\\|b \\\\",
        "",
      ].join("\n\n"),
    );
  });

  it("escapes parentheses and spaces in link targets", () => {
    const md = renderMarkdown(resolve(withOwnSection("X", "[a](https://a.nl/x_(y) z)")), null);
    expect(md).toContain("[a](https://a.nl/x_\\(y\\)%20z)");
  });
});

describe("text", () => {
  it("underlines the title and section titles and writes links with their target", () => {
    const text = renderText(resolve(), createMeta());
    expect(
      text.startsWith(
        "Privacyverklaring JCC Software\n==============================\n\nOver deze verklaring\n--------------------\n\n",
      ),
    ).toBe(true);
    expect(text).toContain("Klachten: Autoriteit Persoonsgegevens (https://autoriteitpersoonsgegevens.nl).");
    expect(text).toContain("website: https://www.jccsoftware.nl.");
    expect(text).toContain("- Facturen: 7 jaar, na afloop van het boekjaar\n");
    expect(text).toContain(
      "Naam — Aanbieder — Soort — Doel — Bewaartermijn\n- session_id — JCC Software — functioneel — inloggen — sessie\n- _ga — Google — analytisch — statistieken — 50 maanden",
    );
    expect(
      text.endsWith(
        "Versie: 3\nGeldig vanaf: 1 december 2026\nGepubliceerd op: 22 november 2026\nControlegetal (SHA-256): " +
          "a".repeat(64) +
          "\n",
      ),
    ).toBe(true);
  });

  it("drops emphasis markers and keeps author text as typed", () => {
    const text = renderText(
      resolve(withOwnSection("Kop", "**vet** en <b>html</b> & [x](javascript:y)")),
      null,
    );
    expect(extraPart(text, "Kop\n", "Welke")).toBe("Kop\n---\n\nvet en <b>html</b> & x\n\n");
  });

  it("counts characters, not UTF-16 units, when underlining", () => {
    const text = renderText(resolve(withOwnSection("Ünïcode 😀", "x")), null);
    expect(text).toContain("Ünïcode 😀\n---------\n");
  });
});

describe("json", () => {
  it("has the documented keys in order, with each section body in three forms", () => {
    const statement = resolve();
    const json = renderJson(statement, createMeta());
    const data = JSON.parse(json) as Record<string, unknown> & { sections: Record<string, string>[] };
    expect(Object.keys(data)).toEqual([
      "group",
      "tenant",
      "version",
      "baselineVersion",
      "language",
      "title",
      "publishedAt",
      "effectiveFrom",
      "contentHash",
      "sections",
    ]);
    expect(data).toMatchObject({
      group: { slug: "conxillium", name: "Conxillium" },
      tenant: { slug: "jcc-software", name: "JCC Software" },
      version: 3,
      baselineVersion: 2,
      language: "nl",
      title: "Privacyverklaring JCC Software",
      publishedAt: "2026-11-22T10:00:00.000Z",
      effectiveFrom: "2026-12-01T00:00:00.000Z",
      contentHash: "a".repeat(64),
    });
    expect(data.sections.map((s) => s.key)).toEqual(statement.sections.map((s) => s.key));
    const rights = data.sections.find((s) => s.key === "rights");
    expect(rights).toEqual({
      key: "rights",
      title: "Uw rechten",
      html: '<p>U hebt recht op <strong>inzage</strong>, <em>rectificatie</em> en <em>verwijdering</em>.</p>\n<p>Klachten: <a href="https://autoriteitpersoonsgegevens.nl">Autoriteit Persoonsgegevens</a>.</p>',
      markdown:
        "U hebt recht op **inzage**, *rectificatie* en *verwijdering*.\n\nKlachten: [Autoriteit Persoonsgegevens](https://autoriteitpersoonsgegevens.nl).",
      text: "U hebt recht op inzage, rectificatie en verwijdering.\n\nKlachten: Autoriteit Persoonsgegevens (https://autoriteitpersoonsgegevens.nl).",
    });
    expect(json).toContain('\n  "group": {\n    "slug": "conxillium"');
  });

  it("has null version facts without meta", () => {
    const data = JSON.parse(renderJson(resolve(), null)) as Record<string, unknown>;
    for (const key of ["version", "baselineVersion", "publishedAt", "effectiveFrom", "contentHash"])
      expect(data[key]).toBeNull();
  });
});

describe("determinism", () => {
  it.each([
    ["markdown", renderMarkdown],
    ["text", renderText],
    ["json", renderJson],
  ] as const)("renders %s byte-identically from equal input", (_name, render) => {
    expect(render(resolve(createContent(), "en"), createMeta())).toBe(
      render(resolve(createContent(), "en"), createMeta()),
    );
  });
});
