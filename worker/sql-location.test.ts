// SQL lives in worker/db/ only: one module per aggregate, numbered parameters, rows mapped to
// domain types by hand. Everything else calls those modules, so a query is found (and changed) in
// one place. Tests may write SQL of their own: some play a database writer who is not the app.
import { expect, it } from "vitest";

const SOURCES = import.meta.glob(
  ["./**/*.ts", "!./**/*.test.ts", "!./test/**", "!./db/**", "!./worker-configuration.d.ts"],
  { query: "?raw", import: "default", eager: true },
);

/** SQL keywords as statements start, or a D1 prepare/exec of a string (a regex's .exec(x) is not). */
const SQL =
  /\b(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER))|\.(prepare|exec)\(\s*[`"']/;

it("has no SQL outside worker/db/", () => {
  expect(Object.keys(SOURCES).length).toBeGreaterThan(30);
  const offending = Object.entries(SOURCES)
    .filter(([, text]) => SQL.test(text))
    .map(([path]) => path);
  expect(offending).toEqual([]);
});
