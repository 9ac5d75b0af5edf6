// The shape every input format is parsed into: headings, paragraphs and bullet lists, each
// piece kept both as plain text (for recognising headings, periods and names) and as text in
// the author Markdown subset (for the draft), so nothing typed in the source turns into markup.

/** One paragraph or bullet: plain text, and the same text in the author Markdown subset. */
export interface Line {
  text: string;
  md: string;
}

export type ImportBlock =
  | { type: "heading"; level: number; text: string }
  | { type: "paragraph"; line: Line }
  | { type: "list"; items: Line[] };

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

/** Markdown subset back to plain text: escapes, emphasis markers and link syntax removed. */
export function stripMarkdown(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, (_m, text: string, href: string) =>
      text === href ? text : `${text} (${href})`,
    )
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(?<![\w*])([*_])(?=\S)([\s\S]*?\S)\1(?![\w*])/g, "$2")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** Blocks as a Markdown-subset body: blank lines between blocks, "- " before each bullet. */
export function writeBody(blocks: readonly ContentBlock[]): string {
  return blocks
    .map((block) =>
      block.type === "paragraph" ? block.line.md : block.items.map((item) => `- ${item.md}`).join("\n"),
    )
    .join("\n\n");
}

/** Plain text of blocks, one paragraph or bullet per entry. */
export function listPieces(blocks: readonly ContentBlock[]): string[] {
  return blocks.flatMap((block) =>
    block.type === "paragraph" ? [block.line.text] : block.items.map((i) => i.text),
  );
}

const TITLE =
  /^(?:privacy ?verklaring|privacy ?statement|privacybeleid|privacy policy|privacyreglement|privacy notice)\b/i;

export function looksLikeTitle(text: string): boolean {
  return TITLE.test(text.trim());
}
