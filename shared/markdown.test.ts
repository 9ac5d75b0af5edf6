import { describe, expect, it } from "vitest";
import { normalizeText, renderAuthorText, sanitizeHref, type PlaceholderFill } from "./markdown.ts";
import type { Block, Inline } from "./statement.ts";

const VALUES: Record<string, string> = {
  "company.name": "Acme **B.V.** <b>",
  "company.website": "https://acme.nl",
};
const fill: PlaceholderFill = (name) => VALUES[name] ?? null;
const parse = (source: string): Block[] => renderAuthorText(source, fill);
const text = (value: string): Inline => ({ type: "text", value });
/** The inline content of a source that is a single paragraph. */
const inline = (source: string): Inline[] => {
  const blocks = parse(source);
  expect(blocks).toHaveLength(1);
  const [block] = blocks;
  if (block?.type !== "paragraph") throw new Error(`expected a paragraph, got ${JSON.stringify(blocks)}`);
  return block.children;
};

describe("blocks", () => {
  it("separates paragraphs by blank lines and joins the lines inside one with a space", () => {
    expect(parse("een\ntwee\n\n\ndrie  \n   \nvier")).toEqual([
      { type: "paragraph", children: [text("een twee")] },
      { type: "paragraph", children: [text("drie")] },
      { type: "paragraph", children: [text("vier")] },
    ]);
  });

  it("reads -, * and • bullets, with optional leading spaces, and continues an item on an indented line", () => {
    expect(parse("Denk aan:\n- een\n  * twee\n   nog meer\n • drie\nNa de lijst")).toEqual([
      { type: "paragraph", children: [text("Denk aan:")] },
      { type: "list", items: [[text("een")], [text("twee nog meer")], [text("drie")]] },
      { type: "paragraph", children: [text("Na de lijst")] },
    ]);
  });

  it("does not take emphasis or a dash without a space for a bullet", () => {
    expect(parse("**vet** begin\n-5 graden")).toEqual([
      {
        type: "paragraph",
        children: [{ type: "strong", children: [text("vet")] }, text(" begin -5 graden")],
      },
    ]);
  });

  it("drops empty bullets and returns nothing for blank input", () => {
    expect(parse("- \n- een")).toEqual([{ type: "list", items: [[text("een")]] }]);
    expect(parse(" \n\t\n")).toEqual([]);
  });
});

describe("inline markup", () => {
  it("reads **bold**, *italic* and _italic_, also nested", () => {
    expect(inline("a **b** *c* _d_ *e **f** g*")).toEqual([
      text("a "),
      { type: "strong", children: [text("b")] },
      text(" "),
      { type: "em", children: [text("c")] },
      text(" "),
      { type: "em", children: [text("d")] },
      text(" "),
      { type: "em", children: [text("e "), { type: "strong", children: [text("f")] }, text(" g")] },
    ]);
  });

  it("leaves underscores inside words and spaced-out stars alone", () => {
    expect(inline("snake_case_name en 2 * 3 * 4")).toEqual([text("snake_case_name en 2 * 3 * 4")]);
  });

  it.each([
    ["**foo"],
    ["*foo"],
    ["_foo"],
    ["foo**"],
    ["[x]("],
    ["[x]"],
    ["[x](y"],
    ["]("],
    ["["],
    ["_"],
    ["{{"],
    ["}}"],
    ["[](x)"],
  ])("renders the unbalanced %j literally", (source) => {
    expect(inline(source)).toEqual([text(source)]);
  });

  it("keeps HTML as text", () => {
    expect(inline('<script>alert(1)</script> <img src=x onerror="y">')).toEqual([
      text('<script>alert(1)</script> <img src=x onerror="y">'),
    ]);
  });

  it("turns a backslash before ASCII punctuation into that character, literally", () => {
    expect(inline("\\*niet\\* \\_ook niet\\_ \\[x\\](y) \\{{company.name}} \\\\ \\a")).toEqual([
      text("*niet* _ook niet_ [x](y) {{company.name}} \\ \\a"),
    ]);
  });
});

