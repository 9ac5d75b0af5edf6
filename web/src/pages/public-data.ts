// What the public pages read: the groups that publish here, and one group's directory.
import { query } from "@solidjs/router";
import { api, fetchJson } from "../api.ts";

export const getGroups = query(() => fetchJson(() => api.v1.statements.$get()), "public-groups");

/**
 * A group's whole public directory: its languages, and which companies have a version in force.
 * The API gives it a page at a time (at most 1,000 companies); this follows `next` to the end.
 */
export async function readPublicGroup(group: string) {
  const directory = (after?: string) =>
    fetchJson(() =>
      api.v1.statements[":group"].$get({
        param: { group },
        query: after ? { limit: "1000", after } : { limit: "1000" },
      }),
    );
  const first = await directory();
  const companies = [...first.companies];
  for (let after = first.next; after !== null;) {
    const page = await directory(after);
    companies.push(...page.companies);
    after = page.next;
  }
  return { group: first.group, companies };
}

export const getPublicGroup = query(readPublicGroup, "public-group");
