// Rolling a new baseline (or changed processor details) out to the companies, on the privacy
// lead's dashboard: how many companies wait and why, what would change for each (companies for
// which it is the very same change share one card), and republishing every clean company one at a
// time after a confirmation, with a progress bar and a result per company.
import { createMemo, createSignal, For, Show } from "solid-js";
import { A, action, createAsync, useAction, useSubmission } from "@solidjs/router";
import { api, send, toApiError } from "../../api.ts";
import { t } from "../../i18n.ts";
import { getRollout, type RolloutCompany } from "./group-data.ts";
import {
  describeConflict,
  describeRepublishReason,
  errorText,
  isNothingNew,
  joinNames,
  plural,
  unchangedText,
} from "./group-text.ts";
import { SectionDiffList } from "./SectionDiff.tsx";

export interface RunResult {
  tenant: string;
  name: string;
  status: "published" | "skipped" | "failed";
  text: string;
}

interface RunInput {
  companies: RolloutCompany[];
  /** Clean but their text would not change: reported as skipped, not sent. */
  alike: RolloutCompany[];
  /** With a conflict: reported as skipped, not sent. */
  conflicted: RolloutCompany[];
  changeNote: string;
  /** Called before each company and after each result, so the page can show progress. */
  onProgress: (progress: { done: number; current: string | null; result?: RunResult }) => void;
}

const titleOf = (company: RolloutCompany) => (key: string) =>
  company.diff?.sections.find((s) => s.key === key)?.title ?? key;

/** One company's republish, as a result line; never throws, so one failure leaves the others. */
async function republishOne(group: string, company: RolloutCompany, note: string): Promise<RunResult> {
  const base = { tenant: company.tenant.slug, name: company.tenant.name };
  try {
    const response = await send(() =>
      api.api.groups[":group"].rollout[":tenant"].republish.$post({
        param: { group, tenant: company.tenant.slug },
        json: note ? { changeNote: note } : {},
      }),
    );
    if (response.status !== 200 && response.status !== 422) throw await toApiError(response);
    const result = await response.json();
    if (result.status === "failed" && isNothingNew(result.reason))
      return { ...base, status: "skipped", text: t("overgeslagen: ", "skipped: ") + unchangedText() };
    if (result.status === "published")
      return {
        ...base,
        status: "published",
        text: t(
          `gepubliceerd als versie ${result.version?.number}`,
          `published as version ${result.version?.number}`,
        ),
      };
    const reason = describeRepublishReason(result.reason, titleOf(company));
    return result.status === "skipped"
      ? { ...base, status: "skipped", text: t("overgeslagen: ", "skipped: ") + reason }
      : { ...base, status: "failed", text: t("mislukt: ", "failed: ") + reason };
  } catch (error) {
    return { ...base, status: "failed", text: t("mislukt: ", "failed: ") + errorText(error) };
  }
}

/**
 * Republishes the companies one at a time, in the order given (the table's), so the bar moves and a
 * failure leaves the others standing. The queries on screen are fetched again once, at the end.
 */
export const republishCompanies = action(async (group: string, input: RunInput): Promise<RunResult[]> => {
  const results: RunResult[] = [];
  const note = input.changeNote.trim();
  for (const company of input.companies) {
    input.onProgress({ done: results.length, current: company.tenant.name });
    const result = await republishOne(group, company, note);
    results.push(result);
    input.onProgress({ done: results.length, current: company.tenant.name, result });
  }
  const skipped = (company: RolloutCompany, text: string): RunResult => ({
    tenant: company.tenant.slug,
    name: company.tenant.name,
    status: "skipped",
    text,
  });
  for (const company of input.alike)
    results.push(skipped(company, t("overgeslagen: ", "skipped: ") + unchangedText()));
  for (const company of input.conflicted)
    results.push(
      skipped(
        company,
        t("overgeslagen: conflict in ", "skipped: conflict in ") +
          company.conflicts.map((c) => `„${titleOf(company)(c.section)}”`).join(", "),
      ),
    );
  return results;
}, "group-republish");

