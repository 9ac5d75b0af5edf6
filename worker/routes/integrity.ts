// GET /api/groups/{group}/integrity: is every published statement still exactly what was
// published? Decodes every pack that holds a version's renderings and re-hashes it against its
// address, re-hashes the bytes of every rendering against the hash it is served under (its ETag),
// checks that no rendering is missing, and checks each version's content hash against the one its
// sealed audit row recorded at publishing (issue 13, item 6). Paged by version.
import { Hono } from "hono";
import { IntegrityQuerySchema } from "#shared/api-schemas.ts";
import { digestBytesSha256Hex } from "#shared/hash.ts";
import { RENDER_FORMATS } from "#shared/publication.ts";
import { sealBeforeReading } from "../audit/log.ts";
import { chainOf, listPublishedHashesInAudit } from "../db/audit.ts";
import {
  listStoredRenderings,
  listVersionsToCheck,
  type StoredPack,
  type VersionToCheck,
} from "../db/integrity.ts";
import type { AppEnv } from "../env.ts";
import { validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";
import { decodePack } from "../storage/rendering-packs.ts";

const PAGE_DEFAULT = 100;
/** Versions whose renderings are read at once: two packs each, of some 10–40 KB compressed. */
const READ_CHUNK = 10;

type Problem =
  | {
      kind: "body_changed";
      tenant: string;
      version: number;
      language: string;
      format: string;
      storedHash: string;
      actualHash: string;
    }
  | { kind: "rendering_missing"; tenant: string; version: number; language: string; format: string }
  | { kind: "pack_changed"; tenant: string; version: number; storedHash: string; actualHash: string }
  | {
      kind: "content_hash_changed";
      tenant: string;
      version: number;
      storedHash: string;
      auditedHash: string;
    };

/**
 * A pack's decoded bytes (null when they no longer decode), and the hash they have when it is not
 * the pack's address (null when it is).
 */
async function openPack(
  pack: StoredPack,
): Promise<{ bytes: Uint8Array<ArrayBuffer> | null; changedTo: string | null }> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await decodePack(pack.encoding, pack.hex);
  } catch {
    return { bytes: null, changedTo: "undecodable" };
  }
  const actualHash = await digestBytesSha256Hex(bytes);
  return { bytes, changedTo: actualHash === pack.hash && bytes.length === pack.size ? null : actualHash };
}

async function checkVersions(
  db: D1Database,
  versions: VersionToCheck[],
  audited: Map<string, string>,
): Promise<{ renderings: number; unaudited: number; problems: Problem[] }> {
  const problems: Problem[] = [];
  let renderings = 0;
  let unaudited = 0;
  for (let i = 0; i < versions.length; i += READ_CHUNK) {
    const chunk = versions.slice(i, i + READ_CHUNK);
    const stored = await listStoredRenderings(
      db,
      chunk.map((version) => version.id),
    );
    // Each pack is decoded and re-hashed once, however many renderings it holds.
    const packs = new Map(
      await Promise.all(
        stored.packs.map(async (pack) => [pack.id, { pack, opened: await openPack(pack) }] as const),
      ),
    );
    const reported = new Set<number>();
    for (const version of chunk) {
      const mine = stored.renderings.filter((r) => r.versionId === version.id);
      for (const language of version.languages) {
        for (const format of RENDER_FORMATS) {
          if (!mine.some((r) => r.language === language && r.format === format)) {
            problems.push({
              kind: "rendering_missing",
              tenant: version.tenantSlug,
              version: version.number,
              language,
              format,
            });
          }
        }
      }
      for (const rendering of mine) {
        renderings++;
        const held = packs.get(rendering.packId);
        if (held?.opened.changedTo && !reported.has(held.pack.id)) {
          reported.add(held.pack.id);
          problems.push({
            kind: "pack_changed",
            tenant: version.tenantSlug,
            version: version.number,
            storedHash: held.pack.hash,
            actualHash: held.opened.changedTo,
          });
        }
        // A pack that changed still shows which of its renderings did.
        const bytes = held?.opened.bytes;
        const actualHash = bytes
          ? await digestBytesSha256Hex(bytes.subarray(rendering.start, rendering.start + rendering.length))
          : "unreadable";
        if (actualHash !== rendering.bodyHash) {
          problems.push({
            kind: "body_changed",
            tenant: version.tenantSlug,
            version: version.number,
            language: rendering.language,
            format: rendering.format,
            storedHash: rendering.bodyHash,
            actualHash,
          });
        }
      }
      const auditedHash = audited.get(`${version.tenantId}/${version.number}`);
      if (auditedHash === undefined) unaudited++;
      else if (auditedHash !== version.contentHash) {
        problems.push({
          kind: "content_hash_changed",
          tenant: version.tenantSlug,
          version: version.number,
          storedHash: version.contentHash,
          auditedHash,
        });
      }
    }
  }
  return { renderings, unaudited, problems };
}

/** Mounted under /api/groups/:group/integrity, behind resolveGroupAccess. */
export const integrityRoutes = new Hono<AppEnv>().get(
  "/",
  describeRoute({
    summary:
      "Re-hash every stored rendering, name missing ones, and compare each version's content hash with its sealed audit row (paged by version)",
    tag: "Group",
    access: "group admin",
    responses: { 200: "{intact, checked, unaudited, problems, next}" },
  }),
  validate("query", IntegrityQuerySchema),
  async (c) => {
    const access = requireGroupAdmin(c);
    const query = c.req.valid("query");
    const limit = query.limit ?? PAGE_DEFAULT;
    const versions = await listVersionsToCheck(c.env.DB, access.group.id, query.after ?? 0, limit);
    // The audit rows of publishes written a moment ago are sealed first, so they count.
    await sealBeforeReading(c.env, chainOf(access.group.id));
    const audited = new Map(
      (await listPublishedHashesInAudit(c.env.DB, access.group.id)).map((a) => [
        `${a.tenantId}/${a.version}`,
        a.contentHash,
      ]),
    );
    const { renderings, unaudited, problems } = await checkVersions(c.env.DB, versions, audited);
    c.header("Cache-Control", "private, no-store");
    return c.json(
      {
        intact: problems.length === 0,
        checked: { versions: versions.length, renderings },
        /** Versions with no sealed publish row to compare their content hash with. */
        unaudited,
        problems,
        next: versions.length === limit ? (versions.at(-1)?.id ?? null) : null,
      },
      200,
    );
  },
);
