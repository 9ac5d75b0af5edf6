// Property test: whatever an author or a tenant types, the HTML renderers emit only our own
// tags, no event handlers and only safe link targets, and the Markdown renderer never lets a
// raw "<" through.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Baseline, TenantContent } from "../model.ts";
import { renderHtmlFragment, renderHtmlPage, renderMarkdown, resolveStatement } from "../engine.ts";
import { createBaseline, createContent, createMeta, createTenant } from "../testing/fixtures.ts";
import { findStrayAngles, readTags } from "../testing/html.ts";

const ALLOWED_TAGS = new Set(
  "html head meta title style body main article nav h1 h2 ol ul li a section"
    .concat(" p strong em table thead tbody tr th td footer mark dl dt dd code time div details summary")
    .split(" "),
);
// The page's own links (its other languages, "what changed", every version) stay on this site: a
// path from the root ("/v1/…", never "//host") or only a new query ("?lang=en").
const SAFE_HREF = /^(?:#|https?:|mailto:|tel:|\/(?!\/)|\?lang=[a-z]{2}$)/i;

const FRAGMENTS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x]( data:text/html,<b>)",
  "[x](java\tscript:alert(1))",
  "[x](\u0001javascript:alert(1))",
  "[x](//evil.example)",
  "[x]({{company.website}})",
  "[x](mailto:{{company.email}})",
  "https://a.nl/<b>",
  "**unbalanced",
  "*",
  "_",
  "[",
  "](",
  "{{",
  "}}",
  "{{company.name}}",
  "{{ nope }}",
  "\"'&<>",
  "\u202e",
  "\u0000",
  "\u0085",
  "😀",
  "\uD800",
  "\uDC00",
  "\\",
  "\n",
  "\n\n",
  "\n- ",
  "\n  ",
  "<!--",
  "-->",
  "<![CDATA[",
  "</style>",
  "</article>",
  '<a href="x" onclick="y">',
  "&lt;script&gt;",
  "`",
  "#",
  "|",
  "1. ",
  "javascript:alert(1)",
  " onmouseover=alert(1) ",
];

const authorText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.string({ maxLength: 12 }),
    ),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(""));
const line = authorText.map((text) => (text.trim() === "" ? "x" : text));

interface Input {
  baselineTitle: string;
  sectionTitle: string;
  sectionBody: string;
  appendBody: string;
  replaceTitle: string;
  replaceBody: string;
  ownTitle: string;
  ownBody: string;
  tradeName: string;
  legalName: string;
  street: string;
  dpoName: string;
  listText: string;
}

const input: fc.Arbitrary<Input> = fc.record({
  baselineTitle: line,
  sectionTitle: line,
  sectionBody: authorText,
  appendBody: authorText,
  replaceTitle: line,
  replaceBody: authorText,
  ownTitle: line,
  ownBody: authorText,
  tradeName: line,
  legalName: line,
  street: line,
  dpoName: line,
  listText: line,
});

function build(i: Input): { baseline: Baseline; content: TenantContent } {
  const baseline = createBaseline();
  baseline.title = { nl: `${i.baselineTitle} {{company.name}}`, en: i.baselineTitle };
  const intro = baseline.sections[0]!;
  intro.title = { nl: i.sectionTitle };
  intro.body = { nl: `${i.sectionBody}\n\n{{company.legalName}} {{company.address}} {{company.dpo.name}}` };
  const content = createContent();
  content.profile.tradeName = i.tradeName;
  content.profile.legalName = i.legalName;
  content.profile.address.street = i.street;
  content.profile.dpo = { name: i.dpoName, email: i.listText };
  content.profile.website = i.listText;
  content.overrides = {
    recipients: { mode: "append", body: { nl: i.appendBody } },
    purposes: { mode: "replace", title: { nl: i.replaceTitle }, body: { nl: i.replaceBody, en: i.ownBody } },
  };
  content.ownSections = [{ key: "own", after: "intro", title: { nl: i.ownTitle }, body: { nl: i.ownBody } }];
  content.lists.data_categories[0]!.name = { nl: i.listText };
  content.lists.recipients[0]!.name = i.listText;
  content.lists.cookies[0]!.purpose = { nl: i.listText, en: i.listText };
  return { baseline, content };
}

function checkHtml(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(findStrayAngles(html)).toBe(0);
  for (const tag of readTags(html)) {
    expect(ALLOWED_TAGS.has(tag.name), `tag <${tag.name}>`).toBe(true);
    for (const [name, value] of Object.entries(tag.attributes)) {
      expect(name.toLowerCase().startsWith("on"), `attribute ${name}`).toBe(false);
      expect(name).not.toBe("style");
      if (name === "href") expect(value, `href ${value}`).toMatch(SAFE_HREF);
    }
  }
}

/** True when every "<" is preceded by an odd number of backslashes, i.e. escaped. */
function hasOnlyEscapedAngles(markdown: string): boolean {
  for (const match of markdown.matchAll(/(\\*)</g)) if ((match[1] ?? "").length % 2 === 0) return false;
  return true;
}

describe("hostile author text", () => {
  it("cannot produce markup, handlers or unsafe links in HTML, nor raw HTML in Markdown", () => {
    fc.assert(
      fc.property(
        input,
        fc.constantFrom("nl" as const, "en" as const),
        fc.boolean(),
        (i, language, withMeta) => {
          const { baseline, content } = build(i);
          const statement = resolveStatement(baseline, createTenant(content), language);
          const meta = withMeta ? createMeta() : null;
          checkHtml(renderHtmlPage(statement, meta));
          checkHtml(renderHtmlFragment(statement, meta));
          expect(hasOnlyEscapedAngles(renderMarkdown(statement, meta))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("catches what it is meant to catch", () => {
    // The checks themselves must fail on the attacks they guard against.
    expect(() => checkHtml('<p><img src=x onerror="alert(1)"></p>')).toThrow();
    expect(() => checkHtml('<a href="javascript:alert(1)">x</a>')).toThrow();
    expect(() => checkHtml("<p>a < b</p>")).toThrow();
    expect(hasOnlyEscapedAngles("a \\\\<b>")).toBe(false);
    expect(hasOnlyEscapedAngles("a \\<b>")).toBe(true);
  });
});
