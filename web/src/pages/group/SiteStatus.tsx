// The dashboard's "Websites": per company and per watched page, what the latest check found, with
// the counts ("6 van 8 pagina's actueel"), the time of the last check and each page's history; a
// page still outdated more than 24 hours after a publish is raised as a notice above it all.
import { createSignal, For, Show } from "solid-js";
import { A, createAsyncStore } from "@solidjs/router";
import { t } from "../../i18n.ts";
import { getGroupSites, type GroupSites } from "../embed/data.ts";
import { FindingText, SiteHistory, StateBadge } from "../embed/Sites.tsx";
import { formatDay, formatMoment } from "../embed/site-words.ts";

type Company = GroupSites["companies"][number];

export function SiteStatus(props: { group: string }) {
  // Reconciled by id, so a refetch keeps each page's open history.
  const sites = createAsyncStore(() => getGroupSites(props.group), { reconcile: { key: "id" } });
  return (
    <section aria-labelledby="sites-title" class="site-status-overview">
      <h2 id="sites-title">{t("Websites", "Websites")}</h2>
      <Show when={sites()}>
        {(answer) => (
          <>
            <Show when={answer().notices.length > 0}>
              <div class="notice warning" role="region" aria-labelledby="site-notices-title">
                <p id="site-notices-title">
                  <strong>
                    {t(
                      "Langer dan 24 uur na een publicatie nog verouderd:",
                      "Still outdated more than 24 hours after a publish:",
                    )}
                  </strong>
                </p>
                <ul>
                  <For each={answer().notices}>
                    {(notice) => (
                      <li>
                        {notice.tenant.name}: <span class="site-notice-url">{notice.page.url}</span>{" "}
                        {t(
                          `toont versie ${notice.shownVersion}; versie ${notice.versionInForce} geldt sinds ${formatDay(notice.outdatedSince)}.`,
                          `shows version ${notice.shownVersion}; version ${notice.versionInForce} has been in force since ${formatDay(notice.outdatedSince)}.`,
                        )}
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            </Show>
            <p>
              <strong>
                {t(
                  `${answer().totals.current} van ${answer().totals.watched} pagina's actueel`,
                  `${answer().totals.current} of ${answer().totals.watched} pages current`,
                )}
              </strong>
              <Show when={answer().totals.lastCheckedAt}>
                {(at) => (
                  <>
                    {" · "}
                    {t("laatste controle", "last check")} <time datetime={at()}>{formatMoment(at())}</time>
                  </>
                )}
              </Show>
            </p>
            <Show
              when={answer().totals.watched > 0}
              fallback={
                <p class="muted">
                  {t(
                    "Nog geen websites om te controleren. Redacteuren voegen de pagina's van hun bedrijf toe op de pagina ‘Op de website’.",
                    "No websites to check yet. Editors add their company's pages on the ‘On the website’ page.",
                  )}
                </p>
              }
            >
              <ul class="site-companies">
                <For each={answer().companies.filter((c) => c.pages.length > 0)}>
                  {(company) => <CompanySites group={props.group} company={company} />}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function CompanySites(props: { group: string; company: Company }) {
  const counts = () => props.company.counts;
  return (
    <li class="site-company" data-company={props.company.tenant.slug}>
      <h3>
        <A href={`/console/${props.group}/companies/${props.company.tenant.slug}/embed`}>
          {props.company.tenant.name}
        </A>
      </h3>
      <p class="site-meta">
        {t(
          `${counts().current} van ${counts().watched} pagina's actueel`,
          `${counts().current} of ${counts().watched} pages current`,
        )}
        <Show when={props.company.versionInForce}>
          {(n) => <> · {t(`versie ${n()} geldt`, `version ${n()} in force`)}</>}
        </Show>
        <Show when={counts().lastCheckedAt}>
          {(at) => (
            <>
              {" · "}
              {t("laatste controle", "last check")} <time datetime={at()}>{formatMoment(at())}</time>
            </>
          )}
        </Show>
      </p>
      <ul class="sites">
        <For each={props.company.pages}>
          {(page) => <PageStatus group={props.group} company={props.company} page={page} />}
        </For>
      </ul>
    </li>
  );
}

function PageStatus(props: { group: string; company: Company; page: Company["pages"][number] }) {
  const [open, setOpen] = createSignal(false);
  const id = () => `dashboard-site-${props.page.id}`;
  return (
    <li class="site" aria-labelledby={`${id()}-url`}>
      <p class="site-url" id={`${id()}-url`}>
        {props.page.url}
      </p>
      <p class="site-status" data-state={props.page.status?.state ?? "unchecked"}>
        <StateBadge state={props.page.status?.state ?? null} />{" "}
        <Show when={props.page.status}>
          {(finding) => (
            <>
              <FindingText finding={finding()} />{" "}
              <span class="site-meta">
                ({t("gecontroleerd", "checked")}{" "}
                <time datetime={finding().lastCheckedAt}>{formatMoment(finding().lastCheckedAt)}</time>)
              </span>
            </>
          )}
        </Show>
      </p>
      <button
        type="button"
        class="secondary"
        aria-expanded={open()}
        aria-controls={`${id()}-history`}
        onClick={() => setOpen(!open())}
      >
        {open() ? t("Geschiedenis verbergen", "Hide history") : t("Geschiedenis tonen", "Show history")}
        <span class="visually-hidden">: {props.page.url}</span>
      </button>
      <div id={`${id()}-history`}>
        <Show when={open()}>
          <SiteHistory
            company={{
              group: props.group,
              tenant: props.company.tenant.slug,
              name: props.company.tenant.name,
            }}
            siteId={props.page.id}
            url={props.page.url}
          />
        </Show>
      </div>
    </li>
  );
}
