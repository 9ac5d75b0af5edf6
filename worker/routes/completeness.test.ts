// The completeness check, the publish gate and the group report. (Importing: ./import.test.ts.)
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_BASELINE } from "#shared/demo/index.ts";
import type { Baseline } from "#shared/model.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, call, readError, signInAs, type Api } from "../test/clients.ts";
import { createGroup, demoContent } from "../test/fixtures.ts";

let lead: string;
let api: Api;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = await signInAs("lead@conxillium.example");
  api = apiAs(lead);
});

describe("the completeness check", () => {
  it("reports every checklist item for a draft and for a version", async () => {
    const completeness = api.api.groups[":group"].tenants[":tenant"].completeness;
    const geotax = { param: { group: "conxillium", tenant: "geotax" } };
    const res = await completeness.$get({ ...geotax, query: {} });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.findings).toHaveLength(27);
    expect(report.missingAlways).toEqual([]);
    expect(report).toMatchObject({ blocking: [], lint: [], lintErrors: 0, score: 100 });
    expect(report.findings.find((f) => f.item === "COMPLAINT_SA")?.status).toBe("present");
    const ofVersion = await (await completeness.$get({ ...geotax, query: { version: "1" } })).json();
    expect("version" in ofVersion.of && ofVersion.of.version).toBe(1);
  });

  it("gives the privacy lead the group report as JSON", async () => {
    const res = await api.api.groups[":group"].completeness.$get({
      param: { group: "conxillium" },
      query: {},
    });
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.companies).toHaveLength(8);
    expect(json.companies.every((c) => c.score !== null && c.score > 0)).toBe(true);
    expect(json.items.map((i) => i.id)).toContain("COMPLAINT_SA");
  });

  it("leaves an archived company out of the group report, JSON and CSV", async () => {
    const report = api.api.groups[":group"].completeness;
    const csvOf = async () =>
      (await call("/api/groups/conxillium/completeness/report.csv", { cookie: lead })).text();
    expect(await csvOf()).toContain("BeheerVisie");
    const archive = await api.api.groups[":group"].companies[":company"].archive.$post({
      param: { group: "conxillium", company: "beheervisie" },
      json: { reason: "verkocht" },
    });
    expect(archive.status).toBe(200);
    try {
      const json = await (await report.$get({ param: { group: "conxillium" }, query: {} })).json();
      expect(json.companies.map((c) => c.tenant.slug)).not.toContain("beheervisie");
      expect(json.companies).toHaveLength(7);
      expect(await csvOf()).not.toContain("BeheerVisie");
    } finally {
      const restored = await api.api.groups[":group"].companies[":company"].restore.$post({
        param: { group: "conxillium", company: "beheervisie" },
      });
      expect(restored.status).toBe(200);
    }
  });
});

