// The group's processor register: kept once by the privacy lead, picked by the companies. A change
// here flows into every company draft that uses the processor; those companies must publish again.
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { A, useParams } from "@solidjs/router";
import * as v from "valibot";
import { COUNTRY_NAMES } from "#shared/countries.ts";
import { ProcessorBodySchema } from "#shared/api-schemas.ts";
import { isEeaCountry, RECIPIENT_ROLES, SAFEGUARDS, SlugSchema, type Recipient } from "#shared/model.ts";
import { api, ApiError, readJson } from "../../api.ts";
import { GroupNav, type GroupRole } from "../../components/GroupNav.tsx";
import { language, t } from "../../i18n.ts";
import { useGroupRole } from "./access.tsx";
import { describeIssue } from "./texts.ts";
import "./baseline.css";

type Role = (typeof RECIPIENT_ROLES)[number];
type Safeguard = (typeof SAFEGUARDS)[number];
type Words = { nl: string; en: string };

const ROLE_WORDS: Record<Role, Words> = {
  processor: { nl: "Verwerker", en: "Processor" },
  controller: { nl: "Zelfstandig verwerkingsverantwoordelijke", en: "Controller" },
  joint_controller: { nl: "Gezamenlijk verwerkingsverantwoordelijke", en: "Joint controller" },
  recipient: { nl: "Ontvanger", en: "Recipient" },
};

const SAFEGUARD_WORDS: Record<Safeguard, { label: Words; explanation: Words }> = {
  eea: {
    label: { nl: "Binnen de EER", en: "Within the EEA" },
    explanation: {
      nl: "De gegevens blijven in de Europese Economische Ruimte, waar overal de AVG geldt. Er is geen extra waarborg nodig.",
      en: "The data stays in the European Economic Area, where the GDPR applies everywhere. No extra safeguard is needed.",
    },
  },
  adequacy: {
    label: { nl: "Adequaatheidsbesluit", en: "Adequacy decision" },
    explanation: {
      nl: "De Europese Commissie heeft besloten dat dit land persoonsgegevens even goed beschermt als de EU.",
      en: "The European Commission has decided that this country protects personal data as well as the EU does.",
    },
  },
  scc: {
    label: { nl: "Standaardcontractbepalingen", en: "Standard contractual clauses" },
    explanation: {
      nl: "Een contract met de modelbepalingen van de Europese Commissie legt vast hoe de gegevens beschermd worden.",
      en: "A contract with the European Commission's model clauses sets out how the data is protected.",
    },
  },
  bcr: {
    label: { nl: "Bindende bedrijfsvoorschriften", en: "Binding corporate rules" },
    explanation: {
      nl: "Interne privacyregels van een concern, goedgekeurd door een Europese privacytoezichthouder.",
      en: "A corporate group's internal privacy rules, approved by a European data protection authority.",
    },
  },
  derogation: {
    label: { nl: "Uitzondering (artikel 49 AVG)", en: "Derogation (Article 49 GDPR)" },
    explanation: {
      nl: "Alleen voor een incidentele doorgifte, bijvoorbeeld met uitdrukkelijke toestemming of omdat het nodig is voor een overeenkomst.",
      en: "Only for an occasional transfer, for example with explicit consent or because a contract needs it.",
    },
  },
};

const OTHER_COUNTRY = "other";

interface Entry {
  key: string;
  recipient: Recipient;
  revision: number;
  updatedAt: string;
}

