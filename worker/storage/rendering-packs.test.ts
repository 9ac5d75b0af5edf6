// Renderings at rest (issue 20, item 1): stored once, compressed, and served byte for byte as they
// were published, checked against their hash.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_BASELINE, DEMO_GROUP } from "#shared/demo/index.ts";
import { sha256Hex } from "#shared/hash.ts";
import { preparePublication, type RenderedOutput } from "#shared/publication.ts";
import { findLatestBaselineVersion } from "../db/baselines.ts";
import { findGroupBySlug, findTenant } from "../db/groups.ts";
import { prepareInsertRenderings, prepareInsertVersion } from "../db/statements.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { call } from "../test/clients.ts";
import { compressDeflateRaw, demoContent } from "../test/fixtures.ts";
import { brotliCompressSync, constants } from "node:zlib";
import {
  BodyChangedError,
  bytesToHexText,
  decodePack,
  PACK_DECODED_LIMIT,
  packRenderings,
  readBody,
} from "./rendering-packs.ts";

const count = async (table: string): Promise<number> =>
  (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
});

describe("renderings at rest", () => {
  it("serves every rendering byte for byte as it was rendered at publishing, under the hash of those bytes", async () => {
    const version = await env.DB.prepare(
      `SELECT v.number, v.published_at, v.effective_from, v.content FROM statement_versions v
       JOIN tenants t ON t.id = v.tenant_id WHERE t.slug = 'geotax' AND v.number = 1`,
    ).first<{ number: number; published_at: string; effective_from: string; content: string }>();
    // What the publish rendered, rendered again from what the version records.
    const rendered = await preparePublication(
      DEMO_BASELINE,
      { group: DEMO_GROUP, slug: "geotax", content: JSON.parse(version!.content) },
      {
        version: 1,
        publishedAt: version!.published_at,
        effectiveFrom: version!.effective_from,
        baselineVersion: 1,
      },
    );
    expect(rendered.outputs).toHaveLength(10);
    const extension = { html: ".html", fragment: ".html?fragment&", json: ".json", md: ".md", txt: ".txt" };
    for (const output of rendered.outputs) {
      const path = `/v1/statements/conxillium/geotax/versions/1${extension[output.format]}`;
      const res = await call(`${path}${path.includes("?") ? "" : "?"}lang=${output.language}`);
      expect(res.status, `${output.language} ${output.format}`).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes).toEqual(new TextEncoder().encode(output.body));
      expect(res.headers.get("ETag")).toBe(`"${sha256Hex(output.body)}"`);
      expect(res.headers.get("Content-Language")).toBe(output.language);
    }
  });

  it("keeps a version's ten renderings in two compressed packs, far smaller than the texts", async () => {
    const rows = await env.DB.prepare(
      `SELECT p.encoding, p.size, length(p.bytes) AS stored, COUNT(*) AS renderings,
              SUM(r.byte_length) AS served
       FROM statement_renderings r JOIN rendering_packs p ON p.id = r.pack_id
       JOIN statement_versions v ON v.id = r.version_id JOIN tenants t ON t.id = v.tenant_id
       WHERE t.slug = 'geotax' AND v.number = 1 GROUP BY p.id`,
    ).all<{ encoding: string; size: number; stored: number; renderings: number; served: number }>();
    expect(rows.results).toHaveLength(2);
    for (const pack of rows.results) {
      expect(pack.encoding).toBe("br");
      expect(pack.renderings).toBe(5);
      // The fragment is the part of the page that it is: stored once.
      expect(pack.size).toBeLessThan(pack.served);
      expect(pack.stored * 5).toBeLessThan(pack.served);
    }
  });

  it("stores identical renderings once, whichever versions and companies they belong to", async () => {
    const group = (await findGroupBySlug(env.DB, "conxillium"))!;
    const baseline = (await findLatestBaselineVersion(env.DB, group.id))!;
    const [pharox, procura] = await Promise.all(
      ["pharox", "procura"].map(async (slug) => (await findTenant(env.DB, group.id, slug))!),
    );
    // The same ten bodies, as a retried write or a restored text would bring them again.
    const outputs: RenderedOutput[] = (["nl", "en"] as const).flatMap((language) =>
      (["html", "fragment", "json", "md", "txt"] as const).map((format) => {
        const body = `<p>Zelfde tekst (${language}/${format}): ${"herhaald ".repeat(40)}</p>\n`;
        return { language, format, body, bytes: new TextEncoder().encode(body), bodyHash: sha256Hex(body) };
      }),
    );
    const packed = await packRenderings(outputs);
    const packsBefore = await count("rendering_packs");
    for (const [tenant, number] of [
      [pharox!, 50],
      [procura!, 50],
      [procura!, 51],
    ] as const) {
      await env.DB.batch([
        prepareInsertVersion(env.DB, {
          tenantId: tenant.id,
          number,
          baselineVersionId: baseline.id,
          content: demoContent(tenant.slug),
          languages: ["nl", "en"],
          changeNote: "storage test",
          material: false,
          contentHash: "a".repeat(64),
          publishedAt: "2026-01-11T09:00:00.000Z",
          effectiveFrom: "2026-01-11T09:00:00.000Z",
          publishedBy: null,
          completenessOverride: null,
        }),
        ...prepareInsertRenderings(env.DB, tenant.id, number, packed),
      ]);
    }
    // Two packs (one per language) for three versions of two companies.
    expect(await count("rendering_packs")).toBe(packsBefore + 2);
    const stored = await env.DB.prepare(
      `SELECT r.body_hash, r.byte_start, r.byte_length, p.encoding, hex(p.bytes) AS hex
       FROM statement_renderings r JOIN rendering_packs p ON p.id = r.pack_id
       JOIN statement_versions v ON v.id = r.version_id
       WHERE v.number IN (50, 51) ORDER BY v.id, r.language, r.format`,
    ).all<{
      body_hash: string;
      byte_start: number;
      byte_length: number;
      encoding: "br";
      hex: string;
    }>();
    expect(stored.results).toHaveLength(30);
    for (const row of stored.results) {
      const body = new TextDecoder().decode(
        await readBody({
          encoding: row.encoding,
          hex: row.hex,
          start: row.byte_start,
          length: row.byte_length,
          bodyHash: row.body_hash,
        }),
      );
      expect(outputs.find((o) => o.bodyHash === row.body_hash)?.body).toBe(body);
    }
  });

  it("still serves packs written before Brotli (deflate-raw), checked against their hash", async () => {
    // A pack as the worker wrote them from migration 0018 until 0025: the same bodies, deflate-raw.
    const page = "<!doctype html><title>Vóór 0025</title><p>Gecomprimeerd met deflate-raw — € é.</p>\n";
    const decoded = new TextEncoder().encode(page);
    const hex = bytesToHexText(await compressDeflateRaw(decoded));
    const stored = { encoding: "deflate-raw" as const, hex, start: 0, length: decoded.length };
    const body = await readBody({ ...stored, bodyHash: sha256Hex(page) });
    expect(new TextDecoder().decode(body)).toBe(page);
    // And bytes that are not what was published are refused.
    await expect(readBody({ ...stored, bodyHash: sha256Hex("iets anders") })).rejects.toThrow(
      BodyChangedError,
    );
  });

  it("refuses, as damaged, stored bytes that do not decode at all", async () => {
    for (const encoding of ["br", "deflate-raw"] as const) {
      const read = readBody({
        encoding,
        hex: "ff".repeat(40),
        start: 0,
        length: 10,
        bodyHash: "a".repeat(64),
      });
      await expect(read, encoding).rejects.toThrow(BodyChangedError);
      await expect(read, encoding).rejects.toThrow(/do not decode/);
    }
  });

  it("refuses, as damaged, stored bytes that decode to far more than any pack (a zip bomb)", async () => {
    // 32 MiB of zeros, a few kilobytes compressed: what a database writer who is not the app could store.
    const zeros = new Uint8Array(2 * PACK_DECODED_LIMIT);
    const bombs = {
      "deflate-raw": await compressDeflateRaw(zeros),
      br: brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }),
    } as const;
    for (const [encoding, bytes] of Object.entries(bombs) as [keyof typeof bombs, Uint8Array][]) {
      expect(bytes.length, encoding).toBeLessThan(100_000);
      const hex = bytesToHexText(bytes);
      await expect(decodePack(encoding, hex), encoding).rejects.toThrow(RangeError);
      const read = readBody({ encoding, hex, start: 0, length: 10, bodyHash: "a".repeat(64) });
      await expect(read, encoding).rejects.toThrow(BodyChangedError);
    }
  });
});
