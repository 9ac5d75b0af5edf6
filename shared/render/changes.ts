// "What changed?": the public comparison of a company's statement in force with the one before
// it, as a page and as an Atom feed that readers and monitoring tools can follow. The texts are the
// JSON renderings stored at publish time; lists and tables are shown as lists and tables, with the
// added and removed words marked in them.
// hono/html's template, named `markup` here so that Prettier does not reformat the templates as
// HTML: it would change the served bytes (and the page's own stylesheet, whose hash is its CSP).
import { html as markup, raw } from "hono/html";
import {
  diffStatements,
  type DiffOp,
  type DiffPart,
  type SectionDiff,
  type StatementDiff,
  type StatementSections,
} from "../diff.ts";
import type { Language } from "../model.ts";
import { formatDate, formatIsoDate, LABELS, sectionHeadingId } from "./common.ts";
import { writeHtml, type HtmlTemplate } from "./html-template.ts";
import { PAGE_STYLE } from "./style.ts";

/** One published version's text in one language, as a comparison reads it. */
export interface PublishedText {
  number: number;
  publishedAt: string;
  effectiveFrom: string;
  changeNote: string;
  material: boolean;
  /** The language of the rendering read, which may be a fallback for the one asked for. */
  language: Language;
  /** The statement's title, and the names as they were when this version was published. */
  title: string;
  group: { slug: string; name: string };
  tenant: { slug: string; name: string };
  sections: StatementSections;
}

export interface Comparison {
  current: PublishedText;
  previous: PublishedText | null;
  diff: StatementDiff | null;
}

/** Where this company's public pages are; the worker builds them from the request's origin. */
export interface ChangeLinks {
  statement: string;
  changes: string;
  feed: string;
  version: (n: number) => string;
}

export const CHANGES_STYLE = `${PAGE_STYLE}
:root{--ins:#d3f2da;--del:#fbdcdc}
@media (prefers-color-scheme:dark){:root{--ins:#1d4a2a;--del:#5a2222}}
ins{background:var(--ins);color:var(--fg);text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:.15em}
del{background:var(--del);color:var(--fg);text-decoration:line-through}
ins::before,ins::after,del::before,del::after{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
:lang(nl) ins::before{content:"[toegevoegd: "}:lang(nl) del::before{content:"[verwijderd: "}
:lang(en) ins::before{content:"[added: "}:lang(en) del::before{content:"[removed: "}
ins::after,del::after{content:"]"}
.vk-diff{overflow-wrap:break-word;margin:0 0 1rem}
.vk-status{color:var(--muted);font-size:.9375rem;margin:0 0 .5rem}
.vk-material{border-left:4px solid var(--mark);padding:.5rem 1rem}
`;

