// What the group pages read from the API, as router queries (cached per group for a moment, shared
// between the pages, preloaded by the routes), and what they change, as router actions (a
// submission tracks each one; when it is done, the queries on screen are fetched again).
import { action, json, query } from "@solidjs/router";
import type { InferInput } from "valibot";
import type { GroupSettingsSchema } from "#shared/api-schemas.ts";
import type { CompanyCreateSchema, CompanyUpdateSchema } from "#shared/group-admin-schemas.ts";
import type { Group as GroupInfo } from "#shared/model.ts";
import { api, fetchAllPages, fetchJson, pageQuery, send, toApiError, type PageQuery } from "../../api.ts";
import type { Role } from "../../messages.ts";

type Group = string;

const readTenantsPage = (group: Group, query: PageQuery) =>
  fetchJson(() => api.api.groups[":group"].tenants.$get({ param: { group }, query }));

/** Every company the caller may see (the API pages them: this follows `next` to the end). */
export const getTenants = query(async (group: Group) => {
  const pages = await fetchAllPages((query) => readTenantsPage(group, query));
  return { tenants: pages.flatMap((page) => page.tenants) };
}, "group-tenants");

/** How many companies the console's overview lists at a time (a group may have thousands). */
export const OVERVIEW_PAGE = 100;

/**
 * One page of the companies the caller may see, OVERVIEW_PAGE after `after` (none: the first
 * page); with `search`, only those whose name or address contains it.
 */
export const getTenantsPage = query(
  (group: Group, after: string | undefined, search?: string) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants.$get({
        param: { group },
        query: pageQuery(OVERVIEW_PAGE, after, search),
      }),
    ),
  "group-tenants-page",
);

/** One company the caller may see (the navigation names it without reading every company). */
export const getTenant = query(async (group: Group, tenant: string) => {
  const { tenant: company } = await fetchJson(() =>
    api.api.groups[":group"].tenants[":tenant"].$get({ param: { group, tenant } }),
  );
  return company;
}, "group-tenant");

/** The companies shown on one page of the dashboard: PAGE of them after `after` (none: the first page). */
export const DASHBOARD_PAGE = 100;

/**
 * One page of the dashboard's companies and, for the same companies, the AVG report and the rollout
 * status: those list only active companies, and the first DASHBOARD_PAGE active ones after the
 * same cursor are every active company of the page. So a group of 10,000 costs the server a page
 * of statuses per page shown, not the whole group (issue 20).
 */
export const getDashboardPage = query(async (group: Group, after: string | undefined) => {
  const page = pageQuery(DASHBOARD_PAGE, after);
  const [tenants, completeness, rollout] = await Promise.all([
    readTenantsPage(group, page),
    readCompletenessPage(group, page),
    // The dashboard shows whether a company is outdated, not what the publish gate would say.
    readRolloutPage(group, { ...page, gate: "skip" }),
  ]);
  return {
    tenants: tenants.tenants,
    next: tenants.next,
    completeness: completeness.companies,
    rollout: rollout.companies,
  };
}, "group-dashboard-page");
export type DashboardPage = Awaited<ReturnType<typeof getDashboardPage>>;

const readRolloutPage = (group: Group, query: PageQuery & { gate?: "include" | "skip" }) =>
  fetchJson(() => api.api.groups[":group"].rollout.$get({ param: { group }, query }));

/** Companies on one page of the rollout section (the API computes each one's diff). */
export const ROLLOUT_PAGE = 100;

/**
 * One page of the companies' rollout status, ROLLOUT_PAGE after `after` (none: the first page),
 * with the group's counts: a group of 10,000 is looked at a page at a time (issue 20).
 */
export const getRolloutPage = query(
  (group: Group, after: string | undefined) => readRolloutPage(group, pageQuery(ROLLOUT_PAGE, after)),
  "group-rollout",
);
export type RolloutCompany = Awaited<ReturnType<typeof getRolloutPage>>["companies"][number];

const rolloutRuns = () => api.api.groups[":group"].rollout.runs;

/** A page of the companies the group's latest run left alone (in the group's order), and its progress. */
async function readLatestRun(group: Group, after?: string) {
  const response = await send(() =>
    rolloutRuns().latest.$get(
      { param: { group }, query: after ? { after } : {} },
      { init: { cache: "no-store" } },
    ),
  );
  // 404 rollout_run_not_found: the group never started one (the typed client knows only the 200).
  const status: number = response.status;
  if (status === 404) return null;
  if (!response.ok) throw await toApiError(response);
  return response.json();
}

