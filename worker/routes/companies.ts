// The group's companies over their whole life (issue 18, item 1), kept by the privacy lead: create
// one (with the profile its statement starts from), change its name, websites or address (the old
// address redirects for good), archive it when it is sold, merged or closed (its public URL answers
// 410, or redirects to a successor; its history stays readable), restore it, and delete one that
// never published. The rules live in SQL (migrations/0010); each change is audited.
import { Hono, type Context } from "hono";
import * as v from "valibot";
import {
  CompanyArchiveSchema,
  CompanyCreateSchema,
  CompanyUpdateSchema,
} from "#shared/group-admin-schemas.ts";
import { SlugSchema, type TenantContent } from "#shared/model.ts";
import { CompanySearchPageQuerySchema } from "#shared/api-schemas.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { runWithAudit } from "../db/audit.ts";
import {
  findCompany,
  findSlugHolder,
  listCompanies,
  listCompanyMemberIds,
  prepareArchiveCompany,
  prepareDeleteCompany,
  prepareInsertCompany,
  prepareRestoreCompany,
  prepareUpdateCompany,
  type CompanyRecord,
} from "../db/companies.ts";
import { readTenantDraft } from "../company-draft.ts";
import { isTriggerAbort, isUniqueViolation } from "../db/errors.ts";
import type { AppEnv, GroupAccess } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { forgetRememberedResponses } from "../http/answer-from-memory.ts";
import { forgetCurrentAddresses } from "../http/public-cache.ts";
import { describeRoute } from "../http/describe-route.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { checkOutboundUrl, outboundPolicyOf, type OutboundPolicy } from "../net/outbound-url.ts";
import { companyCursorOf, PAGE_SIZE, splitPage } from "../paging.ts";

const CompanyParamSchema = v.object({ company: SlugSchema });

function viewCompany(c: Context<AppEnv>, company: CompanyRecord) {
  const { group } = c.get("access");
  return {
    slug: company.slug,
    name: company.name,
    status: company.status,
    websites: company.websites,
    createdAt: company.createdAt,
    archivedAt: company.archivedAt,
    successorUrl: company.successorUrl,
    formerSlugs: company.formerSlugs,
    latestVersion: company.latestVersion,
    publicUrl: `${new URL(c.req.url).origin}/v1/statements/${group.group.slug}/${company.slug}`,
  };
}

async function requireCompany(c: Context<AppEnv>, access: GroupAccess, slug: string): Promise<CompanyRecord> {
  const company = await findCompany(c.env.DB, access.group.id, slug);
  if (!company)
    throw new AppError(404, "tenant_not_found", `${access.group.group.name} has no company "${slug}".`);
  return company;
}

const archivedError = (company: { name: string }) =>
  new AppError(409, "company_archived", `${company.name} is archived: restore it first to change it.`);

/** Addresses that the outbound guard refuses (private networks, user names), as field issues. */
function checkAddresses(field: string, urls: string[], policy: OutboundPolicy): void {
  const issues = urls.flatMap((url, i) => {
    const verdict = checkOutboundUrl(url, policy);
    return verdict.allowed
      ? []
      : [{ field: `${field}${field === "websites" ? `.${i}` : ""}`, message: verdict.reason }];
  });
  if (issues.length > 0) {
    throw new AppError(
      422,
      "invalid_request",
      issues.map((i) => `${i.field} ${i.message}`).join("; "),
      issues,
    );
  }
}

/** 409 naming the company that has (or had) the address; an old address stays its company's. */
async function refuseTakenSlug(c: Context<AppEnv>, access: GroupAccess, slug: string, own?: number) {
  const holder = await findSlugHolder(c.env.DB, access.group.id, slug);
  if (!holder || holder.id === own) return;
  throw new AppError(
    409,
    "slug_taken",
    holder.slug === slug
      ? `"${slug}" is the address of ${holder.name}.`
      : `"${slug}" was the address of ${holder.name}, and keeps redirecting there: websites link to it.`,
    [{ field: "slug", message: "is or was the address of another company of the group" }],
  );
}

/** Runs a company's write; the database's refusals (a race the reads before could not see) become 409s. */
async function writeCompanyChange(
  c: Context<AppEnv>,
  access: GroupAccess,
  write: () => Promise<unknown>,
  slug: string,
  own?: number,
  /** The company's address before a rename. */
  formerSlug?: string,
): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isUniqueViolation(error, "tenants_slug") || isUniqueViolation(error, "tenant_slugs")) {
      await refuseTakenSlug(c, access, slug, own);
    }
    if (isTriggerAbort(error, "company_status_changed") || isTriggerAbort(error, "company_archived")) {
      throw new AppError(
        409,
        "company_status_changed",
        "Someone changed this company at the same moment; reload.",
      );
    }
    if (isTriggerAbort(error, "company_published")) {
      throw new AppError(409, "company_published", "This company has published: archive it instead.");
    }
    throw error;
  }
  forgetRememberedResponses();
  const group = access.group.group.slug;
  await forgetCurrentAddresses(
    [slug, ...(formerSlug ? [formerSlug] : [])].map((tenant) => ({ group, tenant })),
  );
}

