// The legal lint and the stricter completeness items in the publish gate, in the preview and the
// completeness answer, and the check of a statement as written.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_BASELINE, DEMO_TENANTS } from "#shared/demo/index.ts";
import type { Baseline, TenantContent } from "#shared/model.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, call, readError, signInAs, type Api } from "../test/clients.ts";
import { createGroup } from "../test/fixtures.ts";

const NOW = "2026-01-10T09:00:00.000Z";

/** Demo text with real-looking domains: outside the demo group .example is a lint error. */
const withRealDomains = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value).replaceAll(".example", ".nl")) as T;
const baseline: Baseline = withRealDomains(DEMO_BASELINE);
const contentOf = (slug: string): TenantContent =>
  withRealDomains(structuredClone(DEMO_TENANTS.find((t) => t.slug === slug)!.content));

let lead: Api;
let editor: Api;
let viewer: Api;
/** The viewer's session, for the one malformed request sent as a path. */
let viewerCookie: string;
let leadCookie: string;

async function addPeople(
  group: string,
  tenant: string,
  people: [email: string, role: string][],
): Promise<void> {
  await env.DB.batch(
    people.flatMap(([email, role]) => [
      env.DB.prepare(
        "INSERT INTO users (email, name, password_hash, created_at) SELECT ?1, 'X', password_hash, created_at FROM users LIMIT 1",
      ).bind(email),
      env.DB.prepare(
        `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
         SELECT u.id, g.id, CASE WHEN ?3 = 'group_admin' THEN NULL ELSE (SELECT id FROM tenants WHERE slug = ?4) END, ?3, ?5
         FROM users u, groups g WHERE u.email = ?1 AND g.slug = ?2`,
      ).bind(email, group, role, tenant, NOW),
    ]),
  );
}

beforeAll(async () => {
  await seedDemoGroup(env.DB, NOW);
  await createGroup(
    env.DB,
    { slug: "strikt", name: "Strikt", languages: ["nl", "en"], defaultLanguage: "nl" },
    baseline,
    [
      { slug: "zuiver", name: "Zuiver", content: contentOf("sim") },
      { slug: "ander", name: "Ander", content: contentOf("pharox") },
    ],
    NOW,
  );
  await addPeople("strikt", "zuiver", [
    ["lead@strikt.nl", "group_admin"],
    ["editor@strikt.nl", "tenant_editor"],
    ["viewer@strikt.nl", "tenant_viewer"],
  ]);
  [leadCookie, viewerCookie] = await Promise.all([signInAs("lead@strikt.nl"), signInAs("viewer@strikt.nl")]);
  [lead, editor, viewer] = [
    apiAs(leadCookie),
    apiAs(await signInAs("editor@strikt.nl")),
    apiAs(viewerCookie),
  ];
});

const zuiver = { param: { group: "strikt", tenant: "zuiver" } };
const company = (api: Api) => api.api.groups[":group"].tenants[":tenant"];

async function saveDraft(change: (content: TenantContent) => void): Promise<void> {
  const res = await company(editor).draft.$get(zuiver);
  const content = structuredClone((await res.json()).content);
  change(content);
  const saved = await company(editor).draft.$put(
    { ...zuiver, json: { content } },
    { headers: { "If-Match": res.headers.get("ETag")! } },
  );
  expect(saved.status).toBe(200);
}

const publish = (api: Api, override: { completenessOverride?: string } = {}) =>
  company(api).publish.$post({
    ...zuiver,
    json: { changeNote: "Nieuwe versie", material: true, ...override },
  });

const BLANKET = "Veelal verwerken wij persoonsgegevens met uw toestemming.";
const BLANKET_EN = "We often process personal data with your consent.";

