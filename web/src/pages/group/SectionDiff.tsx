// What a republish would change, section by section: only the sections that change, each with
// its words added (underlined) and removed (struck through), long unchanged runs shortened.
// Shown on the group dashboard and, for one company, on that company's editor.
import { For, Show } from "solid-js";
import type { DiffPart, SectionDiff, StatementDiff } from "#shared/diff.ts";
import { language, t } from "../../i18n.ts";
import { plural } from "./group-text.ts";
import "./section-diff.css";

const CONTEXT_WORDS = 12;

/** A long unchanged run keeps a few words on either side of the change. */
function shorten(text: string, position: "first" | "middle" | "last"): string {
  const words = text.split(" ");
  if (words.length <= CONTEXT_WORDS * 2 + 4) return text;
  const head = words.slice(0, CONTEXT_WORDS).join(" ");
  const tail = words.slice(-CONTEXT_WORDS).join(" ");
  if (position === "first") return `… ${tail}`;
  if (position === "last") return `${head} …`;
  return `${head} … ${tail}`;
}

function statusText(section: SectionDiff): string {
  switch (section.status) {
    case "added":
      return t("nieuwe sectie", "new section");
    case "removed":
      return t("sectie vervalt", "section removed");
    default:
      return t(
        `${plural(section.diff.added, "woord", "woorden")} erbij, ${section.diff.removed} eruit`,
        `${plural(section.diff.added, "word", "words")} added, ${section.diff.removed} removed`,
      );
  }
}

/** `lang`: the statement's language, when it may differ from the console's. */
export function SectionDiffList(props: { diff: StatementDiff; lang?: string }) {
  const changed = () => props.diff.sections.filter((s) => s.status !== "unchanged" || s.moved);
  return (
    <Show
      when={changed().length > 0}
      fallback={<p>{t("De tekst blijft gelijk.", "The text stays the same.")}</p>}
    >
      <ul class="section-changes">
        <For each={changed()}>
          {(section) => (
            <li data-section={section.key}>
              <strong lang={props.lang}>„{section.title}”</strong>{" "}
              <span class="muted">({statusText(section)})</span>
              <Show when={section.previousTitle}>
                <div class="muted">
                  {t("Titel was:", "Title was:")} <span lang={props.lang}>„{section.previousTitle}”</span>
                </div>
              </Show>
              <Show when={section.moved}>
                <div class="muted">{t("Staat op een andere plek.", "Moved to another place.")}</div>
              </Show>
              <Show when={section.status !== "unchanged"}>
                <p class="word-diff" lang={props.lang}>
                  <For each={section.diff.parts}>
                    {(part, index) => <Part part={part} index={index()} count={section.diff.parts.length} />}
                  </For>
                </p>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function Part(props: { part: DiffPart; index: number; count: number }) {
  const space = () => (props.index > 0 ? " " : "");
  if (props.part.op === "added") {
    return (
      <>
        {space()}
        <ins>
          <span class="visually-hidden" lang={language()}>
            {t("[erbij: ", "[added: ")}
          </span>
          {props.part.text}
          <span class="visually-hidden">]</span>
        </ins>
      </>
    );
  }
  if (props.part.op === "removed") {
    return (
      <>
        {space()}
        <del>
          <span class="visually-hidden" lang={language()}>
            {t("[eruit: ", "[removed: ")}
          </span>
          {props.part.text}
          <span class="visually-hidden">]</span>
        </del>
      </>
    );
  }
  const position = props.index === 0 ? "first" : props.index === props.count - 1 ? "last" : "middle";
  return (
    <>
      {space()}
      {props.count === 1 ? props.part.text : shorten(props.part.text, position)}
    </>
  );
}