describe("the group report as CSV", () => {
  const downloadCsv = (query: { lang?: "nl" | "en" } = {}) =>
    api.api.groups[":group"].completeness["report.csv"].$get({
      param: { group: "conxillium" },
      query,
    });

  /** The file as Excel reads it: a BOM, then lines of `;`-separated cells (quoted where needed). */
  const readCsv = (text: string): string[][] => {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (quoted && char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = !quoted;
      } else if (!quoted && char === ";") {
        row.push(cell);
        cell = "";
      } else if (!quoted && char === "\r" && text[i + 1] === "\n") {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = "";
        i++;
      } else {
        cell += char;
      }
    }
    return rows;
  };

  it("opens in Dutch Excel: a UTF-8 byte order mark, `;` between cells, Dutch labels and statuses by default", async () => {
    const res = await downloadCsv();
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="conxillium-avg-rapport.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    // Excel reads a CSV as UTF-8 only when it starts with EF BB BF.
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFBedrijf;Versie;Score;")).toBe(true);
    const rows = readCsv(text.slice(1));
    expect(rows).toHaveLength(9);
    const [header, ...lines] = rows as [string[], ...string[][]];
    // One column per checklist item, titled in Dutch (the group's default language); then the lint
    // and the company's websites (issue 19).
    expect(header).toHaveLength(3 + 27 + 3 + 4);
    expect(header).toContain("Klacht bij de Autoriteit Persoonsgegevens");
    expect(header.slice(-7, -4)).toEqual(["Lint: fouten", "Lint: waarschuwingen", "Lint: bevindingen"]);
    expect(header.slice(-4)).toEqual([
      "Websites: bewaakt",
      "Websites: actueel",
      "Websites: niet actueel",
      "Websites: laatste controle",
    ]);
    expect(header.join(";")).not.toMatch(/COMPLAINT_SA|RIGHT_ACCESS/);
    const jcc = lines.find((line) => line[0] === "JCC Software")!;
    expect(jcc).toHaveLength(header.length);
    expect(jcc[1]).toMatch(/^\d+$/);
    expect(Number(jcc[2])).toBeGreaterThan(0);
    // Statuses in words, never machine codes.
    const statuses = new Set(lines.flatMap((line) => line.slice(3, 3 + 27)));
    expect(statuses.has("Aanwezig")).toBe(true);
    for (const status of statuses) {
      expect(["Aanwezig", "Zwak", "Ontbreekt", "Niet van toepassing"]).toContain(status);
    }
  });

  it("answers in English with ?lang=en", async () => {
    const res = await downloadCsv({ lang: "en" });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="conxillium-avg-report.csv"');
    const rows = readCsv(await res.text());
    expect(rows[0]!.slice(0, 3)).toEqual(["Company", "Version", "Score"]);
    expect(rows[0]).toContain("Complaint to the supervisory authority");
    expect(new Set(rows.slice(1).flatMap((line) => line.slice(3, 30))).has("Present")).toBe(true);
  });

  it("refuses a language it has no labels for, naming the parameter", async () => {
    // Malformed input: sent as a path, since the typed client does not let a caller send it.
    const res = await call("/api/groups/conxillium/completeness/report.csv?lang=de", { cookie: lead });
    expect(res.status).toBe(400);
    const { error } = await readError(res);
    expect(error.issues?.map((i) => i.field)).toEqual(["lang"]);
  });

  it("keeps a formula out of every cell and quotes what holds a separator", async () => {
    await createGroup(
      env.DB,
      { slug: "formule", name: "Formule", languages: ["nl", "en"], defaultLanguage: "en" },
      DEMO_BASELINE,
      [{ slug: "kwaad", name: '=HYPERLINK("http://evil";"x")', content: demoContent("sim") }],
      "2026-01-10T09:00:00.000Z",
    );
    await env.DB.prepare(
      `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
       SELECT u.id, g.id, NULL, 'group_admin', '2026-01-10T09:00:00.000Z'
       FROM users u, groups g WHERE u.email = 'lead@conxillium.example' AND g.slug = 'formule'`,
    ).run();
    const res = await api.api.groups[":group"].completeness["report.csv"].$get({
      param: { group: "formule" },
      query: {},
    });
    expect(res.status).toBe(200);
    // (Response.text() decodes UTF-8 and drops the byte order mark.)
    const text = await res.text();
    // The group's default language is English.
    expect(text.startsWith("Company;")).toBe(true);
    const rows = readCsv(text);
    expect(rows[1]![0]).toBe('\'=HYPERLINK("http://evil";"x")');
  });
});

describe("publishing an incomplete statement", () => {
  const bare: Baseline = {
    title: { nl: "Privacyverklaring {{company.name}}", en: "Privacy statement {{company.name}}" },
    sections: DEMO_BASELINE.sections.filter((s) => s.key === "introduction" || s.key === "controller"),
  };
  let editor: Api;
  let admin: Api;

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
    editor = apiAs(await signInAs("editor@kaal.example"));
    admin = apiAs(await signInAs("lead@kaal.example"));
  });

  const publish = (caller: Api, override: { completenessOverride?: string } = {}) =>
    caller.api.groups[":group"].tenants[":tenant"].publish.$post({
      param: { group: "kaal", tenant: "mager" },
      json: { changeNote: "Eerste versie", material: true, ...override },
    });

  it("is refused for an editor, naming each missing item", async () => {
    const res = await publish(editor);
    expect(res.status).toBe(422);
    const { error } = await readError(res);
    expect(error.code).toBe("incomplete_statement");
    expect((error.issues ?? []).map((i) => i.field)).toEqual(
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
