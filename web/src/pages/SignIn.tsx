import { createSignal, Show, startTransition } from "solid-js";
import {
  action,
  reload,
  useAction,
  useLocation,
  useNavigate,
  useSearchParams,
  useSubmission,
} from "@solidjs/router";
import * as v from "valibot";
import { LoginSchema } from "#shared/api-schemas.ts";
import { api, ApiError, toApiError } from "../api.ts";
import { Field } from "../components/Field.tsx";
import { type FieldMessages, valibotFieldMessages } from "../messages.ts";
import { getMe, landingPath, refreshAfterSessionChange, safeRedirect, type SignInState } from "../session.ts";

const NOTICES: Record<NonNullable<SignInState["notice"]>, string> = {
  "signed-out": "Je bent uitgelogd.",
  "signed-out-everywhere": "Je bent uitgelogd op al je apparaten en browsers.",
};

/**
 * Signs in, then opens the page that was asked for (or where they work, see landingPath). The
 * submission stays pending until the next page shows, so the button is busy all that time.
 */
const signIn = action(
  async (
    credentials: v.InferOutput<typeof LoginSchema>,
    asked: string | undefined,
    navigate: ReturnType<typeof useNavigate>,
  ) => {
    const response = await api.api.auth.login.$post({ json: credentials });
    if (!response.ok) throw await toApiError(response);
    await refreshAfterSessionChange();
    const target = asked ? safeRedirect(asked) : landingPath(await getMe());
    // One transition: the header learns who signed in while the next page loads.
    await startTransition(() => navigate(target, { replace: true }));
    // Everything was fetched again above, for the new user: nothing more to revalidate.
    return reload({ revalidate: [] });
  },
  "sign-in",
);

export default function SignIn() {
  const [params] = useSearchParams<{ redirect: string }>();
  const location = useLocation<SignInState>();
  const navigate = useNavigate();
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [fields, setFields] = createSignal<FieldMessages>({});
  const [alert, setAlert] = createSignal("");
  const submitSignIn = useAction(signIn);
  const signingIn = useSubmission(signIn);
  const busy = () => signingIn.pending === true;
  const inputs: Record<"email" | "password", HTMLInputElement | undefined> = {
    email: undefined,
    password: undefined,
  };

  const redirectParam = () => {
    const value = params.redirect;
    return Array.isArray(value) ? value[0] : value;
  };
  const notice = () => {
    const message = location.state?.message;
    if (message) return message;
    const state = location.state?.notice;
    if (state) return NOTICES[state];
    return redirectParam() ? "Log in om verder te gaan." : null;
  };

  const focusFirstInvalid = (messages: FieldMessages) => {
    const first = (["email", "password"] as const).find((name) => messages[name]);
    if (first) inputs[first]?.focus();
  };

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert("");
    const parsed = v.safeParse(LoginSchema, { email: email(), password: password() });
    if (!parsed.success) {
      const messages = valibotFieldMessages(parsed.issues);
      setFields(messages);
      focusFirstInvalid(messages);
      return;
    }
    setFields({});
    try {
      await submitSignIn(parsed.output, redirectParam(), navigate);
    } catch (error) {
      if (error instanceof ApiError) {
        setFields(error.fields);
        setAlert(error.message);
        if (error.code === "invalid_request") focusFirstInvalid(error.fields);
      } else {
        setAlert("Inloggen is niet gelukt. Controleer je internetverbinding en probeer het opnieuw.");
      }
    }
  };

  return (
    <section aria-labelledby="sign-in-title" class="narrow">
      <h1 id="sign-in-title">Inloggen</h1>
      <Show when={notice()}>
        <p role="status" class="notice info">
          {notice()}
        </p>
      </Show>
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        {alert()}
      </div>
      <form class="form" novalidate onSubmit={onSubmit} aria-busy={busy()}>
        <Field
          id="email"
          label="E-mailadres"
          type="email"
          autocomplete="username"
          value={email()}
          onInput={setEmail}
          error={fields().email}
          ref={(el) => (inputs.email = el)}
        />
        <Field
          id="password"
          label="Wachtwoord"
          type="password"
          autocomplete="current-password"
          value={password()}
          onInput={setPassword}
          error={fields().password}
          ref={(el) => (inputs.password = el)}
        />
        <button type="submit" class="primary" aria-disabled={busy()}>
          {busy() ? "Bezig met inloggen…" : "Inloggen"}
        </button>
      </form>
      <p class="muted">
        Nog geen account? Je krijgt toegang via een uitnodiging van de privacyfunctionaris van je groep.
      </p>
    </section>
  );
}
