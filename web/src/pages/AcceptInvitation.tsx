import { createMemo, createSignal, Show, startTransition } from "solid-js";
import { A, createAsync, query, useLocation, useNavigate } from "@solidjs/router";
import * as v from "valibot";
import { InvitationAcceptSchema, InvitationLookupSchema, PASSWORD_MIN } from "#shared/api-schemas.ts";
import { api, ApiError, readJson, toApiError } from "../api.ts";
import { Field } from "../components/Field.tsx";
import { type FieldMessages, ROLE_NL, valibotFieldMessages } from "../messages.ts";
import { getMe, landingPath, refreshAfterSessionChange } from "../session.ts";

type Lookup = { ok: true; invitation: Awaited<ReturnType<typeof lookUp>> } | { ok: false; message: string };

const lookUp = async (token: string) => readJson(await api.api.invitations.lookup.$post({ json: { token } }));

/** The invitation behind a token; an invalid, used or expired one is an answer, not an error. */
const getInvitation = query(async (token: string): Promise<Lookup> => {
  try {
    return { ok: true, invitation: await lookUp(token) };
  } catch (error) {
    if (error instanceof ApiError && [400, 404, 410].includes(error.status)) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}, "invitation");

/** The token from `#token=…`: a fragment never reaches a server log or a Referer header. */
const tokenFromHash = (hash: string): string | null =>
  new URLSearchParams(hash.replace(/^#/, "")).get("token");

/** "redacteur van JCC Software binnen Conxillium", "privacyfunctionaris van de groep Conxillium". */
function invitationRole(invitation: Extract<Lookup, { ok: true }>["invitation"]): string {
  if (invitation.role === "group_admin" || !invitation.tenant) {
    return `${ROLE_NL.group_admin} ${invitation.group.name}`;
  }
  return `${ROLE_NL[invitation.role]} van ${invitation.tenant.name} binnen ${invitation.group.name}`;
}

const formatDate = (iso: string): string =>
  new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));

// The API ignores the name for an existing account, but its schema asks for one.
const EXISTING_ACCOUNT_NAME = "(bestaand account)";

export default function AcceptInvitation() {
  const location = useLocation();
  const token = createMemo(() => tokenFromHash(location.hash));
  const validToken = () => {
    const value = token();
    return value !== null && v.is(InvitationLookupSchema, { token: value }) ? value : null;
  };
  const lookup = createAsync(async (): Promise<Lookup> => {
    const value = validToken();
    if (value === null) {
      return {
        ok: false,
        message: token()
          ? "Deze uitnodigingslink is niet geldig. Controleer of je de hele link hebt gekopieerd."
          : "Deze link bevat geen uitnodiging. Open de link uit de uitnodigingsmail opnieuw.",
      };
    }
    return getInvitation(value);
  });

  return (
    <section aria-labelledby="invite-title" class="narrow">
      <h1 id="invite-title">Uitnodiging accepteren</h1>
      <Show when={lookup()} keyed>
        {(result) =>
          result.ok ? (
            <AcceptForm token={validToken()!} invitation={result.invitation} />
          ) : (
            <>
              <p role="alert" class="notice error">
                {result.message}
              </p>
              <p>
                Heb je al een account? <A href="/sign-in">Log dan in</A>.
              </p>
            </>
          )
        }
      </Show>
    </section>
  );
}

function AcceptForm(props: { token: string; invitation: Extract<Lookup, { ok: true }>["invitation"] }) {
  const navigate = useNavigate();
  const [name, setName] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [confirm, setConfirm] = createSignal("");
  const [fields, setFields] = createSignal<FieldMessages>({});
  const [alert, setAlert] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const inputs: Record<string, HTMLInputElement | undefined> = {};
  const hasAccount = () => props.invitation.hasAccount;

  const focusFirstInvalid = (messages: FieldMessages) => {
    const first = ["name", "password", "confirm"].find((field) => messages[field] && inputs[field]);
    if (first) inputs[first]?.focus();
  };

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert("");
    const body = {
      token: props.token,
      name: hasAccount() ? EXISTING_ACCOUNT_NAME : name(),
      password: password(),
    };
    const parsed = v.safeParse(InvitationAcceptSchema, body);
    const messages: FieldMessages = parsed.success ? {} : valibotFieldMessages(parsed.issues);
    if (!hasAccount() && !messages.password && confirm() !== password()) {
      messages.confirm = "De twee wachtwoorden zijn niet gelijk.";
    }
    if (!parsed.success || Object.keys(messages).length > 0) {
      setFields(messages);
      if (messages.token) setAlert(messages.token);
      focusFirstInvalid(messages);
      return;
    }
    setFields({});
    setBusy(true);
    try {
      const response = await api.api.invitations.accept.$post({ json: parsed.output });
      if (!response.ok) throw await toApiError(response);
      // The new member lands where they now work (see landingPath).
      await refreshAfterSessionChange();
      const target = landingPath(await getMe());
      await startTransition(() => navigate(target, { replace: true }));
    } catch (error) {
      if (error instanceof ApiError) {
        setFields(error.fields);
        setAlert(
          error.code === "invalid_credentials"
            ? "Dit e-mailadres heeft al een account. Vul het wachtwoord van dat account in."
            : error.message,
        );
        focusFirstInvalid(error.fields);
      } else {
        setAlert("Accepteren is niet gelukt. Controleer je internetverbinding en probeer het opnieuw.");
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p class="lead">Je bent uitgenodigd als {invitationRole(props.invitation)}.</p>
      <p class="muted">
        De uitnodiging is voor {props.invitation.email} en is geldig tot{" "}
        {formatDate(props.invitation.expiresAt)}.
      </p>
      <Show when={hasAccount()} fallback={<p>Kies je naam en een wachtwoord; daarmee log je voortaan in.</p>}>
        <p>
          Er is al een account met dit e-mailadres. Vul het wachtwoord van dat account in om de uitnodiging te
          accepteren.
        </p>
      </Show>
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        {alert()}
      </div>
      <form class="form" novalidate onSubmit={onSubmit} aria-busy={busy()}>
        {/* Lets password managers store the new password under the right address. */}
        <input type="hidden" name="username" autocomplete="username" value={props.invitation.email} />
        <Show when={!hasAccount()}>
          <Field
            id="name"
            label="Je naam"
            autocomplete="name"
            value={name()}
            onInput={setName}
            error={fields().name}
            ref={(el) => (inputs.name = el)}
          />
        </Show>
        <Field
          id="password"
          label={hasAccount() ? "Wachtwoord van je account" : "Nieuw wachtwoord"}
          type="password"
          autocomplete={hasAccount() ? "current-password" : "new-password"}
          hint={hasAccount() ? undefined : `Minstens ${PASSWORD_MIN} tekens.`}
          value={password()}
          onInput={setPassword}
          error={fields().password}
          ref={(el) => (inputs.password = el)}
        />
        <Show when={!hasAccount()}>
          <Field
            id="confirm"
            label="Herhaal het wachtwoord"
            type="password"
            autocomplete="new-password"
            value={confirm()}
            onInput={setConfirm}
            error={fields().confirm}
            ref={(el) => (inputs.confirm = el)}
          />
        </Show>
        <button type="submit" class="primary" aria-disabled={busy()}>
          {busy() ? "Bezig met accepteren…" : "Uitnodiging accepteren"}
        </button>
      </form>
    </>
  );
}