/**
 * The group's latest rollout run (republishing through the queue): its progress, and the first
 * page of the companies it left alone with why; null before the group's first run.
 */
export const getLatestRolloutRun = query((group: Group) => readLatestRun(group), "group-rollout-run");
export type LatestRolloutRun = NonNullable<Awaited<ReturnType<typeof readLatestRun>>>;
export type RolloutRunView = LatestRolloutRun["run"];

/** The next page of the companies the latest run left alone, after the cursor `next` gave. */
export const readMoreLeftAlone = async (group: Group, after: string): Promise<LatestRolloutRun | null> =>
  readLatestRun(group, after);

export interface RolloutRunStart {
  kind: "started" | "already_running";
  run: RolloutRunView;
}

/**
 * Starts republishing every clean outdated company through the queue. When a run of the group
 * is already running (started elsewhere a moment ago), that run is the answer instead of an error.
 */
export const startRolloutRun = action(async (group: Group, changeNote: string) => {
  const note = changeNote.trim();
  const response = await send(() =>
    rolloutRuns().$post({ param: { group }, json: note ? { changeNote: note } : {} }),
  );
  // Nothing is fetched again at once: the page shows this answer's run right away and follows
  // its progress itself (refetching the statuses would hold the page until they arrive).
  const answer = (outcome: RolloutRunStart) => json(outcome, { revalidate: [] });
  if (response.status === 202) return answer({ kind: "started", run: (await response.json()).run });
  const error = await toApiError(response);
  const running = error.code === "rollout_running" ? await readLatestRun(group) : null;
  if (!running) throw error;
  return answer({ kind: "already_running", run: running.run });
}, "group-start-rollout");

export interface GroupCompleteness {
  companies: {
    tenant: { slug: string; name: string };
    score: number | null;
    missingAlways: string[];
    findings: { item: string; status: string }[];
  }[];
  next: string | null;
}

/** A page of the group report: the AVG completeness of each company's version in force. */
const readCompletenessPage = async (group: Group, query: PageQuery): Promise<GroupCompleteness> =>
  // The route also answers CSV (?format=csv), so the typed client gives this JSON answer as unknown.
  (await fetchJson(() =>
    api.api.groups[":group"].completeness.$get({ param: { group }, query }),
  )) as GroupCompleteness;

/** A company's published versions with their status (in force, scheduled, superseded). */
export const getTenantVersions = query(
  (group: Group, tenant: string) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].versions.$get(
        { param: { group, tenant } },
        { init: { cache: "no-store" } },
      ),
    ),
  "group-tenant-versions",
);
export type TenantVersions = Awaited<ReturnType<typeof getTenantVersions>>;

export type RequestStatus = "pending" | "approved" | "rejected" | "withdrawn";

/** Publish requests: a company's (to its members and the lead), the baseline's (to privacy leads). */
export const getPublishRequests = query(async (group: Group, status?: RequestStatus) => {
  const pages = await fetchAllPages((page) =>
    fetchJson(() =>
      api.api.groups[":group"]["publish-requests"].$get({
        param: { group },
        query: status ? { ...page, status } : page,
      }),
    ),
  );
  return { requests: pages.flatMap((page) => page.requests) };
}, "group-publish-requests");
export type PublishRequest = Awaited<ReturnType<typeof getPublishRequests>>["requests"][number];

/** What approving a request would change against the version in force, and what a restore brings back. */
export const getRequestReview = query(
  (group: Group, request: number) =>
    fetchJson(() =>
      api.api.groups[":group"]["publish-requests"][":id"].review.$get({
        param: { group, id: String(request) },
        query: {},
      }),
    ),
  "group-request-review",
);

export const getSettings = query(
  (group: Group) => fetchJson(() => api.api.groups[":group"].settings.$get({ param: { group } })),
  "group-settings",
);

export interface AuditFilter {
  /** The log of changes (default) or the members' sign-ins. */
  log?: "changes" | "sign-ins" | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  tenant?: string | undefined;
  before?: number | undefined;
  limit?: number | undefined;
}

