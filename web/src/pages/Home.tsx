import { For, Show } from "solid-js";
import { A, createAsync, query } from "@solidjs/router";
import { api, readJson } from "../api.ts";

const getGroups = query(async () => readJson(await api.v1.statements.$get()), "groups");

export default function Home() {
  const data = createAsync(() => getGroups());
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Privacyverklaringen van een bedrijvengroep, op één plek</h1>
      <p>
        De privacyfunctionaris van de groep schrijft één basisverklaring en bepaalt per onderdeel wat de
        bedrijven mogen aanpassen. Elk bedrijf vult zijn eigen gegevens in en publiceert; elke website haalt
        zijn verklaring op bij een vaste, openbare URL.
      </p>
      <h2>Groepen</h2>
      <Show when={data()} fallback={<p class="loading">Laden…</p>}>
        {(groups) => (
          <Show when={groups().groups.length > 0} fallback={<p>Er zijn nog geen groepen.</p>}>
            <ul class="cards">
              <For each={groups().groups}>
                {(group) => (
                  <li>
                    <A href={`/groups/${group.slug}`}>{group.name}</A>
                    <span class="muted"> — {group.companies} bedrijven</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}
