// Sign-in events in the audit log: in the sign-in log of every group the account belongs to, where
// its privacy lead can see them, or in the group-less sign-in log for an address without an
// account. Never in a group's log of changes: strangers' attempts must not touch that chain
// (issue 13, item 4). Changes to an account's own sign-in (its password, sessions and second steps)
// are sign-in events too: its privacy leads see them beside its sign-ins.
import type { Context } from "hono";
import { listUserMemberships } from "../db/accounts.ts";
import { appendAudit, type AuditEntry } from "../db/audit.ts";
import type { AppEnv } from "../env.ts";

/** The client's network address as Cloudflare saw it ("unknown" outside Cloudflare). */
export const clientAddress = (c: Context<AppEnv>): string => c.req.header("CF-Connecting-IP") ?? "unknown";

export interface SignInEvent {
  userId: number | null;
  /** The address the event is about, as typed or as the account's. */
  email: string;
  action: string;
  summary?: Record<string, unknown>;
  at: string;
  /** Groups to log in besides the account's own (an invitation's group). */
  alsoGroup?: number | null;
}

/** The audit rows of one event, to write in the same batch as the change they describe. */
export async function buildSignInEntries(db: D1Database, event: SignInEvent): Promise<AuditEntry[]> {
  const groups = new Set(
    event.userId ? (await listUserMemberships(db, event.userId)).map((m) => m.groupId) : [],
  );
  if (event.alsoGroup) groups.add(event.alsoGroup);
  // Written out rather than built: the actor may be a stranger with no account, named by what was typed.
  const entry = (groupId: number | null): AuditEntry => ({
    groupId,
    tenantId: null,
    actorUserId: event.userId,
    actor: event.email,
    action: event.action,
    target: event.email,
    summary: event.summary ?? {},
    at: event.at,
    log: "sign-ins",
  });
  return groups.size > 0 ? [...groups].map(entry) : [entry(null)];
}

export async function auditSignInEvent(db: D1Database, event: SignInEvent): Promise<void> {
  await appendAudit(db, await buildSignInEntries(db, event));
}
