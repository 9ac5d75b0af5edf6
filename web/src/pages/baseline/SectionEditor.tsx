// One section's fields: key, policy, structured list, and title and body per language, with the
// placeholder picker that inserts {{name}} at the caret of the body field last used.
import { createSignal, For, Show } from "solid-js";
import * as v from "valibot";
import { PLACEHOLDERS } from "#shared/engine.ts";
import { LISTS, POLICIES, SectionKeySchema, type ListKey, type Policy } from "#shared/model.ts";
import { language, t } from "../../i18n.ts";
import type { EditableSection } from "./editing.ts";
import { sectionName } from "./editing.ts";
import { describeIssue, LANGUAGE_WORDS, LIST_WORDS, POLICY_WORDS } from "./texts.ts";

interface SectionEditorProps {
  section: EditableSection;
  /** Field messages keyed "section.<uid>.<path>". */
  errors: Record<string, string>;
  isNew: boolean;
  /** The other sections' keys: a key must be unique. */
  takenKeys: () => string[];
  change: (mutate: (section: EditableSection) => void, field: string) => void;
  onRemove: () => void;
}

type BodyLanguage = "nl" | "en";

/** A field's message, if any, and the attributes that tie it to the field. */
function useFieldError(props: SectionEditorProps, field: string) {
  const key = () => `section.${props.section.uid}.${field}`;
  const message = () => props.errors[key()];
  const id = () => `sec-${props.section.uid}-${field.replace(/\./g, "-")}-error`;
  return { message, id };
}

function ErrorText(props: { id: string; message: string | undefined }) {
  return (
    <Show when={props.message}>
      <p id={props.id} class="field-error">
        {props.message}
      </p>
    </Show>
  );
}

