// Who may use the privacy lead's pages. The API refuses the same (403/404); this only tells people
// clearly instead of showing them a form that would be refused.
import { createEffect, Match, Switch, type JSX } from "solid-js";
import { createAsync, useLocation, useNavigate } from "@solidjs/router";
import { roleInGroup, type GroupRole } from "../../components/GroupNav.tsx";
import { LeadOnlyNotice } from "../../components/PageStates.tsx";
import { t } from "../../i18n.ts";
import { getMe, signInPath } from "../../session.ts";

/**
 * The signed-in user's role in `group`: undefined while loading (and while a signed-out visitor is
 * sent to sign in), null for someone without a role there.
 */
export function useGroupRole(group: () => string): () => GroupRole | null | undefined {
  const me = createAsync(() => getMe());
  const navigate = useNavigate();
  const location = useLocation();
  createEffect(() => {
    if (me() === null) navigate(signInPath(location.pathname), { replace: true });
  });
  return () => {
    const current = me();
    if (current === undefined || current === null) return undefined;
    return roleInGroup(current, group());
  };
}

/** Renders `children` for the group's privacy lead only; everyone else gets the notice. */
export function LeadOnly(props: {
  group: string;
  what: string;
  whatEn: string;
  children: (role: GroupRole) => JSX.Element;
}) {
  const role = useGroupRole(() => props.group);
  return (
    <Switch>
      <Match when={role() === undefined}>
        <p class="loading">{t("Laden…", "Loading…")}</p>
      </Match>
      <Match when={role()?.isAdmin && role()}>{(r) => props.children(r())}</Match>
      <Match when={role() !== undefined && role() !== null && !role()!.isAdmin}>
        <LeadOnlyNotice what={props.what} whatEn={props.whatEn} askToChange />
      </Match>
      <Match when={role() === null}>
        <LeadOnlyNotice what={props.what} whatEn={props.whatEn} askToChange />
      </Match>
    </Switch>
  );
}
