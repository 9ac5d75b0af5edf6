// Services statements name without saying who they are: analytics, social media, payment,
// delivery, hosting and office suppliers, and the cookies they set. The importer uses this to
// recognise a recipient or cookie in prose and to fill in what the text leaves out; every value
// taken from here instead of the text is marked "assumed" in the proposal, so the editor checks
// it before it goes into the draft. Nothing here decides a transfer safeguard: that must be
// stated in the text (Art. 13(1)(f) AVG), or the editor chooses it.
import type { Cookie, LocalizedLine, Period, Recipient } from "../model.ts";

export interface KnownProvider {
  /** How statements write the name (case-insensitive, whole words). */
  pattern: RegExp;
  name: string;
  /**
   * The role it usually has for a company using it. Social plugins and pixels make the site
   * operator a joint controller for the collection (CJEU C-40/17 Fashion ID); payment
   * providers process payment data as controllers under their own PSD2 and Wwft duties;
   * carriers and review platforms receive data for their own service.
   */
  role: Recipient["role"];
  /** Where it processes the data, or null when the customer chooses (cloud regions). */
  country: string | null;
  service: LocalizedLine;
  kind:
    "analytics" | "social" | "advertising" | "hosting" | "payment" | "delivery" | "software" | "authority";
}

const s = (nl: string, en: string): LocalizedLine => ({ nl, en });

