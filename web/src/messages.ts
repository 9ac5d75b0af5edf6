// Dutch wording for what the API and the shared valibot schemas say in English. The console shows
// these; anything not listed here is shown as the API (or schema) wrote it.
import * as v from "valibot";
import { t } from "./i18n.ts";

export type Role = "group_admin" | "tenant_editor" | "tenant_viewer";

export const ROLE_NL: Record<Role, string> = {
  group_admin: "privacyfunctionaris van de groep",
  tenant_editor: "redacteur",
  tenant_viewer: "meelezer",
};

const minutes = (seconds: number): string => {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return n === 1 ? t("1 minuut", "1 minute") : t(`${n} minuten`, `${n} minutes`);
};

/** The Dutch message for an API error code, or the API's own message. */
export const INTERNAL_ERROR =
  "Er ging aan onze kant iets mis; we hebben het vastgelegd. Probeer het later opnieuw.";
export const INTERNAL_ERROR_EN = "Something went wrong on our side; it has been logged. Try again later.";

export function describeApiError(code: string, apiMessage: string, retryAfter: number | null): string {
  switch (code) {
    case "invalid_credentials":
      return t(
        "Het e-mailadres of het wachtwoord klopt niet.",
        "The e-mail address or the password is not right.",
      );
    case "too_many_attempts":
      return retryAfter === null
        ? t(
            "Te veel mislukte inlogpogingen. Probeer het later opnieuw.",
            "Too many failed sign-ins. Try again later.",
          )
        : t(
            `Te veel mislukte inlogpogingen. Probeer het over ${minutes(retryAfter)} opnieuw.`,
            `Too many failed sign-ins. Try again in ${minutes(retryAfter)}.`,
          );
    case "invalid_request":
      return t(
        "Niet alle velden zijn goed ingevuld. Kijk de gemarkeerde velden na.",
        "Not every field is filled in correctly. Check the marked fields.",
      );
    case "unauthenticated":
      return t("Log eerst in.", "Sign in first.");
    case "invitation_not_found":
      return t(
        "Deze uitnodigingslink is niet geldig. Controleer of je de hele link hebt gekopieerd.",
        "This invitation link is not valid. Check that you copied the whole link.",
      );
    case "invitation_accepted":
      return t(
        "Deze uitnodiging is al gebruikt. Vraag je privacyfunctionaris om een nieuwe.",
        "This invitation has been used already. Ask your privacy lead for a new one.",
      );
    case "invitation_revoked":
      return t(
        "Deze uitnodiging is ingetrokken. Vraag je privacyfunctionaris om een nieuwe.",
        "This invitation was withdrawn. Ask your privacy lead for a new one.",
      );
    case "invitation_expired":
      return t(
        "Deze uitnodiging is verlopen. Vraag je privacyfunctionaris om een nieuwe.",
        "This invitation has expired. Ask your privacy lead for a new one.",
      );
    case "invitation_closed":
      return t(
        "Deze uitnodiging is zojuist gebruikt of ingetrokken. Vraag je privacyfunctionaris om een nieuwe.",
        "This invitation was just used or withdrawn. Ask your privacy lead for a new one.",
      );
    case "cross_site_request":
      return t(
        "Dit verzoek kwam niet van deze website en is geweigerd.",
        "This request did not come from this website and was refused.",
      );
    case "wrong_password":
      return t("Je huidige wachtwoord klopt niet.", "Your current password is not correct.");
    case "invalid_code":
      return t(
        "Deze code klopt niet of is al gebruikt. Wacht op de volgende code in je app en probeer het opnieuw.",
        "This code is not correct or was used already. Wait for the next code in your app and try again.",
      );
    case "sign_in_expired":
      return t(
        "Deze inlogpoging is verlopen. Log opnieuw in met je e-mailadres en wachtwoord.",
        "This sign-in has expired. Sign in again with your e-mail address and password.",
      );
    case "enrolment_expired":
      return t(
        "Het instellen is verlopen. Begin opnieuw voor een nieuwe QR-code.",
        "The setup has expired. Start again for a new QR code.",
      );
    case "invalid_passkey":
      return t(
        "De passkey kon niet worden gecontroleerd. Probeer het opnieuw of gebruik een code.",
        "The passkey could not be verified. Try again or use a code.",
      );
    case "two_step_required":
      return t(
        "Je groep verplicht inloggen in twee stappen: voeg eerst een andere tweede stap toe.",
        "Your group requires two-step sign-in: add another second step first.",
      );
    case "reset_not_found":
      return t(
        "Deze resetlink is niet geldig. Controleer of je de hele link hebt gekopieerd.",
        "This reset link is not valid. Check that you copied the whole link.",
      );
    case "reset_closed":
      return t(
        "Deze resetlink is al gebruikt, vervangen of verlopen. Vraag je privacyfunctionaris om een nieuwe.",
        "This reset link has been used, replaced or has expired. Ask your privacy lead for a new one.",
      );
    case "internal_error":
      return t(INTERNAL_ERROR, INTERNAL_ERROR_EN);
    default:
      return apiMessage;
  }
}

const ISSUE_PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^is required$/, () => "Dit veld is verplicht."],
  [/^must be an e-mail address$/, () => "Vul een geldig e-mailadres in, zoals naam@bedrijf.nl."],
  [/^must be at least (\d+) characters$/, (m) => `Gebruik minstens ${m[1]} tekens.`],
  [/^must be at most (\d+) characters$/, (m) => `Gebruik hoogstens ${m[1]} tekens.`],
  [/^must be a string$/, () => "Dit veld is verplicht."],
  [/^is not correct$/, () => "Dit klopt niet."],
  [/^is not correct or was used already$/, () => "Deze code klopt niet of is al gebruikt."],
  [/^is not this account's password$/, () => "Dit is niet het wachtwoord van je account."],
  [/^is not a valid invitation token$/, () => "De uitnodigingslink is niet geldig."],
];

/** One field message in Dutch. */
export function translateIssue(message: string): string {
  for (const [pattern, nl] of ISSUE_PATTERNS) {
    const match = message.match(pattern);
    if (match) return nl(match);
  }
  return message;
}

/** The first message per field, in Dutch. */
export type FieldMessages = Partial<Record<string, string>>;

export function issuesToFieldMessages(issues: readonly { field: string; message: string }[]): FieldMessages {
  const fields: FieldMessages = {};
  for (const issue of issues) fields[issue.field] ??= translateIssue(issue.message);
  return fields;
}

/** Field messages from a failed `v.safeParse`, keyed like the API's issues (dot paths). */
export function valibotFieldMessages(issues: readonly v.BaseIssue<unknown>[]): FieldMessages {
  return issuesToFieldMessages(
    issues.map((issue) => ({
      field: v.getDotPath(issue) ?? "",
      message: issue.message,
    })),
  );
}
