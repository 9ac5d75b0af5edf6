// (b) The structured lists. Every row is a fieldset whose cells are labelled fields; rows can be
// added, removed and moved, and focus follows the row so keyboard users keep their place.
import { createSignal, For, type JSX, Show } from "solid-js";
import {
  COOKIE_CATEGORIES,
  isEeaCountry,
  LEGAL_BASES,
  type ListKey,
  RECIPIENT_ROLES,
  SAFEGUARDS,
  type StructuredLists,
} from "#shared/model.ts";
import { t } from "../../i18n.ts";
import { blankRow, fieldId } from "./content.ts";
import { CheckboxField, LineField, PeriodField, SelectField, TextField, useEditor } from "./fields.tsx";
import {
  cookieCategoryLabel,
  legalBasisLabel,
  listLabel,
  recipientRoleLabel,
  safeguardLabel,
  unitLabel,
} from "./labels.ts";

type Row<K extends ListKey> = StructuredLists[K][number];

interface ListEditorProps<K extends ListKey> {
  list: K;
  intro: string;
  noun: () => string;
  rowName: (row: Row<K>) => string;
  /** A short second line for the closed row. */
  rowDetail?: (row: Row<K>) => string | undefined;
  children: (row: Row<K>, index: () => number, path: (field: string) => string) => JSX.Element;
}

function ListEditor<K extends ListKey>(props: ListEditorProps<K>) {
  const editor = useEditor();
  const rows = () => editor.content.lists[props.list] as Row<K>[];
  const rowLabel = (row: Row<K>, i: number) =>
    `${props.noun()} ${i + 1}: ${props.rowName(row) || t("(nog zonder naam)", "(no name yet)")}`;
  const buttonId = (i: number, action: string) => `${props.list}-${i}-${action}`;
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const move = (i: number, delta: -1 | 1) => {
    editor.edit(`lists.${props.list}`, (c) => {
      const list = c.lists[props.list] as Row<K>[];
      const [row] = list.splice(i, 1);
      if (row) list.splice(i + delta, 0, row);
    });
    const to = i + delta;
    // The button pressed may now be disabled (top or bottom): keep focus on the row's other one.
    const action =
      (delta < 0 && to === 0) || (delta > 0 && to === rows().length - 1)
        ? delta < 0
          ? "down"
          : "up"
        : delta < 0
          ? "up"
          : "down";
    focusLater(buttonId(to, action));
    editor.announce(t(`Rij verplaatst naar plaats ${to + 1}.`, `Row moved to position ${to + 1}.`));
  };
  const remove = (i: number) => {
    const name = rowLabel(rows()[i]!, i);
    editor.edit(`lists.${props.list}`, (c) => void (c.lists[props.list] as Row<K>[]).splice(i, 1));
    const next = Math.min(i, rows().length - 1);
    focusLater(next >= 0 ? buttonId(next, "remove") : `${props.list}-add`);
    editor.announce(t(`${name} verwijderd.`, `${name} removed.`));
  };
  const add = () => {
    editor.edit(
      `lists.${props.list}`,
      (c) => void (c.lists[props.list] as Row<K>[]).push(blankRow[props.list]()),
    );
    const index = rows().length - 1;
    requestAnimationFrame(() => {
      const details = document.getElementById(`${props.list}-${index}`) as HTMLDetailsElement | null;
      if (details) details.open = true;
      details?.querySelector<HTMLElement>("input, select")?.focus();
    });
  };

  return (
    <section class="list-editor" aria-labelledby={`${props.list}-title`} id={`list-${props.list}`}>
      <h3 id={`${props.list}-title`}>{listLabel(props.list)}</h3>
      <p class="hint">{props.intro}</p>
      <Show when={rows().length === 0}>
        <p class="muted">{t("Nog geen rijen.", "No rows yet.")}</p>
      </Show>
      <ol class="rows">
        <For each={rows()}>
          {(row, index) => {
            const [open, setOpen] = createSignal(false);
            // A row with a message to read opens by itself; closed it would hide the message.
            const forced = () => editor.hasErrorsWithin(`lists.${props.list}.${index()}.`);
            return (
              <li class="row-item">
                <details
                  class="row"
                  id={`${props.list}-${index()}`}
                  open={open() || forced()}
                  onToggle={(event) => setOpen(event.currentTarget.open)}
                >
                  <summary>
                    <span class="row-title">{rowLabel(row, index())}</span>
                    <Show when={props.rowDetail?.(row)}>
                      {(detail) => <span class="row-detail">{detail()}</span>}
                    </Show>
                    <Show when={forced()}>
                      <span class="row-flag">{t("Controleer deze rij", "Check this row")}</span>
                    </Show>
                  </summary>
                  <fieldset class="row-body">
                    <legend class="visually-hidden">{rowLabel(row, index())}</legend>
                    <div class="row-fields">
                      {props.children(row, index, (field) => `lists.${props.list}.${index()}.${field}`)}
                    </div>
                  </fieldset>
                </details>
                <Show when={!editor.readOnly()}>
                  <div class="row-actions">
                    <button
                      type="button"
                      class="secondary small"
                      id={buttonId(index(), "up")}
                      disabled={index() === 0}
                      aria-label={t(`${rowLabel(row, index())} omhoog`, `Move ${rowLabel(row, index())} up`)}
                      onClick={() => move(index(), -1)}
                    >
                      ↑ {t("Omhoog", "Up")}
                    </button>
                    <button
                      type="button"
                      class="secondary small"
                      id={buttonId(index(), "down")}
                      disabled={index() === rows().length - 1}
                      aria-label={t(
                        `${rowLabel(row, index())} omlaag`,
                        `Move ${rowLabel(row, index())} down`,
                      )}
                      onClick={() => move(index(), 1)}
                    >
                      ↓ {t("Omlaag", "Down")}
                    </button>
                    <button
                      type="button"
                      class="danger small"
                      id={buttonId(index(), "remove")}
                      aria-label={t(
                        `${rowLabel(row, index())} verwijderen`,
                        `Remove ${rowLabel(row, index())}`,
                      )}
                      onClick={() => remove(index())}
                    >
                      {t("Verwijderen", "Remove")}
                    </button>
                  </div>
                </Show>
              </li>
            );
          }}
        </For>
      </ol>
      <Show when={!editor.readOnly()}>
        <button type="button" class="secondary" id={`${props.list}-add`} onClick={add}>
          + {t(`${props.noun()} toevoegen`, `Add ${props.noun().toLowerCase()}`)}
        </button>
      </Show>
    </section>
  );
}

