// Bench: what a published version costs at rest (issue 20, items 1 and 5). Reads the SQLite file
// behind the bench's local D1 (while no runtime has it open) and prints one JSON line:
//
// - per version, the bytes of its ten renderings as served (what migration 0001's schema stored,
//   one full text each: "before") and the bytes of the packs its renderings point at, each pack
//   counted once however many versions share it ("after"), for the demo companies and for the
//   generated ones (whose statements name every member of the 10,000-company group);
// - how many renderings are byte-identical to another one, and how many packs are shared;
// - the version rows' own columns (content JSON, hashes), which are the same before and after.
//
// Usage: node scripts/bench/storage.ts --persist-to DIR [--prefix bench-]
import { DatabaseSync } from "node:sqlite";
import { findLocalD1File } from "./sqlite-d1.ts";

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const persistTo = argument("--persist-to");
const prefix = argument("--prefix") ?? "bench-";
if (!persistTo) {
  console.error("usage: node scripts/bench/storage.ts --persist-to DIR [--prefix bench-]");
  process.exit(2);
}

const db = new DatabaseSync(findLocalD1File(persistTo), { readOnly: true });
try {
  interface Totals {
    versions: number;
    renderedBytes: number;
    packBytes: number;
    versionRowBytes: number;
  }
  /** Totals over the versions of companies whose slug does (generated) or does not start with the prefix. */
  const totals = (generated: boolean): Totals => {
    const where = `t.slug ${generated ? "" : "NOT "}LIKE ?1 || '%'`;
    const versions = db
      .prepare(
        `SELECT COUNT(*) AS n, COALESCE(SUM(length(v.content) + length(v.content_hash) + length(v.change_note)), 0) AS row_bytes
         FROM statement_versions v JOIN tenants t ON t.id = v.tenant_id WHERE ${where}`,
      )
      .get(prefix) as { n: number; row_bytes: number };
    const rendered = db
      .prepare(
        `SELECT COALESCE(SUM(r.byte_length), 0) AS bytes FROM statement_renderings r
         JOIN statement_versions v ON v.id = r.version_id JOIN tenants t ON t.id = v.tenant_id WHERE ${where}`,
      )
      .get(prefix) as { bytes: number };
    const packs = db
      .prepare(
        `SELECT COALESCE(SUM(length(p.bytes)), 0) AS bytes FROM rendering_packs p WHERE p.id IN (
           SELECT r.pack_id FROM statement_renderings r JOIN statement_versions v ON v.id = r.version_id
           JOIN tenants t ON t.id = v.tenant_id WHERE ${where})`,
      )
      .get(prefix) as { bytes: number };
    return {
      versions: versions.n,
      renderedBytes: rendered.bytes,
      packBytes: packs.bytes,
      versionRowBytes: versions.row_bytes,
    };
  };
  const perVersion = (t: Totals) => {
    const n = Math.max(t.versions, 1);
    const before = (t.renderedBytes + t.versionRowBytes) / n;
    const after = (t.packBytes + t.versionRowBytes) / n;
    return {
      versions: t.versions,
      renderingsBeforeBytes: Math.round(t.renderedBytes / n),
      renderingsAfterBytes: Math.round(t.packBytes / n),
      versionRowBytes: Math.round(t.versionRowBytes / n),
      beforeBytes: Math.round(before),
      afterBytes: Math.round(after),
      ratio: Number((before / Math.max(after, 1)).toFixed(2)),
    };
  };
  const counts = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM statement_renderings) AS renderings,
              (SELECT COUNT(DISTINCT body_hash) FROM statement_renderings) AS distinct_bodies,
              (SELECT COUNT(*) FROM rendering_packs) AS packs,
              (SELECT COUNT(*) FROM (SELECT DISTINCT version_id, language FROM statement_renderings)) AS version_languages,
              (SELECT COUNT(*) FROM statement_versions) AS versions`,
    )
    .get() as {
    renderings: number;
    distinct_bodies: number;
    packs: number;
    version_languages: number;
    versions: number;
  };
  console.log(
    JSON.stringify({
      demo: perVersion(totals(false)),
      generated: perVersion(totals(true)),
      dedupe: {
        versions: counts.versions,
        renderings: counts.renderings,
        distinctRenderings: counts.distinct_bodies,
        packs: counts.packs,
        // A pack per version and language unless identical bytes were already stored.
        packsIfNoneShared: counts.version_languages,
      },
    }),
  );
} finally {
  db.close();
}
