// "Controle op websites": the company's pages that should show its statement, what the hourly check
// (or "check now") found on each — current, outdated, modified, missing, unreachable — and each
// page's history. Editors and the privacy lead add, check and remove pages; viewers read.
import { createSignal, For, Show } from "solid-js";
import { createAsync, createAsyncStore, revalidate, useAction, useSubmission } from "@solidjs/router";
import * as v from "valibot";
import { SITE_DISPLAYS, WatchedPageCreateSchema, type SiteDisplay } from "#shared/site-schemas.ts";
import { ApiError } from "../../api.ts";
import { isSessionExpired, LoadBoundary, useSessionExpired } from "../../components/PageStates.tsx";
import { t } from "../../i18n.ts";
import {
  addSite,
  checkSite,
  getSiteHistory,
  getSites,
  removeSite,
  type SiteFinding,
  type WatchedSite,
} from "./data.ts";
import { describeFailure } from "./errors.ts";
import {
  describeFinding,
  describeProblem,
  displayName,
  formatMoment,
  LANGUAGE_NAMES,
  stateName,
  stateTone,
} from "./site-words.ts";
import "./sites.css";

interface Company {
  group: string;
  tenant: string;
  name: string;
}

/** The words for the "how is it shown" choice, with what the check looks for in each case. */
const DISPLAY_HINTS: Record<SiteDisplay, [nl: string, en: string]> = {
  link: [
    "De pagina linkt naar het openbare adres; de link volgen is de controle.",
    "The page links to the public address; following the link is the check.",
  ],
  fragment: [
    "Je server voegt het HTML-fragment in; het kenmerk erin zegt welke versie het is.",
    "Your server includes the HTML fragment; its marker says which version it is.",
  ],
  iframe: ["Een iframe toont de pagina van Verklaring.", "An iframe shows Verklaring's page."],
  component: [
    "Het element <privacy-statement> met embed.js van Verklaring.",
    "The <privacy-statement> element with Verklaring's embed.js.",
  ],
  copy: [
    "De tekst is in de pagina geplakt; hij wordt vergeleken met de gepubliceerde versies.",
    "The text was pasted into the page; it is compared with the published versions.",
  ],
};

/** A finding in a sentence or two, with its remark. */
export function FindingText(props: { finding: SiteFinding }) {
  return (
    <>
      {describeFinding(props.finding)}
      <Show when={props.finding.problem}>{(problem) => <> {describeProblem(problem())}</>}</Show>
      <Show when={props.finding.overdue}>
        <strong class="site-overdue">
          {" "}
          {t(
            "Langer dan 24 uur na de publicatie nog verouderd.",
            "Still outdated more than 24 hours after the publish.",
          )}
        </strong>
      </Show>
    </>
  );
}

export function StateBadge(props: { state: SiteFinding["state"] | null }) {
  return <span class={`site-badge ${stateTone(props.state)}`}>{stateName(props.state)}</span>;
}

/** A modified copy against the version in force: per section, the words taken out and put in. */
export function DifferenceView(props: { difference: NonNullable<SiteFinding["difference"]> }) {
  return (
    <div class="site-difference">
      <For each={props.difference.sections}>
        {(section) => (
          <div class="site-difference-section">
            <p class="site-difference-title">
              <strong>{section.title}</strong>
              <Show when={section.status === "removed"}>
                {" "}
                — {t("staat niet op de pagina", "is not on the page")}
              </Show>
            </p>
            <p>
              <For each={section.parts}>
                {(part) =>
                  part.op === "same" ? (
                    <>{part.text} </>
                  ) : part.op === "removed" ? (
                    <>
                      <del>
                        <span class="visually-hidden">{t("[verwijderd: ", "[removed: ")}</span>
                        {part.text}
                        <span class="visually-hidden">]</span>
                      </del>{" "}
                    </>
                  ) : (
                    <>
                      <ins>
                        <span class="visually-hidden">{t("[toegevoegd: ", "[added: ")}</span>
                        {part.text}
                        <span class="visually-hidden">]</span>
                      </ins>{" "}
                    </>
                  )
                }
              </For>
            </p>
          </div>
        )}
      </For>
      <Show when={props.difference.omitted > 0}>
        <p class="hint">
          {t(
            `En ${props.difference.omitted} onderdelen meer die afwijken.`,
            `And ${props.difference.omitted} more sections that differ.`,
          )}
        </p>
      </Show>
    </div>
  );
}

