// A company's draft: its details, lists, section texts and own sections, with a live preview
// rendered by the shared engine. Saves carry the revision; a conflicting save opens a merge.
// When a newer baseline waits for the company's published statement, a notice on top says so.
import { createDeferred, createMemo, createSignal, ErrorBoundary, onCleanup, onMount, Show } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import {
  A,
  createAsync,
  revalidate,
  useAction,
  useBeforeLeave,
  useParams,
  useSubmission,
} from "@solidjs/router";
import * as v from "valibot";
import { type Group, type TenantContent, TenantContentSchema } from "#shared/model.ts";
import { asApiError } from "../../api.ts";
import { LoadBoundary, useSessionExpired } from "../../components/PageStates.tsx";
import { t } from "../../i18n.ts";
import { ConflictView } from "./ConflictView.tsx";
import { cloneContent, type FieldMessages, scopeOf, stableJson, validateContent } from "./content.ts";
import { BaselineNotice, BaselineCheckFailed } from "./BaselineNotice.tsx";
import {
  getBaseline,
  getGroup,
  getProcessors,
  type Processor,
  type PublishedBaseline,
} from "../group/group-data.ts";
import { type CurrentDraft, type Draft, getDraft, getRollout, saveDraft } from "./data.ts";
import { EditorContext, type EditorApi } from "./fields.tsx";
import { describeError, describeIssue, formatDateTime } from "./labels.ts";
import { Preview, sectionTitleLookup, focusField, type SideTab } from "./Preview.tsx";
import { ProfileForm } from "./ProfileForm.tsx";
import { ListEditors } from "./ListEditors.tsx";
import { OverrideEditors, OwnSections } from "./SectionEditors.tsx";
import "./company.css";

export default function CompanyEditorPage() {
  const params = useParams<{ group: string; tenant: string }>();
  return (
    <div class="company-page company-editor-page">
      {/* Keyed on the company: another company is a fresh editor. Not keyed on the data, which
          refreshes after every save while the editor keeps its own state. */}
      <Show when={`${params.group}/${params.tenant}`} keyed>
        <LoadBoundary describe={describeError} loading={t("Concept laden…", "Loading draft…")}>
          <EditorLoader group={params.group} tenant={params.tenant} />
        </LoadBoundary>
      </Show>
    </div>
  );
}

function EditorLoader(props: { group: string; tenant: string }) {
  const draft = createAsync(() => getDraft(props.group, props.tenant));
  const baseline = createAsync(() => getBaseline(props.group));
  const processors = createAsync(() => getProcessors(props.group));
  const group = createAsync(() => getGroup(props.group));
  const ready = () => {
    const [d, b, p, g] = [draft(), baseline(), processors(), group()];
    return d && b && p && g ? { draft: d, baseline: b, processors: p.processors, group: g } : null;
  };
  return (
    <Show when={ready()}>
      {(data) => (
        <Editor
          group={props.group}
          draft={data().draft}
          baseline={data().baseline}
          processors={data().processors}
          groupInfo={data().group}
        />
      )}
    </Show>
  );
}

/** Unsaved content kept in this tab while its owner signs in again. */
function unsavedStash(group: string, tenant: string) {
  const key = `verklaring.unsaved.${group}/${tenant}`;
  return {
    save(value: { revision: number; content: TenantContent }) {
      try {
        sessionStorage.setItem(key, JSON.stringify(value));
      } catch {
        // Storage full or blocked: the sign-in still works, only the edits are lost.
      }
    },
    take(): { revision: number; content: TenantContent } | null {
      try {
        const raw = sessionStorage.getItem(key);
        sessionStorage.removeItem(key);
        return raw ? (JSON.parse(raw) as { revision: number; content: TenantContent }) : null;
      } catch {
        return null;
      }
    },
  };
}

interface Conflict {
  base: TenantContent;
  mine: TenantContent;
  current: CurrentDraft;
}

