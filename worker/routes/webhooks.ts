// A company's publish webhooks: who gets told when a new version is published, and how that went.
import { Hono } from "hono";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { IdParamSchema } from "#shared/api-schemas.ts";
import { DeliveryQuerySchema, WebhookCreateSchema } from "#shared/webhook-schemas.ts";
import { buildAuditEntry } from "../audit-entry.ts";
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
import { describeRoute } from "../http/describe-route.ts";
import { checkOutboundUrl, outboundPolicyOf } from "../net/outbound-url.ts";

/** Each publish fans out to every active webhook; a handful per company is plenty. */
export const MAX_ACTIVE_WEBHOOKS = 10;
const DELIVERIES_PAGE_DEFAULT = 25;

/**
 * A webhook address as people without the right to manage webhooks see it: scheme and host only.
 * Addresses often carry a credential in their path or query (…/services/T000/B000/SECRET?token=…),
 * so the full one is shown only to the company's editors and the privacy lead (issue 13, item 8).
 */
export function maskWebhookUrl(address: string): string {
  const url = new URL(address);
  const hidden = url.pathname !== "/" || url.search !== "" || url.hash !== "";
  return `${url.protocol}//${url.host}/${hidden ? "…" : ""}`;
}

/** Editors of the company and the privacy lead manage its webhooks; viewers only see that they exist. */
const managesWebhooks = (access: TenantAccess): boolean => access.role !== "tenant_viewer";

const viewWebhook = (webhook: WebhookRecord, full: boolean) => ({
  id: webhook.id,
  url: full ? webhook.url : maskWebhookUrl(webhook.url),
  urlMasked: !full,
  // Enough to tell two secrets apart, far too little to sign with.
  secretHint: `…${webhook.secret.slice(-4)}`,
  active: webhook.disabledAt === null,
  createdAt: webhook.createdAt,
  disabledAt: webhook.disabledAt,
});

const viewDelivery = (delivery: DeliveryRecord, webhook: WebhookRecord, full: boolean) => ({
  id: delivery.id,
  eventId: delivery.eventId,
  version: delivery.versionNumber,
  attempt: delivery.attempt,
  attemptedAt: delivery.attemptedAt,
  statusCode: delivery.statusCode,
  // A network error may quote the address; a viewer gets it masked there too.
  error:
    full || delivery.error === null
      ? delivery.error
      : delivery.error.replaceAll(webhook.url, maskWebhookUrl(webhook.url)),
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
  const host = new URL(webhook.url).host;
  return buildAuditEntry({
    groupId: tenant.groupId,
    tenantId: tenant.id,
    actor: access.user,
    action,
    // Never the address itself (it may hold a credential), nor the secret or its hint: the log
    // is shown to every editor of the company. The host says which receiver it was.
    target: maskWebhookUrl(webhook.url),
    summary: webhook.id === undefined ? { host } : { id: webhook.id, host },
    at,
  });
}

/** Mounted under /api/groups/:group/tenants/:tenant/webhooks, behind resolveTenantAccess. */
export const tenantWebhookRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary:
        "The company's publish webhooks: the address in full for its editors and the privacy lead, scheme and host only for viewers; the secret only as a hint",
      tag: "Company",
      access: "group admin, editor, viewer",
      responses: { 200: "Webhooks" },
    }),
    async (c) => {
      const access = c.get("tenantAccess");
      const webhooks = await listTenantWebhooks(c.env.DB, access.tenant.id);
      c.header("Cache-Control", "private, no-store");
      return c.json({ webhooks: webhooks.map((w) => viewWebhook(w, managesWebhooks(access))) }, 200);
    },
  )
  .post(
    "/",
    describeRoute({
      summary: "Add a webhook (https on the public internet); its signing secret is returned once",
      tag: "Company",
      access: "group admin, editor",
      responses: { 201: "Webhook with its secret", 409: "Duplicate, or too many active webhooks" },
    }),
    validate("json", WebhookCreateSchema),
    async (c) => {
      const { tenant } = requireTenantEditor(c);
      const { url } = c.req.valid("json");
      const verdict = checkOutboundUrl(url, outboundPolicyOf(c.env));
      if (!verdict.allowed) {
        throw new AppError(400, "invalid_request", `The webhook address ${verdict.reason}.`, [
          { field: "url", message: verdict.reason },
        ]);
      }
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
      return c.json({ webhook: viewWebhook(webhook, true), secret }, 201);
    },
  )
  .delete(
    "/:id",
    describeRoute({
      summary: "Disable a webhook",
      tag: "Company",
      access: "group admin, editor",
      responses: { 200: "Disabled" },
      noBody: true,
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { tenant } = requireTenantEditor(c);
      const webhook = await findTenantWebhook(c.env.DB, tenant.id, c.req.valid("param").id);
      if (!webhook) throw webhookNotFound(tenant);
      // Disabling twice changes nothing, so it is answered without a second audit entry.
      if (webhook.disabledAt) return c.json({ webhook: viewWebhook(webhook, true) }, 200);
      const at = new Date().toISOString();
      await runWithAudit(
        c.env.DB,
        [prepareDisableWebhook(c.env.DB, webhook.id, at)],
        [describeChange(c.get("access"), tenant, "webhook.disabled", webhook, at)],
      );
      return c.json({ webhook: viewWebhook({ ...webhook, disabledAt: at }, true) }, 200);
    },
  )
  .get(
    "/:id/deliveries",
    describeRoute({
      summary: "Delivery attempts, newest first (an address quoted in an error is masked for viewers)",
      tag: "Company",
      access: "group admin, editor, viewer",
      responses: { 200: "Attempts" },
    }),
    validate("param", IdParamSchema),
    validate("query", DeliveryQuerySchema),
    async (c) => {
      const access = c.get("tenantAccess");
      const { tenant } = access;
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
          deliveries: deliveries.map((d) => viewDelivery(d, webhook, managesWebhooks(access))),
          // The `before` of the next page, or null on the last one.
          nextBefore: deliveries.length === limit ? (deliveries.at(-1)?.id ?? null) : null,
        },
        200,
      );
    },
  );
