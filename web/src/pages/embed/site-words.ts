// The site monitor's words for the console (the embed page and the dashboard): states, how a page
// shows the statement, and what a check found, in Dutch and English. The API reports problems in
// English; each sentence it writes is recognised here, anything else is shown as it came.
import type { SiteDisplay, SiteState } from "#shared/site-schemas.ts";
import { language, t } from "../../i18n.ts";

const locale = (): string => (language() === "en" ? "en-GB" : "nl-NL");

/** "7 dec. 2026, 10:05" */
export function formatMoment(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** "3 maart 2026" */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long" }).format(date);
}

export function stateName(state: SiteState | null): string {
  switch (state) {
    case "current":
      return t("Actueel", "Current");
    case "outdated":
      return t("Verouderd", "Outdated");
    case "modified":
      return t("Gewijzigd", "Modified");
    case "missing":
      return t("Ontbreekt", "Missing");
    case "unreachable":
      return t("Onbereikbaar", "Unreachable");
    case null:
      return t("Nog niet gecontroleerd", "Not checked yet");
  }
}

/** The badge class of a state, in the console's colours. */
export const stateTone = (state: SiteState | null): string =>
  state === "current"
    ? "ok"
    : state === "outdated" || state === "modified"
      ? "warn"
      : state
        ? "bad"
        : "neutral";

export function displayName(display: SiteDisplay): string {
  switch (display) {
    case "link":
      return t("Link naar het openbare adres", "Link to the public address");
    case "fragment":
      return t("Ingevoegd op de server (fragment)", "Included on the server (fragment)");
    case "iframe":
      return t("Iframe", "Iframe");
    case "component":
      return t("Webcomponent <privacy-statement>", "Web component <privacy-statement>");
    case "copy":
      return t("Geplakte kopie van de tekst", "Pasted copy of the text");
  }
}

export const LANGUAGE_NAMES: Record<string, string> = { nl: "Nederlands", en: "English" };

const EVIDENCE: Record<string, [nl: string, en: string]> = {
  marker: ["herkend aan het kenmerk van Verklaring", "recognised by Verklaring's marker"],
  hash: ["herkend aan het controlegetal in de voettekst", "recognised by the content hash in the footer"],
  link: ["via de link naar het openbare adres", "through the link to the public address"],
  iframe: ["via het iframe", "through the iframe"],
  component: ["via de webcomponent", "through the web component"],
  text: ["herkend aan de tekst", "recognised by its text"],
};

export function evidenceName(evidence: string): string | null {
  const words = EVIDENCE[evidence];
  return words ? t(words[0], words[1]) : null;
}

