// Adding a processor to the group's register, or changing one: name, role, service, the country
// where the data is processed and — outside the EEA — the safeguard for the transfer (AVG art. 44–49).
import { createMemo, createSignal, For, Show } from "solid-js";
import { useAction, useSubmission } from "@solidjs/router";
import * as v from "valibot";
import { COUNTRY_NAMES } from "#shared/countries.ts";
import { ProcessorBodySchema } from "#shared/api-schemas.ts";
import { isEeaCountry, RECIPIENT_ROLES, SAFEGUARDS, SlugSchema, type Recipient } from "#shared/model.ts";
import { ApiError } from "../../api.ts";
import { language, t } from "../../i18n.ts";
import { saveProcessor } from "./data.ts";
import { slugFromName } from "#shared/slug-from-name.ts";
import { countryName, ROLE_WORDS, SAFEGUARD_WORDS, type Role, type Safeguard } from "./processor-words.ts";
import { describeIssue } from "./texts.ts";

const OTHER_COUNTRY = "other";

export interface SavedProcessor {
  name: string;
  created: boolean;
  draftsUpdated: number;
}

export interface FormState {
  key: string;
  name: string;
  role: Role;
  serviceNl: string;
  serviceEn: string;
  /** A code from COUNTRY_NAMES, or OTHER_COUNTRY. */
  countryChoice: string;
  otherCountry: string;
  safeguard: Safeguard | "";
}

export const emptyForm = (): FormState => ({
  key: "",
  name: "",
  role: "processor",
  serviceNl: "",
  serviceEn: "",
  countryChoice: "NL",
  otherCountry: "",
  safeguard: "eea",
});

/** The form's fields for a recipient: to edit a register entry, or to add one a company lists. */
export function formFromRecipient(key: string, recipient: Recipient): FormState {
  const known = COUNTRY_NAMES[recipient.country] !== undefined;
  return {
    key,
    name: recipient.name,
    role: recipient.role,
    serviceNl: recipient.service?.nl ?? "",
    serviceEn: recipient.service?.en ?? "",
    countryChoice: known ? recipient.country : OTHER_COUNTRY,
    otherCountry: known ? "" : recipient.country,
    safeguard: recipient.safeguard,
  };
}

