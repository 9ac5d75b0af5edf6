// What the site monitor's tests share: company web pages on the fake websites worker
// (worker/test/fake-websites.ts), Verklaring's own renderings to put on them, and watched pages
// added through the API as the console adds them.
import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import type { SiteDisplay } from "#shared/site-schemas.ts";
import type { FakePage, Visit } from "./fake-websites.ts";
import { apiAs, ORIGIN } from "./clients.ts";

/** Puts a page on the fake websites at `address` (https://…, as a company's site). */
export async function serve(address: string, page: FakePage): Promise<void> {
  const res = await env.FAKE_WEBSITES.fetch("http://control.fake/pages", {
    method: "PUT",
    body: JSON.stringify({ address, page }),
  });
  expect(res.status).toBe(204);
}

/** How the fake website at `address` was asked for its page. */
export async function visitsOf(address: string): Promise<Visit[]> {
  const res = await env.FAKE_WEBSITES.fetch(
    `http://control.fake/visits?address=${encodeURIComponent(address)}`,
  );
  return (await res.json<{ visits: Visit[] }>()).visits;
}

/** A public statement address of a company, as Verklaring serves it (no session). */
export async function fetchPublic(path: string): Promise<string> {
  const res = await exports.default.fetch(new Request(`${ORIGIN}/v1/statements/conxillium/${path}`));
  expect(res.status, path).toBe(200);
  return res.text();
}

/** A company's web page around `content`: its own header, menu and footer, as real sites have. */
export function companyPage(content: string, options: { lang?: string; head?: string } = {}): string {
  return `<!doctype html>
<html lang="${options.lang ?? "nl"}">
<head><meta charset="utf-8"><title>Privacy – JCC Software</title>${options.head ?? ""}
<script>window.dataLayer = [{ page: "privacy", note: "<a href='/v1/statements/conxillium/jcc-software/versions/1'>" }];</script>
<style>body { font-family: sans-serif }</style></head>
<body>
<header><a href="/">JCC Software</a><ul><li><a href="/producten">Producten</a></li><li><a href="/contact">Contact</a></li></ul></header>
<main>
${content}
</main>
<footer><p>© 2026 JCC Software B.V. · KvK 12345678 · <a href="/privacy">Privacy</a> · <a href="/cookies">Cookies</a></p></footer>
</body>
</html>`;
}

let pages = 0;
/** A fresh address on a company's site, so tests never share a page. */
export const freshAddress = (path = "privacy"): string => `https://www.site-${++pages}.example/${path}`;

/** Watches `url` for the company through the API (as an editor or the lead does in the console). */
export async function watchPage(
  cookie: string,
  tenant: string,
  url: string,
  display: SiteDisplay,
  language: "nl" | "en" = "nl",
): Promise<number> {
  const res = await apiAs(cookie).api.groups[":group"].tenants[":tenant"].sites.$post({
    param: { group: "conxillium", tenant },
    json: { url, language, display },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  if (res.status !== 201) throw new Error("not watched");
  return (await res.json()).page.id;
}
