// The console talks to the worker only through Hono's typed RPC client.
import { hc } from "hono/client";
import type { AppType } from "../../worker/app.ts";
import { t } from "./i18n.ts";
import { describeApiError, type FieldMessages, issuesToFieldMessages } from "./messages.ts";

export const api = hc<AppType>("/");

interface ErrorBody {
  error?: { status?: number; code?: string; message?: string; issues?: { field: string; message: string }[] };
}

/**
 * A failed API call. `message` is the text to show in the console's language (by error code, else the
 * API's own message); `apiMessage` is the API's message as sent; `fields` holds the field issues.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly apiMessage: string;
  readonly fields: FieldMessages;
  /** Seconds from a Retry-After header (429), if any. */
  readonly retryAfter: number | null;

  constructor(status: number, body: ErrorBody | null, retryAfter: number | null) {
    const code = body?.error?.code ?? "http_error";
    const apiMessage =
      body?.error?.message ??
      t(`De server antwoordde met status ${status}.`, `The server answered with status ${status}.`);
    super(describeApiError(code, apiMessage, retryAfter));
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.apiMessage = apiMessage;
    this.fields = issuesToFieldMessages(body?.error?.issues ?? []);
    this.retryAfter = retryAfter;
  }
}

interface ResponseLike<T> {
  ok: boolean;
  status: number;
  headers: Headers;
  json(): Promise<T>;
}

/** The ApiError for a failed response. */
export async function toApiError(response: ResponseLike<unknown>): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const retry = Number.parseInt(response.headers.get("Retry-After") ?? "", 10);
  return new ApiError(response.status, body, Number.isFinite(retry) && retry >= 0 ? retry : null);
}

/** The body of a successful response, or an ApiError carrying the API's message. */
export async function readJson<T>(response: ResponseLike<T>): Promise<T> {
  if (response.ok) return response.json();
  throw await toApiError(response);
}

export const NETWORK_ERROR =
  "De server is niet bereikbaar. Controleer je internetverbinding en probeer het opnieuw.";
export const NETWORK_ERROR_EN = "The server cannot be reached. Check your connection and try again.";

/** A fetch that never reached the API (offline, DNS, …), as an ApiError the pages can show. */
export function networkError(): ApiError {
  return new ApiError(
    0,
    { error: { code: "network_error", message: t(NETWORK_ERROR, NETWORK_ERROR_EN) } },
    null,
  );
}

/** The ApiError for anything a call threw. */
export const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : networkError());

/** Sends a request; a fetch that never reached the API (offline, DNS, …) becomes a network ApiError. */
export async function send<R>(request: () => Promise<R>): Promise<R> {
  try {
    return await request();
  } catch {
    throw networkError();
  }
}

/** What a typed-client response's json() resolves to (for a union of statuses, the union). */
type JsonOf<R> = R extends { json(): Promise<infer T> } ? T : never;

/** The body of a successful answer; anything else throws an ApiError the pages can show. */
export async function fetchJson<R extends ResponseLike<unknown>>(
  request: () => Promise<R>,
): Promise<JsonOf<R>> {
  const response = await send(request);
  if (!response.ok) throw await toApiError(response);
  // A successful answer is one of the bodies the route declares for its statuses.
  return (await response.json()) as JsonOf<R>;
}

/** The query of one page of a paged list: at most `limit` after the cursor `after`. */
export type PageQuery = { limit: string; after?: string };

/**
 * The query of a page of at most `limit` after `after` (none: the first page); with `search`, of
 * only what contains it (`q`, on the company lists).
 */
export const pageQuery = (
  limit: number,
  after: string | undefined,
  search?: string,
): PageQuery & { q?: string } => ({
  limit: String(limit),
  ...(after === undefined ? {} : { after }),
  ...(search === undefined ? {} : { q: search }),
});

/**
 * Every page of a paged list (issue 20): follows `next` until it is null, 500 at a time (the most
 * the API hands out), for the screens that need a whole list (people, the register, sites, …).
 */
export async function fetchAllPages<P extends { next: string | null }>(
  page: (query: PageQuery) => Promise<P>,
): Promise<P[]> {
  const pages = [await page({ limit: "500" })];
  for (let after = pages[0]!.next; after !== null;) {
    const next = await page({ limit: "500", after });
    pages.push(next);
    after = next.next;
  }
  return pages;
}
