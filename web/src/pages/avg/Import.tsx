// Importing a company's existing privacy statement: paste it or pick a file, review where each
// part would land in the company's draft (and change it), then accept it into the draft with the
// draft's revision. Nothing is published here; the completeness check of the new draft follows.
import { createSignal, Match, Show, Switch } from "solid-js";
import { A, createAsync, useAction, useParams, useSubmission } from "@solidjs/router";
import type { ImportProposal } from "#shared/import/propose.ts";
import { CompletenessPanel } from "../../components/CompletenessPanel.tsx";
import { LoadBoundary, useSessionExpired } from "../../components/PageStates.tsx";
import { asApiError } from "../../api.ts";
import { language, t } from "../../i18n.ts";
import {
  type AcceptedDraft,
  acceptImportIntoDraft,
  type Draft,
  getCompleteness,
  getImportDraft,
  makeImportProposal,
} from "./data.ts";
import {
  initialChoices,
  sameSections,
  toChoicesBody,
  type Review,
  type ReviewChoices,
} from "./ImportChoices.ts";
import { ImportReview } from "./ImportReview.tsx";
import { SourceForm, type Source } from "./SourceForm.tsx";
import { describeError } from "./errors.ts";
import "./avg.css";

export default function ImportPage() {
  const params = useParams<{ group: string; tenant: string }>();
  return (
    <div class="avg-page import-page">
      {/* Another company is another import: nothing of the previous one is carried over. */}
      <Show when={`${params.group}/${params.tenant}`} keyed>
        <LoadBoundary describe={describeError}>
          <ImportLoader group={params.group} tenant={params.tenant} />
        </LoadBoundary>
      </Show>
    </div>
  );
}

function ImportLoader(props: { group: string; tenant: string }) {
  const draft = createAsync(() => getImportDraft(props.group, props.tenant));
  return (
    <Show when={draft()}>
      {(data) => (
        <Show when={data().role !== "tenant_viewer"} fallback={<ViewerNotice {...props} draft={data()} />}>
          <Importer group={props.group} tenant={props.tenant} name={data().tenant.name} />
        </Show>
      )}
    </Show>
  );
}

function PageHead(props: { name: string }) {
  return (
    <header class="avg-head">
      <h1>{t("Bestaande privacyverklaring importeren", "Import an existing privacy statement")}</h1>
      <p class="muted">{props.name}</p>
    </header>
  );
}

function ViewerNotice(props: { group: string; tenant: string; draft: Draft }) {
  const report = createAsync(() => getCompleteness(props.group, props.tenant));
  return (
    <>
      <PageHead name={props.draft.tenant.name} />
      <section class="avg-state" aria-labelledby="viewer-title">
        <h2 id="viewer-title">{t("Alleen lezen", "Read only")}</h2>
        <p class="notice info">
          {t(
            `Je bent meelezer bij ${props.draft.tenant.name}. Importeren verandert het concept van de verklaring; dat kunnen alleen de redacteuren van ${props.draft.tenant.name} en de privacyfunctionaris van de groep.`,
            `You are a viewer at ${props.draft.tenant.name}. Importing changes the statement's draft; only ${props.draft.tenant.name}'s editors and the group's privacy lead can do that.`,
          )}
        </p>
        <p>
          {t(
            "Heeft het bedrijf al een privacyverklaring die hierin moet? Stuur de tekst naar een redacteur.",
            "Does the company already have a privacy statement that should go in here? Send the text to an editor.",
          )}
        </p>
        <p>
          <A href={`/console/${props.group}/companies/${props.tenant}`}>
            {t("Naar het concept van ", "To the draft of ")}
            {props.draft.tenant.name}
          </A>
        </p>
      </section>
      <LoadBoundary describe={describeError} part={{ nl: "de AVG-volledigheid", en: "the AVG completeness" }}>
        <Show when={report()}>
          {(data) => (
            <CompletenessPanel
              report={data()}
              language={language()}
              title={t("AVG-volledigheid van het huidige concept", "AVG completeness of the current draft")}
            />
          )}
        </Show>
      </LoadBoundary>
    </>
  );
}

type Stage =
  | { kind: "input" }
  | { kind: "review"; review: Review }
  | { kind: "done"; review: Review; accepted: AcceptedDraft };

