// Cookies (Telecommunicatiewet art. 11.7a): the cookie list settles which cookies there are;
// tracking cookies need prior consent, and Google Analytics without consent only passes when
// the text shows the AP's privacy-friendly set-up.
import { findCue, hasCue, splitSentences } from "./cues.ts";
import { decide, foundOrHome, sectionsWhereText, type CheckContext, type Decision } from "./evidence.ts";

const TYPES = {
  nl: [
    "functionele",
    "analytische",
    "tracking",
    "marketingcookies",
    "advertentiecookies",
    "noodzakelijke cookies",
    "sessiecookie",
  ],
  en: [
    "functional",
    "analytic",
    "analytical",
    "tracking",
    "advertising cookies",
    "marketing cookies",
    "strictly necessary",
    "session cookie",
  ],
};
const TRACKING = {
  nl: ["tracking cookie", "trackingcookie", "marketingcookie", "advertentiecookie"],
  en: ["tracking cookie", "advertising cookie", "marketing cookie"],
};
const CONSENT = { nl: ["toestemming", "akkoord"], en: ["consent"] };
const ASKING = {
  nl: ["vragen wij uw toestemming", "met uw toestemming", "uw toestemming vragen"],
  en: ["ask for your consent", "with your consent"],
};

export function checkCookies(ctx: CheckContext): Decision {
  const { cookies } = ctx.content.lists;
  const cueSections = sectionsWhereText(ctx, (t) => hasCue(t, "cookie"));
  const sections = foundOrHome(ctx, "COOKIES", cueSections);
  const consentNear = ctx.sections.some(
    (s) => cueSections.includes(s.key) && findCue(s.text, CONSENT) !== null,
  );
  if (cookies.length > 0) {
    const tracking = cookies.filter((c) => c.category === "tracking");
    if (tracking.length > 0 && !consentNear) {
      return decide(
        "weak",
        `Tracking cookies (${tracking.map((c) => c.name).join(", ")}) vereisen voorafgaande toestemming, maar de tekst noemt geen toestemming.`,
        `Tracking cookies (${tracking.map((c) => c.name).join(", ")}) need prior consent, but the text says nothing about consent.`,
        sections,
      );
    }
    return decide(
      "present",
      `${cookies.length} cookie(s) met soort en doel vastgelegd.`,
      `${cookies.length} cookie(s) recorded with type and purpose.`,
      sections,
    );
  }
  if (cueSections.length === 0) {
    return decide(
      "not_applicable",
      "Geen cookies vastgelegd en de tekst noemt geen cookies.",
      "No cookies recorded and the text mentions none.",
      [],
    );
  }
  const text = ctx.sections
    .filter((s) => cueSections.includes(s.key))
    .map((s) => `${s.title}\n${s.text}`)
    .join("\n");
  if (findCue(text, TRACKING) !== null && findCue(text, CONSENT) === null) {
    return decide(
      "weak",
      "Tracking cookies worden genoemd zonder toestemming te vragen.",
      "Tracking cookies are mentioned without asking for consent.",
      sections,
    );
  }
  if (hasCue(text, "google analytics") && findCue(text, ASKING) === null && !isPrivacyFriendly(text)) {
    return decide(
      "weak",
      "Google Analytics zonder toestemming mag alleen privacyvriendelijk ingesteld (verwerkersovereenkomst, IP-adressen gemaskeerd, gegevens niet delen); dat staat er niet.",
      "Google Analytics without consent is allowed only when set up privacy-friendly (processor agreement, masked IP addresses, no data sharing); the text does not say so.",
      sections,
    );
  }
  if (findCue(text, TYPES) === null) {
    return decide(
      "weak",
      "Cookies worden genoemd, maar niet welke soorten (functioneel, analytisch, tracking) en waarvoor; leg ze vast in de cookielijst.",
      "Cookies are mentioned, but not which types (functional, analytic, tracking) and what for; record them in the cookie list.",
      sections,
    );
  }
  return decide(
    "present",
    "De tekst beschrijft de soorten cookies; leg ze vast in de cookielijst.",
    "The text describes the types of cookies; record them in the cookie list.",
    sections,
  );
}

function isPrivacyFriendly(text: string): boolean {
  const agreement =
    /verwerkersovereenkomst|bewerkersovereenkomst|processing agreement|processor agreement/.test(text);
  const masked = text
    .split("\n")
    .flatMap(splitSentences)
    .some((s) => /(?<![\p{L}])ip/u.test(s) && /gemaskeerd|anoniem|geanonimiseerd|masked|anonymi/.test(s));
  const notShared =
    /niet gedeeld|geen informatie gedeeld|not shared|data sharing (?:is )?(?:off|disabled)/.test(text);
  return agreement && masked && notShared;
}
