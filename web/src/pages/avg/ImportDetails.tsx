// The company details the text suggests — each with the words it was read from, taken only when
// ticked — and the structured list items found: what goes into each list, what is there already,
// and what the text leaves out (a legal basis, a transfer safeguard) for the editor to fill in.
import { For, Show } from "solid-js";
import type { Bilingual } from "#shared/completeness/checklist.ts";
import type { ListMode } from "#shared/import/choices.ts";
import type { Found } from "#shared/import/found.ts";
import type { ProfileField, ProfileSuggestion } from "#shared/import/profile.ts";
import type { TakenLists } from "#shared/import/take-lists.ts";
import { formatPeriod, nameCountry } from "#shared/lists.ts";
import { LEGAL_BASES, type LegalBasis, type ListKey, type Profile } from "#shared/model.ts";
import { language, t } from "../../i18n.ts";
import type { ReviewChoices } from "./ImportChoices.ts";

const pick = (text: Bilingual): string => text[language()];
const line = (text: { nl: string; en?: string | undefined } | undefined): string =>
  text === undefined ? "" : language() === "en" ? (text.en ?? text.nl) : text.nl;

const FIELD_NAMES: Record<ProfileField, Bilingual> = {
  tradeName: { nl: "Handelsnaam", en: "Trade name" },
  legalName: { nl: "Statutaire naam", en: "Legal name" },
  kvkNumber: { nl: "KvK-nummer", en: "Chamber of Commerce number" },
  email: { nl: "E-mailadres", en: "Email address" },
  phone: { nl: "Telefoonnummer", en: "Phone number" },
  website: { nl: "Website", en: "Website" },
  address: { nl: "Adres", en: "Address" },
  dpo: { nl: "Functionaris gegevensbescherming", en: "Data protection officer" },
};

function showValue(suggestion: ProfileSuggestion | { field: ProfileField; value: unknown }): string {
  const value: unknown = suggestion.value;
  if (typeof value === "string") return value;
  if (suggestion.field === "address") {
    const a = value as Profile["address"];
    return `${a.street}, ${a.postalCode} ${a.city}`;
  }
  if (suggestion.field === "dpo") {
    const d = value as NonNullable<Profile["dpo"]>;
    return `${d.name} (${d.email})`;
  }
  return "";
}

export function Suggestions(props: {
  suggestions: readonly ProfileSuggestion[];
  profile: Profile;
  accepted: readonly ProfileField[];
  onAccept: (field: ProfileField, accepted: boolean) => void;
}) {
  const now = (field: ProfileField): string => {
    const value = props.profile[field];
    return value === undefined ? t("(leeg)", "(empty)") : showValue({ field, value });
  };
  return (
    <Show
      when={props.suggestions.length > 0}
      fallback={<p class="muted">{t("Geen bedrijfsgegevens gevonden.", "No company details found.")}</p>}
    >
      <p>
        {t(
          "Niets hiervan verandert het profiel vanzelf. Vink aan wat je wilt overnemen; de rest blijft zoals het nu in het concept staat.",
          "None of this changes the profile by itself. Tick what you want to take over; the rest stays as the draft has it now.",
        )}
      </p>
      <ul class="import-suggestions">
        <For each={props.suggestions}>
          {(suggestion) => {
            const id = `import-suggestion-${suggestion.field}`;
            const same = () => showValue(suggestion) === now(suggestion.field);
            return (
              <li class="import-suggestion">
                <label class="checkbox" for={id}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={props.accepted.includes(suggestion.field)}
                    disabled={same()}
                    aria-describedby={`${id}-quote ${id}-now`}
                    onChange={(event) => props.onAccept(suggestion.field, event.currentTarget.checked)}
                  />{" "}
                  <span>
                    {pick(FIELD_NAMES[suggestion.field])}{" "}
                    <strong class="found-value">{showValue(suggestion)}</strong> {t("overnemen", "take over")}
                  </span>
                </label>
                <p id={`${id}-quote`} class="import-quote">
                  {t("Uit de tekst: ", "From the text: ")}
                  <q>{suggestion.quote}</q> <span class="muted">— {pick(suggestion.why)}</span>
                </p>
                <p id={`${id}-now`} class="muted">
                  {same()
                    ? t("Het concept heeft al precies dit.", "The draft already has exactly this.")
                    : `${t("Nu in het concept: ", "Now in the draft: ")}${now(suggestion.field)}`}
                </p>
              </li>
            );
          }}
        </For>
      </ul>
    </Show>
  );
}

