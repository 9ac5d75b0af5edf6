// Shorthands for tests that resolve the fixture statement and read it back as plain text.
import type { Language, TenantContent } from "../model.ts";
import { resolveStatement } from "../resolve.ts";
import { renderBlocksText } from "../render/text.ts";
import type { ResolvedStatement } from "../statement.ts";
import { createBaseline, createContent, createTenant } from "./fixtures.ts";

export const resolve = (content: TenantContent, language: Language = "nl"): ResolvedStatement =>
  resolveStatement(createBaseline(), createTenant(content), language);
export const keys = (statement: ResolvedStatement): string[] => statement.sections.map((s) => s.key);
export const bodyOf = (statement: ResolvedStatement, key: string): string => {
  const section = statement.sections.find((s) => s.key === key);
  if (section === undefined) throw new Error(`no section ${key}`);
  return renderBlocksText(section.blocks, statement.language);
};
export const withOverride = (key: string, override: TenantContent["overrides"][string]): TenantContent => {
  const content = createContent();
  content.overrides[key] = override;
  return content;
};
