// Reviewing an import proposal before it goes into the draft: every section of the text with the
// baseline section it maps to (changeable, or an own section, or left out), how sure the
// importer is and why, and what would happen to the text; the company details and list items
// found, each with a choice; and any text that would get no place. Where a section lands is
// worked out here with the same code the API uses, so the review shows what accepting does.
import { createMemo, For, Index, Show } from "solid-js";
import * as v from "valibot";
import type { Bilingual } from "#shared/completeness/checklist.ts";
import type { ImportProposal } from "#shared/import/propose.ts";
import { placeSections, type Placement } from "#shared/import/place.ts";
import { ProfileSchema, type DataCategory, type RetentionRule } from "#shared/model.ts";
import { language, t } from "../../i18n.ts";
import type { ImportChoicesBody } from "./data.ts";
import type { Review } from "./Import.tsx";

const OWN = "__own";
const SKIP = "__skip";
/** The model's limit on own sections (TenantContentSchema). */
const MAX_OWN = 50;

type ListMode = "replace" | "append" | "keep";
export interface Choices {
  /** Per section: a baseline key, OWN or SKIP. */
  sections: string[];
  profile: "overwrite" | "keep";
  data_categories: ListMode;
  retention: ListMode;
}

export function initialChoices(proposal: ImportProposal): Choices {
  return {
    sections: proposal.sections.map((s) => s.key ?? OWN),
    profile: "overwrite",
    data_categories: proposal.lists.data_categories.length > 0 ? "replace" : "keep",
    retention: proposal.lists.retention.length > 0 ? "replace" : "keep",
  };
}

/** The choices as POST …/import/accept takes them: only what differs from the proposal per section. */
export function toChoicesBody(proposal: ImportProposal, choices: Choices): ImportChoicesBody {
  const sections: NonNullable<ImportChoicesBody["sections"]> = {};
  proposal.sections.forEach((section, index) => {
    const choice = choices.sections[index] ?? section.key ?? OWN;
    if (choice === SKIP) sections[String(index)] = { skip: true };
    else {
      const key = choice === OWN ? null : choice;
      if (key !== section.key) sections[String(index)] = { key };
    }
  });
  return {
    sections,
    profile: choices.profile,
    lists: { data_categories: choices.data_categories, retention: choices.retention },
  };
}

const pick = (text: Bilingual): string => text[language()];
const line = (text: { nl: string; en?: string | undefined } | undefined): string =>
  text === undefined ? "" : language() === "en" ? (text.en ?? text.nl) : text.nl;

function confidenceLabel(confidence: number): { nl: string; en: string; level: string } {
  if (confidence >= 0.85) return { nl: "hoog", en: "high", level: "high" };
  if (confidence >= 0.5) return { nl: "redelijk", en: "fair", level: "fair" };
  if (confidence > 0) return { nl: "laag", en: "low", level: "low" };
  return { nl: "geen basissectie", en: "no baseline section", level: "none" };
}

const PLACEMENT: Record<Placement["as"], Bilingual> = {
  replace: { nl: "Vervangt de tekst van de basis", en: "Replaces the baseline's text" },
  append: { nl: "Aanvulling op de basis", en: "Added to the baseline's text" },
  inherit: { nl: "Niets toe te voegen", en: "Nothing to add" },
  own: { nl: "Eigen sectie", en: "Own section" },
  unplaced: { nl: "Krijgt geen plek", en: "Gets no place" },
};

const PROFILE_FIELDS = [
  { field: "tradeName", nl: "Handelsnaam", en: "Trade name" },
  { field: "legalName", nl: "Statutaire naam", en: "Legal name" },
  { field: "kvkNumber", nl: "KvK-nummer", en: "Chamber of Commerce number" },
  { field: "email", nl: "E-mailadres", en: "Email address" },
  { field: "phone", nl: "Telefoonnummer", en: "Phone number" },
  { field: "website", nl: "Website", en: "Website" },
] as const;

const PERIOD_UNIT: Record<string, [string, string, string, string]> = {
  days: ["dag", "dagen", "day", "days"],
  months: ["maand", "maanden", "month", "months"],
  years: ["jaar", "jaar", "year", "years"],
};
function describePeriod(rule: RetentionRule): string {
  if (!rule.period) return "";
  const unit = PERIOD_UNIT[rule.period.unit] ?? ["", "", "", ""];
  const one = rule.period.amount === 1;
  return language() === "en"
    ? `${rule.period.amount} ${one ? unit[2] : unit[3]}`
    : `${rule.period.amount} ${one ? unit[0] : unit[1]}`;
}