const LIST_NAMES: Record<ListKey, Bilingual> = {
  data_categories: { nl: "Soorten persoonsgegevens", en: "Kinds of personal data" },
  purposes: { nl: "Doeleinden", en: "Purposes" },
  retention: { nl: "Bewaartermijnen", en: "Retention periods" },
  recipients: { nl: "Ontvangers", en: "Recipients" },
  cookies: { nl: "Cookies", en: "Cookies" },
};
const BASIS_NAMES: Record<LegalBasis, Bilingual> = {
  consent: { nl: "toestemming", en: "consent" },
  contract: { nl: "uitvoering van een overeenkomst", en: "performance of a contract" },
  legal_obligation: { nl: "wettelijke verplichting", en: "legal obligation" },
  vital_interests: { nl: "vitaal belang", en: "vital interests" },
  public_task: { nl: "taak van algemeen belang", en: "public task" },
  legitimate_interest: { nl: "gerechtvaardigd belang", en: "legitimate interest" },
};
const SAFEGUARD_NAMES: Record<"adequacy" | "scc" | "bcr" | "derogation", Bilingual> = {
  adequacy: {
    nl: "adequaatheidsbesluit (bijv. EU-VS Data Privacy Framework)",
    en: "adequacy decision (e.g. EU-US Data Privacy Framework)",
  },
  scc: { nl: "standaardcontractbepalingen", en: "standard contractual clauses" },
  bcr: { nl: "bindende bedrijfsvoorschriften", en: "binding corporate rules" },
  derogation: { nl: "uitzondering van art. 49 AVG", en: "Art. 49 GDPR derogation" },
};
const ASSUMED: Record<string, Bilingual> = {
  country: { nl: "land", en: "country" },
  role: { nl: "rol", en: "role" },
  service: { nl: "dienst", en: "service" },
  provider: { nl: "aanbieder", en: "provider" },
  purpose: { nl: "doel", en: "purpose" },
  lifetime: { nl: "bewaartermijn", en: "lifetime" },
  category: { nl: "soort", en: "type" },
  directMarketing: { nl: "direct marketing", en: "direct marketing" },
};

function describeItem(found: Found): string {
  const lang = language();
  switch (found.list) {
    case "data_categories":
      return `${line(found.item.name)}${found.item.examples ? `: ${line(found.item.examples)}` : ""}${found.item.special ? t(" — bijzonder persoonsgegeven", " — special category") : ""}`;
    case "purposes":
      return `${line(found.item.name)}${found.item.directMarketing === true ? " (direct marketing)" : ""}${found.item.legalBasis ? ` — ${pick(BASIS_NAMES[found.item.legalBasis])}` : ""}${found.item.legitimateInterest ? ` (${line(found.item.legitimateInterest)})` : ""}${found.item.provision ? ` — ${line(found.item.provision.consequence)}` : ""}`;
    case "retention":
      return [
        line(found.item.subject),
        found.item.period ? formatPeriod(found.item.period, lang) : "",
        line(found.item.criterion),
        line(found.item.description),
        found.item.categories?.length ? `${t("Gegevens", "Data")}: ${found.item.categories.join(", ")}` : "",
      ]
        .filter((part) => part !== "")
        .join(" — ");
    case "recipients":
      return [
        found.item.name,
        found.item.service ? line(found.item.service) : "",
        found.item.country ? nameCountry(found.item.country, lang) : "",
      ]
        .filter((part) => part !== "")
        .join(" — ");
    case "cookies":
      return [
        found.item.name,
        found.item.provider,
        found.item.purpose ? line(found.item.purpose) : "",
        found.item.lifetime
          ? formatPeriod(found.item.lifetime, lang)
          : found.item.session
            ? t("sessie", "session")
            : "",
      ]
        .filter((part) => part !== "")
        .join(" — ");
  }
}

