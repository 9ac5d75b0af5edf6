// Renderings at rest (migration 0018). The five formats of one language of a version say the same
// words, so they are stored together as one pack: the HTML page, then Markdown, text and JSON (the
// fragment is a range inside the page, which contains it byte for byte), compressed with Brotli
// (migration 0025; packs written before it are deflate-raw, and stay so) and addressed by the
// SHA-256 of the decoded bytes. Compressed together, the ten
// renderings of a demo version take about a tenth of their size; compressed one by one, a quarter
// (scripts/bench/README.md). Reading a rendering decodes its pack, takes its byte range and checks
// it against the rendering's own hash, so bytes that changed at rest are never served.
import { brotliCompressSync, brotliDecompressSync, constants } from "node:zlib";
import { bytesToHex, concatBytes, hexToBytes } from "@noble/hashes/utils.js";
import { digestBytesSha256Hex } from "#shared/hash.ts";
import type { Language } from "#shared/model.ts";
import type { RenderFormat, RenderedOutput } from "#shared/publication.ts";

export type PackEncoding = "identity" | "deflate-raw" | "br";

const PACK_ENCODINGS: readonly PackEncoding[] = ["identity", "deflate-raw", "br"];

/** A pack's encoding as the database stores it; the table's CHECK allows these alone (migration 0025). */
export function readPackEncoding(stored: string): PackEncoding {
  const encoding = PACK_ENCODINGS.find((known) => known === stored);
  if (encoding === undefined) throw new Error(`a rendering pack has an unknown encoding: ${stored}`);
  return encoding;
}

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

/**
 * Brotli's quality for packs (0 fastest … 11 smallest). Quality 1 takes about half the time of
 * zlib's level 4 in workerd, which packs were written with before, for packs about 5 % larger: a
 * rollout compresses every company's packs (scripts/bench/README.md, "Session 12").
 */
const PACK_BROTLI_QUALITY = 1;

/**
 * The most bytes a pack may decode to. The largest packs are a 1,000-company group's that name every
 * member (about 200 KB a language); bytes a database writer who is not the app stored to decode to
 * far more (a "zip bomb") are refused before they take the isolate's 128 MB.
 */
export const PACK_DECODED_LIMIT = 16 * 1024 * 1024;

/** deflate-raw bytes decoded, refused past PACK_DECODED_LIMIT. */
async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new DecompressionStream("deflate-raw");
  // One write of the whole buffer: feeding it in small chunks (Blob.stream()) costs twice the time.
  const writer = stream.writable.getWriter();
  // Bytes that do not decode fail the readable side, which is what is read below; the writer's
  // promises fail with it and are not a second error.
  const ignore = (): void => undefined;
  writer.write(bytes).catch(ignore);
  writer.close().catch(ignore);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.readable.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.length;
    if (size > PACK_DECODED_LIMIT) {
      await reader.cancel();
      throw new RangeError(`a pack decodes to more than ${PACK_DECODED_LIMIT} bytes`);
    }
    chunks.push(read.value);
  }
  return concatBytes(...chunks);
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
  const stored: { body: string; bytes: Uint8Array; start: number }[] = [];
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
    stored.push({ body: output.body, bytes: output.bytes, start: size });
    size += output.bytes.length;
  }
  const decoded = concatBytes(...stored.map((s) => s.bytes));
  // node:zlib (wrangler.toml, nodejs_zlib): CompressionStream has neither Brotli nor a level.
  const bytes = brotliCompressSync(decoded, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: PACK_BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  const hash = await digestBytesSha256Hex(decoded);
  const placements = placed.map((p) => ({ ...p, packHash: hash }));
  return { pack: { hash, encoding: "br", size, bytes }, placements };
}

/** The body already in the pack that contains `body`, and where in it (in UTF-16 code units). */
function findHolder<Stored extends { body: string }>(
  stored: readonly Stored[],
  body: string,
): (Stored & { found: number }) | null {
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

/** A pack's decoded bytes; throws for bytes that do not decode, or decode past PACK_DECODED_LIMIT. */
export async function decodePack(encoding: PackEncoding, hex: string): Promise<Uint8Array<ArrayBuffer>> {
  // Uint8Array.fromHex where the runtime has it (workerd does); SQLite's hex() is upper case.
  const bytes = hexToBytes(hex);
  switch (encoding) {
    case "identity":
      return new Uint8Array(bytes);
    case "deflate-raw":
      return inflateRaw(bytes);
    case "br":
      return new Uint8Array(brotliDecompressSync(bytes, { maxOutputLength: PACK_DECODED_LIMIT }));
  }
}

/**
 * The rendering's bytes, checked against its hash; throws BodyChangedError when they differ, or
 * when the stored bytes do not even decode.
 */
export async function readBody(stored: StoredBody): Promise<Uint8Array<ArrayBuffer>> {
  let pack: Uint8Array<ArrayBuffer>;
  try {
    pack = await decodePack(stored.encoding, stored.hex);
  } catch {
    throw new BodyChangedError(stored.bodyHash, `bytes that do not decode as ${stored.encoding}`);
  }
  return takeVerified(pack, stored);
}

/** The range of a decoded pack, checked against the rendering's hash. */
export async function takeVerified(
  pack: Uint8Array<ArrayBuffer>,
  range: { start: number; length: number; bodyHash: string },
): Promise<Uint8Array<ArrayBuffer>> {
  const body = pack.subarray(range.start, range.start + range.length);
  const actual = await digestBytesSha256Hex(body);
  if (actual !== range.bodyHash) throw new BodyChangedError(range.bodyHash, actual);
  return body;
}

const decoder = new TextDecoder();

/** A rendering as text (the JSON rendering that comparisons read). */
export const readBodyText = async (stored: StoredBody): Promise<string> =>
  decoder.decode(await readBody(stored));

/** Hex for binding bytes to SQL (`unhex(?)`); see StoredBody.hex for why not a BLOB parameter. */
export const bytesToHexText = (bytes: Uint8Array): string => bytesToHex(bytes);