export const KNOWN_PROVIDERS: readonly KnownProvider[] = [
  {
    pattern: /\bgoogle analytics\b/i,
    name: "Google (Google Analytics)",
    role: "processor",
    country: "US",
    service: s("websitestatistieken", "website statistics"),
    kind: "analytics",
  },
  {
    pattern: /\bgoogle ads\b|\bgoogle adwords\b/i,
    name: "Google (Google Ads)",
    role: "controller",
    country: "US",
    service: s("advertenties", "advertising"),
    kind: "advertising",
  },
  {
    pattern: /\bgoogle cloud\b/i,
    name: "Google Cloud",
    role: "processor",
    country: null,
    service: s("hosting", "hosting"),
    kind: "hosting",
  },
  {
    pattern: /\bmeta\b(?! ?data)|\bfacebook\b|\binstagram\b/i,
    name: "Meta (Facebook, Instagram)",
    role: "joint_controller",
    country: "US",
    service: s("advertenties meten via de Meta-pixel", "measuring advertising with the Meta pixel"),
    kind: "social",
  },
  {
    pattern: /\blinkedin\b/i,
    name: "LinkedIn",
    role: "recipient",
    country: "IE",
    service: s("sociale media", "social media"),
    kind: "social",
  },
  {
    pattern: /\bhotjar\b/i,
    name: "Hotjar",
    role: "processor",
    country: "MT",
    service: s("analyse van websitegebruik", "analysis of website use"),
    kind: "analytics",
  },
  {
    pattern: /\bmailchimp\b/i,
    name: "Mailchimp (Intuit)",
    role: "processor",
    country: "US",
    service: s("versturen van nieuwsbrieven", "sending newsletters"),
    kind: "software",
  },
  {
    pattern: /\bmicrosoft\b/i,
    name: "Microsoft",
    role: "processor",
    country: "IE",
    service: s("e-mail en kantoorsoftware", "email and office software"),
    kind: "software",
  },
  {
    pattern: /\bamazon web services\b|\baws\b/i,
    name: "Amazon Web Services",
    role: "processor",
    country: null,
    service: s("hosting", "hosting"),
    kind: "hosting",
  },
  {
    pattern: /\bsalesforce\b/i,
    name: "Salesforce",
    role: "processor",
    country: "US",
    service: s("klantrelatiebeheer", "customer relationship management"),
    kind: "software",
  },
  {
    pattern: /\bhubspot\b/i,
    name: "HubSpot",
    role: "processor",
    country: "US",
    service: s("klantrelatiebeheer", "customer relationship management"),
    kind: "software",
  },
  {
    pattern: /\bzendesk\b/i,
    name: "Zendesk",
    role: "processor",
    country: "US",
    service: s("klantenservice", "customer service"),
    kind: "software",
  },
  {
    pattern: /\bzoom\b/i,
    name: "Zoom",
    role: "processor",
    country: "US",
    service: s("videogesprekken", "video meetings"),
    kind: "software",
  },
  {
    pattern: /\bshopify\b/i,
    name: "Shopify",
    role: "processor",
    country: "IE",
    service: s("webwinkelplatform", "online shop platform"),
    kind: "hosting",
  },
  {
    pattern: /\bmollie\b/i,
    name: "Mollie",
    role: "controller",
    country: "NL",
    service: s("online betalingen", "online payments"),
    kind: "payment",
  },
  {
    pattern: /\badyen\b/i,
    name: "Adyen",
    role: "controller",
    country: "NL",
    service: s("online betalingen", "online payments"),
    kind: "payment",
  },
  {
    pattern: /\bstripe\b/i,
    name: "Stripe",
    role: "controller",
    country: "IE",
    service: s("online betalingen", "online payments"),
    kind: "payment",
  },
  {
    pattern: /\bpaypal\b/i,
    name: "PayPal",
    role: "controller",
    country: "LU",
    service: s("online betalingen", "online payments"),
    kind: "payment",
  },
  {
    pattern: /\bpostnl\b/i,
    name: "PostNL",
    role: "recipient",
    country: "NL",
    service: s("bezorgen van pakketten", "parcel delivery"),
    kind: "delivery",
  },
  {
    pattern: /\bdhl\b/i,
    name: "DHL",
    role: "recipient",
    country: null,
    service: s("bezorgen van pakketten", "parcel delivery"),
    kind: "delivery",
  },
  {
    pattern: /\btrustpilot\b/i,
    name: "Trustpilot",
    role: "recipient",
    country: "DK",
    service: s("klantbeoordelingen", "customer reviews"),
    kind: "software",
  },
  {
    pattern: /\bexact\b(?= online|,| boekhoud|\))|\bexact online\b|\bvan exact\b/i,
    name: "Exact",
    role: "processor",
    country: "NL",
    service: s("boekhouding", "accounting"),
    kind: "software",
  },
  {
    pattern: /\btwinfield\b/i,
    name: "Twinfield (Wolters Kluwer)",
    role: "processor",
    country: "NL",
    service: s("boekhouding", "accounting"),
    kind: "software",
  },
  {
    pattern: /\bnmbrs\b/i,
    name: "Nmbrs",
    role: "processor",
    country: "NL",
    service: s("salarisadministratie", "payroll"),
    kind: "software",
  },
  {
    pattern: /\btransip\b/i,
    name: "TransIP",
    role: "processor",
    country: "NL",
    service: s("hosting van de website", "website hosting"),
    kind: "hosting",
  },
  {
    pattern: /\bsportlink\b/i,
    name: "Sportlink",
    role: "processor",
    country: "NL",
    service: s("ledenadministratie", "membership administration"),
    kind: "software",
  },
  {
    pattern: /\bbelastingdienst\b|\btax authorit(?:y|ies)\b/i,
    name: "Belastingdienst",
    role: "controller",
    country: "NL",
    service: s("belastingaangifte", "tax returns"),
    kind: "authority",
  },
];

export interface KnownCookie {
  pattern: RegExp;
  /** The name as a statement should list it. */
  name: string;
  provider: string;
  category: Cookie["category"];
  purpose: LocalizedLine;
  /** Omitted for a session cookie. */
  lifetime?: Period;
}

