// The one function of `node:zlib` the Worker uses (worker/storage/rendering-packs.ts). workerd
// provides the module with the `nodejs_zlib` compatibility flag alone (wrangler.toml), without
// `nodejs_compat` and its Node globals, so `wrangler types` does not declare it.
declare module "node:zlib" {
  interface ZlibOptions {
    /** 0 (stored) to 9 (smallest); -1 is zlib's default, 6. */
    level?: number;
  }
  /** Raw deflate (no header), as CompressionStream("deflate-raw") writes it. */
  export function deflateRawSync(data: Uint8Array, options?: ZlibOptions): Uint8Array;
}
