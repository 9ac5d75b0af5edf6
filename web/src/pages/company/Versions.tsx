// A company's published versions: the history, a word-level comparison of any two versions side
// by side, and restoring an older version as a new one.
import { createSignal, ErrorBoundary, For, type JSX, Show, Suspense } from "solid-js";
import { A, createAsync, useAction, useParams, useSearchParams, useSubmission } from "@solidjs/router";
import * as v from "valibot";
import { RestoreSchema } from "#shared/api-schemas.ts";
import type { DiffPart, SectionDiff } from "#shared/diff.ts";
import { asApiError } from "../../api.ts";
import { LoadBoundary, useSessionExpired } from "../../components/PageStates.tsx";
import { language, t } from "../../i18n.ts";
import { getMe } from "../../session.ts";
import {
  getVersionDiff,
  getVersions,
  publicStatementUrl,
  restoreVersion,
  type VersionDiff,
  type VersionRow,
} from "./data.ts";
import { describeError, describeIssue, formatDateTime } from "./labels.ts";
import "./company.css";

const statusLabel = (status: VersionRow["status"]): string =>
  status === "in_force"
    ? t("Geldt nu", "In force")
    : status === "scheduled"
      ? t("Gepland", "Scheduled")
      : t("Vervangen", "Superseded");

export default function VersionsPage() {
  const params = useParams<{ group: string; tenant: string }>();
  return (
    <div class="company-page versions-page">
      <LoadBoundary describe={describeError} loading={t("Versies laden…", "Loading versions…")}>
        <VersionsLoader group={params.group} tenant={params.tenant} />
      </LoadBoundary>
    </div>
  );
}

function VersionsLoader(props: { group: string; tenant: string }) {
  const versions = createAsync(() => getVersions(props.group, props.tenant));
  const me = createAsync(() => getMe());
  const canRestore = () =>
    !!me()?.memberships.some(
      (m) =>
        m.group.slug === props.group &&
        (m.role === "group_admin" || (m.role === "tenant_editor" && m.tenant?.slug === props.tenant)),
    );
  return (
    <Show when={versions()}>
      {(data) => (
        <VersionsScreen
          group={props.group}
          tenant={data().tenant}
          versions={data().versions}
          canRestore={canRestore()}
        />
      )}
    </Show>
  );
}

