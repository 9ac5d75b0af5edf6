import { createSignal, ErrorBoundary, Show, Suspense, type ParentProps } from "solid-js";
import { A, createAsync, useLocation } from "@solidjs/router";
import { getMe, useSignOut } from "./session.ts";

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
      </header>
      <main id="main">
        <ErrorBoundary
          fallback={(error, reset) => (
            <div role="alert" class="notice error">
              <p>{error instanceof Error ? error.message : "Er ging iets mis."}</p>
              <button type="button" onClick={reset}>
                Opnieuw proberen
              </button>
            </div>
          )}
        >
          <Suspense fallback={<p class="loading">Laden…</p>}>{props.children}</Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
