// Who is signed in, and signing out. The session itself is an HttpOnly cookie the console never sees.
import { startTransition } from "solid-js";
import { query, revalidate, useNavigate } from "@solidjs/router";
import { api, readJson, toApiError } from "./api.ts";

/** GET /api/me: the signed-in user with their memberships, or null when nobody is signed in. */
export const getMe = query(async () => {
  const response = await api.api.me.$get();
  // The typed client only knows the 200; a 401 (thrown by requireUser) means "not signed in".
  if ((response.status as number) === 401) return null;
  return readJson(response);
}, "me");

export type Me = NonNullable<Awaited<ReturnType<typeof getMe>>>;

/** Shown on the sign-in page after signing out (passed as navigation state). */
export interface SignInState {
  notice?: "signed-out" | "signed-out-everywhere";
  /** Said by the page that sent the user here, e.g. that their session expired. */
  message?: string;
}

/**
 * A `?redirect=` target we are willing to follow: a path on this site ("/…", not "//…" or "/\…",
 * which browsers read as another host), and a console page rather than the API or a statement.
 */
export function safeRedirect(target: string | null | undefined, fallback = "/console"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  // oxlint-disable-next-line no-control-regex -- a redirect target with control characters is refused
  if (/[\u0000-\u001f\u007f]/.test(target)) return fallback;
  try {
    const url = new URL(target, location.origin);
    if (url.origin !== location.origin) return fallback;
    if (/^\/(api|v1)(\/|$)/.test(url.pathname) || url.pathname === "/sign-in") return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

/** `/sign-in?redirect=<path>`, keeping the path readable. */
export const signInPath = (redirect: string): string =>
  `/sign-in?redirect=${encodeURIComponent(redirect).replace(/%2F/gi, "/")}`;

/**
 * After signing in or out: every cached answer may now be different (another user, or none),
 * so all queries are marked stale and the ones on screen fetch again.
 */
export const refreshAfterSessionChange = (): Promise<void> => revalidate();

/** signOut(): ends this session (or, with everywhere, all of the user's sessions) and goes to /sign-in. */
export function useSignOut(): (options?: { everywhere?: boolean }) => Promise<void> {
  const navigate = useNavigate();
  return async ({ everywhere = false } = {}) => {
    const response = everywhere
      ? await api.api.auth["logout-all"].$post()
      : await api.api.auth.logout.$post();
    // 401: the session had already ended; that is what we wanted.
    if (!response.ok && (response.status as number) !== 401) throw await toApiError(response);
    const state: SignInState = { notice: everywhere ? "signed-out-everywhere" : "signed-out" };
    // Leave the page first, so pages that need a session do not fetch again without one.
    await startTransition(() => navigate("/sign-in", { state }));
    await refreshAfterSessionChange();
  };
}
