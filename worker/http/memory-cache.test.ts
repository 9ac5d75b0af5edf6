import { describe, expect, it } from "vitest";
import { MemoryCache } from "./memory-cache.ts";

describe("MemoryCache", () => {
  it("keeps a value for its freshness period and no longer", () => {
    const cache = new MemoryCache<string>(10, 1000);
    cache.set("jcc", "v1", 5000);
    expect(cache.get("jcc", 5999)).toBe("v1");
    expect(cache.get("jcc", 6000)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("drops a value at its hard expiry, even while still fresh", () => {
    const cache = new MemoryCache<string>(10, 60_000);
    cache.set("jcc", "v1", 5000, 5200);
    expect(cache.get("jcc", 5199)).toBe("v1");
    expect(cache.get("jcc", 5200)).toBeNull();
  });

  it("evicts the oldest entry when full, and forgets everything on clear", () => {
    const cache = new MemoryCache<number>(2, 1000);
    cache.set("a", 1, 0);
    cache.set("b", 2, 0);
    cache.set("c", 3, 0);
    expect(cache.get("a", 1)).toBeNull();
    expect(cache.get("b", 1)).toBe(2);
    expect(cache.get("c", 1)).toBe(3);
    cache.clear();
    expect(cache.get("c", 1)).toBeNull();
  });
});
