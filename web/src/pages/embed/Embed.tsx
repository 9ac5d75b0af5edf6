// "Op de website": everything a company needs to show its published statement on its own site —
// the public addresses, three ways to embed it with copyable snippets, the check that its websites
// really show the version in force, and publish webhooks.
import { createSignal, For, Show } from "solid-js";
import { A, createAsync, useParams } from "@solidjs/router";
import { LoadBoundary, NotFoundScreen } from "../../components/PageStates.tsx";
import { language, t } from "../../i18n.ts";
import { ApiError } from "../../api.ts";
import { getGroupProfile, getTenant, getTenantVersions } from "../group/group-data.ts";
import { CopyAnnouncer, CopyButton, Snippet } from "./Copy.tsx";
import {
  componentCss,
  componentCsp,
  componentSnippet,
  curlSnippet,
  iframeCss,
  iframeCsp,
  iframeSnippet,
  nginxSnippet,
  PARTS,
  phpSnippet,
  publicUrls,
  type Target,
} from "./snippets.ts";
import { describeFailure } from "./errors.ts";
import { FRAGMENT_HOST_CSS } from "#shared/render/style.ts";
import { Sites } from "./Sites.tsx";
import { Webhooks } from "./Webhooks.tsx";
import "./embed.css";

const LANGUAGE_NAMES: Record<string, string> = { nl: "Nederlands", en: "English" };

export default function EmbedPage() {
  const params = useParams<{ group: string; tenant: string }>();
  return (
    <div class="embed-page">
      <LoadBoundary describe={describeFailure}>
        <EmbedContent group={params.group} tenant={params.tenant} />
      </LoadBoundary>
      <CopyAnnouncer />
    </div>
  );
}

