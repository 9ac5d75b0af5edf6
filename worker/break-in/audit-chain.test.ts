// Issue 13, items 4 and 5, reproduced: parallel writes in one group used to collide on the head of
// the audit chain and answer 500; someone with write access to D1 could change a row, recompute
// every later hash with the same public function and pass verification. Now rows are sealed after
// the fact under a key D1 does not hold, and signed checkpoints in R2 catch a chain that was
// rewritten through the app's own sealer or cut short.
import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "#shared/hash.ts";
import type { TenantContent } from "#shared/model.ts";
import { hashAuditRow } from "../audit/chain.ts";
import { listCheckpoints } from "../audit/checkpoints.ts";
import { readAuditKeys } from "../audit/keys.ts";
import { sealAuditLog, verifyAuditChain } from "../audit/log.ts";
import { appendAudit, chainOf, isTransientD1Error, type AuditEntry, type AuditRow } from "../db/audit.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import worker from "../index.ts";
import { call, signInAs } from "../test/clients.ts";

let lead: string;
let conxillium: number;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = await signInAs("lead@conxillium.example");
  conxillium = (await env.DB.prepare("SELECT id FROM groups WHERE slug = 'conxillium'").first<{
    id: number;
  }>())!.id;
});

interface Verification {
  intact: boolean;
  rows: number;
  firstBroken?: { id: number | null; seq: number; reason: string };
}

const verify = async (path = "/audit/verify"): Promise<Verification> => {
  const res = await call(`/api/groups/conxillium${path}`, { cookie: lead });
  expect(res.status).toBe(200);
  return await res.json<Verification>();
};

const rowsOf = async (chain: string) =>
  (
    await env.DB.prepare("SELECT * FROM audit_log WHERE chain = ?1 ORDER BY seq").bind(chain).all<{
      id: number;
      seq: number | null;
      action: string;
      target: string;
      summary: string;
      created_at: string;
      group_id: number | null;
      tenant_id: number | null;
      actor_user_id: number | null;
      actor: string;
      prev_hash: string;
      hash: string;
      sealed_at: string;
    }>()
  ).results;

let groups = 0;
/** A group of its own with `n` audit rows written, sealed and checkpointed by the app's code. */
async function groupWithSealedChain(n: number): Promise<{ groupId: number; chain: string }> {
  const slug = `audit-${++groups}`;
  const { id } = (await env.DB.prepare(
    `INSERT INTO groups (slug, name, languages, default_language, created_at)
     VALUES (?1, ?1, '["nl"]', 'nl', '2026-01-10T09:00:00.000Z') RETURNING id`,
  )
    .bind(slug)
    .first<{ id: number }>())!;
  const entries: AuditEntry[] = Array.from({ length: n }, (_, i) => ({
    groupId: id,
    tenantId: null,
    actorUserId: null,
    actor: "lead@example.test",
    action: "settings.changed",
    target: slug,
    summary: { change: i + 1 },
    at: new Date(Date.UTC(2026, 0, 11, 9, i)).toISOString(),
  }));
  await appendAudit(env.DB, entries);
  await sealAuditLog(env, { checkpoint: "moved" });
  return { groupId: id, chain: chainOf(id) };
}

/** What someone with direct write access to D1 does first: remove the guards. */
async function dropAuditGuards(): Promise<void> {
  for (const trigger of ["audit_log_no_update", "audit_log_no_delete", "audit_log_insert_unsealed"]) {
    await env.DB.prepare(`DROP TRIGGER IF EXISTS ${trigger}`).run();
  }
}

