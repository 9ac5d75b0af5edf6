// The public endpoint as a company website sees it: real worker, real local D1, demo group seeded.
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_BASELINE } from "#shared/demo/index.ts";
import { cspHashSource, PAGE_STYLE } from "#shared/engine.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { createGroup, demoContent, publishAt } from "../test/fixtures.ts";

const SEEDED = "2026-01-10T09:00:00.000Z";
const SECOND = "2026-03-01T12:00:00.000Z";
const THIRD_PUBLISHED = "2026-04-01T00:00:00.000Z";
const THIRD_EFFECTIVE = "2099-01-01T00:00:00.000Z";
const JCC = "http://verklaring.test/v1/statements/conxillium/jcc-software";

const get = (url: string, headers: Record<string, string> = {}): Promise<Response> =>
  exports.default.fetch(new Request(url, { headers }));

beforeAll(async () => {
  await seedDemoGroup(env.DB, SEEDED);
  // JCC Software: version 2 adds a data category; version 3 is scheduled far in the future.
  const v2 = demoContent("jcc-software");
  v2.lists.data_categories.push({ name: { nl: "Klantnummer", en: "Customer number" }, special: false });
  await publishAt(env.DB, "conxillium", "jcc-software", v2, SECOND, { changeNote: "Klantnummer toegevoegd" });
  const v3 = structuredClone(v2);
  v3.lists.data_categories.push({ name: { nl: "Functietitel", en: "Job title" }, special: false });
  await publishAt(env.DB, "conxillium", "jcc-software", v3, THIRD_PUBLISHED, {
    effectiveFrom: THIRD_EFFECTIVE,
  });
  // A Dutch-only group, and a company there that has published nothing.
  await createGroup(
    env.DB,
    { slug: "eentalig", name: "Eentalig", languages: ["nl"], defaultLanguage: "nl" },
    DEMO_BASELINE,
    [
      { slug: "alpha", name: "Alpha", content: demoContent("pharox") },
      { slug: "stil", name: "Stil", content: demoContent("sim") },
    ],
    SEEDED,
  );
  await publishAt(env.DB, "eentalig", "alpha", demoContent("pharox"), SEEDED);
});