function Importer(props: { group: string; tenant: string; name: string }) {
  const expired = useSessionExpired();
  const [stage, setStage] = createSignal<Stage>({ kind: "input" });
  const [source, setSource] = createSignal<Source>({ text: "", format: "auto", fileName: null });
  const makeProposal = useAction(makeImportProposal);
  const acceptIntoDraft = useAction(acceptImportIntoDraft);
  const proposing = useSubmission(
    makeImportProposal,
    ([group, tenant]) => group === props.group && tenant === props.tenant,
  );
  const accepting = useSubmission(
    acceptImportIntoDraft,
    ([group, tenant]) => group === props.group && tenant === props.tenant,
  );
  /** Which step the server is working on; each step's button is busy (and refuses a second click) meanwhile. */
  const busy = (): "propose" | "accept" | null =>
    proposing.pending === true ? "propose" : accepting.pending === true ? "accept" : null;
  const [error, setError] = createSignal("");
  const [conflict, setConflict] = createSignal(false);
  const [choices, setChoices] = createSignal<ReviewChoices | null>(null);
  let reviewHeading: HTMLHeadingElement | undefined;
  let doneHeading: HTMLHeadingElement | undefined;

  const fail = (thrown: unknown): void => {
    const apiError = asApiError(thrown);
    if (apiError.status === 401) {
      expired();
      return;
    }
    if (apiError.status === 409 && apiError.code === "stale_revision") {
      setConflict(true);
      return;
    }
    setError(describeError(apiError));
  };

  /** Makes (or makes again) the proposal; choices made before are kept when the sections are the same. */
  const propose = async (
    input: Source,
    keepChoices: (proposal: ImportProposal) => ReviewChoices | null = () => null,
  ): Promise<void> => {
    if (busy()) return;
    setError("");
    setConflict(false);
    try {
      const { draft, proposal, check } = await makeProposal(props.group, props.tenant, {
        text: input.text,
        format: input.format,
      });
      const review: Review = { proposal, check, text: input.text, format: input.format, draft };
      setChoices(keepChoices(proposal) ?? initialChoices(proposal));
      setStage({ kind: "review", review });
      queueMicrotask(() => reviewHeading?.focus());
    } catch (thrown) {
      fail(thrown);
    }
  };

  const reproposeKeepingChoices = async (review: Review): Promise<void> => {
    const previous = choices();
    await propose({ text: review.text, format: review.format, fileName: source().fileName }, (next) =>
      previous && sameSections(next, review.proposal) ? previous : null,
    );
  };

  const accept = async (review: Review): Promise<void> => {
    const current = choices();
    if (busy() || !current) return;
    setError("");
    setConflict(false);
    try {
      // The action also fetches every cached answer again: here and on the company pages they describe the old draft.
      const accepted = await acceptIntoDraft(props.group, props.tenant, review.draft.revision, {
        text: review.text,
        format: review.format,
        choices: toChoicesBody(review.proposal, current),
      });
      setStage({ kind: "done", review, accepted });
      queueMicrotask(() => doneHeading?.focus());
    } catch (thrown) {
      fail(thrown);
    }
  };

  const startOver = (): void => {
    setStage({ kind: "input" });
    setError("");
    setConflict(false);
  };

  return (
    <>
      <PageHead name={props.name} />
      <Switch>
        <Match when={stage().kind === "input"}>
          <SourceForm
            name={props.name}
            source={source()}
            onChange={setSource}
            busy={busy() === "propose"}
            error={error()}
            onSubmit={(input) => void propose(input)}
          />
        </Match>
        <Match when={stage().kind === "review" && (stage() as Extract<Stage, { kind: "review" }>).review}>
          {(review) => (
            <ImportReview
              review={review()}
              choices={choices()!}
              onChoices={setChoices}
              busy={busy()}
              error={error()}
              conflict={conflict()}
              headingRef={(el) => (reviewHeading = el)}
              onAccept={() => void accept(review())}
              onRepropose={() => void reproposeKeepingChoices(review())}
              onStartOver={startOver}
            />
          )}
        </Match>
        <Match when={stage().kind === "done" && (stage() as Extract<Stage, { kind: "done" }>)}>
          {(done) => (
            <Done
              group={props.group}
              tenant={props.tenant}
              name={props.name}
              review={done().review}
              accepted={done().accepted}
              headingRef={(el) => (doneHeading = el)}
              onAnother={startOver}
            />
          )}
        </Match>
      </Switch>
    </>
  );
}

function Done(props: {
  group: string;
  tenant: string;
  name: string;
  review: Review;
  accepted: AcceptedDraft;
  headingRef: (el: HTMLHeadingElement) => void;
  onAnother: () => void;
}) {
  const report = createAsync(() => getCompleteness(props.group, props.tenant));
  const base = () => `/console/${props.group}/companies/${props.tenant}`;
  const sectionTitles = () => {
    const lang = language();
    const titles: Record<string, string> = {};
    for (const target of props.review.proposal.targets)
      titles[target.key] = target.title[lang] ?? target.title.nl;
    for (const own of props.accepted.content.ownSections) titles[own.key] = own.title[lang] ?? own.title.nl;
    return titles;
  };
  return (
    <section class="import-done" aria-labelledby="import-done-title">
      <h2 id="import-done-title" tabindex="-1" ref={props.headingRef}>
        {t("Overgenomen in het concept", "Accepted into the draft")}
      </h2>
      <div class="notice success" role="status">
        <p>
          {t(
            `Het concept van ${props.name} is bijgewerkt met de geïmporteerde tekst (revisie ${props.accepted.revision}).`,
            `${props.name}'s draft now holds the imported text (revision ${props.accepted.revision}).`,
          )}
        </p>
        <p>
          <strong>{t("Er is niets gepubliceerd.", "Nothing was published.")}</strong>{" "}
          {t(
            "De openbare privacyverklaring blijft zoals hij is tot iemand het concept publiceert.",
            "The public privacy statement stays as it is until someone publishes the draft.",
          )}
        </p>
      </div>
      <ul class="avg-actions avg-links">
        <li>
          <A href={base()} class="button-link">
            {t("Concept bekijken en aanpassen", "Review and edit the draft")}
          </A>
        </li>
        <li>
          <A href={`${base()}/publish`}>{t("Naar publiceren", "Go to publishing")}</A>
        </li>
        <li>
          <button type="button" class="secondary" onClick={() => props.onAnother()}>
            {t("Nog een tekst importeren", "Import another text")}
          </button>
        </li>
      </ul>
      <LoadBoundary
        describe={describeError}
        part={{ nl: "de AVG-volledigheid van het nieuwe concept", en: "the new draft's AVG completeness" }}
        retry={[getCompleteness.key]}
        loading={t(
          "AVG-volledigheid van het nieuwe concept wordt berekend…",
          "Checking the new draft's AVG completeness…",
        )}
      >
        <Show when={report()}>
          {(data) => (
            <CompletenessPanel
              report={data()}
              language={language()}
              sectionTitles={sectionTitles()}
              title={t("AVG-volledigheid van het nieuwe concept", "AVG completeness of the new draft")}
            />
          )}
        </Show>
      </LoadBoundary>
    </section>
  );
}
