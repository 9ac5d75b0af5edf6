// People as people: the audit log and the requests record who did something by e-mail address (or
// "system" for Verklaring itself); the privacy lead sees their names, from the group's members.
import { createAsync } from "@solidjs/router";
import { t } from "../../i18n.ts";
import { useGroup } from "./GroupLayout.tsx";
import { getMembers } from "./group-data.ts";

/** actor → "Lotte de Leeuw" for a member, "Verklaring (automatisch)" for the system, else as given. */
export function usePersonName(): (actor: string | null | undefined) => string {
  const ctx = useGroup();
  // Only the privacy lead may list the members; everyone else sees the addresses as recorded.
  const members = createAsync(async () => (ctx.role.isAdmin ? getMembers(ctx.group) : null));
  return (actor) => {
    if (!actor) return "";
    if (actor === "system") return t("Verklaring (automatisch)", "Verklaring (automatic)");
    const member = members()?.members.find((m) => m.user.email === actor.toLowerCase());
    return member?.user.name ?? actor;
  };
}
