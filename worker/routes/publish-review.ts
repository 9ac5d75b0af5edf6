// What a publish would change, as the person who publishes or approves it reads it: the statement
// that would go out — a company's saved draft, or the content a publish request holds — against the
// version in force now, section by section and word by word, as rendered text (the text the JSON
// rendering stores for each section), never as Markdown. Read-only; the console's publish page and
// the approval card show it. A publish always resolves against the latest baseline and the current
// processor register, so that is what the draft side is resolved with here too.
import { Hono, type Context } from "hono";
import * as v from "valibot";
import { IdParamSchema } from "#shared/api-schemas.ts";
import { diffStatements, type StatementDiff, type StatementSections } from "#shared/diff.ts";
import { resolveStatement } from "#shared/engine.ts";
import { LanguageSchema, type Language, type TenantContent } from "#shared/model.ts";
import { applyProcessorRegister } from "#shared/processor-register.ts";
import { renderBlocksText } from "#shared/render/text.ts";
import { listAuditRecords } from "../db/audit.ts";
import { findLatestBaselineVersion } from "../db/baselines.ts";
import { findTenantDraft } from "../db/drafts.ts";
import type { TenantRecord } from "../db/groups.ts";
import { listProcessors } from "../db/processors.ts";
import { findPublishRequest } from "../db/publish-requests.ts";
import { findTextsInForce } from "../db/version-texts.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { resolveTenantAccess } from "../http/guards.ts";

const ReviewQuerySchema = v.object({ lang: v.optional(LanguageSchema) });

export interface PublishReview {
  /** The language both sides are read in: the one asked for if the group publishes in it, else its default. */
  language: Language;
  /** The version in force now, which the change is measured against; null before the first publish. */
  inForce: { version: number; publishedAt: string; effectiveFrom: string; changeNote: string } | null;
  /** The baseline the new version would rest on (always the latest). */
  baselineVersion: number;
  diff: StatementDiff;
}

/** The content, resolved as a publish would now resolve it, against the company's version in force. */
async function reviewContent(
  c: Context<AppEnv>,
  tenant: TenantRecord,
  content: TenantContent,
  asked: Language | undefined,
): Promise<PublishReview> {
  const { group } = c.get("access");
  const baseline = await findLatestBaselineVersion(c.env.DB, group.id);
  if (!baseline)
    throw new AppError(409, "baseline_not_found", `${group.group.name} has not published a baseline yet.`);
  const language = asked && group.group.languages.includes(asked) ? asked : group.group.defaultLanguage;
  const applied = applyProcessorRegister(content, await listProcessors(c.env.DB, group.id)).content;
  const statement = resolveStatement(
    baseline.baseline,
    { group: group.group, slug: tenant.slug, content: applied },
    language,
  );
  const after: StatementSections = statement.sections.map((section) => ({
    key: section.key,
    title: section.title,
    text: renderBlocksText(section.blocks, language),
  }));
  const [inForce] = await findTextsInForce(c.env.DB, {
    group: group.group.slug,
    tenant: tenant.slug,
    language,
    at: new Date().toISOString(),
  });
  c.header("Cache-Control", "private, no-store");
  return {
    language,
    inForce: inForce
      ? {
          version: inForce.number,
          publishedAt: inForce.publishedAt,
          effectiveFrom: inForce.effectiveFrom,
          changeNote: inForce.changeNote,
        }
      : null,
    baselineVersion: baseline.number,
    diff: diffStatements(inForce?.sections ?? [], after),
  };
}

/** Mounted under /api/groups/:group, behind resolveGroupAccess. */
export const publishReviewRoutes = new Hono<AppEnv>()
  // resolveTenantAccess answers 404 for a company the caller may not see (it may already have run
  // for this path in the tenant routes; resolving twice is cheap and does not depend on that).
  .get(
    "/tenants/:tenant/publish-review",
    resolveTenantAccess,
    validate("query", ReviewQuerySchema),
    async (c) => {
      const { tenant } = c.get("tenantAccess");
      const draft = await findTenantDraft(c.env.DB, tenant.id);
      if (!draft) throw new AppError(404, "draft_not_found", `${tenant.name} has no draft yet.`);
      const review = await reviewContent(c, tenant, draft.content, c.req.valid("query").lang);
      return c.json(
        { ...review, draftRevision: draft.revision, requiresApproval: c.get("access").group.requireApproval },
        200,
      );
    },
  )
  .get(
    "/publish-requests/:id/review",
    validate("param", IdParamSchema),
    validate("query", ReviewQuerySchema),
    async (c) => {
      const access = c.get("access");
      const request = await findPublishRequest(c.env.DB, access.group.id, c.req.valid("param").id);
      const visible =
        request && (access.isAdmin || access.memberships.some((m) => m.tenantId === request.tenantId));
      if (!request || !visible) throw new AppError(404, "request_not_found", "No such publish request.");
      const tenant: TenantRecord = {
        id: request.tenantId,
        groupId: access.group.id,
        slug: request.tenantSlug,
        name: request.tenantName,
      };
      const review = await reviewContent(c, tenant, request.content, c.req.valid("query").lang);
      return c.json({ ...review, restoredFrom: await findRestoredFrom(c, request) }, 200);
    },
  );

/**
 * The version a restore request brings back, from the audit row written with the request (same
 * company, same moment); null for an ordinary publish request.
 */
async function findRestoredFrom(
  c: Context<AppEnv>,
  request: { tenantId: number; requestedAt: string; requestedBy: { id: number } },
): Promise<number | null> {
  const rows = await listAuditRecords(c.env.DB, {
    groupId: c.get("access").group.id,
    tenantId: request.tenantId,
    action: "publish.requested",
    limit: 50,
  });
  const row = rows.find((r) => r.at === request.requestedAt && r.actorUserId === request.requestedBy.id);
  const restoredFrom = row?.summary.restoredFrom;
  return typeof restoredFrom === "number" ? restoredFrom : null;
}
