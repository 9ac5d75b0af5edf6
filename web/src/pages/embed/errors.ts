// The embed page's words for what went wrong; the screens around them are the console's shared
// page states (components/PageStates.tsx).
import { ApiError } from "../../api.ts";
import { SESSION_EXPIRED, SESSION_EXPIRED_EN } from "../../components/PageStates.tsx";
import { t } from "../../i18n.ts";

/** A Dutch (or English) sentence for any failure, with what to do next where there is something. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return t(
      "Verklaring is niet bereikbaar. Controleer je internetverbinding en probeer het opnieuw.",
      "Verklaring could not be reached. Check your internet connection and try again.",
    );
  }
  if (error.status === 401) return t(SESSION_EXPIRED, SESSION_EXPIRED_EN);
  if (error.status === 403) {
    return t(
      "Je mag dit bedrijf bekijken maar niet wijzigen. Vraag een redacteur of de privacyfunctionaris.",
      "You may view this company but not change it. Ask an editor or the privacy lead.",
    );
  }
  if (error.status >= 500) {
    return t(
      "Er ging aan onze kant iets mis; we hebben het vastgelegd. Probeer het later opnieuw.",
      "Something went wrong on our side; it has been logged. Try again later.",
    );
  }
  return error.message;
}
