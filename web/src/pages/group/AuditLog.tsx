// /console/:group/audit — the group's append-only audit log: filters in the address (so a view
// can be shared), older rows page by page, each row's summary in words, and the hash chain's
// verification on top, naming the first row that does not fit. Two logs, each a chain of its own:
// the changes, and (?log=sign-ins) the members' sign-ins and failed attempts.
import { createMemo, createSignal, For, Show, type JSX } from "solid-js";
import { createAsync, useSearchParams } from "@solidjs/router";
import { t } from "../../i18n.ts";
import { GroupPage, useGroup, type GroupContext } from "./GroupLayout.tsx";
import { getAudit, getAuditVerification, getTenantsPage, type AuditEntry } from "./group-data.ts";
import { actionName, ACTIONS_IN_LOG, formatDateTime, roleName, type AuditLogName } from "./group-text.ts";
import { usePersonName } from "./people-names.ts";
import { CompanyLink } from "../../components/CompanyLink.tsx";
import { CompanyPicker } from "../../components/CompanyPicker.tsx";

const PAGE_SIZE = 50;

export default function AuditLogPage() {
  const ctx = useGroup();
  return (
    <GroupPage title={() => t("Logboek", "Audit log")} adminOnly>
      <AuditLog {...ctx} />
    </GroupPage>
  );
}

type Params = { log?: string; action?: string; actor?: string; tenant?: string; before?: string };

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value || undefined;

