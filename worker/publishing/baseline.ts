// The group's baseline: the privacy lead's draft becomes an immutable, numbered version. Every
// company resting on an older baseline is then outdated until republished (rollout).
import type { Baseline } from "#shared/model.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { runWithAudit } from "../db/audit.ts";
import {
  countCompaniesOnBaseline,
  findLatestBaselineVersion,
  prepareInsertBaselineVersion,
  type BaselineVersionRecord,
} from "../db/baselines.ts";
import { findBaselineDraft } from "../db/drafts.ts";
import { isUniqueViolation } from "../db/errors.ts";
import type { GroupRecord } from "../db/groups.ts";
import type { PublishOverride } from "../db/json-column.ts";
import { AppError } from "../errors.ts";
import { listRolloutStatus } from "../rollout.ts";
import type { Alongside } from "./company.ts";
import type { Actor } from "./inputs.ts";

/** What a baseline publish publishes: the draft as it was when publishing was asked for. */
export interface BaselinePublication {
  baseline: Baseline;
  changeNote: string;
  draftRevision: number;
  /** The privacy lead's reason to publish over the baseline's lint errors, and what it overrode. */
  override?: PublishOverride | null | undefined;
}

export interface BaselineVersionView {
  number: number;
  publishedAt: string;
  changeNote: string;
}

/**
 * Up to this many active companies, a baseline publish answers exactly which companies it made
 * outdated; that compares every company's statement with the new baseline inside the request
 * (about 0.5 ms and its whole content each). A larger group gets a count instead, and the rollout
 * page and its runs (POST …/rollout/runs) compare a page or a chunk at a time.
 */
export const OUTDATED_LIST_LIMIT = 200;

/**
 * A published baseline version; for a group of up to OUTDATED_LIST_LIMIT active companies the
 * companies it made outdated (clean: no conflicts), else null; and how many rest on an older one.
 */
export interface PublishedBaseline {
  version: BaselineVersionView;
  outdated: { tenant: string; clean: boolean }[] | null;
  /** Active companies whose latest version rests on an older baseline (outdated or not). */
  companiesOnOlderBaseline: number;
}

const sameBaseline = (a: Baseline, b: Baseline): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The group's baseline draft as a publication, and the baseline it would follow (null before the
 * first); refuses a draft identical to the published baseline.
 */
export async function readBaselinePublication(
  db: D1Database,
  group: GroupRecord,
  changeNote: string,
): Promise<{ publication: BaselinePublication; latest: BaselineVersionRecord | null }> {
  const [draft, latest] = await Promise.all([
    findBaselineDraft(db, group.id),
    findLatestBaselineVersion(db, group.id),
  ]);
  if (!draft) throw new AppError(404, "draft_not_found", `${group.group.name} has no baseline draft.`);
  if (latest && sameBaseline(latest.baseline, draft.baseline)) {
    throw new AppError(409, "nothing_changed", "The baseline draft is identical to the published baseline.");
  }
  return { publication: { baseline: draft.baseline, changeNote, draftRevision: draft.revision }, latest };
}

/**
 * Publishes the baseline as the next version, with what `alongside` builds from that version
 * number, in one transaction. A publish or approval of the same number at the same moment gets 409.
 */
export async function publishBaselineVersion(
  db: D1Database,
  group: GroupRecord,
  publication: BaselinePublication,
  options: {
    now: string;
    actor: Actor | null;
    alongside?: (number: number) => Alongside;
    /** The latest version as the caller just read it; read here when not given. */
    latest?: BaselineVersionRecord | null;
  },
): Promise<PublishedBaseline> {
  // Stale or not, a second version with the same number is refused by its unique index (409).
  const latest =
    options.latest !== undefined ? options.latest : await findLatestBaselineVersion(db, group.id);
  if (latest && sameBaseline(latest.baseline, publication.baseline)) {
    throw new AppError(409, "nothing_changed", "This baseline is identical to the published baseline.");
  }
  const number = (latest?.number ?? 0) + 1;
  const { now, actor } = options;
  const alongside = options.alongside?.(number) ?? { statements: [], audit: [] };
  try {
    await runWithAudit(
      db,
      [
        prepareInsertBaselineVersion(db, {
          groupId: group.id,
          number,
          baseline: publication.baseline,
          changeNote: publication.changeNote,
          publishedAt: now,
          publishedBy: actor?.id ?? null,
        }),
        ...alongside.statements,
      ],
      [
        buildAuditEntry({
          groupId: group.id,
          actor,
          action: "baseline.published",
          target: "baseline",
          summary: {
            version: number,
            changeNote: publication.changeNote,
            draftRevision: publication.draftRevision,
            ...(publication.override
              ? {
                  completenessOverride: publication.override.reason,
                  overridden: {
                    completeness: publication.override.completeness,
                    lint: publication.override.lint,
                  },
                }
              : {}),
          },
          at: now,
        }),
        ...alongside.audit,
      ],
    );
  } catch (error) {
    if (isUniqueViolation(error, "baseline_versions_number")) {
      throw new AppError(
        409,
        "publish_conflict",
        `Baseline version ${number} was published at the same moment.`,
      );
    }
    throw error;
  }
  // Which companies this makes outdated (their statement would change), and how: exact for a
  // group small enough to compare in this request, a count of one query above that.
  const companies = await countCompaniesOnBaseline(db, group.id, number);
  const outdated =
    companies.active <= OUTDATED_LIST_LIMIT
      ? (await listRolloutStatus(db, group, undefined, { withDiff: false }))
          .filter((r) => r.outdated)
          .map((r) => ({ tenant: r.tenant.slug, clean: r.conflicts.length === 0 }))
      : null;
  return {
    version: { number, publishedAt: now, changeNote: publication.changeNote },
    outdated,
    companiesOnOlderBaseline: companies.onOlderBaseline,
  };
}
