// One way to describe a change for the audit log. Every state change writes one of these in the
// same batch as the change itself (runWithAudit in db/audit.ts).
import type { AuditEntry, AuditLogName } from "./db/audit.ts";

/** Who did it: a signed-in person, or null for the system (the demo seed, for instance). */
export interface AuditActor {
  id: number;
  email: string;
}

export interface AuditFacts {
  /** The group whose chain the row joins; null for events outside any group. */
  groupId: number | null;
  /** The company concerned, if any: its editors may read the row. */
  tenantId?: number | null;
  actor: AuditActor | null;
  /** What happened, as `thing.verb`, e.g. statement.published. */
  action: string;
  /** What it happened to: a company slug, an e-mail address, "baseline", … */
  target: string;
  /** What changed, in a few fields; never a secret. */
  summary: Record<string, unknown>;
  at: string;
  /** Which of the group's logs (hash chains): its changes (the default) or its sign-ins. */
  log?: AuditLogName;
}

export function buildAuditEntry(facts: AuditFacts): AuditEntry {
  return {
    groupId: facts.groupId,
    tenantId: facts.tenantId ?? null,
    actorUserId: facts.actor?.id ?? null,
    actor: facts.actor?.email ?? "system",
    action: facts.action,
    target: facts.target,
    summary: facts.summary,
    at: facts.at,
    ...(facts.log ? { log: facts.log } : {}),
  };
}
