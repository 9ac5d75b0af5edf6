// A company's draft: read, save (revision in ETag / If-Match), preview, publish and restore.
// Mounted under /api/groups/:group/tenants/:tenant behind resolveTenantAccess, so the company
// always comes from the caller's resolved access, never from the request body.
import { Hono, type Context } from "hono";
import { PublishSchema, RestoreSchema, TenantDraftBodySchema } from "#shared/api-schemas.ts";
import { validateOverrides } from "#shared/engine.ts";
import { lintPublication } from "#shared/lint/index.ts";
import type { TenantContent } from "#shared/model.ts";
import { applyProcessorRegister } from "#shared/processor-register.ts";
import { preparePublication } from "#shared/publication.ts";
import { runWithAudit } from "../db/audit.ts";
import { findLatestBaselineVersion, type BaselineVersionRecord } from "../db/baselines.ts";
import { findTenantDraft, isStaleRevision, prepareSaveTenantDraft } from "../db/drafts.ts";
import { listProcessors } from "../db/processors.ts";
import type { AppEnv } from "../env.ts";
import { AppError, conflictWithCurrent, validate } from "../errors.ts";
import { requireTenantEditor } from "../http/guards.ts";
import { readIfMatchRevision, revisionEtag } from "../http/revision.ts";
import { requestOrPublish } from "../publish-flow.ts";

async function requireBaseline(c: Context<AppEnv>): Promise<BaselineVersionRecord> {
  const { group } = c.get("access");
  const baseline = await findLatestBaselineVersion(c.env.DB, group.id);
  if (!baseline)
    throw new AppError(409, "baseline_not_found", `${group.group.name} has not published a baseline yet.`);
  return baseline;
}

/** Overrides the baseline forbids, and processor keys the register lacks, as field issues. */
async function checkContent(
  c: Context<AppEnv>,
  content: TenantContent,
  baseline: BaselineVersionRecord,
): Promise<TenantContent> {
  const { group } = c.get("access");
  const applied = applyProcessorRegister(content, await listProcessors(c.env.DB, group.id));
  const issues = [
    ...validateOverrides(baseline.baseline, content).map((violation) => ({
      field: `content.overrides.${violation.section}`,
      message: violation.message,
    })),
    ...applied.unknown.map((u) => ({
      field: `content.lists.recipients.${u.index}.processor`,
      message: `"${u.key}" is not in the group's processor register`,
    })),
  ];
  if (issues.length > 0) {
    throw new AppError(422, "not_allowed_by_baseline", issues.map((i) => i.message).join(" "), issues);
  }
  return applied.content;
}

export const companyEditingRoutes = new Hono<AppEnv>()
  .get("/draft", async (c) => {
    const { tenant, role } = c.get("tenantAccess");
    const draft = await findTenantDraft(c.env.DB, tenant.id);
    if (!draft) throw new AppError(404, "draft_not_found", `${tenant.name} has no draft yet.`);
    c.header("ETag", revisionEtag(draft.revision));
    c.header("Cache-Control", "private, no-store");
    return c.json({ tenant: { slug: tenant.slug, name: tenant.name }, role, ...draft }, 200);
  })
  .put("/draft", validate("json", TenantDraftBodySchema), async (c) => {
    const { tenant, role } = requireTenantEditor(c);
    const { user, group } = c.get("access");
    const revision = readIfMatchRevision(c);
    const content = await checkContent(c, c.req.valid("json").content, await requireBaseline(c));
    const now = new Date().toISOString();
    try {
      await runWithAudit(
        c.env.DB,
        [prepareSaveTenantDraft(c.env.DB, tenant.id, revision, content, now)],
        [
          {
            groupId: group.id,
            tenantId: tenant.id,
            actorUserId: user.id,
            actor: user.email,
            action: "draft.saved",
            target: tenant.slug,
            summary: { revision: revision + 1 },
            at: now,
          },
        ],
      );
    } catch (error) {
      if (!isStaleRevision(error)) throw error;
      const current = await findTenantDraft(c.env.DB, tenant.id);
      throw conflictWithCurrent(
        `Someone saved ${tenant.name}'s draft after you opened it (you edited revision ${revision}, it is now ${current?.revision}). Your changes were not saved; merge them into the current draft.`,
        current,
      );
    }
    c.header("ETag", revisionEtag(revision + 1));
    return c.json(
      {
        tenant: { slug: tenant.slug, name: tenant.name },
        role,
        revision: revision + 1,
        content,
        updatedAt: now,
      },
      200,
    );
  })
  .get("/preview", async (c) => {
    const { tenant } = c.get("tenantAccess");
    const { group } = c.get("access");
    const [draft, baseline] = await Promise.all([findTenantDraft(c.env.DB, tenant.id), requireBaseline(c)]);
    if (!draft) throw new AppError(404, "draft_not_found", `${tenant.name} has no draft yet.`);
    const applied = applyProcessorRegister(draft.content, await listProcessors(c.env.DB, group.id));
    const publication = await preparePublication(
      baseline.baseline,
      { group: group.group, slug: tenant.slug, content: applied.content },
      { version: 0, publishedAt: "", effectiveFrom: "", baselineVersion: baseline.number },
    );
    return c.json(
      {
        draftRevision: draft.revision,
        baselineVersion: baseline.number,
        contentHash: publication.contentHash,
        problems: publication.problems,
        violations: validateOverrides(baseline.baseline, draft.content),
        // Legal lint of what is previewed, every language, for the panel beside the preview.
        lint: lintPublication(
          baseline.baseline,
          { group: group.group, slug: tenant.slug, content: applied.content },
          publication.statements,
        ),
        outputs: publication.outputs
          .filter((o) => o.format !== "html")
          .map(({ language, format, body }) => ({ language, format, body })),
      },
      200,
    );
  })
  .post("/publish", validate("json", PublishSchema), async (c) => {
    const { tenant } = requireTenantEditor(c);
    const input = c.req.valid("json");
    const draft = await findTenantDraft(c.env.DB, tenant.id);
    if (!draft) throw new AppError(404, "draft_not_found", `${tenant.name} has no draft yet.`);
    const content = await checkContent(c, draft.content, await requireBaseline(c));
    const outcome = await requestOrPublish(c, { content, draftRevision: draft.revision, ...input });
    return outcome.kind === "published" ? c.json(outcome, 201) : c.json(outcome, 202);
  })
  .post("/versions/:number/restore", validate("json", RestoreSchema), async (c) => {
    const { tenant } = requireTenantEditor(c);
    const number = Number(c.req.param("number"));
    const row = Number.isInteger(number)
      ? await c.env.DB.prepare("SELECT content FROM statement_versions WHERE tenant_id = ?1 AND number = ?2")
          .bind(tenant.id, number)
          .first<{ content: string }>()
      : null;
    if (!row)
      throw new AppError(404, "version_not_found", `${tenant.name} has no version ${c.req.param("number")}.`);
    // The old company details, on today's baseline: a statement always follows the group's baseline.
    const content = await checkContent(c, JSON.parse(row.content) as TenantContent, await requireBaseline(c));
    const draft = await findTenantDraft(c.env.DB, tenant.id);
    const outcome = await requestOrPublish(c, {
      content,
      draftRevision: draft?.revision ?? 0,
      changeNote: c.req.valid("json").changeNote,
      completenessOverride: c.req.valid("json").completenessOverride,
      material: true,
      restoredFrom: number,
    });
    return outcome.kind === "published" ? c.json(outcome, 201) : c.json(outcome, 202);
  });
