// Migration 0025 lets packs be Brotli. It makes rendering_packs again with the new CHECK: every pack
// written before keeps its id, encoding and bytes, every rendering still points at its pack and is
// served as published, and the guards of 0018 hold on the table made again.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "#shared/hash.ts";
import { findRenderingOfVersion } from "../db/statements.ts";
import { compressDeflateRaw } from "../test/fixtures.ts";
import { readBody } from "./rendering-packs.ts";

const db = env.MIGRATION_DB;
const before = env.TEST_MIGRATIONS.filter((m) => m.name < "0025");
const from0025 = env.TEST_MIGRATIONS.filter((m) => m.name >= "0025");
const NOW = "2026-03-02T09:00:00.000Z";

interface PackRow {
  id: number;
  hash: string;
  encoding: string;
  size: number;
  hex: string;
}

const listPacks = async (): Promise<PackRow[]> =>
  (
    await db
      .prepare("SELECT id, hash, encoding, size, hex(bytes) AS hex FROM rendering_packs ORDER BY id")
      .all<PackRow>()
  ).results;

describe("migration 0025", () => {
  it("keeps every pack and rendering as it was, and then accepts Brotli packs", async () => {
    await applyD1Migrations(db, before);
    // Two packs as the worker wrote them before: one deflate-raw (a page and, inside it, its
    // fragment), one identity (a text, as 0018 moved the oldest renderings).
    const fragment = "<main><p>Vóór 0025 — € é.</p></main>";
    const page = `<!doctype html><title>Oud</title>${fragment}\n`;
    const text = "Vóór 0025.\n";
    const pageBytes = new TextEncoder().encode(page);
    const textBytes = new TextEncoder().encode(text);
    const fragmentStart = new TextEncoder().encode(page.slice(0, page.indexOf(fragment))).length;
    await db.batch([
      db
        .prepare(
          `INSERT INTO groups (slug, name, languages, default_language, created_at)
           VALUES ('oud', 'Oude Groep', '["nl"]', 'nl', ?1)`,
        )
        .bind(NOW),
      db
        .prepare(
          `INSERT INTO tenants (group_id, slug, name, position, created_at)
           SELECT id, 'eerste', 'Eerste', 0, ?1 FROM groups WHERE slug = 'oud'`,
        )
        .bind(NOW),
      db
        .prepare(
          `INSERT INTO baseline_versions (group_id, number, content, change_note, published_at)
           SELECT id, 1, '{}', 'v1', ?1 FROM groups WHERE slug = 'oud'`,
        )
        .bind(NOW),
      db
        .prepare(
          `INSERT INTO statement_versions (tenant_id, number, baseline_version_id, content, languages, change_note,
             material, content_hash, published_at, effective_from)
           SELECT t.id, 1, b.id, '{}', '["nl"]', 'v', 1, ?1, ?2, ?2 FROM tenants t, baseline_versions b`,
        )
        .bind("1".repeat(64), NOW),
      db
        .prepare(
          "INSERT INTO rendering_packs (hash, encoding, size, bytes) VALUES (?1, 'deflate-raw', ?2, ?3)",
        )
        .bind(sha256Hex(page), pageBytes.length, await compressDeflateRaw(pageBytes)),
      db
        .prepare("INSERT INTO rendering_packs (hash, encoding, size, bytes) VALUES (?1, 'identity', ?2, ?3)")
        .bind(sha256Hex(text), textBytes.length, textBytes),
      ...(
        [
          ["html", page, sha256Hex(page), 0, pageBytes.length],
          ["fragment", fragment, sha256Hex(page), fragmentStart, new TextEncoder().encode(fragment).length],
          ["txt", text, sha256Hex(text), 0, textBytes.length],
        ] as const
      ).map(([format, body, packHash, start, length]) =>
        db
          .prepare(
            `INSERT INTO statement_renderings (version_id, language, format, body_hash, pack_id, byte_start, byte_length)
             SELECT v.id, 'nl', ?1, ?2, p.id, ?4, ?5 FROM statement_versions v, rendering_packs p WHERE p.hash = ?3`,
          )
          .bind(format, sha256Hex(body), packHash, start, length),
      ),
    ]);
    const packsBefore = await listPacks();
    expect(packsBefore.map((p) => p.encoding)).toEqual(["deflate-raw", "identity"]);

    await applyD1Migrations(db, from0025);

    // The same rows, byte for byte, under the same ids.
    expect(await listPacks()).toEqual(packsBefore);
    const check = await db.prepare("PRAGMA foreign_key_check").all();
    expect(check.results).toEqual([]);
    for (const [format, body] of [
      ["html", page],
      ["fragment", fragment],
      ["txt", text],
    ] as const) {
      const found = await findRenderingOfVersion(db, {
        group: "oud",
        tenant: "eerste",
        format,
        language: null,
        number: 1,
      });
      expect(found, format).not.toBeNull();
      expect(new TextDecoder().decode(await readBody(found!.stored))).toBe(body);
    }

    // Brotli is now a pack's encoding; anything else is still refused.
    await db
      .prepare("INSERT INTO rendering_packs (hash, encoding, size, bytes) VALUES (?1, 'br', 1, x'0b008061')")
      .bind("b".repeat(64))
      .run();
    await expect(
      db
        .prepare("INSERT INTO rendering_packs (hash, encoding, size, bytes) VALUES (?1, 'gzip', 1, x'00')")
        .bind("c".repeat(64))
        .run(),
    ).rejects.toThrow(/CHECK constraint failed/);

    // The guards of 0018, made again on the new table.
    await expect(db.prepare("UPDATE rendering_packs SET size = 0").run()).rejects.toThrow(/immutable/);
    await expect(db.prepare("DELETE FROM rendering_packs").run()).rejects.toThrow(/immutable/);
    await expect(
      db
        .prepare(
          "INSERT OR REPLACE INTO rendering_packs (hash, encoding, size, bytes) VALUES (?1, 'identity', 1, x'00')",
        )
        .bind(sha256Hex(text))
        .run(),
    ).rejects.toThrow(/never replaced/);
    await expect(
      db
        .prepare(
          `INSERT INTO statement_renderings (version_id, language, format, body_hash, pack_id, byte_start, byte_length)
           SELECT v.id, 'nl', 'md', ?1, p.id, 0, p.size + 1 FROM statement_versions v, rendering_packs p WHERE p.hash = ?2`,
        )
        .bind("d".repeat(64), sha256Hex(text))
        .run(),
    ).rejects.toThrow(/inside its pack/);
  });
});
