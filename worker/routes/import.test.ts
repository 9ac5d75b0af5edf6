// Importing an existing statement through the API, against the real worker and D1: the proposal
// writes nothing and leaves the profile alone; accepting writes the draft over the reviewed
// revision, changes only the profile fields accepted, and never publishes; bad choices, stale
// revisions, parallel accepts and other companies' editors are refused.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { PROFILE_FIELDS } from "#shared/import/choices.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, call, readError, signInAs, type Api } from "../test/clients.ts";

// A statement written for the import tests, in JCC Software's style (shared/import/fixtures/jcc.txt).
const JCC_TEXT = env.IMPORT_STATEMENT_JCC;
const param = { group: "conxillium", tenant: "jcc-software" };

let jccEditor: Api;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  jccEditor = apiAs(await signInAs("editor@jccsoftware.example"));
});

const company = (api: Api) => api.api.groups[":group"].tenants[":tenant"];
type ImportBody = { text: string; format?: "auto" | "text" | "markdown" | "html" };
type AcceptBody = ImportBody & {
  choices?: { profile?: (typeof PROFILE_FIELDS)[number][]; sections?: never; items?: never };
};

async function getDraft() {
  const res = await company(jccEditor).draft.$get({ param });
  expect(res.status).toBe(200);
  return res.json();
}
const propose = (json: ImportBody, api = jccEditor) => company(api).import.$post({ param, json });
async function readProposal(json: ImportBody) {
  const res = await propose(json);
  expect(res.status).toBe(200);
  if (res.status !== 200) throw new Error(await res.text());
  return res.json();
}
const accept = (revision: number, json: AcceptBody, api = jccEditor) =>
  company(api).import.accept.$post({ param, json }, { headers: { "If-Match": `"${revision}"` } });
async function versions(): Promise<number> {
  const res = await company(jccEditor).versions.$get({ param });
  expect(res.status).toBe(200);
  return (await res.json()).versions.length;
}

describe("importing into a company with details", () => {
  it("proposes without writing anything, and suggests details instead of changing them", async () => {
    const before = await getDraft();
    const response = await propose({ text: JCC_TEXT, format: "text" });
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe(`"${before.revision}"`);
    if (response.status !== 200) throw new Error(await response.text());
    const { proposal, check } = await response.json();
    const keyOf = (heading: string) => proposal.sections.find((s) => s.heading === heading)?.key;
    expect(keyOf("Welke gegevens verwerken wij?")).toBe("data_categories");
    expect(keyOf("Bewaartermijn")).toBe("retention");
    expect(keyOf("Uw rechten")).toBe("rights");
    expect(keyOf("Google Analytics")).toBe("cookies");
    expect(proposal.found.filter((f) => f.list === "data_categories")).toHaveLength(5);
    // The text's e-mail address differs from JCC's: a suggestion with its quote, not a change.
    const email = proposal.suggestions.find((s) => s.field === "email");
    expect(email?.value).toBe("privacy@jccsoftware.nl");
    expect(email?.quote).toContain("Voor vragen en/of opmerkingen kunt u contact met ons opnemen");
    // The demo group has eight companies; the text says five.
    expect(proposal.warnings.map((w) => w.kind)).toContain("member_count");
    // The source alone misses what the baseline's locked rights section adds.
    expect(check.asWritten.missingAlways).toContain("COMPLAINT_SA");
    expect(check.merged.missingAlways).not.toContain("COMPLAINT_SA");
    expect(check.translation.find((t) => t.language === "en")?.sections.length).toBeGreaterThan(0);
    const after = await getDraft();
    expect(after).toEqual(before);
  });

  it("accepting leaves the profile untouched; accepting one suggestion changes that field only", async () => {
    const published = await versions();
    const before = await getDraft();
    const plain = await accept(before.revision, { text: JCC_TEXT, format: "text" });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("ETag")).toBe(`"${before.revision + 1}"`);
    const first = await getDraft();
    expect(first.revision).toBe(before.revision + 1);
    expect(first.content.profile).toEqual(before.content.profile);
    // The text went in as differences: Previder as recipient, the new recipients paragraph appended.
    expect(first.content.lists.recipients.map((r) => r.name)).toContain("Previder B.V.");
    expect(first.content.overrides.recipients?.body?.nl).toContain("Voor de hosting van het klantenportaal");

    const withEmail = await accept(first.revision, {
      text: JCC_TEXT,
      format: "text",
      choices: { profile: ["email"] },
    });
    expect(withEmail.status).toBe(200);
    const second = await getDraft();
    expect(second.content.profile.email).toBe("privacy@jccsoftware.nl");
    const changed = PROFILE_FIELDS.filter(
      (field) =>
        JSON.stringify(second.content.profile[field]) !== JSON.stringify(before.content.profile[field]),
    );
    expect(changed).toEqual(["email"]);
    // Importing the same text again adds nothing twice.
    expect(second.content.ownSections).toEqual(first.content.ownSections);
    expect(second.content.overrides).toEqual(first.content.overrides);
    // Accepting never publishes.
    expect(await versions()).toBe(published);
    const audit = await env.DB.prepare(
      "SELECT summary FROM audit_log WHERE action = 'draft.imported' AND target = 'jcc-software' ORDER BY id DESC LIMIT 1",
    ).first<{ summary: string }>();
    expect(JSON.parse(audit!.summary)).toMatchObject({
      revision: second.revision,
      profileAccepted: ["email"],
      format: "text",
    });
  });

  it("recognises HTML and Markdown whatever format is given", async () => {
    const html =
      "<h2>Bewaartermijn</h2><p>Facturen bewaren wij <strong>7 jaar</strong>.</p><h2>Cookies</h2><p>Alleen functionele cookies.</p>";
    const { proposal } = await readProposal({ text: html, format: "text" });
    expect(proposal.format).toMatchObject({ format: "html", hint: "text" });
    expect(proposal.sections.map((s) => s.key)).toEqual(["retention", "cookies"]);
    const markdown = "## **Bewaartermijn**\n\nFacturen bewaren wij 7 jaar.";
    const answer = await readProposal({ text: markdown });
    expect(answer.proposal.format).toMatchObject({ format: "markdown", hint: "auto" });
  });
});

