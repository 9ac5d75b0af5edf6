// A company's whole life, as the privacy lead runs it and as websites see it (issue 18, item 1):
// create → draft → first publish → public; a new address that redirects every old URL for good;
// archive (410 with the history still there, or a successor's address), restore, and delete for a
// company that never published. Real worker, real local D1, through the typed client.
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Profile } from "#shared/model.ts";
import { DEMO_PASSWORD, seedDemoGroup } from "../demo-seed.ts";
import { apiAs, call, readError, sessionCookieFrom, signInAs, type Api } from "../test/clients.ts";
import { demoContent, publishAt } from "../test/fixtures.ts";

const group = "conxillium";
const PUBLIC = "http://verklaring.test/v1/statements/conxillium";
let lead: Api;

const get = (url: string, headers: Record<string, string> = {}): Promise<Response> =>
  exports.default.fetch(new Request(url, { headers, redirect: "manual" }));

const companies = () => lead.api.groups[":group"].companies;
const company = (_slug: string) => companies()[":company"];
const listCompanies = async () =>
  (await (await companies().$get({ param: { group }, query: {} })).json()).items;
const auditOf = async (action: string) =>
  (await (await lead.api.groups[":group"].audit.$get({ param: { group }, query: { action } })).json())
    .entries;

const profileFor = (name: string): Profile => {
  const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example`;
  return {
    ...demoContent("jcc-software").profile,
    legalName: `${name} B.V.`,
    tradeName: name,
    kvkNumber: "87654321",
    email: `privacy@${domain}`,
    website: `https://www.${domain}`,
  };
};

const create = (slug: string, name: string, extra: { copyFrom?: string; websites?: string[] } = {}) =>
  companies().$post({ param: { group }, json: { slug, name, profile: profileFor(name), ...extra } });

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs("lead@conxillium.example"));
});

describe("a new company", () => {
  it("is not public before its first publish, shows as not yet published, and is public after it", async () => {
    const created = await create("novaware", "Novaware", {
      copyFrom: "jcc-software",
      websites: ["https://www.novaware.example/privacy"],
    });
    expect(created.status).toBe(201);
    const { company: novaware } = await created.json();
    expect(novaware).toMatchObject({
      slug: "novaware",
      status: "active",
      latestVersion: null,
      formerSlugs: [],
    });

    // The draft starts from the profile given and from JCC Software's lists.
    const draft = await (
      await lead.api.groups[":group"].tenants[":tenant"].draft.$get({ param: { group, tenant: "novaware" } })
    ).json();
    expect(draft.content.profile.legalName).toBe("Novaware B.V.");
    expect(draft.content.lists).toEqual(demoContent("jcc-software").lists);

    const before = await get(`${PUBLIC}/novaware.json`);
    expect(before.status).toBe(404);
    expect((await readError(before)).error.code).toBe("not_published");
    const rollout = await (
      await lead.api.groups[":group"].rollout.$get({ param: { group }, query: {} })
    ).json();
    expect(rollout.companies.find((c) => c.tenant.slug === "novaware")?.version).toBeNull();

    // Its editor is invited, accepts, and publishes.
    const invited = await call(`/api/groups/${group}/invitations`, {
      cookie: await signInAs("lead@conxillium.example"),
      json: { email: "redactie@novaware.example", role: "tenant_editor", tenant: "novaware" },
    });
    const { token } = await invited.json<{ token: string }>();
    const accepted = await call("/api/invitations/accept", {
      json: { token, name: "Nora Redactie", password: DEMO_PASSWORD },
    });
    expect(accepted.status).toBe(200);
    const editor = apiAs(sessionCookieFrom(accepted));
    const published = await editor.api.groups[":group"].tenants[":tenant"].publish.$post({
      param: { group, tenant: "novaware" },
      json: { changeNote: "Eerste versie", material: true },
    });
    expect(published.status, await published.clone().text()).toBe(201);

    const after = await get(`${PUBLIC}/novaware.json`);
    expect(after.status).toBe(200);
    expect(await after.text()).toContain("Novaware B.V.");
    expect((await listCompanies()).find((c) => c.slug === "novaware")?.latestVersion?.number).toBe(1);
    expect((await auditOf("company.created"))[0]).toMatchObject({
      target: "novaware",
      actor: "lead@conxillium.example",
    });
  });

  it("makes every other statement outdated, since they name the group's companies", async () => {
    const rollout = await (
      await lead.api.groups[":group"].rollout.$get({ param: { group }, query: {} })
    ).json();
    const jcc = rollout.companies.find((c) => c.tenant.slug === "jcc-software")!;
    expect(jcc.outdated).toBe(true);
    expect(jcc.reasons).toContain("group");
    // What the republish would change is exactly the list of companies.
    expect(JSON.stringify(jcc.diff)).toContain("Novaware");
  });

  it("refuses an address that is taken, a website on a private network, and bad input, naming the field", async () => {
    const taken = await create("jcc-software", "Dubbel");
    expect(taken.status).toBe(409);
    expect((await readError(taken)).error.message).toContain("JCC Software");
    const local = await create("lokaal", "Lokaal", { websites: ["https://10.0.0.8/privacy"] });
    expect(local.status).toBe(422);
    expect((await readError(local)).error.issues?.[0]?.field).toBe("websites.0");
    const plain = await create("plain", "Plain", { websites: ["http://plain.example"] });
    expect(plain.status).toBe(400);
    const badSlug = await create("Met Spaties", "X");
    expect((await readError(badSlug)).error.issues?.[0]?.field).toBe("slug");
    expect((await listCompanies()).map((c) => c.slug)).not.toContain("lokaal");
  });

  it("is created once when two requests ask for the same address at the same moment", async () => {
    const answers = await Promise.all([create("tweeling", "Tweeling"), create("tweeling", "Tweeling")]);
    expect(answers.map((a) => a.status).sort((a, b) => a - b)).toEqual([201, 409]);
    expect((await listCompanies()).filter((c) => c.slug === "tweeling")).toHaveLength(1);
  });
});

