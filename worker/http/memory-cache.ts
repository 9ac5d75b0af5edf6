// A small in-isolate store with a freshness limit, an optional hard expiry and oldest-first
// eviction. Isolates do not share memory, so this only ever saves work; it never coordinates.

export class MemoryCache<T> {
  readonly #entries = new Map<string, { value: T; expiresAt: number }>();
  readonly #maxEntries: number;
  readonly #freshForMs: number;

  constructor(maxEntries: number, freshForMs: number) {
    this.#maxEntries = maxEntries;
    this.#freshForMs = freshForMs;
  }

  get(key: string, now: number): T | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt > now) return entry.value;
    this.#entries.delete(key);
    return null;
  }

  /** Keeps `value` while fresh, but never past `expiresAt` (e.g. when a scheduled version takes effect). */
  set(key: string, value: T, now: number, expiresAt: number | null = null): void {
    this.#entries.delete(key);
    // Oldest first: a Map iterates in insertion order.
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    this.#entries.set(key, { value, expiresAt: Math.min(now + this.#freshForMs, expiresAt ?? Infinity) });
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
