// Rolling a new baseline (or processor change) out to the companies: status per company, and
// republishing the clean ones — all at once, or one by one so the console can show progress.
// Each company's own members read the same status for their company alone.
import { Hono } from "hono";
import { RepublishSchema } from "#shared/api-schemas.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { announcePublish } from "../publish-flow.ts";
import { listRolloutStatus, republishOutdated, republishTenant, type RolloutStatus } from "../rollout.ts";

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
  .get("/", async (c) => {
    const access = requireGroupAdmin(c);
    return c.json({ companies: (await listRolloutStatus(c.env.DB, access.group)).map(viewStatus) }, 200);
  })
  .post("/republish", validate("json", RepublishSchema), async (c) => {
    const access = requireGroupAdmin(c);
    const { changeNote } = c.req.valid("json");
    const origin = new URL(c.req.url).origin;
    const results = await republishOutdated(c.env.DB, access.group, access.user, {
      changeNote,
      material: true,
      onPublished: (tenant, version) => announcePublish(c.env, access.group, tenant, version, origin),
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
  })
  .post("/:tenant/republish", validate("json", RepublishSchema), async (c) => {
    const access = requireGroupAdmin(c);
    const origin = new URL(c.req.url).origin;
    const result = await republishTenant(c.env.DB, access.group, c.req.param("tenant"), access.user, {
      changeNote: c.req.valid("json").changeNote,
      material: true,
      onPublished: (tenant, version) => announcePublish(c.env, access.group, tenant, version, origin),
    });
    if (!result)
      throw new AppError(
        404,
        "tenant_not_found",
        `${access.group.group.name} has no company "${c.req.param("tenant")}".`,
      );
    return c.json(result, result.status === "failed" ? 422 : 200);
  });

/**
 * Mounted under /api/groups/:group/tenants/:tenant/rollout, behind resolveTenantAccess: whether a
 * newer baseline (or a processor change) is waiting for this one company, for everyone who may
 * read the company — its editors and viewers too, not only the privacy lead.
 */
export const tenantRolloutRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const { group } = c.get("access");
  const { tenant } = c.get("tenantAccess");
  const status = (await listRolloutStatus(c.env.DB, group, tenant.slug))[0];
  if (!status)
    throw new AppError(409, "baseline_not_found", `${group.group.name} has not published a baseline yet.`);
  c.header("Cache-Control", "private, no-store");
  return c.json(viewStatus(status), 200);
});
