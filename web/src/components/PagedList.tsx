// A list read a page at a time with "Meer tonen" (a group may have thousands of companies, issue
// 20): the pages on screen stay while the next one loads (a transition), then the focus moves to
// the first item added, so a keyboard user continues where the list grew.
import { createAsync } from "@solidjs/router";
import { createSignal, Show, startTransition } from "solid-js";
import { t } from "../i18n.ts";

export interface PagedList<P> {
  /** Every page read so far, in order; undefined while the first is loading. */
  pages: () => P[] | undefined;
  /** The cursor of the page after the last one shown, or null when there is none. */
  next: () => string | null;
  showMore: () => void;
  loadingMore: () => boolean;
  /** Back to the first page only (a new search). */
  restart: () => void;
}

/**
 * Pages of `read`, one more each time `showMore` is called. `shown` counts what is on screen and
 * `focusAt(n)` focuses the n-th item, both over the same items (the first added is at `shown`).
 */
export function createPagedList<P extends { next: string | null }>(
  read: (after: string | undefined) => Promise<P>,
  shown: (pages: P[]) => number,
  focusAt: (index: number) => void,
): PagedList<P> {
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const pages = createAsync(() => Promise.all(cursors().map(read)));
  const next = () => pages()?.at(-1)?.next ?? null;
  const [loadingMore, setLoadingMore] = createSignal(false);
  const showMore = () => {
    const after = next();
    const current = pages();
    if (after === null || current === undefined) return;
    const before = shown(current);
    setLoadingMore(true);
    void startTransition(() => setCursors([...cursors(), after])).then(() => {
      setLoadingMore(false);
      focusAt(before);
    });
  };
  return { pages, next, showMore, loadingMore, restart: () => setCursors([undefined]) };
}

/** The "Meer tonen" button under a paged list, while there is a next page. */
export function ShowMore(props: {
  next: string | null;
  loading: boolean;
  onClick: () => void;
  describedBy?: string | undefined;
}) {
  return (
    <Show when={props.next !== null}>
      <p class="show-more">
        <button
          type="button"
          onClick={() => props.onClick()}
          disabled={props.loading}
          aria-describedby={props.describedBy}
        >
          {t("Meer tonen", "Show more")}
        </button>
      </p>
    </Show>
  );
}
