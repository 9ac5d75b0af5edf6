// "What changed?": the public comparison of a company's statement in force with the one before
// it, as a page, as JSON and as an Atom feed that readers and monitoring tools can follow. Texts
// come from the JSON renderings stored at publish time; only the word diff is computed here.
import { Hono, type Context } from "hono";
import * as v from "valibot";
import { diffStatements, type DiffPart, type SectionDiff, type StatementDiff } from "#shared/diff.ts";
import { LanguageSchema, type Language } from "#shared/model.ts";
import { cspHashSource, PAGE_STYLE, sha256Hex } from "#shared/engine.ts";
import { escapeHtml, formatDate, formatIsoDate, LABELS, sectionHeadingId } from "#shared/render/common.ts";
import { findGroupBySlug, findTenant } from "../db/groups.ts";
import { findFirstEffectiveFrom } from "../db/statements.ts";
import { findTextsInForce, listRecentTexts, type VersionText } from "../db/version-texts.ts";
import type { D1Reader } from "../db/reader.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { matchesEtag } from "../http/negotiate.ts";
import { DOCUMENT_HEADERS } from "../http/public-headers.ts";

const ChangesQuerySchema = v.looseObject({ lang: v.optional(LanguageSchema) });

// As the statement in force: company websites and feed readers may cache briefly.
const CACHE_CURRENT = "public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400";
// A feed reader needs recent history, not all of it; this bounds the work of one request.
const FEED_LIMIT = 50;
// The date in tag: URIs must never change, or every reader would see every entry as new.
const TAG_PREFIX = "tag:verklaring,2026:";

const CHANGES_STYLE = `${PAGE_STYLE}
:root{--ins:#d3f2da;--del:#fbdcdc}
@media (prefers-color-scheme:dark){:root{--ins:#1d4a2a;--del:#5a2222}}
ins{background:var(--ins);color:var(--fg);text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:.15em}
del{background:var(--del);color:var(--fg);text-decoration:line-through}
ins::before,ins::after,del::before,del::after{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
:lang(nl) ins::before{content:"[toegevoegd: "}:lang(nl) del::before{content:"[verwijderd: "}
:lang(en) ins::before{content:"[added: "}:lang(en) del::before{content:"[removed: "}
ins::after,del::after{content:"]"}
.vk-diff{white-space:pre-wrap;overflow-wrap:break-word;margin:0 0 1rem}
.vk-status{color:var(--muted);font-size:.9375rem;margin:0 0 .5rem}
.vk-material{border-left:4px solid var(--mark);padding:.5rem 1rem}
`;
const PAGE_CSP = `default-src 'none'; style-src ${cspHashSource(CHANGES_STYLE)}; base-uri 'none'; form-action 'none'`;

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
  },
} as const;

interface Comparison {
  current: VersionText;
  previous: VersionText | null;
  diff: StatementDiff | null;
}

/** Where this company's public pages are, from the request's origin; ?lang only when it was asked for. */
interface Links {
  statement: string;
  changes: string;
  feed: string;
  version: (n: number) => string;
}

/** Mounted at /v1/statements, next to statementRoutes; public, like the statements themselves. */
export const publicChangeRoutes = new Hono<AppEnv>()
  .get("/:group/:tenant/changes", validate("query", ChangesQuerySchema), (c) =>
    servePage(c, c.req.valid("query").lang),
  )
  .get("/:group/:tenant/changes.html", validate("query", ChangesQuerySchema), (c) =>
    servePage(c, c.req.valid("query").lang),
  )
  .get("/:group/:tenant/changes.json", validate("query", ChangesQuerySchema), async (c) => {
    const { current, previous, diff } = await loadComparison(c, c.req.valid("query").lang ?? null);
    const links = linksFor(c, c.req.valid("query").lang);
    const body = JSON.stringify({
      group: current.group,
      tenant: current.tenant,
      language: current.language,
      current: describeVersion(current, links),
      previous: previous && describeVersion(previous, links),
      diff,
    });
    return serve(c, body, "application/json; charset=utf-8", current.language, "default-src 'none'");
  })
  .get("/:group/:tenant/changes.atom", validate("query", ChangesQuerySchema), async (c) => {
    const lang = c.req.valid("query").lang;
    const texts = await listRecentTexts(c.get("reader"), {
      group: c.req.param("group"),
      tenant: c.req.param("tenant"),
      language: lang ?? null,
      // One more than shown, so the oldest entry shown can say what it changed too.
      limit: FEED_LIMIT + 1,
    });
    const newest = texts[0];
    if (!newest) throw await explainNotFound(c.get("reader"), c.req.param("group"), c.req.param("tenant"));
    const body = renderFeed(texts, linksFor(c, lang));
    return serve(c, body, "application/atom+xml; charset=utf-8", newest.language, "default-src 'none'");
  });

