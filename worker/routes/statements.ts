// Public statement delivery: the stable URLs that company websites hard-code. No login.
// Everything served here was rendered at publish time; a request is one indexed read.
import { Hono, type Context } from "hono";
import * as v from "valibot";
import { CompanyCursorSchema, IsoDateTimeSchema } from "#shared/api-schemas.ts";
import { LanguageSchema, type Language } from "#shared/model.ts";
import { PAGE_STYLE } from "#shared/engine.ts";
import { renderVersionsPage, type VersionStatus } from "#shared/render/versions-page.ts";
import { listGroups, membersPageOf } from "../db/groups.ts";
import type { D1Reader } from "../db/reader.ts";
import {
  type CompanyCursor,
  findRenderingInForce,
  findRenderingOfVersion,
  listVersions,
  listVersionsInForce,
  type Format,
  type Rendering,
} from "../db/statements.ts";
import { isRemembering, rememberResponse } from "../http/answer-from-memory.ts";
import {
  findCachedRendering,
  findDefaultLanguage,
  findInForce,
  keepDefaultLanguage,
  keepInForce,
  keepRendering,
  type CachedRendering,
} from "../http/public-cache.ts";
import { BodyChangedError, readBody } from "../storage/rendering-packs.ts";
import {
  CACHE_CURRENT,
  CACHE_IMMUTABLE,
  DATA_CSP,
  DOCUMENT_HEADERS,
  pageCsp,
} from "../http/public-headers.ts";
import { explainNotFound, requireGroup, requireTenant } from "../http/public-lookup.ts";
import { noticeFormatOf, resolvePublicCompany } from "../http/public-company.ts";
import { etagOf, respondWithValidators } from "../http/etag.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import {
  asksForPage,
  formatFromAccept,
  mediaTypeOf,
  splitExtension,
  wantsFragment,
} from "../http/negotiate.ts";
import { describeRoute, PUBLIC_FORMATS } from "../http/describe-route.ts";
import { renderGroupPage } from "./group-page.ts";

const StatementQuerySchema = v.looseObject({
  lang: v.optional(LanguageSchema),
  at: v.optional(IsoDateTimeSchema),
  fragment: v.optional(v.string()),
});

const VersionsQuerySchema = v.looseObject({ lang: v.optional(LanguageSchema) });

/** A page of the group's companies: `after` is the previous page's `next`. */
const GroupPageQuerySchema = v.strictObject({
  after: v.optional(CompanyCursorSchema),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[1-9]\d{0,3}$/, "must be 1 to 1000"),
      v.transform(Number),
      v.maxValue(1000, "must be at most 1000"),
    ),
  ),
});
/** The same, as the page for people, in a language of the group's. */
const GroupHtmlQuerySchema = v.strictObject({
  ...GroupPageQuerySchema.entries,
  lang: v.optional(LanguageSchema),
});
const GROUP_PAGE = 500;

/** A page of the group's companies with their version in force, and the cursor of the next page. */
async function readGroupPage(
  reader: D1Reader,
  slug: string,
  query: { after: CompanyCursor | undefined; limit: number; origin: string },
) {
  const group = await requireGroup(reader, slug);
  // One more than the page, to know whether there is a next one.
  const rows = await listVersionsInForce(reader, group.id, new Date().toISOString(), {
    after: query.after ?? null,
    limit: query.limit + 1,
  });
  const last = rows[query.limit - 1];
  const page = rows.slice(0, query.limit).map((company) => ({
    slug: company.tenant,
    name: company.name,
    version: company.version,
    effectiveFrom: company.effectiveFrom,
    url: `${query.origin}/v1/statements/${group.group.slug}/${company.tenant}`,
  }));
  return { group, page, next: rows.length > query.limit && last ? `${last.position}~${last.tenant}` : null };
}

const VersionNumberSchema = v.pipe(v.string(), v.regex(/^[1-9]\d{0,8}$/), v.transform(Number));

const PAGE_CSP = pageCsp(PAGE_STYLE);

