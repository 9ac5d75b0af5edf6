// Words for the group pages: roles, audit actions, conflicts and API errors in plain Dutch (and
// English when the console is switched), and dates as people read them.
import { ApiError, NETWORK_ERROR, NETWORK_ERROR_EN } from "../../api.ts";
import { language, t } from "../../i18n.ts";
import type { Role } from "../../messages.ts";

const locale = (): string => (language() === "en" ? "en-GB" : "nl-NL");

/** "22 november 2026 om 14:05" */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long", timeStyle: "short" }).format(date);
}

/** "22 nov 2026, 14:05": for tables, where space is short. */
export function formatShortDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** "22 nov 2026" */
export function formatShortDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium" }).format(date);
}

/** "22 november 2026" */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long" }).format(date);
}

export function roleName(role: string): string {
  switch (role as Role) {
    case "group_admin":
      return t("privacyfunctionaris van de groep", "group privacy lead");
    case "tenant_editor":
      return t("redacteur", "editor");
    case "tenant_viewer":
      return t("meelezer", "viewer");
    default:
      return role;
  }
}

export const ROLES: Role[] = ["group_admin", "tenant_editor", "tenant_viewer"];

/**
 * The actions in the members' sign-in log (a chain of its own, worker/auth/sign-in-events.ts):
 * never in the log of changes, so its filter offers only these.
 */
const SIGN_IN_ACTIONS: Record<string, [nl: string, en: string]> = {
  "auth.sign_in": ["Ingelogd", "Signed in"],
  "auth.sign_in_failed": ["Inloggen mislukt", "Failed sign-in"],
  "auth.sign_out": ["Uitgelogd", "Signed out"],
  "auth.sign_out_all": ["Overal uitgelogd", "Signed out everywhere"],
  "invitation.accept_failed": ["Uitnodiging accepteren mislukt", "Failed to accept an invitation"],
};

/** The actions in the group's log of changes, with what a person calls them. */
const CHANGE_ACTIONS: Record<string, [nl: string, en: string]> = {
  "invitation.created": ["Uitnodiging gemaakt", "Invitation created"],
  "invitation.accepted": ["Uitnodiging geaccepteerd", "Invitation accepted"],
  "invitation.revoked": ["Uitnodiging ingetrokken", "Invitation withdrawn"],
  "member.role_changed": ["Rol gewijzigd", "Role changed"],
  "baseline.draft_saved": ["Concept basisverklaring opgeslagen", "Baseline draft saved"],
  "baseline.published": ["Basisverklaring gepubliceerd", "Baseline published"],
  "draft.saved": ["Concept opgeslagen", "Draft saved"],
  "draft.imported": ["Verklaring geïmporteerd in het concept", "Statement imported into the draft"],
  "statement.published": ["Privacyverklaring gepubliceerd", "Statement published"],
  "statement.republished": [
    "Opnieuw gepubliceerd op de nieuwe basisverklaring",
    "Republished on the new baseline",
  ],
  "statement.restored": ["Oude versie teruggezet", "Earlier version restored"],
  "publish.requested": ["Publicatie aangevraagd", "Publish requested"],
  "publish.approved": ["Publicatie goedgekeurd", "Publish approved"],
  "publish.rejected": ["Publicatie afgewezen", "Publish rejected"],
  "publish.withdrawn": ["Publicatieverzoek ingetrokken", "Publish request withdrawn"],
  "settings.changed": ["Instelling gewijzigd", "Setting changed"],
  "processor.created": ["Verwerker toegevoegd", "Processor added"],
  "processor.updated": ["Verwerker gewijzigd", "Processor changed"],
  "webhook.created": ["Webhook toegevoegd", "Webhook added"],
  "webhook.disabled": ["Webhook uitgezet", "Webhook disabled"],
  "company.created": ["Bedrijf toegevoegd", "Company added"],
  "company.updated": ["Bedrijf gewijzigd", "Company changed"],
  "company.slug_changed": ["Adres van bedrijf gewijzigd", "Company address changed"],
  "company.archived": ["Bedrijf gearchiveerd", "Company archived"],
  "company.restored": ["Bedrijf teruggezet", "Company restored"],
  "company.deleted": ["Bedrijf verwijderd", "Company deleted"],
  "member.role_added": ["Rol toegevoegd", "Role added"],
  "member.role_removed": ["Rol weggehaald", "Role taken away"],
  "member.removed": ["Uit de groep gehaald", "Taken out of the group"],
  "processor.removed": ["Verwerker verwijderd", "Processor removed"],
  "site.watched": ["Websitepagina toegevoegd aan de controle", "Web page watched"],
  "site.unwatched": ["Websitepagina niet meer gecontroleerd", "Web page no longer watched"],
};

