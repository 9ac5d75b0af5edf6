// Recipients and cookies found in imported text. Recipients come from tables (Verwerker | Dienst
// | Land), bullets ("Previder B.V. – hosting, Nederland"), enumerations ("Nmbrs
// (salarisadministratie, Nederland) en …"), names with a legal form, and the well-known services
// of known.ts wherever they are mentioned — analytics and social media included. Cookies come
// from cookie tables, bullets and the names in prose ("_ga en _gid"). What the text says about a
// service anywhere (its country, its role, the safeguard for a transfer) is gathered per service.
import { isEeaCountry, type Language, type Recipient } from "../model.ts";
import type { FoundCookie, FoundOf, FoundRecipient } from "./found.ts";
import {
  ADEQUATE_COUNTRIES,
  COUNTRY_WORDS,
  findKnownCookie,
  KNOWN_PROVIDERS,
  type KnownProvider,
} from "./known.ts";
import { findPeriod } from "./periods.ts";
import { capitalize, splitSentences, tidyPhrase, type Piece } from "./pieces.ts";

const MAX_NAME = 160;
const LEGAL_FORM =
  /((?:[\p{Lu}][\p{L}\d&'’-]*\s+){0,4}(?:\([\p{Lu}][\p{L}]+\)\s+)?[\p{Lu}][\p{L}\d&'’-]*,?\s+(?:B\.V\.|N\.V\.|BV\b|Ltd\.?|Limited|Inc\.|Inc\b|LLC|GmbH|SARL|S\.à r\.l\.|A\/S|Unlimited Company|Operations Ltd))/gu;
const HAS_LEGAL_FORM = new RegExp(LEGAL_FORM.source, "u");
const NOT_RECIPIENTS =
  /autoriteit persoonsgegevens|europese commissie|european commission|data protection authority/i;

export interface SectionInput {
  index: number;
  heading: string;
  about: string | null;
  pieces: readonly Piece[];
}

/**
 * The country a text says data is processed in: one named after "in" ("in de Verenigde Staten")
 * before one inside a company name ("Google Ireland Limited"), else the first named.
 */
const COUNTRY_EVERYWHERE = COUNTRY_WORDS.map(
  ([pattern, code]) => [new RegExp(pattern.source, "giu"), code] as const,
);

export function findCountry(text: string): string | undefined {
  let best: { at: number; code: string; placed: boolean } | undefined;
  for (const [pattern, code] of COUNTRY_EVERYWHERE) {
    for (const match of text.matchAll(pattern)) {
      const placed = /\b(?:in|naar|binnen|to|within)\s+(?:de |het |the )?$/i.test(
        text.slice(Math.max(0, match.index - 12), match.index),
      );
      const better =
        best === undefined || (placed && !best.placed) || (placed === best.placed && match.index < best.at);
      if (better) best = { at: match.index, code, placed };
    }
  }
  return best?.code;
}

function findRole(text: string): Recipient["role"] | undefined {
  if (
    /gezamenlijk(?:e)? (?:verwerkings)?verantwoordelijk|joint(?:ly)? (?:controller|responsible)/i.test(text)
  )
    return "joint_controller";
  if (
    /zelfstandig(?:e)? verwerkingsverantwoordelijke|zelf verantwoordelijk|eigen verantwoordelijkheid|independent controller|own controller/i.test(
      text,
    )
  )
    return "controller";
  if (/\b(?:sub)?verwerkers?\b|verwerkersovereenkomst|\bprocessors?\b|processing agreement/i.test(text))
    return "processor";
  return undefined;
}

function findSafeguard(text: string): Exclude<Recipient["safeguard"], "eea"> | undefined {
  if (/data privacy framework|adequaatheidsbesluit|adequacy decision|passend beschermingsniveau/i.test(text))
    return "adequacy";
  if (
    /standaardcontractbepalingen|modelcontractbepalingen|standaardcontractclausules|standard contractual clauses|\bscc'?s?\b/i.test(
      text,
    )
  )
    return "scc";
  if (/bindende bedrijfsvoorschriften|binding corporate rules/i.test(text)) return "bcr";
  return undefined;
}

