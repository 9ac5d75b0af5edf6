import { createEffect, createSignal, For, Show } from "solid-js";
import { createAsync, query, useLocation, useNavigate } from "@solidjs/router";
import { api, readJson } from "../api.ts";
import { ROLE_NL } from "../messages.ts";
import { getMe, type Me, signInPath, useSignOut } from "../session.ts";

const getTenants = query(
  async (group: string) => readJson(await api.api.groups[":group"].tenants.$get({ param: { group } })),
  "tenants",
);

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

function GroupCompanies(props: { slug: string; name: string }) {
  const data = createAsync(() => getTenants(props.slug));
  const headingId = () => `companies-${props.slug}`;
  return (
    <section aria-labelledby={headingId()} class="group-companies">
      <h2 id={headingId()}>Bedrijven in {props.name}</h2>
      <Show when={data()} fallback={<p class="loading">Laden…</p>}>
        {(result) => (
          <Show
            when={result().tenants.length > 0}
            fallback={<p>Je hebt in deze groep nog geen toegang tot een bedrijf.</p>}
          >
            <ul class="company-list">
              <For each={result().tenants}>
                {(tenant) => (
                  <li>
                    <span class="company-name">{tenant.name}</span>
                    {/* A group admin's role is the same everywhere and already said above. */}
                    <Show when={tenant.role !== "group_admin"}>
                      <span class="muted"> — jij bent {ROLE_NL[tenant.role]}</span>
                    </Show>
                    <br />
                    <a href={`/v1/statements/${props.slug}/${tenant.slug}`}>
                      Openbare privacyverklaring van {tenant.name}
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}

export default function Console() {
  const me = createAsync(() => getMe());
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useSignOut();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal("");

  createEffect(() => {
    if (me() === null) navigate(signInPath(location.pathname), { replace: true });
  });

  const signOutEverywhere = async () => {
    if (busy()) return;
    setBusy(true);
    setError("");
    try {
      await signOut({ everywhere: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : "Uitloggen is niet gelukt.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={me()}>
      {(current) => (
        <section aria-labelledby="console-title">
          <h1 id="console-title">Welkom, {current().user.name}</h1>
          <p class="muted">Je bent ingelogd als {current().user.email}.</p>

          <h2>Jouw toegang</h2>
          <Show
            when={current().memberships.length > 0}
            fallback={<p>Je hebt nog geen toegang tot een groep of bedrijf.</p>}
          >
            <ul class="memberships">
              <For each={current().memberships}>
                {(m) => (
                  <li>
                    <strong>{m.group.name}</strong>
                    <span> · {m.tenant ? m.tenant.name : "alle bedrijven"}</span>
                    <span> · {ROLE_NL[m.role]}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>

          <For each={byGroup(current().memberships)}>
            {(group) => <GroupCompanies slug={group.slug} name={group.name} />}
          </For>

          <section aria-labelledby="sessions-title" class="sessions">
            <h2 id="sessions-title">Sessies</h2>
            <p id="sign-out-everywhere-hint">
              Ben je ingelogd op een ander apparaat dat je niet meer gebruikt? Log dan overal uit, ook hier.
            </p>
            <div role="alert" class="notice error" classList={{ empty: !error() }}>
              {error()}
            </div>
            <button
              type="button"
              class="secondary"
              onClick={signOutEverywhere}
              aria-disabled={busy()}
              aria-describedby="sign-out-everywhere-hint"
            >
              {busy() ? "Bezig met uitloggen…" : "Overal uitloggen"}
            </button>
          </section>
        </section>
      )}
    </Show>
  );
}
