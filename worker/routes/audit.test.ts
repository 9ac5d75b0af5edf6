// The audit log: every state change leaves a row, readers see what their role allows, and the
// hash chain proves that nothing was changed afterwards.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoGroup } from "../demo-seed.ts";
import { call, signInAs } from "../test/clients.ts";

interface Entry {
  seq: number;
  action: string;
  actor: string;
  target: string;
  tenant: string | null;
  summary: Record<string, unknown>;
}

let lead: string;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = await signInAs("lead@conxillium.example");
  // A few real state changes through the API.
  await call("/api/auth/login", { json: { email: "editor@jccsoftware.example", password: DEMO_PASSWORD } });
  await call("/api/auth/login", {
    json: { email: "editor@jccsoftware.example", password: "wrong-password" },
  });
  await call("/api/groups/conxillium/invitations", {
    cookie: lead,
    json: { email: "nieuw@dataquint.example", role: "tenant_viewer", tenant: "dataquint" },
  });
  await call("/api/groups/conxillium/invitations", {
    cookie: lead,
    json: { email: "nieuw@jccsoftware.example", role: "tenant_viewer", tenant: "jcc-software" },
  });
});

const entries = async (cookie: string, query = ""): Promise<Entry[]> => {
  const res = await call(`/api/groups/conxillium/audit${query}`, { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()) as { entries: Entry[] }).entries;
};

describe("reading the log", () => {
  it("records sign-ins and failed sign-ins in the sign-in log, invitations in the log of changes, with actor and target", async () => {
    const rows = await entries(lead);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["invitation.created"]));
    // Sign-ins have a chain of their own: strangers' attempts never touch the log of changes.
    expect(rows.some((r) => r.action.startsWith("auth."))).toBe(false);
    const signIns = await entries(lead, "/sign-ins");
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
      summary: { role: "tenant_viewer", tenant: "dataquint" },
    });
    // Newest first, consecutive sequence numbers.
    const seqs = rows.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  it("filters by action and pages backwards", async () => {
    const invites = await entries(lead, "?action=invitation.created");
    expect(invites.every((r) => r.action === "invitation.created")).toBe(true);
    const page = await call("/api/groups/conxillium/audit?limit=1", { cookie: lead });
    const first = (await page.json()) as { entries: Entry[]; nextBefore: number };
    expect(first.entries).toHaveLength(1);
    const next = await entries(lead, `?limit=1&before=${first.nextBefore}`);
    expect(next[0]!.seq).toBe(first.entries[0]!.seq - 1);
  });

  it("shows an editor only their own company's rows", async () => {
    const editor = await signInAs("editor@jccsoftware.example");
    const rows = await entries(editor);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.tenant === "jcc-software")).toBe(true);
    expect(rows.some((r) => r.target === "nieuw@dataquint.example")).toBe(false);
  });

  it("refuses a viewer", async () => {
    const viewer = await signInAs("viewer@jccsoftware.example");
    expect((await call("/api/groups/conxillium/audit", { cookie: viewer })).status).toBe(403);
  });

  it("shows the sign-in log to the privacy lead only", async () => {
    const editor = await signInAs("editor@jccsoftware.example");
    for (const path of ["/sign-ins", "/sign-ins/verify", "/sign-ins/checkpoints", "/checkpoints"]) {
      expect((await call(`/api/groups/conxillium/audit${path}`, { cookie: editor })).status, path).toBe(403);
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
    const intact = (await (await call("/api/groups/conxillium/audit/verify", { cookie: lead })).json()) as {
      intact: boolean;
      rows: number;
    };
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

    const broken = (await (await call("/api/groups/conxillium/audit/verify", { cookie: lead })).json()) as {
      intact: boolean;
      firstBroken: { id: number; seq: number; reason: string };
    };
    expect(broken.intact).toBe(false);
    expect(broken.firstBroken).toMatchObject({ id: victim!.id, seq: victim!.seq });
    expect(broken.firstBroken.reason).toContain("hash");
  });
});
