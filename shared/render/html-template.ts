// Pages built with hono/html's escaping template: every interpolated value is escaped unless it is
// itself a template (or raw(), for a stylesheet). The template may be asynchronous in general;
// ours never are, and this turns one into its text.
import type { HtmlEscapedString } from "hono/utils/html";

export type HtmlTemplate = HtmlEscapedString | Promise<HtmlEscapedString>;

export function writeHtml(fragment: HtmlTemplate): string {
  if (fragment instanceof Promise) throw new Error("an HTML template was given a promise");
  return fragment.toString();
}
