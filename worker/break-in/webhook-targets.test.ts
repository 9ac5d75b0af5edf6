// Issue 13, items 7 and 8, reproduced: webhook addresses reached private networks (and the delivery
// log worked as a port probe), and viewers saw full addresses with the credentials in them.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoGroup } from "../demo-seed.ts";
import { checkOutboundUrl, fetchOutbound, type OutboundPolicy } from "../net/outbound-url.ts";
import { maskWebhookUrl } from "../routes/webhooks.ts";
import { call, signInAs } from "../test/clients.ts";
import { deliverWebhookBatch } from "../webhooks/consumer.ts";
import type { WebhookMessage } from "../webhooks/message.ts";

const PRODUCTION: OutboundPolicy = { allowLocalTargets: false };
const LOCAL_DEVELOPMENT: OutboundPolicy = { allowLocalTargets: true };

let editor: string;
let viewer: string;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  editor = await signInAs("editor@jccsoftware.example");
  viewer = await signInAs("viewer@jccsoftware.example");
});

/** Every form the break-in test used, and the other spellings of the same places. */
const PRIVATE_TARGETS = [
  "https://127.0.0.1/",
  "https://10.0.0.1/",
  "https://169.254.169.254/latest/meta-data/",
  "https://[::1]/",
  "https://metadata.google.internal/computeMetadata/v1/",
  "http://localhost:22/",
  "http://0x7f000001/",
  "https://0x7f000001/",
  "https://2130706433/",
  "https://017700000001/",
  "https://127.1/",
  "https://0/",
  "https://0.0.0.0/",
  "https://172.16.5.4/",
  "https://192.168.1.1/",
  "https://100.100.100.200/",
  "https://[::ffff:127.0.0.1]/",
  "https://[::ffff:a9fe:a9fe]/",
  "https://[64:ff9b::a9fe:a9fe]/",
  "https://[2002:7f00:1::]/",
  "https://[fe80::1]/",
  "https://[fd00::1]/",
  "https://[fc12:3456::1]/",
  "https://[::]/",
  "https://localhost/",
  "https://LOCALHOST./",
  "https://api.localhost/",
  "https://printer.local/",
  "https://router.home.arpa/",
  "https://intranet/",
  "http://hooks.example.com/",
  "ftp://hooks.example.com/",
];

describe("item 7: webhook addresses reach only the public internet", () => {
  it.each(PRIVATE_TARGETS)("refuses %s", (target) => {
    const verdict = checkOutboundUrl(target, PRODUCTION);
    expect(verdict.allowed).toBe(false);
  });

  it("allows public https addresses, IPv4 and IPv6 included", () => {
    for (const target of [
      "https://hooks.slack.com/services/T000/B000/XXXX",
      "https://93.184.215.14/hook",
      "https://[2606:4700:4700::1111]/hook",
      "https://[::ffff:5db8:d70e]/hook",
      "https://example.com:8443/hook",
    ]) {
      expect(checkOutboundUrl(target, PRODUCTION), target).toMatchObject({ allowed: true });
    }
  });

  it("allows this machine only with the local-development setting, and never a private network", () => {
    for (const target of ["http://localhost:8788/hook", "http://127.0.0.1:9/", "https://[::1]:8443/"]) {
      expect(checkOutboundUrl(target, LOCAL_DEVELOPMENT), target).toMatchObject({ allowed: true });
      expect(checkOutboundUrl(target, PRODUCTION), target).toMatchObject({ allowed: false });
    }
    for (const target of ["http://10.0.0.1/", "https://169.254.169.254/", "http://printer.local/"]) {
      expect(checkOutboundUrl(target, LOCAL_DEVELOPMENT), target).toMatchObject({ allowed: false });
    }
  });

  it.each(PRIVATE_TARGETS.filter((t) => t.startsWith("https://")))(
    "refuses to register %s, naming the url",
    async (url) => {
      const res = await call("/api/groups/conxillium/tenants/jcc-software/webhooks", {
        cookie: editor,
        json: { url },
      });
      expect(res.status).toBe(400);
      const { error } = await res.json<{ error: { issues: { field: string }[] } }>();
      expect(error.issues.map((i) => i.field)).toEqual(["url"]);
    },
  );

  it("does not send to a private address written straight into the database, and is no port probe", async () => {
    const { id } = (await env.DB.prepare(
      `INSERT INTO webhooks (tenant_id, url, secret, created_at)
       SELECT id, 'http://127.0.0.1:22/', ?1, '2026-01-10T09:00:00.000Z' FROM tenants WHERE slug = 'jcc-software' RETURNING id`,
    )
      .bind("1".repeat(64))
      .first<{ id: number }>())!;
    let fetched = 0;
    const batch = createMessageBatch<WebhookMessage>("verklaring-webhooks", [
      {
        id: "probe-1",
        timestamp: new Date(),
        attempts: 1,
        body: { webhookId: id, eventId: "evt-probe", versionNumber: 1, body: "{}" },
      },
    ]);
    await deliverWebhookBatch(batch, env, {
      fetcher: async () => {
        fetched++;
        return new Response(null, { status: 204 });
      },
    });
    const result = await getQueueResult(batch, createExecutionContext());
    expect(fetched).toBe(0);
    // Not retried: the address will not become allowed by waiting.
    expect(result.explicitAcks).toEqual(["probe-1"]);
    const attempt = await env.DB.prepare(
      "SELECT status_code, error, succeeded FROM webhook_deliveries WHERE webhook_id = ?1",
    )
      .bind(id)
      .first();
    expect(attempt).toEqual({
      status_code: null,
      error: "not sent: the address points at this machine (loopback); only allowed in local development",
      succeeded: 0,
    });
  });

  it("checks every redirect hop as well, and follows none where it was told not to", async () => {
    const redirectTo = (location: string, status = 302) =>
      new Response(null, { status, headers: { Location: location } });
    const visited: string[] = [];
    const site = async (request: Request): Promise<Response> => {
      visited.push(request.url);
      const url = new URL(request.url);
      if (url.pathname === "/moved") return redirectTo("https://elsewhere.example/next", 308);
      if (url.pathname === "/next") return redirectTo("http://169.254.169.254/latest/meta-data/");
      if (url.pathname === "/decimal") return redirectTo("https://2130706433/admin");
      return new Response("ok");
    };
    const post = (path: string) =>
      new Request(`https://hooks.example${path}`, { method: "POST", body: "{}" });

    const viaMetadata = await fetchOutbound(post("/moved"), {
      policy: PRODUCTION,
      maxRedirects: 5,
      fetcher: site,
    });
    expect(viaMetadata).toMatchObject({
      kind: "refused",
      url: "http://169.254.169.254/latest/meta-data/",
      redirects: 2,
    });
    const viaDecimal = await fetchOutbound(post("/decimal"), {
      policy: PRODUCTION,
      maxRedirects: 5,
      fetcher: site,
    });
    expect(viaDecimal).toMatchObject({ kind: "refused", url: "https://127.0.0.1/admin", redirects: 1 });
    expect(visited).not.toContain("http://169.254.169.254/latest/meta-data/");
    expect(visited.some((u) => u.includes("127.0.0.1"))).toBe(false);

    // Webhooks follow no redirect at all: the answer is the 3xx.
    const webhook = await fetchOutbound(post("/moved"), {
      policy: PRODUCTION,
      maxRedirects: 0,
      fetcher: site,
    });
    expect(webhook.kind === "answered" && webhook.response.status).toBe(308);
  });
});

