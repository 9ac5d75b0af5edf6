// The headers of public statements, sent with every answer to every visitor and crawler. Each
// format carries what it uses and no more: nosniff and the cross-origin resource policy on all,
// the policies that only govern a document on pages a browser shows, and none of the legacy
// headers that no current browser acts on (X-XSS-Protection, X-Download-Options,
// X-DNS-Prefetch-Control, X-Permitted-Cross-Domain-Policies, Origin-Agent-Cluster).
import { secureHeaders } from "hono/secure-headers";
import { cspHashSource } from "#shared/engine.ts";

/** What is in force now: company websites and feed readers may cache briefly and serve stale while they revalidate. */
export const CACHE_CURRENT = "public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400";
/** A numbered version never changes. */
export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";

/** A page's policy: nothing but its own stylesheet (by hash). */
export const pageCsp = (style: string): string =>
  `default-src 'none'; style-src ${cspHashSource(style)}; base-uri 'none'; form-action 'none'`;

/** Data formats (JSON, Markdown, text, feeds, error pages) load nothing at all. */
export const DATA_CSP = "default-src 'none'";

export const publicSecureHeaders = secureHeaders({
  crossOriginResourcePolicy: "cross-origin", // embedded by other sites, also under COEP
  xContentTypeOptions: true,
  xFrameOptions: false, // framing is allowed: the iframe embed
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  strictTransportSecurity: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/** Added to a page a browser shows (the statement and change pages), never to data formats. */
export const DOCUMENT_HEADERS: Readonly<Record<string, string>> = {
  "Strict-Transport-Security": "max-age=15552000; includeSubDomains",
  // A reader who follows a link to the company's site or the regulator is not reported.
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
};
