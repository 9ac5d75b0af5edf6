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
import { buildAuditEntry } from "../audit-entry.ts";
import { readTenantDraft } from "../company-draft.ts";
import { findTenantDraft, prepareSaveTenantDraft } from "../db/drafts.ts";
import { findVersionContent } from "../db/statements.ts";
import type { AppEnv } from "../env.ts";
import { saveDraftOrConflict } from "../draft-saving.ts";
import { AppError, validate } from "../errors.ts";
import { requireTenantEditor } from "../http/guards.ts";
import { readIfMatchRevision, revisionEtag } from "../http/revision.ts";
import { assessContent, gatePublish } from "../completeness.ts";
import { announceTo } from "../publishing/announce.ts";
import { loadPublishingInputs, type PublishingInputs } from "../publishing/inputs.ts";
import { submitCompanyPublication } from "../publishing/requests.ts";
import { describeRoute, IF_MATCH } from "../http/describe-route.ts";

/** Overrides the baseline forbids, and processor keys the register lacks, as field issues. */
function checkContent(inputs: PublishingInputs, content: TenantContent): TenantContent {
  const applied = applyProcessorRegister(content, inputs.register);
  const issues = [
    ...validateOverrides(inputs.baseline.baseline, content).map((violation) => ({
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

interface PublishInput {
  content: TenantContent;
  draftRevision: number;
  changeNote: string;
  material: boolean;
  effectiveFrom?: string | undefined;
  completenessOverride?: string | undefined;
  restoredFrom?: number | undefined;
}

/**
 * Checks the statement against the gate (AVG completeness and legal lint), then publishes or — with
 * approval on — asks for approval.
 */
async function submit(c: Context<AppEnv>, inputs: PublishingInputs, input: PublishInput) {
  const access = c.get("access");
  const { tenant } = c.get("tenantAccess");
  // The reason also covers legal lint errors: one written reason for all the gate refused.
  const override = gatePublish(
    assessContent(access.group, tenant, inputs.baseline.baseline, input.content),
    access,
    input.completenessOverride,
  );
  const outcome = await submitCompanyPublication(
    c.env.DB,
    inputs,
    {
      ...input,
      tenant,
      completenessOverride: override?.reason,
      overridden: override && { completeness: override.completeness, lint: override.lint },
    },
    {
      actor: access.user,
      now: new Date().toISOString(),
      onPublished: announceTo(c.env, access.group, new URL(c.req.url).origin),
    },
  );
  return outcome.kind === "published" ? c.json(outcome, 201) : c.json(outcome, 202);
}

export const companyEditingRoutes = new Hono<AppEnv>()
  .get(
    "/draft",
    describeRoute({
      summary: "The company's draft (ETag = revision)",
      tag: "Company",
      access: "group admin, editor, viewer of the company",
      responses: { 200: "Draft" },
    }),
    async (c) => {
      const { tenant, role } = c.get("tenantAccess");
      const draft = await readTenantDraft(c.env.DB, c.get("access").group.id, tenant.id);
      if (!draft) throw new AppError(404, "draft_not_found", `${tenant.name} has no draft yet.`);
      c.header("ETag", revisionEtag(draft.revision));
      c.header("Cache-Control", "private, no-store");
      return c.json({ tenant: { slug: tenant.slug, name: tenant.name }, role, ...draft }, 200);
    },
  )
  .put(
    "/draft",
    describeRoute({
      summary: "Save the company's draft (the JSON the GET returns)",
      tag: "Company",
      access: "group admin, editor",
      headers: [IF_MATCH],
      responses: {
        200: "Saved",
        409: "Stale revision; body.current is the draft now",
        422: "An override the baseline's policy forbids, or an unknown processor",
        428: "If-Match missing",
      },
    }),
    validate("json", TenantDraftBodySchema),
    async (c) => {
      const { tenant, role } = requireTenantEditor(c);
      const { user, group } = c.get("access");
      const revision = readIfMatchRevision(c);
      const inputs = await loadPublishingInputs(c.env.DB, group);
      const content = checkContent(inputs, c.req.valid("json").content);
      const now = new Date().toISOString();
      await saveDraftOrConflict(c.env.DB, {
        save: prepareSaveTenantDraft(c.env.DB, tenant.id, revision, content, now),
        audit: buildAuditEntry({
          groupId: group.id,
          tenantId: tenant.id,
          actor: user,
          action: "draft.saved",
          target: tenant.slug,
          summary: { revision: revision + 1 },
          at: now,
        }),
        editedRevision: revision,
        what: `${tenant.name}'s draft`,
        readCurrent: () => readTenantDraft(c.env.DB, c.get("access").group.id, tenant.id),
      });
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
    },
  )
  .get(
    "/preview",
    describeRoute({
      summary:
        "The draft resolved and rendered, with its problems and legal lint findings, without publishing",
      tag: "Company",
      access: "group admin, editor, viewer",
      responses: { 200: "Preview" },
    }),
    async (c) => {
      const { tenant } = c.get("tenantAccess");
      const { group } = c.get("access");
      const [draft, inputs] = await Promise.all([
        findTenantDraft(c.env.DB, tenant.id),
        loadPublishingInputs(c.env.DB, group),
      ]);
      if (!draft) throw new AppError(404, "draft_not_found", `${tenant.name} has no draft yet.`);
      const { baseline } = inputs;
      const applied = applyProcessorRegister(draft.content, inputs.register);
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
    },
  )
  .post(
    "/publish",
    describeRoute({
      summary: "Publish the draft (or ask for approval when the group requires it)",
      tag: "Company",
      access: "group admin, editor",
      responses: {
        201: "Published",
        202: "Waiting for approval",
        409: "Nothing changed, or a request is already pending",
        422: "Problems in the statement",
      },
    }),
    validate("json", PublishSchema),
    async (c) => {
      const { tenant } = requireTenantEditor(c);
      const input = c.req.valid("json");
      const [draft, inputs] = await Promise.all([
        findTenantDraft(c.env.DB, tenant.id),
        loadPublishingInputs(c.env.DB, c.get("access").group),
      ]);
      if (!draft) throw new AppError(404, "draft_not_found", `${tenant.name} has no draft yet.`);
      const content = checkContent(inputs, draft.content);
      return submit(c, inputs, { content, draftRevision: draft.revision, ...input });
    },
  )
  .post(
    "/versions/:number/restore",
    describeRoute({
      summary: "Publish an old version's company details again as a new version",
      tag: "Company",
      access: "group admin, editor",
      responses: { 201: "Published", 202: "Waiting for approval", 404: "No such version" },
    }),
    validate("json", RestoreSchema),
    async (c) => {
      const { tenant } = requireTenantEditor(c);
      const number = Number(c.req.param("number"));
      const restored = Number.isInteger(number)
        ? await findVersionContent(c.env.DB, tenant.id, number)
        : null;
      if (!restored)
        throw new AppError(
          404,
          "version_not_found",
          `${tenant.name} has no version ${c.req.param("number")}.`,
        );
      const [inputs, draft] = await Promise.all([
        loadPublishingInputs(c.env.DB, c.get("access").group),
        findTenantDraft(c.env.DB, tenant.id),
      ]);
      // The old company details, on today's baseline: a statement always follows the group's baseline.
      const content = checkContent(inputs, restored);
      return submit(c, inputs, {
        content,
        draftRevision: draft?.revision ?? 0,
        changeNote: c.req.valid("json").changeNote,
        completenessOverride: c.req.valid("json").completenessOverride,
        material: true,
        restoredFrom: number,
      });
    },
  );
