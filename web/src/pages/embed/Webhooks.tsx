// Publish webhooks for one company: add one (its secret is shown once), disable one, and see how
// each delivery went. Only editors and the privacy lead get here; viewers see a sentence instead.
import { createSignal, For, Show } from "solid-js";
import { createAsync, revalidate, useAction, useSubmission } from "@solidjs/router";
import * as v from "valibot";
import { WebhookCreateSchema } from "#shared/webhook-schemas.ts";
import { ApiError } from "../../api.ts";
import { isSessionExpired, LoadBoundary, useSessionExpired } from "../../components/PageStates.tsx";
import { language, t } from "../../i18n.ts";
import { CopyButton, Snippet } from "./Copy.tsx";
import { createWebhook, disableWebhook, getDeliveries, getWebhooks, type Webhook } from "./data.ts";
import { payloadExample, type Target, verifyJsSnippet, verifyPhpSnippet } from "./snippets.ts";
import { describeFailure } from "./errors.ts";

const formatTime = (iso: string): string =>
  new Intl.DateTimeFormat(language() === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "medium",
    timeStyle: "medium",
  }).format(new Date(iso));

/** The field message for the webhook address, from the schema or the API, in the console's language. */
function urlMessage(raw: string): string {
  if (/https:\/\/ address|https:\/\/-adres/.test(raw)) {
    return t(
      "Gebruik een https://-adres zonder gebruikersnaam of wachtwoord (http:// mag alleen voor localhost of 127.0.0.1).",
      "Use an https:// address without a user name or password (http:// only for localhost or 127.0.0.1).",
    );
  }
  if (/^is required$|^must be a string$|verplicht/.test(raw)) {
    return t(
      "Vul het adres in waar je website de meldingen ontvangt.",
      "Enter the address where your website receives the notifications.",
    );
  }
  if (/active webhook/.test(raw)) {
    return t(
      "Voor dit adres is al een actieve webhook.",
      "There already is an active webhook for this address.",
    );
  }
  return raw;
}

