// /console/:group/requests — publishes that wait for a second privacy lead, and what was decided.
// A group admin approves or rejects (with a reason) someone else's request; whoever asked can
// withdraw it. Editors see the requests of their own companies.
import { createMemo, createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, createAsync, useAction, useSubmission } from "@solidjs/router";
import { t } from "../../i18n.ts";
import { GroupPage, useGroup, type GroupContext } from "./GroupLayout.tsx";
import {
  decideRequest,
  type Decision,
  getPublishRequests,
  getRequestReview,
  getSettings,
  type PublishRequest,
} from "./group-data.ts";
import { errorText, formatDate, formatDateTime } from "./group-text.ts";
import { usePersonName } from "./people-names.ts";
import { SectionDiffList } from "./SectionDiff.tsx";
import { OnlyLeadWarning } from "./OnlyLeadWarning.tsx";
import { CompanyLink } from "../../components/CompanyLink.tsx";
import { CHECKLIST } from "#shared/completeness/checklist.ts";
import { LINT_RULE_IDS, LINT_RULES } from "#shared/lint/index.ts";

export default function PublishRequestsPage() {
  const ctx = useGroup();
  return (
    <GroupPage title={() => t("Publicatieverzoeken", "Publish requests")}>
      <Requests {...ctx} />
    </GroupPage>
  );
}

