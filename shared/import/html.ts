// A small, tolerant HTML reader: no DOM exists in the worker, and a statement copied from a
// CMS is rarely valid HTML. It keeps h1–h6 as headings, list items and table rows as bullets,
// other block elements as paragraphs, and links, bold and italics as author Markdown. Script
// and style content is dropped; every other piece of text ends up in some block.
import { escapeMarkdown, normalizeSpaces, type ImportBlock, type Line } from "./blocks.ts";

const RAW_TEXT = new Set(["script", "style", "template", "noscript"]);
const BLOCK = new Set(
  "p div section article header footer main nav aside blockquote address figure figcaption dd dt dl form fieldset hr pre ul ol table thead tbody tfoot caption body html details summary center".split(
    " ",
  ),
);
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
  shy: "",
  euro: "€",
  copy: "©",
  reg: "®",
  trade: "™",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  sbquo: "‚",
  bdquo: "„",
  laquo: "«",
  raquo: "»",
  bull: "•",
  middot: "·",
  deg: "°",
  sect: "§",
  para: "¶",
  times: "×",
  eacute: "é",
  egrave: "è",
  ecirc: "ê",
  euml: "ë",
  aacute: "á",
  agrave: "à",
  acirc: "â",
  auml: "ä",
  iacute: "í",
  igrave: "ì",
  icirc: "î",
  iuml: "ï",
  oacute: "ó",
  ograve: "ò",
  ocirc: "ô",
  ouml: "ö",
  uacute: "ú",
  ugrave: "ù",
  ucirc: "û",
  uuml: "ü",
  ccedil: "ç",
  ntilde: "ñ",
  szlig: "ß",
  Eacute: "É",
  Euml: "Ë",
  Iuml: "Ï",
  Ouml: "Ö",
  Uuml: "Ü",
  Auml: "Ä",
  oslash: "ø",
  aring: "å",
  ijlig: "ĳ",
  IJlig: "Ĳ",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});?/gi, (match, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : "\uFFFD";
    }
    return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? match;
  });
}

interface Inline {
  text: string;
  md: string;
  /** Open inline elements: where their Markdown starts and how to close it. */
  open: { tag: string; at: number; textAt: number; href?: string }[];
}

