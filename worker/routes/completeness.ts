// The AVG completeness check per company, and the group report across companies (JSON for the
// console, CSV for a spreadsheet). Mounted behind the access middleware like the rest of the
// company API. (Importing lives in ./import.ts.)
import { Hono, type Context } from "hono";
import {
  CompanyPageQuerySchema,
  CompletenessCheckSchema,
  CompletenessQuerySchema,
  GroupReportCsvQuerySchema,
} from "#shared/api-schemas.ts";
import { STATUS_NAMES, type Status } from "#shared/completeness/check.ts";
import { CHECKLIST, type Bilingual, type ItemId } from "#shared/completeness/checklist.ts";
import { LINT_RULES, type LintFinding } from "#shared/lint/index.ts";
import type { Baseline, Language } from "#shared/model.ts";
import { assessContent, assessWrittenText } from "../completeness.ts";
import {
  findBaselineVersionById,
  findLatestBaselineVersion,
  type BaselineVersionRecord,
} from "../db/baselines.ts";
import { readTenantDraft } from "../company-draft.ts";
import { listTenantsPage, type CompanyPage } from "../db/groups.ts";
import { findVersionToAssess, listVersionsToAssessInForce } from "../db/statements.ts";
import type { AppEnv, GroupAccess } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";
import { companyCursorOf, PAGE_SIZE, splitPage } from "../paging.ts";
import { reportGroupSites, siteReportCells, siteReportColumns, type ReportSites } from "../monitor/views.ts";

export async function requireBaseline(c: Context<AppEnv>): Promise<BaselineVersionRecord> {
  const { group } = c.get("access");
  const baseline = await findLatestBaselineVersion(c.env.DB, group.id);
  if (!baseline)
    throw new AppError(409, "baseline_not_found", `${group.group.name} has not published a baseline yet.`);
  return baseline;
}

/** Mounted under /api/groups/:group/tenants/:tenant. */
export const companyCompletenessRoutes = new Hono<AppEnv>().get(
  "/completeness",
  describeRoute({
    summary: "The AVG completeness check of the draft, or of a version (?version=)",
    tag: "Company",
    access: "group admin, editor, viewer",
    responses: {
      200: "Findings per checklist item, score, missing 'always' items, what blocks publishing, and the legal lint findings",
      409: "The group has not published a baseline yet",
    },
  }),
  validate("query", CompletenessQuerySchema),
  async (c) => {
    const { tenant } = c.get("tenantAccess");
    const { group } = c.get("access");
    const { version } = c.req.valid("query");
    if (version === undefined) {
      const draft = await readTenantDraft(c.env.DB, group.id, tenant.id);
      if (!draft) throw new AppError(404, "draft_not_found", `${tenant.name} has no draft yet.`);
      const baseline = await requireBaseline(c);
      return c.json(
        {
          of: { draftRevision: draft.revision, baselineVersion: baseline.number },
          ...assessContent(group, tenant, baseline.baseline, draft.content),
        },
        200,
      );
    }
    const published = await findVersionToAssess(c.env.DB, tenant.id, version);
    if (!published) throw new AppError(404, "version_not_found", `${tenant.name} has no version ${version}.`);
    const baseline = (await findBaselineVersionById(c.env.DB, published.baselineVersionId))!;
    return c.json(
      {
        of: { version: published.number, baselineVersion: baseline.number },
        ...assessContent(group, tenant, baseline.baseline, published.content),
      },
      200,
    );
  },
);

/** Headings to read a statement against when the group has no baseline yet. */
const NO_BASELINE: Baseline = {
  title: { nl: "Privacyverklaring", en: "Privacy statement" },
  sections: [
    {
      key: "introduction",
      title: { nl: "Inleiding", en: "Introduction" },
      body: { nl: "" },
      policy: "replaceable",
    },
  ],
};

/** One company's line in the group report; `version` and `score` are null before its first publish. */
interface GroupReportCompany {
  tenant: { slug: string; name: string };
  version: number | null;
  score: number | null;
  missingAlways: ItemId[];
  blocking: ItemId[];
  findings: { item: ItemId; status: Status; why: Bilingual }[];
  lint: LintFinding[];
  lintErrors: number;
  /** The company's watched web pages (issue 19); null when it watches none. */
  sites: ReportSites | null;
}

