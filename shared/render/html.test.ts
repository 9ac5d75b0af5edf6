import { describe, expect, it } from "vitest";
import {
  cspHashSource,
  PAGE_STYLE,
  renderHtmlFragment,
  renderHtmlPage,
  resolveStatement,
} from "../engine.ts";
import type { Language } from "../model.ts";
import type { ResolvedStatement } from "../statement.ts";
import { createBaseline, createContent, createMeta, createTenant } from "../testing/fixtures.ts";
import { countTags, findStrayAngles, readTags } from "../testing/html.ts";
import { formatDate } from "./common.ts";

const statementIn = (language: Language): ResolvedStatement => {
  const content = createContent();
  content.ownSections = [
    {
      key: "security",
      after: "data",
      title: { nl: "Beveiliging", en: "Security" },
      body: { nl: "Veilig.", en: "Safe." },
    },
  ];
  return resolveStatement(createBaseline(), createTenant(content), language);
};

describe("standalone page", () => {
  const statement = statementIn("nl");
  const html = renderHtmlPage(statement, createMeta());
  const tags = readTags(html);

  it("is a complete document in the statement's language", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<title>Privacyverklaring JCC Software</title>");
    expect(renderHtmlPage(statementIn("en"), null)).toContain('<html lang="en">');
  });

  it("has one h1 with the title and one h2 per section plus the contents heading", () => {
    expect(countTags(html, "h1")).toBe(1);
    expect(html).toContain("<h1>Privacyverklaring JCC Software</h1>");
    expect(countTags(html, "section")).toBe(statement.sections.length);
    expect(countTags(html, "h2")).toBe(statement.sections.length + 1);
    for (const section of statement.sections) {
      expect(html).toContain(`<h2 id="vk-${section.key}-heading">${section.title}</h2>`);
    }
  });

  it("links every contents entry to the id of its section, in order", () => {
    const hrefs = tags
      .filter((t) => t.name === "a" && t.attributes.href?.startsWith("#"))
      .map((t) => t.attributes.href);
    const ids = tags.filter((t) => t.name === "section" && !t.closing).map((t) => `#${t.attributes.id}`);
    expect(hrefs).toEqual(ids);
    expect(ids).toEqual(statement.sections.map((s) => `#vk-${s.key}`));
    const nav = tags.find((t) => t.name === "nav");
    expect(tags.some((t) => t.name === "h2" && t.attributes.id === nav?.attributes["aria-labelledby"])).toBe(
      true,
    );
    expect(html).toMatch(/<h2 id="vk-toc-heading">Inhoud<\/h2>\n<ol>/);
    for (const section of tags.filter((t) => t.name === "section" && !t.closing)) {
      expect(
        tags.some((t) => t.name === "h2" && t.attributes.id === section.attributes["aria-labelledby"]),
      ).toBe(true);
    }
  });

  it("renders lists, tables with column headers, and links", () => {
    expect(html).toContain("<ul>\n<li><strong>Contactgegevens</strong>: naam, e-mailadres</li>");
    expect(html).toContain(
      // The table's region is named apart from its section's, so no two landmarks are alike.
      '<div class="vk-table" role="region" aria-label="Tabel: Cookies" tabindex="0">\n<table>\n<thead><tr><th scope="col">Naam</th><th scope="col">Aanbieder</th>',
    );
    expect(html).toContain('<a href="https://autoriteitpersoonsgegevens.nl">Autoriteit Persoonsgegevens</a>');
    expect(html).toContain(
      "<p>U hebt recht op <strong>inzage</strong>, <em>rectificatie</em> en <em>verwijdering</em>.</p>",
    );
  });

  it("styles only through the one style element the CSP hash allows", () => {
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).toContain(`<style>${PAGE_STYLE}</style>`);
    expect(tags.some((t) => "style" in t.attributes)).toBe(false);
    expect(html).not.toMatch(/<script/i);
    expect(cspHashSource(PAGE_STYLE)).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    expect(PAGE_STYLE).toContain("max-width:42rem");
    expect(PAGE_STYLE).toMatch(/@media print\{[^]*nav\{display:none\}/);
  });

  it("prints version and dates in the footer, and the content hash folded away under its label", () => {
    expect(html).toContain(
      [
        "<footer>",
        "<dl>",
        "<dt>Versie</dt><dd>3</dd>",
        '<dt>Geldig vanaf</dt><dd><time datetime="2026-12-01">1 december 2026</time></dd>',
        '<dt>Gepubliceerd op</dt><dd><time datetime="2026-11-22">22 november 2026</time></dd>',
        "</dl>",
        `<details><summary>Controlegetal (SHA-256)</summary><code>${"a".repeat(64)}</code></details>`,
        "</footer>",
      ].join("\n"),
    );
    expect(renderHtmlPage(statement, null)).not.toContain("<footer>");
  });

  it("links a visitor to the other languages, what changed and every version, in the page's language", () => {
    const meta = { ...createMeta(), languages: ["nl", "en"] as const };
    const page = renderHtmlPage(statement, meta);
    expect(page).toContain(
      [
        '<nav aria-label="Over deze privacyverklaring">',
        "<ul>",
        '<li><a href="?lang=en" hreflang="en" lang="en">English</a></li>',
        '<li><a href="/v1/statements/conxillium/jcc-software/changes?lang=nl">Wat is er veranderd?</a></li>',
        '<li><a href="/v1/statements/conxillium/jcc-software/versions">Alle versies</a></li>',
        "</ul>",
        "</nav>",
      ].join("\n"),
    );
    // Before the statement, so the language switch is the first thing a visitor can reach.
    expect(page.indexOf('aria-label="Over deze privacyverklaring"')).toBeLessThan(page.indexOf("<article"));
    const english = renderHtmlPage(statementIn("en"), meta);
    expect(english).toContain('<nav aria-label="About this privacy statement">');
    expect(english).toContain('<li><a href="?lang=nl" hreflang="nl" lang="nl">Nederlands</a></li>');
    expect(english).toContain("What changed?");
    // One language: no switch; a preview (no version yet): no links at all.
    expect(renderHtmlPage(statement, { ...createMeta(), languages: ["nl"] })).not.toContain("hreflang");
    expect(renderHtmlPage(statement, null)).not.toContain("Over deze privacyverklaring");
    // The page's only style is still the one whose hash every published page's CSP allows.
    expect(page.match(/<style>/g)).toHaveLength(1);
  });

  it("is byte-identical when rendered twice", () => {
    expect(renderHtmlPage(statementIn("nl"), createMeta())).toBe(html);
  });
});

