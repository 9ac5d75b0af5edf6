// The webhook API as the demo people use it. Until the app mounts tenantWebhookRoutes, the
// requests go through a small app that mounts them the same way (session, group access,
// company access, the routes); once app.ts has them, the real worker answers.
import { createExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import app from "../app.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { loadSession, rejectCrossSite, resolveGroupAccess, resolveTenantAccess } from "../http/guards.ts";
import { MAX_ACTIVE_WEBHOOKS, maskWebhookUrl, tenantWebhookRoutes } from "../routes/webhooks.ts";
import { ORIGIN, cookieFor, type Caller } from "../test/clients.ts";

const MOUNTED = app.routes.some((r) => r.path.startsWith("/api/groups/:group/tenants/:tenant/webhooks"));

const testApp = new Hono<AppEnv>()
  .use("/api/*", rejectCrossSite, loadSession)
  .route(
    "/api/groups/:group",
    new Hono<AppEnv>()
      .use(resolveGroupAccess)
      .route(
        "/tenants",
        new Hono<AppEnv>()
          .use("/:tenant/*", resolveTenantAccess)
          .route("/:tenant/webhooks", tenantWebhookRoutes),
      ),
  );
testApp.onError((error) => {
  if (!(error instanceof AppError)) throw error;
  return Response.json(error.toBody(), { status: error.status });
});

interface WebhookView {
  id: number;
  url: string;
  urlMasked: boolean;
  secretHint: string;
  active: boolean;
  createdAt: string;
  disabledAt: string | null;
}

const cookies = new Map<Caller, string | undefined>();

/** A same-origin request as the console sends it, by one of the demo people. */
async function send(
  caller: Caller,
  path: string,
  options: { method?: string; json?: unknown } = {},
  // oxlint-disable-next-line typescript/no-explicit-any -- until this test calls the API through the typed client
): Promise<{ status: number; text: string; body: any }> {
  if (!cookies.has(caller)) cookies.set(caller, await cookieFor(caller));
  const method = options.method ?? (options.json === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { Accept: "application/json" };
  const cookie = cookies.get(caller);
  if (cookie) headers.Cookie = cookie;
  if (method !== "GET") Object.assign(headers, { Origin: ORIGIN, "Sec-Fetch-Site": "same-origin" });
  if (options.json !== undefined) headers["Content-Type"] = "application/json";
  const request = new Request(`${ORIGIN}/api/groups/conxillium/tenants${path}`, {
    method,
    headers,
    ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
  });
  const response = MOUNTED ? await exports.default.fetch(request) : await testApp.fetch(request, env);
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : null };
}

const listWebhooks = async (caller: Caller, tenant: string): Promise<WebhookView[]> =>
  (await send(caller, `/${tenant}/webhooks`)).body.webhooks;

let hosts = 0;
const freshUrl = (): string => `https://site-${++hosts}.example/hooks/verklaring`;

async function auditEntries(action: string): Promise<{ target: string; summary: string; actor: string }[]> {
  const { results } = await env.DB.prepare(
    "SELECT target, summary, actor FROM audit_log WHERE action = ?1 ORDER BY id DESC",
  )
    .bind(action)
    .all<{ target: string; summary: string; actor: string }>();
  return results;
}

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
});

it(`runs against ${MOUNTED ? "the worker's own routes" : "a test app mounting tenantWebhookRoutes"}`, () => {
  expect(typeof MOUNTED).toBe("boolean");
});

