// The guard for every request the worker makes on a customer's behalf (publish webhooks today, the
// site monitor next): only https to the public internet. Loopback, private, link-local,
// unique-local, cloud-metadata and other non-public targets are refused in every spelling the URL
// parser accepts — 0x7f000001, 2130706433, 127.1, [::1], [::ffff:7f00:1] all normalise to an
// address this module classifies — and again at every redirect (issue 13, item 7).
//
// What it cannot see: a public name whose DNS points at a private address. Workers have no DNS
// lookup to check it with; on Cloudflare's network such a request cannot reach a private network.
//
//   const policy = outboundPolicyOf(env);
//   const verdict = checkOutboundUrl(input, policy);       // at registration: refuse early
//   const result = await fetchOutbound(request, { policy, maxRedirects: 3 }); // at every use
import { describeNonPublicIpv4, describeNonPublicIpv6, parseIpv4, parseIpv6 } from "./ip-address.ts";

export interface OutboundPolicy {
  /**
   * Local development only: http(s)://localhost, 127.0.0.0/8 and [::1] are allowed. Set by the
   * ALLOW_LOCAL_TARGETS variable (.dev.vars, which `npm start` writes), never in production.
   */
  allowLocalTargets: boolean;
}

export const outboundPolicyOf = (env: { ALLOW_LOCAL_TARGETS?: string | undefined }): OutboundPolicy => ({
  allowLocalTargets: env.ALLOW_LOCAL_TARGETS?.trim().toLowerCase() === "true",
});

export type OutboundVerdict = { allowed: true; url: URL } | { allowed: false; reason: string };

/**
 * Domain suffixes that name machines inside a network, never on the internet: RFC 6761/6762,
 * RFC 8375, ICANN's .internal (2024), and the ones routers and cloud metadata services use.
 */
const INTERNAL_SUFFIXES = [
  "localhost",
  "local",
  "internal",
  "home.arpa",
  "localdomain",
  "lan",
  "intranet",
  "corp",
];

const refuse = (reason: string): OutboundVerdict => ({ allowed: false, reason });

type HostKind = { kind: "loopback" } | { kind: "non-public"; why: string } | { kind: "public" };

function classifyHost(url: URL): HostKind {
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("[")) {
    const groups = parseIpv6(host);
    if (!groups) return { kind: "non-public", why: "is not a valid IPv6 address" };
    const why = describeNonPublicIpv6(groups);
    if (why === "loopback") return { kind: "loopback" };
    return why ? { kind: "non-public", why: `is a ${why} address` } : { kind: "public" };
  }
  const v4 = parseIpv4(host);
  if (v4) {
    const why = describeNonPublicIpv4(v4);
    if (why === "loopback") return { kind: "loopback" };
    return why ? { kind: "non-public", why: `is a ${why} address` } : { kind: "public" };
  }
  if (host === "localhost" || host.endsWith(".localhost")) return { kind: "loopback" };
  const suffix = INTERNAL_SUFFIXES.find((s) => host === s || host.endsWith(`.${s}`));
  if (suffix) return { kind: "non-public", why: `is a name inside a network (.${suffix})` };
  if (!host.includes(".")) return { kind: "non-public", why: "is not a public domain name" };
  return { kind: "public" };
}

/** Whether the worker may send a request to this address. */
export function checkOutboundUrl(input: string | URL, policy: OutboundPolicy): OutboundVerdict {
  const url = typeof input === "string" ? (URL.canParse(input) ? new URL(input) : null) : input;
  if (!url) return refuse("is not a valid URL");
  if (url.protocol !== "https:" && url.protocol !== "http:") return refuse("must be an https:// address");
  if (url.username || url.password) return refuse("must not contain a user name or password");
  const host = classifyHost(url);
  if (host.kind === "loopback") {
    return policy.allowLocalTargets
      ? { allowed: true, url }
      : refuse("points at this machine (loopback); only allowed in local development");
  }
  if (host.kind === "non-public") return refuse(`${host.why}, not the public internet`);
  if (url.protocol !== "https:") return refuse("must be an https:// address");
  return { allowed: true, url };
}

export type OutboundFetcher = (request: Request) => Promise<Response>;

export type OutboundResult =
  | { kind: "answered"; response: Response; url: string; redirects: number }
  | { kind: "refused"; url: string; reason: string; redirects: number };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Sends a request only where checkOutboundUrl allows, following at most `maxRedirects` redirects
 * itself (redirect: "manual") and checking every hop the same way. With maxRedirects 0 a redirect
 * is an answer like any other.
 */
export async function fetchOutbound(
  request: Request,
  options: { policy: OutboundPolicy; maxRedirects: number; fetcher?: OutboundFetcher },
): Promise<OutboundResult> {
  const fetcher = options.fetcher ?? ((r: Request) => fetch(r));
  const body = request.body ? await request.arrayBuffer() : null;
  let method = request.method;
  let url = request.url;
  for (let redirects = 0; ; redirects++) {
    const verdict = checkOutboundUrl(url, options.policy);
    if (!verdict.allowed) return { kind: "refused", url, reason: verdict.reason, redirects };
    const sendsBody = body !== null && method !== "GET" && method !== "HEAD";
    const response = await fetcher(
      new Request(url, {
        method,
        headers: request.headers,
        ...(sendsBody ? { body } : {}),
        redirect: "manual",
        signal: request.signal,
      }),
    );
    const location = response.headers.get("Location");
    if (!REDIRECTS.has(response.status) || !location || redirects >= options.maxRedirects) {
      return { kind: "answered", response, url, redirects };
    }
    await response.body?.cancel();
    url = new URL(location, url).href;
    // As browsers do: 303 (and 301/302 after a POST) continue as a GET without the body.
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && method === "POST")
    ) {
      method = "GET";
    }
  }
}
