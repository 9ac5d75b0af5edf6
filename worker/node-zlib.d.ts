// The functions of `node:zlib` the Worker uses (worker/storage/rendering-packs.ts). workerd
// provides the module with the `nodejs_zlib` compatibility flag alone (wrangler.toml), without
// `nodejs_compat` and its Node globals, so `wrangler types` does not declare it.
declare module "node:zlib" {
  interface ZlibOptions {
    /** 0 (stored) to 9 (smallest); -1 is zlib's default, 6. */
    level?: number;
  }
  /** Raw deflate (no header), as CompressionStream("deflate-raw") writes it. */
  export function deflateRawSync(data: Uint8Array, options?: ZlibOptions): Uint8Array;

  interface BrotliOptions {
    /** Encoder parameters by their constants (BROTLI_PARAM_QUALITY, …). */
    params?: Record<number, number>;
  }
  /** Brotli (RFC 7932). */
  export function brotliCompressSync(data: Uint8Array, options?: BrotliOptions): Uint8Array;
  /** Throws a RangeError when the output would pass `maxOutputLength` bytes. */
  export function brotliDecompressSync(data: Uint8Array, options?: { maxOutputLength?: number }): Uint8Array;
  export const constants: {
    BROTLI_PARAM_QUALITY: number;
    BROTLI_PARAM_SIZE_HINT: number;
    BROTLI_PARAM_MODE: number;
    BROTLI_MODE_TEXT: number;
  };
}