function EmbedContent(props: { group: string; tenant: string }) {
  // The one company this page is for (not every company of the group); null when the caller may
  // not see it or there is none.
  const company = createAsync(() =>
    getTenant(props.group, props.tenant).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
  );
  // The group's languages, and whether this company has a version in force: read for this company
  // alone, not from the group's whole public directory.
  const groupProfile = createAsync(() => getGroupProfile(props.group));
  const versions = createAsync(async () => (company() ? getTenantVersions(props.group, props.tenant) : null));
  const [chosen, setChosen] = createSignal<string | null>(null);

  const languages = () => {
    const group = groupProfile();
    if (!group) return ["nl"];
    return [group.defaultLanguage, ...group.languages.filter((l) => l !== group.defaultLanguage)];
  };
  // Start in the console's own language when the group publishes in it.
  const lang = () => {
    const choice = chosen();
    if (choice && languages().includes(choice)) return choice;
    return languages().includes(language()) ? language() : (languages()[0] ?? "nl");
  };
  const inForce = () => versions()?.versions.some((v) => v.status === "in_force") ?? false;
  const target = (): Target | undefined => {
    const current = company();
    if (!current) return undefined;
    return {
      origin: location.origin,
      group: props.group,
      tenant: props.tenant,
      name: current.name,
      language: lang(),
    };
  };

  return (
    <Show when={company() !== undefined && groupProfile() && versions() !== undefined}>
      <Show when={target()} fallback={<NotFoundScreen />}>
        {(target) => (
          <>
            <h1 id="embed-title">{t(`${target().name} op de website`, `${target().name} on the website`)}</h1>
            <p class="lead">
              {t(
                "Websites halen de gepubliceerde verklaring op bij Verklaring. Zo staat op je site altijd de versie die geldt, zonder dat iemand tekst hoeft te kopiëren.",
                "Websites fetch the published statement from Verklaring. That way your site always shows the version in force, without anyone copying text.",
              )}
            </p>
            <Show when={!inForce()}>
              <p class="notice info" role="status">
                {t(
                  `${target().name} heeft nog geen versie die geldt. De adressen hieronder geven "niet gevonden" (404) tot de eerste gepubliceerde versie ingaat.`,
                  `${target().name} has no version in force yet. The addresses below answer "not found" (404) until the first published version takes effect.`,
                )}{" "}
                <A href={`/console/${props.group}/companies/${props.tenant}/publish`}>
                  {t("Naar Publiceren", "Go to Publish")}
                </A>
              </p>
            </Show>

            <section class="embed-section" aria-labelledby="urls-title">
              <h2 id="urls-title">{t("Openbare adressen", "Public addresses")}</h2>
              <Show when={languages().length > 1}>
                <fieldset class="language-choice">
                  <legend>{t("Taal van de verklaring", "Language of the statement")}</legend>
                  <For each={languages()}>
                    {(code) => (
                      <label lang={code}>
                        <input
                          type="radio"
                          name="statement-language"
                          value={code}
                          checked={lang() === code}
                          onChange={() => setChosen(code)}
                        />{" "}
                        {LANGUAGE_NAMES[code] ?? code}
                      </label>
                    )}
                  </For>
                </fieldset>
              </Show>
              <p class="hint">
                {t(
                  "De adressen en voorbeelden op deze pagina gelden voor de gekozen taal. Ze tonen steeds de versie die nu geldt; oude versies blijven bereikbaar via de versielijst.",
                  "The addresses and examples on this page are for the chosen language. They always show the version in force; old versions stay available through the versions list.",
                )}
              </p>
              <ul class="url-list">
                <For each={publicUrls(target())}>
                  {(entry) => (
                    <li data-url-id={entry.id}>
                      <div class="url-text">
                        <span class="url-label">{entry.label}</span>
                        <span class="url-hint">{entry.hint}</span>
                        <a class="url-link" href={entry.url} target="_blank" rel="noopener">
                          <code>{entry.url}</code>
                          <span class="visually-hidden">
                            {" "}
                            {t("(opent in een nieuw tabblad)", "(opens in a new tab)")}
                          </span>
                        </a>
                      </div>
                      <CopyButton
                        text={entry.url}
                        what={t(`adres: ${entry.label}`, `address: ${entry.label}`)}
                      />
                    </li>
                  )}
                </For>
              </ul>
            </section>

            <section class="embed-section" aria-labelledby="ways-title">
              <h2 id="ways-title">
                {t("De verklaring op je website tonen", "Showing the statement on your website")}
              </h2>
              <p>
                {t(
                  "Er zijn drie manieren. Invoegen op je server werkt het best: de tekst staat dan echt in je eigen pagina, ook zonder JavaScript en voor zoekmachines.",
                  "There are three ways. Including it on your server works best: the text is then really part of your own page, also without JavaScript and for search engines.",
                )}
              </p>

              <section class="way" aria-labelledby="way-ssi-title">
                <h3 id="way-ssi-title">
                  {t("1. Invoegen op je server (aanbevolen)", "1. Include on your server (recommended)")}
                </h3>
                <p>
                  {t(
                    "Je server haalt het HTML-fragment op en zet het in je eigen pagina. Het fragment is een <article> met koppen, een inhoudsopgave en onderdelen, zonder opmaak: je eigen CSS bepaalt hoe het eruitziet.",
                    "Your server fetches the HTML fragment and puts it in your own page. The fragment is an <article> with headings, a table of contents and sections, without styling: your own CSS decides how it looks.",
                  )}
                </p>
                <Snippet
                  id="snippet-curl"
                  title={t(
                    "Met curl, bijvoorbeeld elke 5 minuten vanuit cron",
                    "With curl, for example every 5 minutes from cron",
                  )}
                  code={curlSnippet(target())}
                />
                <Snippet id="snippet-php" title={t("In PHP", "In PHP")} code={phpSnippet(target())} />
                <Snippet
                  id="snippet-nginx"
                  title={t("Met Nginx (SSI en een cache)", "With Nginx (SSI and a cache)")}
                  code={nginxSnippet(target())}
                />
                <Snippet
                  id="snippet-fragment-css"
                  title={t(
                    "In je CSS, zodat tabellen op een telefoon binnen hun eigen vak scrollen",
                    "In your CSS, so tables scroll within their own box on a phone",
                  )}
                  code={FRAGMENT_HOST_CSS}
                />
                <p class="note">
                  <strong>{t("Caching: ", "Caching: ")}</strong>
                  {t(
                    "elk antwoord heeft een ETag en mag 5 minuten bewaard worden (Cache-Control: max-age=300). Stuur bij de volgende keer If-None-Match met die ETag mee: is er niets veranderd, dan krijg je 304 zonder inhoud. Bewaar altijd de laatste goede kopie, zodat je pagina blijft werken als Verklaring even niet bereikbaar is. Wil je een nieuwe versie meteen tonen, gebruik dan een webhook (hieronder).",
                    "every response has an ETag and may be kept for 5 minutes (Cache-Control: max-age=300). Next time, send If-None-Match with that ETag: if nothing changed you get a 304 without a body. Always keep the last good copy, so your page keeps working when Verklaring is briefly unreachable. To show a new version right away, use a webhook (below).",
                  )}
                </p>
              </section>

              <section class="way" aria-labelledby="way-iframe-title">
                <h3 id="way-iframe-title">{t("2. Als iframe", "2. As an iframe")}</h3>
                <p>
                  {t(
                    "Toont de opgemaakte pagina van Verklaring in een kader op je site. Een kader groeit niet mee met de tekst: geef het een ruime hoogte, de verklaring scrollt erin. Het title-attribuut noemt het kader voor schermlezers; laat het staan.",
                    "Shows Verklaring's styled page in a frame on your site. A frame does not grow with its text: give it a generous height, the statement scrolls inside it. The title attribute names the frame for screen readers; keep it.",
                  )}
                </p>
                <Snippet
                  id="snippet-iframe"
                  title={t("HTML", "HTML")}
                  what={t("iframe-code", "iframe code")}
                  code={iframeSnippet(target())}
                />
                <Snippet
                  id="snippet-iframe-css"
                  title={t("CSS in je eigen stylesheet", "CSS in your own stylesheet")}
                  what={t("CSS voor het iframe", "CSS for the iframe")}
                  code={iframeCss}
                />
                <p class="note">
                  {t(
                    "Heeft je site een Content-Security-Policy? Sta het kader dan toe met:",
                    "Does your site have a Content-Security-Policy? Then allow the frame with:",
                  )}{" "}
                  <code class="csp">{iframeCsp(target())}</code>
                </p>
              </section>

              <section class="way" aria-labelledby="way-component-title">
                <h3 id="way-component-title">{t("3. Als webcomponent", "3. As a web component")}</h3>
                <p>
                  {t(
                    "Een klein script van Verklaring haalt de verklaring in de browser op en zet hem in je pagina, met eenvoudige opmaak die je lettertype en kleuren overneemt. Zonder JavaScript, of als het ophalen mislukt, ziet de bezoeker de link binnen het element.",
                    "A small script from Verklaring fetches the statement in the browser and puts it in your page, with simple styling that takes over your font and colours. Without JavaScript, or when fetching fails, visitors see the link inside the element.",
                  )}
                </p>
                <Snippet
                  id="snippet-component"
                  title={t("HTML", "HTML")}
                  what={t("code van de webcomponent", "web component code")}
                  code={componentSnippet(target())}
                />
                <p class="note">
                  {t(
                    "Content-Security-Policy van je site: voeg deze bronnen toe aan de bestaande directives. Style-src is niet nodig (de opmaak is een stylesheet die het script zelf maakt) en inline scripts ook niet. Gebruikt je site Trusted Types, voeg dan verklaring-embed toe aan trusted-types.",
                    "Your site's Content-Security-Policy: add these sources to the existing directives. No style-src is needed (the styling is a stylesheet the script builds itself), nor inline scripts. If your site uses Trusted Types, add verklaring-embed to trusted-types.",
                  )}
                </p>
                <Snippet
                  id="snippet-component-csp"
                  title="Content-Security-Policy"
                  what={t("CSP-bronnen voor de webcomponent", "CSP sources for the web component")}
                  code={componentCsp(target())}
                />
                <p>
                  {t(
                    'In een single-page app kun je lang, company of group gewoon veranderen: het element laadt dan de andere verklaring. Het script moet als module geladen worden (type="module"); het leest zijn eigen adres om Verklaring te vinden. Staat Verklaring elders, zet dan src-base="https://…" op het element.',
                    'In a single-page app you can simply change lang, company or group: the element then loads the other statement. The script must be loaded as a module (type="module"); it reads its own address to find Verklaring. If Verklaring lives elsewhere, set src-base="https://…" on the element.',
                  )}
                </p>
                <Snippet
                  id="snippet-component-css"
                  title={t("Opmaak aanpassen (optioneel)", "Adjusting the styling (optional)")}
                  what={t("CSS voor de webcomponent", "CSS for the web component")}
                  code={componentCss}
                >
                  <p class="hint">
                    {t("Onderdelen voor ::part(): ", "Parts for ::part(): ")}
                    {PARTS.join(", ")}.
                  </p>
                </Snippet>
              </section>
            </section>

            <section class="embed-section" aria-labelledby="sites-title">
              <h2 id="sites-title">{t("Controle op websites", "Checks on websites")}</h2>
              <Sites
                company={{ group: props.group, tenant: props.tenant, name: target().name }}
                languages={languages()}
                canEdit={company()?.role !== "tenant_viewer"}
              />
            </section>

            <section class="embed-section" aria-labelledby="webhooks-title">
              <h2 id="webhooks-title">{t("Webhooks", "Webhooks")}</h2>
              <Show
                when={company()?.role !== "tenant_viewer"}
                fallback={
                  <p>
                    {t(
                      `Webhooks laten een website weten dat er een nieuwe versie is. Ze worden ingesteld door de redacteuren van ${target().name} en de privacyfunctionaris; jij kunt deze pagina bekijken.`,
                      `Webhooks tell a website that there is a new version. The editors of ${target().name} and the privacy lead set them up; you can view this page.`,
                    )}
                  </p>
                }
              >
                <Webhooks target={target()} />
              </Show>
            </section>
          </>
        )}
      </Show>
    </Show>
  );
}
