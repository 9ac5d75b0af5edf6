// Company details found in imported text. Each value says where it came from, because these
// are guesses from prose: the editor confirms them before they replace the profile.
import * as v from "valibot";
import { ProfileSchema, type Profile } from "../model.ts";
import type { Bilingual } from "../completeness/checklist.ts";
import { looksLikeTitle } from "./blocks.ts";

export interface FoundProfile {
  legalName?: string;
  tradeName?: string;
  kvkNumber?: string;
  email?: string;
  phone?: string;
  website?: string;
  address?: Partial<Profile["address"]>;
}
export type ProfileField = keyof FoundProfile;

export interface ProfileFindings {
  profile: FoundProfile;
  why: Partial<Record<ProfileField, Bilingual>>;
  /** Everything of each kind found, for the editor to choose from. */
  candidates: { emails: string[]; phones: string[]; websites: string[] };
}

const EMAIL = /[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[a-z]{2,24}/gi;
const PHONE = /(?:\+31|0031|(?<![\d+])0)[\s-]{0,3}(?:\(0\)[\s-]{0,3})?\d(?:[\s-]{0,3}\d){8}(?!\d)/g;
const WEBSITE = /\bhttps?:\/\/[^\s<>"'()]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"'()]*/gi;
const KVK =
  /(?:kvk|kamer van koophandel|chamber of commerce)[^\d]{0,40}?(\d{2}\s?\d{2}\s?\d{2}\s?\d{2})(?!\d)/i;
const LEGAL_NAME =
  /(?<![\p{L}])((?:\p{Lu}[\p{L}\p{N}&'-]*\s+){1,4}(?:B\.V\.|N\.V\.|B\.V|BV|NV|V\.O\.F\.))(?![\p{L}])/u;
const ADDRESS =
  /(\p{Lu}[\p{L}.'-]+(?:\s[\p{L}.'-]+){0,3}\s\d{1,5}(?:\s?[a-zA-Z](?![\p{L}]))?(?:-\d{1,4})?),?\s+(\d{4}\s?[A-Z]{2})\s+(\p{Lu}[\p{L}'-]+(?:[\s-]\p{Lu}[\p{L}'-]+)*)/u;
const LEGAL_FORM_SUFFIX = /\s+(?:B\.V\.?|N\.V\.?|BV|NV|V\.O\.F\.?)$/;
const TITLE_NAME =
  /^(?:privacy ?verklaring|privacy ?statement|privacybeleid|privacy policy|privacyreglement|privacy notice)\s+(?:van\s+|of\s+)?(.+?)\s*$/i;
const NOT_NAMES = new Set(
  "de het een wij we u uw deze dit dat die als voor ook zo in op met bij via door daarnaast bovendien denk welke wie hoe wat waar nadat indien verder daarmee zoals er en of om te zodat the a an our you your this if for with by".split(
    " ",
  ),
);
const GENERIC =
  /^(?:avg|algemene verordening gegevensbescherming|autoriteit persoonsgegevens|europese unie|nederland|verenigde staten|ip|kvk|eer|eu|gdpr)$/i;

const valid = (field: "email" | "phone" | "website" | "kvkNumber", value: string): boolean =>
  v.safeParse(ProfileSchema.entries[field], value).success;

export function findProfile(title: string | undefined, paragraphs: readonly string[]): ProfileFindings {
  const text = paragraphs.join("\n");
  const profile: FoundProfile = {};
  const why: ProfileFindings["why"] = {};
  const name = findCompanyName(title, paragraphs);
  if (name !== null) {
    profile.tradeName = name.name;
    why.tradeName = name.why;
  }
  const legal = LEGAL_NAME.exec(text)?.[1]?.trim();
  if (legal !== undefined) {
    profile.legalName = legal;
    why.legalName = {
      nl: "Naam met rechtsvorm (B.V., N.V.) in de tekst.",
      en: "Name with a legal form (B.V., N.V.) in the text.",
    };
  }
  const emails = unique(text.match(EMAIL) ?? []).filter((e) => valid("email", e));
  const phones = unique((text.match(PHONE) ?? []).map((p) => p.trim())).filter((p) => valid("phone", p));
  const websites = unique((text.match(WEBSITE) ?? []).map(toUrl)).filter((w) => valid("website", w));
  const key = (name?.name ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");
  const own = (value: string): boolean =>
    key.length >= 3 &&
    value
      .toLowerCase()
      .replace(/[^a-z0-9@.]/g, "")
      .includes(key);
  const email =
    emails.find(own) ?? emails.find((e) => /^(?:privacy|info|fg|dpo|contact)@/i.test(e)) ?? emails[0];
  if (email !== undefined) {
    profile.email = email;
    why.email = { nl: "E-mailadres in de tekst.", en: "Email address in the text." };
  }
  if (phones[0] !== undefined) {
    profile.phone = phones[0];
    why.phone = { nl: "Eerste telefoonnummer in de tekst.", en: "First phone number in the text." };
  }
  // Statements link to the AP, Google and others; only a site named after the company is its own.
  const website = websites.find(own);
  if (website !== undefined) {
    profile.website = website;
    why.website = {
      nl: "Website met de bedrijfsnaam in het adres.",
      en: "Website with the company name in its address.",
    };
  }
  const kvk = KVK.exec(text)?.[1]?.replace(/\s/g, "");
  if (kvk !== undefined && valid("kvkNumber", kvk)) {
    profile.kvkNumber = kvk;
    why.kvkNumber = {
      nl: "Acht cijfers bij ‘KvK’ of ‘Kamer van Koophandel’.",
      en: "Eight digits next to ‘KvK’ or ‘Kamer van Koophandel’.",
    };
  }
  const address = ADDRESS.exec(text);
  if (address !== null) {
    const [, street = "", postalCode = "", city = ""] = address;
    profile.address = {
      street,
      postalCode: postalCode.replace(/^(\d{4})(\w)/, "$1 $2"),
      city,
      country: "NL",
    };
    why.address = {
      nl: "Straat, Nederlandse postcode en plaats in de tekst.",
      en: "Street, Dutch postal code and town in the text.",
    };
  }
  return { profile, why, candidates: { emails, phones, websites } };
}

function toUrl(found: string): string {
  const url = found.replace(/[.,;:!?]+$/, "");
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * The company: the name after "Privacyverklaring" in the title; otherwise the capitalised name
 * used most often, counting double in the opening paragraph, where statements introduce
 * themselves ("JCC Software gaat zorgvuldig om met …").
 */
export function findCompanyName(
  title: string | undefined,
  paragraphs: readonly string[],
): { name: string; why: Bilingual } | null {
  const fromTitle =
    title !== undefined && looksLikeTitle(title) ? TITLE_NAME.exec(title.trim())?.[1] : undefined;
  if (fromTitle !== undefined && fromTitle !== "") {
    const name = fromTitle.replace(LEGAL_FORM_SUFFIX, "");
    return { name, why: { nl: `Uit de titel ‘${title}’.`, en: `From the title ‘${title}’.` } };
  }
  const counts = new Map<string, number>();
  paragraphs.forEach((paragraph, index) => {
    for (const match of paragraph.matchAll(
      /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}&'.-]*(?:\s+\p{Lu}[\p{L}\p{N}&'.-]*){0,4}/gu,
    )) {
      const words = match[0]
        .replace(/[.]+$/, (dots) => (/(?:B\.V|N\.V)$/.test(match[0].slice(0, -dots.length)) ? dots : ""))
        .split(/\s+/);
      while (words.length > 0 && NOT_NAMES.has((words[0] ?? "").toLowerCase())) words.shift();
      // "X B.V." and "X" are the same company.
      const name = words
        .join(" ")
        .replace(LEGAL_FORM_SUFFIX, "")
        .replace(/[.,]+$/, "");
      if (name.length < 2 || GENERIC.test(name)) continue;
      counts.set(name, (counts.get(name) ?? 0) + (index === 0 ? 3 : 1));
    }
  });
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  const best = ranked[0];
  if (best === undefined || best[1] < 3) return null;
  return {
    name: best[0],
    why: {
      nl: `Meest genoemde naam met hoofdletter (${best[1]} punten; de openingsalinea telt driemaal).`,
      en: `Most frequent capitalised name (${best[1]} points; the opening paragraph counts three times).`,
    },
  };
}
