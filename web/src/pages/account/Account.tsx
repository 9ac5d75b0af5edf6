// The account page (issue 18, items 4 and 5): change the password, see and end one's sessions,
// set up two-step sign-in (an authenticator app with a QR code drawn here, passkeys where the
// browser has them, recovery codes shown once), and for a privacy lead the group's two-step policy.
import { createEffect, createSignal, For, Show, startTransition } from "solid-js";
import { createAsync, revalidate, useAction, useLocation, useNavigate, useSubmission } from "@solidjs/router";
import * as v from "valibot";
import { PasswordChangeSchema } from "#shared/account-schemas.ts";
import { asApiError } from "../../api.ts";
import { Field } from "../../components/Field.tsx";
import { LoadBoundary } from "../../components/PageStates.tsx";
import { t } from "../../i18n.ts";
import { valibotFieldMessages, type FieldMessages } from "../../messages.ts";
import { getMe, refreshAfterSessionChange, signInPath, type SignInState } from "../../session.ts";
import { errorText, formatDateTime, formatShortDateTime } from "../group/group-text.ts";
import {
  changePassword,
  endOtherSessions,
  endSession,
  getAccount,
  getSessions,
  removePasskey,
  removeTotp,
  replaceRecoveryCodes,
  type AccountSession,
} from "./data.ts";
import { createNotice } from "./notice.ts";
import { PasswordConfirm } from "./PasswordConfirm.tsx";
import { RecoveryCodes } from "./RecoveryCodes.tsx";
import { TotpSetup } from "./TotpSetup.tsx";
import { TwoStepPolicy } from "./TwoStepPolicy.tsx";
import { isCancelled, passkeysSupported, registerPasskey } from "./webauthn.ts";
import "./account.css";

export default function AccountPage() {
  const me = createAsync(() => getMe());
  const navigate = useNavigate();
  const location = useLocation();
  createEffect(() => {
    if (me() === null) navigate(signInPath(location.pathname), { replace: true });
  });
  // By slug: the groups are fetched again after every change, and a policy form must stay as it is.
  const groupNames = () =>
    new Map(
      (me()?.memberships ?? [])
        .filter((m) => m.role === "group_admin")
        .map((m) => [m.group.slug, m.group.name]),
    );
  const leadOf = () => [...groupNames().keys()];
  return (
    <Show when={me()}>
      {(current) => (
        <section class="account narrow" aria-labelledby="account-title">
          <h1 id="account-title">{t("Je account", "Your account")}</h1>
          <p class="muted">
            {current().user.name} · {current().user.email}
          </p>
          <LoadBoundary describe={(e) => e.message}>
            <TwoStepSection />
            <PasswordSection />
            <SessionsSection />
            <Show when={leadOf().length > 0}>
              <section aria-labelledby="policy-title">
                <h2 id="policy-title">{t("Beleid van je groep", "Your group's policy")}</h2>
                <For each={leadOf()}>
                  {(slug) => <TwoStepPolicy group={slug} groupName={groupNames().get(slug) ?? slug} />}
                </For>
              </section>
            </Show>
          </LoadBoundary>
        </section>
      )}
    </Show>
  );
}

