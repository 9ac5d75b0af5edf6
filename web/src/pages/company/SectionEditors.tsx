// (c) Per baseline section, the group's text beside what the company does with it — offering only
// the modes the section's policy allows — and (d) the company's own sections.
import { For, Show, untrack } from "solid-js";
import { ALLOWED_MODES, type BaselineSection, type LocalizedLine, type OverrideMode } from "#shared/model.ts";
import { language, t } from "../../i18n.ts";
import { fieldId, newOwnSectionKey } from "./content.ts";
import { LineField, MarkdownField, SelectField, useEditor } from "./fields.tsx";
import { listLabel, modeLabel, policyHelp, policyLabel } from "./labels.ts";

const pickLine = (line: LocalizedLine): string => (language() === "en" ? (line.en ?? line.nl) : line.nl);

/** Opens or closes every section of "Teksten per onderdeel". */
function openAllSections(open: boolean): void {
  for (const el of document.querySelectorAll<HTMLDetailsElement>("details.override")) el.open = open;
}

function OverrideEditor(props: { section: BaselineSection }) {
  const editor = useEditor();
  const key = () => props.section.key;
  const path = () => `overrides.${key()}`;
  // `in` first: on a store it subscribes to the key appearing; hasOwn then skips inherited names.
  const override = () => {
    const overrides = editor.content.overrides;
    return key() in overrides && Object.hasOwn(overrides, key()) ? overrides[key()] : undefined;
  };
  const mode = (): OverrideMode => override()?.mode ?? "inherit";
  const allowed = () => ALLOWED_MODES[props.section.policy];
  const error = () => editor.error(path());
  const errorId = () => `${fieldId(path())}-error`;

  const setMode = (next: OverrideMode) =>
    editor.edit(path(), (c) => {
      const current = Object.hasOwn(c.overrides, key()) ? c.overrides[key()] : undefined;
      if (next === "inherit") delete c.overrides[key()];
      else if (next === "omit") c.overrides[key()] = { mode: "omit" };
      else {
        // Switching between append and replace keeps the text written so far.
        const body = current?.body ? { ...current.body } : { nl: "" };
        c.overrides[key()] =
          next === "replace" && current?.title
            ? { mode: next, body, title: { ...current.title } }
            : { mode: next, body };
      }
    });

  // Folded away unless the company does something with the section or something is wrong with it:
  // a section taken over as the group wrote it needs no attention, and the form stays short.
  const startsOpen = untrack(() => override() !== undefined || error() !== undefined);
  return (
    <details class="override" id={`section-${key()}`} open={startsOpen}>
      <summary class="override-head">
        <h3 id={`section-${key()}-title`}>{pickLine(props.section.title)}</h3>
        <span class="badge" classList={{ locked: props.section.policy === "locked" }}>
          {props.section.policy === "locked" ? t("vergrendeld", "locked") : policyLabel(props.section.policy)}
        </span>
        <span class="override-state muted">{modeLabel(mode())}</span>
      </summary>
      <div class="override-grid">
        <div class="baseline-text">
          <h4>{t("Tekst van de groep", "The group's text")}</h4>
          <div class="source-text" lang={language() === "en" && props.section.body.en ? "en" : "nl"}>
            {language() === "en" ? (props.section.body.en ?? props.section.body.nl) : props.section.body.nl}
          </div>
          <Show when={props.section.list}>
            {(list) => (
              <p class="hint">
                {t("Daarna volgt de lijst", "Followed by the list")} “{listLabel(list())}” (
                <a href={`#list-${list()}`}>{t("bewerken", "edit")}</a>).
              </p>
            )}
          </Show>
        </div>
        <div class="override-controls">
          <Show
            when={props.section.policy !== "locked"}
            fallback={
              <>
                <p class="locked-note">{policyHelp("locked")}</p>
                {/* An override from before the group locked the section only blocks publishing. */}
                <Show when={override()}>
                  <p id={errorId()} class="field-error">
                    {error() ??
                      t(
                        "Er staat nog een aanpassing voor dit vergrendelde onderdeel.",
                        "There is still an override for this locked section.",
                      )}
                  </p>
                  <Show when={!editor.readOnly()}>
                    <button
                      type="button"
                      class="secondary small"
                      id={fieldId(path())}
                      aria-describedby={errorId()}
                      onClick={() => setMode("inherit")}
                    >
                      {t("Aanpassing weghalen", "Remove the override")}
                    </button>
                  </Show>
                </Show>
              </>
            }
          >
            <fieldset
              class="modes"
              id={fieldId(path())}
              aria-describedby={[`${fieldId(path())}-help`, error() ? errorId() : null]
                .filter(Boolean)
                .join(" ")}
            >
              <legend>
                {t("Wat doet dit bedrijf met dit onderdeel?", "What does this company do with this section?")}
              </legend>
              <p class="hint" id={`${fieldId(path())}-help`}>
                {policyHelp(props.section.policy)}
              </p>
              <For each={allowed()}>
                {(option) => (
                  <div class="radio">
                    <input
                      type="radio"
                      id={`${fieldId(path())}-${option}`}
                      name={`mode-${key()}`}
                      value={option}
                      checked={mode() === option}
                      disabled={editor.readOnly()}
                      onChange={() => setMode(option)}
                    />
                    <label for={`${fieldId(path())}-${option}`}>{modeLabel(option)}</label>
                  </div>
                )}
              </For>
            </fieldset>
            <Show when={error()}>
              <p id={errorId()} class="field-error">
                {error()}
              </p>
            </Show>
            <Show when={mode() === "replace"}>
              <LineField
                path={`${path()}.title`}
                label={t("Eigen titel", "Own title")}
                hint={t(
                  "Leeg laten om de titel van de groep te houden.",
                  "Leave empty to keep the group's title.",
                )}
                optional
                value={override()?.title}
                onChange={(title) =>
                  editor.edit(`${path()}.title`, (c) => {
                    const target = c.overrides[key()]!;
                    if (title) target.title = title;
                    else delete target.title;
                  })
                }
              />
            </Show>
            <Show when={mode() === "append" || mode() === "replace"}>
              <MarkdownField
                path={`${path()}.body`}
                label={
                  mode() === "append"
                    ? t("Toegevoegde tekst", "Added text")
                    : t("Tekst in plaats van die van de groep", "Text instead of the group's")
                }
                hint={t(
                  "Lege regel = nieuwe alinea; regels die met “- ” beginnen worden een opsomming; **vet**, *cursief*, [link](https://…) en plaatshouders zoals {{company.name}} werken ook.",
                  "Blank line = new paragraph; lines starting with “- ” become a list; **bold**, *italic*, [link](https://…) and placeholders such as {{company.name}} work too.",
                )}
                value={override()?.body}
                onChange={(body) =>
                  editor.edit(`${path()}.body`, (c) => void (c.overrides[key()]!.body = body))
                }
              />
            </Show>
          </Show>
        </div>
      </div>
    </details>
  );
}

