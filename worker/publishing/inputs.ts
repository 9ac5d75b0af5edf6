// What every publication needs from the group, loaded once per request: the latest baseline and
// the processor register. A group without a published baseline cannot publish anything else.
import { findLatestBaselineVersion, type BaselineVersionRecord } from "../db/baselines.ts";
import type { GroupRecord } from "../db/groups.ts";
import { listProcessors, type ProcessorRecord } from "../db/processors.ts";
import { AppError } from "../errors.ts";

/** Who publishes or asks: a signed-in person, or null for the system (the demo seed). */
export interface Actor {
  id: number;
  email: string;
}

export interface PublishingInputs {
  group: GroupRecord;
  baseline: BaselineVersionRecord;
  register: ProcessorRecord[];
}

/**
 * The one answer when something needs the group's baseline and there is none yet: 409, because
 * the request is fine but the group is not ready for it (publish a baseline first).
 */
export function baselineNotPublished(group: GroupRecord): AppError {
  return new AppError(409, "baseline_not_found", `${group.group.name} has not published a baseline yet.`);
}

export async function requireBaseline(db: D1Database, group: GroupRecord): Promise<BaselineVersionRecord> {
  const baseline = await findLatestBaselineVersion(db, group.id);
  if (!baseline) throw baselineNotPublished(group);
  return baseline;
}

export async function loadPublishingInputs(db: D1Database, group: GroupRecord): Promise<PublishingInputs> {
  const [baseline, register] = await Promise.all([
    findLatestBaselineVersion(db, group.id),
    listProcessors(db, group.id),
  ]);
  if (!baseline) throw baselineNotPublished(group);
  return { group, baseline, register };
}
