// Signing in: the password first; then, for an account with two-step sign-in, a code from the
// authenticator app, a recovery code or a passkey; or, when the group requires two steps of an
// account that has none yet, setting up an authenticator app before getting in.
import { createSignal, Match, Show, startTransition, Switch } from "solid-js";
import {
  action,
  json,
  useAction,
  useLocation,
  useNavigate,
  useSearchParams,
  useSubmission,
} from "@solidjs/router";
import * as v from "valibot";
import { LoginSchema } from "#shared/api-schemas.ts";
import { SecondStepCodeSchema } from "#shared/account-schemas.ts";
import { api, ApiError, asApiError, toApiError } from "../api.ts";
import { Field } from "../components/Field.tsx";
import { t } from "../i18n.ts";
import { type FieldMessages, valibotFieldMessages } from "../messages.ts";
import { getMe, landingPath, refreshAfterSessionChange, safeRedirect, type SignInState } from "../session.ts";
import { RecoveryCodes } from "./account/RecoveryCodes.tsx";
import { TotpSetup } from "./account/TotpSetup.tsx";
import { isCancelled, passkeysSupported, signInWithPasskey } from "./account/webauthn.ts";
import "./account/account.css";

const NOTICES: Record<NonNullable<SignInState["notice"]>, [string, string]> = {
  "signed-out": ["Je bent uitgelogd.", "You have signed out."],
  "signed-out-everywhere": [
    "Je bent uitgelogd op al je apparaten en browsers.",
    "You have signed out on all your devices and browsers.",
  ],
};

interface Methods {
  totp: boolean;
  passkey: boolean;
  recoveryCode: boolean;
}

/**
 * The password step. Signed in at once: on to the next page (`finish`) before the submission ends,
 * so the button stays busy until that page shows; otherwise what the second step needs.
 */
const signIn = action(async (credentials: v.InferOutput<typeof LoginSchema>, finish: () => Promise<void>) => {
  const response = await api.api.auth.login.$post({ json: credentials });
  if (!response.ok) throw await toApiError(response);
  const result = await response.json();
  if (result.signedIn) await finish();
  // Signed in: finish fetched everything again for the new user; not yet: nothing changed.
  return json(result, { revalidate: [] });
}, "sign-in");

type Stage =
  | { step: "password" }
  | { step: "second"; methods: Methods }
  | { step: "enrolment" }
  | { step: "codes"; codes: string[] };

