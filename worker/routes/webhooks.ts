// A company's publish webhooks: who gets told when a new version is published, and how that went.
import { Hono } from "hono";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { IdParamSchema } from "#shared/api-schemas.ts";
import { DeliveryQuerySchema, WebhookCreateSchema } from "#shared/webhook-schemas.ts";
import { runWithAudit } from "../db/audit.ts";
import {
  countActiveWebhooks,
  findTenantWebhook,
  listDeliveries,
  listTenantWebhooks,
  prepareDisableWebhook,
  prepareInsertWebhook,
  readInsertedWebhook,
  type DeliveryRecord,
  type WebhookRecord,
} from "../db/webhooks.ts";
import type { AppEnv, GroupAccess, TenantAccess } from "../env.ts";
import type { AuditEntry } from "../db/audit.ts";
import { AppError, validate } from "../errors.ts";
import { requireTenantEditor } from "../http/guards.ts";

/** Each publish fans out to every active webhook; a handful per company is plenty. */
export const MAX_ACTIVE_WEBHOOKS = 10;
const DELIVERIES_PAGE_DEFAULT = 25;

const viewWebhook = (webhook: WebhookRecord) => ({
  id: webhook.id,
  url: webhook.url,
  // Enough to tell two secrets apart, far too little to sign with.
  secretHint: `…${webhook.secret.slice(-4)}`,
  active: webhook.disabledAt === null,
  createdAt: webhook.createdAt,
  disabledAt: webhook.disabledAt,
});

const viewDelivery = (delivery: DeliveryRecord) => ({
  id: delivery.id,
  eventId: delivery.eventId,
  version: delivery.versionNumber,
  attempt: delivery.attempt,
  attemptedAt: delivery.attemptedAt,
  statusCode: delivery.statusCode,
  error: delivery.error,
  durationMs: delivery.durationMs,
  succeeded: delivery.succeeded,
});

function generateWebhookSecret(): string {
  return encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(32)));
}

const webhookNotFound = (tenant: TenantAccess["tenant"]): AppError =>
  new AppError(404, "webhook_not_found", `${tenant.name} has no such webhook.`);

function describeChange(
  access: GroupAccess,
  tenant: TenantAccess["tenant"],
  action: string,
  webhook: Pick<WebhookRecord, "url"> & { id?: number },
  at: string,
): AuditEntry {
  return {
    groupId: tenant.groupId,
    tenantId: tenant.id,
    actorUserId: access.user.id,
    actor: access.user.email,
    action,
    target: webhook.url,
    // Never the secret, not even its hint: the log is shown to every editor of the company.
    summary: webhook.id === undefined ? { url: webhook.url } : { id: webhook.id, url: webhook.url },
    at,
  };
}

/** Mounted under /api/groups/:group/tenants/:tenant/webhooks, behind resolveTenantAccess. */
export const tenantWebhookRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { tenant } = c.get("tenantAccess");
    const webhooks = await listTenantWebhooks(c.env.DB, tenant.id);
    c.header("Cache-Control", "private, no-store");
    return c.json({ webhooks: webhooks.map(viewWebhook) }, 200);
  })
  .post("/", validate("json", WebhookCreateSchema), async (c) => {
    const { tenant } = requireTenantEditor(c);
    const { url } = c.req.valid("json");
    if ((await countActiveWebhooks(c.env.DB, tenant.id)) >= MAX_ACTIVE_WEBHOOKS) {
      throw new AppError(
        409,
        "too_many_webhooks",
        `${tenant.name} already has ${MAX_ACTIVE_WEBHOOKS} active webhooks: disable one first.`,
      );
    }
    const at = new Date().toISOString();
    const secret = generateWebhookSecret();
    let results: D1Result[];
    try {
      results = await runWithAudit(
        c.env.DB,
        [prepareInsertWebhook(c.env.DB, { tenantId: tenant.id, url, secret, createdAt: at })],
        [describeChange(c.get("access"), tenant, "webhook.created", { url }, at)],
      );
    } catch (error) {
      if (String(error).includes("UNIQUE constraint failed: webhooks")) {
        throw new AppError(
          409,
          "duplicate_webhook",
          `${tenant.name} already has a webhook for this address.`,
          [{ field: "url", message: "already has an active webhook" }],
        );
      }
      throw error;
    }
    const webhook = readInsertedWebhook(results[0]!);
    c.header("Cache-Control", "no-store");
    // The only time the secret leaves the worker: the website needs it to verify signatures.
    return c.json({ webhook: viewWebhook(webhook), secret }, 201);
  })
  .delete("/:id", validate("param", IdParamSchema), async (c) => {
    const { tenant } = requireTenantEditor(c);
    const webhook = await findTenantWebhook(c.env.DB, tenant.id, c.req.valid("param").id);
    if (!webhook) throw webhookNotFound(tenant);
    // Disabling twice changes nothing, so it is answered without a second audit entry.
    if (webhook.disabledAt) return c.json({ webhook: viewWebhook(webhook) }, 200);
    const at = new Date().toISOString();
    await runWithAudit(
      c.env.DB,
      [prepareDisableWebhook(c.env.DB, webhook.id, at)],
      [describeChange(c.get("access"), tenant, "webhook.disabled", webhook, at)],
    );
    return c.json({ webhook: viewWebhook({ ...webhook, disabledAt: at }) }, 200);
  })
  .get(
    "/:id/deliveries",
    validate("param", IdParamSchema),
    validate("query", DeliveryQuerySchema),
    async (c) => {
      const { tenant } = c.get("tenantAccess");
      const webhook = await findTenantWebhook(c.env.DB, tenant.id, c.req.valid("param").id);
      if (!webhook) throw webhookNotFound(tenant);
      const query = c.req.valid("query");
      const limit = query.limit ?? DELIVERIES_PAGE_DEFAULT;
      const deliveries = await listDeliveries(c.env.DB, webhook.id, {
        limit,
        ...(query.before ? { beforeId: query.before } : {}),
      });
      c.header("Cache-Control", "private, no-store");
      return c.json(
        {
          deliveries: deliveries.map(viewDelivery),
          // The `before` of the next page, or null on the last one.
          nextBefore: deliveries.length === limit ? (deliveries.at(-1)?.id ?? null) : null,
        },
        200,
      );
    },
  );
