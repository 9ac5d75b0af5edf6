// Published renderings kept in the isolate's memory for a few seconds. A company's privacy page is
// fetched far more often than it changes; without this, every page view costs a D1 round trip,
// which is most of what a public request costs. Each isolate holds its own copy, so a publish
// reaches every visitor within FRESH_FOR_MS (plus replica lag); see README "Consistency".
import type { Rendering } from "../db/statements.ts";

/** How long an isolate may answer from memory without asking D1 again. */
export const FRESH_FOR_MS = 10_000;
const MAX_ENTRIES = 512;

export interface CachedRendering {
  rendering: Rendering;
  /** The body as UTF-8, encoded once rather than on every response. */
  body: Uint8Array<ArrayBuffer>;
  expiresAt: number;
}

const encoder = new TextEncoder();

export class RenderingCache {
  readonly #entries = new Map<string, CachedRendering>();
  readonly #maxEntries: number;
  readonly #freshForMs: number;

  constructor(maxEntries: number, freshForMs: number) {
    this.#maxEntries = maxEntries;
    this.#freshForMs = freshForMs;
  }

  get(key: string, now: number): CachedRendering | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt > now) return entry;
    this.#entries.delete(key);
    return null;
  }

  /**
   * Keeps a rendering until it is no longer fresh, or until `supersededAt` (when a scheduled
   * version takes effect), whichever comes first.
   */
  set(key: string, rendering: Rendering, now: number, supersededAt: number | null = null): CachedRendering {
    const expiresAt = Math.min(now + this.#freshForMs, supersededAt ?? Number.POSITIVE_INFINITY);
    const entry = { rendering, body: encoder.encode(rendering.body), expiresAt };
    this.#entries.delete(key);
    // Oldest first: Map iterates in insertion order.
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    this.#entries.set(key, entry);
    return entry;
  }

  /** Called after a publish in this isolate, so that its author sees the new version at once. */
  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

export const renderingCache = new RenderingCache(MAX_ENTRIES, FRESH_FOR_MS);
