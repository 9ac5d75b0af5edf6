// Reading a company's web page within firm limits: the outbound guard on the address and on every
// redirect hop, at most a few redirects, one time limit for the whole exchange (headers and body),
// and the body read as a stream up to a size cap, so a slow or endless page costs a bounded amount.
import { fetchOutbound, type OutboundPolicy } from "../net/outbound-url.ts";

export const MAX_REDIRECTS = 3;
export const PAGE_TIMEOUT_MS = 10_000;
/** Privacy pages are tens of kilobytes; a page beyond this is read no further. */
export const PAGE_SIZE_CAP = 2 * 1024 * 1024;

export type PageRead =
  | {
      kind: "read";
      status: number;
      url: string;
      contentType: string;
      text: string;
      /** The body went on past PAGE_SIZE_CAP; `text` is its beginning. */
      truncated: boolean;
    }
  | { kind: "failed"; status: number | null; url: string; problem: string };

export interface FetchPageOptions {
  policy: OutboundPolicy;
  userAgent: string;
  timeoutMs?: number;
}

const failed = (url: string, problem: string, status: number | null = null): PageRead => ({
  kind: "failed",
  status,
  url,
  problem: problem.slice(0, 500),
});

/** Reads at most `cap` bytes of the body, stopping at `signal`; the rest is cancelled unread. */
async function readCapped(
  body: ReadableStream<Uint8Array>,
  cap: number,
  signal: AbortSignal,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    if (signal.aborted) fail();
    else signal.addEventListener("abort", fail, { once: true });
  });
  aborted.catch(() => {});
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) return { bytes: join(chunks, size), truncated: false };
      const room = cap - size;
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room));
        return { bytes: join(chunks, cap), truncated: true };
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

function join(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The body as text in the charset the server declares, UTF-8 when it declares none we know. */
function decode(bytes: Uint8Array, contentType: string): string {
  const label = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

const describeError = (error: unknown, timeoutMs: number): string =>
  error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")
    ? `no complete answer within ${timeoutMs / 1000} s`
    : `request failed: ${error instanceof Error ? error.message : String(error)}`;

/** GETs the page as a plain visitor would (no cookies, no credentials), within the limits above. */
export async function fetchPage(url: string, options: FetchPageOptions): Promise<PageRead> {
  const timeoutMs = options.timeoutMs ?? PAGE_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const result = await fetchOutbound(
      new Request(url, {
        headers: {
          "User-Agent": options.userAgent,
          Accept: "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5",
        },
        signal,
      }),
      { policy: options.policy, maxRedirects: MAX_REDIRECTS },
    );
    if (result.kind === "refused") {
      const hop =
        result.redirects > 0 ? ` (after ${result.redirects} redirect${result.redirects > 1 ? "s" : ""})` : "";
      return failed(result.url, `not fetched: the address ${result.url}${hop} ${result.reason}`);
    }
    const { response } = result;
    const finalUrl = result.url;
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return failed(
        finalUrl,
        response.headers.has("Location")
          ? `more than ${MAX_REDIRECTS} redirects`
          : `HTTP ${response.status} without a Location`,
        response.status,
      );
    }
    if (response.status >= 400 || response.status < 200) {
      await response.body?.cancel();
      return failed(finalUrl, `HTTP ${response.status}`, response.status);
    }
    const contentType = response.headers.get("Content-Type") ?? "";
    const { bytes, truncated } = response.body
      ? await readCapped(response.body, PAGE_SIZE_CAP, signal)
      : { bytes: new Uint8Array(0), truncated: false };
    return {
      kind: "read",
      status: response.status,
      url: finalUrl,
      contentType,
      text: decode(bytes, contentType),
      truncated,
    };
  } catch (error) {
    return failed(url, describeError(error, timeoutMs));
  }
}
