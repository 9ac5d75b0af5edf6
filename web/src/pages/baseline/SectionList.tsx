// The baseline's sections in order: pick one to edit, and reorder them by dragging (native HTML5
// drag and drop) or with the up/down buttons. After a keyboard move the focus stays on the moved
// section's button and a live region says where it is now.
import { createSignal, For, Show } from "solid-js";
import { t } from "../../i18n.ts";
import { POLICY_WORDS } from "./texts.ts";
import type { EditableSection } from "./editing.ts";
import { sectionName } from "./editing.ts";

interface SectionListProps {
  sections: EditableSection[];
  selected: string | null;
  /** Sections (by uid) that have a field error. */
  invalid: ReadonlySet<string>;
  onSelect: (uid: string) => void;
  /** Moves the section to index `to`; returns nothing, the list re-renders from props. */
  onMove: (uid: string, to: number) => void;
}

export function SectionList(props: SectionListProps) {
  const [dragging, setDragging] = createSignal<string | null>(null);
  const [over, setOver] = createSignal<string | null>(null);
  const [announcement, setAnnouncement] = createSignal("");

  const indexOf = (uid: string) => props.sections.findIndex((s) => s.uid === uid);

  const announce = (text: string) => {
    // The same words twice in a row would not be read again: vary them invisibly.
    setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));
  };

  const announcePosition = (uid: string) => {
    const index = indexOf(uid);
    const section = props.sections[index];
    if (!section) return;
    announce(
      t(
        `Sectie ${sectionName(section)} staat nu op plaats ${index + 1}`,
        `Section ${sectionName(section)} is now at position ${index + 1}`,
      ),
    );
  };

  const moveBy = (uid: string, delta: -1 | 1) => {
    const from = indexOf(uid);
    const to = from + delta;
    const section = props.sections[from];
    if (!section) return;
    if (to < 0 || to >= props.sections.length) {
      announce(
        delta < 0
          ? t(
              `Sectie ${sectionName(section)} staat al bovenaan`,
              `Section ${sectionName(section)} is already first`,
            )
          : t(
              `Sectie ${sectionName(section)} staat al onderaan`,
              `Section ${sectionName(section)} is already last`,
            ),
      );
      return;
    }
    props.onMove(uid, to);
    // The row's node was moved in the document, which takes the focus away: give it back.
    document.getElementById(`move-${delta < 0 ? "up" : "down"}-${uid}`)?.focus();
    announcePosition(uid);
  };

  const onDrop = (event: DragEvent, target: string) => {
    event.preventDefault();
    const uid = dragging() ?? event.dataTransfer?.getData("text/plain") ?? null;
    setDragging(null);
    setOver(null);
    if (!uid || uid === target) return;
    const to = indexOf(target);
    if (to < 0 || indexOf(uid) < 0) return;
    props.onMove(uid, to);
    announcePosition(uid);
  };

  return (
    <div class="section-list">
      <p id="section-list-hint" class="hint">
        {t(
          "Sleep een sectie naar een andere plek, of gebruik de knoppen omhoog en omlaag. Kies een sectie om haar te bewerken.",
          "Drag a section to another place, or use the up and down buttons. Choose a section to edit it.",
        )}
      </p>
      <ol class="sections" aria-describedby="section-list-hint">
        <For each={props.sections}>
          {(section, index) => (
            <li
              class="section-row"
              classList={{
                selected: props.selected === section.uid,
                dragging: dragging() === section.uid,
                "drop-target": over() === section.uid && dragging() !== section.uid,
                "drop-after": over() === section.uid && indexOf(dragging() ?? "") < index(),
                invalid: props.invalid.has(section.uid),
              }}
              data-key={section.key}
              draggable="true"
              onDragStart={(event) => {
                setDragging(section.uid);
                if (event.dataTransfer) {
                  event.dataTransfer.effectAllowed = "move";
                  event.dataTransfer.setData("text/plain", section.uid);
                }
              }}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
              onDragOver={(event) => {
                if (dragging() === null) return;
                event.preventDefault();
                if (event.dataTransfer) event.dataTransfer.dropEffect = "move";
                setOver(section.uid);
              }}
              onDragLeave={(event) => {
                const next = event.relatedTarget as Node | null;
                if (!next || !event.currentTarget.contains(next)) {
                  if (over() === section.uid) setOver(null);
                }
              }}
              onDrop={(event) => onDrop(event, section.uid)}
            >
              <span class="drag-handle" aria-hidden="true">
                ⠿
              </span>
              <button
                type="button"
                class="section-pick"
                aria-current={props.selected === section.uid ? "true" : undefined}
                onClick={() => props.onSelect(section.uid)}
              >
                <span class="section-position" aria-hidden="true">
                  {index() + 1}.
                </span>{" "}
                <span class="section-title">{sectionName(section)}</span>{" "}
                <code class="section-key">{section.key || "—"}</code>{" "}
                <span class="policy-badge">
                  {t(POLICY_WORDS[section.policy].label.nl, POLICY_WORDS[section.policy].label.en)}
                </span>
                <Show when={props.invalid.has(section.uid)}>
                  <span class="section-problem">{t(" — bevat fouten", " — has errors")}</span>
                </Show>
              </button>
              <span class="move-buttons">
                <button
                  type="button"
                  id={`move-up-${section.uid}`}
                  class="icon"
                  aria-label={t(
                    `Sectie ${sectionName(section)} omhoog`,
                    `Move section ${sectionName(section)} up`,
                  )}
                  aria-disabled={index() === 0 ? "true" : undefined}
                  onClick={() => moveBy(section.uid, -1)}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  id={`move-down-${section.uid}`}
                  class="icon"
                  aria-label={t(
                    `Sectie ${sectionName(section)} omlaag`,
                    `Move section ${sectionName(section)} down`,
                  )}
                  aria-disabled={index() === props.sections.length - 1 ? "true" : undefined}
                  onClick={() => moveBy(section.uid, 1)}
                >
                  <span aria-hidden="true">↓</span>
                </button>
              </span>
            </li>
          )}
        </For>
      </ol>
      <p class="visually-hidden" aria-live="polite" aria-atomic="true" id="section-moves">
        {announcement()}
      </p>
    </div>
  );
}
