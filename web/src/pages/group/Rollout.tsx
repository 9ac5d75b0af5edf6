// Rolling a new baseline (or changed processor details) out to the companies, on the privacy
// lead's dashboard: how many companies wait and why, what would change for each (companies for
// which it is the very same change share one card; a large group is looked at a page of companies
// at a time, with the group's counts from the first page), and republishing every clean company
// after a confirmation. The worker does that through its queue, a chunk of companies per transaction
// (POST …/rollout/runs), so a group of any size is republished without this page staying open;
// the page follows the run's progress (also a run started elsewhere, or before a reload) and
// shows what came of it.
import { createEffect, createMemo, createSignal, For, onCleanup, Show, startTransition } from "solid-js";
import { A, createAsync, revalidate, useAction, useSubmission } from "@solidjs/router";
import { language, t } from "../../i18n.ts";
import {
  getBaseline,
  getLatestRolloutRun,
  getRolloutPage,
  readMoreLeftAlone,
  startRolloutRun,
  type LatestRolloutRun,
  type RolloutCompany,
  type RolloutRunView,
} from "./group-data.ts";
import {
  describeConflict,
  describeRepublishReason,
  errorText,
  formatDateTime,
  isNothingNew,
  joinNames,
  plural,
} from "./group-text.ts";
import { usePersonName } from "./people-names.ts";
import { describeGateStop as describeGateStopIn } from "#shared/gate-reason.ts";
import { SectionDiffList } from "./SectionDiff.tsx";

/** How often the page asks for a running run's progress (each chunk is a transaction of 25). */
const POLL_MS = 1500;
/** Change cards shown at first; a large group has many, the rest behind a button. */
const CARDS_AT_FIRST = 50;
/** Names in the confirmation; for more, the count says the rest. */
const NAMES_IN_CONFIRM = 10;

const titleOf = (company: RolloutCompany) => (key: string) =>
  company.diff?.sections.find((s) => s.key === key)?.title ?? key;

/** Republishing would not change a word (nor move a section). */
export const unchanged = (company: RolloutCompany): boolean =>
  !!company.diff &&
  company.diff.totals.changed +
    company.diff.totals.added +
    company.diff.totals.removed +
    company.diff.totals.moved ===
    0;

type LeftAlone = LatestRolloutRun["leftAlone"][number];

/** The publish gate's reason (an English line from the API) in the reader's language; null when not the gate's. */
const describeGateStop = (reason: string, sectionTitle: (key: string) => string): string | null =>
  describeGateStopIn(reason, language(), sectionTitle);

