// The group's baseline: every member reads the published one; the privacy lead edits the draft
// (revision in ETag / If-Match) and publishes immutable versions.
import { Hono } from "hono";
import { BaselineDraftBodySchema, BaselinePublishSchema } from "#shared/api-schemas.ts";
import { runWithAudit } from "../db/audit.ts";
import {
  findLatestBaselineVersion,
  listBaselineVersions,
  prepareInsertBaselineVersion,
} from "../db/baselines.ts";
import { findBaselineDraft, isStaleRevision, prepareSaveBaselineDraft } from "../db/drafts.ts";
import type { AppEnv } from "../env.ts";
import { AppError, conflictWithCurrent, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { readIfMatchRevision, revisionEtag } from "../http/revision.ts";
import { listRolloutStatus } from "../rollout.ts";

/** Mounted under /api/groups/:group/baseline, behind resolveGroupAccess. */
export const baselineRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { group } = c.get("access");
    const latest = await findLatestBaselineVersion(c.env.DB, group.id);
    if (!latest)
      throw new AppError(404, "baseline_not_found", `${group.group.name} has not published a baseline yet.`);
    return c.json({ number: latest.number, publishedAt: latest.publishedAt, baseline: latest.baseline }, 200);
  })
  .get("/versions", async (c) => {
    const { group } = c.get("access");
    return c.json({ versions: await listBaselineVersions(c.env.DB, group.id) }, 200);
  })
  .get("/draft", async (c) => {
    const { group } = requireGroupAdmin(c);
    const draft = await findBaselineDraft(c.env.DB, group.id);
    if (!draft) throw new AppError(404, "draft_not_found", `${group.group.name} has no baseline draft.`);
    c.header("ETag", revisionEtag(draft.revision));
    c.header("Cache-Control", "private, no-store");
    return c.json(draft, 200);
  })
  .put("/draft", validate("json", BaselineDraftBodySchema), async (c) => {
    const access = requireGroupAdmin(c);
    const revision = readIfMatchRevision(c);
    const { baseline } = c.req.valid("json");
    const now = new Date().toISOString();
    try {
      await runWithAudit(
        c.env.DB,
        [prepareSaveBaselineDraft(c.env.DB, access.group.id, revision, baseline, now)],
        [
          {
            groupId: access.group.id,
            tenantId: null,
            actorUserId: access.user.id,
            actor: access.user.email,
            action: "baseline.draft_saved",
            target: "baseline",
            summary: {
              revision: revision + 1,
              sections: baseline.sections.map((s) => `${s.key}:${s.policy}`),
            },
            at: now,
          },
        ],
      );
    } catch (error) {
      if (!isStaleRevision(error)) throw error;
      const current = await findBaselineDraft(c.env.DB, access.group.id);
      throw conflictWithCurrent(
        `Someone saved the baseline after you opened it (you edited revision ${revision}, it is now ${current?.revision}). Your changes were not saved; merge them into the current draft.`,
        current,
      );
    }
    c.header("ETag", revisionEtag(revision + 1));
    return c.json({ revision: revision + 1, baseline, updatedAt: now }, 200);
  })
  .post("/publish", validate("json", BaselinePublishSchema), async (c) => {
    const access = requireGroupAdmin(c);
    const { changeNote } = c.req.valid("json");
    const [draft, latest] = await Promise.all([
      findBaselineDraft(c.env.DB, access.group.id),
      findLatestBaselineVersion(c.env.DB, access.group.id),
    ]);
    if (!draft)
      throw new AppError(404, "draft_not_found", `${access.group.group.name} has no baseline draft.`);
    if (latest && JSON.stringify(latest.baseline) === JSON.stringify(draft.baseline)) {
      throw new AppError(
        409,
        "nothing_changed",
        "The baseline draft is identical to the published baseline.",
      );
    }
    const number = (latest?.number ?? 0) + 1;
    const now = new Date().toISOString();
    try {
      await runWithAudit(
        c.env.DB,
        [
          prepareInsertBaselineVersion(c.env.DB, {
            groupId: access.group.id,
            number,
            baseline: draft.baseline,
            changeNote,
            publishedAt: now,
            publishedBy: access.user.id,
          }),
        ],
        [
          {
            groupId: access.group.id,
            tenantId: null,
            actorUserId: access.user.id,
            actor: access.user.email,
            action: "baseline.published",
            target: "baseline",
            summary: { version: number, changeNote, draftRevision: draft.revision },
            at: now,
          },
        ],
      );
    } catch (error) {
      if (String(error).includes("UNIQUE constraint failed: baseline_versions")) {
        throw new AppError(
          409,
          "publish_conflict",
          `Baseline version ${number} was published at the same moment.`,
        );
      }
      throw error;
    }
    // Every company now resting on an older baseline is outdated; say which, and how.
    const rollout = await listRolloutStatus(c.env.DB, access.group, undefined, { withDiff: false });
    return c.json(
      {
        version: { number, publishedAt: now, changeNote },
        outdated: rollout
          .filter((r) => r.outdated)
          .map((r) => ({ tenant: r.tenant.slug, clean: r.conflicts.length === 0 })),
      },
      201,
    );
  });
