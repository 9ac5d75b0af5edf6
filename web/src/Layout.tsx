import { createSignal, ErrorBoundary, Show, Suspense, type ParentProps } from "solid-js";
import { A, createAsync, useLocation } from "@solidjs/router";
import { getMe, useSignOut } from "./session.ts";
import { language, setLanguage, t } from "./i18n.ts";

function LanguageSwitch() {
  return (
    <div class="language-switch" role="group" aria-label={t("Taal", "Language")}>
      <button type="button" aria-pressed={language() === "nl"} lang="nl" onClick={() => setLanguage("nl")}>
        NL
      </button>
      <button type="button" aria-pressed={language() === "en"} lang="en" onClick={() => setLanguage("en")}>
        EN
      </button>
    </div>
  );
}

function UserMenu() {
  const me = createAsync(() => getMe());
  const location = useLocation();
  const signOut = useSignOut();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const onSignOut = async () => {
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      await signOut();
    } catch (err) {
      setError(err instanceof Error ? err.message : "Uitloggen is niet gelukt.");
    } finally {
      setBusy(false);
    }
  };

  // While /api/me is still loading (undefined) there is no menu rather than a flash of "Inloggen";
  // on the sign-in page itself a link to it would only be noise.
  return (
    <Show when={me() !== undefined && (me() !== null || location.pathname !== "/sign-in")}>
      <nav class="user-menu" aria-label="Account">
        <Show
          when={me()}
          fallback={
            <A href="/sign-in" class="button-link">
              Inloggen
            </A>
          }
        >
          {(current) => (
            <>
              <A href="/console" class="user-name">
                {current().user.name}
              </A>
              <button type="button" class="secondary" onClick={onSignOut} aria-disabled={busy()}>
                {busy() ? "Bezig met uitloggen…" : "Uitloggen"}
              </button>
            </>
          )}
        </Show>
        <Show when={error()}>
          <p role="alert" class="header-error">
            {error()}
          </p>
        </Show>
      </nav>
    </Show>
  );
}

export function Layout(props: ParentProps) {
  return (
    <>
      <header class="site-header">
        <A href="/" class="brand">
          Verklaring
        </A>
        {/* A broken /api/me must not take the whole page down; the pages report their own errors. */}
        <ErrorBoundary
          fallback={
            <nav class="user-menu" aria-label="Account">
              <A href="/sign-in" class="button-link">
                Inloggen
              </A>
            </nav>
          }
        >
          <UserMenu />
        </ErrorBoundary>
        <LanguageSwitch />
      </header>
      <main id="main">
        <ErrorBoundary
          fallback={(error, reset) => (
            <div role="alert" class="notice error">
              <p>
                {error instanceof Error ? error.message : t("Er ging iets mis.", "Something went wrong.")}
              </p>
              <button type="button" onClick={reset}>
                {t("Opnieuw proberen", "Try again")}
              </button>
            </div>
          )}
        >
          <Suspense fallback={<p class="loading">{t("Laden…", "Loading…")}</p>}>{props.children}</Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
