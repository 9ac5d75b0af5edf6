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
import { renderAuthorText } from "#shared/markdown.ts";
import { type Baseline, LanguageSchema, type Language, type TenantContent } from "#shared/model.ts";
import { applyProcessorRegister } from "#shared/processor-register.ts";
import { renderBlocksText } from "#shared/render/text.ts";
import { findPublishRequestedSummary } from "../db/audit.ts";
import { findLatestBaselineVersion } from "../db/baselines.ts";
import { findTenantDraft } from "../db/drafts.ts";
import type { TenantRecord } from "../db/groups.ts";
import { listProcessors } from "../db/processors.ts";
import { findPublishRequest } from "../db/publish-requests.ts";
import { findTextsInForce } from "../db/version-texts.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { describeRoute } from "../http/describe-route.ts";
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

/**
 * A baseline request: the requested baseline against the one in force, section by section, each
 * body as text with its placeholders shown as {{name}} (the baseline is not any one company's).
 */
function reviewBaseline(
  language: Language,
  before: Baseline | null,
  after: Baseline,
): { language: Language; diff: StatementDiff } {
  const sections = (baseline: Baseline | null): StatementSections =>
    (baseline?.sections ?? []).map((section) => ({
      key: section.key,
      title: (language === "en" ? section.title.en : undefined) || section.title.nl,
      text: renderBlocksText(
        renderAuthorText(
          (language === "en" ? section.body.en : undefined) || section.body.nl,
          (name) => `{{${name}}}`,
        ),
        language,
      ),
    }));
  return { language, diff: diffStatements(sections(before), sections(after)) };
}

/** Mounted under /api/groups/:group, behind resolveGroupAccess. */
export const publishReviewRoutes = new Hono<AppEnv>()
  // resolveTenantAccess answers 404 for a company the caller may not see (it may already have run
  // for this path in the tenant routes; resolving twice is cheap and does not depend on that).
  .get(
    "/tenants/:tenant/publish-review",
    describeRoute({
      summary:
        "What publishing the saved draft would change: section- and word-level diff of the rendered text against the version in force, and whether the group requires approval",
      tag: "Company",
      access: "group admin, editor, viewer",
      responses: { 200: "Diff against the version in force", 409: "No baseline published yet" },
    }),
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
    describeRoute({
      summary:
        "What approving the request would change: diff of what it holds against what is in force (a company's version, or the baseline), and the version a restore request brings back",
      tag: "Approval",
      access: "group admin; a company's editors and viewers for its own requests",
      responses: { 200: "Diff against what is in force", 404: "No such request" },
    }),
    validate("param", IdParamSchema),
    validate("query", ReviewQuerySchema),
    async (c) => {
      const access = c.get("access");
      const request = await findPublishRequest(c.env.DB, access.group.id, c.req.valid("param").id);
      const visible =
        request &&
        (access.isAdmin ||
          (request.subject === "company" &&
            access.memberships.some((m) => m.tenantId === request.tenant.id)));
      if (!request || !visible) throw new AppError(404, "request_not_found", "No such publish request.");
      c.header("Cache-Control", "private, no-store");
      const asked = c.req.valid("query").lang;
      if (request.subject === "baseline") {
        const group = access.group.group;
        const language = asked && group.languages.includes(asked) ? asked : group.defaultLanguage;
        const inForce = await findLatestBaselineVersion(c.env.DB, access.group.id);
        return c.json(
          {
            subject: "baseline" as const,
            ...reviewBaseline(language, inForce?.baseline ?? null, request.baseline),
            inForce: inForce ? { version: inForce.number } : null,
            restoredFrom: null,
          },
          200,
        );
      }
      const review = await reviewContent(c, request.tenant, request.content, asked);
      return c.json(
        { subject: "company" as const, ...review, restoredFrom: await findRestoredFrom(c, request) },
        200,
      );
    },
  );

/**
 * The version a restore request brings back, from the audit row written with the request (same
 * company, same moment, sealed or not yet); null for an ordinary publish request.
 */
async function findRestoredFrom(
  c: Context<AppEnv>,
  request: { tenant: { id: number }; requestedAt: string; requestedBy: { id: number } },
): Promise<number | null> {
  const summary = await findPublishRequestedSummary(c.env.DB, {
    groupId: c.get("access").group.id,
    tenantId: request.tenant.id,
    requestedBy: request.requestedBy.id,
    requestedAt: request.requestedAt,
  });
  const restoredFrom = summary?.restoredFrom;
  return typeof restoredFrom === "number" ? restoredFrom : null;
}
