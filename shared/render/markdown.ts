// The statement as Markdown (GFM), e.g. for a repository or another CMS. All text is escaped
// so that whatever Markdown renderer reads it, author text stays text: no emphasis, links,
// headings, lists or raw HTML can come out of it that the statement did not contain.
import type { Language } from "../model.ts";
import type { Block, Inline, ResolvedStatement, VersionMeta } from "../statement.ts";
import { sanitizeHref } from "../markdown.ts";
import { describeMeta, joinLines, writeMissing } from "./common.ts";
import { rememberPerBlocks } from "./memo.ts";

export function renderMarkdown(statement: ResolvedStatement, meta: VersionMeta | null): string {
  const { language } = statement;
  const parts: string[] = [`# ${escapeMarkdownLine(statement.title)}`];
  for (const section of statement.sections) {
    parts.push(`## ${escapeMarkdownLine(section.title)}`);
    const body = renderBlocksMarkdown(section.blocks, language);
    if (body !== "") parts.push(body);
  }
  if (meta !== null) {
    const lines = describeMeta(meta, language).map(
      (line) =>
        `- ${escapeMarkdown(line.label)}: ${line.kind === "hash" ? `\`${escapeCode(line.value)}\`` : escapeMarkdown(line.value)}`,
    );
    parts.push("---", lines.join("\n"));
  }
  return `${parts.join("\n\n")}\n`;
}

export const renderBlocksMarkdown = rememberPerBlocks(writeBlocksMarkdown);

function writeBlocksMarkdown(blocks: Block[], language: Language): string {
  return blocks.map((block) => renderBlock(block, language)).join("\n\n");
}

function renderBlock(block: Block, language: Language): string {
  switch (block.type) {
    case "paragraph":
      return protectLineStart(renderInlines(block.children, language));
    case "list":
      return block.items.map((item) => `- ${protectLineStart(renderInlines(item, language))}`).join("\n");
    case "table": {
      const row = (cells: string[]): string => `| ${cells.map((c) => c || " ").join(" | ")} |`;
      return [
        row(block.head.map(escapeMarkdown)),
        row(block.head.map(() => "---")),
        ...block.rows.map((cells) => row(cells.map((cell) => renderInlines(cell, language).trim()))),
      ].join("\n");
    }
  }
}

function renderInlines(nodes: Inline[], language: Language): string {
  return nodes.map((node) => renderInline(node, language)).join("");
}

function renderInline(node: Inline, language: Language): string {
  switch (node.type) {
    case "text":
      return escapeMarkdown(node.value);
    case "strong":
      return `**${renderInlines(node.children, language)}**`;
    case "em":
      return `*${renderInlines(node.children, language)}*`;
    case "link": {
      const href = sanitizeHref(node.href);
      const text = renderInlines(node.children, language);
      return href === null ? text : `[${text}](${escapeDestination(href)})`;
    }
    case "missing":
      return `**${escapeMarkdown(writeMissing(node.name, language))}**`;
  }
}

// Every ASCII character that can start or end Markdown or HTML syntax inline. A backslash
// before ASCII punctuation always means "this character, literally" in CommonMark.
const INLINE_SPECIAL = /[\\`*_[\]<>#|&~!]/g;

export function escapeMarkdown(text: string): string {
  return joinLines(text).replace(INLINE_SPECIAL, "\\$&");
}

function escapeMarkdownLine(text: string): string {
  return protectLineStart(escapeMarkdown(text));
}

/** Text at the start of a line must not read as a list marker, setext underline or code block. */
function protectLineStart(line: string): string {
  return line
    .trimStart()
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

function escapeDestination(href: string): string {
  return href
    .replace(/\\/g, "%5C")
    .replace(/ /g, "%20")
    .replace(/</g, "%3C")
    .replace(/>/g, "%3E")
    .replace(/[()]/g, "\\$&");
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "");
}
