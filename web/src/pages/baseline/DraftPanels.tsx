// The baseline editor's panels around the sections: where the draft stands, the conflict when
// someone else saved first, the statement's title, adding a section, and publishing. Each reads
// the draft controller (draft.ts) and calls its operations.
import { createSignal, For, Show } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { language, t } from "../../i18n.ts";
import { getSettings } from "../group/group-data.ts";
import { getBaselineHistory } from "./data.ts";
import { type BaselineDraftController, formatMoment } from "./draft.ts";
import { describeDifferences, sameBaseline } from "./editing.ts";

export function DraftStatus(props: { draft: BaselineDraftController; group: string }) {
  const history = createAsync(() => getBaselineHistory(props.group));
  const differsFromPublished = () => {
    const latest = history()?.latest;
    return !latest || !sameBaseline(props.draft.saved().baseline, latest.baseline);
  };
  return (
    <div class="draft-state" role="status">
      <Show when={props.draft.dirty()} fallback={t("Alles is opgeslagen. ", "Everything is saved. ")}>
        <strong>{t("Niet-opgeslagen wijzigingen. ", "Unsaved changes. ")}</strong>
      </Show>
      {t(
        `Concept: revisie ${props.draft.saved().revision}`,
        `Draft: revision ${props.draft.saved().revision}`,
      )}
      <Show when={history()?.latest}>
        {(p) => (
          <>
            {t(`; gepubliceerd: versie ${p().number}`, `; published: version ${p().number}`)}
            {differsFromPublished()
              ? t(" (het opgeslagen concept wijkt daarvan af)", " (the saved draft differs from it)")
              : t(" (gelijk aan het opgeslagen concept)", " (same as the saved draft)")}
          </>
        )}
      </Show>
      .
    </div>
  );
}

export function ConflictNotice(props: { draft: BaselineDraftController }) {
  return (
    <Show when={props.draft.conflict()}>
      {(c) => (
        <section class="notice conflict" role="alert" aria-labelledby="conflict-title">
          <h2 id="conflict-title" tabindex="-1">
            {t("Iemand anders heeft intussen opgeslagen", "Someone else saved in the meantime")}
          </h2>
          <p>
            {t(
              `De basisverklaring is opgeslagen op ${formatMoment(c().current.updatedAt)} (revisie ${c().current.revision}), nadat jij hem opende. Jouw wijzigingen zijn nog niet opgeslagen.`,
              `The baseline was saved on ${formatMoment(c().current.updatedAt)} (revision ${c().current.revision}) after you opened it. Your changes have not been saved.`,
            )}
          </p>
          <Show when={describeDifferences(c().mine, c().current.baseline, language()).length > 0}>
            <p>{t("Jouw versie en de hunne verschillen in:", "Yours and theirs differ in:")}</p>
            <ul>
              <For each={describeDifferences(c().mine, c().current.baseline, language())}>
                {(line) => <li>{line}</li>}
              </For>
            </ul>
          </Show>
          <div class="button-row">
            <button type="button" class="secondary" onClick={() => props.draft.takeTheirs()}>
              {t("Hun versie overnemen", "Take their version")}
            </button>
            <button
              type="button"
              class="primary"
              onClick={() => void props.draft.applyMineOnTop()}
              aria-disabled={props.draft.busy() !== null}
            >
              {t("Mijn wijzigingen eroverheen opslaan", "Save my changes over theirs")}
            </button>
          </div>
          <p class="hint">
            {t(
              "Overnemen: je ziet hun versie en kunt je eigen wijziging opnieuw aanbrengen. Eroverheen opslaan: jouw versie vervangt de hunne helemaal.",
              "Take theirs: you see their version and can make your own change again. Save over theirs: your version replaces theirs entirely.",
            )}
          </p>
        </section>
      )}
    </Show>
  );
}