const TEXT = {
  nl: {
    heading: "Wat is er veranderd?",
    statementOf: (tenant: string) => `de privacyverklaring van ${tenant}`,
    compared: (current: string, previous: string) => `${current}, vergeleken met ${previous}.`,
    versionFrom: (n: number, date: string) => `versie ${n} (geldig vanaf ${date})`,
    onlyOne: (n: number, date: string) =>
      `Er is nog maar één versie van deze privacyverklaring: versie ${n}, geldig vanaf ${date}.`,
    changeNote: "Toelichting",
    material: "Wezenlijke wijziging",
    materialNote: "deze versie verandert iets wezenlijks aan hoe uw gegevens worden verwerkt.",
    noTextChange: "De tekst is niet veranderd.",
    sections: (n: number, what: string) => `${n} ${n === 1 ? "onderdeel" : "onderdelen"} ${what}`,
    words: (n: number, what: string) => `${n} ${n === 1 ? "woord" : "woorden"} ${what}`,
    added: "toegevoegd",
    removed: "verwijderd",
    changed: "gewijzigd",
    moved: "verplaatst",
    status: {
      added: "Nieuw onderdeel",
      removed: "Verwijderd onderdeel",
      changed: "Gewijzigd",
      unchanged: "",
    },
    movedStatus: "Verplaatst",
    previousTitle: "Eerdere titel",
    unchanged: "Niet veranderd",
    fullStatement: "Lees de volledige privacyverklaring",
    follow: "Volg wijzigingen (Atom-feed)",
    feedTitle: (tenant: string) => `Wijzigingen in de privacyverklaring van ${tenant}`,
    entryTitle: (n: number, tenant: string) => `Versie ${n} van de privacyverklaring van ${tenant}`,
    firstVersion: "Eerste versie van de privacyverklaring.",
    versus: (n: number) => `Ten opzichte van versie ${n}:`,
    table: (title: string) => `Tabel: ${title}`,
  },
  en: {
    heading: "What changed?",
    statementOf: (tenant: string) => `the privacy statement of ${tenant}`,
    compared: (current: string, previous: string) => `${current}, compared with ${previous}.`,
    versionFrom: (n: number, date: string) => `version ${n} (effective from ${date})`,
    onlyOne: (n: number, date: string) =>
      `There is only one version of this privacy statement: version ${n}, effective from ${date}.`,
    changeNote: "Note",
    material: "Material change",
    materialNote: "this version changes something material about how your data is processed.",
    noTextChange: "The text did not change.",
    sections: (n: number, what: string) => `${n} ${n === 1 ? "section" : "sections"} ${what}`,
    words: (n: number, what: string) => `${n} ${n === 1 ? "word" : "words"} ${what}`,
    added: "added",
    removed: "removed",
    changed: "changed",
    moved: "moved",
    status: { added: "New section", removed: "Removed section", changed: "Changed", unchanged: "" },
    movedStatus: "Moved",
    previousTitle: "Previous title",
    unchanged: "Unchanged",
    fullStatement: "Read the full privacy statement",
    follow: "Follow changes (Atom feed)",
    feedTitle: (tenant: string) => `Changes to the privacy statement of ${tenant}`,
    entryTitle: (n: number, tenant: string) => `Version ${n} of the privacy statement of ${tenant}`,
    firstVersion: "First version of the privacy statement.",
    versus: (n: number) => `Compared with version ${n}:`,
    table: (title: string) => `Table: ${title}`,
  },
} as const;

type Html = HtmlTemplate;

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

// ---- The page ----

export function renderChangesPage({ current, previous, diff }: Comparison, links: ChangeLinks): string {
  const { language } = current;
  const t = TEXT[language];
  const tenant = current.tenant.name;
  const versionFrom = (text: PublishedText): string =>
    t.versionFrom(text.number, formatDate(text.effectiveFrom, language));
  const lead = `${capitalize(t.statementOf(tenant))}: ${versionFrom(current)}`;
  const comparison =
    !previous || !diff
      ? markup`<p>${t.onlyOne(current.number, formatDate(current.effectiveFrom, language))}</p>
${renderVersionFacts(current)}`
      : markup`<p>${t.compared(lead, versionFrom(previous))}</p>
${renderVersionFacts(current)}
<p>${summarize(diff, language)}</p>
${diff.sections.filter((s) => s.status !== "unchanged" || s.moved).map((s) => renderSection(s, language))}${renderUnchanged(diff, language)}`;
  return writeHtml(markup`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.heading} – ${current.title}</title>
<link rel="alternate" type="application/atom+xml" href="${links.feed}" title="${t.feedTitle(tenant)}">
<style>${raw(CHANGES_STYLE)}</style>
</head>
<body>
<main>
<h1>${t.heading}</h1>
${comparison}
<footer>
<p><a href="${links.statement}">${t.fullStatement}</a></p>
<p><a href="${links.feed}">${t.follow}</a></p>
</footer>
</main>
</body>
</html>
`);
}

function renderVersionFacts(text: PublishedText): Html {
  const { language } = text;
  const t = TEXT[language];
  const labels = LABELS[language];
  const date = (iso: string) =>
    markup`<time datetime="${formatIsoDate(iso) ?? ""}">${formatDate(iso, language)}</time>`;
  const material = text.material
    ? markup`\n<p class="vk-material"><strong>${t.material}:</strong> ${t.materialNote}</p>`
    : "";
  return markup`<dl>
<dt>${labels.version}</dt><dd>${text.number}</dd>
<dt>${labels.effectiveFrom}</dt><dd>${date(text.effectiveFrom)}</dd>
<dt>${labels.publishedAt}</dt><dd>${date(text.publishedAt)}</dd>
<dt>${t.changeNote}</dt><dd>${text.changeNote}</dd>
</dl>${material}`;
}

function renderUnchanged(diff: StatementDiff, language: Language): Html | "" {
  const same = diff.sections.filter((s) => s.status === "unchanged").map((s) => s.title);
  if (same.length === 0) return "";
  return markup`<p class="vk-status">${TEXT[language].unchanged}: ${same.join(", ")}.</p>\n`;
}

