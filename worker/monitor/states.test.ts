// The site monitor against company websites served in the test (worker/test/fake-websites.ts, which
// every fetch of the worker reaches): one page per state, with redirects, a page that hangs, a page
// without end, and private addresses refused — each checked through the real code path (the API's
// "check now", or checkWatchedPage as the queue consumer runs it) and its finding read back.
// JCC Software has version 1 (published with the demo) and version 2 in force.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoGroup } from "../demo-seed.ts";
import { listPageHistory, type SiteCheckRecord } from "../db/site-checks.ts";
import { apiAs, CALLERS, signInAs } from "../test/clients.ts";
import { demoContent, publishAt } from "../test/fixtures.ts";
import { companyPage, fetchPublic, freshAddress, serve, visitsOf, watchPage } from "../test/sites.ts";
import { MAX_WATCHED_PAGES } from "../routes/sites.ts";
import { checkWatchedPage } from "./check.ts";
import { MAX_REDIRECTS, PAGE_SIZE_CAP } from "./fetch-page.ts";

const JCC = "jcc-software";
const V2_EFFECTIVE = "2026-03-01T09:00:00.000Z";
let lead: string;
let editor: string;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  const content = demoContent(JCC);
  content.profile.phone = "+31 20 555 0199";
  await publishAt(env.DB, "conxillium", JCC, content, V2_EFFECTIVE);
  lead = await signInAs(CALLERS.admin);
  editor = await signInAs(CALLERS.jccEditor);
});

const latestOf = async (pageId: number): Promise<SiteCheckRecord> => {
  const [latest] = await listPageHistory(env.DB, pageId, { limit: 1 });
  if (!latest) throw new Error(`page ${pageId} has no finding`);
  return latest;
};

/** Serves `page` at a fresh address, watches it as JCC's editor, checks it now (the API) and reads the finding. */
async function checkServed(
  page: Parameters<typeof serve>[1],
  display: Parameters<typeof watchPage>[3] = "fragment",
  language: "nl" | "en" = "nl",
): Promise<SiteCheckRecord & { address: string }> {
  const address = freshAddress();
  await serve(address, page);
  const id = await watchPage(editor, JCC, address, display, language);
  const res = await apiAs(editor).api.groups[":group"].tenants[":tenant"].sites[":id"].check.$post({
    param: { group: "conxillium", tenant: JCC, id: String(id) },
  });
  expect(res.status).toBe(200);
  return { ...(await latestOf(id)), address };
}

const withoutMarker = (html: string): string => html.replace(/ data-verklaring-(version|hash)="[^"]*"/g, "");

describe("current and outdated, by the marker", () => {
  it("finds the version in force in a fragment included on the server: current", async () => {
    const fragment = await fetchPublic(`${JCC}?fragment&lang=nl`);
    expect(fragment).toContain('data-verklaring-version="2"');
    const found = await checkServed({ body: companyPage(fragment) });
    expect(found).toMatchObject({
      state: "current",
      shownVersion: 2,
      versionInForce: 2,
      evidence: "marker",
      outdatedSince: null,
      httpStatus: 200,
      problem: null,
      checks: 1,
    });
    expect(found.finalUrl).toBe(found.address);
  });

  it("finds an older version's fragment: outdated, since the version in force took effect", async () => {
    const found = await checkServed({
      body: companyPage(await fetchPublic(`${JCC}/versions/1?fragment&lang=nl`)),
    });
    expect(found).toMatchObject({
      state: "outdated",
      shownVersion: 1,
      versionInForce: 2,
      outdatedSince: V2_EFFECTIVE,
      evidence: "marker",
    });
  });

  it("recognises a rendering published before the marker existed by the content hash its footer shows", async () => {
    // Those bytes are immutable: they differ from today's only by the marker's attributes.
    const old = withoutMarker(await fetchPublic(`${JCC}/versions/1?fragment&lang=nl`));
    expect(old).not.toContain("data-verklaring");
    const found = await checkServed({ body: companyPage(old) });
    expect(found).toMatchObject({ state: "outdated", shownVersion: 1, versionInForce: 2, evidence: "hash" });
  });

  it("reads the marker of Verklaring's own page (what an iframe shows, and what a redirect may land on)", async () => {
    const page = await fetchPublic(`${JCC}?lang=en`);
    expect(page).toMatch(/<meta name="verklaring:version" content="2">/);
    const found = await checkServed({ body: page }, "iframe", "en");
    expect(found).toMatchObject({ state: "current", shownVersion: 2, evidence: "marker", problem: null });
  });

  it("says so when a page shows the right version in another language than it is watched in", async () => {
    const found = await checkServed({ body: companyPage(await fetchPublic(`${JCC}?fragment&lang=en`)) });
    expect(found).toMatchObject({
      state: "current",
      shownVersion: 2,
      problem: 'shown in "en", watched as "nl"',
    });
  });
});

