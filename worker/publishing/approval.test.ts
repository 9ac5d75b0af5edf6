// Approval and the publishing module: an approved request publishes exactly the version it names,
// also while other publishes of the same company collide with it, and with approval on the
// baseline waits for another privacy lead too.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContent } from "#shared/model.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, signInAs, type Api } from "../test/clients.ts";
import { demoContent, publishAt } from "../test/fixtures.ts";

const group = "conxillium";
let lead: Api;
let lead2: Api;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  // A second privacy lead, so that four eyes are possible (a row another admin would have made).
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO users (email, name, password_hash, created_at) SELECT 'second-lead@conxillium.example', 'Tweede Lead', password_hash, created_at FROM users LIMIT 1",
    ),
    env.DB.prepare(
      `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
       SELECT u.id, g.id, NULL, 'group_admin', '2026-01-01T00:00:00.000Z' FROM users u, groups g
       WHERE u.email = 'second-lead@conxillium.example' AND g.slug = 'conxillium'`,
    ),
  ]);
  lead = apiAs(await signInAs("lead@conxillium.example"));
  lead2 = apiAs(await signInAs("second-lead@conxillium.example"));
  const on = await lead.api.groups[":group"].settings.$put({
    param: { group },
    json: { requireApproval: true },
  });
  expect(on.status).toBe(200);
});

async function requestCompanyPublish(tenant: string, phone: string): Promise<number> {
  const draft = await lead.api.groups[":group"].tenants[":tenant"].draft.$get({ param: { group, tenant } });
  expect(draft.status).toBe(200);
  const opened = await draft.json();
  const content: TenantContent = structuredClone(opened.content);
  content.profile.phone = phone;
  const saved = await lead.api.groups[":group"].tenants[":tenant"].draft.$put(
    { param: { group, tenant }, json: { content } },
    { headers: { "If-Match": `"${opened.revision}"` } },
  );
  expect(saved.status).toBe(200);
  const asked = await lead.api.groups[":group"].tenants[":tenant"].publish.$post({
    param: { group, tenant },
    json: { changeNote: `Telefoon ${phone}`, material: true },
  });
  expect(asked.status).toBe(202);
  const listed = await lead.api.groups[":group"]["publish-requests"].$get({
    param: { group },
    query: { status: "pending" },
  });
  const { requests } = await listed.json();
  const request = requests.find((r) => r.tenant?.slug === tenant);
  expect(request).toBeDefined();
  return request!.id;
}

interface VersionRow {
  number: number;
  content: string;
  content_hash: string;
}

async function readVersions(tenant: string): Promise<VersionRow[]> {
  const { results } = await env.DB.prepare(
    `SELECT v.number, v.content, v.content_hash FROM statement_versions v JOIN tenants t ON t.id = v.tenant_id
     WHERE t.slug = ?1 ORDER BY v.number`,
  )
    .bind(tenant)
    .all<VersionRow>();
  return results;
}

async function readAudit(action: string, target: string): Promise<Record<string, unknown>[]> {
  const { results } = await env.DB.prepare(
    "SELECT summary FROM audit_log WHERE action = ?1 AND target = ?2 ORDER BY id",
  )
    .bind(action, target)
    .all<{ summary: string }>();
  return results.map((r) => JSON.parse(r.summary) as Record<string, unknown>);
}

