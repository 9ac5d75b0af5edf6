// The audit log: every state change leaves a row, readers see what their role allows, and the
// hash chain proves that nothing was changed afterwards.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoGroup } from "../demo-seed.ts";
import { apiAs, signInAs, type Api } from "../test/clients.ts";

let lead: Api;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs("lead@conxillium.example"));
  // A few real state changes through the API.
  const anonymous = apiAs();
  await anonymous.api.auth.login.$post({
    json: { email: "editor@jccsoftware.example", password: DEMO_PASSWORD },
  });
  await anonymous.api.auth.login.$post({
    json: { email: "editor@jccsoftware.example", password: "wrong-password" },
  });
  for (const tenant of ["dataquint", "jcc-software"]) {
    const invited = await lead.api.groups[":group"].invitations.$post({
      param: { group: "conxillium" },
      json: { email: `nieuw@${tenant.replace("-", "")}.example`, role: "tenant_viewer", tenant },
    });
    expect(invited.status).toBe(201);
  }
});

const group = { param: { group: "conxillium" } };
type AuditQuery = { action?: string; limit?: string; before?: string };

const entries = async (api: Api, query: AuditQuery = {}) => {
  const res = await api.api.groups[":group"].audit.$get({ ...group, query });
  expect(res.status).toBe(200);
  return (await res.json()).entries;
};

const signInEntries = async (api: Api) => {
  const res = await api.api.groups[":group"].audit["sign-ins"].$get({ ...group, query: {} });
  expect(res.status).toBe(200);
  return (await res.json()).entries;
};

describe("reading the log", () => {
  it("records sign-ins and failed sign-ins in the sign-in log, invitations in the log of changes, with actor and target", async () => {
    const rows = await entries(lead);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["invitation.created"]));
    // Sign-ins have a chain of their own: strangers' attempts never touch the log of changes.
    expect(rows.some((r) => r.action.startsWith("auth."))).toBe(false);
    const signIns = await signInEntries(lead);
    expect(signIns.map((r) => r.action)).toEqual(
      expect.arrayContaining(["auth.sign_in", "auth.sign_in_failed"]),
    );
    expect(signIns.find((r) => r.action === "auth.sign_in_failed")).toMatchObject({
      actor: "editor@jccsoftware.example",
      target: "editor@jccsoftware.example",
    });
    const signInSeqs = signIns.map((r) => r.seq);
    expect(signInSeqs).toEqual(signInSeqs.toSorted((a, b) => b - a));
    expect(
      rows.find((r) => r.action === "invitation.created" && r.target === "nieuw@dataquint.example"),
    ).toMatchObject({
      actor: "lead@conxillium.example",
      tenant: "dataquint",
      // Named by the log itself: the console reads no list of every company to show a page.
      tenantName: "DataQuint",
      summary: { role: "tenant_viewer", tenant: "dataquint" },
    });
    expect(rows.filter((r) => r.tenant === null).every((r) => r.tenantName === null)).toBe(true);
    // Newest first, consecutive sequence numbers.
    const seqs = rows.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  it("filters by action and pages backwards", async () => {
    const invites = await entries(lead, { action: "invitation.created" });
    expect(invites.length).toBeGreaterThan(0);
    expect(invites.every((r) => r.action === "invitation.created")).toBe(true);
    const page = await lead.api.groups[":group"].audit.$get({ ...group, query: { limit: "1" } });
    const first = await page.json();
    expect(first.entries).toHaveLength(1);
    const next = await entries(lead, { limit: "1", before: String(first.nextBefore) });
    expect(next[0]!.seq).toBe(first.entries[0]!.seq - 1);
  });

  it("shows an editor only their own company's rows", async () => {
    const editor = apiAs(await signInAs("editor@jccsoftware.example"));
    const rows = await entries(editor);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.tenant === "jcc-software")).toBe(true);
    expect(rows.some((r) => r.target === "nieuw@dataquint.example")).toBe(false);
  });

  it("refuses a viewer", async () => {
    const viewer = apiAs(await signInAs("viewer@jccsoftware.example"));
    expect((await viewer.api.groups[":group"].audit.$get({ ...group, query: {} })).status).toBe(403);
  });

  it("shows the sign-in log to the privacy lead only", async () => {
    const audit = apiAs(await signInAs("editor@jccsoftware.example")).api.groups[":group"].audit;
    for (const [path, res] of [
      ["/sign-ins", await audit["sign-ins"].$get({ ...group, query: {} })],
      ["/sign-ins/verify", await audit["sign-ins"].verify.$get(group)],
      ["/sign-ins/checkpoints", await audit["sign-ins"].checkpoints.$get(group)],
      ["/checkpoints", await audit.checkpoints.$get(group)],
    ] as const) {
      expect(res.status, path).toBe(403);
    }
  });
});

describe("the hash chain", () => {
  it("is append-only", async () => {
    await expect(env.DB.prepare("UPDATE audit_log SET actor = 'someone else'").run()).rejects.toThrow(
      /append-only/,
    );
    await expect(env.DB.prepare("DELETE FROM audit_log").run()).rejects.toThrow(/append-only/);
  });

  it("verifies, and then names the row someone altered directly in D1", async () => {
    const verify = () => lead.api.groups[":group"].audit.verify.$get(group);
    const intact = await (await verify()).json();
    expect(intact.intact).toBe(true);
    expect(intact.rows).toBeGreaterThanOrEqual(4);

    // Someone with direct database access removes the guard and rewrites history.
    const victim = await env.DB.prepare(
      `SELECT a.id, a.seq FROM audit_log a JOIN groups g ON g.id = a.group_id
       WHERE g.slug = 'conxillium' AND a.action = 'invitation.created' ORDER BY a.seq LIMIT 1`,
    ).first<{ id: number; seq: number }>();
    await env.DB.prepare("DROP TRIGGER audit_log_no_update").run();
    await env.DB.prepare("UPDATE audit_log SET target = 'someone-else@example.test' WHERE id = ?1")
      .bind(victim!.id)
      .run();

    const broken = await (await verify()).json();
    expect(broken.intact).toBe(false);
    if (broken.intact) return;
    expect(broken.firstBroken).toMatchObject({ id: victim!.id, seq: victim!.seq });
    expect(broken.firstBroken.reason).toContain("hash");
  });
});
