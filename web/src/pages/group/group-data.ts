// What the group pages read from the API, as router queries: cached per group for a moment,
// shared between the pages, and revalidated after every change these pages make.
import { query, revalidate } from "@solidjs/router";
import { api, readJson } from "../../api.ts";

type Group = string;

export const getTenants = query(
  async (group: Group) => readJson(await api.api.groups[":group"].tenants.$get({ param: { group } })),
  "group-tenants",
);

export const getRollout = query(
  async (group: Group) => readJson(await api.api.groups[":group"].rollout.$get({ param: { group } })),
  "group-rollout",
);

export interface GroupCompleteness {
  companies: {
    tenant: { slug: string; name: string };
    score: number | null;
    missingAlways: string[];
    findings: { item: string; status: string }[];
  }[];
}

/** The AVG completeness of every company's version in force. */
export const getCompleteness = query(
  // The route also answers CSV (?format=csv), so its typed response is a union: this is the JSON one.
  async (group: Group) =>
    (await readJson(
      await api.api.groups[":group"].completeness.$get({ param: { group } }),
    )) as unknown as GroupCompleteness,
  "group-completeness",
);

export type RolloutCompany = Awaited<ReturnType<typeof getRollout>>["companies"][number];

/** A company's published versions with their status (in force, scheduled, superseded). */
export const getTenantVersions = query(
  async (group: Group, tenant: string) =>
    readJson(
      await api.api.groups[":group"].tenants[":tenant"].versions.$get(
        { param: { group, tenant } },
        { init: { cache: "no-store" } },
      ),
    ),
  "group-tenant-versions",
);

export type TenantVersions = Awaited<ReturnType<typeof getTenantVersions>>;

export const getPublishRequests = query(
  async (group: Group, status?: "pending" | "approved" | "rejected" | "withdrawn") => {
    const { requests } = await readJson(
      await api.api.groups[":group"]["publish-requests"].$get({
        param: { group },
        query: status ? { status } : {},
      }),
    );
    // Baseline requests (approval on) are not shown here yet; the companies' are.
    return { requests: requests.filter((r) => r.subject === "company") };
  },
  "group-publish-requests",
);

export type PublishRequest = Awaited<ReturnType<typeof getPublishRequests>>["requests"][number];

export const getSettings = query(
  async (group: Group) => readJson(await api.api.groups[":group"].settings.$get({ param: { group } })),
  "group-settings",
);

export interface AuditFilter {
  action?: string | undefined;
  actor?: string | undefined;
  tenant?: string | undefined;
  before?: number | undefined;
  limit?: number | undefined;
}

export const getAudit = query(async (group: Group, filter: AuditFilter) => {
  const q: Record<string, string> = {};
  if (filter.action) q.action = filter.action;
  if (filter.actor) q.actor = filter.actor;
  if (filter.tenant) q.tenant = filter.tenant;
  if (filter.before) q.before = String(filter.before);
  if (filter.limit) q.limit = String(filter.limit);
  return readJson(await api.api.groups[":group"].audit.$get({ param: { group }, query: q }));
}, "group-audit");

export type AuditEntry = Awaited<ReturnType<typeof getAudit>>["entries"][number];

export const getAuditVerification = query(
  async (group: Group) => readJson(await api.api.groups[":group"].audit.verify.$get({ param: { group } })),
  "group-audit-verify",
);

export const getMembers = query(
  async (group: Group) => readJson(await api.api.groups[":group"].members.$get({ param: { group } })),
  "group-members",
);

export type Member = Awaited<ReturnType<typeof getMembers>>["members"][number];

export const getInvitations = query(
  async (group: Group) => readJson(await api.api.groups[":group"].invitations.$get({ param: { group } })),
  "group-invitations",
);

export type Invitation = Awaited<ReturnType<typeof getInvitations>>["invitations"][number];

/** After a change: everything these pages show may be different now. */
export const refreshGroupData = (): Promise<void> =>
  revalidate([
    getTenants.key,
    getRollout.key,
    getTenantVersions.key,
    getPublishRequests.key,
    getSettings.key,
    getAudit.key,
    getAuditVerification.key,
    getMembers.key,
    getInvitations.key,
  ]);
