// Publishing and the guarantees on published versions, checked against the real local D1.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { hashStatementContent, resolveStatement } from "#shared/engine.ts";
import { DEMO_BASELINE, DEMO_GROUP } from "#shared/demo/index.ts";
import { seedDemoGroup } from "./demo-seed.ts";
import { AppError } from "./errors.ts";
import { demoContent, publishAt } from "./test/fixtures.ts";

const SEEDED = "2026-01-10T09:00:00.000Z";

const countRows = async (table: string): Promise<number> =>
  (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

beforeAll(async () => {
  await seedDemoGroup(env.DB, SEEDED);
});

describe("the demo seed", () => {
  it("publishes version 1 for all eight companies with every language × format rendered", async () => {
    expect(await countRows("statement_versions")).toBeGreaterThanOrEqual(8);
    const { results } = await env.DB.prepare(
      `SELECT t.slug, COUNT(r.format) AS renderings FROM tenants t
       JOIN statement_versions v ON v.tenant_id = t.id AND v.number = 1
       JOIN statement_renderings r ON r.version_id = v.id GROUP BY t.slug ORDER BY t.position`,
    ).all<{ slug: string; renderings: number }>();
    expect(results.map((r) => r.slug)).toEqual(DEMO_GROUP.members.map((m) => m.slug));
    expect(results.every((r) => r.renderings === 10)).toBe(true);
  });

  it("changes nothing when it runs again", async () => {
    const before = await countRows("statement_versions");
    const again = await seedDemoGroup(env.DB, "2026-02-01T00:00:00.000Z");
    expect(again).toEqual({ createdGroup: false, published: [], createdUsers: [] });
    expect(await countRows("statement_versions")).toBe(before);
  });

  it("stores a content hash that matches re-resolving the stored content", async () => {
    const row = await env.DB.prepare(
      `SELECT v.content, v.content_hash FROM statement_versions v JOIN tenants t ON t.id = v.tenant_id
       WHERE t.slug = 'geotax' AND v.number = 1`,
    ).first<{ content: string; content_hash: string }>();
    const tenant = { group: DEMO_GROUP, slug: "geotax", content: JSON.parse(row!.content) };
    const statements = DEMO_GROUP.languages.map((lang) => resolveStatement(DEMO_BASELINE, tenant, lang));
    expect(hashStatementContent(statements)).toBe(row!.content_hash);
  });
});

describe("published versions are immutable", () => {
  it.each([
    ["UPDATE statement_versions SET change_note = 'rewritten' WHERE number = 1"],
    ["DELETE FROM statement_versions WHERE number = 1"],
    ["UPDATE statement_renderings SET byte_length = 0"],
    ["UPDATE statement_renderings SET pack_id = pack_id + 1"],
    ["DELETE FROM statement_renderings"],
    ["UPDATE rendering_packs SET bytes = unhex('00')"],
    ["DELETE FROM rendering_packs"],
    ["UPDATE baseline_versions SET content = '{}'"],
    ["DELETE FROM baseline_versions"],
  ])("refuses %s", async (sql) => {
    await expect(env.DB.prepare(sql).run()).rejects.toThrow(/immutable/);
  });

  it("refuses a version that takes effect before it was published", async () => {
    await expect(
      env.DB.prepare(
        `INSERT INTO statement_versions (tenant_id, number, baseline_version_id, content, languages, change_note, material,
           content_hash, published_at, effective_from)
         SELECT tenant_id, 99, baseline_version_id, content, languages, 'backdated', 1, content_hash,
           '2026-06-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z' FROM statement_versions LIMIT 1`,
      ).run(),
    ).rejects.toThrow(/CHECK constraint failed/);
  });
});

describe("publishTenantVersion", () => {
  it("numbers versions consecutively and audits each publish", async () => {
    const changed = (phone: string) => {
      const content = demoContent("procura");
      content.profile.phone = phone;
      return content;
    };
    const v2 = await publishAt(
      env.DB,
      "conxillium",
      "procura",
      changed("+31 20 000 0002"),
      "2026-02-01T00:00:00.000Z",
    );
    const v3 = await publishAt(
      env.DB,
      "conxillium",
      "procura",
      changed("+31 20 000 0003"),
      "2026-02-02T00:00:00.000Z",
    );
    expect([v2.number, v3.number]).toEqual([2, 3]);
    const { results } = await env.DB.prepare(
      "SELECT summary FROM audit_log WHERE action = 'statement.published' AND target = 'procura' ORDER BY id",
    ).all<{ summary: string }>();
    expect(results.map((r) => JSON.parse(r.summary).version)).toEqual([1, 2, 3]);
  });

  it("refuses to publish what is already published, and writes nothing", async () => {
    const before = await countRows("statement_versions");
    await expect(
      publishAt(env.DB, "conxillium", "pharox", demoContent("pharox"), "2026-02-01T00:00:00.000Z"),
    ).rejects.toMatchObject({ status: 409, code: "nothing_changed" });
    expect(await countRows("statement_versions")).toBe(before);
  });

  it("refuses a statement with unresolved placeholders and writes nothing", async () => {
    const content = demoContent("dataquint");
    content.overrides.legal_basis = {
      mode: "append",
      body: { nl: "Vraag het {{company.dpo.email}}.", en: "Ask {{company.dpo.email}}." },
    };
    delete content.profile.dpo;
    const before = await Promise.all(["statement_renderings", "rendering_packs"].map(countRows));
    const attempt = publishAt(env.DB, "conxillium", "dataquint", content, "2026-02-03T00:00:00.000Z");
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ status: 422, code: "statement_has_problems" });
    expect(await Promise.all(["statement_renderings", "rendering_packs"].map(countRows))).toEqual(before);
  });

  it("numbers after a version that got in first when what the caller knew is stale, and changes nothing of it", async () => {
    const withPhone = (phone: string) => {
      const content = demoContent("i-real");
      content.profile.phone = phone;
      return content;
    };
    const v1 = await env.DB.prepare(
      `SELECT v.content_hash FROM statement_versions v JOIN tenants t ON t.id = v.tenant_id
       WHERE t.slug = 'i-real' AND v.number = 1`,
    ).first<{ content_hash: string }>();
    // What a rollout read before another publish of the company got in.
    const stale = { number: 1, latestHash: v1!.content_hash, inForceHash: v1!.content_hash };
    const first = await publishAt(
      env.DB,
      "conxillium",
      "i-real",
      withPhone("+31 20 000 0101"),
      "2026-03-01T00:00:00.000Z",
    );
    const second = await publishAt(
      env.DB,
      "conxillium",
      "i-real",
      withPhone("+31 20 000 0102"),
      "2026-03-01T00:00:01.000Z",
      {
        publishedSoFar: stale,
      },
    );
    expect([first.number, second.number]).toEqual([2, 3]);
    const { results } = await env.DB.prepare(
      `SELECT v.number, v.content FROM statement_versions v JOIN tenants t ON t.id = v.tenant_id
       WHERE t.slug = 'i-real' ORDER BY v.number`,
    ).all<{ number: number; content: string }>();
    expect(results.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(JSON.parse(results[1]!.content).profile.phone).toBe("+31 20 000 0101");
    // Stale knowledge does not let the same statement through twice either.
    await expect(
      publishAt(env.DB, "conxillium", "i-real", withPhone("+31 20 000 0102"), "2026-03-01T00:00:02.000Z", {
        publishedSoFar: stale,
      }),
    ).rejects.toMatchObject({ status: 409, code: "nothing_changed" });
  });

  it("refuses an effective date in the past", async () => {
    await expect(
      publishAt(env.DB, "conxillium", "sim", demoContent("sim"), "2026-02-03T00:00:00.000Z", {
        effectiveFrom: "2026-02-02T00:00:00.000Z",
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
