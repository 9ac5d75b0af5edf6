// /console/:group — the privacy lead's overview: every company with its version in force, the
// baseline it rests on, what waits, who published last; rolling a new baseline out, company by
// company; and a timeline of recent publishes. Anyone else sees links to their own companies.
import { createMemo, createSignal, ErrorBoundary, For, Show, Suspense, type JSX } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { CHECKLIST } from "#shared/completeness/checklist.ts";
import { api, toApiError } from "../../api.ts";
import { t } from "../../i18n.ts";
import { GroupPage, type GroupContext } from "./GroupPage.tsx";
import {
  getAudit,
  getPublishRequests,
  getCompleteness,
  getRollout,
  getTenants,
  getTenantVersions,
  refreshGroupData,
  type AuditEntry,
  type RolloutCompany,
  type TenantVersions,
} from "./group-data.ts";
import {
  actionName,
  describeConflict,
  describeRepublishReason,
  errorText,
  formatDateTime,
  formatShortDate,
  formatShortDateTime,
  isNothingNew,
  plural,
  roleName,
  unchangedText,
} from "./group-text.ts";
import { SectionDiffList } from "./SectionDiff.tsx";

export default function DashboardPage() {
  return (
    <GroupPage title={(name) => name ?? t("Overzicht", "Overview")}>
      {(ctx) => (ctx.role.isAdmin ? <AdminDashboard {...ctx} /> : <MemberDashboard {...ctx} />)}
    </GroupPage>
  );
}

function MemberDashboard(props: GroupContext) {
  return (
    <>
      <p class="lead">
        {t(
          "Hier beheer je de privacyverklaring van je eigen bedrijf. Kies een bedrijf:",
          "Here you look after your own company's privacy statement. Choose a company:",
        )}
      </p>
      <ul class="company-list">
        <For each={props.role.companies}>
          {(company) => (
            <li>
              <A href={`/console/${props.group}/companies/${company.slug}`} class="company-name">
                {company.name}
              </A>
              <span class="muted">
                {" "}
                — {t("jij bent", "you are")} {roleName(company.role)}
              </span>
            </li>
          )}
        </For>
      </ul>
      <p>
        <A href={`/console/${props.group}/requests`}>
          {t("Je publicatieverzoeken bekijken", "See your publish requests")}
        </A>
      </p>
    </>
  );
}

const PUBLISH_ACTIONS = ["statement.published", "statement.republished", "statement.restored"];

function AdminDashboard(props: GroupContext) {
  return (
    <>
      <p class="lead">
        {t(
          "Alle bedrijven van de groep, met de versie van hun privacyverklaring die nu geldt.",
          "Every company of the group, with the version of its privacy statement now in force.",
        )}
      </p>
      <Boundary what={t("het overzicht", "the overview")}>
        <CompanyTable group={props.group} />
      </Boundary>
      <Boundary what={t("de uitrol", "the rollout")}>
        <Rollout group={props.group} />
      </Boundary>
      <Boundary what={t("de tijdlijn", "the timeline")}>
        <Timeline group={props.group} />
      </Boundary>
    </>
  );
}

