// The group's settings (privacy lead only): whether every publish needs a second privacy lead's approval.
import { createResource, createSignal, Show } from "solid-js";
import { useParams } from "@solidjs/router";
import { api, ApiError, readJson } from "../../api.ts";
import { GroupNav, type GroupRole } from "../../components/GroupNav.tsx";
import { t } from "../../i18n.ts";
import { LeadOnly } from "./access.tsx";
import "./baseline.css";

async function fetchSettings(group: string) {
  return readJson(await api.api.groups[":group"].settings.$get({ param: { group } }));
}

export default function SettingsPage() {
  const params = useParams<{ group: string }>();
  return (
    <>
      <GroupNav group={params.group} />
      <LeadOnly
        group={params.group}
        what="de instellingen van de groep wijzigen"
        whatEn="change the group's settings"
      >
        {(role) => <GroupSettings group={params.group} role={role} />}
      </LeadOnly>
    </>
  );
}

function GroupSettings(props: { group: string; role: GroupRole }) {
  const [settings, { mutate }] = createResource(() => props.group, fetchSettings);
  const [choice, setChoice] = createSignal<boolean | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [alert, setAlert] = createSignal("");
  const [status, setStatus] = createSignal("");

  const loaded = () => (settings.state === "ready" ? settings() : undefined);
  const requireApproval = () => choice() ?? loaded()?.requireApproval ?? false;
  const changed = () => loaded() !== undefined && requireApproval() !== loaded()!.requireApproval;

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert("");
    setStatus("");
    setBusy(true);
    try {
      const response = await api.api.groups[":group"].settings.$put({
        param: { group: props.group },
        json: { requireApproval: requireApproval() },
      });
      const saved = (await readJson(response)) as { requireApproval: boolean };
      mutate(saved);
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
      setAlert(
        error instanceof ApiError
          ? error.message
          : t("Opslaan is niet gelukt. Probeer het opnieuw.", "Saving failed. Try again."),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="settings narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">
        {t("Instellingen van ", "Settings of ")}
        {props.role.groupName}
      </h1>
      <Show when={settings.error}>
        <p role="alert" class="notice error">
          {t("De instellingen konden niet worden geladen: ", "The settings could not be loaded: ")}
          {(settings.error as Error)?.message}
        </p>
      </Show>
      <Show
        when={loaded()}
        fallback={
          <Show when={!settings.error}>
            <p class="loading">{t("Laden…", "Loading…")}</p>
          </Show>
        }
      >
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
                "Ook jouw eigen publicaties: niemand keurt zijn eigen verzoek goed. Met goedkeuring uit publiceren redacteuren direct.",
                "Your own publishes too: nobody approves their own request. With approval off, editors publish directly.",
              )}
            </p>
          </div>
          <p class="muted">
            {loaded()!.requireApproval
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
