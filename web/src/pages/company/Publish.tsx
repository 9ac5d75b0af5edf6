// Publishing a company's saved draft: what will go out and what still blocks it, a change note,
// whether the change is material, an optional date it takes effect — then a new version, or a
// request that waits for the privacy lead's approval.
import { createSignal, For, Show } from "solid-js";
import { A, createAsync, revalidate, useParams } from "@solidjs/router";
import * as v from "valibot";
import { PublishSchema } from "#shared/api-schemas.ts";
import type { Language } from "#shared/model.ts";
import { api, type ApiError, asApiError, toApiError } from "../../api.ts";
import { GroupNav } from "../../components/GroupNav.tsx";
import { LoadFailure, useSessionExpired } from "../../components/PageStates.tsx";
import { t } from "../../i18n.ts";
import { getMe } from "../../session.ts";
import { fieldId } from "./content.ts";
import {
  combine,
  type Draft,
  getBaseline,
  getDraft,
  getPreview,
  getPublishRequests,
  getRollout,
  getVersions,
  type PublishedBaseline,
  type PublishRequest,
  publicStatementUrl,
  type ServerPreview,
} from "./data.ts";
import {
  describeError,
  describeIssue,
  describeProblem,
  describeViolation,
  formatDateTime,
} from "./labels.ts";
import { ProblemList, sectionListLookup, sectionTitleLookup } from "./Preview.tsx";
import "./company.css";

const VIOLATION_CODES = new Set([
  "override_not_allowed",
  "override_incomplete",
  "unknown_section",
  "duplicate_section",
]);

export default function PublishPage() {
  const params = useParams<{ group: string; tenant: string }>();
  const draft = createAsync(() => getDraft(params.group, params.tenant));
  const preview = createAsync(() => getPreview(params.group, params.tenant));
  const baseline = createAsync(() => getBaseline(params.group));
  const requests = createAsync(() => getPublishRequests(params.group));
  const loaded = () => combine(draft(), preview(), baseline(), requests());
  const refresh = () =>
    revalidate([
      getDraft.key,
      getPreview.key,
      getBaseline.key,
      getPublishRequests.key,
      getVersions.key,
      getRollout.key,
    ]);
  const ready = () => {
    const result = loaded();
    return result?.ok && result.data[0].tenant.slug === params.tenant ? result.data : null;
  };
  const failure = () => {
    const result = loaded();
    return result && !result.ok ? result.error : null;
  };

  return (
    <div class="company-page publish-page">
      {/* No company links for a company that is not there (or not yours). */}
      <GroupNav group={params.group} tenant={failure()?.status === 404 ? undefined : params.tenant} />
      <Show
        when={ready()}
        fallback={
          <Show when={failure()} fallback={<p class="loading">{t("Laden…", "Loading…")}</p>}>
            {(error) => <LoadFailure error={error()} describe={describeError} onRetry={refresh} />}
          </Show>
        }
      >
        {(data) => (
          <PublishScreen
            group={params.group}
            draft={data()[0]}
            preview={data()[1]}
            baseline={data()[2]}
            pending={data()[3].requests.filter(
              (r) => r.tenant.slug === params.tenant && r.status === "pending",
            )}
            onChanged={refresh}
          />
        )}
      </Show>
    </div>
  );
}

type Outcome =
  | { kind: "published"; number: number; effectiveFrom: string; material: boolean }
  | { kind: "requested"; requestedAt: string }
  | { kind: "withdrawn" };