describe("fragment", () => {
  const statement = statementIn("en");
  const html = renderHtmlFragment(statement, createMeta());

  it("is an article with heading, contents, sections and footer, and nothing of a page", () => {
    expect(
      html.startsWith(
        `<article class="vk-statement" lang="en" data-verklaring-version="${createMeta().version}" data-verklaring-hash="${createMeta().contentHash}">\n<h1>Privacy statement JCC Software</h1>\n<nav`,
      ),
    ).toBe(true);
    expect(html.trimEnd().endsWith("</footer>\n</article>")).toBe(true);
    expect(html).toContain('<h2 id="vk-toc-heading">Contents</h2>');
    expect(html).toContain(
      '<dt>Effective from</dt><dd><time datetime="2026-12-01">1 December 2026</time></dd>',
    );
    for (const tag of ["html", "head", "body", "style", "script", "meta", "title"])
      expect(countTags(html, tag)).toBe(0);
    expect(readTags(html).some((t) => "style" in t.attributes)).toBe(false);
    expect(countTags(html, "section")).toBe(statement.sections.length);
  });

  it("escapes every text node and attribute", () => {
    const content = createContent();
    content.profile.tradeName = `A&B "quoted" 'single' <i>`;
    content.ownSections = [
      { key: "x", after: "intro", title: { nl: `<b>&"'` }, body: { nl: "a < b > c & \"d\" 'e'" } },
    ];
    const out = renderHtmlFragment(resolveStatement(createBaseline(), createTenant(content), "nl"), null);
    expect(out).toContain("<h1>Privacyverklaring A&amp;B &quot;quoted&quot; &#39;single&#39; &lt;i&gt;</h1>");
    expect(out).toContain('<h2 id="vk-x-heading">&lt;b&gt;&amp;&quot;&#39;</h2>');
    expect(out).toContain("<p>a &lt; b &gt; c &amp; &quot;d&quot; &#39;e&#39;</p>");
    expect(findStrayAngles(out)).toBe(0);
  });

  it("marks auto-linked URLs so print styles do not repeat them", () => {
    const content = createContent();
    content.ownSections = [
      {
        key: "x",
        after: "intro",
        title: { nl: "X" },
        body: { nl: "Zie https://a.nl/x en [dit](https://a.nl/y)." },
      },
    ];
    const out = renderHtmlFragment(resolveStatement(createBaseline(), createTenant(content), "nl"), null);
    expect(out).toContain(
      '<a href="https://a.nl/x" class="vk-url">https://a.nl/x</a> en <a href="https://a.nl/y">dit</a>.',
    );
  });
});

describe("dates", () => {
  it.each([
    ["2026-11-22T10:00:00.000Z", "nl", "22 november 2026"],
    ["2026-11-22T10:00:00.000Z", "en", "22 November 2026"],
    ["2026-01-01T00:30:00+02:00", "nl", "31 december 2025"],
    ["2026-03-05T23:59:59", "en", "5 March 2026"],
    ["not a date", "en", "not a date"],
  ] as const)("writes %s in %s as %s (UTC)", (iso, language, expected) => {
    expect(formatDate(iso, language)).toBe(expected);
  });
});
