// The page a password-reset link opens (issue 18, item 4): /reset-password#token=…. The token sits
// in the fragment, so it never reaches a server log; the page reads it, says whose password it
// resets, and sets the new one. Using the link ends every session of the account; it does not sign
// in: the person signs in with the new password (and their second step, if any).
import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { A, useLocation } from "@solidjs/router";
import * as v from "valibot";
import { NewPasswordSchema } from "#shared/api-schemas.ts";
import { api, asApiError, fetchJson } from "../api.ts";
import { Field } from "../components/Field.tsx";
import { t } from "../i18n.ts";
import { valibotFieldMessages } from "../messages.ts";
import { formatDateTime } from "./group/group-text.ts";

export default function ResetPassword() {
  const [done, setDone] = createSignal<{ email: string; removedTwoStep: boolean } | null>(null);
  // Follows the address: a link pasted into this same tab changes only the fragment, which loads
  // no new page, and must still open that link.
  const location = useLocation();
  const token = () => new URLSearchParams(location.hash.slice(1)).get("token") ?? "";
  const [reset] = createResource(
    () => ({ token: token() }),
    async ({ token }) => {
      setDone(null);
      if (!token) return null;
      try {
        return await fetchJson(() => api.api["password-resets"].lookup.$post({ json: { token } }));
      } catch (error) {
        return asApiError(error);
      }
    },
  );
  const [password, setPassword] = createSignal("");
  const [error, setError] = createSignal<string | undefined>();
  const [alert, setAlert] = createSignal("");
  const [busy, setBusy] = createSignal(false);

  let input: HTMLInputElement | undefined;

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert("");
    const parsed = v.safeParse(NewPasswordSchema, password());
    if (!parsed.success) {
      setError(valibotFieldMessages(parsed.issues)[""] ?? parsed.issues[0].message);
      input?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const result = await fetchJson(() =>
        api.api["password-resets"].redeem.$post({ json: { token: token(), password: parsed.output } }),
      );
      setPassword("");
      // The link is used up: nothing to keep in the address bar or the history.
      history.replaceState(history.state, "", location.pathname);
      setDone(result);
    } catch (failure) {
      const apiError = asApiError(failure);
      setError(apiError.fields.password);
      setAlert(apiError.message);
      if (apiError.fields.password) input?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("Nieuw wachtwoord instellen", "Set a new password")}</h1>
      <Show
        when={!reset.loading}
        fallback={<p class="loading">{t("Link controleren…", "Checking the link…")}</p>}
      >
        <Switch>
          <Match when={done()}>
            {(result) => (
              <div role="status" class="notice info">
                <p>
                  {t(
                    `Het wachtwoord van ${result().email} is gewijzigd. Al je sessies zijn beëindigd.`,
                    `The password of ${result().email} has been changed. All your sessions have ended.`,
                  )}
                  <Show when={result().removedTwoStep}>
                    {" "}
                    {t(
                      "Je tweede stap is verwijderd; stel een nieuwe in op je accountpagina.",
                      "Your second step was removed; set up a new one on your account page.",
                    )}
                  </Show>
                </p>
                <p>
                  <A href="/sign-in">
                    {t("Inloggen met je nieuwe wachtwoord", "Sign in with your new password")}
                  </A>
                </p>
              </div>
            )}
          </Match>
          <Match when={!token() || reset() === null}>
            <p role="alert" class="notice error">
              {t(
                "Deze link bevat geen resetcode. Open de hele link die je van je privacyfunctionaris kreeg.",
                "This link holds no reset code. Open the whole link your privacy lead gave you.",
              )}
            </p>
          </Match>
          <Match when={reset() instanceof Error && (reset() as Error)}>
            {(failure) => (
              <p role="alert" class="notice error">
                {failure().message}
              </p>
            )}
          </Match>
          <Match
            when={
              reset() &&
              !(reset() instanceof Error) &&
              (reset() as { email: string; expiresAt: string; removesTwoStep: boolean })
            }
          >
            {(link) => (
              <form class="form" novalidate onSubmit={onSubmit} aria-busy={busy()}>
                <p>
                  {t(
                    `Voor ${link().email}. De link werkt één keer, tot ${formatDateTime(link().expiresAt)}. Daarna log je in met je nieuwe wachtwoord; al je sessies worden beëindigd.`,
                    `For ${link().email}. The link works once, until ${formatDateTime(link().expiresAt)}. Then sign in with your new password; all your sessions end.`,
                  )}
                  <Show when={link().removesTwoStep}>
                    {" "}
                    {t(
                      "Je privacyfunctionaris heeft ook je tweede stap laten verwijderen (bijvoorbeeld omdat je telefoon kwijt is).",
                      "Your privacy lead also has your second step removed (for instance because you lost your phone).",
                    )}
                  </Show>
                </p>
                <div role="alert" class="notice error" classList={{ empty: !alert() }}>
                  {alert()}
                </div>
                <input
                  type="email"
                  name="username"
                  autocomplete="username"
                  value={link().email}
                  hidden
                  readonly
                />
                <Field
                  id="new-password"
                  label={t("Nieuw wachtwoord", "New password")}
                  type="password"
                  autocomplete="new-password"
                  hint={t("Minstens 12 tekens.", "At least 12 characters.")}
                  value={password()}
                  onInput={setPassword}
                  error={error()}
                  ref={(el) => (input = el)}
                />
                <button type="submit" class="primary" aria-disabled={busy()}>
                  {busy() ? t("Bezig met opslaan…", "Saving…") : t("Wachtwoord opslaan", "Save password")}
                </button>
              </form>
            )}
          </Match>
        </Switch>
      </Show>
    </section>
  );
}
