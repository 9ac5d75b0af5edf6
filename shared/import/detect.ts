// Which format a pasted or uploaded statement is in. People paste Markdown into a "text" box and
// save HTML pages as .txt, so the stated format is a hint only: clear evidence of HTML or
// Markdown wins over it, and plain text is what is left.

export const IMPORT_FORMATS = ["auto", "text", "markdown", "html"] as const;
export type ImportFormatHint = (typeof IMPORT_FORMATS)[number];
export type ImportFormat = Exclude<ImportFormatHint, "auto">;

export interface DetectedFormat {
  format: ImportFormat;
  /** The format the caller gave, if any. */
  hint: ImportFormatHint;
  /** Why this format was chosen, when it is not simply the hint. */
  why: { nl: string; en: string };
}

const HTML_TAG =
  /<\/?(?:html|head|body|main|article|section|div|p|h[1-6]|ul|ol|li|table|tr|td|th|br|strong|em|b|i|a|span|dl|dt|dd)\b[^<>]{0,2000}>/gi;
const ATX = /^\s{0,3}#{1,6}\s+\S/m;
const BOLD_LINE = /^\s*(?:#{1,6}\s+)?(\*\*|__)\S.*\S\1\s*:?\s*$/gm;
const LINK = /\[[^\]\n]{1,300}\]\((?:https?:|mailto:)[^)\s]{1,500}\)/;
const PIPE_TABLE = /^\s*\|.*\|\s*\n\s*\|?\s*:?-{3,}/m;
const EMPHASIS = /(?<![\w*])(\*\*|__)\S[^\n]*?\S\1(?![\w*])/g;

export function detectFormat(text: string, hint: ImportFormatHint = "auto"): DetectedFormat {
  const tags = (text.match(HTML_TAG) ?? []).length;
  const closing = /<\/(?:p|div|h[1-6]|li|td|tr|ul|ol|table|section|article|body)>/i.test(text);
  // A few tags with closing tags, or a document: HTML, whatever the hint says.
  if ((tags >= 3 && closing) || /^\s*(?:<!doctype html|<html)/i.test(text)) {
    return {
      format: "html",
      hint,
      why:
        hint === "html"
          ? { nl: "HTML, zoals opgegeven.", en: "HTML, as given." }
          : {
              nl: `Herkend als HTML (${tags} HTML-tags), ook al was ${describeHint(hint).nl} opgegeven.`,
              en: `Recognised as HTML (${tags} HTML tags), although ${describeHint(hint).en} was given.`,
            },
    };
  }
  const markdown = markdownEvidence(text);
  if (markdown !== null) {
    return {
      format: "markdown",
      hint,
      why:
        hint === "markdown"
          ? { nl: "Markdown, zoals opgegeven.", en: "Markdown, as given." }
          : {
              nl: `Herkend als Markdown (${markdown.nl}), ook al was ${describeHint(hint).nl} opgegeven.`,
              en: `Recognised as Markdown (${markdown.en}), although ${describeHint(hint).en} was given.`,
            },
    };
  }
  return {
    format: "text",
    hint,
    why:
      hint === "text" || hint === "auto"
        ? { nl: "Platte tekst.", en: "Plain text." }
        : {
            nl: `Geen ${hint === "html" ? "HTML-tags" : "Markdown-opmaak"} gevonden: gelezen als platte tekst.`,
            en: `No ${hint === "html" ? "HTML tags" : "Markdown formatting"} found: read as plain text.`,
          },
  };
}

function describeHint(hint: ImportFormatHint): { nl: string; en: string } {
  switch (hint) {
    case "auto":
      return { nl: "niets", en: "nothing" };
    case "text":
      return { nl: "platte tekst", en: "plain text" };
    case "markdown":
      return { nl: "Markdown", en: "Markdown" };
    case "html":
      return { nl: "HTML", en: "HTML" };
  }
}

/** What shows the text is Markdown, or null: headings, bold-only lines, links, tables, emphasis. */
function markdownEvidence(text: string): { nl: string; en: string } | null {
  if (ATX.test(text)) return { nl: "koppen met #", en: "headings with #" };
  if (PIPE_TABLE.test(text)) return { nl: "een tabel met |", en: "a table with |" };
  if (LINK.test(text)) return { nl: "links als [tekst](adres)", en: "links as [text](address)" };
  const boldLines = (text.match(BOLD_LINE) ?? []).length;
  if (boldLines >= 2) return { nl: "vetgedrukte koppen met **", en: "bold headings with **" };
  // Bold spans alone are Markdown only when there are several: "**" rarely occurs in prose.
  if ((text.match(EMPHASIS) ?? []).length >= 3) return { nl: "vet met **", en: "bold with **" };
  return null;
}
