// /console/:group/companies — the group's companies over their whole life, for the privacy lead
// (issue 18): add one (nothing is public until its first publish), change its name, websites or
// address (the old address keeps redirecting), archive it when it is sold, merged or closed (its
// public URL then says so, or sends visitors to a successor), restore it, and delete one that never
// published. The rules are the API's; this page explains them before it asks. A group may have
// thousands of companies (issue 20): the list comes 100 at a time, and a search by name or
// address finds one without paging.
import { createSignal, For, Show, startTransition } from "solid-js";
import { A, useAction, useSubmission } from "@solidjs/router";
import * as v from "valibot";
import { CompanyCreateSchema } from "#shared/group-admin-schemas.ts";
import { SlugSchema } from "#shared/model.ts";
import { slugFromName } from "#shared/slug-from-name.ts";
import { ApiError } from "../../api.ts";
import { Field } from "../../components/Field.tsx";
import { createPagedList, ShowMore } from "../../components/PagedList.tsx";
import { t } from "../../i18n.ts";
import { valibotFieldMessages, type FieldMessages } from "../../messages.ts";
import { GroupPage, useGroup } from "./GroupLayout.tsx";
import {
  archiveCompany,
  createCompany,
  deleteCompany,
  getCompaniesPage,
  restoreCompany,
  updateCompany,
  type Company,
} from "./group-data.ts";
import { errorText, formatDate, formatShortDate } from "./group-text.ts";

export default function CompaniesPage() {
  return (
    <GroupPage title={() => t("Bedrijven", "Companies")} adminOnly>
      <Companies />
    </GroupPage>
  );
}

/** Focuses an element once the DOM has it (after a list or panel re-renders). */
const focusLater = (id: string) => queueMicrotask(() => document.getElementById(id)?.focus());

/** A list of addresses typed one per line. */
const linesOf = (text: string): string[] =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

