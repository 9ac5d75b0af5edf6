// The states every company page shares: session expired, company not found, and a failed load
// with a way to try again.
import { createEffect, Match, Switch } from "solid-js";
import { A, useLocation, useNavigate } from "@solidjs/router";
import type { ApiError } from "../../api.ts";
import { t } from "../../i18n.ts";
import { signInPath } from "../../session.ts";
import { describeError } from "./labels.ts";
import type { Loaded } from "./data.ts";

// A group or company the caller may not see answers 404 too: the API never says which.
const NOT_FOUND_CODES = new Set(["tenant_not_found", "group_not_found", "not_found"]);

export const SESSION_EXPIRED = "Je sessie is verlopen. Log opnieuw in.";

/** navigate to sign-in and back here afterwards; call it on any 401. */
export function useSessionExpired(): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  return () =>
    navigate(signInPath(location.pathname + location.search + location.hash), {
      replace: true,
      state: { message: SESSION_EXPIRED },
    });
}

/** The first failure among several loads, or all their data. */
export function combine<T extends unknown[]>(
  ...results: { [K in keyof T]: Loaded<T[K]> | undefined }
): { ok: true; data: T } | { ok: false; error: ApiError } | undefined {
  for (const result of results) if (result === undefined) return undefined;
  for (const result of results) if (result && !result.ok) return result;
  return { ok: true, data: results.map((r) => (r as { data: unknown }).data) as T };
}

export function NotFoundScreen() {
  return (
    <section class="company-state" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t("Niet gevonden", "Not found")}</h1>
      <p role="alert" class="notice error">
        {t(
          "Dit bedrijf bestaat niet of je hebt er geen toegang toe.",
          "This company does not exist or you have no access to it.",
        )}
      </p>
      <p>
        <A href="/console">{t("Naar je overzicht", "Go to your overview")}</A>
      </p>
    </section>
  );
}

/** What a page shows when loading failed: sign in again, not found, or the error with a retry. */
export function LoadFailure(props: { error: ApiError; onRetry: () => void }) {
  const expired = useSessionExpired();
  createEffect(() => {
    if (props.error.status === 401) expired();
  });
  return (
    <Switch
      fallback={
        <section class="company-state" aria-labelledby="load-failed-title">
          <h1 id="load-failed-title">{t("Laden is niet gelukt", "Loading failed")}</h1>
          <p role="alert" class="notice error">
            {describeError(props.error)}
          </p>
          <p class="actions">
            <button type="button" class="primary" onClick={() => props.onRetry()}>
              {t("Opnieuw proberen", "Try again")}
            </button>
            <A href="/console">{t("Naar je overzicht", "Go to your overview")}</A>
          </p>
        </section>
      }
    >
      <Match when={props.error.status === 401}>
        <p role="status" class="notice info">
          {t(SESSION_EXPIRED, "Your session has expired. Sign in again.")}
        </p>
      </Match>
      <Match when={props.error.status === 404 && NOT_FOUND_CODES.has(props.error.code)}>
        <NotFoundScreen />
      </Match>
    </Switch>
  );
}
