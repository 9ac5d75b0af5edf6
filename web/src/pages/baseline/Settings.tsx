// The group's settings (privacy lead only): whether every publish needs a second privacy lead's approval.
import { createSignal, Show } from "solid-js";
import { createAsync, useAction, useSubmission } from "@solidjs/router";
import { t } from "../../i18n.ts";
import { useGroup } from "../group/GroupLayout.tsx";
import { getSettings, saveSettings } from "../group/group-data.ts";
import { OnlyLeadWarning } from "../group/OnlyLeadWarning.tsx";
import { errorText } from "../group/group-text.ts";
import { LeadOnly } from "./access.tsx";
import "./baseline.css";

export default function SettingsPage() {
  return (
    <LeadOnly what="de instellingen van de groep wijzigen" whatEn="change the group's settings">
      <GroupSettings />
    </LeadOnly>
  );
}

function GroupSettings() {
  const ctx = useGroup();
  const settings = createAsync(() => getSettings(ctx.group));
  const [choice, setChoice] = createSignal<boolean | null>(null);
  const [alert, setAlert] = createSignal("");
  const [status, setStatus] = createSignal("");
  const saving = useSubmission(saveSettings);
  const send = useAction(saveSettings);
  const busy = () => saving.pending === true;

  const requireApproval = () => choice() ?? settings()?.requireApproval ?? false;
  const changed = () => settings() !== undefined && requireApproval() !== settings()!.requireApproval;

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert("");
    setStatus("");
    try {
      const saved = await send(ctx.group, requireApproval());
      setChoice(null);
      setStatus(
        saved.requireApproval
          ? t(
              "Opgeslagen: goedkeuring staat aan. Elke publicatie wordt nu een verzoek.",
              "Saved: approval is on. Every publish is now a request.",
            )
          : t(
              "Opgeslagen: goedkeuring staat uit. Redacteuren publiceren direct.",
              "Saved: approval is off. Editors publish directly.",
            ),
      );
    } catch (error) {
      setAlert(errorText(error));
    }
  };

  return (
    <section class="settings narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">
        {t("Instellingen van ", "Settings of ")}
        {ctx.role.groupName}
      </h1>
      <Show when={settings()}>
        <form class="form" novalidate onSubmit={onSubmit}>
          <div role="alert" class="notice error" classList={{ empty: !alert() }}>
            {alert()}
          </div>
          <p role="status" class="notice info" classList={{ empty: !status() }}>
            {status()}
          </p>
          <div class="setting">
            <input
              type="checkbox"
              id="require-approval"
              checked={requireApproval()}
              onChange={(e) => {
                setChoice(e.currentTarget.checked);
                setStatus("");
              }}
              aria-describedby="require-approval-hint"
            />
            <label for="require-approval">
              {t("Goedkeuring vereisen bij publiceren", "Require approval to publish")}
            </label>
            <p id="require-approval-hint" class="hint">
              {t(
                "Met goedkeuring aan wordt elke publicatie een verzoek dat een andere privacyfunctionaris goedkeurt.",
                "With approval on, every publish becomes a request that another privacy lead approves.",
              )}{" "}
              {t(
                "Dat geldt voor elke publicatie: de verklaring van een bedrijf, een teruggezette versie en de basisverklaring, ook als jij publiceert. Niemand keurt zijn eigen verzoek goed. Met goedkeuring uit wordt er direct gepubliceerd.",
                "That covers every publish: a company's statement, a restored version and the baseline, yours too. Nobody approves their own request. With approval off, publishing happens directly.",
              )}
            </p>
          </div>
          <OnlyLeadWarning approvalOn={requireApproval()} />
          <p class="muted">
            {settings()!.requireApproval
              ? t("Nu: goedkeuring staat aan.", "Now: approval is on.")
              : t("Nu: goedkeuring staat uit.", "Now: approval is off.")}
            <Show when={changed()}>{t(" Nog niet opgeslagen.", " Not saved yet.")}</Show>
          </p>
          <button type="submit" class="primary" aria-disabled={busy()}>
            {busy() ? t("Bezig met opslaan…", "Saving…") : t("Instelling opslaan", "Save setting")}
          </button>
        </form>
      </Show>
    </section>
  );
}
