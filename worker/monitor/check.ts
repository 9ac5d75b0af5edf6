// One check of one watched page: read it within the fetch limits, decide what it shows, and record
// the finding in the page's history — with a `site.outdated` notification when the page still
// shows an older version more than 24 hours after the version in force took effect.
import type { Language } from "#shared/model.ts";
import { OUTDATED_NOTICE_MS } from "#shared/site-schemas.ts";
import {
  findPageToCheck,
  recordSiteCheck,
  type OutdatedNotice,
  type PageToCheck,
  type SiteFinding,
} from "../db/site-checks.ts";
import { listVersions, type VersionSummary } from "../db/statements.ts";
import { findVersionSections, listRecentTexts, type VersionText } from "../db/version-texts.ts";
import type { Bindings } from "../env.ts";
import { outboundPolicyOf } from "../net/outbound-url.ts";
import { classifyPage, describeUnreachable, findInForce, type TextSource } from "./classify.ts";
import { fetchPage } from "./fetch-page.ts";
import { queueSiteNotices } from "./notices.ts";

/** How many of a company's latest versions a copy without a marker is compared with. */
const VERSIONS_COMPARED = 30;

export interface CheckOptions {
  /** The time limit of one page (fetch-page.ts PAGE_TIMEOUT_MS by default). */
  timeoutMs?: number;
  now?: () => Date;
  /** Skip a page checked after this moment: a queued check that another check overtook. */
  after?: string;
}

export type CheckEnv = Pick<Bindings, "DB" | "WEBHOOKS" | "PUBLIC_ORIGIN" | "ALLOW_LOCAL_TARGETS">;

/**
 * What the checks of one batch share: a company's versions and texts are read once, however many
 * of its pages are checked together.
 */
export class CompanyMemory {
  #versions = new Map<number, Promise<VersionSummary[]>>();
  #texts = new Map<string, Promise<VersionText | null | VersionText[]>>();

  versions(db: D1Database, tenantId: number): Promise<VersionSummary[]> {
    let found = this.#versions.get(tenantId);
    if (!found) this.#versions.set(tenantId, (found = listVersions(db, tenantId)));
    return found;
  }

  texts(db: D1Database, target: PageToCheck): TextSource {
    const remember = <T extends VersionText | null | VersionText[]>(key: string, load: () => Promise<T>) => {
      let found = this.#texts.get(key);
      if (!found) this.#texts.set(key, (found = load()));
      return found as Promise<T>;
    };
    const { tenant, group } = target;
    return {
      version: (number: number, language: Language) =>
        remember(`${tenant.id}/${number}/${language}`, () =>
          findVersionSections(db, tenant.id, number, language),
        ),
      recent: (language: Language) =>
        remember(`${tenant.id}/recent/${language}`, () =>
          listRecentTexts(db, { group: group.slug, tenant: tenant.slug, language, limit: VERSIONS_COMPARED }),
        ),
    };
  }
}

/** The monitor's User-Agent: who is asking, and where to read why. */
export const userAgentOf = (origin: string | undefined): string =>
  `Verklaring-SiteMonitor/1 (+${(origin ?? "").replace(/\/+$/, "")}/docs; checks that this page shows the privacy statement in force)`;

/** The notice a finding raises: outdated for longer than a day after the version in force took effect. */
export function noticeOf(finding: SiteFinding, checkedAt: Date): OutdatedNotice | null {
  if (finding.state !== "outdated" || !finding.outdatedSince) return null;
  if (finding.shownVersion === null || finding.versionInForce === null) return null;
  if (checkedAt.getTime() - Date.parse(finding.outdatedSince) <= OUTDATED_NOTICE_MS) return null;
  return {
    versionInForce: finding.versionInForce,
    shownVersion: finding.shownVersion,
    outdatedSince: finding.outdatedSince,
  };
}

export interface CheckResult {
  finding: SiteFinding;
  checkedAt: string;
  durationMs: number;
}

/** Checks a watched page and records what it found; null when it is no longer watched or was checked since `after`. */
export async function checkWatchedPage(
  env: CheckEnv,
  pageId: number,
  options: CheckOptions = {},
  memory: CompanyMemory = new CompanyMemory(),
): Promise<CheckResult | null> {
  const target = await findPageToCheck(env.DB, pageId);
  if (!target) return null;
  if (options.after && target.lastCheckedAt && target.lastCheckedAt > options.after) return null;
  const origin = env.PUBLIC_ORIGIN ?? "";
  const started = Date.now();
  const [versions, read] = await Promise.all([
    memory.versions(env.DB, target.tenant.id),
    fetchPage(target.page.url, {
      policy: outboundPolicyOf(env),
      userAgent: userAgentOf(origin),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    }),
  ]);
  const now = options.now?.() ?? new Date();
  const finding =
    read.kind === "failed"
      ? describeUnreachable(read, findInForce(versions, now.getTime()))
      : await classifyPage(
          read,
          {
            origin,
            group: target.group.slug,
            tenant: target.tenant.slug,
            language: target.page.language,
            display: target.page.display,
          },
          versions,
          memory.texts(env.DB, target),
          now,
        );
  const durationMs = Math.max(0, Date.now() - started);
  const notice = noticeOf(finding, now);
  const checkedAt = now.toISOString();
  await recordSiteCheck(env.DB, pageId, finding, checkedAt, durationMs, notice);
  if (notice) await queueSiteNotices(env, { pageId, now });
  return { finding, checkedAt, durationMs };
}
