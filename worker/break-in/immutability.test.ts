// Issue 13, item 6, reproduced: INSERT OR REPLACE deletes the row it conflicts with without running
// DELETE triggers, which overwrote a published version's change note, a rendering's body (served
// under an ETag that no longer matched) and an audit row. Every immutable table now refuses it,
// and the integrity check finds what someone changed after removing the guards.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "#shared/hash.ts";
import { sealAuditLog } from "../audit/log.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { decodePack, type PackEncoding } from "../storage/rendering-packs.ts";
import { call, signInAs } from "../test/clients.ts";
import { demoContent, publishAt } from "../test/fixtures.ts";

let lead: string;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = await signInAs("lead@conxillium.example");
  // A row in every table that holds something final.
  const webhook = await env.DB.prepare(
    `INSERT INTO webhooks (tenant_id, url, secret, created_at)
     SELECT id, 'https://hook.example/x', ?1, '2026-01-10T09:00:00.000Z' FROM tenants WHERE slug = 'sim' RETURNING id`,
  )
    .bind("0".repeat(64))
    .first<{ id: number }>();
  await env.DB.prepare(
    `INSERT INTO webhook_deliveries (webhook_id, event_id, version_number, attempt, attempted_at, status_code, error, duration_ms, succeeded)
     VALUES (?1, 'evt', 1, 1, '2026-01-10T09:00:00.000Z', 204, NULL, 5, 1)`,
  )
    .bind(webhook!.id)
    .run();
  const content = demoContent("sim");
  content.profile.phone = "+31 10 999 0001";
  await publishAt(env.DB, "conxillium", "sim", content, new Date().toISOString());
  expect(
    (
      await call("/api/groups/conxillium/invitations", {
        cookie: lead,
        json: { email: "final@example.test", role: "tenant_viewer", tenant: "sim" },
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await call("/api/groups/conxillium/processors/immutable", {
        cookie: lead,
        method: "PUT",
        json: { recipient: { name: "P", role: "processor", country: "NL", safeguard: "eea" } },
      })
    ).status,
  ).toBeLessThan(300);
  await env.DB.prepare(
    `INSERT INTO publish_requests (group_id, subject, tenant_id, requested_by, requested_at, content, draft_revision,
       change_note, material)
     SELECT t.group_id, 'company', t.id, u.id, '2026-01-10T09:00:00.000Z', '{}', 1, 'request', 1 FROM tenants t, users u
     WHERE t.slug = 'geotax' AND u.email = 'lead@conxillium.example'`,
  ).run();
  await sealAuditLog(env, { checkpoint: "moved" });
});

const IMMUTABLE_TABLES = [
  "baseline_versions",
  "statement_versions",
  "statement_renderings",
  "rendering_packs",
  "audit_log",
  "webhook_deliveries",
  "webhooks",
  "webhook_outbox",
  "invitations",
  "publish_requests",
  "tenant_drafts",
  "baseline_drafts",
  "processors",
];

const snapshot = async (table: string) =>
  JSON.stringify((await env.DB.prepare(`SELECT * FROM ${table}`).all()).results);

