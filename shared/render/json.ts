// The statement as JSON for other systems: each section's body in HTML, Markdown and text, so a
// consumer can pick the form it can display without parsing anything itself.
import { writeIndentedJson } from "../indented-json.ts";
import type { Language } from "../model.ts";
import type { ResolvedStatement, VersionMeta } from "../statement.ts";
import { renderBlocksHtml } from "./html-fragment.ts";
import { renderBlocksMarkdown } from "./markdown.ts";
import { renderBlocksText } from "./text.ts";

/** The JSON format of a statement, as served at /v1/statements/{group}/{company}.json. */
export interface StatementJson {
  group: { slug: string; name: string };
  tenant: { slug: string; name: string };
  version: number | null;
  baselineVersion: number | null;
  language: Language;
  title: string;
  publishedAt: string | null;
  effectiveFrom: string | null;
  contentHash: string | null;
  sections: { key: string; title: string; html: string; markdown: string; text: string }[];
}

export function renderJson(statement: ResolvedStatement, meta: VersionMeta | null): string {
  const { language } = statement;
  // Objects are built in the documented key order; JSON.stringify keeps insertion order.
  const document: StatementJson = {
    group: { slug: statement.group.slug, name: statement.group.name },
    tenant: { slug: statement.tenant.slug, name: statement.tenant.name },
    version: meta?.version ?? null,
    baselineVersion: meta?.baselineVersion ?? null,
    language,
    title: statement.title,
    publishedAt: meta?.publishedAt ?? null,
    effectiveFrom: meta?.effectiveFrom ?? null,
    contentHash: meta?.contentHash ?? null,
    sections: statement.sections.map((section) => ({
      key: section.key,
      title: section.title,
      html: renderBlocksHtml(section.blocks, language, section.title),
      markdown: renderBlocksMarkdown(section.blocks, language),
      text: renderBlocksText(section.blocks, language),
    })),
  };
  // JSON.stringify(document, null, 2), without V8's slow path for indented output.
  return `${writeIndentedJson(document)}\n`;
}