function PublishScreen(props: {
  group: string;
  draft: Draft;
  preview: ServerPreview;
  baseline: PublishedBaseline;
  pending: PublishRequest[];
  onChanged: () => void;
}) {
  const tenant = () => props.draft.tenant;
  const editorUrl = (field: string) => `/console/${props.group}/companies/${tenant().slug}#${fieldId(field)}`;
  const viewer = () => props.draft.role === "tenant_viewer";
  const title = () => sectionTitleLookup(props.baseline.baseline, props.draft.content);
  const problems = () =>
    props.preview.problems
      .filter((p) => !VIOLATION_CODES.has(p.code))
      .map((p) =>
        describeProblem(p, props.draft.content, title(), sectionListLookup(props.baseline.baseline)),
      );
  const violations = () => props.preview.violations.map((violation) => describeViolation(violation, title()));
  const blocked = () => problems().length + violations().length > 0;
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);

  return (
    <>
      <header class="page-head">
        <h1>
          {tenant().name}: {t("publiceren", "publish")}
        </h1>
        <p class="muted">
          {t(
            "Je publiceert het laatst opgeslagen concept. Wat je daarna in de editor wijzigt, gaat pas mee bij de volgende publicatie.",
            "You publish the last saved draft. What you change in the editor afterwards goes out with the next publication.",
          )}
        </p>
      </header>

      <Show when={outcome()}>
        {(result) => <OutcomePanel group={props.group} tenant={tenant().slug} outcome={result()} />}
      </Show>

      <section class="panel" aria-labelledby="summary-title">
        <h2 id="summary-title">{t("Wat er gepubliceerd wordt", "What will be published")}</h2>
        <dl class="summary-list">
          <dt>{t("Concept", "Draft")}</dt>
          <dd>
            {t("revisie", "revision")} {props.preview.draftRevision}, {t("opgeslagen", "saved")}{" "}
            {formatDateTime(props.draft.updatedAt)} (
            <A href={`/console/${props.group}/companies/${tenant().slug}`}>
              {t("naar de editor", "to the editor")}
            </A>
            )
          </dd>
          <dt>{t("Basisverklaring", "Baseline")}</dt>
          <dd>
            {t("versie", "version")} {props.preview.baselineVersion}
          </dd>
          <dt>{t("Openbaar adres", "Public address")}</dt>
          <dd class="public-url">
            <a href={publicStatementUrl(props.group, tenant().slug)}>
              {publicStatementUrl(props.group, tenant().slug)}
            </a>
          </dd>
        </dl>
        <Show
          when={blocked()}
          fallback={
            <p class="ok-line">
              ✓{" "}
              {t(
                "Er ontbreekt niets: dit concept kan worden gepubliceerd.",
                "Nothing is missing: this draft can be published.",
              )}
            </p>
          }
        >
          <div class="notice error" id="blocking-problems">
            <p>
              <strong>{t("Dit moet eerst worden opgelost:", "This must be fixed first:")}</strong>
            </p>
            <ProblemList problems={[...problems(), ...violations()]} link={editorUrl} />
          </div>
        </Show>
        <TextPreview outputs={props.preview.outputs} />
      </section>

      <Show when={props.pending[0]}>
        {(request) => (
          <PendingRequest
            group={props.group}
            request={request()}
            onWithdrawn={() => {
              setOutcome({ kind: "withdrawn" });
              props.onChanged();
            }}
          />
        )}
      </Show>

      <Show
        when={!viewer()}
        fallback={
          <p class="notice info">
            {t(
              "Je bent meelezer van dit bedrijf: alleen redacteuren en de privacyfunctionaris kunnen publiceren.",
              "You are a viewer of this company: only editors and the privacy lead can publish.",
            )}
          </p>
        }
      >
        <Show when={props.pending.length === 0}>
          <PublishForm
            group={props.group}
            tenant={tenant().slug}
            editorUrl={editorUrl}
            blocked={blocked()}
            onDone={(result) => {
              setOutcome(result);
              props.onChanged();
              requestAnimationFrame(() => document.getElementById("outcome-title")?.focus());
            }}
            onRefresh={props.onChanged}
          />
        </Show>
      </Show>
    </>
  );
}

/** The statement as it will read, without the footer (the version number is not known yet). */
function TextPreview(props: { outputs: ServerPreview["outputs"] }) {
  const languages = () => props.outputs.filter((o) => o.format === "fragment").map((o) => o.language);
  const [lang, setLang] = createSignal<Language>("nl");
  const html = () =>
    (props.outputs.find((o) => o.format === "fragment" && o.language === lang())?.body ?? "").replace(
      /\n?<footer>[\s\S]*?<\/footer>/,
      "",
    );
  return (
    <details class="text-preview">
      <summary>
        {t("Bekijk de tekst zoals hij gepubliceerd wordt", "See the text as it will be published")}
      </summary>
      <Show when={languages().length > 1}>
        <div class="segmented" role="group" aria-label={t("Taal", "Language")}>
          <For each={languages()}>
            {(option) => (
              <button type="button" aria-pressed={lang() === option} onClick={() => setLang(option)}>
                {option === "nl" ? t("Nederlands", "Dutch") : t("Engels", "English")}
              </button>
            )}
          </For>
        </div>
      </Show>
      <div class="statement-preview" lang={lang()} innerHTML={html()} />
    </details>
  );
}

