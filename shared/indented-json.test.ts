// The JSON rendering is stored and hashed: writing its indentation by hand must give exactly the
// bytes JSON.stringify(value, null, 2) gives, or a republish would store a "different" statement.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_BASELINE, DEMO_GROUP, DEMO_TENANTS } from "./demo/index.ts";
import { writeIndentedJson } from "./indented-json.ts";
import { resolvePublication } from "./publication.ts";
import { renderJson } from "./render/json.ts";

const indented = (value: unknown) => JSON.stringify(value, null, 2);

describe("writeIndentedJson", () => {
  it("writes what JSON.stringify(value, null, 2) writes for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(writeIndentedJson(value)).toBe(indented(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves out undefined properties and writes undefined array items as null, as JSON.stringify does", () => {
    const value = { a: undefined, b: [undefined, 1, { c: undefined }], d: { e: undefined }, f: [] };
    expect(writeIndentedJson(value)).toBe(indented(value));
    expect(writeIndentedJson({ only: undefined })).toBe("{}");
  });

  it("escapes what JSON must: quotes, backslashes, control characters, lone surrogates", () => {
    const value = { 'k"\\': ['"\\\n\t\u0000\u001f', "\u2028\u2029", "\ud800", "é 😀"], n: [-0, 1e21, 0.1] };
    expect(writeIndentedJson(value)).toBe(indented(value));
  });

  it("gives the demo companies' JSON renderings byte for byte", () => {
    for (const demo of DEMO_TENANTS) {
      const { statements } = resolvePublication(DEMO_BASELINE, {
        group: DEMO_GROUP,
        slug: demo.slug,
        content: demo.content,
      });
      for (const statement of statements) {
        const rendered = renderJson(statement, null);
        expect(rendered).toBe(`${indented(JSON.parse(rendered))}\n`);
      }
    }
  });
});
