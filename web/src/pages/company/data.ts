// Everything the company pages read from the API, as router queries (preloaded by the routes and
// read with createAsync inside a LoadBoundary), and what they change, as router actions.
import { action, json, query } from "@solidjs/router";
import type { TenantContent } from "#shared/model.ts";
import { api, fetchJson, send, toApiError } from "../../api.ts";
import { getBaseline, getGroup, getProcessors } from "../group/group-data.ts";

const tenantParam = (group: string, tenant: string) => ({ param: { group, tenant } });

/** The revision in a draft's ETag ("7"), which is what If-Match must send back. */
export function etagRevision(response: { headers: Headers }, fallback: number): number {
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(response.headers.get("ETag") ?? "");
  return match ? Number(match[1]) : fallback;
}

export const getDraft = query(async (group: string, tenant: string) => {
  const response = await send(() =>
    api.api.groups[":group"].tenants[":tenant"].draft.$get(tenantParam(group, tenant)),
  );
  if (!response.ok) throw await toApiError(response);
  const body = await response.json();
  return { ...body, revision: etagRevision(response, body.revision) };
}, "company-draft");
export type Draft = Awaited<ReturnType<typeof getDraft>>;

/**
 * Whether a newer baseline (or a processor change) waits for this company's published statement,
 * what it would change there, and which of the company's own texts it conflicts with.
 */
export const getRollout = query(
  (group: string, tenant: string) =>
    fetchJson(() => api.api.groups[":group"].tenants[":tenant"].rollout.$get(tenantParam(group, tenant))),
  "company-rollout",
);
export type CompanyRollout = Awaited<ReturnType<typeof getRollout>>;

export const getPreview = query(
  (group: string, tenant: string) =>
    fetchJson(() => api.api.groups[":group"].tenants[":tenant"].preview.$get(tenantParam(group, tenant))),
  "company-preview",
);
export type ServerPreview = Awaited<ReturnType<typeof getPreview>>;

export const getVersions = query(
  (group: string, tenant: string) =>
    fetchJson(() => api.api.groups[":group"].tenants[":tenant"].versions.$get(tenantParam(group, tenant))),
  "company-versions",
);
export type VersionRow = Awaited<ReturnType<typeof getVersions>>["versions"][number];

export const getVersionDiff = query(
  (group: string, tenant: string, from: number, to: number, lang: "nl" | "en") =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].versions.diff.$get({
        param: { group, tenant },
        query: { from: String(from), to: String(to), lang },
      }),
    ),
  "company-version-diff",
);
export type VersionDiff = Awaited<ReturnType<typeof getVersionDiff>>;

/**
 * What publishing the saved draft would change against the version in force: the rendered text,
 * section by section and word by word; and whether the group makes a publish a request.
 */
export const getPublishReview = query(
  (group: string, tenant: string, lang?: "nl" | "en") =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"]["publish-review"].$get({
        param: { group, tenant },
        query: lang ? { lang } : {},
      }),
    ),
  "company-publish-review",
);
export type PublishReview = Awaited<ReturnType<typeof getPublishReview>>;

/** The draft as the conflict answer of a save carries it. */
export interface CurrentDraft {
  revision: number;
  content: TenantContent;
  updatedAt: string;
}

/** The public address of a company's statement, as company websites link to it. */
export const publicStatementUrl = (group: string, tenant: string): string =>
  `${location.origin}/v1/statements/${group}/${tenant}`;

/** Everything a company page shows, fetched ahead when a link to it is hovered or followed. */
export function preloadCompany({ params }: { params: Partial<Record<string, string>> }): void {
  const { group, tenant } = params;
  if (!group || !tenant) return;
  void getDraft(group, tenant);
  void getBaseline(group);
  void getProcessors(group);
  void getGroup(group);
  void getRollout(group, tenant);
}

// ---- Changes ----

export type SaveOutcome =
  | { kind: "saved"; draft: { revision: number; content: TenantContent; updatedAt: string } }
  | { kind: "conflict"; current: CurrentDraft };

/**
 * PUT …/draft with If-Match: the saved draft, or the current one when someone saved first (409).
 * Afterwards only the queries that read the draft are fetched again: the editor keeps its own
 * state, and a fresh baseline or rollout would only move things under the user's hands.
 */
export const saveDraft = action(
  async (group: string, tenant: string, content: TenantContent, revision: number) => {
    const response = await send(() =>
      api.api.groups[":group"].tenants[":tenant"].draft.$put(
        { param: { group, tenant }, json: { content } },
        { headers: { "If-Match": `"${revision}"` } },
      ),
    );
    const revalidate = [getDraft.key, getPreview.key, getPublishReview.key, getVersions.key, getRollout.key];
    if (response.ok) {
      const outcome: SaveOutcome = { kind: "saved", draft: await response.json() };
      return json(outcome, { revalidate });
    }
    if ((response.status as number) === 409) {
      const answer = (await response
        .clone()
        .json()
        .catch(() => null)) as { current?: CurrentDraft } | null;
      if (answer?.current) {
        const outcome: SaveOutcome = { kind: "conflict", current: answer.current };
        return json(outcome, { revalidate });
      }
    }
    throw await toApiError(response);
  },
  "company-save-draft",
);

export type PublishInput = {
  changeNote: string;
  material: boolean;
  effectiveFrom?: string | undefined;
  completenessOverride?: string | undefined;
};

/** POST …/publish: a new version, or a request that waits for approval. */
export const publishDraft = action(
  (group: string, tenant: string, input: PublishInput) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].publish.$post({ param: { group, tenant }, json: input }),
    ),
  "company-publish",
);

export const withdrawRequest = action(
  (group: string, request: number) =>
    fetchJson(() =>
      api.api.groups[":group"]["publish-requests"][":id"].withdraw.$post({
        param: { group, id: String(request) },
      }),
    ),
  "company-withdraw-request",
);

export const restoreVersion = action(
  (group: string, tenant: string, version: number, changeNote: string) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].versions[":number"].restore.$post({
        param: { group, tenant, number: String(version) },
        json: { changeNote },
      }),
    ),
  "company-restore-version",
);