export function ProcessorForm(props: {
  group: string;
  /** The form's first state: empty, an entry to change, or a suggestion to add. */
  initial: FormState;
  /** The key of the entry being changed; null when adding. */
  editing: string | null;
  /** Keys already in the register. */
  takenKeys: string[];
  onSaved: (saved: SavedProcessor) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = createSignal<FormState>(props.initial);
  const editing = () => props.editing;
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  // A key from a suggestion was derived from its name too: it follows the name until typed by hand.
  const [keyTouched, setKeyTouched] = createSignal(false);
  const [alert, setAlert] = createSignal("");
  const saving = useSubmission(saveProcessor);
  const send = useAction(saveProcessor);
  const busy = () => saving.pending === true;
  const countries = createMemo(() =>
    Object.keys(COUNTRY_NAMES).sort((a, b) => countryName(a).localeCompare(countryName(b), language())),
  );
  const country = () => {
    const f = form();
    return f.countryChoice === OTHER_COUNTRY ? f.otherCountry.trim().toUpperCase() : f.countryChoice;
  };
  const inEea = () => isEeaCountry(country());

  const update = (patch: Partial<FormState>, ...fields: string[]) => {
    const next = { ...form(), ...patch };
    // "eea" exactly when the country is in the EEA: follow the country, keep a choice made outside it.
    const code =
      next.countryChoice === OTHER_COUNTRY ? next.otherCountry.trim().toUpperCase() : next.countryChoice;
    if (isEeaCountry(code)) next.safeguard = "eea";
    else if (next.safeguard === "eea") next.safeguard = "";
    setForm(next);
    if (fields.length > 0) {
      const rest = { ...errors() };
      for (const field of fields) delete rest[field];
      setErrors(rest);
    }
  };

  const recipientFromForm = () => {
    const f = form();
    const service =
      f.serviceNl.trim() === "" && f.serviceEn.trim() === ""
        ? undefined
        : f.serviceEn.trim() === ""
          ? { nl: f.serviceNl }
          : { nl: f.serviceNl, en: f.serviceEn };
    return {
      name: f.name,
      role: f.role,
      ...(service ? { service } : {}),
      country: country(),
      safeguard: f.safeguard,
    };
  };

  const FIELD_ORDER = [
    "recipient.name",
    "key",
    "recipient.role",
    "recipient.service.nl",
    "recipient.service.en",
    "recipient.country",
    "recipient.safeguard",
  ];
  const FIELD_IDS: Record<string, string> = {
    key: "processor-key",
    "recipient.name": "processor-name",
    "recipient.role": "processor-role",
    "recipient.service.nl": "processor-service-nl",
    "recipient.service.en": "processor-service-en",
    "recipient.country": "processor-country",
    "recipient.safeguard": "safeguard-adequacy",
  };
  const focusFirst = (found: Record<string, string>) => {
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) document.getElementById(FIELD_IDS[first] ?? "")?.focus();
  };

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert("");
    const key = (editing() ?? form().key).trim();
    const found: Record<string, string> = {};
    const keyCheck = v.safeParse(SlugSchema, key);
    if (!keyCheck.success) found.key = describeIssue(keyCheck.issues[0]?.message ?? "", language());
    else if (!editing() && props.takenKeys.includes(key))
      found.key = t(
        "Deze sleutel is al in gebruik; kies Wijzigen bij die verwerker.",
        "This key is taken; choose Edit for that processor.",
      );
    const body = { recipient: recipientFromForm() };
    const parsed = v.safeParse(ProcessorBodySchema, body);
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        const path = v.getDotPath(issue) ?? "recipient";
        found[path] ??=
          path === "recipient.safeguard" && form().safeguard === ""
            ? t(
                "Kies hoe de doorgifte buiten de EER beschermd is.",
                "Choose how the transfer outside the EEA is protected.",
              )
            : describeIssue(issue.message, language());
      }
    }
    if (Object.keys(found).length > 0 || !parsed.success) {
      setErrors(found);
      focusFirst(found);
      return;
    }
    setErrors({});
    try {
      const saved = await send(props.group, key, parsed.output.recipient);
      props.onSaved({
        name: saved.processor.recipient.name,
        created: !editing(),
        draftsUpdated: saved.draftsUpdated,
      });
    } catch (error) {
      if (error instanceof ApiError) {
        const apiFound: Record<string, string> = {};
        for (const [field, message] of Object.entries(error.fields)) {
          apiFound[field] = describeIssue(message ?? "", language());
        }
        setErrors(apiFound);
        setAlert(error.message);
        focusFirst(apiFound);
      } else {
        setAlert(t("Opslaan is niet gelukt. Probeer het opnieuw.", "Saving failed. Try again."));
      }
    }
  };

  const fieldError = (field: string) => errors()[field];
  const errorAttrs = (field: string, id: string, hint?: string) => ({
    "aria-invalid": fieldError(field) ? ("true" as const) : undefined,
    "aria-describedby":
      [hint, fieldError(field) ? `${id}-error` : undefined].filter(Boolean).join(" ") || undefined,
  });
  const ErrorText = (p: { field: string; id: string }) => (
    <Show when={fieldError(p.field)}>
      <p id={`${p.id}-error`} class="field-error">
        {fieldError(p.field)}
      </p>
    </Show>
  );

  return (
    <form class="processor-form narrow" novalidate onSubmit={onSubmit} aria-labelledby="processor-form-title">
      <h2 id="processor-form-title" tabindex="-1">
        {editing()
          ? t(`${form().name || editing()} wijzigen`, `Edit ${form().name || editing()}`)
          : t("Verwerker toevoegen", "Add a processor")}
      </h2>
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        {alert()}
      </div>

      <div class="field" classList={{ invalid: !!fieldError("recipient.name") }}>
        <label for="processor-name">{t("Naam", "Name")}</label>
        <input
          id="processor-name"
          value={form().name}
          onInput={(e) => {
            const name = e.currentTarget.value;
            // A new entry's key follows its name until the key is typed by hand.
            if (!editing() && !keyTouched())
              update({ name, key: slugFromName(name) }, "recipient.name", "key");
            else update({ name }, "recipient.name");
          }}
          {...errorAttrs("recipient.name", "processor-name")}
        />
        <ErrorText field="recipient.name" id="processor-name" />
      </div>

      <Show when={!editing()}>
        <div class="field" classList={{ invalid: !!fieldError("key") }}>
          <label for="processor-key">{t("Sleutel", "Key")}</label>
          <p id="processor-key-hint" class="hint">
            {t(
              "Volgt de naam, tenzij je hem zelf invult: kleine letters, cijfers en streepjes, zoals mailchimp. Bedrijven verwijzen met deze sleutel naar de verwerker; hij verandert later niet meer.",
              "Follows the name unless you type it yourself: lower-case letters, digits and dashes, such as mailchimp. Companies refer to the processor by this key; it cannot change later.",
            )}
          </p>
          <input
            id="processor-key"
            value={form().key}
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => {
              setKeyTouched(true);
              update({ key: e.currentTarget.value }, "key");
            }}
            {...errorAttrs("key", "processor-key", "processor-key-hint")}
          />
          <ErrorText field="key" id="processor-key" />
        </div>
      </Show>

      <div class="field">
        <label for="processor-role">{t("Rol", "Role")}</label>
        <select
          id="processor-role"
          onChange={(e) => update({ role: e.currentTarget.value as Role }, "recipient.role")}
        >
          <For each={RECIPIENT_ROLES}>
            {(role) => (
              <option value={role} selected={form().role === role}>
                {t(ROLE_WORDS[role].nl, ROLE_WORDS[role].en)}
              </option>
            )}
          </For>
        </select>
      </div>

      <div class="field" classList={{ invalid: !!fieldError("recipient.service.nl") }}>
        <label for="processor-service-nl">
          {t("Dienst (Nederlands) — niet verplicht", "Service (Dutch) — optional")}
        </label>
        <p id="processor-service-hint" class="hint">
          {t(
            "Wat de verwerker voor de bedrijven doet, zoals ‘e-mailnieuwsbrieven versturen’.",
            "What the processor does for the companies, such as ‘sending email newsletters’.",
          )}
        </p>
        <input
          id="processor-service-nl"
          lang="nl"
          value={form().serviceNl}
          onInput={(e) => update({ serviceNl: e.currentTarget.value }, "recipient.service.nl")}
          {...errorAttrs("recipient.service.nl", "processor-service-nl", "processor-service-hint")}
        />
        <ErrorText field="recipient.service.nl" id="processor-service-nl" />
      </div>
      <div class="field" classList={{ invalid: !!fieldError("recipient.service.en") }}>
        <label for="processor-service-en">
          {t("Dienst (Engels) — niet verplicht", "Service (English) — optional")}
        </label>
        <input
          id="processor-service-en"
          lang="en"
          value={form().serviceEn}
          onInput={(e) => update({ serviceEn: e.currentTarget.value }, "recipient.service.en")}
          {...errorAttrs("recipient.service.en", "processor-service-en")}
        />
        <ErrorText field="recipient.service.en" id="processor-service-en" />
      </div>

      <div class="field" classList={{ invalid: !!fieldError("recipient.country") }}>
        <label for="processor-country">
          {t("Land waar de gegevens verwerkt worden", "Country where the data is processed")}
        </label>
        <select
          id="processor-country"
          onChange={(e) =>
            update({ countryChoice: e.currentTarget.value }, "recipient.country", "recipient.safeguard")
          }
          {...errorAttrs("recipient.country", "processor-country")}
        >
          <For each={countries()}>
            {(code) => (
              <option value={code} selected={form().countryChoice === code}>
                {countryName(code)}
              </option>
            )}
          </For>
          <option value={OTHER_COUNTRY} selected={form().countryChoice === OTHER_COUNTRY}>
            {t("Ander land…", "Another country…")}
          </option>
        </select>
        <ErrorText field="recipient.country" id="processor-country" />
      </div>
      <Show when={form().countryChoice === OTHER_COUNTRY}>
        <div class="field" classList={{ invalid: !!fieldError("recipient.country") }}>
          <label for="processor-other-country">{t("Landcode", "Country code")}</label>
          <p id="processor-other-country-hint" class="hint">
            {t(
              "De tweeletterige ISO-code, zoals BR voor Brazilië.",
              "The two-letter ISO code, such as BR for Brazil.",
            )}
          </p>
          <input
            id="processor-other-country"
            value={form().otherCountry}
            maxlength={2}
            autocomplete="off"
            onInput={(e) =>
              update({ otherCountry: e.currentTarget.value }, "recipient.country", "recipient.safeguard")
            }
            aria-describedby="processor-other-country-hint"
          />
        </div>
      </Show>

      <Show
        when={!inEea()}
        fallback={
          <div class="notice info" id="safeguard-eea">
            <strong>{t("Waarborg: binnen de EER. ", "Safeguard: within the EEA. ")}</strong>
            {t(
              `${countryName(country())} ligt in de Europese Economische Ruimte. ${SAFEGUARD_WORDS.eea.explanation.nl}`,
              `${countryName(country())} is in the European Economic Area. ${SAFEGUARD_WORDS.eea.explanation.en}`,
            )}
          </div>
        }
      >
        <fieldset
          class="safeguard-choice"
          aria-describedby={fieldError("recipient.safeguard") ? "safeguard-error" : "safeguard-hint"}
        >
          <legend>
            {t(
              "Hoe is de doorgifte buiten de EER beschermd?",
              "How is the transfer outside the EEA protected?",
            )}
          </legend>
          <p id="safeguard-hint" class="hint">
            {country()
              ? t(
                  `${countryName(country())} ligt buiten de Europese Economische Ruimte. Gegevens mogen daar alleen heen met een van deze waarborgen.`,
                  `${countryName(country())} is outside the European Economic Area. Data may only go there with one of these safeguards.`,
                )
              : t("Kies eerst een land.", "Choose a country first.")}
          </p>
          <For each={SAFEGUARDS.filter((s) => s !== "eea")}>
            {(safeguard) => (
              <div class="choice">
                <input
                  type="radio"
                  id={`safeguard-${safeguard}`}
                  name="safeguard"
                  value={safeguard}
                  checked={form().safeguard === safeguard}
                  onChange={() => update({ safeguard }, "recipient.safeguard")}
                  aria-describedby={`safeguard-${safeguard}-explanation`}
                />{" "}
                <label for={`safeguard-${safeguard}`}>
                  {t(SAFEGUARD_WORDS[safeguard].label.nl, SAFEGUARD_WORDS[safeguard].label.en)}
                </label>
                <p id={`safeguard-${safeguard}-explanation`} class="hint">
                  {t(SAFEGUARD_WORDS[safeguard].explanation.nl, SAFEGUARD_WORDS[safeguard].explanation.en)}
                </p>
              </div>
            )}
          </For>
          <Show when={fieldError("recipient.safeguard")}>
            <p id="safeguard-error" class="field-error">
              {fieldError("recipient.safeguard")}
            </p>
          </Show>
        </fieldset>
      </Show>

      <div class="button-row">
        <button type="submit" class="primary" aria-disabled={busy()}>
          {busy()
            ? t("Bezig met opslaan…", "Saving…")
            : editing()
              ? t("Wijziging opslaan", "Save change")
              : t("Verwerker toevoegen", "Add processor")}
        </button>
        <Show when={editing()}>
          <button type="button" class="secondary" onClick={() => props.onCancel()}>
            {t("Annuleren", "Cancel")}
          </button>
        </Show>
      </div>
      <Show when={editing()}>
        <p class="hint">
          {t(
            "Elk bedrijf dat deze verwerker gebruikt, krijgt de wijziging in zijn concept en moet daarna opnieuw publiceren.",
            "Every company that uses this processor gets the change in its draft and then has to publish again.",
          )}
        </p>
      </Show>
    </form>
  );
}