describe("the publish gate with the legal lint", () => {
  it("lets an editor publish a sound statement", async () => {
    expect((await publish(editor)).status).toBe(201);
  });

  it("refuses an editor's publish with a lint error, naming the rule and the section; writes nothing", async () => {
    await saveDraft((content) => {
      content.overrides.legal_basis = { mode: "append", body: { nl: BLANKET, en: BLANKET_EN } };
    });
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM statement_versions").first<{
      n: number;
    }>();
    const res = await publish(editor);
    expect(res.status).toBe(422);
    const { error } = await readError(res);
    const issues = error.issues ?? [];
    expect(error.code).toBe("legal_lint_errors");
    expect(error.message).toContain("consent_as_main_basis in legal_basis");
    expect(issues.map((i) => i.field)).toEqual(["lint.consent_as_main_basis", "lint.consent_as_main_basis"]);
    expect(issues[0]!.message).toContain('section "legal_basis" (nl)');
    expect(issues[0]!.message).toContain(BLANKET);
    expect(issues[1]!.message).toContain('section "legal_basis" (en)');
    const after = await env.DB.prepare("SELECT COUNT(*) AS n FROM statement_versions").first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it("shows the lint finding beside the preview and in the completeness answer", async () => {
    const preview = await (await company(viewer).preview.$get(zuiver)).json();
    expect(preview.lint.map((f) => [f.rule, f.section, f.language, f.quote])).toEqual([
      ["consent_as_main_basis", "legal_basis", "nl", BLANKET],
      ["consent_as_main_basis", "legal_basis", "en", BLANKET_EN],
    ]);
    const report = await (await company(viewer).completeness.$get({ ...zuiver, query: {} })).json();
    expect(report.lintErrors).toBe(2);
    expect(report.lint[0]).toMatchObject({
      rule: "consent_as_main_basis",
      severity: "error",
      article: "art. 6(1) en 13(1)(c) AVG",
      fix: { nl: expect.stringContaining("per doeleinde"), en: expect.stringContaining("each purpose") },
    });
    expect(report.blocking).toEqual([]);
  });

  it("lets the privacy lead publish over it only with a written reason, kept on the version and in the audit log", async () => {
    const refused = await publish(lead);
    expect(refused.status).toBe(422);
    expect((await readError(refused)).error.message).toContain("written reason (completenessOverride)");
    const reason = "Tekst van de jurist wordt volgende week aangeleverd; tot dan deze formulering.";
    const res = await publish(lead, { completenessOverride: reason });
    expect(res.status).toBe(201);
    const published = await res.json();
    if (published.kind !== "published") throw new Error("expected a publish, not a request");
    const { version } = published;
    const row = await env.DB.prepare(
      `SELECT v.completeness_override FROM statement_versions v JOIN tenants t ON t.id = v.tenant_id
       WHERE t.slug = 'zuiver' AND v.number = ?1`,
    )
      .bind(version.number)
      .first<{ completeness_override: string }>();
    expect(row!.completeness_override).toBe(reason);
    const audit = await env.DB.prepare(
      "SELECT summary FROM audit_log WHERE action = 'statement.published' AND target = 'zuiver' ORDER BY id DESC LIMIT 1",
    ).first<{ summary: string }>();
    const summary = JSON.parse(audit!.summary) as Record<string, unknown>;
    expect(summary.version).toBe(version.number);
    expect(summary.completenessOverride).toBe(reason);
    expect(summary.overridden).toEqual({ completeness: [], lint: ["consent_as_main_basis"] });
  });

  it("refuses a statement that names a reserved domain outside the demo group", async () => {
    await saveDraft((content) => {
      delete content.overrides.legal_basis;
      content.profile.email = "privacy@zuiver.example";
    });
    const res = await publish(editor);
    expect(res.status).toBe(422);
    const issues = (await readError(res)).error.issues ?? [];
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.field === "lint.reserved_domain")).toBe(true);
    expect(issues.some((i) => i.message.includes('section "controller" (nl)'))).toBe(true);
    expect(issues[0]!.message).toContain("privacy@zuiver.example");
  });

  it("refuses an editor's publish when the company's own details need the separate right to object", async () => {
    // A baseline without the section on the right to object, for a company with legitimate interests.
    const thin: Baseline = structuredClone(baseline);
    thin.sections = thin.sections.filter((s) => s.key !== "objection");
    // The rights section still mentions objection, but only among the other rights.
    for (const section of thin.sections) {
      section.body = {
        nl: section.body.nl
          .replace("; daarover staat meer onder ‘Recht van bezwaar’.", ".")
          .replace("; u kunt tegen deze verwerkingen bezwaar maken (zie ‘Recht van bezwaar’)", ""),
        en: (section.body.en ?? "")
          .replace("; see ‘Right to object’ for more.", ".")
          .replace("; you can object to this processing (see ‘Right to object’)", ""),
      };
    }
    await createGroup(
      env.DB,
      { slug: "dun", name: "Dun", languages: ["nl", "en"], defaultLanguage: "nl" },
      thin,
      [{ slug: "mager", name: "Mager", content: contentOf("sim") }],
      NOW,
    );
    await addPeople("dun", "mager", [["editor@dun.nl", "tenant_editor"]]);
    const res = await company(apiAs(await signInAs("editor@dun.nl"))).publish.$post({
      param: { group: "dun", tenant: "mager" },
      json: { changeNote: "Eerste versie", material: true },
    });
    expect(res.status).toBe(422);
    const { error } = await readError(res);
    const fields = (error.issues ?? []).map((i) => i.field);
    expect(error.code).toBe("incomplete_statement");
    expect(fields).toContain("completeness.RIGHT_OBJECT_SEPARATE");
    expect(fields).not.toContain("completeness.RIGHT_OBJECT");
    expect(fields).toContain("lint.direct_marketing_objection_missing");
  });
});

