// Everything the company pages read from the API. Queries resolve to a Loaded<T> instead of
// throwing, so each page decides itself what a 401, a 404 or a network failure looks like
// (the layout's error boundary would only offer "try again").
import { query } from "@solidjs/router";
import type { Group, TenantContent } from "#shared/model.ts";
import type { ApiError } from "../../api.ts";
import { api, loadResult, readJson, type Loaded, type LoadedData } from "../../api.ts";

/** The first failure among several loads, or all their data; undefined while any is loading. */
export function combine<T extends unknown[]>(
  ...results: { [K in keyof T]: Loaded<T[K]> | undefined }
): { ok: true; data: T } | { ok: false; error: ApiError } | undefined {
  for (const result of results) if (result === undefined) return undefined;
  for (const result of results) if (result && !result.ok) return result;
  return { ok: true, data: results.map((r) => (r as { data: unknown }).data) as T };
}

const tenantParam = (group: string, tenant: string) => ({ param: { group, tenant } });

export const getDraft = query(
  (group: string, tenant: string) =>
    loadResult(async () =>
      readJson(await api.api.groups[":group"].tenants[":tenant"].draft.$get(tenantParam(group, tenant))),
    ),
  "company-draft",
);
export type Draft = LoadedData<typeof getDraft>;

export const getBaseline = query(
  (group: string) =>
    loadResult(async () => readJson(await api.api.groups[":group"].baseline.$get({ param: { group } }))),
  "company-baseline",
);
export type PublishedBaseline = LoadedData<typeof getBaseline>;

export const getProcessors = query(
  (group: string) =>
    loadResult(async () => readJson(await api.api.groups[":group"].processors.$get({ param: { group } }))),
  "company-processors",
);
export type Processor = LoadedData<typeof getProcessors>["processors"][number];

/**
 * The Group the engine renders with. The API has no member endpoint for company editors, so it
 * comes from the public directory, which lists every company in the group's order — the same
 * list the worker uses when it publishes.
 */
export const getGroup = query(
  (group: string) =>
    loadResult(async (): Promise<Group> => {
      const body = await readJson(await api.v1.statements[":group"].$get({ param: { group } }));
      return {
        slug: body.group.slug,
        name: body.group.name,
        languages: body.group.languages,
        defaultLanguage: body.group.defaultLanguage,
        members: body.companies.map((company) => ({ slug: company.slug, name: company.name })),
      };
    }),
  "company-group",
);

/**
 * Whether a newer baseline (or a processor change) waits for this company's published statement,
 * what it would change there, and which of the company's own texts it conflicts with.
 */
export const getRollout = query(
  (group: string, tenant: string) =>
    loadResult(async () =>
      readJson(await api.api.groups[":group"].tenants[":tenant"].rollout.$get(tenantParam(group, tenant))),
    ),
  "company-rollout",
);
export type CompanyRollout = LoadedData<typeof getRollout>;

export const getPreview = query(
  (group: string, tenant: string) =>
    loadResult(async () =>
      readJson(await api.api.groups[":group"].tenants[":tenant"].preview.$get(tenantParam(group, tenant))),
    ),
  "company-preview",
);
export type ServerPreview = LoadedData<typeof getPreview>;

export const getVersions = query(
  (group: string, tenant: string) =>
    loadResult(async () =>
      readJson(await api.api.groups[":group"].tenants[":tenant"].versions.$get(tenantParam(group, tenant))),
    ),
  "company-versions",
);
export type VersionRow = LoadedData<typeof getVersions>["versions"][number];

export const getVersionDiff = query(
  (group: string, tenant: string, from: number, to: number, lang: "nl" | "en") =>
    loadResult(async () =>
      readJson(
        await api.api.groups[":group"].tenants[":tenant"].versions.diff.$get({
          param: { group, tenant },
          query: { from: String(from), to: String(to), lang },
        }),
      ),
    ),
  "company-version-diff",
);
export type VersionDiff = LoadedData<typeof getVersionDiff>;

export const getPublishRequests = query(
  (group: string) =>
    loadResult(async () => {
      const { requests } = await readJson(
        await api.api.groups[":group"]["publish-requests"].$get({ param: { group }, query: {} }),
      );
      // A company's page shows its own requests; the baseline's are the privacy lead's.
      return { requests: requests.filter((r) => r.subject === "company") };
    }),
  "company-publish-requests",
);
export type PublishRequest = LoadedData<typeof getPublishRequests>["requests"][number];

/** The draft as the conflict answer of a save carries it. */
export interface CurrentDraft {
  revision: number;
  content: TenantContent;
  updatedAt: string;
}

/** The public address of a company's statement, as company websites link to it. */
export const publicStatementUrl = (group: string, tenant: string): string =>
  `${location.origin}/v1/statements/${group}/${tenant}`;