function AuditLog(props: GroupContext) {
  const [params, setParams] = useSearchParams<Params>();
  const log = (): AuditLogName => (single(params.log) === "sign-ins" ? "sign-ins" : "changes");
  const filter = createMemo(() => {
    const before = Number(single(params.before));
    return {
      log: log(),
      action: single(params.action),
      actor: single(params.actor),
      tenant: single(params.tenant),
      before: Number.isInteger(before) && before > 0 ? before : undefined,
      limit: PAGE_SIZE,
    };
  });
  const data = createAsync(() => getAudit(props.group, filter()));
  // A row names its own company (tenantName); a summary that names another company's role (an
  // invitation, a role given) shows its name when it is among the group's first page of
  // companies, else its address: the console never reads every company of a large group.
  const tenants = createAsync(() => getTenantsPage(props.group, undefined));
  const verification = createAsync(() => getAuditVerification(props.group, log()));
  const personName = usePersonName();
  const nameOf = (slug: string | null) =>
    slug ? (tenants()?.tenants.find((x) => x.slug === slug)?.name ?? slug) : "";
  const brokenSeq = () => {
    const result = verification();
    return result && !result.intact && "firstBroken" in result ? result.firstBroken.seq : null;
  };

  return (
    <>
      <LogTabs group={props.group} current={log()} />
      <Verification
        result={verification()}
        onShow={(seq) =>
          setParams({ action: undefined, actor: undefined, tenant: undefined, before: String(seq + 1) })
        }
      />
      {/* Rebuilt when the address changes, so the fields always show the filter in force. */}
      <Show when={JSON.stringify([filter().log, filter().action, filter().actor, filter().tenant])} keyed>
        {(_key: string) => (
          <Filters
            group={props.group}
            log={log()}
            initial={filter()}
            onApply={(next) => setParams({ ...next, before: undefined })}
          />
        )}
      </Show>
      <Show when={data()}>
        {(page) => (
          <>
            <Show
              when={page().entries.length > 0}
              fallback={<p>{t("Geen regels gevonden met deze filters.", "No rows match these filters.")}</p>}
            >
              <table class="data-table audit-table">
                <caption class="visually-hidden">
                  {t("Regels van het logboek, nieuwste eerst", "Audit rows, newest first")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t("Tijdstip", "When")}</th>
                    <th scope="col">{t("Wie", "Who")}</th>
                    <th scope="col">{t("Wat", "What")}</th>
                    <th scope="col">{t("Bedrijf", "Company")}</th>
                    <th scope="col">{t("Details", "Details")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={page().entries}>
                    {(entry) => (
                      <tr
                        id={`audit-${entry.seq}`}
                        data-seq={entry.seq}
                        data-action={entry.action}
                        classList={{ highlight: entry.seq === brokenSeq() }}
                      >
                        <td data-label="#">{entry.seq}</td>
                        <td data-label={t("Tijdstip", "When")}>
                          <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
                        </td>
                        <td data-label={t("Wie", "Who")}>
                          {personName(entry.actor)}
                          <Show when={personName(entry.actor) !== entry.actor && entry.actor !== "system"}>
                            <br />
                            <span class="muted">{entry.actor}</span>
                          </Show>
                        </td>
                        <th scope="row" data-label={t("Wat", "What")}>
                          {actionName(entry.action)}
                        </th>
                        <td data-label={t("Bedrijf", "Company")}>
                          <Show when={entry.tenant} fallback={nameOf(entry.tenant)}>
                            {(slug) => (
                              <CompanyLink
                                group={props.group}
                                slug={slug()}
                                name={entry.tenantName ?? nameOf(slug())}
                              />
                            )}
                          </Show>
                        </td>
                        <td data-label={t("Details", "Details")}>
                          <Summary entry={entry} nameOf={nameOf} />
                          <Show when={entry.seq === brokenSeq()}>
                            <strong class="field-error">
                              {t("Deze regel klopt niet.", "This row does not fit.")}
                            </strong>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
            <nav class="pager" aria-label={t("Bladeren door het logboek", "Paging through the log")}>
              <Show when={filter().before}>
                <button type="button" class="secondary" onClick={() => setParams({ before: undefined })}>
                  {t("Naar de nieuwste regels", "To the newest rows")}
                </button>
              </Show>
              <Show when={page().nextBefore}>
                {(next) => (
                  <button type="button" onClick={() => setParams({ before: String(next()) })}>
                    {t("Oudere regels", "Older rows")}
                  </button>
                )}
              </Show>
              <Show when={page().entries.length > 0}>
                <span class="muted">
                  {t(
                    `Regel ${page().entries.at(-1)!.seq} tot en met ${page().entries[0]!.seq}`,
                    `Rows ${page().entries.at(-1)!.seq} to ${page().entries[0]!.seq}`,
                  )}
                </span>
              </Show>
            </nav>
          </>
        )}
      </Show>
    </>
  );
}

type VerificationResult = Awaited<ReturnType<typeof getAuditVerification>>;

function brokenReason(reason: string): string {
  const missing = /^row (\d+) is missing$/.exec(reason);
  if (missing)
    return t(
      `regel ${missing[1]} ontbreekt: er is een regel verwijderd.`,
      `row ${missing[1]} is missing: a row was removed.`,
    );
  if (reason === "does not follow the previous row's hash")
    return t(
      "hij sluit niet aan op de regel ervoor (de vorige hash klopt niet): er is een regel verwijderd of tussengevoegd.",
      "it does not follow the row before it (the previous hash does not match): a row was removed or inserted.",
    );
  if (reason === "its content does not match its hash")
    return t(
      "de inhoud past niet bij de hash: de regel is achteraf gewijzigd.",
      "its content does not match its hash: the row was changed afterwards.",
    );
  return reason;
}

function Verification(props: { result: VerificationResult | undefined; onShow: (seq: number) => void }) {
  return (
    <section aria-labelledby="chain-title">
      <h2 id="chain-title" class="visually-hidden">
        {t("Controle van het logboek", "Verification of the log")}
      </h2>
      {/* Keyed: switching between the two logs replaces one verification with another. */}
      <Show
        when={props.result}
        keyed
        fallback={<p class="loading">{t("Het logboek wordt gecontroleerd…", "Verifying the log…")}</p>}
      >
        {(r) => {
          if (r.intact) {
            return (
              <div class="chain intact" role="status" data-intact="true">
                <span class="chain-mark" aria-hidden="true">
                  ✓
                </span>
                <div>
                  <p>
                    {t(
                      `Het logboek is intact: alle ${r.rows} regels sluiten op elkaar aan en niets is achteraf gewijzigd.`,
                      `The log is intact: all ${r.rows} rows follow each other and nothing was changed afterwards.`,
                    )}
                  </p>
                  <p class="muted">
                    {t(
                      "Elke regel bevat de hash van de regel ervoor; deze controle rekent de hele keten na.",
                      "Every row holds the hash of the one before it; this check recomputes the whole chain.",
                    )}
                  </p>
                </div>
              </div>
            );
          }
          const broken = "firstBroken" in r ? r.firstBroken : null;
          return (
            <div class="chain broken" role="alert" data-intact="false">
              <span class="chain-mark" aria-hidden="true">
                ✗
              </span>
              <div>
                <p>
                  {t("Het logboek is aangetast.", "The log has been tampered with.")}{" "}
                  <Show when={broken}>
                    {(b) => (
                      <>
                        {t(`Regel ${b().seq} klopt niet: `, `Row ${b().seq} does not fit: `)}
                        {brokenReason(b().reason)}
                      </>
                    )}
                  </Show>
                </p>
                <p class="muted">
                  {r.rows === 0
                    ? t("Het gaat al mis bij de eerste regel.", "It goes wrong at the very first row.")
                    : r.rows === 1
                      ? t("De regel daarvoor is in orde.", "The row before it is fine.")
                      : t(
                          `De ${r.rows} regels daarvoor zijn in orde.`,
                          `The ${r.rows} rows before it are fine.`,
                        )}{" "}
                  {t(
                    "Meld dit bij de beheerder van Verklaring.",
                    "Report this to Verklaring's administrator.",
                  )}
                </p>
                <Show when={broken}>
                  {(b) => (
                    <button type="button" onClick={() => props.onShow(b().seq)}>
                      {t(`Regel ${b().seq} tonen`, `Show row ${b().seq}`)}
                    </button>
                  )}
                </Show>
              </div>
            </div>
          );
        }}
      </Show>
    </section>
  );
}

/** The two logs as links, so that each view has its own address. */
function LogTabs(props: { group: string; current: AuditLogName }) {
  const tabs: { log: AuditLogName; href: string; label: () => string }[] = [
    { log: "changes", href: "", label: () => t("Wijzigingen", "Changes") },
    { log: "sign-ins", href: "?log=sign-ins", label: () => t("Inloggen", "Sign-ins") },
  ];
  return (
    <nav class="log-tabs" aria-label={t("Welk logboek", "Which log")}>
      <ul>
        <For each={tabs}>
          {(tab) => (
            <li>
              {/* A plain link (the router still navigates): its own aria-current, by the query too. */}
              <a
                href={`/console/${props.group}/audit${tab.href}`}
                aria-current={tab.log === props.current ? "page" : undefined}
                data-log={tab.log}
              >
                {tab.label()}
              </a>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}

function Filters(props: {
  group: string;
  /** Which log: its filter offers only the actions that log holds (sign-ins belong to no company). */
  log: AuditLogName;
  initial: { action?: string | undefined; actor?: string | undefined; tenant?: string | undefined };
  onApply: (filter: {
    action: string | undefined;
    actor: string | undefined;
    tenant: string | undefined;
  }) => void;
}) {
  const [action, setAction] = createSignal(props.initial.action ?? "");
  const [actor, setActor] = createSignal(props.initial.actor ?? "");
  const [tenant, setTenant] = createSignal(props.initial.tenant ?? "");
  const active = () => !!(props.initial.action || props.initial.actor || props.initial.tenant);

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    props.onApply({
      action: action() || undefined,
      actor: actor().trim().toLowerCase() || undefined,
      tenant: tenant() || undefined,
    });
  };
  const clear = () => {
    setAction("");
    setActor("");
    setTenant("");
    props.onApply({ action: undefined, actor: undefined, tenant: undefined });
  };

  return (
    <form class="filters" onSubmit={apply} novalidate aria-label={t("Filters", "Filters")}>
      <div class="field">
        <label for="audit-action">{t("Wat", "What")}</label>
        <select id="audit-action" value={action()} onChange={(e) => setAction(e.currentTarget.value)}>
          <option value="">{t("Alles", "Everything")}</option>
          <For each={ACTIONS_IN_LOG[props.log]}>
            {(name) => (
              <option value={name} selected={name === action()}>
                {actionName(name)}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label for="audit-actor">{t("Wie (e-mailadres)", "Who (e-mail address)")}</label>
        <input
          id="audit-actor"
          type="email"
          autocomplete="off"
          value={actor()}
          onInput={(e) => setActor(e.currentTarget.value)}
        />
      </div>
      <Show when={props.log === "changes"}>
        <div class="field">
          <label for="audit-tenant">{t("Bedrijf", "Company")}</label>
          <CompanyPicker
            id="audit-tenant"
            group={props.group}
            value={tenant()}
            onChange={setTenant}
            noneLabel={t("Alle bedrijven", "All companies")}
            searchLabel={t("Zoek het bedrijf (naam of adres)", "Find the company (name or address)")}
          />
        </div>
      </Show>
      <div class="button-row">
        <button type="submit" class="primary">
          {t("Filteren", "Filter")}
        </button>
        <Show when={active()}>
          <button type="button" class="secondary" onClick={clear}>
            {t("Filters wissen", "Clear filters")}
          </button>
        </Show>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------
// Summaries in words

type Json = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const num = (value: unknown): number | null => (typeof value === "number" ? value : null);
const obj = (value: unknown): Json | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : null;

const quote = (text: string | null): string => (text ? `„${text}”` : "");
const yesNo = (value: unknown): string =>
  value === true ? t("aan", "on") : value === false ? t("uit", "off") : String(value);

function roleAt(role: unknown, tenant: unknown, nameOf: (slug: string | null) => string): string {
  const name = roleName(typeof role === "string" ? role : "");
  const slug = str(tenant);
  return slug ? `${name} ${t("van", "of")} ${nameOf(slug)}` : name;
}

/** A few facts, one per line, each labelled. */
function Facts(props: { facts: [label: string, value: JSX.Element | string | null][] }) {
  const shown = () => props.facts.filter(([, value]) => value !== null && value !== "");
  return (
    <ul class="summary-list">
      <For each={shown()}>
        {([label, value]) => (
          <li>
            <span class="key">{label}:</span> {value}
          </li>
        )}
      </For>
    </ul>
  );
}

function Summary(props: { entry: AuditEntry; nameOf: (slug: string | null) => string }) {
  const s = (): Json => obj(props.entry.summary) ?? {};
  const e = () => props.entry;
  const version = () => t("versie", "version");
  const content = (): JSX.Element => {
    const summary = s();
    switch (e().action) {
      case "statement.published":
      case "statement.republished":
      case "statement.restored":
        return (
          <Facts
            facts={[
              [t("Versie", "Version"), num(summary.version)?.toString() ?? null],
              [
                t("Basisverklaring", "Baseline"),
                num(summary.baselineVersion) ? `${version()} ${num(summary.baselineVersion)}` : null,
              ],
              [t("Notitie", "Note"), quote(str(summary.changeNote))],
              [
                t("Soort", "Kind"),
                summary.material === true
                  ? t("wezenlijke wijziging", "material change")
                  : summary.material === false
                    ? t("kleine wijziging", "minor change")
                    : null,
              ],
              [
                t("Geldt vanaf", "In force from"),
                str(summary.effectiveFrom) ? formatDateTime(str(summary.effectiveFrom)) : null,
              ],
            ]}
          />
        );
      case "baseline.published":
        return (
          <Facts
            facts={[
              [t("Versie", "Version"), num(summary.version)?.toString() ?? null],
              [t("Notitie", "Note"), quote(str(summary.changeNote))],
            ]}
          />
        );
      case "baseline.draft_saved":
      case "draft.saved":
        return (
          <Facts
            facts={[
              [t("Revisie", "Revision"), num(summary.revision)?.toString() ?? null],
              [
                t("Secties", "Sections"),
                Array.isArray(summary.sections) ? String(summary.sections.length) : null,
              ],
            ]}
          />
        );
      case "invitation.created":
        return (
          <Facts
            facts={[
              [t("Uitgenodigd", "Invited"), e().target],
              [t("Als", "As"), roleAt(summary.role, summary.tenant, props.nameOf)],
              [
                t("Verloopt", "Expires"),
                str(summary.expiresAt) ? formatDateTime(str(summary.expiresAt)) : null,
              ],
            ]}
          />
        );
      case "invitation.accepted":
        return (
          <Facts
            facts={[
              [t("Door", "By"), e().target],
              [t("Als", "As"), roleAt(summary.role, summary.tenant, props.nameOf)],
              [
                t("Account", "Account"),
                summary.newAccount === true
                  ? t("nieuw aangemaakt", "newly created")
                  : summary.newAccount === false
                    ? t("bestond al", "already existed")
                    : null,
              ],
            ]}
          />
        );
      case "invitation.revoked":
        return (
          <Facts
            facts={[
              [t("Voor", "For"), e().target],
              [t("Als", "As"), roleAt(summary.role, summary.tenant, props.nameOf)],
            ]}
          />
        );
      case "member.role_changed": {
        const from = obj(summary.from) ?? {};
        const to = obj(summary.to) ?? {};
        return (
          <Facts
            facts={[
              [t("Persoon", "Person"), e().target],
              [t("Was", "Was"), roleAt(from.role, from.tenant, props.nameOf)],
              [t("Wordt", "Becomes"), roleAt(to.role, to.tenant, props.nameOf)],
            ]}
          />
        );
      }
      case "publish.requested":
        return (
          <Facts
            facts={[
              [t("Notitie", "Note"), quote(str(summary.changeNote))],
              [
                t("Soort", "Kind"),
                summary.material === true
                  ? t("wezenlijke wijziging", "material change")
                  : summary.material === false
                    ? t("kleine wijziging", "minor change")
                    : null,
              ],
              [
                t("Terugzetten van", "Restoring"),
                num(summary.restoredFrom) ? `${version()} ${num(summary.restoredFrom)}` : null,
              ],
            ]}
          />
        );
      case "publish.approved":
        return (
          <Facts
            facts={[
              [t("Verzoek", "Request"), num(summary.request) ? `#${num(summary.request)}` : null],
              [t("Aangevraagd door", "Requested by"), str(summary.requestedBy)],
              [
                t("Gepubliceerd als", "Published as"),
                num(summary.version) ? `${version()} ${num(summary.version)}` : null,
              ],
            ]}
          />
        );
      case "publish.rejected":
        return (
          <Facts
            facts={[
              [t("Verzoek", "Request"), num(summary.request) ? `#${num(summary.request)}` : null],
              [t("Aangevraagd door", "Requested by"), str(summary.requestedBy)],
              [t("Reden", "Reason"), quote(str(summary.reason))],
            ]}
          />
        );
      case "publish.withdrawn":
        return (
          <Facts
            facts={[[t("Verzoek", "Request"), num(summary.request) ? `#${num(summary.request)}` : null]]}
          />
        );
      case "settings.changed":
        return (
          <Facts
            facts={[
              [
                e().target === "requireApproval"
                  ? t("Goedkeuring verplicht", "Approval required")
                  : (e().target ?? ""),
                `${yesNo(summary.from)} → ${yesNo(summary.to)}`,
              ],
            ]}
          />
        );
      case "processor.created":
      case "processor.updated":
        return (
          <Facts
            facts={[
              [t("Verwerker", "Processor"), str(obj(summary.recipient)?.name) ?? e().target],
              [t("Concepten bijgewerkt", "Drafts updated"), num(summary.draftsUpdated)?.toString() ?? null],
            ]}
          />
        );
      case "webhook.created":
      case "webhook.disabled":
        return <Facts facts={[["URL", str(summary.url)]]} />;
      case "auth.sign_in":
      case "auth.sign_in_failed":
      case "auth.sign_out":
      case "auth.sign_out_all":
      case "invitation.accept_failed":
        return Object.keys(summary).length === 0 ? <></> : <Generic summary={summary} />;
      default:
        return <Generic summary={summary} target={e().target} />;
    }
  };
  return <>{content()}</>;
}

/** Anything not known above: its plain values in a list, the rest as JSON behind a disclosure. */
function Generic(props: { summary: Json; target?: string | null }) {
  const plain = () =>
    Object.entries(props.summary).filter(([, value]) => value === null || typeof value !== "object");
  const nested = () =>
    Object.entries(props.summary).some(([, value]) => value !== null && typeof value === "object");
  return (
    <>
      <Facts
        facts={[
          ...(props.target ? ([[t("Doel", "Target"), props.target]] as [string, string][]) : []),
          ...plain().map(([key, value]) => [key, String(value)] as [string, string]),
        ]}
      />
      <Show when={nested()}>
        <details class="disclosure">
          <summary>{t("Alle gegevens (JSON)", "All data (JSON)")}</summary>
          <pre>{JSON.stringify(props.summary, null, 2)}</pre>
        </details>
      </Show>
    </>
  );
}
