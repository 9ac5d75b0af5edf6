// The baseline editor's draft controller: the sections being edited (a store), the revision they
// were opened at, which section is selected, the messages per field, and the operations on them —
// add, move, remove, change, save (with the revision; a conflict when someone saved first) and
// publish. The views (BaselineEditor.tsx and its panels) only read it and call it.
import { createMemo, createSignal, type Accessor } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { useAction, useSubmission } from "@solidjs/router";
import * as v from "valibot";
import { BaselineDraftBodySchema } from "#shared/api-schemas.ts";
import { SectionKeySchema, type Baseline } from "#shared/model.ts";
import { ApiError } from "../../api.ts";
import { language, t } from "../../i18n.ts";
import {
  type BaselineDraft,
  type PublishedBaselineVersion,
  publishBaseline,
  saveBaselineDraft,
} from "./data.ts";
import {
  type EditableBaseline,
  type EditableSection,
  issueTarget,
  newUid,
  sameBaseline,
  sectionName,
  toBaseline,
  toEditable,
} from "./editing.ts";
import { describeIssue } from "./texts.ts";

export interface Conflict {
  current: BaselineDraft;
  mine: Baseline;
}

export const formatMoment = (iso: string): string => {
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

export interface BaselineDraftController {
  state: EditableBaseline;
  setTitle: (lang: "nl" | "en", value: string) => void;
  /** The draft as last saved (or loaded). */
  saved: Accessor<BaselineDraft>;
  current: Accessor<Baseline>;
  dirty: Accessor<boolean>;
  selected: Accessor<string | null>;
  selectedSection: Accessor<EditableSection | undefined>;
  select: (uid: string) => void;
  isNew: (uid: string) => boolean;
  /** Field messages keyed as the page shows them: "title.nl", "section.<uid>.<path>", "changeNote". */
  errors: Accessor<Record<string, string>>;
  invalidSections: Accessor<ReadonlySet<string>>;
  clearError: (key: string) => void;
  alert: Accessor<string>;
  status: Accessor<string>;
  conflict: Accessor<Conflict | null>;
  published: Accessor<PublishedBaselineVersion | null>;
  busy: Accessor<"save" | "publish" | null>;
  changeSection: (uid: string) => (mutate: (s: EditableSection) => void, field: string) => void;
  moveSection: (uid: string, to: number) => void;
  removeSection: (uid: string) => void;
  /** Adds a section at the end; the messages for the key and title when they are not right. */
  addSection: (key: string, title: string) => { key?: string; title?: string };
  save: (revision?: number) => Promise<void>;
  takeTheirs: () => void;
  applyMineOnTop: () => Promise<void>;
  canPublish: (changeNote: string) => boolean;
  publish: (changeNote: string) => Promise<boolean>;
}

export function createBaselineDraft(group: string, initial: BaselineDraft): BaselineDraftController {
  const [state, setState] = createStore<EditableBaseline>(toEditable(initial.baseline));
  const [saved, setSaved] = createSignal<BaselineDraft>(initial);
  const [selected, setSelected] = createSignal<string | null>(state.sections[0]?.uid ?? null);
  const [newSections, setNewSections] = createSignal<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [alert, setAlert] = createSignal("");
  const [status, setStatus] = createSignal("");
  const [conflict, setConflict] = createSignal<Conflict | null>(null);
  const [published, setPublished] = createSignal<PublishedBaselineVersion | null>(null);
  const saving = useSubmission(saveBaselineDraft, ([g]) => g === group);
  const publishing = useSubmission(publishBaseline, ([g]) => g === group);
  const sendDraft = useAction(saveBaselineDraft);
  const sendPublish = useAction(publishBaseline);
  const busy = (): "save" | "publish" | null =>
    saving.pending ? "save" : publishing.pending ? "publish" : null;

  const current = createMemo(() => toBaseline(state));
  const dirty = createMemo(() => !sameBaseline(current(), saved().baseline));

  const load = (draft: BaselineDraft) => {
    const selectedKey = state.sections.find((s) => s.uid === selected())?.key;
    setSaved(draft);
    setState(reconcile(toEditable(draft.baseline), { key: "uid" }));
    setNewSections(new Set<string>());
    setErrors({});
    const again = state.sections.find((s) => s.key === selectedKey) ?? state.sections[0];
    setSelected(again?.uid ?? null);
  };

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

  const edited = () => setPublished(null);

  const changeSection = (uid: string) => (mutate: (s: EditableSection) => void, field: string) => {
    setState(
      "sections",
      (s) => s.uid === uid,
      produce((s) => mutate(s)),
    );
    clearError(`section.${uid}.${field}`);
    edited();
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
    edited();
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
  };

  const addSection = (key: string, title: string) => {
    const found: { key?: string; title?: string } = {};
    const parsed = v.safeParse(SectionKeySchema, key);
    if (!parsed.success) found.key = describeIssue(parsed.issues[0]?.message ?? "", language());
    else if (state.sections.some((s) => s.key === key))
      found.key = t("Er is al een sectie met deze sleutel.", "There already is a section with this key.");
    if (title === "")
      found.title = t("Geef de sectie een Nederlandse titel.", "Give the section a Dutch title.");
    if (found.key || found.title) return found;
    const uid = newUid();
    setState("sections", (sections) => [
      ...sections,
      { uid, key, title: { nl: title, en: "" }, body: { nl: "", en: "" }, policy: "locked" as const },
    ]);
    setNewSections((set) => new Set([...set, uid]));
    setSelected(uid);
    setStatus(
      t(
        `Sectie ${title} is toegevoegd op plaats ${state.sections.length}.`,
        `Section ${title} was added at position ${state.sections.length}.`,
      ),
    );
    edited();
    return found;
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
    try {
      const outcome = await sendDraft(group, baseline, revision ?? saved().revision);
      if (outcome.kind === "conflict") {
        setConflict({ current: outcome.current, mine: baseline });
        queueMicrotask(() => document.getElementById("conflict-title")?.focus());
        return;
      }
      setSaved(outcome.draft);
      setConflict(null);
      setErrors({});
      setStatus(
        t(
          `Opgeslagen om ${formatMoment(outcome.draft.updatedAt)} (revisie ${outcome.draft.revision}). Nog niet gepubliceerd.`,
          `Saved at ${formatMoment(outcome.draft.updatedAt)} (revision ${outcome.draft.revision}). Not published yet.`,
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
        setAlert(error.code === "network_error" ? savingFailed() : error.message);
      } else {
        setAlert(savingFailed());
      }
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

  /** Whether the saved draft can be published with this note; if not, the alert or the field says why. */
  const canPublish = (changeNote: string): boolean => {
    setAlert("");
    setStatus("");
    if (dirty()) {
      setAlert(
        t(
          "Sla je wijzigingen eerst op: publiceren gebruikt het opgeslagen concept.",
          "Save your changes first: publishing uses the saved draft.",
        ),
      );
      return false;
    }
    if (changeNote.trim() === "") {
      setErrors({
        ...errors(),
        changeNote: t("Schrijf kort wat er verandert en waarom.", "Say briefly what changes and why."),
      });
      document.getElementById("change-note")?.focus();
      return false;
    }
    return true;
  };

  /** Publishes the saved draft; false when it did not (the alert or the field says why). */
  const publish = async (changeNote: string): Promise<boolean> => {
    if (busy() || !canPublish(changeNote)) return false;
    setPublished(null);
    try {
      setPublished(await sendPublish(group, changeNote.trim()));
      queueMicrotask(() => {
        const heading = document.getElementById("published-title");
        heading?.focus();
        heading?.scrollIntoView({ block: "center" });
      });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === "nothing_changed") {
        setAlert(
          t(
            "Het concept is gelijk aan de gepubliceerde basisverklaring: er is niets te publiceren.",
            "The draft is the same as the published baseline: there is nothing to publish.",
          ),
        );
      } else if (error instanceof ApiError && error.code !== "network_error") {
        if (error.fields.changeNote)
          setErrors({ ...errors(), changeNote: describeIssue(error.fields.changeNote, language()) });
        setAlert(error.message);
      } else {
        setAlert(t("Publiceren is niet gelukt. Probeer het opnieuw.", "Publishing failed. Try again."));
      }
      return false;
    }
  };

  const setTitle: BaselineDraftController["setTitle"] = (lang, value) => {
    setState("title", lang, value);
    clearError(`title.${lang}`);
  };

  return {
    state,
    setTitle,
    saved,
    current,
    dirty,
    selected,
    selectedSection: () => state.sections.find((s) => s.uid === selected()),
    select: setSelected,
    isNew: (uid) => newSections().has(uid),
    errors,
    invalidSections,
    clearError,
    alert,
    status,
    conflict,
    published,
    busy,
    changeSection,
    moveSection,
    removeSection,
    addSection,
    save,
    takeTheirs,
    applyMineOnTop,
    canPublish,
    publish,
  };
}

const savingFailed = () =>
  t(
    "Opslaan is niet gelukt. Controleer je internetverbinding en probeer het opnieuw.",
    "Saving failed. Check your internet connection and try again.",
  );
