// Editing and publishing through the API, as the privacy lead and the companies' editors do it.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Recipient, TenantContent } from "#shared/model.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, call, readError, readPublicJson, signInAs, type Api } from "../test/clients.ts";

const group = "conxillium";
let lead: Api;
let jccEditor: Api;
let dqEditor: Api;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  const [leadSession, jccSession, dqSession] = await Promise.all([
    signInAs("lead@conxillium.example"),
    signInAs("editor@jccsoftware.example"),
    signInAs("editor@dataquint.example"),
  ]);
  [lead, jccEditor, dqEditor] = [apiAs(leadSession), apiAs(jccSession), apiAs(dqSession)];
});

const company = (api: Api) => api.api.groups[":group"].tenants[":tenant"];

async function getDraft(tenant: string, api: Api) {
  const res = await company(api).draft.$get({ param: { group, tenant } });
  expect(res.status).toBe(200);
  expect(res.headers.get("ETag")).toMatch(/^"\d+"$/);
  return res.json();
}

const saveDraft = (tenant: string, api: Api, revision: number | null, content: TenantContent) =>
  company(api).draft.$put(
    { param: { group, tenant }, json: { content } },
    { headers: revision === null ? {} : { "If-Match": `"${revision}"` } },
  );

const publish = (
  tenant: string,
  api: Api,
  body: { changeNote: string; effectiveFrom?: string; completenessOverride?: string },
) => company(api).publish.$post({ param: { group, tenant }, json: { material: true, ...body } });

const publicJson = (tenant: string, query: { at?: string } = {}) =>
  readPublicJson(apiAs(), group, tenant, query);

describe("saving drafts", () => {
  it("refuses a stale revision with 409 and the current draft, and a merge keeps both edits", async () => {
    const opened = await getDraft("geotax", lead);
    const first = structuredClone(opened.content);
    first.profile.phone = "+31 50 111 1111";
    const second = structuredClone(opened.content);
    second.profile.website = "https://www.geotax-nieuw.example";

    expect((await saveDraft("geotax", lead, opened.revision, first)).status).toBe(200);
    const stale = await saveDraft("geotax", lead, opened.revision, second);
    expect(stale.status).toBe(409);
    const conflict = await readError(stale);
    expect(conflict.error.code).toBe("stale_revision");
    // The draft as it is now, exactly as GET /draft gives it.
    const current = conflict.current as Awaited<ReturnType<typeof getDraft>>;
    expect(current.revision).toBe(opened.revision + 1);
    expect(current.content.profile.phone).toBe("+31 50 111 1111");

    const merged = structuredClone(current.content);
    merged.profile.website = second.profile.website;
    expect((await saveDraft("geotax", lead, current.revision, merged)).status).toBe(200);
    const now = await getDraft("geotax", lead);
    expect(now.content.profile.phone).toBe("+31 50 111 1111");
    expect(now.content.profile.website).toBe("https://www.geotax-nieuw.example");
  });

  it("asks for If-Match with 428", async () => {
    const { content } = await getDraft("geotax", lead);
    const res = await saveDraft("geotax", lead, null, content);
    expect(res.status).toBe(428);
  });

  it("refuses an editor replacing a locked section with 422 naming the section and writes nothing", async () => {
    const opened = await getDraft("jcc-software", jccEditor);
    const content = structuredClone(opened.content);
    content.overrides.rights = { mode: "replace", body: { nl: "Geen rechten." } };
    const res = await saveDraft("jcc-software", jccEditor, opened.revision, content);
    expect(res.status).toBe(422);
    const { error } = await readError(res);
    expect(error.issues).toEqual([
      { field: "content.overrides.rights", message: expect.stringMatching(/"rights" is locked/) },
    ]);
    expect((await getDraft("jcc-software", jccEditor)).revision).toBe(opened.revision);
  });

  it("names invalid fields of the content", async () => {
    const opened = await getDraft("jcc-software", jccEditor);
    // Malformed on purpose, so sent untyped: the typed client would not let it through.
    const res = await call(`/api/groups/${group}/tenants/jcc-software/draft`, {
      cookie: await signInAs("editor@jccsoftware.example"),
      method: "PUT",
      json: { content: { ...opened.content, profile: { ...opened.content.profile, kvkNumber: "123" } } },
      headers: { "If-Match": `"${opened.revision}"` },
    });
    expect(res.status).toBe(400);
    const { error } = await readError(res);
    expect(error.issues?.map((i) => i.field)).toEqual(["content.profile.kvkNumber"]);
  });

  it("previews the draft with its problems, without publishing", async () => {
    const opened = await getDraft("dataquint", dqEditor);
    const content = structuredClone(opened.content);
    content.overrides.legal_basis = {
      mode: "append",
      body: { nl: "Mail {{company.dpo.email}}.", en: "Mail {{company.dpo.email}}." },
    };
    expect((await saveDraft("dataquint", dqEditor, opened.revision, content)).status).toBe(200);
    const preview = await (
      await company(dqEditor).preview.$get({ param: { group, tenant: "dataquint" } })
    ).json();
    expect(preview.problems).toEqual([
      expect.objectContaining({ code: "missing_value", field: "company.dpo.email" }),
    ]);
    expect(preview.outputs.find((o) => o.language === "nl" && o.format === "fragment")?.body).toContain(
      "ontbreekt",
    );
    expect((await publicJson("dataquint")).version).toBe(1);
    const refused = await publish("dataquint", dqEditor, { changeNote: "Met FG" });
    expect(refused.status).toBe(422);
  });
});

