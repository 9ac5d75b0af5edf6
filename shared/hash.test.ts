import { describe, expect, it } from "vitest";
import { cspHashSource, hashStatementContent, sha256Hex, writeCanonicalJson } from "./hash.ts";
import { resolveStatement } from "./resolve.ts";
import type { ResolvedStatement } from "./statement.ts";
import { createBaseline, createContent, createTenant } from "./testing/fixtures.ts";

const both = (): ResolvedStatement[] =>
  (["nl", "en"] as const).map((language) => resolveStatement(createBaseline(), createTenant(), language));

describe("primitives", () => {
  it("computes SHA-256 of UTF-8 text as lower-case hex", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("é")).toBe(sha256Hex("\u00e9"));
    expect(sha256Hex("é")).not.toBe(sha256Hex("e\u0301"));
  });

  it("formats a CSP hash source", () => {
    expect(cspHashSource("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(cspHashSource("abc")).toBe("'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
  });

  it("writes JSON with sorted keys regardless of insertion order", () => {
    expect(writeCanonicalJson({ b: 1, a: [{ d: null, c: "x" }], e: undefined })).toBe(
      '{"a":[{"c":"x","d":null}],"b":1}',
    );
  });
});

describe("statement content hash", () => {
  it("is stable across runs and independent of the order of languages", () => {
    const [nl, en] = both();
    const hash = hashStatementContent([nl!, en!]);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashStatementContent(both())).toBe(hash);
    expect(hashStatementContent([en!, nl!])).toBe(hash);
  });

  it("ignores problems, which are advice and not content", () => {
    const statements = both();
    const hash = hashStatementContent(statements);
    statements[0]!.problems.push({ code: "missing_value", message: "x" });
    expect(hashStatementContent(statements)).toBe(hash);
  });

  it("changes when one character of the content changes", () => {
    const hash = hashStatementContent(both());
    const content = createContent();
    content.profile.phone = "+31 33 123 45 68";
    const changed = (["nl", "en"] as const).map((l) =>
      resolveStatement(createBaseline(), createTenant(content), l),
    );
    expect(hashStatementContent(changed)).not.toBe(hash);

    const retitled = both();
    retitled[1]!.sections[0]!.title += ".";
    expect(hashStatementContent(retitled)).not.toBe(hash);
  });

  it("covers the tenant and group identity", () => {
    const hash = hashStatementContent(both());
    const renamed = both();
    for (const s of renamed) s.tenant = { ...s.tenant, slug: "jcc" };
    expect(hashStatementContent(renamed)).not.toBe(hash);
  });
});