export function Webhooks(props: { target: Target }) {
  const expired = useSessionExpired();
  const [url, setUrl] = createSignal("");
  const [urlError, setUrlError] = createSignal<string | undefined>();
  const [alert, setAlert] = createSignal("");
  const adding = useSubmission(createWebhook);
  const sendWebhook = useAction(createWebhook);
  const busy = () => adding.pending === true;
  const [created, setCreated] = createSignal<{ url: string; secret: string } | null>(null);
  let input: HTMLInputElement | undefined;
  let secretPanel: HTMLElement | undefined;

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert("");
    const parsed = v.safeParse(WebhookCreateSchema, { url: url() });
    if (!parsed.success) {
      setUrlError(urlMessage(parsed.issues[0]?.message ?? ""));
      input?.focus();
      return;
    }
    setUrlError(undefined);
    try {
      const body = await sendWebhook(props.target.group, props.target.tenant, parsed.output.url);
      setCreated({ url: body.webhook.url, secret: body.secret });
      setUrl("");
      secretPanel?.focus();
    } catch (error) {
      if (isSessionExpired(error)) return expired();
      if (error instanceof ApiError && (error.code === "duplicate_webhook" || error.fields.url)) {
        setUrlError(
          urlMessage(error.code === "duplicate_webhook" ? "active webhook" : (error.fields.url ?? "")),
        );
        input?.focus();
      } else if (error instanceof ApiError && error.code === "too_many_webhooks") {
        setAlert(
          t(
            "Dit bedrijf heeft al het maximum van 10 actieve webhooks. Schakel er eerst een uit.",
            "This company already has the maximum of 10 active webhooks. Disable one first.",
          ),
        );
      } else {
        setAlert(describeFailure(error));
      }
    }
  };

  return (
    <>
      <p>
        {t(
          "Een webhook laat je website weten dat er een nieuwe versie is gepubliceerd, zodat die zijn kopie meteen vernieuwt. Verklaring stuurt dan een ondertekend POST-verzoek naar het adres dat je hier opgeeft.",
          "A webhook tells your website that a new version was published, so it can refresh its copy right away. Verklaring then sends a signed POST request to the address you enter here.",
        )}
      </p>

      <Show when={created()}>
        {(secret) => (
          <section
            class="secret-panel"
            aria-labelledby="secret-title"
            tabindex="-1"
            ref={(el) => (secretPanel = el)}
          >
            <h3 id="secret-title">
              {t("Webhook toegevoegd: bewaar het geheim", "Webhook added: keep the secret")}
            </h3>
            <p>
              <strong>
                {t("Dit geheim wordt maar één keer getoond.", "This secret is shown only once.")}
              </strong>{" "}
              {t(
                `Zet het nu in de instellingen van de ontvanger op ${secret().url}; daarmee controleert die de handtekening. Kwijt? Schakel de webhook uit en voeg hem opnieuw toe.`,
                `Put it in the settings of the receiver at ${secret().url} now; it checks the signature with it. Lost it? Disable the webhook and add it again.`,
              )}
            </p>
            <p class="secret-row">
              <code id="webhook-secret" class="secret-value">
                {secret().secret}
              </code>
              <CopyButton
                text={secret().secret}
                what={t("het geheim van de webhook", "the webhook secret")}
                selectOnFailure={() => document.getElementById("webhook-secret") ?? undefined}
              />
            </p>
            <button type="button" class="secondary" onClick={() => setCreated(null)}>
              {t("Ik heb het geheim bewaard", "I have saved the secret")}
            </button>
          </section>
        )}
      </Show>

      <form class="form webhook-form" novalidate onSubmit={onSubmit} aria-busy={busy()}>
        <div class="field" classList={{ invalid: !!urlError() }}>
          <label for="webhook-url">{t("Adres van de ontvanger", "Receiver address")}</label>
          <p id="webhook-url-hint" class="hint">
            {t(
              "Een https://-adres op je eigen website, bijvoorbeeld https://www.jouwbedrijf.nl/hooks/verklaring.",
              "An https:// address on your own website, for example https://www.yourcompany.com/hooks/verklaring.",
            )}
          </p>
          <input
            ref={input}
            id="webhook-url"
            name="url"
            type="url"
            inputmode="url"
            autocomplete="url"
            spellcheck={false}
            value={url()}
            onInput={(event) => setUrl(event.currentTarget.value)}
            aria-invalid={urlError() ? "true" : undefined}
            aria-describedby={urlError() ? "webhook-url-hint webhook-url-error" : "webhook-url-hint"}
          />
          <Show when={urlError()}>
            <p id="webhook-url-error" class="field-error">
              {urlError()}
            </p>
          </Show>
        </div>
        <div role="alert" class="notice error" classList={{ empty: !alert() }}>
          {alert()}
        </div>
        <button type="submit" class="primary" aria-disabled={busy()}>
          {busy() ? t("Bezig met toevoegen…", "Adding…") : t("Webhook toevoegen", "Add webhook")}
        </button>
      </form>

      <h3>{t("Webhooks van dit bedrijf", "This company's webhooks")}</h3>
      <LoadBoundary
        describe={describeFailure}
        part={{ nl: "de webhooks", en: "the webhooks" }}
        retry={[getWebhooks.key]}
        loading={t("Webhooks laden…", "Loading webhooks…")}
      >
        <WebhookList target={props.target} />
      </LoadBoundary>

      <h3 id="signature-title">{t("De handtekening controleren", "Checking the signature")}</h3>
      <p>
        {t(
          "Elke melding is een POST met deze JSON. De kopteksten zeggen wat en van wie:",
          "Every notification is a POST with this JSON. The headers say what and from whom:",
        )}
      </p>
      <ul class="headers-list">
        <li>
          <code>Verklaring-Event: statement.published</code>
        </li>
        <li>
          <code>Verklaring-Delivery: &lt;id&gt;</code>{" "}
          {t(
            "— hetzelfde bij elke nieuwe poging; bewaar recente ids om dubbele meldingen over te slaan.",
            "— the same on every retry; keep recent ids to skip duplicates.",
          )}
        </li>
        <li>
          <code>Verklaring-Signature: t=&lt;unix-tijd&gt;,v1=&lt;hex&gt;</code>{" "}
          {t(
            "— v1 is de HMAC-SHA256 (hex) met het geheim als sleutel, over de tekst ",
            "— v1 is the HMAC-SHA256 (hex) keyed with the secret, over the text ",
          )}
          <code>{"${t}.${body}"}</code>.
        </li>
      </ul>
      <p>
        {t(
          "Controleer de handtekening over de ruwe body (vóór het parsen), weiger berichten waarvan t meer dan 5 minuten afwijkt van je klok, vergelijk in constante tijd en antwoord snel met een 2xx. Mislukte afleveringen probeert Verklaring later opnieuw (tot 8 keer).",
          "Check the signature over the raw body (before parsing), refuse messages whose t is more than 5 minutes off your clock, compare in constant time and answer quickly with a 2xx. Verklaring retries failed deliveries later (up to 8 times).",
        )}
      </p>
      <Snippet
        id="webhook-payload"
        title={t("Voorbeeld van de body", "Example body")}
        code={payloadExample(props.target)}
      />
      <Snippet
        id="webhook-verify-js"
        title={t("Controleren in JavaScript", "Checking in JavaScript")}
        code={verifyJsSnippet()}
      />
      <Snippet
        id="webhook-verify-php"
        title={t("Controleren in PHP", "Checking in PHP")}
        code={verifyPhpSnippet}
      />
    </>
  );
}