function Editor(props: {
  group: string;
  draft: Draft;
  baseline: PublishedBaseline;
  processors: Processor[];
  groupInfo: Group;
}) {
  const tenant = props.draft.tenant;
  const baseline = props.baseline.baseline;
  const expired = useSessionExpired();
  const stash = unsavedStash(props.group, tenant.slug);
  const [content, setContent] = createStore<TenantContent>(cloneContent(props.draft.content));
  const [revision, setRevision] = createSignal(props.draft.revision);
  const [saved, setSaved] = createSignal({
    content: cloneContent(props.draft.content),
    json: stableJson(props.draft.content),
    updatedAt: props.draft.updatedAt,
  });
  const [touched, setTouched] = createSignal<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = createSignal(false);
  const [serverErrors, setServerErrors] = createSignal<FieldMessages>({});
  const [alert, setAlert] = createSignal("");
  const [status, setStatus] = createSignal("");
  const [announcement, setAnnouncement] = createSignal("");
  const [conflict, setConflict] = createSignal<Conflict | null>(null);
  const saving = useSubmission(saveDraft, ([group, slug]) => group === props.group && slug === tenant.slug);
  const sendDraft = useAction(saveDraft);
  const busy = () => saving.pending === true;

  // One JSON read of the store tracks every field, so these follow each keystroke.
  const json = createMemo(() => stableJson(content));
  const plain = createMemo(() => JSON.parse(json()) as TenantContent);
  const dirty = () => json() !== saved().json;
  const viewer = props.draft.role === "tenant_viewer";
  const readOnly = () => viewer || conflict() !== null;
  const title = createMemo(() => sectionTitleLookup(baseline, plain()));
  const clientErrors = createMemo(() => validateContent(plain(), baseline, title()));
  // Rendering runs when the browser is idle (or after 250 ms), so typing never waits for it.
  const previewContent = createDeferred(plain, { timeoutMs: 250 });

  const visible = (path: string) => showAll() || touched().has(scopeOf(path));
  const editor: EditorApi = {
    content,
    baseline,
    processors: props.processors,
    languages: props.groupInfo.languages,
    readOnly,
    announce: (message) => {
      setAnnouncement("");
      requestAnimationFrame(() => setAnnouncement(message));
    },
    edit: (path, change) => {
      if (readOnly()) return;
      setContent(produce(change));
      const scope = scopeOf(path);
      if (!touched().has(scope)) setTouched(new Set([...touched(), scope]));
      const server = serverErrors();
      if (Object.keys(server).some((key) => scopeOf(key) === scope)) {
        setServerErrors(Object.fromEntries(Object.entries(server).filter(([key]) => scopeOf(key) !== scope)));
      }
      setStatus("");
    },
    error: (path) => serverErrors()[path] ?? (visible(path) ? clientErrors()[path] : undefined),
    hasErrorsWithin: (prefix) =>
      Object.keys(serverErrors()).some((path) => path.startsWith(prefix)) ||
      Object.keys(clientErrors()).some((path) => path.startsWith(prefix) && visible(path)),
  };

  // The side column's tab, and the statement section that belongs to the field being edited.
  const [tab, setTab] = createSignal<SideTab>("preview");
  const [following, setFollowing] = createSignal<string | null>(null);
  /** The statement section a form field feeds: its own section, the section that shows its list, … */
  const sectionOfField = (target: EventTarget | null): string | null => {
    if (!(target instanceof Element)) return null;
    const override = target.closest<HTMLElement>("details.override");
    if (override) return override.id.replace(/^section-/, "");
    const own = target.closest<HTMLElement>(".own-row");
    if (own) return plain().ownSections[Number(own.id.replace(/^own-/, ""))]?.key ?? null;
    const list = target.closest<HTMLElement>(".list-editor");
    if (list) return baseline.sections.find((s) => list.id === `list-${s.list}`)?.key ?? null;
    // The company's details: the section that introduces the company by them.
    if (target.closest("#profile"))
      return baseline.sections.find((s) => /\{\{\s*company\./.test(s.body.nl))?.key ?? null;
    return null;
  };

  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(".editor-form [aria-invalid='true']")?.focus(),
    );

  const accept = (next: { revision: number; content: TenantContent; updatedAt: string }) => {
    setContent(reconcile(cloneContent(next.content)));
    setRevision(next.revision);
    setSaved({
      content: cloneContent(next.content),
      json: stableJson(next.content),
      updatedAt: next.updatedAt,
    });
    setServerErrors({});
    setShowAll(false);
    setTouched(new Set<string>());
  };

  const put = async (body: TenantContent, onRevision: number): Promise<"saved" | "conflict" | "failed"> => {
    setAlert("");
    try {
      const outcome = await sendDraft(props.group, tenant.slug, body, onRevision);
      if (outcome.kind === "saved") {
        accept(outcome.draft);
        return "saved";
      }
      setConflict({
        base: conflict()?.current.content ?? saved().content,
        mine: body,
        current: outcome.current,
      });
      return "conflict";
    } catch (caught) {
      const error = asApiError(caught);
      if (error.status === 401) {
        // Keep the work through the sign-in: it comes back when this page opens again.
        stash.save({ revision: onRevision, content: body });
        leaving = true;
        expired();
        return "failed";
      }
      setServerErrors(
        Object.fromEntries(
          Object.entries(error.fields).map(([field, message]) => [
            field.replace(/^content\./, ""),
            describeIssue(message ?? ""),
          ]),
        ),
      );
      setShowAll(true);
      setAlert(describeError(error));
      if (Object.keys(error.fields).length > 0) focusFirstInvalid();
      return "failed";
    }
  };

  const save = async (event?: SubmitEvent) => {
    event?.preventDefault();
    if (busy() || readOnly()) return;
    if (!dirty()) {
      setStatus(
        t("Er is niets gewijzigd sinds de laatste keer opslaan.", "Nothing changed since the last save."),
      );
      return;
    }
    const parsed = v.safeParse(TenantContentSchema, plain());
    if (!parsed.success || Object.keys(clientErrors()).length > 0) {
      setShowAll(true);
      setAlert(
        t(
          "Niet alle velden zijn goed ingevuld. Kijk de gemarkeerde velden na.",
          "Not every field is filled in correctly. Check the marked fields.",
        ),
      );
      focusFirstInvalid();
      return;
    }
    const outcome = await put(parsed.output, revision());
    if (outcome === "saved")
      setStatus(t(`Opgeslagen als revisie ${revision()}.`, `Saved as revision ${revision()}.`));
  };

  const saveMerge = async (merged: TenantContent) => {
    const current = conflict();
    if (!current) return;
    const outcome = await put(merged, current.current.revision);
    if (outcome === "saved") {
      setConflict(null);
      setStatus(
        t(
          `Samengevoegd en opgeslagen als revisie ${revision()}.`,
          `Merged and saved as revision ${revision()}.`,
        ),
      );
      requestAnimationFrame(() => document.getElementById("save-status")?.focus());
    }
  };

  // Leaving with unsaved changes: inside the console (router) and out of it (reload, close, other site).
  let leaving = false;
  useBeforeLeave((event) => {
    if (leaving || !dirty() || event.defaultPrevented) return;
    // The page's own anchors (#profile, #preview) do not leave it.
    if (typeof event.to === "string" && new URL(event.to, location.origin).pathname === event.from.pathname)
      return;
    event.preventDefault();
    setTimeout(() => {
      if (
        window.confirm(
          t(
            "Je hebt wijzigingen die nog niet zijn opgeslagen. Toch weggaan?",
            "You have unsaved changes. Leave anyway?",
          ),
        )
      ) {
        event.retry(true);
      }
    }, 0);
  });
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!dirty()) return;
    event.preventDefault();
    event.returnValue = "";
  };
  onMount(() => {
    window.addEventListener("beforeunload", onBeforeUnload);
    const stashed = stash.take();
    if (stashed && stashed.revision === revision()) {
      setContent(reconcile(cloneContent(stashed.content)));
      setStatus(
        t(
          "Je wijzigingen van voor het opnieuw inloggen staan er weer; sla ze op.",
          "Your changes from before signing in again are back; save them.",
        ),
      );
    } else if (stashed) {
      setAlert(
        t(
          "Je niet-opgeslagen wijzigingen van voor het inloggen zijn niet teruggezet: iemand heeft het concept intussen opgeslagen.",
          "Your unsaved changes from before signing in were not restored: someone saved the draft in the meantime.",
        ),
      );
    }
    // Links from the publish page point at a field: "#f-profile-phone".
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash.startsWith("f-")) requestAnimationFrame(() => focusField(hash.slice(2).replaceAll("-", ".")));
  });
  onCleanup(() => window.removeEventListener("beforeunload", onBeforeUnload));

  return (
    <EditorContext.Provider value={editor}>
      <div class="company-editor">
        <header class="page-head">
          <h1>
            {tenant.name}: {t("gegevens en teksten", "details and texts")}
          </h1>
          <p class="muted">
            {t("Concept", "Draft")} · {t("revisie", "revision")} {revision()} ·{" "}
            {t("laatst opgeslagen", "last saved")} {formatDateTime(saved().updatedAt)}
          </p>
        </header>
        <Show when={viewer}>
          <p class="notice info" id="read-only-note">
            {t(
              "Je bent meelezer van dit bedrijf: je kunt alles bekijken, maar niet wijzigen of publiceren. Vraag een redacteur als er iets moet veranderen.",
              "You are a viewer of this company: you can see everything but not change or publish it. Ask an editor if something needs to change.",
            )}
          </p>
        </Show>
        {/* Whether a newer baseline waits is not needed to edit: a failure shows in the notice's
            place rather than instead of the editor. No Suspense of its own, so the page waits for
            it and the notice does not push the editor down after it appeared. */}
        <ErrorBoundary
          fallback={(error: unknown, reset) => (
            <BaselineCheckFailed
              error={error}
              onRetry={() => {
                void revalidate(getRollout.key);
                reset();
              }}
            />
          )}
        >
          <BaselineNotice
            group={props.group}
            tenant={tenant}
            content={plain()}
            baselineKeys={baseline.sections.map((s) => s.key)}
            titleOf={(key) => title()(key)}
            viewer={viewer}
          />
        </ErrorBoundary>
        <nav class="page-toc" aria-label={t("Op deze pagina", "On this page")}>
          <ul>
            <li>
              <a href="#profile">{t("Bedrijfsgegevens", "Company details")}</a>
            </li>
            <li>
              <a href="#lists">{t("Lijsten", "Lists")}</a>
            </li>
            <li>
              <a href="#texts">{t("Teksten per onderdeel", "Texts per section")}</a>
            </li>
            <li>
              <a href="#own">{t("Eigen onderdelen", "Own sections")}</a>
            </li>
            <li>
              <a href="#preview" onClick={() => setTab("preview")}>
                {t("Voorbeeld", "Preview")}
              </a>
            </li>
          </ul>
        </nav>
        <Show when={conflict()}>
          {(c) => (
            <ConflictView
              base={c().base}
              mine={c().mine}
              current={c().current}
              baseline={baseline}
              busy={busy()}
              onSave={saveMerge}
              onCancel={() => setConflict(null)}
            />
          )}
        </Show>
        <div class="editor-layout">
          <form
            class="editor-form"
            novalidate
            onSubmit={save}
            onFocusIn={(event) => {
              const key = sectionOfField(event.target);
              if (key) setFollowing(key);
            }}
            aria-busy={busy()}
            aria-describedby={viewer ? "read-only-note" : undefined}
          >
            <section id="profile" aria-labelledby="profile-title" class="editor-section">
              <h2 id="profile-title">{t("Bedrijfsgegevens", "Company details")}</h2>
              <p class="hint">
                {t(
                  "Deze gegevens vullen de plaatshouders in de teksten van de groep, zoals {{company.phone}}.",
                  "These details fill the placeholders in the group's texts, such as {{company.phone}}.",
                )}
              </p>
              <ProfileForm />
            </section>
            <section id="lists" aria-labelledby="lists-title" class="editor-section">
              <h2 id="lists-title">{t("Lijsten", "Lists")}</h2>
              <ListEditors />
            </section>
            <section id="texts" aria-labelledby="texts-title" class="editor-section">
              <h2 id="texts-title">{t("Teksten per onderdeel", "Texts per section")}</h2>
              <p class="hint">
                {t(
                  `De basisverklaring (versie ${props.baseline.number}) bepaalt per onderdeel wat een bedrijf mag aanpassen.`,
                  `The baseline (version ${props.baseline.number}) decides per section what a company may change.`,
                )}
              </p>
              <OverrideEditors />
            </section>
            <section id="own" aria-labelledby="own-title" class="editor-section">
              <h2 id="own-title">{t("Eigen onderdelen", "Own sections")}</h2>
              <p class="hint">
                {t(
                  "Extra onderdelen die alleen in de verklaring van dit bedrijf staan.",
                  "Extra sections that appear only in this company's statement.",
                )}
              </p>
              <OwnSections />
            </section>
            <Show when={!viewer}>
              <div class="save-bar">
                <div class="save-state">
                  <p
                    id="save-status"
                    tabindex="-1"
                    role="status"
                    class="save-status"
                    classList={{ dirty: dirty() }}
                  >
                    {status() ||
                      (dirty()
                        ? t("Je hebt wijzigingen die nog niet zijn opgeslagen.", "You have unsaved changes.")
                        : t("Alles is opgeslagen.", "Everything is saved."))}
                  </p>
                  <div role="alert" class="notice error" classList={{ empty: !alert() }}>
                    {alert()}
                  </div>
                </div>
                <div class="actions">
                  <button type="submit" class="primary" aria-disabled={busy() || conflict() !== null}>
                    {busy() ? t("Bezig met opslaan…", "Saving…") : t("Concept opslaan", "Save draft")}
                  </button>
                  <Show when={!dirty()}>
                    <A href={`/console/${props.group}/companies/${tenant.slug}/publish`} class="button-link">
                      {t("Naar publiceren", "Go to publishing")}
                    </A>
                  </Show>
                </div>
              </div>
            </Show>
          </form>
          <aside class="editor-preview" aria-label={t("Voorbeeld en controle", "Preview and checks")}>
            <Preview
              content={previewContent()}
              baseline={baseline}
              baselineNumber={props.baseline.number}
              group={props.groupInfo}
              slug={tenant.slug}
              processors={props.processors}
              following={following()}
              tab={tab()}
              onTab={setTab}
            />
          </aside>
        </div>
        <div class="visually-hidden" aria-live="polite">
          {announcement()}
        </div>
      </div>
    </EditorContext.Provider>
  );
}
