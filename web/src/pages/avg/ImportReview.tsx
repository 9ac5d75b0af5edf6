// Reviewing an import proposal before it goes into the draft: what to check first (warnings, the
// text as written beside the draft after the import, what still needs translating), every
// section with where it goes and what it adds to the baseline, the company details suggested
// (none taken unless ticked), the list items found, and any text that gets no place. What
// accepting will do is worked out here with the same planImport the API runs.
import { createMemo, For, Show } from "solid-js";
import { planImport } from "#shared/import/apply.ts";
import type { ImportCheck } from "#shared/import/check.ts";
import type { ImportProposal } from "#shared/import/propose.ts";
import type { ListKey } from "#shared/model.ts";
import { language, t } from "../../i18n.ts";
import { ImportCheckTable, ImportTranslation, ImportWarnings } from "./ImportChecks.tsx";
import { toImportChoices, type Review, type ReviewChoices } from "./ImportChoices.ts";
import { FoundLists, Suggestions } from "./ImportDetails.tsx";
import { ImportSections } from "./ImportSections.tsx";

const plural = (n: number, nl: [string, string], en: [string, string]): string =>
  t(`${n} ${n === 1 ? nl[0] : nl[1]}`, `${n} ${n === 1 ? en[0] : en[1]}`);

export function ImportReview(props: {
  review: Review;
  choices: ReviewChoices;
  onChoices: (choices: ReviewChoices) => void;
  busy: "propose" | "accept" | null;
  error: string;
  conflict: boolean;
  headingRef: (el: HTMLHeadingElement) => void;
  onAccept: () => void;
  onRepropose: () => void;
  onStartOver: () => void;
}) {
  const proposal = (): ImportProposal => props.review.proposal;
  const check = (): ImportCheck => props.review.check;
  const content = () => props.review.draft.content;
  const plan = createMemo(() =>
    planImport(content(), proposal(), toImportChoices(proposal(), props.choices)),
  );
  const warnings = () => [...proposal().warnings, ...plan().warnings];
  const skipped = () => plan().placement.sections.filter((s) => s.as === "skipped").length;
  const set = (patch: Partial<ReviewChoices>) => props.onChoices({ ...props.choices, ...patch });
  const currentLists = (): Record<ListKey, number> => ({
    data_categories: content().lists.data_categories.length,
    purposes: content().lists.purposes.length,
    retention: content().lists.retention.length,
    recipients: content().lists.recipients.length,
    cookies: content().lists.cookies.length,
  });

  return (
    <section class="import-review" aria-labelledby="review-title">
      <h2 id="review-title" tabindex="-1" ref={props.headingRef}>
        {t("2. Voorstel controleren", "2. Review the proposal")}
      </h2>
      <p class="notice info">
        {t(
          "Er is nog niets veranderd. Kies per sectie waar de tekst komt en wat je van de gevonden gegevens overneemt, en neem het voorstel dan over in het concept. Er wordt niets gepubliceerd.",
          "Nothing has changed yet. Choose for each section where its text goes and what you take of the details found, then accept the proposal into the draft. Nothing is published.",
        )}
      </p>
      <p class="import-summary">
        <strong>
          {t(
            `${proposal().paragraphs} ${proposal().paragraphs === 1 ? "alinea" : "alinea's"} gelezen`,
            `${proposal().paragraphs} ${proposal().paragraphs === 1 ? "paragraph" : "paragraphs"} read`,
          )}
        </strong>
        {t(
          `, verdeeld over ${plural(proposal().sections.length, ["sectie", "secties"], ["section", "sections"])}; ze staan hieronder allemaal.`,
          `, in ${plural(proposal().sections.length, ["sectie", "secties"], ["section", "sections"])}; all of them are listed below.`,
        )}{" "}
        <Show when={proposal().title}>
          {(title) => (
            <>
              {t("Titel: ", "Title: ")}
              <q>{title()}</q>.{" "}
            </>
          )}
        </Show>
        {proposal().language === "en"
          ? t("De tekst is Engels. ", "The text is in English. ")
          : t("De tekst is Nederlands. ", "The text is in Dutch. ")}
        <span class="import-format">{proposal().format.why[language()]}</span>
      </p>
      <nav aria-label={t("Onderdelen van het voorstel", "Parts of the proposal")} class="import-toc">
        <ul>
          <li>
            <a href="#import-check-title">{t("Eerst nagaan", "Check first")}</a>
          </li>
          <li>
            <a href="#import-sections-title">{t("Secties", "Sections")}</a>
          </li>
          <li>
            <a href="#import-profile-title">{t("Bedrijfsgegevens", "Company details")}</a>
          </li>
          <li>
            <a href="#import-lists-title">{t("Lijsten", "Lists")}</a>
          </li>
          <li>
            <a href="#import-held-title">{t("Tekst zonder plek", "Text without a place")}</a>
          </li>
          <li>
            <a href="#import-accept">{t("Overnemen", "Accept")}</a>
          </li>
        </ul>
      </nav>

      <h3 id="import-check-title">{t("Eerst nagaan", "Check first")}</h3>
      <section aria-labelledby="import-warnings-title">
        <h4 id="import-warnings-title">
          {t("Let op", "Please check")} ({warnings().length})
        </h4>
        <ImportWarnings warnings={warnings()} />
      </section>
      <section aria-labelledby="import-checks-title">
        <h4 id="import-checks-title">
          {t(
            "AVG-volledigheid: zoals geschreven en na import",
            "AVG completeness: as written and after import",
          )}
        </h4>
        <p class="muted">
          {t(
            "Zoals geschreven: alleen de geïmporteerde tekst, zonder iets uit het concept. Na import: het concept zoals het wordt als je het voorstel overneemt zoals het nu is voorgesteld.",
            "As written: the imported text alone, with nothing of the draft. After import: the draft as it becomes when you accept the proposal as proposed.",
          )}
        </p>
        <ImportCheckTable check={check()} />
      </section>
      <section aria-labelledby="import-translation-title">
        <h4 id="import-translation-title">{t("Vertaling", "Translation")}</h4>
        <ImportTranslation
          check={check()}
          titleOf={(key, fallback) => {
            const title =
              proposal().targets.find((target) => target.key === key)?.title ??
              plan().content.ownSections.find((own) => own.key === key)?.title;
            return title === undefined ? fallback : language() === "en" ? (title.en ?? title.nl) : title.nl;
          }}
        />
      </section>

      <h3 id="import-sections-title">
        {t("Secties", "Sections")} ({proposal().sections.length})
      </h3>
      <ImportSections
        proposal={proposal()}
        choices={props.choices}
        plans={plan().placement.sections}
        onSection={(index, value) =>
          set({ sections: props.choices.sections.map((c, i) => (i === index ? value : c)) })
        }
        untranslated={
          proposal().language === "en" ? ["nl"] : check().translation.map((entry) => entry.language)
        }
        onAddHeld={(index, value) =>
          set({ addHeld: props.choices.addHeld.map((c, i) => (i === index ? value : c)) })
        }
      />

      <h3 id="import-profile-title">{t("Bedrijfsgegevens", "Company details")}</h3>
      <Suggestions
        suggestions={proposal().suggestions}
        profile={content().profile}
        accepted={props.choices.profile}
        onAccept={(field, accepted) =>
          set({
            profile: accepted
              ? [...props.choices.profile.filter((f) => f !== field), field]
              : props.choices.profile.filter((f) => f !== field),
          })
        }
      />

      <h3 id="import-lists-title">{t("Lijsten", "Lists")}</h3>
      <FoundLists
        found={proposal().found}
        taken={plan().taken}
        current={currentLists()}
        choices={props.choices}
        onMode={(list, mode) => set({ lists: { ...props.choices.lists, [list]: mode } })}
        onItem={(index, choice) => set({ items: { ...props.choices.items, [index]: choice } })}
      />

      <h3 id="import-held-title">{t("Tekst zonder plek", "Text without a place")}</h3>
      <Show
        when={plan().placement.held.length > 0}
        fallback={
          <p class="muted">
            {skipped() === 0
              ? t(
                  "Alle tekst krijgt een plek, of staat al in de basis of een lijst.",
                  "All text gets a place, or is already in the baseline or a list.",
                )
              : t(
                  `Alle andere tekst krijgt een plek; je laat ${plural(skipped(), ["sectie", "secties"], ["section", "sections"])} weg.`,
                  `All other text gets a place; you leave out ${plural(skipped(), ["sectie", "secties"], ["section", "sections"])}.`,
                )}
          </p>
        }
      >
        <p>
          {t(
            "Deze tekst komt niet in het concept. Voeg hem toe bij de sectie hierboven, of neem hem later zelf over.",
            "This text does not go into the draft. Add it at its section above, or copy it over yourself later.",
          )}
        </p>
        <ul class="import-unmapped">
          <For each={plan().placement.held}>
            {(item) => (
              <li>
                <div class="import-body">{item.text}</div>
                <p class="muted">{item.why[language()]}</p>
              </li>
            )}
          </For>
        </ul>
      </Show>

      <div class="import-accept" id="import-accept" aria-busy={props.busy !== null}>
        <Show when={props.conflict}>
          <div role="alert" class="notice error">
            <p>
              <strong>{t("Het concept is intussen gewijzigd.", "The draft changed in the meantime.")}</strong>{" "}
              {t(
                "Terwijl je dit voorstel bekeek, is het concept opgeslagen (door iemand anders of in een ander venster). Dit voorstel is gemaakt op de oude versie; om die wijziging niet ongezien te overschrijven is er niets overgenomen. Maak het voorstel opnieuw op het huidige concept; je keuzes blijven staan als de secties gelijk zijn.",
                "While you reviewed this proposal, the draft was saved (by someone else or in another window). This proposal was made against the old version; so as not to overwrite that change unseen, nothing was accepted. Make the proposal again on the current draft; your choices are kept when the sections are the same.",
              )}
            </p>
            <button
              type="button"
              class="primary"
              onClick={() => props.onRepropose()}
              aria-disabled={props.busy !== null}
            >
              {props.busy === "propose"
                ? t("Voorstel wordt opnieuw gemaakt…", "Making the proposal again…")
                : t("Opnieuw voorstellen", "Propose again")}
            </button>
          </div>
        </Show>
        <p role="alert" class="notice error" classList={{ empty: !props.error }}>
          {props.error}
        </p>
        <p class="muted">
          {t(
            `Overnemen verandert alleen het concept${props.choices.profile.length === 0 ? "; de bedrijfsgegevens blijven zoals ze zijn" : ""}. De openbare verklaring blijft ongewijzigd tot iemand publiceert.`,
            `Accepting changes the draft only${props.choices.profile.length === 0 ? "; the company details stay as they are" : ""}. The public statement stays unchanged until someone publishes.`,
          )}
        </p>
        <p class="avg-actions">
          {/* After a conflict only a fresh proposal can be accepted: the old one would be refused again. */}
          <Show when={!props.conflict}>
            <button
              type="button"
              class="primary"
              onClick={() => props.onAccept()}
              aria-disabled={props.busy !== null}
            >
              {props.busy === "accept"
                ? t("Bezig met overnemen…", "Accepting…")
                : t("Overnemen in het concept", "Accept into the draft")}
            </button>
          </Show>
          <button type="button" class="secondary" onClick={() => props.onStartOver()}>
            {t("Terug naar de tekst", "Back to the text")}
          </button>
        </p>
      </div>
    </section>
  );
}