function DataCategories() {
  const editor = useEditor();
  const set = <F extends keyof Row<"data_categories">>(
    i: number,
    field: F,
    value: Row<"data_categories">[F],
  ) =>
    editor.edit(`lists.data_categories.${i}.${String(field)}`, (c) => {
      const row = c.lists.data_categories[i]!;
      if (value === undefined) delete row[field];
      else row[field] = value;
    });
  return (
    <ListEditor
      list="data_categories"
      noun={() => t("Gegevenscategorie", "Data category")}
      intro={t(
        "Welke persoonsgegevens het bedrijf verwerkt. Ze verschijnen als lijst onder “Welke gegevens verwerken wij?”.",
        "Which personal data the company processes, listed under “What data do we process?”.",
      )}
      rowName={(row) => row.name.nl}
      rowDetail={(row) =>
        [row.examples?.nl, row.special ? t("bijzonder persoonsgegeven", "special category") : ""]
          .filter(Boolean)
          .join(" · ")
      }
    >
      {(row, i, path) => (
        <>
          <LineField
            path={path("name")}
            label={t("Naam", "Name")}
            value={row.name}
            onChange={(v) => set(i(), "name", v!)}
          />
          <LineField
            path={path("examples")}
            label={t("Voorbeelden", "Examples")}
            optional
            value={row.examples}
            onChange={(v) => set(i(), "examples", v)}
          />
          <LineField
            path={path("source")}
            label={t("Bron", "Source")}
            hint={t(
              "Alleen invullen als de gegevens niet van de persoon zelf komen.",
              "Only when the data does not come from the person themselves.",
            )}
            optional
            value={row.source}
            onChange={(v) => set(i(), "source", v)}
          />
          <CheckboxField
            path={path("special")}
            label={t("Bijzonder persoonsgegeven (art. 9 AVG)", "Special category of data (Art. 9 GDPR)")}
            hint={t(
              "Bijvoorbeeld gezondheid, religie of biometrie.",
              "For example health, religion or biometrics.",
            )}
            checked={row.special}
            onChange={(v) => set(i(), "special", v)}
          />
        </>
      )}
    </ListEditor>
  );
}

