// The warning that approval cannot work with a single privacy lead, on the settings and approvals pages.
import { Show } from "solid-js";
import { createAsync } from "@solidjs/router";
import { t } from "../../i18n.ts";
import { useGroup } from "./GroupLayout.tsx";
import { getMembers } from "./group-data.ts";

/**
 * With approval on and a single privacy lead, that lead's own requests could never be approved:
 * nobody approves their own. Said before it bites, with what to do.
 */
export function OnlyLeadWarning(props: { approvalOn: boolean }) {
  const ctx = useGroup();
  const members = createAsync(() => getMembers(ctx.group));
  const leads = () => members()?.members.filter((m) => m.role === "group_admin").length ?? 0;
  return (
    <Show when={props.approvalOn && leads() === 1}>
      <p class="notice warning" role="note">
        <strong>{t("Er is maar één privacyfunctionaris. ", "There is only one privacy lead. ")}</strong>
        {t(
          "Met goedkeuring aan kan niemand de verzoeken van die privacyfunctionaris goedkeuren. Nodig eerst een tweede privacyfunctionaris uit bij Mensen.",
          "With approval on, nobody can approve that privacy lead's requests. Invite a second privacy lead under People first.",
        )}
      </p>
    </Show>
  );
}
