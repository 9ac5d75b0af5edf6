import { createMemo, createSignal, Match, Show, startTransition, Switch } from "solid-js";
import {
  A,
  action,
  createAsync,
  query,
  reload,
  useAction,
  useLocation,
  useNavigate,
  useSubmission,
} from "@solidjs/router";
import * as v from "valibot";
import {
  InvitationAcceptSchema,
  InvitationLookupSchema,
  LoginSchema,
  PASSWORD_MIN,
} from "#shared/api-schemas.ts";
import { api, ApiError, readJson, toApiError } from "../api.ts";
import { Field } from "../components/Field.tsx";
import { type FieldMessages, ROLE_NL, valibotFieldMessages } from "../messages.ts";
import { getMe, landingPath, refreshAfterSessionChange, useSignOut } from "../session.ts";

type Invitation = Awaited<ReturnType<typeof lookUp>>;
type Lookup = { ok: true; invitation: Invitation } | { ok: false; message: string };

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
function invitationRole(invitation: Invitation): string {
  if (invitation.role === "group_admin" || !invitation.tenant) {
    return `${ROLE_NL.group_admin} ${invitation.group.name}`;
  }
  return `${ROLE_NL[invitation.role]} van ${invitation.tenant.name} binnen ${invitation.group.name}`;
}

const formatDate = (iso: string): string =>
  new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));

/** What the accept and sign-in answers mean here, in Dutch. */
function describeFailure(error: ApiError, invitation: Invitation): string {
  switch (error.code) {
    case "sign_in_required":
      return `${invitation.email} heeft al een account. Log hieronder in met het wachtwoord van dat account om de uitnodiging te accepteren.`;
    case "other_account":
      return `Je bent ingelogd met een ander account. Log uit om de uitnodiging voor ${invitation.email} te accepteren.`;
    default:
      return error.message;
  }
}

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
            <Accept token={validToken()!} invitation={result.invitation} />
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

/**
 * Who accepts decides the form: the invited account itself (signed in: one button), someone new
 * (name and password), or the invited account not signed in yet (its password signs in first;
 * accepting never checks a password itself).
 */
function Accept(props: { token: string; invitation: Invitation }) {
  const me = createAsync(() => getMe());
  const [hasAccount, setHasAccount] = createSignal(false);
  const [notice, setNotice] = createSignal("");
  return (
    <>
      <p class="lead">Je bent uitgenodigd als {invitationRole(props.invitation)}.</p>
      <p class="muted">
        De uitnodiging is voor {props.invitation.email} en is geldig tot{" "}
        {formatDate(props.invitation.expiresAt)}.
      </p>
      <Show when={me() !== undefined}>
        <Switch>
          <Match when={me()?.user.email === props.invitation.email}>
            <AcceptSignedIn token={props.token} invitation={props.invitation} />
          </Match>
          <Match when={me()}>
            {(signedIn) => <OtherAccount email={signedIn().user.email} invitation={props.invitation} />}
          </Match>
          <Match when={hasAccount()}>
            <SignInAndAccept
              token={props.token}
              invitation={props.invitation}
              notice={notice()}
              onNew={() => {
                setNotice("");
                setHasAccount(false);
              }}
            />
          </Match>
          <Match when={!hasAccount()}>
            <NewAccountForm
              token={props.token}
              invitation={props.invitation}
              onHasAccount={(message) => {
                setNotice(message);
                setHasAccount(true);
              }}
            />
          </Match>
        </Switch>
      </Show>
    </>
  );
}

type AcceptBody = v.InferOutput<typeof InvitationAcceptSchema> | { token: string };

/**
 * Accepts (with the session of the invited account, signing it in first when its password is
 * given, or creating it), then opens the console. Pending until the console shows, so the button
 * stays busy all that time.
 */
const acceptInvitation = action(
  async (
    token: string,
    body: AcceptBody,
    navigate: ReturnType<typeof useNavigate>,
    signInFirst?: v.InferOutput<typeof LoginSchema>,
  ) => {
    if (signInFirst) {
      const signedIn = await api.api.auth.login.$post({ json: signInFirst });
      if (!signedIn.ok) throw await toApiError(signedIn);
    }
    const response = await api.api.invitations.accept.$post({ json: { ...body, token } });
    if (!response.ok) throw await toApiError(response);
    // The new member lands where they now work (see landingPath).
    await refreshAfterSessionChange();
    const target = landingPath(await getMe());
    await startTransition(() => navigate(target, { replace: true }));
    // Everything was fetched again above, for the new member: nothing more to revalidate.
    return reload({ revalidate: [] });
  },
  "accept-invitation",
);

function useSubmit(token: string, invitation: Invitation) {
  const navigate = useNavigate();
  const [alert, setAlert] = createSignal("");
  const [fields, setFields] = createSignal<FieldMessages>({});
  const accept = useAction(acceptInvitation);
  const accepting = useSubmission(acceptInvitation);
  const busy = () => accepting.pending === true;
  const run = async (
    body: AcceptBody,
    options: { signInFirst?: v.InferOutput<typeof LoginSchema>; onError?: (error: ApiError) => boolean } = {},
  ) => {
    if (busy()) return;
    setAlert("");
    try {
      await accept(token, body, navigate, options.signInFirst);
    } catch (error) {
      if (error instanceof ApiError) {
        if (options.onError?.(error)) return;
        setFields(error.fields);
        setAlert(describeFailure(error, invitation));
      } else {
        setAlert("Accepteren is niet gelukt. Controleer je internetverbinding en probeer het opnieuw.");
      }
    }
  };
  return { alert, fields, setFields, busy, run };
}

