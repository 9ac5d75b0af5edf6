// "What changed?" as a reader, a feed reader and a company's console see it: real local D1, the
// demo group seeded, JCC Software with a second version in force and a third one scheduled.
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_BASELINE } from "#shared/demo/index.ts";
import type { StatementDiff } from "#shared/diff.ts";
import { cspHashSource } from "#shared/engine.ts";
import type { TenantContent } from "#shared/model.ts";
import { findStrayAngles, readTags } from "#shared/testing/html.ts";
import { findLatestBaselineVersion } from "../db/baselines.ts";
import { findGroupBySlug, findTenant } from "../db/groups.ts";
import type { VersionSummary } from "../db/statements.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { publishCompanyVersion } from "../publishing/company.ts";
import { createGroup, demoContent, publishAt } from "../test/fixtures.ts";
import { childrenNamed, parseXml, type XmlElement } from "../test/xml.ts";
import { apiAs, call, readError, signInAs } from "../test/clients.ts";

const SEEDED = "2026-01-10T09:00:00.000Z";
const SECOND = "2026-03-01T12:00:00.000Z";
const THIRD_PUBLISHED = "2026-04-01T00:00:00.000Z";
const THIRD_EFFECTIVE = "2099-01-01T00:00:00.000Z";
const ORIGIN = "http://verklaring.test";
const PAGE_TAGS = new Set(
  "html head meta title link style body main h1 h2 p dl dt dd time strong section div ins del footer a ul li table thead tbody tr th td br".split(
    " ",
  ),
);
const JCC = "/v1/statements/conxillium/jcc-software";

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
  exports.default.fetch(new Request(`${ORIGIN}${path}`, { headers }));

/** Like publishAt, but not a material change. */
async function publishQuietly(
  tenantSlug: string,
  content: TenantContent,
  now: string,
  effectiveFrom: string,
): Promise<VersionSummary> {
  const group = await findGroupBySlug(env.DB, "conxillium");
  const tenant = group && (await findTenant(env.DB, group.id, tenantSlug));
  const baseline = group && (await findLatestBaselineVersion(env.DB, group.id));
  if (!group || !tenant || !baseline) throw new Error(`no ${tenantSlug}`);
  return publishCompanyVersion(
    env.DB,
    { group, baseline },
    { tenant, content, changeNote: "Functietitel <b>& co</b> toegevoegd", material: false, effectiveFrom },
    { now, actor: null },
  );
}

beforeAll(async () => {
  await seedDemoGroup(env.DB, SEEDED);
  const v2 = demoContent("jcc-software");
  v2.lists.data_categories.push({ name: { nl: "Klantnummer", en: "Customer number" }, special: false });
  await publishAt(env.DB, "conxillium", "jcc-software", v2, SECOND, { changeNote: "Klantnummer toegevoegd" });
  const v3 = structuredClone(v2);
  v3.lists.data_categories.push({ name: { nl: "Functietitel", en: "Job title" }, special: false });
  await publishQuietly("jcc-software", v3, THIRD_PUBLISHED, THIRD_EFFECTIVE);
  await createGroup(
    env.DB,
    { slug: "eentalig", name: "Eentalig", languages: ["nl"], defaultLanguage: "nl" },
    DEMO_BASELINE,
    [
      { slug: "stil", name: "Stil", content: demoContent("sim") },
      { slug: "later", name: "Later", content: demoContent("pharox") },
      { slug: "rommel", name: "Rommel", content: demoContent("pharox") },
    ],
    SEEDED,
  );
  await publishAt(env.DB, "eentalig", "rommel", demoContent("pharox"), SEEDED);
  const hostile = demoContent("pharox");
  hostile.lists.data_categories.push({ name: { nl: '<img src=x onerror="alert(1)"> & co' }, special: false });
  await publishAt(env.DB, "eentalig", "rommel", hostile, SECOND, { changeNote: "<script>alert(1)</script>" });
  await publishAt(env.DB, "eentalig", "later", demoContent("pharox"), SEEDED, {
    effectiveFrom: THIRD_EFFECTIVE,
  });
});

