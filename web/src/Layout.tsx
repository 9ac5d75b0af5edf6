import { ErrorBoundary, Suspense, type ParentProps } from "solid-js";
import { A } from "@solidjs/router";

export function Layout(props: ParentProps) {
  return (
    <>
      <header class="site-header">
        <A href="/" class="brand">
          Verklaring
        </A>
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