export function Rollout(props: { group: string }) {
  // A page of companies at a time (each one's diff is computed for it); "next companies" adds one.
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const pages = createAsync(() => Promise.all(cursors().map((after) => getRolloutPage(props.group, after))));
  const companies = () => pages()?.flatMap((page) => page.companies) ?? [];
  const nextCompanies = () => pages()?.at(-1)?.next ?? null;
  /** The whole group's counts (SQL, not per company): what a page of a large group cannot show. */
  const totals = () => pages()?.[0]?.totals;
  /** Every company of the group is on screen: the counts below are exact. */
  const wholeGroup = () => nextCompanies() === null;
  const latestRun = createAsync(() => getLatestRolloutRun(props.group));
  const baseline = createAsync(() => getBaseline(props.group));
  const outdated = createMemo(() => companies().filter((c) => c.outdated));
  // Clean, and the text really changes: a company that omits the one section the baseline
  // changed would publish the very same statement, which the API refuses as nothing new.
  // And the publish gate lets it through: a run leaves a company it stops alone, with the reason.
  const clean = createMemo(() => outdated().filter((c) => c.clean && !unchanged(c) && !c.gateStops));
  const stopped = createMemo(() => outdated().filter((c) => c.clean && !unchanged(c) && !!c.gateStops));
  const same = createMemo(() => outdated().filter((c) => c.clean && unchanged(c)));
  const conflicted = createMemo(() => outdated().filter((c) => !c.clean));
  const latest = () => companies()[0]?.latestBaseline ?? null;
  /** Whether starting a run can republish anyone: known exactly for the whole group, else by the count. */
  const anyToRepublish = () => clean().length > 0 || (!wholeGroup() && (totals()?.onOlderBaseline ?? 0) > 0);

  let summary: HTMLDivElement | undefined;
  const [lookingFurther, setLookingFurther] = createSignal(false);
  const lookFurther = () => {
    const after = nextCompanies();
    if (after === null || lookingFurther()) return;
    // The cards on screen stay while the next page loads; then the focus goes to the summary,
    // which says how many companies have been looked at (and is there also when none wait).
    setLookingFurther(true);
    void startTransition(() => setCursors([...cursors(), after])).then(() => {
      setLookingFurther(false);
      summary?.focus();
    });
  };
  const personName = usePersonName();

  const [changeNote, setChangeNote] = createSignal("");
  const [confirming, setConfirming] = createSignal(false);
  const starting = useSubmission(startRolloutRun, ([group]) => group === props.group);
  const start = useAction(startRolloutRun);
  let resultsHeading: HTMLHeadingElement | undefined;
  let confirmHeading: HTMLHeadingElement | undefined;

  // The run on screen: the latest the API reported, or the one just started if that is newer
  // (the start's answer arrives before the next look at the latest run).
  const run = (): RolloutRunView | null => {
    const reported = latestRun()?.run ?? null;
    const started = starting.result?.run ?? null;
    return started && (!reported || reported.id < started.id) ? started : reported;
  };
  const running = () => starting.pending === true || run()?.status === "running";

  // While a run runs, ask for its progress again POLL_MS after the last answer (also when that
  // answer looked the same); no longer once it ended or the page is left (onCleanup clears the timer).
  const [polled, setPolled] = createSignal(0);
  createEffect(() => {
    polled();
    if (run()?.status !== "running") return;
    const timer = setTimeout(
      () => void revalidate(getLatestRolloutRun.keyFor(props.group)).finally(() => setPolled((n) => n + 1)),
      POLL_MS,
    );
    onCleanup(() => clearTimeout(timer));
  });

  // A run this page saw running has ended: the statuses, the table and the timeline are fetched
  // again, and the focus goes to the result.
  const [followed, setFollowed] = createSignal<number | null>(null);
  const [endedHere, setEndedHere] = createSignal(false);
  createEffect(() => {
    const current = run();
    if (!current) return;
    if (current.status === "running") {
      setFollowed(current.id);
      setEndedHere(false);
      return;
    }
    // Also when the run the lead just joined (409) had already ended by the time it was read.
    if (followed() !== current.id) return;
    setFollowed(null);
    setEndedHere(true);
    const focusResult = () => requestAnimationFrame(() => resultsHeading?.focus());
    focusResult();
    void revalidate().then(focusResult);
  });

  // The companies the run left alone: the first page comes with the run, more on request.
  const [morePages, setMorePages] = createSignal<{
    runId: number;
    items: LeftAlone[];
    next: string | null;
  }>();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal("");
  const leftAlone = (): LeftAlone[] => {
    const first = latestRun();
    if (!first) return [];
    const more = morePages();
    return more?.runId === first.run.id ? [...first.leftAlone, ...more.items] : first.leftAlone;
  };
  const nextPage = (): string | null => {
    const first = latestRun();
    if (!first) return null;
    const more = morePages();
    return more?.runId === first.run.id ? more.next : first.next;
  };
  const showMore = async () => {
    const first = latestRun();
    const after = nextPage();
    if (!first || !after || loadingMore()) return;
    setLoadingMore(true);
    setMoreError("");
    try {
      const page = await readMoreLeftAlone(props.group, after);
      if (page && page.run.id === first.run.id) {
        const had = morePages()?.runId === first.run.id ? morePages()!.items : [];
        setMorePages({ runId: first.run.id, items: [...had, ...page.leftAlone], next: page.next });
      }
    } catch (error) {
      setMoreError(errorText(error));
    } finally {
      setLoadingMore(false);
    }
  };

  /** A section's title in the latest baseline, for a reason that names sections by key. */
  const sectionTitle = (key: string): string => {
    const title = baseline()?.baseline.sections.find((s) => s.key === key)?.title;
    return title ? t(title.nl, title.en ?? title.nl) : key;
  };
  /** A company left alone as the lead reads it; "nothing new" is a skip, not a failure. */
  const describeLeftAlone = (item: LeftAlone): { status: "skipped" | "failed"; text: string } =>
    item.status === "failed" && !isNothingNew(item.reason)
      ? {
          status: "failed",
          text:
            t("mislukt: ", "failed: ") +
            (describeGateStop(item.reason, sectionTitle) ??
              describeRepublishReason(item.reason, sectionTitle)),
        }
      : {
          status: "skipped",
          text: t("overgeslagen: ", "skipped: ") + describeRepublishReason(item.reason, sectionTitle),
        };

  const askToConfirm = () => {
    setConfirming(true);
    requestAnimationFrame(() => confirmHeading?.focus());
  };

  const republish = async () => {
    if (running()) return;
    setConfirming(false);
    setEndedHere(false);
    const outcome = await start(props.group, changeNote()).catch(() => null);
    // A run that was already running is followed like one started here; its progress shows.
    if (outcome) setFollowed(outcome.run.id);
  };

  // Companies for which republishing means the very same change share one card.
  const groups = createMemo(() => {
    const byChange = new Map<string, RolloutCompany[]>();
    for (const company of outdated()) {
      const key = JSON.stringify([
        company.reasons,
        company.clean,
        company.conflicts,
        company.diff,
        company.gateStops,
      ]);
      byChange.set(key, [...(byChange.get(key) ?? []), company]);
    }
    return [...byChange.values()];
  });
  const [allCards, setAllCards] = createSignal(false);
  const shownGroups = () => (allCards() ? groups() : groups().slice(0, CARDS_AT_FIRST));
  const confirmNames = () => {
    const names = clean().map((c) => c.tenant.name);
    return names.length <= NAMES_IN_CONFIRM
      ? joinNames(names)
      : t(
          `${names.slice(0, NAMES_IN_CONFIRM).join(", ")} en nog ${names.length - NAMES_IN_CONFIRM} andere`,
          `${names.slice(0, NAMES_IN_CONFIRM).join(", ")} and ${names.length - NAMES_IN_CONFIRM} others`,
        );
  };

  return (
    <section id="rollout" aria-labelledby="rollout-title">
      <h2 id="rollout-title">{t("Nieuwe basisverklaring doorvoeren", "Rolling out the baseline")}</h2>
      <div class="rollout-summary" tabindex="-1" ref={summary}>
        <Show
          when={wholeGroup()}
          fallback={
            <p>
              {t(
                `${plural(totals()?.onOlderBaseline ?? 0, "bedrijf", "bedrijven")} van de ${totals()?.activeCompanies ?? 0} ${(totals()?.onOlderBaseline ?? 0) === 1 ? "rust" : "rusten"} nog op een oudere basisverklaring; oudere verwerkersgegevens blijken per bedrijf. Bekeken: de eerste ${companies().length}, waarvan ${plural(outdated().length, "bedrijf", "bedrijven")} opnieuw gepubliceerd ${outdated().length === 1 ? "moet" : "moeten"} worden: ${clean().length} zonder conflict${same().length > 0 ? `, ${same().length} met een tekst die gelijk blijft` : ""}${stopped().length > 0 ? `, ${stopped().length} die niet door de publicatiecontrole ${stopped().length === 1 ? "komt" : "komen"}` : ""}${conflicted().length > 0 ? `, ${conflicted().length} met een conflict dat eerst moet worden opgelost` : ""}.`,
                `${plural(totals()?.onOlderBaseline ?? 0, "company", "companies")} of ${totals()?.activeCompanies ?? 0} ${(totals()?.onOlderBaseline ?? 0) === 1 ? "rests" : "rest"} on an older baseline; older processor details show per company. Looked at: the first ${companies().length}, of which ${plural(outdated().length, "company needs", "companies need")} republishing: ${clean().length} without conflict${same().length > 0 ? `, ${same().length} whose text stays the same` : ""}${stopped().length > 0 ? `, ${stopped().length} that ${stopped().length === 1 ? "does" : "do"} not pass the publish check` : ""}${conflicted().length > 0 ? `, ${conflicted().length} with a conflict to resolve first` : ""}.`,
              )}
            </p>
          }
        >
          <Show
            when={outdated().length > 0}
            fallback={
              <p>
                {t(
                  `Alle gepubliceerde bedrijven rusten op de nieuwste basisverklaring${latest() ? ` (versie ${latest()})` : ""}.`,
                  `Every published company rests on the latest baseline${latest() ? ` (version ${latest()})` : ""}.`,
                )}
              </p>
            }
          >
            <p>
              {t(
                `${plural(outdated().length, "bedrijf rust", "bedrijven rusten")} nog op een oudere basisverklaring of oudere verwerkersgegevens. ${plural(clean().length, "bedrijf kan", "bedrijven kunnen")} zonder conflict opnieuw worden gepubliceerd${same().length > 0 ? `; bij ${plural(same().length, "bedrijf", "bedrijven")} blijft de tekst gelijk` : ""}${stopped().length > 0 ? `; ${plural(stopped().length, "bedrijf komt", "bedrijven komen")} niet door de publicatiecontrole` : ""}${conflicted().length > 0 ? `; ${plural(conflicted().length, "bedrijf heeft", "bedrijven hebben")} een conflict dat eerst moet worden opgelost` : ""}.`,
                `${plural(outdated().length, "company rests", "companies rest")} on an older baseline or older processor details. ${plural(clean().length, "company", "companies")} can be republished without conflict${same().length > 0 ? `; for ${plural(same().length, "company", "companies")} the text stays the same` : ""}${stopped().length > 0 ? `; ${plural(stopped().length, "company does", "companies do")} not pass the publish check` : ""}${conflicted().length > 0 ? `; ${plural(conflicted().length, "company has", "companies have")} a conflict to resolve first` : ""}.`,
              )}
            </p>
          </Show>
        </Show>
      </div>

      <div class="rollout-actions">
        <div class="field">
          <label for="republish-note">{t("Wijzigingsnotitie (optioneel)", "Change note (optional)")}</label>
          <p id="republish-note-hint" class="hint">
            {t(
              "Staat bij elke nieuwe versie. Leeg laten geeft: „Basisverklaring versie … overgenomen.”",
              "Shown with every new version. Left empty: “Baseline version … adopted.”",
            )}
          </p>
          <input
            id="republish-note"
            type="text"
            value={changeNote()}
            onInput={(e) => setChangeNote(e.currentTarget.value)}
            aria-describedby="republish-note-hint"
            maxLength={2000}
            disabled={running()}
          />
        </div>
        <button
          type="button"
          class="primary"
          disabled={running() || !anyToRepublish()}
          aria-expanded={confirming()}
          aria-controls="republish-confirm"
          aria-describedby={running() ? "republish-running" : undefined}
          onClick={() => !running() && askToConfirm()}
        >
          {t("Alle bedrijven zonder conflict opnieuw publiceren", "Republish every company without conflict")}
        </button>
        <Show when={confirming() && !running()}>
          <div class="confirm" id="republish-confirm" role="group" aria-labelledby="republish-confirm-title">
            <h3 id="republish-confirm-title" tabindex="-1" ref={confirmHeading}>
              {wholeGroup()
                ? t(
                    `${plural(clean().length, "bedrijf", "bedrijven")} opnieuw publiceren?`,
                    `Republish ${plural(clean().length, "company", "companies")}?`,
                  )
                : t(
                    "Alle bedrijven zonder conflict opnieuw publiceren?",
                    "Republish every company without conflict?",
                  )}
            </h3>
            <p>
              {wholeGroup()
                ? t(
                    `Elk krijgt een nieuwe, openbare versie op de nieuwste basisverklaring: ${confirmNames()}. Een gepubliceerde versie blijft bestaan; terugdraaien kan alleen met een nieuwe versie.`,
                    `Each gets a new, public version on the latest baseline: ${confirmNames()}. A published version stays; undoing it takes another new version.`,
                  )
                : t(
                    `Verklaring bekijkt alle ${totals()?.activeCompanies ?? 0} bedrijven, ook die je hier niet zag; elk bedrijf dat op een oudere basisverklaring of oudere gegevens rust en geen conflict heeft, krijgt een nieuwe, openbare versie op de nieuwste basisverklaring. Een gepubliceerde versie blijft bestaan; terugdraaien kan alleen met een nieuwe versie.`,
                    `Verklaring looks at all ${totals()?.activeCompanies ?? 0} companies, also those you did not see here; every company that rests on an older baseline or older details and has no conflict gets a new, public version on the latest baseline. A published version stays; undoing it takes another new version.`,
                  )}
            </p>
            <p>
              {t(
                "Verklaring publiceert ze op de achtergrond, in delen; je kunt deze pagina intussen sluiten. Een bedrijf met een conflict wordt overgeslagen, en een verklaring die niet door de publicatiecontrole komt (bijvoorbeeld omdat een verplicht onderdeel ontbreekt) wordt niet gepubliceerd; je ziet daarna per bedrijf de reden.",
                "Verklaring publishes them in the background, in parts; you may close this page meanwhile. A company with a conflict is skipped, and a statement that does not pass the publish check (for instance because a required part is missing) is not published; afterwards you see the reason per company.",
              )}
            </p>
            <div class="button-row">
              <button type="button" class="primary" onClick={() => void republish()}>
                {wholeGroup()
                  ? t(
                      `Ja, ${plural(clean().length, "bedrijf", "bedrijven")} opnieuw publiceren`,
                      `Yes, republish ${plural(clean().length, "company", "companies")}`,
                    )
                  : t("Ja, opnieuw publiceren", "Yes, republish")}
              </button>
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                {t("Annuleren", "Cancel")}
              </button>
            </div>
          </div>
        </Show>
        <Show when={starting.error}>
          <p class="field-error" role="alert">
            {t("Opnieuw publiceren is niet gestart: ", "Republishing did not start: ")}
            {errorText(starting.error)}
          </p>
        </Show>
        <Show when={starting.result?.kind === "already_running" && starting.result.run.id === run()?.id}>
          <p class="notice info" id="republish-already">
            {t(
              `Er liep al een publicatieronde voor deze groep, gestart door ${personName(run()?.startedBy)}. Er is geen tweede gestart; hieronder staat hoe ver die ronde is.`,
              `A republishing run was already under way for this group, started by ${personName(run()?.startedBy)}. No second one was started; below is how far that run has got.`,
            )}
          </p>
        </Show>
        <Show when={run()}>{(current) => <RunProgress run={current()} starter={personName} />}</Show>
        <div role="status" class="visually-hidden">
          {endedHere() && run()
            ? t(
                `Klaar: ${run()!.published} gepubliceerd, ${run()!.upToDate} al bijgewerkt, ${run()!.skipped} overgeslagen, ${run()!.failed} mislukt.`,
                `Done: ${run()!.published} published, ${run()!.upToDate} already up to date, ${run()!.skipped} skipped, ${run()!.failed} failed.`,
              )
            : ""}
        </div>
        <Show when={run()?.status !== "running" && latestRun()}>
          {(last) => (
            <div class="run-result">
              <h3 id="republish-results-title" tabindex="-1" ref={resultsHeading}>
                {last().run.status === "failed"
                  ? t("Laatste publicatieronde afgebroken", "Last republishing run stopped")
                  : t("Resultaat van de laatste publicatieronde", "Result of the last republishing run")}
              </h3>
              <RunSummary run={last().run} starter={personName} />
              <Show when={leftAlone().length > 0}>
                <p>{t("Niet opnieuw gepubliceerd, met de reden:", "Not republished, with the reason:")}</p>
                <ul class="results" aria-labelledby="republish-results-title">
                  <For each={leftAlone()}>
                    {(item) => {
                      const described = describeLeftAlone(item);
                      return (
                        <li data-company={item.tenant.slug} data-status={described.status}>
                          <span class={`badge ${described.status === "skipped" ? "warn" : "bad"}`}>
                            {described.status === "skipped"
                              ? t("Overgeslagen", "Skipped")
                              : t("Mislukt", "Failed")}
                          </span>{" "}
                          <A href={`/console/${props.group}/companies/${item.tenant.slug}`}>
                            <strong>{item.tenant.name}</strong>
                          </A>
                          : {described.text}
                        </li>
                      );
                    }}
                  </For>
                </ul>
                <Show when={nextPage()}>
                  <button
                    type="button"
                    class="secondary"
                    aria-disabled={loadingMore()}
                    onClick={() => void showMore()}
                  >
                    {loadingMore()
                      ? t("Bezig…", "Working…")
                      : t("Meer bedrijven tonen", "Show more companies")}
                  </button>
                </Show>
                <Show when={moreError()}>
                  <p class="field-error" role="alert">
                    {moreError()}
                  </p>
                </Show>
              </Show>
            </div>
          )}
        </Show>
      </div>

      <Show when={outdated().length > 0 || !wholeGroup()}>
        <h3>
          {wholeGroup()
            ? t("Per bedrijf: wat zou er veranderen?", "Per company: what would change?")
            : t(
                `Per bedrijf: wat zou er veranderen? (de eerste ${companies().length} bekeken)`,
                `Per company: what would change? (the first ${companies().length} looked at)`,
              )}
        </h3>
        <ul class="card-list">
          <For each={shownGroups()}>
            {(companies) => (
              <ChangeCard group={props.group} companies={companies} sectionTitle={sectionTitle} />
            )}
          </For>
        </ul>
        <Show when={!allCards() && groups().length > CARDS_AT_FIRST}>
          <button type="button" class="secondary" onClick={() => setAllCards(true)}>
            {t(`Alle ${groups().length} wijzigingen tonen`, `Show all ${groups().length} changes`)}
          </button>
        </Show>
        <Show when={nextCompanies() !== null}>
          <button
            type="button"
            class="secondary"
            aria-disabled={lookingFurther()}
            onClick={() => lookFurther()}
          >
            {lookingFurther()
              ? t("Bezig…", "Working…")
              : t("Volgende bedrijven bekijken", "Look at the next companies")}
          </button>
        </Show>
      </Show>
    </section>
  );
}