/**
 * A page of the active companies (at most `limit`, after `after`), each with its statement in
 * force now, assessed against the baseline it was published with, and the cursor of the next
 * page. An archived company's statement is no longer the group's to keep right (issue 18): it is
 * left out, as it is of the dashboard and every rollout.
 */
async function assessGroup(
  db: D1Database,
  access: GroupAccess,
  { after, limit }: CompanyPage,
): Promise<{ companies: GroupReportCompany[]; next: string | null }> {
  // One more than the page, to know whether there is a next one; only the page is assessed.
  const { items: tenants, next } = splitPage(
    await listTenantsPage(
      db,
      access.group.id,
      { after, limit: limit + 1 },
      { activeOnly: true, memberId: null },
    ),
    limit,
    companyCursorOf,
  );
  const ids = tenants.map((tenant) => tenant.id);
  const inForce = await listVersionsToAssessInForce(db, access.group.id, new Date().toISOString(), ids);
  const sitesOf = await reportGroupSites(db, access.group.id, ids);
  const baselines = new Map<number, BaselineVersionRecord>();
  const companies: GroupReportCompany[] = [];
  for (const tenant of tenants) {
    const version = inForce.get(tenant.id) ?? null;
    if (!version) {
      companies.push({
        tenant: { slug: tenant.slug, name: tenant.name },
        version: null,
        score: null,
        missingAlways: [],
        blocking: [],
        findings: [],
        lint: [],
        lintErrors: 0,
        sites: sitesOf(tenant.id),
      });
      continue;
    }
    let baseline = baselines.get(version.baselineVersionId);
    if (!baseline) {
      baseline = (await findBaselineVersionById(db, version.baselineVersionId))!;
      baselines.set(version.baselineVersionId, baseline);
    }
    const report = assessContent(access.group, tenant, baseline.baseline, version.content);
    companies.push({
      tenant: { slug: tenant.slug, name: tenant.name },
      version: version.number,
      score: report.score,
      missingAlways: report.missingAlways,
      blocking: report.blocking,
      findings: report.findings.map((f) => ({ item: f.item, status: f.status, why: f.why })),
      lint: report.lint,
      lintErrors: report.lintErrors,
      sites: sitesOf(tenant.id),
    });
  }
  return { companies, next };
}

// ---- The report as CSV, for a spreadsheet ----
// Written for Excel as a Dutch office opens it by double-click: its list separator is `;` (a comma
// is the decimal sign there), and only a byte order mark makes it read the file as UTF-8 rather
// than Windows-1252 ("Ã©" for "é"). Labels and statuses are words in the chosen language.

const COLUMN_LABELS: Readonly<
  Record<
    Language,
    {
      company: string;
      version: string;
      score: string;
      errors: string;
      warnings: string;
      findings: string;
      wholeStatement: string;
    }
  >
> = {
  nl: {
    company: "Bedrijf",
    version: "Versie",
    score: "Score",
    errors: "Lint: fouten",
    warnings: "Lint: waarschuwingen",
    findings: "Lint: bevindingen",
    wholeStatement: "hele verklaring",
  },
  en: {
    company: "Company",
    version: "Version",
    score: "Score",
    errors: "Lint: errors",
    warnings: "Lint: warnings",
    findings: "Lint: findings",
    wholeStatement: "whole statement",
  },
};