const ACTIONS = { ...SIGN_IN_ACTIONS, ...CHANGE_ACTIONS };

export type AuditLogName = "changes" | "sign-ins";

/** What each log can hold: its filter offers exactly these. */
export const ACTIONS_IN_LOG: Record<AuditLogName, string[]> = {
  changes: Object.keys(CHANGE_ACTIONS),
  "sign-ins": Object.keys(SIGN_IN_ACTIONS),
};

export function actionName(action: string): string {
  const words = ACTIONS[action];
  return words ? t(words[0], words[1]) : action;
}

const MODE: Record<string, [nl: string, en: string]> = {
  append: ["aanvullen", "extend"],
  replace: ["vervangen", "replace"],
  omit: ["weglaten", "omit"],
  inherit: ["overnemen", "inherit"],
};
const POLICY: Record<string, [nl: string, en: string]> = {
  locked: ["vergrendeld", "locked"],
  extendable: ["aan te vullen", "extendable"],
  replaceable: ["te vervangen", "replaceable"],
  optional: ["optioneel", "optional"],
};
const word = (table: Record<string, [string, string]>, key: string): string => {
  const entry = table[key];
  return entry ? t(entry[0], entry[1]) : key;
};

/**
 * A rollout conflict in plain words. The API explains conflicts in English; each of its four
 * sentences is recognised here, anything else is shown as the API wrote it.
 */
export function describeConflict(reason: string): string {
  let m = /^the baseline no longer has this section \(the company chose (\w+)\)$/.exec(reason);
  if (m) {
    return t(
      `De nieuwe basisverklaring heeft deze sectie niet meer, maar het bedrijf koos ervoor de tekst te ${word(MODE, m[1]!)}.`,
      `The new baseline no longer has this section, but the company chose to ${word(MODE, m[1]!)} its text.`,
    );
  }
  m = /^the section is now (\w+), which does not allow (\w+)$/.exec(reason);
  if (m) {
    return t(
      `De sectie is nu ${word(POLICY, m[1]!)}; het bedrijf mag de tekst daardoor niet meer ${word(MODE, m[2]!)}.`,
      `The section is now ${word(POLICY, m[1]!)}, so the company may no longer ${word(MODE, m[2]!)} its text.`,
    );
  }
  m = /^the baseline changed this section, which the company (replaced|extended)$/.exec(reason);
  if (m) {
    return m[1] === "replaced"
      ? t(
          "De basisverklaring wijzigde deze sectie, terwijl het bedrijf de tekst door een eigen tekst vervangt. Kijk of die eigen tekst nog klopt.",
          "The baseline changed this section, which the company replaces with its own text. Check that its own text still holds.",
        )
      : t(
          "De basisverklaring wijzigde deze sectie, terwijl het bedrijf er een eigen aanvulling onder heeft. Kijk of die aanvulling nog past.",
          "The baseline changed this section, to which the company adds its own text. Check that the addition still fits.",
        );
  }
  m = /^it follows "([^"]+)", which the baseline no longer has$/.exec(reason);
  if (m) {
    return t(
      `Deze eigen sectie van het bedrijf staat na de sectie „${m[1]}”, die niet meer in de basisverklaring staat.`,
      `This section of the company's own follows "${m[1]}", which the baseline no longer has.`,
    );
  }
  return reason;
}

/** The reason the API gives for a skipped or failed republish, in plain words. */
export function describeRepublishReason(
  reason: string | undefined,
  titleOf: (key: string) => string,
): string {
  if (!reason) return "";
  if (reason === "not outdated") return t("was al bijgewerkt", "was already up to date");
  if (/nothing new to publish/.test(reason)) return unchangedText();
  const m = /^conflicts in (.+)$/.exec(reason);
  if (m) {
    const sections = m[1]!.split(", ").map((key) => `„${titleOf(key)}”`);
    return t(`conflict in ${sections.join(", ")}`, `conflict in ${sections.join(", ")}`);
  }
  return reason;
}

export const unchangedText = (): string =>
  t(
    "de verklaring blijft woord voor woord gelijk, dus een nieuwe versie is niet nodig",
    "the statement stays the same word for word, so no new version is needed",
  );

/** A failed republish that only means there was nothing new to publish. */
export const isNothingNew = (reason: string | undefined): boolean =>
  !!reason && /nothing new to publish/.test(reason);

