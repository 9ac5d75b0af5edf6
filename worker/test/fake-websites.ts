// Company websites for the site monitor's tests, run as a worker of its own (worker/vitest.config.ts).
// Every fetch the worker under test makes reaches it (Miniflare's outboundService plays the
// internet), so the monitor's real code path — outbound guard, redirects, time limit, size cap —
// runs against it — and so does the webhook consumer's, whose deliveries a page records. Tests set
// up its pages through the FAKE_WEBSITES binding at http://control.fake.
// Loaded with its types stripped: erasable syntax only, and no imports.

export interface FakePage {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Answers only after this long: a site that hangs. */
  delayMs?: number;
  /** Streams this many bytes of HTML that never show a statement: a page without end. */
  hugeBytes?: number;
}

export interface Visit {
  method: string;
  userAgent: string | null;
  accept: string | null;
  cookie: string | null;
  /** For a huge page: how many bytes were sent before the reader stopped. */
  bytesSent?: number;
  /** What a POST (a webhook delivery) carried: its body and its Verklaring-* headers. */
  body?: string;
  verklaring?: Record<string, string>;
}

const pages = new Map<string, FakePage>();
const visits = new Map<string, Visit[]>();

const keyOf = (address: string): string => {
  const url = new URL(address);
  url.hash = "";
  return url.href;
};

function hugeBody(bytes: number, visit: Visit): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(`<p>${"Lorem ipsum dolor sit amet. ".repeat(2340)}</p>\n`);
  visit.bytesSent = 0;
  return new ReadableStream({
    pull(controller) {
      if ((visit.bytesSent ?? 0) >= bytes) {
        controller.close();
        return;
      }
      controller.enqueue(chunk);
      visit.bytesSent = (visit.bytesSent ?? 0) + chunk.byteLength;
    },
  });
}

async function control(request: Request, url: URL): Promise<Response> {
  if (url.pathname === "/pages" && request.method === "PUT") {
    const { address, page } = await request.json<{ address: string; page: FakePage }>();
    pages.set(keyOf(address), page);
    visits.set(keyOf(address), []);
    return new Response(null, { status: 204 });
  }
  if (url.pathname === "/visits") {
    return Response.json({ visits: visits.get(keyOf(url.searchParams.get("address") ?? "")) ?? [] });
  }
  return new Response("no such control", { status: 404 });
}

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.hostname === "control.fake") return control(request, url);
    const key = keyOf(request.url);
    const page = pages.get(key);
    const visit: Visit = {
      method: request.method,
      userAgent: request.headers.get("User-Agent"),
      accept: request.headers.get("Accept"),
      cookie: request.headers.get("Cookie"),
    };
    if (!page) return new Response("not found", { status: 404 });
    if (request.method === "POST") {
      visit.body = await request.text();
      visit.verklaring = Object.fromEntries(
        [...request.headers].filter(([name]) => name.startsWith("verklaring-")),
      );
    }
    visits.get(key)?.push(visit);
    if (page.delayMs) await new Promise((resolve) => setTimeout(resolve, page.delayMs));
    const headers = { "Content-Type": "text/html; charset=utf-8", ...page.headers };
    const body = page.hugeBytes ? hugeBody(page.hugeBytes, visit) : (page.body ?? null);
    return new Response(body, { status: page.status ?? 200, headers });
  },
} satisfies ExportedHandler;