// The renderer's role words (shared/lists.ts) that findRole does not cover.
const ROLE_WORDS: Record<string, Recipient["role"]> = {
  ontvanger: "recipient",
  recipient: "recipient",
  verwerkingsverantwoordelijke: "controller",
  controller: "controller",
  "gezamenlijk verwerkingsverantwoordelijke": "joint_controller",
  "joint controller": "joint_controller",
};

interface Mention {
  key: string;
  name: string;
  safeguard?: Exclude<Recipient["safeguard"], "eea">;
  known?: KnownProvider;
  service?: string;
  country?: string;
  role?: Recipient["role"];
  source: { section: number; piece: number; quote: string };
  whole: boolean;
}

function keyOf(name: string, known?: KnownProvider): string {
  if (known !== undefined) return known.name;
  return name
    .toLowerCase()
    .replace(/\((?:netherlands|nederland)\)/g, "")
    .replace(/,?\s+(?:b\.v\.?|n\.v\.?|bv|ltd\.?|limited|inc\.?|llc|gmbh|sarl|a\/s|unlimited company)$/g, "")
    .replace(/\s+(?:nederland|netherlands|international|ireland|operations|emea|europe)\b/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const knownIn = (text: string): KnownProvider | undefined =>
  KNOWN_PROVIDERS.find((p) => p.pattern.test(text));

/** "Vecozo, het portaal … (verwerker, Nederland)" / "Previder B.V. – hosting, Nederland" / "Nmbrs (salarisadministratie, Nederland)". */
function readEntry(
  text: string,
): { name: string; service?: string; country?: string; role?: Recipient["role"] } | null {
  // A closing full stop is dropped, unless it ends a legal form ("B.V.").
  const clean = text.replace(/(?<!\b(?:B\.V|N\.V|Ltd|Inc))[;.]+$/, "").trim();
  const dash = /^(.+?)\s+[–—-]\s+(.+)$/.exec(clean);
  const paren = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(clean);
  let name: string;
  let rest: string;
  if (dash !== null) [name, rest] = [dash[1] ?? "", dash[2] ?? ""];
  else if (paren !== null) [name, rest] = [paren[1] ?? "", paren[2] ?? ""];
  else [name, rest] = [clean, ""];
  let service: string | undefined;
  const comma = /^([^,]+?),\s+(.+)$/.exec(name);
  if (comma !== null) {
    name = comma[1] ?? name;
    service = (comma[2] ?? "").replace(/\s*\([^()]*\)\s*$/, "").replace(/^(?:die|dat|which|that)\s+.*$/i, "");
  }
  name = name.replace(/\s+(?:die|dat|which|that)\s.*$/i, "").trim();
  const country = findCountry(clean);
  const parts = rest.split(/,\s+/).map((p) => p.trim());
  const serviceFromRest = parts.find(
    (p) => findCountry(p) === undefined && findRole(p) === undefined && p !== "",
  );
  service ??= serviceFromRest;
  const tidy = tidyPhrase(name);
  if (tidy === "" || tidy.split(" ").length > 8 || NOT_RECIPIENTS.test(tidy)) return null;
  return {
    name: tidy,
    ...(service === undefined || service === "" ? {} : { service: tidyPhrase(service) }),
    ...(country === undefined ? {} : { country }),
    ...(findRole(clean) === undefined ? {} : { role: findRole(clean) }),
  };
}

const RECIPIENT_HEAD =
  /verwerker|partij|ontvanger|leverancier|naam|bedrijf|processor|recipient|supplier|company|provider|vendor/i;
const SERVICE_HEAD = /dienst|doel|taak|activiteit|service|purpose|used for/i;
const COUNTRY_HEAD = /\bland\b|locatie|vestiging|country|location|where/i;

function mentionsIn(section: SectionInput, companyName: string): Mention[] {
  const out: Mention[] = [];
  const about = section.about === "recipients";
  const add = (
    piece: Piece,
    entry: Omit<Mention, "key" | "source" | "whole">,
    quote: string,
    whole: boolean,
  ): void => {
    if (companyName !== "" && keyOf(entry.name) === keyOf(companyName)) return;
    out.push({
      ...entry,
      key: keyOf(entry.name, entry.known),
      source: { section: section.index, piece: piece.index, quote },
      whole,
    });
  };
  for (const piece of section.pieces) {
    if (piece.kind === "row" && piece.head != null && piece.cells !== undefined) {
      const nameAt = piece.head.findIndex((c) => RECIPIENT_HEAD.test(c.text) && !/cookie/i.test(c.text));
      const countryAt = piece.head.findIndex((c) => COUNTRY_HEAD.test(c.text));
      if (nameAt < 0 || (countryAt < 0 && !about)) continue;
      if (piece.head.some((c) => /cookie|bewaartermijn|looptijd/i.test(c.text))) continue;
      const serviceAt = piece.head.findIndex((c, i) => i !== nameAt && SERVICE_HEAD.test(c.text));
      const name = tidyPhrase(piece.cells[nameAt]?.text ?? "");
      if (name === "") continue;
      const country = countryAt < 0 ? undefined : findCountry(piece.cells[countryAt]?.text ?? "");
      const role = findRole(piece.head.map((c) => c.text).join(" ")) ?? findRole(piece.text);
      const service = serviceAt < 0 ? undefined : piece.cells[serviceAt]?.text;
      add(
        piece,
        {
          name,
          known: knownIn(name),
          ...(country ? { country } : {}),
          ...(role ? { role } : {}),
          ...(service ? { service } : {}),
        },
        piece.text,
        true,
      );
      continue;
    }
    if (piece.kind === "bullet" && about) {
      // "Postvak B.V. (verwerker): nieuwsbrieven — Nederland", as the statement renderer lists recipients.
      const rendered = /^(.+?)\s+\(([^()]+)\)(?::\s*(.*?))?\s+—\s+(.+)$/.exec(piece.text);
      const renderedRole =
        rendered === null
          ? undefined
          : (findRole(rendered[2] ?? "") ?? ROLE_WORDS[(rendered[2] ?? "").toLowerCase()]);
      if (rendered !== null && renderedRole !== undefined && findCountry(rendered[4] ?? "") !== undefined) {
        const name = (rendered[1] ?? "").trim();
        const service = rendered[3];
        const country = findCountry(rendered[4] ?? "");
        const safeguard = findSafeguard(rendered[4] ?? "");
        add(
          piece,
          {
            name,
            ...(knownIn(name) ? { known: knownIn(name) } : {}),
            role: renderedRole,
            ...(service ? { service } : {}),
            ...(country ? { country } : {}),
            ...(safeguard ? { safeguard } : {}),
          },
          piece.text,
          true,
        );
        continue;
      }
      const entry = readEntry(piece.text);
      const known = knownIn(piece.text);
      const legal = HAS_LEGAL_FORM.test(piece.text);
      if (
        entry !== null &&
        (entry.country !== undefined || known !== undefined || legal) &&
        /^[\p{Lu}\d]|^(?:onze|ons|de|het)\s/u.test(piece.text)
      ) {
        add(
          piece,
          { ...entry, ...(known ? { known } : {}) },
          piece.text,
          entry.country !== undefined && !/\bdie\b|\bdat\b/.test(piece.text),
        );
        continue;
      }
    }
    if (piece.kind !== "paragraph" && piece.kind !== "bullet") continue;
    for (const sentence of splitSentences(piece.text)) {
      const seen = new Set<string>();
      // "Nmbrs (salarisadministratie, Nederland), Twinfield van Wolters Kluwer (boekhouding, Nederland)
      // en …", "beheerd door Nedap (verwerker, Nederland)": a name with its service, role or country.
      if (about) {
        for (const match of sentence.matchAll(
          /([\p{Lu}][\p{L}\d&.'’-]*(?:\s+(?:van\s+)?[\p{Lu}\d][\p{L}\d&.'’-]*){0,4})\s*\(([^()]+)\)/gu,
        )) {
          const inside = match[2] ?? "";
          // "(salarisadministratie, Nederland)" describes the service; "(Google Ireland Limited)" names it.
          if (
            HAS_LEGAL_FORM.test(inside) ||
            (findCountry(inside) === undefined && findRole(inside) === undefined)
          )
            continue;
          const entry = readEntry(`${match[1]} (${inside})`);
          if (entry === null || /^(?:Het|De|Een|Wij|We|Onze|Ons|The|Our)$/.test(entry.name)) continue;
          seen.add(keyOf(entry.name, knownIn(entry.name)));
          add(
            piece,
            { ...entry, ...(knownIn(entry.name) ? { known: knownIn(entry.name) } : {}) },
            sentence,
            false,
          );
        }
        // "with Intercom for customer support", "via Mollie voor betalingen": a name between a preposition and what it does.
        for (const match of sentence.matchAll(
          /\b(?:with|via|bij|met|door|by)\s+([\p{Lu}][\p{L}\d]+(?:\s+[\p{Lu}][\p{L}\d]+){0,2})\s+(?:for|voor|to|om)\s/gu,
        )) {
          const name = match[1] ?? "";
          if (
            /^(?:Het|De|Een|Wij|We|Onze|Ons|The|Our|Google|Meta|Facebook|Microsoft|Amazon)$/.test(name) ||
            knownIn(name) !== undefined
          )
            continue;
          const key = keyOf(name);
          if (seen.has(key)) continue;
          seen.add(key);
          const role = findRole(sentence);
          add(piece, { name, ...(role ? { role } : {}) }, sentence, false);
        }
      }
      const legalNames = [...sentence.matchAll(LEGAL_FORM)].map(
        (m) => m[1]?.trim().replace(/^(?:Bij|Door|Via|Met|En|Of|De|Het)\s+/, "") ?? "",
      );
      const providers = KNOWN_PROVIDERS.filter(
        (p) => p.pattern.test(sentence) && (p.kind !== "authority" || about),
      );
      for (const provider of providers) {
        if (seen.has(provider.name)) continue;
        seen.add(provider.name);
        // "Google Cloud (Google Ireland Limited)": the legal name in the sentence that shares the brand.
        const brand = provider.name.split(/[\s(]/)[0]?.toLowerCase() ?? "";
        const legal = legalNames.find(
          (n) => provider.pattern.test(n) || n.toLowerCase().startsWith(`${brand} `),
        );
        if (legal !== undefined) seen.add(keyOf(legal));
        // With several services in one sentence, the country named after this one is its own.
        const at = sentence.search(provider.pattern);
        const nextAt = providers
          .map((p) => sentence.search(p.pattern))
          .filter((i) => i > at)
          .sort((a, b) => a - b)[0];
        const clause = sentence.slice(at, nextAt ?? sentence.length);
        const country = findCountry(clause) ?? (providers.length === 1 ? findCountry(sentence) : undefined);
        const role = findRole(sentence);
        add(
          piece,
          {
            name: legal ?? provider.name,
            known: provider,
            ...(country ? { country } : {}),
            ...(role ? { role } : {}),
          },
          sentence,
          false,
        );
      }
      if (!about) continue;
      const named = legalNames;
      const places = [
        ...sentence.matchAll(
          /\b(?:bij|door|via|met|aan)\s+([\p{Lu}][\p{L}\d&'’-]+(?:\s+[\p{Lu}][\p{L}\d&'’-]+){0,2})\s+in\s+/gu,
        ),
      ].map((m) => m[1] ?? "");
      for (const name of [...named, ...places]) {
        const known = knownIn(name);
        const key = keyOf(name, known);
        if (name === "" || seen.has(key) || NOT_RECIPIENTS.test(name)) continue;
        seen.add(key);
        const after = sentence.slice(Math.max(0, sentence.indexOf(name)));
        const country = findCountry(after) ?? findCountry(sentence);
        const role = findRole(sentence);
        add(
          piece,
          { name, ...(known ? { known } : {}), ...(country ? { country } : {}), ...(role ? { role } : {}) },
          sentence,
          false,
        );
      }
    }
  }
  return out;
}

/**
 * Recipients of the whole text, one per service: the mentions of one service merged, with what
 * any sentence naming it says about its role, country and transfer safeguard.
 */
export function extractRecipients(
  sections: readonly SectionInput[],
  context: { companyName: string; language: Language; cookies: readonly FoundOf<"cookies">[] },
): FoundOf<"recipients">[] {
  const mentions = sections.flatMap((section) => mentionsIn(section, context.companyName));
  // Third-party cookies name their provider: an analytics or advertising service receives data too.
  for (const cookie of context.cookies) {
    const known = KNOWN_PROVIDERS.find((p) => p.pattern.test(cookieService(cookie.item.name)));
    if (known === undefined || mentions.some((m) => m.key === known.name)) continue;
    mentions.push({ key: known.name, name: known.name, known, source: cookie.source, whole: false });
  }
  const sentences = sections.flatMap((s) =>
    s.pieces.flatMap((p) =>
      splitSentences(p.text).map((text) => ({ text, section: s.index, paragraph: p.text })),
    ),
  );
  // "Subverwerkers" / "We schakelen de volgende verwerkers in:": the role of everything listed under it.
  const sectionRole = new Map(
    sections.map((s) => [
      s.index,
      findRole(
        [
          s.heading,
          ...s.pieces.filter((p) => p.kind === "paragraph" && /:\s*$/.test(p.text)).map((p) => p.text),
        ].join(" "),
      ),
    ]),
  );
  const groups = new Map<string, Mention[]>();
  for (const mention of mentions) groups.set(mention.key, [...(groups.get(mention.key) ?? []), mention]);
  // Entries a list names apart ("Google Ireland Limited" and "Google LLC", its subprocessor) stay
  // apart though their names share a key; other mentions go with the entry they name exactly.
  const split = new Map<string, Mention[]>();
  for (const [key, group] of groups) {
    const exact = (m: Mention): string =>
      m.name
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
    const listed = [...new Set(group.filter((m) => m.whole).map(exact))];
    if (listed.length <= 1) {
      split.set(key, group);
      continue;
    }
    for (const name of listed) split.set(`${key}\u0000${name}`, []);
    for (const mention of group) {
      const own = listed.includes(exact(mention)) ? exact(mention) : listed[0];
      split.get(`${key}\u0000${own}`)?.push(mention);
    }
  }
  const out: FoundOf<"recipients">[] = [];
  const otherNames = [...groups.keys()].map((key) => key.toLowerCase().split(/[\s(]/)[0] ?? "");
  for (const group of split.values()) {
    const first = group[0];
    if (first === undefined) continue;
    const known = group.find((m) => m.known !== undefined)?.known;
    // The name as the text writes it, with its legal form when it has one.
    const name =
      [...group].sort(
        (a, b) =>
          Number(HAS_LEGAL_FORM.test(b.name)) - Number(HAS_LEGAL_FORM.test(a.name)) ||
          b.name.length - a.name.length,
      )[0]?.name ?? first.name;
    // What the text says of a service: the sentences naming it — for a known service also those
    // naming only its brand ("door Google opgeslagen"), when no other service of that brand is mentioned.
    const brand = known?.name.split(/[\s(]/)[0] ?? "";
    const sameBrand =
      known === undefined
        ? []
        : KNOWN_PROVIDERS.filter((p) => p.name.startsWith(`${brand} `) || p.name === brand);
    const alone = sameBrand.filter((p) => sentences.some((s) => p.pattern.test(s.text))).length <= 1;
    const about = sentences.filter((s) =>
      known !== undefined
        ? known.pattern.test(s.text) || (alone && mentionsName(s.text, brand))
        : mentionsName(s.text, name),
    );
    const assumed: string[] = [];
    // A sentence naming several services says nothing about which one is where.
    const single = about.filter(
      (s) => otherNames.filter((other) => other !== "" && s.text.toLowerCase().includes(other)).length <= 1,
    );
    let country =
      group.find((m) => m.country !== undefined)?.country ??
      single.map((s) => findCountry(s.text)).find((c) => c !== undefined);
    if (country === undefined && known?.country != null) {
      country = known.country;
      assumed.push("country");
    }
    let role =
      group.find((m) => m.role !== undefined)?.role ??
      about.map((s) => findRole(s.text)).find((r) => r !== undefined) ??
      // A sentence beside it that names no other service: "Met elke verwerker hebben wij een verwerkersovereenkomst."
      group
        .map((m) => {
          const paragraph =
            sentences.find(
              (s) =>
                s.section === m.source.section &&
                (s.text === m.source.quote || s.paragraph === m.source.quote),
            )?.paragraph ?? "";
          return splitSentences(paragraph)
            .filter(
              (s) =>
                !otherNames.some(
                  (other) => other !== first.key && other !== "" && s.toLowerCase().includes(other),
                ),
            )
            .map(findRole)
            .find((r) => r !== undefined);
        })
        .find((r) => r !== undefined) ??
      group.map((m) => sectionRole.get(m.source.section)).find((r) => r !== undefined);
    if (role === undefined && known !== undefined) {
      role = known.role;
      assumed.push("role");
    }
    const service = group.find((m) => m.service !== undefined)?.service;
    let safeguard: FoundRecipient["safeguard"];
    if (country !== undefined) {
      if (isEeaCountry(country)) safeguard = "eea";
      else {
        safeguard =
          group.find((m) => m.safeguard !== undefined)?.safeguard ??
          about.map((s) => findSafeguard(s.text)).find((x) => x !== undefined) ??
          about.map((s) => findSafeguard(s.paragraph)).find((x) => x !== undefined) ??
          (ADEQUATE_COUNTRIES.has(country) ? "adequacy" : undefined);
      }
    }
    const item: FoundRecipient = {
      name: name.slice(0, MAX_NAME),
      role: role ?? "recipient",
      ...(service !== undefined && service.length <= 300
        ? {
            service: {
              nl: capitalize(service),
              ...(context.language === "en" ? { en: capitalize(service) } : {}),
            },
          }
        : known !== undefined
          ? { service: known.service }
          : {}),
      ...(country === undefined ? {} : { country }),
      ...(safeguard === undefined ? {} : { safeguard }),
    };
    if (service === undefined && known !== undefined) assumed.push("service");
    const missing = [
      ...(country === undefined ? ["country"] : []),
      ...(safeguard === undefined ? ["safeguard"] : []),
    ];
    // A bullet or row that is only this recipient is its source: the list can take its place.
    const entry = group.find((m) => m.whole) ?? first;
    out.push({
      list: "recipients",
      item,
      missing,
      assumed,
      source: entry.source,
      whole: entry.whole && missing.length === 0,
    });
  }
  return out;
}

const namePatterns = new Map<string, RegExp>();

function mentionsName(text: string, name: string): boolean {
  const short = name.split(/[\s,(]/)[0] ?? "";
  if (short.length < 4 || !text.includes(short)) return false;
  let pattern = namePatterns.get(short);
  if (pattern === undefined) {
    pattern = new RegExp(`(?<![\\p{L}])${short.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u");
    namePatterns.set(short, pattern);
  }
  return pattern.test(text);
}

/** The service a cookie belongs to, for finding its provider among the known services. */
function cookieService(name: string): string {
  const starts = (...prefixes: string[]): boolean => prefixes.some((prefix) => name.startsWith(prefix));
  if (starts("_ga", "_gid", "_gat")) return "google analytics";
  if (starts("_gcl")) return "google ads";
  if (starts("_fbp", "_fbc") || name === "fr") return "facebook";
  if (starts("_hj", "_HJ")) return "hotjar";
  if (starts("li_", "bcookie", "lidc")) return "linkedin";
  return "";
}

const COOKIE_NAME =
  /(?<![\p{L}\d_-])(_[a-zA-Z][\w<>]*|[a-zA-Z][a-zA-Z0-9]*_[\w<>]+|PHPSESSID|JSESSIONID|ASP\.NET_SessionId)(?![\p{L}\d])/gu;
const CATEGORY_WORDS: readonly [RegExp, FoundCookie["category"]][] = [
  [
    /functione(?:el|le)|noodzakelijke?|essenti(?:ële|eel)|strictly necessary|functional|necessary/gi,
    "functional",
  ],
  [/analytische?|statistie(?:k|ken)|analytic(?:s|al)?|statistics/gi, "analytic"],
  [/tracking|marketing|advertenties?|advertising|targeting|remarketing/gi, "tracking"],
];
const SESSION = /\bsessie\b|\bsession\b|zolang (?:uw|je|de) browser|browser is closed|browser sluit/i;
const COOKIE_NAME_HEAD = /cookie|naam|name/i;
const PROVIDER_HEAD = /aanbieder|partij|provider|domein|domain|van wie|geplaatst door|set by/i;
const PURPOSE_HEAD = /doel|functie|purpose|what it does|waarvoor/i;
const LIFETIME_HEAD = /bewaartermijn|looptijd|geldigheid|duur|verloopt|expir|duration|lifetime|retention/i;
const TYPE_HEAD = /soort|type|categorie|category/i;

function nearestCategory(text: string, at: number): FoundCookie["category"] | undefined {
  let best: { at: number; category: FoundCookie["category"] } | undefined;
  for (const [pattern, category] of CATEGORY_WORDS) {
    for (const match of text.matchAll(pattern))
      if (match.index <= at && (best === undefined || match.index > best.at))
        best = { at: match.index, category };
  }
  return best?.category;
}

/** "dat uw sessie onthoudt" → "Onthoudt uw sessie"; "which stores your preferences for 6 months" → "Stores your preferences". */
function readPurposeClause(clause: string): string | undefined {
  const relative = /^\)?,?\s*(?:dat|die|which|that)\s+(.+)$/i.exec(clause.trim());
  if (relative !== null) {
    let text = (relative[1] ?? "").split(/,|\s+(?:zolang|en het|and the)\s+/i)[0] ?? "";
    const period = findPeriod(text);
    if (period !== null) text = text.slice(0, period.index).replace(/\s+(?:for|gedurende|voor)\s*$/i, "");
    text = text.trim();
    if (text === "" || /^(?:geldig|valid)\b/i.test(text) || /\b(?:geldig is|geldig blijft)$/i.test(text))
      return undefined;
    const words = text.split(" ");
    // A Dutch subordinate clause ends in its verb: put it first.
    if (/^(?:dat|die)/i.test(relative[0].trim().replace(/^\)?,?\s*/, "")) && words.length > 1) {
      const verb = words.pop() ?? "";
      return capitalize(`${verb} ${words.join(" ")}`);
    }
    return capitalize(text);
  }
  return undefined;
}

export function extractCookies(
  sections: readonly SectionInput[],
  context: { companyName: string; language: Language },
): FoundOf<"cookies">[] {
  const out: FoundOf<"cookies">[] = [];
  const line = (text: string) => (context.language === "nl" ? { nl: text } : { nl: text, en: text });
  const push = (
    section: SectionInput,
    piece: Piece,
    found: {
      name: string;
      provider?: string;
      category?: FoundCookie["category"];
      purpose?: string;
      lifetimeText?: string;
    },
    quote: string,
    whole: boolean,
  ): void => {
    const name = found.name.trim();
    if (name === "") return;
    const known = findKnownCookie(name);
    const assumed: string[] = [];
    const provider = found.provider ?? (known?.provider || undefined) ?? (context.companyName || undefined);
    if (found.provider === undefined) assumed.push("provider");
    let category = found.category;
    if (category === undefined && known !== undefined) {
      category = known.category;
      assumed.push("category");
    }
    category ??= provider === context.companyName ? "functional" : undefined;
    let purpose = found.purpose;
    if (purpose === undefined && known !== undefined) {
      purpose = known.purpose[context.language] ?? known.purpose.nl;
      assumed.push("purpose");
    }
    const period = found.lifetimeText === undefined ? null : findPeriod(found.lifetimeText);
    const session = found.lifetimeText !== undefined && SESSION.test(found.lifetimeText) && period === null;
    let lifetime = period?.period;
    if (lifetime === undefined && !session && known !== undefined) {
      lifetime = known.lifetime;
      assumed.push("lifetime");
    }
    const knownSession = known !== undefined && known.lifetime === undefined && lifetime === undefined;
    const item: FoundCookie = {
      name: name.slice(0, 120),
      provider: (provider ?? "").slice(0, 120),
      category: category ?? "functional",
      ...(purpose === undefined ? {} : { purpose: line(capitalize(purpose).slice(0, 300)) }),
      ...(lifetime === undefined ? {} : { lifetime }),
      ...(session || knownSession ? { session: true } : {}),
    };
    const missing = [
      ...(provider === undefined ? ["provider"] : []),
      ...(category === undefined ? ["category"] : []),
      ...(purpose === undefined ? ["purpose"] : []),
      ...(lifetime === undefined && !session && !knownSession ? ["lifetime"] : []),
    ];
    out.push({
      list: "cookies",
      item,
      missing,
      assumed,
      source: { section: section.index, piece: piece.index, quote },
      whole: whole && missing.length === 0,
    });
  };
  for (const section of sections) {
    for (const piece of section.pieces) {
      if (piece.kind === "row" && piece.head != null && piece.cells !== undefined) {
        const head = piece.head.map((c) => c.text);
        const nameAt = head.findIndex((h) => COOKIE_NAME_HEAD.test(h));
        const lifetimeAt = head.findIndex((h) => LIFETIME_HEAD.test(h));
        if (nameAt < 0 || (lifetimeAt < 0 && !head.some((h) => /cookie/i.test(h)))) continue;
        if (!head.some((h) => /cookie/i.test(h)) && section.about !== "cookies") continue;
        const cell = (at: number): string | undefined => (at < 0 ? undefined : piece.cells?.[at]?.text);
        const typeText = cell(head.findIndex((h) => TYPE_HEAD.test(h)));
        const category =
          typeText === undefined
            ? nearestCategory(`${section.heading} ${piece.text}`, Infinity)
            : nearestCategory(typeText, Infinity);
        push(
          section,
          piece,
          {
            name: cell(nameAt) ?? "",
            ...(cell(head.findIndex((h) => PROVIDER_HEAD.test(h)))
              ? { provider: cell(head.findIndex((h) => PROVIDER_HEAD.test(h))) }
              : {}),
            ...(category ? { category } : {}),
            ...(cell(head.findIndex((h) => PURPOSE_HEAD.test(h)))
              ? { purpose: cell(head.findIndex((h) => PURPOSE_HEAD.test(h))) }
              : {}),
            ...(cell(lifetimeAt) ? { lifetimeText: cell(lifetimeAt) } : {}),
          },
          piece.text,
          true,
        );
        continue;
      }
      if (piece.kind !== "paragraph" && piece.kind !== "bullet") continue;
      for (const sentence of splitSentences(piece.text)) {
        if (!/cookie/i.test(sentence) && section.about !== "cookies") continue;
        const names = [...sentence.matchAll(COOKIE_NAME)].filter((m) => !/^(?:e_mail)$/i.test(m[1] ?? ""));
        names.forEach((match, i) => {
          const name = match[1] ?? "";
          const at = match.index;
          const next = names[i + 1]?.index ?? sentence.length;
          const clause = sentence.slice(at + name.length, next);
          const before = sentence.slice(0, at);
          const provider = KNOWN_PROVIDERS.find((p) =>
            p.pattern.test(sentence.slice(Math.max(0, at - 60), at + name.length + 40)),
          );
          const paren = /^\s*,\s*([^)]*)\)/.exec(clause);
          const lifetimeText = paren?.[1] ?? clause;
          const purposeFromOm = /\bom\s+((?:(?!\bom\b)[^,()])+?\bte\s+[\p{L}-]+)/iu.exec(
            before.slice(-120),
          )?.[1];
          const purpose =
            readPurposeClause(clause) ??
            (purposeFromOm === undefined ? undefined : capitalize(purposeFromOm.replace(/\s+te\s+/, " ")));
          const knownCookie = findKnownCookie(name);
          push(
            section,
            piece,
            {
              name,
              ...(provider !== undefined
                ? { provider: provider.name.replace(/\s*\(.*\)$/, "") }
                : knownCookie?.provider
                  ? {}
                  : {}),
              ...(nearestCategory(sentence, at) ? { category: nearestCategory(sentence, at) } : {}),
              ...(purpose !== undefined ? { purpose } : {}),
              ...(findPeriod(lifetimeText) !== null || SESSION.test(clause)
                ? { lifetimeText: findPeriod(lifetimeText) !== null ? lifetimeText : clause }
                : {}),
            },
            sentence,
            false,
          );
        });
      }
    }
  }
  // One entry per cookie: the table row or bullet that is only this cookie, else the first mention.
  const byName = new Map<string, FoundOf<"cookies">>();
  for (const found of out) {
    const key = found.item.name.toLowerCase();
    const current = byName.get(key);
    if (
      current === undefined ||
      (found.whole && !current.whole) ||
      (found.missing.length < current.missing.length && !current.whole)
    )
      byName.set(key, found);
  }
  return out.filter((found) => byName.get(found.item.name.toLowerCase()) === found);
}
