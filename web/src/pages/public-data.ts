// What the public pages read: the groups that publish here, and one group's directory.
import { query } from "@solidjs/router";
import { api, fetchJson, pageQuery } from "../api.ts";

export const getGroups = query(() => fetchJson(() => api.v1.statements.$get()), "public-groups");

/** How many companies the public page of a group lists at a time (a group may have thousands). */
export const PUBLIC_PAGE = 100;

/**
 * One page of a group's public directory: its languages, and PUBLIC_PAGE companies after `after`
 * (none: the first page) with the version each has in force.
 */
export const getPublicGroupPage = query(
  (group: string, after: string | undefined) =>
    fetchJson(() =>
      api.v1.statements[":group"].$get({
        param: { group },
        query: pageQuery(PUBLIC_PAGE, after),
      }),
    ),
  "public-group-page",
);