describe("item 8: a webhook address is shown whole only to those who manage it", () => {
  const secretUrl = "https://hooks.slack.example/services/T000/B000/SECRETSECRET?token=abc123";

  it("masks the address for a viewer, in the list and in the delivery log, and keeps it out of the audit log", async () => {
    const created = await call("/api/groups/conxillium/tenants/jcc-software/webhooks", {
      cookie: editor,
      json: { url: secretUrl },
    });
    expect(created.status).toBe(201);
    const { webhook } = await created.json<{ webhook: { id: number; url: string } }>();
    expect(webhook.url).toBe(secretUrl);
    await env.DB.prepare(
      `INSERT INTO webhook_deliveries (webhook_id, event_id, version_number, attempt, attempted_at, status_code, error, duration_ms, succeeded)
       VALUES (?1, 'evt-mask', 1, 1, '2026-01-10T09:00:00.000Z', NULL, ?2, 3, 0)`,
    )
      .bind(webhook.id, `request failed: could not reach ${secretUrl}`)
      .run();

    for (const path of ["/webhooks", `/webhooks/${webhook.id}/deliveries`]) {
      const seen = await (
        await call(`/api/groups/conxillium/tenants/jcc-software${path}`, { cookie: viewer })
      ).text();
      expect(seen).not.toContain("SECRETSECRET");
      expect(seen).not.toContain("abc123");
      expect(seen).toContain("https://hooks.slack.example/…");
      const managed = await (
        await call(`/api/groups/conxillium/tenants/jcc-software${path}`, { cookie: editor })
      ).text();
      expect(managed).toContain("SECRETSECRET");
    }
    expect(maskWebhookUrl(secretUrl)).toBe("https://hooks.slack.example/…");

    await call(`/api/groups/conxillium/tenants/jcc-software/webhooks/${webhook.id}`, {
      cookie: editor,
      method: "DELETE",
    });
    const audit = JSON.stringify(
      (await env.DB.prepare("SELECT * FROM audit_log WHERE action LIKE 'webhook.%'").all()).results,
    );
    expect(audit).toContain("hooks.slack.example");
    expect(audit).not.toContain("SECRETSECRET");
    expect(audit).not.toContain("abc123");
    const log = await (await call("/api/groups/conxillium/audit", { cookie: editor })).text();
    expect(log).not.toContain("SECRETSECRET");
  });
});
