// The preview follows the section being edited: the rendered statement's section (#vk-<key>) is
// scrolled to the top of the preview's own scroll box and marked. Only the preview's box scrolls,
// never the page: where the preview sits below the form (a narrow screen) it has no box of its own,
// and the page stays where the person is typing.

// The mark is a rule in a stylesheet of its own rather than a class on the section: the preview's
// HTML stays exactly what publishing renders. A constructed sheet, as the CSP allows no inline style.
let sheet: CSSStyleSheet | null = null;
function markSection(key: string | null): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const id = key === null ? null : CSS.escape(`vk-${key}`);
  sheet.replaceSync(
    id === null
      ? ""
      : `.statement-preview #${id},.preview-document #${id}{outline:3px solid #f5a623;outline-offset:4px;border-radius:2px}`,
  );
}

/** The nearest element from `from` up to `boundary` (inclusive) that scrolls vertically itself. */
function scrollBoxOf(from: HTMLElement, boundary: HTMLElement): HTMLElement | null {
  for (let el: HTMLElement | null = from; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if ((overflow === "auto" || overflow === "scroll") && el.scrollHeight > el.clientHeight) return el;
    if (el === boundary) break;
  }
  return null;
}

/** Marks the section `key` of the rendered statement and brings it into view in its box inside `root`. */
export function followSection(root: HTMLElement | undefined, key: string | null, scroll: boolean): void {
  markSection(key);
  if (!root || !key) return;
  const section = root.querySelector<HTMLElement>(`#${CSS.escape(`vk-${key}`)}`);
  if (!scroll || !section?.parentElement) return;
  const box = scrollBoxOf(section.parentElement, root);
  if (!box) return;
  const offset = section.getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollTo({ top: box.scrollTop + offset - 8, behavior: "smooth" });
}

/** Takes the mark away (the page with the preview is left). */
export const stopFollowing = (): void => markSection(null);
