// The frame of every page under /console/:group: signed in (or off to sign in), a member of the
// group (or told so), and the group's navigation, rendered once for all of the group's pages; the
// page below gets the group, the user and their role from useGroup().
import {
  createContext,
  createEffect,
  createMemo,
  ErrorBoundary,
  For,
  Show,
  Suspense,
  useContext,
  type JSX,
  type ParentProps,
} from "solid-js";
import { A, createAsync, useLocation, useNavigate, useParams } from "@solidjs/router";
import { GroupNav, roleInGroup, type GroupRole } from "../../components/GroupNav.tsx";
import { LoadBoundary } from "../../components/PageStates.tsx";
import { t } from "../../i18n.ts";
import { getMe, type Me, signInPath } from "../../session.ts";
import { getTenant } from "./group-data.ts";
import { errorText } from "./group-text.ts";
import "./group.css";

export interface GroupContext {
  group: string;
  me: Me;
  role: GroupRole;
}

const CurrentGroup = createContext<GroupContext>();

/** The group of the page, with the signed-in user and their role there (inside GroupLayout only). */
export function useGroup(): GroupContext {
  const context = useContext(CurrentGroup);
  if (!context) throw new Error("useGroup() outside the group layout");
  return context;
}

export default function GroupLayout(props: ParentProps) {
  const params = useParams<{ group: string; tenant?: string }>();
  const me = createAsync(() => getMe());
  const navigate = useNavigate();
  const location = useLocation();

  createEffect(() => {
    if (me() === null) navigate(signInPath(location.pathname + location.search), { replace: true });
  });

  // The pages below are built once per group, user and role: refreshing /api/me must not rebuild
  // them (and lose what they hold, such as a half-filled form), so an equal context is kept.
  const context = createMemo<GroupContext | null>((previous) => {
    const current = me();
    if (!current) return null;
    const role = roleInGroup(current, params.group);
    if (!role) return null;
    const next = { group: params.group, me: current, role };
    return previous && sameContext(previous, next) ? previous : next;
  }, null);

  return (
    <Show when={me()}>
      <Show when={context()} keyed fallback={<NoAccess />}>
        {(ctx) => (
          <CurrentGroup.Provider value={ctx}>
            <Navigation ctx={ctx} tenant={params.tenant} />
            <LoadBoundary describe={errorText} what="group">
              {props.children}
            </LoadBoundary>
          </CurrentGroup.Provider>
        )}
      </Show>
    </Show>
  );
}

/**
 * The group navigation, with the open company's own links when the user may see that company: a
 * company that is not there (or not theirs) gets none. The privacy lead's open company is asked
 * for alone (a group may have 10,000); while it loads, or if it fails, the navigation shows
 * without it.
 */
function Navigation(props: { ctx: GroupContext; tenant: string | undefined }) {
  const plain = () => <GroupNav group={props.ctx.group} role={props.ctx.role} />;
  const own = () => props.ctx.role.companies.find((c) => c.slug === props.tenant);
  return (
    <Show
      when={props.ctx.role.isAdmin && props.tenant}
      fallback={<GroupNav group={props.ctx.group} role={props.ctx.role} tenant={own()} />}
    >
      <ErrorBoundary fallback={plain()}>
        <Suspense fallback={plain()}>
          <LeadNavigation ctx={props.ctx} tenant={props.tenant!} />
        </Suspense>
      </ErrorBoundary>
    </Show>
  );
}

function LeadNavigation(props: { ctx: GroupContext; tenant: string }) {
  const tenant = createAsync(() => getTenant(props.ctx.group, props.tenant));
  return <GroupNav group={props.ctx.group} role={props.ctx.role} tenant={tenant()} />;
}

const sameContext = (a: GroupContext, b: GroupContext): boolean =>
  a.group === b.group && a.me.user.id === b.me.user.id && JSON.stringify(a.role) === JSON.stringify(b.role);

function NoAccess() {
  return (
    <section aria-labelledby="group-page-title" class="page-state">
      <h1 id="group-page-title">{t("Geen toegang", "No access")}</h1>
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
  );
}

/** The heading and frame of one group page; pages for the privacy lead only explain themselves to others. */
export function GroupPage(props: {
  /** The page's heading (h1), given the group's name; reactive, so it may use t(). */
  title: (groupName: string) => string;
  adminOnly?: boolean;
  class?: string;
  children: JSX.Element;
}) {
  const ctx = useGroup();
  return (
    <section aria-labelledby="group-page-title" class={`group-page ${props.class ?? ""}`}>
      <h1 id="group-page-title">{props.title(ctx.role.groupName)}</h1>
      <Show when={!props.adminOnly || ctx.role.isAdmin} fallback={<NotForYou />}>
        {props.children}
      </Show>
    </section>
  );
}

/** What someone without the group admin role sees on an admin page: where they can go instead. */
function NotForYou() {
  return (
    <>
      <p class="notice info">
        {t(
          "Dit onderdeel is alleen voor de privacyfunctionaris van de groep. Je kunt wel bij je eigen bedrijven:",
          "This part is for the group's privacy lead only. You can go to your own companies:",
        )}
      </p>
      <CompanyLinks />
    </>
  );
}

export function CompanyLinks() {
  const ctx = useGroup();
  return (
    <ul class="company-list">
      <For each={ctx.role.companies}>
        {(company) => (
          <li>
            <A href={`/console/${ctx.group}/companies/${company.slug}`} class="company-name">
              {company.name}
            </A>
          </li>
        )}
      </For>
    </ul>
  );
}
