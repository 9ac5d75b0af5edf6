// Renderings at rest (migration 0018). The five formats of one language of a version say the same
// words, so they are stored together as one pack: the HTML page, then Markdown, text and JSON (the
// fragment is a range inside the page, which contains it byte for byte), compressed with
// deflate-raw and addressed by the SHA-256 of the decoded bytes. Compressed together, the ten
// renderings of a demo version take about a tenth of their size; compressed one by one, a quarter
// (scripts/bench/README.md). Reading a rendering decodes its pack, takes its byte range and checks
// it against the rendering's own hash, so bytes that changed at rest are never served.
import { deflateRawSync } from "node:zlib";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import type { Language } from "#shared/model.ts";
import type { RenderFormat, RenderedOutput } from "#shared/publication.ts";

export type PackEncoding = "identity" | "deflate-raw";

/** A pack as it is stored: its address, its encoding and its encoded bytes. */
export interface Pack {
  hash: string;
  encoding: PackEncoding;
  /** Decoded length in bytes. */
  size: number;
  bytes: Uint8Array;
}

/** Where one rendering's bytes are. */
export interface Placement {
  language: Language;
  format: RenderFormat;
  bodyHash: string;
  packHash: string;
  start: number;
  length: number;
}

export interface PackedRenderings {
  packs: Pack[];
  placements: Placement[];
}

/**
 * The order within a pack: deflate finds what a format repeats of the one before it only within
 * 32 KB, so the formats that share the most follow each other.
 */
export const PACK_ORDER: readonly RenderFormat[] = ["html", "fragment", "md", "txt", "json"];

const encoder = new TextEncoder();

/** zlib's compression level for packs (1 fastest … 9 smallest); measured in npm run bench. */
const PACK_DEFLATE_LEVEL = 4;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
}

async function transform(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  // One write of the whole buffer: feeding it in small chunks (Blob.stream()) costs twice the time.
  const writer = stream.writable.getWriter();
  void writer.write(bytes);
  void writer.close();
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}

/** Packs a version's renderings, one pack per language; `outputs` carry each body's hash. */
export async function packRenderings(outputs: readonly RenderedOutput[]): Promise<PackedRenderings> {
  const languages = [...new Set(outputs.map((o) => o.language))];
  const packed = await Promise.all(
    languages.map((language) => packLanguage(outputs.filter((o) => o.language === language))),
  );
  return { packs: packed.map((p) => p.pack), placements: packed.flatMap((p) => p.placements) };
}

async function packLanguage(outputs: RenderedOutput[]): Promise<{ pack: Pack; placements: Placement[] }> {
  const ordered = [...outputs].sort((a, b) => PACK_ORDER.indexOf(a.format) - PACK_ORDER.indexOf(b.format));
  // The pack is the bodies' bytes (encoded once, by preparePublication) one after the other, and a
  // rendering's place is counted in bytes as it goes. A body is looked for in each stored body on
  // its own: joining them into one text to search would copy all of it for every body.
  const stored: { body: string; start: number }[] = [];
  const parts: Uint8Array[] = [];
  let size = 0;
  const placed: Omit<Placement, "packHash">[] = [];
  for (const output of ordered) {
    const where = { language: output.language, format: output.format, bodyHash: output.bodyHash };
    const holder = findHolder(stored, output.body);
    if (holder) {
      // A body the pack already holds (the fragment, inside the page) is stored once.
      const { found } = holder;
      placed.push({
        ...where,
        start: holder.start + encoder.encode(holder.body.slice(0, found)).length,
        length: output.bytes.length,
      });
      continue;
    }
    placed.push({ ...where, start: size, length: output.bytes.length });
    stored.push({ body: output.body, start: size });
    parts.push(output.bytes);
    size += output.bytes.length;
  }
  const decoded = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    decoded.set(part, offset);
    offset += part.length;
  }
  // zlib's level 4, where CompressionStream has only level 6: about half the time for packs 3 %
  // larger (wrangler.toml, nodejs_zlib). Any deflate-raw decoder reads either.
  const bytes = deflateRawSync(decoded, { level: PACK_DEFLATE_LEVEL });
  const hash = await sha256Hex(decoded);
  const placements = placed.map((p) => ({ ...p, packHash: hash }));
  return { pack: { hash, encoding: "deflate-raw", size, bytes }, placements };
}

/** The body already in the pack that contains `body`, and where in it (in UTF-16 code units). */
function findHolder(
  stored: readonly { body: string; start: number }[],
  body: string,
): { body: string; start: number; found: number } | null {
  for (const holder of stored) {
    const found = holder.body.indexOf(body);
    if (found >= 0) return { ...holder, found };
  }
  return null;
}

/** The stored bytes of a pack and a rendering's range in it, as the database answers them. */
export interface StoredBody {
  encoding: PackEncoding;
  /** The encoded bytes, hex (D1 answers a BLOB as an array of numbers, hex is several times cheaper). */
  hex: string;
  start: number;
  length: number;
  /** What the bytes must hash to. */
  bodyHash: string;
}

/** Stored bytes that do not hash to what was published: never served, named by the integrity check. */
export class BodyChangedError extends Error {
  readonly expected: string;
  readonly actual: string;

  constructor(expected: string, actual: string) {
    super(`a stored rendering does not match its hash (expected ${expected}, found ${actual})`);
    this.expected = expected;
    this.actual = actual;
  }
}

/** A pack's decoded bytes. */
export async function decodePack(encoding: PackEncoding, hex: string): Promise<Uint8Array<ArrayBuffer>> {
  // Uint8Array.fromHex where the runtime has it (workerd does); SQLite's hex() is upper case.
  const bytes = hexToBytes(hex);
  return encoding === "identity"
    ? new Uint8Array(bytes)
    : transform(bytes, new DecompressionStream("deflate-raw"));
}

/** The rendering's bytes, checked against its hash; throws BodyChangedError when they differ. */
export async function readBody(stored: StoredBody): Promise<Uint8Array<ArrayBuffer>> {
  const pack = await decodePack(stored.encoding, stored.hex);
  return takeVerified(pack, stored);
}

/** The range of a decoded pack, checked against the rendering's hash. */
export async function takeVerified(
  pack: Uint8Array<ArrayBuffer>,
  range: { start: number; length: number; bodyHash: string },
): Promise<Uint8Array<ArrayBuffer>> {
  const body = pack.subarray(range.start, range.start + range.length);
  const actual = await sha256Hex(body);
  if (actual !== range.bodyHash) throw new BodyChangedError(range.bodyHash, actual);
  return body;
}

const decoder = new TextDecoder();

/** A rendering as text (the JSON rendering that comparisons read). */
export const readBodyText = async (stored: StoredBody): Promise<string> =>
  decoder.decode(await readBody(stored));

/** Hex for binding bytes to SQL (`unhex(?)`); see StoredBody.hex for why not a BLOB parameter. */
export const bytesToHexText = (bytes: Uint8Array): string => bytesToHex(bytes);