export const statementRoutes = new Hono<AppEnv>()
  // Published statements are public, and so is the directory of groups that publish them.
  .get(
    "/",
    describeRoute({
      summary: "The groups that publish statements here",
      tag: "Public statements",
      access: "public",
      responses: { 200: "Groups" },
    }),
    async (c) =>
      c.json({ groups: await listGroups(c.get("reader")) }, 200, { "Cache-Control": CACHE_CURRENT }),
  )
  // Before "/:group", which would take "conxillium.html" for a group's slug.
  .get(
    "/:group{[a-z0-9-]+\\.html}",
    describeRoute({
      summary:
        "The group's public page of its companies (`/v1/statements/{group}.html`), a page at a time: what a large group's statements link to instead of naming every member",
      tag: "Public statements",
      access: "public",
      responses: {
        200: "HTML page",
        304: "Not modified",
        400: "Bad after, limit or lang",
        404: "Unknown group",
      },
    }),
    validate("query", GroupHtmlQuerySchema),
    async (c) => {
      const { after, limit = GROUP_PAGE, lang } = c.req.valid("query");
      const { group, page, next } = await readGroupPage(
        c.get("reader"),
        c.req.param("group").slice(0, -".html".length),
        {
          after,
          limit,
          origin: new URL(c.req.url).origin,
        },
      );
      const language: Language = lang ?? group.group.defaultLanguage;
      // The next page keeps the page size and language asked for.
      const nextQuery = new URLSearchParams({
        ...(next ? { after: next } : {}),
        ...(limit !== GROUP_PAGE ? { limit: String(limit) } : {}),
        ...(lang ? { lang } : {}),
      });
      const nextUrl = next ? `/v1/statements/${group.group.slug}.html?${nextQuery.toString()}` : null;
      const body = renderGroupPage(group.group, page, language, nextUrl);
      return respondWithValidators(
        c,
        body,
        { ETag: etagOf(body), "Cache-Control": CACHE_CURRENT },
        {
          "Content-Type": "text/html; charset=utf-8",
          "Content-Language": language,
          "Content-Security-Policy": PAGE_CSP,
          ...DOCUMENT_HEADERS,
        },
      );
    },
  )
  .get(
    "/:group",
    describeRoute({
      summary:
        "A group's companies with the number of the version in force, a page at a time (`next` continues); as HTML at /v1/statements/{group}.html",
      tag: "Public statements",
      access: "public",
      responses: { 200: "Companies", 400: "Bad after or limit", 404: "Unknown group" },
    }),
    validate("query", GroupPageQuerySchema),
    async (c) => {
      const { after, limit = GROUP_PAGE } = c.req.valid("query");
      const { group, page, next } = await readGroupPage(c.get("reader"), c.req.param("group"), {
        after,
        limit,
        origin: new URL(c.req.url).origin,
      });
      return c.json(
        {
          group: {
            slug: group.group.slug,
            name: group.group.name,
            languages: group.group.languages,
            defaultLanguage: group.group.defaultLanguage,
            // Where a large group's statements point instead of naming every member (the console's
            // preview renders with it, as the worker publishes).
            membersPage: membersPageOf(c.env.PUBLIC_ORIGIN, group.group.slug),
          },
          companies: page,
          next,
        },
        200,
        { "Cache-Control": CACHE_CURRENT },
      );
    },
  )
  .get(
    "/:group/:tenant",
    describeRoute({
      summary:
        "The statement in force. Append .html, .json, .md or .txt to choose the format, or send Accept. " +
        "?fragment gives the HTML fragment for server-side inclusion; ?at=<ISO 8601> the version in force at that moment.",
      tag: "Public statements",
      access: "public",
      formats: PUBLIC_FORMATS,
      responses: {
        200: "The statement (strong ETag, Last-Modified, Cache-Control: public)",
        304: "Not modified (If-None-Match matched)",
        400: "Bad lang, at or fragment",
        308: "A former address of the company, or an archived company's successor: Location says where",
        404: "Unknown group or company, nothing published, or nothing in force at that moment",
        406: "No acceptable format",
        410: "The company is archived: a short notice names the last version and where its history stays",
      },
    }),
    validate("query", StatementQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      const target = parseTarget(c.req.param("tenant"), query.fragment, c.req.header("Accept"));
      // A former address redirects; an archived company answers 410 (issue 18).
      const early = await resolvePublicCompany(c, {
        current: true,
        at: query.at,
        notice: noticeFormatOf(target.format),
        language: query.lang,
      });
      if (early) return early;
      const lookup = {
        group: c.req.param("group"),
        tenant: target.tenant,
        format: target.format,
        language: query.lang ?? null,
      };
      const found = query.at
        ? await readRenderingAt(c, { ...lookup, at: query.at })
        : await readRenderingInForce(c, lookup);
      if (!found) throw await explainNotFound(c.get("reader"), lookup.group, lookup.tenant, query.at);
      // What is in force now stays so until the next scheduled version takes effect; ?at= is rare.
      if (!query.at) {
        rememberResponse(c, found.supersededAt === null ? null : Date.parse(found.supersededAt));
      }
      return serveRendering(c, found.rendering, target, CACHE_CURRENT);
    },
  )
  .get(
    "/:group/:tenant/versions",
    describeRoute({
      summary:
        "Every published version: number, published at, effective from, change note, content hash, status. " +
        "JSON, or a page for a browser (Accept naming text/html); ?lang= chooses the page's language.",
      tag: "Public statements",
      access: "public",
      formats: ["application/json", "text/html"],
      responses: {
        200: "Versions, newest first",
        304: "Not modified",
        308: "A former address of the company",
        400: "Bad lang",
        404: "Unknown group or company",
      },
    }),
    validate("query", VersionsQuerySchema),
    (c) =>
      serveVersions(
        c,
        c.req.valid("query").lang,
        asksForPage(c.req.header("Accept")) ? "page" : "json",
        true,
      ),
  )
  .get(
    "/:group/:tenant/versions.html",
    describeRoute({
      summary: "Every published version as a page, with a link to each",
      tag: "Public statements",
      access: "public",
      formats: ["text/html"],
      responses: {
        200: "The page",
        304: "Not modified",
        308: "A former address of the company",
        400: "Bad lang",
        404: "Unknown group or company",
      },
    }),
    validate("query", VersionsQuerySchema),
    (c) => serveVersions(c, c.req.valid("query").lang, "page", false),
  )
  .get(
    "/:group/:tenant/versions/:version",
    describeRoute({
      summary:
        "One version; same extensions, lang and fragment as the statement in force. Cached as immutable.",
      tag: "Public statements",
      access: "public",
      formats: PUBLIC_FORMATS,
      responses: {
        200: "The version",
        304: "Not modified",
        308: "A former address of the company",
        404: "No such version",
      },
    }),
    validate("query", StatementQuerySchema),
    async (c) => {
      const segment = splitExtension(c.req.param("version"));
      const number = segment && v.safeParse(VersionNumberSchema, segment.name);
      if (!segment || !number?.success) {
        throw new AppError(404, "version_not_found", `"${c.req.param("version")}" is not a version number.`);
      }
      const early = await resolvePublicCompany(c, { current: false, notice: "json" });
      if (early) return early;
      const target = parseTarget(
        `${c.req.param("tenant")}${segment.format ? `.${segment.format}` : ""}`,
        c.req.valid("query").fragment,
        c.req.header("Accept"),
      );
      const language: Language | null = c.req.valid("query").lang ?? null;
      const lookup = { group: c.req.param("group"), tenant: target.tenant, format: target.format, language };
      const rendering = await readRenderingOfVersion(c, { ...lookup, number: number.output });
      if (!rendering) {
        const { tenant } = await requireTenant(c.get("reader"), lookup.group, lookup.tenant);
        throw new AppError(404, "version_not_found", `${tenant.name} has no version ${number.output}.`);
      }
      rememberResponse(c);
      return serveRendering(c, rendering, target, CACHE_IMMUTABLE);
    },
  );