export function FoundLists(props: {
  found: readonly Found[];
  taken: TakenLists;
  current: Record<ListKey, number>;
  choices: ReviewChoices;
  onMode: (list: ListKey, mode: ListMode) => void;
  onItem: (index: number, choice: ReviewChoices["items"][number]) => void;
}) {
  const lists = () =>
    (Object.keys(LIST_NAMES) as ListKey[]).filter((list) => props.found.some((f) => f.list === list));
  return (
    <Show
      when={lists().length > 0}
      fallback={<p class="muted">{t("Geen lijstonderdelen gevonden.", "No list items found.")}</p>}
    >
      <For each={lists()}>
        {(list) => {
          const items = () =>
            props.found.map((found, index) => ({ found, index })).filter((x) => x.found.list === list);
          return (
            <section class="import-list" aria-labelledby={`import-list-${list}`}>
              <h4 id={`import-list-${list}`}>
                {pick(LIST_NAMES[list])} ({t(`${items().length} gevonden`, `${items().length} found`)})
              </h4>
              <ul class="import-items">
                <For each={items()}>
                  {(entry) => (
                    <FoundItem
                      {...entry}
                      taken={props.taken}
                      choice={props.choices.items[entry.index]}
                      onItem={props.onItem}
                    />
                  )}
                </For>
              </ul>
              <fieldset class="import-mode">
                <legend>
                  {t("Wat gebeurt er met deze lijst?", "What happens to this list?")}
                  <span class="visually-hidden"> ({pick(LIST_NAMES[list])})</span>
                </legend>
                <For each={["add", "replace", "keep"] as const}>
                  {(mode) => (
                    <label class="radio">
                      <input
                        type="radio"
                        name={`import-list-${list}`}
                        value={mode}
                        checked={props.choices.lists[list] === mode}
                        onChange={() => props.onMode(list, mode)}
                      />{" "}
                      {mode === "add"
                        ? t(
                            `Toevoegen aan de ${props.current[list]} in het concept (aanbevolen)`,
                            `Add to the draft's ${props.current[list]} (recommended)`,
                          )
                        : mode === "replace"
                          ? t(
                              `Vervangen: de gevonden komen in plaats van de ${props.current[list]} in het concept`,
                              `Replace: the ones found take the place of the draft's ${props.current[list]}`,
                            )
                          : t("Niets overnemen; de tekst blijft tekst", "Take none; the text stays text")}
                    </label>
                  )}
                </For>
              </fieldset>
            </section>
          );
        }}
      </For>
    </Show>
  );
}

