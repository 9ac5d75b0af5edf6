// A change to one's own sign-in that the current password confirms (removing a second step, new
// recovery codes, adding a passkey): a button that opens a small form with the password field.
import { createSignal, Show, type JSX } from "solid-js";
import { ApiError, asApiError } from "../../api.ts";
import { Field } from "../../components/Field.tsx";
import { t } from "../../i18n.ts";

export function PasswordConfirm(props: {
  id: string;
  /** The button that opens the form, and the form's own submit button. */
  label: string;
  busyLabel: string;
  danger?: boolean;
  /** More fields before the password (a passkey's name). */
  children?: JSX.Element;
  /** Checks the other fields; a message stops the submit. */
  check?: () => string | null;
  onConfirm: (currentPassword: string) => Promise<void>;
}) {
  const [open, setOpen] = createSignal(false);
  const [password, setPassword] = createSignal("");
  const [error, setError] = createSignal<string | undefined>();
  const [alert, setAlert] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  let input: HTMLInputElement | undefined;
  let opener: HTMLButtonElement | undefined;

  const close = () => {
    setOpen(false);
    setPassword("");
    setError(undefined);
    setAlert("");
    queueMicrotask(() => opener?.focus());
  };

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    const problem = props.check?.() ?? null;
    if (problem) {
      setAlert(problem);
      return;
    }
    if (!password()) {
      setError(t("Vul je huidige wachtwoord in.", "Enter your current password."));
      input?.focus();
      return;
    }
    setBusy(true);
    setAlert("");
    setError(undefined);
    try {
      await props.onConfirm(password());
      setOpen(false);
      setPassword("");
    } catch (failure) {
      // A failed API call, or a step in the browser that said why (a cancelled passkey dialog).
      if (!(failure instanceof ApiError) && failure instanceof Error) {
        setAlert(failure.message);
        return;
      }
      const apiError = asApiError(failure);
      if (apiError.fields.currentPassword) {
        setError(apiError.fields.currentPassword);
        input?.focus();
      }
      setAlert(apiError.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show
      when={open()}
      fallback={
        <button
          type="button"
          ref={opener}
          class={props.danger ? "danger" : "secondary"}
          aria-expanded="false"
          onClick={() => {
            setOpen(true);
            queueMicrotask(() =>
              document.getElementById(`${props.id}-form`)?.querySelector("input")?.focus(),
            );
          }}
        >
          {props.label}
        </button>
      }
    >
      <form
        id={`${props.id}-form`}
        class="form password-confirm"
        novalidate
        onSubmit={onSubmit}
        aria-busy={busy()}
      >
        <div role="alert" class="notice error" classList={{ empty: !alert() }}>
          {alert()}
        </div>
        {props.children}
        <Field
          id={`${props.id}-password`}
          label={t("Bevestig met je huidige wachtwoord", "Confirm with your current password")}
          type="password"
          autocomplete="current-password"
          value={password()}
          onInput={setPassword}
          error={error()}
          ref={(el) => (input = el)}
        />
        <div class="actions">
          <button type="submit" class={props.danger ? "danger" : "primary"} aria-disabled={busy()}>
            {busy() ? props.busyLabel : props.label}
          </button>
          <button type="button" class="secondary" onClick={close}>
            {t("Annuleren", "Cancel")}
          </button>
        </div>
      </form>
    </Show>
  );
}