/** The version history, as JSON or as a page; `negotiated` when Accept chose, so caches key on it. */
async function serveVersions(
  c: Context<AppEnv>,
  lang: Language | undefined,
  shape: "json" | "page",
  negotiated: boolean,
): Promise<Response> {
  // A former address redirects; an archived company's history stays readable here (issue 18).
  const early = await resolvePublicCompany(c, { current: false, notice: "json" });
  if (early) return early;
  const { tenant, group } = await requireTenant(
    c.get("reader"),
    c.req.param("group") ?? "",
    c.req.param("tenant") ?? "",
  );
  const versions = await listVersions(c.get("reader"), tenant.id);
  const now = new Date().toISOString();
  const inForce =
    versions.filter((v) => v.effectiveFrom <= now).sort(byEffectiveThenNumber)[0]?.number ?? null;
  const statusOf = (version: { number: number; effectiveFrom: string }): VersionStatus =>
    version.number === inForce ? "in_force" : version.effectiveFrom > now ? "scheduled" : "superseded";
  const base = `${new URL(c.req.url).origin}/v1/statements/${group.group.slug}/${tenant.slug}`;
  const headers: Record<string, string> = { "Cache-Control": CACHE_CURRENT };
  if (negotiated) headers.Vary = "Accept";
  if (shape === "json") {
    const body = JSON.stringify({
      group: { slug: group.group.slug, name: group.group.name },
      tenant: { slug: tenant.slug, name: tenant.name },
      versions: versions.map((version) => ({
        ...version,
        status: statusOf(version),
        url: `${base}/versions/${version.number}`,
      })),
    });
    return respondWithValidators(
      c,
      body,
      { ...headers, ETag: etagOf(body) },
      { "Content-Type": "application/json; charset=utf-8" },
    );
  }
  const language = lang ?? group.group.defaultLanguage;
  const query = lang ? `?lang=${lang}` : "";
  const body = renderVersionsPage({
    language,
    tenant: tenant.name,
    versions: versions.map((version) => ({ ...version, status: statusOf(version) })),
    links: {
      statement: `${base}${query}`,
      changes: `${base}/changes${query}`,
      version: (n) => `${base}/versions/${n}${query}`,
    },
  });
  return respondWithValidators(
    c,
    body,
    { ...headers, ETag: etagOf(body), "Content-Language": language },
    { "Content-Type": "text/html; charset=utf-8", ...DOCUMENT_HEADERS, "Content-Security-Policy": PAGE_CSP },
  );
}

