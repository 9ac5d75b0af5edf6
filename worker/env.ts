import type { SessionUser, SessionValidationResult } from "./auth/session.ts";
import type { Membership, Role } from "./db/accounts.ts";
import type { GroupRecord, TenantRecord } from "./db/groups.ts";
import type { WebhookMessage } from "./webhooks/message.ts";

export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
  /** Publish webhooks waiting to be delivered (worker/webhooks/consumer.ts). */
  WEBHOOKS: Queue<WebhookMessage>;
  /** Signed checkpoints of the audit chains, where a database writer cannot reach (worker/audit/). */
  AUDIT_CHECKPOINTS: R2Bucket;
  /** Secret: keys the audit chains' HMACs and signs their checkpoints. At least 32 characters. */
  AUDIT_KEY?: string;
  /** Secret: signs the known-device cookie that exempts a user from strangers' throttling. */
  DEVICE_COOKIE_KEY?: string;
  /** Local development only: "true" lets webhooks reach http://localhost (worker/net/outbound-url.ts). */
  ALLOW_LOCAL_TARGETS?: string;
  /** This deployment's public address, for notifications the cron queues (worker/webhooks/outbox.ts). */
  PUBLIC_ORIGIN?: string;
}

/** What the caller may do in the group named in the URL. */
export interface GroupAccess {
  group: GroupRecord;
  user: SessionUser;
  isAdmin: boolean;
  memberships: Membership[];
}

/** What the caller may do with the company named in the URL. */
export interface TenantAccess {
  tenant: TenantRecord;
  role: Role;
}

export interface Variables {
  /** Public reads: a D1 session that may be served by a nearby read replica. */
  reader: D1DatabaseSession;
  auth: SessionValidationResult;
  access: GroupAccess;
  tenantAccess: TenantAccess;
  /** Set by public handlers whose answer may be remembered in memory until then (ms). */
  rememberUntil: number | undefined;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
