// The embed page's words for what went wrong; the screens around them are the console's shared
// page states (components/PageStates.tsx).
import { ApiError, NETWORK_ERROR, NETWORK_ERROR_EN } from "../../api.ts";
import { SESSION_EXPIRED, SESSION_EXPIRED_EN } from "../../components/PageStates.tsx";
import { t } from "../../i18n.ts";
import { INTERNAL_ERROR, INTERNAL_ERROR_EN } from "../../messages.ts";

/** A Dutch (or English) sentence for any failure, with what to do next where there is something. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof ApiError)) return t(NETWORK_ERROR, NETWORK_ERROR_EN);
  if (error.status === 401) return t(SESSION_EXPIRED, SESSION_EXPIRED_EN);
  if (error.status === 403) {
    return t(
      "Je mag dit bedrijf bekijken maar niet wijzigen. Vraag een redacteur of de privacyfunctionaris.",
      "You may view this company but not change it. Ask an editor or the privacy lead.",
    );
  }
  if (error.status >= 500) return t(INTERNAL_ERROR, INTERNAL_ERROR_EN);
  return error.message;
}
