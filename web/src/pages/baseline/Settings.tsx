// The group's settings (privacy lead only): its name, default language and the privacy lead's
// contact (shown to every member on the dashboard), and whether every publish needs a second
// privacy lead's approval. Two forms: approval changes how everyone publishes, so it is saved alone.
import { createSignal, For, Show } from "solid-js";
import { createAsync, useAction, useSubmission } from "@solidjs/router";
import { t } from "../../i18n.ts";
import { useGroup } from "../group/GroupLayout.tsx";
import { Field } from "../../components/Field.tsx";
import { ApiError } from "../../api.ts";
import type { FieldMessages } from "../../messages.ts";
import { getSettings, saveGroupDetails, saveSettings, type GroupDetailsChange } from "../group/group-data.ts";
import { OnlyLeadWarning } from "../group/OnlyLeadWarning.tsx";
import { errorText } from "../group/group-text.ts";
import { LeadOnly } from "./access.tsx";
import "./baseline.css";

export default function SettingsPage() {
  return (
    <LeadOnly what="de instellingen van de groep wijzigen" whatEn="change the group's settings">
      <GroupSettings />
    </LeadOnly>
  );
}

function GroupSettings() {
  const ctx = useGroup();
  const settings = createAsync(() => getSettings(ctx.group));
  const [choice, setChoice] = createSignal<boolean | null>(null);
  const [alert, setAlert] = createSignal("");
  const [status, setStatus] = createSignal("");
  const saving = useSubmission(saveSettings);
  const send = useAction(saveSettings);
  const busy = () => saving.pending === true;

  const requireApproval = () => choice() ?? settings()?.requireApproval ?? false;
  const changed = () => settings() !== undefined && requireApproval() !== settings()!.requireApproval;

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert("");
    setStatus("");
    try {
      const saved = await send(ctx.group, requireApproval());
      setChoice(null);
      setStatus(
        saved.requireApproval
          ? t(
              "Opgeslagen: goedkeuring staat aan. Elke publicatie wordt nu een verzoek.",
              "Saved: approval is on. Every publish is now a request.",
            )
          : t(
              "Opgeslagen: goedkeuring staat uit. Redacteuren publiceren direct.",
              "Saved: approval is off. Editors publish directly.",
            ),
      );
    } catch (error) {
      setAlert(errorText(error));
    }
  };

  return (
    <section class="settings narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">
        {t("Instellingen van ", "Settings of ")}
        {ctx.role.groupName}
      </h1>
      <Show when={settings()}>{(current) => <GroupDetails group={ctx.group} settings={current()} />}</Show>
      <Show when={settings()}>
        <h2>{t("Goedkeuring", "Approval")}</h2>
        <form class="form" novalidate onSubmit={onSubmit}>
          <div role="alert" class="notice error" classList={{ empty: !alert() }}>
            {alert()}
          </div>
          <p role="status" class="notice info" classList={{ empty: !status() }}>
            {status()}
          </p>
          <div class="setting">
            <input
              type="checkbox"
              id="require-approval"
              checked={requireApproval()}
              onChange={(e) => {
                setChoice(e.currentTarget.checked);
                setStatus("");
              }}
              aria-describedby="require-approval-hint"
            />
            <label for="require-approval">
              {t("Goedkeuring vereisen bij publiceren", "Require approval to publish")}
            </label>
            <p id="require-approval-hint" class="hint">
              {t(
                "Met goedkeuring aan wordt elke publicatie een verzoek dat een andere privacyfunctionaris goedkeurt.",
                "With approval on, every publish becomes a request that another privacy lead approves.",
              )}{" "}
              {t(
                "Dat geldt voor elke publicatie: de verklaring van een bedrijf, een teruggezette versie en de basisverklaring, ook als jij publiceert. Niemand keurt zijn eigen verzoek goed. Met goedkeuring uit wordt er direct gepubliceerd.",
                "That covers every publish: a company's statement, a restored version and the baseline, yours too. Nobody approves their own request. With approval off, publishing happens directly.",
              )}
            </p>
          </div>
          <OnlyLeadWarning approvalOn={requireApproval()} />
          <p class="muted">
            {settings()!.requireApproval
              ? t("Nu: goedkeuring staat aan.", "Now: approval is on.")
              : t("Nu: goedkeuring staat uit.", "Now: approval is off.")}
            <Show when={changed()}>{t(" Nog niet opgeslagen.", " Not saved yet.")}</Show>
          </p>
          <button type="submit" class="primary" aria-disabled={busy()}>
            {busy() ? t("Bezig met opslaan…", "Saving…") : t("Instelling opslaan", "Save setting")}
          </button>
        </form>
      </Show>
    </section>
  );
}

type Settings = NonNullable<Awaited<ReturnType<typeof getSettings>>>;

const LANGUAGE_NAMES: Record<string, [nl: string, en: string]> = {
  nl: ["Nederlands", "Dutch"],
  en: ["Engels", "English"],
};

