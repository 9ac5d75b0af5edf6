// The group's processor register as a table: name and key, role, service, country and safeguard
// of each entry, with buttons to change or remove it for the privacy lead.
import { For, Show } from "solid-js";
import { t } from "../../i18n.ts";
import type { Processor } from "../group/group-data.ts";
import { countryName, ROLE_WORDS, SAFEGUARD_WORDS } from "./processor-words.ts";

/** Which companies' drafts use an entry: how many, and the first of them (the API names 10). */
export interface RegisterUsage {
  count: number;
  named: { slug: string; name: string }[];
}

/** "3 bedrijven: A, B, C", and for more companies than are named "…, J en 20 andere". */
function describeUsage({ count, named }: RegisterUsage): string {
  if (count === 0) return t("nog geen bedrijf", "no company yet");
  const total = count === 1 ? t("1 bedrijf", "1 company") : t(`${count} bedrijven`, `${count} companies`);
  const others = count - named.length;
  const rest = others > 0 ? t(` en ${others} andere`, ` and ${others} more`) : "";
  return `${total}: ${named.map((c) => c.name).join(", ")}${rest}`;
}

export function ProcessorRegister(props: {
  entries: Processor[];
  canEdit: boolean;
  onEdit: (entry: Processor) => void;
  /** Takes an entry out of the register (the API refuses while a company uses it). */
  onRemove?: ((entry: Processor) => void) | undefined;
  /** The companies whose draft uses an entry; undefined when that is not known to this reader. */
  usedBy?: ((key: string) => RegisterUsage) | undefined;
}) {
  return (
    <Show
      when={props.entries.length > 0}
      fallback={
        <p>
          {t("Er staan nog geen verwerkers in de lijst.", "There are no processors in the register yet.")}
        </p>
      }
    >
      <table class="register">
        <caption class="visually-hidden">{t("Verwerkers van de groep", "The group's processors")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("Naam", "Name")}</th>
            <th scope="col">{t("Rol", "Role")}</th>
            <th scope="col">{t("Dienst", "Service")}</th>
            <th scope="col">{t("Land", "Country")}</th>
            <th scope="col">{t("Waarborg", "Safeguard")}</th>
            <Show when={props.usedBy}>
              <th scope="col">{t("Gebruikt door", "Used by")}</th>
            </Show>
            <Show when={props.canEdit}>
              <th scope="col">
                <span class="visually-hidden">{t("Acties", "Actions")}</span>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.entries}>
            {(entry) => (
              <tr data-key={entry.key}>
                <th scope="row">
                  {entry.recipient.name}
                  <br />
                  <code class="muted">{entry.key}</code>
                </th>
                <td>{t(ROLE_WORDS[entry.recipient.role].nl, ROLE_WORDS[entry.recipient.role].en)}</td>
                <td>
                  {entry.recipient.service
                    ? t(entry.recipient.service.nl, entry.recipient.service.en ?? entry.recipient.service.nl)
                    : "—"}
                </td>
                <td>{countryName(entry.recipient.country)}</td>
                <td>
                  {t(
                    SAFEGUARD_WORDS[entry.recipient.safeguard].label.nl,
                    SAFEGUARD_WORDS[entry.recipient.safeguard].label.en,
                  )}
                </td>
                <Show when={props.usedBy}>
                  {(usedBy) => <td class="used-by">{describeUsage(usedBy()(entry.key))}</td>}
                </Show>
                <Show when={props.canEdit}>
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={t(`${entry.recipient.name} wijzigen`, `Edit ${entry.recipient.name}`)}
                      onClick={() => props.onEdit(entry)}
                    >
                      {t("Wijzigen", "Edit")}
                    </button>
                    <Show when={props.onRemove}>
                      {(remove) => (
                        <button
                          type="button"
                          class="danger"
                          aria-label={t(
                            `${entry.recipient.name} verwijderen`,
                            `Remove ${entry.recipient.name}`,
                          )}
                          onClick={() => remove()(entry)}
                        >
                          {t("Verwijderen", "Remove")}
                        </button>
                      )}
                    </Show>
                  </td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