async function servePage(c: Context<AppEnv>, lang: Language | undefined): Promise<Response> {
  const comparison = await loadComparison(c, lang ?? null);
  const body = renderChangesPage(comparison, linksFor(c, lang));
  return serve(c, body, "text/html; charset=utf-8", comparison.current.language, PAGE_CSP);
}

async function loadComparison(c: Context<AppEnv>, language: Language | null): Promise<Comparison> {
  const group = c.req.param("group") ?? "";
  const tenant = c.req.param("tenant") ?? "";
  const at = new Date().toISOString();
  const [current, previous = null] = await findTextsInForce(c.get("reader"), { group, tenant, language, at });
  if (!current) throw await explainNotFound(c.get("reader"), group, tenant);
  return { current, previous, diff: previous && diffStatements(previous.sections, current.sections) };
}

function linksFor(c: Context<AppEnv>, lang: Language | undefined): Links {
  const base = `${new URL(c.req.url).origin}/v1/statements/${c.req.param("group")}/${c.req.param("tenant")}`;
  const query = lang ? `?lang=${lang}` : "";
  return {
    statement: `${base}${query}`,
    changes: `${base}/changes${query}`,
    feed: `${base}/changes.atom${query}`,
    version: (n) => `${base}/versions/${n}${query}`,
  };
}

function serve(
  c: Context<AppEnv>,
  body: string,
  contentType: string,
  language: Language,
  csp: string,
): Response {
  const etag = `"${sha256Hex(body)}"`;
  const headers = { ETag: etag, "Cache-Control": CACHE_CURRENT, "Content-Language": language };
  if (matchesEtag(c.req.header("If-None-Match"), etag)) return c.body(null, 304, headers);
  const pageHeaders = contentType.startsWith("text/html") ? DOCUMENT_HEADERS : {};
  return c.body(body, 200, {
    ...headers,
    ...pageHeaders,
    "Content-Type": contentType,
    "Content-Security-Policy": csp,
  });
}

interface PublicVersion {
  version: number;
  publishedAt: string;
  effectiveFrom: string;
  changeNote: string;
  material: boolean;
  url: string;
}

function describeVersion(text: VersionText, links: Links): PublicVersion {
  return {
    version: text.number,
    publishedAt: text.publishedAt,
    effectiveFrom: text.effectiveFrom,
    changeNote: text.changeNote,
    material: text.material,
    url: links.version(text.number),
  };
}

// The same answers as the statement endpoint gives for the same company (worker/routes/statements.ts).
async function explainNotFound(db: D1Reader, groupSlug: string, tenantSlug: string): Promise<AppError> {
  const group = await findGroupBySlug(db, groupSlug);
  if (!group) return new AppError(404, "group_not_found", `No group "${groupSlug}".`);
  const tenant = await findTenant(db, group.id, tenantSlug);
  if (!tenant) {
    return new AppError(404, "tenant_not_found", `${group.group.name} has no company "${tenantSlug}".`);
  }
  const first = await findFirstEffectiveFrom(db, tenant.id);
  if (!first) {
    return new AppError(404, "not_published", `${tenant.name} has not published a privacy statement yet.`);
  }
  return new AppError(404, "not_in_force", `${tenant.name}'s first statement takes effect at ${first}.`);
}

// ---- The page ----

