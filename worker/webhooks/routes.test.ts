// The webhook API as the demo people use it, through the typed client the console uses. Input the
// typed client would not let a caller send (a number for the address, an extra field, an id that
// is not a number) goes as a plain `call`.
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import app from "../app.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { MAX_ACTIVE_WEBHOOKS, maskWebhookUrl } from "../routes/webhooks.ts";
import { ORIGIN, apiAs, call, cookieFor, readError, type Api, type Caller } from "../test/clients.ts";

const clients = new Map<Caller, Api>();

/** The webhook routes of `tenant` as `caller` sees them. */
async function webhooksOf(caller: Caller, tenant: string) {
  if (!clients.has(caller)) clients.set(caller, apiAs(await cookieFor(caller)));
  const hooks = clients.get(caller)!.api.groups[":group"].tenants[":tenant"].webhooks;
  const param = { group: "conxillium", tenant };
  const one = (id: number | string) => ({ param: { ...param, id: String(id) } });
  return {
    list: () => hooks.$get({ param }),
    create: (url: string) => hooks.$post({ param, json: { url } }),
    disable: (id: number | string) => hooks[":id"].$delete(one(id)),
    deliveries: (id: number, query: { limit?: string; before?: string } = {}) =>
      hooks[":id"].deliveries.$get({ ...one(id), query }),
  };
}

async function listWebhooks(caller: Caller, tenant: string) {
  const res = await (await webhooksOf(caller, tenant)).list();
  expect(res.status).toBe(200);
  return (await res.json()).webhooks;
}

/** Registers a webhook that must be accepted, and returns it with its secret. */
async function createWebhook(caller: Caller, tenant: string, url: string) {
  const res = await (await webhooksOf(caller, tenant)).create(url);
  expect(res.status, await res.clone().text()).toBe(201);
  if (res.status !== 201) throw new Error("not created");
  return res.json();
}

/** A malformed request, as a path: the typed client does not let a caller send it. */
async function sendMalformed(caller: Caller, path: string, options: { method?: string; json?: unknown }) {
  return call(`/api/groups/conxillium/tenants${path}`, { ...options, cookie: await cookieFor(caller) });
}

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

it("runs against the worker's own routes", () => {
  expect(app.routes.some((r) => r.path.startsWith("/api/groups/:group/tenants/:tenant/webhooks"))).toBe(true);
});

