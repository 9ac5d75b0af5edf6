// "What changed?": the public comparison of a company's statement in force with the one before
// it, as a page, as JSON and as an Atom feed (rendered by shared/render/changes.ts). Texts come
// from the JSON renderings stored at publish time; only the word diff is computed here.
import { Hono, type Context } from "hono";
import * as v from "valibot";
import { diffStatements } from "#shared/diff.ts";
import { LanguageSchema, type Language } from "#shared/model.ts";
import {
  CHANGES_STYLE,
  renderChangesFeed,
  renderChangesPage,
  type ChangeLinks,
  type Comparison,
  type PublishedText,
} from "#shared/render/changes.ts";
import { findTextsInForce, listRecentTexts } from "../db/version-texts.ts";
import type { AppEnv } from "../env.ts";
import { validate } from "../errors.ts";
import { describeRoute } from "../http/describe-route.ts";
import { explainNotFound } from "../http/public-lookup.ts";
import { resolvePublicCompany, type NoticeFormat } from "../http/public-company.ts";
import { CACHE_CURRENT, DATA_CSP, DOCUMENT_HEADERS, pageCsp } from "../http/public-headers.ts";
import { etagOf, respondWithValidators } from "../http/etag.ts";

const ChangesQuerySchema = v.looseObject({ lang: v.optional(LanguageSchema) });

// A feed reader needs recent history, not all of it; this bounds the work of one request.
const FEED_LIMIT = 50;

const PAGE_CSP = pageCsp(CHANGES_STYLE);

const HISTORY_ANSWERS = {
  304: "Not modified",
  308: "A former address of the company",
  404: "Nothing published",
};
const CHANGE_ANSWERS = { ...HISTORY_ANSWERS, 410: "The company is archived" };

/** Mounted at /v1/statements, next to statementRoutes; public, like the statements themselves. */
export const publicChangeRoutes = new Hono<AppEnv>()

  .get(
    "/:group/:tenant/changes",
    describeRoute({
      summary: "A readable 'what changed' page: the version in force against the one before",
      tag: "Public statements",
      access: "public",
      formats: ["text/html"],
      responses: { ...CHANGE_ANSWERS, 200: "The page" },
    }),
    validate("query", ChangesQuerySchema),
    (c) => servePage(c, c.req.valid("query").lang),
  )
  .get(
    "/:group/:tenant/changes.html",
    describeRoute({
      summary: "The same page as /changes",
      tag: "Public statements",
      access: "public",
      formats: ["text/html"],
      responses: { ...CHANGE_ANSWERS, 200: "The page" },
    }),
    validate("query", ChangesQuerySchema),
    (c) => servePage(c, c.req.valid("query").lang),
  )
  .get(
    "/:group/:tenant/changes.json",
    describeRoute({
      summary: "The same comparison as JSON",
      tag: "Public statements",
      access: "public",
      responses: { ...CHANGE_ANSWERS, 200: "Section and word-level changes" },
    }),
    validate("query", ChangesQuerySchema),
    async (c) => {
      const early = await resolveCompany(c, "json", c.req.valid("query").lang);
      if (early) return early;
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
      return serve(c, body, "application/json; charset=utf-8", current.language, DATA_CSP);
    },
  )
  .get(
    "/:group/:tenant/changes.atom",
    describeRoute({
      summary: "An Atom feed with one entry per version; material changes carry category 'material'",
      tag: "Public statements",
      access: "public",
      formats: ["application/atom+xml"],
      responses: { ...HISTORY_ANSWERS, 200: "The feed (it stays for an archived company)" },
    }),
    validate("query", ChangesQuerySchema),
    async (c) => {
      const lang = c.req.valid("query").lang;
      // The feed is history: it keeps working for an archived company; a former address redirects.
      const early = await resolveCompany(c, null, lang);
      if (early) return early;
      const texts = await listRecentTexts(c.get("reader"), {
        group: c.req.param("group"),
        tenant: c.req.param("tenant"),
        language: lang ?? null,
        // One more than shown, so the oldest entry shown can say what it changed too.
        limit: FEED_LIMIT + 1,
      });
      const newest = texts[0];
      if (!newest) throw await explainNotFound(c.get("reader"), c.req.param("group"), c.req.param("tenant"));
      const body = renderChangesFeed(texts, linksFor(c, lang), FEED_LIMIT);
      return serve(c, body, "application/atom+xml; charset=utf-8", newest.language, DATA_CSP);
    },
  );

/** A former address redirects; the comparison of an archived company answers 410 (issue 18). */
const resolveCompany = (
  c: Context<AppEnv>,
  notice: NoticeFormat | null,
  language: Language | undefined,
): Promise<Response | null> =>
  resolvePublicCompany(c, { current: notice !== null, notice: notice ?? "json", language });

async function servePage(c: Context<AppEnv>, lang: Language | undefined): Promise<Response> {
  const early = await resolveCompany(c, "page", lang);
  if (early) return early;
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

/** Where this company's public pages are, from the request's origin; ?lang only when it was asked for. */
function linksFor(c: Context<AppEnv>, lang: Language | undefined): ChangeLinks {
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
  const headers = { ETag: etagOf(body), "Cache-Control": CACHE_CURRENT, "Content-Language": language };
  const pageHeaders = contentType.startsWith("text/html") ? DOCUMENT_HEADERS : {};
  return respondWithValidators(c, body, headers, {
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

function describeVersion(text: PublishedText, links: ChangeLinks): PublicVersion {
  return {
    version: text.number,
    publishedAt: text.publishedAt,
    effectiveFrom: text.effectiveFrom,
    changeNote: text.changeNote,
    material: text.material,
    url: links.version(text.number),
  };
}
