// /console/:group/requests — publishes that wait for a second privacy lead, and what was decided.
// A group admin approves or rejects (with a reason) someone else's request; whoever asked can
// withdraw it. Editors see the requests of their own companies.
import { createMemo, createSignal, For, Show } from "solid-js";
import { A, createAsync, useAction, useSubmission } from "@solidjs/router";
import { t } from "../../i18n.ts";
import { GroupPage, useGroup, type GroupContext } from "./GroupLayout.tsx";
import {
  decideRequest,
  type Decision,
  getPublishRequests,
  getSettings,
  type PublishRequest,
} from "./group-data.ts";
import { errorText, formatDate, formatDateTime } from "./group-text.ts";

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
                    <th scope="row">{request.tenant.name}</th>
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
              {t("door", "by")} {who()}
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
                "Elke publicatie — ook die van een privacyfunctionaris — wacht tot een andere privacyfunctionaris haar goedkeurt.",
                "Every publish — a privacy lead's too — waits until another privacy lead approves it.",
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
        `Goedgekeurd: ${r().tenant.name} versie ${version} is gepubliceerd.`,
        `Approved: ${r().tenant.name} version ${version} is published.`,
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
      t(`Afgewezen: het verzoek van ${r().tenant.name}.`, `Rejected: ${r().tenant.name}'s request.`),
    );
  };

  const withdraw = () =>
    decide({ kind: "withdraw" }, () =>
      t(
        `Ingetrokken: je verzoek voor ${r().tenant.name}.`,
        `Withdrawn: your request for ${r().tenant.name}.`,
      ),
    );

  return (
    <li
      class="card"
      data-request={r().id}
      data-company={r().tenant.slug}
      aria-labelledby={`${idBase()}-title`}
    >
      <div class="card-head">
        <h3 id={`${idBase()}-title`}>{r().tenant.name}</h3>
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
      <p>
        <A href={`/console/${props.context.group}/companies/${r().tenant.slug}/publish`}>
          {t(`Concept van ${r().tenant.name} bekijken`, `View ${r().tenant.name}'s draft`)}
        </A>
      </p>

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