function Companies() {
  const ctx = useGroup();
  // The search the list is for (none: every company), and the pages of it on screen.
  const [search, setSearch] = createSignal<string | undefined>(undefined);
  let table: HTMLTableElement | undefined;
  const paged = createPagedList(
    (after) => getCompaniesPage(ctx.group, search(), after),
    (pages) => pages.reduce((n, page) => n + page.items.length, 0),
    (index) => table?.querySelectorAll<HTMLAnchorElement>("tbody th a")[index]?.focus(),
  );
  const companies = () => {
    const pages = paged.pages();
    return pages && { items: pages.flatMap((page) => page.items) };
  };
  const [typed, setTyped] = createSignal("");
  const find = (event: SubmitEvent) => {
    event.preventDefault();
    const words = typed().trim();
    void startTransition(() => {
      setSearch(words === "" ? undefined : words);
      paged.restart();
    });
  };
  const [managing, setManaging] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal("");

  const manage = (slug: string) => {
    setManaging(slug);
    setNotice("");
    focusLater("manage-company-title");
  };
  // After a change the panel stays on the company; a new address (or none) rebuilds it, so the
  // message at the top takes the focus then.
  const done = (message: string, slug: string | null) => {
    const same = slug !== null && slug === managing();
    setNotice(message);
    setManaging(slug);
    focusLater(same ? "manage-company-title" : "companies-notice");
  };

  return (
    <>
      <p class="lead">
        {t(
          "De bedrijven van de groep, hun openbare adres en hun status. Een nieuw bedrijf is pas openbaar na zijn eerste publicatie.",
          "The group's companies, their public address and their status. A new company is public only after its first publish.",
        )}
      </p>
      <p
        id="companies-notice"
        role="status"
        class="notice info"
        classList={{ empty: !notice() }}
        tabindex="-1"
      >
        {notice()}
      </p>
      <form role="search" class="field company-search" onSubmit={find}>
        <label for="company-search">{t("Zoek een bedrijf", "Find a company")}</label>
        <p id="company-search-hint" class="hint">
          {t(
            "Op (een deel van) de naam of het openbare adres. Leeg: alle bedrijven.",
            "By (part of) its name or public address. Empty: every company.",
          )}
        </p>
        <div class="inline-fields">
          <input
            id="company-search"
            type="search"
            maxLength={120}
            value={typed()}
            aria-describedby="company-search-hint"
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
          <button type="submit" class="secondary">
            {t("Zoeken", "Search")}
          </button>
        </div>
      </form>
      <Show when={search() !== undefined && companies()?.items.length === 0}>
        <p role="status">
          {t(`Geen bedrijf gevonden voor “${search()}”.`, `No company found for “${search()}”.`)}
        </p>
      </Show>
      <table class="data-table companies-admin-table" ref={table}>
        <caption class="visually-hidden">{t("Bedrijven van de groep", "The group's companies")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("Bedrijf", "Company")}</th>
            <th scope="col">{t("Status", "Status")}</th>
            <th scope="col">{t("Openbaar adres", "Public address")}</th>
            <th scope="col">
              <span class="visually-hidden">{t("Acties", "Actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={companies()?.items}>
            {(company) => (
              <tr data-company={company.slug} classList={{ highlight: company.slug === managing() }}>
                <th scope="row">
                  <A href={`/console/${ctx.group}/companies/${company.slug}`}>{company.name}</A>
                </th>
                <td data-label={t("Status", "Status")}>
                  <CompanyStatus company={company} />
                </td>
                <td data-label={t("Openbaar adres", "Public address")} class="public-address">
                  <code>{company.slug}</code>
                  <Show when={company.formerSlugs.length > 0}>
                    <div class="muted">
                      {t("eerder: ", "formerly: ")}
                      {company.formerSlugs.join(", ")}
                    </div>
                  </Show>
                </td>
                <td>
                  <button
                    type="button"
                    class="secondary small"
                    aria-expanded={company.slug === managing()}
                    aria-controls="manage-company"
                    onClick={() => manage(company.slug)}
                  >
                    {t("Beheren", "Manage")}
                    <span class="visually-hidden"> {company.name}</span>
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <ShowMore next={paged.next()} loading={paged.loadingMore()} onClick={paged.showMore} />
      {/* Built once per company managed: a refreshed list keeps what is typed in its forms. */}
      <Show when={managing()} keyed>
        {(slug) => (
          <Show when={companies()?.items.find((c) => c.slug === slug)}>
            {(company) => (
              <ManageCompany
                group={ctx.group}
                company={company()}
                onDone={done}
                onClose={() => {
                  setManaging(null);
                  focusLater("companies-notice");
                }}
              />
            )}
          </Show>
        )}
      </Show>
      <CreateCompany
        group={ctx.group}
        companies={companies()?.items ?? []}
        onCreated={(company) => {
          setNotice(
            t(
              `${company.name} is toegevoegd, nog niet gepubliceerd. Nodig een redacteur uit bij Mensen, of vul de verklaring zelf in.`,
              `${company.name} was added, not yet published. Invite an editor under People, or fill in the statement yourself.`,
            ),
          );
          focusLater("companies-notice");
        }}
      />
    </>
  );
}

function CompanyStatus(props: { company: Company }) {
  const c = () => props.company;
  return (
    <Show
      when={c().status === "active"}
      fallback={
        <>
          <span class="badge neutral">{t("Gearchiveerd", "Archived")}</span>
          <div class="muted">
            {t("sinds", "since")} {formatShortDate(c().archivedAt)}
          </div>
        </>
      }
    >
      <Show
        when={c().latestVersion}
        fallback={<span class="badge warn">{t("Nog niet gepubliceerd", "Not yet published")}</span>}
      >
        {(version) => (
          <>
            <span class="badge ok">{t("Gepubliceerd", "Published")}</span>
            <div class="muted">
              {t("laatste versie", "latest version")} {version().number},{" "}
              {formatShortDate(version().publishedAt)}
            </div>
          </>
        )}
      </Show>
    </Show>
  );
}

function ManageCompany(props: {
  group: string;
  company: Company;
  onDone: (message: string, slug: string | null) => void;
  onClose: () => void;
}) {
  return (
    <section id="manage-company" class="manage-company" aria-labelledby="manage-company-title">
      <h2 id="manage-company-title" tabindex="-1">
        {t(`${props.company.name} beheren`, `Manage ${props.company.name}`)}
      </h2>
      <p>
        {t("Openbare verklaring: ", "Public statement: ")}
        <a href={props.company.publicUrl} class="public-address">
          {props.company.publicUrl}
        </a>
      </p>
      <Show
        when={props.company.status === "active"}
        fallback={<Restore group={props.group} company={props.company} onDone={props.onDone} />}
      >
        <EditIdentity group={props.group} company={props.company} onDone={props.onDone} />
        <Archive group={props.group} company={props.company} onDone={props.onDone} />
        <Show when={!props.company.latestVersion}>
          <Delete group={props.group} company={props.company} onDone={props.onDone} />
        </Show>
      </Show>
      <p>
        <button type="button" class="secondary" onClick={() => props.onClose()}>
          {t("Sluiten", "Close")}
        </button>
      </p>
    </section>
  );
}

function EditIdentity(props: {
  group: string;
  company: Company;
  onDone: (message: string, slug: string | null) => void;
}) {
  const [name, setName] = createSignal(props.company.name);
  const [slug, setSlug] = createSignal(props.company.slug);
  const [websites, setWebsites] = createSignal(props.company.websites.join("\n"));
  const [fields, setFields] = createSignal<FieldMessages>({});
  const [alert, setAlert] = createSignal("");
  const saving = useSubmission(updateCompany);
  const send = useAction(updateCompany);
  const slugChanged = () => slug().trim() !== props.company.slug;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (saving.pending) return;
    setAlert("");
    const change: { name?: string; slug?: string; websites?: string[] } = {};
    if (name().trim() !== props.company.name) change.name = name().trim();
    if (slugChanged()) change.slug = slug().trim();
    const listed = linesOf(websites());
    if (JSON.stringify(listed) !== JSON.stringify(props.company.websites)) change.websites = listed;
    if (Object.keys(change).length === 0) {
      setAlert(t("Er is niets veranderd.", "Nothing has changed."));
      return;
    }
    if (change.slug !== undefined && !v.is(SlugSchema, change.slug)) {
      setFields({ slug: slugRule() });
      focusLater("edit-slug");
      return;
    }
    setFields({});
    try {
      const { company } = await send(props.group, props.company.slug, change);
      props.onDone(
        change.slug
          ? t(
              `Opgeslagen. ${company.name} staat nu op ${company.publicUrl}; het oude adres stuurt bezoekers en websites daarheen door.`,
              `Saved. ${company.name} is now at ${company.publicUrl}; the old address sends visitors and websites there.`,
            )
          : t(`${company.name} is opgeslagen.`, `${company.name} is saved.`),
        company.slug,
      );
    } catch (error) {
      if (error instanceof ApiError) setFields(websiteFields(error.fields));
      setAlert(errorText(error));
    }
  };

  return (
    <form class="form narrow" novalidate onSubmit={submit} aria-labelledby="edit-company-title">
      <h3 id="edit-company-title">{t("Naam, websites en adres", "Name, websites and address")}</h3>
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        {alert()}
      </div>
      <Field
        id="edit-name"
        label={t("Naam in de groep", "Name in the group")}
        value={name()}
        onInput={setName}
        error={fields().name}
        hint={t(
          "Zo heet het bedrijf in de lijsten van de groep en in de verklaringen die de bedrijven van de groep noemen. De juridische naam staat in de gegevens van het bedrijf.",
          "What the company is called in the group's lists and in the statements that name the group's companies. Its legal name is in the company's details.",
        )}
      />
      <WebsitesField id="edit-websites" value={websites()} onInput={setWebsites} error={fields().websites} />
      <Field
        id="edit-slug"
        label={t("Adres (in de openbare URL)", "Address (in the public URL)")}
        value={slug()}
        onInput={setSlug}
        error={fields().slug}
        hint={t(
          "Kleine letters, cijfers en streepjes. Het openbare adres wordt …/v1/statements/groep/adres.",
          "Lower-case letters, digits and dashes. The public address becomes …/v1/statements/group/address.",
        )}
      />
      <Show when={slugChanged()}>
        <p class="notice warning" id="edit-slug-warning">
          {t(
            `Let op: websites linken naar het huidige adres (${props.company.slug}). Dat blijft voorgoed doorsturen naar het nieuwe adres, maar pas de links op de websites van het bedrijf toch aan. Het oude adres kan nooit aan een ander bedrijf worden gegeven.`,
            `Note: websites link to the current address (${props.company.slug}). It keeps redirecting to the new address for good, but do update the links on the company's websites. The old address can never be given to another company.`,
          )}
        </p>
      </Show>
      <button type="submit" class="primary" aria-disabled={saving.pending === true}>
        {saving.pending ? t("Bezig met opslaan…", "Saving…") : t("Wijzigingen opslaan", "Save changes")}
      </button>
    </form>
  );
}

function Archive(props: {
  group: string;
  company: Company;
  onDone: (message: string, slug: string | null) => void;
}) {
  const [successor, setSuccessor] = createSignal("");
  const [reason, setReason] = createSignal("");
  const [fields, setFields] = createSignal<FieldMessages>({});
  const [alert, setAlert] = createSignal("");
  const archiving = useSubmission(archiveCompany);
  const send = useAction(archiveCompany);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (archiving.pending) return;
    setAlert("");
    setFields({});
    const body = {
      ...(successor().trim() ? { successorUrl: successor().trim() } : {}),
      ...(reason().trim() ? { reason: reason().trim() } : {}),
    };
    try {
      const { company } = await send(props.group, props.company.slug, body);
      props.onDone(
        company.successorUrl
          ? t(
              `${company.name} is gearchiveerd. Het openbare adres stuurt nu door naar ${company.successorUrl}.`,
              `${company.name} is archived. Its public address now redirects to ${company.successorUrl}.`,
            )
          : t(
              `${company.name} is gearchiveerd. Het openbare adres meldt nu dat de verklaring niet meer geldt; de eerdere versies blijven leesbaar.`,
              `${company.name} is archived. Its public address now says the statement no longer applies; earlier versions stay readable.`,
            ),
        company.slug,
      );
    } catch (error) {
      if (error instanceof ApiError) setFields(error.fields);
      setAlert(errorText(error));
    }
  };

  return (
    <form class="form narrow" novalidate onSubmit={submit} aria-labelledby="archive-company-title">
      <h3 id="archive-company-title">{t("Archiveren", "Archive")}</h3>
      <p class="hint">
        {t(
          "Voor een bedrijf dat verkocht, gefuseerd of gesloten is. Daarna wordt er niets meer aan gewijzigd of gepubliceerd; het openbare adres zegt dat de verklaring niet meer geldt en noemt de laatste versie, en alle eerdere versies blijven leesbaar. Terugzetten kan altijd.",
          "For a company that was sold, merged or closed. Afterwards nothing is changed or published for it; its public address says the statement no longer applies and names the last version, and every earlier version stays readable. You can always restore it.",
        )}
      </p>
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        {alert()}
      </div>
      <Field
        id="archive-successor"
        label={t("Opvolger (optioneel)", "Successor (optional)")}
        value={successor()}
        onInput={setSuccessor}
        required={false}
        error={fields().successorUrl}
        hint={t(
          "De https-link naar de privacyverklaring die nu geldt, bijvoorbeeld die van de koper. Dan stuurt het openbare adres bezoekers daarheen.",
          "The https link to the privacy statement that applies now, the buyer's for example. The public address then sends visitors there.",
        )}
      />
      <Field
        id="archive-reason"
        label={t("Reden (optioneel, voor het logboek)", "Reason (optional, for the audit log)")}
        value={reason()}
        onInput={setReason}
        required={false}
        error={fields().reason}
      />
      <button type="submit" class="danger" aria-disabled={archiving.pending === true}>
        {t(`${props.company.name} archiveren`, `Archive ${props.company.name}`)}
      </button>
    </form>
  );
}

function Restore(props: {
  group: string;
  company: Company;
  onDone: (message: string, slug: string | null) => void;
}) {
  const [alert, setAlert] = createSignal("");
  const restoring = useSubmission(restoreCompany);
  const send = useAction(restoreCompany);
  const restore = async () => {
    if (restoring.pending) return;
    setAlert("");
    try {
      const { company } = await send(props.group, props.company.slug);
      props.onDone(
        t(
          `${company.name} is teruggezet: het kan weer worden bewerkt en gepubliceerd, en het openbare adres toont weer de verklaring.`,
          `${company.name} is restored: it can be edited and published again, and its public address shows its statement again.`,
        ),
        company.slug,
      );
    } catch (error) {
      setAlert(errorText(error));
    }
  };
  return (
    <div class="archived-company">
      <p>
        {t(
          `Gearchiveerd op ${formatDate(props.company.archivedAt)}.`,
          `Archived on ${formatDate(props.company.archivedAt)}.`,
        )}{" "}
        <Show
          when={props.company.successorUrl}
          fallback={t(
            "Het openbare adres meldt dat de verklaring niet meer geldt; de eerdere versies blijven leesbaar.",
            "The public address says the statement no longer applies; earlier versions stay readable.",
          )}
        >
          {(url) => (
            <>
              {t("Het openbare adres stuurt door naar ", "The public address redirects to ")}
              <a href={url()}>{url()}</a>.
            </>
          )}
        </Show>
      </p>
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        {alert()}
      </div>
      <button
        type="button"
        class="primary"
        aria-disabled={restoring.pending === true}
        onClick={() => void restore()}
      >
        {t(`${props.company.name} terugzetten`, `Restore ${props.company.name}`)}
      </button>
    </div>
  );
}

function Delete(props: {
  group: string;
  company: Company;
  onDone: (message: string, slug: string | null) => void;
}) {
  const [confirming, setConfirming] = createSignal(false);
  const [alert, setAlert] = createSignal("");
  const deleting = useSubmission(deleteCompany);
  const send = useAction(deleteCompany);
  const remove = async () => {
    if (deleting.pending) return;
    setAlert("");
    // Read before sending: once the list no longer has the company, this panel's company is gone
    // (reading it then throws Solid's stale-read error).
    const name = props.company.name;
    try {
      await send(props.group, props.company.slug);
      props.onDone(t(`${name} is verwijderd.`, `${name} was deleted.`), null);
    } catch (error) {
      setAlert(errorText(error));
    }
  };
  return (
    <section aria-labelledby="delete-company-title" class="delete-company">
      <h3 id="delete-company-title">{t("Verwijderen", "Delete")}</h3>
      <p class="hint">
        {t(
          "Dit bedrijf heeft nog nooit gepubliceerd en kan dus helemaal weg: het concept, de rollen en open uitnodigingen verdwijnen, het adres komt weer vrij. Het logboek houdt bij dat het bestond.",
          "This company never published, so it can go entirely: its draft, roles and open invitations go, its address is free again. The audit log keeps that it existed.",
        )}
      </p>
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        {alert()}
      </div>
      <Show
        when={confirming()}
        fallback={
          <button
            type="button"
            class="danger"
            onClick={() => {
              setConfirming(true);
              focusLater("delete-company-confirm");
            }}
          >
            {t(`${props.company.name} verwijderen…`, `Delete ${props.company.name}…`)}
          </button>
        }
      >
        <p id="delete-company-question">
          {t(
            `Weet je het zeker? ${props.company.name} verwijderen kan niet ongedaan worden gemaakt.`,
            `Are you sure? Deleting ${props.company.name} cannot be undone.`,
          )}
        </p>
        <div class="button-row">
          <button
            id="delete-company-confirm"
            type="button"
            class="danger"
            aria-describedby="delete-company-question"
            aria-disabled={deleting.pending === true}
            onClick={() => void remove()}
          >
            {t("Ja, definitief verwijderen", "Yes, delete for good")}
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            {t("Nee, houden", "No, keep it")}
          </button>
        </div>
      </Show>
    </section>
  );
}

const slugRule = () =>
  t(
    "Gebruik kleine letters, cijfers en streepjes (niet aan het begin of eind), hoogstens 64 tekens.",
    "Use lower-case letters, digits and dashes (not at the start or end), at most 64 characters.",
  );

/** "websites.2" → "websites": the list has one field. */
function websiteFields(fields: FieldMessages): FieldMessages {
  const out: FieldMessages = { ...fields };
  for (const [key, message] of Object.entries(fields)) {
    if (key.startsWith("websites.")) {
      const line = Number(key.split(".")[1]) + 1;
      out.websites ??= t(`Regel ${line}: ${message ?? ""}`, `Line ${line}: ${message ?? ""}`);
    }
  }
  return out;
}

function WebsitesField(props: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
}) {
  return (
    <div class="field" classList={{ invalid: !!props.error }}>
      <label for={props.id}>{t("Websites (optioneel)", "Websites (optional)")}</label>
      <p id={`${props.id}-hint`} class="hint">
        {t(
          "De https-adressen van de pagina's waarop de verklaring staat, één per regel.",
          "The https addresses of the pages that show the statement, one per line.",
        )}
      </p>
      <textarea
        id={props.id}
        rows={3}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={`${props.id}-hint${props.error ? ` ${props.id}-error` : ""}`}
      />
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

const PROFILE_FIELDS = [
  { key: "legalName", nl: "Juridische naam", en: "Legal name", hint: null },
  { key: "tradeName", nl: "Handelsnaam", en: "Trade name", hint: null },
  {
    key: "kvkNumber",
    nl: "KvK-nummer",
    en: "Chamber of Commerce (KvK) number",
    hint: ["Acht cijfers.", "Eight digits."],
  },
  { key: "address.street", nl: "Straat en huisnummer", en: "Street and number", hint: null },
  { key: "address.postalCode", nl: "Postcode", en: "Postal code", hint: null },
  { key: "address.city", nl: "Plaats", en: "City", hint: null },
  {
    key: "address.country",
    nl: "Land",
    en: "Country",
    hint: ["Landcode in twee hoofdletters, zoals NL of BE.", "Two-letter country code, such as NL or BE."],
  },
  {
    key: "email",
    nl: "E-mailadres voor privacyvragen",
    en: "E-mail address for privacy questions",
    hint: null,
  },
  { key: "phone", nl: "Telefoonnummer", en: "Phone number", hint: null },
  { key: "website", nl: "Website van het bedrijf", en: "The company's website", hint: null },
] as const;
type ProfileKey = (typeof PROFILE_FIELDS)[number]["key"];

const fieldId = (key: string) => `new-company-${key.replace(/\./g, "-")}`;

function CreateCompany(props: {
  group: string;
  companies: Company[];
  onCreated: (company: Company) => void;
}) {
  const blank = (): Record<ProfileKey, string> => ({
    legalName: "",
    tradeName: "",
    kvkNumber: "",
    "address.street": "",
    "address.postalCode": "",
    "address.city": "",
    "address.country": "NL",
    email: "",
    phone: "",
    website: "",
  });
  const [name, setName] = createSignal("");
  const [slug, setSlug] = createSignal("");
  const [slugTouched, setSlugTouched] = createSignal(false);
  const [websites, setWebsites] = createSignal("");
  const [copyFrom, setCopyFrom] = createSignal("");
  const [profile, setProfile] = createSignal(blank());
  const [fields, setFields] = createSignal<FieldMessages>({});
  const [alert, setAlert] = createSignal("");
  const creating = useSubmission(createCompany);
  const send = useAction(createCompany);

  const body = () => {
    const p = profile();
    return {
      slug: slug().trim(),
      name: name().trim(),
      websites: linesOf(websites()),
      profile: {
        legalName: p.legalName,
        tradeName: p.tradeName,
        kvkNumber: p.kvkNumber.replace(/\s/g, ""),
        address: {
          street: p["address.street"],
          postalCode: p["address.postalCode"],
          city: p["address.city"],
          country: p["address.country"].trim().toUpperCase(),
        },
        email: p.email.trim(),
        phone: p.phone,
        website: p.website.trim(),
      },
      ...(copyFrom() ? { copyFrom: copyFrom() } : {}),
    };
  };

  /** The first field with a problem, in the order of the form. */
  const focusFirst = (messages: FieldMessages) => {
    const order = ["name", "slug", "websites", ...PROFILE_FIELDS.map((f) => `profile.${f.key}`)];
    const first = order.find((key) => messages[key]);
    if (!first) return;
    focusLater(
      first === "name" || first === "slug" || first === "websites"
        ? `new-company-${first}`
        : fieldId(first.slice("profile.".length)),
    );
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (creating.pending) return;
    setAlert("");
    const parsed = v.safeParse(CompanyCreateSchema, body());
    if (!parsed.success) {
      const messages = websiteFields(valibotFieldMessages(parsed.issues));
      if (messages.slug) messages.slug = slugRule();
      setFields(messages);
      setAlert(
        t(
          "Niet alle velden zijn goed ingevuld. Kijk de gemarkeerde velden na.",
          "Not every field is filled in correctly. Check the marked fields.",
        ),
      );
      focusFirst(messages);
      return;
    }
    setFields({});
    try {
      const { company } = await send(props.group, parsed.output);
      setName("");
      setSlug("");
      setSlugTouched(false);
      setWebsites("");
      setCopyFrom("");
      setProfile(blank());
      props.onCreated(company);
    } catch (error) {
      if (error instanceof ApiError) {
        const messages = websiteFields(error.fields);
        setFields(messages);
        focusFirst(messages);
      }
      setAlert(errorText(error));
    }
  };

  return (
    <section aria-labelledby="new-company-title">
      <h2 id="new-company-title">{t("Bedrijf toevoegen", "Add a company")}</h2>
      <p class="hint">
        {t(
          "Een nieuw bedrijf begint met een concept op de basisverklaring van de groep. Het openbare adres geeft 404 tot de eerste publicatie. Het bedrijf publiceert in de talen van de groep.",
          "A new company starts with a draft on the group's baseline. Its public address answers 404 until its first publish. It publishes in the group's languages.",
        )}
      </p>
      <form class="form narrow" novalidate onSubmit={submit}>
        <div role="alert" class="notice error" classList={{ empty: !alert() }}>
          {alert()}
        </div>
        <Field
          id="new-company-name"
          label={t("Naam in de groep", "Name in the group")}
          value={name()}
          onInput={(value) => {
            setName(value);
            if (!slugTouched()) setSlug(slugFromName(value));
          }}
          error={fields().name}
        />
        <Field
          id="new-company-slug"
          label={t("Adres (in de openbare URL)", "Address (in the public URL)")}
          value={slug()}
          onInput={(value) => {
            setSlug(value);
            setSlugTouched(true);
          }}
          error={fields().slug}
          hint={t(
            "Kleine letters, cijfers en streepjes. Websites gaan naar dit adres linken: kies het met zorg.",
            "Lower-case letters, digits and dashes. Websites will link to this address: choose it with care.",
          )}
        />
        <WebsitesField
          id="new-company-websites"
          value={websites()}
          onInput={setWebsites}
          error={fields().websites}
        />
        <fieldset class="profile-fields">
          <legend>{t("Gegevens voor de verklaring", "Details for the statement")}</legend>
          <For each={PROFILE_FIELDS}>
            {(field) => (
              <Field
                id={fieldId(field.key)}
                label={t(field.nl, field.en)}
                type={field.key === "email" ? "email" : "text"}
                value={profile()[field.key]}
                onInput={(value) => setProfile({ ...profile(), [field.key]: value })}
                error={fields()[`profile.${field.key}`]}
                hint={field.hint ? t(field.hint[0], field.hint[1]) : undefined}
              />
            )}
          </For>
        </fieldset>
        <div class="field">
          <label for="new-company-copy">{t("Beginnen met (optioneel)", "Start from (optional)")}</label>
          <p id="new-company-copy-hint" class="hint">
            {t(
              "Neem de lijsten (gegevens, doelen, bewaartermijnen, ontvangers, cookies) en sectiekeuzes over uit het concept van een ander bedrijf. De gegevens hierboven blijven van het nieuwe bedrijf. Je kiest uit de bedrijven in de lijst hierboven: zoek daar om een ander te vinden.",
              "Take the lists (data, purposes, retention, recipients, cookies) and section choices from another company's draft. The details above stay the new company's own. You choose from the companies in the list above: search there to find another.",
            )}
          </p>
          <select
            id="new-company-copy"
            value={copyFrom()}
            aria-describedby="new-company-copy-hint"
            onChange={(e) => setCopyFrom(e.currentTarget.value)}
          >
            <option value="">{t("— een leeg concept —", "— an empty draft —")}</option>
            <For each={props.companies.filter((c) => c.status === "active")}>
              {(company) => (
                <option value={company.slug} selected={company.slug === copyFrom()}>
                  {company.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <button type="submit" class="primary" aria-disabled={creating.pending === true}>
          {creating.pending ? t("Bezig…", "Working…") : t("Bedrijf toevoegen", "Add company")}
        </button>
      </form>
    </section>
  );
}
