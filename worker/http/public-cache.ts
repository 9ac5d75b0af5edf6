// The second layer in front of D1 for public statements: the Workers Cache API, which every isolate
// in a Cloudflare data centre shares (the first layer, answer-from-memory.ts, is one isolate's own).
// Two kinds of entries:
//
//   which version of a company is in force: kept for at most IN_FORCE_FOR_SECONDS, never past the
//     moment a scheduled version takes effect, and deleted here by every publish of the company;
//   one rendering of one numbered version: immutable, so kept as long as the cache will.
//
// A request that its isolate's memory cannot answer asks the first, then the second, and only then
// D1; so the answer is always the one of the version in force, and a publish never waits for a
// rendering to expire. Another data centre learns of a publish within IN_FORCE_FOR_SECONDS, the
// same bound as another isolate's memory (README, "Consistency for websites"). The Cache API works
// on a Worker's custom domains; on workers.dev it stores nothing and every miss goes to D1.
import type { Language } from "#shared/model.ts";
import type { Format } from "../db/statements.ts";
import { FRESH_FOR_MS } from "./answer-from-memory.ts";

/** How long a data centre may keep answering which version is in force. */
export const IN_FORCE_FOR_SECONDS = FRESH_FOR_MS / 1000;

const CACHE_NAME = "public-statements";

/** A company's version in force, as the cache keeps it. */
export interface InForce {
  version: number;
  /** When the next scheduled version takes effect; null when none is scheduled. */
  supersededAt: string | null;
}

/** A rendering of a numbered version, as the cache keeps it. */
export interface CachedRendering {
  version: number;
  publishedAt: string;
  language: Language;
  bodyHash: string;
  body: Uint8Array<ArrayBuffer>;
}

/** Which company. */
export interface CompanyAddress {
  group: string;
  tenant: string;
}

/**
 * Cache keys live on the Worker's own public host (Cloudflare's advice: a foreign host costs a DNS
 * lookup), PUBLIC_ORIGIN, which every invocation of this isolate passes in (worker/index.ts): also
 * a publish in a queue consumer, which has no request to take a host from, forgets the right keys.
 */
let keyOrigin: string | null = null;

export function useCacheOrigin(origin: string): void {
  keyOrigin = origin;
}

// Where there is no Cache API (the bench and the seed run the worker's publishing code in Node),
// or before any invocation said where keys live, there is no second layer.
const openCache = (): Promise<Cache> | null =>
  typeof caches === "undefined" || keyOrigin === null ? null : caches.open(CACHE_NAME);

const companyPath = ({ group, tenant }: CompanyAddress): string =>
  `${keyOrigin}/v1/statements/${encodeURIComponent(group)}/${encodeURIComponent(tenant)}`;

const inForceKey = (company: CompanyAddress): string => `${companyPath(company)}?cache=in-force`;

const renderingKey = (
  company: CompanyAddress,
  rendering: { version: number; format: Format; language: Language | null },
): string =>
  `${companyPath(company)}/versions/${rendering.version}?cache=${rendering.format}&lang=${rendering.language ?? ""}`;

/** The version in force at `now` (ms), if this data centre knows it. */
export async function findInForce(company: CompanyAddress, now: number): Promise<InForce | null> {
  const cache = await openCache();
  const hit = await cache?.match(inForceKey(company));
  if (!hit) return null;
  const version = Number(hit.headers.get("Verklaring-Version"));
  // The entry's own end, besides the cache's max-age (whole seconds): it never outlives the
  // moment a scheduled version takes effect.
  const until = Number(hit.headers.get("Verklaring-Until"));
  if (!Number.isInteger(version) || version < 1 || !(until > now)) return null;
  return { version, supersededAt: hit.headers.get("Verklaring-Superseded-At") };
}

/** Remembers which version is in force, for at most IN_FORCE_FOR_SECONDS and never past `supersededAt`. */
export async function keepInForce(company: CompanyAddress, inForce: InForce, now: number): Promise<void> {
  const until = Math.min(
    now + IN_FORCE_FOR_SECONDS * 1000,
    inForce.supersededAt === null ? Infinity : Date.parse(inForce.supersededAt),
  );
  const cache = await openCache();
  if (!cache || until - now < 1000) return;
  const headers = new Headers({
    "Cache-Control": `max-age=${Math.ceil((until - now) / 1000)}`,
    "Verklaring-Version": String(inForce.version),
    "Verklaring-Until": String(until),
  });
  if (inForce.supersededAt !== null) headers.set("Verklaring-Superseded-At", inForce.supersededAt);
  await cache.put(inForceKey(company), new Response(null, { headers }));
}