export default function SignIn() {
  const [params] = useSearchParams<{ redirect: string }>();
  const location = useLocation<SignInState>();
  const navigate = useNavigate();
  const [stage, setStage] = createSignal<Stage>({ step: "password" });
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
    if (state) return t(...NOTICES[state]);
    return redirectParam() ? t("Log in om verder te gaan.", "Sign in to continue.") : null;
  };

  const focusFirstInvalid = (messages: FieldMessages) => {
    const first = (["email", "password"] as const).find((name) => messages[name]);
    if (first) inputs[first]?.focus();
  };

  /** Signed in: on to the page that sent them here, or where they work (see landingPath). */
  const finish = async () => {
    const asked = redirectParam();
    await refreshAfterSessionChange();
    const target = asked ? safeRedirect(asked) : landingPath(await getMe());
    // One transition: the header learns who signed in while the next page loads.
    await startTransition(() => navigate(target, { replace: true }));
  };

  /** The pending sign-in ended (expired, or finished elsewhere): start again with the password. */
  const restart = (message: string) => {
    setStage({ step: "password" });
    setPassword("");
    setAlert(message);
    queueMicrotask(() => inputs.password?.focus());
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
      const result = await submitSignIn(parsed.output, finish);
      setPassword("");
      if (result.signedIn) return;
      if (result.next === "second_step") setStage({ step: "second", methods: result.methods });
      else setStage({ step: "enrolment" });
    } catch (error) {
      if (error instanceof ApiError) {
        setFields(error.fields);
        setAlert(error.message);
        if (error.code === "invalid_request") focusFirstInvalid(error.fields);
      } else {
        setAlert(
          t(
            "Inloggen is niet gelukt. Controleer je internetverbinding en probeer het opnieuw.",
            "Signing in failed. Check your connection and try again.",
          ),
        );
      }
    }
  };

  return (
    <section aria-labelledby="sign-in-title" class="narrow">
      <h1 id="sign-in-title">{t("Inloggen", "Sign in")}</h1>
      <Show when={notice() && stage().step === "password"}>
        <p role="status" class="notice info">
          {notice()}
        </p>
      </Show>
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        {alert()}
      </div>
      <Switch>
        <Match when={stage().step === "password"}>
          <form class="form" novalidate onSubmit={onSubmit} aria-busy={busy()}>
            <Field
              id="email"
              label={t("E-mailadres", "E-mail address")}
              type="email"
              autocomplete="username"
              value={email()}
              onInput={setEmail}
              error={fields().email}
              ref={(el) => (inputs.email = el)}
            />
            <Field
              id="password"
              label={t("Wachtwoord", "Password")}
              type="password"
              autocomplete="current-password"
              value={password()}
              onInput={setPassword}
              error={fields().password}
              ref={(el) => (inputs.password = el)}
            />
            <button type="submit" class="primary" aria-disabled={busy()}>
              {busy() ? t("Bezig met inloggen…", "Signing in…") : t("Inloggen", "Sign in")}
            </button>
          </form>
          <p class="muted">
            {t(
              "Nog geen account? Je krijgt toegang via een uitnodiging van de privacyfunctionaris van je groep. Wachtwoord vergeten? Vraag je privacyfunctionaris om een resetlink.",
              "No account yet? You get access through an invitation from your group's privacy lead. Forgot your password? Ask your privacy lead for a reset link.",
            )}
          </p>
        </Match>
        <Match when={stage().step === "second" && stage()}>
          {(current) => (
            <SecondStep
              methods={(current() as { methods: Methods }).methods}
              onSignedIn={finish}
              onExpired={restart}
              onAlert={setAlert}
            />
          )}
        </Match>
        <Match when={stage().step === "enrolment"}>
          <section class="enrolment" aria-labelledby="enrolment-title">
            <h2 id="enrolment-title">{t("Stel een tweede stap in", "Set up a second step")}</h2>
            <p>
              {t(
                "Je groep vraagt om in te loggen in twee stappen: na je wachtwoord een code uit een authenticator-app op je telefoon. Stel die nu in; daarna ben je ingelogd.",
                "Your group asks you to sign in with two steps: after your password, a code from an authenticator app on your phone. Set it up now; then you are signed in.",
              )}
            </p>
            <TotpSetup
              enrolment
              onDone={(result) => {
                if (!result.signedIn) {
                  restart(t("Log opnieuw in.", "Sign in again."));
                  return;
                }
                if (result.recoveryCodes) setStage({ step: "codes", codes: result.recoveryCodes });
                else void finish();
              }}
            />
          </section>
        </Match>
        <Match when={stage().step === "codes" && stage()}>
          {(current) => (
            <RecoveryCodes
              codes={(current() as { codes: string[] }).codes}
              onDone={() => void finish()}
              doneLabel={t("Bewaard, verder naar Verklaring", "Saved, continue to Verklaring")}
            />
          )}
        </Match>
      </Switch>
    </section>
  );
}

type CodeMethod = "totp" | "recovery_code";

