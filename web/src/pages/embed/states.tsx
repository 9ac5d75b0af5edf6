// Session expired, not found, and failed loads: every API error on this page ends in one of these.
import { createEffect, Match, Switch } from "solid-js";
import { A, useLocation, useNavigate } from "@solidjs/router";
import { ApiError } from "../../api.ts";
import { t } from "../../i18n.ts";
import { signInPath } from "../../session.ts";

const SESSION_EXPIRED_NL = "Je sessie is verlopen. Log opnieuw in.";
const SESSION_EXPIRED_EN = "Your session has expired. Sign in again.";

// The API answers 404 for a group or company the caller may not see, so both read as "not found".
const NOT_FOUND_CODES = new Set(["tenant_not_found", "group_not_found", "not_found"]);

/** Sends the user to sign in, and back to this page afterwards. */
export function useSessionExpired(): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  return () =>
    navigate(signInPath(location.pathname + location.search), {
      replace: true,
      state: { message: SESSION_EXPIRED_NL },
    });
}

export const isSessionExpired = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 401;

/** A Dutch (or English) sentence for any failure, with what to do next where there is something. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return t(
      "Verklaring is niet bereikbaar. Controleer je internetverbinding en probeer het opnieuw.",
      "Verklaring could not be reached. Check your internet connection and try again.",
    );
  }
  if (error.status === 401) return t(SESSION_EXPIRED_NL, SESSION_EXPIRED_EN);
  if (error.status === 403) {
    return t(
      "Je mag dit bedrijf bekijken maar niet wijzigen. Vraag een redacteur of de privacyfunctionaris.",
      "You may view this company but not change it. Ask an editor or the privacy lead.",
    );
  }
  if (error.status >= 500) {
    return t(
      "Er ging aan onze kant iets mis; we hebben het vastgelegd. Probeer het later opnieuw.",
      "Something went wrong on our side; it has been logged. Try again later.",
    );
  }
  return error.message;
}

export function NotFoundScreen() {
  return (
    <section class="embed-state" aria-labelledby="embed-not-found-title">
      <h1 id="embed-not-found-title">{t("Niet gevonden", "Not found")}</h1>
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

/** What the page shows when it could not load: sign in again, not found, or the error and a retry. */
export function LoadFailure(props: { error: unknown; onRetry: () => void }) {
  const expired = useSessionExpired();
  createEffect(() => {
    if (isSessionExpired(props.error)) expired();
  });
  const notFound = () =>
    props.error instanceof ApiError && props.error.status === 404 && NOT_FOUND_CODES.has(props.error.code);
  return (
    <Switch
      fallback={
        <section class="embed-state" aria-labelledby="embed-failed-title">
          <h1 id="embed-failed-title">{t("Laden is niet gelukt", "Loading failed")}</h1>
          <p role="alert" class="notice error">
            {describeFailure(props.error)}
          </p>
          <p class="embed-actions">
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
          {t(SESSION_EXPIRED_NL, SESSION_EXPIRED_EN)}
        </p>
      </Match>
      <Match when={notFound()}>
        <NotFoundScreen />
      </Match>
    </Switch>
  );
}