function FoundItem(props: {
  found: Found;
  index: number;
  taken: TakenLists;
  choice: ReviewChoices["items"][number] | undefined;
  onItem: (index: number, choice: ReviewChoices["items"][number]) => void;
}) {
  const left = () => props.taken.left.get(props.index);
  const status = (): string => {
    if (props.taken.taken.has(props.index)) return t("komt in de lijst", "goes into the list");
    switch (left()) {
      case "duplicate":
        return t("staat al in de lijst", "already in the list");
      case "skipped":
        return t("overgeslagen", "skipped");
      case "kept":
        return t("niet overgenomen", "not taken");
      case "full":
        return t("de lijst is vol (200)", "the list is full (200)");
      case "invalid":
        return t("past niet in de lijst; blijft tekst", "does not fit the list; stays text");
      default:
        return t(
          "onvolledig; blijft tekst tot je het aanvult",
          "incomplete; stays text until you complete it",
        );
    }
  };
  const missing = () =>
    props.found.missing.filter(
      (m) =>
        !(m === "legalBasis" && props.choice?.legalBasis) && !(m === "safeguard" && props.choice?.safeguard),
    );
  const id = `import-item-${props.index}`;
  return (
    <li class="import-item">
      <span>{describeItem(props.found)}</span> <span class="import-item-status">— {status()}</span>
      <Show when={props.found.list === "retention" && (props.found as { minimum?: boolean }).minimum}>
        <p class="not-used">
          {t(
            "Alleen een minimum genoemd: vul de termijn aan.",
            "Only a minimum is stated: complete the period.",
          )}
        </p>
      </Show>
      <Show when={props.found.assumed.length > 0}>
        <p class="muted">
          {t("Aangenomen, niet uit de tekst: ", "Assumed, not from the text: ")}
          {props.found.assumed.map((a) => pick(ASSUMED[a] ?? { nl: a, en: a })).join(", ")}
        </p>
      </Show>
      <Show when={props.found.list === "purposes" && props.found.missing.includes("legalBasis")}>
        <div class="import-choice">
          <label for={`${id}-basis`}>
            {t("Rechtsgrond (de tekst noemt er geen)", "Legal basis (the text states none)")}
          </label>
          <select
            id={`${id}-basis`}
            value={props.choice?.legalBasis ?? ""}
            onChange={(event) => {
              const value = event.currentTarget.value as LegalBasis | "";
              const { legalBasis: _drop, ...rest } = props.choice ?? {};
              props.onItem(props.index, value === "" ? rest : { ...rest, legalBasis: value });
            }}
          >
            <option value="">{t("— kies —", "— choose —")}</option>
            {/* A legitimate interest must be named with it (art. 13(1)(d) AVG); the text names none. */}
            <For each={LEGAL_BASES.filter((b) => b !== "legitimate_interest")}>
              {(basis) => <option value={basis}>{pick(BASIS_NAMES[basis])}</option>}
            </For>
          </select>
        </div>
      </Show>
      <Show
        when={
          props.found.list === "recipients" &&
          props.found.missing.includes("safeguard") &&
          !props.found.missing.includes("country")
        }
      >
        <div class="import-choice">
          <label for={`${id}-safeguard`}>
            {t(
              "Waarborg voor de doorgifte (de tekst noemt er geen)",
              "Safeguard for the transfer (the text states none)",
            )}
          </label>
          <select
            id={`${id}-safeguard`}
            value={props.choice?.safeguard ?? ""}
            onChange={(event) => {
              const value = event.currentTarget.value as keyof typeof SAFEGUARD_NAMES | "";
              const { safeguard: _drop, ...rest } = props.choice ?? {};
              props.onItem(props.index, value === "" ? rest : { ...rest, safeguard: value });
            }}
          >
            <option value="">{t("— kies —", "— choose —")}</option>
            <For each={Object.keys(SAFEGUARD_NAMES) as (keyof typeof SAFEGUARD_NAMES)[]}>
              {(key) => <option value={key}>{pick(SAFEGUARD_NAMES[key])}</option>}
            </For>
          </select>
        </div>
      </Show>
      <Show when={missing().includes("country")}>
        <p class="muted">
          {t(
            "Het land waar de gegevens worden verwerkt staat niet in de tekst; vul het aan in het concept.",
            "The country where the data is processed is not in the text; add it in the draft.",
          )}
        </p>
      </Show>
      <label class="checkbox import-skip">
        <input
          type="checkbox"
          checked={props.choice?.skip === true}
          onChange={(event) =>
            props.onItem(props.index, { ...props.choice, skip: event.currentTarget.checked })
          }
        />{" "}
        {t("Niet overnemen", "Do not take")}
        <span class="visually-hidden"> ({describeItem(props.found)})</span>
      </label>
    </li>
  );
}
