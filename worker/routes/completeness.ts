// The AVG completeness check per company, and the group report across companies. Mounted behind
// the access middleware like the rest of the company API. (Importing lives in ./import.ts.)
import { Hono, type Context } from "hono";
import { CompletenessCheckSchema, CompletenessQuerySchema } from "#shared/api-schemas.ts";
import { CHECKLIST } from "#shared/completeness/checklist.ts";
import type { LintFinding } from "#shared/lint/index.ts";
import type { Baseline, TenantContent } from "#shared/model.ts";
import { assessContent, assessWrittenText } from "../completeness.ts";
import {
  findBaselineVersionById,
  findLatestBaselineVersion,
  type BaselineVersionRecord,
} from "../db/baselines.ts";
import { findTenantDraft } from "../db/drafts.ts";
import { listTenants } from "../db/groups.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { reportGroupSites, SITE_REPORT_COLUMNS, siteReportCells } from "../monitor/views.ts";

export async function requireBaseline(c: Context<AppEnv>): Promise<BaselineVersionRecord> {
  const { group } = c.get("access");
  const baseline = await findLatestBaselineVersion(c.env.DB, group.id);
  if (!baseline)
    throw new AppError(409, "baseline_not_found", `${group.group.name} has not published a baseline yet.`);
  return baseline;
}

interface VersionContentRow {
  number: number;
  content: string;
  baseline_version_id: number;
}

/** Mounted under /api/groups/:group/tenants/:tenant. */
export const companyCompletenessRoutes = new Hono<AppEnv>().get(
  "/completeness",
  validate("query", CompletenessQuerySchema),
  async (c) => {
    const { tenant } = c.get("tenantAccess");
    const { group } = c.get("access");
    const { version } = c.req.valid("query");
    if (version === undefined) {
      const draft = await findTenantDraft(c.env.DB, tenant.id);
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
    const row = await c.env.DB.prepare(
      "SELECT number, content, baseline_version_id FROM statement_versions WHERE tenant_id = ?1 AND number = ?2",
    )
      .bind(tenant.id, version)
      .first<VersionContentRow>();
    if (!row) throw new AppError(404, "version_not_found", `${tenant.name} has no version ${version}.`);
    const baseline = (await findBaselineVersionById(c.env.DB, row.baseline_version_id))!;
    const content = JSON.parse(row.content) as TenantContent;
    return c.json(
      {
        of: { version: row.number, baselineVersion: baseline.number },
        ...assessContent(group, tenant, baseline.baseline, content),
      },
      200,
    );
  },
);

interface InForceRow {
  tenant_id: number;
  content: string | null;
  baseline_version_id: number | null;
  number: number | null;
}

const csvCell = (value: string | number): string => {
  const text = String(value);
  // Cells a spreadsheet would run as a formula are prefixed, so the report cannot carry one.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** One line per finding for a spreadsheet cell: rule (section, language). */
const listFindings = (findings: readonly LintFinding[]): string =>
  findings.map((f) => `${f.rule} (${f.section ?? "statement"}, ${f.language})`).join("; ");

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

/** Mounted under /api/groups/:group/completeness. */
export const groupCompletenessRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const access = requireGroupAdmin(c);
    const tenants = await listTenants(c.env.DB, access.group.id);
    const { results } = await c.env.DB.prepare(
      `SELECT t.id AS tenant_id, v.content, v.baseline_version_id, v.number FROM tenants t
       LEFT JOIN statement_versions v ON v.id = (SELECT id FROM statement_versions WHERE tenant_id = t.id AND effective_from <= ?2
         ORDER BY effective_from DESC, number DESC LIMIT 1)
       WHERE t.group_id = ?1`,
    )
      .bind(access.group.id, new Date().toISOString())
      .all<InForceRow>();
    const baselines = new Map<number, BaselineVersionRecord>();
    const sitesOf = await reportGroupSites(c.env.DB, access.group.id); // issue 19: the websites
    const companies = [];
    for (const tenant of tenants) {
      const row = results.find((r) => r.tenant_id === tenant.id);
      if (!row?.content || row.baseline_version_id === null) {
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
      if (!baselines.has(row.baseline_version_id))
        baselines.set(
          row.baseline_version_id,
          (await findBaselineVersionById(c.env.DB, row.baseline_version_id))!,
        );
      const report = assessContent(
        access.group,
        tenant,
        baselines.get(row.baseline_version_id)!.baseline,
        JSON.parse(row.content) as TenantContent,
      );
      companies.push({
        tenant: { slug: tenant.slug, name: tenant.name },
        version: row.number,
        score: report.score,
        missingAlways: report.missingAlways,
        blocking: report.blocking,
        findings: report.findings.map((f) => ({ item: f.item, status: f.status, why: f.why })),
        lint: report.lint,
        lintErrors: report.lintErrors,
        sites: sitesOf(tenant.id),
      });
    }
    if (c.req.query("format") === "csv") {
      const header = [
        "company",
        "version",
        "score",
        ...CHECKLIST.map((i) => i.id),
        "lint_errors",
        "lint_warnings",
        "lint_findings",
        ...SITE_REPORT_COLUMNS,
      ];
      const lines = companies.map((company) => [
        company.tenant.name,
        company.version ?? "",
        company.score ?? "",
        ...CHECKLIST.map((i) => company.findings.find((f) => f.item === i.id)?.status ?? ""),
        company.version === null ? "" : company.lintErrors,
        company.version === null ? "" : company.lint.length - company.lintErrors,
        listFindings(company.lint),
        ...siteReportCells(company.sites),
      ]);
      const csv = [header, ...lines].map((line) => line.map(csvCell).join(",")).join("\r\n") + "\r\n";
      return c.body(csv, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${access.group.group.slug}-avg-report.csv"`,
      });
    }
    return c.json(
      { items: CHECKLIST.map((i) => ({ id: i.id, title: i.title, applies: i.applies })), companies },
      200,
    );
  })
  .post("/check", validate("json", CompletenessCheckSchema), async (c) => {
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
  });
