/// <reference types="vite/client" />
// The frame of every group page: signed in or off to sign in, a member of the group or told so,
// the group navigation, and the page's own heading. Admin-only pages say so to everyone else.
import { createEffect, createMemo, For, Show, untrack, type JSX } from "solid-js";
import { A, createAsync, useLocation, useNavigate, useParams } from "@solidjs/router";
import { GroupNav, roleInGroup, type GroupRole } from "../../components/GroupNav.tsx";
import { t } from "../../i18n.ts";
import { getMe, type Me, signInPath } from "../../session.ts";
import "./group.css";

export interface GroupContext {
  group: string;
  me: Me;
  role: GroupRole;
}

interface GroupPageProps {
  /** The page's heading (h1), given the group's name once known; reactive, so it may use t(). */
  title: (groupName: string | null) => string;
  /** Only group admins may use this page; others get an explanation and their companies. */
  adminOnly?: boolean;
  children: (context: GroupContext) => JSX.Element;
}

export function GroupPage(props: GroupPageProps) {
  const params = useParams<{ group: string }>();
  const me = createAsync(() => getMe());
  const navigate = useNavigate();
  const location = useLocation();

  createEffect(() => {
    if (me() === null) navigate(signInPath(location.pathname + location.search), { replace: true });
  });

  // The page below is built once per group, user and role: refreshing /api/me must not rebuild it
  // (and lose what the page holds, such as a list of results), so an equal context is kept.
  const context = createMemo<GroupContext | null>((previous) => {
    const current = me();
    if (!current) return null;
    const role = roleInGroup(current, params.group);
    if (!role) return null;
    const next = { group: params.group, me: current, role };
    return previous && sameContext(previous, next) ? previous : next;
  }, null);
  createEffect(() => {
    document.title = `${props.title(context()?.role.groupName ?? null)} – Verklaring`;
  });

  return (
    <Show when={me()}>
      <Show
        when={context()}
        keyed
        fallback={
          <section aria-labelledby="group-page-title">
            <h1 id="group-page-title">{props.title(null)}</h1>
            <p role="alert" class="notice error">
              {t(
                "Je hebt geen toegang tot deze groep. Vraag de privacyfunctionaris van de groep om een uitnodiging.",
                "You have no access to this group. Ask the group's privacy lead for an invitation.",
              )}
            </p>
            <p>
              <A href="/console">{t("Naar je overzicht", "To your overview")}</A>
            </p>
          </section>
        }
      >
        {(ctx) => (
          <>
            <GroupNav group={ctx.group} />
            <section aria-labelledby="group-page-title" class="group-page">
              <h1 id="group-page-title">{props.title(ctx.role.groupName)}</h1>
              <Show when={!props.adminOnly || ctx.role.isAdmin} fallback={<NotForYou {...ctx} />}>
                {untrack(() => props.children(ctx))}
              </Show>
            </section>
          </>
        )}
      </Show>
    </Show>
  );
}

const sameContext = (a: GroupContext, b: GroupContext): boolean =>
  a.group === b.group && a.me.user.id === b.me.user.id && JSON.stringify(a.role) === JSON.stringify(b.role);

/** What someone without the group admin role sees on an admin page: where they can go instead. */
function NotForYou(props: GroupContext) {
  return (
    <>
      <p class="notice info">
        {t(
          "Dit onderdeel is alleen voor de privacyfunctionaris van de groep. Je kunt wel bij je eigen bedrijven:",
          "This part is for the group's privacy lead only. You can go to your own companies:",
        )}
      </p>
      <CompanyLinks {...props} />
    </>
  );
}

export function CompanyLinks(props: GroupContext) {
  return (
    <ul class="company-list">
      <For each={props.role.companies}>
        {(company) => (
          <li>
            <A href={`/console/${props.group}/companies/${company.slug}`} class="company-name">
              {company.name}
            </A>
          </li>
        )}
      </For>
    </ul>
  );
}
