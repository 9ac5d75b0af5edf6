// What the AVG pages (import and group report) read from the API: router queries, read with
// createAsync inside a LoadBoundary, which shows a 401, a 404 or a network failure as a page state.
import { action, json, query } from "@solidjs/router";
import type { ImportCheck } from "#shared/import/check.ts";
import type { ImportFormatHint } from "#shared/import/detect.ts";
import type { ImportProposal } from "#shared/import/propose.ts";
import { api, fetchJson, pageQuery, readJson, send, toApiError } from "../../api.ts";
import type { UiLanguage } from "../../i18n.ts";
import { etagRevision } from "../company/data.ts";

const tenantParam = (group: string, tenant: string) => ({ param: { group, tenant } });

/** GET …/draft, with the revision taken from the ETag. Not cached: used right before a proposal. */
export async function fetchDraft(group: string, tenant: string) {
  const response = await send(() =>
    api.api.groups[":group"].tenants[":tenant"].draft.$get(tenantParam(group, tenant)),
  );
  const body = await readJson(response);
  return { ...body, revision: etagRevision(response, body.revision) };
}
export type Draft = Awaited<ReturnType<typeof fetchDraft>>;

export const getImportDraft = query(
  (group: string, tenant: string) => fetchDraft(group, tenant),
  "avg-draft",
);

export const getCompleteness = query(
  (group: string, tenant: string) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].completeness.$get({
        ...tenantParam(group, tenant),
        query: {},
      }),
    ),
  "avg-completeness",
);
export type TenantCompleteness = Awaited<ReturnType<typeof getCompleteness>>;

/** How many companies a page of the report shows (the API hands out at most 500). */
export const REPORT_PAGE = 100;

/** A page of the group report: REPORT_PAGE companies after `after` (none: the first page). */
export const getGroupReport = query(
  (group: string, after?: string) =>
    fetchJson(() =>
      api.api.groups[":group"].completeness.$get({
        param: { group },
        query: pageQuery(REPORT_PAGE, after),
      }),
    ),
  "avg-group-report",
);
/** GET /api/groups/:group/completeness: every company against every checklist item. */
export type GroupReport = Awaited<ReturnType<typeof getGroupReport>>;

/** POST …/import: a proposal only, nothing is written; with the text's check as written and after the import. */
export async function proposeImport(
  group: string,
  tenant: string,
  input: { text: string; format: ImportFormatHint },
): Promise<{ proposal: ImportProposal; check: ImportCheck }> {
  const body = await fetchJson(() =>
    api.api.groups[":group"].tenants[":tenant"].import.$post({ ...tenantParam(group, tenant), json: input }),
  );
  return { proposal: body.proposal, check: body.check };
}

/** The review's choices as POST …/import/accept takes them (shared/api-schemas.ts ImportChoicesSchema). */
export type ImportChoicesBody = NonNullable<
  Parameters<
    (typeof api.api.groups)[":group"]["tenants"][":tenant"]["import"]["accept"]["$post"]
  >[0]["json"]["choices"]
>;

/** POST …/import/accept with If-Match: the new draft, or an ApiError (409 stale_revision, …). */
export async function acceptImport(
  group: string,
  tenant: string,
  revision: number,
  input: { text: string; format: ImportFormatHint; choices: ImportChoicesBody },
) {
  const response = await send(() =>
    api.api.groups[":group"].tenants[":tenant"].import.accept.$post(
      { ...tenantParam(group, tenant), json: input },
      { headers: { "If-Match": `"${revision}"` } },
    ),
  );
  if (!response.ok) throw await toApiError(response);
  const body = await response.json();
  return { ...body, revision: etagRevision(response, body.revision) };
}
export type AcceptedDraft = Awaited<ReturnType<typeof acceptImport>>;

/**
 * The importer's proposal with the draft's revision read beside it (accepting sends it back, so a
 * draft saved in the meantime is not overwritten unseen). Proposing changes nothing on the
 * server, so no query is fetched again.
 */
export const makeImportProposal = action(
  async (group: string, tenant: string, input: { text: string; format: ImportFormatHint }) => {
    const [draft, { proposal, check }] = await Promise.all([
      fetchDraft(group, tenant),
      proposeImport(group, tenant, input),
    ]);
    return json({ draft, proposal, check }, { revalidate: [] });
  },
  "avg-import-propose",
);

/** Accepts the reviewed proposal into the draft; every cached answer about the draft is then fetched again. */
export const acceptImportIntoDraft = action(acceptImport, "avg-import-accept");

/** The group report as CSV, labelled in `lang`: a plain GET (a download link) with the session cookie. */
export const reportCsvUrl = (group: string, lang: UiLanguage): string =>
  `/api/groups/${encodeURIComponent(group)}/completeness/report.csv?lang=${lang}`;

/**
 * The whole group report as one CSV file: the API gives it a page at a time (the first page with
 * the byte order mark and the header line, the next ones only their lines, the `Link` header
 * naming the next page), joined here byte for byte.
 */
export async function readReportCsv(group: string, lang: UiLanguage): Promise<Blob> {
  const parts: ArrayBuffer[] = [];
  let after: string | undefined;
  do {
    const response = await send(() =>
      api.api.groups[":group"].completeness["report.csv"].$get({
        param: { group },
        // A page of the CSV checks each of its companies: the default page keeps a request light.
        query:
          after === undefined
            ? { lang, limit: String(REPORT_PAGE) }
            : { lang, limit: String(REPORT_PAGE), after },
      }),
    );
    if (!response.ok) throw await toApiError(response);
    parts.push(await response.arrayBuffer());
    const link = /^<([^>]+)>; rel="next"$/.exec(response.headers.get("Link") ?? "")?.[1];
    after =
      link === undefined ? undefined : (new URL(link, location.href).searchParams.get("after") ?? undefined);
  } while (after !== undefined);
  return new Blob(parts, { type: "text/csv;charset=utf-8" });
}
