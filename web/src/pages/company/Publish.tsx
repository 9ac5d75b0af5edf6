// Publishing a company's saved draft: what will go out and what still blocks it, a change note,
// whether the change is material, an optional date it takes effect — then a new version, or a
// request that waits for the privacy lead's approval.
import { createSignal, ErrorBoundary, For, Show, startTransition } from "solid-js";
import { A, createAsync, useAction, useParams, useSubmission } from "@solidjs/router";
import * as v from "valibot";
import { PublishSchema } from "#shared/api-schemas.ts";
import type { Language } from "#shared/model.ts";
import { type ApiError, asApiError } from "../../api.ts";
import { LoadBoundary, useSessionExpired } from "../../components/PageStates.tsx";
import { t } from "../../i18n.ts";
import { getMe } from "../../session.ts";
import { fieldId } from "./content.ts";
import {
  getBaseline,
  getPublishRequests,
  type PublishedBaseline,
  type PublishRequest,
} from "../group/group-data.ts";
import {
  type Draft,
  getDraft,
  getPreview,
  getPublishReview,
  publishDraft,
  publicStatementUrl,
  type ServerPreview,
  withdrawRequest,
} from "./data.ts";
import {
  describeError,
  describeIssue,
  describeProblem,
  describeViolation,
  formatDateTime,
} from "./labels.ts";
import { ProblemList, sectionListLookup, sectionTitleLookup } from "./Preview.tsx";
import { LINT_RULES } from "#shared/lint/index.ts";
import { SectionDiffList } from "../group/SectionDiff.tsx";
import "./company.css";

const VIOLATION_CODES = new Set([
  "override_not_allowed",
  "override_incomplete",
  "unknown_section",
  "duplicate_section",
]);

export default function PublishPage() {
  const params = useParams<{ group: string; tenant: string }>();
  return (
    <div class="company-page publish-page">
      <LoadBoundary describe={describeError}>
        <PublishLoader group={params.group} tenant={params.tenant} />
      </LoadBoundary>
    </div>
  );
}