describe("JCC Software's statement in every representation", () => {
  const cases = [
    { path: ".html", type: "text/html", starts: "<!doctype html>" },
    { path: "?fragment", type: "text/html", starts: "<article" },
    { path: ".json", type: "application/json", starts: "{" },
    { path: ".md", type: "text/markdown", starts: "# " },
    { path: ".txt", type: "text/plain", starts: "Privac" },
  ];
  const titles = { nl: "Privacyverklaring JCC Software", en: "Privacy statement JCC Software" };

  for (const lang of ["nl", "en"] as const) {
    for (const { path, type, starts } of cases) {
      it(`serves ${path} in ${lang}`, async () => {
        const sep = path.includes("?") ? "&" : "?";
        const res = await get(`${JCC}${path}${sep}lang=${lang}`);
        expect(res.status).toBe(200);
        expect(res.headers.get("Content-Type")).toBe(`${type}; charset=utf-8`);
        expect(res.headers.get("Content-Language")).toBe(lang);
        const body = await res.text();
        expect(body.startsWith(starts)).toBe(true);
        expect(body).toContain(titles[lang]);
        // Version 2 is in force: its new data category is there, version 3's is not yet.
        expect(body).toContain(lang === "nl" ? "Klantnummer" : "Customer number");
        expect(body).not.toContain(lang === "nl" ? "Functietitel" : "Job title");
        expect(body).not.toMatch(/\{\{|undefined/);
      });
    }
  }

  it("gives JSON with the version's metadata and every section", async () => {
    const res = await get(`${JCC}.json?lang=en`);
    const json = await res.json<Record<string, unknown> & { sections: Record<string, unknown>[] }>();
    expect(json).toMatchObject({
      group: { slug: "conxillium", name: "Conxillium" },
      tenant: { slug: "jcc-software", name: "JCC Software" },
      version: 2,
      language: "en",
      publishedAt: SECOND,
      effectiveFrom: SECOND,
    });
    expect(json.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const keys = json.sections.map((s) => s.key);
    expect(keys).toEqual(
      expect.arrayContaining(["introduction", "data_categories", "retention", "rights", "cookies"]),
    );
    for (const section of json.sections) {
      expect(section).toEqual(
        expect.objectContaining({
          key: expect.any(String),
          title: expect.any(String),
          html: expect.any(String),
        }),
      );
    }
  });

  it("serves the HTML fragment without a document around it", async () => {
    const body = await (await get(`${JCC}.html?fragment`)).text();
    expect(body).not.toMatch(/<html|<head|<style|<script/i);
    expect(body).toContain("Privacyverklaring JCC Software");
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await exports.default.fetch(new Request(`${JCC}.json`, { method: "HEAD" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(await res.text()).toBe("");
  });
});

describe("content negotiation", () => {
  it.each([
    ["application/json", "application/json"],
    ["text/markdown", "text/markdown"],
    ["text/plain", "text/plain"],
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"],
    ["*/*", "text/html"],
    ["text/plain;q=0.5, application/json", "application/json"],
  ])("Accept %s gives %s and varies on Accept", async (accept, type) => {
    const res = await get(JCC, { Accept: accept });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe(`${type}; charset=utf-8`);
    expect(res.headers.get("Vary")).toContain("Accept");
  });

  it("refuses an Accept it cannot satisfy with 406", async () => {
    const res = await get(JCC, { Accept: "image/png" });
    expect(res.status).toBe(406);
    expect((await res.json<{ error: { message: string } }>()).error.message).toContain("application/json");
  });
});

describe("caching", () => {
  it("answers a matching If-None-Match with 304 and no body", async () => {
    const first = await get(`${JCC}.html`);
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await get(`${JCC}.html`, { "If-None-Match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("ETag")).toBe(etag);
    expect((await get(`${JCC}.html`, { "If-None-Match": `W/${etag}, "other"` })).status).toBe(304);
    expect((await get(`${JCC}.html`, { "If-None-Match": '"stale"' })).status).toBe(200);
  });

  it("gives each representation its own ETag", async () => {
    const tags = await Promise.all(
      [".html", ".json", ".md", ".txt", ".html?lang=en", ".html?fragment"].map(async (p) =>
        (await get(`${JCC}${p}`)).headers.get("ETag"),
      ),
    );
    expect(new Set(tags).size).toBe(tags.length);
  });

  it("is cacheable by a CDN, readable cross-origin and not sniffed", async () => {
    const res = await get(`${JCC}.json`, { Origin: "https://www.jccsoftware.example" });
    expect(res.headers.get("Cache-Control")).toMatch(/public/);
    expect(res.headers.get("Cache-Control")).toMatch(/max-age=\d+/);
    expect(res.headers.get("Cache-Control")).toMatch(/stale-while-revalidate=\d+/);
    expect(res.headers.get("Last-Modified")).toBe(new Date(SECOND).toUTCString());
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Expose-Headers")).toContain("ETag");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  // Each format carries what it uses (worker/http/public-headers.ts); a new header here is a
  // decision, not an accident.
  it("sends each format exactly the headers it uses: document policies only on the page", async () => {
    const common = [
      "access-control-allow-origin",
      "access-control-expose-headers",
      "cache-control",
      "content-language",
      "content-security-policy",
      "content-type",
      "cross-origin-resource-policy",
      "etag",
      "last-modified",
      // Where the answer came from (d1, cache or memory): the bench counts what reaches D1.
      "server-timing",
      "x-content-type-options",
    ];
    const document = ["cross-origin-opener-policy", "referrer-policy", "strict-transport-security"];
    const namesOf = (res: Response): string[] =>
      [...res.headers.keys()].filter((name) => name !== "content-length").sort();
    const page = await get(`${JCC}.html`);
    expect(namesOf(page)).toEqual([...common, ...document].sort());
    expect(page.headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    expect(page.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(page.headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    for (const path of [".json", ".md", ".txt", ".html?fragment"]) {
      const res = await get(`${JCC}${path}`);
      expect(namesOf(res), path).toEqual(common);
      expect(res.headers.get("Content-Security-Policy"), path).toBe("default-src 'none'");
    }
    for (const res of [page, await get(`${JCC}.json`)]) {
      expect(res.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    }
  });

  it("marks numbered versions immutable", async () => {
    const res = await get(`${JCC}/versions/1.json`);
    expect(res.headers.get("Cache-Control")).toContain("immutable");
  });

  it("sends a strict CSP with the page that allows exactly its own style", async () => {
    const res = await get(`${JCC}.html`);
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${cspHashSource(PAGE_STYLE)}`);
    expect(csp).not.toContain("unsafe-inline");
    expect(await res.text()).toContain(`<style>${PAGE_STYLE}</style>`);
  });

  it("answers a CORS preflight", async () => {
    const res = await exports.default.fetch(
      new Request(`${JCC}.json`, {
        method: "OPTIONS",
        headers: {
          Origin: "https://a.example",
          "Access-Control-Request-Method": "GET",
          "Access-Control-Request-Headers": "if-none-match",
        },
      }),
    );
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});

describe("version history", () => {
  it("lists every version, newest first, with its status", async () => {
    const res = await get(`${JCC}/versions`);
    expect(res.status).toBe(200);
    const { versions } = await res.json<{ versions: Record<string, unknown>[] }>();
    expect(versions.map((v) => [v.number, v.status])).toEqual([
      [3, "scheduled"],
      [2, "in_force"],
      [1, "superseded"],
    ]);
    expect(versions[1]).toMatchObject({
      publishedAt: SECOND,
      effectiveFrom: SECOND,
      changeNote: "Klantnummer toegevoegd",
      baselineVersion: 1,
    });
    expect(versions[0]).toMatchObject({ effectiveFrom: THIRD_EFFECTIVE });
    for (const v of versions) expect(v.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives a browser a page of every version, each linking to its own address, the JSON to programs", async () => {
    const browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    const res = await get(`${JCC}/versions`, { Accept: browserAccept });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("Vary")).toBe("Accept");
    expect(res.headers.get("Content-Language")).toBe("nl");
    expect(res.headers.get("Content-Security-Policy")).toContain(cspHashSource(PAGE_STYLE));
    const page = await res.text();
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain("<h1>Alle versies</h1>");
    const links = [...page.matchAll(/<a href="([^"]+)">Versie (\d+)<\/a> <small>\(([^)]+)\)<\/small>/g)].map(
      (m) => [m[1], m[2], m[3]],
    );
    expect(links).toEqual([
      [`${JCC}/versions/3`, "3", "gaat later in"],
      [`${JCC}/versions/2`, "2", "geldt nu"],
      [`${JCC}/versions/1`, "1", "vervangen"],
    ]);
    expect(page).toContain('Geldig vanaf <time datetime="2026-03-01">1 maart 2026</time>');
    expect(page).toContain("Toelichting: Klantnummer toegevoegd");
    expect(page).toContain(`<a href="${JCC}/changes">Wat is er veranderd?</a>`);

    // The same list for a program: JSON, as before, also when it accepts anything.
    for (const accept of ["*/*", "application/json", ""]) {
      const json = await get(`${JCC}/versions`, accept ? { Accept: accept } : {});
      expect(json.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
      expect((await json.json<{ versions: unknown[] }>()).versions).toHaveLength(3);
    }
  });

  it("serves the page at /versions.html too, in the language asked for, linking in that language", async () => {
    const res = await get(`${JCC}/versions.html?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Vary")).toBeNull();
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("<h1>All versions</h1>");
    expect(page).toContain(`<a href="${JCC}/versions/2?lang=en">Version 2</a> <small>(in force)</small>`);
    expect(page).toContain('Effective from <time datetime="2026-03-01">1 March 2026</time>');
    expect(page).toContain(`<a href="${JCC}?lang=en">Read the privacy statement in force</a>`);
    expect((await get(`${JCC}/versions.html?lang=de`)).status).toBe(400);
    const unknown = await get("http://verklaring.test/v1/statements/conxillium/nope/versions.html");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "tenant_not_found" } });
  });

  it("serves a numbered version in any format", async () => {
    const one = await (await get(`${JCC}/versions/1.json`)).json<{ version: number }>();
    expect(one.version).toBe(1);
    const twoMd = await (await get(`${JCC}/versions/2.md?lang=en`)).text();
    expect(twoMd).toContain("Customer number");
    const oneHtml = await (await get(`${JCC}/versions/1.html`)).text();
    expect(oneHtml).not.toContain("Klantnummer");
  });

  it.each([
    ["2026-01-10T09:00:00.000Z", 1],
    ["2026-02-01T00:00:00Z", 1],
    ["2026-03-01T13:00:00+01:00", 2],
    ["2026-03-01T12:00:00.000Z", 2],
    ["2098-12-31T23:59:59Z", 2],
    ["2099-06-01T00:00:00Z", 3],
  ])("?at=%s serves version %i", async (at, version) => {
    const res = await get(`${JCC}.json?at=${encodeURIComponent(at)}`);
    expect(res.status).toBe(200);
    expect((await res.json<{ version: number }>()).version).toBe(version);
  });

  it("keeps the version in force until a scheduled one takes effect", async () => {
    const current = await (await get(`${JCC}.json`)).json<{ version: number }>();
    expect(current.version).toBe(2);
  });
});

describe("languages", () => {
  it("falls back to the group's default language and says so", async () => {
    const res = await get("http://verklaring.test/v1/statements/eentalig/alpha.html?lang=en");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Language")).toBe("nl");
    expect(await res.text()).toContain('<html lang="nl"');
  });
});

describe("bad requests are answered with what was wrong", () => {
  const cases: [string, number, string, string?][] = [
    ["/v1/statements/nope/jcc-software", 404, "group_not_found"],
    ["/v1/statements/conxillium/nope.json", 404, "tenant_not_found"],
    ["/v1/statements/eentalig/stil", 404, "not_published"],
    ["/v1/statements/conxillium/jcc-software/versions/9", 404, "version_not_found"],
    ["/v1/statements/conxillium/jcc-software/versions/zero", 404, "version_not_found"],
    ["/v1/statements/conxillium/jcc-software.json?at=2025-01-01T00:00:00Z", 404, "not_in_force"],
    ["/v1/statements/conxillium/jcc-software.pdf", 404, "unknown_format"],
    ["/v1/statements/conxillium/jcc-software?lang=de", 400, "invalid_request", "lang"],
    ["/v1/statements/conxillium/jcc-software?at=yesterday", 400, "invalid_request", "at"],
    ["/v1/statements/conxillium/jcc-software?at=2026-13-45T99:00:00Z", 400, "invalid_request", "at"],
    ["/v1/statements/conxillium/jcc-software.json?fragment", 400, "invalid_request", "fragment"],
    ["/v1/nothing-here", 404, "not_found"],
  ];
  it.each(cases)("%s → %i %s", async (path, status, code, field) => {
    const res = await get(`http://verklaring.test${path}`);
    expect(res.status).toBe(status);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const { error } = await res.json<{
      error: { code: string; message: string; issues?: { field: string }[] };
    }>();
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    if (field) expect(error.issues?.map((i) => i.field)).toContain(field);
  });

  it("shows a browser a small HTML page saying what was wrong, in English when the address asks for it", async () => {
    const res = await get("http://verklaring.test/v1/statements/conxillium/nope?lang=en", {
      Accept: "text/html,*/*;q=0.8",
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("Conxillium has no company &quot;nope&quot;");
  });

  it("answers a Dutch public address with a Dutch page, not an English one", async () => {
    for (const url of [
      "http://verklaring.test/v1/statements/conxillium/nope",
      "http://verklaring.test/v1/statements/conxillium/nope?lang=nl",
      "http://verklaring.test/v1/statements/nope/jcc-software",
      "http://verklaring.test/v1/statements/conxillium/jcc-software/versions/9",
    ]) {
      const res = await get(url, { Accept: "text/html,*/*;q=0.8" });
      expect(res.status).toBe(404);
      const page = await res.text();
      expect(page, url).toContain('<html lang="nl">');
      expect(page, url).toContain("Niet gevonden");
      expect(page, url).not.toMatch(/has no|No group|not found/);
    }
    expect(
      await (
        await get("http://verklaring.test/v1/statements/conxillium/nope", { Accept: "text/html" })
      ).text(),
    ).toContain("Dit bedrijf is bij deze groep niet bekend");
  });

  it("never echoes markup from the URL into the error page", async () => {
    const res = await get("http://verklaring.test/v1/statements/%3Cscript%3E/x", { Accept: "text/html" });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("<script>");
  });
});

describe("the group directory", () => {
  it("lists the companies of a group with their version in force", async () => {
    const res = await get("http://verklaring.test/v1/statements/conxillium");
    const body = await res.json<{ companies: { slug: string; version: number | null }[] }>();
    expect(body.companies.map((c) => c.slug)).toEqual([
      "beheervisie",
      "dataquint",
      "geotax",
      "i-real",
      "jcc-software",
      "pharox",
      "procura",
      "sim",
    ]);
    expect(body.companies.find((c) => c.slug === "jcc-software")?.version).toBe(2);
    expect(body.companies.every((c) => c.version !== null)).toBe(true);
  });
});