describe("item 6: INSERT OR REPLACE is refused", () => {
  it.each(IMMUTABLE_TABLES)(
    "refuses to replace a row of %s, in both spellings, and leaves it as it was",
    async (table) => {
      const before = await snapshot(table);
      expect(JSON.parse(before).length, `${table} has a row to attack`).toBeGreaterThan(0);
      for (const verb of ["INSERT OR REPLACE INTO", "REPLACE INTO"]) {
        await expect(env.DB.prepare(`${verb} ${table} SELECT * FROM ${table} LIMIT 1`).run()).rejects.toThrow(
          /immutable|never replaced|append-only|UNIQUE constraint failed/,
        );
      }
      expect(await snapshot(table)).toBe(before);
    },
  );

  it("keeps a published version's change note, a rendering's body and an audit row as they were published", async () => {
    const attacks = [
      `INSERT OR REPLACE INTO statement_versions (id, tenant_id, number, baseline_version_id, content, languages, change_note,
         material, content_hash, published_at, effective_from, published_by, completeness_override)
       SELECT id, tenant_id, number, baseline_version_id, content, languages, 'Nothing changed, honestly.',
         material, content_hash, published_at, effective_from, published_by, completeness_override
       FROM statement_versions ORDER BY id LIMIT 1`,
      `INSERT OR REPLACE INTO rendering_packs (id, hash, encoding, size, bytes)
       SELECT id, hash, 'identity', 31, CAST('<p>Wij verkopen uw gegevens.</p>' AS BLOB)
       FROM rendering_packs ORDER BY id LIMIT 1`,
      `INSERT OR REPLACE INTO statement_renderings (version_id, language, format, body_hash, pack_id, byte_start, byte_length)
       SELECT version_id, language, format, body_hash, pack_id, 0, 31
       FROM statement_renderings ORDER BY version_id LIMIT 1`,
      `INSERT OR REPLACE INTO audit_log (id, chain, group_id, tenant_id, actor_user_id, actor, action, target, summary,
         created_at, seq, prev_hash, hash, sealed_at)
       SELECT id, chain, group_id, tenant_id, actor_user_id, 'someone-else@example.test', action, target, summary,
         created_at, seq, prev_hash, hash, sealed_at
       FROM audit_log WHERE seq IS NOT NULL ORDER BY id LIMIT 1`,
    ];
    const tables = ["statement_versions", "statement_renderings", "rendering_packs", "audit_log"];
    const before = await Promise.all(tables.map(snapshot));
    for (const sql of attacks) await expect(env.DB.prepare(sql).run()).rejects.toThrow();
    expect(await Promise.all(tables.map(snapshot))).toEqual(before);
    // What is served still has the bytes its ETag names.
    const res = await call("/v1/statements/conxillium/sim.html");
    const body = await res.text();
    expect(res.headers.get("ETag")).toBe(`"${sha256Hex(body)}"`);
    const verified = await call("/api/groups/conxillium/audit/verify", { cookie: lead });
    expect(await verified.json<object>()).toMatchObject({ intact: true });
  });

  it("still refuses an upsert that would change a published version", async () => {
    await expect(
      env.DB.prepare(
        `INSERT INTO statement_versions SELECT * FROM statement_versions ORDER BY id LIMIT 1
         ON CONFLICT DO UPDATE SET change_note = 'rewritten'`,
      ).run(),
    ).rejects.toThrow(/immutable|never replaced|UNIQUE/);
  });
});

interface IntegrityReport {
  intact: boolean;
  checked: { versions: number; renderings: number };
  unaudited: number;
  problems: Record<string, unknown>[];
  next: number | null;
}

const integrity = async (query = ""): Promise<IntegrityReport> => {
  const res = await call(`/api/groups/conxillium/integrity${query}`, { cookie: lead });
  expect(res.status).toBe(200);
  return await res.json<IntegrityReport>();
};

