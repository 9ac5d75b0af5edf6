// The "what changed" page shows paragraphs, lists and tables as such, with the changed words marked.
import { describe, expect, it } from "vitest";
import { diffStatements } from "../diff.ts";
import { renderChangesPage, type PublishedText } from "./changes.ts";

const text = (number: number, sections: PublishedText["sections"]): PublishedText => ({
  number,
  publishedAt: `2026-0${number}-01T00:00:00.000Z`,
  effectiveFrom: `2026-0${number}-01T00:00:00.000Z`,
  changeNote: `Versie ${number}`,
  material: false,
  language: "nl",
  title: "Privacyverklaring Voorbeeld",
  group: { slug: "groep", name: "Groep" },
  tenant: { slug: "voorbeeld", name: "Voorbeeld & Zn" },
  sections,
});

const links = {
  statement: "https://v.example/s",
  changes: "https://v.example/s/changes",
  feed: "https://v.example/s/changes.atom",
  version: (n: number) => `https://v.example/s/versions/${n}`,
};

describe("renderChangesPage", () => {
  const before = text(1, [
    {
      key: "processors",
      title: "Verwerkers",
      text: "Wij delen gegevens met:\n\nNaam — Doel — Land\n- Hostbedrijf — Hosting — Nederland\n- Mailer — Nieuwsbrief — Ierland",
    },
    { key: "data", title: "Gegevens", text: "- Naam\n- E-mailadres" },
  ]);
  const after = text(2, [
    {
      key: "processors",
      title: "Verwerkers",
      text: "Wij delen gegevens met:\n\nNaam — Doel — Land\n- Hostbedrijf — Hosting — Duitsland\n- Mailer — Nieuwsbrief — Ierland",
    },
    { key: "data", title: "Gegevens", text: "- Naam\n- Telefoonnummer\n- E-mailadres" },
  ]);
  const html = renderChangesPage(
    { current: after, previous: before, diff: diffStatements(before.sections, after.sections) },
    links,
  );

  it("renders a list as a list, the added item marked", () => {
    expect(html).toContain(
      "<ul>\n<li>Naam</li>\n<li><ins>Telefoonnummer</ins></li>\n<li>E-mailadres</li>\n</ul>",
    );
  });

  it("renders a table as a table in a scrolling region, the changed cell marked", () => {
    expect(html).toContain(
      '<div class="vk-table" role="region" aria-label="Tabel: Verwerkers" tabindex="0">',
    );
    expect(html).toContain(
      '<thead><tr><th scope="col">Naam</th><th scope="col">Doel</th><th scope="col">Land</th></tr></thead>',
    );
    expect(html).toContain(
      "<tr><td>Hostbedrijf</td><td>Hosting</td><td><del>Nederland</del> <ins>Duitsland</ins></td></tr>",
    );
    expect(html).toContain("<p>Wij delen gegevens met:</p>");
  });

  it("shows no Markdown bullets and escapes what authors wrote", () => {
    expect(html).not.toMatch(/^- /m);
    expect(html).toContain("Voorbeeld &amp; Zn");
    expect(html).not.toContain("Voorbeeld & Zn");
  });
});
