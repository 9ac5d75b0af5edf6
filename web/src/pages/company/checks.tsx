// The "Controle" tab beside the editor's preview: the legal lint of the statement that would be
// published (shared/lint — the same rules the publish gate applies), each finding with the words
// it is about, where, the provision or ruling it comes from and how to fix it; errors first.
import { For, Show } from "solid-js";
import type { Bilingual } from "#shared/completeness/checklist.ts";
import { LINT_RULES, type LintFinding } from "#shared/lint/index.ts";
import { language, t } from "../../i18n.ts";

export interface CheckFinding {
  id: string;
  /** An error refuses an editor's publish (a privacy lead may publish over it with a reason). */
  severity: "error" | "warning";
  title: Bilingual;
  /** What is wrong here. */
  message: Bilingual;
  /** How to fix it. */
  fix: Bilingual;
  /** The provision or ruling it comes from. */
  article: string;
  /** The words it is about, as the statement shows them, and in which language. */
  quote: string;
  language: string;
  /** The sections it is about. */
  sections: readonly string[];
}

/** The lint findings of every language, as the tab shows them: errors first, then in rule order. */
export function findChecks(findings: readonly LintFinding[]): CheckFinding[] {
  return findings
    .map((finding, index) => ({
      id: `${finding.rule}-${index}`,
      severity: finding.severity,
      title: LINT_RULES[finding.rule].title,
      message: finding.message,
      fix: finding.fix,
      article: finding.article,
      quote: finding.quote,
      language: finding.language,
      sections: finding.section === null ? [] : [finding.section],
    }))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}

export function ChecksPanel(props: {
  findings: CheckFinding[];
  sectionTitles: Readonly<Record<string, string>>;
  onSelectSection: (key: string) => void;
}) {
  const pick = (text: Bilingual) => (language() === "en" ? text.en : text.nl);
  return (
    <div class="checks-panel">
      <h2>{t("Controle", "Checks")}</h2>
      <Show
        when={props.findings.length > 0}
        fallback={<p class="ok">✓ {t("Geen bevindingen.", "No findings.")}</p>}
      >
        <ul class="check-findings">
          <For each={props.findings}>
            {(finding) => (
              <li class={`check-finding ${finding.severity}`} data-check={finding.id}>
                <p class="check-title">
                  <span class={`badge ${finding.severity === "error" ? "bad" : "warn"}`}>
                    {finding.severity === "error" ? t("Moet", "Must") : t("Let op", "Check")}
                  </span>{" "}
                  <strong>{pick(finding.title)}</strong> <span class="muted">({finding.article})</span>
                </p>
                <Show when={finding.quote}>
                  <blockquote class="check-quote" lang={finding.language}>
                    „{finding.quote}”
                  </blockquote>
                </Show>
                <p>{pick(finding.message)}</p>
                <p class="hint">{pick(finding.fix)}</p>
                <Show when={finding.sections.length > 0}>
                  <p class="check-sections">
                    {t("In het voorbeeld: ", "In the preview: ")}
                    <For each={finding.sections}>
                      {(key, index) => (
                        <>
                          {index() > 0 ? ", " : ""}
                          <button
                            type="button"
                            class="link-button"
                            onClick={() => props.onSelectSection(key)}
                          >
                            {props.sectionTitles[key] ?? key}
                          </button>
                        </>
                      )}
                    </For>
                  </p>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
