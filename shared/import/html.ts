// A small, tolerant HTML reader: no DOM exists in the worker, and a statement copied from a
// CMS is rarely valid HTML. It writes the page as Markdown — h1–h6 as "#" headings, list items
// as bullets, tables as "|" rows, other block elements as paragraphs, <br> as a line break,
// links, bold and italics as author Markdown — so one reader finds the headings of every
// format (a CMS that marks headings as <p><strong>…</strong></p> is caught there too). Script
// and style content is dropped; every other piece of text ends up in some block.
import { escapeMarkdown, normalizeSpaces } from "./blocks.ts";

// Site chrome (navigation, footer) and non-text elements are not part of the statement.
const RAW_TEXT = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "svg",
  "nav",
  "footer",
  "form",
  "iframe",
]);
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

const emptyInline = (): Inline => ({ text: "", md: "", open: [] });
const LIST_END = "\u0000list-end";

export function htmlToMarkdown(source: string): { markdown: string; title?: string } {
  const out: string[] = [];
  let inline = emptyInline();
  let heading: number | null = null;
  let listDepth = 0;
  let inItem = false;
  let table: { rows: string[][]; headRow: boolean } | null = null;
  let row: { cells: string[]; header: boolean } | null = null;
  let inCell = false;
  let title: string | undefined;
  let inTitle = false;

  /** The inline text so far as one block of Markdown lines ("\n" kept for <br>). */
  const take = (): string => {
    const md = inline.md
      .split("\n")
      .map((part) => normalizeSpaces(part))
      .filter((part) => part !== "")
      .join("\n");
    inline = emptyInline();
    return md;
  };
  const flush = (): void => {
    if (inCell) return;
    const md = take();
    if (md === "") return;
    if (heading !== null) out.push(`${"#".repeat(heading)} ${md.replace(/\n/g, " ")}`);
    else if (inItem) out.push(`- ${md.replace(/\n/g, " ")}`);
    else out.push(md.replace(/^#/, "\\#"));
  };
  const endCell = (): void => {
    if (!inCell || row === null) return;
    inCell = false;
    row.cells.push(take().replace(/\n/g, " ").replace(/\|/g, "\\|"));
  };
  const endRow = (): void => {
    endCell();
    if (row !== null && table !== null && row.cells.some((cell) => cell !== "")) {
      if (table.rows.length === 0) table.headRow = row.header;
      table.rows.push(row.cells);
    }
    row = null;
  };
  const endTable = (): void => {
    endRow();
    if (table === null) return;
    const width = Math.max(0, ...table.rows.map((cells) => cells.length));
    const lines = table.rows.map((cells) => {
      const padded = [...cells, ...Array<string>(width - cells.length).fill("")];
      return `| ${padded.join(" | ")} |`;
    });
    if (table.headRow && lines.length > 0) lines.splice(1, 0, `|${" --- |".repeat(width)}`);
    if (lines.length > 0) out.push(lines.join("\n"));
    table = null;
  };
  const addText = (raw: string): void => {
    const text = decodeEntities(raw).replace(/\s+/g, " ");
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
    if (level !== null && !inCell) {
      flush();
      heading = closing ? null : Number(level[1]);
      continue;
    }
    if (name === "table") {
      if (closing) endTable();
      else if (table === null) {
        flush();
        table = { rows: [], headRow: false };
      }
      continue;
    }
    if (table !== null) {
      // Text outside any cell (a caption) goes before the table as a paragraph of its own.
      if (!inCell && (name === "tr" || name === "td" || name === "th")) {
        const loose = take();
        if (loose !== "") out.push(loose);
      }
      if (name === "tr") {
        endRow();
        if (!closing) row = { cells: [], header: true };
        continue;
      }
      if (name === "td" || name === "th") {
        endCell();
        if (!closing) {
          row ??= { cells: [], header: true };
          if (name === "td") row.header = false;
          inCell = true;
        }
        continue;
      }
      if (name === "br" || BLOCK.has(name) || name === "li") {
        if (inCell) inline.md += " ";
        continue;
      }
    }
    if (name === "li") {
      flush();
      inItem = !closing;
      continue;
    }
    if (name === "ul" || name === "ol") {
      flush();
      listDepth = Math.max(0, listDepth + (closing ? -1 : 1));
      inItem = false;
      // The end of the outermost list separates it from a list right after it.
      if (closing && listDepth === 0) out.push(LIST_END);
      continue;
    }
    if (name === "br") {
      inline.md += "\n";
      inline.text += " ";
      continue;
    }
    if (BLOCK.has(name)) {
      // A paragraph inside a list item stays part of the item.
      flush();
      continue;
    }
    formatInline(inline, name, closing, match[2] ?? "");
  }
  addText(source.slice(last));
  endTable();
  flush();
  // Items of one list stay on consecutive lines; every other block is a paragraph of its own.
  let markdown = "";
  let previous = "";
  for (const entry of out) {
    if (entry === LIST_END) {
      previous = LIST_END;
      continue;
    }
    const together = entry.startsWith("- ") && previous.startsWith("- ");
    markdown += markdown === "" ? entry : together ? `\n${entry}` : `\n\n${entry}`;
    previous = entry;
  }
  return {
    markdown,
    ...(title === undefined || title === "" ? {} : { title }),
  };
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
    if (innerText.trim() === opened.href.replace(/^mailto:/i, "")) return;
    inline.md = `${inline.md.slice(0, opened.at)}${lead}[${core}](${opened.href})${trail}`;
    return;
  }
  // A line break inside bold text ("<b>Kop<br></b>") closes the bold before the break.
  const marker = MARKERS[name] ?? "";
  const parts = core.split("\n").map((part) => part.trim());
  const wrapped = parts.map((part) => (part === "" ? "" : `${marker}${part}${marker}`)).join("\n");
  inline.md = `${inline.md.slice(0, opened.at)}${lead}${wrapped}${trail}`;
}

function readHref(attributes: string): string | undefined {
  const match = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/i.exec(attributes);
  const href = decodeEntities(match?.[1] ?? match?.[2] ?? match?.[3] ?? "").trim();
  // Only targets the statement renderer would keep; others stay plain text.
  return /^(?:https?:|mailto:|tel:)/i.test(href) && !/[\s()]/.test(href) ? href : undefined;
}
