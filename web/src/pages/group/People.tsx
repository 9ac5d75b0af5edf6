// /console/:group/people — who has which role in the group (one account may hold roles in several
// companies), when each last signed in; changing, adding and taking away a role, taking someone out
// of the group (their sessions end), and inviting people. An invitation's link is shown once (the
// API keeps only its hash): copy it, or select it by hand.
import { createSignal, For, onMount, Show } from "solid-js";
import { createAsync, useAction, useSubmission } from "@solidjs/router";
import * as v from "valibot";
import { InvitationCreateSchema } from "#shared/api-schemas.ts";
import { ApiError } from "../../api.ts";
import { CompanyPicker } from "../../components/CompanyPicker.tsx";
import { Field } from "../../components/Field.tsx";
import { t } from "../../i18n.ts";
import type { Role } from "../../messages.ts";
import { GroupPage, useGroup, type GroupContext } from "./GroupLayout.tsx";
import {
  addRole,
  changeRole,
  createInvitation,
  removeRole,
  getInvitations,
  getMembers,
  revokeInvitation,
  type Invitation,
  type Member,
} from "./group-data.ts";
import { errorText, formatDate, formatDateTime, roleName, ROLES } from "./group-text.ts";

export default function PeoplePage() {
  const ctx = useGroup();
  return (
    <GroupPage title={() => t("Mensen", "People")} adminOnly>
      <People {...ctx} />
    </GroupPage>
  );
}

const companyRule = () =>
  t(
    "Kies een bedrijf: een redacteur of meelezer hoort bij één bedrijf.",
    "Choose a company: an editor or viewer belongs to one company.",
  );

function People(props: GroupContext) {
  const [notice, setNotice] = createSignal("");
  return (
    <>
      <p class="lead">
        {t(
          "Wie bij de groep kan, met welke rol. De privacyfunctionaris mag alles; een redacteur bewerkt en publiceert de verklaring van één bedrijf; een meelezer kijkt alleen mee.",
          "Who can reach the group, in which role. The privacy lead may do everything; an editor edits and publishes one company's statement; a viewer only reads.",
        )}
      </p>
      <div role="status" class="notice info" classList={{ empty: !notice() }}>
        {notice()}
      </div>
      <Members group={props.group} me={props.me.user.id} onNotice={setNotice} />
      <AddRole group={props.group} onNotice={setNotice} />
      <Invite group={props.group} />
      <Invitations group={props.group} onNotice={setNotice} />
    </>
  );
}

/** The company of a new role: an active one (a search first in a group of more than a page). */
function CompanySelect(props: {
  id: string;
  group: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  describedBy?: string | undefined;
  /** What the search field is for, e.g. "Zoek het bedrijf voor Anna". */
  searchLabel: string;
  hideSearchLabel?: boolean;
}) {
  return (
    <CompanyPicker {...props} noneLabel={t("— kies een bedrijf —", "— choose a company —")} activeOnly />
  );
}

function RoleSelect(props: { id: string; value: Role; onChange: (value: Role) => void }) {
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as Role)}>
      <For each={ROLES}>
        {(role) => (
          <option value={role} selected={role === props.value}>
            {roleName(role)}
          </option>
        )}
      </For>
    </select>
  );
}