/** One part of the page failing to load does not take the others with it. */
function Boundary(props: { what: string; children: JSX.Element }) {
  return (
    <ErrorBoundary
      fallback={(error, reset) => (
        <div role="alert" class="notice error">
          <p>
            {t(`Laden van ${props.what} is niet gelukt: `, `Loading ${props.what} failed: `)}
            {errorText(error)}
          </p>
          <button type="button" onClick={reset}>
            {t("Opnieuw proberen", "Try again")}
          </button>
        </div>
      )}
    >
      <Suspense fallback={<p class="loading">{t("Laden…", "Loading…")}</p>}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}

/** Every publish, republish and restore, newest first (as far as the log's pages reach). */
async function loadPublishes(group: string): Promise<AuditEntry[]> {
  const lists = await Promise.all(PUBLISH_ACTIONS.map((action) => getAudit(group, { action, limit: 100 })));
  return lists.flatMap((list) => list.entries).sort((a, b) => b.seq - a.seq);
}

const summaryNumber = (entry: AuditEntry, key: string): number | null => {
  const value = (entry.summary as Record<string, unknown> | null)?.[key];
  return typeof value === "number" ? value : null;
};
const summaryText = (entry: AuditEntry, key: string): string | null => {
  const value = (entry.summary as Record<string, unknown> | null)?.[key];
  return typeof value === "string" ? value : null;
};

/** A checklist item's name in the console's language, e.g. "Recht van bezwaar, apart vermeld". */
const itemTitle = (id: string): string => {
  const item = CHECKLIST.find((i) => i.id === id);
  return item ? t(item.title.nl, item.title.en) : id;
};

function CompanyTable(props: { group: string }) {
  const tenants = createAsync(() => getTenants(props.group));
  const rollout = createAsync(() => getRollout(props.group));
  const pending = createAsync(() => getPublishRequests(props.group, "pending"));
  const publishes = createAsync(() => loadPublishes(props.group));
  const completeness = createAsync(() => getCompleteness(props.group));
  const avgOf = (slug: string) => completeness()?.companies.find((c) => c.tenant.slug === slug);
  const versions = createAsync(async () => {
    const list = await getTenants(props.group);
    const entries = await Promise.all(
      list.tenants.map(
        async (tenant) => [tenant.slug, await getTenantVersions(props.group, tenant.slug)] as const,
      ),
    );
    return new Map<string, TenantVersions>(entries);
  });

  const rolloutOf = (slug: string) => rollout()?.companies.find((c) => c.tenant.slug === slug);
  const pendingOf = (slug: string) => pending()?.requests.filter((r) => r.tenant.slug === slug) ?? [];
  const lastPublishOf = (slug: string) =>
    publishes()?.find((entry) => entry.tenant === slug || entry.target === slug);

  return (
    <table class="data-table companies-table">
      <caption class="visually-hidden">
        {t("Bedrijven en hun privacyverklaring", "Companies and their statement")}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t("Bedrijf", "Company")}</th>
          <th scope="col">{t("Versie in werking", "Version in force")}</th>
          <th scope="col">{t("Basisverklaring", "Baseline")}</th>
          <th scope="col">{t("Status", "Status")}</th>
          <th scope="col">{t("AVG", "GDPR")}</th>
          <th scope="col">{t("Laatst gepubliceerd", "Last published")}</th>
        </tr>
      </thead>
      <tbody>
        <For each={tenants()?.tenants}>
          {(tenant) => {
            const history = () => versions()?.get(tenant.slug)?.versions ?? [];
            const inForce = () => history().find((v) => v.status === "in_force");
            const scheduled = () => history().filter((v) => v.status === "scheduled");
            const newest = () => [...history()].sort((a, b) => b.number - a.number)[0];
            const status = () => rolloutOf(tenant.slug);
            const last = () => lastPublishOf(tenant.slug);
            return (
              <tr data-company={tenant.slug}>
                <th scope="row">
                  <A href={`/console/${props.group}/companies/${tenant.slug}`}>{tenant.name}</A>
                </th>
                <td data-label={t("Versie in werking", "Version in force")}>
                  <Show when={inForce()} fallback={<span class="muted">{t("nog geen", "none yet")}</span>}>
                    {(v) => (
                      <>
                        {t("versie", "version")} {v().number}
                        <span class="muted">
                          {" "}
                          {t("sinds", "since")} {formatShortDate(v().effectiveFrom)}
                        </span>
                      </>
                    )}
                  </Show>
                  <For each={scheduled()}>
                    {(v) => (
                      <div class="muted">
                        {t(`versie ${v.number} gaat in op`, `version ${v.number} takes effect on`)}{" "}
                        {formatShortDate(v.effectiveFrom)}
                      </div>
                    )}
                  </For>
                </td>
                <td data-label={t("Basisverklaring", "Baseline")}>
                  <Show when={inForce()} fallback={<span class="muted">—</span>}>
                    {(v) => (
                      <>
                        {t("versie", "version")} {v().baselineVersion}
                        <Show when={status() && v().baselineVersion !== status()!.latestBaseline}>
                          <span class="muted">
                            {" "}
                            {t(
                              `(nieuwste: ${status()!.latestBaseline})`,
                              `(latest: ${status()!.latestBaseline})`,
                            )}
                          </span>
                        </Show>
                      </>
                    )}
                  </Show>
                </td>
                <td data-label={t("Status", "Status")}>
                  <StatusBadges status={status()} pendingCount={pendingOf(tenant.slug).length} />
                </td>
                <td data-label={t("AVG", "GDPR")} class="avg-cell">
                  <Show when={avgOf(tenant.slug)?.score != null} fallback={<span class="muted">—</span>}>
                    <A href={`/console/${props.group}/report`}>
                      <span class="avg-score">{avgOf(tenant.slug)!.score}</span>
                      <span class="visually-hidden"> {t("van 100", "out of 100")}</span>
                    </A>
                    <Show
                      when={avgOf(tenant.slug)!.missingAlways.length > 0}
                      fallback={
                        <div class="muted">{t("niets verplichts ontbreekt", "nothing required missing")}</div>
                      }
                    >
                      <div class="badge bad">
                        {t("ontbreekt", "missing")}:{" "}
                        {avgOf(tenant.slug)!.missingAlways.map(itemTitle).join(", ")}
                      </div>
                    </Show>
                    <Show when={(avgOf(tenant.slug)?.findings ?? []).some((f) => f.status === "weak")}>
                      <div class="muted">
                        {t("zwak", "weak")}:{" "}
                        {avgOf(tenant.slug)!
                          .findings.filter((f) => f.status === "weak")
                          .map((f) => itemTitle(f.item))
                          .join(", ")}
                      </div>
                    </Show>
                  </Show>
                </td>
                <td data-label={t("Laatst gepubliceerd", "Last published")}>
                  <Show
                    when={last()}
                    fallback={
                      // Older than the part of the log read here: the version list still knows when.
                      <Show when={newest()} fallback={<span class="muted">{t("nog nooit", "never")}</span>}>
                        {(v) => (
                          <>
                            <time datetime={v().publishedAt}>{formatShortDateTime(v().publishedAt)}</time>
                            <br />
                            <span class="muted">
                              {t("versie", "version")} {v().number}
                            </span>
                          </>
                        )}
                      </Show>
                    }
                  >
                    {(entry) => (
                      <>
                        <time datetime={entry().at}>{formatShortDateTime(entry().at)}</time>
                        <br />
                        <span class="muted">
                          {t("door", "by")} {entry().actor}
                          <Show when={summaryNumber(entry(), "version")}>
                            {(n) => (
                              <>
                                {" "}
                                · {t("versie", "version")} {n()}
                              </>
                            )}
                          </Show>
                        </span>
                      </>
                    )}
                  </Show>
                </td>
              </tr>
            );
          }}
        </For>
      </tbody>
    </table>
  );
}