describe("the group report", () => {
  it("lists each company's lint findings, in the JSON and in the CSV", async () => {
    const res = await lead.api.groups[":group"].completeness.$get({ param: { group: "strikt" }, query: {} });
    const json = await res.json();
    const zuiver = json.companies.find((c) => c.tenant.slug === "zuiver")!;
    // The version in force is the one the privacy lead published over the lint error.
    expect(zuiver.lint.map((f) => f.rule)).toEqual(["consent_as_main_basis", "consent_as_main_basis"]);
    expect(zuiver.lintErrors).toBe(2);
    const ander = json.companies.find((c) => c.tenant.slug === "ander")!;
    expect(ander).toMatchObject({ version: null, lint: [], lintErrors: 0 });

    const csv = await (
      await lead.api.groups[":group"].completeness["report.csv"].$get({
        param: { group: "strikt" },
        query: {},
      })
    ).text();
    const [header, ...rows] = csv.trim().split("\r\n");
    // The lint columns, before the four of the company's websites (issue 19).
    expect(header!.split(";").slice(-7, -4)).toEqual([
      "Lint: fouten",
      "Lint: waarschuwingen",
      "Lint: bevindingen",
    ]);
    expect(header!.split(";").at(-4)).toBe("Websites: bewaakt");
    const row = rows.find((r) => r.startsWith("Zuiver;"))!;
    expect(row).toContain(
      ";2;0;Toestemming als belangrijkste grondslag (legal_basis, nl) | Toestemming als belangrijkste grondslag (legal_basis, en)",
    );
  });

  it("has no lint findings for the demo group's eight companies", async () => {
    const demoLead = apiAs(await signInAs("lead@conxillium.example"));
    const res = await demoLead.api.groups[":group"].completeness.$get({
      param: { group: "conxillium" },
      query: {},
    });
    const json = await res.json();
    expect(json.companies).toHaveLength(8);
    for (const company of json.companies) {
      expect(company.lint).toEqual([]);
      expect(company.blocking).toEqual([]);
      expect(company.score).toBe(100);
    }
  });
});

const WRITTEN = [
  "Privacyverklaring Rekenhuis",
  "",
  "Inleiding",
  "",
  "Rekenhuis en de aangesloten kantoren (hierna: wij) gaan vertrouwelijk om met uw gegevens. Met vragen kunt u terecht via de contactpagina op onze website.",
  "",
  "Bewaartermijnen",
  "",
  "Wij bewaren uw administratie ten minste zeven jaar, zoals de wet voorschrijft.",
  "",
  "Uw rechten",
  "",
  "U kunt uw gegevens inzien en laten corrigeren. Wij handelen uw verzoek binnen vier weken af.",
].join("\n");