function renderSection(section: SectionDiff, language: Language): Html {
  const t = TEXT[language];
  const id = sectionHeadingId(section.key);
  const status = [
    t.status[section.status],
    section.moved ? t.movedStatus : "",
    describeWords(section, language),
    section.previousTitle === null ? "" : `${t.previousTitle}: ${section.previousTitle}`,
  ].filter((s) => s !== "");
  const body =
    section.status === "unchanged"
      ? ""
      : markup`<div class="vk-diff">
${renderDiffBlocks(section.diff.parts, t.table(section.title))}
</div>
`;
  return markup`<section aria-labelledby="${id}">
<h2 id="${id}">${section.title}</h2>
<p class="vk-status">${status.join(" · ")}</p>
${body}</section>
`;
}

// ---- The marked text, as paragraphs, lists and tables ----

/** One word of the compared text and whether it was kept, added or removed. */
interface Word {
  op: DiffOp;
  text: string;
}
type Line = Word[];

/**
 * The diff's words in the shape of the text they come from (shared/render/text.ts): blocks apart
 * by a blank line, lines within a block; a list item starts with "-", a table is its head line
 * (cells apart by "—") followed by one "-" line per row.
 */
function readBlocks(parts: DiffPart[]): Line[][] {
  const blocks: Line[][] = [];
  let block: Line[] = [];
  let line: Line = [];
  const endLine = () => {
    if (line.length > 0) block.push(line);
    line = [];
  };
  const endBlock = () => {
    endLine();
    if (block.length > 0) blocks.push(block);
    block = [];
  };
  for (const part of parts) {
    for (const piece of part.text.split(/(\n+)/)) {
      if (piece.startsWith("\n")) {
        if (piece.length > 1) endBlock();
        else endLine();
      } else {
        for (const text of piece.split(" ")) if (text !== "") line.push({ op: part.op, text });
      }
    }
  }
  endBlock();
  return blocks;
}

const isItem = (line: Line): boolean => line[0]?.text === "-" && line.length > 1;
const CELL_SEPARATOR = "—";

/** Words with each run of added or removed ones marked; the spaces between runs stay unmarked. */
function renderWords(words: Word[]): Html {
  const runs: Word[][] = [];
  for (const word of words) {
    const last = runs.at(-1);
    if (last && last[0]!.op === word.op) last.push(word);
    else runs.push([word]);
  }
  return markup`${runs.map((run, i) => {
    const text = run.map((w) => w.text).join(" ");
    const space = i === 0 ? "" : " ";
    const op = run[0]!.op;
    if (op === "added") return markup`${space}<ins>${text}</ins>`;
    if (op === "removed") return markup`${space}<del>${text}</del>`;
    return markup`${space}${text}`;
  })}`;
}

function splitCells(line: Line): Line[] {
  const cells: Line[] = [[]];
  for (const word of line) {
    if (word.text === CELL_SEPARATOR) cells.push([]);
    else cells.at(-1)!.push(word);
  }
  return cells;
}

const isTable = ([head, ...rows]: Line[]): boolean =>
  head !== undefined && rows.length > 0 && rows.every(isItem) && head.some((w) => w.text === CELL_SEPARATOR);

function renderBlock(block: Line[], tableLabel: string): Html {
  if (block.every(isItem)) {
    const items = block.map((line) => markup`<li>${renderWords(line.slice(1))}</li>\n`);
    return markup`<ul>\n${items}</ul>`;
  }
  if (isTable(block)) {
    const [head = [], ...rows] = block;
    const headCells = splitCells(head).map((cell) => markup`<th scope="col">${renderWords(cell)}</th>`);
    const bodyRows = rows.map(
      (row) =>
        markup`<tr>${splitCells(row.slice(1)).map((cell) => markup`<td>${renderWords(cell)}</td>`)}</tr>\n`,
    );
    // Wide tables scroll sideways on a phone, in a region keyboard users can scroll too.
    return markup`<div class="vk-table" role="region" aria-label="${tableLabel}" tabindex="0">
<table>
<thead><tr>${headCells}</tr></thead>
<tbody>
${bodyRows}</tbody>
</table>
</div>`;
  }
  const lines = block.map((line, j) => markup`${j === 0 ? "" : markup`<br>\n`}${renderWords(line)}`);
  return markup`<p>${lines}</p>`;
}

