// The "Controle" tab beside the editor's preview: findings about the statement that would be
// published, each with where it is, why (the provision it comes from) and how to fix it.
//
// The tab is built on one shape, CheckFinding, and one source, findChecks. The legal lint
// (shared/lint, lintPublication) is to be that source once it is part of the console's build;
// until then the findings are what the AVG completeness check marks missing or weak (art. 13/14
// AVG), which is the check the publish gate applies today.
import { For, Show } from "solid-js";
import type { CompletenessReport } from "#shared/completeness/check.ts";
import { CHECKLIST, type Bilingual } from "#shared/completeness/checklist.ts";
import { language, t } from "../../i18n.ts";

export interface CheckFinding {
  id: string;
  /** An error blocks an editor's publish; a warning asks to look again. */
  severity: "error" | "warning";
  title: Bilingual;
  /** What is wrong here. */
  message: Bilingual;
  /** How to fix it. */
  fix: Bilingual;
  /** The provision or ruling it comes from. */
  article: string;
  /** The sections it is about (or where it belongs). */
  sections: readonly string[];
}

/** The findings for the statement in the group's default language. */
export function findChecks(report: CompletenessReport): CheckFinding[] {
  const always = new Set<string>(report.missingAlways);
  return report.findings
    .filter((finding) => finding.status === "missing" || finding.status === "weak")
    .map((finding) => {
      const item = CHECKLIST.find((i) => i.id === finding.item);
      return {
        id: finding.item,
        severity: finding.status === "missing" && always.has(finding.item) ? "error" : "warning",
        title: item?.title ?? { nl: finding.item, en: finding.item },
        message: finding.why,
        fix: finding.hint,
        article: finding.article,
        sections: finding.sections,
      } satisfies CheckFinding;
    })
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