/** A running run: the bar (processed of total) and the counts so far. */
function RunProgress(props: { run: RolloutRunView; starter: (email: string | null) => string }) {
  return (
    <Show when={props.run.status === "running"}>
      <div class="progress-row" id="republish-running">
        <label for="republish-progress">
          {t(
            `Bezig met opnieuw publiceren: ${props.run.processed} van ${plural(props.run.total, "bedrijf", "bedrijven")} verwerkt`,
            `Republishing: ${props.run.processed} of ${plural(props.run.total, "company", "companies")} processed`,
          )}
        </label>
        <progress id="republish-progress" max={Math.max(props.run.total, 1)} value={props.run.processed}>
          {props.run.processed} / {props.run.total}
        </progress>
        <p class="muted">
          {t(
            `${props.run.published} opnieuw gepubliceerd · ${props.run.upToDate} waren al bijgewerkt · ${props.run.skipped} overgeslagen · ${props.run.failed} mislukt. Gestart door ${props.starter(props.run.startedBy) || "onbekend"} op ${formatDateTime(props.run.startedAt)}; je kunt deze pagina sluiten, het gaat door.`,
            `${props.run.published} republished · ${props.run.upToDate} already up to date · ${props.run.skipped} skipped · ${props.run.failed} failed. Started by ${props.starter(props.run.startedBy) || "unknown"} on ${formatDateTime(props.run.startedAt)}; you may close this page, it carries on.`,
          )}
        </p>
      </div>
    </Show>
  );
}