describe("publishing", () => {
  it("is served by the public endpoint at once, and refuses a publish with nothing new", async () => {
    const opened = await getDraft("i-real", lead);
    const content = structuredClone(opened.content);
    content.lists.data_categories.push({ name: { nl: "Functietitel", en: "Job title" }, special: false });
    // Every data category needs a retention period (Art. 13(2)(a)); without one the lint refuses.
    content.lists.retention.push({
      subject: { nl: "Functietitel", en: "Job title" },
      period: { amount: 2, unit: "years" },
      criterion: { nl: "na het laatste contact", en: "after our last contact" },
    });
    expect((await saveDraft("i-real", lead, opened.revision, content)).status).toBe(200);
    const res = await publish("i-real", lead, { changeNote: "Functietitel toegevoegd" });
    expect(res.status).toBe(201);
    const body = await res.json();
    if (body.kind !== "published") throw new Error("expected a publish");
    expect(body.version.number).toBe(2);
    const served = await publicJson("i-real");
    expect(served.version).toBe(2);
    expect(served.sections.find((s) => s.key === "data_categories")?.text).toContain("Functietitel");

    const again = await publish("i-real", lead, { changeNote: "Nog eens" });
    expect(again.status).toBe(409);
    expect((await readError(again)).error.code).toBe("nothing_changed");
  });

  it("serves a version with a future effective date only from that moment", async () => {
    const opened = await getDraft("sim", lead);
    const content = structuredClone(opened.content);
    content.profile.phone = "+31 10 999 9999";
    await saveDraft("sim", lead, opened.revision, content);
    const res = await publish("sim", lead, {
      changeNote: "Nieuw nummer per 2099",
      effectiveFrom: "2099-01-01T00:00:00Z",
    });
    expect(res.status).toBe(201);
    expect((await publicJson("sim")).version).toBe(1);
    expect((await publicJson("sim", { at: "2099-01-01T00:00:00Z" })).version).toBe(2);
    expect((await publicJson("sim", { at: "2098-12-31T23:59:59Z" })).version).toBe(1);
  });

  it("restores an old version as a new version with that content", async () => {
    const opened = await getDraft("procura", lead);
    const changed = structuredClone(opened.content);
    changed.profile.phone = "+31 30 222 2222";
    await saveDraft("procura", lead, opened.revision, changed);
    expect((await publish("procura", lead, { changeNote: "Ander nummer" })).status).toBe(201);
    expect(JSON.stringify(await publicJson("procura"))).toContain("+31 30 222 2222");

    const restored = await company(lead).versions[":number"].restore.$post({
      param: { group, tenant: "procura", number: "1" },
      json: { changeNote: "Terug naar versie 1" },
    });
    expect(restored.status).toBe(201);
    const served = await publicJson("procura");
    expect(served.version).toBe(3);
    expect(JSON.stringify(served)).not.toContain("+31 30 222 2222");
    const first = await apiAs().v1.statements[":group"][":tenant"].versions[":version"].$get({
      param: { group, tenant: "procura", version: "1.json" },
      query: {},
    });
    expect(served.sections).toEqual(((await first.json()) as typeof served).sections);
  });

  it("refuses a publish by a viewer", async () => {
    const viewer = apiAs(await signInAs("viewer@jccsoftware.example"));
    expect((await publish("jcc-software", viewer, { changeNote: "x" })).status).toBe(403);
  });
});