const csvCell = (value: string | number): string => {
  const text = String(value);
  // Cells a spreadsheet would run as a formula are prefixed, so the report cannot carry one.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** Every lint finding in one cell: rule title (section, language), separated by " | ". */
const listFindings = (findings: readonly LintFinding[], lang: Language): string =>
  findings
    .map(
      (f) =>
        `${LINT_RULES[f.rule].title[lang]} (${f.section ?? COLUMN_LABELS[lang].wholeStatement}, ${f.language})`,
    )
    .join(" | ");

/** One page of the CSV: the first one starts with the byte order mark and the header line. */
function writeReportCsv(companies: readonly GroupReportCompany[], lang: Language, first: boolean): string {
  const labels = COLUMN_LABELS[lang];
  const header = [
    labels.company,
    labels.version,
    labels.score,
    ...CHECKLIST.map((i) => i.title[lang]),
    labels.errors,
    labels.warnings,
    labels.findings,
    ...siteReportColumns(lang),
  ];
  const lines = companies.map((company) => {
    const published = company.version !== null;
    return [
      company.tenant.name,
      company.version ?? "",
      company.score ?? "",
      ...CHECKLIST.map((i) => {
        const status = company.findings.find((f) => f.item === i.id)?.status;
        return status ? STATUS_NAMES[status][lang] : "";
      }),
      published ? company.lintErrors : "",
      published ? company.lint.length - company.lintErrors : "",
      listFindings(company.lint, lang),
      ...siteReportCells(company.sites, lang),
    ];
  });
  const rows = first ? [header, ...lines] : lines;
  const text = rows.map((line) => line.map(csvCell).join(";") + "\r\n").join("");
  return first ? "\uFEFF" + text : text;
}

/** Mounted under /api/groups/:group/completeness. */
export const groupCompletenessRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary:
        "The group report, a page of active companies at a time: each company × every checklist item, for the version in force now; `after` is the previous page's `next` (null on the last page), `limit` at most 500 (default 100)",
      tag: "Group",
      access: "group admin",
      responses: {
        200: "The report, with each company's legal lint findings, and next",
        400: "A cursor or page size it did not hand out",
      },
    }),
    validate("query", CompanyPageQuerySchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const { after, limit = PAGE_SIZE } = c.req.valid("query");
      const { companies, next } = await assessGroup(c.env.DB, access, { after: after ?? null, limit });
      return c.json(
        { items: CHECKLIST.map((i) => ({ id: i.id, title: i.title, applies: i.applies })), companies, next },
        200,
      );
    },
  )
  .get(
    "/report.csv",
    describeRoute({
      summary:
        'The group report as CSV for a spreadsheet, a page of active companies at a time: `;`-separated, UTF-8, labels and statuses in ?lang= (default: the group\'s default language). The first page (no `after`) starts with a byte order mark and the header line, the next ones hold only their lines, so the pages joined in order are one file; the `Link` header (rel="next") names the next page, and is absent on the last. `limit` at most 500 (default 100)',
      tag: "Group",
      access: "group admin",
      responses: {
        200: "One line per company, one column per checklist item, then the lint findings and the websites",
        400: "A cursor or page size it did not hand out",
      },
      formats: ["text/csv"],
    }),
    validate("query", GroupReportCsvQuerySchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const query = c.req.valid("query");
      const lang = query.lang ?? access.group.group.defaultLanguage;
      const limit = query.limit ?? PAGE_SIZE;
      const page = await assessGroup(c.env.DB, access, { after: query.after ?? null, limit });
      const name = lang === "nl" ? "avg-rapport" : "avg-report";
      if (page.next !== null) {
        const next = new URL(c.req.url);
        next.searchParams.set("after", page.next);
        next.searchParams.set("limit", String(limit));
        c.header("Link", `<${next.pathname}${next.search}>; rel="next"`);
      }
      return c.body(writeReportCsv(page.companies, lang, query.after === undefined), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${access.group.group.slug}-${name}.csv"`,
        "Content-Language": lang,
      });
    },
  )
  .post(
    "/check",
    describeRoute({
      summary:
        "Check a statement as written (text, Markdown or HTML) on its own: completeness findings and legal lint, no company details mixed in; writes nothing",
      tag: "Group",
      access: "group admin, editor",
      responses: { 200: "Completeness findings and lint findings of the text" },
    }),
    validate("json", CompletenessCheckSchema),
    async (c) => {
      // Reads a statement nobody has imported yet: the privacy lead's, or an editor's before importing.
      const access = c.get("access");
      if (!access.isAdmin && !access.memberships.some((m) => m.role === "tenant_editor")) {
        throw new AppError(403, "forbidden", "Only the privacy lead and editors may check a statement.");
      }
      const baseline = await findLatestBaselineVersion(c.env.DB, access.group.id);
      return c.json(
        assessWrittenText(access.group, baseline?.baseline ?? NO_BASELINE, c.req.valid("json")),
        200,
      );
    },
  );
