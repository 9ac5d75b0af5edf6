// Rolling a new baseline (or processor change) out to the companies: status per company, and
// republishing the clean ones — all at once, or one by one so the console can show progress.
// Each company's own members read the same status for their company alone.
import { Hono } from "hono";
import {
  CompanyPageQuerySchema,
  RepublishSchema,
  RolloutPageQuerySchema,
  RolloutRunStartSchema,
} from "#shared/api-schemas.ts";
import { countCompaniesOnBaseline } from "../db/baselines.ts";
import { findLatestRolloutRun, listRolloutOutcomes, type RolloutRun } from "../db/rollout-runs.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { announceTo } from "../publishing/announce.ts";
import { baselineNotPublished } from "../publishing/inputs.ts";
import { findGateStop, republishOutdated, republishTenant } from "../publishing/republish.ts";
import { startRolloutRun } from "../publishing/rollout-run.ts";
import {
  listRolloutAssessments,
  type Assessment,
  type RolloutInputs,
  type RolloutStatus,
} from "../rollout.ts";
import type { GroupRecord } from "../db/groups.ts";
import { describeRoute } from "../http/describe-route.ts";

/**
 * A company's rollout status as the API sends it: the group's list and the company's own route
 * alike. `gateStops`: the publish gate's reason a run would leave the company alone with, or null;
 * left out when the caller asked for the status without the gate.
 */
const viewStatus = (s: RolloutStatus, gateStops?: string | null) => ({
  tenant: { slug: s.tenant.slug, name: s.tenant.name },
  version: s.version,
  latestBaseline: s.latestBaseline,
  outdated: s.outdated,
  reasons: s.reasons,
  clean: s.conflicts.length === 0,
  conflicts: s.conflicts,
  diff: s.diff,
  gateStops,
});

/** Each company's status with what the gate would say of republishing it (about 1 ms a company). */
const viewAssessments = (group: GroupRecord, listed: { inputs: RolloutInputs; assessments: Assessment[] }) =>
  listed.assessments.map((a) => viewStatus(a.status, findGateStop(group, listed.inputs.latest, a)));

/** A page of companies holds at most this many unless the caller asks for fewer. */
const PAGE = 100;

const cursorOf = (at: { position: number; slug: string }): string => `${at.position}~${at.slug}`;

/** A rollout run as the API sends it: its progress, for the console's progress bar. */
const viewRun = (run: RolloutRun) => ({
  id: run.id,
  status: run.status,
  baselineVersion: run.baselineVersion,
  startedBy: run.startedBy?.email ?? null,
  startedAt: run.startedAt,
  changeNote: run.changeNote,
  total: run.total,
  processed: run.processed,
  published: run.published,
  upToDate: run.upToDate,
  skipped: run.skipped,
  failed: run.failed,
  /** Transactions written so far: one per chunk of companies, and one that ends the run. */
  chunks: run.chunks,
  updatedAt: run.updatedAt,
  finishedAt: run.finishedAt,
  error: run.error,
});

/** Mounted under /api/groups/:group/rollout, behind resolveGroupAccess. */
export const rolloutRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary:
        "Per company, a page at a time: outdated?, why, conflicts, the publish gate's reason to stop a republish (left out with gate=skip), and the diff it would make; the first page (no after) also counts the group's active companies and those on an older baseline (totals; null on later pages)",
      tag: "Rollout",
      access: "group admin",
      responses: { 200: "Companies" },
    }),
    validate("query", RolloutPageQuerySchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const { after, limit = PAGE, gate = "include" } = c.req.valid("query");
      // One more than the page, to know whether there is a next one.
      const listed = await listRolloutAssessments(c.env.DB, access.group, undefined, {
        after: after ?? null,
        limit: limit + 1,
      });
      const statuses = listed?.assessments ?? [];
      const page = statuses.slice(0, limit);
      const last = page.at(-1)?.status;
      // Counted in SQL for the whole group, so that a page of a large group can say how many are
      // on an older baseline without assessing every company (processor or group changes are
      // found per company, on the pages). Once, with the first page: the count reads the group.
      const totals =
        after !== undefined
          ? null
          : last
            ? await countCompaniesOnBaseline(c.env.DB, access.group.id, last.latestBaseline)
            : { active: 0, onOlderBaseline: 0 };
      return c.json(
        {
          companies: !listed
            ? []
            : gate === "skip"
              ? page.map((a) => viewStatus(a.status))
              : viewAssessments(access.group, { ...listed, assessments: page }),
          totals: totals && { activeCompanies: totals.active, onOlderBaseline: totals.onOlderBaseline },
          next:
            statuses.length > limit && last
              ? cursorOf({ position: last.position, slug: last.tenant.slug })
              : null,
        },
        200,
      );
    },
  )
  .post(
    "/runs",
    describeRoute({
      summary:
        "Republish every clean outdated company through the queue, a chunk at a time (for groups of any size), each through the publish gate (a company it stops is left alone with the reason); follow it with GET …/rollout/runs/latest",
      tag: "Rollout",
      access: "group admin",
      responses: {
        202: "The run, queued",
        400: "Bad body",
        409: "A run of the group is still running, or no baseline yet",
      },
    }),
    validate("json", RolloutRunStartSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const run = await startRolloutRun(
        c.env,
        access.group,
        access.user,
        c.req.valid("json").changeNote ?? null,
      );
      return c.json({ run: viewRun(run) }, 202);
    },
  )
  .get(
    "/runs/latest",
    describeRoute({
      summary:
        "The group's latest rollout run: its progress, and a page of the companies it left alone and why",
      tag: "Rollout",
      access: "group admin",
      responses: { 200: "The run", 404: "The group never started one" },
    }),
    validate("query", CompanyPageQuerySchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const run = await findLatestRolloutRun(c.env.DB, access.group.id);
      if (!run)
        throw new AppError(
          404,
          "rollout_run_not_found",
          `${access.group.group.name} has no rollout run yet.`,
        );
      const { after, limit = PAGE } = c.req.valid("query");
      const outcomes = await listRolloutOutcomes(c.env.DB, run.id, {
        after: after ?? null,
        limit: limit + 1,
      });
      const page = outcomes.slice(0, limit);
      const last = page.at(-1);
      c.header("Cache-Control", "private, no-store");
      return c.json(
        {
          run: viewRun(run),
          leftAlone: page.map(({ tenant, status, reason }) => ({ tenant, status, reason })),
          next:
            outcomes.length > limit && last
              ? cursorOf({ position: last.position, slug: last.tenant.slug })
              : null,
        },
        200,
      );
    },
  )
  .post(
    "/republish",
    describeRoute({
      summary:
        "Republish every clean outdated company within this request (small groups; POST …/rollout/runs for any size), each through the publish gate (completeness and legal lint; completenessOverride publishes over it)",
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
    const listed = await listRolloutAssessments(c.env.DB, group, tenant.slug);
    const status = listed && viewAssessments(group, listed)[0];
    if (!status) throw baselineNotPublished(group);
    c.header("Cache-Control", "private, no-store");
    return c.json(status, 200);
  },
);
