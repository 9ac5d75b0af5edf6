// The group's processor register: kept once by the privacy lead, picked by the companies. A change
// here flows into every company draft that uses the processor; those companies must publish again.
import { createSignal, Show } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { t } from "../../i18n.ts";
import { useGroup } from "../group/GroupLayout.tsx";
import { getProcessors, type Processor } from "../group/group-data.ts";
import {
  emptyForm,
  type FormState,
  formFromRecipient,
  ProcessorForm,
  type SavedProcessor,
} from "./ProcessorForm.tsx";
import { ProcessorRegister } from "./ProcessorRegister.tsx";
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
                <A href={`/console/${ctx.group}`}>
                  {t("Naar het overzicht van de bedrijven", "To the overview of the companies")}
                </A>
              </p>
            </Show>
          </div>
        )}
      </Show>

      <Show when={register()}>
        {(list) => (
          <ProcessorRegister entries={list().processors} canEdit={ctx.role.isAdmin} onEdit={startEdit} />
        )}
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
