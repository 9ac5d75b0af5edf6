// The states every console page shares when it cannot show what it is for: the session expired
// (off to sign in, and back afterwards), the company or group is not there (or not yours), loading
// failed (with the reason and a way to try again), and a page that is for the privacy lead only.
import { createEffect, Match, Show, Switch } from "solid-js";
import { A, useLocation, useNavigate } from "@solidjs/router";
import { ApiError } from "../api.ts";
import { t } from "../i18n.ts";
import { signInPath } from "../session.ts";

export const SESSION_EXPIRED = "Je sessie is verlopen. Log opnieuw in.";
export const SESSION_EXPIRED_EN = "Your session has expired. Sign in again.";

// A group or company the caller may not see answers 404 too: the API never says which.
const NOT_FOUND_CODES = new Set(["tenant_not_found", "group_not_found", "not_found"]);

export const isSessionExpired = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 401;

const isNotFound = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 404 && NOT_FOUND_CODES.has(error.code);

/** Navigates to sign-in and back here afterwards; call it on any 401. */
export function useSessionExpired(): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  return () =>
    navigate(signInPath(location.pathname + location.search + location.hash), {
      replace: true,
      state: { message: SESSION_EXPIRED },
    });
}

export function NotFoundScreen(props: { what?: "company" | "group" }) {
  return (
    <section class="page-state" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t("Niet gevonden", "Not found")}</h1>
      <p role="alert" class="notice error">
        {props.what === "group"
          ? t(
              "Deze groep bestaat niet of je hebt er geen toegang toe.",
              "This group does not exist or you have no access to it.",
            )
          : t(
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

/** The screen for a signed-in user who is not the group's privacy lead. */
export function LeadOnlyNotice(props: { what: string; whatEn: string; askToChange?: boolean }) {
  return (
    <section aria-labelledby="lead-only-title" class="page-state">
      <h1 id="lead-only-title">{t("Alleen voor de privacyfunctionaris", "Privacy lead only")}</h1>
      <p class="notice info">
        {t(
          `Alleen de privacyfunctionaris van de groep kan ${props.what}.`,
          `Only the group's privacy lead can ${props.whatEn}.`,
        )}
      </p>
      <Show when={props.askToChange}>
        <p>
          {t(
            "Wil je iets veranderen in deze tekst? Vraag het aan de privacyfunctionaris van je groep.",
            "Would you like something changed? Ask your group's privacy lead.",
          )}
        </p>
      </Show>
      <p>
        <A href="/console">{t("Terug naar je overzicht", "Back to your overview")}</A>
      </p>
    </section>
  );
}

/**
 * What a page shows when loading failed: sign in again (401), not found (404), the lead-only
 * notice (403, when the page says what only the lead may do), or the error with a retry.
 */
export function LoadFailure<E>(props: {
  error: E;
  onRetry: () => void;
  /** The message for any other failure, in the page's own words. */
  describe: (error: E) => string;
  what?: "company" | "group";
  /** For a 403: what only the privacy lead may do (shown instead of the generic message). */
  leadOnly?: { what: string; whatEn: string };
}) {
  const expired = useSessionExpired();
  createEffect(() => {
    if (isSessionExpired(props.error)) expired();
  });
  const forbidden = () => props.error instanceof ApiError && props.error.status === 403;
  return (
    <Switch
      fallback={
        <section class="page-state" aria-labelledby="load-failed-title">
          <h1 id="load-failed-title">{t("Laden is niet gelukt", "Loading failed")}</h1>
          <p role="alert" class="notice error">
            {props.describe(props.error)}
          </p>
          <p class="page-state-actions">
            <button type="button" class="primary" onClick={() => props.onRetry()}>
              {t("Opnieuw proberen", "Try again")}
            </button>
            <A href="/console">{t("Naar je overzicht", "Go to your overview")}</A>
          </p>
        </section>
      }
    >
      <Match when={isSessionExpired(props.error)}>
        <p role="status" class="notice info">
          {t(SESSION_EXPIRED, SESSION_EXPIRED_EN)}
        </p>
      </Match>
      <Match when={isNotFound(props.error)}>
        <NotFoundScreen what={props.what ?? "company"} />
      </Match>
      <Match when={forbidden() && props.leadOnly}>
        {(lead) => <LeadOnlyNotice what={lead().what} whatEn={lead().whatEn} />}
      </Match>
    </Switch>
  );
}
