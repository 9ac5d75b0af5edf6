// The API description covers every route the app has, and says what each body must contain.
import { exports } from "cloudflare:workers";
import { expect, it } from "vitest";
import app from "./app.ts";

const fetchJson = async (path: string) =>
  (await exports.default.fetch(new Request(`http://verklaring.test${path}`))).json();

it("documents every route of the app, with its method", async () => {
  const document = (await fetchJson("/openapi.json")) as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
  };
  expect(document.openapi).toBe("3.1.0");
  const documented = new Set(
    Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`),
    ),
  );
  const routes = new Set(
    app.routes
      .filter((r) => r.method !== "ALL")
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`)
      // The public statement routes also answer with a format extension on the last segment.
      .flatMap((r) => (r.endsWith("/changes") ? [r, `${r}.json`, `${r}.atom`] : [r])),
  );
  const missing = [...routes].filter(
    (r) => !documented.has(r) && !documented.has(r.replace("/changes.html", "/changes")),
  );
  expect(missing).toEqual([]);
  const stale = [...documented].filter((d) => !routes.has(d));
  expect(stale).toEqual([]);
});

it("describes request bodies from the shared schemas, required fields included", async () => {
  const document = (await fetchJson("/openapi.json")) as {
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: {
            content: {
              "application/json": { schema: { required?: string[]; properties?: Record<string, unknown> } };
            };
          };
        }
      >
    >;
  };
  const login = document.paths["/api/auth/login"]!.post!.requestBody!.content["application/json"].schema;
  expect(login.required?.sort()).toEqual(["email", "password"]);
  const publish =
    document.paths["/api/groups/{group}/tenants/{tenant}/publish"]!.post!.requestBody!.content[
      "application/json"
    ].schema;
  expect(Object.keys(publish.properties ?? {}).sort()).toEqual([
    "changeNote",
    "completenessOverride",
    "effectiveFrom",
    "material",
  ]);
});

it("serves a readable reference of the public endpoint", async () => {
  const res = await exports.default.fetch(new Request("http://verklaring.test/docs"));
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
  const html = await res.text();
  expect(html).toContain("If-None-Match");
  expect(html).toContain("/v1/statements/{group}/{tenant}/versions/{version}");
});
