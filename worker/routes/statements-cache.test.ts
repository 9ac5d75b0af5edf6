// The public endpoint answers from the isolate's memory between D1 reads (worker/http/answer-from-memory.ts).
// What a website relies on: a publish here is visible at once, one in another isolate within
// FRESH_FOR_MS, and a scheduled version from the moment it takes effect. Each test uses its own
// company, since the file's tests share one database.
import { env, exports } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { runWithAudit } from "../db/audit.ts";
import { findLatestBaselineVersion } from "../db/baselines.ts";
import { findGroupBySlug, findTenant } from "../db/groups.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { forgetRememberedResponses, FRESH_FOR_MS, recallResponse } from "../http/answer-from-memory.ts";
import { prepareCompanyVersion } from "../publishing/company.ts";
import { demoContent, publishAt } from "../test/fixtures.ts";

const START = new Date("2026-11-22T10:00:00.000Z");

const fetchStatement = (slug: string, path: string, init: RequestInit = {}): Promise<Response> =>
  exports.default.fetch(new Request(`http://verklaring.test/v1/statements/conxillium/${slug}${path}`, init));

async function servedVersion(slug: string): Promise<number> {
  const res = await fetchStatement(slug, ".json");
  expect(res.status).toBe(200);
  return (await res.json<{ version: number }>()).version;
}

function withDataCategory(slug: string, name: string) {
  const content = demoContent(slug);
  content.lists.data_categories.push({ name: { nl: name, en: name }, special: false });
  return content;
}

/** A publish as another isolate performs it: the same writes, without touching this isolate's memory. */
async function publishElsewhere(slug: string, now: string): Promise<void> {
  const group = await findGroupBySlug(env.DB, "conxillium");
  const tenant = group && (await findTenant(env.DB, group.id, slug));
  const baseline = group && (await findLatestBaselineVersion(env.DB, group.id));
  if (!group || !tenant || !baseline) throw new Error("demo group missing");
  const prepared = await prepareCompanyVersion(
    env.DB,
    { group, baseline },
    { tenant, content: withDataCategory(slug, "Elders"), changeNote: "elsewhere", material: false },
    { now, actor: null },
  );
  await runWithAudit(env.DB, prepared.statements, prepared.audit);
}

/**
 * The SQL the public endpoint sends to D1 from now on (it reads through a D1 session, app.ts), until
 * the returned function is called.
 */