function PasswordSection() {
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const [fields, setFields] = createSignal<FieldMessages>({});
  const [alert, setAlert] = createSignal("");
  const [status, setStatus] = createNotice();
  const send = useAction(changePassword);
  const submission = useSubmission(changePassword);
  const busy = () => submission.pending === true;
  const inputs: Record<string, HTMLInputElement | undefined> = {};

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setAlert("");
    setStatus("");
    const parsed = v.safeParse(PasswordChangeSchema, { currentPassword: current(), newPassword: next() });
    if (!parsed.success) {
      const messages = valibotFieldMessages(parsed.issues);
      setFields(messages);
      inputs[Object.keys(messages)[0] ?? ""]?.focus();
      return;
    }
    setFields({});
    try {
      const result = await send(parsed.output.currentPassword, parsed.output.newPassword);
      setCurrent("");
      setNext("");
      setStatus(() =>
        t(
          `Je wachtwoord is gewijzigd. ${result.endedSessions === 1 ? "1 andere sessie is" : `${result.endedSessions} andere sessies zijn`} beëindigd.`,
          `Your password has been changed. ${result.endedSessions === 1 ? "1 other session was" : `${result.endedSessions} other sessions were`} ended.`,
        ),
      );
    } catch (error) {
      const apiError = asApiError(error);
      setFields(apiError.fields);
      setAlert(apiError.message);
      inputs[Object.keys(apiError.fields)[0] ?? ""]?.focus();
    }
  };

  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t("Wachtwoord wijzigen", "Change password")}</h2>
      <form class="form" novalidate onSubmit={onSubmit} aria-busy={busy()}>
        <div role="alert" class="notice error" classList={{ empty: !alert() }}>
          {alert()}
        </div>
        <p role="status" class="notice info" classList={{ empty: !status() }}>
          {status()}
        </p>
        <Field
          id="currentPassword"
          label={t("Huidig wachtwoord", "Current password")}
          type="password"
          autocomplete="current-password"
          value={current()}
          onInput={setCurrent}
          error={fields().currentPassword}
          ref={(el) => (inputs.currentPassword = el)}
        />
        <Field
          id="newPassword"
          label={t("Nieuw wachtwoord", "New password")}
          type="password"
          autocomplete="new-password"
          value={next()}
          onInput={setNext}
          error={fields().newPassword}
          hint={t(
            "Minstens 12 tekens. Je andere sessies worden beëindigd; deze blijft.",
            "At least 12 characters. Your other sessions end; this one stays.",
          )}
          ref={(el) => (inputs.newPassword = el)}
        />
        <button type="submit" class="primary" aria-disabled={busy()}>
          {busy() ? t("Bezig met wijzigen…", "Changing…") : t("Wachtwoord wijzigen", "Change password")}
        </button>
      </form>
    </section>
  );
}

/** "Firefox on Windows"-ish: the user agent's most telling parts, or the whole string. */
function describeBrowser(agent: string | null): string {
  if (!agent) return t("Onbekende browser", "Unknown browser");
  const browser = /(Edg|Firefox|Chrome|Safari)\/[\d.]+/.exec(agent)?.[1]?.replace("Edg", "Edge");
  const system = /(Windows|Mac OS X|Android|iPhone|iPad|Linux)/
    .exec(agent)?.[1]
    ?.replace("Mac OS X", "macOS");
  return browser ? (system ? t(`${browser} op ${system}`, `${browser} on ${system}`) : browser) : agent;
}

function SessionsSection() {
  const sessions = createAsync(() => getSessions());
  const navigate = useNavigate();
  const end = useAction(endSession);
  const endOthers = useAction(endOtherSessions);
  const ending = useSubmission(endSession);
  const endingOthers = useSubmission(endOtherSessions);
  const [alert, setAlert] = createSignal("");
  const [status, setStatus] = createNotice();

  const onEnd = async (session: AccountSession) => {
    if (ending.pending) return;
    setAlert("");
    setStatus("");
    try {
      await end(session.handle);
      if (session.current) {
        const state: SignInState = { notice: "signed-out" };
        await startTransition(() => navigate("/sign-in", { state }));
        await refreshAfterSessionChange();
        return;
      }
      setStatus(() => t("De sessie is beëindigd.", "The session has been ended."));
    } catch (error) {
      setAlert(errorText(error));
    }
  };

  const onEndOthers = async () => {
    if (endingOthers.pending) return;
    setAlert("");
    setStatus("");
    try {
      const result = await endOthers();
      setStatus(() =>
        t(`${result.endedSessions} sessie(s) beëindigd.`, `${result.endedSessions} session(s) ended.`),
      );
    } catch (error) {
      setAlert(errorText(error));
    }
  };

  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("Waar je bent ingelogd", "Where you are signed in")}</h2>
      <div role="alert" class="notice error" classList={{ empty: !alert() }}>
        {alert()}
      </div>
      <p role="status" class="notice info" classList={{ empty: !status() }}>
        {status()}
      </p>
      <ul class="session-list">
        <For each={sessions()?.sessions}>
          {(session) => (
            <li>
              <div>
                <strong>{describeBrowser(session.browser)}</strong>
                <Show when={session.current}>
                  {" "}
                  <span class="badge">{t("deze browser", "this browser")}</span>
                </Show>
                <br />
                <span class="muted">
                  {t("Ingelogd ", "Signed in ")}
                  {formatShortDateTime(session.createdAt)}
                  {t(" · verloopt ", " · expires ")}
                  {formatShortDateTime(session.expiresAt)}
                </span>
              </div>
              <button
                type="button"
                class="secondary"
                aria-disabled={ending.pending === true}
                aria-label={
                  session.current
                    ? t("Uitloggen (deze sessie beëindigen)", "Sign out (end this session)")
                    : t(
                        `Beëindigen: ${describeBrowser(session.browser)}, ingelogd ${formatShortDateTime(session.createdAt)}`,
                        `End: ${describeBrowser(session.browser)}, signed in ${formatShortDateTime(session.createdAt)}`,
                      )
                }
                onClick={() => void onEnd(session)}
              >
                {session.current ? t("Uitloggen", "Sign out") : t("Beëindigen", "End")}
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show when={(sessions()?.sessions.length ?? 0) > 1}>
        <button
          type="button"
          class="secondary"
          aria-disabled={endingOthers.pending === true}
          onClick={onEndOthers}
        >
          {endingOthers.pending
            ? t("Bezig…", "Working…")
            : t("Alle andere sessies beëindigen", "End every other session")}
        </button>
      </Show>
    </section>
  );
}