describe("a new address", () => {
  const OLD = `${PUBLIC}/sim`;
  const NEW = `${PUBLIC}/sim-software`;

  beforeAll(async () => {
    // A second version, so that /changes compares two.
    const v2 = demoContent("sim");
    v2.lists.data_categories.push({ name: { nl: "Klantnummer", en: "Customer number" }, special: false });
    await publishAt(env.DB, group, "sim", v2, new Date().toISOString(), { changeNote: "Klantnummer" });
    const res = await company("sim").$patch({
      param: { group, company: "sim" },
      json: { slug: "sim-software" },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).company).toMatchObject({ slug: "sim-software", formerSlugs: ["sim"] });
  });

  const forms = [
    "",
    ".html",
    ".json",
    ".md",
    ".txt",
    "?lang=en",
    ".json?lang=en",
    "?fragment",
    "?at=2026-02-01T00:00:00Z",
    "/versions",
    "/versions.html",
    "/versions?lang=en",
    "/versions/1",
    "/versions/2.json?lang=en",
    "/versions/1?fragment&lang=nl",
    "/changes",
    "/changes.html?lang=en",
    "/changes.json",
    "/changes.atom",
    "/changes.atom?lang=en",
  ];
  for (const form of forms) {
    it(`answers ${form || "the bare URL"} with a permanent redirect to the same form at the new address`, async () => {
      const res = await get(`${OLD}${form}`);
      expect(res.status).toBe(308);
      expect(res.headers.get("Location")).toBe(`${NEW}${form}`);
      const followed = await get(res.headers.get("Location")!);
      expect(followed.status).toBe(200);
    });
  }

  it("keeps the old address for its company: no other company can take it, not even by writing to D1", async () => {
    const taken = await create("sim", "Nieuwe SIM");
    expect(taken.status).toBe(409);
    expect((await readError(taken)).error.message).toContain("SIM");
    const moved = await company("geotax").$patch({
      param: { group, company: "geotax" },
      json: { slug: "sim" },
    });
    expect(moved.status).toBe(409);
    await expect(
      env.DB.prepare(
        "INSERT INTO tenants (group_id, slug, name, position, created_at) SELECT id, 'sim', 'Kaper', 99, '2026-06-01T00:00:00.000Z' FROM groups WHERE slug = 'conxillium'",
      ).run(),
    ).rejects.toThrow(/tenant_slugs/);
    await expect(
      env.DB.prepare(
        "INSERT OR REPLACE INTO tenant_slugs (group_id, slug, tenant_id, created_at) SELECT t.group_id, 'sim', (SELECT id FROM tenants WHERE slug = 'geotax'), 'x' FROM tenants t WHERE t.slug = 'geotax'",
      ).run(),
    ).rejects.toThrow(/never given to another/);
    await expect(env.DB.prepare("DELETE FROM tenant_slugs WHERE slug = 'sim'").run()).rejects.toThrow(
      /released/,
    );
    expect((await get(`${OLD}.json`)).headers.get("Location")).toBe(`${NEW}.json`);
  });

  it("is audited, and the company may take its old address back", async () => {
    expect((await auditOf("company.slug_changed"))[0]).toMatchObject({
      target: "sim-software",
      summary: { from: "sim", to: "sim-software" },
    });
    const back = await company("sim-software").$patch({
      param: { group, company: "sim-software" },
      json: { slug: "sim" },
    });
    expect(back.status).toBe(200);
    expect((await back.json()).company.formerSlugs).toEqual(["sim-software"]);
    expect((await get(`${NEW}/versions/1`)).headers.get("Location")).toBe(`${OLD}/versions/1`);
    expect((await get(OLD)).status).toBe(200);
  });
});