function Members(props: { group: string; me: number; onNotice: (message: string) => void }) {
  const data = createAsync(() => getMembers(props.group));
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t("Leden", "Members")}</h2>
      <table class="data-table members-table">
        <thead>
          <tr>
            <th scope="col">{t("Naam", "Name")}</th>
            <th scope="col">{t("Rol", "Role")}</th>
            <th scope="col">{t("Laatst ingelogd", "Last signed in")}</th>
            <th scope="col">{t("Rol wijzigen", "Change role")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={data()?.members}>
            {(member) => (
              <MemberRow
                group={props.group}
                member={member}
                me={props.me}
                onlyRole={(data()?.members ?? []).filter((m) => m.user.id === member.user.id).length === 1}
                onNotice={props.onNotice}
              />
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

function MemberRow(props: {
  group: string;
  member: Member;
  me: number;
  /** Whether this is the person's only role in the group: taking it away takes them out. */
  onlyRole: boolean;
  onNotice: (message: string) => void;
}) {
  const m = () => props.member;
  const [role, setRole] = createSignal<Role>(m().role);
  const [tenant, setTenant] = createSignal(m().tenant?.slug ?? "");
  const [error, setError] = createSignal("");
  const [tenantError, setTenantError] = createSignal("");
  const saving = useSubmission(changeRole, ([, member]) => member === m().id);
  const sendRole = useAction(changeRole);
  const busy = () => saving.pending === true;
  const id = (part: string) => `member-${m().id}-${part}`;
  const describe = () =>
    m().tenant ? `${roleName(m().role)} ${t("van", "of")} ${m().tenant!.name}` : roleName(m().role);

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setError("");
    setTenantError("");
    const needsCompany = role() !== "group_admin";
    if (needsCompany && !tenant()) {
      setTenantError(companyRule());
      document.getElementById(id("tenant"))?.focus();
      return;
    }
    const next = { role: role(), ...(needsCompany ? { tenant: tenant() } : {}) };
    if (next.role === m().role && (next.tenant ?? null) === (m().tenant?.slug ?? null)) {
      setError(t("Dit is al de rol van deze persoon.", "This already is this person's role."));
      return;
    }
    try {
      const { member } = await sendRole(props.group, m().id, next);
      const now = member.tenant
        ? `${roleName(member.role)} ${t("van", "of")} ${member.tenant.name}`
        : roleName(member.role);
      props.onNotice(t(`${member.user.name} is nu ${now}.`, `${member.user.name} is now ${now}.`));
    } catch (err) {
      if (err instanceof ApiError && err.fields.tenant) setTenantError(companyRule());
      setError(errorText(err));
      // Put the form back to the role the person still has.
      if (err instanceof ApiError && err.code === "last_group_admin") {
        setRole(m().role);
        setTenant(m().tenant?.slug ?? "");
      }
    }
  };

  return (
    <tr data-member={m().id} data-email={m().user.email}>
      <th scope="row">
        {m().user.name}
        <Show when={m().user.id === props.me}>
          <span class="muted"> ({t("jij", "you")})</span>
        </Show>
        <br />
        <span class="muted">{m().user.email}</span>
      </th>
      <td data-label={t("Rol", "Role")}>{describe()}</td>
      <td data-label={t("Laatst ingelogd", "Last signed in")}>
        <Show when={m().user.lastSignInAt} fallback={<span class="muted">{t("nog nooit", "never")}</span>}>
          {(at) => <time datetime={at()}>{formatDateTime(at())}</time>}
        </Show>
      </td>
      <td data-label={t("Rol wijzigen", "Change role")}>
        <form
          class="inline-form"
          onSubmit={save}
          novalidate
          aria-label={t(`Rol van ${m().user.name}`, `${m().user.name}'s role`)}
        >
          <label for={id("role")} class="visually-hidden">
            {t(`Nieuwe rol voor ${m().user.name}`, `New role for ${m().user.name}`)}
          </label>
          <RoleSelect id={id("role")} value={role()} onChange={setRole} />
          <Show when={role() !== "group_admin"}>
            <label for={id("tenant")} class="visually-hidden">
              {t(`Bedrijf voor ${m().user.name}`, `Company for ${m().user.name}`)}
            </label>
            <CompanySelect
              id={id("tenant")}
              group={props.group}
              value={tenant()}
              onChange={setTenant}
              invalid={!!tenantError()}
              describedBy={tenantError() ? id("tenant-error") : undefined}
              searchLabel={t(
                `Zoek het bedrijf voor ${m().user.name}`,
                `Find the company for ${m().user.name}`,
              )}
              hideSearchLabel
            />
          </Show>
          <button type="submit" class="small" aria-disabled={busy()}>
            {t("Opslaan", "Save")}
          </button>
        </form>
        <Show when={tenantError()}>
          <p id={id("tenant-error")} class="field-error">
            {tenantError()}
          </p>
        </Show>
        <div role="alert" class="notice error" classList={{ empty: !error() }}>
          {error()}
        </div>
        <Show when={m().user.id !== props.me}>
          <RemoveRole
            group={props.group}
            member={m()}
            onlyRole={props.onlyRole}
            onNotice={props.onNotice}
            onError={setError}
          />
        </Show>
      </td>
    </tr>
  );
}

/**
 * Takes one role away, after a confirmation; the person's only role takes them out of the group,
 * and their sessions end (when no other group is left to them).
 */
function RemoveRole(props: {
  group: string;
  member: Member;
  onlyRole: boolean;
  onNotice: (message: string) => void;
  onError: (message: string) => void;
}) {
  const [confirming, setConfirming] = createSignal(false);
  const removing = useSubmission(removeRole, ([, member]) => member === props.member.id);
  const send = useAction(removeRole);
  const id = () => `member-${props.member.id}-remove`;
  const who = () => props.member.user.name;
  const role = () =>
    props.member.tenant
      ? `${roleName(props.member.role)} ${t("van", "of")} ${props.member.tenant.name}`
      : roleName(props.member.role);
  const remove = async () => {
    if (removing.pending) return;
    props.onError("");
    // Read before sending: the refreshed list drops this row, and what it says about the person
    // then no longer describes the role taken away.
    const name = who();
    const taken = role();
    try {
      // The person's only role takes them out of the group: the API answers which it did.
      const { leftGroup } = await send(props.group, props.member.id);
      props.onNotice(
        leftGroup
          ? t(
              `${name} is uit de groep gehaald en kan er vanaf nu niet meer bij.`,
              `${name} was taken out of the group and has no access from now on.`,
            )
          : t(`${name} is geen ${taken} meer.`, `${name} is no longer ${taken}.`),
      );
    } catch (error) {
      setConfirming(false);
      props.onError(errorText(error));
    }
  };
  return (
    <Show
      when={confirming()}
      fallback={
        <button
          type="button"
          class="danger small"
          onClick={() => {
            setConfirming(true);
            queueMicrotask(() => document.getElementById(id())?.focus());
          }}
        >
          {props.onlyRole
            ? t("Uit de groep halen…", "Take out of the group…")
            : t("Rol weghalen…", "Take role away…")}
          <span class="visually-hidden">
            {" "}
            {who()}, {role()}
          </span>
        </button>
      }
    >
      <p id={`${id()}-question`}>
        {props.onlyRole
          ? t(
              `${who()} uit de groep halen? Dit is hun enige rol; daarna kunnen ze niet meer bij deze groep (en wie in geen andere groep zit, wordt uitgelogd).`,
              `Take ${who()} out of the group? This is their only role; afterwards they have no access to this group (and whoever is in no other group is signed out).`,
            )
          : t(`${who()} is dan geen ${role()} meer.`, `${who()} will no longer be ${role()}.`)}
      </p>
      <div class="button-row">
        <button
          id={id()}
          type="button"
          class="danger small"
          aria-describedby={`${id()}-question`}
          aria-disabled={removing.pending === true}
          onClick={() => void remove()}
        >
          {props.onlyRole
            ? t("Ja, uit de groep halen", "Yes, take them out")
            : t("Ja, rol weghalen", "Yes, take it away")}
        </button>
        <button type="button" class="secondary small" onClick={() => setConfirming(false)}>
          {t("Annuleren", "Cancel")}
        </button>
      </div>
    </Show>
  );
}

/** Another role for someone already in the group, on the same account (no second invitation). */
function AddRole(props: { group: string; onNotice: (message: string) => void }) {
  const data = createAsync(() => getMembers(props.group));
  const people = () => {
    const seen = new Map<number, Member["user"]>();
    for (const member of data()?.members ?? []) seen.set(member.user.id, member.user);
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  };
  const [person, setPerson] = createSignal("");
  const [role, setRole] = createSignal<Role>("tenant_editor");
  const [tenant, setTenant] = createSignal("");
  const [fields, setFields] = createSignal<Partial<Record<"person" | "tenant", string>>>({});
  const [alert, setAlert] = createSignal("");
  const adding = useSubmission(addRole);
  const send = useAction(addRole);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (adding.pending) return;
    setAlert("");
    const messages: Partial<Record<"person" | "tenant", string>> = {};
    if (!person()) messages.person = t("Kies een persoon.", "Choose a person.");
    if (role() !== "group_admin" && !tenant()) messages.tenant = companyRule();
    setFields(messages);
    if (messages.person) return document.getElementById("add-role-person")?.focus();
    if (messages.tenant) return document.getElementById("add-role-tenant")?.focus();
    try {
      const { member } = await send(props.group, {
        user: Number(person()),
        role: role(),
        ...(role() !== "group_admin" ? { tenant: tenant() } : {}),
      });
      const now = member.tenant
        ? `${roleName(member.role)} ${t("van", "of")} ${member.tenant.name}`
        : roleName(member.role);
      props.onNotice(t(`${member.user.name} is nu ook ${now}.`, `${member.user.name} is now also ${now}.`));
      setTenant("");
    } catch (error) {
      if (error instanceof ApiError && error.fields.tenant) setFields({ tenant: companyRule() });
      setAlert(errorText(error));
    }
  };

  return (
    <section aria-labelledby="add-role-title">
      <h2 id="add-role-title">{t("Een rol erbij geven", "Give someone another role")}</h2>
      <p class="hint">
        {t(
          "Voor iemand die al in de groep zit, bijvoorbeeld een redacteur die ook een tweede bedrijf gaat doen. Hetzelfde account, geen nieuwe uitnodiging.",
          "For someone already in the group, an editor who takes on a second company for example. The same account, no new invitation.",
        )}
      </p>
      <form class="form narrow" onSubmit={submit} novalidate>
        <div role="alert" class="notice error" classList={{ empty: !alert() }}>
          {alert()}
        </div>
        <div class="field" classList={{ invalid: !!fields().person }}>
          <label for="add-role-person">{t("Persoon", "Person")}</label>
          <select
            id="add-role-person"
            value={person()}
            onChange={(e) => setPerson(e.currentTarget.value)}
            aria-invalid={fields().person ? "true" : undefined}
            aria-describedby={fields().person ? "add-role-person-error" : undefined}
          >
            <option value="">{t("— kies een persoon —", "— choose a person —")}</option>
            <For each={people()}>
              {(user) => (
                <option value={String(user.id)} selected={String(user.id) === person()}>
                  {user.name} ({user.email})
                </option>
              )}
            </For>
          </select>
          <Show when={fields().person}>
            <p id="add-role-person-error" class="field-error">
              {fields().person}
            </p>
          </Show>
        </div>
        <div class="field">
          <label for="add-role-role">{t("Welke rol", "Which role")}</label>
          <RoleSelect id="add-role-role" value={role()} onChange={setRole} />
        </div>
        <Show when={role() !== "group_admin"}>
          <div class="field" classList={{ invalid: !!fields().tenant }}>
            <label for="add-role-tenant">{t("In welk bedrijf", "In which company")}</label>
            <CompanySelect
              id="add-role-tenant"
              group={props.group}
              value={tenant()}
              onChange={setTenant}
              invalid={!!fields().tenant}
              describedBy={fields().tenant ? "add-role-tenant-error" : undefined}
              searchLabel={t("Zoek het bedrijf (naam of adres)", "Find the company (name or address)")}
            />
            <Show when={fields().tenant}>
              <p id="add-role-tenant-error" class="field-error">
                {fields().tenant}
              </p>
            </Show>
          </div>
        </Show>
        <button type="submit" class="primary" aria-disabled={adding.pending === true}>
          {t("Rol geven", "Give role")}
        </button>
      </form>
    </section>
  );
}

interface Created {
  email: string;
  acceptUrl: string;
  expiresAt: string;
}

function Invite(props: { group: string }) {
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<Role>("tenant_editor");
  const [tenant, setTenant] = createSignal("");
  const [fields, setFields] = createSignal<Partial<Record<string, string>>>({});
  const [alert, setAlert] = createSignal("");
  const inviting = useSubmission(createInvitation);
  const sendInvitation = useAction(createInvitation);
  const busy = () => inviting.pending === true;
  const [created, setCreated] = createSignal<Created | null>(null);
  let emailInput: HTMLInputElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert("");
    const body = {
      email: email(),
      role: role(),
      ...(role() !== "group_admin" && tenant() ? { tenant: tenant() } : {}),
    };
    const parsed = v.safeParse(InvitationCreateSchema, body);
    const messages: Partial<Record<string, string>> = {};
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        const field = v.getDotPath(issue) ?? "";
        if (field === "email") {
          messages.email ??= t(
            "Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.",
            "Enter a valid e-mail address, such as name@company.com.",
          );
        } else if (field === "tenant") messages.tenant ??= companyRule();
      }
    }
    if (role() !== "group_admin" && !tenant()) messages.tenant = companyRule();
    setFields(messages);
    if (!parsed.success || Object.keys(messages).length > 0) {
      if (messages.email) emailInput?.focus();
      else document.getElementById("invite-tenant")?.focus();
      return;
    }
    try {
      const result = await sendInvitation(props.group, parsed.output);
      setCreated({
        email: result.invitation.email,
        acceptUrl: result.acceptUrl,
        expiresAt: result.invitation.expiresAt,
      });
      setEmail("");
      setTenant("");
    } catch (err) {
      if (err instanceof ApiError) {
        setFields({
          ...(err.fields.email ? { email: err.fields.email } : {}),
          ...(err.fields.tenant ? { tenant: companyRule() } : {}),
        });
      }
      setAlert(errorText(err));
    }
  };

  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{t("Iemand uitnodigen", "Invite someone")}</h2>
      <Show when={created()} keyed>
        {(invitation) => <InvitationLink invitation={invitation} onClose={() => setCreated(null)} />}
      </Show>
      <form class="form narrow" onSubmit={submit} novalidate>
        <div role="alert" class="notice error" classList={{ empty: !alert() }}>
          {alert()}
        </div>
        <Field
          id="invite-email"
          label={t("E-mailadres", "E-mail address")}
          type="email"
          autocomplete="off"
          value={email()}
          onInput={setEmail}
          error={fields().email}
          ref={(el) => (emailInput = el)}
        />
        <div class="field">
          <label for="invite-role">{t("Rol", "Role")}</label>
          <RoleSelect id="invite-role" value={role()} onChange={setRole} />
        </div>
        <Show when={role() !== "group_admin"}>
          <div class="field" classList={{ invalid: !!fields().tenant }}>
            <label for="invite-tenant">{t("Bedrijf", "Company")}</label>
            <CompanySelect
              id="invite-tenant"
              group={props.group}
              value={tenant()}
              onChange={setTenant}
              invalid={!!fields().tenant}
              describedBy={fields().tenant ? "invite-tenant-error" : undefined}
              searchLabel={t("Zoek het bedrijf (naam of adres)", "Find the company (name or address)")}
            />
            <Show when={fields().tenant}>
              <p id="invite-tenant-error" class="field-error">
                {fields().tenant}
              </p>
            </Show>
          </div>
        </Show>
        <button type="submit" class="primary" aria-disabled={busy()}>
          {busy() ? t("Bezig…", "Working…") : t("Uitnodiging maken", "Create invitation")}
        </button>
      </form>
    </section>
  );
}

