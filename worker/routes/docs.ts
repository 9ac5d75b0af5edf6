// /openapi.json and /docs: the API description and a readable reference of the public endpoint.
import { Hono } from "hono";
import { cspHashSource, PAGE_STYLE } from "#shared/engine.ts";
import { escapeHtml } from "#shared/render/common.ts";
import type { AppEnv } from "../env.ts";
import { buildOpenApiDocument, ROUTE_DOCS } from "../openapi.ts";

const DOCS_CSP = `default-src 'none'; style-src ${cspHashSource(PAGE_STYLE)}; base-uri 'none'; form-action 'none'`;

function renderPublicReference(origin: string): string {
  const example = `${origin}/v1/statements/conxillium/jcc-software`;
  const rows = ROUTE_DOCS.filter((r) => r.tag === "Public statements" && r.path.startsWith("/v1"))
    .map(
      (r) =>
        `<section><h2><code>GET ${escapeHtml(r.path)}</code></h2><p>${escapeHtml(r.summary)}</p><ul>${Object.entries(
          r.responses,
        )
          .map(([status, text]) => `<li><strong>${status}</strong>: ${escapeHtml(text)}</li>`)
          .join("")}</ul></section>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Verklaring public endpoint</title><style>${PAGE_STYLE}</style></head><body><main><article class="vk-statement"><h1>Verklaring: the public endpoint</h1>
<p>Every company's published privacy statement has a stable URL that its website can hard-code. No key or login is needed; responses are cacheable and open to cross-origin reads.</p>
<h2>Quick start</h2>
<ul>
<li>HTML page: <a href="${escapeHtml(example)}">${escapeHtml(example)}</a></li>
<li>Fragment for server-side inclusion: <code>${escapeHtml(example)}?fragment</code></li>
<li>JSON, Markdown, text: <code>${escapeHtml(example)}.json</code>, <code>.md</code>, <code>.txt</code> (or send <code>Accept</code>)</li>
<li>English: <code>?lang=en</code>; a missing translation falls back to the group's default language and <code>Content-Language</code> says which was served</li>
<li>The version in force at a moment: <code>?at=2026-03-01T12:00:00Z</code>; one version: <code>/versions/3</code></li>
</ul>
<h2>Caching</h2>
<p>Each representation has a strong <code>ETag</code> (the SHA-256 of its bytes); send it back in <code>If-None-Match</code> to get <code>304 Not Modified</code>. The statement in force is cacheable for 5 minutes and may be served stale while revalidating; numbered versions never change and are cacheable for a year. After a publish, a website sees the new version within the cache lifetime; subscribe to the company's publish webhook to refresh at once.</p>
<h2>Errors</h2>
<p>Errors are JSON (or a small HTML page for browsers): <code>{"error": {"status", "code", "message", "issues": [{"field", "message"}]}}</code>.</p>
${rows}
<p>The full API description: <a href="${escapeHtml(origin)}/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
</article></main></body></html>`;
}

export const docsRoutes = new Hono<AppEnv>()
  .get("/openapi.json", (c) =>
    c.json(buildOpenApiDocument(new URL(c.req.url).origin), 200, {
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    }),
  )
  .get("/docs", (c) =>
    c.html(renderPublicReference(new URL(c.req.url).origin), 200, {
      "Cache-Control": "public, max-age=300",
      "Content-Security-Policy": DOCS_CSP,
      "X-Content-Type-Options": "nosniff",
    }),
  );
