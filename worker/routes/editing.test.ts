// Editing and publishing through the API, as the privacy lead and the companies' editors do it.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Baseline, TenantContent } from "#shared/model.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { call, signInAs } from "../test/clients.ts";

let lead: string;
let jccEditor: string;
let dqEditor: string;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  [lead, jccEditor, dqEditor] = await Promise.all([
    signInAs("lead@conxillium.example"),
    signInAs("editor@jccsoftware.example"),
    signInAs("editor@dataquint.example"),
  ]);
});

interface Draft {
  revision: number;
  content: TenantContent;
}

const draftPath = (tenant: string) => `/api/groups/conxillium/tenants/${tenant}/draft`;

async function getDraft(tenant: string, cookie: string): Promise<Draft> {
  const res = await call(draftPath(tenant), { cookie });
  expect(res.status).toBe(200);
  expect(res.headers.get("ETag")).toMatch(/^"\d+"$/);
  return (await res.json()) as Draft;
}

const saveDraft = (tenant: string, cookie: string, revision: number | null, content: TenantContent) =>
  call(draftPath(tenant), {
    cookie,
    method: "PUT",
    json: { content },
    headers: revision === null ? {} : { "If-Match": `"${revision}"` },
  });

const publish = (tenant: string, cookie: string, body: Record<string, unknown>) =>
  call(`/api/groups/conxillium/tenants/${tenant}/publish`, { cookie, json: { material: true, ...body } });