/** What a finished (or stopped) run did, in counts. */
function RunSummary(props: { run: RolloutRunView; starter: (email: string | null) => string }) {
  return (
    <>
      <p>
        {t(
          `Gestart door ${props.starter(props.run.startedBy) || "onbekend"} op ${formatDateTime(props.run.startedAt)}, op basisverklaring versie ${props.run.baselineVersion}${props.run.finishedAt ? `; klaar op ${formatDateTime(props.run.finishedAt)}` : ""}.`,
          `Started by ${props.starter(props.run.startedBy) || "unknown"} on ${formatDateTime(props.run.startedAt)}, on baseline version ${props.run.baselineVersion}${props.run.finishedAt ? `; finished on ${formatDateTime(props.run.finishedAt)}` : ""}.`,
        )}
      </p>
      <ul class="run-counts">
        <li data-count="published">
          {t(
            `${plural(props.run.published, "bedrijf", "bedrijven")} opnieuw gepubliceerd`,
            `${plural(props.run.published, "company", "companies")} republished`,
          )}
        </li>
        <li data-count="up-to-date">
          {t(
            `${plural(props.run.upToDate, "bedrijf was", "bedrijven waren")} al bijgewerkt (de tekst verandert niet)`,
            `${plural(props.run.upToDate, "company was", "companies were")} already up to date (the text does not change)`,
          )}
        </li>
        <li data-count="skipped">
          {t(
            `${plural(props.run.skipped, "bedrijf", "bedrijven")} overgeslagen`,
            `${plural(props.run.skipped, "company", "companies")} skipped`,
          )}
        </li>
        <li data-count="failed">
          {t(
            `${plural(props.run.failed, "bedrijf", "bedrijven")} mislukt`,
            `${plural(props.run.failed, "company", "companies")} failed`,
          )}
        </li>
      </ul>
      <Show when={props.run.status === "failed"}>
        <p class="field-error">
          {t(
            `De publicatieronde is na ${props.run.processed} van ${props.run.total} bedrijven afgebroken${props.run.error ? ` (${props.run.error})` : ""}. Wat al gepubliceerd is, blijft gepubliceerd; start opnieuw om de rest te doen.`,
            `The run stopped after ${props.run.processed} of ${props.run.total} companies${props.run.error ? ` (${props.run.error})` : ""}. What was published stays published; start again to do the rest.`,
          )}
        </p>
      </Show>
    </>
  );
}