function countPublicReads(): () => string[] {
  const sent: string[] = [];
  const open = env.DB.withSession.bind(env.DB);
  const spy = vi.spyOn(env.DB, "withSession").mockImplementation((constraint) => {
    const session = open(constraint);
    const prepare = session.prepare.bind(session);
    session.prepare = (sql: string) => {
      sent.push(sql);
      return prepare(sql);
    };
    return session;
  });
  return () => {
    spy.mockRestore();
    return sent;
  };
}

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("public statements served from the isolate's memory", () => {
  it("shows a publish made in this isolate on the very next request", async () => {
    expect(await servedVersion("jcc-software")).toBe(1);
    const content = withDataCategory("jcc-software", "Hier");
    await publishAt(env.DB, "conxillium", "jcc-software", content, START.toISOString());
    expect(await servedVersion("jcc-software")).toBe(2);
  });

  it("shows a publish made in another isolate once the memory is no longer fresh", async () => {
    expect(await servedVersion("dataquint")).toBe(1);
    await publishElsewhere("dataquint", START.toISOString());
    // Still the remembered version: the bounded staleness docs/deployment.md documents.
    expect(await servedVersion("dataquint")).toBe(1);
    vi.setSystemTime(START.getTime() + FRESH_FOR_MS);
    expect(await servedVersion("dataquint")).toBe(2);
  });

  it("serves a scheduled version from the moment it takes effect, though the current one is remembered", async () => {
    const effectiveFrom = new Date(START.getTime() + 2000).toISOString();
    const content = withDataCategory("pharox", "Later");
    await publishAt(env.DB, "conxillium", "pharox", content, START.toISOString(), { effectiveFrom });
    const page = async () => (await fetchStatement("pharox", ".html")).text();
    expect(await page()).not.toContain("Later");
    vi.setSystemTime(START.getTime() + 1999);
    expect(await page()).not.toContain("Later");
    vi.setSystemTime(START.getTime() + 2000);
    expect(await page()).toContain("Later");
  });

  it("keeps languages and formats apart", async () => {
    const nl = await (await fetchStatement("geotax", ".txt?lang=nl")).text();
    const en = await (await fetchStatement("geotax", ".txt?lang=en")).text();
    const md = await (await fetchStatement("geotax", ".md?lang=en")).text();
    expect(nl).toContain("Privacyverklaring GeoTax");
    expect(en).toContain("Privacy statement GeoTax");
    expect(md.startsWith("# Privacy statement GeoTax")).toBe(true);
  });

  it("answers revalidations from memory with the stored validators, also when the first request was conditional", async () => {
    // The ETag as a website already holds it (a dated request is never remembered).
    const dated = await fetchStatement("procura", `.html?at=${START.toISOString()}`);
    const etag = dated.headers.get("ETag")!;
    const html = await dated.text();
    for (let i = 0; i < 2; i++) {
      const res = await fetchStatement("procura", ".html", { headers: { "If-None-Match": etag } });
      expect(res.status).toBe(304);
      expect(await res.text()).toBe("");
      expect(res.headers.get("ETag")).toBe(etag);
      expect(res.headers.get("Cache-Control")).toContain("max-age=300");
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      // Only validators and caching headers: nothing that describes a body it does not have.
      const names = [...res.headers.keys()];
      expect(names, `attempt ${i + 1}`).not.toContain("content-security-policy");
      expect(names, `attempt ${i + 1}`).not.toContain("content-type");
    }
    const full = await fetchStatement("procura", ".html");
    expect(full.status).toBe(200);
    expect(full.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(full.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(await full.text()).toBe(html);
    const stale = await fetchStatement("procura", ".html", { headers: { "If-None-Match": '"0000"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(html);
    const head = await fetchStatement("procura", ".html", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("ETag")).toBe(etag);
    expect(await head.text()).toBe("");
  });

  it("gives every answer from memory headers of its own: changing one changes no later answer", async () => {
    const url = "http://verklaring.test/v1/statements/conxillium/beheervisie.txt";
    const etag = (await fetchStatement("beheervisie", ".txt")).headers.get("ETag")!;
    const conditional = { headers: { "If-None-Match": etag } };
    const answer = recallResponse(new Request(url));
    const notModified = recallResponse(new Request(url, conditional));
    expect([answer?.status, notModified?.status]).toEqual([200, 304]);
    for (const res of [answer!, notModified!]) {
      res.headers.set("ETag", '"tampered"');
      res.headers.delete("Cache-Control");
    }
    for (const again of [recallResponse(new Request(url)), recallResponse(new Request(url, conditional))]) {
      expect(again?.headers.get("ETag")).toBe(etag);
      expect(again?.headers.get("Cache-Control")).toMatch(/public/);
    }
  });

  it("keeps the formats that Accept chooses apart", async () => {
    const json = await fetchStatement("sim", "", { headers: { Accept: "application/json" } });
    const html = await fetchStatement("sim", "", { headers: { Accept: "text/html" } });
    const jsonAgain = await fetchStatement("sim", "", { headers: { Accept: "application/json" } });
    expect(json.headers.get("Vary")).toContain("Accept");
    expect((await json.json<{ tenant: { slug: string } }>()).tenant.slug).toBe("sim");
    expect((await html.text()).startsWith("<!doctype html>")).toBe(true);
    expect(jsonAgain.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
  });
});

// Other isolates in the same data centre start with an empty memory: forgetting this isolate's
// memory makes this one such an isolate. They ask the Cache API (worker/http/public-cache.ts)
// before D1.
describe("public statements served from the data centre's cache", () => {
  it("answers an isolate that never saw the statement from the cache, within the same bound as memory", async () => {
    const before = await servedVersion("i-real");
    forgetRememberedResponses();
    // Written straight to D1, as a publish in another data centre: nothing here hears of it.
    await publishElsewhere("i-real", START.toISOString());
    expect(await servedVersion("i-real")).toBe(before);
    vi.setSystemTime(START.getTime() + FRESH_FOR_MS - 1);
    forgetRememberedResponses();
    expect(await servedVersion("i-real")).toBe(before);
    vi.setSystemTime(START.getTime() + FRESH_FOR_MS);
    forgetRememberedResponses();
    expect(await servedVersion("i-real")).toBe(before + 1);
  });

  it("answers a URL without ?lang from the cache too, in the group's default language", async () => {
    const served = async (): Promise<{ version: number; language: string | null }> => {
      const res = await fetchStatement("beheervisie", ".json");
      expect(res.status).toBe(200);
      return {
        version: (await res.json<{ version: number }>()).version,
        language: res.headers.get("Content-Language"),
      };
    };
    const before = await served();
    expect(before.language).toBe("nl");
    forgetRememberedResponses();
    // Written straight to D1, as a publish in another data centre: an isolate that never saw the
    // statement is answered from this data centre's cache, without a single D1 query ...
    await publishElsewhere("beheervisie", START.toISOString());
    const queries = countPublicReads();
    expect(await served()).toEqual(before);
    expect(queries()).toEqual([]);
    // ... until the bound, like a URL in a named language.
    vi.setSystemTime(START.getTime() + FRESH_FOR_MS);
    forgetRememberedResponses();
    expect(await served()).toEqual({ version: before.version + 1, language: "nl" });
  });

  it("says where each answer came from: D1, the isolate's memory or the data centre's cache", async () => {
    const source = async (): Promise<string | null> => {
      const res = await fetchStatement("pharox", ".md?lang=en");
      expect(res.status).toBe(200);
      return res.headers.get("Server-Timing");
    };
    vi.setSystemTime(START.getTime() + 3 * FRESH_FOR_MS);
    forgetRememberedResponses();
    const queries = countPublicReads();
    expect(await source()).toBe("d1");
    expect(queries().length).toBeGreaterThan(0);
    expect(await source()).toBe("memory");
    forgetRememberedResponses();
    const none = countPublicReads();
    expect(await source()).toBe("cache");
    expect(none()).toEqual([]);
  });

  it("shows a publish at once, though the cache knew the version in force before it", async () => {
    const before = await servedVersion("geotax");
    forgetRememberedResponses();
    expect(await servedVersion("geotax")).toBe(before);
    await publishAt(
      env.DB,
      "conxillium",
      "geotax",
      withDataCategory("geotax", "Meteen"),
      START.toISOString(),
    );
    forgetRememberedResponses();
    expect(await servedVersion("geotax")).toBe(before + 1);
    const text = await (await fetchStatement("geotax", ".txt?lang=nl")).text();
    expect(text).toContain("Meteen");
  });

  it("answers a revalidation from the cache with 304 and the whole answer otherwise", async () => {
    const first = await fetchStatement("sim", ".md");
    const etag = first.headers.get("ETag")!;
    const markdown = await first.text();
    forgetRememberedResponses();
    const revalidated = await fetchStatement("sim", ".md", { headers: { "If-None-Match": etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("ETag")).toBe(etag);
    forgetRememberedResponses();
    const again = await fetchStatement("sim", ".md");
    expect(again.status).toBe(200);
    expect(again.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    expect(again.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(await again.text()).toBe(markdown);
  });
});