export const getAudit = query((group: Group, filter: AuditFilter) => {
  const q: Record<string, string> = {};
  if (filter.action) q.action = filter.action;
  if (filter.actor) q.actor = filter.actor;
  if (filter.tenant) q.tenant = filter.tenant;
  if (filter.before) q.before = String(filter.before);
  if (filter.limit) q.limit = String(filter.limit);
  const audit = api.api.groups[":group"].audit;
  return fetchJson(() =>
    filter.log === "sign-ins"
      ? audit["sign-ins"].$get({ param: { group }, query: q })
      : audit.$get({ param: { group }, query: q }),
  );
}, "group-audit");
export type AuditEntry = Awaited<ReturnType<typeof getAudit>>["entries"][number];

export const getAuditVerification = query(
  (group: Group, log: "changes" | "sign-ins" = "changes") =>
    fetchJson(() =>
      log === "sign-ins"
        ? api.api.groups[":group"].audit["sign-ins"].verify.$get({ param: { group } })
        : api.api.groups[":group"].audit.verify.$get({ param: { group } }),
    ),
  "group-audit-verify",
);

/** People and their roles, by name (the API pages them in the order the roles were given). */
export const getMembers = query(async (group: Group) => {
  const pages = await fetchAllPages((query) =>
    fetchJson(() => api.api.groups[":group"].members.$get({ param: { group }, query })),
  );
  const members = pages.flatMap((page) => page.members);
  return { members: members.sort((a, b) => byName(a.user, b.user)) };
}, "group-members");