describe("item 4: the audit chain is no bottleneck", () => {
  it("takes 50 parallel writes across the companies of one group, with strangers failing to sign in meanwhile, without one 5xx", async () => {
    const before = await verify();
    expect(before.intact).toBe(true);
    const tenants = (
      await env.DB.prepare("SELECT slug FROM tenants WHERE group_id = ?1 ORDER BY position")
        .bind(conxillium)
        .all<{
          slug: string;
        }>()
    ).results.map((t) => t.slug);
    const drafts = await Promise.all(
      tenants.map(async (slug) => {
        const res = await call(`/api/groups/conxillium/tenants/${slug}/draft`, { cookie: lead });
        return { slug, draft: await res.json<{ revision: number; content: TenantContent }>() };
      }),
    );
    const writes: Promise<Response>[] = [
      // One save per company (8).
      ...drafts.map(({ slug, draft }) => {
        const content = structuredClone(draft.content);
        content.profile.phone = `+31 70 123 ${String(4000 + drafts.findIndex((d) => d.slug === slug))}`;
        return call(`/api/groups/conxillium/tenants/${slug}/draft`, {
          cookie: lead,
          method: "PUT",
          json: { content },
          headers: { "If-Match": `"${draft.revision}"` },
        });
      }),
      // Invitations (22), processors (12) and webhooks (8) at the same time.
      ...Array.from({ length: 22 }, (_, i) =>
        call("/api/groups/conxillium/invitations", {
          cookie: lead,
          json: {
            email: `burst-${i}@example.test`,
            role: "tenant_viewer",
            tenant: tenants[i % tenants.length],
          },
        }),
      ),
      ...Array.from({ length: 12 }, (_, i) =>
        call(`/api/groups/conxillium/processors/burst-${i}`, {
          cookie: lead,
          method: "PUT",
          json: { recipient: { name: `Verwerker ${i}`, role: "processor", country: "NL", safeguard: "eea" } },
        }),
      ),
      ...tenants.map((slug, i) =>
        call(`/api/groups/conxillium/tenants/${slug}/webhooks`, {
          cookie: lead,
          json: { url: `https://burst-${i}.example/hook` },
        }),
      ),
    ];
    const strangers = Array.from({ length: 10 }, (_, i) =>
      call("/api/auth/login", {
        json: {
          email: i % 2 ? "lead@conxillium.example" : "editor@jccsoftware.example",
          password: `nope-${i}`,
        },
        headers: { "CF-Connecting-IP": `198.18.100.${i}` },
      }),
    );
    expect(writes).toHaveLength(50);
    const answers = await Promise.all([...writes, ...strangers]);
    const statuses = answers.slice(0, 50).map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(
      statuses.every((s) => s >= 200 && s < 300),
      JSON.stringify(statuses),
    ).toBe(true);
    expect(answers.slice(50).every((r) => r.status === 401 || r.status === 429)).toBe(true);

    // Every write has its row in the group's chain, which is intact; the strangers' are elsewhere.
    const after = await verify();
    expect(after).toEqual({ intact: true, rows: before.rows + 50 });
    const groupChain = await rowsOf(chainOf(conxillium));
    expect(groupChain.some((r) => r.action.startsWith("auth."))).toBe(false);
    expect(groupChain.map((r) => r.seq)).toEqual(groupChain.map((_, i) => i + 1));
    const signIns = await rowsOf(chainOf(conxillium, "sign-ins"));
    expect(signIns.filter((r) => r.action === "auth.sign_in_failed").length).toBeGreaterThan(0);
    expect((await verify("/audit/sign-ins/verify")).intact).toBe(true);
  }, 60_000);

  it("turns D1's documented overload and connection errors into a 503 with Retry-After, not a 500", () => {
    for (const message of [
      "D1_ERROR: D1 DB is overloaded. Too many requests queued.",
      "D1_ERROR: Network connection lost.",
      "D1_ERROR: Durable Object storage caused object to be reset.",
    ]) {
      expect(isTransientD1Error(new Error(message))).toBe(true);
    }
    expect(isTransientD1Error(new Error("D1_ERROR: UNIQUE constraint failed: tenants.slug"))).toBe(false);
  });
});