function WebhookList(props: { target: Target }) {
  const webhooks = createAsync(() => getWebhooks(props.target.group, props.target.tenant));
  const sorted = () => {
    const list = webhooks()?.webhooks ?? [];
    return [...list.filter((w) => w.active), ...list.filter((w) => !w.active)];
  };
  return (
    <Show
      when={sorted().length > 0}
      fallback={<p class="muted">{t("Nog geen webhooks.", "No webhooks yet.")}</p>}
    >
      <ul class="webhooks">
        <For each={sorted()}>{(webhook) => <WebhookItem target={props.target} webhook={webhook} />}</For>
      </ul>
    </Show>
  );
}

function WebhookItem(props: { target: Target; webhook: Webhook }) {
  const expired = useSessionExpired();
  const [confirming, setConfirming] = createSignal(false);
  const disabling = useSubmission(disableWebhook, ([, , id]) => id === props.webhook.id);
  const sendDisable = useAction(disableWebhook);
  const busy = () => disabling.pending === true;
  const [error, setError] = createSignal("");
  const [open, setOpen] = createSignal(false);
  const id = () => `webhook-${props.webhook.id}`;
  let disableButton: HTMLButtonElement | undefined;

  const disable = async () => {
    if (busy()) return;
    setError("");
    try {
      await sendDisable(props.target.group, props.target.tenant, props.webhook.id);
      setConfirming(false);
    } catch (err) {
      if (isSessionExpired(err)) return expired();
      setError(describeFailure(err));
    }
  };

  return (
    <li class="webhook" aria-labelledby={`${id()}-url`}>
      <p class="webhook-url" id={`${id()}-url`}>
        <code>{props.webhook.url}</code>
      </p>
      <p class="webhook-meta">
        <span class="badge" classList={{ off: !props.webhook.active }}>
          {props.webhook.active ? t("Actief", "Active") : t("Uitgeschakeld", "Disabled")}
        </span>{" "}
        <Show
          when={props.webhook.disabledAt}
          fallback={
            <span>
              {t("Toegevoegd op", "Added on")} {formatTime(props.webhook.createdAt)}
            </span>
          }
        >
          {(at) => (
            <span>
              {t("Uitgeschakeld op", "Disabled on")} {formatTime(at())}
            </span>
          )}
        </Show>
        {" · "}
        <span>
          {t("Geheim eindigt op", "Secret ends in")} <code>{props.webhook.secretHint}</code>
        </span>
      </p>
      <div role="alert" class="notice error" classList={{ empty: !error() }}>
        {error()}
      </div>
      <Show
        when={confirming()}
        fallback={
          <p class="embed-actions">
            <button
              type="button"
              class="secondary"
              aria-expanded={open()}
              aria-controls={`${id()}-deliveries`}
              onClick={() => setOpen(!open())}
            >
              {open()
                ? t("Afleveringen verbergen", "Hide deliveries")
                : t("Afleveringen tonen", "Show deliveries")}
              <span class="visually-hidden">: {props.webhook.url}</span>
            </button>
            <Show when={props.webhook.active}>
              <button
                type="button"
                class="secondary danger"
                ref={disableButton}
                onClick={() => setConfirming(true)}
              >
                {t("Uitschakelen", "Disable")}
                <span class="visually-hidden">: {props.webhook.url}</span>
              </button>
            </Show>
          </p>
        }
      >
        <div class="confirm" role="group" aria-labelledby={`${id()}-confirm`}>
          <p id={`${id()}-confirm`}>
            {t(
              "Na uitschakelen krijgt dit adres geen meldingen meer. Dat kun je niet terugdraaien; je kunt wel een nieuwe webhook toevoegen.",
              "Once disabled, this address gets no more notifications. This cannot be undone; you can add a new webhook though.",
            )}
          </p>
          <p class="embed-actions">
            <button
              type="button"
              class="primary danger"
              ref={(el) => queueMicrotask(() => el.focus())}
              onClick={disable}
              aria-disabled={busy()}
            >
              {busy() ? t("Bezig met uitschakelen…", "Disabling…") : t("Ja, uitschakelen", "Yes, disable")}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setConfirming(false);
                queueMicrotask(() => disableButton?.focus());
              }}
            >
              {t("Annuleren", "Cancel")}
            </button>
          </p>
        </div>
      </Show>
      <div id={`${id()}-deliveries`}>
        <Show when={open()}>
          <Deliveries target={props.target} webhook={props.webhook} />
        </Show>
      </div>
    </li>
  );
}