/** What republishing would change, for one company or several for which it is the same change. */
function ChangeCard(props: {
  group: string;
  companies: RolloutCompany[];
  /** A section's title in the latest baseline, for the gate's reason. */
  sectionTitle: (key: string) => string;
}) {
  const first = () => props.companies[0]!;
  const link = (company: RolloutCompany) => (
    <A href={`/console/${props.group}/companies/${company.tenant.slug}`}>{company.tenant.name}</A>
  );
  return (
    <li class="card" data-companies={props.companies.map((c) => c.tenant.slug).join(" ")}>
      <div class="card-head">
        <h4 class="company-name">
          <For each={props.companies}>
            {(company, index) => (
              <>
                {index() > 0 ? (index() === props.companies.length - 1 ? t(" en ", " and ") : ", ") : ""}
                {link(company)}
              </>
            )}
          </For>
        </h4>
        <ul class="badges">
          <li class="badge warn">{t("Verouderd", "Outdated")}</li>
          <Show when={!first().clean}>
            <li class="badge bad">{t("Conflict", "Conflict")}</li>
          </Show>
          <Show when={first().clean && first().gateStops}>
            <li class="badge bad">{t("Publicatiecontrole", "Publish check")}</li>
          </Show>
        </ul>
      </div>
      <Show when={props.companies.length > 1}>
        <p class="muted">
          {t(
            `Voor deze ${props.companies.length} bedrijven is het dezelfde wijziging.`,
            `For these ${props.companies.length} companies it is the same change.`,
          )}
        </p>
      </Show>
      <For each={props.companies}>
        {(company) => (
          <Show when={company.reasons.includes("baseline") && company.version}>
            {(version) => (
              <p class="muted">
                {t(
                  `${company.tenant.name}: versie ${version().number} rust op basisverklaring ${version().baselineVersion}; de nieuwste is versie ${company.latestBaseline}.`,
                  `${company.tenant.name}: version ${version().number} rests on baseline ${version().baselineVersion}; the latest is version ${company.latestBaseline}.`,
                )}
              </p>
            )}
          </Show>
        )}
      </For>
      <Show when={first().reasons.includes("processor")}>
        <p class="muted">
          {t(
            "Gegevens van een verwerker zijn in het verwerkersregister gewijzigd.",
            "Details of a processor changed in the processor register.",
          )}
        </p>
      </Show>
      <Show when={first().reasons.includes("group")}>
        <p class="muted">
          {t(
            "De naam van de groep of de lijst van haar bedrijven is veranderd; de verklaringen noemen die.",
            "The group's name or its list of companies changed; the statements name them.",
          )}
        </p>
      </Show>
      <Show when={first().clean && unchanged(first())}>
        <p>
          {t(
            "De tekst van de verklaring verandert hierdoor niet, bijvoorbeeld omdat het bedrijf de gewijzigde sectie weglaat: opnieuw publiceren is niet nodig.",
            "This does not change the statement's text, for instance because the company omits the changed section: no need to republish.",
          )}
        </p>
      </Show>
      <Show when={first().clean && !unchanged(first()) && first().gateStops}>
        {(reason) => (
          <div class="conflicts" data-gate-stops>
            <p>
              <strong>
                {t(
                  "Komt niet door de publicatiecontrole: een publicatieronde laat dit bedrijf staan, met deze reden.",
                  "Does not pass the publish check: a republishing run leaves this company alone, with this reason.",
                )}
              </strong>
            </p>
            <p>{describeGateStop(reason(), props.sectionTitle) ?? reason()}</p>
          </div>
        )}
      </Show>
      <Show when={first().conflicts.length > 0}>
        <div class="conflicts">
          <p>
            <strong>
              {t(
                "Conflict: niet automatisch opnieuw gepubliceerd.",
                "Conflict: not republished automatically.",
              )}
            </strong>
          </p>
          <ul>
            <For each={first().conflicts}>
              {(conflict) => (
                <li>
                  <strong>„{titleOf(first())(conflict.section)}”</strong>: {describeConflict(conflict.reason)}
                </li>
              )}
            </For>
          </ul>
          <ul class="inline">
            <For each={props.companies}>
              {(company) => (
                <li>
                  <A href={`/console/${props.group}/companies/${company.tenant.slug}`}>
                    {t(
                      `Teksten van ${company.tenant.name} bekijken`,
                      `Review ${company.tenant.name}'s texts`,
                    )}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={first().diff}>
        {(diff) => (
          <details class="disclosure">
            <summary>
              {t("Wat zou er veranderen?", "What would change?")}{" "}
              <span class="muted">({changeSummary(diff().totals)})</span>
            </summary>
            <SectionDiffList diff={diff()} />
          </details>
        )}
      </Show>
    </li>
  );
}

/** "1 sectie gewijzigd · 12 woorden erbij, 0 eruit" */
export function changeSummary(totals: {
  added: number;
  removed: number;
  changed: number;
  wordsAdded: number;
  wordsRemoved: number;
}): string {
  const parts: string[] = [];
  if (totals.changed > 0)
    parts.push(
      t(
        `${plural(totals.changed, "sectie", "secties")} gewijzigd`,
        `${plural(totals.changed, "section", "sections")} changed`,
      ),
    );
  if (totals.added > 0)
    parts.push(
      t(
        `${plural(totals.added, "sectie", "secties")} erbij`,
        `${plural(totals.added, "section", "sections")} added`,
      ),
    );
  if (totals.removed > 0)
    parts.push(
      t(
        `${plural(totals.removed, "sectie", "secties")} weg`,
        `${plural(totals.removed, "section", "sections")} removed`,
      ),
    );
  if (parts.length === 0) parts.push(t("geen tekstwijziging", "no change to the text"));
  parts.push(
    t(
      `${plural(totals.wordsAdded, "woord", "woorden")} erbij, ${totals.wordsRemoved} eruit`,
      `${plural(totals.wordsAdded, "word", "words")} added, ${totals.wordsRemoved} removed`,
    ),
  );
  return parts.join(" · ");
}
