// What the public pages read: the groups that publish here, and one group's directory.
import { query } from "@solidjs/router";
import { api, fetchJson } from "../api.ts";

export const getGroups = query(() => fetchJson(() => api.v1.statements.$get()), "public-groups");

/** A group's public directory: its languages, and which companies have a version in force. */
export const getPublicGroup = query(
  (group: string) => fetchJson(() => api.v1.statements[":group"].$get({ param: { group } })),
  "public-group",
);
