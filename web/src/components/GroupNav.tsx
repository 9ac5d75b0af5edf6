// Navigation inside one group of the console, rendered once by the group layout. The privacy lead
// sees every area; a company's editors and viewers see their own companies only. The API enforces
// the same; this only hides what would be refused anyway.
import { For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { t } from "../i18n.ts";
import type { Me } from "../session.ts";

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

export function GroupNav(props: {
  group: string;
  role: GroupRole;
  /** The company whose pages are open, when the user may see it. */
  tenant?: { slug: string; name: string } | undefined;
}) {
  const base = () => `/console/${props.group}`;
  const company = () => `${base()}/companies/${props.tenant?.slug ?? ""}`;
  return (
    <nav
      class="group-nav"
      aria-label={t(`${props.role.groupName}: onderdelen`, `${props.role.groupName}: areas`)}
    >
      <ul>
        <Show
          when={props.role.isAdmin}
          fallback={
            <>
              <For each={props.role.companies}>
                {(company) => (
                  <li>
                    <A href={`${base()}/companies/${company.slug}`}>{company.name}</A>
                  </li>
                )}
              </For>
              <li>
                <A href={`${base()}/requests`}>{t("Publicatieverzoeken", "Publish requests")}</A>
              </li>
            </>
          }
        >
          <li>
            <A href={base()} end>
              {t("Overzicht", "Overview")}
            </A>
          </li>
          <li>
            <A href={`${base()}/companies`} end>
              {t("Bedrijven", "Companies")}
            </A>
          </li>
          <li>
            <A href={`${base()}/baseline`}>{t("Basisverklaring", "Baseline")}</A>
          </li>
          <li>
            <A href={`${base()}/processors`}>{t("Verwerkers", "Processors")}</A>
          </li>
          <li>
            <A href={`${base()}/requests`}>{t("Goedkeuringen", "Approvals")}</A>
          </li>
          <li>
            <A href={`${base()}/report`}>{t("AVG-rapport", "GDPR report")}</A>
          </li>
          <li>
            <A href={`${base()}/people`}>{t("Mensen", "People")}</A>
          </li>
          <li>
            <A href={`${base()}/audit`}>{t("Logboek", "Audit log")}</A>
          </li>
          <li>
            <A href={`${base()}/settings`}>{t("Instellingen", "Settings")}</A>
          </li>
        </Show>
      </ul>
      <Show when={props.tenant}>
        {(tenant) => (
          <ul class="company-nav" aria-label={tenant().name}>
            <li>
              <A href={company()} end>
                {t("Gegevens en teksten", "Details and texts")}
              </A>
            </li>
            <li>
              <A href={`${company()}/publish`}>{t("Publiceren", "Publish")}</A>
            </li>
            <li>
              <A href={`${company()}/versions`}>{t("Versies", "Versions")}</A>
            </li>
            <li>
              <A href={`${company()}/import`}>{t("Importeren", "Import")}</A>
            </li>
            <li>
              <A href={`${company()}/embed`}>{t("Op de website", "On the website")}</A>
            </li>
          </ul>
        )}
      </Show>
    </nav>
  );
}
