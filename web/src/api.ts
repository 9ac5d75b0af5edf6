// The console talks to the worker only through Hono's typed RPC client.
import { hc } from "hono/client";
import type { AppType } from "../../worker/app.ts";

export const api = hc<AppType>("/");

export class ApiError extends Error {}

/** The body of a successful response, or an ApiError carrying the API's message. */
export async function readJson<T>(response: { ok: boolean; status: number; json(): Promise<T> }): Promise<T> {
  if (response.ok) return response.json();
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new ApiError(body?.error?.message ?? `The server answered ${response.status}.`);
}
