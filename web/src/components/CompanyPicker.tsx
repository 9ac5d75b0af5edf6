// Choosing one company of a group (a role's company, the audit log's filter). A group whose
// companies fit one page gets the plain list of them; a larger one (a group may have 10,000, issue
// 20) gets a search field before the list, and the list holds the companies found: nobody scrolls
// through thousands of options, and the console never reads every company to offer a choice.
import { createAsync } from "@solidjs/router";
import { createMemo, createSignal, For, onCleanup, Show, startTransition } from "solid-js";
import { t } from "../i18n.ts";
import { getTenantsPage, OVERVIEW_PAGE } from "../pages/group/group-data.ts";

/** How long typing pauses before the companies are searched. */
const SEARCH_PAUSE_MS = 300;

export function CompanyPicker(props: {
  id: string;
  group: string;
  value: string;
  /** The company chosen, with its name (empty: none). */
  onChange: (slug: string, name: string | undefined) => void;
  /** The option for "no company" ("— choose a company —", "All companies"); without it, none. */
  noneLabel?: string;
  /** The search field's label (a large group only); visually hidden when the list's label is. */
  searchLabel: string;
  hideSearchLabel?: boolean;
  /** Archived companies are not offered (a new role is for an active company). */
  activeOnly?: boolean;
  invalid?: boolean;
  describedBy?: string | undefined;
}) {
  const first = createAsync(() => getTenantsPage(props.group, undefined));
  const large = () => first()?.next != null;
  const [search, setSearch] = createSignal<string | undefined>(undefined);
  const found = createAsync(async () => {
    const words = search();
    return words === undefined ? undefined : getTenantsPage(props.group, undefined, words);
  });
  let pause: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(pause));
  const typed = (text: string) => {
    clearTimeout(pause);
    // In a transition: the list on screen stays until the companies found are there.
    const words = text.trim() === "" ? undefined : text.trim();
    pause = setTimeout(() => void startTransition(() => setSearch(words)), SEARCH_PAUSE_MS);
  };
  // The chosen company stays an option when a later search does not find it.
  const names = new Map<string, string>();
  const listed = createMemo(() => {
    const page = large() && search() !== undefined ? found() : first();
    const tenants = (page?.tenants ?? []).filter((c) => !props.activeOnly || c.status === "active");
    for (const c of tenants) names.set(c.slug, c.name);
    const chosen = props.value;
    return chosen && !tenants.some((c) => c.slug === chosen)
      ? [{ slug: chosen, name: names.get(chosen) ?? chosen }, ...tenants]
      : tenants;
  });
  const searchId = () => `${props.id}-search`;
  const countId = () => `${props.id}-found`;
  return (
    <>
      <Show when={large()}>
        <label for={searchId()} classList={{ "visually-hidden": props.hideSearchLabel === true }}>
          {props.searchLabel}
        </label>
        <input
          id={searchId()}
          type="search"
          maxLength={120}
          autocomplete="off"
          aria-describedby={countId()}
          onInput={(e) => typed(e.currentTarget.value)}
        />
        <span id={countId()} class="visually-hidden" role="status">
          <Show when={search() !== undefined && found()}>
            {(page) =>
              page().next !== null
                ? t(
                    `Meer dan ${OVERVIEW_PAGE} bedrijven gevonden; de eerste ${OVERVIEW_PAGE} staan in de lijst.`,
                    `More than ${OVERVIEW_PAGE} companies found; the first ${OVERVIEW_PAGE} are in the list.`,
                  )
                : t(
                    `${page().tenants.length} bedrijven gevonden.`,
                    `${page().tenants.length} companies found.`,
                  )
            }
          </Show>
        </span>
      </Show>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => {
          const slug = e.currentTarget.value;
          props.onChange(slug, listed().find((c) => c.slug === slug)?.name);
        }}
        aria-invalid={props.invalid ? "true" : undefined}
        aria-describedby={props.describedBy}
      >
        <Show when={props.noneLabel}>
          <option value="">{props.noneLabel}</option>
        </Show>
        <For each={listed()}>
          {(company) => (
            <option value={company.slug} selected={company.slug === props.value}>
              {company.name}
            </option>
          )}
        </For>
      </select>
    </>
  );
}