/** Dutch (or English) for the API errors these pages can meet; else the shared translation. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return error instanceof Error && error.message && !/fetch/i.test(error.message)
      ? error.message
      : t(NETWORK_ERROR, NETWORK_ERROR_EN);
  }
  switch (error.code) {
    case "self_approval":
      return t(
        "Je hebt deze publicatie zelf aangevraagd. Een andere privacyfunctionaris moet haar goedkeuren of afwijzen: vier ogen zien meer dan twee.",
        "You asked for this publish yourself. Another privacy lead must approve or reject it: four eyes see more than two.",
      );
    case "last_group_admin":
      return t(
        "Dit is de enige privacyfunctionaris van de groep. Een groep houdt er altijd minstens één: nodig eerst iemand anders uit als privacyfunctionaris en wijzig daarna deze rol.",
        "This is the group's only privacy lead. A group always keeps at least one: invite someone else as privacy lead first, then change this role.",
      );
    case "duplicate_membership":
      return t(
        "Deze persoon heeft daar al een rol. Wijzig die rol in plaats van een tweede te maken.",
        "This person already has a role there. Change that role instead of adding a second one.",
      );
    case "request_closed":
      return t(
        "Over dit verzoek is intussen al besloten. De lijst is bijgewerkt.",
        "This request was decided in the meantime. The list has been updated.",
      );
    case "request_not_found":
      return t("Dit publicatieverzoek bestaat niet (meer).", "This publish request no longer exists.");
    case "invitation_closed":
      return t(
        "Deze uitnodiging is intussen al gebruikt, ingetrokken of verlopen.",
        "This invitation has been used, withdrawn or has expired in the meantime.",
      );
    case "forbidden":
      return t("Dat mag je met jouw rol niet doen.", "Your role does not allow that.");
    case "publish_conflict":
      return t(
        "Op hetzelfde moment werd er al een versie gepubliceerd. Probeer het opnieuw.",
        "A version was published at the same moment. Try again.",
      );
    case "incomplete_statement":
      return t(
        "Wat gepubliceerd zou worden, mist nog wat de AVG vereist; het kan zo niet worden gepubliceerd.",
        "What would be published still misses what the GDPR requires; it cannot be published like this.",
      );
    case "legal_lint_errors":
      return t(
        "Wat gepubliceerd zou worden, bevat juridische fouten (zie het tabblad Controle bij het bedrijf); het kan zo niet worden gepubliceerd.",
        "What would be published has legal errors (see the company's Checks tab); it cannot be published like this.",
      );
    case "slug_taken":
      return t(
        "Dit adres is of was van een ander bedrijf van de groep. Websites linken ernaar, dus het blijft naar dat bedrijf verwijzen: kies een ander adres.",
        "This address is or was another company's in the group. Websites link to it, so it keeps pointing there: choose another address.",
      );
    case "company_published":
      return t(
        "Dit bedrijf heeft al gepubliceerd; die geschiedenis blijft openbaar. Archiveer het in plaats van het te verwijderen.",
        "This company has published; that history stays public. Archive it instead of deleting it.",
      );
    case "company_archived":
      return t(
        "Dit bedrijf is gearchiveerd. Zet het eerst terug om het te wijzigen.",
        "This company is archived. Restore it first to change it.",
      );
    case "company_not_archived":
      return t("Dit bedrijf is niet gearchiveerd.", "This company is not archived.");
    case "company_status_changed":
      return t(
        "Iemand anders wijzigde dit bedrijf op hetzelfde moment. De lijst is bijgewerkt; kijk en probeer het opnieuw.",
        "Someone else changed this company at the same moment. The list is updated; check and try again.",
      );
    case "processor_in_use": {
      const names = Object.entries(error.fields)
        .filter(([field]) => field.startsWith("usedBy."))
        .map(([, message]) => (message ?? "").replace(/ uses it$/, ""));
      // The API names the first ten companies that use it (the register's table gives the count).
      const more = names.length >= 10;
      return t(
        `Deze verwerker staat nog in de lijst met ontvangers van ${more ? "onder meer " : ""}${joinNames(names)}. Haal hem daar eerst weg.`,
        `This processor is still in the recipients of ${more ? "among others " : ""}${joinNames(names)}. Take it out there first.`,
      );
    }
    case "member_not_found":
      return t(
        "Deze persoon of rol is er (intussen) niet meer. De lijst is bijgewerkt.",
        "This person or role is no longer there. The list is updated.",
      );
    case "invalid_request":
      return error.message;
    default:
      return error.message;
  }
}

/** Every field issue in one sentence, for a form-wide alert. */
export function fieldText(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fields[field] : undefined;
}

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "A", "A en B", "A, B en C" (or "and" in English). */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")}${t(" en ", " and ")}${names.at(-1)}`;
}
