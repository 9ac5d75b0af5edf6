// Form controls for the company editor. Each one is labelled, ties its hint and message to the
// control with aria-describedby, and finds its message and id from the content path it edits.
import {
  batch,
  createContext,
  createEffect,
  createSignal,
  For,
  type JSX,
  Show,
  untrack,
  useContext,
} from "solid-js";
import type {
  Baseline,
  Language,
  LocalizedLine,
  LocalizedMarkdown,
  Period,
  TenantContent,
} from "#shared/model.ts";
import { t } from "../../i18n.ts";
import { fieldId, normalizeLine } from "./content.ts";
import type { Processor } from "../group/group-data.ts";
import { unitLabel } from "./labels.ts";

export interface EditorApi {
  /** The content being edited (a store: read it in JSX to stay reactive). */
  content: TenantContent;
  /** Changes the content; `path` says which field, so its messages may show from now on. */
  edit: (path: string, change: (content: TenantContent) => void) => void;
  error: (path: string) => string | undefined;
  /** Whether any field under this path prefix shows a message. */
  hasErrorsWithin: (prefix: string) => boolean;
  readOnly: () => boolean;
  /** Says something to screen reader users (rows moved or removed). */
  announce: (message: string) => void;
  baseline: Baseline;
  processors: Processor[];
  /** The languages the group publishes in: an English text is needed only when English is one. */
  languages: readonly Language[];
}

export const EditorContext = createContext<EditorApi>();

export function useEditor(): EditorApi {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error("useEditor outside the company editor");
  return editor;
}

interface ControlProps {
  path: string;
  label: string;
  hint?: string | undefined;
  /** Another path whose message belongs here too (e.g. an object-level check). */
  alsoErrorOf?: string | undefined;
  optional?: boolean;
  /** Filled from elsewhere (the processor register): shown, not editable. */
  locked?: boolean;
  class?: string;
}

function useControl(props: ControlProps) {
  const editor = useEditor();
  const id = () => fieldId(props.path);
  const error = () =>
    editor.error(props.path) ?? (props.alsoErrorOf ? editor.error(props.alsoErrorOf) : undefined);
  const describedBy = () =>
    [props.hint ? `${id()}-hint` : null, error() ? `${id()}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return { editor, id, error, describedBy };
}

function Wrapper(props: ControlProps & { id: string; error: string | undefined; children: JSX.Element }) {
  return (
    <div class="field" classList={{ invalid: !!props.error, [props.class ?? ""]: !!props.class }}>
      <label for={props.id}>
        {props.label}
        <Show when={props.optional}>
          <span class="optional"> ({t("optioneel", "optional")})</span>
        </Show>
      </label>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
      {props.children}
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

export function TextField(
  props: ControlProps & {
    value: string;
    onChange: (value: string) => void;
    type?: "text" | "email" | "tel" | "url";
    autocomplete?: string;
    inputmode?: "text" | "numeric" | "email" | "tel" | "url";
  },
) {
  const c = useControl(props);
  return (
    <Wrapper {...props} id={c.id()} error={c.error()}>
      <input
        id={c.id()}
        type={props.type ?? "text"}
        value={props.value}
        autocomplete={props.autocomplete ?? "off"}
        inputmode={props.inputmode}
        readOnly={props.locked || c.editor.readOnly()}
        aria-required={props.optional ? undefined : "true"}
        aria-invalid={c.error() ? "true" : undefined}
        aria-describedby={c.describedBy()}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
    </Wrapper>
  );
}

export function TextAreaField(
  props: ControlProps & { value: string; onChange: (value: string) => void; rows?: number },
) {
  const c = useControl(props);
  return (
    <Wrapper {...props} id={c.id()} error={c.error()}>
      <textarea
        id={c.id()}
        rows={props.rows ?? 4}
        value={props.value}
        readOnly={c.editor.readOnly()}
        aria-required={props.optional ? undefined : "true"}
        aria-invalid={c.error() ? "true" : undefined}
        aria-describedby={c.describedBy()}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
    </Wrapper>
  );
}

export function SelectField<T extends string>(
  props: ControlProps & {
    value: T;
    options: readonly T[];
    optionLabel: (value: T) => string;
    onChange: (value: T) => void;
  },
) {
  const c = useControl(props);
  return (
    <Wrapper {...props} id={c.id()} error={c.error()}>
      <select
        id={c.id()}
        disabled={props.locked || c.editor.readOnly()}
        aria-invalid={c.error() ? "true" : undefined}
        aria-describedby={c.describedBy()}
        onChange={(event) => props.onChange(event.currentTarget.value as T)}
      >
        <For each={props.options}>
          {(option) => (
            <option value={option} selected={option === props.value}>
              {props.optionLabel(option)}
            </option>
          )}
        </For>
      </select>
    </Wrapper>
  );
}

export function CheckboxField(
  props: ControlProps & { checked: boolean; onChange: (checked: boolean) => void },
) {
  const c = useControl(props);
  return (
    <div class="field checkbox" classList={{ invalid: !!c.error() }}>
      <input
        id={c.id()}
        type="checkbox"
        checked={props.checked}
        disabled={c.editor.readOnly()}
        aria-describedby={c.describedBy()}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <label for={c.id()}>{props.label}</label>
      <Show when={props.hint}>
        <p id={`${c.id()}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
    </div>
  );
}

