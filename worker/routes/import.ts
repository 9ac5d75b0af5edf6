// Importing a company's existing privacy statement. POST …/import proposes and writes nothing;
// POST …/import/accept makes the same proposal again from the same text, applies the editor's
// choices and saves the draft over the revision the editor reviewed (If-Match). The profile
// changes only in the fields the editor accepted. Mounted under /api/groups/:group/tenants/:tenant.
import { Hono, type Context } from "hono";
import type * as v from "valibot";
import { ImportAcceptSchema, ImportSchema, type ImportChoicesSchema } from "#shared/api-schemas.ts";
import { validateOverrides } from "#shared/engine.ts";
import { planImport } from "#shared/import/apply.ts";
import { checkImport } from "#shared/import/check.ts";
import type { ImportChoices } from "#shared/import/choices.ts";
import type { LintStatement } from "#shared/import/lint-hook.ts";
import { proposeImport, type ImportContext, type ImportProposal } from "#shared/import/propose.ts";
import { allowsReservedDomains, lintStatement } from "#shared/lint/index.ts";
import { ALLOWED_MODES, type Baseline, type Group, type TenantContent } from "#shared/model.ts";
import { applyProcessorRegister } from "#shared/processor-register.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { readTenantDraft } from "../company-draft.ts";
import { findTenantDraft, prepareSaveTenantDraft, type TenantDraft } from "../db/drafts.ts";
import { listActiveMembers } from "../db/groups.ts";
import type { ProcessorRecord } from "../db/processors.ts";
import { saveDraftOrConflict } from "../draft-saving.ts";
import type { AppEnv } from "../env.ts";
import { AppError, conflictWithCurrent, validate, type FieldIssue } from "../errors.ts";
import { describeRoute, IF_MATCH } from "../http/describe-route.ts";
import { requireTenantEditor } from "../http/guards.ts";
import { readIfMatchRevision, revisionEtag } from "../http/revision.ts";
import { loadPublishingInputs } from "../publishing/inputs.ts";

async function requireDraft(c: Context<AppEnv>): Promise<TenantDraft> {
  const { tenant } = c.get("tenantAccess");
  const draft = await findTenantDraft(c.env.DB, tenant.id);
  if (!draft) throw new AppError(404, "draft_not_found", `${tenant.name} has no draft yet.`);
  return draft;
}

/**
 * Who the text is imported for: the company, its group and draft, the group's processor register.
 * The group with every member's name: the import warns when the text is another member's statement
 * (checkOtherCompany), and a large group is read with its first names only (findGroupBySlug).
 */
async function buildContext(
  c: Context<AppEnv>,
  draft: TenantDraft,
  register: readonly ProcessorRecord[],
): Promise<ImportContext> {
  const { group } = c.get("access");
  const { tenant } = c.get("tenantAccess");
  const { memberCount, ...named } = group.group;
  return {
    group:
      memberCount === undefined
        ? group.group
        : { ...named, members: await listActiveMembers(c.env.DB, group.id) },
    company: { slug: tenant.slug, name: tenant.name },
    draft: draft.content,
    register: register.map(({ key, recipient }) => ({ key, recipient })),
  };
}

/**
 * What accepting writes, checked as a saved draft is (PUT …/draft): within the baseline's policies,
 * processors from the register with the register's details. The plan keeps to both; this is the
 * guard that it did.
 */
function checkPlanned(
  baseline: Baseline,
  register: readonly ProcessorRecord[],
  content: TenantContent,
): TenantContent {
  const applied = applyProcessorRegister(content, register);
  const issues = [
    ...validateOverrides(baseline, content).map((violation) => ({
      field: `content.overrides.${violation.section}`,
      message: violation.message,
    })),
    ...applied.unknown.map((u) => ({
      field: `content.lists.recipients.${u.index}.processor`,
      message: `"${u.key}" is not in the group's processor register`,
    })),
  ];
  if (issues.length > 0)
    throw new AppError(422, "not_allowed_by_baseline", issues.map((i) => i.message).join(" "), issues);
  return applied.content;
}

/**
 * The legal lint as the review runs it (shared/import/lint-hook.ts): on the text as written, with
 * no company details, and on the draft after the import, with the group's settings.
 */
function lintFor(group: Group, baseline: Baseline): LintStatement {
  const allowReservedDomains = allowsReservedDomains(group.slug);
  const jointControllers = baseline.jointControllership !== undefined;
  return (statement, content) =>
    lintStatement(
      statement,
      content,
      content === null ? { allowReservedDomains } : { allowReservedDomains, jointControllers },
    );
}