interface Target {
  tenant: string;
  format: Format;
  /** The format came from Accept, so caches must key on it. */
  negotiated: boolean;
}

function parseTarget(segment: string, fragment: string | undefined, accept: string | undefined): Target {
  const parsed = splitExtension(segment);
  if (!parsed) throw new AppError(404, "tenant_not_found", `No company "${segment}".`);
  if (wantsFragment(fragment)) {
    if (parsed.format !== null && parsed.format !== "html") {
      throw new AppError(400, "invalid_request", "fragment only applies to HTML", [
        { field: "fragment", message: `only applies to HTML, not .${parsed.format}` },
      ]);
    }
    return { tenant: parsed.name, format: "fragment", negotiated: false };
  }
  if (parsed.format) return { tenant: parsed.name, format: parsed.format, negotiated: false };
  const format = formatFromAccept(accept);
  if (!format) {
    throw new AppError(
      406,
      "not_acceptable",
      "Acceptable types: text/html, application/json, text/markdown, text/plain.",
    );
  }
  return { tenant: parsed.name, format, negotiated: true };
}

// ---- Reading: the isolate's memory (before the app), then this data centre's cache, then D1 ----

/** What a public answer serves: a rendering's bytes, already checked against their hash. */
type ServedRendering = CachedRendering;

interface RenderingLookup {
  group: string;
  tenant: string;
  format: Format;
  language: Language | null;
}

/** The bytes of a rendering read from D1, checked against its hash before they are served or cached. */
async function decodeStored(rendering: Rendering): Promise<ServedRendering> {
  try {
    return { ...rendering, body: await readBody(rendering.stored) };
  } catch (error) {
    if (!(error instanceof BodyChangedError)) throw error;
    console.error("a stored rendering failed its hash check; GET …/integrity names it", error.message);
    throw new AppError(
      500,
      "rendering_damaged",
      "The stored statement does not match what was published, so it is not served.",
    );
  }
}

