// The API description is generated from the routes: every route says what it is, every input it
// reads is a schema, and the document served (a static asset, web/public/openapi.json, with the
// /docs page made from it) is the one the routes generate today.
import { expect, it } from "vitest";
import committedDocument from "../web/public/openapi.json?raw";
import committedPage from "../web/public/docs.html?raw";
import app from "./app.ts";
import { DOCS_CSP, renderPublicReference } from "./openapi/docs-page.ts";
import { generateOpenApiDocument, listRoutes, STATIC_ROUTES } from "./openapi/generate.ts";
import type { OpenApiDocument } from "./openapi/types.ts";
import { fetchStaticAsset } from "./test/static-assets.ts";

const ROUTE_SOURCES = import.meta.glob(["./routes/*.ts", "!./routes/*.test.ts", "./app.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/** The served document, read as the parts a test looks at. */
const fetchDocument = async <
  Document = { openapi: string; paths: Record<string, Record<string, unknown>> },
>() => (await fetchStaticAsset("/openapi.json")).json<Document>();

it("describes every route where it is defined", () => {
  const undescribed = listRoutes(app)
    .filter((r) => r.description === null)
    .map((r) => `${r.method} ${r.path}`);
  expect(undescribed).toEqual([]);
});

it("has a body schema for every write that takes a body, and says so when one takes none", () => {
  const writes = listRoutes(app).filter((r) => ["POST", "PUT", "PATCH"].includes(r.method));
  expect(writes.length).toBeGreaterThan(15);
  const missing = writes
    .filter((r) => !r.description?.noBody && !r.schemas.some((s) => s.target === "json"))
    .map((r) => `${r.method} ${r.path}`);
  expect(missing).toEqual([]);
  const contradicting = writes
    .filter((r) => r.description?.noBody && r.schemas.some((s) => s.target === "json"))
    .map((r) => `${r.method} ${r.path}`);
  expect(contradicting).toEqual([]);
});

it("reads query parameters only through a validated schema", () => {
  const byHand = Object.entries(ROUTE_SOURCES)
    .filter(([, text]) => /\.req\.(query|queries)\(/.test(text))
    .map(([path]) => path);
  expect(byHand).toEqual([]);
});

it("has the document and the page the routes generate committed (run `npm run openapi` after changing a route)", async () => {
  const generated = (await generateOpenApiDocument(app)) as OpenApiDocument;
  expect(JSON.parse(committedDocument)).toEqual(generated);
  expect(committedPage).toBe(renderPublicReference(generated));
  expect(generated.openapi).toBe("3.1.0");
  const documented = new Set(
    Object.entries(generated.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`),
    ),
  );
  expect([...documented].sort()).toEqual(
    [...STATIC_ROUTES, ...listRoutes(app)].map((r) => `${r.method} ${r.path}`).sort(),
  );
});

it("serves that document as JSON that any origin may read (after `npm run build:web`)", async () => {
  const res = await fetchStaticAsset("/openapi.json");
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json(;|$)/);
  expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
  expect(res.headers.get("Cache-Control")).toBe("public, max-age=300");
  expect(await res.json()).toEqual(await generateOpenApiDocument(app));
});

it("describes request bodies and queries from the shared schemas, required fields included", async () => {
  const document = await fetchDocument<{
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
          requestBody?: {
            content: {
              "application/json": { schema: { required?: string[]; properties?: Record<string, unknown> } };
            };
          };
        }
      >
    >;
  }>();
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
  const status = document.paths["/api/groups/{group}/publish-requests"]!.get!.parameters!.find(
    (p) => p.in === "query" && p.name === "status",
  );
  expect(status?.schema?.enum?.sort()).toEqual(["approved", "pending", "rejected", "withdrawn"]);
});

it("serves a readable reference of the public endpoint", async () => {
  const res = await fetchStaticAsset("/docs");
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
  expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
  // The page's stylesheet is allowed by its hash, and by nothing else.
  expect(res.headers.get("Content-Security-Policy")).toBe(DOCS_CSP);
  const html = await res.text();
  expect(html).toBe(committedPage);
  expect(html).toContain("If-None-Match");
  expect(html).toContain("/v1/statements/{group}/{tenant}/versions/{version}");
  expect(html).toContain("<strong>304</strong>: Not modified");
});
