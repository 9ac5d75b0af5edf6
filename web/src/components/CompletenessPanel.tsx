// The AVG completeness of one statement: the score, what the AVG always requires and is missing
// (prominent, with how to fix it), then every checklist item grouped by status, each with the
// provisions that require it, why it got its status, the fix hint and the section(s) concerned.
// Embeddable anywhere: it takes the report as the API sends it and the language to show it in.
import { createUniqueId, For, Show, type JSX } from "solid-js";
import { Dynamic } from "solid-js/web";
import { STATUS_NAMES, type CompletenessReport, type Status } from "#shared/completeness/check.ts";
import { CHECKLIST, type Bilingual } from "#shared/completeness/checklist.ts";
import type { UiLanguage } from "../i18n.ts";
import "./completeness-panel.css";

/** What the panel needs of a report (GET …/completeness sends this and more). */
export interface PanelFinding {
  item: string;
  status: Status;
  why: Bilingual;
  article: string;
  hint: Bilingual;
  sections: readonly string[];
}
export interface CompletenessPanelReport {
  score: number;
  missingAlways: readonly string[];
  findings: readonly PanelFinding[];
  collection?: CompletenessReport["collection"];
}

export interface CompletenessPanelProps {
  report: CompletenessPanelReport;
  language: UiLanguage;
  /** Section titles by key, to name the sections a finding concerns (else the key is shown). */
  sectionTitles?: Readonly<Record<string, string>>;
  /** When given, each section is a button that calls this, so the page can jump to it. */
  onSelectSection?: (key: string) => void;
  /** Level of the panel's heading (default 2); the groups' headings are one level deeper. */
  headingLevel?: 2 | 3 | 4;
  /** The panel's heading; default "AVG-volledigheid". */
  title?: string;
}

export const STATUS_ORDER: readonly Status[] = ["missing", "weak", "present", "not_applicable"];

/** Status icons; always shown next to the status in words, never instead of it. */
export const STATUS_ICON: Record<Status, string> = {
  missing: "✗",
  weak: "!",
  present: "✓",
  not_applicable: "–",
};

export const statusName = (status: Status, language: UiLanguage): string => STATUS_NAMES[status][language];

/** The checklist item's title, or its id for an item this console does not know yet. */
export function itemTitle(item: string, language: UiLanguage): string {
  return CHECKLIST.find((entry) => entry.id === item)?.title[language] ?? item;
}

const isAlways = (item: string): boolean =>
  CHECKLIST.find((entry) => entry.id === item)?.applies === "always";

const COLLECTION: Record<CompletenessReport["collection"], Bilingual> = {
  direct: {
    nl: "De gegevens komen van de betrokkenen zelf (art. 13 AVG).",
    en: "The data comes from the data subjects themselves (Art. 13 GDPR).",
  },
  indirect: {
    nl: "De gegevens komen van anderen dan de betrokkenen (art. 14 AVG).",
    en: "The data comes from others than the data subjects (Art. 14 GDPR).",
  },
  both: {
    nl: "De gegevens komen deels van de betrokkenen zelf en deels van anderen (art. 13 en 14 AVG).",
    en: "The data comes partly from the data subjects and partly from others (Art. 13 and 14 GDPR).",
  },
};