/** The editor's choices with numeric indexes, each checked against the proposal it refers to. */
function readChoices(
  input: v.InferOutput<typeof ImportChoicesSchema>,
  proposal: ImportProposal,
  baseline: Baseline,
): ImportChoices {
  const issues: FieldIssue[] = [];
  const sections: Record<number, NonNullable<ImportChoices["sections"]>[number]> = {};
  for (const [index, choice] of Object.entries(input.sections ?? {})) {
    if (Number(index) >= proposal.sections.length) {
      issues.push({
        field: `choices.sections.${index}`,
        message: `is not a section of the text (it has ${proposal.sections.length})`,
      });
      continue;
    }
    const key = choice.key !== undefined ? choice.key : (proposal.sections[Number(index)]?.key ?? null);
    const target = key === null ? undefined : baseline.sections.find((s) => s.key === key);
    if (key !== null && target === undefined)
      issues.push({ field: `choices.sections.${index}.key`, message: `is not a section of the baseline` });
    if (choice.addHeld === true && target !== undefined && ALLOWED_MODES[target.policy].includes("append"))
      issues.push({
        field: `choices.sections.${index}.addHeld`,
        message: "only applies to a locked or optional section",
      });
    sections[Number(index)] = choice;
  }
  const items: Record<number, NonNullable<ImportChoices["items"]>[number]> = {};
  for (const [index, choice] of Object.entries(input.items ?? {})) {
    const found = proposal.found[Number(index)];
    if (found === undefined) {
      issues.push({
        field: `choices.items.${index}`,
        message: `is not an item found in the text (${proposal.found.length} were found)`,
      });
      continue;
    }
    if (choice.legalBasis !== undefined && found.list !== "purposes")
      issues.push({ field: `choices.items.${index}.legalBasis`, message: "only applies to a purpose" });
    if (
      choice.legalBasis === "legitimate_interest" &&
      found.list === "purposes" &&
      found.item.legitimateInterest === undefined
    )
      issues.push({
        field: `choices.items.${index}.legalBasis`,
        message:
          "a legitimate interest must be named with it (art. 13(1)(d) AVG); the text names none, so add this purpose in the draft",
      });
    if (choice.safeguard !== undefined && found.list !== "recipients")
      issues.push({ field: `choices.items.${index}.safeguard`, message: "only applies to a recipient" });
    items[Number(index)] = choice;
  }
  if (issues.length > 0)
    throw new AppError(
      422,
      "invalid_choices",
      `The choices do not fit this text: ${issues.map((i) => `${i.field} ${i.message}`).join("; ")}`,
      issues,
    );
  return {
    sections,
    items,
    ...(input.profile === undefined ? {} : { profile: input.profile }),
    ...(input.lists === undefined ? {} : { lists: input.lists }),
  };
}

export const companyImportRoutes = new Hono<AppEnv>()
  .post(
    "/import",
    describeRoute({
      summary:
        "Propose how an existing statement (text, Markdown or HTML) maps onto the draft, with the text's check as written and after the import; writes nothing",
      tag: "Company",
      access: "group admin, editor",
      responses: {
        200: "The proposal, the check (as written, after the import) and the draft revision it was made for (ETag)",
        404: "The company has no draft yet",
        409: "The group has not published a baseline yet",
      },
    }),
    validate("json", ImportSchema),
    async (c) => {
      const { tenant } = requireTenantEditor(c);
      const { group } = c.get("access");
      const [inputs, draft] = await Promise.all([loadPublishingInputs(c.env.DB, group), requireDraft(c)]);
      const { baseline } = inputs.baseline;
      const proposal = proposeImport(
        c.req.valid("json"),
        baseline,
        await buildContext(c, draft, inputs.register),
      );
      // A proposal only: nothing is written until the editor accepts it into the draft.
      const plan = planImport(draft.content, proposal);
      const check = checkImport(proposal, plan.content, {
        baseline,
        group: group.group,
        slug: tenant.slug,
        lint: lintFor(group.group, baseline),
      });
      c.header("ETag", revisionEtag(draft.revision));
      return c.json(
        { proposal, check, of: { draftRevision: draft.revision, baselineVersion: inputs.baseline.number } },
        200,
      );
    },
  )
  .post(
    "/import/accept",
    describeRoute({
      summary:
        "Accept an (edited) import proposal into the draft: the same text proposed again, the editor's choices applied; the profile changes only in the fields accepted",
      tag: "Company",
      access: "group admin, editor",
      headers: [IF_MATCH],
      responses: {
        200: "The new draft",
        404: "The company has no draft yet",
        409: "The draft changed since the review (body.current is the draft now), or no baseline is published",
        422: "Choices that do not fit the text (a section or item it does not have, a basis for a non-purpose, …)",
        428: "If-Match missing",
      },
    }),
    validate("json", ImportAcceptSchema),
    async (c) => {
      const { tenant, role } = requireTenantEditor(c);
      const { user, group } = c.get("access");
      const revision = readIfMatchRevision(c);
      const input = c.req.valid("json");
      const [inputs, draft] = await Promise.all([loadPublishingInputs(c.env.DB, group), requireDraft(c)]);
      if (draft.revision !== revision) {
        throw conflictWithCurrent("The draft changed while you reviewed the import; review it again.", draft);
      }
      const { baseline } = inputs.baseline;
      const proposal = proposeImport(
        { text: input.text, format: input.format },
        baseline,
        await buildContext(c, draft, inputs.register),
      );
      const choices = readChoices(input.choices, proposal, baseline);
      const plan = planImport(draft.content, proposal, choices);
      const content = checkPlanned(baseline, inputs.register, plan.content);
      const now = new Date().toISOString();
      await saveDraftOrConflict(c.env.DB, {
        save: prepareSaveTenantDraft(c.env.DB, tenant.id, revision, content, now),
        audit: buildAuditEntry({
          groupId: group.id,
          tenantId: tenant.id,
          actor: user,
          action: "draft.imported",
          target: tenant.slug,
          summary: {
            revision: revision + 1,
            format: proposal.format.format,
            sections: proposal.sections.length,
            profileAccepted: choices.profile ?? [],
            listItemsAdded: plan.taken.taken.size,
            heldBack: plan.placement.held.length,
          },
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
  );