describe("an archived company", () => {
  const DQ = `${PUBLIC}/dataquint`;
  let archivedAt = "";
  let dqEditor: Api;

  beforeAll(async () => {
    dqEditor = apiAs(await signInAs("editor@dataquint.example"));
    // With approval on, the editor's publish waits as a request; archiving withdraws it.
    await lead.api.groups[":group"].settings.$put({ param: { group }, json: { requireApproval: true } });
    const draft = demoContent("dataquint");
    draft.profile.phone = "+31 20 555 0199";
    const saved = await call(`/api/groups/${group}/tenants/dataquint/draft`, {
      method: "PUT",
      cookie: await signInAs("editor@dataquint.example"),
      json: { content: draft },
      headers: { "If-Match": '"1"' },
    });
    expect(saved.status).toBe(200);
    const asked = await dqEditor.api.groups[":group"].tenants[":tenant"].publish.$post({
      param: { group, tenant: "dataquint" },
      json: { changeNote: "Nieuw telefoonnummer", material: false },
    });
    expect(asked.status).toBe(202);
    await lead.api.groups[":group"].settings.$put({ param: { group }, json: { requireApproval: false } });

    const res = await company("dataquint").archive.$post({
      param: { group, company: "dataquint" },
      json: { reason: "Verkocht aan een andere groep" },
    });
    expect(res.status).toBe(200);
    const { company: archived } = await res.json();
    expect(archived.status).toBe("archived");
    archivedAt = archived.archivedAt!;
  });

  it("is named alone, archived, to whoever may see it (the console's navigation asks for one company)", async () => {
    const one = (api: Api, tenant: string) =>
      api.api.groups[":group"].tenants[":tenant"].$get({ param: { group, tenant } });
    const asLead = await one(lead, "dataquint");
    expect(asLead.status).toBe(200);
    expect(await asLead.json()).toEqual({
      tenant: { slug: "dataquint", name: "DataQuint", status: "archived", role: "group_admin" },
    });
    const asEditor = await one(dqEditor, "dataquint");
    expect(asEditor.status).toBe(200);
    expect((await asEditor.json()).tenant.role).toBe("tenant_editor");
    // Another company, or none, is not there for the editor: 404, as for every company route.
    for (const tenant of ["jcc-software", "bestaat-niet"]) {
      const res = await one(dqEditor, tenant);
      expect(res.status, tenant).toBe(404);
      expect((await readError(res)).error.code).toBe("tenant_not_found");
    }
  });

  it("answers 410 with a short page in the URL's language that names the last version and where history stays", async () => {
    const page = await get(DQ, { Accept: "text/html" });
    expect(page.status).toBe(410);
    const nl = await page.text();
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain("De laatste versie was versie 1");
    expect(nl).toContain(`href="${DQ}/versions/1"`);
    expect(nl).toContain(`href="${DQ}/versions"`);
    expect(nl).toContain("?at=");
    const en = await (await get(`${DQ}?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("The last version was version 1");

    const json = await get(`${DQ}.json`);
    expect(json.status).toBe(410);
    expect(await json.json()).toMatchObject({
      error: { status: 410, code: "company_archived" },
      lastVersion: { number: 1, url: `${DQ}/versions/1` },
      versions: `${DQ}/versions`,
    });
    const fragment = await get(`${DQ}?fragment`);
    expect(fragment.status).toBe(410);
    expect(await fragment.text()).not.toContain("<html");
    expect((await get(`${DQ}.txt`)).status).toBe(410);
    expect((await get(`${DQ}/changes`)).status).toBe(410);
    expect((await get(`${DQ}/changes.json`)).status).toBe(410);
  });

  it("keeps its history readable: /versions, /versions/{n}, ?at= before the archiving, the feed", async () => {
    expect((await get(`${DQ}/versions`)).status).toBe(200);
    expect((await get(`${DQ}/versions.html`)).status).toBe(200);
    expect((await get(`${DQ}/versions/1.json`)).status).toBe(200);
    expect((await get(`${DQ}.json?at=${new Date(Date.parse(archivedAt) - 1000).toISOString()}`)).status).toBe(
      200,
    );
    expect((await get(`${DQ}.json?at=${archivedAt}`)).status).toBe(410);
    expect((await get(`${DQ}/changes.atom`)).status).toBe(200);
  });

  it("is no longer one of the group's companies: not listed publicly, not named in the others' statements", async () => {
    const listing = await (await get(PUBLIC)).json<{ companies: { slug: string }[] }>();
    expect(listing.companies.map((c) => c.slug)).not.toContain("dataquint");
    const rollout = await (
      await lead.api.groups[":group"].rollout.$get({ param: { group }, query: {} })
    ).json();
    expect(rollout.companies.map((c) => c.tenant.slug)).not.toContain("dataquint");
    // Republishing the others takes DataQuint out of the list of the group's companies.
    const parts = rollout.companies
      .find((c) => c.tenant.slug === "jcc-software")!
      .diff!.sections.flatMap((section) => section.diff?.parts ?? []);
    expect(parts).toContainEqual({ op: "removed", text: "DataQuint," });
    expect(
      parts
        .filter((p) => p.op !== "removed")
        .map((p) => p.text)
        .join(" "),
    ).not.toContain("DataQuint");
    expect((await listCompanies()).find((c) => c.slug === "dataquint")?.status).toBe("archived");
  });

  it("cannot be edited or published: not by its editor, not by an approval, not by a rollout republish", async () => {
    const save = await call(`/api/groups/${group}/tenants/dataquint/draft`, {
      method: "PUT",
      cookie: await signInAs("editor@dataquint.example"),
      json: { content: demoContent("dataquint") },
      headers: { "If-Match": '"2"' },
    });
    expect(save.status).toBe(409);
    expect((await readError(save)).error.code).toBe("company_archived");
    const publish = await dqEditor.api.groups[":group"].tenants[":tenant"].publish.$post({
      param: { group, tenant: "dataquint" },
      json: { changeNote: "x", material: false },
    });
    expect(publish.status).toBe(409);
    const requests = await (
      await lead.api.groups[":group"]["publish-requests"].$get({ param: { group }, query: {} })
    ).json();
    const request = requests.requests.find((r) => r.tenant?.slug === "dataquint")!;
    expect(request.status).toBe("withdrawn");
    const republish = await lead.api.groups[":group"].rollout[":tenant"].republish.$post({
      param: { group, tenant: "dataquint" },
      json: {},
    });
    expect(republish.status).toBe(404);
    // Whatever writes the version — the publishing module itself here — the database refuses.
    await expect(
      publishAt(env.DB, group, "dataquint", demoContent("dataquint"), new Date().toISOString()),
    ).rejects.toThrow(/company_archived/);
    const rename = await company("dataquint").$patch({
      param: { group, company: "dataquint" },
      json: { name: "X" },
    });
    expect(rename.status).toBe(409);
    const twice = await company("dataquint").archive.$post({
      param: { group, company: "dataquint" },
      json: {},
    });
    expect(twice.status).toBe(409);
  });

  it("is restored: public again, editable again, and audited", async () => {
    const res = await company("dataquint").restore.$post({ param: { group, company: "dataquint" } });
    expect(res.status).toBe(200);
    expect((await get(`${DQ}.json`)).status).toBe(200);
    const draft = await (
      await dqEditor.api.groups[":group"].tenants[":tenant"].draft.$get({
        param: { group, tenant: "dataquint" },
      })
    ).json();
    const save = await call(`/api/groups/${group}/tenants/dataquint/draft`, {
      method: "PUT",
      cookie: await signInAs("editor@dataquint.example"),
      json: { content: draft.content },
      headers: { "If-Match": `"${draft.revision}"` },
    });
    expect(save.status).toBe(200);
    const actions = [...(await auditOf("company.archived")), ...(await auditOf("company.restored"))];
    expect(actions.map((e) => [e.action, e.tenant])).toEqual(
      expect.arrayContaining([
        ["company.archived", "dataquint"],
        ["company.restored", "dataquint"],
      ]),
    );
    expect((await auditOf("company.archived"))[0]?.summary).toMatchObject({
      reason: "Verkocht aan een andere groep",
    });
  });

  it("redirects to its successor's statement when the privacy lead names one", async () => {
    const bad = await company("pharox").archive.$post({
      param: { group, company: "pharox" },
      json: { successorUrl: "https://127.0.0.1/privacy" },
    });
    expect(bad.status).toBe(422);
    expect((await readError(bad)).error.issues?.[0]?.field).toBe("successorUrl");
    const insecure = await company("pharox").archive.$post({
      param: { group, company: "pharox" },
      json: { successorUrl: "http://koper.example/privacy" },
    });
    expect(insecure.status).toBe(400);
    const ok = await company("pharox").archive.$post({
      param: { group, company: "pharox" },
      json: { successorUrl: "https://www.koper.example/privacy" },
    });
    expect(ok.status).toBe(200);
    const res = await get(`${PUBLIC}/pharox.json?lang=en`);
    expect(res.status).toBe(308);
    expect(res.headers.get("Location")).toBe("https://www.koper.example/privacy");
    expect((await get(`${PUBLIC}/pharox/versions/1`)).status).toBe(200);
  });

  it("is archived once when two privacy lead requests archive it at the same moment", async () => {
    const archive = () => company("geotax").archive.$post({ param: { group, company: "geotax" }, json: {} });
    const answers = await Promise.all([archive(), archive()]);
    expect(answers.map((a) => a.status).sort((a, b) => a - b)).toEqual([200, 409]);
    expect(await auditOf("company.archived")).toHaveLength(3);
  });
});

describe("deleting a company", () => {
  it("is refused for a company that ever published, also when the database is written directly", async () => {
    const res = await company("jcc-software").$delete({ param: { group, company: "jcc-software" } });
    expect(res.status).toBe(409);
    expect((await readError(res)).error.code).toBe("company_published");
    await expect(
      env.DB.prepare(
        "UPDATE tenants SET status = 'deleted', deleted_at = '2026-06-01T00:00:00.000Z' WHERE slug = 'jcc-software'",
      ).run(),
    ).rejects.toThrow(/company_published/);
    await expect(env.DB.prepare("DELETE FROM tenants WHERE slug = 'jcc-software'").run()).rejects.toThrow();
  });

  it("removes one that never published, with its roles, and frees its address", async () => {
    expect((await create("tijdelijk", "Tijdelijk")).status).toBe(201);
    const viewer = (
      await (await lead.api.groups[":group"].members.$get({ param: { group }, query: {} })).json()
    ).members.find((m) => m.user.email === "viewer@jccsoftware.example")!;
    const added = await lead.api.groups[":group"].members.$post({
      param: { group },
      json: { user: viewer.user.id, role: "tenant_viewer", tenant: "tijdelijk" },
    });
    expect(added.status).toBe(201);

    const res = await company("tijdelijk").$delete({ param: { group, company: "tijdelijk" } });
    expect(res.status).toBe(200);
    expect((await listCompanies()).map((c) => c.slug)).not.toContain("tijdelijk");
    const roles = (
      await (await lead.api.groups[":group"].members.$get({ param: { group }, query: {} })).json()
    ).members
      .filter((m) => m.user.email === "viewer@jccsoftware.example")
      .map((m) => m.tenant?.slug);
    expect(roles).toEqual(["jcc-software"]);
    expect((await get(`${PUBLIC}/tijdelijk`)).status).toBe(404);
    expect((await auditOf("company.deleted"))[0]).toMatchObject({ target: "tijdelijk" });
    // Its address is free again: it never served a statement.
    expect((await create("tijdelijk", "Tijdelijk opnieuw")).status).toBe(201);
  });
});

describe("finding a company among many", () => {
  const search = async (q: string, page: { limit?: string; after?: string } = {}) =>
    companies().$get({ param: { group }, query: { q, ...page } });
  const slugsOf = async (res: { status: number; json(): Promise<unknown> }) => {
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: { slug: string }[] }).items.map((c) => c.slug);
  };

  it("lists only the companies whose name or address contains the words, in the group's order, a page at a time", async () => {
    for (const [slug, name] of [
      ["zoek-noord", "Zoekwerk Noord"],
      ["zoek-zuid", "Zoekwerk Zuid"],
      ["zw-oost", "ZOEKWERK Oost"],
      ["ander-bedrijf", "Ander Bedrijf"],
    ] as const)
      expect((await create(slug, name)).status).toBe(201);

    // By name, whatever the case of its letters, and by address.
    expect(await slugsOf(await search("zoekwerk"))).toEqual(["zoek-noord", "zoek-zuid", "zw-oost"]);
    expect(await slugsOf(await search("  zw-oo "))).toEqual(["zw-oost"]);
    // A page at a time, continuing after the cursor within the same search.
    const first = await search("zoekwerk", { limit: "2" });
    const firstBody = (await first.json()) as { items: { slug: string }[]; next: string | null };
    expect(firstBody.items.map((c) => c.slug)).toEqual(["zoek-noord", "zoek-zuid"]);
    expect(firstBody.next).not.toBeNull();
    expect(await slugsOf(await search("zoekwerk", { limit: "2", after: firstBody.next! }))).toEqual([
      "zw-oost",
    ]);
    // LIKE's own characters are taken as they are written: "%" and "_" match nothing here.
    expect(await slugsOf(await search("%"))).toEqual([]);
    expect(await slugsOf(await search("zoek_"))).toEqual([]);
  });

  it("searches only the companies a member may see, for a member", async () => {
    const editor = apiAs(await signInAs("editor@jccsoftware.example"));
    const find = async (api: Api, q: string) => {
      const res = await api.api.groups[":group"].tenants.$get({ param: { group }, query: { q } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { tenants: { slug: string }[] }).tenants.map((c) => c.slug);
    };
    expect(await find(lead, "SOFT")).toEqual(["jcc-software"]);
    expect(await find(lead, "data")).toEqual(["dataquint"]);
    expect(await find(editor, "soft")).toEqual(["jcc-software"]);
    // DataQuint exists, but is not the editor's: the search does not tell.
    expect(await find(editor, "data")).toEqual([]);
  });

  it("refuses an empty or overlong search, naming the field", async () => {
    for (const q of ["   ", "x".repeat(121)]) {
      const res = await search(q);
      expect(res.status).toBe(400);
      expect((await readError(res)).error.issues?.[0]?.field).toBe("q");
    }
  });
});
