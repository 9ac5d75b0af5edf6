// The legal lint gate beyond a company's own publish: the baseline's text before it is published,
// every company's statement when the rollout republishes it on a new baseline, and a publish
// request that keeps what its reason overrode so that approving it keeps that too.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContent } from "#shared/model.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, call, readError, signInAs, type Api } from "../test/clients.ts";

const group = "conxillium";
/** Consent by using the website: never valid consent (art. 4(11), 7 AVG; CJEU C-673/17 Planet49). */
const IMPLIED_CONSENT =
  "Door gebruik te maken van deze website geeft u toestemming voor het plaatsen van cookies.";
const REASON = "De jurist herschrijft deze zin; tot dan blijft hij staan.";
let lead: Api;
let leadCookie: string;
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
  leadCookie = await signInAs("lead@conxillium.example");
  lead = apiAs(leadCookie);
  lead2 = apiAs(await signInAs("second-lead@conxillium.example"));
});

async function addToBaselineDraft(sectionKey: string, sentence: string): Promise<void> {
  const opened = await lead.api.groups[":group"].baseline.draft.$get({ param: { group } });
  expect(opened.status).toBe(200);
  const baseline = structuredClone((await opened.json()).baseline);
  const section = baseline.sections.find((s) => s.key === sectionKey)!;
  section.body.nl = `${section.body.nl}\n\n${sentence}`;
  const saved = await lead.api.groups[":group"].baseline.draft.$put(
    { param: { group }, json: { baseline } },
    { headers: { "If-Match": opened.headers.get("ETag")! } },
  );
  expect(saved.status).toBe(200);
}

const publishBaseline = (completenessOverride?: string) =>
  lead.api.groups[":group"].baseline.publish.$post({
    param: { group },
    json: { changeNote: "Cookies", ...(completenessOverride ? { completenessOverride } : {}) },
  });

const latestAudit = async (action: string, target: string): Promise<Record<string, unknown>> => {
  const row = await env.DB.prepare(
    "SELECT summary FROM audit_log WHERE action = ?1 AND target = ?2 ORDER BY id DESC LIMIT 1",
  )
    .bind(action, target)
    .first<{ summary: string }>();
  expect(row).not.toBeNull();
  return JSON.parse(row!.summary) as Record<string, unknown>;
};

const versionCount = async (): Promise<number> =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM statement_versions").first<{ n: number }>())!.n;

