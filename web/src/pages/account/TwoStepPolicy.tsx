// Who in the group must sign in with two steps (issue 18, item 5): nobody, the privacy leads (the
// default for a new group) or everyone. For the group's privacy lead. Who it newly applies to and
// has no second step yet sets one up at their next sign-in, before they get in.
import { createSignal, For, Show } from "solid-js";
import { createAsync, useAction, useSubmission } from "@solidjs/router";
import { TWO_STEP_POLICIES, type TwoStepPolicyValue } from "#shared/account-schemas.ts";
import { t } from "../../i18n.ts";
import { errorText } from "../group/group-text.ts";
import { getSignInPolicy, saveSignInPolicy } from "./data.ts";
import { createNotice } from "./notice.ts";

const LABELS: Record<TwoStepPolicyValue, [string, string]> = {
  off: ["Niemand verplicht (ieder kiest zelf)", "Nobody required (everyone chooses)"],
  admins: ["Verplicht voor privacyfunctionarissen", "Required for privacy leads"],
  everyone: ["Verplicht voor iedereen in de groep", "Required for everyone in the group"],
};

export function TwoStepPolicy(props: { group: string; groupName: string }) {
  const policy = createAsync(() => getSignInPolicy(props.group));
  const [choice, setChoice] = createSignal<TwoStepPolicyValue | null>(null);
  const [alert, setAlert] = createSignal("");
  const [status, setStatus] = createNotice();
  const send = useAction(saveSignInPolicy);
  const saving = useSubmission(saveSignInPolicy, ([group]) => group === props.group);
  const busy = () => saving.pending === true;
  const current = () => choice() ?? policy()?.twoStep ?? "admins";
  const name = () => `two-step-policy-${props.group}`;

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert("");
    setStatus("");
    try {
      const saved = await send(props.group, current());
      setChoice(null);
      const [nl, en] = LABELS[saved.twoStep];
      setStatus(() => t(`Opgeslagen: ${nl.toLowerCase()}.`, `Saved: ${en.toLowerCase()}.`));
    } catch (error) {
      setAlert(errorText(error));
    }
  };

  return (
    <Show when={policy()}>
      <form class="form two-step-policy" novalidate onSubmit={onSubmit} aria-busy={busy()}>
        <fieldset>
          <legend>
            {t("Inloggen in twee stappen in ", "Two-step sign-in in ")}
            {props.groupName}
          </legend>
          <p class="hint" id={`${name()}-hint`}>
            {t(
              "Wie het moet en nog geen tweede stap heeft, stelt die in bij de volgende keer inloggen. Een tweede stap houdt een gestolen wachtwoord buiten de deur (AVG art. 32: passende beveiliging).",
              "Whoever must and has no second step yet sets one up at their next sign-in. A second step keeps a stolen password out (GDPR art. 32: appropriate security).",
            )}
          </p>
          <For each={TWO_STEP_POLICIES}>
            {(value) => (
              <div class="radio">
                <input
                  type="radio"
                  id={`${name()}-${value}`}
                  name={name()}
                  value={value}
                  checked={current() === value}
                  onChange={() => {
                    setChoice(value);
                    setStatus("");
                  }}
                />
                <label for={`${name()}-${value}`}>{t(...LABELS[value])}</label>
              </div>
            )}
          </For>
        </fieldset>
        <div role="alert" class="notice error" classList={{ empty: !alert() }}>
          {alert()}
        </div>
        <p role="status" class="notice info" classList={{ empty: !status() }}>
          {status()}
        </p>
        <button type="submit" class="primary" aria-disabled={busy()}>
          {busy() ? t("Bezig met opslaan…", "Saving…") : t("Beleid opslaan", "Save policy")}
        </button>
      </form>
    </Show>
  );
}
