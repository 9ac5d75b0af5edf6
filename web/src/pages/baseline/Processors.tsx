// The group's processor register: kept once by the privacy lead, picked by the companies. A change
// here flows into every company draft that uses the processor; those companies must publish again.
import { createSignal, For, Show } from "solid-js";
import { A, createAsync, useAction } from "@solidjs/router";
import { t } from "../../i18n.ts";
import { useGroup } from "../group/GroupLayout.tsx";
import { getProcessors, removeProcessor, type Processor } from "../group/group-data.ts";
import { errorText } from "../group/group-text.ts";
import {
  emptyForm,
  type FormState,
  formFromRecipient,
  ProcessorForm,
  type SavedProcessor,
} from "./ProcessorForm.tsx";
import { ProcessorRegister, type RegisterUsage } from "./ProcessorRegister.tsx";
import type { RegisterSuggestion } from "#shared/register-suggestions.ts";
import { getRegisterSuggestions } from "./data.ts";
import "./baseline.css";

export default function ProcessorsPage() {
  const ctx = useGroup();
  const register = createAsync(() => getProcessors(ctx.group));
  // The form is rebuilt for each entry to change (or a fresh one to add).
  const [form, setForm] = createSignal<{ initial: FormState; editing: string | null }>({
    initial: emptyForm(),
    editing: null,
  });
  const [result, setResult] = createSignal<SavedProcessor | null>(null);

  const startEdit = (entry: Processor) => {
    setForm({ initial: formFromRecipient(entry.key, entry.recipient), editing: entry.key });
    setResult(null);
    queueMicrotask(() => document.getElementById("processor-form-title")?.focus());
  };
  const reset = () => setForm({ initial: emptyForm(), editing: null });
  // Removing: refused while a company's draft uses the entry (the API names them).
  const sendRemove = useAction(removeProcessor);
  const [removal, setRemoval] = createSignal<{ ok: boolean; text: string } | null>(null);
  const remove = async (entry: Processor) => {
    setResult(null);
    setRemoval(null);
    try {
      await sendRemove(ctx.group, entry.key);
      setRemoval({
        ok: true,
        text: t(
          `${entry.recipient.name} is uit het register verwijderd.`,
          `${entry.recipient.name} was removed from the register.`,
        ),
      });
    } catch (error) {
      setRemoval({ ok: false, text: errorText(error) });
    }
    queueMicrotask(() => document.getElementById("processor-removal")?.focus());
  };
  // What the companies list by hand and the register lacks, worked out by the API over every
  // draft (only the privacy lead may see what the companies list).
  const suggested = createAsync(async () => (ctx.role.isAdmin ? getRegisterSuggestions(ctx.group) : null));
  const suggestions = () => suggested()?.suggestions ?? [];
  // To the privacy lead the register says how many companies use each entry, and the first of them.
  const usedBy = (key: string): RegisterUsage => {
    const entry = register()?.processors.find((p) => p.key === key);
    return entry && "usedBy" in entry
      ? { count: entry.usedByCount, named: entry.usedBy }
      : { count: 0, named: [] };
  };
  const startFromSuggestion = (suggestion: RegisterSuggestion) => {
    setForm({ initial: formFromRecipient(suggestion.key, suggestion.recipient), editing: null });
    setResult(null);
    queueMicrotask(() => document.getElementById("processor-form-title")?.focus());
  };

  return (
    <section class="processors" aria-labelledby="processors-title">
      <h1 id="processors-title">
        {t("Verwerkers van ", "Processors of ")}
        {ctx.role.groupName}
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
              {r().draftsUpdated === 0
                ? r().created
                  ? t(
                      "Nog geen bedrijf gebruikt deze verwerker uit het register, dus er verandert nergens iets. Bedrijven kiezen hem in hun lijst met ontvangers.",
                      "No company uses this processor from the register yet, so nothing changes anywhere. Companies pick it in their list of recipients.",
                    )
                  : t(
                      "Geen bedrijf gebruikt deze verwerker uit het register, dus er hoeft niets opnieuw gepubliceerd te worden.",
                      "No company uses this processor from the register, so nothing needs to be published again.",
                    )
                : r().draftsUpdated === 1
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
                <A href={`/console/${ctx.group}`}>
                  {t("Naar het overzicht van de bedrijven", "To the overview of the companies")}
                </A>
              </p>
            </Show>
          </div>
        )}
      </Show>

      <Show when={removal()}>
        {(r) => (
          <p
            id="processor-removal"
            tabindex="-1"
            role={r().ok ? "status" : "alert"}
            class={`notice ${r().ok ? "info" : "error"}`}
          >
            {r().text}
          </p>
        )}
      </Show>

      <Show when={register()}>
        {(list) => (
          <ProcessorRegister
            entries={list().processors}
            canEdit={ctx.role.isAdmin}
            onEdit={startEdit}
            onRemove={ctx.role.isAdmin ? (entry) => void remove(entry) : undefined}
            usedBy={ctx.role.isAdmin ? usedBy : undefined}
          />
        )}
      </Show>

      <Show when={suggestions().length > 0}>
        <section class="register-suggestions" aria-labelledby="suggestions-title">
          <h2 id="suggestions-title">
            {t("Bij de bedrijven, nog niet in het register", "At the companies, not yet in the register")}
          </h2>
          <p class="hint">
            {t(
              "Deze ontvangers staan in de lijst van een of meer bedrijven, met de hand ingevuld. Zet ze in het register, dan houdt de groep ze op één plek bij; de bedrijven kiezen ze daarna uit het register.",
              "These recipients are in one or more companies' lists, filled in by hand. Put them in the register and the group keeps them in one place; the companies then pick them from the register.",
            )}
          </p>
          <ul class="suggestions">
            <For each={suggestions()}>
              {(suggestion) => (
                <li data-suggestion={suggestion.key}>
                  <strong>{suggestion.recipient.name}</strong>{" "}
                  <span class="muted">
                    — {t("bij", "at")} {suggestion.named.map((c) => c.name).join(", ")}
                    {suggestion.companies > suggestion.named.length
                      ? t(
                          ` en ${suggestion.companies - suggestion.named.length} andere`,
                          ` and ${suggestion.companies - suggestion.named.length} more`,
                        )
                      : ""}
                  </span>{" "}
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() => startFromSuggestion(suggestion)}
                  >
                    {t(
                      `${suggestion.recipient.name} in het register zetten`,
                      `Put ${suggestion.recipient.name} in the register`,
                    )}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <Show
        when={ctx.role.isAdmin}
        fallback={
          <p class="notice info">
            {t(
              "Alleen de privacyfunctionaris van de groep kan deze lijst wijzigen. Mist er een verwerker? Vraag het de privacyfunctionaris.",
              "Only the group's privacy lead can change this register. Missing a processor? Ask the privacy lead.",
            )}
          </p>
        }
      >
        <Show when={form()} keyed>
          {(current) => (
            <ProcessorForm
              group={ctx.group}
              initial={current.initial}
              editing={current.editing}
              takenKeys={register()?.processors.map((p) => p.key) ?? []}
              onSaved={(saved) => {
                setResult(saved);
                reset();
                queueMicrotask(() => document.getElementById("processor-result")?.focus());
              }}
              onCancel={reset}
            />
          )}
        </Show>
      </Show>
    </section>
  );
}
