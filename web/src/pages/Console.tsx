// /console — the signed-in user's overview: their roles, every group with its companies (each
// name opening the company's pages, the group's name its dashboard for a privacy lead), the way
// to choose when someone works in several places, and signing out everywhere. A group's companies
// come a page at a time: a privacy lead of 10,000 companies does not wait for all of them (issue 20).
import { createEffect, createSignal, For, Show } from "solid-js";
import { A, createAsync, useLocation, useNavigate } from "@solidjs/router";
import { LoadBoundary } from "../components/PageStates.tsx";
import { createPagedList, ShowMore } from "../components/PagedList.tsx";
import { t } from "../i18n.ts";
import { getTenantsPage } from "./group/group-data.ts";
import { errorText, roleName } from "./group/group-text.ts";
import { getMe, type Me, signInPath, useSignOut } from "../session.ts";

type Membership = Me["memberships"][number];

/** The user's groups, in the order they first appear, each with its memberships. */
function byGroup(memberships: Membership[]) {
  const groups = new Map<string, { slug: string; name: string; memberships: Membership[] }>();
  for (const m of memberships) {
    const entry = groups.get(m.group.slug) ?? { ...m.group, memberships: [] };
    entry.memberships.push(m);
    groups.set(m.group.slug, entry);
  }
  return [...groups.values()];
}

function GroupCompanies(props: { slug: string; name: string; isAdmin: boolean }) {
  let list: HTMLUListElement | undefined;
  const paged = createPagedList(
    (after) => getTenantsPage(props.slug, after),
    (pages) => pages.reduce((n, page) => n + page.tenants.length, 0),
    (index) => list?.querySelectorAll<HTMLAnchorElement>("a.company-name")[index]?.focus(),
  );
  const data = () => {
    const pages = paged.pages();
    return pages && { tenants: pages.flatMap((page) => page.tenants) };
  };
  const headingId = () => `companies-${props.slug}`;
  return (
    <section aria-labelledby={headingId()} class="group-companies">
      <h2 id={headingId()}>
        {t("Bedrijven in ", "Companies in ")}
        <Show when={props.isAdmin} fallback={props.name}>
          <A href={`/console/${props.slug}`}>{props.name}</A>
        </Show>
      </h2>
      <Show
        when={(data()?.tenants.length ?? 0) > 0}
        fallback={
          <p>
            {t(
              "Je hebt in deze groep nog geen toegang tot een bedrijf.",
              "You have no access to a company in this group yet.",
            )}
          </p>
        }
      >
        <ul class="company-list" ref={list}>
          <For each={data()?.tenants}>
            {(tenant) => (
              <li>
                <A href={`/console/${props.slug}/companies/${tenant.slug}`} class="company-name">
                  {tenant.name}
                </A>
                {/* A group admin's role is the same everywhere and already said above. */}
                <Show when={tenant.role !== "group_admin"}>
                  <span class="muted">
                    {" "}
                    — {t("jij bent", "you are")} {roleName(tenant.role)}
                  </span>
                </Show>
                <br />
                {/* An archived company publishes no statement any more (its address says so). */}
                <Show
                  when={tenant.status === "active"}
                  fallback={<span class="muted">{t("gearchiveerd", "archived")}</span>}
                >
                  <a href={`/v1/statements/${props.slug}/${tenant.slug}`}>
                    {t(
                      `Openbare privacyverklaring van ${tenant.name}`,
                      `${tenant.name}'s public privacy statement`,
                    )}
                  </a>
                </Show>
              </li>
            )}
          </For>
        </ul>
        {/* Described by the group's heading: someone in several groups has one button per group. */}
        <ShowMore
          next={paged.next()}
          loading={paged.loadingMore()}
          onClick={paged.showMore}
          describedBy={headingId()}
        />
      </Show>
    </section>
  );
}

export default function Console() {
  const me = createAsync(() => getMe());
  const navigate = useNavigate();
  const location = useLocation();
  const { signOut, pending } = useSignOut();
  const [error, setError] = createSignal("");

  createEffect(() => {
    if (me() === null) navigate(signInPath(location.pathname), { replace: true });
  });

  const signOutEverywhere = async () => {
    if (pending()) return;
    setError("");
    try {
      await signOut({ everywhere: true });
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <Show when={me()}>
      {(current) => (
        <section aria-labelledby="console-title">
          <h1 id="console-title">{t(`Welkom, ${current().user.name}`, `Welcome, ${current().user.name}`)}</h1>
          <p class="muted">
            {t(
              `Je bent ingelogd als ${current().user.email}.`,
              `You are signed in as ${current().user.email}.`,
            )}
          </p>

          <h2>{t("Jouw toegang", "Your access")}</h2>
          <Show
            when={current().memberships.length > 0}
            fallback={
              <p>
                {t(
                  "Je hebt nog geen toegang tot een groep of bedrijf.",
                  "You have no access to a group or company yet.",
                )}
              </p>
            }
          >
            <ul class="memberships">
              <For each={current().memberships}>
                {(m) => (
                  <li>
                    <Show
                      when={m.tenant}
                      fallback={
                        <A href={`/console/${m.group.slug}`}>
                          <strong>{m.group.name}</strong> · {t("alle bedrijven", "every company")}
                        </A>
                      }
                    >
                      {(tenant) => (
                        <A href={`/console/${m.group.slug}/companies/${tenant().slug}`}>
                          <strong>{m.group.name}</strong> · {tenant().name}
                        </A>
                      )}
                    </Show>
                    <span> · {roleName(m.role)}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>

          <For each={byGroup(current().memberships)}>
            {(group) => (
              <LoadBoundary
                describe={errorText}
                part={{ nl: `de bedrijven van ${group.name}`, en: `${group.name}'s companies` }}
              >
                <GroupCompanies
                  slug={group.slug}
                  name={group.name}
                  isAdmin={group.memberships.some((m) => m.role === "group_admin")}
                />
              </LoadBoundary>
            )}
          </For>

          <section aria-labelledby="sessions-title" class="sessions">
            <h2 id="sessions-title">{t("Sessies", "Sessions")}</h2>
            <p id="sign-out-everywhere-hint">
              {t(
                "Ben je ingelogd op een ander apparaat dat je niet meer gebruikt? Log dan overal uit, ook hier.",
                "Signed in on another device you no longer use? Then sign out everywhere, here too.",
              )}
            </p>
            <div role="alert" class="notice error" classList={{ empty: !error() }}>
              {error()}
            </div>
            <button
              type="button"
              class="secondary"
              onClick={signOutEverywhere}
              aria-disabled={pending()}
              aria-describedby="sign-out-everywhere-hint"
            >
              {pending()
                ? t("Bezig met uitloggen…", "Signing out…")
                : t("Overal uitloggen", "Sign out everywhere")}
            </button>
          </section>
        </section>
      )}
    </Show>
  );
}