function Purposes() {
  const editor = useEditor();
  const set = <F extends keyof Row<"purposes">>(i: number, field: F, value: Row<"purposes">[F]) =>
    editor.edit(`lists.purposes.${i}.${String(field)}`, (c) => {
      const row = c.lists.purposes[i]!;
      if (value === undefined) delete row[field];
      else row[field] = value;
    });
  return (
    <ListEditor
      list="purposes"
      noun={() => t("Doel", "Purpose")}
      intro={t(
        "Waarvoor het bedrijf de gegevens gebruikt, elk met de rechtsgrond waarop dat mag.",
        "What the company uses the data for, each with its legal basis.",
      )}
      rowName={(row) => row.name.nl}
      rowDetail={(row) => legalBasisLabel(row.legalBasis)}
    >
      {(row, i, path) => (
        <>
          <LineField
            path={path("name")}
            label={t("Doel", "Purpose")}
            value={row.name}
            onChange={(v) => set(i(), "name", v!)}
          />
          <LineField
            path={path("description")}
            label={t("Toelichting", "Explanation")}
            optional
            value={row.description}
            onChange={(v) => set(i(), "description", v)}
          />
          <SelectField
            path={path("legalBasis")}
            label={t("Rechtsgrond", "Legal basis")}
            value={row.legalBasis}
            options={LEGAL_BASES}
            optionLabel={legalBasisLabel}
            onChange={(basis) =>
              editor.edit(path("legalBasis"), (c) => {
                const target = c.lists.purposes[i()]!;
                target.legalBasis = basis;
                // The interest only belongs with that basis; kept elsewhere it would be published.
                if (basis !== "legitimate_interest") delete target.legitimateInterest;
              })
            }
          />
          <Show when={row.legalBasis === "legitimate_interest"}>
            <LineField
              path={path("legitimateInterest")}
              label={t("Gerechtvaardigd belang", "Legitimate interest")}
              hint={t(
                "Welk belang het bedrijf hiermee dient.",
                "Which interest the company serves with this.",
              )}
              value={row.legitimateInterest}
              onChange={(v) =>
                set(i(), "legitimateInterest", v?.nl === "" && v.en === undefined ? undefined : v)
              }
            />
          </Show>
        </>
      )}
    </ListEditor>
  );
}

function Retention() {
  const editor = useEditor();
  const set = <F extends keyof Row<"retention">>(i: number, field: F, value: Row<"retention">[F]) =>
    editor.edit(`lists.retention.${i}.${String(field)}`, (c) => {
      const row = c.lists.retention[i]!;
      if (value === undefined) delete row[field];
      else row[field] = value;
    });
  return (
    <ListEditor
      list="retention"
      noun={() => t("Bewaarregel", "Retention rule")}
      intro={t(
        "Hoe lang gegevens bewaard blijven: een termijn, een criterium (zoals “tot het einde van het contract”), of beide.",
        "How long data is kept: a period, a criterion (such as “until the contract ends”), or both.",
      )}
      rowName={(row) => row.subject.nl}
      rowDetail={(row) =>
        [row.period ? `${row.period.amount} ${unitLabel(row.period.unit)}` : "", row.criterion?.nl]
          .filter(Boolean)
          .join(" ")
      }
    >
      {(row, i, path) => (
        <>
          <LineField
            path={path("subject")}
            label={t("Waarover", "Subject")}
            value={row.subject}
            onChange={(v) => set(i(), "subject", v!)}
          />
          <PeriodField
            path={path("period")}
            label={t("Termijn", "Period")}
            optional
            value={row.period}
            onChange={(v) => set(i(), "period", v)}
          />
          <LineField
            path={path("criterion")}
            label={t("Criterium of ingang", "Criterion or start")}
            hint={t("Bijv. “nadat het contract is beëindigd”.", "E.g. “after the contract has ended”.")}
            optional
            value={row.criterion}
            onChange={(v) => set(i(), "criterion", v)}
          />
          <LineField
            path={path("description")}
            label={t("Toelichting", "Explanation")}
            optional
            value={row.description}
            onChange={(v) => set(i(), "description", v)}
          />
        </>
      )}
    </ListEditor>
  );
}