/** A problem the API reported, in the console's language. */
export function describeProblem(problem: string): string {
  let m = /^HTTP (\d{3})(?: without a Location)?$/.exec(problem);
  if (m) return t(`De website antwoordde met HTTP ${m[1]}.`, `The website answered with HTTP ${m[1]}.`);
  m = /^no complete answer within ([\d.]+) s$/.exec(problem);
  if (m)
    return t(`Geen volledig antwoord binnen ${m[1]} seconden.`, `No complete answer within ${m[1]} seconds.`);
  m = /^more than (\d+) redirects$/.exec(problem);
  if (m) return t(`Meer dan ${m[1]} doorverwijzingen.`, `More than ${m[1]} redirects.`);
  m = /^not fetched: the address (\S+)(?: \(after \d+ redirects?\))? (.*)$/.exec(problem);
  if (m) {
    return t(
      `Niet opgehaald: ${m[1]} is geen adres op het openbare internet.`,
      `Not fetched: ${m[1]} ${m[2]}.`,
    );
  }
  m = /^request failed: (.*)$/.exec(problem);
  if (m) return t(`Het verzoek mislukte: ${m[1]}`, `The request failed: ${m[1]}`);
  if (problem.startsWith("the page is larger than 2 MB")) {
    return t(
      "De pagina is groter dan 2 MB; in de eerste 2 MB staat geen privacyverklaring.",
      "The page is larger than 2 MB; its first 2 MB show no privacy statement.",
    );
  }
  if (problem === "no version of the statement is in force yet") {
    return t("Er geldt nog geen versie van de verklaring.", "No version of the statement is in force yet.");
  }
  m = /^shown in "(\w+)", watched as "(\w+)"$/.exec(problem);
  if (m) {
    return t(
      `Getoond in het ${LANGUAGE_NAMES[m[1]!] ?? m[1]}, gecontroleerd als ${LANGUAGE_NAMES[m[2]!] ?? m[2]}.`,
      `Shown in ${LANGUAGE_NAMES[m[1]!] ?? m[1]}, watched as ${LANGUAGE_NAMES[m[2]!] ?? m[2]}.`,
    );
  }
  m = /^shows version (\d+), which takes effect on (\S+)$/.exec(problem);
  if (m) {
    return t(
      `Toont al versie ${m[1]}, die pas ingaat op ${formatDay(m[2])}.`,
      `Already shows version ${m[1]}, which takes effect on ${formatDay(m[2])}.`,
    );
  }
  const missing: Record<string, [string, string]> = {
    "no link to the statement's public address on the page": [
      "Geen link naar het openbare adres van de verklaring op de pagina.",
      "No link to the statement's public address on the page.",
    ],
    "no iframe showing the statement on the page": [
      "Geen iframe met de verklaring op de pagina.",
      "No iframe showing the statement on the page.",
    ],
    "no copy of a published version's text on the page": [
      "Geen kopie van de tekst van een gepubliceerde versie op de pagina.",
      "No copy of a published version's text on the page.",
    ],
  };
  const known = missing[problem];
  if (known) return t(known[0], known[1]);
  if (problem.startsWith("no statement fragment on the page")) {
    return t(
      "Geen fragment van de verklaring op de pagina: geen kenmerk van Verklaring en geen tekst van een gepubliceerde versie.",
      "No statement fragment on the page: no Verklaring marker and no text of a published version.",
    );
  }
  if (problem.startsWith("no <privacy-statement> element")) {
    return t(
      "Geen <privacy-statement>-element voor dit bedrijf met embed.js van Verklaring op de pagina.",
      "No <privacy-statement> element for this company with Verklaring's embed.js on the page.",
    );
  }
  return problem;
}

/** What a finding means, in one or two sentences; both versions named when the page is outdated. */
export function describeFinding(finding: {
  state: SiteState;
  shownVersion: number | null;
  versionInForce: number | null;
  outdatedSince: string | null;
  similarity: number | null;
  evidence: string;
}): string {
  const how = evidenceName(finding.evidence);
  const suffix = how ? ` (${how})` : "";
  switch (finding.state) {
    case "current":
      return t(
        `Toont versie ${finding.shownVersion}, de versie die geldt${suffix}.`,
        `Shows version ${finding.shownVersion}, the version in force${suffix}.`,
      );
    case "outdated":
      return t(
        `Toont versie ${finding.shownVersion}, maar versie ${finding.versionInForce} geldt sinds ${formatDay(finding.outdatedSince)}${suffix}.`,
        `Shows version ${finding.shownVersion}, but version ${finding.versionInForce} has been in force since ${formatDay(finding.outdatedSince)}${suffix}.`,
      );
    case "modified": {
      const share = Math.floor((finding.similarity ?? 0) * 100);
      return t(
        `Toont een aangepaste kopie: ${share}% van de tekst van versie ${finding.shownVersion} staat er ongewijzigd. Versie ${finding.versionInForce} geldt.`,
        `Shows a modified copy: ${share}% of version ${finding.shownVersion}'s text is there unchanged. Version ${finding.versionInForce} is in force.`,
      );
    }
    case "missing":
      return t("Er staat geen privacyverklaring op deze pagina.", "This page shows no privacy statement.");
    case "unreachable":
      return t("De pagina kon niet worden gelezen.", "The page could not be read.");
  }
}
