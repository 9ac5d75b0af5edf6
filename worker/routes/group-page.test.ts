// A group's public page of its companies (issue 20, item 2), as JSON and as HTML, a page at a time
// after a stable cursor; and what a large group's statements say instead of naming every member.
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_BASELINE } from "#shared/demo/index.ts";
import { INLINE_MEMBERS } from "#shared/placeholders.ts";
import { findGroupBySlug, listActiveMembers, prepareInsertTenant } from "../db/groups.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, CALLERS, ORIGIN, readError, signInAs } from "../test/clients.ts";
import { createGroup, demoContent, publishAt } from "../test/fixtures.ts";

const SEEDED = "2026-01-10T09:00:00.000Z";
/** A group of its own for the directory tests: seven companies, two of them published. */
const SMALL = "zeven";
const SMALL_COMPANIES = ["a-een", "b-twee", "c-drie", "d-vier", "e-vijf", "f-zes", "g-zeven"];
/** The demo group, grown past INLINE_MEMBERS. */
const LARGE = "conxillium";

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
  exports.default.fetch(new Request(`${ORIGIN}${path}`, { headers }));

interface DirectoryPage {
  group: { slug: string; membersPage: string };
  companies: { slug: string; name: string; version: number | null; url: string }[];
  next: string | null;
}
const readDirectory = async (path: string): Promise<DirectoryPage> => {
  const res = await get(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json<DirectoryPage>();
};

/** Every page of a group's directory, following `next`; `between` runs after the first page. */
async function readAllPages(group: string, limit: number, between?: () => Promise<void>) {
  const pages: DirectoryPage[] = [];
  let after: string | null = null;
  do {
    const query = new URLSearchParams({ limit: String(limit), ...(after ? { after } : {}) });
    const page = await readDirectory(`/v1/statements/${group}?${query.toString()}`);
    pages.push(page);
    if (pages.length === 1) await between?.();
    after = page.next;
  } while (after !== null && pages.length < 50);
  return pages;
}

beforeAll(async () => {
  await seedDemoGroup(env.DB, SEEDED);
  await createGroup(
    env.DB,
    { slug: SMALL, name: "Zeven & <Co>", languages: ["nl", "en"], defaultLanguage: "nl" },
    DEMO_BASELINE,
    SMALL_COMPANIES.map((slug, i) => ({
      slug,
      name: i === 2 ? "Drie <b>vet</b> & zo" : `Bedrijf ${slug}`,
      content: demoContent("pharox"),
    })),
    SEEDED,
  );
  await publishAt(env.DB, SMALL, "a-een", demoContent("pharox"), SEEDED);
  await publishAt(env.DB, SMALL, "c-drie", demoContent("pharox"), SEEDED);
  // The demo's eight companies plus enough to pass INLINE_MEMBERS.
  await env.DB.batch(
    Array.from({ length: INLINE_MEMBERS + 1 - 8 }, (_, i) =>
      prepareInsertTenant(
        env.DB,
        LARGE,
        { slug: `extra-${i}`, name: `Extra ${i} B.V.`, position: 100 + i },
        SEEDED,
      ),
    ),
  );
});

describe("the group's directory as JSON", () => {
  it("pages through every company exactly once, in the group's order", async () => {
    const pages = await readAllPages(SMALL, 3);
    expect(pages.map((p) => p.companies.length)).toEqual([3, 3, 1]);
    expect(pages.at(-1)?.next).toBeNull();
    expect(pages.flatMap((p) => p.companies.map((c) => c.slug))).toEqual(SMALL_COMPANIES);
    const all = pages.flatMap((p) => p.companies);
    expect(all.find((c) => c.slug === "a-een")).toMatchObject({
      version: 1,
      url: `${ORIGIN}/v1/statements/${SMALL}/a-een`,
    });
    expect(all.find((c) => c.slug === "b-twee")?.version).toBeNull();
    // The address the group's statements link to, from the deployment's PUBLIC_ORIGIN.
    expect(pages[0]?.group.membersPage).toBe(`${env.PUBLIC_ORIGIN}/v1/statements/${SMALL}.html`);
  });

  it("gives one page when no limit is asked", async () => {
    const page = await readDirectory(`/v1/statements/${SMALL}`);
    expect(page.companies.map((c) => c.slug)).toEqual(SMALL_COMPANIES);
    expect(page.next).toBeNull();
  });

  it("keeps its cursor stable while companies are added: none twice, none skipped", async () => {
    const group = "groeiend";
    await createGroup(
      env.DB,
      { slug: group, name: "Groeiend", languages: ["nl"], defaultLanguage: "nl" },
      DEMO_BASELINE,
      ["b", "d", "f", "h"].map((slug) => ({
        slug,
        name: slug.toUpperCase(),
        content: demoContent("sim"),
      })),
      SEEDED,
    );
    // After the first page (b, d): one company joins before the cursor (position 0, "a") and one
    // after it (position 2, "e", between d and f in the group's order).
    const pages = await readAllPages(group, 2, async () => {
      await env.DB.batch([
        prepareInsertTenant(env.DB, group, { slug: "a", name: "A", position: 0 }, SEEDED),
        prepareInsertTenant(env.DB, group, { slug: "e", name: "E", position: 2 }, SEEDED),
      ]);
    });
    // Positions 0,1,2,3 for b,d,f,h: "e" at 2 sorts before "f" (position, slug); "a" at 0 sorts
    // before "b", behind the cursor, and appears on the next full reading.
    expect(pages.flatMap((p) => p.companies.map((c) => c.slug))).toEqual(["b", "d", "e", "f", "h"]);
    const again = await readAllPages(group, 2);
    expect(again.flatMap((p) => p.companies.map((c) => c.slug))).toEqual(["a", "b", "d", "e", "f", "h"]);
  });

  const bad: [string, number, string, string?][] = [
    [`/v1/statements/${SMALL}?limit=0`, 400, "invalid_request", "limit"],
    [`/v1/statements/${SMALL}?limit=1001`, 400, "invalid_request", "limit"],
    [`/v1/statements/${SMALL}?limit=ten`, 400, "invalid_request", "limit"],
    [`/v1/statements/${SMALL}?after=a-een`, 400, "invalid_request", "after"],
    [`/v1/statements/${SMALL}?page=2`, 400, "invalid_request"],
    // The JSON has no language to choose: a parameter it would ignore is refused.
    [`/v1/statements/${SMALL}?lang=en`, 400, "invalid_request"],
    [`/v1/statements/${SMALL}.html?after=%3Cscript%3E`, 400, "invalid_request", "after"],
    [`/v1/statements/${SMALL}.html?lang=de`, 400, "invalid_request", "lang"],
    ["/v1/statements/nope", 404, "group_not_found"],
    ["/v1/statements/nope.html", 404, "group_not_found"],
  ];
  it.each(bad)("%s → %i %s", async (path, status, code, field) => {
    const res = await get(path, { Accept: "application/json" });
    expect(res.status).toBe(status);
    const { error } = await readError(res);
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.code).toBe(code);
    if (field) expect(error.issues?.map((i) => i.field)).toContain(field);
  });
});

