// The first step of every public URL of a company, before any version is read: a former address
// answers a permanent redirect to the current one (websites hard-code the address), and the
// statement of an archived company answers 410 Gone with a short notice — or a redirect to where
// its statement now lives — while its history stays readable (/versions, /versions/{n}, ?at= a
// moment before the archiving, the feed). One indexed read (db/companies.ts findPublicCompany), none
// while this data centre knows the address is an active company's current one (public-cache.ts).
import type { Context } from "hono";
import { html as markup } from "hono/html";
import type { Language } from "#shared/model.ts";
import { writeHtml } from "#shared/render/html-template.ts";
import { findPublicCompany, type PublicCompany } from "../db/companies.ts";
import type { Format } from "../db/statements.ts";
import type { AppEnv } from "../env.ts";
import { splitExtension } from "./negotiate.ts";
import { isKnownCurrentAddress, keepCurrentAddress } from "./public-cache.ts";
import { CACHE_CURRENT, DATA_CSP, DOCUMENT_HEADERS } from "./public-headers.ts";

/** How an archive notice is written: as the format that was asked for. */
export type NoticeFormat = "page" | "fragment" | "json" | "text";

const NOTICE_FORMATS: Record<Format, NoticeFormat> = {
  html: "page",
  fragment: "fragment",
  json: "json",
  md: "text",
  txt: "text",
};
export const noticeFormatOf = (format: Format): NoticeFormat => NOTICE_FORMATS[format];

export interface PublicCompanyStep {
  /** Whether the URL asks for what is in force (the statement, /changes), not for history. */
  current: boolean;
  /** ?at=: a moment before the archiving is history, and served. */
  at?: string | undefined;
  notice: NoticeFormat;
  /** ?lang=, when it was valid. */
  language?: Language | undefined;
}

/**
 * A redirect or a 410 to answer instead of the version, or null to go on. Unknown groups and
 * companies go on too: the version read that follows answers them as it always did.
 */
export async function resolvePublicCompany(
  c: Context<AppEnv>,
  step: PublicCompanyStep,
): Promise<Response | null> {
  const group = c.req.param("group") ?? "";
  const asked = splitExtension(c.req.param("tenant") ?? "")?.name;
  if (!asked) return null;
  const address = { group, tenant: asked };
  const now = Date.now();
  if (await isKnownCurrentAddress(address, now)) return null;
  const company = await findPublicCompany(c.get("reader"), group, asked);
  if (!company) return null;
  if (company.slug === asked && company.status === "active") {
    c.executionCtx.waitUntil(keepCurrentAddress(address, now));
    return null;
  }
  const url = new URL(c.req.url);
  if (company.slug !== asked) {
    // Only the company segment changes: extension, /versions/{n}, /changes.atom and the query stay.
    const prefix = `/v1/statements/${group}/`;
    url.pathname = `${prefix}${company.slug}${url.pathname.slice(prefix.length + asked.length)}`;
    return redirect(url.toString());
  }
  const archived =
    company.status === "archived" && step.current && (!step.at || step.at >= (company.archivedAt ?? ""));
  if (!archived) return null;
  if (company.successorUrl) return redirect(company.successorUrl);
  const base = `${url.origin}/v1/statements/${group}/${company.slug}`;
  const language = step.language ?? (company.defaultLanguage === "en" ? "en" : "nl");
  return answerArchived(company, base, language, step.notice);
}

// Permanent: an old address never goes to another company (migrations/0010). Cached like the
// statement itself, so that a company that takes an old address back is followed within minutes.
const redirect = (location: string): Response =>
  new Response(null, { status: 308, headers: { Location: location, "Cache-Control": CACHE_CURRENT } });

function answerArchived(
  company: PublicCompany,
  base: string,
  language: Language,
  format: NoticeFormat,
): Response {
  const words = describeArchive(company, base, language);
  const headers: Record<string, string> = {
    "Cache-Control": CACHE_CURRENT,
    "Content-Language": language,
    "Content-Security-Policy": DATA_CSP,
  };
  if (format === "json") {
    const last = company.lastVersion;
    const body = {
      error: { status: 410, code: "company_archived", message: words.lines.join(" ") },
      company: { slug: company.slug, name: company.name },
      archivedAt: company.archivedAt,
      lastVersion: last && { ...last, url: `${base}/versions/${last.number}` },
      versions: `${base}/versions`,
    };
    return new Response(JSON.stringify(body), {
      status: 410,
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
    });
  }
  if (format === "text") {
    const text = `${words.title}\n\n${words.lines.join("\n\n")}\n`;
    return new Response(text, {
      status: 410,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const notice = markup`<section class="verklaring-archived" lang="${language}"><h1>${words.title}</h1>${words.lines.map(
    (line) => markup`<p>${linkify(line)}</p>`,
  )}</section>`;
  const body =
    format === "fragment"
      ? writeHtml(notice)
      : writeHtml(
          markup`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${words.title}</title></head><body><main>${notice}</main></body></html>`,
        );
  return new Response(body, {
    status: 410,
    headers: {
      ...headers,
      ...(format === "page" ? DOCUMENT_HEADERS : {}),
      "Content-Type": "text/html; charset=utf-8",
    },
  });
}

/** The addresses in a line of the notice, as links (the rest of the line escaped). */
function linkify(line: string) {
  return line
    .split(/(https?:\/\/\S+?)(?=[.,;)]?(?:\s|$))/)
    .map((part, i) => (i % 2 === 1 ? markup`<a href="${part}">${part}</a>` : part));
}

const formatDate = (iso: string, language: Language): string =>
  new Intl.DateTimeFormat(language === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "long",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(iso));

/** The notice's words: that the statement no longer applies, since when, and where its history stays. */
function describeArchive(
  company: PublicCompany,
  base: string,
  language: Language,
): { title: string; lines: string[] } {
  const since = formatDate(company.archivedAt ?? new Date().toISOString(), language);
  const last = company.lastVersion;
  const nl = language === "nl";
  const title = nl
    ? `Privacyverklaring van ${company.name} niet meer van kracht`
    : `${company.name}'s privacy statement is no longer in force`;
  const lines = [
    nl
      ? `${company.name} publiceert hier sinds ${since} geen privacyverklaring meer.`
      : `${company.name} no longer publishes a privacy statement here (since ${since}).`,
  ];
  if (!last) {
    lines.push(
      nl ? "Er is hier nooit een versie van gepubliceerd." : "No version of it was ever published here.",
    );
    return { title, lines };
  }
  const from = formatDate(last.effectiveFrom, language);
  lines.push(
    nl
      ? `De laatste versie was versie ${last.number}, van kracht vanaf ${from}. Die blijft leesbaar: ${base}/versions/${last.number}`
      : `The last version was version ${last.number}, in force from ${from}. It stays readable: ${base}/versions/${last.number}`,
    nl
      ? `Alle versies staan op ${base}/versions. De versie die op een bepaald moment gold, vraagt u op met ?at=, bijvoorbeeld ${base}?at=${last.effectiveFrom}`
      : `Every version is listed at ${base}/versions. The version in force at a given moment is at ?at=, for example ${base}?at=${last.effectiveFrom}`,
  );
  return { title, lines };
}