/**
 * A webhook's delivery attempts, newest first, a page at a time: each "older deliveries" adds the
 * next page (its own query, its own tbody) under the ones already shown.
 */
function Deliveries(props: { target: Target; webhook: Webhook }) {
  const [pages, setPages] = createSignal<(number | undefined)[]>([undefined]);
  const more = (before: number) => setPages((list) => [...list, before]);
  return (
    <section
      class="deliveries"
      aria-label={t(`Afleveringen aan ${props.webhook.url}`, `Deliveries to ${props.webhook.url}`)}
    >
      <LoadBoundary
        describe={describeFailure}
        part={{ nl: "de afleveringen", en: "the deliveries" }}
        retry={[getDeliveries.key]}
        loading={t("Afleveringen laden…", "Loading deliveries…")}
      >
        <DeliveryPages target={props.target} webhook={props.webhook} pages={pages()} onMore={more} />
        <p class="embed-actions">
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setPages([undefined]);
              void revalidateDeliveries();
            }}
          >
            {t("Vernieuwen", "Refresh")}
          </button>
        </p>
      </LoadBoundary>
    </section>
  );
}

const revalidateDeliveries = () => revalidate(getDeliveries.key);

function DeliveryPages(props: {
  target: Target;
  webhook: Webhook;
  pages: (number | undefined)[];
  onMore: (before: number) => void;
}) {
  const first = createAsync(() => getDeliveries(props.target.group, props.target.tenant, props.webhook.id));
  return (
    <Show
      when={(first()?.deliveries.length ?? 0) > 0}
      fallback={
        <p class="muted">
          {t(
            "Nog geen afleveringen. Bij de volgende publicatie van dit bedrijf verschijnt hier hoe die ging.",
            "No deliveries yet. After this company's next publication you will see here how it went.",
          )}
        </p>
      }
    >
      <table class="delivery-table">
        <caption class="visually-hidden">
          {t("Afleveringen, nieuwste eerst", "Deliveries, newest first")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("Tijd", "Time")}</th>
            <th scope="col">{t("Versie", "Version")}</th>
            <th scope="col">{t("Poging", "Attempt")}</th>
            <th scope="col">{t("Resultaat", "Result")}</th>
            <th scope="col">{t("Statuscode", "Status code")}</th>
            <th scope="col">{t("Duur", "Duration")}</th>
            <th scope="col">{t("Fout", "Error")}</th>
          </tr>
        </thead>
        <For each={props.pages}>
          {(before, index) => (
            <DeliveryPage
              {...props}
              before={before}
              last={index() === props.pages.length - 1}
              onMore={props.onMore}
            />
          )}
        </For>
      </table>
    </Show>
  );
}

function DeliveryPage(props: {
  target: Target;
  webhook: Webhook;
  before: number | undefined;
  last: boolean;
  onMore: (before: number) => void;
}) {
  const page = createAsync(() =>
    getDeliveries(props.target.group, props.target.tenant, props.webhook.id, props.before),
  );
  return (
    <tbody>
      <For each={page()?.deliveries}>
        {(delivery) => (
          <tr>
            <td data-label={t("Tijd", "Time")}>{formatTime(delivery.attemptedAt)}</td>
            <td data-label={t("Versie", "Version")}>{delivery.version}</td>
            <td data-label={t("Poging", "Attempt")}>{delivery.attempt}</td>
            <td data-label={t("Resultaat", "Result")}>
              <span class="badge" classList={{ off: !delivery.succeeded }}>
                {delivery.succeeded ? t("Gelukt", "Delivered") : t("Mislukt", "Failed")}
              </span>
            </td>
            <td data-label={t("Statuscode", "Status code")}>{delivery.statusCode ?? "—"}</td>
            <td data-label={t("Duur", "Duration")}>{`${delivery.durationMs} ms`}</td>
            <td data-label={t("Fout", "Error")} class="delivery-error">
              {delivery.error ?? "—"}
            </td>
          </tr>
        )}
      </For>
      <Show when={props.last && page()?.nextBefore}>
        {(before) => (
          <tr class="more-row">
            <td colSpan={7}>
              <button type="button" class="secondary" onClick={() => props.onMore(before())}>
                {t("Oudere afleveringen", "Older deliveries")}
              </button>
            </td>
          </tr>
        )}
      </Show>
    </tbody>
  );
}