/** Republishing would not change a word (nor move a section). */
export const unchanged = (company: RolloutCompany): boolean =>
  !!company.diff &&
  company.diff.totals.changed +
    company.diff.totals.added +
    company.diff.totals.removed +
    company.diff.totals.moved ===
    0;

export function Rollout(props: { group: string }) {
  const rollout = createAsync(() => getRollout(props.group));
  const outdated = createMemo(() => rollout()?.companies.filter((c) => c.outdated) ?? []);
  // Clean, and the text really changes: a company that omits the one section the baseline
  // changed would publish the very same statement, which the API refuses as nothing new.
  const clean = createMemo(() => outdated().filter((c) => c.clean && !unchanged(c)));
  const same = createMemo(() => outdated().filter((c) => c.clean && unchanged(c)));
  const conflicted = createMemo(() => outdated().filter((c) => !c.clean));
  const latest = () => rollout()?.companies[0]?.latestBaseline ?? null;

  const [changeNote, setChangeNote] = createSignal("");
  const [confirming, setConfirming] = createSignal(false);
  const [total, setTotal] = createSignal(0);
  const [done, setDone] = createSignal(0);
  const [current, setCurrent] = createSignal<string | null>(null);
  const [results, setResults] = createSignal<RunResult[]>([]);
  const run = useSubmission(republishCompanies, ([group]) => group === props.group);
  const start = useAction(republishCompanies);
  const running = () => run.pending === true;
  let resultsHeading: HTMLHeadingElement | undefined;
  let confirmHeading: HTMLHeadingElement | undefined;

  const askToConfirm = () => {
    setConfirming(true);
    requestAnimationFrame(() => confirmHeading?.focus());
  };

  const republish = async () => {
    if (running()) return;
    setConfirming(false);
    const companies = clean();
    setResults([]);
    setTotal(companies.length);
    setDone(0);
    const all = await start(props.group, {
      companies,
      alike: same(),
      conflicted: conflicted(),
      changeNote: changeNote(),
      onProgress: (progress) => {
        setDone(progress.done);
        setCurrent(progress.current);
        const result = progress.result;
        if (result) setResults((list) => [...list, result]);
      },
    });
    setResults(all);
    setCurrent(null);
    resultsHeading?.focus();
  };

  const count = (status: RunResult["status"]) => results().filter((r) => r.status === status).length;
  // Companies for which republishing means the very same change share one card.
  const groups = createMemo(() => {
    const byChange = new Map<string, RolloutCompany[]>();
    for (const company of outdated()) {
      const key = JSON.stringify([company.reasons, company.clean, company.conflicts, company.diff]);
      byChange.set(key, [...(byChange.get(key) ?? []), company]);
    }
    return [...byChange.values()];
  });

  return (
    <section aria-labelledby="rollout-title">
      <h2 id="rollout-title">{t("Nieuwe basisverklaring doorvoeren", "Rolling out the baseline")}</h2>
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
            `${plural(outdated().length, "bedrijf rust", "bedrijven rusten")} nog op een oudere basisverklaring of oudere verwerkersgegevens. ${plural(clean().length, "bedrijf kan", "bedrijven kunnen")} zonder conflict opnieuw worden gepubliceerd${same().length > 0 ? `; bij ${plural(same().length, "bedrijf", "bedrijven")} blijft de tekst gelijk` : ""}${conflicted().length > 0 ? `; ${plural(conflicted().length, "bedrijf heeft", "bedrijven hebben")} een conflict dat eerst moet worden opgelost` : ""}.`,
            `${plural(outdated().length, "company rests", "companies rest")} on an older baseline or older processor details. ${plural(clean().length, "company", "companies")} can be republished without conflict${same().length > 0 ? `; for ${plural(same().length, "company", "companies")} the text stays the same` : ""}${conflicted().length > 0 ? `; ${plural(conflicted().length, "company has", "companies have")} a conflict to resolve first` : ""}.`,
          )}
        </p>
      </Show>

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
          />
        </div>
        <button
          type="button"
          class="primary"
          disabled={!running() && clean().length === 0}
          aria-disabled={running() || confirming()}
          aria-expanded={confirming()}
          aria-controls="republish-confirm"
          onClick={() => !running() && askToConfirm()}
        >
          {t("Alle bedrijven zonder conflict opnieuw publiceren", "Republish every company without conflict")}
        </button>
        <Show when={confirming()}>
          <div class="confirm" id="republish-confirm" role="group" aria-labelledby="republish-confirm-title">
            <h3 id="republish-confirm-title" tabindex="-1" ref={confirmHeading}>
              {t(
                `${plural(clean().length, "bedrijf", "bedrijven")} opnieuw publiceren?`,
                `Republish ${plural(clean().length, "company", "companies")}?`,
              )}
            </h3>
            <p>
              {t(
                `Elk krijgt een nieuwe, openbare versie op de nieuwste basisverklaring: ${joinNames(clean().map((c) => c.tenant.name))}. Een gepubliceerde versie blijft bestaan; terugdraaien kan alleen met een nieuwe versie.`,
                `Each gets a new, public version on the latest baseline: ${joinNames(clean().map((c) => c.tenant.name))}. A published version stays; undoing it takes another new version.`,
              )}
            </p>
            <div class="button-row">
              <button type="button" class="primary" onClick={() => void republish()}>
                {t(
                  `Ja, ${plural(clean().length, "bedrijf", "bedrijven")} opnieuw publiceren`,
                  `Yes, republish ${plural(clean().length, "company", "companies")}`,
                )}
              </button>
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                {t("Annuleren", "Cancel")}
              </button>
            </div>
          </div>
        </Show>
        <Show when={running() || results().length > 0}>
          <div class="progress-row">
            <label for="republish-progress">
              {running()
                ? t(
                    `Bezig met ${current() ?? "…"} (${done()} van ${total()})`,
                    `Working on ${current() ?? "…"} (${done()} of ${total()})`,
                  )
                : t(
                    `Klaar: ${done()} van ${total()} bedrijven verwerkt`,
                    `Done: ${done()} of ${total()} companies processed`,
                  )}
            </label>
            <progress id="republish-progress" max={Math.max(total(), 1)} value={done()}>
              {done()} / {total()}
            </progress>
          </div>
        </Show>
        <div role="status" class="visually-hidden">
          {!running() && results().length > 0
            ? t(
                `Klaar: ${count("published")} gepubliceerd, ${count("skipped")} overgeslagen, ${count("failed")} mislukt.`,
                `Done: ${count("published")} published, ${count("skipped")} skipped, ${count("failed")} failed.`,
              )
            : ""}
        </div>
        <Show when={results().length > 0}>
          <h3 id="republish-results-title" tabindex="-1" ref={resultsHeading}>
            {t("Resultaat per bedrijf", "Result per company")}
          </h3>
          <ul class="results" aria-labelledby="republish-results-title">
            <For each={results()}>
              {(result) => (
                <li data-company={result.tenant} data-status={result.status}>
                  <span
                    class={`badge ${result.status === "published" ? "ok" : result.status === "skipped" ? "warn" : "bad"}`}
                  >
                    {result.status === "published"
                      ? t("Gepubliceerd", "Published")
                      : result.status === "skipped"
                        ? t("Overgeslagen", "Skipped")
                        : t("Mislukt", "Failed")}
                  </span>{" "}
                  <A href={`/console/${props.group}/companies/${result.tenant}`}>
                    <strong>{result.name}</strong>
                  </A>
                  : {result.text}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>

      <Show when={outdated().length > 0}>
        <h3>{t("Per bedrijf: wat zou er veranderen?", "Per company: what would change?")}</h3>
        <ul class="card-list">
          <For each={groups()}>{(companies) => <ChangeCard group={props.group} companies={companies} />}</For>
        </ul>
      </Show>
    </section>
  );
}

/** What republishing would change, for one company or several for which it is the same change. */
function ChangeCard(props: { group: string; companies: RolloutCompany[] }) {
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
