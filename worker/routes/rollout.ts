// Rolling a new baseline (or processor change) out to the companies: status per company, and
// republishing the clean ones — all at once, or one by one so the console can show progress.
// Each company's own members read the same status for their company alone.
import { Hono } from "hono";
import { RepublishSchema } from "#shared/api-schemas.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { announceTo } from "../publishing/announce.ts";
import { baselineNotPublished } from "../publishing/inputs.ts";
import { republishOutdated, republishTenant } from "../publishing/republish.ts";
import { listRolloutStatus, type RolloutStatus } from "../rollout.ts";
import { describeRoute } from "../http/describe-route.ts";

/** A company's rollout status as the API sends it: the group's list and the company's own route alike. */
const viewStatus = (s: RolloutStatus) => ({
  tenant: { slug: s.tenant.slug, name: s.tenant.name },
  version: s.version,
  latestBaseline: s.latestBaseline,
  outdated: s.outdated,
  reasons: s.reasons,
  clean: s.conflicts.length === 0,
  conflicts: s.conflicts,
  diff: s.diff,
});

/** Mounted under /api/groups/:group/rollout, behind resolveGroupAccess. */
export const rolloutRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary: "Per company: outdated?, why, conflicts and the diff a republish would make",
      tag: "Rollout",
      access: "group admin",
      responses: { 200: "Companies" },
    }),
    async (c) => {
      const access = requireGroupAdmin(c);
      return c.json({ companies: (await listRolloutStatus(c.env.DB, access.group)).map(viewStatus) }, 200);
    },
  )
  .post(
    "/republish",
    describeRoute({
      summary:
        "Republish every clean outdated company, each through the publish gate (completeness and legal lint; completenessOverride publishes over it)",
      tag: "Rollout",
      access: "group admin",
      responses: { 200: "Result per company" },
    }),
    validate("json", RepublishSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const { changeNote, completenessOverride } = c.req.valid("json");
      const results = await republishOutdated(c.env.DB, access.group, access.user, {
        changeNote,
        completenessOverride,
        material: true,
        onPublished: announceTo(c.env, access.group, new URL(c.req.url).origin),
      });
      return c.json(
        {
          published: results.filter((r) => r.status === "published").length,
          failed: results.filter((r) => r.status === "failed").length,
          skipped: results.filter((r) => r.status === "skipped").length,
          results,
        },
        200,
      );
    },
  )
  .post(
    "/:tenant/republish",
    describeRoute({
      summary: "Republish one company (for progress reporting)",
      tag: "Rollout",
      access: "group admin",
      responses: { 200: "Published or skipped", 422: "Failed, with the reason" },
    }),
    validate("json", RepublishSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const result = await republishTenant(c.env.DB, access.group, c.req.param("tenant"), access.user, {
        changeNote: c.req.valid("json").changeNote,
        completenessOverride: c.req.valid("json").completenessOverride,
        material: true,
        onPublished: announceTo(c.env, access.group, new URL(c.req.url).origin),
      });
      if (!result)
        throw new AppError(
          404,
          "tenant_not_found",
          `${access.group.group.name} has no company "${c.req.param("tenant")}".`,
        );
      return c.json(result, result.status === "failed" ? 422 : 200);
    },
  );

/**
 * Mounted under /api/groups/:group/tenants/:tenant/rollout, behind resolveTenantAccess: whether a
 * newer baseline (or a processor change) is waiting for this one company, for everyone who may
 * read the company — its editors and viewers too, not only the privacy lead.
 */
export const tenantRolloutRoutes = new Hono<AppEnv>().get(
  "/",
  describeRoute({
    summary:
      "This company alone: whether a newer baseline (or a processor change) is waiting, why, what it would change in the published statement, and the conflicts",
    tag: "Rollout",
    access: "group admin, editor, viewer of the company",
    responses: {
      200: "The company's rollout status, shaped like one entry of GET /api/groups/{group}/rollout",
      409: "The group has not published a baseline yet",
    },
  }),
  async (c) => {
    const { group } = c.get("access");
    const { tenant } = c.get("tenantAccess");
    const status = (await listRolloutStatus(c.env.DB, group, tenant.slug))[0];
    if (!status) throw baselineNotPublished(group);
    c.header("Cache-Control", "private, no-store");
    return c.json(viewStatus(status), 200);
  },
);
