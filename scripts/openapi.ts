// Writes the API description and the public endpoint's reference as static assets, generated from
// the app's routes (their describeRoute(…) and validate(…) calls): web/public/openapi.json, the
// OpenAPI document; web/public/docs.html, the /docs page made from it; and their headers (the
// page's stylesheet hash is its CSP) in web/public/_headers. Vite copies web/public into web/dist,
// which Workers Static Assets serves; the Worker itself carries none of it. Run after changing a
// route and commit the result: worker/openapi.test.ts fails while the files do not match the routes.
// Usage: npm run openapi
import { readFile, writeFile } from "node:fs/promises";
import { format, resolveConfig } from "prettier";
import app from "../worker/app.ts";
import { DOCS_CSP, renderPublicReference } from "../worker/openapi/docs-page.ts";
import { generateOpenApiDocument } from "../worker/openapi/generate.ts";
import type { OpenApiDocument } from "../worker/openapi/types.ts";

const DOCUMENT_FILE = "web/public/openapi.json";
const PAGE_FILE = "web/public/docs.html";
const HEADERS_FILE = "web/public/_headers";
const BLOCK_START = "# From here to the end: written by `npm run openapi` (scripts/openapi.ts), do not edit.";

// Both change with every deploy that changes a route: cacheable briefly, like a statement in force.
const headerRules = `${BLOCK_START}
# The API description: readable by any origin, as the public endpoint is.
/openapi.json
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=300

# The public endpoint's reference loads nothing but its own stylesheet (by hash).
/docs
  ! Content-Security-Policy
  Content-Security-Policy: ${DOCS_CSP}
  Cache-Control: public, max-age=300
`;

const document = (await generateOpenApiDocument(app)) as OpenApiDocument;

const config = await resolveConfig(DOCUMENT_FILE);
await writeFile(
  DOCUMENT_FILE,
  await format(JSON.stringify(document), { ...config, filepath: DOCUMENT_FILE }),
);
// The page as rendered, not reformatted (.prettierignore): its stylesheet's bytes are its CSP hash.
await writeFile(PAGE_FILE, renderPublicReference(document));

const headers = await readFile(HEADERS_FILE, "utf8");
const start = headers.indexOf(BLOCK_START);
const handWritten = (start === -1 ? headers : headers.slice(0, start)).trimEnd();
await writeFile(HEADERS_FILE, `${handWritten}\n\n${headerRules}`);

console.log(
  `wrote ${DOCUMENT_FILE} (${Object.keys(document.paths).length} paths), ${PAGE_FILE}, ${HEADERS_FILE}`,
);