export function Sites(props: { company: Company; languages: string[]; canEdit: boolean }) {
  return (
    <>
      <p>
        {t(
          "Verklaring controleert elk uur of deze pagina's de versie tonen die geldt. Een pagina die meer dan 24 uur na een publicatie nog een oudere versie toont, komt op het overzicht van de privacyfunctionaris en geeft een site.outdated-webhook.",
          "Every hour Verklaring checks that these pages show the version in force. A page that still shows an older version more than 24 hours after a publish appears on the privacy lead's overview and sends a site.outdated webhook.",
        )}
      </p>
      <LoadBoundary
        describe={describeFailure}
        part={{ nl: "de gecontroleerde pagina's", en: "the watched pages" }}
        retry={[getSites.key]}
        loading={t("Pagina's laden…", "Loading pages…")}
      >
        <SiteList company={props.company} canEdit={props.canEdit} />
      </LoadBoundary>
      <Show when={props.canEdit}>
        <AddSiteForm company={props.company} languages={props.languages} />
      </Show>
    </>
  );
}

function SiteList(props: { company: Company; canEdit: boolean }) {
  // A store reconciled by id: after "check now" or an add refetches the list, each page keeps its
  // item (its message, its open history) and only what changed is updated.
  const sites = createAsyncStore(() => getSites(props.company.group, props.company.tenant), {
    reconcile: { key: "id" },
  });
  return (
    <Show when={sites()}>
      {(answer) => (
        <>
          <p class="site-summary">
            <strong>
              {t(
                `${answer().counts.current} van ${answer().counts.watched} pagina's actueel`,
                `${answer().counts.current} of ${answer().counts.watched} pages current`,
              )}
            </strong>
            <Show when={answer().counts.lastCheckedAt}>
              {(at) => (
                <>
                  {" · "}
                  {t("laatst gecontroleerd", "last checked")}{" "}
                  <time datetime={at()}>{formatMoment(at())}</time>
                </>
              )}
            </Show>
          </p>
          <Show
            when={answer().pages.length > 0}
            fallback={
              <p class="muted">{t("Nog geen pagina's om te controleren.", "No pages to check yet.")}</p>
            }
          >
            <ul class="sites">
              <For each={answer().pages}>
                {(site) => <SiteItem company={props.company} site={site} canEdit={props.canEdit} />}
              </For>
            </ul>
          </Show>
        </>
      )}
    </Show>
  );
}

