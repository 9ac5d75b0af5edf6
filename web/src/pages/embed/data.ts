// What the embed page reads from the API (router queries) and changes (router actions).
import { action, query } from "@solidjs/router";
import type { WatchedPageCreate } from "#shared/site-schemas.ts";
import { api, fetchAllPages, fetchJson } from "../../api.ts";

export const getWebhooks = query(
  (group: string, tenant: string) =>
    fetchJson(() => api.api.groups[":group"].tenants[":tenant"].webhooks.$get({ param: { group, tenant } })),
  "embed-webhooks",
);

/** One page of delivery attempts, newest first; `before` is the previous page's nextBefore. */
export const getDeliveries = query(
  (group: string, tenant: string, id: number, before?: number) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].webhooks[":id"].deliveries.$get({
        param: { group, tenant, id: String(id) },
        query: before === undefined ? {} : { before: String(before) },
      }),
    ),
  "embed-deliveries",
);

export type Webhook = Awaited<ReturnType<typeof getWebhooks>>["webhooks"][number];
export type Delivery = Awaited<ReturnType<typeof getDeliveries>>["deliveries"][number];

/** Adds a webhook; the answer carries its secret, shown this once. */
export const createWebhook = action(
  (group: string, tenant: string, url: string) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].webhooks.$post({ param: { group, tenant }, json: { url } }),
    ),
  "embed-create-webhook",
);

export const disableWebhook = action(
  (group: string, tenant: string, id: number) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].webhooks[":id"].$delete({
        param: { group, tenant, id: String(id) },
      }),
    ),
  "embed-disable-webhook",
);

// ---- The site monitor: watched pages of the company's websites (issue 19) ----

export const getSites = query(
  (group: string, tenant: string) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].sites.$get(
        { param: { group, tenant } },
        { init: { cache: "no-store" } },
      ),
    ),
  "embed-sites",
);

export type SitesAnswer = Awaited<ReturnType<typeof getSites>>;
export type WatchedSite = SitesAnswer["pages"][number];
export type SiteFinding = NonNullable<WatchedSite["status"]>;

/** One page of a watched page's findings, newest first; `before` is the previous page's nextBefore. */
export const getSiteHistory = query(
  (group: string, tenant: string, id: number, before?: number) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].sites[":id"].history.$get(
        {
          param: { group, tenant, id: String(id) },
          query: before === undefined ? {} : { before: String(before) },
        },
        { init: { cache: "no-store" } },
      ),
    ),
  "embed-site-history",
);

export const addSite = action(
  (group: string, tenant: string, json: WatchedPageCreate) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].sites.$post({ param: { group, tenant }, json }),
    ),
  "embed-add-site",
);

export const removeSite = action(
  (group: string, tenant: string, id: number) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].sites[":id"].$delete({
        param: { group, tenant, id: String(id) },
      }),
    ),
  "embed-remove-site",
);

/** Checks the page now; the answer carries its new finding. */
export const checkSite = action(
  (group: string, tenant: string, id: number) =>
    fetchJson(() =>
      api.api.groups[":group"].tenants[":tenant"].sites[":id"].check.$post({
        param: { group, tenant, id: String(id) },
      }),
    ),
  "embed-check-site",
);

/** Every company's watched pages with their latest finding, for the privacy lead's dashboard. */
export const getGroupSites = query(async (group: string) => {
  // The API gives a page of companies at a time, each page with its own totals and notices.
  const pages = await fetchAllPages((query) =>
    fetchJson(() =>
      api.api.groups[":group"].sites.$get({ param: { group }, query }, { init: { cache: "no-store" } }),
    ),
  );
  const totals = { ...pages[0]!.totals };
  for (const page of pages.slice(1)) {
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) {
      if (key === "lastCheckedAt") {
        const last = page.totals.lastCheckedAt;
        if (last !== null && (totals.lastCheckedAt === null || last > totals.lastCheckedAt))
          totals.lastCheckedAt = last;
      } else totals[key] += page.totals[key];
    }
  }
  return {
    companies: pages.flatMap((page) => page.companies),
    totals,
    notices: pages.flatMap((page) => page.notices),
  };
}, "group-sites");
export type GroupSites = Awaited<ReturnType<typeof getGroupSites>>;