function PublishLoader(props: { group: string; tenant: string }) {
  const draft = createAsync(() => getDraft(props.group, props.tenant));
  const preview = createAsync(() => getPreview(props.group, props.tenant));
  const baseline = createAsync(() => getBaseline(props.group));
  const requests = createAsync(() => getPublishRequests(props.group));
  const review = createAsync(() => getPublishReview(props.group, props.tenant));
  const ready = () => {
    const [d, p, b, r, v] = [draft(), preview(), baseline(), requests(), review()];
    return d && p && b && r && v
      ? { draft: d, preview: p, baseline: b, requests: r.requests, requiresApproval: v.requiresApproval }
      : null;
  };
  return (
    <Show when={ready()}>
      {(data) => (
        <PublishScreen
          group={props.group}
          draft={data().draft}
          preview={data().preview}
          baseline={data().baseline}
          pending={data().requests.filter((r) => r.tenant?.slug === props.tenant && r.status === "pending")}
          requiresApproval={data().requiresApproval}
        />
      )}
    </Show>
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
  requiresApproval: boolean;
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
  // Legal lint errors refuse an editor's publish too; a privacy lead may publish over them with a reason.
  const lintErrors = () =>
    props.preview.lint
      .filter((finding) => finding.severity === "error")
      .map((finding) => ({
        message: `${t(LINT_RULES[finding.rule].title.nl, LINT_RULES[finding.rule].title.en)} (${finding.language.toUpperCase()}, „${title()(finding.section ?? "")}”): ${t(finding.fix.nl, finding.fix.en)}`,
        field: finding.section ? `overrides.${finding.section}` : null,
      }));
  const blocked = () => problems().length + violations().length + lintErrors().length > 0;
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
            <ProblemList problems={[...problems(), ...violations(), ...lintErrors()]} link={editorUrl} />
          </div>
        </Show>
        <TextPreview outputs={props.preview.outputs} />
      </section>

      <PublishChanges
        group={props.group}
        tenant={tenant().slug}
        languages={props.preview.outputs.filter((o) => o.format === "fragment").map((o) => o.language)}
      />

      <Show when={props.pending[0]}>
        {(request) => (
          <PendingRequest
            group={props.group}
            request={request()}
            onWithdrawn={() => setOutcome({ kind: "withdrawn" })}
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
            requiresApproval={props.requiresApproval}
            lead={props.draft.role === "group_admin"}
            onDone={(result) => {
              setOutcome(result);
              requestAnimationFrame(() => document.getElementById("outcome-title")?.focus());
            }}
          />
        </Show>
      </Show>
    </>
  );
}

/**
 * The redline: what publishing changes in the statement in force, section by section and word by
 * word, as readers will read it (rendered text, not Markdown).
 */
function PublishChanges(props: { group: string; tenant: string; languages: Language[] }) {
  const [lang, setLang] = createSignal<Language | undefined>(undefined);
  const review = createAsync(() => getPublishReview(props.group, props.tenant, lang()));
  return (
    <section class="panel redline" aria-labelledby="changes-title">
      <h2 id="changes-title">{t("Wat er verandert", "What changes")}</h2>
      <ErrorBoundary
        fallback={(error: unknown) => (
          <p role="alert" class="notice error">
            {describeError(asApiError(error))}
          </p>
        )}
      >
        <Show when={review()}>
          {(current) => (
            <>
              <p class="hint">
                <Show
                  when={current().inForce}
                  fallback={t(
                    "Er geldt nog geen versie: dit wordt de eerste. Hieronder de hele tekst.",
                    "No version is in force yet: this will be the first. The whole text is below.",
                  )}
                >
                  {(inForce) =>
                    t(
                      `Ten opzichte van versie ${inForce().version}, die nu geldt: woorden die erbij komen zijn onderstreept, woorden die vervallen doorgestreept.`,
                      `Against version ${inForce().version}, now in force: words that come in are underlined, words that go are struck through.`,
                    )
                  }
                </Show>
              </p>
              <Show when={props.languages.length > 1}>
                <div
                  class="segmented"
                  role="group"
                  aria-label={t("Taal van de wijzigingen", "Language of the changes")}
                >
                  <For each={props.languages}>
                    {(option) => (
                      <button
                        type="button"
                        aria-pressed={current().language === option}
                        // In a transition: the redline on screen stays until the other language is there.
                        onClick={() => void startTransition(() => setLang(option))}
                      >
                        {option === "nl" ? t("Nederlands", "Dutch") : t("Engels", "English")}
                      </button>
                    )}
                  </For>
                </div>
              </Show>
              <SectionDiffList diff={current().diff} lang={current().language} />
            </>
          )}
        </Show>
      </ErrorBoundary>
    </section>
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
  const withdrawing = useSubmission(withdrawRequest, ([, id]) => id === props.request.id);
  const sendWithdraw = useAction(withdrawRequest);
  const busy = () => withdrawing.pending === true;
  const [error, setError] = createSignal("");
  const mine = () => me()?.user.email === props.request.requestedBy.email;
  const withdraw = async () => {
    if (busy()) return;
    setError("");
    try {
      await sendWithdraw(props.group, props.request.id);
      props.onWithdrawn();
    } catch (caught) {
      const failure = asApiError(caught);
      if (failure.status === 401) expired();
      setError(describeError(failure));
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
  requiresApproval: boolean;
  /** The group's privacy lead, who may publish over the gate with a written reason. */
  lead: boolean;
  editorUrl: (field: string) => string;
  onDone: (outcome: Outcome) => void;
}) {
  const expired = useSessionExpired();
  const publishing = useSubmission(
    publishDraft,
    ([group, tenant]) => group === props.group && tenant === props.tenant,
  );
  const sendPublish = useAction(publishDraft);
  const busy = () => publishing.pending === true;
  const [note, setNote] = createSignal("");
  const [material, setMaterial] = createSignal(false);
  const [effective, setEffective] = createSignal("");
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [alert, setAlert] = createSignal<{ message: string; error?: ApiError } | null>(null);
  // After the gate refused (missing AVG items, legal errors): the lead's reason to publish anyway.
  const [gated, setGated] = createSignal(false);
  const [reason, setReason] = createSignal("");

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
    if (gated() && props.lead && reason().trim() === "")
      messages.completenessOverride = t(
        "Schrijf op waarom deze verklaring toch gepubliceerd wordt; dat komt bij de versie en in het logboek.",
        "Write down why this statement is published anyway; it is kept with the version and in the audit log.",
      );
    const parsed = v.safeParse(PublishSchema, {
      changeNote: note(),
      material: material(),
      ...(effectiveFrom ? { effectiveFrom } : {}),
      ...(gated() && props.lead && reason().trim() !== "" ? { completenessOverride: reason().trim() } : {}),
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
      const first = Object.keys(messages)[0];
      document
        .getElementById(
          first === "effectiveFrom"
            ? "effectiveFrom"
            : first === "completenessOverride"
              ? "override-reason"
              : "changeNote",
        )
        ?.focus();
      return;
    }
    try {
      // Whatever the answer, the queries on screen are fetched again afterwards: what blocked a
      // publish may have changed since this page loaded.
      const body = await sendPublish(props.group, props.tenant, parsed.output);
      setNote("");
      setMaterial(false);
      setEffective("");
      setGated(false);
      setReason("");
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
            .filter(
              ([key]) => key === "changeNote" || key === "effectiveFrom" || key === "completenessOverride",
            )
            .map(([k, m]) => [k, describeIssue(m ?? "")]),
        ),
      );
      setAlert({ message: describeError(error), error });
      if (error.code === "incomplete_statement" || error.code === "legal_lint_errors") {
        setGated(true);
        if (props.lead) requestAnimationFrame(() => document.getElementById("override-reason")?.focus());
      }
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
              "Openbaar: komt in de versiegeschiedenis en op de pagina „Wat is er veranderd?”, zoals je hem hier schrijft — ook bij de Engelse verklaring, want hij wordt niet vertaald. Schrijf hem voor de mensen van wie het bedrijf gegevens verwerkt, bijv. “Nieuw telefoonnummer en uitleg over de rechtsgrond”.",
              "Public: it appears in the version history and on the “What changed?” page as you write it here — with the English statement too, as it is not translated. Write it for the people whose data the company processes, e.g. “New phone number and an explanation of the legal basis”.",
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
        <Show when={gated()}>
          <Show
            when={props.lead}
            fallback={
              <p class="notice info">
                {t(
                  "Los eerst op wat hierboven staat. Alleen de privacyfunctionaris van de groep kan een verklaring toch publiceren, met een reden.",
                  "Fix what is listed above first. Only the group's privacy lead can publish a statement anyway, with a reason.",
                )}
              </p>
            }
          >
            <div class="field" classList={{ invalid: !!fields().completenessOverride }}>
              <label for="override-reason">
                {t("Waarom publiceer je deze verklaring toch?", "Why do you publish this statement anyway?")}
              </label>
              <p class="hint" id="override-reason-hint">
                {t(
                  "Als privacyfunctionaris mag je publiceren wat de controle weigert, met een geschreven reden. Die komt bij de versie en in het logboek.",
                  "As privacy lead you may publish what the check refuses, with a written reason. It is kept with the version and in the audit log.",
                )}
              </p>
              <textarea
                id="override-reason"
                rows={3}
                value={reason()}
                aria-invalid={fields().completenessOverride ? "true" : undefined}
                aria-describedby={
                  describedBy("completenessOverride", false)
                    ? `override-reason-hint ${describedBy("completenessOverride", false)}`
                    : "override-reason-hint"
                }
                onInput={(event) => setReason(event.currentTarget.value)}
              />
              <Show when={fields().completenessOverride}>
                <p id="completenessOverride-error" class="field-error">
                  {fields().completenessOverride}
                </p>
              </Show>
            </div>
          </Show>
        </Show>
        <Show when={props.blocked}>
          <p class="hint">
            {t(
              "Let op: er ontbreekt nog iets (zie hierboven). Publiceren lukt pas als dat is opgelost.",
              "Note: something is still missing (see above). Publishing works once it is fixed.",
            )}
          </p>
        </Show>
        <button type="submit" class="primary" aria-disabled={busy()}>
          {props.requiresApproval
            ? busy()
              ? t("Bezig met indienen…", "Submitting…")
              : t("Ter goedkeuring indienen", "Submit for approval")
            : busy()
              ? t("Bezig met publiceren…", "Publishing…")
              : t("Publiceren", "Publish")}
        </button>
        <p class="hint">
          {props.requiresApproval
            ? t(
                "De groep laat elke publicatie goedkeuren door een privacyfunctionaris: dit wordt een verzoek. Pas na goedkeuring staat de nieuwe versie online.",
                "The group has every publication approved by a privacy lead: this becomes a request. The new version goes online only once approved.",
              )
            : t(
                "De nieuwe versie staat direct online (of op de gekozen datum).",
                "The new version goes online right away (or on the chosen date).",
              )}
        </p>
      </form>
    </section>
  );
}
