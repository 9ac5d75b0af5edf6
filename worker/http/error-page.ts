// The small HTML page a browser gets instead of a JSON error. Its language follows the address: a
// public statement's URL is Dutch unless it asks ?lang=en, so a visitor who mistyped a Dutch
// company's address is not answered in English (issue 17, item 5); the API stays English.
import { html as markup } from "hono/html";
import { writeHtml } from "#shared/render/html-template.ts";
import type { ErrorBody } from "../errors.ts";

export type ErrorPageLanguage = "nl" | "en";

/** `?lang=` when it names nl or en; otherwise Dutch on the public statements, English elsewhere. */
export function chooseErrorPageLanguage(url: URL): ErrorPageLanguage {
  const asked = url.searchParams.get("lang");
  if (asked === "nl" || asked === "en") return asked;
  return url.pathname.startsWith("/v1/statements") ? "nl" : "en";
}

/** What a Dutch visitor reads for each error the public pages give; the English is the API's own message. */
const DUTCH: Record<string, string> = {
  group_not_found: "Deze groep publiceert hier geen privacyverklaringen. Controleer het adres.",
  tenant_not_found: "Dit bedrijf is bij deze groep niet bekend. Controleer het adres.",
  not_published: "Dit bedrijf heeft nog geen privacyverklaring gepubliceerd.",
  not_in_force:
    "Op dit moment (of op het gevraagde moment) is er nog geen versie van deze privacyverklaring van kracht.",
  version_not_found: "Deze versie van de privacyverklaring bestaat niet.",
  unknown_format: "Dit formaat wordt niet aangeboden. Kies .html, .json, .md of .txt.",
  not_found: "Deze pagina bestaat niet. Controleer het adres.",
};

const DUTCH_BY_STATUS = (status: number): string =>
  status === 429
    ? "Er komen te veel verzoeken binnen. Probeer het over een paar minuten opnieuw."
    : status >= 500
      ? "Er ging bij ons iets mis. Probeer het later opnieuw."
      : status === 404
        ? "Deze pagina bestaat niet. Controleer het adres."
        : "Dit verzoek kan niet worden beantwoord. Controleer het adres.";

const TITLE = { nl: "Niet gevonden", en: "Not found" } as const;

export function renderErrorPage({ error }: ErrorBody, language: ErrorPageLanguage): string {
  const message = language === "nl" ? (DUTCH[error.code] ?? DUTCH_BY_STATUS(error.status)) : error.message;
  const heading = error.status === 404 ? `${error.status} – ${TITLE[language]}` : String(error.status);
  const issues = (error.issues ?? []).map((i) => markup`<li><code>${i.field}</code>: ${i.message}</li>`);
  // The issues name fields of the request in the API's words; a Dutch page marks them as English.
  const list = issues.length > 0 ? markup`<ul lang="en">${issues}</ul>` : "";
  return writeHtml(
    markup`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${heading} – Verklaring</title></head><body><main><h1>${heading}</h1><p>${message}</p>${list}</main></body></html>`,
  );
}