describe("the 'what changed' page", () => {
  it("shows version 2 against version 1 with the new data category inserted", async () => {
    const res = await get(`${JCC}/changes`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("Content-Language")).toBe("nl");
    const html = await res.text();
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain("<h1>Wat is er veranderd?</h1>");
    expect(html).toContain("versie 2 (geldig vanaf 1 maart 2026)");
    expect(html).toContain("versie 1 (geldig vanaf 10 januari 2026)");
    expect(html).toContain("Klantnummer toegevoegd");
    expect(html).toContain("Wezenlijke wijziging");
    // The list is a list, and its new item is marked as a whole.
    expect(html).toContain("<li><ins>Klantnummer</ins></li>");
    expect(html).not.toMatch(/^- /m);
    expect(html).toContain("Welke gegevens verwerken wij?");
    // The scheduled third version is not in force, so it is not what is compared.
    expect(html).not.toContain("Functietitel");
  });

  it("is the same at .html, and in English with ?lang=en", async () => {
    expect(await (await get(`${JCC}/changes.html`)).text()).toBe(await (await get(`${JCC}/changes`)).text());
    const res = await get(`${JCC}/changes?lang=en`);
    expect(res.headers.get("Content-Language")).toBe("en");
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>What changed?</h1>");
    expect(html).toContain("version 2 (effective from 1 March 2026)");
    expect(html).toContain("<li><ins>Customer number</ins></li>");
  });

  it("says so when there is only one version", async () => {
    const html = await (await get("/v1/statements/conxillium/pharox/changes")).text();
    expect(html).toContain("Er is nog maar één versie van deze privacyverklaring: versie 1");
    expect(html).not.toMatch(/<ins>|<del>/);
  });

  it("shows what authors typed as text, never as markup", async () => {
    const html = await (await get("/v1/statements/eentalig/rommel/changes")).text();
    expect(findStrayAngles(html)).toBe(0);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<li><ins>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co</ins></li>");
    const tags = new Set(readTags(html).map((tag) => tag.name));
    expect([...tags].filter((name) => !PAGE_TAGS.has(name))).toEqual([]);
  });

  it("runs under a strict CSP that allows exactly its own style", async () => {
    const res = await get(`${JCC}/changes`);
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    const html = await res.text();
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${cspHashSource(style)}`);
    expect(csp).not.toContain("unsafe-inline");
    expect(html).not.toMatch(/<script|style="/);
  });

  it("carries the document policies as a page, and the feed and JSON go without", async () => {
    const page = await get(`${JCC}/changes`);
    expect(page.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(page.headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d+/);
    for (const path of ["/changes.atom", "/changes.json"]) {
      const res = await get(`${JCC}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("Referrer-Policy"), path).toBeNull();
      expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
    }
  });

  it("answers a matching If-None-Match with 304 and is cacheable", async () => {
    const first = await get(`${JCC}/changes`);
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(first.headers.get("Cache-Control")).toMatch(/public, max-age=\d+, stale-while-revalidate/);
    const again = await get(`${JCC}/changes`, { "If-None-Match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await get(`${JCC}/changes?lang=en`, { "If-None-Match": etag! })).status).toBe(200);
  });

  it("gives the same comparison as JSON", async () => {
    const res = await get(`${JCC}/changes.json`);
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const body = await res.json<{
      current: Record<string, unknown>;
      previous: Record<string, unknown>;
      diff: StatementDiff;
    }>();
    expect(body.current).toMatchObject({
      version: 2,
      effectiveFrom: SECOND,
      changeNote: "Klantnummer toegevoegd",
      material: true,
      url: `${ORIGIN}${JCC}/versions/2`,
    });
    expect(body.previous).toMatchObject({ version: 1, publishedAt: SEEDED });
    const categories = body.diff.sections.find((s) => s.key === "data_categories");
    expect(categories?.status).toBe("changed");
    const added = categories?.diff.parts.filter((p) => p.op === "added").map((p) => p.text.trim());
    expect(added).toEqual(["- Klantnummer"]);
    expect(body.diff.totals).toMatchObject({
      changed: 1,
      added: 0,
      removed: 0,
      wordsAdded: 1,
      wordsRemoved: 0,
    });
  });
});

