// The privacy lead's AVG report: every company of the group against every checklist item, for
// the statement version in force now, with each company's score and what the AVG always
// requires that it still misses; downloadable as CSV.
import { createMemo, createSignal, For, Show, startTransition } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import type { Status } from "#shared/completeness/check.ts";
import { itemTitle, STATUS_ICON, STATUS_ORDER, statusName } from "../../components/CompletenessPanel.tsx";
import { LeadOnlyNotice, LoadBoundary } from "../../components/PageStates.tsx";
import { language, t } from "../../i18n.ts";
import { useGroup } from "../group/GroupLayout.tsx";
import { formatDay, formatMoment, stateName } from "../embed/site-words.ts";
import { describeError } from "./errors.ts";
import { getGroupReport, type GroupReport, readReportCsv, reportCsvUrl } from "./data.ts";
import "./avg.css";

const LEAD_ONLY = { what: "het AVG-rapport van de groep bekijken", whatEn: "view the group's AVG report" };

export default function ReportPage() {
  const ctx = useGroup();
  return (
    <div class="avg-page report-page">
      <Show when={ctx.role.isAdmin} fallback={<LeadOnlyNotice {...LEAD_ONLY} />}>
        <LoadBoundary describe={describeError} what="group" leadOnly={LEAD_ONLY}>
          <ReportLoader group={ctx.group} />
        </LoadBoundary>
      </Show>
    </div>
  );
}

function ReportLoader(props: { group: string }) {
  // A page of companies at a time (a group may have thousands): "Show more" adds the next page.
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const pages = createAsync(() => Promise.all(cursors().map((after) => getGroupReport(props.group, after))));
  const [loadingMore, setLoadingMore] = createSignal(false);
  const showMore = (after: string, shown: number) => {
    setLoadingMore(true);
    // In a transition the rows on screen stay while the next page loads; then focus moves to the
    // first company added, so a keyboard user continues where the table grew.
    void startTransition(() => setCursors([...cursors(), after])).then(() => {
      setLoadingMore(false);
      document.querySelectorAll<HTMLAnchorElement>(".report-table tbody th a")[shown]?.focus();
    });
  };
  return (
    <Show when={pages()}>
      {(loaded) => (
        <ReportScreen
          group={props.group}
          report={{ items: loaded()[0]!.items, companies: loaded().flatMap((page) => page.companies) }}
          next={loaded().at(-1)!.next}
          loadingMore={loadingMore()}
          onShowMore={showMore}
        />
      )}
    </Show>
  );
}

type Company = GroupReport["companies"][number];

