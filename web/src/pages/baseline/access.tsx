// Who may use the privacy lead's pages. The API refuses the same (403/404); this only tells people
// clearly instead of showing them a form that would be refused.
import { Show, type JSX } from "solid-js";
import { LeadOnlyNotice } from "../../components/PageStates.tsx";
import { useGroup } from "../group/GroupLayout.tsx";

/** Renders `children` for the group's privacy lead only; everyone else gets the notice. */
export function LeadOnly(props: { what: string; whatEn: string; children: JSX.Element }) {
  const ctx = useGroup();
  return (
    <Show
      when={ctx.role.isAdmin}
      fallback={<LeadOnlyNotice what={props.what} whatEn={props.whatEn} askToChange />}
    >
      {props.children}
    </Show>
  );
}