/** Mounted under /api/groups/:group/companies, behind resolveGroupAccess. Privacy leads only. */
export const companyRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary:
        "A page of the group's companies (archived too) with their status, addresses and latest version, in the group's order: `after` is the previous page's `next` (null on the last page), `limit` at most 500 (default 100); `q`: only those whose name or address contains it",
      tag: "Group",
      access: "group admin",
      responses: {
        200: "Companies (items), and next (nextCursor: the same, its former name)",
        400: "A cursor or page size it did not hand out",
      },
    }),
    validate("query", CompanySearchPageQuerySchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const { after, limit = PAGE_SIZE, q } = c.req.valid("query");
      const rows = await listCompanies(c.env.DB, access.group.id, {
        after: after ?? null,
        limit: limit + 1,
        search: q,
      });
      const page = splitPage(rows, limit, companyCursorOf);
      return c.json(
        {
          items: page.items.map((company) => viewCompany(c, company)),
          next: page.next,
          nextCursor: page.next,
        },
        200,
      );
    },
  )
  .post(
    "/",
    describeRoute({
      summary:
        "Create a company with the profile its statement starts from (copyFrom: another company's lists and section choices); nothing is public until it publishes",
      tag: "Group",
      access: "group admin",
      responses: {
        201: "Created",
        404: "copyFrom names no company of the group",
        409: "The address is or was another company's",
        422: "A website the outbound guard refuses",
      },
    }),
    validate("json", CompanyCreateSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const input = c.req.valid("json");
      checkAddresses("websites", input.websites, outboundPolicyOf(c.env));
      await refuseTakenSlug(c, access, input.slug);
      let content: TenantContent = {
        profile: input.profile,
        lists: { data_categories: [], purposes: [], retention: [], recipients: [], cookies: [] },
        overrides: {},
        ownSections: [],
      };
      if (input.copyFrom) {
        const source = await requireCompany(c, access, input.copyFrom);
        const draft = await readTenantDraft(c.env.DB, access.group.id, source.id);
        if (draft) content = { ...structuredClone(draft.content), profile: input.profile };
      }
      const at = new Date().toISOString();
      await writeCompanyChange(
        c,
        access,
        () =>
          runWithAudit(c.env.DB, prepareInsertCompany(c.env.DB, access.group.id, { ...input, content }, at), [
            buildAuditEntry({
              groupId: access.group.id,
              actor: access.user,
              action: "company.created",
              target: input.slug,
              summary: { name: input.name, websites: input.websites, copyFrom: input.copyFrom ?? null },
              at,
            }),
          ]),
        input.slug,
      );
      return c.json(
        { company: viewCompany(c, (await findCompany(c.env.DB, access.group.id, input.slug))!) },
        201,
      );
    },
  )
  .patch(
    "/:company",
    describeRoute({
      summary:
        "Change a company's name, websites or address (slug); every former address redirects to the current one for good",
      tag: "Group",
      access: "group admin",
      responses: {
        200: "Changed",
        404: "No such company",
        409: "Archived, or the address is or was another company's",
        422: "A website the outbound guard refuses",
      },
    }),
    validate("param", CompanyParamSchema),
    validate("json", CompanyUpdateSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const company = await requireCompany(c, access, c.req.valid("param").company);
      if (company.status !== "active") throw archivedError(company);
      const input = c.req.valid("json");
      const next = {
        slug: input.slug ?? company.slug,
        name: input.name ?? company.name,
        websites: input.websites ?? company.websites,
      };
      if (input.websites) checkAddresses("websites", input.websites, outboundPolicyOf(c.env));
      if (next.slug !== company.slug) await refuseTakenSlug(c, access, next.slug, company.id);
      const at = new Date().toISOString();
      const entry = (action: string, summary: Record<string, unknown>) =>
        buildAuditEntry({
          groupId: access.group.id,
          tenantId: company.id,
          actor: access.user,
          action,
          target: next.slug,
          summary,
          at,
        });
      const audit = [
        ...(next.slug !== company.slug
          ? [entry("company.slug_changed", { from: company.slug, to: next.slug })]
          : []),
        ...(next.name !== company.name || JSON.stringify(next.websites) !== JSON.stringify(company.websites)
          ? [
              entry("company.updated", {
                from: { name: company.name, websites: company.websites },
                to: { name: next.name, websites: next.websites },
              }),
            ]
          : []),
      ];
      await writeCompanyChange(
        c,
        access,
        () => runWithAudit(c.env.DB, [prepareUpdateCompany(c.env.DB, company.id, next)], audit),
        next.slug,
        company.id,
        company.slug,
      );
      return c.json(
        { company: viewCompany(c, (await findCompany(c.env.DB, access.group.id, next.slug))!) },
        200,
      );
    },
  )
  .post(
    "/:company/archive",
    describeRoute({
      summary:
        "Archive a company (sold, merged, closed): nothing more is edited or published; its public URL answers 410, or redirects to successorUrl",
      tag: "Group",
      access: "group admin",
      responses: {
        200: "Archived",
        404: "No such company",
        409: "Already archived",
        422: "A successor URL the outbound guard refuses",
      },
    }),
    validate("param", CompanyParamSchema),
    validate("json", CompanyArchiveSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const company = await requireCompany(c, access, c.req.valid("param").company);
      if (company.status !== "active") throw archivedError(company);
      const { successorUrl, reason } = c.req.valid("json");
      // A redirect target is not fetched, but it must still be a public https address.
      if (successorUrl) checkAddresses("successorUrl", [successorUrl], { allowLocalTargets: false });
      const at = new Date().toISOString();
      await writeCompanyChange(
        c,
        access,
        () =>
          runWithAudit(
            c.env.DB,
            prepareArchiveCompany(c.env.DB, company.id, {
              by: access.user.id,
              at,
              successorUrl: successorUrl ?? null,
            }),
            [
              buildAuditEntry({
                groupId: access.group.id,
                tenantId: company.id,
                actor: access.user,
                action: "company.archived",
                target: company.slug,
                summary: {
                  successorUrl: successorUrl ?? null,
                  reason: reason ?? null,
                  latestVersion: company.latestVersion?.number ?? null,
                },
                at,
              }),
            ],
          ),
        company.slug,
      );
      return c.json(
        { company: viewCompany(c, (await findCompany(c.env.DB, access.group.id, company.slug))!) },
        200,
      );
    },
  )
  .post(
    "/:company/restore",
    describeRoute({
      summary:
        "Restore an archived company: it can be edited and published again; its public URL serves its statement again",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Restored", 404: "No such company", 409: "Not archived" },
      noBody: true,
    }),
    validate("param", CompanyParamSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const company = await requireCompany(c, access, c.req.valid("param").company);
      if (company.status !== "archived") {
        throw new AppError(409, "company_not_archived", `${company.name} is not archived.`);
      }
      await writeCompanyChange(
        c,
        access,
        () =>
          runWithAudit(
            c.env.DB,
            [prepareRestoreCompany(c.env.DB, company.id)],
            [
              buildAuditEntry({
                groupId: access.group.id,
                tenantId: company.id,
                actor: access.user,
                action: "company.restored",
                target: company.slug,
                summary: { archivedAt: company.archivedAt, successorUrl: company.successorUrl },
                at: new Date().toISOString(),
              }),
            ],
          ),
        company.slug,
      );
      return c.json(
        { company: viewCompany(c, (await findCompany(c.env.DB, access.group.id, company.slug))!) },
        200,
      );
    },
  )
  .delete(
    "/:company",
    describeRoute({
      summary:
        "Delete a company that never published (its draft, roles, webhooks and open invitations go; its addresses are free again)",
      tag: "Group",
      access: "group admin",
      responses: {
        200: "Deleted",
        404: "No such company",
        409: "It published (archive it instead), or it is archived",
      },
      noBody: true,
    }),
    validate("param", CompanyParamSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const company = await requireCompany(c, access, c.req.valid("param").company);
      if (company.latestVersion) {
        throw new AppError(
          409,
          "company_published",
          `${company.name} has published ${company.latestVersion.number === 1 ? "a version" : `${company.latestVersion.number} versions`}: its history stays public. Archive it instead.`,
        );
      }
      if (company.status !== "active") throw archivedError(company);
      const at = new Date().toISOString();
      const memberUserIds = await listCompanyMemberIds(c.env.DB, company.id);
      await writeCompanyChange(
        c,
        access,
        () =>
          runWithAudit(
            c.env.DB,
            prepareDeleteCompany(c.env.DB, company.id, { by: access.user.id, at, memberUserIds }),
            [
              buildAuditEntry({
                groupId: access.group.id,
                tenantId: company.id,
                actor: access.user,
                action: "company.deleted",
                target: company.slug,
                summary: {
                  name: company.name,
                  formerSlugs: company.formerSlugs,
                  members: memberUserIds.length,
                },
                at,
              }),
            ],
          ),
        company.slug,
      );
      return c.json({ deleted: company.slug }, 200);
    },
  );
