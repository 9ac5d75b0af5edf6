// What every renderer shares: labels in both languages, dates written by hand (Intl output
// differs between runtimes, and a published text must be byte-identical everywhere), anchors
// and escaping.
import type { Language } from "../model.ts";
import type { Inline, VersionMeta } from "../statement.ts";
import { describeMissing } from "../placeholders.ts";

export const LABELS = {
  nl: {
    contents: "Inhoud",
    version: "Versie",
    effectiveFrom: "Geldig vanaf",
    publishedAt: "Gepubliceerd op",
    contentHash: "Controlegetal (SHA-256)",
  },
  en: {
    contents: "Contents",
    version: "Version",
    effectiveFrom: "Effective from",
    publishedAt: "Published on",
    contentHash: "Content hash (SHA-256)",
  },
} as const satisfies Record<Language, Record<string, string>>;

const MONTHS: Record<Language, readonly string[]> = {
  nl: "januari februari maart april mei juni juli augustus september oktober november december".split(" "),
  en: "January February March April May June July August September October November December".split(" "),
};

/** The UTC calendar date of an ISO timestamp, or null when it is not one. */
export function readUtcDate(iso: string): { year: number; month: number; day: number } | null {
  // A date-time without an offset would be read as local time; the timestamps are UTC.
  const time = Date.parse(/T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(iso) ? `${iso}Z` : iso);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function formatDate(iso: string, language: Language): string {
  const date = readUtcDate(iso);
  if (date === null) return iso;
  return `${date.day} ${MONTHS[language][date.month - 1] ?? ""} ${date.year}`;
}

/** YYYY-MM-DD, for machine-readable dates next to the written-out one. */
export function formatIsoDate(iso: string): string | null {
  const date = readUtcDate(iso);
  if (date === null) return null;
  const pad = (n: number, width: number): string => String(n).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export interface MetaLine {
  label: string;
  value: string;
  kind: "number" | "date" | "hash";
  /** For dates: the original ISO timestamp. */
  iso?: string;
}

export function describeMeta(meta: VersionMeta, language: Language): MetaLine[] {
  const labels = LABELS[language];
  return [
    { label: labels.version, value: String(meta.version), kind: "number" },
    {
      label: labels.effectiveFrom,
      value: formatDate(meta.effectiveFrom, language),
      kind: "date",
      iso: meta.effectiveFrom,
    },
    {
      label: labels.publishedAt,
      value: formatDate(meta.publishedAt, language),
      kind: "date",
      iso: meta.publishedAt,
    },
    { label: labels.contentHash, value: meta.contentHash, kind: "hash" },
  ];
}

/** Section keys cannot contain "-", so ids with a second dash never collide with a section's. */
export function sectionId(key: string): string {
  return `vk-${key}`;
}
export const TOC_HEADING_ID = "vk-toc-heading";
export function sectionHeadingId(key: string): string {
  return `vk-${key}-heading`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}
const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function writeMissing(name: string, language: Language): string {
  return describeMissing(name, language);
}

/** The plain text of inline content, e.g. to compare a link's text with its target. */
export function readPlainText(nodes: Inline[], language: Language): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case "text":
          return node.value;
        case "missing":
          return writeMissing(node.name, language);
        default:
          return readPlainText(node.children, language);
      }
    })
    .join("");
}

/** A link whose text is its own target, such as an auto-linked URL. */
export function isBareLink(node: Extract<Inline, { type: "link" }>): boolean {
  const only = node.children[0];
  return node.children.length === 1 && only?.type === "text" && only.value === node.href;
}

/** Text on one line: each line break, with the spaces around it, becomes one space. */
export function joinLines(text: string): string {
  // Most text has no line break; the regular expression is the expensive part of rendering it.
  return text.includes("\n") ? text.replace(/\s*\n\s*/g, " ") : text;
}