describe("an approved company request", () => {
  it("names the version it actually published — in the request, the answer and the audit log — while other publishes collide with it", async () => {
    const tenant = "geotax";
    for (let round = 0; round < 3; round++) {
      const phone = `+31 50 700 00${round}0`;
      const id = await requestCompanyPublish(tenant, phone);
      // Publishes that do not wait for approval (a republish, say), racing the approval.
      // Spread over the approval's own reads and writes, so that some land in the middle of it.
      const others = Array.from({ length: 12 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 3));
        const content = demoContent(tenant);
        content.profile.phone = `+31 50 800 ${round}${i}00`;
        return publishAt(env.DB, group, tenant, content, new Date().toISOString());
      });
      const [approved] = await Promise.all([
        new Promise((resolve) => setTimeout(resolve, 10 + round * 10)).then(() =>
          lead2.api.groups[":group"]["publish-requests"][":id"].approve.$post({
            param: { group, id: String(id) },
          }),
        ),
        ...others,
      ]);
      expect(approved.status).toBe(200);
      const body = await approved.json();
      if (!("version" in body)) throw new Error("no version in the answer");

      const published = (await readVersions(tenant)).filter(
        (v) => (JSON.parse(v.content) as TenantContent).profile.phone === phone,
      );
      expect(published).toHaveLength(1);
      const version = published[0]!;
      expect(body.version.number).toBe(version.number);
      expect(body.request.versionNumber).toBe(version.number);

      const listed = await lead.api.groups[":group"]["publish-requests"].$get({
        param: { group },
        query: { status: "approved" },
      });
      const stored = (await listed.json()).requests.find((r) => r.id === id);
      expect(stored?.versionNumber).toBe(version.number);

      const approvals = (await readAudit("publish.approved", tenant)).filter((s) => s.request === id);
      expect(approvals).toEqual([expect.objectContaining({ version: version.number })]);
      const publishes = (await readAudit("statement.published", tenant)).filter(
        (s) => s.contentHash === version.content_hash,
      );
      expect(publishes).toEqual([expect.objectContaining({ version: version.number })]);
    }
  });
});

describe("what is written with a version", () => {
  it("is built from the version actually written, also when another publish took the number first", async () => {
    const tenant = "procura";
    const [before] = (await readVersions(tenant)).slice(-1);
    // What a caller read before another publish of the company got in.
    const stale = {
      number: before!.number,
      latestHash: before!.content_hash,
      inForceHash: before!.content_hash,
    };
    const first = demoContent(tenant);
    first.profile.phone = "+31 30 100 0001";
    await publishAt(env.DB, group, tenant, first, new Date().toISOString());

    const second = demoContent(tenant);
    second.profile.phone = "+31 30 100 0002";
    const seen: number[] = [];
    const version = await publishAt(env.DB, group, tenant, second, new Date().toISOString(), {
      publishedSoFar: stale,
      alongside: (written) => {
        seen.push(written.number);
        return {
          statements: [],
          audit: [
            {
              groupId: null,
              tenantId: null,
              actorUserId: null,
              actor: "system",
              action: "test.alongside",
              target: tenant,
              summary: { version: written.number },
              at: written.publishedAt,
            },
          ],
        };
      },
    });
    // The first attempt collided on the number the stale read gave; the retry wrote the next one.
    expect(seen).toEqual([before!.number + 1, before!.number + 2]);
    expect(version.number).toBe(before!.number + 2);
    expect(await readAudit("test.alongside", tenant)).toEqual([{ version: version.number }]);
  });
});

