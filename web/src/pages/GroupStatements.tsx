// /groups/:group — a group's published statements with their public addresses, for anyone; 100
// companies at a time with "Meer tonen" (a group may have thousands).
import { For, Show } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { LoadBoundary } from "../components/PageStates.tsx";
import { createPagedList, ShowMore } from "../components/PagedList.tsx";
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
  let table: HTMLTableElement | undefined;
  const paged = createPagedList(
    (after) => getPublicGroupPage(props.group, after),
    (pages) => pages.reduce((n, page) => n + page.companies.length, 0),
    (index) => table?.querySelectorAll<HTMLElement>("tbody th")[index]?.focus(),
  );
  const data = () => {
    const pages = paged.pages();
    return pages && { group: pages[0]!.group, companies: pages.flatMap((page) => page.companies) };
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
          <ShowMore next={paged.next()} loading={paged.loadingMore()} onClick={paged.showMore} />
        </section>
      )}
    </Show>
  );
}