describe("approval", () => {
  it("turns a publish into a request that another privacy lead approves; self-approval is refused", async () => {
    // A second privacy lead, so that four eyes are possible.
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO users (email, name, password_hash, created_at) SELECT 'lead2@conxillium.example', 'Tweede Lead', password_hash, created_at FROM users LIMIT 1",
      ),
      env.DB.prepare(
        `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
         SELECT u.id, g.id, NULL, 'group_admin', '2026-01-01T00:00:00.000Z' FROM users u, groups g
         WHERE u.email = 'lead2@conxillium.example' AND g.slug = 'conxillium'`,
      ),
    ]);
    const lead2 = apiAs(await signInAs("lead2@conxillium.example"));
    const setApproval = (requireApproval: boolean) =>
      lead.api.groups[":group"].settings.$put({ param: { group }, json: { requireApproval } });
    expect((await setApproval(true)).status).toBe(200);
    const decide = (api: Api) => api.api.groups[":group"]["publish-requests"][":id"];
    const pending = async (api: Api) =>
      (
        await (
          await api.api.groups[":group"]["publish-requests"].$get({
            param: { group },
            query: { status: "pending" },
          })
        ).json()
      ).requests;

    const opened = await getDraft("beheervisie", lead);
    const content = structuredClone(opened.content);
    content.profile.phone = "+31 88 123 4567";
    await saveDraft("beheervisie", lead, opened.revision, content);
    const asked = await publish("beheervisie", lead, { changeNote: "Nieuw telefoonnummer" });
    expect(asked.status).toBe(202);
    expect((await publicJson("beheervisie")).version).toBe(1);

    const request = (await pending(lead)).find((r) => r.tenant?.slug === "beheervisie")!;
    const id = String(request.id);
    const self = await decide(lead).approve.$post({ param: { group, id } });
    expect(self.status).toBe(403);
    expect((await readError(self)).error.code).toBe("self_approval");
    expect((await publicJson("beheervisie")).version).toBe(1);

    const editorTry = await decide(jccEditor).approve.$post({ param: { group, id } });
    expect(editorTry.status).toBe(404);

    const approved = await decide(lead2).approve.$post({ param: { group, id } });
    expect(approved.status).toBe(200);
    expect((await publicJson("beheervisie")).version).toBe(2);
    expect(JSON.stringify(await publicJson("beheervisie"))).toContain("+31 88 123 4567");
    expect((await decide(lead2).approve.$post({ param: { group, id } })).status).toBe(409);

    // A rejection needs a reason and leaves the public statement as it was.
    const again = await getDraft("beheervisie", lead);
    const next = structuredClone(again.content);
    next.profile.phone = "+31 88 765 4321";
    await saveDraft("beheervisie", lead, again.revision, next);
    expect((await publish("beheervisie", lead, { changeNote: "Weer een ander nummer" })).status).toBe(202);
    const waiting = String((await pending(lead2))[0]!.id);
    // Without a reason, so sent untyped: the typed client requires one.
    const noReason = await call(`/api/groups/${group}/publish-requests/${waiting}/reject`, {
      cookie: await signInAs("lead2@conxillium.example"),
      json: {},
    });
    expect(noReason.status).toBe(400);
    const rejected = await decide(lead2).reject.$post({
      param: { group, id: waiting },
      json: { reason: "Dit nummer is niet bereikbaar." },
    });
    expect(rejected.status).toBe(200);
    expect((await publicJson("beheervisie")).version).toBe(2);
    await setApproval(false);
  });
});