describe("links", () => {
  it("reads [text](url) with markup in the text and balanced parentheses in the url", () => {
    expect(inline("zie [**de** site](https://a.nl/x_(y)) nu")).toEqual([
      text("zie "),
      {
        type: "link",
        href: "https://a.nl/x_(y)",
        children: [{ type: "strong", children: [text("de")] }, text(" site")],
      },
      text(" nu"),
    ]);
  });

  it("links bare http(s) URLs without their trailing punctuation", () => {
    expect(inline("Zie https://a.nl/p?q=1. Of (http://b.nl/x)!")).toEqual([
      text("Zie "),
      { type: "link", href: "https://a.nl/p?q=1", children: [text("https://a.nl/p?q=1")] },
      text(". Of ("),
      { type: "link", href: "http://b.nl/x", children: [text("http://b.nl/x")] },
      text(")!"),
    ]);
  });

  it.each([
    ["https://a.nl", "https://a.nl"],
    ["HTTP://a.nl", "HTTP://a.nl"],
    ["mailto:privacy@a.nl", "mailto:privacy@a.nl"],
    ["tel:+31301234567", "tel:+31301234567"],
    ["  https://a.nl/a b  ", "https://a.nl/a%20b"],
  ])("keeps the safe link %j", (href, expected) => {
    expect(inline(`[x](${href})`)).toEqual([{ type: "link", href: expected, children: [text("x")] }]);
  });

  it.each([
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    [" javascript:alert(1)"],
    ["java\tscript:alert(1)"],
    ["\u0001javascript:alert(1)"],
    [" data:text/html,<b>"],
    ["vbscript:msgbox(1)"],
    ["/privacy"],
    ["privacy.html"],
    ["//evil.example"],
    ["#top"],
  ])("drops the link to %j and keeps its text", (href) => {
    expect(inline(`voor [de tekst](${href}) na`)).toEqual([text("voor de tekst na")]);
  });

  it("fills placeholders in link targets before checking them", () => {
    expect(inline("[site]({{company.website}}/privacy)")).toEqual([
      { type: "link", href: "https://acme.nl/privacy", children: [text("site")] },
    ]);
    // A placeholder without a value leaves no usable target: the text stays, the link goes.
    expect(inline("[fg](mailto:{{company.dpo.email}})")).toEqual([text("fg")]);
  });

  it("checks the target again with the value filled in", () => {
    const evil: PlaceholderFill = () => "javascript:alert(1)";
    expect(renderAuthorText("[x]({{company.website}})", evil)).toEqual([
      { type: "paragraph", children: [text("x")] },
    ]);
    expect(sanitizeHref("JAVASCRIPT:x")).toBeNull();
  });
});

describe("placeholders", () => {
  it("inserts values as plain text after parsing, with or without spaces inside the braces", () => {
    expect(inline("{{company.name}} / {{ company.name }}")).toEqual([
      text("Acme **B.V.** <b> / Acme **B.V.** <b>"),
    ]);
  });

  it("leaves a missing node for a placeholder without a value or with an unknown name", () => {
    expect(inline("Bel {{ company.phone }} of {{nope}}")).toEqual([
      text("Bel "),
      { type: "missing", name: "company.phone" },
      text(" of "),
      { type: "missing", name: "nope" },
    ]);
  });

  it("works inside emphasis and link text", () => {
    expect(inline("**{{company.name}}** [{{company.website}}](https://x.nl)")).toEqual([
      { type: "strong", children: [text("Acme **B.V.** <b>")] },
      text(" "),
      { type: "link", href: "https://x.nl", children: [text("https://acme.nl")] },
    ]);
  });
});

describe("normalisation", () => {
  it("folds CRLF and CR into LF, drops control characters and replaces lone surrogates", () => {
    expect(normalizeText("a\r\nb\rc\u0000d\u0007e\u009bf\tg\uD800h\uDC00i😀")).toBe(
      "a\nb\ncdef\tg\uFFFDh\uFFFDi😀",
    );
    expect(parse("een\r\ntwee\r\rdrie")).toEqual([
      { type: "paragraph", children: [text("een twee")] },
      { type: "paragraph", children: [text("drie")] },
    ]);
  });
});

describe("hostile input", () => {
  it.each([
    ["open brackets", "[".repeat(20_000)],
    ["unclosed link targets", "[a](".repeat(5_000)],
    ["mixed unbalanced markers", "*a _b [c](d **e ".repeat(1_300)],
    ["placeholder openers", "{{".repeat(10_000)],
  ])("parses 20,000 characters of %s quickly and as text", (_name, source) => {
    const started = performance.now();
    const blocks = parse(source);
    // Generous bound: it guards against backtracking blow-ups, not against a slow machine.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(blocks).toHaveLength(1);
  });
});
