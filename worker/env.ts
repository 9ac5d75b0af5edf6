import type { SessionUser, SessionValidationResult } from "./auth/session.ts";
import type { Membership, Role } from "./db/accounts.ts";
import type { GroupRecord, TenantWithStatus } from "./db/groups.ts";
import type { SiteCheckMessage } from "./monitor/message.ts";
import type { RolloutMessage } from "./publishing/rollout-message.ts";
import type { WebhookMessage } from "./webhooks/message.ts";

/** Worker secrets and local settings: never in wrangler.toml, so `wrangler types` cannot know them. */
interface Secrets {
  /** Keys the audit chains' HMACs and signs their checkpoints (worker/audit/). At least 32 characters. */
  AUDIT_KEY?: string;
  /** Signs the known-device cookie that exempts a user from strangers' throttling (worker/auth/). */
  DEVICE_COOKIE_KEY?: string;
  /**
   * Local development only: "true" lets webhooks and the site monitor reach http://localhost
   * (worker/net/outbound-url.ts).
   */
  ALLOW_LOCAL_TARGETS?: string;
}

/**
 * The Worker's bindings as `wrangler types` generates them from wrangler.toml
 * (worker/worker-configuration.d.ts; `npm run types` after changing wrangler.toml), with what the
 * configuration cannot say: what the queues carry, and the secrets.
 */
export type Bindings = Omit<Env, "WEBHOOKS" | "ROLLOUT" | "SITE_CHECKS" | keyof Secrets> &
  Secrets & {
    /** Publish webhooks waiting to be delivered (worker/webhooks/consumer.ts). */
    WEBHOOKS: Queue<WebhookMessage>;
    /** Rollout runs to continue (worker/publishing/rollout-run.ts). */
    ROLLOUT: Queue<RolloutMessage>;
    /** Watched pages waiting to be checked (worker/monitor/queue.ts). */
    SITE_CHECKS: Queue<SiteCheckMessage>;
  };

/** What the caller may do in the group named in the URL. */
export interface GroupAccess {
  group: GroupRecord;
  user: SessionUser;
  isAdmin: boolean;
  memberships: Membership[];
}

/** What the caller may do with the company named in the URL. */
export interface TenantAccess {
  tenant: TenantWithStatus;
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
  /** Set once a public answer sent a query to D1 (through `reader`). */
  readD1: boolean | undefined;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
