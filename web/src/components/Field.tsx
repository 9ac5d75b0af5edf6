import { Show, type JSX } from "solid-js";

interface FieldProps {
  id: string;
  label: string;
  type?: "text" | "email" | "password";
  name?: string;
  autocomplete?: string;
  /** The keyboard a phone shows, e.g. "numeric" for a code. */
  inputmode?: "text" | "numeric";
  value: string;
  onInput: (value: string) => void;
  /** The message for this field; sets aria-invalid and is read out with the field. */
  error?: string | undefined;
  hint?: JSX.Element;
  required?: boolean;
  ref?: (el: HTMLInputElement) => void;
}

/** A labelled input with an optional hint and error, both tied to it with aria-describedby. */
export function Field(props: FieldProps) {
  const hintId = () => `${props.id}-hint`;
  const errorId = () => `${props.id}-error`;
  const describedBy = () =>
    [props.hint ? hintId() : null, props.error ? errorId() : null].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field" classList={{ invalid: !!props.error }}>
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p id={hintId()} class="hint">
          {props.hint}
        </p>
      </Show>
      <input
        ref={props.ref}
        id={props.id}
        name={props.name ?? props.id}
        type={props.type ?? "text"}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        required={props.required ?? true}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy()}
      />
      <Show when={props.error}>
        <p id={errorId()} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