/** Overrides left behind for sections the baseline no longer has: they do nothing but block publishing. */
function StrayOverrides() {
  const editor = useEditor();
  const stray = () =>
    Object.keys(editor.content.overrides).filter(
      (key) => !editor.baseline.sections.some((s) => s.key === key),
    );
  return (
    <Show when={stray().length > 0}>
      <div class="notice error" role="group" aria-label={t("Verouderde aanpassingen", "Outdated overrides")}>
        <p>
          {t(
            "Deze aanpassingen horen bij onderdelen die niet meer in de basisverklaring staan. Verwijder ze om te kunnen publiceren.",
            "These overrides belong to sections the baseline no longer has. Remove them to be able to publish.",
          )}
        </p>
        <ul>
          <For each={stray()}>
            {(key) => (
              <li id={`section-${key}`}>
                <code>{key}</code>{" "}
                <Show when={!editor.readOnly()}>
                  <button
                    type="button"
                    class="danger small"
                    id={fieldId(`overrides.${key}`)}
                    onClick={() =>
                      editor.edit(`overrides.${key}`, (c) => {
                        delete c.overrides[key];
                      })
                    }
                  >
                    {t(`Aanpassing voor “${key}” verwijderen`, `Remove override for “${key}”`)}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}

export function OverrideEditors() {
  const editor = useEditor();
  return (
    <>
      <StrayOverrides />
      <div class="fold-all">
        <button type="button" class="secondary small" onClick={() => openAllSections(true)}>
          {t("Alles uitklappen", "Open all")}
        </button>
        <button type="button" class="secondary small" onClick={() => openAllSections(false)}>
          {t("Alles inklappen", "Close all")}
        </button>
      </div>
      <For each={editor.baseline.sections}>{(section) => <OverrideEditor section={section} />}</For>
    </>
  );
}

export function OwnSections() {
  const editor = useEditor();
  const baselineKeys = () => editor.baseline.sections.map((s) => s.key);
  const sectionTitle = (key: string) => {
    const section = editor.baseline.sections.find((s) => s.key === key);
    return section ? pickLine(section.title) : key;
  };
  const add = () => {
    const key = newOwnSectionKey(editor.content, editor.baseline);
    const after = editor.baseline.sections[editor.baseline.sections.length - 1]?.key ?? "";
    editor.edit(
      "ownSections",
      (c) => void c.ownSections.push({ key, title: { nl: "" }, body: { nl: "" }, after }),
    );
    const index = editor.content.ownSections.length - 1;
    requestAnimationFrame(() => document.getElementById(fieldId(`ownSections.${index}.title.nl`))?.focus());
  };
  const remove = (index: number) => {
    const title = editor.content.ownSections[index]?.title.nl ?? "";
    editor.edit("ownSections", (c) => void c.ownSections.splice(index, 1));
    requestAnimationFrame(() => document.getElementById("own-add")?.focus());
    editor.announce(t(`Eigen onderdeel “${title}” verwijderd.`, `Own section “${title}” removed.`));
  };
  return (
    <>
      <Show when={editor.content.ownSections.length === 0}>
        <p class="muted">
          {t("Dit bedrijf heeft nog geen eigen onderdelen.", "This company has no own sections yet.")}
        </p>
      </Show>
      <ol class="rows">
        <For each={editor.content.ownSections}>
          {(own, index) => {
            const path = (field: string) => `ownSections.${index()}.${field}`;
            return (
              <li>
                <fieldset class="own-row" id={`own-${index()}`}>
                  <legend>
                    {t("Eigen onderdeel", "Own section")} {index() + 1}:{" "}
                    {own.title.nl || t("(nog zonder titel)", "(no title yet)")}
                  </legend>
                  <LineField
                    path={path("title")}
                    label={t("Titel", "Title")}
                    value={own.title}
                    onChange={(title) =>
                      editor.edit(path("title"), (c) => void (c.ownSections[index()]!.title = title!))
                    }
                  />
                  <MarkdownField
                    path={path("body")}
                    label={t("Tekst", "Text")}
                    value={own.body}
                    onChange={(body) =>
                      editor.edit(path("body"), (c) => void (c.ownSections[index()]!.body = body))
                    }
                  />
                  <SelectField
                    path={path("after")}
                    label={t("Plaats: na het onderdeel", "Position: after the section")}
                    value={own.after}
                    options={
                      baselineKeys().includes(own.after) ? baselineKeys() : [own.after, ...baselineKeys()]
                    }
                    optionLabel={sectionTitle}
                    onChange={(after) =>
                      editor.edit(path("after"), (c) => void (c.ownSections[index()]!.after = after))
                    }
                  />
                  <Show when={!editor.readOnly()}>
                    <div>
                      <button type="button" class="danger small" onClick={() => remove(index())}>
                        {t(`Eigen onderdeel ${index() + 1} verwijderen`, `Remove own section ${index() + 1}`)}
                      </button>
                    </div>
                  </Show>
                </fieldset>
              </li>
            );
          }}
        </For>
      </ol>
      <Show when={!editor.readOnly()}>
        <button type="button" class="secondary" id="own-add" onClick={add}>
          + {t("Eigen onderdeel toevoegen", "Add own section")}
        </button>
      </Show>
    </>
  );
}
