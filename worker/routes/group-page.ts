// The public page of a group's companies (issue 20, item 2): what a large group's statements link
// to instead of each naming every member (shared/placeholders.ts, group.members). As HTML for
// people, in the statement page's style and CSP, a page of companies at a time.
import { html as markup, raw } from "hono/html";
import type { Language } from "#shared/model.ts";
import { PAGE_STYLE } from "#shared/engine.ts";
import { writeHtml } from "#shared/render/html-template.ts";

export interface GroupPageCompany {
  slug: string;
  name: string;
  version: number | null;
  url: string;
}

const TEXT = {
  nl: {
    title: (group: string) => `De bedrijven van ${group}`,
    intro: (group: string) =>
      `Deze bedrijven vormen samen ${group}. Elk bedrijf heeft een eigen privacyverklaring; volg de naam van het bedrijf om die te lezen.`,
    none: "nog niet gepubliceerd",
    version: (n: number) => `versie ${n}`,
    next: "Volgende bedrijven",
  },
  en: {
    title: (group: string) => `The companies of ${group}`,
    intro: (group: string) =>
      `These companies together form ${group}. Each has a privacy statement of its own; follow a company's name to read it.`,
    none: "not published yet",
    version: (n: number) => `version ${n}`,
    next: "More companies",
  },
} as const;

/** The page: the group's name, a page of companies with links to their statements, and the next page. */
export function renderGroupPage(
  group: { name: string },
  companies: readonly GroupPageCompany[],
  language: Language,
  nextUrl: string | null,
): string {
  const text = TEXT[language];
  const items = companies.map(
    (company) =>
      markup`<li>${
        company.version === null
          ? markup`${company.name} (${text.none})`
          : markup`<a href="${company.url}">${company.name}</a> (${text.version(company.version)})`
      }</li>`,
  );
  return writeHtml(
    markup`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text.title(group.name)}</title><style>${raw(PAGE_STYLE)}</style></head><body><main><article class="vk-statement"><h1>${text.title(group.name)}</h1><p>${text.intro(group.name)}</p><ul>${items}</ul>${
      nextUrl ? markup`<p><a href="${nextUrl}">${text.next}</a></p>` : ""
    }</article></main></body></html>`,
  );
}
