// Company details found in imported text, as suggestions only. Each carries the words it was
// read from, so the editor sees that "privacy@jccsoftware.nl" came from "Voor vragen … kunt u
// contact met ons opnemen via privacy@jccsoftware.nl", and accepts it — or not — field by field.
// Nothing here changes a profile: a guessed name from one company's text must never rename
// another company. Only values the profile schema accepts are suggested.
import * as v from "valibot";
import { ProfileSchema, type Profile } from "../model.ts";
import type { Bilingual } from "../completeness/checklist.ts";
import { splitSentences } from "./pieces.ts";

export { PROFILE_FIELDS, type ProfileField } from "./choices.ts";

export type ProfileSuggestion =
  | {
      field: "tradeName" | "legalName" | "kvkNumber" | "email" | "phone" | "website";
      value: string;
      quote: string;
      why: Bilingual;
    }
  | { field: "address"; value: Profile["address"]; quote: string; why: Bilingual }
  | { field: "dpo"; value: NonNullable<Profile["dpo"]>; quote: string; why: Bilingual };

export interface ProfileFindings {
  suggestions: ProfileSuggestion[];
  /** Everything of each kind found, for the editor to see. */
  candidates: { emails: string[]; phones: string[]; websites: string[] };
}

const EMAIL = /[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[a-z]{2,24}/gi;
const PHONE = /(?:\+31|0031|(?<![\d+])0)[\s-]{0,3}(?:\(0\)[\s-]{0,3})?\d(?:[\s-]{0,3}\d){8}(?!\d)/g;
const WEBSITE = /\bhttps?:\/\/[^\s<>"'()]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"'()]*/gi;
const KVK =
  /(?:kvk|kamer van koophandel|chamber of commerce)[^\d]{0,40}?(\d{2}\s?\d{2}\s?\d{2}\s?\d{2})(?!\d)/i;
const LEGAL_NAME =
  /(?<![\p{L}])(\p{Lu}[\p{L}\p{N}&'.-]*\s+(?:(?:\p{Lu}[\p{L}\p{N}&'.-]*|&|van|der|den|de|het|ten|ter)\s+){0,5}(?:B\.V\.|N\.V\.|V\.O\.F\.|B\.V|BV|NV))(?![\p{L}])/gu;
