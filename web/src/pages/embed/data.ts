// What the embed page reads from the API, as router queries (cached, revalidated after changes).
import { query } from "@solidjs/router";
import { api, readJson } from "../../api.ts";

/** The companies of the group the user may see, with their role there. */
export const getCompanies = query(
  async (group: string) => readJson(await api.api.groups[":group"].tenants.$get({ param: { group } })),
  "embed-companies",
);

/** The group's public directory: its languages, and which companies have a version in force. */
export const getPublicGroup = query(
  async (group: string) => readJson(await api.v1.statements[":group"].$get({ param: { group } })),
  "embed-public-group",
);

export const getWebhooks = query(
  async (group: string, tenant: string) =>
    readJson(await api.api.groups[":group"].tenants[":tenant"].webhooks.$get({ param: { group, tenant } })),
  "embed-webhooks",
);

/** One page of delivery attempts, newest first; `before` is the previous page's nextBefore. */
export const getDeliveries = query(
  async (group: string, tenant: string, id: number, before?: number) =>
    readJson(
      await api.api.groups[":group"].tenants[":tenant"].webhooks[":id"].deliveries.$get({
        param: { group, tenant, id: String(id) },
        query: before === undefined ? {} : { before: String(before) },
      }),
    ),
  "embed-deliveries",
);

export type Webhook = Awaited<ReturnType<typeof getWebhooks>>["webhooks"][number];
export type Delivery = Awaited<ReturnType<typeof getDeliveries>>["deliveries"][number];