describe("with approval on, a baseline publish", () => {
  async function saveBaselineDraft(api: Api, sentence: string): Promise<void> {
    const opened = await api.api.groups[":group"].baseline.draft.$get({ param: { group } });
    expect(opened.status).toBe(200);
    const draft = await opened.json();
    const baseline = structuredClone(draft.baseline);
    const rights = baseline.sections.find((s) => s.key === "rights")!;
    rights.body.nl = `${rights.body.nl}\n\n${sentence}`;
    const saved = await api.api.groups[":group"].baseline.draft.$put(
      { param: { group }, json: { baseline } },
      { headers: { "If-Match": opened.headers.get("ETag")! } },
    );
    expect(saved.status).toBe(200);
  }

  const publishedBaseline = async (): Promise<number> => {
    const res = await lead.api.groups[":group"].baseline.$get({ param: { group } });
    return (await res.json()).number;
  };

  it("becomes a request that another privacy lead approves, and approving publishes it as a direct publish would", async () => {
    await saveBaselineDraft(lead, "Wij reageren binnen vier weken.");
    const before = await publishedBaseline();

    const asked = await lead.api.groups[":group"].baseline.publish.$post({
      param: { group },
      json: { changeNote: "Reactietermijn" },
    });
    expect(asked.status).toBe(202);
    const submission = await asked.json();
    if (submission.kind !== "requested") throw new Error("expected a request");
    expect(submission.request).toMatchObject({
      subject: "baseline",
      tenant: null,
      status: "pending",
      changeNote: "Reactietermijn",
      requestedBy: { email: "lead@conxillium.example" },
    });
    expect(await publishedBaseline()).toBe(before);

    // One baseline request at a time; nobody approves their own; an editor does not even see it.
    const again = await lead.api.groups[":group"].baseline.publish.$post({
      param: { group },
      json: { changeNote: "Nog eens" },
    });
    expect(again.status).toBe(409);
    expect((await again.json()) as unknown).toMatchObject({ error: { code: "request_pending" } });
    const id = String(submission.request.id);
    const self = await lead.api.groups[":group"]["publish-requests"][":id"].approve.$post({
      param: { group, id },
    });
    expect(self.status).toBe(403);
    const editor = apiAs(await signInAs("editor@jccsoftware.example"));
    const editorList = await editor.api.groups[":group"]["publish-requests"].$get({
      param: { group },
      query: {},
    });
    expect((await editorList.json()).requests.map((r) => r.id)).not.toContain(submission.request.id);
    const editorTry = await editor.api.groups[":group"]["publish-requests"][":id"].approve.$post({
      param: { group, id },
    });
    expect(editorTry.status).toBe(404);

    const approved = await lead2.api.groups[":group"]["publish-requests"][":id"].approve.$post({
      param: { group, id },
    });
    expect(approved.status).toBe(200);
    const approval = await approved.json();
    if (approval.subject !== "baseline") throw new Error("expected a baseline approval");
    expect(approval.version).toMatchObject({ number: before + 1, changeNote: "Reactietermijn" });
    expect(approval.request).toMatchObject({ status: "approved", versionNumber: before + 1 });
    // Every company rests on the older baseline now, as after a direct publish.
    expect(approval.outdated?.map((o) => o.tenant)).toContain("jcc-software");
    expect(await publishedBaseline()).toBe(before + 1);

    const published = await readAudit("baseline.published", "baseline");
    expect(published.at(-1)).toEqual({
      version: before + 1,
      changeNote: "Reactietermijn",
      draftRevision: expect.any(Number),
    });
    const approvals = await readAudit("publish.approved", "baseline");
    expect(approvals.at(-1)).toEqual({
      request: submission.request.id,
      requestedBy: "lead@conxillium.example",
      version: before + 1,
    });
    const actor = await env.DB.prepare(
      "SELECT actor FROM audit_log WHERE action = 'baseline.published' ORDER BY id DESC LIMIT 1",
    ).first<{ actor: string }>();
    expect(actor?.actor).toBe("lead@conxillium.example");
  });

  it("can be rejected with a reason, and then publishes nothing", async () => {
    await saveBaselineDraft(lead2, "Wij bewaren niets langer dan nodig.");
    const before = await publishedBaseline();
    const asked = await lead2.api.groups[":group"].baseline.publish.$post({
      param: { group },
      json: { changeNote: "Bewaartermijn" },
    });
    expect(asked.status).toBe(202);
    const submission = await asked.json();
    if (submission.kind !== "requested") throw new Error("expected a request");
    const rejected = await lead.api.groups[":group"]["publish-requests"][":id"].reject.$post({
      param: { group, id: String(submission.request.id) },
      json: { reason: "Eerst juridisch laten toetsen." },
    });
    expect(rejected.status).toBe(200);
    expect((await rejected.json()).request).toMatchObject({ subject: "baseline", status: "rejected" });
    expect(await publishedBaseline()).toBe(before);
  });
});