/** A line in Dutch and English: two inputs side by side (stacked on a phone). */
export function LineField(
  props: Omit<ControlProps, "alsoErrorOf"> & {
    value: LocalizedLine | undefined;
    onChange: (value: LocalizedLine | undefined) => void;
  },
) {
  const set = (lang: "nl" | "en", text: string) =>
    props.onChange(
      normalizeLine({ nl: props.value?.nl ?? "", en: props.value?.en, [lang]: text }, !!props.optional),
    );
  // Published in English too: an English line left empty is a problem that blocks publishing (the
  // Dutch text would stand in the English statement), so it is not marked optional then.
  const english = useEditor().languages.includes("en");
  return (
    <div class="pair" classList={{ [props.class ?? ""]: !!props.class }}>
      <TextField
        path={`${props.path}.nl`}
        alsoErrorOf={props.path}
        label={`${props.label} (${t("Nederlands", "Dutch")})`}
        hint={props.hint}
        optional={props.optional}
        locked={props.locked}
        value={props.value?.nl ?? ""}
        onChange={(text) => set("nl", text)}
      />
      <TextField
        path={`${props.path}.en`}
        label={`${props.label} (${t("Engels", "English")})`}
        optional={props.optional || !english}
        locked={props.locked}
        value={props.value?.en ?? ""}
        onChange={(text) => set("en", text)}
      />
    </div>
  );
}

/** Author text (Markdown subset) in Dutch and English. */
export function MarkdownField(
  props: ControlProps & {
    value: LocalizedMarkdown | undefined;
    onChange: (value: LocalizedMarkdown) => void;
  },
) {
  const set = (lang: "nl" | "en", text: string) => {
    const next: LocalizedMarkdown = { nl: props.value?.nl ?? "", en: props.value?.en, [lang]: text };
    if (next.en === "" || next.en === undefined) delete next.en;
    props.onChange(next);
  };
  return (
    <div class="pair">
      <TextAreaField
        path={`${props.path}.nl`}
        alsoErrorOf={props.path}
        label={`${props.label} (${t("Nederlands", "Dutch")})`}
        hint={props.hint}
        value={props.value?.nl ?? ""}
        onChange={(text) => set("nl", text)}
      />
      <TextAreaField
        path={`${props.path}.en`}
        label={`${props.label} (${t("Engels", "English")})`}
        hint={t(
          "Nodig omdat de verklaring ook in het Engels verschijnt.",
          "Needed because the statement is also published in English.",
        )}
        value={props.value?.en ?? ""}
        onChange={(text) => set("en", text)}
      />
    </div>
  );
}

const UNITS = ["days", "months", "years"] as const;

/**
 * A period as amount + unit. The amount's text is kept here, so "1a" stays on screen (with its
 * message) instead of turning into NaN; an empty amount means no period.
 */
export function PeriodField(
  props: Omit<ControlProps, "alsoErrorOf"> & {
    value: Period | undefined;
    onChange: (value: Period | undefined) => void;
  },
) {
  const c = useControl({ ...props, path: `${props.path}.amount`, alsoErrorOf: props.path });
  const [text, setText] = createSignal(props.value ? String(props.value.amount) : "");
  const [unit, setUnit] = createSignal<Period["unit"]>(props.value?.unit ?? "months");
  // A merge or a save may replace the period from outside; follow it unless it is what we typed.
  createEffect(() => {
    const amount = props.value?.amount;
    const current = untrack(text).trim();
    const typed = current === "" ? undefined : /^\d+$/.test(current) ? Number(current) : Number.NaN;
    if (!Object.is(amount, typed)) setText(amount === undefined ? "" : String(amount));
    if (props.value) setUnit(props.value.unit);
  });
  const emit = (amountText: string, nextUnit: Period["unit"]) => {
    const trimmed = amountText.trim();
    props.onChange(
      trimmed === ""
        ? undefined
        : { amount: /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN, unit: nextUnit },
    );
  };
  const unitId = () => `${c.id()}-unit`;
  return (
    <fieldset class="period" classList={{ invalid: !!c.error() }}>
      <legend>
        {props.label}
        <Show when={props.optional}>
          <span class="optional"> ({t("optioneel", "optional")})</span>
        </Show>
      </legend>
      <Show when={props.hint}>
        <p id={`${c.id()}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
      <div class="period-inputs">
        <div class="field">
          <label for={c.id()}>{t("Aantal", "Amount")}</label>
          <input
            id={c.id()}
            type="text"
            inputmode="numeric"
            autocomplete="off"
            value={text()}
            readOnly={c.editor.readOnly()}
            aria-invalid={c.error() ? "true" : undefined}
            aria-describedby={c.describedBy()}
            onInput={(event) => {
              const typed = event.currentTarget.value;
              batch(() => {
                setText(typed);
                emit(typed, unit());
              });
            }}
          />
        </div>
        <div class="field">
          <label for={unitId()}>{t("Eenheid", "Unit")}</label>
          <select
            id={unitId()}
            disabled={c.editor.readOnly()}
            onChange={(event) => {
              const next = event.currentTarget.value as Period["unit"];
              setUnit(next);
              emit(text(), next);
            }}
          >
            <For each={UNITS}>
              {(u) => (
                <option value={u} selected={u === unit()}>
                  {unitLabel(u)}
                </option>
              )}
            </For>
          </select>
        </div>
      </div>
      <Show when={c.error()}>
        <p id={`${c.id()}-error`} class="field-error">
          {c.error()}
        </p>
      </Show>
    </fieldset>
  );
}