function renderChangesPage({ current, previous, diff }: Comparison, links: Links): string {
  const { language } = current;
  const t = TEXT[language];
  const tenant = current.tenant.name;
  const body: string[] = [`<h1>${t.heading}</h1>`];
  if (!previous || !diff) {
    body.push(`<p>${t.onlyOne(current.number, writeDate(current.effectiveFrom, language))}</p>`);
    body.push(renderVersionFacts(current, language));
  } else {
    const versionFrom = (text: VersionText): string =>
      t.versionFrom(text.number, writeDate(text.effectiveFrom, language));
    const lead = t.compared(
      `${capitalize(t.statementOf(escapeHtml(tenant)))}: ${versionFrom(current)}`,
      versionFrom(previous),
    );
    body.push(`<p>${lead}</p>`, renderVersionFacts(current, language));
    body.push(`<p>${escapeHtml(summarize(diff, language))}</p>`);
    for (const section of diff.sections) {
      if (section.status !== "unchanged" || section.moved) body.push(renderSection(section, language));
    }
    const same = diff.sections.filter((s) => s.status === "unchanged").map((s) => escapeHtml(s.title));
    if (same.length > 0) body.push(`<p class="vk-status">${t.unchanged}: ${same.join(", ")}.</p>`);
  }
  body.push(
    "<footer>",
    `<p><a href="${escapeHtml(links.statement)}">${t.fullStatement}</a></p>`,
    `<p><a href="${escapeHtml(links.feed)}">${t.follow}</a></p>`,
    "</footer>",
  );
  return [
    "<!doctype html>",
    `<html lang="${language}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${t.heading} – ${escapeHtml(current.title)}</title>`,
    `<link rel="alternate" type="application/atom+xml" href="${escapeHtml(links.feed)}" title="${escapeHtml(t.feedTitle(tenant))}">`,
    `<style>${CHANGES_STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function renderVersionFacts(text: VersionText, language: Language): string {
  const t = TEXT[language];
  const labels = LABELS[language];
  const date = (iso: string): string =>
    `<time datetime="${formatIsoDate(iso) ?? ""}">${writeDate(iso, language)}</time>`;
  const lines = [
    `<dl>`,
    `<dt>${labels.version}</dt><dd>${text.number}</dd>`,
    `<dt>${labels.effectiveFrom}</dt><dd>${date(text.effectiveFrom)}</dd>`,
    `<dt>${labels.publishedAt}</dt><dd>${date(text.publishedAt)}</dd>`,
    `<dt>${t.changeNote}</dt><dd>${escapeHtml(text.changeNote)}</dd>`,
    `</dl>`,
  ];
  if (text.material)
    lines.push(`<p class="vk-material"><strong>${t.material}:</strong> ${t.materialNote}</p>`);
  return lines.join("\n");
}

function renderSection(section: SectionDiff, language: Language): string {
  const t = TEXT[language];
  const id = sectionHeadingId(section.key);
  const status = [
    t.status[section.status],
    section.moved ? t.movedStatus : "",
    describeWords(section, language),
    section.previousTitle === null ? "" : `${t.previousTitle}: ${section.previousTitle}`,
  ].filter((s) => s !== "");
  return [
    `<section aria-labelledby="${escapeHtml(id)}">`,
    `<h2 id="${escapeHtml(id)}">${escapeHtml(section.title)}</h2>`,
    `<p class="vk-status">${escapeHtml(status.join(" · "))}</p>`,
    section.status === "unchanged" ? "" : `<div class="vk-diff">${renderParts(section.diff.parts)}</div>`,
    "</section>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

/**
 * The parts as one run of text; the page's pre-wrap style shows the text's own line breaks. Line
 * breaks at the edges of a change are written outside <ins>/<del>, so a marked line starts at its
 * dash rather than at the end of the line above.
 */
function renderParts(parts: DiffPart[]): string {
  return parts
    .map((part, i) => {
      const before = parts[i - 1]?.text;
      const space = before === undefined || before.endsWith("\n") || part.text.startsWith("\n") ? "" : " ";
      if (part.op === "same") return space + escapeHtml(part.text);
      const [, lead = "", text = "", trail = ""] = /^(\n*)([\s\S]*?)(\n*)$/.exec(part.text) ?? [];
      const tag = part.op === "added" ? "ins" : "del";
      return `${space}${lead}${text === "" ? "" : `<${tag}>${escapeHtml(text)}</${tag}>`}${trail}`;
    })
    .join("");
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

const writeDate = (iso: string, language: Language): string => escapeHtml(formatDate(iso, language));
const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

// ---- The feed ----

/** `texts` newest first; each entry says what changed since the text after it in the list. */
function renderFeed(texts: VersionText[], links: Links): string {
  const newest = texts[0]!;
  const { language } = newest;
  const t = TEXT[language];
  const tenant = newest.tenant.name;
  const idBase = `${TAG_PREFIX}${newest.group.slug}/${newest.tenant.slug}/versions`;
  const entries = texts.slice(0, FEED_LIMIT).map((text, i) => {
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
      `<content type="html">${xml(describeEntry(text, previous, language))}</content>`,
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

/** A short HTML summary of one version against the one published before it. */
function describeEntry(text: VersionText, previous: VersionText | null, language: Language): string {
  const t = TEXT[language];
  const effective = `<p>${LABELS[language].effectiveFrom}: ${writeDate(text.effectiveFrom, language)}.</p>`;
  if (!previous) return `${effective}<p>${t.firstVersion}</p>`;
  const diff = diffStatements(previous.sections, text.sections);
  const items = diff.sections
    .filter((s) => s.status !== "unchanged" || s.moved)
    .map((s) => {
      const label = s.status === "unchanged" ? t.movedStatus : t.status[s.status];
      const words = describeWords(s, language);
      return `<li>${escapeHtml(`${label}: ${s.title}${words ? ` (${words})` : ""}`)}</li>`;
    });
  if (items.length === 0) return `${effective}<p>${t.noTextChange}</p>`;
  return `${effective}<p>${t.versus(previous.number)}</p><ul>${items.join("")}</ul>`;
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
