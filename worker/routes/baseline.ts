// The group's baseline: every member reads the published one; the privacy lead edits the draft
// (revision in ETag / If-Match) and publishes immutable versions — or, with approval on, asks
// another privacy lead to (worker/publishing/requests.ts).
import { Hono } from "hono";
import { BaselineDraftBodySchema, BaselinePublishSchema } from "#shared/api-schemas.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { findLatestBaselineVersion, listBaselineVersions } from "../db/baselines.ts";
import { findBaselineDraft, prepareSaveBaselineDraft } from "../db/drafts.ts";
import { gatePublish, lintBaselineText } from "../completeness.ts";
import { saveDraftOrConflict } from "../draft-saving.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { readIfMatchRevision, revisionEtag } from "../http/revision.ts";
import { OUTDATED_LIST_LIMIT, readBaselinePublication } from "../publishing/baseline.ts";
import { submitBaselinePublication } from "../publishing/requests.ts";
import { describeRoute, IF_MATCH } from "../http/describe-route.ts";

/** Mounted under /api/groups/:group/baseline, behind resolveGroupAccess. */
export const baselineRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary: "The published baseline",
      tag: "Group",
      access: "member",
      responses: { 200: "Baseline", 404: "None published" },
    }),
    async (c) => {
      const { group } = c.get("access");
      const latest = await findLatestBaselineVersion(c.env.DB, group.id);
      if (!latest)
        throw new AppError(
          404,
          "baseline_not_found",
          `${group.group.name} has not published a baseline yet.`,
        );
      return c.json(
        { number: latest.number, publishedAt: latest.publishedAt, baseline: latest.baseline },
        200,
      );
    },
  )
  .get(
    "/versions",
    describeRoute({
      summary: "Published baseline versions",
      tag: "Group",
      access: "member",
      responses: { 200: "Versions" },
    }),
    async (c) => {
      const { group } = c.get("access");
      return c.json({ versions: await listBaselineVersions(c.env.DB, group.id) }, 200);
    },
  )
  .get(
    "/draft",
    describeRoute({
      summary: "The baseline draft (ETag = revision)",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Draft" },
    }),
    async (c) => {
      const { group } = requireGroupAdmin(c);
      const draft = await findBaselineDraft(c.env.DB, group.id);
      if (!draft) throw new AppError(404, "draft_not_found", `${group.group.name} has no baseline draft.`);
      c.header("ETag", revisionEtag(draft.revision));
      c.header("Cache-Control", "private, no-store");
      return c.json(draft, 200);
    },
  )
  .put(
    "/draft",
    describeRoute({
      summary: "Save the baseline draft",
      tag: "Group",
      access: "group admin",
      headers: [IF_MATCH],
      responses: {
        200: "Saved",
        409: "Stale revision; body.current is the draft now",
        428: "If-Match missing",
      },
    }),
    validate("json", BaselineDraftBodySchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const revision = readIfMatchRevision(c);
      const { baseline } = c.req.valid("json");
      const now = new Date().toISOString();
      await saveDraftOrConflict(c.env.DB, {
        save: prepareSaveBaselineDraft(c.env.DB, access.group.id, revision, baseline, now),
        audit: buildAuditEntry({
          groupId: access.group.id,
          actor: access.user,
          action: "baseline.draft_saved",
          target: "baseline",
          summary: { revision: revision + 1, sections: baseline.sections.map((s) => `${s.key}:${s.policy}`) },
          at: now,
        }),
        editedRevision: revision,
        what: "the baseline",
        readCurrent: () => findBaselineDraft(c.env.DB, access.group.id),
      });
      c.header("ETag", revisionEtag(revision + 1));
      return c.json({ revision: revision + 1, baseline, updatedAt: now }, 200);
    },
  )
  .post(
    "/publish",
    describeRoute({
      summary:
        "Publish the baseline draft as a new version, or — with approval on — ask another privacy lead to",
      tag: "Group",
      access: "group admin",
      responses: {
        201: `Published; lists the companies now outdated (outdated: null above ${OUTDATED_LIST_LIMIT} active companies) and counts those on an older baseline (companiesOnOlderBaseline)`,
        422: "The baseline's text has legal lint errors (publish over them with completenessOverride)",
        202: "Waiting for approval: the publish request",
        409: "Nothing changed, or a baseline request is already pending",
      },
    }),
    validate("json", BaselinePublishSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const { changeNote, completenessOverride } = c.req.valid("json");
      const read = await readBaselinePublication(c.env.DB, access.group, changeNote);
      // Every company inherits this text: its legal errors refuse the publish as a company's would.
      const override = gatePublish(
        { blocking: [], lint: lintBaselineText(access.group, read.publication.baseline) },
        access,
        completenessOverride,
      );
      read.publication.override = override ?? null;
      const outcome = await submitBaselinePublication(c.env.DB, access.group, read, {
        actor: access.user,
        now: new Date().toISOString(),
      });
      return outcome.kind === "published" ? c.json(outcome, 201) : c.json(outcome, 202);
    },
  );
