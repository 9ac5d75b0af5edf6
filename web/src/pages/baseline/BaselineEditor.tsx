// The privacy lead's baseline editor: the draft with its sections (ordered, each with a policy,
// a list and text per language), a live preview for a chosen company, saving with the draft's
// revision (and a way through when someone else saved first), and publishing with a change note.
import { createMemo, createResource, createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { A, useBeforeLeave, useParams } from "@solidjs/router";
import * as v from "valibot";
import { BaselineDraftBodySchema } from "#shared/api-schemas.ts";
import { SectionKeySchema, type Baseline } from "#shared/model.ts";
import { api, ApiError, readJson, toApiError } from "../../api.ts";
import { GroupNav, type GroupRole } from "../../components/GroupNav.tsx";
import { language, t } from "../../i18n.ts";
import { LeadOnly } from "./access.tsx";
import {
  describeDifferences,
  type EditableBaseline,
  type EditableSection,
  issueTarget,
  newUid,
  sameBaseline,
  sectionName,
  toBaseline,
  toEditable,
} from "./editing.ts";
import { Preview } from "./Preview.tsx";
import { SectionEditor } from "./SectionEditor.tsx";
import { SectionList } from "./SectionList.tsx";
import { describeIssue } from "./texts.ts";
import "./baseline.css";

interface Draft {
  revision: number;
  baseline: Baseline;
  updatedAt: string;
}

interface Conflict {
  current: Draft;
  mine: Baseline;
}

interface Published {
  version: { number: number; publishedAt: string; changeNote: string };
  outdated: { tenant: string; clean: boolean }[];
}

const formatMoment = (iso: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language() === "en" ? "en-GB" : "nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
};

async function fetchDraft(group: string): Promise<Draft> {
  const response = await api.api.groups[":group"].baseline.draft.$get({ param: { group } });
  const draft = (await readJson(response)) as Draft;
  // The ETag is the revision; the body says the same, the header is what the protocol promises.
  const etag = /^(?:W\/)?"?(\d+)"?$/.exec(response.headers.get("ETag") ?? "");
  return etag ? { ...draft, revision: Number(etag[1]) } : draft;
}

async function fetchPublished(group: string) {
  const [latest, versions] = await Promise.all([
    api.api.groups[":group"].baseline.$get({ param: { group } }),
    api.api.groups[":group"].baseline.versions.$get({ param: { group } }),
  ]);
  return {
    latest: (latest.status as number) === 404 ? null : await readJson(latest),
    versions: (await readJson(versions)).versions,
  };
}

async function fetchCompanies(group: string) {
  const response = await api.api.groups[":group"].tenants.$get({ param: { group } });
  return (await readJson(response)).tenants.map((c) => ({ slug: c.slug, name: c.name }));
}

export default function BaselineEditorPage() {
  const params = useParams<{ group: string }>();
  return (
    <>
      <GroupNav group={params.group} />
      <LeadOnly
        group={params.group}
        what="de basisverklaring bewerken en publiceren"
        whatEn="edit and publish the baseline"
      >
        {(role) => <Editor group={params.group} role={role} />}
      </LeadOnly>
    </>
  );
}

function Editor(props: { group: string; role: GroupRole }) {
  const [state, setState] = createStore<EditableBaseline>({ title: { nl: "", en: "" }, sections: [] });
  const [saved, setSaved] = createSignal<Draft | null>(null);
  const [loadError, setLoadError] = createSignal("");
  const [selected, setSelected] = createSignal<string | null>(null);
  const [newSections, setNewSections] = createSignal<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [alert, setAlert] = createSignal("");
  const [status, setStatus] = createSignal("");
  const [busy, setBusy] = createSignal<"save" | "publish" | null>(null);
  const [conflict, setConflict] = createSignal<Conflict | null>(null);
  const [changeNote, setChangeNote] = createSignal("");
  const [published, setPublished] = createSignal<Published | null>(null);
  const [newKey, setNewKey] = createSignal("");
  const [newTitle, setNewTitle] = createSignal("");
  const [addErrors, setAddErrors] = createSignal<{ key?: string; title?: string }>({});

  const [publishedBaseline, { refetch: refetchPublished }] = createResource(
    () => props.group,
    fetchPublished,
  );
  const [companies] = createResource(() => props.group, fetchCompanies);

  const current = createMemo(() => toBaseline(state));
  const dirty = createMemo(() => {
    const draft = saved();
    return draft !== null && !sameBaseline(current(), draft.baseline);
  });
  const publishedNow = () =>
    publishedBaseline.state === "ready" || publishedBaseline.state === "refreshing"
      ? publishedBaseline.latest
      : undefined;
  const differsFromPublished = () => {
    const p = publishedNow();
    const draft = saved();
    if (!p || !draft) return null;
    return p.latest === null || !sameBaseline(draft.baseline, p.latest.baseline);
  };

  const load = (draft: Draft) => {
    const selectedKey = state.sections.find((s) => s.uid === selected())?.key;
    setSaved(draft);
    setState(reconcile(toEditable(draft.baseline), { key: "uid" }));
    setNewSections(new Set<string>());
    setErrors({});
    const again = state.sections.find((s) => s.key === selectedKey) ?? state.sections[0];
    setSelected(again?.uid ?? null);
  };

  onMount(() => {
    fetchDraft(props.group).then(load, (error: unknown) =>
      setLoadError(error instanceof Error ? error.message : String(error)),
    );
  });

  // Leaving with unsaved changes: within the console (router) and closing or reloading the tab.
  useBeforeLeave((event) => {
    if (!dirty() || event.defaultPrevented) return;
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
    if (!dirty()) return;
    event.preventDefault();
    event.returnValue = "";
  };
  window.addEventListener("beforeunload", onBeforeUnload);
  onCleanup(() => window.removeEventListener("beforeunload", onBeforeUnload));

  const invalidSections = createMemo(() => {
    const set = new Set<string>();
    for (const key of Object.keys(errors())) {
      const match = /^section\.([^.]+)/.exec(key);
      if (match?.[1]) set.add(match[1]);
    }
    return set;
  });

  const clearError = (key: string) => {
    if (errors()[key] === undefined && errors().sections === undefined) return;
    const { [key]: _removed, sections: _unique, ...rest } = errors();
    setErrors(rest);
  };

  const changeSection = (uid: string) => (mutate: (s: EditableSection) => void, field: string) => {
    setState(
      "sections",
      (s) => s.uid === uid,
      produce((s) => mutate(s)),
    );
    clearError(`section.${uid}.${field}`);
    setPublished(null);
  };

  const moveSection = (uid: string, to: number) => {
    setState(
      "sections",
      produce((sections) => {
        const from = sections.findIndex((s) => s.uid === uid);
        if (from < 0 || to < 0 || to >= sections.length) return;
        const [moved] = sections.splice(from, 1);
        if (moved) sections.splice(to, 0, moved);
      }),
    );
    setPublished(null);
  };

  const removeSection = (uid: string) => {
    const index = state.sections.findIndex((s) => s.uid === uid);
    const name = state.sections[index] ? sectionName(state.sections[index]) : "";
    setState("sections", (sections) => sections.filter((s) => s.uid !== uid));
    const next = state.sections[Math.min(index, state.sections.length - 1)];
    setSelected(next?.uid ?? null);
    setStatus(
      t(
        `Sectie ${name} is verwijderd. Sla op om dit te bewaren.`,
        `Section ${name} was removed. Save to keep this.`,
      ),
    );
    document.getElementById("sections-title")?.focus();
  };

  const addSection = (event: SubmitEvent) => {
    event.preventDefault();
    const key = newKey().trim();
    const title = newTitle().trim();
    const found: { key?: string; title?: string } = {};
    const parsed = v.safeParse(SectionKeySchema, key);
    if (!parsed.success) found.key = describeIssue(parsed.issues[0]?.message ?? "", language());
    else if (state.sections.some((s) => s.key === key))
      found.key = t("Er is al een sectie met deze sleutel.", "There already is a section with this key.");
    if (title === "")
      found.title = t("Geef de sectie een Nederlandse titel.", "Give the section a Dutch title.");
    setAddErrors(found);
    if (found.key || found.title) {
      document.getElementById(found.key ? "new-section-key" : "new-section-title")?.focus();
      return;
    }
    const uid = newUid();
    setState("sections", (sections) => [
      ...sections,
      { uid, key, title: { nl: title, en: "" }, body: { nl: "", en: "" }, policy: "locked" as const },
    ]);
    setNewSections((set) => new Set([...set, uid]));
    setNewKey("");
    setNewTitle("");
    setSelected(uid);
    setStatus(
      t(
        `Sectie ${title} is toegevoegd op plaats ${state.sections.length}.`,
        `Section ${title} was added at position ${state.sections.length}.`,
      ),
    );
    setPublished(null);
    queueMicrotask(() => document.getElementById(`sec-${uid}-heading`)?.focus());
  };

  /** Messages keyed as the page shows them, from issues with API or schema paths. */
  const showIssues = (issues: readonly { field: string; message: string }[], uids: readonly string[]) => {
    const found: Record<string, string> = {};
    for (const issue of issues) {
      const target = issueTarget(issue.field, uids);
      found[target] ??= describeIssue(issue.message, language());
    }
    setErrors(found);
    const firstSection = Object.keys(found)
      .map((k) => /^section\.([^.]+)\.?(.*)$/.exec(k))
      .find((m) => m !== null);
    if (firstSection?.[1]) {
      setSelected(firstSection[1]);
      const field = (firstSection[2] || "key").replace(/\./g, "-");
      queueMicrotask(() =>
        (
          document.getElementById(`sec-${firstSection[1]}-${field}`) ??
          document.getElementById(`sec-${firstSection[1]}-heading`)
        )?.focus(),
      );
    } else if (found["title.nl"] || found["title.en"]) {
      document.getElementById(found["title.nl"] ? "statement-title-nl" : "statement-title-en")?.focus();
    }
  };

  const save = async (revision?: number) => {
    if (busy()) return;
    const draft = saved();
    if (!draft) return;
    setAlert("");
    setStatus("");
    const baseline = current();
    const uids = state.sections.map((s) => s.uid);
    const parsed = v.safeParse(BaselineDraftBodySchema, { baseline });
    if (!parsed.success) {
      showIssues(
        parsed.issues.map((issue) => ({ field: v.getDotPath(issue) ?? "baseline", message: issue.message })),
        uids,
      );
      setAlert(
        t(
          "Niet alle velden zijn goed ingevuld. Kijk de gemarkeerde velden na.",
          "Not every field is filled in correctly. Check the marked fields.",
        ),
      );
      return;
    }
    setBusy("save");
    try {
      const response = await api.api.groups[":group"].baseline.draft.$put(
        { param: { group: props.group }, json: { baseline } },
        { headers: { "If-Match": `"${revision ?? draft.revision}"` } },
      );
      if ((response.status as number) === 409) {
        const body409 = (await response
          .clone()
          .json()
          .catch(() => null)) as {
          error?: { code?: string };
          current?: Draft;
        } | null;
        if (body409?.error?.code === "stale_revision" && body409.current) {
          setConflict({ current: body409.current, mine: baseline });
          queueMicrotask(() => document.getElementById("conflict-title")?.focus());
          return;
        }
      }
      if (!response.ok) throw await toApiError(response);
      const result = await response.json();
      setSaved(result);
      setConflict(null);
      setErrors({});
      setStatus(
        t(
          `Opgeslagen om ${formatMoment(result.updatedAt)} (revisie ${result.revision}). Nog niet gepubliceerd.`,
          `Saved at ${formatMoment(result.updatedAt)} (revision ${result.revision}). Not published yet.`,
        ),
      );
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.code === "invalid_request") {
          const issues = Object.entries(error.fields).map(([field, message]) => ({
            field,
            message: message ?? "",
          }));
          showIssues(issues, uids);
        }
        setAlert(error.message);
      } else {
        setAlert(
          t(
            "Opslaan is niet gelukt. Controleer je internetverbinding en probeer het opnieuw.",
            "Saving failed. Check your internet connection and try again.",
          ),
        );
      }
    } finally {
      setBusy(null);
    }
  };

  const takeTheirs = () => {
    const c = conflict();
    if (!c) return;
    load(c.current);
    setConflict(null);
    setStatus(
      t(
        `Je werkt nu verder op de opgeslagen versie (revisie ${c.current.revision}). Jouw eigen wijzigingen zijn vervallen.`,
        `You are now working on the saved version (revision ${c.current.revision}). Your own changes were dropped.`,
      ),
    );
    document.getElementById("editor-title")?.focus();
  };

  const applyMineOnTop = async () => {
    const c = conflict();
    if (!c) return;
    // The newer revision becomes the one we edited; our own text (still in the editor) goes over it.
    setSaved(c.current);
    await save(c.current.revision);
  };

  const publish = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert("");
    setStatus("");
    setPublished(null);
    if (dirty()) {
      setAlert(
        t(
          "Sla je wijzigingen eerst op: publiceren gebruikt het opgeslagen concept.",
          "Save your changes first: publishing uses the saved draft.",
        ),
      );
      return;
    }
    if (changeNote().trim() === "") {
      setErrors({
        ...errors(),
        changeNote: t("Schrijf kort wat er verandert en waarom.", "Say briefly what changes and why."),
      });
      document.getElementById("change-note")?.focus();
      return;
    }
    setBusy("publish");
    try {
      const response = await api.api.groups[":group"].baseline.publish.$post({
        param: { group: props.group },
        json: { changeNote: changeNote().trim() },
      });
      if (!response.ok) throw await toApiError(response);
      const result = await response.json();
      if (result.kind === "requested") {
        setAlert(
          t(
            "Ter goedkeuring ingediend: een andere privacyfunctionaris moet deze publicatie goedkeuren.",
            "Submitted for approval: another privacy lead must approve this publication.",
          ),
        );
        return;
      }
      setPublished(result);
      setChangeNote("");
      void refetchPublished();
      queueMicrotask(() => document.getElementById("published-title")?.focus());
    } catch (error) {
      if (error instanceof ApiError && error.code === "nothing_changed") {
        setAlert(
          t(
            "Het concept is gelijk aan de gepubliceerde basisverklaring: er is niets te publiceren.",
            "The draft is the same as the published baseline: there is nothing to publish.",
          ),
        );
      } else if (error instanceof ApiError) {
        if (error.fields.changeNote)
          setErrors({ ...errors(), changeNote: describeIssue(error.fields.changeNote, language()) });
        setAlert(error.message);
      } else {
        setAlert(t("Publiceren is niet gelukt. Probeer het opnieuw.", "Publishing failed. Try again."));
      }
    } finally {
      setBusy(null);
    }
  };

  const selectedSection = () => state.sections.find((s) => s.uid === selected());
  const titleField = (lang: "nl" | "en") => ({
    id: `statement-title-${lang}`,
    error: () => errors()[`title.${lang}`],
  });

  return (
    <section aria-labelledby="editor-title" class="baseline-editor">
      <h1 id="editor-title" tabindex="-1">
        {t("Basisverklaring van ", "Baseline of ")}
        {props.role.groupName}
      </h1>
      <p class="lead">
        {t(
          "De tekst die elk bedrijf in de groep overneemt. Per sectie kies je wat bedrijven ermee mogen.",
          "The text every company in the group takes over. Per section you choose what companies may do with it.",
        )}
      </p>

      <Show when={loadError()}>
        <p role="alert" class="notice error">
          {t("De basisverklaring kon niet worden geladen: ", "The baseline could not be loaded: ")}
          {loadError()}
        </p>
      </Show>
      <Show when={!saved() && !loadError()}>
        <p class="loading">{t("Concept laden…", "Loading draft…")}</p>
      </Show>

      <Show when={saved()}>
        {(draft) => (
          <>
            <div class="draft-state" role="status">
              <Show when={dirty()} fallback={t("Alles is opgeslagen. ", "Everything is saved. ")}>
                <strong>{t("Niet-opgeslagen wijzigingen. ", "Unsaved changes. ")}</strong>
              </Show>
              {t(`Concept: revisie ${draft().revision}`, `Draft: revision ${draft().revision}`)}
              <Show when={publishedNow()?.latest}>
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

            <Show when={conflict()}>
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
                    <button type="button" class="secondary" onClick={takeTheirs}>
                      {t("Hun versie overnemen", "Take their version")}
                    </button>
                    <button
                      type="button"
                      class="primary"
                      onClick={applyMineOnTop}
                      aria-disabled={busy() !== null}
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

            <div role="alert" class="notice error" classList={{ empty: !alert() }}>
              {alert()}
            </div>
            <p role="status" class="notice info" classList={{ empty: !status() }}>
              {status()}
            </p>

            <div class="editor-columns">
              <div class="editor-main">
                <fieldset class="statement-title">
                  <legend>{t("Titel van de verklaring", "Title of the statement")}</legend>
                  <For each={["nl", "en"] as const}>
                    {(lang) => {
                      const field = titleField(lang);
                      return (
                        <div class="field" classList={{ invalid: !!field.error() }}>
                          <label for={field.id}>
                            {lang === "nl"
                              ? t("Nederlands", "Dutch")
                              : t("Engels — niet verplicht", "English — optional")}
                          </label>
                          <input
                            id={field.id}
                            lang={lang}
                            value={state.title[lang] ?? ""}
                            onInput={(e) => {
                              setState("title", lang, e.currentTarget.value);
                              clearError(`title.${lang}`);
                            }}
                            aria-invalid={field.error() ? "true" : undefined}
                            aria-describedby={field.error() ? `${field.id}-error` : undefined}
                          />
                          <Show when={field.error()}>
                            <p id={`${field.id}-error`} class="field-error">
                              {field.error()}
                            </p>
                          </Show>
                        </div>
                      );
                    }}
                  </For>
                </fieldset>

                <h2 id="sections-title" tabindex="-1">
                  {t("Secties", "Sections")}
                </h2>
                <Show when={errors().sections}>
                  <p class="field-error">{errors().sections}</p>
                </Show>
                <SectionList
                  sections={state.sections}
                  selected={selected()}
                  invalid={invalidSections()}
                  onSelect={(uid) => {
                    setSelected(uid);
                    queueMicrotask(() => document.getElementById(`sec-${uid}-heading`)?.focus());
                  }}
                  onMove={moveSection}
                />

                <form
                  class="add-section"
                  novalidate
                  onSubmit={addSection}
                  aria-labelledby="add-section-title"
                >
                  <h3 id="add-section-title">{t("Sectie toevoegen", "Add a section")}</h3>
                  <div class="field" classList={{ invalid: !!addErrors().key }}>
                    <label for="new-section-key">
                      {t("Sleutel van de nieuwe sectie", "Key of the new section")}
                    </label>
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
                        addErrors().key
                          ? "new-section-key-hint new-section-key-error"
                          : "new-section-key-hint"
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

                <Show when={selectedSection()} keyed>
                  {(section) => (
                    <SectionEditor
                      section={section}
                      errors={errors()}
                      isNew={newSections().has(section.uid)}
                      takenKeys={() => state.sections.filter((s) => s.uid !== section.uid).map((s) => s.key)}
                      change={changeSection(section.uid)}
                      onRemove={() => removeSection(section.uid)}
                    />
                  )}
                </Show>

                <div class="save-bar">
                  <button
                    type="button"
                    class="primary"
                    onClick={() => void save()}
                    aria-disabled={busy() !== null}
                  >
                    {busy() === "save"
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
                <Show
                  when={companies.state === "ready" ? companies() : undefined}
                  fallback={
                    <p class="loading">
                      {companies.error
                        ? t("De bedrijven konden niet worden geladen.", "The companies could not be loaded.")
                        : t("Bedrijven laden…", "Loading companies…")}
                    </p>
                  }
                >
                  {(list) => (
                    <Preview
                      group={props.group}
                      groupName={props.role.groupName}
                      companies={list()}
                      baseline={current}
                    />
                  )}
                </Show>
              </aside>
            </div>

            <section class="publish" aria-labelledby="publish-title">
              <h2 id="publish-title">{t("Publiceren", "Publish")}</h2>
              <p>
                {t(
                  "Publiceren maakt het opgeslagen concept de nieuwe versie van de basisverklaring. De bedrijven houden hun gepubliceerde verklaring tot ze die opnieuw publiceren; tot dan staan ze als verouderd in het overzicht.",
                  "Publishing makes the saved draft the new version of the baseline. Companies keep their published statement until they publish again; until then the overview lists them as outdated.",
                )}
              </p>
              <form class="form" novalidate onSubmit={publish}>
                <div class="field" classList={{ invalid: !!errors().changeNote }}>
                  <label for="change-note">
                    {t("Wat verandert er, en waarom?", "What changes, and why?")}
                  </label>
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
                      clearError("changeNote");
                    }}
                    aria-invalid={errors().changeNote ? "true" : undefined}
                    aria-describedby={
                      errors().changeNote ? "change-note-hint change-note-error" : "change-note-hint"
                    }
                  />
                  <Show when={errors().changeNote}>
                    <p id="change-note-error" class="field-error">
                      {errors().changeNote}
                    </p>
                  </Show>
                </div>
                <button type="submit" class="primary" aria-disabled={busy() !== null}>
                  {busy() === "publish"
                    ? t("Bezig met publiceren…", "Publishing…")
                    : t("Basisverklaring publiceren", "Publish baseline")}
                </button>
              </form>
              <Show when={published()}>
                {(p) => (
                  <div class="notice info published">
                    <h3 id="published-title" tabindex="-1">
                      {t(
                        `Versie ${p().version.number} is gepubliceerd`,
                        `Version ${p().version.number} is published`,
                      )}
                    </h3>
                    <p>
                      {p().outdated.length === 1
                        ? t(
                            "1 bedrijf heeft nu een verouderde verklaring en moet opnieuw publiceren",
                            "1 company now has an outdated statement and needs to publish again",
                          )
                        : t(
                            `${p().outdated.length} bedrijven hebben nu een verouderde verklaring en moeten opnieuw publiceren`,
                            `${p().outdated.length} companies now have an outdated statement and need to publish again`,
                          )}
                      <Show when={p().outdated.some((o) => !o.clean)}>
                        {t(
                          `; bij ${p().outdated.filter((o) => !o.clean).length} daarvan past een eigen aanpassing niet meer bij het nieuwe beleid`,
                          `; for ${p().outdated.filter((o) => !o.clean).length} of them an own change no longer fits the new policy`,
                        )}
                      </Show>
                      .
                    </p>
                    <p>
                      <A href={`/console/${props.group}`}>
                        {t("Naar het overzicht van de bedrijven", "To the overview of the companies")}
                      </A>
                    </p>
                  </div>
                )}
              </Show>

              <Show when={publishedNow()?.versions.length}>
                <details class="versions">
                  <summary>{t("Gepubliceerde versies", "Published versions")}</summary>
                  <ul>
                    <For each={publishedNow()?.versions ?? []}>
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
          </>
        )}
      </Show>
    </section>
  );
}
