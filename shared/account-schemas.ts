// Request bodies of the account API (issue 18, items 4 and 5): the account's own password,
// sessions and two-step sign-in, password-reset links, and the group's two-step policy. Shared by
// the worker (validation) and the console (forms check with the same rules before they send).
import * as v from "valibot";
import { NewPasswordSchema, PASSWORD_MAX } from "./api-schemas.ts";

/** The password the account has now: any length, so an old short one still gets "not correct". */
const CurrentPasswordSchema = v.pipe(
  v.string("must be a string"),
  v.minLength(1, "is required"),
  v.maxLength(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`),
);

export const PasswordChangeSchema = v.strictObject({
  currentPassword: CurrentPasswordSchema,
  newPassword: NewPasswordSchema,
});

/** Confirming a sensitive change to one's own account with the password. */
export const CurrentPasswordBodySchema = v.strictObject({ currentPassword: CurrentPasswordSchema });

/**
 * Starting an enrolment (an authenticator app or a passkey): signed in, with the current password;
 * during a sign-in whose group requires two steps, without (the password was just typed).
 */
export const EnrolmentStartSchema = v.strictObject({ currentPassword: v.optional(CurrentPasswordSchema) });

export const TotpCodeSchema = v.pipe(
  v.string("must be a string"),
  v.trim(),
  v.regex(/^\d{6}$/, "must be the 6 digits your authenticator app shows"),
);

/** 16 base32 characters, typed in any case, with or without dashes and spaces. */
export const RecoveryCodeSchema = v.pipe(
  v.string("must be a string"),
  v.transform((code) => code.toLowerCase().replace(/[\s-]/g, "")),
  v.regex(/^[a-z2-7]{16}$/, "must be one of your recovery codes, such as abcd-efgh-ijkl-mnop"),
);

export const TotpConfirmSchema = v.strictObject({ code: TotpCodeSchema });

/** The second step of a sign-in with a code: from the authenticator app, or a recovery code. */
export const SecondStepCodeSchema = v.variant("method", [
  v.strictObject({ method: v.literal("totp"), code: TotpCodeSchema }),
  v.strictObject({ method: v.literal("recovery_code"), code: RecoveryCodeSchema }),
]);

const Base64url = (max: number) =>
  v.pipe(
    v.string("must be a string"),
    v.regex(/^[A-Za-z0-9_-]+$/, "must be base64url"),
    v.maxLength(max, `must be at most ${max} characters`),
  );

export const PasskeyNameSchema = v.pipe(
  v.string("must be a string"),
  v.trim(),
  v.minLength(1, "is required"),
  v.maxLength(60, "must be at most 60 characters"),
);

/** navigator.credentials.create()'s answer, its binary parts in base64url. */
export const PasskeyRegistrationSchema = v.strictObject({
  name: PasskeyNameSchema,
  clientDataJSON: Base64url(4000),
  attestationObject: Base64url(16000),
});

/** navigator.credentials.get()'s answer, its binary parts in base64url. */
export const PasskeyAssertionSchema = v.strictObject({
  credentialId: Base64url(1400),
  clientDataJSON: Base64url(4000),
  authenticatorData: Base64url(4000),
  signature: Base64url(1000),
});

export const SessionHandleParamSchema = v.object({
  handle: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, "is not a session of yours")),
});

export const TWO_STEP_POLICIES = ["off", "admins", "everyone"] as const;
export type TwoStepPolicyValue = (typeof TWO_STEP_POLICIES)[number];

export const TwoStepPolicySchema = v.strictObject({
  twoStep: v.picklist(TWO_STEP_POLICIES, "must be off, admins or everyone"),
});

export const PasswordResetCreateSchema = v.strictObject({
  userId: v.pipe(v.number("must be a number"), v.integer("must be a whole number"), v.minValue(1)),
  /** Also remove the account's second steps: for someone who lost their phone and recovery codes. */
  removeTwoStep: v.optional(v.boolean("must be true or false"), false),
});

const ResetTokenSchema = v.pipe(
  v.string("must be a string"),
  v.regex(/^[a-z2-7]{20,64}$/, "is not a valid reset link"),
);

export const PasswordResetLookupSchema = v.strictObject({ token: ResetTokenSchema });

export const PasswordResetRedeemSchema = v.strictObject({
  token: ResetTokenSchema,
  password: NewPasswordSchema,
});
