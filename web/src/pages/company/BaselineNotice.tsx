// The notice at the top of a company's editor when the company's published statement rests on an
// older baseline (or on processor details the group's register has since changed): what the group
// published, what that changes in this company's statement, which of the company's own texts no
// longer fit, and that publishing the draft moves the statement onto the newest baseline (a
// publish always resolves against the latest baseline and the current processor register).
import { For, Show } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import type { TenantContent } from "#shared/model.ts";
import { asApiError } from "../../api.ts";
import { t } from "../../i18n.ts";
import { describeConflict } from "../group/group-text.ts";
import { SectionDiffList } from "../group/SectionDiff.tsx";
import { type CompanyRollout, getRollout } from "./data.ts";
import { describeError } from "./labels.ts";

interface NoticeContext {
  group: string;
  tenant: { slug: string; name: string };
  /** The draft as it is now, to link a conflict to the place that edits it. */
  content: TenantContent;
  baselineKeys: readonly string[];
  /** A section's title in the baseline or among the company's own sections. */
  titleOf: (key: string) => string;
  viewer: boolean;
}

const openFolded = (href: string): void => {
  const target = document.getElementById(href.replace(/^#/, ""));
  if (target instanceof HTMLDetailsElement) target.open = true;
};

/** Reads the company's rollout status; nothing when its statement follows the newest baseline. */
export function BaselineNotice(props: NoticeContext) {
  const rollout = createAsync(() => getRollout(props.group, props.tenant.slug));
  const waiting = () => {
    const status = rollout();
    return status?.outdated ? status : null;
  };
  return <Show when={waiting()}>{(status) => <Waiting {...props} status={status()} />}</Show>;
}

/** In the notice's place when checking for a newer baseline failed. */
export function BaselineCheckFailed(props: { error: unknown; onRetry: () => void }) {
  return (
    <div class="notice error baseline-check-failed" role="alert">
      <p>
        {t(
          "Niet gelukt om na te gaan of er een nieuwe basisverklaring van de groep klaarstaat.",
          "Could not check whether the group has a newer baseline waiting.",
        )}{" "}
        {describeError(asApiError(props.error))}
      </p>
      <button type="button" class="secondary small" onClick={() => props.onRetry()}>
        {t("Opnieuw nagaan", "Check again")}
      </button>
    </div>
  );
}

function Waiting(props: NoticeContext & { status: CompanyRollout }) {
  const name = () => props.tenant.name;
  const newBaseline = () => props.status.reasons.includes("baseline");
  const processors = () => props.status.reasons.includes("processor");
  const title = (key: string) =>
    props.status.diff?.sections.find((s) => s.key === key)?.title ?? props.titleOf(key);
  /** Where in this page the conflicting text is edited, if it is still there. */
  const anchor = (key: string): string | null => {
    if (props.baselineKeys.includes(key) || Object.hasOwn(props.content.overrides, key))
      return `#section-${key}`;
    const own = props.content.ownSections.findIndex((s) => s.key === key);
    return own >= 0 ? `#own-${own}` : null;
  };

  return (
    <section class="baseline-notice" aria-labelledby="baseline-notice-title">
      <h2 id="baseline-notice-title">
        {newBaseline()
          ? t("Nieuwe basisverklaring van de groep", "New baseline from the group")
          : processors()
            ? t("Verwerkersgegevens gewijzigd", "Processor details changed")
            : t("De groep is veranderd", "The group changed")}
      </h2>
      <Show when={props.status.reasons.includes("group")}>
        <p>
          {t(
            "De naam van de groep of de lijst van haar bedrijven is veranderd sinds de laatste publicatie; de verklaring noemt die.",
            "The group's name or its list of companies changed since the last publish; the statement names them.",
          )}
        </p>
      </Show>
      <Show when={newBaseline() && props.status.version}>
        {(version) => (
          <p>
            {t(
              `De groep heeft een nieuwe basisverklaring (versie ${props.status.latestBaseline}) gepubliceerd. De gepubliceerde verklaring van ${name()} (versie ${version().number}) volgt nog basisverklaring versie ${version().baselineVersion}.`,
              `The group has published a new baseline (version ${props.status.latestBaseline}). ${name()}'s published statement (version ${version().number}) still follows baseline version ${version().baselineVersion}.`,
            )}
          </p>
        )}
      </Show>
      <Show when={processors()}>
        <p>
          {newBaseline()
            ? t(
                "Ook zijn in het verwerkersregister van de groep gegevens gewijzigd van een verwerker die in de verklaring staat.",
                "The group's processor register also changed details of a processor named in the statement.",
              )
            : t(
                `In het verwerkersregister van de groep zijn gegevens gewijzigd van een verwerker die in de gepubliceerde verklaring van ${name()} staat.`,
                `The group's processor register changed details of a processor named in ${name()}'s published statement.`,
              )}
        </p>
      </Show>

      <h3>{t("Dit verandert er", "What changes")}</h3>
      <p class="hint">
        {t(
          "In de gepubliceerde verklaring, in de standaardtaal van de groep: woorden die erbij komen zijn onderstreept, woorden die vervallen doorgestreept.",
          "In the published statement, in the group's default language: words that come in are underlined, words that go are struck through.",
        )}
      </p>
      <Show when={props.status.diff}>{(diff) => <SectionDiffList diff={diff()} />}</Show>

      <Show when={props.status.conflicts.length > 0}>
        <div class="baseline-conflicts">
          <h3>{t("Kijk deze eigen teksten na", "Check these texts of your own")}</h3>
          <p>
            {t(
              `Hier past de eigen tekst van ${name()} niet meer vanzelf bij de nieuwe basisverklaring, dus wordt de verklaring niet automatisch bijgewerkt:`,
              `Here ${name()}'s own text no longer fits the new baseline by itself, so the statement is not updated automatically:`,
            )}
          </p>
          <ul>
            <For each={props.status.conflicts}>
              {(conflict) => (
                <li data-section={conflict.section}>
                  <Show
                    when={anchor(conflict.section)}
                    fallback={<strong>„{title(conflict.section)}”</strong>}
                  >
                    {(href) => (
                      // A section folded away opens, so the link lands on its fields.
                      <a href={href()} onClick={() => openFolded(href())}>
                        <strong>„{title(conflict.section)}”</strong>
                      </a>
                    )}
                  </Show>
                  : {describeConflict(conflict.reason)}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>

      <p class="baseline-notice-next">
        <Show
          when={!props.viewer}
          fallback={t(
            `Zodra een redacteur het concept van ${name()} publiceert, volgt de verklaring de nieuwste basisverklaring en de actuele verwerkersgegevens.`,
            `As soon as an editor publishes ${name()}'s draft, the statement follows the newest baseline and the current processor details.`,
          )}
        >
          {t(
            "Publiceer het concept om over te gaan: een publicatie volgt altijd de nieuwste basisverklaring en de actuele verwerkersgegevens.",
            "Publish the draft to move over: a publication always follows the newest baseline and the current processor details.",
          )}{" "}
          <A href={`/console/${props.group}/companies/${props.tenant.slug}/publish`}>
            {t("Naar de publicatiepagina", "To the publish page")}
          </A>
        </Show>
      </p>
    </section>
  );
}
