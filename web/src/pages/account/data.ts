// What the account page reads and changes (issue 18, items 4 and 5): the account's two-step
// sign-in, its sessions, its password, and — for a privacy lead — the group's two-step policy.
// Queries are cached by the router; actions fetch the queries on screen again when they are done.
import { action, query } from "@solidjs/router";
import type { TwoStepPolicyValue } from "#shared/account-schemas.ts";
import { api, fetchJson } from "../../api.ts";

export const getAccount = query(() => fetchJson(() => api.api.account.$get()), "account");
export type Account = Awaited<ReturnType<typeof getAccount>>;

export const getSessions = query(() => fetchJson(() => api.api.account.sessions.$get()), "account-sessions");
export type AccountSession = Awaited<ReturnType<typeof getSessions>>["sessions"][number];

export const getSignInPolicy = query(
  (group: string) => fetchJson(() => api.api.groups[":group"]["sign-in-policy"].$get({ param: { group } })),
  "sign-in-policy",
);

export const changePassword = action(
  (currentPassword: string, newPassword: string) =>
    fetchJson(() => api.api.account.password.$post({ json: { currentPassword, newPassword } })),
  "account-change-password",
);

export const endSession = action(
  (handle: string) => fetchJson(() => api.api.account.sessions[":handle"].$delete({ param: { handle } })),
  "account-end-session",
);

export const endOtherSessions = action(
  () => fetchJson(() => api.api.account.sessions["end-others"].$post()),
  "account-end-other-sessions",
);

export const removeTotp = action(
  (currentPassword: string) =>
    fetchJson(() => api.api.account["two-step"].totp.$delete({ json: { currentPassword } })),
  "account-remove-totp",
);

export const replaceRecoveryCodes = action(
  (currentPassword: string) =>
    fetchJson(() => api.api.account["two-step"]["recovery-codes"].$post({ json: { currentPassword } })),
  "account-replace-recovery-codes",
);

export const removePasskey = action(
  (id: number, currentPassword: string) =>
    fetchJson(() =>
      api.api.account["two-step"].passkeys[":id"].$delete({
        param: { id: String(id) },
        json: { currentPassword },
      }),
    ),
  "account-remove-passkey",
);

export const saveSignInPolicy = action(
  (group: string, twoStep: TwoStepPolicyValue) =>
    fetchJson(() => api.api.groups[":group"]["sign-in-policy"].$put({ param: { group }, json: { twoStep } })),
  "save-sign-in-policy",
);

/**
 * Starting an authenticator app: signed in with the current password, or (no password) during a
 * sign-in whose group requires two steps. Not an action: nothing on screen changes until it is confirmed.
 */
export const startTotp = (currentPassword?: string) =>
  fetchJson(() =>
    api.api.account["two-step"].totp.$post({
      json: currentPassword === undefined ? {} : { currentPassword },
    }),
  );
export type TotpStart = Awaited<ReturnType<typeof startTotp>>;

export const confirmTotp = (code: string) =>
  fetchJson(() => api.api.account["two-step"].totp.confirm.$post({ json: { code } }));

/** What turning on a second step returns: recovery codes the first time, and whether it signed in. */
export interface EnrolmentResult {
  recoveryCodes: string[] | null;
  signedIn: boolean;
}
