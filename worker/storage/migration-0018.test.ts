// Migration 0018 moves the renderings written before it into the packed store: each distinct body
// becomes one pack (uncompressed, addressed by the hash it was already served under), nothing is
// lost, and every rendering is served afterwards exactly as before.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "#shared/hash.ts";
import { findRenderingOfVersion } from "../db/statements.ts";
import { readBody } from "./rendering-packs.ts";

const db = env.MIGRATION_DB;
const before = env.TEST_MIGRATIONS.filter((m) => m.name < "0018");
const from0018 = env.TEST_MIGRATIONS.filter((m) => m.name >= "0018");
const NOW = "2026-01-10T09:00:00.000Z";

describe("migration 0018", () => {
  it("moves every rendering into a pack, each distinct body once, and serves it unchanged", async () => {
    await applyD1Migrations(db, before);
    const page = "<!doctype html><title>Oud</title><p>Geschreven vóór 0018 — met é en €.</p>\n";
    const text = "Geschreven vóór 0018.\n";
    await db.batch([
      db
        .prepare(
          `INSERT INTO groups (slug, name, languages, default_language, created_at)
         VALUES ('oud', 'Oude Groep', '["nl","en"]', 'nl', ?1)`,
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
      ...[1, 2].map((number) =>
        db
          .prepare(
            `INSERT INTO statement_versions (tenant_id, number, baseline_version_id, content, languages, change_note,
             material, content_hash, published_at, effective_from)
           SELECT t.id, ?1, b.id, '{}', '["nl"]', 'v', 1, ?2, ?3, ?3 FROM tenants t, baseline_versions b
           WHERE t.slug = 'eerste'`,
          )
          .bind(number, String(number).repeat(64), NOW),
      ),
      // Version 2 says in text what version 1 says: one body, two renderings.
      ...[
        [1, "html", page],
        [1, "txt", text],
        [2, "html", `${page}<p>Versie 2.</p>\n`],
        [2, "txt", text],
      ].map(([number, format, body]) =>
        db
          .prepare(
            `INSERT INTO statement_renderings (version_id, language, format, body, body_hash)
           SELECT v.id, 'nl', ?2, ?3, ?4 FROM statement_versions v WHERE v.number = ?1`,
          )
          .bind(number, format, body, sha256Hex(String(body))),
      ),
    ]);

    await applyD1Migrations(db, from0018);

    const packs = await db.prepare("SELECT hash, encoding, size FROM rendering_packs ORDER BY hash").all<{
      hash: string;
      encoding: string;
      size: number;
    }>();
    const distinct = [page, text, `${page}<p>Versie 2.</p>\n`];
    expect(packs.results).toEqual(
      distinct
        .map((body) => ({
          hash: sha256Hex(body),
          encoding: "identity",
          size: new TextEncoder().encode(body).length,
        }))
        .sort((a, b) => (a.hash < b.hash ? -1 : 1)),
    );
    for (const [number, format, body] of [
      [1, "html", page],
      [1, "txt", text],
      [2, "html", `${page}<p>Versie 2.</p>\n`],
      [2, "txt", text],
    ] as const) {
      const found = await findRenderingOfVersion(db, {
        group: "oud",
        tenant: "eerste",
        format,
        language: null,
        number,
      });
      expect(found, `${number} ${format}`).not.toBeNull();
      expect(new TextDecoder().decode(await readBody(found!.stored))).toBe(body);
      expect(found!.bodyHash).toBe(sha256Hex(body));
    }
    // And the guards hold on the new tables.
    await expect(db.prepare("UPDATE rendering_packs SET size = 0").run()).rejects.toThrow(/immutable/);
    await expect(db.prepare("DELETE FROM statement_renderings").run()).rejects.toThrow(/immutable/);
  });
});