/** The order the API used to give people in: by name, then e-mail address. */
const byName = (a: { name: string; email: string }, b: { name: string; email: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.email < b.email ? -1 : a.email > b.email ? 1 : 0;
export type Member = Awaited<ReturnType<typeof getMembers>>["members"][number];

export const getInvitations = query(async (group: Group) => {
  const pages = await fetchAllPages((query) =>
    fetchJson(() => api.api.groups[":group"].invitations.$get({ param: { group }, query })),
  );
  return { invitations: pages.flatMap((page) => page.invitations) };
}, "group-invitations");
export type Invitation = Awaited<ReturnType<typeof getInvitations>>["invitations"][number];

/** The latest published baseline (404 baseline_not_found before the first publish). */
export const getBaseline = query(
  (group: string) => fetchJson(() => api.api.groups[":group"].baseline.$get({ param: { group } })),
  "group-baseline",
);
export type PublishedBaseline = Awaited<ReturnType<typeof getBaseline>>;

export const getProcessors = query(async (group: string) => {
  const pages = await fetchAllPages((query) =>
    fetchJson(() => api.api.groups[":group"].processors.$get({ param: { group }, query })),
  );
  return { processors: pages.flatMap((page) => page.processors) };
}, "group-processors");
export type Processor = Awaited<ReturnType<typeof getProcessors>>["processors"][number];

/**
 * The Group the engine renders with, as the worker has it when it publishes: the first active
 * companies (at most 101), their number when there are more, and the public page a larger
 * group's statements point to. Not the group's every company: a preview in a group of 10,000 needs
 * what the statement says, which is a link (issue 20).
 */
export const getGroup = query(async (group: string): Promise<GroupInfo> => {
  const profile = await getGroupProfile(group);
  return {
    slug: profile.slug,
    name: profile.name,
    languages: profile.languages,
    defaultLanguage: profile.defaultLanguage,
    members: profile.members,
    ...(profile.memberCount === null ? {} : { memberCount: profile.memberCount }),
    ...(profile.membersPage === null ? {} : { membersPage: profile.membersPage }),
  };
}, "group-info");

// ---- Changes ----

export const changeRole = action(
  (group: Group, member: number, next: { role: Role; tenant?: string }) =>
    fetchJson(() =>
      api.api.groups[":group"].members[":id"].$patch({ param: { group, id: String(member) }, json: next }),
    ),
  "group-change-role",
);

export const createInvitation = action(
  (group: Group, body: { email: string; role: Role; tenant?: string | undefined }) =>
    fetchJson(() => api.api.groups[":group"].invitations.$post({ param: { group }, json: body })),
  "group-create-invitation",
);

export const revokeInvitation = action(async (group: Group, invitation: number): Promise<void> => {
  const response = await send(() =>
    api.api.groups[":group"].invitations[":id"].$delete({ param: { group, id: String(invitation) } }),
  );
  if (!response.ok) throw await toApiError(response);
}, "group-revoke-invitation");

export type Decision = { kind: "approve" } | { kind: "reject"; reason: string } | { kind: "withdraw" };

/** Approves, rejects or withdraws a publish request; an approval answers with the new version. */
export const decideRequest = action(
  async (group: Group, request: number, decision: Decision): Promise<{ version: number | null }> => {
    const param = { group, id: String(request) };
    const requests = api.api.groups[":group"]["publish-requests"][":id"];
    switch (decision.kind) {
      case "approve": {
        const body = await fetchJson(() => requests.approve.$post({ param }));
        return { version: body.version.number };
      }
      case "reject":
        await fetchJson(() => requests.reject.$post({ param, json: { reason: decision.reason } }));
        return { version: null };
      case "withdraw":
        await fetchJson(() => requests.withdraw.$post({ param }));
        return { version: null };
    }
  },
  "group-decide-request",
);

export const saveSettings = action(
  (group: Group, requireApproval: boolean) =>
    fetchJson(() => api.api.groups[":group"].settings.$put({ param: { group }, json: { requireApproval } })),
  "group-save-settings",
);

/** The group's name, default language and the privacy lead's contact (approval has its own form). */
export const saveGroupDetails = action(
  (group: Group, change: GroupDetailsChange) =>
    fetchJson(() => api.api.groups[":group"].settings.$put({ param: { group }, json: change })),
  "group-save-details",
);
export type GroupDetailsChange = Omit<InferInput<typeof GroupSettingsSchema>, "requireApproval">;

// ---- The group as every member sees it, and its companies over their whole life (issue 18) ----

/** Name, languages and the privacy lead's contact: for every member (the dashboard shows the contact). */
export const getGroupProfile = query(
  (group: Group) => fetchJson(() => api.api.groups[":group"].$get({ param: { group } })),
  "group-profile",
);

/** How many companies the companies page lists at a time (a group may have thousands). */
export const COMPANIES_PAGE = 100;

/**
 * One page of the companies with their status, addresses and latest version (privacy lead only),
 * COMPANIES_PAGE after `after`; with `search`, only those whose name or address contains it.
 */
export const getCompaniesPage = query(
  (group: Group, search: string | undefined, after: string | undefined) =>
    fetchJson(() =>
      api.api.groups[":group"].companies.$get({
        param: { group },
        query: pageQuery(COMPANIES_PAGE, after, search),
      }),
    ),
  "group-companies-page",
);
export type Company = Awaited<ReturnType<typeof getCompaniesPage>>["items"][number];
export type CompanyCreate = InferInput<typeof CompanyCreateSchema>;
export type CompanyUpdate = InferInput<typeof CompanyUpdateSchema>;

const companyRoute = () => api.api.groups[":group"].companies[":company"];

export const createCompany = action(
  (group: Group, body: CompanyCreate) =>
    fetchJson(() => api.api.groups[":group"].companies.$post({ param: { group }, json: body })),
  "group-create-company",
);

export const updateCompany = action(
  (group: Group, company: string, change: CompanyUpdate) =>
    fetchJson(() => companyRoute().$patch({ param: { group, company }, json: change })),
  "group-update-company",
);

export const archiveCompany = action(
  (group: Group, company: string, body: { successorUrl?: string; reason?: string }) =>
    fetchJson(() => companyRoute().archive.$post({ param: { group, company }, json: body })),
  "group-archive-company",
);

export const restoreCompany = action(
  (group: Group, company: string) =>
    fetchJson(() => companyRoute().restore.$post({ param: { group, company } })),
  "group-restore-company",
);

export const deleteCompany = action(
  (group: Group, company: string) => fetchJson(() => companyRoute().$delete({ param: { group, company } })),
  "group-delete-company",
);

// ---- People: another role on the same account, a role taken away, a person taken out ----

export const addRole = action(
  (group: Group, body: { user: number; role: Role; tenant?: string }) =>
    fetchJson(() => api.api.groups[":group"].members.$post({ param: { group }, json: body })),
  "group-add-role",
);

export const removeRole = action(
  (group: Group, member: number) =>
    fetchJson(() =>
      api.api.groups[":group"].members[":id"].$delete({ param: { group, id: String(member) } }),
    ),
  "group-remove-role",
);

export const removePerson = action(
  (group: Group, user: number) =>
    fetchJson(() => api.api.groups[":group"].people[":id"].$delete({ param: { group, id: String(user) } })),
  "group-remove-person",
);

/** Takes an entry out of the register; the API refuses while a company uses it, naming them. */
export const removeProcessor = action(
  (group: Group, key: string) =>
    fetchJson(() => api.api.groups[":group"].processors[":key"].$delete({ param: { group, key } })),
  "group-remove-processor",
);