describe("what is refused", () => {
  it("refuses a viewer, and another company's editor does not see the company", async () => {
    const viewer = apiAs(await signInAs("viewer@jccsoftware.example"));
    expect((await propose({ text: "x" }, viewer)).status).toBe(403);
    const other = apiAs(await signInAs("editor@dataquint.example"));
    expect((await propose({ text: "x" }, other)).status).toBe(404);
    expect((await accept(1, { text: "x" }, other)).status).toBe(404);
  });

  it("answers bad input with 400 naming the field", async () => {
    // Malformed bodies go around the typed client on purpose: its types would not let them through.
    const cookie = await signInAs("editor@jccsoftware.example");
    const path = `/api/groups/${param.group}/tenants/${param.tenant}`;
    const empty = await propose({ text: "" });
    expect(empty.status).toBe(400);
    expect((await readError(empty)).error.issues?.[0]?.field).toBe("text");
    const format = await call(`${path}/import`, { cookie, json: { text: "Tekst", format: "docx" } });
    expect(format.status).toBe(400);
    expect((await readError(format)).error.issues?.[0]?.field).toBe("format");
    const { revision } = await getDraft();
    const profile = await call(`${path}/import/accept`, {
      cookie,
      json: { text: JCC_TEXT, choices: { profile: ["password"] } },
      headers: { "If-Match": `"${revision}"` },
    });
    expect(profile.status).toBe(400);
  });

  it("refuses choices that do not fit the text with 422 naming each, and writes nothing", async () => {
    const before = await getDraft();
    const { proposal } = await readProposal({ text: JCC_TEXT, format: "text" });
    const purpose = proposal.found.findIndex((f) => f.list === "purposes");
    const response = await company(jccEditor).import.accept.$post(
      {
        param,
        json: {
          text: JCC_TEXT,
          format: "text",
          choices: {
            sections: { "99": { skip: true }, "1": { key: "no_such_section" }, "2": { addHeld: true } },
            items: { "999": { skip: true }, [String(purpose)]: { legalBasis: "legitimate_interest" } },
          },
        },
      },
      { headers: { "If-Match": `"${before.revision}"` } },
    );
    expect(response.status).toBe(422);
    const { error } = await readError(response);
    expect(error.code).toBe("invalid_choices");
    expect((error.issues ?? []).map((i) => i.field).sort()).toEqual(
      [
        "choices.items.999",
        `choices.items.${purpose}.legalBasis`,
        "choices.sections.1.key",
        "choices.sections.2.addHeld",
        "choices.sections.99",
      ].sort(),
    );
    expect(await getDraft()).toEqual(before);
  });

  it("refuses a stale revision with the current draft, and an accept without If-Match", async () => {
    const current = await getDraft();
    const stale = await accept(current.revision - 1, { text: JCC_TEXT });
    expect(stale.status).toBe(409);
    const conflict = await readError(stale);
    expect((conflict.current as { revision: number }).revision).toBe(current.revision);
    const missing = await company(jccEditor).import.accept.$post({ param, json: { text: JCC_TEXT } });
    expect(missing.status).toBe(428);
    expect(await getDraft()).toEqual(current);
  });

  it("lets only one of two parallel accepts over the same revision through", async () => {
    const before = await getDraft();
    const audits = async () =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'draft.imported'").first<{
        n: number;
      }>())!.n;
    const auditsBefore = await audits();
    const answers = await Promise.all([
      accept(before.revision, { text: JCC_TEXT, choices: { profile: ["phone"] } }),
      accept(before.revision, { text: JCC_TEXT, choices: { profile: ["email"] } }),
    ]);
    expect(answers.map((a) => a.status).sort((a, b) => a - b)).toEqual([200, 409]);
    const after = await getDraft();
    expect(after.revision).toBe(before.revision + 1);
    expect(await audits()).toBe(auditsBefore + 1);
  });
});