function SiteItem(props: { company: Company; site: WatchedSite; canEdit: boolean }) {
  const expired = useSessionExpired();
  const id = () => `site-${props.site.id}`;
  const checking = useSubmission(checkSite, ([, , siteId]) => siteId === props.site.id);
  const sendCheck = useAction(checkSite);
  const removing = useSubmission(removeSite, ([, , siteId]) => siteId === props.site.id);
  const sendRemove = useAction(removeSite);
  const [message, setMessage] = createSignal("");
  const [confirming, setConfirming] = createSignal(false);
  const [history, setHistory] = createSignal(false);
  let removeButton: HTMLButtonElement | undefined;

  const checkNow = async () => {
    if (checking.pending) return;
    setMessage("");
    try {
      const { page } = await sendCheck(props.company.group, props.company.tenant, props.site.id);
      setMessage(
        t(
          `Zojuist gecontroleerd: ${stateName(page.status?.state ?? null)}.`,
          `Just checked: ${stateName(page.status?.state ?? null)}.`,
        ),
      );
      void revalidate(getSiteHistory.key);
    } catch (error) {
      if (isSessionExpired(error)) return expired();
      if (error instanceof ApiError && error.status === 429) {
        setMessage(
          t(
            `Deze pagina is net gecontroleerd. Probeer het over ${error.retryAfter ?? 10} seconden opnieuw.`,
            `This page was checked moments ago. Try again in ${error.retryAfter ?? 10} seconds.`,
          ),
        );
      } else setMessage(describeFailure(error));
    }
  };

  const remove = async () => {
    if (removing.pending) return;
    setMessage("");
    try {
      await sendRemove(props.company.group, props.company.tenant, props.site.id);
    } catch (error) {
      if (isSessionExpired(error)) return expired();
      setMessage(describeFailure(error));
    }
  };

  return (
    <li class="site" id={id()} aria-labelledby={`${id()}-url`}>
      <p class="site-url" id={`${id()}-url`}>
        <a href={props.site.url} target="_blank" rel="noopener noreferrer">
          {props.site.url}
          <span class="visually-hidden"> {t("(opent in een nieuw tabblad)", "(opens in a new tab)")}</span>
        </a>
      </p>
      <p class="site-meta">
        {LANGUAGE_NAMES[props.site.language] ?? props.site.language} · {displayName(props.site.display)}
      </p>
      <p class="site-status" data-state={props.site.status?.state ?? "unchecked"}>
        <StateBadge state={props.site.status?.state ?? null} />{" "}
        <Show when={props.site.status}>{(finding) => <FindingText finding={finding()} />}</Show>
      </p>
      <Show when={props.site.status}>
        {(finding) => (
          <>
            <p class="site-meta">
              {t("Gecontroleerd op", "Checked on")}{" "}
              <time datetime={finding().lastCheckedAt}>{formatMoment(finding().lastCheckedAt)}</time>
              <Show when={finding().checks > 1}>
                {" "}
                {t(
                  `(zo sinds ${formatMoment(finding().firstCheckedAt)}, ${finding().checks} controles)`,
                  `(like this since ${formatMoment(finding().firstCheckedAt)}, ${finding().checks} checks)`,
                )}
              </Show>
            </p>
            <Show when={finding().difference}>
              {(difference) => (
                <details class="site-details">
                  <summary>
                    {t(
                      `Verschillen met versie ${difference().against}`,
                      `Differences from version ${difference().against}`,
                    )}
                  </summary>
                  <DifferenceView difference={difference()} />
                </details>
              )}
            </Show>
          </>
        )}
      </Show>
      <p role="status" class="site-message">
        {message()}
      </p>
      <Show
        when={confirming()}
        fallback={
          <p class="embed-actions">
            <Show when={props.canEdit}>
              <button
                type="button"
                class="secondary"
                onClick={checkNow}
                aria-disabled={checking.pending === true}
              >
                {checking.pending
                  ? t("Bezig met controleren…", "Checking…")
                  : t("Nu controleren", "Check now")}
                <span class="visually-hidden">: {props.site.url}</span>
              </button>
            </Show>
            <button
              type="button"
              class="secondary"
              aria-expanded={history()}
              aria-controls={`${id()}-history`}
              onClick={() => setHistory(!history())}
            >
              {history()
                ? t("Geschiedenis verbergen", "Hide history")
                : t("Geschiedenis tonen", "Show history")}
              <span class="visually-hidden">: {props.site.url}</span>
            </button>
            <Show when={props.canEdit}>
              <button
                type="button"
                class="secondary danger"
                ref={removeButton}
                onClick={() => setConfirming(true)}
              >
                {t("Niet meer controleren", "Stop checking")}
                <span class="visually-hidden">: {props.site.url}</span>
              </button>
            </Show>
          </p>
        }
      >
        <div class="confirm" role="group" aria-labelledby={`${id()}-confirm`}>
          <p id={`${id()}-confirm`}>
            {t(
              "Deze pagina wordt dan niet meer gecontroleerd. Wat eerdere controles vonden, blijft bewaard.",
              "This page will no longer be checked. What earlier checks found is kept.",
            )}
          </p>
          <p class="embed-actions">
            <button
              type="button"
              class="primary danger"
              ref={(el) => queueMicrotask(() => el.focus())}
              onClick={remove}
              aria-disabled={removing.pending === true}
            >
              {removing.pending
                ? t("Bezig…", "Working…")
                : t("Ja, niet meer controleren", "Yes, stop checking")}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setConfirming(false);
                queueMicrotask(() => removeButton?.focus());
              }}
            >
              {t("Annuleren", "Cancel")}
            </button>
          </p>
        </div>
      </Show>
      <div id={`${id()}-history`}>
        <Show when={history()}>
          <SiteHistory company={props.company} siteId={props.site.id} url={props.site.url} />
        </Show>
      </div>
    </li>
  );
}