export function TitleFields(props: { draft: BaselineDraftController }) {
  return (
    <fieldset class="statement-title">
      <legend>{t("Titel van de verklaring", "Title of the statement")}</legend>
      <For each={["nl", "en"] as const}>
        {(lang) => {
          const id = `statement-title-${lang}`;
          const error = () => props.draft.errors()[`title.${lang}`];
          return (
            <div class="field" classList={{ invalid: !!error() }}>
              <label for={id}>
                {lang === "nl"
                  ? t("Nederlands", "Dutch")
                  : t("Engels — niet verplicht", "English — optional")}
              </label>
              <input
                id={id}
                lang={lang}
                value={props.draft.state.title[lang] ?? ""}
                onInput={(e) => props.draft.setTitle(lang, e.currentTarget.value)}
                aria-invalid={error() ? "true" : undefined}
                aria-describedby={error() ? `${id}-error` : undefined}
              />
              <Show when={error()}>
                <p id={`${id}-error`} class="field-error">
                  {error()}
                </p>
              </Show>
            </div>
          );
        }}
      </For>
    </fieldset>
  );
}

export function AddSectionForm(props: { draft: BaselineDraftController }) {
  const [newKey, setNewKey] = createSignal("");
  const [newTitle, setNewTitle] = createSignal("");
  const [addErrors, setAddErrors] = createSignal<{ key?: string | undefined; title?: string | undefined }>(
    {},
  );

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const found = props.draft.addSection(newKey().trim(), newTitle().trim());
    setAddErrors(found);
    if (found.key || found.title) {
      document.getElementById(found.key ? "new-section-key" : "new-section-title")?.focus();
      return;
    }
    setNewKey("");
    setNewTitle("");
    const uid = props.draft.selected();
    queueMicrotask(() => document.getElementById(`sec-${uid}-heading`)?.focus());
  };

  return (
    <form class="add-section" novalidate onSubmit={submit} aria-labelledby="add-section-title">
      <h3 id="add-section-title">{t("Sectie toevoegen", "Add a section")}</h3>
      <div class="field" classList={{ invalid: !!addErrors().key }}>
        <label for="new-section-key">{t("Sleutel van de nieuwe sectie", "Key of the new section")}</label>
        <p id="new-section-key-hint" class="hint">
          {t(
            "Kleine letters a-z, cijfers en _, beginnend met een letter, zoals klachten_procedure.",
            "Lower-case a-z, digits and _, starting with a letter, such as complaints_procedure.",
          )}
        </p>
        <input
          id="new-section-key"
          value={newKey()}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => {
            setNewKey(e.currentTarget.value);
            setAddErrors({ ...addErrors(), key: undefined });
          }}
          aria-invalid={addErrors().key ? "true" : undefined}
          aria-describedby={
            addErrors().key ? "new-section-key-hint new-section-key-error" : "new-section-key-hint"
          }
        />
        <Show when={addErrors().key}>
          <p id="new-section-key-error" class="field-error">
            {addErrors().key}
          </p>
        </Show>
      </div>
      <div class="field" classList={{ invalid: !!addErrors().title }}>
        <label for="new-section-title">
          {t("Titel van de nieuwe sectie (Nederlands)", "Title of the new section (Dutch)")}
        </label>
        <input
          id="new-section-title"
          value={newTitle()}
          onInput={(e) => {
            setNewTitle(e.currentTarget.value);
            setAddErrors({ ...addErrors(), title: undefined });
          }}
          aria-invalid={addErrors().title ? "true" : undefined}
          aria-describedby={addErrors().title ? "new-section-title-error" : undefined}
        />
        <Show when={addErrors().title}>
          <p id="new-section-title-error" class="field-error">
            {addErrors().title}
          </p>
        </Show>
      </div>
      <button type="submit" class="secondary">
        {t("Sectie toevoegen", "Add section")}
      </button>
    </form>
  );
}

const publishedVersion = <T extends { kind: string }>(outcome: T) =>
  outcome.kind === "published" ? (outcome as Extract<T, { kind: "published" }>) : null;