function VersionsScreen(props: {
  group: string;
  tenant: { slug: string; name: string };
  versions: VersionRow[];
  canRestore: boolean;
}) {
  const [search, setSearch] = useSearchParams<{ from?: string; to?: string; lang?: string }>();
  const sorted = () => [...props.versions].sort((a, b) => b.number - a.number);
  const numbers = () => sorted().map((version) => version.number);
  const pickNumber = (value: string | string[] | undefined, fallback: number | undefined) => {
    const n = Number(Array.isArray(value) ? value[0] : value);
    return numbers().includes(n) ? n : fallback;
  };
  const to = () => pickNumber(search.to, numbers()[0]);
  const from = () => pickNumber(search.from, numbers()[1]);
  const lang = (): "nl" | "en" => (search.lang === "en" ? "en" : "nl");
  const [restoring, setRestoring] = createSignal<VersionRow | null>(null);
  const [notice, setNotice] = createSignal("");

  return (
    <>
      <header class="page-head">
        <h1>
          {props.tenant.name}: {t("versies", "versions")}
        </h1>
        <p class="muted">
          {t(
            "Elke publicatie is een vaste versie. De openbare verklaring staat op ",
            "Every publication is a fixed version. The public statement is at ",
          )}
          <a class="public-url" href={publicStatementUrl(props.group, props.tenant.slug)}>
            {publicStatementUrl(props.group, props.tenant.slug)}
          </a>
          .
        </p>
      </header>
      <div
        role="status"
        class="notice info"
        classList={{ empty: !notice() }}
        id="versions-notice"
        tabindex="-1"
      >
        {notice()}
      </div>
      <Show
        when={props.versions.length > 0}
        fallback={
          <p>
            {t("Dit bedrijf heeft nog niets gepubliceerd.", "This company has not published anything yet.")}
          </p>
        }
      >
        <table class="versions-table">
          <caption class="visually-hidden">
            {t("Gepubliceerde versies, nieuwste eerst", "Published versions, newest first")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("Versie", "Version")}</th>
              <th scope="col">{t("Gepubliceerd", "Published")}</th>
              <th scope="col">{t("Geldig vanaf", "Effective from")}</th>
              <th scope="col">{t("Status", "Status")}</th>
              <th scope="col">{t("Wijziging", "Change")}</th>
              <th scope="col">{t("Materieel", "Material")}</th>
              <Show when={props.canRestore}>
                <th scope="col">
                  <span class="visually-hidden">{t("Acties", "Actions")}</span>
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={sorted()}>
              {(version) => (
                <tr>
                  <td data-label={t("Versie", "Version")}>
                    <a
                      href={`${publicStatementUrl(props.group, props.tenant.slug)}/versions/${version.number}`}
                    >
                      {version.number}
                    </a>
                  </td>
                  <td data-label={t("Gepubliceerd", "Published")}>{formatDateTime(version.publishedAt)}</td>
                  <td data-label={t("Geldig vanaf", "Effective from")}>
                    {formatDateTime(version.effectiveFrom)}
                  </td>
                  <td data-label={t("Status", "Status")} class={`status-${version.status ?? "superseded"}`}>
                    {statusLabel(version.status ?? "superseded")}
                  </td>
                  <td data-label={t("Wijziging", "Change")}>{version.changeNote}</td>
                  <td data-label={t("Materieel", "Material")}>
                    {version.material ? t("ja", "yes") : t("nee", "no")}
                  </td>
                  <Show when={props.canRestore}>
                    <td data-label={t("Acties", "Actions")}>
                      <Show when={version.status === "superseded"}>
                        <button type="button" class="secondary small" onClick={() => setRestoring(version)}>
                          {t(`Versie ${version.number} terugzetten`, `Restore version ${version.number}`)}
                        </button>
                      </Show>
                    </td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>

      <Show when={restoring()}>
        {(version) => (
          <RestoreDialog
            group={props.group}
            tenant={props.tenant.slug}
            version={version()}
            onClose={(message) => {
              setRestoring(null);
              if (message) {
                setNotice(message);
                requestAnimationFrame(() => document.getElementById("versions-notice")?.focus());
              }
            }}
          />
        )}
      </Show>

      <section aria-labelledby="compare-title">
        <h2 id="compare-title">{t("Twee versies vergelijken", "Compare two versions")}</h2>
        <Show
          when={props.versions.length >= 2}
          fallback={
            <p class="muted">
              {t(
                "Vergelijken kan zodra er twee versies zijn.",
                "You can compare once there are two versions.",
              )}
            </p>
          }
        >
          <form
            class="compare-form"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              setSearch({
                from: (form.get("from") as string | null) ?? "",
                to: (form.get("to") as string | null) ?? "",
                lang: (form.get("lang") as string | null) ?? "",
              });
            }}
          >
            <VersionSelect
              name="from"
              label={t("Oude versie", "Older version")}
              value={from()}
              numbers={numbers()}
            />
            <VersionSelect
              name="to"
              label={t("Nieuwe versie", "Newer version")}
              value={to()}
              numbers={numbers()}
            />
            <div class="field">
              <label for="compare-lang">{t("Taal", "Language")}</label>
              <select id="compare-lang" name="lang">
                <option value="nl" selected={lang() === "nl"}>
                  {t("Nederlands", "Dutch")}
                </option>
                <option value="en" selected={lang() === "en"}>
                  {t("Engels", "English")}
                </option>
              </select>
            </div>
            <button type="submit" class="primary">
              {t("Vergelijken", "Compare")}
            </button>
          </form>
          <Show
            when={from() !== undefined && to() !== undefined && from() !== to()}
            fallback={
              <p class="muted">{t("Kies twee verschillende versies.", "Choose two different versions.")}</p>
            }
          >
            <ErrorBoundary
              fallback={(error: unknown) => (
                <p role="alert" class="notice error">
                  {describeError(asApiError(error))}
                </p>
              )}
            >
              <Suspense fallback={<p class="loading">{t("Verschillen laden…", "Loading differences…")}</p>}>
                <DiffLoader
                  group={props.group}
                  tenant={props.tenant.slug}
                  from={from()!}
                  to={to()!}
                  lang={lang()}
                />
              </Suspense>
            </ErrorBoundary>
          </Show>
        </Show>
      </section>
    </>
  );
}

