// /groups/:group — a group's published statements with their public addresses, for anyone; 100
// companies at a time with "Meer tonen" (a group may have thousands).
import { createSignal, For, Show, startTransition } from "solid-js";
import { A, createAsync, useParams } from "@solidjs/router";
import { LoadBoundary } from "../components/PageStates.tsx";
import { t } from "../i18n.ts";
import { getPublicGroupPage } from "./public-data.ts";
import { errorText } from "./group/group-text.ts";

const FORMATS = [
  { ext: "html", label: { nl: "HTML", en: "HTML" } },
  { ext: "json", label: { nl: "JSON", en: "JSON" } },
  { ext: "md", label: { nl: "Markdown", en: "Markdown" } },
  { ext: "txt", label: { nl: "Tekst", en: "Text" } },
] as const;

export default function GroupStatementsPage() {
  const params = useParams<{ group: string }>();
  return (
    <LoadBoundary describe={errorText} what="group">
      <GroupStatements group={params.group} />
    </LoadBoundary>
  );
}

function GroupStatements(props: { group: string }) {
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const pages = createAsync(() =>
    Promise.all(cursors().map((after) => getPublicGroupPage(props.group, after))),
  );
  const data = () => {
    const all = pages();
    return all && { group: all[0]!.group, companies: all.flatMap((page) => page.companies) };
  };
  const next = () => pages()?.at(-1)?.next ?? null;
  const [loadingMore, setLoadingMore] = createSignal(false);
  let table: HTMLTableElement | undefined;
  const showMore = () => {
    const after = next();
    if (after === null) return;
    const shown = data()?.companies.length ?? 0;
    setLoadingMore(true);
    void startTransition(() => setCursors([...cursors(), after])).then(() => {
      setLoadingMore(false);
      // A keyboard user continues at the first company added.
      table?.querySelectorAll<HTMLElement>("tbody th")[shown]?.focus();
    });
  };
  return (
    <Show when={data()}>
      {(group) => (
        <section aria-labelledby="group-title">
          <p>
            <A href="/">{t("← Alle groepen", "← All groups")}</A>
          </p>
          <h1 id="group-title">{group().group.name}</h1>
          <p>
            {t(
              "De gepubliceerde privacyverklaringen van de bedrijven in deze groep.",
              "The published privacy statements of the companies in this group.",
            )}
          </p>
          <table class="statements" ref={table}>
            <caption class="visually-hidden">
              {t("Privacyverklaringen per bedrijf", "Privacy statements per company")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("Bedrijf", "Company")}</th>
                <th scope="col">{t("Versie", "Version")}</th>
                <th scope="col">{t("Openbare URL's", "Public URLs")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={group().companies}>
                {(company) => (
                  <tr>
                    <th scope="row" tabindex="-1">
                      {company.name}
                    </th>
                    <td>{company.version ?? t("nog niet gepubliceerd", "not published yet")}</td>
                    <td>
                      <Show when={company.version !== null} fallback="—">
                        <ul class="inline">
                          <For each={group().group.languages}>
                            {(lang) => (
                              <For each={FORMATS}>
                                {(format) => (
                                  <li>
                                    <a href={`${company.url}.${format.ext}?lang=${lang}`}>
                                      {t(format.label.nl, format.label.en)} ({lang})
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
          <Show when={next() !== null}>
            <p class="show-more">
              <button type="button" onClick={showMore} disabled={loadingMore()}>
                {t("Meer tonen", "Show more")}
              </button>
            </p>
          </Show>
        </section>
      )}
    </Show>
  );
}
