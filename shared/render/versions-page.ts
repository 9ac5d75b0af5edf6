// "All versions": a company's version history as a page for a visitor (the /versions list is JSON
// for programs). Each version keeps its own address, so a visitor can read what applied when
// (AVG art. 12(1): easily accessible; WP260 rev.01, "Changes to Article 13 and 14 information":
// a change is brought to the data subject's attention, so what changed must be findable). The page
// uses the statement page's stylesheet, so its CSP hash is the statement page's.
// hono/html's template, named `markup` here so that Prettier does not reformat the templates.
import { html as markup, raw } from "hono/html";
import type { Language } from "../model.ts";
import { formatDate, formatIsoDate, LABELS } from "./common.ts";
import { writeHtml } from "./html-template.ts";
import { PAGE_STYLE } from "./style.ts";

export type VersionStatus = "in_force" | "scheduled" | "superseded";

export interface ListedVersion {
  number: number;
  publishedAt: string;
  effectiveFrom: string;
  changeNote: string;
  material: boolean;
  status: VersionStatus;
}

export interface VersionsPage {
  language: Language;
  tenant: string;
  versions: ListedVersion[];
  /** Addresses, with ?lang= when the visitor asked for a language. */
  links: { statement: string; changes: string; version: (n: number) => string };
}

const TEXT = {
  nl: {
    heading: "Alle versies",
    title: (tenant: string) => `Privacyverklaring ${tenant}`,
    lead: (tenant: string) =>
      `Elke gepubliceerde versie van de privacyverklaring van ${tenant}, de nieuwste eerst. Elke versie blijft op haar eigen adres te lezen.`,
    none: "Er is nog geen versie gepubliceerd.",
    status: { in_force: "geldt nu", scheduled: "gaat later in", superseded: "vervangen" },
    changeNote: "Toelichting",
    material: "Wezenlijke wijziging",
    statement: "Lees de privacyverklaring die nu geldt",
    changes: "Wat is er veranderd?",
  },
  en: {
    heading: "All versions",
    title: (tenant: string) => `Privacy statement ${tenant}`,
    lead: (tenant: string) =>
      `Every published version of the privacy statement of ${tenant}, newest first. Each version stays readable at its own address.`,
    none: "No version has been published yet.",
    status: { in_force: "in force", scheduled: "takes effect later", superseded: "superseded" },
    changeNote: "Note",
    material: "Material change",
    statement: "Read the privacy statement in force",
    changes: "What changed?",
  },
} as const;

export function renderVersionsPage(page: VersionsPage): string {
  const t = TEXT[page.language];
  const labels = LABELS[page.language];
  const date = (iso: string) =>
    markup`<time datetime="${formatIsoDate(iso) ?? ""}">${formatDate(iso, page.language)}</time>`;
  const items = page.versions.map(
    (v) => markup`<li>
<h2><a href="${page.links.version(v.number)}">${labels.version} ${v.number}</a> <small>(${t.status[v.status]})</small></h2>
<p>${labels.effectiveFrom} ${date(v.effectiveFrom)}; ${labels.publishedAt.toLowerCase()} ${date(v.publishedAt)}.</p>
${v.changeNote ? markup`<p>${t.changeNote}: ${v.changeNote}</p>\n` : ""}${v.material ? markup`<p><strong>${t.material}.</strong></p>\n` : ""}</li>
`,
  );
  return writeHtml(markup`<!doctype html>
<html lang="${page.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.heading} – ${t.title(page.tenant)}</title>
<style>${raw(PAGE_STYLE)}</style>
</head>
<body>
<main>
<h1>${t.heading}</h1>
<p>${t.lead(page.tenant)}</p>
${items.length > 0 ? markup`<ul>\n${items}</ul>` : markup`<p>${t.none}</p>`}
<footer>
<p><a href="${page.links.statement}">${t.statement}</a></p>
<p><a href="${page.links.changes}">${t.changes}</a></p>
</footer>
</main>
</body>
</html>
`);
}
