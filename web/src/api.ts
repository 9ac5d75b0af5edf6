// The console talks to the worker only through Hono's typed RPC client.
import { hc } from "hono/client";
import type { AppType } from "../../worker/app.ts";
import { describeApiError, type FieldMessages, issuesToFieldMessages } from "./messages.ts";

export const api = hc<AppType>("/");

interface ErrorBody {
  error?: { status?: number; code?: string; message?: string; issues?: { field: string; message: string }[] };
}

/**
 * A failed API call. `message` is the Dutch text to show (translated by error code, else the
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
    const apiMessage = body?.error?.message ?? `De server antwoordde met status ${status}.`;
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
  return new ApiError(0, { error: { code: "network_error", message: NETWORK_ERROR } }, null);
}

/** The ApiError for anything a call threw. */
export const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : networkError());

/**
 * A call's data or its ApiError, instead of a throw: each page decides itself what a 401, a 404
 * or a network failure looks like (the layout's error boundary would only offer "try again").
 */
export type Loaded<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** What a loader built on loadResult gives when it succeeds. */
export type LoadedData<F extends (...args: never[]) => Promise<Loaded<unknown>>> = Extract<
  Awaited<ReturnType<F>>,
  { ok: true }
>["data"];

export async function loadResult<T>(call: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    return { ok: false, error: asApiError(error) };
  }
}
