// Importing a company's existing privacy statement. POST …/import proposes and writes nothing;
// POST …/import/accept makes the same proposal again from the same text, applies the editor's
// choices and saves the draft over the revision the editor reviewed (If-Match). The profile
// changes only in the fields the editor accepted. Mounted under /api/groups/:group/tenants/:tenant.
import { Hono, type Context } from "hono";
import type * as v from "valibot";
import { ImportAcceptSchema, ImportSchema, type ImportChoicesSchema } from "#shared/api-schemas.ts";
import { allowsReservedDomains, lintStatement } from "#shared/lint/index.ts";
import type { LintStatement } from "#shared/import/lint-hook.ts";
import { ALLOWED_MODES, type Baseline, type Group } from "#shared/model.ts";
import { planImport } from "#shared/import/apply.ts";
import { checkImport } from "#shared/import/check.ts";
import type { ImportChoices } from "#shared/import/choices.ts";
import { proposeImport, type ImportContext, type ImportProposal } from "#shared/import/propose.ts";
import { runWithAudit } from "../db/audit.ts";
import { findTenantDraft, isStaleRevision, prepareSaveTenantDraft, type TenantDraft } from "../db/drafts.ts";
import { listProcessors } from "../db/processors.ts";
import type { AppEnv } from "../env.ts";
import { AppError, conflictWithCurrent, validate, type FieldIssue } from "../errors.ts";
import { requireTenantEditor } from "../http/guards.ts";
import { requireBaseline } from "./completeness.ts";
import { readIfMatchRevision, revisionEtag } from "../http/revision.ts";

async function requireDraft(c: Context<AppEnv>): Promise<TenantDraft> {
  const { tenant } = c.get("tenantAccess");
  const draft = await findTenantDraft(c.env.DB, tenant.id);
  if (!draft) throw new AppError(404, "draft_not_found", `${tenant.name} has no draft yet.`);
  return draft;
}

/** Who the text is imported for: the company, its group and draft, the group's processor register. */
async function loadContext(c: Context<AppEnv>, draft: TenantDraft): Promise<ImportContext> {
  const { group } = c.get("access");
  const { tenant } = c.get("tenantAccess");
  const register = await listProcessors(c.env.DB, group.id);
  return {
    group: group.group,
    company: { slug: tenant.slug, name: tenant.name },
    draft: draft.content,
    register: register.map(({ key, recipient }) => ({ key, recipient })),
  };
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
  .post("/import", validate("json", ImportSchema), async (c) => {
    const { tenant } = requireTenantEditor(c);
    const { group } = c.get("access");
    const [baseline, draft] = await Promise.all([requireBaseline(c), requireDraft(c)]);
    const proposal = proposeImport(c.req.valid("json"), baseline.baseline, await loadContext(c, draft));
    // A proposal only: nothing is written until the editor accepts it into the draft.
    const plan = planImport(draft.content, proposal);
    const check = checkImport(proposal, plan.content, {
      baseline: baseline.baseline,
      group: group.group,
      slug: tenant.slug,
      lint: lintFor(group.group, baseline.baseline),
    });
    c.header("ETag", revisionEtag(draft.revision));
    return c.json(
      { proposal, check, of: { draftRevision: draft.revision, baselineVersion: baseline.number } },
      200,
    );
  })
  .post("/import/accept", validate("json", ImportAcceptSchema), async (c) => {
    const { tenant, role } = requireTenantEditor(c);
    const { user, group } = c.get("access");
    const revision = readIfMatchRevision(c);
    const input = c.req.valid("json");
    const [baseline, draft] = await Promise.all([requireBaseline(c), requireDraft(c)]);
    if (draft.revision !== revision) {
      throw conflictWithCurrent("The draft changed while you reviewed the import; review it again.", draft);
    }
    const proposal = proposeImport(
      { text: input.text, format: input.format },
      baseline.baseline,
      await loadContext(c, draft),
    );
    const choices = readChoices(input.choices, proposal, baseline.baseline);
    const plan = planImport(draft.content, proposal, choices);
    const now = new Date().toISOString();
    try {
      await runWithAudit(
        c.env.DB,
        [prepareSaveTenantDraft(c.env.DB, tenant.id, revision, plan.content, now)],
        [
          {
            groupId: group.id,
            tenantId: tenant.id,
            actorUserId: user.id,
            actor: user.email,
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
          },
        ],
      );
    } catch (error) {
      if (!isStaleRevision(error)) throw error;
      throw conflictWithCurrent(
        "The draft changed while you reviewed the import; review it again.",
        await findTenantDraft(c.env.DB, tenant.id),
      );
    }
    c.header("ETag", revisionEtag(revision + 1));
    return c.json(
      {
        tenant: { slug: tenant.slug, name: tenant.name },
        role,
        revision: revision + 1,
        content: plan.content,
        updatedAt: now,
      },
      200,
    );
  });
