// How the site monitor's findings are shown: to the API (worker/routes/sites.ts) and in the group
// report (worker/routes/completeness.ts).
import type { Language } from "#shared/model.ts";
import { OUTDATED_NOTICE_MS, SITE_STATES, type SiteState } from "#shared/site-schemas.ts";
import {
  listGroupPages,
  type SiteCheckRecord,
  type WatchedPage,
  type WatchedPageWithStatus,
} from "../db/site-checks.ts";
import type { D1Reader } from "../db/reader.ts";

/** A finding, with whether it calls for a notice: outdated for more than a day when it was made. */
export const viewFinding = (check: SiteCheckRecord) => ({
  id: check.id,
  state: check.state,
  shownVersion: check.shownVersion,
  versionInForce: check.versionInForce,
  outdatedSince: check.outdatedSince,
  overdue:
    check.state === "outdated" &&
    check.outdatedSince !== null &&
    Date.parse(check.lastCheckedAt) - Date.parse(check.outdatedSince) > OUTDATED_NOTICE_MS,
  evidence: check.evidence,
  similarity: check.similarity,
  httpStatus: check.httpStatus,
  problem: check.problem,
  finalUrl: check.finalUrl,
  difference: check.difference,
  firstCheckedAt: check.firstCheckedAt,
  lastCheckedAt: check.lastCheckedAt,
  checks: check.checks,
  durationMs: check.durationMs,
});

export const viewPage = (page: WatchedPage, latest: SiteCheckRecord | null) => ({
  id: page.id,
  url: page.url,
  language: page.language,
  display: page.display,
  createdAt: page.createdAt,
  status: latest ? viewFinding(latest) : null,
});

export type PageView = ReturnType<typeof viewPage>;

/** "6 of 8 sites current": how many pages are in each state, and how many were never checked. */
export function countPages(pages: readonly PageView[]) {
  const counts = Object.fromEntries(SITE_STATES.map((s) => [s, 0])) as Record<SiteState, number>;
  let unchecked = 0;
  let overdue = 0;
  let lastCheckedAt: string | null = null;
  for (const page of pages) {
    if (!page.status) {
      unchecked++;
      continue;
    }
    counts[page.status.state]++;
    if (page.status.overdue) overdue++;
    if (!lastCheckedAt || page.status.lastCheckedAt > lastCheckedAt)
      lastCheckedAt = page.status.lastCheckedAt;
  }
  return { watched: pages.length, ...counts, unchecked, overdue, lastCheckedAt };
}

export const withStatus = (page: WatchedPageWithStatus): PageView => viewPage(page, page.latest);

/** Per company of the group (by tenant id, of those asked for): its watched pages and their counts. */
export async function summariseGroupSites(
  db: D1Reader,
  groupId: number,
  tenantIds: readonly number[],
): Promise<Map<number, { pages: PageView[]; counts: ReturnType<typeof countPages> }>> {
  const byTenant = new Map<number, PageView[]>();
  for (const page of await listGroupPages(db, groupId, tenantIds)) {
    byTenant.set(page.tenantId, [...(byTenant.get(page.tenantId) ?? []), withStatus(page)]);
  }
  return new Map([...byTenant].map(([tenantId, pages]) => [tenantId, { pages, counts: countPages(pages) }]));
}

/** A company's websites in the group report: the counts and the pages that are not current. */
export type ReportSites = ReturnType<typeof countPages> & {
  attention: {
    url: string;
    state: SiteState | null;
    shownVersion: number | null;
    /** For an outdated page: the version it should show, and since when. */
    versionInForce: number | null;
    outdatedSince: string | null;
  }[];
};

/** The group report's view of every company's websites, by tenant id (null: it watches none). */
export async function reportGroupSites(
  db: D1Reader,
  groupId: number,
  tenantIds: readonly number[],
): Promise<(tenantId: number) => ReportSites | null> {
  const sites = await summariseGroupSites(db, groupId, tenantIds);
  return (tenantId) => {
    const summary = sites.get(tenantId);
    if (!summary) return null;
    const attention = summary.pages
      .filter((p) => p.status?.state !== "current")
      .map((p) => ({
        url: p.url,
        state: p.status?.state ?? null,
        shownVersion: p.status?.shownVersion ?? null,
        versionInForce: p.status?.state === "outdated" ? p.status.versionInForce : null,
        outdatedSince: p.status?.state === "outdated" ? p.status.outdatedSince : null,
      }));
    return { ...summary.counts, attention };
  };
}

/** The report's CSV columns for the websites, in the CSV's language (see worker/routes/completeness.ts). */
export const siteReportColumns = (lang: Language): string[] =>
  lang === "nl"
    ? ["Websites: bewaakt", "Websites: actueel", "Websites: niet actueel", "Websites: laatste controle"]
    : ["Websites: watched", "Websites: current", "Websites: not current", "Websites: last check"];

const STATE_WORDS: Readonly<Record<Language, Record<SiteState | "unchecked", string>>> = {
  nl: {
    current: "actueel",
    outdated: "verouderd",
    modified: "gewijzigd",
    missing: "ontbreekt",
    unreachable: "onbereikbaar",
    unchecked: "nog niet gecontroleerd",
  },
  en: {
    current: "current",
    outdated: "outdated",
    modified: "modified",
    missing: "missing",
    unreachable: "unreachable",
    unchecked: "not checked yet",
  },
};

/** A company's cells under those columns: each page that is not current as "url (state, version n)". */
export const siteReportCells = (sites: ReportSites | null, lang: Language): (string | number)[] => [
  sites?.watched ?? 0,
  sites?.current ?? "",
  (sites?.attention ?? [])
    .map((p) => {
      const state = STATE_WORDS[lang][p.state ?? "unchecked"];
      const shown =
        p.shownVersion === null ? "" : `, ${lang === "nl" ? "versie" : "version"} ${p.shownVersion}`;
      return `${p.url} (${state}${shown})`;
    })
    .join(" | "),
  sites?.lastCheckedAt ?? "",
];
