import { For, Show } from "solid-js";
import { A, createAsync, query, useParams } from "@solidjs/router";
import { api, readJson } from "../api.ts";

const getGroup = query(
  async (group: string) => readJson(await api.v1.statements[":group"].$get({ param: { group } })),
  "group",
);

const FORMATS = [
  { ext: "html", label: "HTML" },
  { ext: "json", label: "JSON" },
  { ext: "md", label: "Markdown" },
  { ext: "txt", label: "Tekst" },
] as const;

export default function GroupStatements() {
  const params = useParams<{ group: string }>();
  const data = createAsync(() => getGroup(params.group));
  return (
    <Show when={data()} fallback={<p class="loading">Laden…</p>}>
      {(group) => (
        <section aria-labelledby="group-title">
          <p>
            <A href="/">← Alle groepen</A>
          </p>
          <h1 id="group-title">{group().group.name}</h1>
          <p>De gepubliceerde privacyverklaringen van de bedrijven in deze groep.</p>
          <table class="statements">
            <caption class="visually-hidden">Privacyverklaringen per bedrijf</caption>
            <thead>
              <tr>
                <th scope="col">Bedrijf</th>
                <th scope="col">Versie</th>
                <th scope="col">Openbare URL's</th>
              </tr>
            </thead>
            <tbody>
              <For each={group().companies}>
                {(company) => (
                  <tr>
                    <th scope="row">{company.name}</th>
                    <td>{company.version ?? "nog niet gepubliceerd"}</td>
                    <td>
                      <Show when={company.version !== null} fallback="—">
                        <ul class="inline">
                          <For each={group().group.languages}>
                            {(lang) => (
                              <For each={FORMATS}>
                                {(format) => (
                                  <li>
                                    <a href={`${company.url}.${format.ext}?lang=${lang}`}>
                                      {format.label} ({lang})
                                    </a>
                                  </li>
                                )}
                              </For>
                            )}
                          </For>
                        </ul>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      )}
    </Show>
  );
}
