// (e) The live preview: the statement rendered in the browser by the same shared engine the worker
// publishes with (resolvePublication, then renderHtmlFragment), plus what still blocks publishing.
import { createEffect, createMemo, onCleanup, createSignal, For, Show } from "solid-js";
import { renderHtmlFragment, validateOverrides } from "#shared/engine.ts";
import type { Baseline, Group, Language, ListKey, TenantContent } from "#shared/model.ts";
import { applyProcessorRegister } from "#shared/processor-register.ts";
import { resolvePublication } from "#shared/publication.ts";
import { checkCompleteness } from "#shared/completeness/check.ts";
import { lintPublication } from "#shared/lint/index.ts";
import { CompletenessPanel } from "../../components/CompletenessPanel.tsx";
import { followSection, stopFollowing } from "../../components/follow-section.ts";
import { ChecksPanel, findChecks } from "./checks.tsx";
import { language, t } from "../../i18n.ts";
import { fieldId } from "./content.ts";
import type { Processor } from "../group/group-data.ts";
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

export type SideTab = "preview" | "avg" | "checks";

/**
 * The editor's side column: what still blocks publishing, always in view, then three tabs — the
 * statement as it will read (following the section being edited), its AVG completeness, and the
 * legal checks — so the preview is the first thing there, not below the AVG panel.
 */
export function Preview(props: {
  content: TenantContent;
  baseline: Baseline;
  baselineNumber: number;
  group: Group;
  slug: string;
  processors: Processor[];
  /** The section the person is editing, if any: the preview scrolls to it and marks it. */
  following: string | null;
  tab: SideTab;
  onTab: (tab: SideTab) => void;
}) {
  const [lang, setLang] = createSignal<Language>(props.group.defaultLanguage);
  let root: HTMLDivElement | undefined;
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
  // The legal lint of the same publication, every language (an English text is held against the Dutch).
  const checks = createMemo(() => {
    const result = publication();
    if (!result) return [];
    try {
      const applied = applyProcessorRegister(props.content, props.processors).content;
      return findChecks(
        lintPublication(
          props.baseline,
          { group: props.group, slug: props.slug, content: applied },
          result.statements,
        ),
      );
    } catch {
      return [];
    }
  });
  // Without a footer: a preview has no version number, date or hash yet.
  const html = () => {
    const statement = publication()?.statements.find((s) => s.language === lang());
    return statement ? renderHtmlFragment(statement, null) : "";
  };
  const sectionTitles = () =>
    Object.fromEntries(
      [...props.baseline.sections.map((s) => s.key), ...props.content.ownSections.map((s) => s.key)].map(
        (key) => [key, title()(key)],
      ),
    );
  /** From the AVG or checks tab to the section in the preview. */
  const showSection = (key: string) => {
    props.onTab("preview");
    requestAnimationFrame(() => followSection(root, key, true));
  };

  // After every rendering (the statement is re-rendered as the person types) and every change of
  // section: mark the section being edited, and scroll to it only when it is another section.
  let followed: string | null = null;
  onCleanup(stopFollowing);
  createEffect(() => {
    html();
    const key = props.following;
    const active = props.tab === "preview";
    queueMicrotask(() => followSection(root, key, active && key !== followed));
    if (active) followed = key;
  });

  const tabs: { id: SideTab; label: () => string }[] = [
    { id: "preview", label: () => t("Voorbeeld", "Preview") },
    { id: "avg", label: () => t("AVG", "GDPR") },
    {
      id: "checks",
      label: () => `${t("Controle", "Checks")}${checks().length > 0 ? ` (${checks().length})` : ""}`,
    },
  ];
  const onKeyDown = (event: KeyboardEvent) => {
    const order = tabs.map((tab) => tab.id);
    const at = order.indexOf(props.tab);
    const next =
      event.key === "ArrowRight"
        ? order[(at + 1) % order.length]
        : event.key === "ArrowLeft"
          ? order[(at + order.length - 1) % order.length]
          : event.key === "Home"
            ? order[0]
            : event.key === "End"
              ? order[order.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    props.onTab(next);
    document.getElementById(`side-tab-${next}`)?.focus();
  };

  return (
    <div class="side-panel" ref={root}>
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
      <div class="side-tabs" role="tablist" aria-label={t("Voorbeeld en controle", "Preview and checks")}>
        <For each={tabs}>
          {(tab) => (
            <button
              type="button"
              role="tab"
              id={`side-tab-${tab.id}`}
              aria-selected={props.tab === tab.id}
              aria-controls={tab.id === "preview" ? "preview" : `side-${tab.id}`}
              tabindex={props.tab === tab.id ? 0 : -1}
              onClick={() => props.onTab(tab.id)}
              onKeyDown={onKeyDown}
            >
              {tab.label()}
            </button>
          )}
        </For>
      </div>

      <section
        class="preview"
        role="tabpanel"
        id="preview"
        aria-labelledby="side-tab-preview"
        hidden={props.tab !== "preview"}
      >
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
        <Show when={problems().length > 0}>
          <h3>{t("Ontbrekende gegevens en teksten", "Missing details and texts")}</h3>
          <ProblemList problems={problems()} link={(f) => `#${fieldId(f)}`} onFollow={focusField} />
        </Show>
        <Show when={violations().length > 0}>
          <h3>{t("Niet toegestaan door de basisverklaring", "Not allowed by the baseline")}</h3>
          <ProblemList problems={violations()} link={(f) => `#${fieldId(f)}`} onFollow={focusField} />
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

      <section role="tabpanel" id="side-avg" aria-labelledby="side-tab-avg" hidden={props.tab !== "avg"}>
        <Show when={completeness()}>
          {(report) => (
            <CompletenessPanel
              report={report()}
              language={language()}
              headingLevel={2}
              sectionTitles={sectionTitles()}
              onSelectSection={showSection}
            />
          )}
        </Show>
      </section>

      <section
        role="tabpanel"
        id="side-checks"
        aria-labelledby="side-tab-checks"
        hidden={props.tab !== "checks"}
      >
        <ChecksPanel findings={checks()} sectionTitles={sectionTitles()} onSelectSection={showSection} />
      </section>
    </div>
  );
}