function OutcomePanel(props: { group: string; tenant: string; outcome: Outcome }) {
  const url = () => publicStatementUrl(props.group, props.tenant);
  return (
    <section
      class="panel"
      classList={{ success: props.outcome.kind === "published", pending: props.outcome.kind === "requested" }}
      aria-labelledby="outcome-title"
    >
      <Show when={props.outcome.kind === "published" && props.outcome}>
        {(published) => {
          const future = () => new Date(published().effectiveFrom).getTime() > Date.now() + 60_000;
          return (
            <>
              <h2 id="outcome-title" tabindex="-1">
                {t(
                  `Versie ${published().number} is gepubliceerd`,
                  `Version ${published().number} is published`,
                )}
              </h2>
              <p>
                {future()
                  ? t(
                      `Deze versie geldt vanaf ${formatDateTime(published().effectiveFrom)}; tot dan staat de vorige versie online.`,
                      `This version takes effect on ${formatDateTime(published().effectiveFrom)}; until then the previous version stays online.`,
                    )
                  : t("Deze versie staat nu online op:", "This version is now online at:")}
              </p>
              <p class="public-url">
                <a href={url()}>{url()}</a>
              </p>
              <p>
                {t(
                  "Deze versie blijft ook altijd op een vast adres staan:",
                  "This version also stays at a fixed address:",
                )}{" "}
                <a
                  class="public-url"
                  href={`${url()}/versions/${published().number}`}
                >{`${url()}/versions/${published().number}`}</a>
              </p>
              <p>
                <A href={`/console/${props.group}/companies/${props.tenant}/versions`}>
                  {t("Naar de versies", "To the versions")}
                </A>
              </p>
            </>
          );
        }}
      </Show>
      <Show when={props.outcome.kind === "requested"}>
        <h2 id="outcome-title" tabindex="-1">
          {t("Verzoek verstuurd: wacht op goedkeuring", "Request sent: waiting for approval")}
        </h2>
        <p>
          {t(
            "Deze groep laat elke publicatie goedkeuren door een privacyfunctionaris. Je verzoek staat hieronder; zodra het is goedgekeurd, staat de nieuwe versie op:",
            "This group has every publication approved by a privacy lead. Your request is below; once approved, the new version will be at:",
          )}
        </p>
        <p class="public-url">
          <a href={url()}>{url()}</a>
        </p>
      </Show>
      <Show when={props.outcome.kind === "withdrawn"}>
        <h2 id="outcome-title" tabindex="-1">
          {t("Verzoek ingetrokken", "Request withdrawn")}
        </h2>
        <p>
          {t(
            "Er wordt niets gepubliceerd. Je kunt het concept aanpassen en opnieuw publiceren.",
            "Nothing will be published. You can change the draft and publish again.",
          )}
        </p>
      </Show>
    </section>
  );
}