describe("the Atom feed", () => {
  const readFeed = async (query = ""): Promise<{ res: Response; feed: XmlElement }> => {
    const res = await get(`${JCC}/changes.atom${query}`);
    return { res, feed: parseXml(await res.text()) };
  };
  const text = (element: XmlElement | undefined, name: string): string =>
    (element && childrenNamed(element, name)[0]?.text) ?? "";

  it("is well-formed Atom with one entry per published version, newest first", async () => {
    const { res, feed } = await readFeed();
    expect(res.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    expect(feed.name).toBe("feed");
    expect(feed.attributes.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(text(feed, "updated")).toBe(THIRD_PUBLISHED);
    const self = childrenNamed(feed, "link").find((l) => l.attributes.rel === "self");
    expect(self?.attributes.href).toBe(`${ORIGIN}${JCC}/changes.atom`);
    const entries = childrenNamed(feed, "entry");
    expect(entries.map((e) => text(e, "id"))).toEqual(
      [3, 2, 1].map((n) => `tag:verklaring,2026:conxillium/jcc-software/versions/${n}`),
    );
    expect(entries.map((e) => text(e, "updated"))).toEqual([THIRD_PUBLISHED, SECOND, SEEDED]);
    expect(entries.map((e) => childrenNamed(e, "link")[0]?.attributes.href)).toEqual(
      [3, 2, 1].map((n) => `${ORIGIN}${JCC}/versions/${n}`),
    );
    expect(text(entries[1], "title")).toBe("Versie 2 van de privacyverklaring van JCC Software");
    expect(text(entries[1], "summary")).toBe("Klantnummer toegevoegd");
  });

  it("marks material changes, escapes author text and says what changed", async () => {
    const { feed } = await readFeed();
    const [third, second, first] = childrenNamed(feed, "entry");
    expect(childrenNamed(third!, "category")).toEqual([]);
    expect(childrenNamed(second!, "category")[0]?.attributes.term).toBe("material");
    expect(childrenNamed(first!, "category")[0]?.attributes.term).toBe("material");
    // The change note is text, even when it looks like markup.
    expect(text(third, "summary")).toBe("Functietitel <b>& co</b> toegevoegd");
    const content = childrenNamed(second!, "content")[0];
    expect(content?.attributes.type).toBe("html");
    expect(content?.text).toContain("Ten opzichte van versie 1:");
    expect(content?.text).toContain("Gewijzigd: Welke gegevens verwerken wij? (1 woord toegevoegd)");
    expect(text(first, "content")).toContain("Eerste versie");
  });

  it("is in English with ?lang=en, linking to the English versions", async () => {
    const { res, feed } = await readFeed("?lang=en");
    expect(res.headers.get("Content-Language")).toBe("en");
    expect(feed.attributes["xml:lang"]).toBe("en");
    const entry = childrenNamed(feed, "entry")[0];
    expect(text(entry, "title")).toBe("Version 3 of the privacy statement of JCC Software");
    expect(childrenNamed(entry!, "link")[0]?.attributes.href).toBe(`${ORIGIN}${JCC}/versions/3?lang=en`);
  });
});

describe("what cannot be compared", () => {
  const cases: [string, number, string, string?][] = [
    ["/v1/statements/nope/jcc-software/changes", 404, "group_not_found"],
    ["/v1/statements/conxillium/nope/changes.json", 404, "tenant_not_found"],
    ["/v1/statements/conxillium/nope/changes.atom", 404, "tenant_not_found"],
    ["/v1/statements/eentalig/stil/changes", 404, "not_published"],
    ["/v1/statements/eentalig/stil/changes.atom", 404, "not_published"],
    ["/v1/statements/eentalig/later/changes.json", 404, "not_in_force"],
    [`${JCC}/changes?lang=de`, 400, "invalid_request", "lang"],
    [`${JCC}/changes.atom?lang=fr`, 400, "invalid_request", "lang"],
  ];
  it.each(cases)("%s → %i %s", async (path, status, code, field) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    const { error } = await res.json<{ error: { code: string; issues?: { field: string }[] } }>();
    expect(error.code).toBe(code);
    if (field) expect(error.issues?.map((i) => i.field)).toContain(field);
  });

  it("falls back to the group's language like the statement does", async () => {
    const res = await get("/v1/statements/eentalig/later/changes.atom?lang=en");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Language")).toBe("nl");
  });
});

describe("a company's versions in the console", () => {
  // Through the real API as the group's privacy lead, who may read every company.
  const versionsAsLead = async () =>
    apiAs(await signInAs("lead@conxillium.example")).api.groups[":group"].tenants[":tenant"].versions;

  it("lists the company's versions with their status", async () => {
    const res = await (
      await versionsAsLead()
    ).$get({ param: { group: "conxillium", tenant: "jcc-software" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toContain("no-store");
    const { versions } = await res.json();
    expect(versions.map((v) => [v.number, v.status])).toEqual([
      [3, "scheduled"],
      [2, "in_force"],
      [1, "superseded"],
    ]);
  });

  it("diffs any two of its versions, in either direction and language", async () => {
    const versions = await versionsAsLead();
    const param = { group: "conxillium", tenant: "jcc-software" };
    const forward = await (
      await versions.diff.$get({ param, query: { from: "1", to: "3", lang: "en" } })
    ).json();
    expect(forward).toMatchObject({
      language: "en",
      from: { version: 1 },
      to: { version: 3, material: false },
    });
    expect(forward.diff.totals).toMatchObject({ changed: 1, wordsAdded: 4, wordsRemoved: 0 });
    const back = await (await versions.diff.$get({ param, query: { from: "3", to: "2" } })).json();
    const parts = back.diff.sections.find((s) => s.key === "data_categories")?.diff.parts;
    expect(parts?.filter((p) => p.op === "removed").map((p) => p.text.trim())).toEqual(["- Functietitel"]);
  });

  // Malformed queries on purpose, so sent untyped: the typed client would not let them through.
  const diffUntyped = async (tenant: string, query: string): Promise<Response> =>
    call(`/api/groups/conxillium/tenants/${tenant}/versions/diff${query}`, {
      cookie: await signInAs("lead@conxillium.example"),
    });

  it.each([
    ["?from=1&to=9", 404, "version_not_found"],
    ["?from=7&to=1", 404, "version_not_found"],
    ["?to=2", 400, "from"],
    ["?from=0&to=2", 400, "from"],
    ["?from=1&to=two", 400, "to"],
    ["?from=1&to=2&lang=de", 400, "lang"],
  ])("/diff%s → %i", async (query, status, detail) => {
    const res = await diffUntyped("jcc-software", query);
    expect(res.status).toBe(status);
    const { error } = await readError(res);
    if (status === 404) expect(error.code).toBe(detail);
    else expect(error.issues?.map((i) => i.field)).toContain(detail);
  });

  it("only ever reads the company the access middleware chose", async () => {
    // Pharox has only version 1: JCC's version 2 does not exist for it, whatever the URL says.
    const res = await diffUntyped("pharox", "?from=1&to=2&tenant=jcc-software");
    expect(res.status).toBe(404);
  });
});

describe("the XML reader the feed tests rely on", () => {
  it.each([
    "<a><b></a></b>",
    "<a></a><b></b>",
    "<a x=1></a>",
    '<a x="1" x="2"></a>',
    "<a>&nbsp;</a>",
    "<a>& </a>",
    "<a>\u0001</a>",
    "<a>&#1;</a>",
    "<a>",
    "text<a></a>",
    "",
  ])("rejects %j", (source) => {
    expect(() => parseXml(source)).toThrow(/not well-formed/);
  });

  it("reads elements, attributes and entities", () => {
    const root = parseXml("<?xml version=\"1.0\"?>\n<a k='&lt;&#x41;'><b/>x &amp; y<!-- c --></a>");
    expect(root).toEqual({
      name: "a",
      attributes: { k: "<A" },
      children: [{ name: "b", attributes: {}, children: [], text: "" }],
      text: "x & y",
    });
  });
});
