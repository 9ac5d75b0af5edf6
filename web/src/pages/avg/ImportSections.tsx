// Every section of the imported text: where it goes (changeable), why, and — against the
// baseline section it corresponds to — what each of its paragraphs does: already said by the
// baseline, new and added, moved into a structured list, or held back because the section is
// locked. The baseline's own text is one click away, as it reads for this company.
import { For, Index, Show } from "solid-js";
import type { Bilingual } from "#shared/completeness/checklist.ts";
import type { PieceFate, PiecePlan, SectionPlan } from "#shared/import/place.ts";
import type { ImportProposal, ImportSection } from "#shared/import/propose.ts";
import { language, t } from "../../i18n.ts";
import { OWN, SKIP, type ReviewChoices } from "./ImportChoices.ts";

const pick = (text: Bilingual): string => text[language()];
const line = (text: { nl: string; en?: string | undefined } | undefined): string =>
  text === undefined ? "" : language() === "en" ? (text.en ?? text.nl) : text.nl;

function confidenceLabel(confidence: number): { nl: string; en: string; level: string } {
  if (confidence >= 0.8) return { nl: "hoog", en: "high", level: "high" };
  if (confidence >= 0.5) return { nl: "redelijk", en: "fair", level: "fair" };
  if (confidence > 0) return { nl: "laag", en: "low", level: "low" };
  return { nl: "geen basissectie", en: "no baseline section", level: "none" };
}

const PLACEMENT: Record<SectionPlan["as"], Bilingual> = {
  replace: { nl: "Vervangt de tekst van de basis", en: "Replaces the baseline's text" },
  append: { nl: "Aanvulling op de basis", en: "Added to the baseline's text" },
  inherit: { nl: "Niets toe te voegen", en: "Nothing to add" },
  own: { nl: "Eigen sectie", en: "Own section" },
  held: { nl: "Niet toegevoegd", en: "Not added" },
  skipped: { nl: "Weggelaten", en: "Left out" },
};

function describeFate(plan: PiecePlan, as: SectionPlan["as"]): { label: Bilingual; level: string } {
  const repeats = plan.repeats ?? [];
  const fate: PieceFate = plan.fate;
  switch (fate) {
    case "added":
      if (as === "replace")
        return {
          label: { nl: "Komt in plaats van de basistekst", en: "Replaces the baseline text" },
          level: "new",
        };
      if (as === "own")
        return {
          label: { nl: "Nieuw — komt in de eigen sectie", en: "New — goes into the own section" },
          level: "new",
        };
      return { label: { nl: "Nieuw — wordt toegevoegd", en: "New — will be added" }, level: "new" };
    case "partial":
      return {
        label: {
          nl: "Deels nieuw — alleen het nieuwe deel wordt toegevoegd",
          en: "Partly new — only the new part is added",
        },
        level: "new",
      };
    case "baseline":
      if (repeats.every((r) => r.key.startsWith("draft:")))
        return { label: { nl: "Staat al in het concept", en: "Already in the draft" }, level: "known" };
      return { label: { nl: "Staat al in de basis", en: "Already in the baseline" }, level: "known" };
    case "list":
      return { label: { nl: "Komt in de lijst", en: "Goes into the list" }, level: "list" };
    case "held":
      return { label: { nl: "Niet toegevoegd — zie hieronder", en: "Not added — see below" }, level: "held" };
    case "skipped":
      return { label: { nl: "Weggelaten", en: "Left out" }, level: "held" };
  }
}