export function PublishPanel(props: { draft: BaselineDraftController; group: string }) {
  const history = createAsync(() => getBaselineHistory(props.group));
  // With approval on, publishing the baseline asks another privacy lead first, like any publish.
  const settings = createAsync(() => getSettings(props.group));
  const approval = () => settings()?.requireApproval === true;
  const [changeNote, setChangeNote] = createSignal("");
  const error = () => props.draft.errors().changeNote;

  const [confirming, setConfirming] = createSignal(false);
  let confirmHeading: HTMLHeadingElement | undefined;

  // Publishing the baseline is public and cannot be taken back: it asks first.
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (props.draft.busy() || !props.draft.canPublish(changeNote())) return;
    setConfirming(true);
    requestAnimationFrame(() => confirmHeading?.focus());
  };
  const publish = async () => {
    setConfirming(false);
    if (await props.draft.publish(changeNote())) setChangeNote("");
  };
  const next = () => (history()?.versions[0]?.number ?? 0) + 1;

  return (
    <section class="publish" aria-labelledby="publish-title">
      <h2 id="publish-title">{t("Publiceren", "Publish")}</h2>
      <p>
        {t(
          "Publiceren maakt het opgeslagen concept de nieuwe versie van de basisverklaring. De bedrijven houden hun gepubliceerde verklaring tot ze die opnieuw publiceren; tot dan staan ze als verouderd in het overzicht.",
          "Publishing makes the saved draft the new version of the baseline. Companies keep their published statement until they publish again; until then the overview lists them as outdated.",
        )}
      </p>
      <form class="form" novalidate onSubmit={submit}>
        <div class="field" classList={{ invalid: !!error() }}>
          <label for="change-note">{t("Wat verandert er, en waarom?", "What changes, and why?")}</label>
          <p id="change-note-hint" class="hint">
            {t(
              "Verplicht. Deze toelichting staat bij de versie en in het logboek.",
              "Required. This note is kept with the version and in the audit log.",
            )}
          </p>
          <textarea
            id="change-note"
            rows={3}
            value={changeNote()}
            onInput={(e) => {
              setChangeNote(e.currentTarget.value);
              props.draft.clearError("changeNote");
            }}
            aria-invalid={error() ? "true" : undefined}
            aria-describedby={error() ? "change-note-hint change-note-error" : "change-note-hint"}
          />
          <Show when={error()}>
            <p id="change-note-error" class="field-error">
              {error()}
            </p>
          </Show>
        </div>
        <button type="submit" class="primary" aria-disabled={props.draft.busy() !== null}>
          {props.draft.busy() === "publish"
            ? t("Bezig…", "Working…")
            : approval()
              ? t("Ter goedkeuring indienen", "Submit for approval")
              : t("Basisverklaring publiceren", "Publish baseline")}
        </button>
      </form>
      <Show when={confirming()}>
        <div class="confirm" role="group" aria-labelledby="publish-confirm-title">
          <h3 id="publish-confirm-title" tabindex="-1" ref={confirmHeading}>
            {approval()
              ? t(
                  `Basisverklaring versie ${next()} ter goedkeuring indienen?`,
                  `Submit baseline version ${next()} for approval?`,
                )
              : t(`Basisverklaring versie ${next()} publiceren?`, `Publish baseline version ${next()}?`)}
          </h3>
          <p>
            {t(
              "Een gepubliceerde versie blijft bestaan. Elk bedrijf waarvoor de tekst hierdoor verandert, staat daarna als verouderd in het overzicht tot het opnieuw publiceert; de openbare verklaringen veranderen pas dan.",
              "A published version stays. Every company whose text this changes is then listed as outdated until it publishes again; the public statements change only then.",
            )}
          </p>
          <div class="button-row">
            <button type="button" class="primary" onClick={() => void publish()}>
              {approval()
                ? t("Ja, ter goedkeuring indienen", "Yes, submit for approval")
                : t("Ja, basisverklaring publiceren", "Yes, publish the baseline")}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t("Annuleren", "Cancel")}
            </button>
          </div>
        </div>
      </Show>
      <Show when={props.draft.published()}>
        {(outcome) => (
          <Show
            when={publishedVersion(outcome())}
            fallback={
              <div class="notice info published">
                <h3 id="published-title" tabindex="-1">
                  {t("Ter goedkeuring ingediend", "Submitted for approval")}
                </h3>
                <p>
                  {t(
                    "Een andere privacyfunctionaris moet deze basisverklaring goedkeuren; pas dan wordt ze gepubliceerd. Het verzoek staat bij Goedkeuringen.",
                    "Another privacy lead must approve this baseline; only then is it published. The request is under Approvals.",
                  )}
                </p>
                <p>
                  <A href={`/console/${props.group}/requests`}>
                    {t("Naar de goedkeuringen", "To the approvals")}
                  </A>
                </p>
              </div>
            }
          >
            {(p) => (
              <div class="notice info published">
                <h3 id="published-title" tabindex="-1">
                  {t(
                    `Versie ${p().version.number} is gepubliceerd`,
                    `Version ${p().version.number} is published`,
                  )}
                </h3>
                <Show
                  when={p().outdated}
                  fallback={
                    // A large group is not compared company by company within the publish: the
                    // rollout page shows, a page at a time, whose statement changes and how.
                    <>
                      <p>
                        {p().companiesOnOlderBaseline === 1
                          ? t(
                              "1 bedrijf rust nu op een oudere basisverklaring. Verandert de tekst van zijn verklaring hierdoor, dan moet het opnieuw publiceren.",
                              "1 company now rests on an older baseline. If this changes the text of its statement, it needs to publish again.",
                            )
                          : t(
                              `${p().companiesOnOlderBaseline} bedrijven rusten nu op een oudere basisverklaring. Elk bedrijf waarvan de tekst hierdoor verandert, moet opnieuw publiceren.`,
                              `${p().companiesOnOlderBaseline} companies now rest on an older baseline. Every company whose text this changes needs to publish again.`,
                            )}
                      </p>
                      <p>
                        <A href={`/console/${props.group}#rollout`}>
                          {t(
                            "Bekijken en in één keer opnieuw publiceren",
                            "Review and republish them in one go",
                          )}
                        </A>
                      </p>
                    </>
                  }
                >
                  {(outdated) => (
                    <p>
                      {outdated().length === 1
                        ? t(
                            "1 bedrijf heeft nu een verouderde verklaring en moet opnieuw publiceren",
                            "1 company now has an outdated statement and needs to publish again",
                          )
                        : t(
                            `${outdated().length} bedrijven hebben nu een verouderde verklaring en moeten opnieuw publiceren`,
                            `${outdated().length} companies now have an outdated statement and need to publish again`,
                          )}
                      <Show when={outdated().some((o) => !o.clean)}>
                        {t(
                          `; bij ${outdated().filter((o) => !o.clean).length} daarvan past een eigen aanpassing niet meer bij het nieuwe beleid`,
                          `; for ${outdated().filter((o) => !o.clean).length} of them an own change no longer fits the new policy`,
                        )}
                      </Show>
                      .
                    </p>
                  )}
                </Show>
                <p>
                  <A href={`/console/${props.group}`}>
                    {t("Naar het overzicht van de bedrijven", "To the overview of the companies")}
                  </A>
                </p>
              </div>
            )}
          </Show>
        )}
      </Show>

      <Show when={history()?.versions.length}>
        <details class="versions">
          <summary>{t("Gepubliceerde versies", "Published versions")}</summary>
          <ul>
            <For each={history()?.versions ?? []}>
              {(version) => (
                <li>
                  <strong>
                    {t("Versie", "Version")} {version.number}
                  </strong>{" "}
                  <span class="muted">{formatMoment(version.publishedAt)}</span>
                  <br />
                  {version.changeNote}
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
    </section>
  );
}