describe("baseline inheritance", () => {
  async function publishBaselineV2(): Promise<void> {
    const res = await lead.api.groups[":group"].baseline.draft.$get({ param: { group } });
    const draft = await res.json();
    const baseline = structuredClone(draft.baseline);
    const cookies = baseline.sections.find((s) => s.key === "cookies")!;
    cookies.body.nl = `${cookies.body.nl}\n\nU kunt uw cookievoorkeuren op elk moment wijzigen.`;
    cookies.body.en = `${cookies.body.en}\n\nYou can change your cookie preferences at any time.`;
    const rights = baseline.sections.find((s) => s.key === "rights")!;
    rights.body.nl = `${rights.body.nl}\n\nWij reageren binnen vier weken.`;
    rights.body.en = `${rights.body.en}\n\nWe respond within four weeks.`;
    const saved = await lead.api.groups[":group"].baseline.draft.$put(
      { param: { group }, json: { baseline } },
      { headers: { "If-Match": res.headers.get("ETag")! } },
    );
    expect(saved.status).toBe(200);
    const published = await lead.api.groups[":group"].baseline.publish.$post({
      param: { group },
      json: { changeNote: "Cookievoorkeuren" },
    });
    expect(published.status).toBe(201);
  }

  const rolloutOf = async () =>
    (await lead.api.groups[":group"].rollout.$get({ param: { group }, query: {} })).json();

  it("marks every company outdated, gives each its diff and conflicts, and republishes the clean ones", async () => {
    await publishBaselineV2();
    const { companies } = await rolloutOf();
    expect(companies.every((c) => c.outdated)).toBe(true);
    // JCC Software extended the cookies section the new baseline changed: a conflict.
    const jcc = companies.find((c) => c.tenant.slug === "jcc-software")!;
    expect(jcc.clean).toBe(false);
    expect(jcc.conflicts.map((c) => c.section)).toContain("cookies");
    const pharox = companies.find((c) => c.tenant.slug === "pharox")!;
    expect(pharox.clean).toBe(true);
    const changed = pharox
      .diff!.sections.filter((s) => s.status === "changed")
      .map((s) => s.key)
      .sort();
    expect(changed).toEqual(["cookies", "rights"]);

    const bulk = await (
      await lead.api.groups[":group"].rollout.republish.$post({ param: { group }, json: {} })
    ).json();
    const byTenant = Object.fromEntries(bulk.results.map((r) => [r.tenant, r.status]));
    expect(byTenant["jcc-software"]).toBe("skipped");
    expect(byTenant.pharox).toBe("published");
    const pharoxNow = await publicJson("pharox");
    expect(pharoxNow.sections.find((s) => s.key === "rights")?.text).toContain(
      "Wij reageren binnen vier weken.",
    );
    // JCC still serves its statement on the old baseline until its editor resolves the conflict.
    expect((await publicJson("jcc-software")).sections.find((s) => s.key === "rights")?.text).not.toContain(
      "Wij reageren binnen vier weken.",
    );
    const after = await rolloutOf();
    expect(after.companies.filter((c) => c.outdated).map((c) => c.tenant.slug)).toContain("jcc-software");
    expect(after.companies.find((c) => c.tenant.slug === "pharox")!.outdated).toBe(false);
  });

  it("is for the privacy lead only", async () => {
    expect((await jccEditor.api.groups[":group"].rollout.$get({ param: { group }, query: {} })).status).toBe(
      403,
    );
    const publishing = await jccEditor.api.groups[":group"].baseline.publish.$post({
      param: { group },
      json: { changeNote: "x" },
    });
    expect(publishing.status).toBe(403);
  });
});

describe("processor register", () => {
  const putProcessor = (recipient: Recipient) =>
    lead.api.groups[":group"].processors[":key"].$put({
      param: { group, key: "wolkendienst" },
      json: { recipient },
    });

  it("carries a processor change into the drafts that use it and marks their statements outdated", async () => {
    const recipient: Recipient = {
      name: "Wolkendienst B.V.",
      role: "processor",
      country: "NL",
      safeguard: "eea",
      service: { nl: "hosting", en: "hosting" },
    };
    expect((await putProcessor(recipient)).status).toBe(201);

    const opened = await getDraft("geotax", lead);
    const content = structuredClone(opened.content);
    content.lists.recipients.push({ ...recipient, processor: "wolkendienst" });
    expect((await saveDraft("geotax", lead, opened.revision, content)).status).toBe(200);
    expect((await publish("geotax", lead, { changeNote: "Wolkendienst als verwerker" })).status).toBe(201);

    const moved: Recipient = { ...recipient, name: "Wolkendienst Europe S.A.", country: "LU" };
    const res = await putProcessor(moved);
    expect(res.status).toBe(200);
    expect((await res.json()).draftsUpdated).toBe(1);
    const draft = await getDraft("geotax", lead);
    expect(draft.content.lists.recipients.find((r) => r.processor === "wolkendienst")).toMatchObject({
      name: "Wolkendienst Europe S.A.",
      country: "LU",
    });

    const { companies } = await (
      await lead.api.groups[":group"].rollout.$get({ param: { group }, query: {} })
    ).json();
    expect(companies.find((c) => c.tenant.slug === "geotax")).toMatchObject({
      outdated: true,
      reasons: expect.arrayContaining(["processor"]),
    });
    const one = await lead.api.groups[":group"].rollout[":tenant"].republish.$post({
      param: { group, tenant: "geotax" },
      json: {},
    });
    expect(one.status).toBe(200);
    expect(JSON.stringify(await publicJson("geotax"))).toContain("Wolkendienst Europe S.A.");
  });

  it("refuses a recipient that names an unknown processor", async () => {
    const opened = await getDraft("geotax", lead);
    const content = structuredClone(opened.content);
    content.lists.recipients.push({
      name: "X",
      role: "processor",
      country: "NL",
      safeguard: "eea",
      processor: "bestaat-niet",
    });
    const res = await saveDraft("geotax", lead, opened.revision, content);
    expect(res.status).toBe(422);
    const { error } = await readError(res);
    expect(error.issues?.[0]?.field).toMatch(/^content\.lists\.recipients\.\d+\.processor$/);
  });
});