function renderDiffBlocks(parts: DiffPart[], tableLabel: string): Html {
  return markup`${readBlocks(parts).map((block, i) => markup`${i === 0 ? "" : "\n"}${renderBlock(block, tableLabel)}`)}`;
}

function summarize(diff: StatementDiff, language: Language): string {
  const t = TEXT[language];
  const { totals } = diff;
  const counts = [
    totals.changed > 0 ? t.sections(totals.changed, t.changed) : "",
    totals.added > 0 ? t.sections(totals.added, t.added) : "",
    totals.removed > 0 ? t.sections(totals.removed, t.removed) : "",
    totals.moved > 0 ? t.sections(totals.moved, t.moved) : "",
    totals.wordsAdded > 0 ? t.words(totals.wordsAdded, t.added) : "",
    totals.wordsRemoved > 0 ? t.words(totals.wordsRemoved, t.removed) : "",
  ].filter((s) => s !== "");
  return counts.length === 0 ? t.noTextChange : `${capitalize(counts.join(", "))}.`;
}

function describeWords(section: SectionDiff, language: Language): string {
  const t = TEXT[language];
  return [
    section.diff.added > 0 ? t.words(section.diff.added, t.added) : "",
    section.diff.removed > 0 ? t.words(section.diff.removed, t.removed) : "",
  ]
    .filter((s) => s !== "")
    .join(", ");
}

// ---- The feed ----

// The date in tag: URIs must never change, or every reader would see every entry as new.
const TAG_PREFIX = "tag:verklaring,2026:";

/**
 * `texts` newest first; the first `shown` become entries, each saying what changed since the text
 * after it in the list (so pass one more than shown when there is one).
 */
export function renderChangesFeed(texts: PublishedText[], links: ChangeLinks, shown: number): string {
  const newest = texts[0]!;
  const { language } = newest;
  const t = TEXT[language];
  const tenant = newest.tenant.name;
  const idBase = `${TAG_PREFIX}${newest.group.slug}/${newest.tenant.slug}/versions`;
  const entries = texts.slice(0, shown).map((text, i) => {
    const previous = texts[i + 1] ?? null;
    const lines = [
      "<entry>",
      `<id>${xml(`${idBase}/${text.number}`)}</id>`,
      `<title>${xml(t.entryTitle(text.number, tenant))}</title>`,
      `<updated>${xml(text.publishedAt)}</updated>`,
      `<published>${xml(text.publishedAt)}</published>`,
      `<link rel="alternate" href="${xml(links.version(text.number))}"/>`,
      `<summary>${xml(text.changeNote)}</summary>`,
      text.material ? `<category term="material" label="${xml(t.material)}"/>` : "",
      `<content type="html">${xml(describeEntry(text, previous))}</content>`,
      "</entry>",
    ];
    return lines.filter((line) => line !== "").join("\n");
  });
  const updated = texts.reduce((latest, text) => (text.publishedAt > latest ? text.publishedAt : latest), "");
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`,
    `<id>${xml(idBase)}</id>`,
    `<title>${xml(t.feedTitle(tenant))}</title>`,
    `<updated>${xml(updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xml(links.feed)}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(links.changes)}"/>`,
    `<author><name>${xml(tenant)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

/** A short HTML summary of one version against the one published before it (the entry's content). */
function describeEntry(text: PublishedText, previous: PublishedText | null): string {
  const { language } = text;
  const t = TEXT[language];
  const effective = markup`<p>${LABELS[language].effectiveFrom}: ${formatDate(text.effectiveFrom, language)}.</p>`;
  if (!previous) return writeHtml(markup`${effective}<p>${t.firstVersion}</p>`);
  const diff = diffStatements(previous.sections, text.sections);
  const items = diff.sections
    .filter((s) => s.status !== "unchanged" || s.moved)
    .map((s) => {
      const label = s.status === "unchanged" ? t.movedStatus : t.status[s.status];
      const words = describeWords(s, language);
      return markup`<li>${`${label}: ${s.title}${words ? ` (${words})` : ""}`}</li>`;
    });
  if (items.length === 0) return writeHtml(markup`${effective}<p>${t.noTextChange}</p>`);
  return writeHtml(markup`${effective}<p>${t.versus(previous.number)}</p><ul>${items}</ul>`);
}

/** XML text or attribute value; characters XML 1.0 cannot carry at all are dropped. */
function xml(text: string): string {
  return text
    .replace(
      // oxlint-disable-next-line no-control-regex -- characters XML 1.0 forbids are removed
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      "",
    )
    .replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}
const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
