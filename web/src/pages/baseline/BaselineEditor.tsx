// The privacy lead's baseline editor: the draft with its sections (ordered, each with a policy,
// a list and text per language), a live preview for a chosen company, saving with the draft's
// revision (and a way through when someone else saved first), and publishing with a change note.
// The draft's state and operations live in draft.ts; this file lays the views out.
import { onCleanup, Show, untrack } from "solid-js";
import { createAsync, useBeforeLeave } from "@solidjs/router";
import { t } from "../../i18n.ts";
import { useGroup } from "../group/GroupLayout.tsx";
import { LeadOnly } from "./access.tsx";
import { type BaselineDraft, getBaselineDraft } from "./data.ts";
import { type BaselineDraftController, createBaselineDraft } from "./draft.ts";
import { AddSectionForm, ConflictNotice, DraftStatus, PublishPanel, TitleFields } from "./DraftPanels.tsx";
import { Preview } from "./Preview.tsx";
import { SectionEditor } from "./SectionEditor.tsx";
import { SectionList } from "./SectionList.tsx";
import "./baseline.css";

export default function BaselineEditorPage() {
  return (
    <LeadOnly what="de basisverklaring bewerken en publiceren" whatEn="edit and publish the baseline">
      <EditorLoader />
    </LeadOnly>
  );
}

function EditorLoader() {
  const ctx = useGroup();
  const draft = createAsync(() => getBaselineDraft(ctx.group));
  return (
    <section aria-labelledby="editor-title" class="baseline-editor">
      <h1 id="editor-title" tabindex="-1">
        {t("Basisverklaring van ", "Baseline of ")}
        {ctx.role.groupName}
      </h1>
      <p class="lead">
        {t(
          "De tekst die elk bedrijf in de groep overneemt. Per sectie kies je wat bedrijven ermee mogen.",
          "The text every company in the group takes over. Per section you choose what companies may do with it.",
        )}
      </p>
      {/* Built once from the draft as loaded: the editor keeps its own state while the draft query
          refreshes after a save. */}
      <Show when={draft()}>{(loaded) => <Editor group={ctx.group} initial={untrack(loaded)} />}</Show>
    </section>
  );
}

function Editor(props: { group: string; initial: BaselineDraft }) {
  const draft = createBaselineDraft(props.group, props.initial);
  useLeaveGuard(draft);

  return (
    <>
      <DraftStatus draft={draft} group={props.group} />
      <ConflictNotice draft={draft} />

      <div role="alert" class="notice error" classList={{ empty: !draft.alert() }}>
        {draft.alert()}
      </div>
      <p role="status" class="notice info" classList={{ empty: !draft.status() }}>
        {draft.status()}
      </p>

      <div class="editor-columns">
        <div class="editor-main">
          <TitleFields draft={draft} />

          <h2 id="sections-title" tabindex="-1">
            {t("Secties", "Sections")}
          </h2>
          <Show when={draft.errors().sections}>
            <p class="field-error">{draft.errors().sections}</p>
          </Show>
          <SectionList
            sections={draft.state.sections}
            selected={draft.selected()}
            invalid={draft.invalidSections()}
            onSelect={(uid) => {
              draft.select(uid);
              queueMicrotask(() => document.getElementById(`sec-${uid}-heading`)?.focus());
            }}
            onMove={draft.moveSection}
          />

          <AddSectionForm draft={draft} />

          <Show when={draft.selectedSection()} keyed>
            {(section) => (
              <SectionEditor
                section={section}
                errors={draft.errors()}
                isNew={draft.isNew(section.uid)}
                takenKeys={() => draft.state.sections.filter((s) => s.uid !== section.uid).map((s) => s.key)}
                change={draft.changeSection(section.uid)}
                onRemove={() => {
                  draft.removeSection(section.uid);
                  document.getElementById("sections-title")?.focus();
                }}
              />
            )}
          </Show>

          <div class="save-bar">
            <button
              type="button"
              class="primary"
              onClick={() => void draft.save()}
              aria-disabled={draft.busy() !== null}
            >
              {draft.busy() === "save"
                ? t("Bezig met opslaan…", "Saving…")
                : t("Concept opslaan", "Save draft")}
            </button>
            <span class="hint">
              {t(
                "Opslaan bewaart het concept; bedrijven zien het pas na publiceren.",
                "Saving keeps the draft; companies see it only after you publish.",
              )}
            </span>
          </div>
        </div>

        <aside class="editor-side" aria-label={t("Voorbeeld", "Preview")}>
          <Preview
            group={props.group}
            baseline={draft.current}
            following={() => draft.selectedSection()?.key ?? null}
          />
        </aside>
      </div>

      <PublishPanel draft={draft} group={props.group} />
    </>
  );
}

/** Leaving with unsaved changes asks first: within the console (router) and closing or reloading the tab. */
function useLeaveGuard(draft: BaselineDraftController): void {
  useBeforeLeave((event) => {
    if (!draft.dirty() || event.defaultPrevented) return;
    event.preventDefault();
    setTimeout(() => {
      const leave = window.confirm(
        t(
          "Je hebt wijzigingen in de basisverklaring die nog niet zijn opgeslagen. Toch weggaan?",
          "You have changes to the baseline that are not saved. Leave anyway?",
        ),
      );
      if (leave) event.retry(true);
    }, 50);
  });
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!draft.dirty()) return;
    event.preventDefault();
    event.returnValue = "";
  };
  window.addEventListener("beforeunload", onBeforeUnload);
  onCleanup(() => window.removeEventListener("beforeunload", onBeforeUnload));
}
