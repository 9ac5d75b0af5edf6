// The shape every input format is parsed into: headings, paragraphs, bullet lists and tables,
// each piece kept both as plain text (for recognising headings, periods and names) and as text
// in the author Markdown subset (for the draft), so nothing typed in the source turns into markup.

/** One paragraph, bullet or table cell: plain text, and the same text in the author Markdown subset. */
export interface Line {
  text: string;
  md: string;
}

/** How a heading was recognised; the review says it, and tests pin it per style. */
export type HeadingForm =
  "markdown" | "underlined" | "html" | "bold" | "caps" | "numbered" | "question" | "short-line";

export type ImportBlock =
  | { type: "heading"; level: number; text: string; form: HeadingForm }
  | { type: "paragraph"; line: Line }
  | { type: "list"; items: Line[] }
  | { type: "table"; head: Line[] | null; rows: Line[][] };

export type ContentBlock = Exclude<ImportBlock, { type: "heading" }>;

const URL_OR_MAIL =
  /(https?:\/\/[^\s<>"{}\\]+|www\.[^\s<>"{}\\]+|[\w.%+-]{1,64}@[\w.-]{1,255}\.[a-z]{2,24})/gi;

/** Whitespace as one plain space: pasted text carries NBSPs, tabs and zero-width spaces. */
export function normalizeSpaces(text: string): string {
  return text
    .replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF/g, "")
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, " ")
    .trim();
}

/** Plain text as author Markdown: characters with a meaning there are escaped, URLs left intact. */
export function escapeMarkdown(text: string): string {
  return text
    .split(URL_OR_MAIL)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_[\]{}`]/g, "\\$&")))
    .join("");
}

export function plainLine(text: string): Line {
  const clean = normalizeSpaces(text);
  return { text: clean, md: escapeMarkdown(clean) };
}

/** A line of Markdown source: the Markdown kept, the plain text derived. */
export function markdownLine(md: string): Line {
  const clean = normalizeSpaces(md);
  return { text: normalizeSpaces(stripMarkdown(clean)), md: clean };
}

/** Markdown subset back to plain text: escapes, emphasis markers and link syntax removed. */
export function stripMarkdown(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, (_m, text: string, href: string) =>
      text === href || `mailto:${text}` === href ? text : `${text} (${href.replace(/^mailto:/, "")})`,
    )
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(?<![\w*\\])([*_])(?=\S)([\s\S]*?[^\s\\])\1(?![\w*])/g, "$2")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** A table row as one line of text: its cells joined with a dash, as the draft shows it. */
export function joinCells(cells: readonly Line[]): Line {
  return {
    text: cells.map((c) => c.text).join(" — "),
    md: cells.map((c) => c.md).join(" — "),
  };
}

/** Blocks as a Markdown-subset body: blank lines between blocks, "- " before each bullet and row. */
export function writeBody(blocks: readonly ContentBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case "paragraph":
          return block.line.md;
        case "list":
          return block.items.map((item) => `- ${item.md}`).join("\n");
        case "table":
          // The author Markdown subset has no tables: the head is a line, each row a bullet.
          return [
            ...(block.head === null ? [] : [joinCells(block.head).md]),
            ...block.rows.map((row) => `- ${joinCells(row).md}`),
          ].join("\n");
      }
    })
    .filter((text) => text !== "")
    .join("\n\n");
}

const TITLE =
  /^(?:privacy ?verklaring|privacy-verklaring|privacy ?statement|privacybeleid|privacy policy|privacyreglement|privacy notice|privacy- en cookieverklaring|privacy en cookies)\b/i;

export function looksLikeTitle(text: string): boolean {
  return TITLE.test(text.trim());
}