/** The link, once: in a read-only field (selected, so it can be copied by hand) with a copy button. */
function InvitationLink(props: { invitation: Created; onClose: () => void }) {
  const [copyState, setCopyState] = createSignal<"" | "copied" | "failed">("");
  let input: HTMLInputElement | undefined;

  const selectLink = () => {
    input?.focus();
    input?.select();
  };
  // Shown once: put it in the hands of the keyboard and the clipboard shortcut straight away.
  onMount(selectLink);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(props.invitation.acceptUrl);
      setCopyState("copied");
    } catch {
      selectLink();
      setCopyState("failed");
    }
  };

  return (
    <div class="once" role="region" aria-labelledby="invite-link-title">
      <h3 id="invite-link-title">
        {t(
          `Uitnodiging voor ${props.invitation.email} is klaar`,
          `Invitation for ${props.invitation.email} is ready`,
        )}
      </h3>
      <p id="invite-link-hint">
        {t(
          `Stuur deze link zelf naar ${props.invitation.email}. Hij werkt één keer en verloopt op ${formatDateTime(props.invitation.expiresAt)}. De link wordt maar één keer getoond: daarna kan niemand hem nog inzien, ook jij niet.`,
          `Send this link to ${props.invitation.email} yourself. It works once and expires on ${formatDateTime(props.invitation.expiresAt)}. It is shown only this once: afterwards nobody can see it again, you included.`,
        )}
      </p>
      <div class="field">
        <label for="invite-link">{t("Uitnodigingslink", "Invitation link")}</label>
        <input
          id="invite-link"
          type="text"
          readOnly
          value={props.invitation.acceptUrl}
          aria-describedby="invite-link-hint"
          ref={input}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div class="button-row">
        <button type="button" class="primary" onClick={() => void copy()}>
          {t("Link kopiëren", "Copy link")}
        </button>
        <button type="button" class="secondary" onClick={() => props.onClose()}>
          {t("Klaar, verbergen", "Done, hide it")}
        </button>
      </div>
      <p role="status" class="copy-status">
        {copyState() === "copied"
          ? t("Gekopieerd naar het klembord.", "Copied to the clipboard.")
          : copyState() === "failed"
            ? t(
                "Automatisch kopiëren lukte niet. De link staat geselecteerd in het veld hierboven: kopieer hem met Ctrl+C (op een Mac: Cmd+C).",
                "Copying automatically did not work. The link is selected in the field above: copy it with Ctrl+C (on a Mac: Cmd+C).",
              )
            : ""}
      </p>
    </div>
  );
}

