// What the AVG pages (import and group report) read from the API: router queries, read with
// createAsync inside a LoadBoundary, which shows a 401, a 404 or a network failure as a page state.
import { query } from "@solidjs/router";
import type { Status } from "#shared/completeness/check.ts";
import type { Bilingual, ItemId } from "#shared/completeness/checklist.ts";
import type { ImportCheck } from "#shared/import/check.ts";
import type { ImportFormatHint } from "#shared/import/detect.ts";
import type { ImportProposal } from "#shared/import/propose.ts";
import type { SiteState } from "#shared/site-schemas.ts";
import { api, fetchJson, readJson, send, toApiError } from "../../api.ts";
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

/** GET /api/groups/:group/completeness as JSON (the route also answers CSV, so the client cannot type it). */
export interface GroupReport {
  items: { id: ItemId; title: Bilingual; applies: "always" | "conditional" }[];
  companies: {
    tenant: { slug: string; name: string };
    version: number | null;
    score: number | null;
    missingAlways: ItemId[];
    findings: { item: ItemId; status: Status; why: Bilingual }[];
    /** The company's watched web pages (issue 19); null when it watches none. */
    sites: {
      watched: number;
      current: number;
      lastCheckedAt: string | null;
      attention: {
        url: string;
        state: SiteState | null;
        shownVersion: number | null;
        versionInForce: number | null;
        outdatedSince: string | null;
      }[];
    } | null;
  }[];
}

export const getGroupReport = query(
  async (group: string): Promise<GroupReport> =>
    // The route also answers CSV (?format=csv), so the typed client gives this JSON answer as unknown.
    (await fetchJson(() => api.api.groups[":group"].completeness.$get({ param: { group } }))) as GroupReport,
  "avg-group-report",
);

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

/** The public address of the group report as CSV: a plain GET with the session cookie. */
export const reportCsvUrl = (group: string): string =>
  `/api/groups/${encodeURIComponent(group)}/completeness?format=csv`;
