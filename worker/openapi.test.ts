// The API description is generated from the routes: every route says what it is, every input it
// reads is a schema, and the document the Worker serves is the one the routes generate today.
import { exports } from "cloudflare:workers";
import { expect, it } from "vitest";
import app from "./app.ts";
import { OPENAPI_JSON } from "./openapi/document.generated.ts";
import { generateOpenApiDocument, listRoutes } from "./openapi/generate.ts";

const ROUTE_SOURCES = import.meta.glob(["./routes/*.ts", "!./routes/*.test.ts", "./app.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/** The served document, read as the parts a test looks at. */
const fetchDocument = async <
  Document = { openapi: string; paths: Record<string, Record<string, unknown>> },
>() => (await exports.default.fetch(new Request("http://verklaring.test/openapi.json"))).json<Document>();

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

it("serves the document the routes generate (run `npm run openapi` after changing a route)", async () => {
  const generated = await generateOpenApiDocument(app);
  expect(JSON.parse(OPENAPI_JSON)).toEqual(generated);
  const served = await fetchDocument();
  expect(served).toEqual(generated);
  expect(served.openapi).toBe("3.1.0");
  const documented = new Set(
    Object.entries(served.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`),
    ),
  );
  expect([...documented].sort()).toEqual(
    listRoutes(app)
      .map((r) => `${r.method} ${r.path}`)
      .sort(),
  );
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
  const res = await exports.default.fetch(new Request("http://verklaring.test/docs"));
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
  const html = await res.text();
  expect(html).toContain("If-None-Match");
  expect(html).toContain("/v1/statements/{group}/{tenant}/versions/{version}");
  expect(html).toContain("<strong>304</strong>: Not modified");
});
