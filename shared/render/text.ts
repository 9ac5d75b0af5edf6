// The statement as plain text, e.g. for e-mail or a print-out without styling. Emphasis is
// dropped, links keep their target in parentheses so nothing is lost on paper.
import type { Language } from "../model.ts";
import type { Block, Inline, ResolvedStatement, VersionMeta } from "../statement.ts";
import { sanitizeHref } from "../markdown.ts";
import { describeMeta, joinLines, writeMissing } from "./common.ts";
import { rememberPerBlocks } from "./memo.ts";

export function renderText(statement: ResolvedStatement, meta: VersionMeta | null): string {
  const { language } = statement;
  const parts: string[] = [underline(statement.title, "=")];
  for (const section of statement.sections) {
    parts.push(underline(section.title, "-"));
    const body = renderBlocksText(section.blocks, language);
    if (body !== "") parts.push(body);
  }
  if (meta !== null) {
    parts.push(
      describeMeta(meta, language)
        .map((line) => `${line.label}: ${line.value}`)
        .join("\n"),
    );
  }
  return `${parts.join("\n\n")}\n`;
}

function underline(title: string, char: string): string {
  const line = oneLine(title);
  return `${line}\n${char.repeat(Math.max(3, Array.from(line).length))}`;
}

export const renderBlocksText = rememberPerBlocks(writeBlocksText);

function writeBlocksText(blocks: Block[], language: Language): string {
  return blocks.map((block) => renderBlock(block, language)).join("\n\n");
}

function renderBlock(block: Block, language: Language): string {
  switch (block.type) {
    case "paragraph":
      return renderInlines(block.children, language);
    case "list":
      return block.items.map((item) => `- ${renderInlines(item, language)}`).join("\n");
    case "table":
      return [
        block.head.map(oneLine).join(" — "),
        ...block.rows.map((row) => `- ${row.map((cell) => renderInlines(cell, language)).join(" — ")}`),
      ].join("\n");
  }
}

function renderInlines(nodes: Inline[], language: Language): string {
  return nodes.map((node) => renderInline(node, language)).join("");
}

function renderInline(node: Inline, language: Language): string {
  switch (node.type) {
    case "text":
      return oneLine(node.value);
    case "strong":
    case "em":
      return renderInlines(node.children, language);
    case "link": {
      const text = renderInlines(node.children, language);
      const href = sanitizeHref(node.href);
      if (href === null || text === href) return text;
      return `${text} (${href})`;
    }
    case "missing":
      return writeMissing(node.name, language);
  }
}

const oneLine = joinLines;
