// Setting up an authenticator app (RFC 6238): confirm with the current password (not during a
// sign-in that must enrol: the password was just typed), scan the QR code or type the key, and
// confirm with the first code the app shows.
import { createSignal, lazy, Show, Suspense } from "solid-js";
import { ApiError, asApiError } from "../../api.ts";
import { Field } from "../../components/Field.tsx";
import { t } from "../../i18n.ts";
import { confirmTotp, startTotp, type EnrolmentResult, type TotpStart } from "./data.ts";

const QrCode = lazy(() => import("./QrCode.tsx"));

/** The key in groups of four, as apps that take it typed show it. */
const grouped = (secret: string): string => secret.replace(/(.{4})(?=.)/g, "$1 ");

export function TotpSetup(props: {
  /** During a sign-in the group requires two steps for: no password asked. */
  enrolment: boolean;
  onDone: (result: EnrolmentResult) => void;
  onCancel?: () => void;
}) {
  const [password, setPassword] = createSignal("");
  const [code, setCode] = createSignal("");
  const [started, setStarted] = createSignal<TotpStart | null>(null);
  const [fields, setFields] = createSignal<Partial<Record<string, string>>>({});
  const [alert, setAlert] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  let codeInput: HTMLInputElement | undefined;
  let passwordInput: HTMLInputElement | undefined;

  const fail = (error: unknown, field?: HTMLInputElement) => {
    const apiError = asApiError(error);
    setFields(apiError.fields);
    setAlert(apiError.message);
    if (apiError instanceof ApiError && Object.keys(apiError.fields).length > 0) field?.focus();
  };

  const start = async (event?: SubmitEvent) => {
    event?.preventDefault();
    if (busy()) return;
    if (!props.enrolment && !password()) {
      setFields({ currentPassword: t("Vul je huidige wachtwoord in.", "Enter your current password.") });
      passwordInput?.focus();
      return;
    }
    setBusy(true);
    setAlert("");
    setFields({});
    try {
      setStarted(await startTotp(props.enrolment ? undefined : password()));
      setPassword("");
      queueMicrotask(() => codeInput?.focus());
    } catch (error) {
      fail(error, passwordInput);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    if (!/^\d{6}$/.test(code().trim())) {
      setFields({
        code: t("Vul de 6 cijfers in die je app laat zien.", "Enter the 6 digits your app shows."),
      });
      codeInput?.focus();
      return;
    }
    setBusy(true);
    setAlert("");
    setFields({});
    try {
      const result = await confirmTotp(code().trim());
      props.onDone({ recoveryCodes: result.recoveryCodes, signedIn: result.signedIn });
    } catch (error) {
      if (error instanceof ApiError && error.code === "enrolment_expired") setStarted(null);
      fail(error, codeInput);
    } finally {
      setBusy(false);
    }
  };

  // During a sign-in the setup starts at once: there is nothing to confirm first.
  if (props.enrolment) void start();

  return (
    <div class="totp-setup">
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        {alert()}
      </div>
      <Show
        when={started()}
        fallback={
          <Show when={!props.enrolment}>
            <form class="form" novalidate onSubmit={start} aria-busy={busy()}>
              <Field
                id="totp-current-password"
                label={t("Je huidige wachtwoord", "Your current password")}
                type="password"
                autocomplete="current-password"
                value={password()}
                onInput={setPassword}
                error={fields().currentPassword}
                ref={(el) => (passwordInput = el)}
              />
              <div class="actions">
                <button type="submit" class="primary" aria-disabled={busy()}>
                  {busy() ? t("Bezig…", "Working…") : t("Verder", "Continue")}
                </button>
                <Show when={props.onCancel}>
                  <button type="button" class="secondary" onClick={() => props.onCancel?.()}>
                    {t("Annuleren", "Cancel")}
                  </button>
                </Show>
              </div>
            </form>
          </Show>
        }
      >
        {(setup) => (
          <form class="form" novalidate onSubmit={confirm} aria-busy={busy()}>
            <ol class="steps">
              <li>
                {t(
                  "Open je authenticator-app (bijvoorbeeld van Google, Microsoft of je wachtwoordbeheerder) en scan deze QR-code.",
                  "Open your authenticator app (for example from Google, Microsoft or your password manager) and scan this QR code.",
                )}
                <Suspense fallback={<p class="loading">{t("QR-code maken…", "Drawing the QR code…")}</p>}>
                  <QrCode
                    value={setup().uri}
                    label={t("QR-code voor je authenticator-app", "QR code for your authenticator app")}
                    describedBy="totp-secret-text"
                  />
                </Suspense>
                <p id="totp-secret-text">
                  {t(
                    "Kun je niet scannen? Typ deze sleutel in je app: ",
                    "Cannot scan? Type this key into your app: ",
                  )}
                  <code class="totp-secret">{grouped(setup().secret)}</code>
                </p>
              </li>
              <li>
                <Field
                  id="totp-code"
                  label={t("De code die je app nu laat zien", "The code your app shows now")}
                  autocomplete="one-time-code"
                  inputmode="numeric"
                  value={code()}
                  onInput={setCode}
                  error={fields().code}
                  ref={(el) => (codeInput = el)}
                />
              </li>
            </ol>
            <div class="actions">
              <button type="submit" class="primary" aria-disabled={busy()}>
                {busy() ? t("Bezig met controleren…", "Checking…") : t("Code bevestigen", "Confirm code")}
              </button>
              <Show when={props.onCancel}>
                <button type="button" class="secondary" onClick={() => props.onCancel?.()}>
                  {t("Annuleren", "Cancel")}
                </button>
              </Show>
            </div>
          </form>
        )}
      </Show>
    </div>
  );
}