// Street and number, Dutch postal code, town ("Den Haag", "'s-Hertogenbosch", "Alphen aan den Rijn").
const ADDRESS =
  /(\p{Lu}[\p{L}'-]+(?: [\p{L}'-]+){0,3} \d{1,5}(?: ?[a-zA-Z](?![\p{L}]))?(?:-\d{1,4})?),? +(\d{4} ?[A-Z]{2}) +((?:'s-)?(?:Den |De |Het )?\p{Lu}[\p{L}'-]+(?: (?:aan|op|bij) (?:de |den |het )?\p{Lu}[\p{L}'-]+)?)/u;
const LEGAL_FORM_SUFFIX = /\s+(?:B\.V\.?|N\.V\.?|BV|NV|V\.O\.F\.?)$/;
const TITLE_NAME =
  /^(?:privacy ?verklaring|privacy-verklaring|privacy ?statement|privacybeleid|privacy policy|privacyreglement|privacy notice|privacy- en cookieverklaring|jouw privacy bij|uw privacy bij|privacy bij)\s+(?:van\s+|of\s+|bij\s+)?(.+?)\s*$/i;
const DPO =
  /functionaris (?:voor de )?gegevensbescherming|\bfg\b|data protection officer|\bdpo\b|privacy officer/i;
// Addresses of others a statement may name: the supervisory authority, standards bodies.
const NOT_OWN_EMAIL = /autoriteitpersoonsgegevens|\.europa\.eu$/i;

const valid = (
  field: "email" | "phone" | "website" | "kvkNumber" | "legalName" | "tradeName",
  value: string,
): boolean => v.safeParse(ProfileSchema.entries[field], value).success;

export function findProfile(title: string | undefined, paragraphs: readonly string[]): ProfileFindings {
  const sentences = paragraphs.flatMap((p) => splitSentences(p));
  const text = paragraphs.join("\n");
  const suggestions: ProfileSuggestion[] = [];
  const quoteOf = (needle: string): string => sentences.find((s) => s.includes(needle)) ?? needle;

  const name = findCompanyName(title, paragraphs);
  if (name !== null && valid("tradeName", name.name))
    suggestions.push({ field: "tradeName", value: name.name, quote: name.quote, why: name.why });
  // A legal name counts only when it is the company's own: a processor's "Previder B.V." is not.
  const ownWord = (name?.name ?? "")
    .split(" ")
    .find((w) => w.length >= 3 && !/^(?:de|het|van)$/i.test(w))
    ?.toLowerCase();
  const legal = [...text.matchAll(LEGAL_NAME)]
    .map((m) => (m[1] ?? "").trim().replace(/^(?:De|Het|Wij|We|Zie)\s+/, ""))
    .find((candidate) => ownWord !== undefined && candidate.toLowerCase().includes(ownWord));
  if (legal !== undefined && valid("legalName", legal) && legal.split(" ").length <= 7) {
    suggestions.push({
      field: "legalName",
      value: legal,
      quote: quoteOf(legal),
      why: {
        nl: "Naam met rechtsvorm (B.V., N.V., V.O.F.) in de tekst.",
        en: "Name with a legal form (B.V., N.V., V.O.F.) in the text.",
      },
    });
  }
  const emails = unique(text.match(EMAIL) ?? []).filter((e) => valid("email", e) && !NOT_OWN_EMAIL.test(e));
  const phones = unique((text.match(PHONE) ?? []).map((p) => p.trim())).filter((p) => valid("phone", p));
  const websites = unique((text.match(WEBSITE) ?? []).map(toUrl)).filter((w) => valid("website", w));
  const key = (name?.name ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");
  const own = (value: string): boolean =>
    key.length >= 3 &&
    value
      .toLowerCase()
      .replace(/[^a-z0-9@.]/g, "")
      .includes(key);
  const dpoSentence = sentences.find((s) => DPO.test(s) && EMAIL.test(s));
  EMAIL.lastIndex = 0;
  const dpoEmail = dpoSentence?.match(EMAIL)?.[0];
  const contactEmails = emails.filter((e) => e !== dpoEmail);
  const email =
    contactEmails.find((e) => /^(?:privacy|avg|gdpr)@/i.test(e)) ??
    contactEmails.find(own) ??
    contactEmails.find((e) => /^(?:info|contact|hallo|hello|kantoor|klantenservice)@/i.test(e)) ??
    contactEmails[0];
  if (email !== undefined) {
    suggestions.push({
      field: "email",
      value: email,
      quote: quoteOf(email),
      why: { nl: "E-mailadres in de tekst.", en: "Email address in the text." },
    });
  }
  if (phones[0] !== undefined) {
    suggestions.push({
      field: "phone",
      value: phones[0],
      quote: quoteOf(phones[0]),
      why: { nl: "Telefoonnummer in de tekst.", en: "Phone number in the text." },
    });
  }
  // Statements link to the AP, Google and others; only a site named after the company is its own.
  const website = websites.find(own);
  if (website !== undefined) {
    suggestions.push({
      field: "website",
      value: website,
      quote: quoteOf(website.replace(/^https?:\/\//, "")),
      why: {
        nl: "Website met de bedrijfsnaam in het adres.",
        en: "Website with the company name in its address.",
      },
    });
  }
  const kvk = KVK.exec(text);
  const kvkNumber = kvk?.[1]?.replace(/\s/g, "");
  if (kvk !== null && kvkNumber !== undefined && valid("kvkNumber", kvkNumber)) {
    suggestions.push({
      field: "kvkNumber",
      value: kvkNumber,
      quote: quoteOf(kvk[1] ?? kvkNumber),
      why: {
        nl: "Acht cijfers bij ‘KvK’ of ‘Kamer van Koophandel’.",
        en: "Eight digits next to ‘KvK’ or ‘Kamer van Koophandel’.",
      },
    });
  }
  const address = ADDRESS.exec(text);
  if (address !== null) {
    const [found, street = "", postalCode = "", city = ""] = address;
    const value = { street, postalCode: postalCode.replace(/^(\d{4})(\w)/, "$1 $2"), city, country: "NL" };
    if (v.safeParse(ProfileSchema.entries.address, value).success) {
      suggestions.push({
        field: "address",
        value,
        quote: quoteOf(found.split(/\s+/).slice(0, 2).join(" ")),
        why: {
          nl: "Straat, Nederlandse postcode en plaats in de tekst.",
          en: "Street, Dutch postal code and town in the text.",
        },
      });
    }
  }
  if (dpoSentence !== undefined && dpoEmail !== undefined) {
    // "mr. Lotte Brouwer": two or three capitalised words next to the officer's mention.
    const person =
      /(?:is|:)\s+(?:(?:mr|dr|drs|ir|ing)\.\s+)?(\p{Lu}[\p{L}'-]+(?:\s+(?:(?:van|de|der|den|ter|ten|op)\s+)*\p{Lu}[\p{L}'-]+){1,3})/u.exec(
        dpoSentence,
      )?.[1];
    const english = /data protection officer|\bdpo\b/i.test(dpoSentence);
    const dpo = {
      name: person ?? (english ? "Data protection officer" : "Functionaris gegevensbescherming"),
      email: dpoEmail,
    };
    if (v.safeParse(ProfileSchema.entries.dpo, dpo).success) {
      suggestions.push({
        field: "dpo",
        value: dpo,
        quote: dpoSentence,
        why: {
          nl: "Functionaris gegevensbescherming met e-mailadres in de tekst.",
          en: "Data protection officer with an email address in the text.",
        },
      });
    }
  }
  return { suggestions, candidates: { emails, phones, websites } };
}

function toUrl(found: string): string {
  const url = found.replace(/[.,;:!?]+$/, "");
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const NOT_NAMES = new Set(
  "de het een wij we u uw je jouw ik deze dit dat die als voor ook zo in op met bij via door daarnaast bovendien denk welke wie hoe wat waar nadat indien verder daarmee zoals er en of om te zodat hier dan ja nee stuur mail bel neem the a an our you your this if for with by we".split(
    " ",
  ),
);
const GENERIC =
  /^(?:avg|algemene verordening gegevensbescherming|autoriteit persoonsgegevens|europese unie|europese economische ruimte|europese commissie|nederland|verenigde staten|belastingdienst|ip|kvk|eer|eu|gdpr|google|google analytics|microsoft|meta|facebook|instagram|linkedin|wwft|bsn|iso|nen|wgbo|knhb|privacy|cookies?)$/i;

/**
 * The company: the name after "Privacyverklaring" in the title; otherwise the capitalised name of
 * one to four words used most often, counting double in the opening paragraph, where statements
 * introduce themselves ("JCC Software gaat zorgvuldig om met …"). A heading word, a sentence
 * fragment or a service the company uses is no name.
 */
export function findCompanyName(
  title: string | undefined,
  paragraphs: readonly string[],
): { name: string; quote: string; why: Bilingual } | null {
  const fromTitle = title === undefined ? undefined : TITLE_NAME.exec(title.trim())?.[1];
  if (
    title !== undefined &&
    fromTitle !== undefined &&
    fromTitle !== "" &&
    fromTitle.split(" ").length <= 6
  ) {
    const name = fromTitle
      .replace(LEGAL_FORM_SUFFIX, "")
      .replace(/[.]+$/, (dots) => (/\b(?:Zn|Co)$/i.test(fromTitle.slice(0, -dots.length)) ? dots : ""));
    // A title in capitals ("PRIVACYVERKLARING KOSTER & ZN.") says nothing about the name's case; a name alone in capitals ("SIM") does.
    const shouting = title === title.toUpperCase() && /\p{Lu}{4}/u.test(title.split(" ")[0] ?? "");
    const readable = shouting ? name.toLowerCase().replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase()) : name;
    return {
      name: readable,
      quote: title,
      why: { nl: `Uit de titel ‘${title}’.`, en: `From the title ‘${title}’.` },
    };
  }
  const counts = new Map<string, { score: number; quote: string }>();
  paragraphs.forEach((paragraph, index) => {
    for (const match of paragraph.matchAll(
      /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}&'.-]*(?:\s+(?:&\s+)?\p{Lu}[\p{L}\p{N}&'.-]*){0,4}/gu,
    )) {
      const words = match[0]
        .replace(/[.]+$/, (dots) => (/(?:B\.V|N\.V)$/.test(match[0].slice(0, -dots.length)) ? dots : ""))
        .split(/\s+/);
      while (words.length > 0 && NOT_NAMES.has((words[0] ?? "").toLowerCase())) words.shift();
      const name = words
        .join(" ")
        .replace(LEGAL_FORM_SUFFIX, "")
        .replace(/[.,]+$/, "");
      if (
        name.length < 2 ||
        words.length > 4 ||
        GENERIC.test(name) ||
        (/^[\p{Lu}\d\s&.-]+$/u.test(name) && name.length <= 4)
      )
        continue;
      const previous = counts.get(name);
      counts.set(name, {
        score: (previous?.score ?? 0) + (index === 0 ? 3 : 1),
        quote: previous?.quote ?? paragraph,
      });
    }
  });
  const ranked = [...counts.entries()].sort((a, b) => b[1].score - a[1].score || b[0].length - a[0].length);
  const best = ranked[0];
  if (best === undefined || best[1].score < 4) return null;
  const quote = splitSentences(best[1].quote).find((s) => s.includes(best[0])) ?? best[1].quote;
  return {
    name: best[0],
    quote,
    why: {
      nl: `De naam die de tekst het vaakst gebruikt (${best[1].score} punten; de openingsalinea telt driemaal).`,
      en: `The name the text uses most (${best[1].score} points; the opening paragraph counts three times).`,
    },
  };
}