function StatusBadges(props: { status: RolloutCompany | undefined; pendingCount: number }) {
  return (
    <ul class="badges">
      <Show when={props.status}>
        {(s) => (
          <>
            <Show when={!s().version}>
              <li class="badge neutral">{t("Niet gepubliceerd", "Not published")}</li>
            </Show>
            <Show when={s().version && !s().outdated}>
              <li class="badge ok">{t("Bijgewerkt", "Up to date")}</li>
            </Show>
            <Show when={s().outdated}>
              <li class="badge warn">
                {s().reasons.includes("baseline")
                  ? t("Verouderd", "Outdated")
                  : t("Verwerkers gewijzigd", "Processors changed")}
              </li>
            </Show>
            <Show when={s().outdated && !s().clean}>
              <li class="badge bad">{t("Conflict", "Conflict")}</li>
            </Show>
            <Show when={s().outdated && s().clean && unchanged(s())}>
              <li class="badge neutral">{t("Tekst blijft gelijk", "Text stays the same")}</li>
            </Show>
          </>
        )}
      </Show>
      <Show when={props.pendingCount > 0}>
        <li class="badge info">{t("Wacht op goedkeuring", "Awaiting approval")}</li>
      </Show>
    </ul>
  );
}

interface RunResult {
  tenant: string;
  name: string;
  status: "published" | "skipped" | "failed";
  text: string;
}