describe("creating a webhook", () => {
  it("returns the secret once; afterwards only its last four characters show", async () => {
    const url = freshUrl();
    const { webhook, secret } = await createWebhook("jccEditor", "jcc-software", url);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(webhook).toMatchObject({
      url,
      active: true,
      disabledAt: null,
      secretHint: `…${secret.slice(-4)}`,
    });

    for (const caller of ["jccEditor", "admin"] as const) {
      const list = await (await webhooksOf(caller, "jcc-software")).list();
      expect(list.status).toBe(200);
      expect(await list.clone().text()).not.toContain(secret);
      expect((await list.json()).webhooks).toContainEqual(webhook);
    }
    // A viewer sees that it exists and where it goes, not the address (which may hold a credential).
    const viewed = await (await webhooksOf("jccViewer", "jcc-software")).list();
    const viewedText = await viewed.clone().text();
    expect(viewedText).not.toContain(secret);
    expect(viewedText).not.toContain("/hooks/verklaring");
    expect((await viewed.json()).webhooks).toContainEqual({
      ...webhook,
      url: maskWebhookUrl(url),
      urlMasked: true,
    });
    const [audit] = await auditEntries("webhook.created");
    expect(audit).toMatchObject({ target: maskWebhookUrl(url), actor: "editor@jccsoftware.example" });
    expect(JSON.parse(audit!.summary)).toEqual({ host: new URL(url).host });
    const everything = JSON.stringify(await auditEntries("webhook.created"));
    expect(everything).not.toContain(secret.slice(-8));
    expect(everything).not.toContain(url);
  });

  it("lets the privacy lead add one for any company", async () => {
    const url = freshUrl();
    await createWebhook("admin", "dataquint", url);
    expect((await listWebhooks("dqEditor", "dataquint")).map((w) => w.url)).toContain(url);
  });

  it("takes http://localhost only where the local-development setting is on", async () => {
    const local = "http://localhost:8788/hook";
    const refused = await (await webhooksOf("admin", "dataquint")).create(local);
    expect(refused.status).toBe(400);
    expect((await readError(refused)).error.issues).toEqual([
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
    "http://example.com/hook",
    "ftp://example.com/hook",
    "https://user:pw@example.com/hook",
    "http://localhost.evil.example/hook",
    "not a url",
    `https://example.com/${"a".repeat(2048)}`,
  ])("refuses the address %j with a 400 naming url", async (url) => {
    const res = await (await webhooksOf("jccEditor", "jcc-software")).create(url);
    expect(res.status, await res.clone().text()).toBe(400);
    expect((await readError(res)).error.issues?.map((i) => i.field)).toContain("url");
  });

  it.each([
    [{ url: 42 }, "url"],
    [{}, "url"],
    [{ url: "https://example.com/", secret: "mine" }, "secret"],
  ])("refuses the body %j with a 400 naming %s", async (json, field) => {
    const res = await sendMalformed("jccEditor", "/jcc-software/webhooks", { json });
    expect(res.status, await res.clone().text()).toBe(400);
    expect((await readError(res)).error.issues?.map((i) => i.field)).toContain(field);
  });

  it("stores the address as the URL parser spells it, and refuses it twice while active", async () => {
    const { webhook } = await createWebhook("jccEditor", "jcc-software", "  HTTPS://Twice.Example  ");
    expect(webhook.url).toBe("https://twice.example/");
    const again = await (await webhooksOf("jccEditor", "jcc-software")).create("https://twice.example/");
    expect([again.status, (await readError(again)).error.code]).toEqual([409, "duplicate_webhook"]);
  });

  it(`allows at most ${MAX_ACTIVE_WEBHOOKS} active webhooks per company`, async () => {
    const active = (await listWebhooks("admin", "geotax")).filter((w) => w.active).length;
    for (let i = active; i < MAX_ACTIVE_WEBHOOKS; i++) await createWebhook("admin", "geotax", freshUrl());
    const over = await (await webhooksOf("admin", "geotax")).create(freshUrl());
    expect([over.status, (await readError(over)).error.code]).toEqual([409, "too_many_webhooks"]);
  });
});

describe("who may do what", () => {
  let jccWebhook: number;
  beforeAll(async () => {
    jccWebhook = (await createWebhook("jccEditor", "jcc-software", freshUrl())).webhook.id;
  });

  it("lets a viewer read but not change", async () => {
    const viewer = await webhooksOf("jccViewer", "jcc-software");
    expect((await viewer.list()).status).toBe(200);
    expect((await viewer.deliveries(jccWebhook)).status).toBe(200);
    const create = await viewer.create(freshUrl());
    expect([create.status, (await readError(create)).error.code]).toEqual([403, "forbidden"]);
    expect((await viewer.disable(jccWebhook)).status).toBe(403);
    expect((await listWebhooks("jccEditor", "jcc-software")).find((w) => w.id === jccWebhook)?.active).toBe(
      true,
    );
  });

  it("answers another company's editor as if the company did not exist", async () => {
    const other = await webhooksOf("dqEditor", "jcc-software");
    for (const [what, res] of [
      ["GET webhooks", await other.list()],
      ["POST webhooks", await other.create(freshUrl())],
      ["DELETE webhook", await other.disable(jccWebhook)],
      ["GET deliveries", await other.deliveries(jccWebhook)],
    ] as const) {
      expect([res.status, (await readError(res)).error.message], what).toEqual([
        404,
        'Conxillium has no company "jcc-software".',
      ]);
    }
  });

  it("does not find one company's webhook under another company", async () => {
    const own = await webhooksOf("dqEditor", "dataquint");
    for (const res of [await own.disable(jccWebhook), await own.deliveries(jccWebhook)]) {
      expect([res.status, (await readError(res)).error.code]).toEqual([404, "webhook_not_found"]);
    }
  });

  it("asks anonymous callers to sign in", async () => {
    expect((await (await webhooksOf("anonymous", "jcc-software")).list()).status).toBe(401);
  });
});

describe("disabling a webhook", () => {
  it("keeps it listed as disabled, audits it once, and stops it for good", async () => {
    const url = freshUrl();
    const { webhook } = await createWebhook("jccEditor", "jcc-software", url);
    const disabled = await (await webhooksOf("jccEditor", "jcc-software")).disable(webhook.id);
    expect(disabled.status).toBe(200);
    const after = (await disabled.json()).webhook;
    expect(after).toMatchObject({ id: webhook.id, active: false });
    expect(after.disabledAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await listWebhooks("jccViewer", "jcc-software")).find((w) => w.id === webhook.id)).toEqual({
      ...after,
      url: maskWebhookUrl(url),
      urlMasked: true,
    });
    const audits = async () =>
      (await auditEntries("webhook.disabled")).filter(
        (a) => (JSON.parse(a.summary) as { id: number }).id === webhook.id,
      );
    expect((await audits()).map((a) => [a.target, JSON.parse(a.summary) as unknown])).toEqual([
      [maskWebhookUrl(url), { id: webhook.id, host: new URL(url).host }],
    ]);

    const again = await (await webhooksOf("admin", "jcc-software")).disable(webhook.id);
    expect(again.status).toBe(200);
    expect(await audits()).toHaveLength(1);
    // The same address can be registered again, as a new webhook with a new secret.
    await createWebhook("jccEditor", "jcc-software", url);
    await expect(
      env.DB.prepare("UPDATE webhooks SET disabled_at = NULL WHERE id = ?1").bind(webhook.id).run(),
    ).rejects.toThrow(/only be disabled/);
  });

  it("answers 404 for an id that does not exist and 400 for one that is not an id", async () => {
    expect((await (await webhooksOf("jccEditor", "jcc-software")).disable(999999)).status).toBe(404);
    const notAnId = await sendMalformed("jccEditor", "/jcc-software/webhooks/abc", { method: "DELETE" });
    expect(notAnId.status).toBe(400);
  });
});

describe("the delivery log", () => {
  it("lists attempts newest first, page by page", async () => {
    const { webhook } = await createWebhook("jccEditor", "jcc-software", freshUrl());
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
    const viewer = await webhooksOf("jccViewer", "jcc-software");
    const firstRes = await viewer.deliveries(webhook.id, { limit: "2" });
    expect(firstRes.status).toBe(200);
    const first = await firstRes.json();
    expect(first.deliveries.map((d) => d.attempt)).toEqual([3, 2]);
    expect(first.deliveries[0]).toMatchObject({
      eventId: "evt-log",
      version: 2,
      statusCode: 200,
      error: null,
      durationMs: 12,
      succeeded: true,
    });
    const secondRes = await viewer.deliveries(webhook.id, { limit: "2", before: String(first.nextBefore) });
    const second = await secondRes.json();
    expect(second.deliveries.map((d) => d.attempt)).toEqual([1]);
    expect(second.nextBefore).toBeNull();
    // Out of range: the client types `limit` as a string, so this is well-formed but refused.
    expect((await viewer.deliveries(webhook.id, { limit: "500" })).status).toBe(400);
  });
});