function ReportScreen(props: {
  group: string;
  report: Pick<GroupReport, "items" | "companies">;
  /** The cursor of the next page of companies, null when every one is shown. */
  next: string | null;
  loadingMore: boolean;
  onShowMore: (after: string, shown: number) => void;
}) {
  const companies = () => props.report.companies;
  const [downloading, setDownloading] = createSignal(false);
  /** The whole report as one file, read page by page (the link alone gives the first page). */
  const download = (event: MouseEvent) => {
    event.preventDefault();
    setDownloading(true);
    void readReportCsv(props.group, language())
      .then((blob) => {
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = `${props.group}-${language() === "nl" ? "avg-rapport" : "avg-report"}.csv`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      })
      .finally(() => setDownloading(false));
  };
  const published = createMemo(() => companies().filter((c) => c.score !== null));
  const average = () => {
    const scores = published().map((c) => c.score ?? 0);
    return scores.length === 0 ? null : Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
  };
  const blocked = () => published().filter((c) => c.missingAlways.length > 0).length;
  const sitesWatched = () => companies().reduce((sum, c) => sum + (c.sites?.watched ?? 0), 0);
  const sitesCurrent = () => companies().reduce((sum, c) => sum + (c.sites?.current ?? 0), 0);
  const statusOf = (company: Company, item: string): Status | null =>
    company.findings.find((f) => f.item === item)?.status ?? null;
  const whyOf = (company: Company, item: string): string =>
    company.findings.find((f) => f.item === item)?.why[language()] ?? "";

  return (
    <>
      <header class="avg-head">
        <h1>{t("AVG-rapport", "AVG report")}</h1>
        <p class="muted">
          {t(
            "Per bedrijf de privacyverklaring die nu geldt, getoetst aan wat de AVG (art. 13 en 14) vraagt. Concepten tellen niet mee.",
            "For each company, the privacy statement in force now, checked against what the AVG (Art. 13 and 14) asks. Drafts do not count.",
          )}
        </p>
      </header>

      <Show when={props.next !== null}>
        <p class="muted">
          {t(
            `De cijfers gaan over de ${companies().length} bedrijven die hieronder staan; "Meer tonen" laadt de volgende.`,
            `The figures are about the ${companies().length} companies shown below; "Show more" loads the next ones.`,
          )}
        </p>
      </Show>
      <ul class="report-summary">
        <li>
          <span class="report-figure">{companies().length}</span> {t("bedrijven", "companies")}
        </li>
        <li>
          <span class="report-figure">{average() ?? "—"}</span> {t("gemiddelde score", "average score")}
        </li>
        <li>
          <span class="report-figure">{blocked()}</span>{" "}
          {t("missen iets wat altijd verplicht is", "miss something always required")}
        </li>
        <Show when={sitesWatched() > 0}>
          <li>
            <span class="report-figure">
              {sitesCurrent()}/{sitesWatched()}
            </span>{" "}
            {t("webpagina's tonen de versie die geldt", "web pages show the version in force")}
          </li>
        </Show>
      </ul>

      <p class="avg-actions">
        <a
          href={reportCsvUrl(props.group, language())}
          download=""
          rel="external"
          class="button-link"
          onClick={download}
          aria-busy={downloading()}
        >
          {t("CSV downloaden", "Download CSV")}
        </a>
        <span class="muted">
          {t(
            "Eén regel per bedrijf, één kolom per onderdeel; te openen in een spreadsheet.",
            "One line per company, one column per item; opens in a spreadsheet.",
          )}
        </span>
      </p>

      <div class="report-legend" aria-hidden="true">
        <For each={STATUS_ORDER}>
          {(status) => (
            <span class={`report-status report-${status}`}>
              <span class="report-icon">{STATUS_ICON[status]}</span> {statusName(status, language())}
            </span>
          )}
        </For>
      </div>

      <h2 id="report-table-title" class="report-table-title">
        {t("AVG-volledigheid per bedrijf en onderdeel", "AVG completeness per company and item")}
      </h2>
      <p class="muted report-scroll-hint">
        {t(
          "Schuif de tabel opzij om alle onderdelen te zien.",
          "Scroll the table sideways to see every item.",
        )}
      </p>
      <div class="report-scroll" role="region" aria-labelledby="report-table-title" tabindex="0">
        <table class="report-table" aria-labelledby="report-table-title">
          <thead>
            <tr>
              <th scope="col" class="report-company">
                {t("Bedrijf", "Company")}
              </th>
              <th scope="col">{t("Score", "Score")}</th>
              <th scope="col" class="report-always-col">
                {t("Ontbreekt en is altijd verplicht", "Missing and always required")}
              </th>
              <For each={props.report.items}>
                {(item) => (
                  <th scope="col" class="report-item">
                    {item.title[language()]}
                    <Show when={item.applies === "always"}>
                      <span class="report-required">{t(" (altijd verplicht)", " (always required)")}</span>
                    </Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={companies()}>
              {(company) => (
                <tr>
                  <th scope="row" class="report-company">
                    <A href={`/console/${props.group}/companies/${company.tenant.slug}`}>
                      {company.tenant.name}
                    </A>
                    <span class="report-version">
                      {company.version === null
                        ? t("nog niet gepubliceerd", "not published yet")
                        : t(`versie ${company.version}`, `version ${company.version}`)}
                    </span>
                  </th>
                  <td class="report-score">
                    {company.score === null ? "—" : `${company.score}`}
                    <Show when={company.score !== null}>
                      <span class="muted"> / 100</span>
                    </Show>
                  </td>
                  <td class="report-always">
                    <Show
                      when={company.missingAlways.length > 0}
                      fallback={
                        company.score === null ? (
                          "—"
                        ) : (
                          <span class="report-none">{t("niets", "nothing")}</span>
                        )
                      }
                    >
                      <ul>
                        <For each={company.missingAlways}>
                          {(item) => <li>{itemTitle(item, language())}</li>}
                        </For>
                      </ul>
                    </Show>
                  </td>
                  <For each={props.report.items}>
                    {(item) => (
                      <td class="report-cell">
                        <Show when={statusOf(company, item.id)} fallback={<span class="muted">—</span>}>
                          {(status) => (
                            <span class={`report-status report-${status()}`} title={whyOf(company, item.id)}>
                              <span
                                class="report-icon"
                                role="img"
                                aria-label={statusName(status(), language())}
                              >
                                {STATUS_ICON[status()]}
                              </span>{" "}
                              <span aria-hidden="true">{statusName(status(), language())}</span>
                            </span>
                          )}
                        </Show>
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.next}>
        {(after) => (
          <p class="show-more">
            <button
              type="button"
              disabled={props.loadingMore}
              onClick={() => props.onShowMore(after(), companies().length)}
            >
              {t("Meer tonen", "Show more")}
            </button>
          </p>
        )}
      </Show>

      <section class="report-details" aria-labelledby="report-details-title">
        <h2 id="report-details-title">{t("Toelichting per bedrijf", "Explanation per company")}</h2>
        <p class="muted">
          {t(
            "Per bedrijf wat ontbreekt of zwak is, en waarom.",
            "For each company, what is missing or weak, and why.",
          )}
        </p>
        <For each={companies()}>
          {(company) => {
            const open = () => company.findings.filter((f) => f.status === "missing" || f.status === "weak");
            return (
              <details class="report-company-details">
                <summary>
                  <strong>{company.tenant.name}</strong>
                  {" — "}
                  {company.score === null
                    ? t("nog niet gepubliceerd", "not published yet")
                    : t(
                        `score ${company.score}; ${open().length} ontbrekend of zwak`,
                        `score ${company.score}; ${open().length} missing or weak`,
                      )}
                </summary>
                <Show
                  when={open().length > 0}
                  fallback={
                    <p>
                      {company.score === null
                        ? t("Er is nog geen versie gepubliceerd.", "No version has been published yet.")
                        : t(
                            "Alles wat van toepassing is, is aanwezig.",
                            "Everything that applies is present.",
                          )}
                    </p>
                  }
                >
                  <ul class="report-findings">
                    <For each={open()}>
                      {(finding) => (
                        <li class={`report-status report-${finding.status}`}>
                          <span
                            class="report-icon"
                            role="img"
                            aria-label={statusName(finding.status, language())}
                          >
                            {STATUS_ICON[finding.status]}
                          </span>{" "}
                          <strong>{itemTitle(finding.item, language())}</strong>
                          <span aria-hidden="true">
                            {" "}
                            ({statusName(finding.status, language()).toLowerCase()})
                          </span>
                          : {finding.why[language()]}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <Show when={company.sites}>{(sites) => <ReportSites sites={sites()} />}</Show>
                <p>
                  <A href={`/console/${props.group}/companies/${company.tenant.slug}`}>
                    {t(`Naar het concept van ${company.tenant.name}`, `To ${company.tenant.name}'s draft`)}
                  </A>
                </p>
              </details>
            );
          }}
        </For>
      </section>
    </>
  );
}

/** A company's websites in the report: how many watched pages are current, and which are not. */
function ReportSites(props: { sites: NonNullable<Company["sites"]> }) {
  return (
    <>
      <p>
        <strong>{t("Websites", "Websites")}:</strong>{" "}
        {t(
          `${props.sites.current} van ${props.sites.watched} pagina's tonen de versie die geldt`,
          `${props.sites.current} of ${props.sites.watched} pages show the version in force`,
        )}
        <Show when={props.sites.lastCheckedAt}>
          {(at) => (
            <>
              {" "}
              ({t("laatste controle", "last check")} <time datetime={at()}>{formatMoment(at())}</time>)
            </>
          )}
        </Show>
      </p>
      <Show when={props.sites.attention.length > 0}>
        <ul class="report-findings">
          <For each={props.sites.attention}>
            {(page) => (
              <li>
                <span class="report-site-url">{page.url}</span>: {stateName(page.state)}
                <Show when={page.shownVersion}>
                  {(n) => (
                    <>
                      {" "}
                      ({t(`toont versie ${n()}`, `shows version ${n()}`)}
                      <Show
                        when={
                          page.versionInForce !== null && page.outdatedSince !== null
                            ? { version: page.versionInForce, since: page.outdatedSince }
                            : null
                        }
                      >
                        {(due) => (
                          <>
                            {t(
                              `; versie ${due().version} geldt sinds ${formatDay(due().since)}`,
                              `; version ${due().version} in force since ${formatDay(due().since)}`,
                            )}
                          </>
                        )}
                      </Show>
                      )
                    </>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