const plural = (n: number, nl: [string, string], en: [string, string]): string =>
  t(`${n} ${n === 1 ? nl[0] : nl[1]}`, `${n} ${n === 1 ? en[0] : en[1]}`);

export function ImportReview(props: {
  review: Review;
  choices: Choices;
  onChoices: (choices: Choices) => void;
  busy: "propose" | "accept" | null;
  error: string;
  conflict: boolean;
  headingRef: (el: HTMLHeadingElement) => void;
  onAccept: () => void;
  onRepropose: () => void;
  onStartOver: () => void;
}) {
  const proposal = () => props.review.proposal;
  const content = () => props.review.draft.content;
  const targetTitle = (key: string): string => {
    const target = proposal().targets.find((candidate) => candidate.key === key);
    return target ? line(target.title) : key;
  };

  // The same placement applyImportProposal will make on accept, for the current choices.
  const placed = createMemo(() => {
    const sections = proposal().sections.map((section, index) => {
      const choice = props.choices.sections[index];
      if (choice === SKIP) return null;
      return { ...section, key: choice === OWN || choice === undefined ? null : choice };
    });
    return placeSections({
      sections,
      targets: proposal().targets,
      sources: proposal().listSources,
      language: proposal().language,
      taken: content().ownSections.map((s) => s.key),
      room: Math.max(0, MAX_OWN - content().ownSections.length),
    });
  });
  const placementOf = (index: number) => placed().placements.find((p) => p.section === index);
  const skipped = () => props.choices.sections.filter((c) => c === SKIP).length;

  const setSection = (index: number, value: string) =>
    props.onChoices({
      ...props.choices,
      sections: props.choices.sections.map((c, i) => (i === index ? value : c)),
    });

  const foundProfile = () =>
    PROFILE_FIELDS.flatMap(({ field, nl, en }) => {
      const value = proposal().profile[field];
      if (value === undefined) return [];
      const valid = v.safeParse(ProfileSchema.entries[field], value).success;
      return [
        {
          field,
          label: t(nl, en),
          value,
          valid,
          why: proposal().profileWhy[field],
          now: content().profile[field],
        },
      ];
    });
  const foundAddress = () => {
    const address = proposal().profile.address;
    if (!address) return null;
    const merged = { ...content().profile.address, ...address };
    return {
      text: [address.street, [address.postalCode, address.city].filter(Boolean).join(" "), address.country]
        .filter(Boolean)
        .join(", "),
      valid: v.safeParse(ProfileSchema.entries.address, merged).success,
      why: proposal().profileWhy.address,
    };
  };
  const candidates = () => {
    const c = proposal().candidates;
    return [
      { label: t("E-mailadressen", "Email addresses"), values: c.emails },
      { label: t("Telefoonnummers", "Phone numbers"), values: c.phones },
      { label: t("Websites", "Websites"), values: c.websites },
    ].filter((entry) => entry.values.length > 0);
  };
  const anyProfile = () => foundProfile().length > 0 || foundAddress() !== null;

  return (
    <section class="import-review" aria-labelledby="review-title">
      <h2 id="review-title" tabindex="-1" ref={props.headingRef}>
        {t("2. Voorstel controleren", "2. Review the proposal")}
      </h2>
      <p class="notice info">
        {t(
          "Er is nog niets veranderd. Kies per sectie waar de tekst komt en wat er met de gevonden gegevens gebeurt, en neem het voorstel dan over in het concept. Er wordt niets gepubliceerd.",
          "Nothing has changed yet. Choose for each section where its text goes and what happens to the details found, then accept the proposal into the draft. Nothing is published.",
        )}
      </p>
      <p class="import-summary">
        <strong>
          {t(
            `${proposal().paragraphs} ${proposal().paragraphs === 1 ? "alinea" : "alinea's"} gelezen`,
            `${proposal().paragraphs} ${proposal().paragraphs === 1 ? "paragraph" : "paragraphs"} read`,
          )}
        </strong>
        {t(
          `, verdeeld over ${plural(proposal().sections.length, ["sectie", "secties"], ["section", "sections"])}; ze staan hieronder allemaal.`,
          `, in ${plural(proposal().sections.length, ["sectie", "secties"], ["section", "sections"])}; all of them are listed below.`,
        )}{" "}
        <Show when={proposal().title}>
          {(title) => (
            <>
              {t("Titel: ", "Title: ")}
              <q>{title()}</q>.{" "}
            </>
          )}
        </Show>
        {proposal().language === "en"
          ? t("De tekst is Engels.", "The text is in English.")
          : t("De tekst is Nederlands.", "The text is in Dutch.")}
      </p>
      <nav aria-label={t("Onderdelen van het voorstel", "Parts of the proposal")} class="import-toc">
        <ul>
          <li>
            <a href="#import-sections-title">{t("Secties", "Sections")}</a>
          </li>
          <li>
            <a href="#import-profile-title">{t("Bedrijfsgegevens", "Company details")}</a>
          </li>
          <li>
            <a href="#import-lists-title">{t("Lijsten", "Lists")}</a>
          </li>
          <li>
            <a href="#import-unmapped-title">{t("Tekst zonder plek", "Text without a place")}</a>
          </li>
          <li>
            <a href="#import-accept">{t("Overnemen", "Accept")}</a>
          </li>
        </ul>
      </nav>

      <h3 id="import-sections-title">
        {t("Secties", "Sections")} ({proposal().sections.length})
      </h3>
      <ol class="import-sections">
        <Index each={proposal().sections}>
          {(section, index) => {
            const confidence = () => confidenceLabel(section().confidence);
            const choice = () => props.choices.sections[index] ?? OWN;
            const placement = () => placementOf(index);
            return (
              <li
                class="import-section"
                classList={{ skipped: choice() === SKIP }}
                id={`import-section-${index}`}
              >
                <h4 class="import-section-heading">
                  <Show
                    when={section().heading !== ""}
                    fallback={
                      <span class="muted">
                        {t("(tekst vóór de eerste kop)", "(text before the first heading)")}
                      </span>
                    }
                  >
                    {section().heading}
                  </Show>
                </h4>
                <div class="import-choice">
                  <label for={`import-target-${index}`}>
                    {t("Komt in", "Goes into")}
                    <span class="visually-hidden">
                      {" "}
                      {t("(sectie ", "(section ")}“
                      {section().heading || t("tekst vóór de eerste kop", "text before the first heading")}”)
                    </span>
                  </label>
                  <select
                    id={`import-target-${index}`}
                    value={choice()}
                    aria-describedby={`import-why-${index} import-placement-${index}`}
                    onChange={(event) => setSection(index, event.currentTarget.value)}
                  >
                    <optgroup label={t("Sectie van de basisverklaring", "Baseline section")}>
                      <For each={proposal().targets}>
                        {(target) => <option value={target.key}>{line(target.title)}</option>}
                      </For>
                    </optgroup>
                    <optgroup label={t("Anders", "Other")}>
                      <option value={OWN}>{t("Eigen sectie", "Own section")}</option>
                      <option value={SKIP}>{t("Weglaten", "Leave out")}</option>
                    </optgroup>
                  </select>
                </div>
                <p id={`import-why-${index}`} class="import-why">
                  <span class={`confidence confidence-${confidence().level}`}>
                    {t("Zekerheid: ", "Confidence: ")}
                    {t(confidence().nl, confidence().en)} ({Math.round(section().confidence * 100)}%)
                  </span>{" "}
                  {pick(section().why)}
                  <Show when={choice() !== (section().key ?? OWN)}>
                    {" "}
                    <span class="changed">
                      {t("Je hebt dit veranderd; voorgesteld was: ", "You changed this; the proposal was: ")}
                      {section().key === null
                        ? t("eigen sectie", "own section")
                        : targetTitle(section().key!)}
                      .
                    </span>
                  </Show>
                </p>
                <p id={`import-placement-${index}`} class="import-placement" aria-live="polite">
                  <Show
                    when={choice() !== SKIP}
                    fallback={
                      <>
                        <strong>{t("Weggelaten", "Left out")}</strong>
                        {t(
                          ": deze tekst komt niet in het concept.",
                          ": this text does not go into the draft.",
                        )}
                      </>
                    }
                  >
                    <Show when={placement()}>
                      {(p) => (
                        <>
                          <strong>{pick(PLACEMENT[p().as])}</strong>: {pick(p().why)}
                        </>
                      )}
                    </Show>
                  </Show>
                </p>
                <details class="import-text" open>
                  <summary>
                    {t("Tekst van deze sectie", "Text of this section")} (
                    {plural(section().body.length, ["teken", "tekens"], ["character", "characters"])})
                  </summary>
                  <div class="import-body">{section().body}</div>
                </details>
              </li>
            );
          }}
        </Index>
      </ol>

      <h3 id="import-profile-title">{t("Bedrijfsgegevens", "Company details")}</h3>
      <Show
        when={anyProfile()}
        fallback={
          <p class="muted">
            {t(
              "Geen bedrijfsgegevens gevonden; de gegevens in het concept blijven zoals ze zijn.",
              "No company details found; the draft's details stay as they are.",
            )}
          </p>
        }
      >
        <dl class="import-profile">
          <For each={foundProfile()}>
            {(found) => (
              <>
                <dt>{found.label}</dt>
                <dd>
                  <span class="found-value">{found.value}</span>
                  <Show when={found.why}>{(why) => <span class="muted"> — {pick(why())}</span>}</Show>
                  <br />
                  <span class="muted">
                    {t("Nu in het concept: ", "Now in the draft: ")}
                    {found.now || t("(leeg)", "(empty)")}
                  </span>
                  <Show when={!found.valid}>
                    <br />
                    <span class="not-used">
                      {t(
                        "Wordt niet overgenomen: dit is geen geldige waarde voor dit veld.",
                        "Will not be used: this is not a valid value for this field.",
                      )}
                    </span>
                  </Show>
                </dd>
              </>
            )}
          </For>
          <Show when={foundAddress()}>
            {(address) => (
              <>
                <dt>{t("Adres", "Address")}</dt>
                <dd>
                  <span class="found-value">{address().text}</span>
                  <Show when={address().why}>{(why) => <span class="muted"> — {pick(why())}</span>}</Show>
                  <Show when={!address().valid}>
                    <br />
                    <span class="not-used">
                      {t(
                        "Wordt niet overgenomen: het adres is niet compleet.",
                        "Will not be used: the address is incomplete.",
                      )}
                    </span>
                  </Show>
                </dd>
              </>
            )}
          </Show>
        </dl>
        <fieldset class="import-mode">
          <legend>{t("Wat gebeurt er met deze gegevens?", "What happens to these details?")}</legend>
          <label class="radio">
            <input
              type="radio"
              name="import-profile"
              value="overwrite"
              checked={props.choices.profile === "overwrite"}
              onChange={() => props.onChoices({ ...props.choices, profile: "overwrite" })}
            />{" "}
            {t(
              "Overnemen: ze vervangen wat nu in het concept staat",
              "Use them: they replace what the draft has now",
            )}
          </label>
          <label class="radio">
            <input
              type="radio"
              name="import-profile"
              value="keep"
              checked={props.choices.profile === "keep"}
              onChange={() => props.onChoices({ ...props.choices, profile: "keep" })}
            />{" "}
            {t("Behouden wat nu in het concept staat", "Keep what the draft has now")}
          </label>
        </fieldset>
      </Show>
      <Show when={candidates().length > 0}>
        <div class="import-candidates">
          <p>
            {t(
              "Ook in de tekst gevonden (niet automatisch overgenomen):",
              "Also found in the text (not used automatically):",
            )}
          </p>
          <ul>
            <For each={candidates()}>
              {(entry) => (
                <li>
                  {entry.label}: {entry.values.join(", ")}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>

      <h3 id="import-lists-title">{t("Lijsten", "Lists")}</h3>
      <ListChoice
        id="data_categories"
        title={t("Soorten persoonsgegevens", "Kinds of personal data")}
        items={proposal().lists.data_categories}
        current={content().lists.data_categories.length}
        mode={props.choices.data_categories}
        onMode={(mode) => props.onChoices({ ...props.choices, data_categories: mode })}
        describe={(item: DataCategory) =>
          `${line(item.name)}${item.examples ? ` (${line(item.examples)})` : ""}${item.special ? t(" — bijzonder persoonsgegeven", " — special category") : ""}`
        }
      />
      <ListChoice
        id="retention"
        title={t("Bewaartermijnen", "Retention periods")}
        items={proposal().lists.retention}
        current={content().lists.retention.length}
        mode={props.choices.retention}
        onMode={(mode) => props.onChoices({ ...props.choices, retention: mode })}
        describe={(rule: RetentionRule) =>
          [line(rule.subject), describePeriod(rule), line(rule.criterion)]
            .filter((part) => part !== "")
            .join(" — ")
        }
      />

      <h3 id="import-unmapped-title">{t("Tekst zonder plek", "Text without a place")}</h3>
      <Show
        when={placed().unmapped.length > 0}
        fallback={
          <p class="muted">
            {skipped() === 0
              ? t("Alle tekst krijgt een plek in het concept.", "All text gets a place in the draft.")
              : t(
                  `Alle andere tekst krijgt een plek in het concept; je laat ${plural(skipped(), ["sectie", "secties"], ["section", "sections"])} weg.`,
                  `All other text gets a place in the draft; you leave out ${plural(skipped(), ["sectie", "secties"], ["section", "sections"])}.`,
                )}
          </p>
        }
      >
        <p>
          {t(
            "Deze tekst komt niet in het concept. Neem hem zo nodig later zelf over.",
            "This text does not go into the draft. Copy it over yourself later if needed.",
          )}
        </p>
        <ul class="import-unmapped">
          <For each={placed().unmapped}>
            {(item) => (
              <li>
                <div class="import-body">{item.text}</div>
                <p class="muted">{pick(item.why)}</p>
              </li>
            )}
          </For>
        </ul>
      </Show>

      <div class="import-accept" id="import-accept">
        <Show when={props.conflict}>
          <div role="alert" class="notice error">
            <p>
              <strong>{t("Het concept is intussen gewijzigd.", "The draft changed in the meantime.")}</strong>{" "}
              {t(
                "Terwijl je dit voorstel bekeek, is het concept opgeslagen (door iemand anders of in een ander venster). Dit voorstel is gemaakt op de oude versie; om die wijziging niet ongezien te overschrijven is er niets overgenomen. Maak het voorstel opnieuw op het huidige concept; je keuzes blijven staan als de secties gelijk zijn.",
                "While you reviewed this proposal, the draft was saved (by someone else or in another window). This proposal was made against the old version; so as not to overwrite that change unseen, nothing was accepted. Make the proposal again on the current draft; your choices are kept when the sections are the same.",
              )}
            </p>
            <button
              type="button"
              class="primary"
              onClick={() => props.onRepropose()}
              aria-disabled={props.busy !== null}
            >
              {props.busy === "propose"
                ? t("Voorstel wordt opnieuw gemaakt…", "Making the proposal again…")
                : t("Opnieuw voorstellen", "Propose again")}
            </button>
          </div>
        </Show>
        <p role="alert" class="notice error" classList={{ empty: !props.error }}>
          {props.error}
        </p>
        <p class="muted">
          {t(
            "Overnemen verandert alleen het concept; de openbare verklaring blijft ongewijzigd tot iemand publiceert.",
            "Accepting changes the draft only; the public statement stays unchanged until someone publishes.",
          )}
        </p>
        <p class="avg-actions">
          {/* After a conflict only a fresh proposal can be accepted: the old one would be refused again. */}
          <Show when={!props.conflict}>
            <button
              type="button"
              class="primary"
              onClick={() => props.onAccept()}
              aria-disabled={props.busy !== null}
            >
              {props.busy === "accept"
                ? t("Bezig met overnemen…", "Accepting…")
                : t("Overnemen in het concept", "Accept into the draft")}
            </button>
          </Show>
          <button type="button" class="secondary" onClick={() => props.onStartOver()}>
            {t("Terug naar de tekst", "Back to the text")}
          </button>
        </p>
      </div>
    </section>
  );
}

function ListChoice<T>(props: {
  id: string;
  title: string;
  items: T[];
  current: number;
  mode: ListMode;
  onMode: (mode: ListMode) => void;
  describe: (item: T) => string;
}) {
  const options = (): { value: ListMode; label: string }[] => [
    {
      value: "replace",
      label: t(
        `Vervangen: de ${props.items.length} gevonden komen in plaats van de ${props.current} in het concept`,
        `Replace: the ${props.items.length} found take the place of the draft's ${props.current}`,
      ),
    },
    {
      value: "append",
      label: t(`Toevoegen aan de ${props.current} in het concept`, `Add to the draft's ${props.current}`),
    },
    { value: "keep", label: t("Behouden wat nu in het concept staat", "Keep what the draft has now") },
  ];
  return (
    <section class="import-list" aria-labelledby={`import-list-${props.id}`}>
      <h4 id={`import-list-${props.id}`}>
        {props.title} ({t(`${props.items.length} gevonden`, `${props.items.length} found`)})
      </h4>
      <Show
        when={props.items.length > 0}
        fallback={
          <p class="muted">
            {t(
              "Niets gevonden; de lijst in het concept blijft zoals hij is.",
              "Nothing found; the draft's list stays as it is.",
            )}
          </p>
        }
      >
        <ul class="import-items">
          <For each={props.items}>{(item) => <li>{props.describe(item)}</li>}</For>
        </ul>
        <fieldset class="import-mode">
          <legend>
            {t("Wat gebeurt er met deze lijst? ", "What happens to this list? ")}
            <span class="visually-hidden">({props.title})</span>
          </legend>
          <For each={options()}>
            {(option) => (
              <label class="radio">
                <input
                  type="radio"
                  name={`import-list-${props.id}`}
                  value={option.value}
                  checked={props.mode === option.value}
                  onChange={() => props.onMode(option.value)}
                />{" "}
                {option.label}
              </label>
            )}
          </For>
        </fieldset>
      </Show>
    </section>
  );
}
