// Public statement delivery: the stable URLs that company websites hard-code. No login.
// Everything served here was rendered at publish time; a request is one indexed read.
import { Hono, type Context } from "hono";
import * as v from "valibot";
import { IsoDateTimeSchema } from "#shared/api-schemas.ts";
import { LanguageSchema, type Language } from "#shared/model.ts";
import { PAGE_STYLE } from "#shared/engine.ts";
import { renderVersionsPage, type VersionStatus } from "#shared/render/versions-page.ts";
import { listGroups } from "../db/groups.ts";
import {
  findRenderingInForce,
  findRenderingOfVersion,
  listVersions,
  listVersionsInForce,
  type Format,
  type Rendering,
} from "../db/statements.ts";
import { isRemembering, rememberResponse } from "../http/answer-from-memory.ts";
import {
  CACHE_CURRENT,
  CACHE_IMMUTABLE,
  DATA_CSP,
  DOCUMENT_HEADERS,
  pageCsp,
} from "../http/public-headers.ts";
import { explainNotFound, requireGroup, requireTenant } from "../http/public-lookup.ts";
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

const StatementQuerySchema = v.looseObject({
  lang: v.optional(LanguageSchema),
  at: v.optional(IsoDateTimeSchema),
  fragment: v.optional(v.string()),
});

const VersionsQuerySchema = v.looseObject({ lang: v.optional(LanguageSchema) });

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
  .get(
    "/:group",
    describeRoute({
      summary: "A group's companies with the number of the version in force",
      tag: "Public statements",
      access: "public",
      responses: { 200: "Companies", 404: "Unknown group" },
    }),
    async (c) => {
      const group = await requireGroup(c.get("reader"), c.req.param("group"));
      const now = new Date().toISOString();
      const companies = await listVersionsInForce(c.get("reader"), group.id, now);
      const base = new URL(c.req.url).origin;
      return c.json(
        {
          group: {
            slug: group.group.slug,
            name: group.group.name,
            languages: group.group.languages,
            defaultLanguage: group.group.defaultLanguage,
          },
          companies: companies.map((company) => ({
            slug: company.tenant,
            name: company.name,
            version: company.version,
            effectiveFrom: company.effectiveFrom,
            url: `${base}/v1/statements/${group.group.slug}/${company.tenant}`,
          })),
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
        404: "Unknown group or company, nothing published, or nothing in force at that moment",
        406: "No acceptable format",
      },
    }),
    validate("query", StatementQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      const target = parseTarget(c.req.param("tenant"), query.fragment, c.req.header("Accept"));
      const lookup = {
        group: c.req.param("group"),
        tenant: target.tenant,
        format: target.format,
        language: query.lang ?? null,
        at: query.at ?? new Date().toISOString(),
      };
      const rendering = await findRenderingInForce(c.get("reader"), lookup);
      if (!rendering) throw await explainNotFound(c.get("reader"), lookup.group, lookup.tenant, query.at);
      // What is in force now stays so until the next scheduled version takes effect; ?at= is rare.
      if (!query.at) {
        rememberResponse(c, rendering.supersededAt === null ? null : Date.parse(rendering.supersededAt));
      }
      return serveRendering(c, rendering, target, CACHE_CURRENT);
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
      responses: { 200: "The page", 304: "Not modified", 400: "Bad lang", 404: "Unknown group or company" },
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
      responses: { 200: "The version", 304: "Not modified", 404: "No such version" },
    }),
    validate("query", StatementQuerySchema),
    async (c) => {
      const segment = splitExtension(c.req.param("version"));
      const number = segment && v.safeParse(VersionNumberSchema, segment.name);
      if (!segment || !number?.success) {
        throw new AppError(404, "version_not_found", `"${c.req.param("version")}" is not a version number.`);
      }
      const target = parseTarget(
        `${c.req.param("tenant")}${segment.format ? `.${segment.format}` : ""}`,
        c.req.valid("query").fragment,
        c.req.header("Accept"),
      );
      const language: Language | null = c.req.valid("query").lang ?? null;
      const lookup = { group: c.req.param("group"), tenant: target.tenant, format: target.format, language };
      const rendering = await findRenderingOfVersion(c.get("reader"), { ...lookup, number: number.output });
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

function serveRendering(
  c: Context<AppEnv>,
  rendering: Rendering,
  target: Target,
  cacheControl: string,
): Response {
  const headers: Record<string, string> = {
    ETag: `"${rendering.bodyHash}"`,
    "Last-Modified": new Date(rendering.publishedAt).toUTCString(),
    "Cache-Control": cacheControl,
    "Content-Language": rendering.language,
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