const STATUS: Record<Invitation["status"], { nl: string; en: string; tone: string }> = {
  pending: { nl: "Open", en: "Open", tone: "info" },
  accepted: { nl: "Geaccepteerd", en: "Accepted", tone: "ok" },
  expired: { nl: "Verlopen", en: "Expired", tone: "neutral" },
  revoked: { nl: "Ingetrokken", en: "Withdrawn", tone: "neutral" },
};

function Invitations(props: { group: string; onNotice: (message: string) => void }) {
  const data = createAsync(() => getInvitations(props.group));
  const [error, setError] = createSignal("");
  const revoking = useSubmission(revokeInvitation);
  const sendRevoke = useAction(revokeInvitation);
  const busy = () => (revoking.pending ? (revoking.input?.[1] ?? null) : null);

  const revoke = async (invitation: Invitation) => {
    if (busy() !== null) return;
    setError("");
    try {
      await sendRevoke(props.group, invitation.id);
      props.onNotice(
        t(
          `De uitnodiging voor ${invitation.email} is ingetrokken.`,
          `The invitation for ${invitation.email} is withdrawn.`,
        ),
      );
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t("Uitnodigingen", "Invitations")}</h2>
      <div role="alert" class="notice error" classList={{ empty: !error() }}>
        {error()}
      </div>
      <Show
        when={(data()?.invitations.length ?? 0) > 0}
        fallback={<p>{t("Nog niemand uitgenodigd.", "Nobody invited yet.")}</p>}
      >
        <table class="data-table invitations-table">
          <thead>
            <tr>
              <th scope="col">{t("E-mailadres", "E-mail address")}</th>
              <th scope="col">{t("Rol", "Role")}</th>
              <th scope="col">{t("Status", "Status")}</th>
              <th scope="col">{t("Gemaakt / verloopt", "Created / expires")}</th>
              <th scope="col">
                <span class="visually-hidden">{t("Acties", "Actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={data()?.invitations}>
              {(invitation) => (
                <tr
                  data-invitation={invitation.id}
                  data-email={invitation.email}
                  data-status={invitation.status}
                >
                  <th scope="row">{invitation.email}</th>
                  <td data-label={t("Rol", "Role")}>
                    {roleName(invitation.role)}
                    <Show when={invitation.tenant}>
                      {(tenant) => (
                        <>
                          {" "}
                          {t("van", "of")} {tenant().name}
                        </>
                      )}
                    </Show>
                  </td>
                  <td data-label={t("Status", "Status")}>
                    <span class={`badge ${STATUS[invitation.status].tone}`}>
                      {t(STATUS[invitation.status].nl, STATUS[invitation.status].en)}
                    </span>
                  </td>
                  <td data-label={t("Gemaakt / verloopt", "Created / expires")}>
                    {formatDate(invitation.createdAt)}
                    <br />
                    <span class="muted">
                      {invitation.status === "pending"
                        ? t(
                            `verloopt ${formatDateTime(invitation.expiresAt)}`,
                            `expires ${formatDateTime(invitation.expiresAt)}`,
                          )
                        : invitation.status === "expired"
                          ? t(
                              `verlopen ${formatDateTime(invitation.expiresAt)}`,
                              `expired ${formatDateTime(invitation.expiresAt)}`,
                            )
                          : ""}
                    </span>
                  </td>
                  <td>
                    <Show when={invitation.status === "pending"}>
                      <button
                        type="button"
                        class="danger small"
                        aria-disabled={busy() === invitation.id}
                        onClick={() => void revoke(invitation)}
                      >
                        {t("Intrekken", "Withdraw")}
                        <span class="visually-hidden"> {invitation.email}</span>
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