describe("item 6: the integrity check", () => {
  it("re-hashes every stored rendering and names a body, a missing rendering and a content hash changed behind the guards", async () => {
    const clean = await integrity();
    expect(clean.intact).toBe(true);
    expect(clean.problems).toEqual([]);
    expect(clean.unaudited).toBe(0);
    const versions = (await env.DB.prepare("SELECT COUNT(*) AS n FROM statement_versions").first<{
      n: number;
    }>())!.n;
    expect(clean.checked).toEqual({ versions, renderings: versions * 10 });

    // Someone with direct write access removes the guards and edits published statements.
    for (const trigger of [
      "rendering_packs_no_update",
      "statement_renderings_no_delete",
      "statement_versions_no_update",
    ]) {
      await env.DB.prepare(`DROP TRIGGER ${trigger}`).run();
    }
    const sim = await env.DB.prepare(
      `SELECT v.id, v.number FROM statement_versions v JOIN tenants t ON t.id = v.tenant_id
       WHERE t.slug = 'sim' ORDER BY v.number DESC LIMIT 1`,
    ).first<{ id: number; number: number }>();
    // The Dutch page's title, rewritten in its pack (stored uncompressed, as an attacker would).
    const pack = await env.DB.prepare(
      `SELECT p.id, p.encoding, hex(p.bytes) AS hex, r.byte_start FROM statement_renderings r
       JOIN rendering_packs p ON p.id = r.pack_id
       WHERE r.version_id = ?1 AND r.language = 'nl' AND r.format = 'html'`,
    )
      .bind(sim!.id)
      .first<{ id: number; encoding: PackEncoding; hex: string; byte_start: number }>();
    const text = new TextDecoder().decode(await decodePack(pack!.encoding, pack!.hex));
    const title = "<title>Privacyverklaring SIM</title>";
    expect(text.indexOf(title)).toBeGreaterThanOrEqual(pack!.byte_start);
    const tampered = text.replace(title, "<title>Privacyverklaring S1M</title>");
    await env.DB.prepare(
      "UPDATE rendering_packs SET encoding = 'identity', size = ?2, bytes = CAST(?3 AS BLOB) WHERE id = ?1",
    )
      .bind(pack!.id, new TextEncoder().encode(tampered).length, tampered)
      .run();
    await env.DB.prepare(
      "DELETE FROM statement_renderings WHERE version_id = ?1 AND language = 'en' AND format = 'txt'",
    )
      .bind(sim!.id)
      .run();
    await env.DB.prepare("UPDATE statement_versions SET content_hash = ?2 WHERE id = ?1")
      .bind(sim!.id, "e".repeat(64))
      .run();

    const report = await integrity();
    expect(report.intact).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "body_changed",
          tenant: "sim",
          version: sim!.number,
          language: "nl",
          format: "html",
        }),
        { kind: "rendering_missing", tenant: "sim", version: sim!.number, language: "en", format: "txt" },
        expect.objectContaining({
          kind: "content_hash_changed",
          tenant: "sim",
          version: sim!.number,
          storedHash: "e".repeat(64),
        }),
        expect.objectContaining({ kind: "pack_changed", tenant: "sim", version: sim!.number }),
      ]),
    );
    // The title is only in the page: the other renderings of that pack still hash as published.
    expect(report.problems).toHaveLength(4);
    // And the page is not served with bytes its ETag does not name: read from D1 (?at= is never
    // cached) it is refused ...
    const served = await call(
      `/v1/statements/conxillium/sim.html?lang=nl&at=${encodeURIComponent(new Date().toISOString())}`,
    );
    expect(served.status).toBe(500);
    expect(await served.text()).not.toContain("S1M");
    // ... and where the data centre's cache kept it (an earlier visitor), the bytes it serves are
    // the published ones, checked against their hash when they were kept.
    const cached = await call("/v1/statements/conxillium/sim.html?lang=nl");
    if (cached.status === 200) {
      const body = await cached.text();
      expect(cached.headers.get("ETag")).toBe(`"${sha256Hex(body)}"`);
      expect(body).toContain("<title>Privacyverklaring SIM</title>");
    } else {
      expect(cached.status).toBe(500);
    }
  });

  it("pages through a large group", async () => {
    const first = await integrity("?limit=3");
    expect(first.checked.versions).toBe(3);
    expect(first.next).not.toBeNull();
    const rest = await integrity(`?after=${first.next}&limit=500`);
    const all = await integrity("?limit=500");
    expect(first.checked.versions + rest.checked.versions).toBe(all.checked.versions);
    expect(rest.next).toBeNull();
    expect((await call("/api/groups/conxillium/integrity?limit=0", { cookie: lead })).status).toBe(400);
  });

  it("is the privacy lead's", async () => {
    const editor = await signInAs("editor@jccsoftware.example");
    expect((await call("/api/groups/conxillium/integrity", { cookie: editor })).status).toBe(403);
  });
});