describe("creating a webhook", () => {
  it("returns the secret once; afterwards only its last four characters show", async () => {
    const url = freshUrl();
    const created = await send("jccEditor", "/jcc-software/webhooks", { json: { url } });
    expect(created.status).toBe(201);
    const { webhook, secret } = created.body as { webhook: WebhookView; secret: string };
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(webhook).toMatchObject({
      url,
      active: true,
      disabledAt: null,
      secretHint: `…${secret.slice(-4)}`,
    });

    for (const caller of ["jccEditor", "admin"] as const) {
      const list = await send(caller, "/jcc-software/webhooks");
      expect(list.status).toBe(200);
      expect(list.text).not.toContain(secret);
      expect(list.body.webhooks).toContainEqual(webhook);
    }
    // A viewer sees that it exists and where it goes, not the address (which may hold a credential).
    const viewed = await send("jccViewer", "/jcc-software/webhooks");
    expect(viewed.text).not.toContain(secret);
    expect(viewed.text).not.toContain("/hooks/verklaring");
    expect(viewed.body.webhooks).toContainEqual({ ...webhook, url: maskWebhookUrl(url), urlMasked: true });
    const [audit] = await auditEntries("webhook.created");
    expect(audit).toMatchObject({ target: maskWebhookUrl(url), actor: "editor@jccsoftware.example" });
    expect(JSON.parse(audit!.summary)).toEqual({ host: new URL(url).host });
    const everything = JSON.stringify(await auditEntries("webhook.created"));
    expect(everything).not.toContain(secret.slice(-8));
    expect(everything).not.toContain(url);
  });

  it("lets the privacy lead add one for any company", async () => {
    const url = freshUrl();
    const created = await send("admin", "/dataquint/webhooks", { json: { url } });
    expect(created.status).toBe(201);
    expect((await listWebhooks("dqEditor", "dataquint")).map((w) => w.url)).toContain(url);
  });

  it("takes http://localhost only where the local-development setting is on", async () => {
    const local = "http://localhost:8788/hook";
    const refused = await send("admin", "/dataquint/webhooks", { json: { url: local } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([
      { field: "url", message: "points at this machine (loopback); only allowed in local development" },
    ]);
    // The same worker with ALLOW_LOCAL_TARGETS=true, as .dev.vars sets it for `npm start`.
    const cookie = await cookieFor("admin");
    const response = await app.fetch(
      new Request(`${ORIGIN}/api/groups/conxillium/tenants/dataquint/webhooks`, {
        method: "POST",
        headers: {
          Cookie: cookie!,
          Origin: ORIGIN,
          "Sec-Fetch-Site": "same-origin",
          "Content-Type": "application/json",
        },
        body: JSON.stringify({ url: local }),
      }),
      { ...env, ALLOW_LOCAL_TARGETS: "true" },
      createExecutionContext(),
    );
    expect(response.status).toBe(201);
    expect((await listWebhooks("admin", "dataquint")).map((w) => w.url)).toContain(local);
  });

  it.each([
    [{ url: "http://example.com/hook" }, "url"],
    [{ url: "ftp://example.com/hook" }, "url"],
    [{ url: "https://user:pw@example.com/hook" }, "url"],
    [{ url: "http://localhost.evil.example/hook" }, "url"],
    [{ url: "not a url" }, "url"],
    [{ url: `https://example.com/${"a".repeat(2048)}` }, "url"],
    [{ url: 42 }, "url"],
    [{}, "url"],
    [{ url: "https://example.com/", secret: "mine" }, "secret"],
  ])("refuses %j with a 400 naming %s", async (json, field) => {
    const res = await send("jccEditor", "/jcc-software/webhooks", { json });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it("stores the address as the URL parser spells it, and refuses it twice while active", async () => {
    const res = await send("jccEditor", "/jcc-software/webhooks", {
      json: { url: "  HTTPS://Twice.Example  " },
    });
    expect(res.body.webhook.url).toBe("https://twice.example/");
    const again = await send("jccEditor", "/jcc-software/webhooks", {
      json: { url: "https://twice.example/" },
    });
    expect([again.status, again.body.error.code]).toEqual([409, "duplicate_webhook"]);
  });

  it(`allows at most ${MAX_ACTIVE_WEBHOOKS} active webhooks per company`, async () => {
    const active = (await listWebhooks("admin", "geotax")).filter((w) => w.active).length;
    for (let i = active; i < MAX_ACTIVE_WEBHOOKS; i++) {
      expect((await send("admin", "/geotax/webhooks", { json: { url: freshUrl() } })).status).toBe(201);
    }
    const over = await send("admin", "/geotax/webhooks", { json: { url: freshUrl() } });
    expect([over.status, over.body.error.code]).toEqual([409, "too_many_webhooks"]);
  });
});

describe("who may do what", () => {
  let jccWebhook: number;
  beforeAll(async () => {
    jccWebhook = (await send("jccEditor", "/jcc-software/webhooks", { json: { url: freshUrl() } })).body
      .webhook.id;
  });

  it("lets a viewer read but not change", async () => {
    expect((await send("jccViewer", "/jcc-software/webhooks")).status).toBe(200);
    expect((await send("jccViewer", `/jcc-software/webhooks/${jccWebhook}/deliveries`)).status).toBe(200);
    const create = await send("jccViewer", "/jcc-software/webhooks", { json: { url: freshUrl() } });
    expect([create.status, create.body.error.code]).toEqual([403, "forbidden"]);
    const disable = await send("jccViewer", `/jcc-software/webhooks/${jccWebhook}`, { method: "DELETE" });
    expect(disable.status).toBe(403);
    expect((await listWebhooks("jccEditor", "jcc-software")).find((w) => w.id === jccWebhook)?.active).toBe(
      true,
    );
  });

  it("answers another company's editor as if the company did not exist", async () => {
    for (const [path, method] of [
      ["/jcc-software/webhooks", "GET"],
      ["/jcc-software/webhooks", "POST"],
      [`/jcc-software/webhooks/${jccWebhook}`, "DELETE"],
      [`/jcc-software/webhooks/${jccWebhook}/deliveries`, "GET"],
    ] as const) {
      const res = await send("dqEditor", path, {
        method: method,
        ...(method === "POST" ? { json: { url: freshUrl() } } : {}),
      });
      expect([res.status, res.body.error.message], `${method} ${path}`).toEqual([
        404,
        'Conxillium has no company "jcc-software".',
      ]);
    }
  });

  it("does not find one company's webhook under another company", async () => {
    for (const [path, method] of [
      [`/dataquint/webhooks/${jccWebhook}`, "DELETE"],
      [`/dataquint/webhooks/${jccWebhook}/deliveries`, "GET"],
    ] as const) {
      const res = await send("dqEditor", path, { method });
      expect([res.status, res.body.error.code]).toEqual([404, "webhook_not_found"]);
    }
  });

  it("asks anonymous callers to sign in", async () => {
    expect((await send("anonymous", "/jcc-software/webhooks")).status).toBe(401);
  });
});

describe("disabling a webhook", () => {
  it("keeps it listed as disabled, audits it once, and stops it for good", async () => {
    const url = freshUrl();
    const { webhook } = (await send("jccEditor", "/jcc-software/webhooks", { json: { url } })).body as {
      webhook: WebhookView;
    };
    const disabled = await send("jccEditor", `/jcc-software/webhooks/${webhook.id}`, { method: "DELETE" });
    expect(disabled.status).toBe(200);
    expect(disabled.body.webhook).toMatchObject({ id: webhook.id, active: false });
    expect(disabled.body.webhook.disabledAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await listWebhooks("jccViewer", "jcc-software")).find((w) => w.id === webhook.id)).toEqual({
      ...disabled.body.webhook,
      url: maskWebhookUrl(url),
      urlMasked: true,
    });
    const audits = async () =>
      (await auditEntries("webhook.disabled")).filter((a) => JSON.parse(a.summary).id === webhook.id);
    expect((await audits()).map((a) => [a.target, JSON.parse(a.summary)])).toEqual([
      [maskWebhookUrl(url), { id: webhook.id, host: new URL(url).host }],
    ]);

    const again = await send("admin", `/jcc-software/webhooks/${webhook.id}`, { method: "DELETE" });
    expect(again.status).toBe(200);
    expect(await audits()).toHaveLength(1);
    // The same address can be registered again, as a new webhook with a new secret.
    expect((await send("jccEditor", "/jcc-software/webhooks", { json: { url } })).status).toBe(201);
    await expect(
      env.DB.prepare("UPDATE webhooks SET disabled_at = NULL WHERE id = ?1").bind(webhook.id).run(),
    ).rejects.toThrow(/only be disabled/);
  });

  it("answers 404 for an id that does not exist and 400 for one that is not an id", async () => {
    expect((await send("jccEditor", "/jcc-software/webhooks/999999", { method: "DELETE" })).status).toBe(404);
    expect((await send("jccEditor", "/jcc-software/webhooks/abc", { method: "DELETE" })).status).toBe(400);
  });
});

describe("the delivery log", () => {
  it("lists attempts newest first, page by page", async () => {
    const { webhook } = (await send("jccEditor", "/jcc-software/webhooks", { json: { url: freshUrl() } }))
      .body as {
      webhook: WebhookView;
    };
    for (const [attempt, status] of [
      [1, 500],
      [2, 502],
      [3, 200],
    ] as const) {
      await env.DB.prepare(
        `INSERT INTO webhook_deliveries (webhook_id, event_id, version_number, attempt, attempted_at, status_code, error, duration_ms, succeeded)
         VALUES (?1, 'evt-log', 2, ?2, ?3, ?4, ?5, 12, ?6)`,
      )
        .bind(
          webhook.id,
          attempt,
          `2026-11-22T10:0${attempt}:00.000Z`,
          status,
          status === 200 ? null : `the receiver answered ${status}`,
          status === 200 ? 1 : 0,
        )
        .run();
    }
    const base = `/jcc-software/webhooks/${webhook.id}/deliveries`;
    const first = await send("jccViewer", `${base}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.deliveries.map((d: { attempt: number }) => d.attempt)).toEqual([3, 2]);
    expect(first.body.deliveries[0]).toMatchObject({
      eventId: "evt-log",
      version: 2,
      statusCode: 200,
      error: null,
      durationMs: 12,
      succeeded: true,
    });
    const second = await send("jccViewer", `${base}?limit=2&before=${first.body.nextBefore}`);
    expect(second.body.deliveries.map((d: { attempt: number }) => d.attempt)).toEqual([1]);
    expect(second.body.nextBefore).toBeNull();
    expect((await send("jccViewer", `${base}?limit=500`)).status).toBe(400);
  });
});