function TwoStepSection() {
  const account = createAsync(() => getAccount());
  const [settingUp, setSettingUp] = createSignal(false);
  const [codes, setCodes] = createSignal<string[] | null>(null);
  const [status, setStatus] = createNotice();
  const [passkeyName, setPasskeyName] = createSignal("");
  const removeApp = useAction(removeTotp);
  const newCodes = useAction(replaceRecoveryCodes);
  const dropPasskey = useAction(removePasskey);
  const twoStep = () => account()?.twoStep;
  let setupButton: HTMLButtonElement | undefined;

  const refresh = () => revalidate([getAccount.key, getMe.key]);

  const onEnrolled = (result: { recoveryCodes: string[] | null }) => {
    setSettingUp(false);
    setStatus(() => t("Inloggen in twee stappen staat aan.", "Two-step sign-in is on."));
    setCodes(result.recoveryCodes);
    void refresh();
  };

  return (
    <section aria-labelledby="two-step-title">
      <h2 id="two-step-title">{t("Inloggen in twee stappen", "Two-step sign-in")}</h2>
      <Show when={twoStep()}>
        {(state) => (
          <>
            <p>
              {state().enabled
                ? t(
                    "Staat aan: na je wachtwoord vragen we een code uit je app of een passkey.",
                    "On: after your password we ask for a code from your app or a passkey.",
                  )
                : t(
                    "Staat uit: je wachtwoord alleen geeft toegang. Zet een tweede stap aan, zodat een gestolen wachtwoord niet genoeg is.",
                    "Off: your password alone lets you in. Turn on a second step so a stolen password is not enough.",
                  )}
              <Show when={state().required}> {t("Je groep verplicht het.", "Your group requires it.")}</Show>
            </p>
            <p role="status" class="notice info" classList={{ empty: !status() }}>
              {status()}
            </p>
            <Show when={codes()}>
              {(shown) => (
                <RecoveryCodes
                  codes={shown()}
                  onDone={() => {
                    setCodes(null);
                    queueMicrotask(() => document.getElementById("two-step-title")?.focus());
                  }}
                />
              )}
            </Show>

            <h3>{t("Authenticator-app", "Authenticator app")}</h3>
            <Show
              when={state().totp}
              fallback={
                <Show
                  when={settingUp()}
                  fallback={
                    <button
                      type="button"
                      class="primary"
                      ref={setupButton}
                      aria-expanded="false"
                      onClick={() => {
                        setStatus("");
                        setSettingUp(true);
                        queueMicrotask(() => document.getElementById("totp-current-password")?.focus());
                      }}
                    >
                      {t("Authenticator-app instellen", "Set up an authenticator app")}
                    </button>
                  }
                >
                  <TotpSetup
                    enrolment={false}
                    onDone={onEnrolled}
                    onCancel={() => {
                      setSettingUp(false);
                      queueMicrotask(() => setupButton?.focus());
                    }}
                  />
                </Show>
              }
            >
              {(totp) => (
                <>
                  <p>
                    {t(
                      `Ingesteld op ${formatDateTime(totp().since)}.`,
                      `Set up on ${formatDateTime(totp().since)}.`,
                    )}
                  </p>
                  <PasswordConfirm
                    id="remove-totp"
                    danger
                    label={t("Authenticator-app verwijderen", "Remove the authenticator app")}
                    busyLabel={t("Bezig met verwijderen…", "Removing…")}
                    onConfirm={async (password) => {
                      await removeApp(password);
                      setStatus(() =>
                        t("De authenticator-app is verwijderd.", "The authenticator app has been removed."),
                      );
                    }}
                  />
                </>
              )}
            </Show>

            <h3>{t("Passkeys", "Passkeys")}</h3>
            <Show when={state().passkeys.length > 0}>
              <ul class="passkey-list">
                <For each={state().passkeys}>
                  {(passkey) => (
                    <li>
                      <div>
                        <strong>{passkey.name}</strong>
                        <br />
                        <span class="muted">
                          {t("Toegevoegd ", "Added ")}
                          {formatShortDateTime(passkey.createdAt)}
                          <Show when={passkey.lastUsedAt}>
                            {t(" · laatst gebruikt ", " · last used ")}
                            {formatShortDateTime(passkey.lastUsedAt)}
                          </Show>
                        </span>
                      </div>
                      <PasswordConfirm
                        id={`remove-passkey-${passkey.id}`}
                        danger
                        label={t(`Passkey ‘${passkey.name}’ verwijderen`, `Remove passkey ‘${passkey.name}’`)}
                        busyLabel={t("Bezig met verwijderen…", "Removing…")}
                        onConfirm={async (password) => {
                          await dropPasskey(passkey.id, password);
                          setStatus(() => t("De passkey is verwijderd.", "The passkey has been removed."));
                        }}
                      />
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show
              when={passkeysSupported()}
              fallback={
                <p class="muted">
                  {t(
                    "Deze browser ondersteunt geen passkeys. Gebruik een authenticator-app.",
                    "This browser does not support passkeys. Use an authenticator app.",
                  )}
                </p>
              }
            >
              <PasswordConfirm
                id="add-passkey"
                label={t("Passkey toevoegen", "Add a passkey")}
                busyLabel={t("Wacht op je passkey…", "Waiting for your passkey…")}
                check={() =>
                  passkeyName().trim() ? null : t("Geef de passkey een naam.", "Give the passkey a name.")
                }
                onConfirm={async (password) => {
                  try {
                    const result = await registerPasskey(passkeyName().trim(), password);
                    setPasskeyName("");
                    setStatus(() => t("De passkey is toegevoegd.", "The passkey has been added."));
                    setCodes(result.recoveryCodes);
                    await refresh();
                  } catch (error) {
                    if (isCancelled(error)) {
                      throw new Error(t("Het toevoegen is afgebroken.", "Adding the passkey was cancelled."));
                    }
                    throw error;
                  }
                }}
              >
                <Field
                  id="passkey-name"
                  label={t("Naam van de passkey", "Name of the passkey")}
                  hint={t(
                    "Bijvoorbeeld ‘Laptop werk’ of ‘Telefoon’.",
                    "For example ‘Work laptop’ or ‘Phone’.",
                  )}
                  value={passkeyName()}
                  onInput={setPasskeyName}
                />
              </PasswordConfirm>
            </Show>

            <Show when={state().enabled}>
              <h3>{t("Herstelcodes", "Recovery codes")}</h3>
              <p>
                {t(
                  `Je hebt nog ${state().recoveryCodesLeft} ongebruikte herstelcodes.`,
                  `You have ${state().recoveryCodesLeft} unused recovery codes left.`,
                )}
              </p>
              <PasswordConfirm
                id="new-recovery-codes"
                label={t("Nieuwe herstelcodes maken", "Make new recovery codes")}
                busyLabel={t("Bezig…", "Working…")}
                onConfirm={async (password) => {
                  const result = await newCodes(password);
                  setStatus(() =>
                    t("Je oude herstelcodes werken niet meer.", "Your old recovery codes no longer work."),
                  );
                  setCodes(result.recoveryCodes);
                }}
              />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