describe("item 5: a rewritten chain is caught", () => {
  it("detects a row changed and every later hash recomputed with the old public function, naming the row", async () => {
    const { chain } = await groupWithSealedChain(6);
    expect(await verifyAuditChain(env, chain)).toEqual({ intact: true, rows: 6 });
    await dropAuditGuards();
    const rows = await rowsOf(chain);
    const victim = rows[2]!;
    await env.DB.prepare("UPDATE audit_log SET target = 'someone-else' WHERE id = ?1").bind(victim.id).run();
    // Recompute this row's hash and every later one, exactly as the old code did (unkeyed SHA-256).
    let prev = rows[1]!.hash;
    for (const row of (await rowsOf(chain)).slice(2)) {
      const hash = sha256Hex(
        JSON.stringify([
          prev,
          row.seq,
          row.group_id,
          row.tenant_id,
          row.actor_user_id,
          row.actor,
          row.action,
          row.target,
          row.summary,
          row.created_at,
        ]),
      );
      await env.DB.prepare("UPDATE audit_log SET prev_hash = ?2, hash = ?3 WHERE id = ?1")
        .bind(row.id, prev, hash)
        .run();
      prev = hash;
    }
    expect(await verifyAuditChain(env, chain)).toEqual({
      intact: false,
      rows: 2,
      firstBroken: { id: victim.id, seq: 3, reason: "its content does not match its hash" },
    });
  });

  it("detects a rewrite recomputed under a guessed key just the same", async () => {
    const { chain } = await groupWithSealedChain(4);
    await dropAuditGuards();
    const guess = new TextEncoder().encode("a guess at the key, 32 characters long");
    const rows = await rowsOf(chain);
    let prev = rows[0]!.hash;
    for (const row of rows.slice(1)) {
      const forged: AuditRow = {
        id: row.id,
        chain,
        groupId: row.group_id,
        tenantId: row.tenant_id,
        actorUserId: row.actor_user_id,
        actor: row.actor,
        action: row.action,
        target: "rewritten",
        summaryJson: row.summary,
        createdAt: row.created_at,
        seq: row.seq,
        prevHash: prev,
        hash: null,
        sealedAt: row.sealed_at,
      };
      const hash = hashAuditRow(guess, forged, { seq: row.seq!, prevHash: prev, sealedAt: row.sealed_at });
      await env.DB.prepare(
        "UPDATE audit_log SET target = 'rewritten', prev_hash = ?2, hash = ?3 WHERE id = ?1",
      )
        .bind(row.id, prev, hash)
        .run();
      prev = hash;
    }
    const result = await verifyAuditChain(env, chain);
    expect(result).toMatchObject({ intact: false, rows: 1, firstBroken: { seq: 2 } });
  });

  it("detects a tail deleted and written again unsealed, so that the app itself seals the forgery, and names the first forged row", async () => {
    const { chain } = await groupWithSealedChain(5);
    await dropAuditGuards();
    const original = await rowsOf(chain);
    await env.DB.prepare("DELETE FROM audit_log WHERE chain = ?1 AND seq >= 3").bind(chain).run();
    for (const row of original.slice(2)) {
      await env.DB.prepare(
        `INSERT INTO audit_log (chain, group_id, actor, action, target, summary, created_at)
         VALUES (?1, ?2, ?3, ?4, 'forged', ?5, ?6)`,
      )
        .bind(chain, row.group_id, row.actor, row.action, row.summary, row.created_at)
        .run();
    }
    // The key alone cannot tell: the app seals the forged rows as it seals every row.
    const result = await verifyAuditChain(env, chain);
    const forged = (await rowsOf(chain))[2]!;
    expect(forged.target).toBe("forged");
    expect(result).toMatchObject({ intact: false, rows: 2, firstBroken: { id: forged.id, seq: 3 } });
    expect(result.intact || result.firstBroken.reason).toMatch(/rewritten.*after a checkpoint/);
  });

  it("detects a chain cut short after a checkpoint, and names what is gone", async () => {
    const { chain } = await groupWithSealedChain(7);
    await dropAuditGuards();
    await env.DB.prepare("DELETE FROM audit_log WHERE chain = ?1 AND seq > 4").bind(chain).run();
    expect(await verifyAuditChain(env, chain)).toEqual({
      intact: false,
      rows: 4,
      firstBroken: {
        id: null,
        seq: 5,
        reason: expect.stringMatching(
          /^rows 5 to 7 were removed: a checkpoint of .* saw the chain up to row 7$/,
        ),
      },
    });
  });

  it("refuses a checkpoint it did not sign", async () => {
    const { chain } = await groupWithSealedChain(3);
    const [newest] = await listCheckpoints(env.AUDIT_CHECKPOINTS, readAuditKeys(env)!, chain);
    expect(newest).toMatchObject({ seq: 3, signed: true });
    // Someone with access to the bucket plants a checkpoint that would excuse a shorter chain.
    const listed = await env.AUDIT_CHECKPOINTS.list({
      prefix: `checkpoints/${chain}/`,
      include: ["customMetadata"],
    });
    const object = listed.objects[0]!;
    await env.AUDIT_CHECKPOINTS.put(
      object.key.replace(/\d+$/, (n) => String(Number(n) + 1).padStart(n.length, "0")),
      "{}",
      {
        customMetadata: { ...object.customMetadata!, seq: "2", hash: "f".repeat(64) },
      },
    );
    const result = await verifyAuditChain(env, chain);
    expect(result).toMatchObject({ intact: false, firstBroken: { seq: 2 } });
    expect(result.intact || result.firstBroken.reason).toMatch(/not signed/);
  });

  it("seals and checkpoints every chain from the Cron Trigger, and shows the checkpoints to the privacy lead", async () => {
    await appendAudit(env.DB, [
      {
        groupId: conxillium,
        tenantId: null,
        actorUserId: null,
        actor: "system",
        action: "settings.changed",
        target: "conxillium",
        summary: { from: "the cron test" },
        at: new Date().toISOString(),
      },
    ]);
    const chain = chainOf(conxillium);
    const unsealed = () =>
      env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE seq IS NULL").first<{ n: number }>();
    expect((await unsealed())!.n).toBeGreaterThan(0);
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }),
      env,
    );
    expect((await unsealed())!.n).toBe(0);
    const head = (await rowsOf(chain)).at(-1)!;
    const res = await call("/api/groups/conxillium/audit/checkpoints", { cookie: lead });
    const { checkpoints } = await res.json<{
      checkpoints: { seq: number; hash: string; signed: boolean }[];
    }>();
    expect(checkpoints[0]).toMatchObject({ seq: head.seq, hash: head.hash, signed: true });
    // The checkpoint is where a database writer cannot reach it: in R2, not in D1.
    const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE sql LIKE '%checkpoint%'").all();
    expect(tables.results).toEqual([]);
  });
});
