// A company's published versions in the console, and the word diff between any two of them. The
// company is always the one the access middleware resolved, never one named in the query.
import { Hono } from "hono";
import * as v from "valibot";
import { diffStatements, type StatementDiff } from "#shared/diff.ts";
import { LanguageSchema, type Language } from "#shared/model.ts";
import { listVersions, type VersionSummary } from "../db/statements.ts";
import { findVersionSections, type VersionText } from "../db/version-texts.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { describeRoute } from "../http/describe-route.ts";

const VersionNumberSchema = v.pipe(
  v.string("is required"),
  v.regex(/^[1-9]\d{0,8}$/, "must be a version number such as 3"),
  v.transform(Number),
);

const DiffQuerySchema = v.object({
  from: VersionNumberSchema,
  to: VersionNumberSchema,
  lang: v.optional(LanguageSchema),
});

export type VersionStatus = "in_force" | "scheduled" | "superseded";

export interface VersionDiffSide {
  version: number;
  publishedAt: string;
  effectiveFrom: string;
  changeNote: string;
  material: boolean;
}

export interface VersionDiffBody {
  tenant: { slug: string; name: string };
  /** Both sides are read in this language (see findVersionSections for the fallback). */
  language: Language;
  from: VersionDiffSide;
  to: VersionDiffSide;
  diff: StatementDiff;
}

/** Mounted at /api/groups/:group/tenants/:tenant/versions, behind resolveTenantAccess. */
export const tenantVersionRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary: "The company's versions",
      tag: "Company",
      access: "group admin, editor, viewer",
      responses: { 200: "Versions" },
    }),
    async (c) => {
      const { tenant } = c.get("tenantAccess");
      const versions = await listVersions(c.env.DB, tenant.id);
      const statuses = describeStatuses(versions, new Date().toISOString());
      c.header("Cache-Control", "private, no-store");
      return c.json(
        {
          tenant: { slug: tenant.slug, name: tenant.name },
          versions: versions.map((version) => ({ ...version, status: statuses.get(version.number) })),
        },
        200,
      );
    },
  )
  .get(
    "/diff",
    describeRoute({
      summary: "Section- and word-level diff between two versions (?from=&to=&lang=)",
      tag: "Company",
      access: "group admin, editor, viewer",
      responses: { 200: "Diff", 404: "No such version" },
    }),
    validate("query", DiffQuerySchema),
    async (c) => {
      const { tenant } = c.get("tenantAccess");
      const query = c.req.valid("query");
      const notFound = (n: number): AppError =>
        new AppError(404, "version_not_found", `${tenant.name} has no version ${n}.`);
      const to = await findVersionSections(c.env.DB, tenant.id, query.to, query.lang ?? null);
      if (!to) throw notFound(query.to);
      // Read the older side in the language the newer one was read in, so like is compared with like.
      const from = await findVersionSections(c.env.DB, tenant.id, query.from, to.language);
      if (!from) throw notFound(query.from);
      const body: VersionDiffBody = {
        tenant: { slug: tenant.slug, name: tenant.name },
        language: to.language,
        from: describeSide(from),
        to: describeSide(to),
        diff: diffStatements(from.sections, to.sections),
      };
      c.header("Cache-Control", "private, no-store");
      return c.json(body, 200);
    },
  );

function describeSide(text: VersionText): VersionDiffSide {
  return {
    version: text.number,
    publishedAt: text.publishedAt,
    effectiveFrom: text.effectiveFrom,
    changeNote: text.changeNote,
    material: text.material,
  };
}

/** In force: the latest effective date not after `now` (highest number on a tie). */
function describeStatuses(versions: VersionSummary[], now: string): Map<number, VersionStatus> {
  const inForce = versions
    .filter((v) => v.effectiveFrom <= now)
    .reduce<VersionSummary | null>(
      (best, v) =>
        !best ||
        v.effectiveFrom > best.effectiveFrom ||
        (v.effectiveFrom === best.effectiveFrom && v.number > best.number)
          ? v
          : best,
      null,
    );
  return new Map(
    versions.map((v) => [
      v.number,
      v.number === inForce?.number ? "in_force" : v.effectiveFrom > now ? "scheduled" : "superseded",
    ]),
  );
}