/** The group's name, default language and the privacy lead's contact; only what changed is sent. */
function GroupDetails(props: { group: string; settings: Settings }) {
  const [name, setName] = createSignal(props.settings.name);
  const [language, setLanguage] = createSignal(props.settings.defaultLanguage);
  const [contactName, setContactName] = createSignal(props.settings.leadContact?.name ?? "");
  const [contactEmail, setContactEmail] = createSignal(props.settings.leadContact?.email ?? "");
  const [contactPhone, setContactPhone] = createSignal(props.settings.leadContact?.phone ?? "");
  const [fields, setFields] = createSignal<FieldMessages>({});
  const [alert, setAlert] = createSignal("");
  const [status, setStatus] = createSignal("");
  const saving = useSubmission(saveGroupDetails);
  const send = useAction(saveGroupDetails);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (saving.pending) return;
    setAlert("");
    setStatus("");
    setFields({});
    const before = props.settings;
    const change: GroupDetailsChange = {};
    if (name().trim() !== before.name) change.name = name().trim();
    if (language() !== before.defaultLanguage) change.defaultLanguage = language();
    const contact = [contactName(), contactEmail(), contactPhone()].some((x) => x.trim())
      ? {
          name: contactName().trim(),
          email: contactEmail().trim(),
          ...(contactPhone().trim() ? { phone: contactPhone().trim() } : {}),
        }
      : null;
    if (JSON.stringify(contact) !== JSON.stringify(before.leadContact)) change.leadContact = contact;
    if (Object.keys(change).length === 0) {
      setStatus(t("Er is niets veranderd.", "Nothing has changed."));
      return;
    }
    try {
      await send(props.group, change);
      setStatus(t("De gegevens van de groep zijn opgeslagen.", "The group's details are saved."));
    } catch (error) {
      if (error instanceof ApiError) setFields(error.fields);
      setAlert(errorText(error));
    }
  };

  return (
    <form class="form" novalidate onSubmit={submit} aria-labelledby="group-details-title">
      <h2 id="group-details-title">{t("De groep", "The group")}</h2>
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        {alert()}
      </div>
      <p role="status" class="notice info" classList={{ empty: !status() }}>
        {status()}
      </p>
      <Field
        id="group-name"
        label={t("Naam van de groep", "Name of the group")}
        value={name()}
        onInput={setName}
        error={fields().name}
        hint={t(
          "De verklaringen noemen de groep bij deze naam; na een wijziging zijn ze verouderd tot ze opnieuw worden gepubliceerd.",
          "The statements name the group by this name; after a change they are outdated until they are published again.",
        )}
      />
      <div class="field">
        <label for="group-language">{t("Standaardtaal", "Default language")}</label>
        <p id="group-language-hint" class="hint">
          {t(
            "De taal die een openbaar adres zonder ?lang= toont.",
            "The language a public address without ?lang= shows.",
          )}
        </p>
        <select
          id="group-language"
          aria-describedby="group-language-hint"
          value={language()}
          onChange={(e) => {
            const picked = props.settings.languages.find((code) => code === e.currentTarget.value);
            if (picked) setLanguage(picked);
          }}
        >
          <For each={props.settings.languages}>
            {(code) => (
              <option value={code} selected={code === language()}>
                {LANGUAGE_NAMES[code] ? t(LANGUAGE_NAMES[code][0], LANGUAGE_NAMES[code][1]) : code}
              </option>
            )}
          </For>
        </select>
      </div>
      <fieldset class="profile-fields">
        <legend>{t("Contact van de privacyfunctionaris", "The privacy lead's contact")}</legend>
        <p class="hint">
          {t(
            "Iedereen in de groep ziet dit op het overzicht, om te weten bij wie ze terechtkunnen. Laat alles leeg om het weg te halen.",
            "Everyone in the group sees this on the overview, to know whom to ask. Leave everything empty to remove it.",
          )}
        </p>
        <Field
          id="lead-contact-name"
          label={t("Naam", "Name")}
          value={contactName()}
          onInput={setContactName}
          error={fields()["leadContact.name"]}
          required={false}
        />
        <Field
          id="lead-contact-email"
          label={t("E-mailadres", "E-mail address")}
          type="email"
          value={contactEmail()}
          onInput={setContactEmail}
          error={fields()["leadContact.email"]}
          required={false}
        />
        <Field
          id="lead-contact-phone"
          label={t("Telefoonnummer (optioneel)", "Phone number (optional)")}
          value={contactPhone()}
          onInput={setContactPhone}
          error={fields()["leadContact.phone"]}
          required={false}
        />
      </fieldset>
      <button type="submit" class="primary" aria-disabled={saving.pending === true}>
        {saving.pending ? t("Bezig met opslaan…", "Saving…") : t("Gegevens opslaan", "Save details")}
      </button>
    </form>
  );
}