export function ImportSections(props: {
  proposal: ImportProposal;
  choices: ReviewChoices;
  plans: readonly SectionPlan[];
  onSection: (index: number, value: string) => void;
  onAddHeld: (index: number, value: boolean) => void;
  /** Languages the group publishes besides the text's own: text added to the draft needs them. */
  untranslated: readonly string[];
}) {
  const targetTitle = (key: string): string => {
    const target = props.proposal.targets.find((candidate) => candidate.key === key);
    return target ? line(target.title) : key;
  };
  /** The baseline section's text as it reads for this company (placeholders filled). */
  const baselineText = (key: string): string[] =>
    props.proposal.known.filter((k) => k.key === key && k.other !== true).map((k) => k.text);

  return (
    <ol class="import-sections">
      <Index each={props.proposal.sections}>
        {(section, index) => {
          const choice = () => props.choices.sections[index] ?? OWN;
          const plan = () => props.plans[index];
          const target = () => (choice() === OWN || choice() === SKIP ? null : choice());
          const confidence = () => confidenceLabel(section().confidence);
          const title = () =>
            section().heading || t("tekst vóór de eerste kop", "text before the first heading");
          return (
            <li
              class="import-section"
              classList={{ skipped: choice() === SKIP }}
              id={`import-section-${index}`}
            >
              <h4 class="import-section-heading">
                <Show when={section().heading !== ""} fallback={<span class="muted">({title()})</span>}>
                  {section().heading}
                </Show>
              </h4>
              <div class="import-choice">
                <label for={`import-target-${index}`}>
                  {t("Komt in", "Goes into")}
                  <span class="visually-hidden">
                    {" "}
                    ({t("sectie", "section")} “{title()}”)
                  </span>
                </label>
                <select
                  id={`import-target-${index}`}
                  value={choice()}
                  aria-describedby={`import-why-${index} import-placement-${index}`}
                  onChange={(event) => props.onSection(index, event.currentTarget.value)}
                >
                  <optgroup label={t("Sectie van de basisverklaring", "Baseline section")}>
                    <For each={props.proposal.targets}>
                      {(target) => <option value={target.key}>{line(target.title)}</option>}
                    </For>
                  </optgroup>
                  <optgroup label={t("Anders", "Other")}>
                    <option value={OWN}>{t("Eigen sectie", "Own section")}</option>
                    <option value={SKIP}>{t("Weglaten", "Leave out")}</option>
                  </optgroup>
                </select>
              </div>
              <p id={`import-why-${index}`} class="import-why">
                <span class={`confidence confidence-${confidence().level}`}>
                  {t("Zekerheid: ", "Confidence: ")}
                  {t(confidence().nl, confidence().en)} ({Math.round(section().confidence * 100)}%)
                </span>{" "}
                {pick(section().why)}
                <Show when={choice() !== (section().key ?? OWN)}>
                  {" "}
                  <span class="changed">
                    {t("Je hebt dit veranderd; voorgesteld was: ", "You changed this; the proposal was: ")}
                    {section().key === null
                      ? t("eigen sectie", "own section")
                      : targetTitle(section().key ?? "")}
                    .
                  </span>
                </Show>
              </p>
              <p id={`import-placement-${index}`} class="import-placement" aria-live="polite">
                <Show when={plan()}>
                  {(p) => (
                    <>
                      <strong>{pick(PLACEMENT[p().as])}</strong>: {pick(p().why)}
                    </>
                  )}
                </Show>
              </p>
              <Show
                when={
                  (plan()?.as === "append" || plan()?.as === "replace" || plan()?.as === "own") &&
                  props.untranslated.length > 0
                }
              >
                <p class="import-untranslated">
                  {props.untranslated.includes("en")
                    ? t(
                        "Vertaling nodig: deze tekst komt alleen in het Nederlands in het concept; de Engelse kant moet nog vertaald worden.",
                        "Needs translation: this text goes into the draft in Dutch only; the English side still needs translating.",
                      )
                    : t(
                        "Vertaling nodig: deze Engelse tekst staat ook aan de Nederlandse kant tot iemand hem vertaalt.",
                        "Needs translation: this English text stands on the Dutch side too until someone translates it.",
                      )}
                </p>
              </Show>
              <Show when={plan()?.as === "held" || props.choices.addHeld[index] === true}>
                <label class="checkbox import-add-held">
                  <input
                    type="checkbox"
                    checked={props.choices.addHeld[index] === true}
                    onChange={(event) => props.onAddHeld(index, event.currentTarget.checked)}
                  />{" "}
                  {t(
                    `Toch toevoegen, als eigen sectie direct na “${targetTitle(target() ?? "")}”`,
                    `Add it anyway, as an own section right after “${targetTitle(target() ?? "")}”`,
                  )}
                </label>
              </Show>
              <Difference
                section={section()}
                plan={plan()}
                baseline={target() === null ? [] : baselineText(target() ?? "")}
                targetName={target() === null ? "" : targetTitle(target() ?? "")}
                index={index}
              />
            </li>
          );
        }}
      </Index>
    </ol>
  );
}

/** The section's pieces, each with what becomes of it, beside the baseline section's own text. */
function Difference(props: {
  section: ImportSection;
  plan: SectionPlan | undefined;
  baseline: string[];
  targetName: string;
  index: number;
}) {
  const plans = () => props.plan?.pieces ?? [];
  const count = (level: string) =>
    plans().filter((p) => describeFate(p, props.plan?.as ?? "own").level === level).length;
  return (
    <section class="import-diff" aria-labelledby={`import-diff-${props.index}`}>
      <h5 id={`import-diff-${props.index}`} class="import-diff-title">
        {props.targetName === ""
          ? t("Tekst van deze sectie", "Text of this section")
          : t(`Verschil met “${props.targetName}”`, `Difference from “${props.targetName}”`)}
        <span class="muted">
          {" "}
          (
          {t(
            `${count("new")} nieuw, ${count("known")} al gezegd, ${count("list")} naar een lijst`,
            `${count("new")} new, ${count("known")} already said, ${count("list")} into a list`,
          )}
          )
        </span>
      </h5>
      <Show when={props.baseline.length > 0}>
        <details class="import-baseline">
          <summary>
            {t(
              "Tekst van de basis, zoals die voor dit bedrijf luidt",
              "The baseline's text, as it reads for this company",
            )}
          </summary>
          <div class="import-body">{props.baseline.join(" ")}</div>
        </details>
      </Show>
      <ul class="import-pieces">
        <For each={props.section.pieces}>
          {(piece) => {
            const plan = () => plans()[piece.index];
            const fate = () =>
              describeFate(plan() ?? { piece: piece.index, fate: "added" }, props.plan?.as ?? "own");
            return (
              <li class={`import-piece import-piece-${fate().level}`}>
                <span class="import-fate">{pick(fate().label)}</span>
                <div class="import-body">
                  {piece.kind === "paragraph" || piece.kind === "head" ? "" : "• "}
                  {piece.text}
                </div>
                <Show when={plan()?.fate === "partial" && plan()?.md}>
                  {(md) => (
                    <p class="import-partial">
                      {t("Toegevoegd wordt: ", "What is added: ")}
                      <q>{md()}</q>
                    </p>
                  )}
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
    </section>
  );
}
