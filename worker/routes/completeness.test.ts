// The completeness check, the publish gate and the group report. (Importing: ./import.test.ts.)
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_BASELINE } from "#shared/demo/index.ts";
import type { Baseline } from "#shared/model.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { call, signInAs } from "../test/clients.ts";
import { createGroup, demoContent } from "../test/fixtures.ts";

let lead: string;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = await signInAs("lead@conxillium.example");
});

describe("the completeness check", () => {
  it("reports every checklist item for a draft and for a version", async () => {
    const res = await call("/api/groups/conxillium/tenants/geotax/completeness", { cookie: lead });
    const report = (await res.json()) as {
      score: number;
      missingAlways: string[];
      findings: { item: string; status: string }[];
    };
    expect(report.findings).toHaveLength(27);
    expect(report.missingAlways).toEqual([]);
    expect(report).toMatchObject({ blocking: [], lint: [], lintErrors: 0, score: 100 });
    expect(report.findings.find((f) => f.item === "COMPLAINT_SA")?.status).toBe("present");
    const ofVersion = await call("/api/groups/conxillium/tenants/geotax/completeness?version=1", {
      cookie: lead,
    });
    expect(((await ofVersion.json()) as { of: { version: number } }).of.version).toBe(1);
  });

  it("gives the privacy lead the group report as JSON and CSV", async () => {
    const json = (await (await call("/api/groups/conxillium/completeness", { cookie: lead })).json()) as {
      companies: { tenant: { slug: string }; score: number }[];
    };
    expect(json.companies).toHaveLength(8);
    expect(json.companies.every((c) => c.score > 0)).toBe(true);
    const csv = await call("/api/groups/conxillium/completeness?format=csv", { cookie: lead });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(9);
    expect(lines[0]).toContain("COMPLAINT_SA");
    expect(lines.some((l) => l.startsWith("JCC Software,"))).toBe(true);
  });
});

describe("publishing an incomplete statement", () => {
  const bare: Baseline = {
    title: { nl: "Privacyverklaring {{company.name}}", en: "Privacy statement {{company.name}}" },
    sections: DEMO_BASELINE.sections.filter((s) => s.key === "introduction" || s.key === "controller"),
  };
  let editor: string;
  let admin: string;

  beforeAll(async () => {
    await createGroup(
      env.DB,
      { slug: "kaal", name: "Kaal", languages: ["nl", "en"], defaultLanguage: "nl" },
      bare,
      [{ slug: "mager", name: "Mager", content: { ...demoContent("sim"), overrides: {}, ownSections: [] } }],
      "2026-01-10T09:00:00.000Z",
    );
    await env.DB.batch(
      [
        ["editor@kaal.example", "tenant_editor", "mager"],
        ["lead@kaal.example", "group_admin", null],
      ].flatMap(([email, role, tenant]) => [
        env.DB.prepare(
          "INSERT INTO users (email, name, password_hash, created_at) SELECT ?1, 'X', password_hash, created_at FROM users LIMIT 1",
        ).bind(email),
        env.DB.prepare(
          `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
           SELECT u.id, g.id, (SELECT id FROM tenants WHERE slug = ?3), ?2, '2026-01-10T09:00:00.000Z'
           FROM users u, groups g WHERE u.email = ?1 AND g.slug = 'kaal'`,
        ).bind(email, role, tenant),
      ]),
    );
    [editor, admin] = await Promise.all([signInAs("editor@kaal.example"), signInAs("lead@kaal.example")]);
  });

  const publish = (cookie: string, body: Record<string, unknown> = {}) =>
    call("/api/groups/kaal/tenants/mager/publish", {
      cookie,
      json: { changeNote: "Eerste versie", material: true, ...body },
    });

  it("is refused for an editor, naming each missing item", async () => {
    const res = await publish(editor);
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; issues: { field: string }[] } };
    expect(error.code).toBe("incomplete_statement");
    expect(error.issues.map((i) => i.field)).toEqual(
      expect.arrayContaining([
        "completeness.RIGHT_ACCESS",
        "completeness.RIGHT_ERASURE",
        "completeness.COMPLAINT_SA",
      ]),
    );
  });

  it("is allowed for a privacy lead only with a written reason, kept in the version and the audit log", async () => {
    expect((await publish(admin)).status).toBe(422);
    const reason = "Tijdelijke verklaring tot de basisverklaring van de groep klaar is.";
    expect((await publish(admin, { completenessOverride: reason })).status).toBe(201);
    const version = await env.DB.prepare(
      "SELECT v.completeness_override FROM statement_versions v JOIN tenants t ON t.id = v.tenant_id WHERE t.slug = 'mager'",
    ).first<{ completeness_override: string }>();
    expect(version!.completeness_override).toBe(reason);
    const audit = await env.DB.prepare(
      "SELECT summary FROM audit_log WHERE action = 'statement.published' AND target = 'mager'",
    ).first<{
      summary: string;
    }>();
    const summary = JSON.parse(audit!.summary) as {
      completenessOverride: string;
      overridden: { completeness: string[]; lint: string[] };
    };
    expect(summary.completenessOverride).toBe(reason);
    // The reason covers what the gate refused: the missing items, and the lint errors of a
    // statement outside the demo group that shows .example addresses.
    expect(summary.overridden.completeness).toEqual(
      expect.arrayContaining(["RIGHT_ACCESS", "RIGHT_ERASURE", "COMPLAINT_SA"]),
    );
    expect(summary.overridden.lint).toContain("reserved_domain");
  });
});