function VersionSelect(props: { name: string; label: string; value: number | undefined; numbers: number[] }) {
  return (
    <div class="field">
      <label for={`compare-${props.name}`}>{props.label}</label>
      <select id={`compare-${props.name}`} name={props.name}>
        <For each={props.numbers}>
          {(n) => (
            <option value={n} selected={n === props.value}>
              {t("Versie", "Version")} {n}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

function DiffLoader(props: { group: string; tenant: string; from: number; to: number; lang: "nl" | "en" }) {
  const diff = createAsync(() => getVersionDiff(props.group, props.tenant, props.from, props.to, props.lang));
  return <Show when={diff()}>{(data) => <DiffView diff={data()} />}</Show>;
}

/** Words the newer version added (or the older had, when `keep` is "removed") marked, the rest plain. */
function DiffText(props: { parts: DiffPart[]; keep: "added" | "removed"; lang: string }) {
  const pieces = (): JSX.Element[] => {
    const parts = props.parts.filter((part) => part.op === "same" || part.op === props.keep);
    return parts.map((part, i) => {
      const before = parts[i - 1]?.text;
      const space = before === undefined || before.endsWith("\n") || part.text.startsWith("\n") ? "" : " ";
      if (part.op === "same") return `${space}${part.text}`;
      // Line breaks at the edges stay outside the mark, so a marked line starts at its own text.
      const [, lead = "", text = "", trail = ""] = /^(\n*)([\s\S]*?)(\n*)$/.exec(part.text) ?? [];
      const mark =
        part.op === "added" ? (
          <ins>
            <span class="visually-hidden" lang={language()}>
              {t("[toegevoegd] ", "[added] ")}
            </span>
            {text}
          </ins>
        ) : (
          <del>
            <span class="visually-hidden" lang={language()}>
              {t("[verwijderd] ", "[removed] ")}
            </span>
            {text}
          </del>
        );
      return (
        <>
          {space}
          {lead}
          {text === "" ? "" : mark}
          {trail}
        </>
      );
    });
  };
  return (
    <p class="diff-text" lang={props.lang}>
      {pieces()}
    </p>
  );
}

function describeSection(section: SectionDiff): string {
  const status = {
    added: t("Nieuw onderdeel", "New section"),
    removed: t("Onderdeel verwijderd", "Section removed"),
    changed: t("Gewijzigd", "Changed"),
    unchanged: t("Ongewijzigd", "Unchanged"),
  }[section.status];
  return [
    status,
    section.moved ? t("verplaatst", "moved") : "",
    section.diff.added > 0
      ? t(`${section.diff.added} woorden toegevoegd`, `${section.diff.added} words added`)
      : "",
    section.diff.removed > 0
      ? t(`${section.diff.removed} woorden verwijderd`, `${section.diff.removed} words removed`)
      : "",
    section.previousTitle
      ? t(`titel was “${section.previousTitle}”`, `title was “${section.previousTitle}”`)
      : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

function DiffView(props: { diff: VersionDiff }) {
  const [showUnchanged, setShowUnchanged] = createSignal(false);
  const totals = () => props.diff.diff.totals;
  const sections = () =>
    props.diff.diff.sections.filter((s) => showUnchanged() || s.status !== "unchanged" || s.moved);
  return (
    <div class="diff">
      <p>
        <strong>
          {t(
            `Versie ${props.diff.from.version} → versie ${props.diff.to.version}`,
            `Version ${props.diff.from.version} → version ${props.diff.to.version}`,
          )}
          :
        </strong>{" "}
        {t(
          `${totals().changed} gewijzigd, ${totals().added} nieuw, ${totals().removed} verwijderd; ${totals().wordsAdded} woorden toegevoegd, ${totals().wordsRemoved} verwijderd.`,
          `${totals().changed} changed, ${totals().added} new, ${totals().removed} removed; ${totals().wordsAdded} words added, ${totals().wordsRemoved} removed.`,
        )}
      </p>
      <p class="diff-legend">
        {t("Toegevoegd: ", "Added: ")}
        <ins>{t("onderstreept", "underlined")}</ins>
        {t(" · Verwijderd: ", " · Removed: ")}
        <del>{t("doorgestreept", "struck through")}</del>
      </p>
      <div class="field checkbox">
        <input
          id="show-unchanged"
          type="checkbox"
          checked={showUnchanged()}
          onChange={(e) => setShowUnchanged(e.currentTarget.checked)}
        />
        <label for="show-unchanged">
          {t(
            `Ook ongewijzigde onderdelen tonen (${totals().unchanged})`,
            `Also show unchanged sections (${totals().unchanged})`,
          )}
        </label>
      </div>
      <Show when={sections().length === 0}>
        <p>{t("Geen verschillen in de tekst.", "No differences in the text.")}</p>
      </Show>
      <For each={sections()}>
        {(section) => (
          <section class="diff-section" aria-labelledby={`diff-${section.key}`}>
            <h3 id={`diff-${section.key}`} lang={props.diff.language}>
              {section.title}
            </h3>
            <p class="diff-status">{describeSection(section)}</p>
            <div class="diff-sides">
              <div class="diff-side">
                <h4>{t(`Versie ${props.diff.from.version}`, `Version ${props.diff.from.version}`)}</h4>
                <Show
                  when={section.status !== "added"}
                  fallback={
                    <p class="diff-text muted">
                      {t("(nog niet in deze versie)", "(not yet in this version)")}
                    </p>
                  }
                >
                  <DiffText parts={section.diff.parts} keep="removed" lang={props.diff.language} />
                </Show>
              </div>
              <div class="diff-side">
                <h4>{t(`Versie ${props.diff.to.version}`, `Version ${props.diff.to.version}`)}</h4>
                <Show
                  when={section.status !== "removed"}
                  fallback={
                    <p class="diff-text muted">
                      {t("(niet meer in deze versie)", "(no longer in this version)")}
                    </p>
                  }
                >
                  <DiffText parts={section.diff.parts} keep="added" lang={props.diff.language} />
                </Show>
              </div>
            </div>
          </section>
        )}
      </For>
    </div>
  );
}

function RestoreDialog(props: {
  group: string;
  tenant: string;
  version: VersionRow;
  onClose: (message?: string) => void;
}) {
  const expired = useSessionExpired();
  const [note, setNote] = createSignal(
    t(`Versie ${props.version.number} teruggezet`, `Restored version ${props.version.number}`),
  );
  const [error, setError] = createSignal("");
  const [fieldError, setFieldError] = createSignal("");
  const restoring = useSubmission(restoreVersion, ([, , number]) => number === props.version.number);
  const sendRestore = useAction(restoreVersion);
  const busy = () => restoring.pending === true;
  let dialog: HTMLDialogElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setError("");
    const parsed = v.safeParse(RestoreSchema, { changeNote: note() });
    if (!parsed.success) {
      setFieldError(
        t("Schrijf kort waarom je deze versie terugzet.", "Say briefly why you restore this version."),
      );
      document.getElementById("restore-note")?.focus();
      return;
    }
    setFieldError("");
    try {
      const body = await sendRestore(
        props.group,
        props.tenant,
        props.version.number,
        parsed.output.changeNote,
      );
      // Unmounting the dialog closes it; close() here would report a cancel as well.
      props.onClose(
        body.kind === "published"
          ? t(
              `Versie ${props.version.number} is teruggezet en gepubliceerd als versie ${body.version.number}.`,
              `Version ${props.version.number} was restored and published as version ${body.version.number}.`,
            )
          : t(
              `Het terugzetten van versie ${props.version.number} wacht op goedkeuring van een privacyfunctionaris.`,
              `Restoring version ${props.version.number} is waiting for a privacy lead's approval.`,
            ),
      );
    } catch (caught) {
      const failure = asApiError(caught);
      if (failure.status === 401) expired();
      if (failure.fields.changeNote) setFieldError(describeIssue(failure.fields.changeNote));
      setError(describeError(failure));
    }
  };

  return (
    <dialog
      class="restore-dialog"
      aria-labelledby="restore-title"
      ref={(el) => {
        dialog = el;
        requestAnimationFrame(() => el.isConnected && !el.open && el.showModal());
      }}
      onClose={() => props.onClose()}
    >
      <form class="form" novalidate onSubmit={submit} aria-busy={busy()}>
        <h2 id="restore-title">
          {t(`Versie ${props.version.number} terugzetten`, `Restore version ${props.version.number}`)}
        </h2>
        <p>
          {t(
            `De bedrijfsgegevens en teksten van versie ${props.version.number} (${formatDateTime(props.version.publishedAt)}) worden opnieuw gepubliceerd als nieuwe versie, op de huidige basisverklaring. Dat is een materiële wijziging. Je concept in de editor blijft zoals het is.`,
            `The company details and texts of version ${props.version.number} (${formatDateTime(props.version.publishedAt)}) are published again as a new version, on the current baseline. This is a material change. Your draft in the editor stays as it is.`,
          )}
        </p>
        <div role="alert" class="notice error" classList={{ empty: !error() }}>
          {error()}
        </div>
        <div class="field" classList={{ invalid: !!fieldError() }}>
          <label for="restore-note">
            {t("Waarom zet je deze versie terug?", "Why do you restore this version?")}
          </label>
          <textarea
            id="restore-note"
            rows={3}
            value={note()}
            aria-required="true"
            aria-invalid={fieldError() ? "true" : undefined}
            aria-describedby={fieldError() ? "restore-note-error" : undefined}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
          <Show when={fieldError()}>
            <p id="restore-note-error" class="field-error">
              {fieldError()}
            </p>
          </Show>
        </div>
        <div class="actions">
          <button type="submit" class="primary" aria-disabled={busy()}>
            {busy() ? t("Bezig…", "Working…") : t("Terugzetten en publiceren", "Restore and publish")}
          </button>
          <button type="button" class="secondary" onClick={() => dialog?.close()}>
            {t("Annuleren", "Cancel")}
          </button>
        </div>
      </form>
      <p class="hint">
        <A href={`/console/${props.group}/companies/${props.tenant}/publish`}>
          {t("Of publiceer je concept", "Or publish your draft")}
        </A>
      </p>
    </dialog>
  );
}
