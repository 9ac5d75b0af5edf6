// Public statement delivery: the stable URLs that company websites hard-code. No login.
// Everything served here was rendered at publish time; a request is one indexed read.
import { Hono, type Context } from "hono";
import * as v from "valibot";
import { IsoDateTimeSchema } from "#shared/api-schemas.ts";
import { LanguageSchema, type Language } from "#shared/model.ts";
import { sha256Hex, PAGE_STYLE, cspHashSource } from "#shared/engine.ts";
import { findGroupBySlug, findTenant, listGroups, type GroupRecord } from "../db/groups.ts";
import {
  findFirstEffectiveFrom,
  findRenderingInForce,
  findRenderingOfVersion,
  listVersions,
  listVersionsInForce,
  type Format,
  type Rendering,
} from "../db/statements.ts";
import type { D1Reader } from "../db/reader.ts";
import { isRemembering, rememberResponse } from "../http/answer-from-memory.ts";
import { DOCUMENT_HEADERS } from "../http/public-headers.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import {
  formatFromAccept,
  matchesEtag,
  mediaTypeOf,
  splitExtension,
  wantsFragment,
} from "../http/negotiate.ts";

const StatementQuerySchema = v.looseObject({
  lang: v.optional(LanguageSchema),
  at: v.optional(IsoDateTimeSchema),
  fragment: v.optional(v.string()),
});

const VersionNumberSchema = v.pipe(v.string(), v.regex(/^[1-9]\d{0,8}$/), v.transform(Number));

// Company websites may cache briefly and keep serving while they revalidate.
const CACHE_CURRENT = "public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400";
// A numbered version never changes.
const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";

const PAGE_CSP = `default-src 'none'; style-src ${cspHashSource(PAGE_STYLE)}; base-uri 'none'; form-action 'none'`;

export const statementRoutes = new Hono<AppEnv>()
  // Published statements are public, and so is the directory of groups that publish them.
  .get("/", async (c) =>
    c.json({ groups: await listGroups(c.get("reader")) }, 200, { "Cache-Control": CACHE_CURRENT }),
  )
  .get("/:group", async (c) => {
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
  })
  .get("/:group/:tenant", validate("query", StatementQuerySchema), async (c) => {
    const target = parseTarget(c.req.param("tenant"), c.req.query("fragment"), c.req.header("Accept"));
    const query = c.req.valid("query");
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
  })
  .get("/:group/:tenant/versions", async (c) => {
    const { tenant, group } = await requireTenant(
      c.get("reader"),
      c.req.param("group"),
      c.req.param("tenant"),
    );
    const versions = await listVersions(c.get("reader"), tenant.id);
    const now = new Date().toISOString();
    const inForce =
      versions.filter((v) => v.effectiveFrom <= now).sort(byEffectiveThenNumber)[0]?.number ?? null;
    const base = `${new URL(c.req.url).origin}/v1/statements/${group.group.slug}/${tenant.slug}`;
    const body = JSON.stringify({
      group: { slug: group.group.slug, name: group.group.name },
      tenant: { slug: tenant.slug, name: tenant.name },
      versions: versions.map((version) => ({
        ...version,
        status:
          version.number === inForce ? "in_force" : version.effectiveFrom > now ? "scheduled" : "superseded",
        url: `${base}/versions/${version.number}`,
      })),
    });
    const etag = `"${sha256Hex(body)}"`;
    c.header("ETag", etag);
    c.header("Cache-Control", CACHE_CURRENT);
    if (matchesEtag(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
    return c.body(body, 200, { "Content-Type": "application/json; charset=utf-8" });
  })
  .get("/:group/:tenant/versions/:version", validate("query", StatementQuerySchema), async (c) => {
    const segment = splitExtension(c.req.param("version"));
    const number = segment && v.safeParse(VersionNumberSchema, segment.name);
    if (!segment || !number?.success) {
      throw new AppError(404, "version_not_found", `"${c.req.param("version")}" is not a version number.`);
    }
    const target = parseTarget(
      `${c.req.param("tenant")}${segment.format ? `.${segment.format}` : ""}`,
      c.req.query("fragment"),
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
  });

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
  const etag = `"${rendering.bodyHash}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    "Last-Modified": new Date(rendering.publishedAt).toUTCString(),
    "Cache-Control": cacheControl,
    "Content-Language": rendering.language,
  };
  if (target.negotiated) headers.Vary = "Accept";
  if (!isRemembering(c) && matchesEtag(c.req.header("If-None-Match"), etag)) {
    return c.body(null, 304, headers);
  }
  headers["Content-Type"] = mediaTypeOf(target.format);
  const page = target.format === "html";
  return c.body(rendering.body, 200, {
    ...headers,
    ...(page ? DOCUMENT_HEADERS : {}),
    "Content-Security-Policy": page ? PAGE_CSP : "default-src 'none'",
  });
}

const byEffectiveThenNumber = (a: { effectiveFrom: string; number: number }, b: typeof a): number =>
  a.effectiveFrom === b.effectiveFrom ? b.number - a.number : a.effectiveFrom < b.effectiveFrom ? 1 : -1;

async function requireGroup(db: D1Reader, slug: string): Promise<GroupRecord> {
  const group = await findGroupBySlug(db, slug);
  if (!group) throw new AppError(404, "group_not_found", `No group "${slug}".`);
  return group;
}

async function requireTenant(db: D1Reader, groupSlug: string, tenantSlug: string) {
  const group = await requireGroup(db, groupSlug);
  const tenant = await findTenant(db, group.id, tenantSlug);
  if (!tenant)
    throw new AppError(404, "tenant_not_found", `${group.group.name} has no company "${tenantSlug}".`);
  return { group, tenant };
}

/** Why nothing could be served: only reached on the error path, so the extra reads cost nothing normally. */
async function explainNotFound(
  db: D1Reader,
  groupSlug: string,
  tenantSlug: string,
  at: string | undefined,
): Promise<AppError> {
  const { tenant } = await requireTenant(db, groupSlug, tenantSlug);
  const first = await findFirstEffectiveFrom(db, tenant.id);
  if (!first)
    return new AppError(404, "not_published", `${tenant.name} has not published a privacy statement yet.`);
  if (at) {
    return new AppError(
      404,
      "not_in_force",
      `No version of ${tenant.name}'s statement was in force at ${at}; the first took effect at ${first}.`,
    );
  }
  return new AppError(404, "not_in_force", `${tenant.name}'s first statement takes effect at ${first}.`);
}
