// Who is signed in, and signing out. The session itself is an HttpOnly cookie the console never sees.
import { startTransition } from "solid-js";
import { action, query, reload, revalidate, useAction, useNavigate, useSubmission } from "@solidjs/router";
import { api, readJson, send, toApiError } from "./api.ts";

async function fetchMe() {
  const response = await send(() => api.api.me.$get());
  // The typed client only knows the 200; a 401 (thrown by requireUser) means "not signed in".
  if ((response.status as number) === 401) return null;
  return readJson(response);
}

/** GET /api/me: the signed-in user with their memberships, or null when nobody is signed in. */
export const getMe = query(fetchMe, "me");

export type Me = NonNullable<Awaited<ReturnType<typeof fetchMe>>>;

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

/**
 * Ends this session (or, with everywhere, all of the user's sessions). Nothing is fetched again
 * here: the page that called it leaves first, so pages that need a session do not ask without one.
 */
export const signOut = action(async (everywhere: boolean) => {
  const response = await send(() =>
    everywhere ? api.api.auth["logout-all"].$post() : api.api.auth.logout.$post(),
  );
  // 401: the session had already ended; that is what we wanted.
  if (!response.ok && (response.status as number) !== 401) throw await toApiError(response);
  return reload({ revalidate: [] });
}, "sign-out");

/** Signing out, then off to /sign-in, which says so; `pending` while the request runs. */
export function useSignOut(): {
  signOut: (options?: { everywhere?: boolean }) => Promise<void>;
  pending: () => boolean;
} {
  const navigate = useNavigate();
  const run = useAction(signOut);
  const submission = useSubmission(signOut);
  return {
    pending: () => submission.pending === true,
    async signOut({ everywhere = false } = {}) {
      await run(everywhere);
      const state: SignInState = { notice: everywhere ? "signed-out-everywhere" : "signed-out" };
      await startTransition(() => navigate("/sign-in", { state }));
      await refreshAfterSessionChange();
    },
  };
}

/**
 * Where someone lands after signing in (or accepting an invitation) when no page asked for them:
 * a privacy lead on their group's dashboard, an editor or viewer in their company, and someone
 * with several of those on the console's overview, to choose.
 */
export function landingPath(me: Me | null | undefined): string {
  const places = new Set<string>();
  for (const m of me?.memberships ?? []) {
    if (m.role === "group_admin") places.add(`/console/${m.group.slug}`);
  }
  for (const m of me?.memberships ?? []) {
    if (m.tenant && !places.has(`/console/${m.group.slug}`))
      places.add(`/console/${m.group.slug}/companies/${m.tenant.slug}`);
  }
  return places.size === 1 ? [...places][0]! : "/console";
}