export function SectionEditor(props: SectionEditorProps) {
  const uid = () => props.section.uid;
  const fieldId = (name: string) => `sec-${uid()}-${name}`;
  const bodies: Partial<Record<BodyLanguage, HTMLTextAreaElement>> = {};
  const [target, setTarget] = createSignal<BodyLanguage>("nl");
  const [placeholder, setPlaceholder] = createSignal(PLACEHOLDERS[0]?.name ?? "company.name");
  const [confirmRemove, setConfirmRemove] = createSignal(false);
  const [keyMessage, setKeyMessage] = createSignal<string | undefined>();

  const keyError = useFieldError(props, "key");
  const titleNl = useFieldError(props, "title.nl");
  const titleEn = useFieldError(props, "title.en");
  const bodyNl = useFieldError(props, "body.nl");
  const bodyEn = useFieldError(props, "body.en");
  const policyError = useFieldError(props, "policy");

  const onKeyInput = (value: string) => {
    props.change((s) => {
      s.key = value;
    }, "key");
    const parsed = v.safeParse(SectionKeySchema, value);
    setKeyMessage(
      !parsed.success
        ? describeIssue(parsed.issues[0]?.message ?? "", language())
        : props.takenKeys().includes(value)
          ? t("Een andere sectie heeft al deze sleutel.", "Another section already has this key.")
          : undefined,
    );
  };
  const keyMessageShown = () => keyMessage() ?? keyError.message();

  const insertPlaceholder = () => {
    const lang = target();
    const el = bodies[lang];
    if (!el) return;
    const token = `{{${placeholder()}}}`;
    const text = el.value;
    const start = el.selectionStart ?? text.length;
    const end = el.selectionEnd ?? start;
    const next = text.slice(0, start) + token + text.slice(end);
    props.change((s) => {
      s.body[lang] = next;
    }, `body.${lang}`);
    el.focus();
    el.setSelectionRange(start + token.length, start + token.length);
  };

  const describedBy = (...ids: (string | false | undefined | null)[]) =>
    ids.filter(Boolean).join(" ") || undefined;

  return (
    <section class="section-editor" aria-labelledby={`sec-${uid()}-heading`}>
      <h3 id={`sec-${uid()}-heading`} tabindex="-1">
        {t("Sectie bewerken: ", "Edit section: ")}
        {sectionName(props.section)}
      </h3>

      <div class="field" classList={{ invalid: !!keyMessageShown() }}>
        <label for={fieldId("key")}>{t("Sleutel", "Key")}</label>
        <p id={fieldId("key-hint")} class="hint">
          {props.isNew
            ? t(
                "Kleine letters a-z, cijfers en _, beginnend met een letter. Bedrijven koppelen hun aanvullingen aan deze sleutel.",
                "Lower-case a-z, digits and _, starting with a letter. Companies attach their additions to this key.",
              )
            : t(
                "Verander de sleutel van een bestaande sectie liever niet: aanvullingen van bedrijven horen bij de sleutel.",
                "Better not change an existing section's key: companies' additions belong to it.",
              )}
        </p>
        <input
          id={fieldId("key")}
          value={props.section.key}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => onKeyInput(e.currentTarget.value)}
          aria-invalid={keyMessageShown() ? "true" : undefined}
          aria-describedby={describedBy(fieldId("key-hint"), keyMessageShown() && keyError.id())}
        />
        <ErrorText id={keyError.id()} message={keyMessageShown()} />
      </div>

      <fieldset class="policy-choice" aria-describedby={policyError.message() ? policyError.id() : undefined}>
        <legend>
          {t("Wat mogen bedrijven met deze sectie?", "What may companies do with this section?")}
        </legend>
        <For each={POLICIES}>
          {(policy: Policy) => (
            <div class="choice">
              <input
                type="radio"
                id={fieldId(`policy-${policy}`)}
                name={fieldId("policy")}
                value={policy}
                checked={props.section.policy === policy}
                onChange={() =>
                  props.change((s) => {
                    s.policy = policy;
                  }, "policy")
                }
                aria-describedby={fieldId(`policy-${policy}-explanation`)}
              />
              <label for={fieldId(`policy-${policy}`)}>
                {t(POLICY_WORDS[policy].label.nl, POLICY_WORDS[policy].label.en)}
              </label>
              <p id={fieldId(`policy-${policy}-explanation`)} class="hint">
                {t(POLICY_WORDS[policy].explanation.nl, POLICY_WORDS[policy].explanation.en)}
              </p>
            </div>
          )}
        </For>
        <ErrorText id={policyError.id()} message={policyError.message()} />
      </fieldset>

      <div class="field">
        <label for={fieldId("list")}>{t("Lijst onder de tekst", "List under the text")}</label>
        <p id={fieldId("list-hint")} class="hint">
          {t(
            "Een lijst uit de gegevens van elk bedrijf, direct na de tekst van deze sectie.",
            "A list from each company's details, right after this section's text.",
          )}
        </p>
        <select
          id={fieldId("list")}
          aria-describedby={fieldId("list-hint")}
          onChange={(e) => {
            const value = e.currentTarget.value;
            props.change((s) => {
              if (value === "none") delete s.list;
              else s.list = value as ListKey;
            }, "list");
          }}
        >
          <option value="none" selected={props.section.list === undefined}>
            {t(LIST_WORDS.none.nl, LIST_WORDS.none.en)}
          </option>
          <For each={LISTS}>
            {(list) => (
              <option value={list} selected={props.section.list === list}>
                {t(LIST_WORDS[list].nl, LIST_WORDS[list].en)}
              </option>
            )}
          </For>
        </select>
      </div>

      <div class="language-fields">
        <For each={["nl", "en"] as const}>
          {(lang) => {
            const titleError = lang === "nl" ? titleNl : titleEn;
            return (
              <div class="field" classList={{ invalid: !!titleError.message() }}>
                <label for={fieldId(`title-${lang}`)}>
                  {t("Titel", "Title")} ({t(LANGUAGE_WORDS[lang].nl, LANGUAGE_WORDS[lang].en)})
                  {lang === "en" ? t(" — niet verplicht", " — optional") : ""}
                </label>
                <input
                  id={fieldId(`title-${lang}`)}
                  lang={lang}
                  value={props.section.title[lang] ?? ""}
                  required={lang === "nl"}
                  onInput={(e) => {
                    const value = e.currentTarget.value;
                    props.change((s) => {
                      s.title[lang] = value;
                    }, `title.${lang}`);
                  }}
                  aria-invalid={titleError.message() ? "true" : undefined}
                  aria-describedby={titleError.message() ? titleError.id() : undefined}
                />
                <ErrorText id={titleError.id()} message={titleError.message()} />
              </div>
            );
          }}
        </For>
      </div>

      <div class="placeholder-picker" role="group" aria-labelledby={fieldId("picker-label")}>
        <span id={fieldId("picker-label")} class="picker-title">
          {t("Gegeven van het bedrijf invoegen", "Insert a company detail")}
        </span>
        <div class="picker-row">
          <label for={fieldId("picker")}>{t("Gegeven", "Detail")}</label>
          <select id={fieldId("picker")} onChange={(e) => setPlaceholder(e.currentTarget.value)}>
            <For each={PLACEHOLDERS}>
              {(p) => (
                <option value={p.name} selected={placeholder() === p.name}>
                  {t(p.label.nl, p.label.en)} — {`{{${p.name}}}`}
                </option>
              )}
            </For>
          </select>
          <button type="button" onClick={insertPlaceholder} aria-describedby={fieldId("picker-target")}>
            {t("Invoegen", "Insert")}
          </button>
        </div>
        <p id={fieldId("picker-target")} class="hint">
          {t("Komt op de plek van de cursor in: tekst", "Goes where the cursor is in: text")} (
          {t(LANGUAGE_WORDS[target()].nl, LANGUAGE_WORDS[target()].en)}).
        </p>
      </div>

      <p id={fieldId("syntax")} class="hint syntax-hint">
        {t(
          "Opmaak: een lege regel begint een nieuwe alinea; een regel die begint met “- ” is een opsommingspunt; **vet**, *cursief*, [linktekst](https://…); {{naam}} wordt het gegeven van het bedrijf.",
          "Formatting: a blank line starts a new paragraph; a line starting with “- ” is a bullet; **bold**, *italic*, [link text](https://…); {{name}} becomes the company's detail.",
        )}
      </p>
      <div class="language-fields">
        <For each={["nl", "en"] as const}>
          {(lang) => {
            const bodyError = lang === "nl" ? bodyNl : bodyEn;
            return (
              <div class="field" classList={{ invalid: !!bodyError.message() }}>
                <label for={fieldId(`body-${lang}`)}>
                  {t("Tekst", "Text")} ({t(LANGUAGE_WORDS[lang].nl, LANGUAGE_WORDS[lang].en)})
                  {lang === "en" ? t(" — niet verplicht", " — optional") : ""}
                </label>
                <textarea
                  id={fieldId(`body-${lang}`)}
                  ref={(el) => (bodies[lang] = el)}
                  lang={lang}
                  rows={8}
                  value={props.section.body[lang] ?? ""}
                  onFocus={() => setTarget(lang)}
                  onInput={(e) => {
                    const value = e.currentTarget.value;
                    props.change((s) => {
                      s.body[lang] = value;
                    }, `body.${lang}`);
                  }}
                  aria-invalid={bodyError.message() ? "true" : undefined}
                  aria-describedby={describedBy(fieldId("syntax"), bodyError.message() && bodyError.id())}
                />
                <ErrorText id={bodyError.id()} message={bodyError.message()} />
              </div>
            );
          }}
        </For>
      </div>

      <div class="remove-section">
        <Show
          when={confirmRemove()}
          fallback={
            <button type="button" class="danger" onClick={() => setConfirmRemove(true)}>
              {t("Sectie verwijderen", "Remove section")}
            </button>
          }
        >
          <div role="group" aria-labelledby={fieldId("remove-question")} class="confirm">
            <p id={fieldId("remove-question")}>
              {t(
                `Sectie "${sectionName(props.section)}" verwijderen? Wat bedrijven aan deze sectie hebben toegevoegd, verdwijnt uit hun verklaring zodra ze opnieuw publiceren.`,
                `Remove section "${sectionName(props.section)}"? What companies added to it disappears from their statement when they next publish.`,
              )}
            </p>
            <button type="button" class="danger" onClick={() => props.onRemove()}>
              {t("Ja, verwijderen", "Yes, remove")}
            </button>{" "}
            <button type="button" class="secondary" onClick={() => setConfirmRemove(false)}>
              {t("Niet verwijderen", "Keep it")}
            </button>
          </div>
        </Show>
      </div>
    </section>
  );
}