function Recipients() {
  const editor = useEditor();
  const set = <F extends keyof Row<"recipients">>(i: number, field: F, value: Row<"recipients">[F]) =>
    editor.edit(`lists.recipients.${i}.${String(field)}`, (c) => {
      const row = c.lists.recipients[i]!;
      if (value === undefined) delete row[field];
      else row[field] = value;
    });
  const pick = (i: number, key: string) =>
    editor.edit(`lists.recipients.${i}.processor`, (c) => {
      const entry = editor.processors.find((p) => p.key === key);
      const row = c.lists.recipients[i]!;
      if (!entry) {
        delete row.processor;
        return;
      }
      // Field by field rather than a new row object, so the row (and the focused select) stays.
      const source = JSON.parse(JSON.stringify(entry.recipient)) as Row<"recipients">;
      row.name = source.name;
      row.role = source.role;
      if (source.service) row.service = source.service;
      else delete row.service;
      row.country = source.country;
      row.safeguard = source.safeguard;
      row.processor = entry.key;
    });
  const setCountry = (i: number, value: string) =>
    editor.edit(`lists.recipients.${i}.country`, (c) => {
      const row = c.lists.recipients[i]!;
      row.country = value.toUpperCase();
      // Inside the EEA there is only one right answer; outside it the editor must choose.
      if (isEeaCountry(row.country)) row.safeguard = "eea";
    });
  const registerKeys = () => ["", ...editor.processors.map((p) => p.key)];
  const registerLabel = (key: string) =>
    key === ""
      ? t("Zelf invullen", "Fill in yourself")
      : (editor.processors.find((p) => p.key === key)?.recipient.name ?? key);

  return (
    <ListEditor
      list="recipients"
      noun={() => t("Ontvanger", "Recipient")}
      intro={t(
        "Wie de gegevens ontvangen, en hoe een doorgifte buiten de EER is beschermd. Kies een verwerker uit het register van de groep, of vul er zelf een in.",
        "Who receives the data, and how a transfer outside the EEA is safeguarded. Pick a processor from the group's register, or fill one in yourself.",
      )}
      rowName={(row) => row.name}
      rowDetail={(row) =>
        [
          row.processor ? t("uit het verwerkersregister", "from the processor register") : "",
          row.country,
          safeguardLabel(row.safeguard),
        ]
          .filter(Boolean)
          .join(" · ")
      }
    >
      {(row, i, path) => {
        const fromRegister = () => row.processor !== undefined;
        const unknownKey = () => fromRegister() && !editor.processors.some((p) => p.key === row.processor);
        return (
          <>
            <div class="span-all register-pick">
              <SelectField
                path={path("processor")}
                label={t("Uit het verwerkersregister", "From the processor register")}
                value={unknownKey() ? "" : (row.processor ?? "")}
                options={registerKeys()}
                optionLabel={registerLabel}
                onChange={(key) => pick(i(), key)}
              />
              <Show when={fromRegister()}>
                <p class="register-note" id={`${fieldId(path("processor"))}-note`}>
                  <span class="badge">{t("uit het verwerkersregister", "from the processor register")}</span>{" "}
                  {unknownKey()
                    ? t(
                        `“${row.processor}” staat niet (meer) in het register. Kies een andere verwerker of “Zelf invullen”.`,
                        `“${row.processor}” is not (or no longer) in the register. Pick another processor or “Fill in yourself”.`,
                      )
                    : t(
                        "De privacyfunctionaris van de groep houdt deze gegevens bij; kies “Zelf invullen” om ze zelf aan te passen.",
                        "The group's privacy lead keeps these details; choose “Fill in yourself” to change them yourself.",
                      )}
                </p>
              </Show>
            </div>
            <TextField
              path={path("name")}
              label={t("Naam", "Name")}
              locked={fromRegister()}
              value={row.name}
              onChange={(v) => set(i(), "name", v)}
            />
            <SelectField
              path={path("role")}
              label={t("Rol", "Role")}
              locked={fromRegister()}
              value={row.role}
              options={RECIPIENT_ROLES}
              optionLabel={recipientRoleLabel}
              onChange={(v) => set(i(), "role", v)}
            />
            <LineField
              path={path("service")}
              label={t("Dienst", "Service")}
              optional
              locked={fromRegister()}
              value={row.service}
              onChange={(v) => set(i(), "service", v)}
            />
            <TextField
              path={path("country")}
              label={t("Land (landcode)", "Country (code)")}
              hint={t(
                "Waar de gegevens worden verwerkt, bijv. NL of US.",
                "Where the data is processed, e.g. NL or US.",
              )}
              locked={fromRegister()}
              value={row.country}
              onChange={(v) => setCountry(i(), v)}
            />
            <SelectField
              path={path("safeguard")}
              label={t("Waarborg bij doorgifte", "Transfer safeguard")}
              locked={fromRegister()}
              value={row.safeguard}
              options={SAFEGUARDS}
              optionLabel={safeguardLabel}
              onChange={(v) => set(i(), "safeguard", v)}
            />
          </>
        );
      }}
    </ListEditor>
  );
}

