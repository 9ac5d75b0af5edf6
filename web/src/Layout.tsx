// The frame of every page: a skip link, the header (brand, account, language) and the main region,
// which moves the focus to the new page's heading after every navigation inside the console, so a
// screen reader says where one arrived and the keyboard starts there.
import { createEffect, createSignal, ErrorBoundary, on, Show, Suspense, type ParentProps } from "solid-js";
import { A, createAsync, useIsRouting, useLocation } from "@solidjs/router";
import { errorText } from "./pages/group/group-text.ts";
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
  const { signOut, pending } = useSignOut();
  const [error, setError] = createSignal<string | null>(null);

  const onSignOut = async () => {
    if (pending()) return;
    setError(null);
    try {
      await signOut();
    } catch (err) {
      setError(errorText(err));
    }
  };

  // While /api/me is still loading (undefined) there is no menu rather than a flash of "Inloggen";
  // on the sign-in page itself a link to it would only be noise.
  return (
    <Show when={me() !== undefined && (me() !== null || location.pathname !== "/sign-in")}>
      <nav class="user-menu" aria-label={t("Account", "Account")}>
        <Show
          when={me()}
          fallback={
            <A href="/sign-in" class="button-link">
              {t("Inloggen", "Sign in")}
            </A>
          }
        >
          {(current) => (
            <>
              <A href="/console" class="user-name" title={current().user.name}>
                {current().user.name}
              </A>
              <A href="/account" class="account-link">
                {t("Account", "Account")}
              </A>
              <button type="button" class="secondary" onClick={onSignOut} aria-disabled={pending()}>
                {pending() ? t("Bezig met uitloggen…", "Signing out…") : t("Uitloggen", "Sign out")}
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

/**
 * After a navigation to another page (not a change of its search or hash alone), the new page's
 * h1 gets the focus once it is there — unless the page put the focus somewhere itself (a field a
 * link pointed at, a link shown once), or the address names a place on the page (#…).
 */
function useFocusOnNavigation(): void {
  const location = useLocation();
  const routing = useIsRouting();
  let previous: string | null = null;
  createEffect(
    on([() => location.pathname, routing], ([path, busy]) => {
      if (busy || path === previous) return;
      // The first page of a visit: the browser starts at the top, as for any page; only its title.
      const navigated = previous !== null;
      previous = path;
      const before = document.activeElement;
      let frames = 0;
      const attempt = () => {
        const heading = document.querySelector<HTMLElement>("main h1");
        if (!heading) {
          // The page may still be loading its data: try for about a second.
          if (++frames < 60) requestAnimationFrame(attempt);
          return;
        }
        // Every page is named in the tab and the history by its heading.
        const title = heading.textContent?.trim();
        if (title) document.title = `${title} – Verklaring`;
        const chosen = document.activeElement;
        const pageChoseFocus = chosen !== before && chosen !== document.body && chosen !== null;
        if (!navigated || location.hash || pageChoseFocus) return;
        if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
        heading.focus();
      };
      requestAnimationFrame(attempt);
    }),
  );
}

export function Layout(props: ParentProps) {
  useFocusOnNavigation();
  let main: HTMLElement | undefined;
  return (
    <>
      <a
        class="skip-link"
        href="#main"
        on:click={(event) => {
          // The router would treat #main as a navigation; moving the focus is all that is needed.
          event.preventDefault();
          main?.focus();
        }}
      >
        {t("Naar de inhoud", "Skip to content")}
      </a>
      <header class="site-header">
        <A href="/" class="brand">
          Verklaring
        </A>
        <div class="header-tools">
          {/* A broken /api/me must not take the whole page down; the pages report their own errors. */}
          <ErrorBoundary
            fallback={
              <nav class="user-menu" aria-label={t("Account", "Account")}>
                <A href="/sign-in" class="button-link">
                  {t("Inloggen", "Sign in")}
                </A>
              </nav>
            }
          >
            <UserMenu />
          </ErrorBoundary>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabindex="-1" ref={main}>
        <ErrorBoundary
          fallback={(error, reset) => (
            <div role="alert" class="notice error">
              <p>{errorText(error)}</p>
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