export function CompletenessPanel(props: CompletenessPanelProps) {
  const id = createUniqueId();
  const tx = (nl: string, en: string): string => (props.language === "en" ? en : nl);
  const level = () => props.headingLevel ?? 2;
  const heading = (depth: number) => `h${Math.min(6, level() + depth)}`;
  const byStatus = (status: Status) => props.report.findings.filter((f) => f.status === status);
  const missingAlways = () =>
    props.report.missingAlways.flatMap((item) => props.report.findings.filter((f) => f.item === item));
  const applicable = () => props.report.findings.filter((f) => f.status !== "not_applicable").length;

  const sectionName = (key: string): string => props.sectionTitles?.[key] ?? key;

  const Sections = (p: { finding: PanelFinding }): JSX.Element => (
    <Show when={p.finding.sections.length > 0}>
      <div class="cp-sections">
        <span class="cp-label">
          {p.finding.status === "missing"
            ? tx("Hoort in: ", "Belongs in: ")
            : p.finding.sections.length === 1
              ? tx("Sectie: ", "Section: ")
              : tx("Secties: ", "Sections: ")}
        </span>
        <ul class="cp-section-list">
          <For each={p.finding.sections}>
            {(key) => (
              <li>
                <Show
                  when={props.onSelectSection}
                  fallback={<span class="cp-section">{sectionName(key)}</span>}
                >
                  {(select) => (
                    <button type="button" class="cp-section-button" onClick={() => select()(key)}>
                      {sectionName(key)}
                    </button>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );

  const FindingItem = (p: { finding: PanelFinding }): JSX.Element => (
    <li class={`cp-finding cp-${p.finding.status}`}>
      <p class="cp-finding-title">
        <span class="cp-icon" aria-hidden="true">
          {STATUS_ICON[p.finding.status]}
        </span>
        <strong>{itemTitle(p.finding.item, props.language)}</strong>
        <Show when={isAlways(p.finding.item)}>
          <span class="cp-tag">{tx("altijd verplicht", "always required")}</span>
        </Show>
      </p>
      <p class="cp-article">{p.finding.article}</p>
      <p class="cp-why">{p.finding.why[props.language]}</p>
      <p class="cp-hint">
        <span class="cp-label">
          {p.finding.status === "missing" || p.finding.status === "weak"
            ? tx("Zo los je het op: ", "How to fix it: ")
            : tx("Wat de AVG vraagt: ", "What the AVG asks: ")}
        </span>
        {p.finding.hint[props.language]}
      </p>
      <Sections finding={p.finding} />
    </li>
  );

  return (
    <section class="completeness-panel" aria-labelledby={`${id}-title`}>
      <Dynamic component={heading(0)} id={`${id}-title`} class="cp-title">
        {props.title ?? tx("AVG-volledigheid", "AVG completeness")}
      </Dynamic>
      <div class="cp-score">
        <p class="cp-score-number">
          <span class="cp-score-value">{props.report.score}</span>
          <span class="cp-score-of"> / 100</span>
        </p>
        <meter
          class="cp-meter"
          min="0"
          max="100"
          low="60"
          high="90"
          optimum="100"
          value={props.report.score}
          aria-label={tx("Score", "Score")}
        />
        <p class="cp-score-summary">
          {tx(
            `${byStatus("present").length} van ${applicable()} onderdelen die gelden zijn aanwezig, ${byStatus("weak").length} zwak, ${byStatus("missing").length} ontbreken. Een zwak onderdeel telt half.`,
            `${byStatus("present").length} of ${applicable()} applicable items are present, ${byStatus("weak").length} weak, ${byStatus("missing").length} missing. A weak item counts half.`,
          )}
        </p>
        <Show when={props.report.collection}>
          {(collection) => <p class="cp-collection">{COLLECTION[collection()][props.language]}</p>}
        </Show>
      </div>

      <Show
        when={missingAlways().length > 0}
        fallback={
          <p class="cp-always-ok">
            <span class="cp-icon" aria-hidden="true">
              ✓
            </span>{" "}
            {tx(
              "Alles wat de AVG altijd vraagt, staat erin.",
              "Everything the AVG always requires is in it.",
            )}
          </p>
        }
      >
        <div class="cp-always">
          <Dynamic component={heading(1)} class="cp-group-title">
            {tx(
              `Altijd verplicht en ontbreekt (${missingAlways().length})`,
              `Always required and missing (${missingAlways().length})`,
            )}
          </Dynamic>
          <p class="cp-always-intro">
            {tx(
              "Zolang deze onderdelen ontbreken, kan een redacteur de verklaring niet publiceren.",
              "While these items are missing, an editor cannot publish the statement.",
            )}
          </p>
          <ul class="cp-list">
            <For each={missingAlways()}>
              {(finding) => (
                <li class="cp-finding cp-missing">
                  <p class="cp-finding-title">
                    <span class="cp-icon" aria-hidden="true">
                      {STATUS_ICON.missing}
                    </span>
                    <strong>{itemTitle(finding.item, props.language)}</strong>
                    <span class="cp-article-inline">{finding.article}</span>
                  </p>
                  <p class="cp-hint">
                    <span class="cp-label">{tx("Zo los je het op: ", "How to fix it: ")}</span>
                    {finding.hint[props.language]}
                  </p>
                  <Sections finding={finding} />
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>

      <For each={STATUS_ORDER}>
        {(status) => (
          <Show when={byStatus(status).length > 0}>
            <section class={`cp-group cp-group-${status}`} aria-labelledby={`${id}-${status}`}>
              <Dynamic component={heading(1)} id={`${id}-${status}`} class="cp-group-title">
                <span class="cp-icon" aria-hidden="true">
                  {STATUS_ICON[status]}
                </span>{" "}
                {statusName(status, props.language)} ({byStatus(status).length})
              </Dynamic>
              <ul class="cp-list">
                <For each={byStatus(status)}>{(finding) => <FindingItem finding={finding} />}</For>
              </ul>
            </section>
          </Show>
        )}
      </For>
    </section>
  );
}
