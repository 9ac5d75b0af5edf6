// What the embed page reads from the API (router queries) and changes (router actions).
import { action, query } from "@solidjs/router";
import { api, fetchJson } from "../../api.ts";

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
