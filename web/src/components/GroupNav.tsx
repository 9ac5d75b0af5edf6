// Navigation inside one group of the console. The privacy lead sees every area; a company's
// editors and viewers see their own companies only. The API enforces the same; this only hides
// what would be refused anyway.
import { For, Show } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { getMe, type Me } from "../session.ts";

export interface GroupRole {
  isAdmin: boolean;
  /** Companies the user has a role in (all of them for a group admin: see the tenants query). */
  companies: { slug: string; name: string; role: string }[];
  groupName: string;
}

type Membership = Me["memberships"][number];

/** The user's role in one group, from /api/me; null when they have none there. */
export function roleInGroup(me: Me, group: string): GroupRole | null {
  const memberships = me.memberships.filter((m: Membership) => m.group.slug === group);
  if (memberships.length === 0) return null;
  return {
    isAdmin: memberships.some((m: Membership) => m.role === "group_admin"),
    companies: memberships.flatMap((m: Membership) => (m.tenant ? [{ ...m.tenant, role: m.role }] : [])),
    groupName: memberships[0]!.group.name,
  };
}

export function GroupNav(props: { group: string; tenant?: string }) {
  const me = createAsync(() => getMe());
  const role = () => {
    const current = me();
    return current ? roleInGroup(current, props.group) : null;
  };
  const base = () => `/console/${props.group}`;
  return (
    <Show when={role()}>
      {(r) => (
        <nav class="group-nav" aria-label={`${r().groupName}: onderdelen`}>
          <ul>
            <Show when={r().isAdmin}>
              <li>
                <A href={base()} end>
                  Overzicht
                </A>
              </li>
              <li>
                <A href={`${base()}/baseline`}>Basisverklaring</A>
              </li>
              <li>
                <A href={`${base()}/processors`}>Verwerkers</A>
              </li>
              <li>
                <A href={`${base()}/requests`}>Goedkeuringen</A>
              </li>
              <li>
                <A href={`${base()}/report`}>AVG-rapport</A>
              </li>
              <li>
                <A href={`${base()}/people`}>Mensen</A>
              </li>
              <li>
                <A href={`${base()}/audit`}>Logboek</A>
              </li>
              <li>
                <A href={`${base()}/settings`}>Instellingen</A>
              </li>
            </Show>
            <Show when={!r().isAdmin}>
              <For each={r().companies}>
                {(company) => (
                  <li>
                    <A href={`${base()}/companies/${company.slug}`}>{company.name}</A>
                  </li>
                )}
              </For>
              <li>
                <A href={`${base()}/requests`}>Publicatieverzoeken</A>
              </li>
            </Show>
          </ul>
          <Show when={props.tenant}>
            {(tenant) => (
              <ul class="company-nav" aria-label="Dit bedrijf">
                <li>
                  <A href={`${base()}/companies/${tenant()}`} end>
                    Gegevens en teksten
                  </A>
                </li>
                <li>
                  <A href={`${base()}/companies/${tenant()}/publish`}>Publiceren</A>
                </li>
                <li>
                  <A href={`${base()}/companies/${tenant()}/versions`}>Versies</A>
                </li>
                <li>
                  <A href={`${base()}/companies/${tenant()}/import`}>Importeren</A>
                </li>
                <li>
                  <A href={`${base()}/companies/${tenant()}/embed`}>Op de website</A>
                </li>
              </ul>
            )}
          </Show>
        </nav>
      )}
    </Show>
  );
}
