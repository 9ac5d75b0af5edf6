// /console/:group — the privacy lead's overview: every company with its version in force, the
// baseline it rests on, what waits, who published last; rolling a new baseline out (one run
// through the worker's queue, Rollout.tsx); and a timeline of recent publishes. Anyone else sees links to their own companies.
import { createMemo, createSignal, For, Show, startTransition } from "solid-js";
import { LoadBoundary } from "../../components/PageStates.tsx";
import { ShowMore } from "../../components/PagedList.tsx";
import { A, createAsync } from "@solidjs/router";
import { CHECKLIST } from "#shared/completeness/checklist.ts";
import { t } from "../../i18n.ts";
import { GroupPage, useGroup, type GroupContext } from "./GroupLayout.tsx";
import {
  getAudit,
  getGroupProfile,
  getPublishRequests,
  getDashboardPage,
  getTenantVersions,
  type AuditEntry,
  type RolloutCompany,
  type TenantVersions,
} from "./group-data.ts";
import {
  actionName,
  errorText,
  formatDateTime,
  formatShortDate,
  formatShortDateTime,
  roleName,
} from "./group-text.ts";
import { Rollout, unchanged } from "./Rollout.tsx";
import { SiteStatus } from "./SiteStatus.tsx";
import { usePersonName } from "./people-names.ts";
import { CompanyLink } from "../../components/CompanyLink.tsx";

export default function DashboardPage() {
  const ctx = useGroup();
  return (
    <GroupPage title={(name) => name}>
      {ctx.role.isAdmin ? <AdminDashboard {...ctx} /> : <MemberDashboard {...ctx} />}
    </GroupPage>
  );
}

/** Whom to ask: the privacy lead's contact as the lead set it in the group's settings. */
function LeadContact(props: { group: string; isAdmin: boolean }) {
  const profile = createAsync(() => getGroupProfile(props.group));
  return (
    <Show
      when={profile()?.leadContact}
      fallback={
        <Show when={props.isAdmin && profile()}>
          <p class="muted">
            {t(
              "Je contactgegevens als privacyfunctionaris staan nog niet op dit overzicht voor de groep. ",
              "Your contact as privacy lead is not yet on this overview for the group. ",
            )}
            <A href={`/console/${props.group}/settings`}>{t("Toevoegen", "Add it")}</A>
          </p>
        </Show>
      }
    >
      {(contact) => (
        <aside class="lead-contact" aria-labelledby="lead-contact-title">
          <h2 id="lead-contact-title">{t("Privacyfunctionaris", "Privacy lead")}</h2>
          <p>
            {contact().name}
            <br />
            <a href={`mailto:${contact().email}`}>{contact().email}</a>
            <Show when={contact().phone}>
              {(phone) => (
                <>
                  <br />
                  <a href={`tel:${phone().replace(/[^+0-9]/g, "")}`}>{phone()}</a>
                </>
              )}
            </Show>
          </p>
        </aside>
      )}
    </Show>
  );
}

