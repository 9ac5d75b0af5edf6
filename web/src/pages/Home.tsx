// The start page: what Verklaring is, and the groups that publish here.
import { For, Show } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { LoadBoundary } from "../components/PageStates.tsx";
import { t } from "../i18n.ts";
import { errorText } from "./group/group-text.ts";
import { getMe, landingPath } from "../session.ts";
import { getGroups } from "./public-data.ts";

export default function Home() {
  const me = createAsync(() => getMe());
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">
        {t(
          "Privacyverklaringen van een bedrijvengroep, op één plek",
          "A company group's privacy statements, in one place",
        )}
      </h1>
      <p>
        {t(
          "De privacyfunctionaris van de groep schrijft één basisverklaring en bepaalt per onderdeel wat de bedrijven mogen aanpassen. Elk bedrijf vult zijn eigen gegevens in en publiceert; elke website haalt zijn verklaring op bij een vaste, openbare URL.",
          "The group's privacy lead writes one baseline statement and decides per section what the companies may change. Each company fills in its own details and publishes; every website fetches its statement from a fixed, public URL.",
        )}
      </p>
      <p class="way-in">
        <Show
          when={me()}
          fallback={
            <A href="/sign-in" class="button-link">
              {t("Inloggen om te beheren", "Sign in to manage")}
            </A>
          }
        >
          {(current) => (
            <A href={landingPath(current())} class="button-link">
              {t("Naar je console", "To your console")}
            </A>
          )}
        </Show>
      </p>
      <h2>{t("Groepen", "Groups")}</h2>
      <LoadBoundary describe={errorText} part={{ nl: "de groepen", en: "the groups" }}>
        <GroupList />
      </LoadBoundary>
    </section>
  );
}

function GroupList() {
  const data = createAsync(() => getGroups());
  return (
    <Show
      when={(data()?.groups.length ?? 0) > 0}
      fallback={<p>{t("Er zijn nog geen groepen.", "There are no groups yet.")}</p>}
    >
      <ul class="cards">
        <For each={data()?.groups}>
          {(group) => (
            <li>
              <A href={`/groups/${group.slug}`}>{group.name}</A>
              <span class="muted">
                {" "}
                — {group.companies} {t("bedrijven", "companies")}
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
