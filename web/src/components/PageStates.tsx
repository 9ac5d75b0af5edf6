// The states every console page shares when it cannot show what it is for: the session expired
// (off to sign in, and back afterwards), the company or group is not there (or not yours), loading
// failed (with the reason and a way to try again), and a page that is for the privacy lead only.
import { createEffect, ErrorBoundary, Match, Show, Suspense, Switch, type JSX } from "solid-js";
import { A, revalidate, useLocation, useNavigate } from "@solidjs/router";
import { ApiError } from "../api.ts";
import { t } from "../i18n.ts";
import { INTERNAL_ERROR, INTERNAL_ERROR_EN } from "../messages.ts";
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
export function LoadFailure(props: {
  error: unknown;
  onRetry: () => void;
  /** The message for any other failure, in the page's own words. */
  describe: (error: ApiError) => string;
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
            {props.error instanceof ApiError
              ? props.describe(props.error)
              : t(INTERNAL_ERROR, INTERNAL_ERROR_EN)}
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

export interface LoadBoundaryProps {
  children: JSX.Element;
  /** The message for a failure that is not a 401, 404 or lead-only 403, in the page's own words. */
  describe: (error: ApiError) => string;
  what?: "company" | "group";
  leadOnly?: { what: string; whatEn: string };
  /** What is loading, e.g. "Concept laden…"; defaults to "Laden…". */
  loading?: string;
  /** The queries to fetch again on "try again"; every query when left out. */
  retry?: string[];
  /**
   * For one part of a page (e.g. "de tijdlijn", "the timeline"): a failure is a short alert in
   * that part's place, and the rest of the page stays.
   */
  part?: { nl: string; en: string };
}

/**
 * The one way a console page waits and fails: the router queries its children read (createAsync)
 * suspend here while they load, and a failed one is shown as a page state (sign in again, not
 * found, lead only, or the error with "try again", which fetches the queries afresh).
 */
export function LoadBoundary(props: LoadBoundaryProps) {
  return (
    <ErrorBoundary
      fallback={(error: unknown, reset) => {
        // A failed API call is a page state; anything else is a defect worth seeing in the console.
        if (!(error instanceof ApiError)) console.error(error);
        const retry = () => {
          void revalidate(props.retry);
          reset();
        };
        if (props.part)
          return <PartFailure error={error} part={props.part} describe={props.describe} onRetry={retry} />;
        return (
          <LoadFailure
            error={error}
            describe={props.describe}
            what={props.what}
            leadOnly={props.leadOnly}
            onRetry={retry}
          />
        );
      }}
    >
      <Suspense fallback={<p class="loading">{props.loading ?? t("Laden…", "Loading…")}</p>}>
        {props.children}
      </Suspense>
    </ErrorBoundary>
  );
}

function PartFailure(props: {
  error: unknown;
  part: { nl: string; en: string };
  describe: (error: ApiError) => string;
  onRetry: () => void;
}) {
  const expired = useSessionExpired();
  createEffect(() => {
    if (isSessionExpired(props.error)) expired();
  });
  return (
    <div role="alert" class="notice error">
      <p>
        {t(`Laden van ${props.part.nl} is niet gelukt: `, `Loading ${props.part.en} failed: `)}
        {props.error instanceof ApiError ? props.describe(props.error) : t(INTERNAL_ERROR, INTERNAL_ERROR_EN)}
      </p>
      <button type="button" onClick={() => props.onRetry()}>
        {t("Opnieuw proberen", "Try again")}
      </button>
    </div>
  );
}