function Cookies() {
  const editor = useEditor();
  const set = <F extends keyof Row<"cookies">>(i: number, field: F, value: Row<"cookies">[F]) =>
    editor.edit(`lists.cookies.${i}.${String(field)}`, (c) => {
      const row = c.lists.cookies[i]!;
      if (value === undefined) delete row[field];
      else row[field] = value;
    });
  return (
    <ListEditor
      list="cookies"
      noun={() => t("Cookie", "Cookie")}
      intro={t("De cookies op de website van het bedrijf.", "The cookies on the company's website.")}
      rowName={(row) => row.name}
      rowDetail={(row) => `${row.provider} · ${cookieCategoryLabel(row.category)}`}
    >
      {(row, i, path) => (
        <>
          <TextField
            path={path("name")}
            label={t("Naam", "Name")}
            value={row.name}
            onChange={(v) => set(i(), "name", v)}
          />
          <TextField
            path={path("provider")}
            label={t("Aanbieder", "Provider")}
            value={row.provider}
            onChange={(v) => set(i(), "provider", v)}
          />
          <SelectField
            path={path("category")}
            label={t("Soort", "Category")}
            value={row.category}
            options={COOKIE_CATEGORIES}
            optionLabel={cookieCategoryLabel}
            onChange={(v) => set(i(), "category", v)}
          />
          <LineField
            path={path("purpose")}
            label={t("Doel", "Purpose")}
            value={row.purpose}
            onChange={(v) => set(i(), "purpose", v!)}
          />
          <PeriodField
            path={path("lifetime")}
            label={t("Bewaartermijn", "Lifetime")}
            hint={t("Leeg laten voor een sessiecookie.", "Leave empty for a session cookie.")}
            optional
            value={row.lifetime}
            onChange={(v) => set(i(), "lifetime", v)}
          />
        </>
      )}
    </ListEditor>
  );
}

export function ListEditors() {
  return (
    <>
      <DataCategories />
      <Purposes />
      <Retention />
      <Recipients />
      <Cookies />
    </>
  );
}