describe("links, iframes and the web component: following the address is the check", () => {
  const statement = `http://verklaring.test/v1/statements/conxillium/${JCC}`;

  it("a link to the public address serves the version in force: current", async () => {
    const found = await checkServed(
      { body: companyPage(`<p>Lees onze <a href="${statement}?lang=nl">privacyverklaring</a>.</p>`) },
      "link",
    );
    expect(found).toMatchObject({ state: "current", shownVersion: 2, evidence: "link" });
  });

  it("a link to a numbered older version: outdated", async () => {
    const found = await checkServed(
      { body: companyPage(`<p><a href="${statement}/versions/1.html">Privacy</a></p>`) },
      "link",
    );
    expect(found).toMatchObject({ state: "outdated", shownVersion: 1, evidence: "link" });
  });

  it("an iframe of the statement: current", async () => {
    const found = await checkServed(
      {
        body: companyPage(
          `<iframe src="${statement}?lang=nl" title="Privacyverklaring van JCC Software"></iframe>`,
        ),
      },
      "iframe",
    );
    expect(found).toMatchObject({ state: "current", shownVersion: 2, evidence: "iframe" });
  });

  it("the web component with Verklaring's embed.js: current; with a script from elsewhere: missing", async () => {
    const component = `<privacy-statement group="conxillium" company="${JCC}" lang="nl"><a href="/privacy">Privacy</a></privacy-statement>`;
    const ours = await checkServed(
      {
        body: companyPage(component, {
          head: '<script type="module" src="http://verklaring.test/embed.js"></script>',
        }),
      },
      "component",
    );
    expect(ours).toMatchObject({ state: "current", shownVersion: 2, evidence: "component" });
    const elsewhere = await checkServed(
      {
        body: companyPage(component, {
          head: '<script type="module" src="https://cdn.example/embed.js"></script>',
        }),
      },
      "component",
    );
    expect(elsewhere).toMatchObject({ state: "missing", shownVersion: null, evidence: "none" });
    expect(elsewhere.problem).toContain("<privacy-statement>");
  });

  it("a link to another company's statement, or another host's copy of the address, is no link to this one", async () => {
    const found = await checkServed(
      {
        body: companyPage(
          `<a href="http://verklaring.test/v1/statements/conxillium/dataquint">DataQuint</a>
           <a href="https://mirror.example/v1/statements/conxillium/${JCC}">Kopie</a>`,
        ),
      },
      "link",
    );
    expect(found).toMatchObject({ state: "missing", evidence: "none" });
    expect(found.problem).toBe("no link to the statement's public address on the page");
  });
});

