// Republishing after a baseline (or processor register) change: each outdated company without
// conflicts gets a new version on the latest baseline, with the content it last published (never
// its unpublished draft: nothing goes public behind an editor's back).
import { assessContent, gatePublish } from "../completeness.ts";
import type { BaselineVersionRecord } from "../db/baselines.ts";
import type { GroupRecord, TenantRecord } from "../db/groups.ts";
import type { VersionSummary } from "../db/statements.ts";
import { AppError } from "../errors.ts";
import {
  assessTenant,
  readLatestVersions,
  readRolloutInputs,
  type Assessment,
  type RolloutInputs,
  type RolloutStatus,
} from "../rollout.ts";
import {
  prepareCompanyVersion,
  publishCompanyVersion,
  writePreparedVersions,
  type CompanyPublication,
  type CompanyPublishOptions,
} from "./company.ts";
import type { Actor } from "./inputs.ts";

export interface RepublishResult {
  tenant: string;
  name: string;
  status: "published" | "failed" | "skipped";
  version?: VersionSummary;
  reason?: string;
}

export interface RepublishOptions {
  changeNote?: string | undefined;
  /** The privacy lead's written reason to republish over the gate, kept on each version it was needed for. */
  completenessOverride?: string | undefined;
  material: boolean;
  /** Called after each company's publish is written (webhooks, for instance). */
  onPublished?: (tenant: TenantRecord, version: VersionSummary) => Promise<void>;
}

/** Why an outdated company is left alone, or null when it can be republished. */
export function findSkipReason(status: RolloutStatus): string | null {
  if (!status.outdated || !status.version) return "not outdated";
  if (status.conflicts.length > 0) return `conflicts in ${status.conflicts.map((c) => c.section).join(", ")}`;
  return null;
}

export type Ready = Assessment & { pending: NonNullable<Assessment["pending"]> };

/**
 * What the publish gate would say of republishing this company, before anyone starts a run: the
 * reason a run would leave it alone with, or null when it would pass (or there is nothing to
 * republish, or a conflict stops it first). The same gate a run applies (buildRepublication).
 */
