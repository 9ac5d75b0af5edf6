// What the privacy lead should look at before accepting: the warnings (numbers, contradictions with
// the baseline, another company's text, a minimum retention, a lead-in before an empty list), the
// sections still without an English text, and the completeness (and, once it lands, lint) of the
// text as written beside the draft after the import — so neither score hides the other.
import { For, Show } from "solid-js";
import type { Status } from "#shared/completeness/check.ts";
import { CHECKLIST, type Bilingual } from "#shared/completeness/checklist.ts";
import type { ImportCheck } from "#shared/import/check.ts";
import type { ImportWarning } from "#shared/import/warnings.ts";
import { language, t } from "../../i18n.ts";

const pick = (text: Bilingual): string => text[language()];

const STATUS: Record<Status, Bilingual> = {
  present: { nl: "Aanwezig", en: "Present" },
  weak: { nl: "Zwak", en: "Weak" },
  missing: { nl: "Ontbreekt", en: "Missing" },
  not_applicable: { nl: "Niet van toepassing", en: "Not applicable" },
};
const ICON: Record<Status, string> = { present: "✓", weak: "!", missing: "✗", not_applicable: "–" };

const KIND: Record<ImportWarning["kind"], Bilingual> = {
  member_count: { nl: "Aantal bedrijven", en: "Number of companies" },
  contradicts_baseline: { nl: "In strijd met de basisverklaring", en: "Contradicts the baseline" },
  other_company: { nl: "Tekst van een ander bedrijf?", en: "Another company's text?" },
  minimum_retention: { nl: "Bewaartermijn alleen als minimum", en: "Retention only as a minimum" },
  dangling_lead_in: { nl: "Inleiding op een lege lijst", en: "Lead-in to an empty list" },
  english_as_dutch: { nl: "Engelse tekst", en: "English text" },
  lint: { nl: "Juridische controle", en: "Legal check" },
};

export function ImportWarnings(props: { warnings: readonly ImportWarning[] }) {
  return (
    <Show
      when={props.warnings.length > 0}
      fallback={
        <p class="muted">
          {t(
            "Geen tegenstrijdigheden of getallen gevonden om na te gaan.",
            "No contradictions or figures found to check.",
          )}
        </p>
      }
    >
      <ul class="import-warnings">
        <For each={props.warnings}>
          {(warning) => (
            <li class="import-warning">
              <strong>{pick(KIND[warning.kind])}:</strong> {pick(warning.message)}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

export function ImportTranslation(props: {
  check: ImportCheck;
  titleOf: (key: string, fallback: string) => string;
}) {
  return (
    <For each={props.check.translation}>
      {(entry) => (
        <Show
          when={entry.sections.length > 0}
          fallback={
            <p class="muted">
              {t("Alle secties hebben een Engelse tekst.", "All sections have an English text.")}
            </p>
          }
        >
          <p>
            <strong>
              {t(
                `${entry.sections.length} ${entry.sections.length === 1 ? "sectie heeft" : "secties hebben"} nog geen Engelse tekst (moet vertaald worden).`,
                `${entry.sections.length} ${entry.sections.length === 1 ? "section needs" : "sections need"} translation into English.`,
              )}
            </strong>{" "}
            {t(
              "Het concept kan pas worden gepubliceerd als ze vertaald zijn.",
              "The draft can be published only once they are translated.",
            )}
          </p>
          <ul class="import-translation">
            <For each={entry.sections}>
              {(section) => <li>{props.titleOf(section.key, section.title)}</li>}
            </For>
          </ul>
        </Show>
      )}
    </For>
  );
}

/** The two checks side by side: every item where they differ or that is not present in both. */
export function ImportCheckTable(props: { check: ImportCheck }) {
  const rows = () =>
    CHECKLIST.map((item) => ({
      item,
      written: props.check.asWritten.findings.find((f) => f.item === item.id)?.status ?? "not_applicable",
      merged: props.check.merged.findings.find((f) => f.item === item.id)?.status ?? "not_applicable",
    })).filter(
      (row) => row.written !== row.merged || (row.written !== "present" && row.written !== "not_applicable"),
    );
  const cell = (status: Status) => (
    <td class={`cp-${status}`}>
      <span aria-hidden="true">{ICON[status]}</span> {pick(STATUS[status])}
    </td>
  );
  return (
    <>
      <ul class="import-scores">
        <li>
          {t("Zoals geschreven: ", "As written: ")}
          <strong>{props.check.asWritten.score} / 100</strong>
          {props.check.asWritten.lint.length > 0
            ? t(
                ` · ${props.check.asWritten.lint.length} juridische bevindingen`,
                ` · ${props.check.asWritten.lint.length} legal findings`,
              )
            : ""}
        </li>
        <li>
          {t("Na import in het concept: ", "After import into the draft: ")}
          <strong>{props.check.merged.score} / 100</strong>
          {props.check.merged.lint.length > 0
            ? t(
                ` · ${props.check.merged.lint.length} juridische bevindingen`,
                ` · ${props.check.merged.lint.length} legal findings`,
              )
            : ""}
        </li>
      </ul>
      <Show when={rows().length > 0}>
        <div class="report-scroll" role="region" aria-labelledby="import-check-caption" tabindex="0">
          <table class="import-check">
            <caption id="import-check-caption">
              {t("Onderdelen die verschillen of niet in orde zijn", "Items that differ or are not in order")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("Onderdeel", "Item")}</th>
                <th scope="col">{t("Zoals geschreven", "As written")}</th>
                <th scope="col">{t("Na import", "After import")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr>
                    <th scope="row">{pick(row.item.title)}</th>
                    {cell(row.written)}
                    {cell(row.merged)}
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={props.check.asWritten.lint.length + props.check.merged.lint.length > 0}>
        <ul class="import-lint">
          <For
            each={[
              ...props.check.asWritten.lint.map((f) => ({ f, where: t("zoals geschreven", "as written") })),
              ...props.check.merged.lint.map((f) => ({ f, where: t("na import", "after import") })),
            ]}
          >
            {(entry) => (
              <li>
                <strong>
                  {entry.f.severity === "error" ? t("Fout", "Error") : t("Waarschuwing", "Warning")}
                </strong>{" "}
                ({entry.where}): {pick(entry.f.message)}
                {entry.f.article ? ` (${entry.f.article})` : ""}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