describe("pasted copies, by their text", () => {
  /**
   * The statement as a website's editor pastes it into a CMS: HTML without Verklaring's markers or
   * footer, its contents list kept as a plain list (which repeats every section's heading).
   */
  const pasted = async (path: string): Promise<string> =>
    withoutMarker(await fetchPublic(path))
      .replace(/<footer>[\s\S]*?<\/footer>/, "")
      .replace(/<nav [^>]*>/, "<div>")
      .replace("</nav>", "</div>");

  it("an exact copy of the version in force: current", async () => {
    const found = await checkServed({ body: companyPage(await pasted(`${JCC}?fragment&lang=nl`)) }, "copy");
    expect(found).toMatchObject({ state: "current", shownVersion: 2, evidence: "text", similarity: null });
  });

  it("an exact copy of an older version: outdated", async () => {
    const found = await checkServed(
      { body: companyPage(await pasted(`${JCC}/versions/1?fragment&lang=nl`)) },
      "copy",
    );
    expect(found).toMatchObject({ state: "outdated", shownVersion: 1, evidence: "text" });
  });

  it("a copy with a changed sentence: modified, with the difference against the version in force", async () => {
    const original = await pasted(`${JCC}?fragment&lang=nl`);
    const phone = "+31 20 555 0199";
    expect(original).toContain(phone);
    const edited = original.replace(phone, "020 123 4567 (alleen op werkdagen)");
    const found = await checkServed({ body: companyPage(edited) }, "copy");
    expect(found).toMatchObject({ state: "modified", shownVersion: 2, versionInForce: 2, evidence: "text" });
    expect(found.similarity).toBeGreaterThan(0.9);
    expect(found.similarity).toBeLessThan(1);
    expect(found.difference?.against).toBe(2);
    const changed = found.difference!.sections;
    expect(changed).toHaveLength(1);
    const parts = changed[0]!.parts;
    expect(
      parts
        .filter((p) => p.op === "removed")
        .map((p) => p.text)
        .join(" "),
    ).toContain("555 0199");
    expect(
      parts
        .filter((p) => p.op === "added")
        .map((p) => p.text)
        .join(" "),
    ).toContain("(alleen op werkdagen)");
  });

  it("a fragment whose text was edited but kept its marker: modified, not the marked version", async () => {
    const fragment = await fetchPublic(`${JCC}?fragment&lang=nl`);
    const edited = fragment.replace(/<section id="vk-[a-z_]+"[\s\S]*?<\/section>\n/, "");
    const found = await checkServed({ body: companyPage(edited) });
    expect(found).toMatchObject({ state: "modified", shownVersion: 2, evidence: "marker" });
    expect(found.difference!.sections.map((s) => s.status)).toEqual(["removed"]);
  });

  it("a page about something else: missing", async () => {
    const found = await checkServed(
      { body: companyPage("<h1>Onze producten</h1><p>JCC Software maakt software voor gemeenten.</p>") },
      "copy",
    );
    expect(found).toMatchObject({ state: "missing", shownVersion: null, evidence: "none" });
    expect(found.problem).toBe("no copy of a published version's text on the page");
  });
});