interface FormState {
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

const emptyForm = (): FormState => ({
  key: "",
  name: "",
  role: "processor",
  serviceNl: "",
  serviceEn: "",
  countryChoice: "NL",
  otherCountry: "",
  safeguard: "eea",
});

const countryName = (code: string): string => {
  const names = COUNTRY_NAMES[code];
  return names ? t(names.nl, names.en) : code;
};

async function fetchRegister(group: string): Promise<Entry[]> {
  const response = await api.api.groups[":group"].processors.$get({ param: { group } });
  return (await readJson(response)).processors;
}

export default function ProcessorsPage() {
  const params = useParams<{ group: string }>();
  const role = useGroupRole(() => params.group);
  return (
    <>
      <GroupNav group={params.group} />
      <Switch>
        <Match when={role() === undefined}>
          <p class="loading">{t("Laden…", "Loading…")}</p>
        </Match>
        <Match when={role()}>{(r) => <Register group={params.group} role={r()} />}</Match>
        <Match when={role() === null}>
          <section class="narrow">
            <h1>{t("Verwerkers", "Processors")}</h1>
            <p class="notice info">
              {t("Je hebt geen toegang tot deze groep.", "You have no access to this group.")}
            </p>
          </section>
        </Match>
      </Switch>
    </>
  );
}

function Register(props: { group: string; role: GroupRole }) {
  const [register, { refetch }] = createResource(() => props.group, fetchRegister);
  const [form, setForm] = createSignal<FormState>(emptyForm());
  const [editing, setEditing] = createSignal<string | null>(null);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [alert, setAlert] = createSignal("");
  const [result, setResult] = createSignal<{ name: string; created: boolean; draftsUpdated: number } | null>(
    null,
  );
  const [busy, setBusy] = createSignal(false);

  const entries = () =>
    register.state === "ready" || register.state === "refreshing" ? register.latest : undefined;
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

  const startEdit = (entry: Entry) => {
    const r = entry.recipient;
    const known = COUNTRY_NAMES[r.country] !== undefined;
    setForm({
      key: entry.key,
      name: r.name,
      role: r.role,
      serviceNl: r.service?.nl ?? "",
      serviceEn: r.service?.en ?? "",
      countryChoice: known ? r.country : OTHER_COUNTRY,
      otherCountry: known ? "" : r.country,
      safeguard: r.safeguard,
    });
    setEditing(entry.key);
    setErrors({});
    setAlert("");
    setResult(null);
    queueMicrotask(() => document.getElementById("processor-form-title")?.focus());
  };

  const cancelEdit = () => {
    setEditing(null);
    setForm(emptyForm());
    setErrors({});
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
    "key",
    "recipient.name",
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
    setResult(null);
    const key = (editing() ?? form().key).trim();
    const found: Record<string, string> = {};
    const keyCheck = v.safeParse(SlugSchema, key);
    if (!keyCheck.success) found.key = describeIssue(keyCheck.issues[0]?.message ?? "", language());
    else if (!editing() && entries()?.some((e) => e.key === key))
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
    setBusy(true);
    try {
      const response = await api.api.groups[":group"].processors[":key"].$put({
        param: { group: props.group, key },
        json: parsed.output,
      });
      const saved = (await readJson(response)) as {
        processor: { key: string; recipient: Recipient };
        draftsUpdated: number;
      };
      setResult({
        name: saved.processor.recipient.name,
        created: !editing(),
        draftsUpdated: saved.draftsUpdated,
      });
      setEditing(null);
      setForm(emptyForm());
      await refetch();
      queueMicrotask(() => document.getElementById("processor-result")?.focus());
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
    } finally {
      setBusy(false);
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
    <section class="processors" aria-labelledby="processors-title">
      <h1 id="processors-title">
        {t("Verwerkers van ", "Processors of ")}
        {props.role.groupName}
      </h1>
      <p class="lead">
        {t(
          "Verwerkers en andere ontvangers legt de groep hier één keer vast. Bedrijven kiezen ze in hun lijst met ontvangers; verander je hier iets, dan verandert het mee in het concept van elk bedrijf dat de verwerker gebruikt.",
          "The group records processors and other recipients here once. Companies pick them in their list of recipients; change something here and it changes in the draft of every company that uses the processor.",
        )}
      </p>

      <Show when={result()}>
        {(r) => (
          <div class="notice info" role="status">
            <p id="processor-result" tabindex="-1">
              <strong>
                {r().created
                  ? t(`${r().name} is toegevoegd. `, `${r().name} was added. `)
                  : t(`${r().name} is gewijzigd. `, `${r().name} was changed. `)}
              </strong>
              {r().draftsUpdated === 1
                ? t(
                    "1 bedrijf bijgewerkt; zijn verklaring moet opnieuw gepubliceerd worden.",
                    "1 company updated; its statement needs to be published again.",
                  )
                : t(
                    `${r().draftsUpdated} bedrijven bijgewerkt; hun verklaring moet opnieuw gepubliceerd worden.`,
                    `${r().draftsUpdated} companies updated; their statements need to be published again.`,
                  )}
            </p>
            <Show when={r().draftsUpdated > 0}>
              <p>
                <A href={`/console/${props.group}`}>
                  {t("Naar het overzicht van de bedrijven", "To the overview of the companies")}
                </A>
              </p>
            </Show>
          </div>
        )}
      </Show>

      <Show when={register.error}>
        <p role="alert" class="notice error">
          {t("De verwerkers konden niet worden geladen: ", "The processors could not be loaded: ")}
          {(register.error as Error)?.message}
        </p>
      </Show>
      <Show
        when={entries()}
        fallback={
          <Show when={!register.error}>
            <p class="loading">{t("Laden…", "Loading…")}</p>
          </Show>
        }
      >
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={
              <p>
                {t(
                  "Er staan nog geen verwerkers in de lijst.",
                  "There are no processors in the register yet.",
                )}
              </p>
            }
          >
            <table class="register">
              <caption class="visually-hidden">
                {t("Verwerkers van de groep", "The group's processors")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("Naam", "Name")}</th>
                  <th scope="col">{t("Rol", "Role")}</th>
                  <th scope="col">{t("Dienst", "Service")}</th>
                  <th scope="col">{t("Land", "Country")}</th>
                  <th scope="col">{t("Waarborg", "Safeguard")}</th>
                  <Show when={props.role.isAdmin}>
                    <th scope="col">
                      <span class="visually-hidden">{t("Acties", "Actions")}</span>
                    </th>
                  </Show>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(entry) => (
                    <tr data-key={entry.key}>
                      <th scope="row">
                        {entry.recipient.name}
                        <br />
                        <code class="muted">{entry.key}</code>
                      </th>
                      <td>{t(ROLE_WORDS[entry.recipient.role].nl, ROLE_WORDS[entry.recipient.role].en)}</td>
                      <td>
                        {entry.recipient.service
                          ? t(
                              entry.recipient.service.nl,
                              entry.recipient.service.en ?? entry.recipient.service.nl,
                            )
                          : "—"}
                      </td>
                      <td>{countryName(entry.recipient.country)}</td>
                      <td>
                        {t(
                          SAFEGUARD_WORDS[entry.recipient.safeguard].label.nl,
                          SAFEGUARD_WORDS[entry.recipient.safeguard].label.en,
                        )}
                      </td>
                      <Show when={props.role.isAdmin}>
                        <td>
                          <button
                            type="button"
                            class="secondary"
                            aria-label={t(`${entry.recipient.name} wijzigen`, `Edit ${entry.recipient.name}`)}
                            onClick={() => startEdit(entry)}
                          >
                            {t("Wijzigen", "Edit")}
                          </button>
                        </td>
                      </Show>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>

      <Show
        when={props.role.isAdmin}
        fallback={
          <p class="notice info">
            {t(
              "Alleen de privacyfunctionaris van de groep kan deze lijst wijzigen. Mist er een verwerker? Vraag het de privacyfunctionaris.",
              "Only the group's privacy lead can change this register. Missing a processor? Ask the privacy lead.",
            )}
          </p>
        }
      >
        <form
          class="processor-form narrow"
          novalidate
          onSubmit={onSubmit}
          aria-labelledby="processor-form-title"
        >
          <h2 id="processor-form-title" tabindex="-1">
            {editing()
              ? t(`${form().name || editing()} wijzigen`, `Edit ${form().name || editing()}`)
              : t("Verwerker toevoegen", "Add a processor")}
          </h2>
          <div role="alert" class="notice error" classList={{ empty: !alert() }}>
            {alert()}
          </div>

          <Show when={!editing()}>
            <div class="field" classList={{ invalid: !!fieldError("key") }}>
              <label for="processor-key">{t("Sleutel", "Key")}</label>
              <p id="processor-key-hint" class="hint">
                {t(
                  "Kleine letters, cijfers en streepjes, zoals mailchimp. Bedrijven verwijzen met deze sleutel naar de verwerker; hij verandert later niet meer.",
                  "Lower-case letters, digits and dashes, such as mailchimp. Companies refer to the processor by this key; it cannot change later.",
                )}
              </p>
              <input
                id="processor-key"
                value={form().key}
                autocomplete="off"
                spellcheck={false}
                onInput={(e) => update({ key: e.currentTarget.value }, "key")}
                {...errorAttrs("key", "processor-key", "processor-key-hint")}
              />
              <ErrorText field="key" id="processor-key" />
            </div>
          </Show>

          <div class="field" classList={{ invalid: !!fieldError("recipient.name") }}>
            <label for="processor-name">{t("Naam", "Name")}</label>
            <input
              id="processor-name"
              value={form().name}
              onInput={(e) => update({ name: e.currentTarget.value }, "recipient.name")}
              {...errorAttrs("recipient.name", "processor-name")}
            />
            <ErrorText field="recipient.name" id="processor-name" />
          </div>

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
                      {t(
                        SAFEGUARD_WORDS[safeguard].explanation.nl,
                        SAFEGUARD_WORDS[safeguard].explanation.en,
                      )}
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
              <button type="button" class="secondary" onClick={cancelEdit}>
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
      </Show>
    </section>
  );
}