function Rollout(props: { group: string }) {
  const rollout = createAsync(() => getRollout(props.group));
  const outdated = createMemo(() => rollout()?.companies.filter((c) => c.outdated) ?? []);
  // Clean, and the text really changes: a company that omits the one section the baseline
  // changed would publish the very same statement, which the API refuses as nothing new.
  const clean = createMemo(() => outdated().filter((c) => c.clean && !unchanged(c)));
  const same = createMemo(() => outdated().filter((c) => c.clean && unchanged(c)));
  const conflicted = createMemo(() => outdated().filter((c) => !c.clean));
  const latest = () => rollout()?.companies[0]?.latestBaseline ?? null;

  const [changeNote, setChangeNote] = createSignal("");
  const [running, setRunning] = createSignal(false);
  const [total, setTotal] = createSignal(0);
  const [done, setDone] = createSignal(0);
  const [current, setCurrent] = createSignal<string | null>(null);
  const [results, setResults] = createSignal<RunResult[]>([]);
  let resultsHeading: HTMLHeadingElement | undefined;

  const titleOf = (company: RolloutCompany) => (key: string) =>
    company.diff?.sections.find((s) => s.key === key)?.title ?? key;

  const republish = async (
    companies: RolloutCompany[],
    skipped: RolloutCompany[],
    alike: RolloutCompany[],
  ) => {
    if (running()) return;
    setRunning(true);
    setResults([]);
    setTotal(companies.length);
    setDone(0);
    const note = changeNote().trim();
    const add = (result: RunResult) => setResults((list) => [...list, result]);
    // One company at a time, so the bar moves and a failure leaves the others standing.
    for (const company of companies) {
      setCurrent(company.tenant.name);
      try {
        const response = await api.api.groups[":group"].rollout[":tenant"].republish.$post({
          param: { group: props.group, tenant: company.tenant.slug },
          json: note ? { changeNote: note } : {},
        });
        if (response.status !== 200 && response.status !== 422) throw await toApiError(response);
        const result = await response.json();
        if (result.status === "failed" && isNothingNew(result.reason)) {
          add({
            tenant: result.tenant,
            name: result.name,
            status: "skipped",
            text: t("overgeslagen: ", "skipped: ") + unchangedText(),
          });
        } else
          add({
            tenant: result.tenant,
            name: result.name,
            status: result.status,
            text:
              result.status === "published"
                ? t(
                    `gepubliceerd als versie ${result.version?.number}`,
                    `published as version ${result.version?.number}`,
                  )
                : result.status === "skipped"
                  ? t("overgeslagen: ", "skipped: ") +
                    describeRepublishReason(result.reason, titleOf(company))
                  : t("mislukt: ", "failed: ") + describeRepublishReason(result.reason, titleOf(company)),
          });
      } catch (error) {
        add({
          tenant: company.tenant.slug,
          name: company.tenant.name,
          status: "failed",
          text: t("mislukt: ", "failed: ") + errorText(error),
        });
      }
      setDone((n) => n + 1);
    }
    for (const company of alike) {
      add({
        tenant: company.tenant.slug,
        name: company.tenant.name,
        status: "skipped",
        text: t("overgeslagen: ", "skipped: ") + unchangedText(),
      });
    }
    for (const company of skipped) {
      add({
        tenant: company.tenant.slug,
        name: company.tenant.name,
        status: "skipped",
        text:
          t("overgeslagen: conflict in ", "skipped: conflict in ") +
          company.conflicts.map((c) => `„${titleOf(company)(c.section)}”`).join(", "),
      });
    }
    setCurrent(null);
    setRunning(false);
    resultsHeading?.focus();
    await refreshGroupData();
  };

  const count = (status: RunResult["status"]) => results().filter((r) => r.status === status).length;

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
          aria-disabled={running()}
          onClick={() => void republish(clean(), conflicted(), same())}
        >
          {t("Alle bedrijven zonder conflict opnieuw publiceren", "Republish every company without conflict")}
        </button>
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
                  <strong>{result.name}</strong>: {result.text}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>

      <Show when={outdated().length > 0}>
        <h3>{t("Per bedrijf: wat zou er veranderen?", "Per company: what would change?")}</h3>
        <ul class="card-list">
          <For each={outdated()}>
            {(company) => (
              <li class="card" data-company={company.tenant.slug}>
                <div class="card-head">
                  <h4 class="company-name">{company.tenant.name}</h4>
                  <ul class="badges">
                    <li class="badge warn">{t("Verouderd", "Outdated")}</li>
                    <Show when={!company.clean}>
                      <li class="badge bad">{t("Conflict", "Conflict")}</li>
                    </Show>
                  </ul>
                </div>
                <p class="muted">
                  <Show when={company.reasons.includes("baseline") && company.version}>
                    {t(
                      `Versie ${company.version!.number} rust op basisverklaring ${company.version!.baselineVersion}; de nieuwste is versie ${company.latestBaseline}. `,
                      `Version ${company.version!.number} rests on baseline ${company.version!.baselineVersion}; the latest is version ${company.latestBaseline}. `,
                    )}
                  </Show>
                  <Show when={company.reasons.includes("processor")}>
                    {t(
                      "Gegevens van een verwerker zijn in het verwerkersregister gewijzigd.",
                      "Details of a processor changed in the processor register.",
                    )}
                  </Show>
                </p>
                <Show when={company.clean && unchanged(company)}>
                  <p>
                    {t(
                      "De tekst van de verklaring verandert hierdoor niet, bijvoorbeeld omdat het bedrijf de gewijzigde sectie weglaat: opnieuw publiceren is niet nodig.",
                      "This does not change the statement's text, for instance because the company omits the changed section: no need to republish.",
                    )}
                  </p>
                </Show>
                <Show when={company.conflicts.length > 0}>
                  <div class="conflicts">
                    <p>
                      <strong>
                        {t(
                          "Conflict: dit bedrijf wordt niet automatisch opnieuw gepubliceerd.",
                          "Conflict: this company is not republished automatically.",
                        )}
                      </strong>
                    </p>
                    <ul>
                      <For each={company.conflicts}>
                        {(conflict) => (
                          <li>
                            <strong>„{titleOf(company)(conflict.section)}”</strong>:{" "}
                            {describeConflict(conflict.reason)}
                          </li>
                        )}
                      </For>
                    </ul>
                    <p>
                      <A href={`/console/${props.group}/companies/${company.tenant.slug}`}>
                        {t(
                          `Teksten van ${company.tenant.name} bekijken`,
                          `Review ${company.tenant.name}'s texts`,
                        )}
                      </A>
                    </p>
                  </div>
                </Show>
                <Show when={company.diff}>
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
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** Republishing would not change a word (nor move a section). */
const unchanged = (company: RolloutCompany): boolean =>
  !!company.diff &&
  company.diff.totals.changed +
    company.diff.totals.added +
    company.diff.totals.removed +
    company.diff.totals.moved ===
    0;

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

function Timeline(props: { group: string }) {
  const tenants = createAsync(() => getTenants(props.group));
  const entries = createAsync(async () => {
    const [publishes, baselines] = await Promise.all([
      loadPublishes(props.group),
      getAudit(props.group, { action: "baseline.published", limit: 20 }),
    ]);
    return [...publishes, ...baselines.entries].sort((a, b) => b.seq - a.seq).slice(0, 15);
  });
  const nameOf = (slug: string | null) => tenants()?.tenants.find((x) => x.slug === slug)?.name ?? slug ?? "";

  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("Recente publicaties", "Recent publishes")}</h2>
      <Show
        when={(entries()?.length ?? 0) > 0}
        fallback={<p>{t("Nog niets gepubliceerd.", "Nothing published yet.")}</p>}
      >
        <ol class="timeline">
          <For each={entries()}>
            {(entry) => (
              <li>
                <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
                <strong>
                  {entry.action === "baseline.published"
                    ? t(
                        `Basisverklaring versie ${summaryNumber(entry, "version") ?? "?"}`,
                        `Baseline version ${summaryNumber(entry, "version") ?? "?"}`,
                      )
                    : `${nameOf(entry.tenant ?? entry.target)} ${t("versie", "version")} ${summaryNumber(entry, "version") ?? "?"}`}
                </strong>{" "}
                — {actionName(entry.action).toLowerCase()} {t("door", "by")} {entry.actor}
                <Show when={summaryText(entry, "changeNote")}>
                  {(note) => <div class="muted">„{note()}”</div>}
                </Show>
              </li>
            )}
          </For>
        </ol>
        <p>
          <A href={`/console/${props.group}/audit`}>{t("Het hele logboek", "The full audit log")}</A>
        </p>
      </Show>
    </section>
  );
}
