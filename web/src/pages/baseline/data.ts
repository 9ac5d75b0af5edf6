// What the privacy lead's baseline pages read (router queries, preloaded by the routes) and change
// (router actions): the baseline draft and its published versions, the processor register.
import { action, json, query } from "@solidjs/router";
import type { Baseline, Recipient } from "#shared/model.ts";
import { api, fetchAllPages, fetchJson, send, toApiError } from "../../api.ts";
import { etagRevision } from "../company/data.ts";

export interface BaselineDraft {
  revision: number;
  baseline: Baseline;
  updatedAt: string;
}

export const getBaselineDraft = query(async (group: string): Promise<BaselineDraft> => {
  const response = await send(() => api.api.groups[":group"].baseline.draft.$get({ param: { group } }));
  if (!response.ok) throw await toApiError(response);
  const draft = await response.json();
  // The ETag is the revision; the body says the same, the header is what the protocol promises.
  return { ...draft, revision: etagRevision(response, draft.revision) };
}, "baseline-draft");

/** The published versions, newest first, and the latest one's text (null before the first publish). */
export const getBaselineHistory = query(async (group: string) => {
  const [latest, versions] = await Promise.all([
    send(() => api.api.groups[":group"].baseline.$get({ param: { group } })),
    fetchAllPages((query) =>
      fetchJson(() => api.api.groups[":group"].baseline.versions.$get({ param: { group }, query })),
    ),
  ]);
  if (!latest.ok && (latest.status as number) !== 404) throw await toApiError(latest);
  return {
    latest: latest.ok ? await latest.json() : null,
    versions: versions.flatMap((page) => page.versions),
  };
}, "baseline-history");

export type SaveOutcome =
  { kind: "saved"; draft: BaselineDraft } | { kind: "conflict"; current: BaselineDraft };

/**
 * PUT …/baseline/draft with If-Match: the saved draft, or — when someone saved first — theirs, to
 * choose from. Only the draft is fetched again: the editor keeps its own state.
 */
export const saveBaselineDraft = action(async (group: string, baseline: Baseline, revision: number) => {
  const response = await send(() =>
    api.api.groups[":group"].baseline.draft.$put(
      { param: { group }, json: { baseline } },
      { headers: { "If-Match": `"${revision}"` } },
    ),
  );
  const revalidate = [getBaselineDraft.key, getBaselineHistory.key];
  if (response.ok) {
    const outcome: SaveOutcome = { kind: "saved", draft: await response.json() };
    return json(outcome, { revalidate });
  }
  if ((response.status as number) === 409) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { error?: { code?: string }; current?: BaselineDraft } | null;
    if (body?.error?.code === "stale_revision" && body.current) {
      const outcome: SaveOutcome = { kind: "conflict", current: body.current };
      return json(outcome, { revalidate });
    }
  }
  throw await toApiError(response);
}, "baseline-save-draft");

/** Publishes the saved draft; the answer says which companies are now outdated. */
export const publishBaseline = action(
  (group: string, changeNote: string) =>
    fetchJson(() =>
      api.api.groups[":group"].baseline.publish.$post({ param: { group }, json: { changeNote } }),
    ),
  "baseline-publish",
);
export type PublishedBaselineVersion = Awaited<ReturnType<typeof publishBaseline>>;

/**
 * The recipients the companies list by hand and the register does not have (privacy lead only),
 * most companies first: worked out by the API over every draft, so a group of thousands is not
 * read draft by draft here.
 */
export const getRegisterSuggestions = query(
  (group: string) =>
    fetchJson(() => api.api.groups[":group"].processors.suggestions.$get({ param: { group } })),
  "register-suggestions",
);

/** Adds a processor to the register or changes one; company drafts using it take the change. */
export const saveProcessor = action(
  (group: string, key: string, recipient: Omit<Recipient, "processor">) =>
    fetchJson(() =>
      api.api.groups[":group"].processors[":key"].$put({ param: { group, key }, json: { recipient } }),
    ),
  "baseline-save-processor",
);