describe("a baseline with a legal error", () => {
  it("is refused with 422 naming the rule and the section, and nothing is published", async () => {
    await addToBaselineDraft("rights", IMPLIED_CONSENT);
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM baseline_versions").first<{ n: number }>();
    const refused = await publishBaseline();
    expect(refused.status).toBe(422);
    const body = await readError(refused);
    expect(body.error.code).toBe("legal_lint_errors");
    expect(body.error.message).toContain("implied_consent in rights");
    expect(body.error.issues).toContainEqual(
      expect.objectContaining({ field: "lint.implied_consent", message: expect.stringContaining("rights") }),
    );
    const after = await env.DB.prepare("SELECT COUNT(*) AS n FROM baseline_versions").first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it("is published by the privacy lead with a written reason, kept with what it overrode in the audit log", async () => {
    const res = await publishBaseline(REASON);
    expect(res.status).toBe(201);
    const published = await res.json();
    if (published.kind !== "published") throw new Error("expected a publish");
    const summary = await latestAudit("baseline.published", "baseline");
    expect(summary.version).toBe(published.version.number);
    expect(summary.completenessOverride).toBe(REASON);
    expect(summary.overridden).toEqual({ completeness: [], lint: ["implied_consent"] });
  });

  it("does not roll out unchecked: the republish refuses each company, naming the rule, and writes nothing", async () => {
    const before = await versionCount();
    const res = await lead.api.groups[":group"].rollout.republish.$post({ param: { group }, json: {} });
    expect(res.status).toBe(200);
    const outcome = await res.json();
    expect(outcome.published).toBe(0);
    expect(outcome.failed).toBe(8);
    for (const result of outcome.results) {
      expect(result.status).toBe("failed");
      expect(result.reason).toContain("implied_consent in rights");
    }
    // One company at a time, as the console's progress does it: refused the same way.
    const one = await lead.api.groups[":group"].rollout[":tenant"].republish.$post({
      param: { group, tenant: "jcc-software" },
      json: {},
    });
    expect(one.status).toBe(422);
    expect(await versionCount()).toBe(before);
  });

  it("says beforehand, per company, that the gate will stop its republish, with the reason a run would give", async () => {
    const status = await lead.api.groups[":group"].rollout.$get({ param: { group }, query: {} });
    expect(status.status).toBe(200);
    const { companies } = await status.json();
    const waiting = companies.filter((c) => c.outdated && c.clean);
    expect(waiting.length).toBeGreaterThan(0);
    // A view that does not show it (the dashboard) asks without the gate: the same statuses, no
    // gateStops; anything but include or skip is a 400 naming the field.
    const withoutGate = await lead.api.groups[":group"].rollout.$get({
      param: { group },
      query: { gate: "skip" },
    });
    expect(withoutGate.status).toBe(200);
    const skipped = (await withoutGate.json()).companies;
    expect(skipped.every((c) => !("gateStops" in c))).toBe(true);
    expect(skipped).toEqual(companies.map(({ gateStops: _gate, ...status }) => status));
    const wrong = await call(`/api/groups/${group}/rollout?gate=maybe`, { cookie: leadCookie });
    expect(wrong.status).toBe(400);
    expect((await readError(wrong)).error.issues?.map((issue) => issue.field)).toEqual(["gate"]);
    const run = await (
      await lead.api.groups[":group"].rollout.republish.$post({ param: { group }, json: {} })
    ).json();
    for (const company of waiting) {
      expect(company.gateStops, company.tenant.slug).toContain("implied_consent in rights");
      // The very reason the republish gives.
      const result = run.results.find((r) => r.tenant === company.tenant.slug);
      expect(company.gateStops, company.tenant.slug).toBe(result?.reason);
    }
    // The company's own status says the same to its editor.
    const editor = apiAs(await signInAs("editor@jccsoftware.example"));
    const own = await editor.api.groups[":group"].tenants[":tenant"].rollout.$get({
      param: { group, tenant: "jcc-software" },
    });
    expect(own.status).toBe(200);
    expect((await own.json()).gateStops).toContain("implied_consent in rights");
  });

  it("rolls out with the privacy lead's reason, kept on every version and in its audit row", async () => {
    const one = await lead.api.groups[":group"].rollout[":tenant"].republish.$post({
      param: { group, tenant: "jcc-software" },
      json: { completenessOverride: REASON },
    });
    expect(one.status).toBe(200);
    const res = await lead.api.groups[":group"].rollout.republish.$post({
      param: { group },
      json: { completenessOverride: REASON },
    });
    const outcome = await res.json();
    expect(outcome.failed).toBe(0);
    expect(outcome.published).toBe(7);
    const rows = await env.DB.prepare(
      `SELECT v.completeness_override AS reason FROM statement_versions v
       WHERE v.number = (SELECT MAX(number) FROM statement_versions w WHERE w.tenant_id = v.tenant_id)`,
    ).all<{ reason: string | null }>();
    expect(rows.results).toHaveLength(8);
    for (const row of rows.results) expect(row.reason).toBe(REASON);
    const summary = await latestAudit("statement.republished", "jcc-software");
    expect(summary.completenessOverride).toBe(REASON);
    expect(summary.overridden).toEqual({ completeness: [], lint: ["implied_consent"] });
  });
});

describe("with approval on, a request published over the gate", () => {
  beforeAll(async () => {
    const on = await lead.api.groups[":group"].settings.$put({
      param: { group },
      json: { requireApproval: true },
    });
    expect(on.status).toBe(200);
  });

  it("keeps what the reason overrode, shows it to the approver, and approving keeps it in the audit log", async () => {
    const tenant = "sim";
    const opened = await lead.api.groups[":group"].tenants[":tenant"].draft.$get({
      param: { group, tenant },
    });
    const draft = await opened.json();
    const content: TenantContent = structuredClone(draft.content);
    // Consent as the main basis while the purposes rest on other bases (art. 6, 13(1)(c) AVG).
    content.overrides.legal_basis = {
      mode: "append",
      body: {
        nl: "Veelal verwerken wij persoonsgegevens met uw toestemming.",
        en: "We often process personal data with your consent.",
      },
    };
    const saved = await lead.api.groups[":group"].tenants[":tenant"].draft.$put(
      { param: { group, tenant }, json: { content } },
      { headers: { "If-Match": opened.headers.get("ETag")! } },
    );
    expect(saved.status).toBe(200);
    const asked = await lead.api.groups[":group"].tenants[":tenant"].publish.$post({
      param: { group, tenant },
      json: { changeNote: "Grondslag", material: true, completenessOverride: REASON },
    });
    expect(asked.status).toBe(202);
    const submission = await asked.json();
    if (submission.kind !== "requested") throw new Error("expected a request");
    // The baseline still says "door gebruik te maken van deze website" (published over above).
    const lint = ["implied_consent", "consent_as_main_basis"];
    const expected = { reason: REASON, completeness: [], lint };
    expect(submission.request.override).toEqual(expected);

    const listed = await lead2.api.groups[":group"]["publish-requests"].$get({
      param: { group },
      query: { status: "pending" },
    });
    const request = (await listed.json()).requests.find((r) => r.tenant?.slug === tenant)!;
    expect(request.override).toEqual(expected);

    const approved = await lead2.api.groups[":group"]["publish-requests"][":id"].approve.$post({
      param: { group, id: String(request.id) },
    });
    expect(approved.status).toBe(200);
    const summary = await latestAudit("statement.published", tenant);
    expect(summary.completenessOverride).toBe(REASON);
    expect(summary.overridden).toEqual({ completeness: [], lint });
  });

  it("keeps the baseline's override on its request too, and approving publishes with it", async () => {
    await addToBaselineDraft(
      "rights",
      "Bij verder gebruik van de website stemt u in met analytische cookies.",
    );
    const asked = await publishBaseline(REASON);
    expect(asked.status).toBe(202);
    const submission = await asked.json();
    if (submission.kind !== "requested") throw new Error("expected a request");
    expect(submission.request.override).toEqual({
      reason: REASON,
      completeness: [],
      lint: ["implied_consent"],
    });
    const approved = await lead2.api.groups[":group"]["publish-requests"][":id"].approve.$post({
      param: { group, id: String(submission.request.id) },
    });
    expect(approved.status).toBe(200);
    const summary = await latestAudit("baseline.published", "baseline");
    expect(summary.completenessOverride).toBe(REASON);
    expect(summary.overridden).toEqual({ completeness: [], lint: ["implied_consent"] });
  });
});