/** The second step: a code from the app, a recovery code, or a passkey. */
function SecondStep(props: {
  methods: Methods;
  onSignedIn: () => Promise<void>;
  onExpired: (message: string) => void;
  onAlert: (message: string) => void;
}) {
  const [method, setMethod] = createSignal<CodeMethod>(props.methods.totp ? "totp" : "recovery_code");
  const [code, setCode] = createSignal("");
  const [error, setError] = createSignal<string | undefined>();
  const [busy, setBusy] = createSignal(false);
  let input: HTMLInputElement | undefined;
  const offerPasskey = () => props.methods.passkey && passkeysSupported();

  const fail = (failure: unknown) => {
    const apiError = asApiError(failure);
    if (apiError.code === "sign_in_expired") {
      props.onExpired(apiError.message);
      return;
    }
    props.onAlert(apiError.message);
    setError(apiError.fields.code);
    input?.focus();
  };

  const choose = (next: CodeMethod) => {
    setMethod(next);
    setCode("");
    setError(undefined);
    props.onAlert("");
    queueMicrotask(() => input?.focus());
  };

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    props.onAlert("");
    const parsed = v.safeParse(SecondStepCodeSchema, { method: method(), code: code() });
    if (!parsed.success) {
      setError(
        method() === "totp"
          ? t("Vul de 6 cijfers in die je app laat zien.", "Enter the 6 digits your app shows.")
          : t(
              "Vul een van je herstelcodes in, zoals abcd-efgh-ijkl-mnop.",
              "Enter one of your recovery codes, such as abcd-efgh-ijkl-mnop.",
            ),
      );
      input?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const response = await api.api.auth["two-step"].code.$post({ json: parsed.output });
      if (!response.ok) throw await toApiError(response);
      await props.onSignedIn();
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  const usePasskey = async () => {
    if (busy()) return;
    props.onAlert("");
    setBusy(true);
    try {
      await signInWithPasskey();
      await props.onSignedIn();
    } catch (failure) {
      if (isCancelled(failure)) {
        props.onAlert(
          t(
            "Er is geen passkey gebruikt. Probeer het opnieuw of gebruik een code.",
            "No passkey was used. Try again or use a code.",
          ),
        );
      } else fail(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="second-step" aria-labelledby="second-step-title">
      <h2 id="second-step-title" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
        {t("Tweede stap", "Second step")}
      </h2>
      <div class="methods" role="group" aria-label={t("Hoe wil je inloggen?", "How do you want to sign in?")}>
        <Show when={props.methods.totp}>
          <button
            type="button"
            class="secondary"
            aria-pressed={method() === "totp"}
            onClick={() => choose("totp")}
          >
            {t("Code uit je app", "Code from your app")}
          </button>
        </Show>
        <Show when={props.methods.recoveryCode}>
          <button
            type="button"
            class="secondary"
            aria-pressed={method() === "recovery_code"}
            onClick={() => choose("recovery_code")}
          >
            {t("Herstelcode", "Recovery code")}
          </button>
        </Show>
      </div>
      <form class="form" novalidate onSubmit={onSubmit} aria-busy={busy()}>
        <Field
          id="second-step-code"
          label={
            method() === "totp"
              ? t("Code uit je authenticator-app", "Code from your authenticator app")
              : t("Herstelcode", "Recovery code")
          }
          hint={
            method() === "totp"
              ? t("De 6 cijfers die je app nu laat zien.", "The 6 digits your app shows now.")
              : t("Elke herstelcode werkt één keer.", "Each recovery code works once.")
          }
          autocomplete="one-time-code"
          inputmode={method() === "totp" ? "numeric" : "text"}
          value={code()}
          onInput={setCode}
          error={error()}
          ref={(el) => (input = el)}
        />
        <button type="submit" class="primary" aria-disabled={busy()}>
          {busy() ? t("Bezig met controleren…", "Checking…") : t("Verder", "Continue")}
        </button>
      </form>
      <Show when={offerPasskey()}>
        <p>{t("Of gebruik een passkey op dit apparaat:", "Or use a passkey on this device:")}</p>
        <button type="button" class="secondary" aria-disabled={busy()} onClick={() => void usePasskey()}>
          {t("Inloggen met een passkey", "Sign in with a passkey")}
        </button>
      </Show>
    </section>
  );
}