describe("the group's page of companies as HTML", () => {
  it("links each published company's statement and says which are not published yet", async () => {
    const res = await get(`/v1/statements/${SMALL}.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("Content-Language")).toBe("nl");
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    const body = await res.text();
    expect(body).toContain('<html lang="nl"');
    expect(body).toContain("De bedrijven van Zeven &amp; &lt;Co&gt;");
    expect(body).toContain(`<a href="${ORIGIN}/v1/statements/${SMALL}/a-een">Bedrijf a-een</a> (versie 1)`);
    expect(body).toContain("Bedrijf b-twee (nog niet gepubliceerd)");
    // Names are text, never markup.
    expect(body).toContain("Drie &lt;b&gt;vet&lt;/b&gt; &amp; zo");
    expect(body).not.toContain("<b>vet</b>");
    expect(body).not.toContain("Volgende bedrijven");
  });

  it("pages in the language asked, with a link to the next page that keeps the language", async () => {
    const first = await (await get(`/v1/statements/${SMALL}.html?limit=4&lang=en`)).text();
    expect(first).toContain('<html lang="en"');
    expect(first).toContain("The companies of Zeven");
    expect(first).toContain("Bedrijf b-twee (not published yet)");
    expect(first).not.toContain("Bedrijf e-vijf");
    const next = /<a href="([^"]+)">More companies<\/a>/.exec(first)?.[1];
    expect(next).toBeDefined();
    const second = await (await get(next!.replaceAll("&amp;", "&"))).text();
    expect(second).toContain('<html lang="en"');
    expect(next).toContain("limit=4");
    expect(second).toContain("Bedrijf e-vijf");
    expect(second).toContain("Bedrijf g-zeven");
    expect(second).not.toContain("Bedrijf a-een");
    expect(second).not.toContain("More companies");
  });

  it("answers a matching If-None-Match with 304", async () => {
    const first = await get(`/v1/statements/${SMALL}.html`);
    const etag = first.headers.get("ETag");
    expect(etag).toBeTruthy();
    const again = await get(`/v1/statements/${SMALL}.html`, { "If-None-Match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });
});

describe("a group larger than INLINE_MEMBERS", () => {
  it("publishes statements that link to the group's page instead of naming every member", async () => {
    const editor = apiAs(await signInAs(CALLERS.jccEditor));
    const published = await editor.api.groups[":group"].tenants[":tenant"].publish.$post({
      param: { group: LARGE, tenant: "jcc-software" },
      json: { changeNote: "Groep gegroeid.", material: true },
    });
    expect(published.status, await published.clone().text()).toBe(201);

    const page = `${env.PUBLIC_ORIGIN}/v1/statements/${LARGE}.html`;
    const nl = await (await get(`/v1/statements/${LARGE}/jcc-software.txt?lang=nl`)).text();
    expect(nl).toContain(`een van de ${INLINE_MEMBERS + 1} bedrijven`);
    expect(nl).toContain(`Deze bedrijven zijn vermeld op ${page}`);
    expect(nl).not.toContain("Extra 50 B.V.");
    expect(nl).not.toContain("DataQuint");
    const en = await (await get(`/v1/statements/${LARGE}/jcc-software.txt?lang=en`)).text();
    expect(en).toContain(`These companies are listed at ${page}`);

    // The page it links to names them all, a page at a time.
    const html = await (await get(`/v1/statements/${LARGE}.html?limit=1000`)).text();
    expect(html).toContain("Extra 50 B.V.");
    expect(html).toContain("DataQuint");
    expect(html).toContain(
      `<a href="${ORIGIN}/v1/statements/${LARGE}/jcc-software">JCC Software</a> (versie 2)`,
    );
  });

  it("reads only the names a statement can name, and counts the rest, for every console request and publish", async () => {
    // Grown well past the names read (INLINE_MEMBERS + 1).
    await env.DB.batch(
      Array.from({ length: 149 }, (_, i) =>
        prepareInsertTenant(
          env.DB,
          LARGE,
          { slug: `meer-${i}`, name: `Meer ${i} B.V.`, position: 1000 + i },
          SEEDED,
        ),
      ),
    );
    const active = INLINE_MEMBERS + 1 + 149;
    const group = (await findGroupBySlug(env.DB, LARGE))!;
    expect(group.group.members.length).toBe(INLINE_MEMBERS + 1);
    expect(group.group.memberCount).toBe(active);
    // The import still knows every member's name (it warns when a text is another member's).
    const names = await listActiveMembers(env.DB, group.id);
    expect(names.length).toBe(active);
    expect(names.at(-1)).toEqual({ slug: "meer-148", name: "Meer 148 B.V." });

    const editor = apiAs(await signInAs(CALLERS.jccEditor));
    const published = await editor.api.groups[":group"].tenants[":tenant"].publish.$post({
      param: { group: LARGE, tenant: "jcc-software" },
      json: { changeNote: "Groep verder gegroeid.", material: true },
    });
    expect(published.status, await published.clone().text()).toBe(201);
    const nl = await (await get(`/v1/statements/${LARGE}/jcc-software.txt?lang=nl`)).text();
    expect(nl).toContain(`een van de ${active} bedrijven`);
    expect(nl).not.toContain("Meer 148 B.V.");
  });

  it("still warns on import when the text is the statement of a member beyond the names a statement reads", async () => {
    // A member far down the group's order (meer-140, added by the test before or here).
    await env.DB.batch([
      env.DB.prepare(
        `INSERT OR IGNORE INTO tenants (group_id, slug, name, position, created_at)
         SELECT id, 'meer-140', 'Meer 140 B.V.', 1140, ?1 FROM groups WHERE slug = ?2`,
      ).bind(SEEDED, LARGE),
    ]);
    const other = "Meer 140 B.V.";
    const text = [
      `Privacyverklaring ${other}`,
      `${other} verwerkt persoonsgegevens van klanten om de overeenkomst uit te voeren.`,
      `Heeft u vragen over deze verklaring? Neem dan contact op met ${other}.`,
      `${other} bewaart uw gegevens niet langer dan nodig.`,
    ].join("\n\n");
    const editor = apiAs(await signInAs(CALLERS.jccEditor));
    const res = await editor.api.groups[":group"].tenants[":tenant"].import.$post({
      param: { group: LARGE, tenant: "jcc-software" },
      json: { text },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const { proposal } = await res.json();
    const warning = proposal.warnings.find((w) => w.kind === "other_company");
    expect(warning?.message.nl).toContain(`Is dit de verklaring van ${other}?`);
  });
});