/**
 * The version in force now: which one, from this data centre's cache if it knows, else from D1
 * together with its rendering; its rendering from the cache (keyed by that version), else D1.
 * At most one D1 query. What D1 answered is kept for the next isolate that misses.
 */
async function readRenderingInForce(
  c: Context<AppEnv>,
  lookup: RenderingLookup,
): Promise<{ rendering: ServedRendering; supersededAt: string | null } | null> {
  const now = Date.now();
  const company = { group: lookup.group, tenant: lookup.tenant };
  // Without ?lang: the group's default language, if this data centre knows it (public-cache.ts).
  const language = lookup.language ?? (await findDefaultLanguage(lookup.group, now));
  const inForce = language && (await findInForce(company, now));
  if (inForce) {
    const rendering = await readRenderingOfVersion(c, { ...lookup, language, number: inForce.version });
    if (rendering) return { rendering, supersededAt: inForce.supersededAt };
  }
  const found = await findRenderingInForce(c.get("reader"), { ...lookup, at: new Date(now).toISOString() });
  if (!found) return null;
  const rendering = await decodeStored(found);
  c.executionCtx.waitUntil(
    Promise.all([
      keepInForce(company, { version: found.version, supersededAt: found.supersededAt }, now),
      // Kept under the language D1 chose, also for a URL without ?lang.
      keepRendering(company, { ...lookup, language: rendering.language }, rendering),
      lookup.language === null ? keepDefaultLanguage(lookup.group, rendering.language, now) : undefined,
    ]),
  );
  return { rendering, supersededAt: found.supersededAt };
}

/** A numbered version's rendering: from this data centre's cache, else D1 (and then kept there). */
async function readRenderingOfVersion(
  c: Context<AppEnv>,
  lookup: RenderingLookup & { number: number },
): Promise<ServedRendering | null> {
  const company = { group: lookup.group, tenant: lookup.tenant };
  const cached = await findCachedRendering(company, { ...lookup, version: lookup.number });
  if (cached) return cached;
  const found = await findRenderingOfVersion(c.get("reader"), lookup);
  if (!found) return null;
  const rendering = await decodeStored(found);
  c.executionCtx.waitUntil(keepRendering(company, lookup, rendering));
  return rendering;
}

/** The version in force at a given moment (?at=): rare, so straight from D1 and not kept. */
async function readRenderingAt(
  c: Context<AppEnv>,
  lookup: RenderingLookup & { at: string },
): Promise<{ rendering: ServedRendering; supersededAt: string | null } | null> {
  const found = await findRenderingInForce(c.get("reader"), lookup);
  return found && { rendering: await decodeStored(found), supersededAt: found.supersededAt };
}

function serveRendering(
  c: Context<AppEnv>,
  rendering: ServedRendering,
  target: Target,
  cacheControl: string,
): Response {
  const headers: Record<string, string> = {
    ETag: `"${rendering.bodyHash}"`,
    "Last-Modified": new Date(rendering.publishedAt).toUTCString(),
    "Cache-Control": cacheControl,
    "Content-Language": rendering.language,
    // Where this answer came from: D1, or this data centre's cache without a D1 query (an answer
    // from the isolate's memory says "memory", answer-from-memory.ts). For websites debugging
    // their caching, and for the bench's count of requests that reach D1.
    "Server-Timing": c.get("readD1") ? "d1" : "cache",
  };
  if (target.negotiated) headers.Vary = "Accept";
  const page = target.format === "html";
  return respondWithValidators(
    c,
    rendering.body,
    headers,
    {
      "Content-Type": mediaTypeOf(target.format),
      ...(page ? DOCUMENT_HEADERS : {}),
      "Content-Security-Policy": page ? PAGE_CSP : DATA_CSP,
    },
    // An answer about to be remembered for every later visitor is the whole one.
    { revalidate: !isRemembering(c) },
  );
}

const byEffectiveThenNumber = (a: { effectiveFrom: string; number: number }, b: typeof a): number =>
  a.effectiveFrom === b.effectiveFrom ? b.number - a.number : a.effectiveFrom < b.effectiveFrom ? 1 : -1;
