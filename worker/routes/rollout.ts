// Rolling a new baseline (or processor change) out to the companies: status per company, and
// republishing the clean ones — all at once, or one by one so the console can show progress.
import { Hono } from "hono";
import { RepublishSchema } from "../../shared/api-schemas.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { announcePublish } from "../publish-flow.ts";
import { listRolloutStatus, republishTenant, type RepublishResult, type RolloutStatus } from "../rollout.ts";

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
    const results: RepublishResult[] = [];
    // One company at a time, each in its own transaction: a failure leaves the others published.
    for (const status of await listRolloutStatus(c.env.DB, access.group)) {
      if (!status.outdated) continue;
      const result = await republishTenant(c.env.DB, access.group, status, access.user, {
        changeNote,
        material: true,
      });
      if (result.version) await announcePublish(c.env, access.group, status.tenant, result.version, origin);
      results.push(result);
    }
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
    const status = (await listRolloutStatus(c.env.DB, access.group, c.req.param("tenant")))[0];
    if (!status)
      throw new AppError(
        404,
        "tenant_not_found",
        `${access.group.group.name} has no company "${c.req.param("tenant")}".`,
      );
    const result = await republishTenant(c.env.DB, access.group, status, access.user, {
      changeNote: c.req.valid("json").changeNote,
      material: true,
    });
    if (result.version)
      await announcePublish(c.env, access.group, status.tenant, result.version, new URL(c.req.url).origin);
    return c.json(result, result.status === "failed" ? 422 : 200);
  });
