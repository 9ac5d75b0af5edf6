// Publishing hashes with the platform's SHA-256 and renders each section once; what it stores
// must still be exactly what the earlier, JavaScript-only code produced for the same statement.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_BASELINE, DEMO_GROUP, DEMO_TENANTS } from "./demo/index.ts";
import { hashStatementContent, renderJson, sha256Hex } from "./engine.ts";
import { writeCanonicalJson } from "./hash.ts";
import { preparePublication, RENDERERS, resolvePublication } from "./publication.ts";

const meta = {
  version: 3,
  publishedAt: "2026-11-22T10:00:00.000Z",
  effectiveFrom: "2026-11-22T10:00:00.000Z",
  baselineVersion: 2,
};

describe("preparePublication", () => {
  for (const demo of DEMO_TENANTS) {
    it(`gives ${demo.slug} the hashes and bodies the JavaScript hasher and the renderers give`, async () => {
      const tenant = { group: DEMO_GROUP, slug: demo.slug, content: demo.content };
      const publication = await preparePublication(DEMO_BASELINE, tenant, meta);
      const { statements } = resolvePublication(DEMO_BASELINE, tenant);
      expect(publication.contentHash).toBe(hashStatementContent(statements));
      expect(publication.outputs).toHaveLength(DEMO_GROUP.languages.length * Object.keys(RENDERERS).length);
      for (const output of publication.outputs) {
        const statement = statements.find((s) => s.language === output.language)!;
        const fresh = RENDERERS[output.format](statement, {
          ...meta,
          contentHash: publication.contentHash,
          languages: DEMO_GROUP.languages,
        });
        expect(output.body).toBe(fresh);
        expect(output.bodyHash).toBe(sha256Hex(output.body));
        // The bytes that are hashed and stored are the body's UTF-8.
        expect(output.bytes).toEqual(new TextEncoder().encode(output.body));
      }
    });
  }

  it("uses a statement the caller already resolved, without resolving it again", async () => {
    const demo = DEMO_TENANTS[0]!;
    const tenant = { group: DEMO_GROUP, slug: demo.slug, content: demo.content };
    const resolved = resolvePublication(DEMO_BASELINE, tenant);
    const publication = await preparePublication(DEMO_BASELINE, tenant, meta, resolved);
    expect(publication.statements).toBe(resolved.statements);
  });

  it("renders a section's forms in the JSON exactly as the formats of their own do", async () => {
    const demo = DEMO_TENANTS.find((t) => t.slug === "jcc-software")!;
    const tenant = { group: DEMO_GROUP, slug: demo.slug, content: demo.content };
    const { statements } = resolvePublication(DEMO_BASELINE, tenant);
    for (const statement of statements) {
      // Twice: the second answer comes from what the first remembered.
      for (let round = 0; round < 2; round++) {
        const json = JSON.parse(renderJson(statement, null)) as {
          sections: { key: string; markdown: string }[];
        };
        const markdown = RENDERERS.md(statement, null);
        for (const section of json.sections) {
          if (section.markdown !== "") expect(markdown).toContain(section.markdown);
        }
      }
    }
  });
});

// The canonical JSON as first written; published content hashes depend on its exact bytes.
function referenceCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value))
    return `[${value.map((item: unknown) => referenceCanonicalJson(item)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${referenceCanonicalJson(item)}`).join(",")}}`;
}

describe("writeCanonicalJson", () => {
  it("writes the same bytes as the reference for any JSON value, keys in any order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.anything(), (json, anything) => {
        expect(writeCanonicalJson(json)).toBe(referenceCanonicalJson(json));
        expect(writeCanonicalJson(anything)).toBe(referenceCanonicalJson(anything));
      }),
      { numRuns: 500 },
    );
  });

  it("writes the demo statements as the reference does", () => {
    for (const demo of DEMO_TENANTS) {
      const { statements } = resolvePublication(DEMO_BASELINE, {
        group: DEMO_GROUP,
        slug: demo.slug,
        content: demo.content,
      });
      expect(writeCanonicalJson(statements)).toBe(referenceCanonicalJson(statements));
    }
  });
});
