// The ten recovery codes, shown once: after turning on two-step sign-in for the first time, or
// after asking for new ones. Only their hashes are kept, so this is the only moment to save them.
import { For, onMount } from "solid-js";
import { t } from "../../i18n.ts";

export function RecoveryCodes(props: { codes: string[]; onDone: () => void; doneLabel?: string }) {
  let heading: HTMLHeadingElement | undefined;
  // The codes replace the form that asked for them: the keyboard and screen reader start here.
  onMount(() => heading?.focus());
  return (
    <section class="recovery-codes" aria-labelledby="recovery-codes-title">
      <h3 id="recovery-codes-title" tabindex="-1" ref={heading}>
        {t("Je herstelcodes", "Your recovery codes")}
      </h3>
      <p>
        {t(
          "Bewaar deze tien codes op een veilige plek, bijvoorbeeld in je wachtwoordbeheerder. Kwijt je je telefoon, dan log je met één van deze codes in. Elke code werkt één keer. Je ziet ze alleen nu.",
          "Keep these ten codes somewhere safe, such as your password manager. If you lose your phone, sign in with one of them. Each code works once. They are shown only now.",
        )}
      </p>
      <ol class="recovery-code-list" aria-label={t("Herstelcodes", "Recovery codes")}>
        <For each={props.codes}>
          {(code) => (
            <li>
              <code>{code}</code>
            </li>
          )}
        </For>
      </ol>
      <button type="button" class="primary" onClick={() => props.onDone()}>
        {props.doneLabel ?? t("Ik heb ze bewaard", "I have saved them")}
      </button>
    </section>
  );
}