const checkText = (api: Api, group: string, json: { text: string; format: "text" | "markdown" | "html" }) =>
  api.api.groups[":group"].completeness.check.$post({ param: { group }, json });

describe("checking a statement as written", () => {
  it("answers the completeness and lint findings of the text alone, and writes nothing", async () => {
    const before = await env.DB.prepare(
      "SELECT (SELECT COUNT(*) FROM audit_log) AS audit, (SELECT SUM(revision) FROM tenant_drafts) AS drafts",
    ).first<{ audit: number; drafts: number }>();
    const res = await checkText(editor, "strikt", { text: WRITTEN, format: "text" });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.language).toBe("nl");
    expect(report.sections.map((s) => s.key)).toEqual(["introduction", "retention", "rights"]);
    const status = (item: string) => report.findings.find((f) => f.item === item)?.status;
    expect(status("RETENTION")).toBe("weak");
    expect(status("RIGHT_ACCESS")).toBe("present");
    expect(status("COMPLAINT_SA")).toBe("missing");
    // Nothing of a company's details: no data categories, purposes or contact details come along.
    expect(status("DATA_CATEGORIES")).toBe("missing");
    expect(status("PURPOSES")).toBe("missing");
    expect(status("CONTROLLER_IDENTITY")).not.toBe("present");
    expect(report.missingAlways).toEqual(
      expect.arrayContaining(["COMPLAINT_SA", "RIGHT_ERASURE", "PURPOSES"]),
    );
    expect(report.lint.map((f) => [f.rule, f.section])).toEqual([
      ["retention_only_minimum", "retention"],
      ["compliance_within_weeks", "rights"],
      ["group_we_without_decision", "introduction"],
    ]);
    expect(report.lint[1]!.quote).toBe("Wij handelen uw verzoek binnen vier weken af.");
    const after = await env.DB.prepare(
      "SELECT (SELECT COUNT(*) FROM audit_log) AS audit, (SELECT SUM(revision) FROM tenant_drafts) AS drafts",
    ).first<{ audit: number; drafts: number }>();
    expect(after).toEqual(before);
  });

  it("reads Markdown and HTML, and flags the reserved domains a real group may not publish", async () => {
    const markdown =
      "# Privacy statement\n\n## Your rights\n\nBy using this website, you consent to our use of cookies. Write to privacy@shop.example.";
    const md = await (await checkText(lead, "strikt", { text: markdown, format: "markdown" })).json();
    expect(md.language).toBe("en");
    expect(md.lint.map((f) => f.rule)).toEqual(["implied_consent", "reserved_domain"]);
    const html =
      "<h1>Privacyverklaring</h1><h2>Bewaartermijn</h2><p>Wij bewaren gegevens <b>minimaal</b> zeven jaar.</p>";
    const fromHtml = await (await checkText(lead, "strikt", { text: html, format: "html" })).json();
    expect(fromHtml.lint.map((f) => [f.rule, f.quote])).toEqual([
      ["retention_only_minimum", "Wij bewaren gegevens minimaal zeven jaar."],
    ]);
    // The demo group's statements are fictional: there .example is allowed.
    const demoLead = apiAs(await signInAs("lead@conxillium.example"));
    const demo = await (
      await checkText(demoLead, "conxillium", { text: markdown, format: "markdown" })
    ).json();
    expect(demo.lint.map((f) => f.rule)).toEqual(["implied_consent"]);
  });

  it("answers bad input with 400 naming the field, and a viewer with 403", async () => {
    // Malformed input goes as a path: the typed client does not let a caller send an unknown format.
    const bad = await call("/api/groups/strikt/completeness/check", {
      cookie: leadCookie,
      json: { text: "x", format: "pdf" },
    });
    expect(bad.status).toBe(400);
    expect(((await readError(bad)).error.issues ?? []).map((i) => i.field)).toEqual(["format"]);
    const empty = await checkText(lead, "strikt", { text: "", format: "text" });
    expect(empty.status).toBe(400);
    const refused = await checkText(viewer, "strikt", { text: WRITTEN, format: "text" });
    expect(refused.status).toBe(403);
  });
});
