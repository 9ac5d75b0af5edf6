// A small, strict XML 1.0 reader for tests (workerd has no DOMParser). It throws on anything that
// is not well-formed — unbalanced or misnested tags, unquoted or repeated attributes, unknown
// entities, characters XML cannot carry, more than one root — and otherwise returns the element
// tree with entities decoded. No DTDs: our feeds never have one.
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its descendants'), decoded. */
  text: string;
}

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const SPACE = /[ \t\r\n]*/y;
// Everything XML 1.0 allows, as whole code points.
const INVALID_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  const bad = INVALID_CHAR.exec(source);
  if (bad) fail(`character U+${(bad[0].codePointAt(0) ?? 0).toString(16)} is not allowed`, bad.index);
  let pos = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  const match = (pattern: RegExp): string | null => {
    pattern.lastIndex = pos;
    const found = pattern.exec(source);
    if (!found) return null;
    pos += found[0].length;
    return found[0];
  };
  const expect = (text: string): void => {
    if (!source.startsWith(text, pos)) fail(`expected "${text}"`, pos);
    pos += text.length;
  };
  const skipUntil = (end: string, what: string): string => {
    const at = source.indexOf(end, pos);
    if (at < 0) fail(`unterminated ${what}`, pos);
    const content = source.slice(pos, at);
    pos = at + end.length;
    return content;
  };

  if (source.startsWith("<?xml", 0)) skipUntil("?>", "XML declaration");
  while (pos < source.length) {
    const current = stack[stack.length - 1];
    if (source.startsWith("<!--", pos)) {
      pos += 4;
      if (skipUntil("-->", "comment").includes("--")) fail('"--" inside a comment', pos);
    } else if (source.startsWith("<![CDATA[", pos)) {
      if (!current) fail("CDATA outside the root element", pos);
      pos += 9;
      current.text += skipUntil("]]>", "CDATA section");
    } else if (source.startsWith("<?", pos)) {
      pos += 2;
      skipUntil("?>", "processing instruction");
    } else if (source.startsWith("<!", pos)) {
      fail("DTDs and declarations are not supported", pos);
    } else if (source.startsWith("</", pos)) {
      pos += 2;
      const name = match(NAME);
      match(SPACE);
      expect(">");
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name ?? "nothing"}>`, pos);
    } else if (source[pos] === "<") {
      pos += 1;
      const name = match(NAME) ?? fail("expected an element name", pos);
      if (!current && root) fail("a second root element", pos);
      const element: XmlElement = { name, attributes: {}, children: [], text: "" };
      for (;;) {
        const spaced = match(SPACE) !== "";
        if (source.startsWith("/>", pos) || source[pos] === ">") break;
        if (!spaced) fail("attributes must be separated by white space", pos);
        const attribute = match(NAME) ?? fail("expected an attribute name", pos);
        match(SPACE);
        expect("=");
        match(SPACE);
        const quote = source[pos];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attribute} is not quoted`, pos);
        pos += 1;
        const raw = skipUntil(quote, "attribute value");
        if (raw.includes("<")) fail(`"<" in attribute ${attribute}`, pos);
        if (attribute in element.attributes) fail(`attribute ${attribute} repeated`, pos);
        element.attributes[attribute] = decode(raw, pos);
      }
      if (current) current.children.push(element);
      else root = element;
      if (source.startsWith("/>", pos)) pos += 2;
      else {
        pos += 1;
        stack.push(element);
      }
    } else {
      const end = source.indexOf("<", pos);
      const raw = source.slice(pos, end < 0 ? source.length : end);
      if (raw.includes("]]>")) fail('"]]>" in text', pos);
      if (!current && raw.trim() !== "") fail("text outside the root element", pos);
      if (current) current.text += decode(raw, pos);
      pos += raw.length;
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]?.name}> is not closed`, pos);
  if (!root) fail("no root element", pos);
  return root;
}

function decode(raw: string, at: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (reference, name: string) => {
    if (!reference.endsWith(";")) fail(`"&" must start an entity reference`, at);
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
    if (numeric) {
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
      const char = code <= 0x10ffff ? String.fromCodePoint(code) : "\u0000";
      if (INVALID_CHAR.test(char)) fail(`&${name}; is not an allowed character`, at);
      return char;
    }
    return PREDEFINED[name] ?? fail(`unknown entity &${name};`, at);
  });
}

function fail(message: string, at: number): never {
  throw new Error(`XML not well-formed at ${at}: ${message}`);
}

/** Child elements of `element` called `name`. */
export const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((child) => child.name === name);