export function findGateStop(
  group: GroupRecord,
  latest: BaselineVersionRecord,
  assessment: Assessment,
): string | null {
  const { status, pending } = assessment;
  if (!pending || findSkipReason(status) !== null) return null;
  try {
    buildRepublication(group, latest, { status, pending }, null, { material: true });
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}

export function buildRepublication(
  group: GroupRecord,
  latest: BaselineVersionRecord,
  { status, pending }: Ready,
  actor: Actor | null,
  options: RepublishOptions,
  now: string = new Date().toISOString(),
): { publication: CompanyPublication; options: CompanyPublishOptions } {
  // The same gate as the company's own publish, on the new baseline: a baseline (or register)
  // change that brings a legal error or a missing AVG item into a statement does not go out
  // unchecked; the privacy lead publishes over it only with a written reason.
  const override = gatePublish(
    assessContent(group, status.tenant, latest.baseline, pending.content, pending.resolved),
    { isAdmin: true },
    options.completenessOverride,
  );
  return {
    publication: {
      tenant: status.tenant,
      content: pending.content,
      changeNote:
        options.changeNote ??
        (status.reasons.includes("baseline")
          ? `Basisverklaring versie ${latest.number} van ${group.group.name} overgenomen.`
          : status.reasons.includes("processor")
            ? "Gegevens uit het verwerkersregister bijgewerkt."
            : `Naam en bedrijven van ${group.group.name} bijgewerkt.`),
      material: options.material,
      completenessOverride: override?.reason,
      overridden: override && { completeness: override.completeness, lint: override.lint },
    },
    options: {
      now,
      actor,
      action: "statement.republished",
      resolved: pending.resolved,
      publishedSoFar: pending.publishedSoFar,
    },
  };
}

/** Republishes one outdated company; null when the group has no baseline or no such company. */
export async function republishTenant(
  db: D1Database,
  group: GroupRecord,
  tenantSlug: string,
  actor: Actor,
  options: RepublishOptions,
): Promise<RepublishResult | null> {
  const inputs = await readRolloutInputs(db, group);
  const [row] = inputs
    ? await readLatestVersions(db, group, { withPublishedJson: false, onlyTenant: tenantSlug })
    : [];
  if (!inputs || !row) return null;
  return republishOne(db, group, inputs, await assessTenant(db, group, inputs, row), actor, options);
}

async function republishOne(
  db: D1Database,
  group: GroupRecord,
  inputs: RolloutInputs,
  assessment: Assessment,
  actor: Actor,
  options: RepublishOptions,
): Promise<RepublishResult> {
  const { status, pending } = assessment;
  const base = { tenant: status.tenant.slug, name: status.tenant.name };
  const skip = findSkipReason(status);
  if (skip !== null || !pending) return { ...base, status: "skipped", reason: skip ?? "not outdated" };
  try {
    const republication = buildRepublication(group, inputs.latest, { status, pending }, actor, options);
    const version = await publishCompanyVersion(
      db,
      { group, baseline: inputs.latest },
      republication.publication,
      republication.options,
    );
    await options.onPublished?.(status.tenant, version);
    return { ...base, status: "published", version };
  } catch (error) {
    if (error instanceof AppError) return { ...base, status: "failed", reason: error.message };
    throw error;
  }
}

/**
 * How many companies share a transaction when republishing the whole group: far fewer round trips
 * than one each, and small enough that the statements of one chunk fit in memory at once.
 */
const REPUBLISH_CHUNK = 25;

/**
 * Republishes every outdated company without conflicts, in the group's order. A chunk that fails
 * as a whole (one company refused, or a concurrent publish) is redone company by company, so one
 * failure never holds back the others.
 */
export async function republishOutdated(
  db: D1Database,
  group: GroupRecord,
  actor: Actor,
  options: RepublishOptions,
): Promise<RepublishResult[]> {
  const inputs = await readRolloutInputs(db, group);
  if (!inputs) return [];
  const rows = await readLatestVersions(db, group, { withPublishedJson: false });
  const results: RepublishResult[] = [];
  for (let start = 0; start < rows.length; start += REPUBLISH_CHUNK) {
    const chunk = rows.slice(start, start + REPUBLISH_CHUNK);
    const assessed: Assessment[] = [];
    for (const row of chunk) assessed.push(await assessTenant(db, group, inputs, row));
    const outdated = assessed.filter((a) => a.status.outdated);
    const ready = outdated.filter((a): a is Ready => findSkipReason(a.status) === null && a.pending !== null);
    const published = await publishTogether(db, group, inputs, ready, actor, options);
    for (const assessment of outdated) {
      const base = { tenant: assessment.status.tenant.slug, name: assessment.status.tenant.name };
      const version = published?.get(assessment.status.tenant.slug);
      if (version) {
        await options.onPublished?.(assessment.status.tenant, version);
        results.push({ ...base, status: "published", version });
      } else {
        results.push(await republishOne(db, group, inputs, assessment, actor, options));
      }
    }
  }
  return results;
}

/** Publishes the assessed companies in one transaction; null when it failed (nothing was written). */
async function publishTogether(
  db: D1Database,
  group: GroupRecord,
  inputs: RolloutInputs,
  ready: Ready[],
  actor: Actor,
  options: RepublishOptions,
): Promise<Map<string, VersionSummary> | null> {
  if (ready.length === 0) return new Map();
  try {
    const prepared = await Promise.all(
      ready.map((assessment) => {
        const republication = buildRepublication(group, inputs.latest, assessment, actor, options);
        return prepareCompanyVersion(
          db,
          { group, baseline: inputs.latest },
          republication.publication,
          republication.options,
        );
      }),
    );
    await writePreparedVersions(db, prepared);
    return new Map(prepared.map((p, i) => [ready[i]!.status.tenant.slug, p.version]));
  } catch {
    return null;
  }
}