function AlertRegion(props: { text: string }) {
  return (
    <div role="alert" class="notice error" classList={{ empty: !props.text }}>
      {props.text}
    </div>
  );
}

function AcceptSignedIn(props: { token: string; invitation: Invitation }) {
  const { alert, busy, run } = useSubmit(props.token, props.invitation);
  return (
    <>
      <p>
        Je bent ingelogd als {props.invitation.email}. Accepteer de uitnodiging om deze rol erbij te krijgen.
      </p>
      <AlertRegion text={alert()} />
      <button
        type="button"
        class="primary"
        aria-disabled={busy()}
        aria-busy={busy()}
        onClick={() => void run({ token: props.token })}
      >
        {busy() ? "Bezig met accepteren…" : `Accepteren als ${props.invitation.email}`}
      </button>
    </>
  );
}

function OtherAccount(props: { email: string; invitation: Invitation }) {
  const { signOut } = useSignOut();
  return (
    <>
      <p role="alert" class="notice error">
        Je bent ingelogd als {props.email}, maar deze uitnodiging is voor {props.invitation.email}. Log uit en
        open de link opnieuw om haar te accepteren.
      </p>
      <button type="button" onClick={() => void signOut()}>
        Uitloggen
      </button>
    </>
  );
}

function NewAccountForm(props: {
  token: string;
  invitation: Invitation;
  onHasAccount: (message: string) => void;
}) {
  const [name, setName] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [confirm, setConfirm] = createSignal("");
  const { alert, fields, setFields, busy, run } = useSubmit(props.token, props.invitation);
  const inputs: Record<string, HTMLInputElement | undefined> = {};
  const focusFirstInvalid = (messages: FieldMessages) => {
    const first = ["name", "password", "confirm"].find((field) => messages[field] && inputs[field]);
    if (first) inputs[first]?.focus();
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    // Name and password are optional in the schema (an existing account sends neither); here both are typed.
    const parsed = v.safeParse(InvitationAcceptSchema, {
      token: props.token,
      name: name(),
      password: password(),
    });
    const messages: FieldMessages = parsed.success ? {} : valibotFieldMessages(parsed.issues);
    if (!messages.password && confirm() !== password())
      messages.confirm = "De twee wachtwoorden zijn niet gelijk.";
    if (!parsed.success || Object.keys(messages).length > 0) {
      setFields(messages);
      focusFirstInvalid(messages);
      return;
    }
    setFields({});
    void run(parsed.output, {
      onError: (error) => {
        if (error.code !== "sign_in_required") return false;
        props.onHasAccount(describeFailure(error, props.invitation));
        return true;
      },
    });
  };

  return (
    <>
      <p>Kies je naam en een wachtwoord; daarmee log je voortaan in.</p>
      <AlertRegion text={alert()} />
      <form class="form" novalidate onSubmit={onSubmit} aria-busy={busy()}>
        {/* Lets password managers store the new password under the right address. */}
        <input type="hidden" name="username" autocomplete="username" value={props.invitation.email} />
        <Field
          id="name"
          label="Je naam"
          autocomplete="name"
          value={name()}
          onInput={setName}
          error={fields().name}
          ref={(el) => (inputs.name = el)}
        />
        <Field
          id="password"
          label="Nieuw wachtwoord"
          type="password"
          autocomplete="new-password"
          hint={`Minstens ${PASSWORD_MIN} tekens.`}
          value={password()}
          onInput={setPassword}
          error={fields().password}
          ref={(el) => (inputs.password = el)}
        />
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
        <button type="submit" class="primary" aria-disabled={busy()}>
          {busy() ? "Bezig met accepteren…" : "Uitnodiging accepteren"}
        </button>
      </form>
      <p>
        Heb je met {props.invitation.email} al een account?{" "}
        <button type="button" onClick={() => props.onHasAccount("")}>
          Log dan in om te accepteren
        </button>
      </p>
    </>
  );
}

/** The invited account signs in (throttled and logged like any sign-in), then accepts. */
function SignInAndAccept(props: {
  token: string;
  invitation: Invitation;
  notice: string;
  onNew: () => void;
}) {
  const [password, setPassword] = createSignal("");
  const { alert, fields, setFields, busy, run } = useSubmit(props.token, props.invitation);
  let input: HTMLInputElement | undefined;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = v.safeParse(LoginSchema, { email: props.invitation.email, password: password() });
    if (!parsed.success) {
      setFields(valibotFieldMessages(parsed.issues));
      input?.focus();
      return;
    }
    setFields({});
    void run({ token: props.token }, { signInFirst: parsed.output });
  };

  return (
    <>
      <Show when={props.notice} fallback={<p>Log in met het wachtwoord van {props.invitation.email}.</p>}>
        <p role="status" class="notice info">
          {props.notice}
        </p>
      </Show>
      <AlertRegion text={alert()} />
      <form class="form" novalidate onSubmit={onSubmit} aria-busy={busy()}>
        <input type="hidden" name="username" autocomplete="username" value={props.invitation.email} />
        <Field
          id="password"
          label="Wachtwoord van je account"
          type="password"
          autocomplete="current-password"
          value={password()}
          onInput={setPassword}
          error={fields().password}
          ref={(el) => (input = el)}
        />
        <button type="submit" class="primary" aria-disabled={busy()}>
          {busy() ? "Bezig met inloggen…" : "Inloggen en accepteren"}
        </button>
      </form>
      <p>
        <button type="button" onClick={() => props.onNew()}>
          Ik heb nog geen account
        </button>
      </p>
    </>
  );
}