const publicJson = async (tenant: string, query = "") =>
  (await (await call(`/v1/statements/conxillium/${tenant}.json${query}`)).json()) as {
    version: number;
    sections: { key: string; text: string }[];
  };

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
    const conflict = (await stale.json()) as { error: { code: string }; current: Draft };
    expect(conflict.error.code).toBe("stale_revision");
    expect(conflict.current.revision).toBe(opened.revision + 1);
    expect(conflict.current.content.profile.phone).toBe("+31 50 111 1111");

    const merged = structuredClone(conflict.current.content);
    merged.profile.website = second.profile.website;
    expect((await saveDraft("geotax", lead, conflict.current.revision, merged)).status).toBe(200);
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
    const { error } = (await res.json()) as { error: { issues: { field: string; message: string }[] } };
    expect(error.issues).toEqual([
      { field: "content.overrides.rights", message: expect.stringMatching(/"rights" is locked/) },
    ]);
    expect((await getDraft("jcc-software", jccEditor)).revision).toBe(opened.revision);
  });

  it("names invalid fields of the content", async () => {
    const opened = await getDraft("jcc-software", jccEditor);
    const content = structuredClone(opened.content) as unknown as { profile: { kvkNumber: string } };
    content.profile.kvkNumber = "123";
    const res = await saveDraft(
      "jcc-software",
      jccEditor,
      opened.revision,
      content as unknown as TenantContent,
    );
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { issues: { field: string }[] } };
    expect(error.issues.map((i) => i.field)).toEqual(["content.profile.kvkNumber"]);
  });

  it("previews the draft with its problems, without publishing", async () => {
    const opened = await getDraft("dataquint", dqEditor);
    const content = structuredClone(opened.content);
    content.overrides.legal_basis = {
      mode: "append",
      body: { nl: "Mail {{company.dpo.email}}.", en: "Mail {{company.dpo.email}}." },
    };
    expect((await saveDraft("dataquint", dqEditor, opened.revision, content)).status).toBe(200);
    const preview = (await (
      await call("/api/groups/conxillium/tenants/dataquint/preview", { cookie: dqEditor })
    ).json()) as {
      problems: { code: string; field?: string }[];
      outputs: { language: string; format: string; body: string }[];
    };
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
    expect(((await res.json()) as { version: { number: number } }).version.number).toBe(2);
    const served = await publicJson("i-real");
    expect(served.version).toBe(2);
    expect(served.sections.find((s) => s.key === "data_categories")?.text).toContain("Functietitel");

    const again = await publish("i-real", lead, { changeNote: "Nog eens" });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("nothing_changed");
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
    expect((await publicJson("sim", "?at=2099-01-01T00:00:00Z")).version).toBe(2);
    expect((await publicJson("sim", "?at=2098-12-31T23:59:59Z")).version).toBe(1);
  });

  it("restores an old version as a new version with that content", async () => {
    const opened = await getDraft("procura", lead);
    const changed = structuredClone(opened.content);
    changed.profile.phone = "+31 30 222 2222";
    await saveDraft("procura", lead, opened.revision, changed);
    expect((await publish("procura", lead, { changeNote: "Ander nummer" })).status).toBe(201);
    expect(JSON.stringify(await publicJson("procura"))).toContain("+31 30 222 2222");

    const restored = await call("/api/groups/conxillium/tenants/procura/versions/1/restore", {
      cookie: lead,
      json: { changeNote: "Terug naar versie 1" },
    });
    expect(restored.status).toBe(201);
    const served = await publicJson("procura");
    expect(served.version).toBe(3);
    expect(JSON.stringify(served)).not.toContain("+31 30 222 2222");
    const first = (await (
      await call("/v1/statements/conxillium/procura/versions/1.json")
    ).json()) as typeof served;
    expect(served.sections).toEqual(first.sections);
  });

  it("refuses a publish by a viewer", async () => {
    const viewer = await signInAs("viewer@jccsoftware.example");
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
    const lead2 = await signInAs("lead2@conxillium.example");
    expect(
      (
        await call("/api/groups/conxillium/settings", {
          cookie: lead,
          method: "PUT",
          json: { requireApproval: true },
        })
      ).status,
    ).toBe(200);

    const opened = await getDraft("beheervisie", lead);
    const content = structuredClone(opened.content);
    content.profile.phone = "+31 88 123 4567";
    await saveDraft("beheervisie", lead, opened.revision, content);
    const asked = await publish("beheervisie", lead, { changeNote: "Nieuw telefoonnummer" });
    expect(asked.status).toBe(202);
    expect((await publicJson("beheervisie")).version).toBe(1);

    const { requests } = (await (
      await call("/api/groups/conxillium/publish-requests?status=pending", { cookie: lead })
    ).json()) as {
      requests: { id: number; tenant: { slug: string } }[];
    };
    const request = requests.find((r) => r.tenant.slug === "beheervisie")!;
    const self = await call(`/api/groups/conxillium/publish-requests/${request.id}/approve`, {
      cookie: lead,
      json: {},
    });
    expect(self.status).toBe(403);
    expect(((await self.json()) as { error: { code: string } }).error.code).toBe("self_approval");
    expect((await publicJson("beheervisie")).version).toBe(1);

    const editorTry = await call(`/api/groups/conxillium/publish-requests/${request.id}/approve`, {
      cookie: jccEditor,
      json: {},
    });
    expect(editorTry.status).toBe(404);

    const approved = await call(`/api/groups/conxillium/publish-requests/${request.id}/approve`, {
      cookie: lead2,
      json: {},
    });
    expect(approved.status).toBe(200);
    expect((await publicJson("beheervisie")).version).toBe(2);
    expect(JSON.stringify(await publicJson("beheervisie"))).toContain("+31 88 123 4567");
    expect(
      (
        await call(`/api/groups/conxillium/publish-requests/${request.id}/approve`, {
          cookie: lead2,
          json: {},
        })
      ).status,
    ).toBe(409);

    // A rejection needs a reason and leaves the public statement as it was.
    const again = await getDraft("beheervisie", lead);
    const next = structuredClone(again.content);
    next.profile.phone = "+31 88 765 4321";
    await saveDraft("beheervisie", lead, again.revision, next);
    expect((await publish("beheervisie", lead, { changeNote: "Weer een ander nummer" })).status).toBe(202);
    const pending = (
      (await (
        await call("/api/groups/conxillium/publish-requests?status=pending", { cookie: lead2 })
      ).json()) as {
        requests: { id: number }[];
      }
    ).requests[0]!;
    expect(
      (
        await call(`/api/groups/conxillium/publish-requests/${pending.id}/reject`, {
          cookie: lead2,
          json: {},
        })
      ).status,
    ).toBe(400);
    const rejected = await call(`/api/groups/conxillium/publish-requests/${pending.id}/reject`, {
      cookie: lead2,
      json: { reason: "Dit nummer is niet bereikbaar." },
    });
    expect(rejected.status).toBe(200);
    expect((await publicJson("beheervisie")).version).toBe(2);
    await call("/api/groups/conxillium/settings", {
      cookie: lead,
      method: "PUT",
      json: { requireApproval: false },
    });
  });
});