describe("unreachable: within firm limits", () => {
  it("names the HTTP error", async () => {
    const found = await checkServed({ status: 503, body: "onderhoud" });
    expect(found).toMatchObject({
      state: "unreachable",
      httpStatus: 503,
      problem: "HTTP 503",
      versionInForce: 2,
    });
  });

  it("follows a few redirects, each checked, and stops after the limit", async () => {
    const fragment = await fetchPublic(`${JCC}?fragment&lang=nl`);
    const final = freshAddress("privacyverklaring");
    await serve(final, { body: companyPage(fragment) });
    const hop = freshAddress("privacy-oud");
    await serve(hop, { status: 301, headers: { Location: final } });
    const found = await checkServed({ status: 302, headers: { Location: hop } });
    expect(found).toMatchObject({ state: "current", finalUrl: final });

    // A chain one longer than the limit.
    let next = final;
    for (let i = 0; i < MAX_REDIRECTS; i++) {
      const address = freshAddress(`stap-${i}`);
      await serve(address, { status: 307, headers: { Location: next } });
      next = address;
    }
    const tooFar = await checkServed({ status: 308, headers: { Location: next } });
    expect(tooFar).toMatchObject({ state: "unreachable", problem: `more than ${MAX_REDIRECTS} redirects` });
  });

  it("refuses a redirect into a private network, at the hop", async () => {
    const found = await checkServed({
      status: 302,
      headers: { Location: "http://169.254.169.254/latest/meta-data/" },
    });
    expect(found.state).toBe("unreachable");
    expect(found.problem).toMatch(
      /^not fetched: the address http:\/\/169\.254\.169\.254\/latest\/meta-data\/ \(after 1 redirect\) is a link-local/,
    );
  });

  it("stops waiting for a page that hangs", async () => {
    const address = freshAddress();
    await serve(address, { delayMs: 5_000, body: "te laat" });
    const id = await watchPage(editor, JCC, address, "fragment");
    const result = await checkWatchedPage(env, id, { timeoutMs: 300 });
    expect(result?.durationMs).toBeLessThan(3_000);
    expect(await latestOf(id)).toMatchObject({
      state: "unreachable",
      httpStatus: null,
      problem: "no complete answer within 0.3 s",
    });
  });

  it("reads a page without end only up to the size cap, as a stream", async () => {
    const found = await checkServed({ hugeBytes: 50 * 1024 * 1024 });
    expect(found).toMatchObject({
      state: "unreachable",
      httpStatus: 200,
      problem: "the page is larger than 2 MB; its first 2 MB show no statement",
    });
    const [visit] = await visitsOf(found.address);
    // The site sent little more than the cap before the reader stopped.
    expect(visit!.bytesSent).toBeGreaterThanOrEqual(PAGE_SIZE_CAP);
    expect(visit!.bytesSent).toBeLessThan(PAGE_SIZE_CAP + 1024 * 1024);
  });

  it("asks as itself: an honest User-Agent naming Verklaring and a URL, no cookies", async () => {
    const found = await checkServed({ body: companyPage("<p>Welkom</p>") });
    const [visit] = await visitsOf(found.address);
    expect(visit!.userAgent).toMatch(/^Verklaring-SiteMonitor\/1 \(\+http:\/\/verklaring\.test\/docs; /);
    expect(visit!.cookie).toBeNull();
    expect(visit!.accept).toContain("text/html");
  });
});

describe("private addresses are refused", () => {
  it("when a page is added, in every spelling", async () => {
    for (const url of [
      "https://10.0.0.7/privacy",
      "https://192.168.1.1/",
      "https://[::ffff:7f00:1]/",
      "https://2130706433/",
      "https://intranet.corp/privacy",
      "http://localhost:8080/privacy",
    ]) {
      const res = await apiAs(editor).api.groups[":group"].tenants[":tenant"].sites.$post({
        param: { group: "conxillium", tenant: JCC },
        json: { url, language: "nl", display: "copy" },
      });
      expect(res.status, url).toBe(400);
      // Exactly one issue, naming the url (arrays in toMatchObject must match in length).
      const body: unknown = await res.json();
      expect(body).toMatchObject({ error: { issues: [{ field: "url" }] } });
    }
  });

  it("before every fetch, also for an address written into D1 by someone who is not the app", async () => {
    const { id } = (await env.DB.prepare(
      `INSERT INTO watched_pages (tenant_id, url, language, display, created_at)
       SELECT id, 'https://10.1.2.3/privacy', 'nl', 'copy', '2026-03-02T00:00:00.000Z' FROM tenants WHERE slug = ?1
       RETURNING id`,
    )
      .bind(JCC)
      .first<{ id: number }>())!;
    await checkWatchedPage(env, id);
    expect(await latestOf(id)).toMatchObject({
      state: "unreachable",
      problem:
        "not fetched: the address https://10.1.2.3/privacy is a private address, not the public internet",
    });
    expect(await visitsOf("https://10.1.2.3/privacy")).toEqual([]);
  });
});

describe("who may watch and check", () => {
  it("lets the company's viewer read the pages but not add or check them; other companies see nothing", async () => {
    const address = freshAddress();
    await serve(address, { body: companyPage("<p>Welkom</p>") });
    const id = await watchPage(lead, JCC, address, "copy");
    const viewer = apiAs(await signInAs(CALLERS.jccViewer)).api.groups[":group"].tenants[":tenant"].sites;
    const list = await viewer.$get({ param: { group: "conxillium", tenant: JCC } });
    expect(list.status).toBe(200);
    expect((await list.json()).pages.map((p) => p.id)).toContain(id);
    const check = await viewer[":id"].check.$post({
      param: { group: "conxillium", tenant: JCC, id: String(id) },
    });
    expect(check.status).toBe(403);
    const other = apiAs(await signInAs(CALLERS.dqEditor)).api.groups[":group"].tenants[":tenant"].sites;
    const foreign = await other[":id"].history.$get({
      param: { group: "conxillium", tenant: "dataquint", id: String(id) },
      query: {},
    });
    expect(foreign.status).toBe(404);
  });

  it("checks a page by hand at most once every few seconds, also when asked in parallel", async () => {
    const address = freshAddress();
    await serve(address, { body: companyPage("<p>Welkom</p>") });
    const id = await watchPage(lead, "pharox", address, "copy");
    const sites = apiAs(lead).api.groups[":group"].tenants[":tenant"].sites;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        sites[":id"].check.$post({ param: { group: "conxillium", tenant: "pharox", id: String(id) } }),
      ),
    );
    expect(answers.map((r) => r.status).sort((a, b) => a - b)).toEqual([200, 429, 429, 429, 429, 429]);
    const refused = answers.filter((r) => r.status !== 200);
    expect(refused.map((r) => r.headers.get("Retry-After"))).toEqual(["10", "10", "10", "10", "10"]);
    expect(await visitsOf(address)).toHaveLength(1);
  });

  it("refuses a language the group does not publish, a duplicate, and more pages than the limit", async () => {
    const sites = apiAs(lead).api.groups[":group"].tenants[":tenant"].sites;
    const param = { group: "conxillium", tenant: "sim" };
    const bad = await sites.$post({
      param,
      json: { url: freshAddress(), language: "de" as "nl", display: "copy" },
    });
    expect(bad.status).toBe(400);
    const address = freshAddress();
    expect(
      (await sites.$post({ param, json: { url: address, language: "nl", display: "copy" } })).status,
    ).toBe(201);
    const twice = await sites.$post({
      param,
      json: { url: `${address}#boven`, language: "nl", display: "link" },
    });
    expect(twice.status).toBe(409);
    expect((await twice.json()) as unknown).toMatchObject({ error: { code: "duplicate_page" } });
    // The same address in the other language is another page.
    const english = await sites.$post({ param, json: { url: address, language: "en", display: "copy" } });
    expect(english.status).toBe(201);
    for (let i = 2; i < MAX_WATCHED_PAGES; i++) {
      expect(
        (await sites.$post({ param, json: { url: freshAddress(), language: "nl", display: "link" } })).status,
      ).toBe(201);
    }
    const tooMany = await sites.$post({
      param,
      json: { url: freshAddress(), language: "nl", display: "link" },
    });
    expect(tooMany.status).toBe(409);
    expect((await tooMany.json()) as unknown).toMatchObject({ error: { code: "too_many_pages" } });
    // Removing one makes room; removing it again changes nothing.
    const englishId = String(((await english.json()) as { page: { id: number } }).page.id);
    expect((await sites[":id"].$delete({ param: { ...param, id: englishId } })).status).toBe(200);
    expect((await sites[":id"].$delete({ param: { ...param, id: englishId } })).status).toBe(200);
    expect(
      (await sites.$post({ param, json: { url: freshAddress(), language: "nl", display: "link" } })).status,
    ).toBe(201);
  });
});
