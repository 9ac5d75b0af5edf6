// Calling the real worker as the demo people would: sessions made by the real session code,
// requests through the app's own fetch handler, browser-like headers on writes.
import { env, exports } from "cloudflare:workers";
import { hc } from "hono/client";
import { expect } from "vitest";
import type { StatementJson } from "#shared/render/json.ts";
import type { AppType } from "../app.ts";
import type { ErrorBody } from "../errors.ts";
import { createSession } from "../auth/session.ts";
import { findUserByEmail } from "../db/accounts.ts";
import { SESSION_COOKIE } from "../http/session-cookie.ts";

export const ORIGIN = "http://verklaring.test";

export const CALLERS = {
  admin: "lead@conxillium.example",
  jccEditor: "editor@jccsoftware.example",
  jccViewer: "viewer@jccsoftware.example",
  dqEditor: "editor@dataquint.example",
} as const;
export type Caller = keyof typeof CALLERS | "anonymous";

/** A fresh session for a demo account, as its session cookie header. */
export async function signInAs(email: string): Promise<string> {
  const user = await findUserByEmail(env.DB, email);
  if (!user) throw new Error(`no user ${email}`);
  const { token } = await createSession(env.DB, user.id, new Date());
  return `${SESSION_COOKIE}=${token}`;
}

export async function cookieFor(caller: Caller): Promise<string | undefined> {
  return caller === "anonymous" ? undefined : signInAs(CALLERS[caller]);
}

export interface CallOptions {
  method?: string;
  cookie?: string | undefined;
  json?: unknown;
  headers?: Record<string, string>;
}

/** A same-origin request as the console sends it. */
export function call(path: string, options: CallOptions = {}): Promise<Response> {
  const method = options.method ?? (options.json === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (options.cookie) headers.Cookie = options.cookie;
  if (method !== "GET" && method !== "HEAD") {
    headers.Origin ??= ORIGIN;
    headers["Sec-Fetch-Site"] ??= "same-origin";
  }
  if (options.json !== undefined) headers["Content-Type"] = "application/json";
  return exports.default.fetch(
    new Request(`${ORIGIN}${path}`, {
      method,
      headers,
      ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
    }),
  );
}

/** The session token a response set, if any. */
export function sessionCookieFrom(response: { headers: Headers }): string | undefined {
  const header = response.headers.getSetCookie().find((h) => h.startsWith(`${SESSION_COOKIE}=`));
  const value = header?.split(";")[0];
  return value && value !== `${SESSION_COOKIE}=` ? value : undefined;
}

/**
 * The API through Hono's typed client (the same `hc<AppType>` the console uses), sent to the real
 * worker with the headers a same-origin browser adds. Without a cookie it calls anonymously.
 */
export function apiAs(cookie?: string) {
  return hc<AppType>(ORIGIN, {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const headers = new Headers(request.headers);
      if (!headers.has("Accept")) headers.set("Accept", "application/json");
      if (cookie) headers.set("Cookie", cookie);
      if (request.method !== "GET" && request.method !== "HEAD") {
        if (!headers.has("Origin")) headers.set("Origin", ORIGIN);
        if (!headers.has("Sec-Fetch-Site")) headers.set("Sec-Fetch-Site", "same-origin");
      }
      return exports.default.fetch(new Request(request, { headers }));
    },
  });
}

export type Api = ReturnType<typeof apiAs>;

/**
 * A public statement's JSON format. Public formats are stored bytes (c.body), so the typed client
 * cannot know their shape; this is the renderer's own type for it.
 */
export async function readPublicJson(
  api: Api,
  group: string,
  tenant: string,
  query: { lang?: "nl" | "en"; at?: string } = {},
): Promise<StatementJson> {
  const res = await api.v1.statements[":group"][":tenant"].$get({
    param: { group, tenant: `${tenant}.json` },
    query,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as StatementJson;
}

/** An error answer's body: every failure the API answers has this shape (worker/errors.ts). */
export async function readError(res: Response | { json(): Promise<unknown> }): Promise<ErrorBody> {
  return (await res.json()) as ErrorBody;
}