function MemberDashboard(props: GroupContext) {
  return (
    <>
      <LoadBoundary describe={errorText} part={{ nl: "het contact", en: "the contact" }}>
        <LeadContact group={props.group} isAdmin={false} />
      </LoadBoundary>
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
      {/* One part of the page failing to load does not take the others with it. */}
      <LoadBoundary describe={errorText} part={{ nl: "het overzicht", en: "the overview" }}>
        <CompanyTable group={props.group} />
      </LoadBoundary>
      <p>
        <A href={`/console/${props.group}/companies`}>
          {t("Bedrijven toevoegen, wijzigen of archiveren", "Add, change or archive companies")}
        </A>
      </p>
      <LoadBoundary describe={errorText} part={{ nl: "het contact", en: "the contact" }}>
        <LeadContact group={props.group} isAdmin={true} />
      </LoadBoundary>
      <LoadBoundary describe={errorText} part={{ nl: "de uitrol", en: "the rollout" }}>
        <Rollout group={props.group} />
      </LoadBoundary>
      <LoadBoundary describe={errorText} part={{ nl: "de websites", en: "the websites" }}>
        <SiteStatus group={props.group} />
      </LoadBoundary>
      <LoadBoundary describe={errorText} part={{ nl: "de tijdlijn", en: "the timeline" }}>
        <Timeline group={props.group} />
      </LoadBoundary>
    </>
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
  // A page of companies at a time (a group may have thousands): "Show more" adds the next page.
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const pages = createAsync(() =>
    Promise.all(cursors().map((after) => getDashboardPage(props.group, after))),
  );
  const tenants = () => (pages() ? { tenants: pages()!.flatMap((page) => page.tenants) } : undefined);
  const next = () => pages()?.at(-1)?.next ?? null;
  const pending = createAsync(() => getPublishRequests(props.group, "pending"));
  const publishes = createAsync(() => loadPublishes(props.group));
  // Each shown company's report and rollout status by its address, once per set of pages.
  const bySlug = createMemo(() => ({
    avg: new Map(pages()?.flatMap((page) => page.completeness.map((c) => [c.tenant.slug, c] as const))),
    rollout: new Map(pages()?.flatMap((page) => page.rollout.map((c) => [c.tenant.slug, c] as const))),
  }));
  const avgOf = (slug: string) => bySlug().avg.get(slug);
  const personName = usePersonName();
  const versions = createAsync(async () => {
    const shown = await Promise.all(cursors().map((after) => getDashboardPage(props.group, after)));
    const entries = await Promise.all(
      shown
        .flatMap((page) => page.tenants)
        .map(async (tenant) => [tenant.slug, await getTenantVersions(props.group, tenant.slug)] as const),
    );
    return new Map<string, TenantVersions>(entries);
  });
  let table: HTMLTableElement | undefined;
  const [loadingMore, setLoadingMore] = createSignal(false);
  const showMore = () => {
    const after = next();
    if (after === null) return;
    const shown = tenants()?.tenants.filter((tenant) => tenant.status === "active").length ?? 0;
    // In a transition the rows on screen stay while the next page loads; then focus moves to the
    // first company added, so a keyboard user continues where the list grew.
    setLoadingMore(true);
    void startTransition(() => setCursors([...cursors(), after])).then(() => {
      setLoadingMore(false);
      table?.querySelectorAll<HTMLAnchorElement>("tbody th a")[shown]?.focus();
    });
  };

  const rolloutOf = (slug: string) => bySlug().rollout.get(slug);
  const pendingOf = (slug: string) => pending()?.requests.filter((r) => r.tenant?.slug === slug) ?? [];
  const lastPublishOf = (slug: string) =>
    publishes()?.find((entry) => entry.tenant === slug || entry.target === slug);

  const archived = () => tenants()?.tenants.filter((tenant) => tenant.status === "archived") ?? [];
  return (
    <>
      <table class="data-table companies-table" ref={table}>
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
          <For each={tenants()?.tenants.filter((tenant) => tenant.status === "active")}>
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
                          <div class="muted">
                            {t("niets verplichts ontbreekt", "nothing required missing")}
                          </div>
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
                            {t("door", "by")} {personName(entry().actor)}
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
      <ShowMore next={next()} loading={loadingMore()} onClick={showMore} />
      {/* Sold, merged or closed: no statement in force any more, their history stays readable. */}
      <Show when={archived().length > 0}>
        <p class="archived-companies">
          {t("Gearchiveerd: ", "Archived: ")}
          <For each={archived()}>
            {(tenant, i) => (
              <>
                {i() > 0 ? ", " : ""}
                <A href={`/console/${props.group}/companies/${tenant.slug}/versions`}>{tenant.name}</A>
              </>
            )}
          </For>
        </p>
      </Show>
    </>
  );
}

function StatusBadges(props: { status: RolloutCompany | undefined; pendingCount: number }) {
  return (
    <ul class="badges">
      <Show when={props.status}>
        {(s) => (
          <>
            <Show when={!s().version}>
              <li class="badge neutral">{t("Nog niet gepubliceerd", "Not yet published")}</li>
            </Show>
            <Show when={s().version && !s().outdated}>
              <li class="badge ok">{t("Bijgewerkt", "Up to date")}</li>
            </Show>
            <Show when={s().outdated}>
              <li class="badge warn">
                {s().reasons.includes("baseline")
                  ? t("Verouderd", "Outdated")
                  : s().reasons.includes("processor")
                    ? t("Verwerkers gewijzigd", "Processors changed")
                    : t("Groep gewijzigd", "Group changed")}
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

function Timeline(props: { group: string }) {
  const entries = createAsync(async () => {
    const [publishes, baselines] = await Promise.all([
      loadPublishes(props.group),
      getAudit(props.group, { action: "baseline.published", limit: 20 }),
    ]);
    return [...publishes, ...baselines.entries].sort((a, b) => b.seq - a.seq).slice(0, 15);
  });
  const personName = usePersonName();
  const companyVersion = (entry: AuditEntry) => {
    const slug = entry.tenant ?? entry.target;
    // Each entry names its company (the audit API joins it): no list of every company is read.
    const company = entry.tenant && entry.tenantName ? { slug: entry.tenant, name: entry.tenantName } : null;
    const version = `${t("versie", "version")} ${summaryNumber(entry, "version") ?? "?"}`;
    return company ? (
      <>
        <CompanyLink group={props.group} slug={company.slug} name={company.name} /> {version}
      </>
    ) : (
      `${slug ?? ""} ${version}`
    );
  };

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
                    : companyVersion(entry)}
                </strong>{" "}
                — {actionName(entry.action).toLowerCase()} {t("door", "by")} {personName(entry.actor)}
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
