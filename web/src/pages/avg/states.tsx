// The states the AVG pages share: session expired, not found, a failed load with a way to try
// again, the privacy-lead-only notice, and the Dutch (or English) words for the API's errors.
import { createEffect, Match, Switch } from "solid-js";
import { A, useLocation, useNavigate } from "@solidjs/router";
import type { ApiError } from "../../api.ts";
import { t } from "../../i18n.ts";
import { signInPath } from "../../session.ts";

// A group or company the caller may not see answers 404 too: the API never says which.
const NOT_FOUND_CODES = new Set(["tenant_not_found", "group_not_found", "not_found"]);

export const SESSION_EXPIRED = "Je sessie is verlopen. Log opnieuw in.";

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

/** The message for an API error in the console's language, with what to do about it. */
export function describeError(error: ApiError): string {
  switch (error.code) {
    case "network_error":
      return t(
        "De server is niet bereikbaar. Controleer je internetverbinding en probeer het opnieuw.",
        "The server cannot be reached. Check your connection and try again.",
      );
    case "unauthenticated":
      return t(SESSION_EXPIRED, "Your session has expired. Sign in again.");
    case "forbidden":
      return t(
        "Je mag dit niet wijzigen. Vraag een redacteur van dit bedrijf of de privacyfunctionaris.",
        "You may not change this. Ask an editor of this company or the privacy lead.",
      );
    case "baseline_not_found":
      return t(
        "De groep heeft nog geen basisverklaring gepubliceerd, dus er is nog niets om de tekst op af te stemmen. Vraag de privacyfunctionaris de basisverklaring te publiceren.",
        "The group has not published a baseline yet, so there is nothing to map the text onto. Ask the privacy lead to publish the baseline.",
      );
    case "draft_not_found":
      return t(
        "Dit bedrijf heeft nog geen concept. Open eerst de bedrijfspagina om er een te maken.",
        "This company has no draft yet. Open the company page first to create one.",
      );
    case "stale_revision":
      return t(
        "Het concept is gewijzigd terwijl je het voorstel bekeek.",
        "The draft changed while you reviewed the proposal.",
      );
    case "body_too_large":
      return t(
        "De tekst is te groot om te versturen (meer dan 1 MB). Importeer alleen de privacyverklaring zelf.",
        "The text is too large to send (over 1 MB). Import only the privacy statement itself.",
      );
    case "invalid_request":
      return t(
        `De tekst kon niet worden verwerkt: ${error.apiMessage}`,
        `The text could not be processed: ${error.apiMessage}`,
      );
    case "internal_error":
      return t(
        "Er ging aan onze kant iets mis; we hebben het vastgelegd. Probeer het later opnieuw.",
        "Something went wrong on our side; it has been logged. Try again later.",
      );
    default:
      return error.message;
  }
}

export function NotFoundScreen(props: { what?: "company" | "group" }) {
  return (
    <section class="avg-state" aria-labelledby="not-found-title">
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

/** What a page shows when loading failed: sign in again, not found, or the error with a retry. */
export function LoadFailure(props: {
  error: ApiError;
  onRetry: () => void;
  what?: "company" | "group";
  /** For a 403: what only the privacy lead may do (shown instead of the generic message). */
  leadOnly?: { what: string; whatEn: string };
}) {
  const expired = useSessionExpired();
  createEffect(() => {
    if (props.error.status === 401) expired();
  });
  return (
    <Switch
      fallback={
        <section class="avg-state" aria-labelledby="load-failed-title">
          <h1 id="load-failed-title">{t("Laden is niet gelukt", "Loading failed")}</h1>
          <p role="alert" class="notice error">
            {describeError(props.error)}
          </p>
          <p class="avg-actions">
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
        <NotFoundScreen what={props.what ?? "company"} />
      </Match>
      <Match when={props.error.status === 403 && props.leadOnly}>
        {(lead) => <LeadOnlyNotice what={lead().what} whatEn={lead().whatEn} />}
      </Match>
    </Switch>
  );
}

/** The screen for a signed-in user who is not the group's privacy lead. */
export function LeadOnlyNotice(props: { what: string; whatEn: string }) {
  return (
    <section aria-labelledby="lead-only-title" class="avg-state">
      <h1 id="lead-only-title">{t("Alleen voor de privacyfunctionaris", "Privacy lead only")}</h1>
      <p class="notice info">
        {t(
          `Alleen de privacyfunctionaris van de groep kan ${props.what}.`,
          `Only the group's privacy lead can ${props.whatEn}.`,
        )}
      </p>
      <p>
        <A href="/console">{t("Terug naar je overzicht", "Back to your overview")}</A>
      </p>
    </section>
  );
}
