// Someone saved the draft while you were editing it: both versions side by side per difference,
// you pick per difference, and the merge is saved on top of their revision.
import { createSignal, For, onMount, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { Baseline, ListKey, StructuredLists, TenantContent } from "#shared/model.ts";
import { t } from "../../i18n.ts";
import type { CurrentDraft } from "./data.ts";
import {
  cookieCategoryLabel,
  formatDateTime,
  legalBasisLabel,
  listLabel,
  modeLabel,
  profileFieldLabel,
  unitLabel,
} from "./labels.ts";
import { applyChoices, findDifferences, type MergeUnit, type Side } from "./merge.ts";

function describeRow(list: ListKey, row: StructuredLists[ListKey][number]): string {
  switch (list) {
    case "data_categories": {
      const r = row as StructuredLists["data_categories"][number];
      return [r.name.nl, r.examples?.nl].filter(Boolean).join(": ");
    }
    case "purposes": {
      const r = row as StructuredLists["purposes"][number];
      return `${r.name.nl} — ${legalBasisLabel(r.legalBasis)}`;
    }
    case "retention": {
      const r = row as StructuredLists["retention"][number];
      const period = r.period ? `${r.period.amount} ${unitLabel(r.period.unit)}` : "";
      return [r.subject.nl, [period, r.criterion?.nl].filter(Boolean).join(" ")].filter(Boolean).join(": ");
    }
    case "recipients": {
      const r = row as StructuredLists["recipients"][number];
      return `${r.name} (${r.country})`;
    }
    case "cookies": {
      const r = row as StructuredLists["cookies"][number];
      return `${r.name} — ${r.provider}, ${cookieCategoryLabel(r.category)}`;
    }
  }
}

function describeValue(unit: MergeUnit, value: unknown): string[] {
  const empty = t("(leeg)", "(empty)");
  switch (unit.kind) {
    case "profile": {
      if (value === undefined || value === "") return [empty];
      if (typeof value === "object") {
        const dpo = value as { name: string; email: string };
        return [`${dpo.name} <${dpo.email}>`];
      }
      return [typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value)];
    }
    case "list": {
      const rows = (value ?? []) as StructuredLists[ListKey];
      return rows.length === 0
        ? [t("(geen rijen)", "(no rows)")]
        : rows.map((row) => describeRow(unit.key as ListKey, row));
    }
    case "override": {
      const override = value as TenantContent["overrides"][string] | undefined;
      if (!override) return [modeLabel("inherit")];
      return [
        modeLabel(override.mode),
        override.title?.nl ?? "",
        override.body?.nl ?? "",
        override.body?.en ?? "",
      ].filter(Boolean);
    }
    case "own": {
      const own = (value ?? []) as TenantContent["ownSections"];
      return own.length === 0 ? [t("(geen)", "(none)")] : own.map((s) => `${s.title.nl}: ${s.body.nl}`);
    }
  }
}

export function ConflictView(props: {
  base: TenantContent;
  mine: TenantContent;
  current: CurrentDraft;
  baseline: Baseline;
  busy: boolean;
  onSave: (merged: TenantContent) => void;
  onCancel: () => void;
}) {
  const units = findDifferences(props.base, props.mine, props.current.content);
  const [choices, setChoices] = createStore<Record<string, Side>>(
    Object.fromEntries(units.flatMap((u) => (u.suggested ? [[u.id, u.suggested]] : []))),
  );
  const [missing, setMissing] = createSignal(false);
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  const label = (unit: MergeUnit): string => {
    switch (unit.kind) {
      case "profile":
        return profileFieldLabel(unit.key);
      case "list":
        return `${t("Lijst", "List")}: ${listLabel(unit.key as ListKey)}`;
      case "override":
        return `${t("Tekst", "Text")}: ${props.baseline.sections.find((s) => s.key === unit.key)?.title.nl ?? unit.key}`;
      case "own":
        return t("Eigen onderdelen", "Own sections");
    }
  };
  const who = (unit: MergeUnit): string =>
    unit.changedBy === "me"
      ? t("Alleen jij hebt dit gewijzigd.", "Only you changed this.")
      : unit.changedBy === "them"
        ? t("Alleen de ander heeft dit gewijzigd.", "Only the other person changed this.")
        : t(
            "Jullie hebben dit allebei gewijzigd: kies welke versie blijft.",
            "You both changed this: choose which version stays.",
          );

  const save = () => {
    if (units.some((u) => !choices[u.id])) {
      setMissing(true);
      document.querySelector<HTMLInputElement>(".conflict-unit.unchosen input")?.focus();
      return;
    }
    setMissing(false);
    props.onSave(applyChoices(props.base, props.mine, props.current.content, { ...choices }));
  };

  return (
    <section class="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title" tabindex="-1" ref={heading}>
        {t(
          "Iemand anders heeft dit concept intussen opgeslagen",
          "Someone else saved this draft in the meantime",
        )}
      </h2>
      <p>
        {t(
          `Jouw wijzigingen zijn nog niet opgeslagen. Het concept is nu revisie ${props.current.revision} (opgeslagen ${formatDateTime(props.current.updatedAt)}). Hieronder staat per verschil jouw versie naast de opgeslagen versie. Wat maar één van jullie heeft gewijzigd, is al gekozen; zo blijven beide wijzigingen bewaard.`,
          `Your changes have not been saved yet. The draft is now revision ${props.current.revision} (saved ${formatDateTime(props.current.updatedAt)}). Below, each difference shows your version next to the saved one. Where only one of you changed something it is already chosen, so both changes are kept.`,
        )}
      </p>
      <Show when={units.length === 0}>
        <p>
          {t(
            "Er zijn geen verschillen: je kunt gewoon opslaan.",
            "There are no differences: you can simply save.",
          )}
        </p>
      </Show>
      <For each={units}>
        {(unit) => (
          <fieldset
            class="conflict-unit"
            classList={{ unchosen: !choices[unit.id] }}
            aria-describedby={`${unit.id}-who`}
          >
            <legend>{label(unit)}</legend>
            <p class="hint" id={`${unit.id}-who`}>
              {who(unit)}
            </p>
            <div class="sides">
              <For each={["mine", "theirs"] as const}>
                {(side) => (
                  <label class="side" classList={{ chosen: choices[unit.id] === side }}>
                    <span class="side-choice">
                      <input
                        type="radio"
                        name={`merge-${unit.id}`}
                        value={side}
                        checked={choices[unit.id] === side}
                        onChange={() => setChoices(unit.id, side)}
                      />
                      <strong>
                        {side === "mine"
                          ? t("Mijn versie", "My version")
                          : t("Opgeslagen versie", "Saved version")}
                      </strong>
                    </span>
                    <ul class="side-value">
                      <For each={describeValue(unit, side === "mine" ? unit.mine : unit.theirs)}>
                        {(line) => <li>{line}</li>}
                      </For>
                    </ul>
                  </label>
                )}
              </For>
            </div>
          </fieldset>
        )}
      </For>
      <div role="alert" class="notice error" classList={{ empty: !missing() }}>
        {missing()
          ? t("Kies bij elk verschil welke versie blijft.", "Choose which version stays for each difference.")
          : ""}
      </div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          aria-disabled={props.busy}
          onClick={() => !props.busy && save()}
        >
          {props.busy
            ? t("Bezig met opslaan…", "Saving…")
            : t("Samengevoegde versie opslaan", "Save the merged version")}
        </button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>
          {t("Terug naar mijn versie", "Back to my version")}
        </button>
      </div>
    </section>
  );
}