function PendingRequest(props: { group: string; request: PublishRequest; onWithdrawn: () => void }) {
  const me = createAsync(() => getMe());
  const expired = useSessionExpired();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal("");
  const mine = () => me()?.user.email === props.request.requestedBy.email;
  const withdraw = async () => {
    if (busy()) return;
    setBusy(true);
    setError("");
    try {
      const response = await api.api.groups[":group"]["publish-requests"][":id"].withdraw.$post({
        param: { group: props.group, id: String(props.request.id) },
      });
      if (!response.ok) throw await toApiError(response);
      props.onWithdrawn();
    } catch (caught) {
      const failure = asApiError(caught);
      if (failure.status === 401) expired();
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel pending" aria-labelledby="pending-title">
      <h2 id="pending-title">{t("Wacht op goedkeuring", "Waiting for approval")}</h2>
      <dl class="summary-list">
        <dt>{t("Aangevraagd door", "Requested by")}</dt>
        <dd>
          {props.request.requestedBy.name} ({props.request.requestedBy.email})
        </dd>
        <dt>{t("Op", "On")}</dt>
        <dd>{formatDateTime(props.request.requestedAt)}</dd>
        <dt>{t("Wijziging", "Change")}</dt>
        <dd>{props.request.changeNote}</dd>
        <dt>{t("Materieel", "Material")}</dt>
        <dd>{props.request.material ? t("ja", "yes") : t("nee", "no")}</dd>
        <Show when={props.request.effectiveFrom}>
          <dt>{t("Geldig vanaf", "Effective from")}</dt>
          <dd>{formatDateTime(props.request.effectiveFrom)}</dd>
        </Show>
      </dl>
      <p>
        {t(
          "Zolang dit verzoek wacht, kun je voor dit bedrijf niet opnieuw publiceren.",
          "While this request is waiting you cannot publish this company again.",
        )}
      </p>
      <div role="alert" class="notice error" classList={{ empty: !error() }}>
        {error()}
      </div>
      <Show
        when={mine()}
        fallback={
          <p class="muted">
            {t(
              `Alleen ${props.request.requestedBy.name} kan dit verzoek intrekken.`,
              `Only ${props.request.requestedBy.name} can withdraw this request.`,
            )}
          </p>
        }
      >
        <button type="button" class="danger" aria-disabled={busy()} onClick={withdraw}>
          {busy() ? t("Bezig met intrekken…", "Withdrawing…") : t("Verzoek intrekken", "Withdraw request")}
        </button>
      </Show>
    </section>
  );
}

/** datetime-local gives local wall-clock time without a zone; the API wants an instant. */
function toIsoInstant(local: string): string | null {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function PublishForm(props: {
  group: string;
  tenant: string;
  blocked: boolean;
  editorUrl: (field: string) => string;
  onDone: (outcome: Outcome) => void;
  onRefresh: () => void;
}) {
  const expired = useSessionExpired();
  const [note, setNote] = createSignal("");
  const [material, setMaterial] = createSignal(false);
  const [effective, setEffective] = createSignal("");
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [alert, setAlert] = createSignal<{ message: string; error?: ApiError } | null>(null);
  const [busy, setBusy] = createSignal(false);

  const describedBy = (id: string, hint: boolean) =>
    [hint ? `${id}-hint` : null, fields()[id] ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert(null);
    const messages: Record<string, string> = {};
    let effectiveFrom: string | undefined;
    if (effective() !== "") {
      const iso = toIsoInstant(effective());
      if (iso === null)
        messages.effectiveFrom = t("Vul een geldige datum en tijd in.", "Enter a valid date and time.");
      else if (Date.parse(iso) < Date.now())
        messages.effectiveFrom = t(
          "Kies een moment in de toekomst, of laat het veld leeg om direct te publiceren.",
          "Choose a moment in the future, or leave it empty to publish now.",
        );
      else effectiveFrom = iso;
    }
    const parsed = v.safeParse(PublishSchema, {
      changeNote: note(),
      material: material(),
      ...(effectiveFrom ? { effectiveFrom } : {}),
    });
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        const field = v.getDotPath(issue) ?? "";
        messages[field] ??=
          field === "changeNote" && note().trim() === ""
            ? t("Schrijf kort wat er verandert en waarom.", "Say briefly what changes and why.")
            : describeIssue(issue.message);
      }
    }
    setFields(messages);
    if (!parsed.success || Object.keys(messages).length > 0) {
      document
        .getElementById(Object.keys(messages)[0] === "effectiveFrom" ? "effectiveFrom" : "changeNote")
        ?.focus();
      return;
    }
    setBusy(true);
    try {
      const response = await api.api.groups[":group"].tenants[":tenant"].publish.$post({
        param: { group: props.group, tenant: props.tenant },
        json: parsed.output,
      });
      if (!response.ok) throw await toApiError(response);
      const body = await response.json();
      setNote("");
      setMaterial(false);
      setEffective("");
      props.onDone(
        body.kind === "published"
          ? {
              kind: "published",
              number: body.version.number,
              effectiveFrom: body.version.effectiveFrom,
              material: body.version.material,
            }
          : { kind: "requested", requestedAt: body.request.requestedAt },
      );
    } catch (caught) {
      const error = asApiError(caught);
      if (error.status === 401) expired();
      setFields(
        Object.fromEntries(
          Object.entries(error.fields)
            .filter(([key]) => key === "changeNote" || key === "effectiveFrom")
            .map(([k, m]) => [k, describeIssue(m ?? "")]),
        ),
      );
      setAlert({ message: describeError(error), error });
      // What blocked it may have changed since this page loaded.
      if (
        ["statement_has_problems", "not_allowed_by_baseline", "request_pending", "nothing_changed"].includes(
          error.code,
        )
      )
        props.onRefresh();
    } finally {
      setBusy(false);
    }
  };

  const issueLinks = () => {
    const error = alert()?.error;
    if (error?.code !== "not_allowed_by_baseline") return [];
    return Object.entries(error.fields).map(([field, message]) => ({
      message: message ?? "",
      field: field.replace(/^content\./, ""),
    }));
  };

  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">{t("Publiceren", "Publish")}</h2>
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        <Show when={alert()}>
          {(a) => (
            <>
              <p>{a().message}</p>
              <Show when={a().error?.code === "nothing_changed"}>
                <p>
                  {t("Pas eerst iets aan in de ", "First change something in the ")}
                  <A href={`/console/${props.group}/companies/${props.tenant}`}>{t("editor", "editor")}</A>
                  {t(" en sla het op.", " and save it.")}
                </p>
              </Show>
              <Show when={a().error?.code === "statement_has_problems"}>
                <p>
                  <a href="#blocking-problems">{t("Bekijk wat er ontbreekt", "See what is missing")}</a>
                </p>
              </Show>
              <Show when={issueLinks().length > 0}>
                <ProblemList problems={issueLinks()} link={props.editorUrl} />
              </Show>
            </>
          )}
        </Show>
      </div>
      <form class="form" novalidate onSubmit={submit} aria-busy={busy()}>
        <div class="field" classList={{ invalid: !!fields().changeNote }}>
          <label for="changeNote">{t("Wat is er veranderd?", "What changed?")}</label>
          <p class="hint" id="changeNote-hint">
            {t(
              "Komt in de versiegeschiedenis en het openbare wijzigingsoverzicht, bijv. “Nieuw telefoonnummer en uitleg over de rechtsgrond”.",
              "Appears in the version history and the public change log, e.g. “New phone number and an explanation of the legal basis”.",
            )}
          </p>
          <textarea
            id="changeNote"
            rows={3}
            value={note()}
            aria-required="true"
            aria-invalid={fields().changeNote ? "true" : undefined}
            aria-describedby={describedBy("changeNote", true)}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
          <Show when={fields().changeNote}>
            <p id="changeNote-error" class="field-error">
              {fields().changeNote}
            </p>
          </Show>
        </div>
        <div class="field checkbox">
          <input
            id="material"
            type="checkbox"
            checked={material()}
            aria-describedby="material-hint"
            onChange={(event) => setMaterial(event.currentTarget.checked)}
          />
          <label for="material">{t("Dit is een materiële wijziging", "This is a material change")}</label>
          <p class="hint" id="material-hint">
            {t(
              "Kies dit als de wijziging ertoe doet voor de mensen van wie het bedrijf gegevens verwerkt: een nieuw doel, een nieuwe ontvanger, een langere bewaartermijn, nieuwe cookies. Zo’n wijziging wordt gemarkeerd in de versiegeschiedenis en het wijzigingsoverzicht. Een nieuw telefoonnummer of een tikfout is niet materieel.",
              "Choose this when the change matters to the people whose data the company processes: a new purpose, a new recipient, a longer retention period, new cookies. Such a change is marked in the version history and the change log. A new phone number or a typo is not material.",
            )}
          </p>
        </div>
        <div class="field" classList={{ invalid: !!fields().effectiveFrom }}>
          <label for="effectiveFrom">
            {t("Geldig vanaf", "Effective from")} <span class="optional">({t("optioneel", "optional")})</span>
          </label>
          <p class="hint" id="effectiveFrom-hint">
            {t(
              "Leeg laten: de nieuwe versie geldt direct. Met een datum blijft de huidige versie tot dan online. Tijd in jouw tijdzone.",
              "Leave empty to take effect right away. With a date, the current version stays online until then. Time in your time zone.",
            )}
          </p>
          <input
            id="effectiveFrom"
            type="datetime-local"
            value={effective()}
            aria-invalid={fields().effectiveFrom ? "true" : undefined}
            aria-describedby={describedBy("effectiveFrom", true)}
            onInput={(event) => setEffective(event.currentTarget.value)}
          />
          <Show when={fields().effectiveFrom}>
            <p id="effectiveFrom-error" class="field-error">
              {fields().effectiveFrom}
            </p>
          </Show>
        </div>
        <Show when={props.blocked}>
          <p class="hint">
            {t(
              "Let op: er ontbreekt nog iets (zie hierboven). Publiceren lukt pas als dat is opgelost.",
              "Note: something is still missing (see above). Publishing works once it is fixed.",
            )}
          </p>
        </Show>
        <button type="submit" class="primary" aria-disabled={busy()}>
          {busy() ? t("Bezig met publiceren…", "Publishing…") : t("Publiceren", "Publish")}
        </button>
        <p class="hint">
          {t(
            "Vraagt de groep om goedkeuring, dan wordt dit een verzoek aan de privacyfunctionaris.",
            "If the group requires approval, this becomes a request to the privacy lead.",
          )}
        </p>
      </form>
    </section>
  );
}