export function parseHtml(source: string): { blocks: ImportBlock[]; title?: string } {
  const blocks: ImportBlock[] = [];
  let inline: Inline = { text: "", md: "", open: [] };
  let heading: number | null = null;
  let items: Line[] | null = null;
  let row: string[] | null = null;
  let title: string | undefined;
  let inTitle = false;

  const take = (): Line | null => {
    const line = { text: normalizeSpaces(inline.text), md: normalizeSpaces(inline.md) };
    inline = { text: "", md: "", open: [] };
    return line.text === "" ? null : line;
  };
  const flush = (): void => {
    const line = take();
    if (line === null) return;
    if (heading !== null) blocks.push({ type: "heading", level: heading, text: line.text });
    else if (items !== null) items.push(line);
    else blocks.push({ type: "paragraph", line });
  };
  const endList = (): void => {
    flush();
    if (items !== null && items.length > 0) blocks.push({ type: "list", items });
    items = null;
  };
  const addText = (raw: string): void => {
    const text = decodeEntities(raw).replace(/[\s]+/g, " ");
    if (inTitle) {
      title = normalizeSpaces(`${title ?? ""} ${text}`);
      return;
    }
    inline.text += text;
    inline.md += escapeMarkdown(text);
  };

  // Attributes are read only for href; bounding them keeps a stray "<" from scanning the rest.
  const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]{0,4000}>|<\/?([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]{0,4000})?\/?>/g;
  let last = 0;
  for (let match = TOKEN.exec(source); match !== null; match = TOKEN.exec(source)) {
    addText(source.slice(last, match.index));
    last = TOKEN.lastIndex;
    const name = match[1]?.toLowerCase();
    if (name === undefined) continue;
    const closing = match[0].startsWith("</");
    if (!closing && RAW_TEXT.has(name)) {
      const end = source.toLowerCase().indexOf(`</${name}`, last);
      last = end < 0 ? source.length : end;
      TOKEN.lastIndex = last;
      continue;
    }
    if (name === "title") {
      inTitle = !closing;
      continue;
    }
    if (name === "head" && closing) inTitle = false;
    const level = /^h([1-6])$/.exec(name);
    if (level !== null) {
      flush();
      heading = closing ? null : Number(level[1]);
      if (closing) continue;
      // A heading inside a list item ends the list: headings never sit in a bullet here.
      if (items !== null) endList();
      continue;
    }
    if (name === "li") {
      flush();
      if (items === null) items = [];
      continue;
    }
    if (name === "ul" || name === "ol") {
      if (closing) endList();
      else flush();
      continue;
    }
    if (name === "tr") {
      if (!closing) row = [];
      else if (row !== null) {
        const cell = take();
        if (cell !== null) row.push(cell.md);
        if (row.length > 0) endRow(blocks, row);
        row = null;
      }
      continue;
    }
    if (name === "td" || name === "th") {
      if (row !== null && closing) {
        const cell = take();
        if (cell !== null) row.push(cell.md);
      } else if (row === null) flush();
      continue;
    }
    if (name === "br") {
      addText(" ");
      continue;
    }
    if (BLOCK.has(name)) {
      if (items !== null && name !== "p" && name !== "div") endList();
      else flush();
      continue;
    }
    formatInline(inline, name, closing, match[2] ?? "");
  }
  addText(source.slice(last));
  endList();
  return { blocks, ...(title === undefined || title === "" ? {} : { title }) };
}

function endRow(blocks: ImportBlock[], cells: string[]): void {
  const md = cells.join(" — ");
  const line = { text: normalizeSpaces(md.replace(/\\(.)/g, "$1")), md };
  const previous = blocks.at(-1);
  if (previous?.type === "list") previous.items.push(line);
  else blocks.push({ type: "list", items: [line] });
}

const MARKERS: Record<string, string> = { strong: "**", b: "**", em: "*", i: "*" };

function formatInline(inline: Inline, name: string, closing: boolean, attributes: string): void {
  if (name !== "a" && MARKERS[name] === undefined) return;
  if (!closing) {
    const href = name === "a" ? readHref(attributes) : undefined;
    inline.open.push({
      tag: name,
      at: inline.md.length,
      textAt: inline.text.length,
      ...(href ? { href } : {}),
    });
    return;
  }
  const index = inline.open.map((o) => o.tag).lastIndexOf(name);
  if (index < 0) return;
  const [opened] = inline.open.splice(index);
  if (opened === undefined) return;
  const inner = inline.md.slice(opened.at);
  const innerText = inline.text.slice(opened.textAt);
  if (inner.trim() === "") return;
  const lead = inner.match(/^\s*/)?.[0] ?? "";
  const trail = inner.match(/\s*$/)?.[0] ?? "";
  const core = inner.trim();
  if (name === "a") {
    if (opened.href === undefined || innerText.trim() === opened.href) return;
    inline.md = `${inline.md.slice(0, opened.at)}${lead}[${core}](${opened.href})${trail}`;
    return;
  }
  const marker = MARKERS[name] ?? "";
  inline.md = `${inline.md.slice(0, opened.at)}${lead}${marker}${core}${marker}${trail}`;
}

function readHref(attributes: string): string | undefined {
  const match = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/i.exec(attributes);
  const href = decodeEntities(match?.[1] ?? match?.[2] ?? match?.[3] ?? "").trim();
  // Only targets the statement renderer would keep; others stay plain text.
  return /^(?:https?:|mailto:|tel:)/i.test(href) && !/[\s()]/.test(href) ? href : undefined;
}
