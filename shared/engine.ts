// Public entry point of the statement engine: resolve a baseline and a tenant into a statement,
// render it in each format, and hash it. Everything here is pure and runs in Node, workerd and
// the browser alike.
export { resolveStatement, validateOverrides, type OverrideViolation } from "./resolve.ts";
export { PLACEHOLDERS, type PlaceholderDefinition } from "./placeholders.ts";
export {
  sha256Hex,
  digestSha256Hex,
  hashStatementContent,
  digestStatementContent,
  cspHashSource,
} from "./hash.ts";
export { renderHtmlPage } from "./render/html-page.ts";
export { renderHtmlFragment } from "./render/html-fragment.ts";
export { renderMarkdown } from "./render/markdown.ts";
export { renderText } from "./render/text.ts";
export { renderJson } from "./render/json.ts";
export { PAGE_STYLE } from "./render/style.ts";

import type { ResolvedStatement, VersionMeta } from "./statement.ts";

export type StatementRenderer = (statement: ResolvedStatement, meta: VersionMeta | null) => string;
