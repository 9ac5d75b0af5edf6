// The AVG pages' words for what the API can answer (the import especially); the screens around
// them are the console's shared page states (components/PageStates.tsx).
import { NETWORK_ERROR, NETWORK_ERROR_EN, type ApiError } from "../../api.ts";
import { SESSION_EXPIRED, SESSION_EXPIRED_EN } from "../../components/PageStates.tsx";
import { t } from "../../i18n.ts";
import { INTERNAL_ERROR, INTERNAL_ERROR_EN } from "../../messages.ts";

/** The message for an API error in the console's language, with what to do about it. */
export function describeError(error: ApiError): string {
  switch (error.code) {
    case "network_error":
      return t(NETWORK_ERROR, NETWORK_ERROR_EN);
    case "unauthenticated":
      return t(SESSION_EXPIRED, SESSION_EXPIRED_EN);
    case "forbidden":
      return t(
        "Je mag dit niet wijzigen. Vraag een redacteur van dit bedrijf of de privacyfunctionaris.",
        "You may not change this. Ask an editor of this company or the privacy lead.",
      );
    case "baseline_not_found":
      return t(
        "De groep heeft nog geen basisverklaring gepubliceerd, dus er is nog niets om de tekst op af te stemmen. Vraag de privacyfunctionaris de basisverklaring te publiceren.",
        "The group has not published a baseline yet, so there is nothing to map the text onto. Ask the privacy lead to publish the baseline.",
      );
    case "draft_not_found":
      return t(
        "Dit bedrijf heeft nog geen concept. Open eerst de bedrijfspagina om er een te maken.",
        "This company has no draft yet. Open the company page first to create one.",
      );
    case "stale_revision":
      return t(
        "Het concept is gewijzigd terwijl je het voorstel bekeek.",
        "The draft changed while you reviewed the proposal.",
      );
    case "body_too_large":
      return t(
        "De tekst is te groot om te versturen (meer dan 1 MB). Importeer alleen de privacyverklaring zelf.",
        "The text is too large to send (over 1 MB). Import only the privacy statement itself.",
      );
    case "invalid_request":
      return t(
        `De tekst kon niet worden verwerkt: ${error.apiMessage}`,
        `The text could not be processed: ${error.apiMessage}`,
      );
    case "internal_error":
      return t(INTERNAL_ERROR, INTERNAL_ERROR_EN);
    default:
      return error.message;
  }
}