describe("baseline inheritance", () => {
  async function publishBaselineV2(): Promise<void> {
    const res = await call("/api/groups/conxillium/baseline/draft", { cookie: lead });
    const draft = (await res.json()) as { revision: number; baseline: Baseline };
    const baseline = structuredClone(draft.baseline);
    const cookies = baseline.sections.find((s) => s.key === "cookies")!;
    cookies.body.nl = `${cookies.body.nl}\n\nU kunt uw cookievoorkeuren op elk moment wijzigen.`;
    cookies.body.en = `${cookies.body.en}\n\nYou can change your cookie preferences at any time.`;
    const rights = baseline.sections.find((s) => s.key === "rights")!;
    rights.body.nl = `${rights.body.nl}\n\nWij reageren binnen vier weken.`;
    rights.body.en = `${rights.body.en}\n\nWe respond within four weeks.`;
    const saved = await call("/api/groups/conxillium/baseline/draft", {
      cookie: lead,
      method: "PUT",
      json: { baseline },
      headers: { "If-Match": res.headers.get("ETag")! },
    });
    expect(saved.status).toBe(200);
    const published = await call("/api/groups/conxillium/baseline/publish", {
      cookie: lead,
      json: { changeNote: "Cookievoorkeuren" },
    });
    expect(published.status).toBe(201);
  }

  it("marks every company outdated, gives each its diff and conflicts, and republishes the clean ones", async () => {
    await publishBaselineV2();
    const { companies } = (await (await call("/api/groups/conxillium/rollout", { cookie: lead })).json()) as {
      companies: {
        tenant: { slug: string };
        outdated: boolean;
        clean: boolean;
        conflicts: { section: string }[];
        diff: { totals?: unknown; sections: { key: string; status: string }[] } | null;
      }[];
    };
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

    const bulk = (await (
      await call("/api/groups/conxillium/rollout/republish", { cookie: lead, json: {} })
    ).json()) as {
      results: { tenant: string; status: string; reason?: string }[];
    };
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
    const after = (await (await call("/api/groups/conxillium/rollout", { cookie: lead })).json()) as {
      companies: { tenant: { slug: string }; outdated: boolean }[];
    };
    expect(after.companies.filter((c) => c.outdated).map((c) => c.tenant.slug)).toContain("jcc-software");
    expect(after.companies.find((c) => c.tenant.slug === "pharox")!.outdated).toBe(false);
  });

  it("is for the privacy lead only", async () => {
    expect((await call("/api/groups/conxillium/rollout", { cookie: jccEditor })).status).toBe(403);
    expect(
      (
        await call("/api/groups/conxillium/baseline/publish", {
          cookie: jccEditor,
          json: { changeNote: "x" },
        })
      ).status,
    ).toBe(403);
  });
});

describe("processor register", () => {
  it("carries a processor change into the drafts that use it and marks their statements outdated", async () => {
    const recipient = {
      name: "Wolkendienst B.V.",
      role: "processor",
      country: "NL",
      safeguard: "eea",
      service: { nl: "hosting", en: "hosting" },
    };
    expect(
      (
        await call("/api/groups/conxillium/processors/wolkendienst", {
          cookie: lead,
          method: "PUT",
          json: { recipient },
        })
      ).status,
    ).toBe(201);

    const opened = await getDraft("geotax", lead);
    const content = structuredClone(opened.content);
    content.lists.recipients.push({
      ...(recipient as TenantContent["lists"]["recipients"][number]),
      processor: "wolkendienst",
    });
    expect((await saveDraft("geotax", lead, opened.revision, content)).status).toBe(200);
    expect((await publish("geotax", lead, { changeNote: "Wolkendienst als verwerker" })).status).toBe(201);

    const moved = { ...recipient, name: "Wolkendienst Europe S.A.", country: "LU" };
    const res = await call("/api/groups/conxillium/processors/wolkendienst", {
      cookie: lead,
      method: "PUT",
      json: { recipient: moved },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { draftsUpdated: number }).draftsUpdated).toBe(1);
    const draft = await getDraft("geotax", lead);
    expect(draft.content.lists.recipients.find((r) => r.processor === "wolkendienst")).toMatchObject({
      name: "Wolkendienst Europe S.A.",
      country: "LU",
    });

    const { companies } = (await (await call("/api/groups/conxillium/rollout", { cookie: lead })).json()) as {
      companies: { tenant: { slug: string }; outdated: boolean; reasons: string[] }[];
    };
    expect(companies.find((c) => c.tenant.slug === "geotax")).toMatchObject({
      outdated: true,
      reasons: expect.arrayContaining(["processor"]),
    });
    const one = await call("/api/groups/conxillium/rollout/geotax/republish", { cookie: lead, json: {} });
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
    const { error } = (await res.json()) as { error: { issues: { field: string }[] } };
    expect(error.issues[0]!.field).toMatch(/^content\.lists\.recipients\.\d+\.processor$/);
  });
});