export const KNOWN_COOKIES: readonly KnownCookie[] = [
  {
    pattern: /^_ga_/,
    name: "_ga_<id>",
    provider: "Google",
    category: "analytic",
    purpose: s(
      "Houdt de sessiestatus bij voor Google Analytics.",
      "Keeps the session state for Google Analytics.",
    ),
    lifetime: { amount: 2, unit: "years" },
  },
  {
    pattern: /^_ga$/,
    name: "_ga",
    provider: "Google",
    category: "analytic",
    purpose: s(
      "Onderscheidt bezoekers voor Google Analytics.",
      "Distinguishes visitors for Google Analytics.",
    ),
    lifetime: { amount: 2, unit: "years" },
  },
  {
    pattern: /^_gid$/,
    name: "_gid",
    provider: "Google",
    category: "analytic",
    purpose: s(
      "Onderscheidt bezoekers voor Google Analytics.",
      "Distinguishes visitors for Google Analytics.",
    ),
    lifetime: { amount: 1, unit: "days" },
  },
  {
    pattern: /^_gcl_au$/,
    name: "_gcl_au",
    provider: "Google",
    category: "tracking",
    purpose: s(
      "Meet de resultaten van advertenties van Google Ads.",
      "Measures the results of Google Ads advertising.",
    ),
    lifetime: { amount: 90, unit: "days" },
  },
  {
    pattern: /^_fbp$/,
    name: "_fbp",
    provider: "Meta",
    category: "tracking",
    purpose: s(
      "Herkent bezoekers om advertenties op Facebook en Instagram te meten.",
      "Recognises visitors to measure advertising on Facebook and Instagram.",
    ),
    lifetime: { amount: 3, unit: "months" },
  },
  {
    pattern: /^_hjsessionuser/i,
    name: "_hjSessionUser_<id>",
    provider: "Hotjar",
    category: "analytic",
    purpose: s("Herkent terugkerende bezoekers voor Hotjar.", "Recognises returning visitors for Hotjar."),
    lifetime: { amount: 1, unit: "years" },
  },
  {
    pattern: /^(?:phpsessid|jsessionid|asp\.net_sessionid)$/i,
    name: "",
    provider: "",
    category: "functional",
    purpose: s("Onthoudt uw sessie.", "Remembers your session."),
  },
];

/** The known provider a piece of text names, if any. */
export function findKnownProviders(text: string): KnownProvider[] {
  return KNOWN_PROVIDERS.filter((provider) => provider.pattern.test(text));
}

export function findKnownCookie(name: string): KnownCookie | undefined {
  return KNOWN_COOKIES.find((cookie) => cookie.pattern.test(name));
}

/** Country names as statements write them, to ISO codes (letters around them, so "België" and "vs" match whole). */
export const COUNTRY_WORDS: readonly [RegExp, string][] = (
  [
    ["nederland|the netherlands|netherlands|holland", "NL"],
    ["belgi[eë]|belgium", "BE"],
    ["duitsland|germany", "DE"],
    ["ierland|ireland", "IE"],
    ["frankrijk|france", "FR"],
    ["luxemburg|luxembourg", "LU"],
    ["denemarken|denmark", "DK"],
    ["zweden|sweden", "SE"],
    ["finland", "FI"],
    ["spanje|spain", "ES"],
    ["itali[eë]|italy", "IT"],
    ["oostenrijk|austria", "AT"],
    ["polen|poland", "PL"],
    ["malta", "MT"],
    ["noorwegen|norway", "NO"],
    ["verenigde staten|vs|usa|u\\.s\\.a?\\.?|united states|amerika", "US"],
    ["verenigd koninkrijk|united kingdom|engeland|uk", "GB"],
    ["zwitserland|switzerland", "CH"],
    ["canada", "CA"],
    ["india", "IN"],
    ["japan", "JP"],
    ["australi[eë]|australia", "AU"],
  ] as const
).map(([words, code]) => [new RegExp(`(?<![\\p{L}])(?:${words})(?![\\p{L}])`, "iu"), code]);

/** Countries outside the EEA with an adequacy decision of the European Commission (Art. 45 AVG). */
export const ADEQUATE_COUNTRIES = new Set([
  "GB",
  "CH",
  "CA",
  "JP",
  "KR",
  "NZ",
  "IL",
  "AR",
  "UY",
  "AD",
  "FO",
  "GG",
  "IM",
  "JE",
]);
