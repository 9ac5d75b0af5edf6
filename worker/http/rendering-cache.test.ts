import { describe, expect, it } from "vitest";
import type { Rendering } from "../db/statements.ts";
import { RenderingCache } from "./rendering-cache.ts";

const rendering = (version: number): Rendering => ({
  version,
  publishedAt: "2026-11-22T10:00:00.000Z",
  effectiveFrom: "2026-11-22T10:00:00.000Z",
  language: "nl",
  body: `versie ${version} — één`,
  bodyHash: "0".repeat(64),
});

describe("RenderingCache", () => {
  it("keeps a rendering for its freshness period and no longer", () => {
    const cache = new RenderingCache(10, 1000);
    cache.set("jcc", rendering(1), 5000);
    expect(cache.get("jcc", 5999)?.rendering.version).toBe(1);
    expect(cache.get("jcc", 6000)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("drops a rendering when a scheduled version takes effect, even while still fresh", () => {
    const cache = new RenderingCache(10, 60_000);
    cache.set("jcc", rendering(1), 5000, 5200);
    expect(cache.get("jcc", 5199)?.rendering.version).toBe(1);
    expect(cache.get("jcc", 5200)).toBeNull();
  });

  it("holds the body as UTF-8 bytes", () => {
    const cache = new RenderingCache(10, 1000);
    const entry = cache.set("jcc", rendering(2), 0);
    expect(new TextDecoder().decode(entry.body)).toBe("versie 2 — één");
  });

  it("evicts the oldest entry when full, and forgets everything on clear", () => {
    const cache = new RenderingCache(2, 1000);
    cache.set("a", rendering(1), 0);
    cache.set("b", rendering(2), 0);
    cache.set("c", rendering(3), 0);
    expect(cache.get("a", 1)).toBeNull();
    expect(cache.get("b", 1)?.rendering.version).toBe(2);
    expect(cache.get("c", 1)?.rendering.version).toBe(3);
    cache.clear();
    expect(cache.get("c", 1)).toBeNull();
  });
});
