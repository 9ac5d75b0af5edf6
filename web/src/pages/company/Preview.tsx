// (e) The live preview: the statement rendered in the browser by the same shared engine the worker
// publishes with (resolvePublication, then renderHtmlFragment), plus what still blocks publishing.
import { createMemo, createSignal, For, Show } from "solid-js";
import { renderHtmlFragment, validateOverrides } from "#shared/engine.ts";
import type { Baseline, Group, Language, ListKey, TenantContent } from "#shared/model.ts";
import { applyProcessorRegister } from "#shared/processor-register.ts";
import { resolvePublication } from "#shared/publication.ts";
import { checkCompleteness } from "#shared/completeness/check.ts";
import { CompletenessPanel } from "../../components/CompletenessPanel.tsx";
import { language, t } from "../../i18n.ts";
import { fieldId } from "./content.ts";
import type { Processor } from "./data.ts";
import { describeProblem, describeViolation, type DescribedProblem } from "./labels.ts";

const VIOLATION_CODES = new Set([
  "override_not_allowed",
  "override_incomplete",
  "unknown_section",
  "duplicate_section",
]);

/** Moves focus to a field of the editor (or the first control inside a group). */
export function focusField(path: string): void {
  const target =
    document.getElementById(fieldId(path)) ?? document.getElementById(`section-${path.split(".")[1] ?? ""}`);
  if (!target) return;
  // A list row may be closed; open it (and any around it) so the field can take focus.
  for (let el = target.parentElement; el; el = el.parentElement)
    if (el instanceof HTMLDetailsElement) el.open = true;
  if (target instanceof HTMLDetailsElement) target.open = true;
  const control = target.matches("input, select, textarea, button")
    ? target
    : target.querySelector<HTMLElement>("input:not([disabled]), select, textarea, button");
  target.scrollIntoView({ block: "center" });
  (control ?? target).focus({ preventScroll: true });
}

export function sectionTitleLookup(baseline: Baseline, content: TenantContent | null) {
  return (key: string): string =>
    baseline.sections.find((s) => s.key === key)?.title.nl ??
    content?.ownSections.find((s) => s.key === key)?.title.nl ??
    key;
}

export const sectionListLookup =
  (baseline: Baseline) =>
  (key: string): ListKey | undefined =>
    baseline.sections.find((s) => s.key === key)?.list;

/** A list of problems, each linking to the field that fixes it (in this page or another). */
export function ProblemList(props: {
  problems: DescribedProblem[];
  link: (field: string) => string;
  onFollow?: (field: string) => void;
}) {
  return (
    <ul class="problems">
      <For each={props.problems}>
        {(problem) => (
          <li>
            {problem.message}{" "}
            <Show when={problem.field}>
              {(field) => (
                <a
                  href={props.link(field())}
                  onClick={(event) => {
                    if (!props.onFollow) return;
                    event.preventDefault();
                    props.onFollow(field());
                  }}
                >
                  {t("Naar het veld", "Go to the field")}
                </a>
              )}
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

export function Preview(props: {
  content: TenantContent;
  baseline: Baseline;
  baselineNumber: number;
  group: Group;
  slug: string;
  processors: Processor[];
}) {
  const [lang, setLang] = createSignal<Language>(props.group.defaultLanguage);
  const publication = createMemo(() => {
    try {
      const applied = applyProcessorRegister(props.content, props.processors).content;
      return resolvePublication(props.baseline, { group: props.group, slug: props.slug, content: applied });
    } catch {
      // Half-typed content the schema would refuse can trip the engine; the fields say what is wrong.
      return null;
    }
  });
  const title = () => sectionTitleLookup(props.baseline, props.content);
  const problems = createMemo(() =>
    (publication()?.problems ?? [])
      .filter((p) => !VIOLATION_CODES.has(p.code))
      .map((p) => describeProblem(p, props.content, title(), sectionListLookup(props.baseline))),
  );
  const violations = createMemo(() =>
    validateOverrides(props.baseline, props.content).map((v) => describeViolation(v, title())),
  );
  // The AVG check of exactly what would be published, next to the statement it concerns.
  const completeness = createMemo(() => {
    const result = publication();
    const statement = result?.statements.find((s) => s.language === props.group.defaultLanguage);
    return statement ? checkCompleteness(statement, props.content) : null;
  });
  // Without a footer: a preview has no version number, date or hash yet.
  const html = () => {
    const statement = publication()?.statements.find((s) => s.language === lang());
    return statement ? renderHtmlFragment(statement, null) : "";
  };

  return (
    <section class="preview" aria-labelledby="preview-title" id="preview">
      <div class="preview-head">
        <h2 id="preview-title">{t("Voorbeeld", "Preview")}</h2>
        <Show when={props.group.languages.length > 1}>
          <div class="segmented" role="group" aria-label={t("Taal van het voorbeeld", "Preview language")}>
            <For each={props.group.languages}>
              {(option) => (
                <button type="button" aria-pressed={lang() === option} onClick={() => setLang(option)}>
                  {option === "nl" ? t("Nederlands", "Dutch") : t("Engels", "English")}
                </button>
              )}
            </For>
          </div>
        </Show>
      </div>
      <div class="preview-status" role="status">
        <Show
          when={problems().length + violations().length > 0}
          fallback={
            <p class="ok">
              ✓{" "}
              {t("Geen ontbrekende gegevens: klaar om te publiceren.", "Nothing missing: ready to publish.")}
            </p>
          }
        >
          <p class="warn">
            ⚠{" "}
            {t(
              `${problems().length + violations().length} punt(en) om op te lossen voor publicatie`,
              `${problems().length + violations().length} issue(s) to fix before publishing`,
            )}
          </p>
        </Show>
      </div>
      <Show when={problems().length > 0}>
        <h3>{t("Ontbrekende gegevens en teksten", "Missing details and texts")}</h3>
        <ProblemList problems={problems()} link={(f) => `#${fieldId(f)}`} onFollow={focusField} />
      </Show>
      <Show when={violations().length > 0}>
        <h3>{t("Niet toegestaan door de basisverklaring", "Not allowed by the baseline")}</h3>
        <ProblemList problems={violations()} link={(f) => `#${fieldId(f)}`} onFollow={focusField} />
      </Show>
      <Show when={completeness()}>
        {(report) => (
          <CompletenessPanel
            report={report()}
            language={language()}
            headingLevel={3}
            sectionTitles={Object.fromEntries(
              [
                ...props.baseline.sections.map((s) => s.key),
                ...props.content.ownSections.map((s) => s.key),
              ].map((key) => [key, title()(key)]),
            )}
            onSelectSection={(key) =>
              document.getElementById(`vk-${key}`)?.scrollIntoView({ block: "start" })
            }
          />
        )}
      </Show>
      <Show
        when={html()}
        fallback={
          <p class="muted">
            {t(
              "Het voorbeeld verschijnt zodra de velden geldig zijn.",
              "The preview appears once the fields are valid.",
            )}
          </p>
        }
      >
        <div class="statement-preview" lang={lang()} data-testid="statement-preview" innerHTML={html()} />
      </Show>
    </section>
  );
}
