// The statement as JSON for other systems: each section's body in HTML, Markdown and text, so a
// consumer can pick the form it can display without parsing anything itself.
import type { ResolvedStatement, VersionMeta } from "../statement.ts";
import { renderBlocksHtml } from "./html-fragment.ts";
import { renderBlocksMarkdown } from "./markdown.ts";
import { renderBlocksText } from "./text.ts";

export function renderJson(statement: ResolvedStatement, meta: VersionMeta | null): string {
  const { language } = statement;
  // Objects are built in the documented key order; JSON.stringify keeps insertion order.
  const document = {
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
  return `${JSON.stringify(document, null, 2)}\n`;
}