function Requests(props: GroupContext) {
  const data = createAsync(() => getPublishRequests(props.group));
  const pending = createMemo(() => data()?.requests.filter((r) => r.status === "pending") ?? []);
  const decided = createMemo(() => data()?.requests.filter((r) => r.status !== "pending") ?? []);
  const [notice, setNotice] = createSignal("");

  return (
    <>
      <Show when={props.role.isAdmin}>
        <ApprovalSetting group={props.group} />
      </Show>
      <div role="status" class="notice info" classList={{ empty: !notice() }}>
        {notice()}
      </div>

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">
          {t("Wachten op een besluit", "Waiting for a decision")}{" "}
          <span class="muted">({pending().length})</span>
        </h2>
        <Show
          when={pending().length > 0}
          fallback={
            <p>
              {t("Er wachten geen publicaties op goedkeuring.", "No publishes are waiting for approval.")}
            </p>
          }
        >
          <ul class="card-list">
            <For each={pending()}>
              {(request) => <PendingRequest context={props} request={request} onDone={setNotice} />}
            </For>
          </ul>
        </Show>
      </section>

      <section aria-labelledby="decided-title">
        <h2 id="decided-title">{t("Besloten", "Decided")}</h2>
        <Show when={decided().length > 0} fallback={<p>{t("Nog geen besluiten.", "No decisions yet.")}</p>}>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t("Bedrijf", "Company")}</th>
                <th scope="col">{t("Aangevraagd", "Requested")}</th>
                <th scope="col">{t("Wijziging", "Change")}</th>
                <th scope="col">{t("Besluit", "Decision")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={decided()}>
                {(request) => (
                  <tr data-request={request.id}>
                    <th scope="row">
                      <SubjectLink group={props.group} request={request} />
                    </th>
                    <td data-label={t("Aangevraagd", "Requested")}>
                      {request.requestedBy.name}
                      <br />
                      <span class="muted">{formatDateTime(request.requestedAt)}</span>
                    </td>
                    <td data-label={t("Wijziging", "Change")}>„{request.changeNote}”</td>
                    <td data-label={t("Besluit", "Decision")}>
                      <Decision request={request} />
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </section>
    </>
  );
}

function Decision(props: { request: PublishRequest }) {
  const r = () => props.request;
  const personName = usePersonName();
  return (
    <>
      <Show when={r().status === "approved"}>
        <span class="badge ok">{t("Goedgekeurd", "Approved")}</span>{" "}
        <Show when={r().versionNumber}>
          {(n) => <>{t(`gepubliceerd als versie ${n()}`, `published as version ${n()}`)}</>}
        </Show>
      </Show>
      <Show when={r().status === "rejected"}>
        <span class="badge bad">{t("Afgewezen", "Rejected")}</span>
        <Show when={r().reason}>{(reason) => <div>„{reason()}”</div>}</Show>
      </Show>
      <Show when={r().status === "withdrawn"}>
        <span class="badge neutral">{t("Ingetrokken", "Withdrawn")}</span>
      </Show>
      <div class="muted">
        <Show when={r().decidedBy}>
          {(who) => (
            <>
              {t("door", "by")} {personName(who())}
              {", "}
            </>
          )}
        </Show>
        {formatDateTime(r().decidedAt)}
      </div>
    </>
  );
}

function ApprovalSetting(props: { group: string }) {
  const settings = createAsync(() => getSettings(props.group));
  return (
    <>
      <Show when={settings()}>
        {(s) => (
          <p class="notice info" data-approval={s().requireApproval ? "on" : "off"}>
            <strong>
              {s().requireApproval
                ? t("Goedkeuring is verplicht.", "Approval is required.")
                : t("Goedkeuring staat uit.", "Approval is off.")}
            </strong>{" "}
            {s().requireApproval
              ? t(
                  "Elke publicatie — van de verklaring van een bedrijf, een teruggezette versie of de basisverklaring, ook die van een privacyfunctionaris — wacht tot een andere privacyfunctionaris haar goedkeurt.",
                  "Every publish — of a company's statement, a restored version or the baseline, a privacy lead's too — waits until another privacy lead approves it.",
                )
              : t(
                  "Redacteuren publiceren direct, zonder tweede paar ogen.",
                  "Editors publish directly, without a second pair of eyes.",
                )}{" "}
            <A href={`/console/${props.group}/settings`}>
              {t("Wijzigen bij Instellingen", "Change in Settings")}
            </A>
          </p>
        )}
      </Show>
      <Show when={settings()?.requireApproval}>
        <OnlyLeadWarning approvalOn />
      </Show>
    </>
  );
}

/**
 * The redline of a request: what approving it would change in the statement in force, as readers
 * will read it. A restore request says which version it brings back, and links to the versions.
 */
function RequestChanges(props: { group: string; request: PublishRequest }) {
  const review = createAsync(() => getRequestReview(props.group, props.request.id));
  const tenant = () => props.request.tenant;
  const company = () => `/console/${props.group}/companies/${tenant()?.slug ?? ""}`;
  return (
    <Show when={review()}>
      {(current) => (
        <div class="request-changes">
          <Show when={current().restoredFrom}>
            {(number) => (
              <p class="restore-note">
                <strong>{t(`Terugzetten van versie ${number()}`, `Restoring version ${number()}`)}</strong>{" "}
                {t(
                  "— de bedrijfsgegevens en teksten van die versie, op de huidige basisverklaring.",
                  "— that version's company details and texts, on the current baseline.",
                )}
              </p>
            )}
          </Show>
          <h4>
            {current().inForce
              ? t(
                  `Wat er verandert ten opzichte van versie ${current().inForce!.version}, die nu geldt`,
                  `What changes against version ${current().inForce!.version}, now in force`,
                )
              : t(
                  "Wat er gepubliceerd wordt (de eerste versie)",
                  "What will be published (the first version)",
                )}
          </h4>
          <Show when={current().subject === "baseline"}>
            <p class="hint">
              {t(
                "De tekst van de basisverklaring, met de plaatshouders zoals {{company.name}} die elk bedrijf invult.",
                "The baseline's text, with the placeholders such as {{company.name}} that each company fills in.",
              )}
            </p>
          </Show>
          <SectionDiffList diff={current().diff} lang={current().language} />
          <p>
            <Show
              when={tenant()}
              fallback={
                <A href={`/console/${props.group}/baseline`}>
                  {t("Naar de basisverklaring", "To the baseline")}
                </A>
              }
            >
              {(company_) => (
                <Show
                  when={current().restoredFrom}
                  fallback={
                    <A href={`${company()}/publish`}>
                      {t(`Publicatiepagina van ${company_().name}`, `${company_().name}'s publish page`)}
                    </A>
                  }
                >
                  <A href={`${company()}/versions`}>
                    {t(`Versies van ${company_().name}`, `${company_().name}'s versions`)}
                  </A>
                </Show>
              )}
            </Show>
          </p>
        </div>
      )}
    </Show>
  );
}

/** What a request is for: a company (its pages), or the group's baseline. */
const subjectName = (request: PublishRequest): string =>
  request.tenant?.name ?? t("Basisverklaring", "Baseline");

function SubjectLink(props: { group: string; request: PublishRequest }) {
  return (
    <Show
      when={props.request.tenant}
      fallback={<A href={`/console/${props.group}/baseline`}>{t("Basisverklaring", "Baseline")}</A>}
    >
      {(tenant) => <CompanyLink group={props.group} slug={tenant().slug} name={tenant().name} />}
    </Show>
  );
}

function PendingRequest(props: {
  context: GroupContext;
  request: PublishRequest;
  onDone: (message: string) => void;
}) {
  const r = () => props.request;
  const mine = () => r().requestedBy.id === props.context.me.user.id;
  const mayDecide = () => props.context.role.isAdmin && !mine();
  const deciding = useSubmission(decideRequest, ([, id]) => id === r().id);
  const sendDecision = useAction(decideRequest);
  const busy = () => deciding.pending === true;
  const [error, setError] = createSignal("");
  const [rejecting, setRejecting] = createSignal(false);
  const [reason, setReason] = createSignal("");
  const [reasonError, setReasonError] = createSignal("");
  let reasonInput: HTMLTextAreaElement | undefined;
  const idBase = () => `request-${r().id}`;

  /** Sends the decision; either way the list is fetched again (decided elsewhere meanwhile too). */
  const decide = async (decision: Decision, done: (version: number | null) => string) => {
    if (busy()) return;
    setError("");
    try {
      const { version } = await sendDecision(props.context.group, r().id, decision);
      props.onDone(done(version));
    } catch (err) {
      setError(errorText(err));
    }
  };

  const approve = () =>
    decide({ kind: "approve" }, (version) =>
      t(
        `Goedgekeurd: ${subjectName(r())} versie ${version} is gepubliceerd.`,
        `Approved: ${subjectName(r())} version ${version} is published.`,
      ),
    );

  const reject = (event: SubmitEvent) => {
    event.preventDefault();
    const text = reason().trim();
    if (!text) {
      setReasonError(
        t(
          "Schrijf op waarom, zodat de aanvrager weet wat er anders moet.",
          "Say why, so the requester knows what to change.",
        ),
      );
      reasonInput?.focus();
      return;
    }
    setReasonError("");
    return decide({ kind: "reject", reason: text }, () =>
      t(`Afgewezen: het verzoek voor ${subjectName(r())}.`, `Rejected: the request for ${subjectName(r())}.`),
    );
  };

  const withdraw = () =>
    decide({ kind: "withdraw" }, () =>
      t(
        `Ingetrokken: je verzoek voor ${subjectName(r())}.`,
        `Withdrawn: your request for ${subjectName(r())}.`,
      ),
    );

  return (
    <li
      class="card"
      data-request={r().id}
      data-company={r().tenant?.slug ?? "baseline"}
      aria-labelledby={`${idBase()}-title`}
    >
      <div class="card-head">
        <h3 id={`${idBase()}-title`}>
          <SubjectLink group={props.context.group} request={r()} />
        </h3>
        <span class="badge info">{t("Wacht op goedkeuring", "Awaiting approval")}</span>
      </div>
      <p>
        {t("Aangevraagd door", "Requested by")} <strong>{r().requestedBy.name}</strong>{" "}
        <span class="muted">({r().requestedBy.email})</span> {t("op", "on")} {formatDateTime(r().requestedAt)}
        <Show when={mine()}>
          <strong> — {t("dat ben jij", "that is you")}</strong>
        </Show>
      </p>
      <p>
        <span class="muted">{t("Wijzigingsnotitie:", "Change note:")}</span> „{r().changeNote}”
      </p>
      <Show when={r().override}>{(override) => <OverrideNotice override={override()} />}</Show>
      <ul class="badges">
        <li class={`badge ${r().material ? "warn" : "neutral"}`}>
          {r().material
            ? t("Wezenlijke wijziging", "Material change")
            : t("Kleine wijziging", "Minor change")}
        </li>
        <Show when={r().effectiveFrom}>
          {(date) => (
            <li class="badge neutral">
              {t("gaat in op", "takes effect on")} {formatDate(date())}
            </li>
          )}
        </Show>
      </ul>
      <ErrorBoundary
        fallback={(error: unknown) => (
          <p role="alert" class="notice error">
            {t("De wijzigingen konden niet worden geladen: ", "The changes could not be loaded: ")}
            {errorText(error)}
          </p>
        )}
      >
        <Suspense fallback={<p class="loading">{t("Wijzigingen laden…", "Loading the changes…")}</p>}>
          <RequestChanges group={props.context.group} request={r()} />
        </Suspense>
      </ErrorBoundary>

      <div role="alert" class="notice error" classList={{ empty: !error() }}>
        {error()}
      </div>

      <Show when={props.context.role.isAdmin && mine()}>
        <p class="notice info">
          {t(
            "Je hebt deze publicatie zelf aangevraagd. Een andere privacyfunctionaris moet haar goedkeuren of afwijzen: vier ogen zien meer dan twee.",
            "You asked for this publish yourself. Another privacy lead must approve or reject it: four eyes see more than two.",
          )}
        </p>
      </Show>

      <div class="button-row">
        <Show when={mayDecide()}>
          <button type="button" class="primary" onClick={() => void approve()} aria-disabled={busy()}>
            {t("Goedkeuren en publiceren", "Approve and publish")}
          </button>
          <Show when={!rejecting()}>
            <button type="button" class="danger" onClick={() => setRejecting(true)}>
              {t("Afwijzen…", "Reject…")}
            </button>
          </Show>
        </Show>
        <Show when={mine()}>
          <button type="button" class="secondary" onClick={() => void withdraw()} aria-disabled={busy()}>
            {t("Verzoek intrekken", "Withdraw request")}
          </button>
        </Show>
      </div>

      <Show when={mayDecide() && rejecting()}>
        <form class="form" onSubmit={reject} novalidate>
          <div class="field" classList={{ invalid: !!reasonError() }}>
            <label for={`${idBase()}-reason`}>{t("Waarom wijs je dit af?", "Why do you reject this?")}</label>
            <p id={`${idBase()}-reason-hint`} class="hint">
              {t("De aanvrager ziet deze reden.", "The requester sees this reason.")}
            </p>
            <textarea
              id={`${idBase()}-reason`}
              ref={(el) => {
                reasonInput = el;
                queueMicrotask(() => el.focus());
              }}
              value={reason()}
              onInput={(e) => setReason(e.currentTarget.value)}
              maxLength={2000}
              required
              aria-invalid={reasonError() ? "true" : undefined}
              aria-describedby={`${idBase()}-reason-hint${reasonError() ? ` ${idBase()}-reason-error` : ""}`}
            />
            <Show when={reasonError()}>
              <p id={`${idBase()}-reason-error`} class="field-error">
                {reasonError()}
              </p>
            </Show>
          </div>
          <div class="button-row">
            <button type="submit" class="danger" aria-disabled={busy()}>
              {t("Afwijzing versturen", "Send rejection")}
            </button>
            <button type="button" class="secondary" onClick={() => setRejecting(false)}>
              {t("Annuleren", "Cancel")}
            </button>
          </div>
        </form>
      </Show>
    </li>
  );
}

/** A checklist item's or lint rule's title by the id the API sends; an unknown id as itself. */
function overriddenTitle(kind: "completeness" | "lint", id: string): string {
  const rule = LINT_RULE_IDS.find((known) => known === id);
  const title =
    kind === "completeness"
      ? CHECKLIST.find((item) => item.id === id)?.title
      : rule && LINT_RULES[rule].title;
  return title ? t(title.nl, title.en) : id;
}

/**
 * What the requester published over, and why: the approver decides on the reason knowing which
 * missing AVG items and which legal errors it covers.
 */
function OverrideNotice(props: { override: NonNullable<PublishRequest["override"]> }) {
  const items = () => [
    ...props.override.completeness.map((id) => ({ id, text: overriddenTitle("completeness", id) })),
    ...props.override.lint.map((id) => ({ id, text: overriddenTitle("lint", id) })),
  ];
  return (
    <div class="notice warn" data-override>
      <p>
        <strong>
          {t("Ingediend ondanks wat de controle weigert:", "Submitted despite what the check refuses:")}
        </strong>
      </p>
      <ul>
        <For each={items()}>{(item) => <li data-overridden={item.id}>{item.text}</li>}</For>
      </ul>
      <p>
        <span class="muted">{t("Reden:", "Reason:")}</span> „{props.override.reason}”
      </p>
    </div>
  );
}