/** A page's findings, newest first: one row per unbroken run of the same finding. */
export function SiteHistory(props: { company: Company; siteId: number; url: string }) {
  return (
    <section class="site-history" aria-label={t(`Geschiedenis van ${props.url}`, `History of ${props.url}`)}>
      <LoadBoundary
        describe={describeFailure}
        part={{ nl: "de geschiedenis", en: "the history" }}
        retry={[getSiteHistory.key]}
        loading={t("Geschiedenis laden…", "Loading history…")}
      >
        <HistoryTable {...props} />
      </LoadBoundary>
    </section>
  );
}

function HistoryTable(props: { company: Company; siteId: number }) {
  const history = createAsync(() => getSiteHistory(props.company.group, props.company.tenant, props.siteId));
  return (
    <Show
      when={(history()?.history.length ?? 0) > 0}
      fallback={<p class="muted">{t("Nog niet gecontroleerd.", "Not checked yet.")}</p>}
    >
      <table class="site-history-table">
        <caption class="visually-hidden">
          {t("Bevindingen, nieuwste eerst", "Findings, newest first")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("Periode", "Period")}</th>
            <th scope="col">{t("Status", "Status")}</th>
            <th scope="col">{t("Bevinding", "Finding")}</th>
            <th scope="col">{t("Controles", "Checks")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={history()?.history}>
            {(finding) => (
              <tr>
                <td data-label={t("Periode", "Period")}>
                  <time datetime={finding.firstCheckedAt}>{formatMoment(finding.firstCheckedAt)}</time>
                  <Show when={finding.lastCheckedAt !== finding.firstCheckedAt}>
                    {" – "}
                    <time datetime={finding.lastCheckedAt}>{formatMoment(finding.lastCheckedAt)}</time>
                  </Show>
                </td>
                <td data-label={t("Status", "Status")}>
                  <StateBadge state={finding.state} />
                </td>
                <td data-label={t("Bevinding", "Finding")} class="site-history-finding">
                  <FindingText finding={finding} />
                </td>
                <td data-label={t("Controles", "Checks")}>{finding.checks}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}

/** The field message for a watched page's address, from the schema or the API. */
function urlMessage(raw: string): string {
  if (/https:\/\/ address|public internet|loopback|network|valid URL/.test(raw)) {
    return t(
      "Gebruik een https://-adres op het openbare internet, zonder gebruikersnaam of wachtwoord.",
      "Use an https:// address on the public internet, without a user name or password.",
    );
  }
  if (/^is required$|^must be a string$/.test(raw)) {
    return t("Vul het adres van de pagina in.", "Enter the address of the page.");
  }
  if (/already watched/.test(raw)) {
    return t(
      "Deze pagina wordt in deze taal al gecontroleerd.",
      "This page is already checked in this language.",
    );
  }
  return raw;
}

function AddSiteForm(props: { company: Company; languages: string[] }) {
  const expired = useSessionExpired();
  const adding = useSubmission(addSite);
  const send = useAction(addSite);
  const [url, setUrl] = createSignal("");
  const [lang, setLang] = createSignal(props.languages[0] ?? "nl");
  const [display, setDisplay] = createSignal<SiteDisplay>("fragment");
  const [urlError, setUrlError] = createSignal<string | undefined>();
  const [alert, setAlert] = createSignal("");
  let input: HTMLInputElement | undefined;

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (adding.pending) return;
    setAlert("");
    const parsed = v.safeParse(WatchedPageCreateSchema, { url: url(), language: lang(), display: display() });
    if (!parsed.success) {
      setUrlError(urlMessage(parsed.issues[0]?.message ?? ""));
      input?.focus();
      return;
    }
    setUrlError(undefined);
    try {
      await send(props.company.group, props.company.tenant, parsed.output);
      setUrl("");
    } catch (error) {
      if (isSessionExpired(error)) return expired();
      if (error instanceof ApiError && (error.code === "duplicate_page" || error.fields.url)) {
        setUrlError(
          urlMessage(error.code === "duplicate_page" ? "already watched" : (error.fields.url ?? "")),
        );
        input?.focus();
      } else if (error instanceof ApiError && error.code === "too_many_pages") {
        setAlert(
          t(
            "Dit bedrijf heeft al het maximum aantal pagina's. Haal er eerst een weg.",
            "This company already has the maximum number of pages. Remove one first.",
          ),
        );
      } else setAlert(describeFailure(error));
    }
  };

  return (
    <form class="form site-form" novalidate onSubmit={onSubmit} aria-busy={adding.pending === true}>
      <h3>{t("Pagina toevoegen", "Add a page")}</h3>
      <div class="field" classList={{ invalid: !!urlError() }}>
        <label for="site-url">{t("Adres van de pagina", "Address of the page")}</label>
        <p id="site-url-hint" class="hint">
          {t(
            "De pagina op je website waar de privacyverklaring staat, bijvoorbeeld https://www.jouwbedrijf.nl/privacy.",
            "The page on your website that shows the privacy statement, for example https://www.yourcompany.com/privacy.",
          )}
        </p>
        <input
          ref={input}
          id="site-url"
          name="url"
          type="url"
          inputmode="url"
          autocomplete="url"
          spellcheck={false}
          value={url()}
          onInput={(event) => setUrl(event.currentTarget.value)}
          aria-invalid={urlError() ? "true" : undefined}
          aria-describedby={urlError() ? "site-url-hint site-url-error" : "site-url-hint"}
        />
        <Show when={urlError()}>
          <p id="site-url-error" class="field-error">
            {urlError()}
          </p>
        </Show>
      </div>
      <Show when={props.languages.length > 1}>
        <div class="field">
          <label for="site-language">{t("Taal van de pagina", "Language of the page")}</label>
          <select id="site-language" value={lang()} onChange={(event) => setLang(event.currentTarget.value)}>
            <For each={props.languages}>
              {(code) => <option value={code}>{LANGUAGE_NAMES[code] ?? code}</option>}
            </For>
          </select>
        </div>
      </Show>
      <fieldset class="site-displays">
        <legend>{t("Hoe staat de verklaring op de pagina?", "How does the page show the statement?")}</legend>
        <For each={SITE_DISPLAYS}>
          {(choice) => (
            <label class="site-display">
              <input
                type="radio"
                name="site-display"
                value={choice}
                checked={display() === choice}
                onChange={() => setDisplay(choice)}
              />
              <span>
                <span class="site-display-name">{displayName(choice)}</span>
                <span class="hint">{t(DISPLAY_HINTS[choice][0], DISPLAY_HINTS[choice][1])}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        {alert()}
      </div>
      <button type="submit" class="primary" aria-disabled={adding.pending === true}>
        {adding.pending ? t("Bezig met toevoegen…", "Adding…") : t("Pagina toevoegen", "Add page")}
      </button>
    </form>
  );
}