/**
 * That an address is the current one of an active company: the first step of every public URL
 * (public-company.ts) then needs no D1 query. Kept as briefly as which version is in force, and
 * forgotten here by every change of the company (renamed, archived, restored, deleted); a former
 * address or an archived company is never kept, so its redirect or 410 always comes from D1.
 */
const currentAddressKey = (company: CompanyAddress): string =>
  `${companyPath(company)}?cache=current-address`;

export async function isKnownCurrentAddress(company: CompanyAddress, now: number): Promise<boolean> {
  const cache = await openCache();
  const hit = await cache?.match(currentAddressKey(company));
  return hit !== undefined && Number(hit.headers.get("Verklaring-Until")) > now;
}

export async function keepCurrentAddress(company: CompanyAddress, now: number): Promise<void> {
  const cache = await openCache();
  if (!cache) return;
  await cache.put(
    currentAddressKey(company),
    new Response(null, {
      headers: {
        "Cache-Control": `max-age=${IN_FORCE_FOR_SECONDS}`,
        "Verklaring-Until": String(now + IN_FORCE_FOR_SECONDS * 1000),
      },
    }),
  );
}

export async function forgetCurrentAddresses(companies: readonly CompanyAddress[]): Promise<void> {
  const cache = await openCache();
  if (cache) await Promise.all(companies.map((company) => cache.delete(currentAddressKey(company))));
}

/** After a publish: this data centre answers the companies' new versions from the next request on. */
export async function forgetInForce(companies: readonly CompanyAddress[]): Promise<void> {
  const cache = await openCache();
  if (cache) await Promise.all(companies.map((company) => cache.delete(inForceKey(company))));
}

/**
 * A URL without ?lang is answered in the group's default language, which the privacy lead can
 * change (issue 18, item 3). So this data centre keeps which language that is, per group, as briefly
 * as which version is in force (IN_FORCE_FOR_SECONDS), and the settings change forgets it here at
 * once: such a URL then asks the cache for the rendering in that named language, which never
 * changes. A rendering is only ever kept under a named language: kept under none, a changed default
 * language would be served for good.
 */
const defaultLanguageKey = (group: string): string =>
  `${keyOrigin}/v1/statements/${encodeURIComponent(group)}?cache=default-language`;

export async function findDefaultLanguage(group: string, now: number): Promise<Language | null> {
  const cache = await openCache();
  const hit = await cache?.match(defaultLanguageKey(group));
  if (!hit) return null;
  const language = hit.headers.get("Content-Language");
  const until = Number(hit.headers.get("Verklaring-Until"));
  return (language === "nl" || language === "en") && until > now ? language : null;
}

export async function keepDefaultLanguage(group: string, language: Language, now: number): Promise<void> {
  const cache = await openCache();
  if (!cache) return;
  await cache.put(
    defaultLanguageKey(group),
    new Response(null, {
      headers: {
        "Cache-Control": `max-age=${IN_FORCE_FOR_SECONDS}`,
        "Content-Language": language,
        "Verklaring-Until": String(now + IN_FORCE_FOR_SECONDS * 1000),
      },
    }),
  );
}

/** After the lead changed the default language: this data centre asks D1 again from the next request on. */
export async function forgetDefaultLanguage(group: string): Promise<void> {
  const cache = await openCache();
  await cache?.delete(defaultLanguageKey(group));
}

const keptForGood = (wanted: { language: Language | null }): boolean => wanted.language !== null;

export async function findCachedRendering(
  company: CompanyAddress,
  wanted: { version: number; format: Format; language: Language | null },
): Promise<CachedRendering | null> {
  if (!keptForGood(wanted)) return null;
  const cache = await openCache();
  const hit = await cache?.match(renderingKey(company, wanted));
  if (!hit) return null;
  const language = hit.headers.get("Content-Language");
  const publishedAt = hit.headers.get("Verklaring-Published-At");
  const bodyHash = hit.headers.get("Verklaring-Body-Hash");
  if ((language !== "nl" && language !== "en") || publishedAt === null || bodyHash === null) return null;
  return {
    version: wanted.version,
    publishedAt,
    language,
    bodyHash,
    body: new Uint8Array(await hit.arrayBuffer()),
  };
}

/** Keeps a rendering whose bytes were checked against its hash; a numbered version never changes. */
export async function keepRendering(
  company: CompanyAddress,
  wanted: { format: Format; language: Language | null },
  rendering: CachedRendering,
): Promise<void> {
  if (!keptForGood(wanted)) return;
  const cache = await openCache();
  if (!cache) return;
  await cache.put(
    renderingKey(company, { ...wanted, version: rendering.version }),
    new Response(rendering.body, {
      headers: {
        "Cache-Control": "max-age=31536000, immutable",
        "Content-Language": rendering.language,
        "Verklaring-Published-At": rendering.publishedAt,
        "Verklaring-Body-Hash": rendering.bodyHash,
      },
    }),
  );
}
