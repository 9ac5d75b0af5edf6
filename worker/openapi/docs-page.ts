// The /docs page: a readable reference of the public endpoint, made from the OpenAPI document at
// build time (`npm run openapi` writes it to web/public/docs.html) and served as a static asset,
// so the Worker carries neither the document nor this page. Links are relative: the same file is
// right on every host that serves it.
// hono/html's template, named `markup` so that Prettier leaves the page's bytes (and its
// stylesheet, whose hash is the CSP) exactly as written.
import { html as markup, raw } from "hono/html";
import { PAGE_STYLE } from "#shared/engine.ts";
import { writeHtml } from "#shared/render/html-template.ts";
import { pageCsp } from "../http/public-headers.ts";
import type { OpenApiDocument } from "./types.ts";

/** The page's policy: nothing but its own stylesheet, by hash (in web/public/_headers). */
export const DOCS_CSP = pageCsp(PAGE_STYLE);

const publicRoutes = (document: OpenApiDocument) =>
  Object.entries(document.paths)
    .filter(([path]) => path.startsWith("/v1"))
    .flatMap(([path, operations]) => (operations.get ? [{ path, operation: operations.get }] : []));

export function renderPublicReference(document: OpenApiDocument): string {
  const example = "/v1/statements/conxillium/jcc-software";
  const routes = publicRoutes(document).map(({ path, operation }) => {
    const responses = Object.entries(operation.responses ?? {}).map(
      ([status, response]) => markup`<li><strong>${status}</strong>: ${response.description ?? ""}</li>`,
    );
    return markup`<section><h2><code>GET ${path}</code></h2><p>${operation.summary ?? ""}</p><ul>${responses}</ul></section>`;
  });
  return writeHtml(markup`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Verklaring public endpoint</title><style>${raw(PAGE_STYLE)}</style></head><body><main><article class="vk-statement"><h1>Verklaring: the public endpoint</h1>
<p>Every company's published privacy statement has a stable URL that its website can hard-code. No key or login is needed; responses are cacheable and open to cross-origin reads. The paths below are on this server.</p>
<h2>Quick start</h2>
<ul>
<li>HTML page: <a href="${example}">${example}</a></li>
<li>Fragment for server-side inclusion: <code>${example}?fragment</code></li>
<li>JSON, Markdown, text: <code>${example}.json</code>, <code>.md</code>, <code>.txt</code> (or send <code>Accept</code>)</li>
<li>English: <code>?lang=en</code>; a missing translation falls back to the group's default language and <code>Content-Language</code> says which was served</li>
<li>The version in force at a moment: <code>?at=2026-03-01T12:00:00Z</code>; one version: <code>/versions/3</code></li>
</ul>
<h2>Caching</h2>
<p>Each representation has a strong <code>ETag</code> (the SHA-256 of its bytes); send it back in <code>If-None-Match</code> to get <code>304 Not Modified</code>. The statement in force is cacheable for 5 minutes and may be served stale while revalidating; numbered versions never change and are cacheable for a year. After a publish, a website sees the new version within the cache lifetime; subscribe to the company's publish webhook to refresh at once.</p>
<h2>Errors</h2>
<p>Errors are JSON (or a small HTML page for browsers): <code>{"error": {"status", "code", "message", "issues": [{"field", "message"}]}}</code>.</p>
${routes}
<p>The full API description: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
</article></main></body></html>
`);
}
