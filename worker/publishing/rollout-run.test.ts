// Republishing a group through the queue (issue 20, item 4): a run goes a chunk at a time, each
// chunk's versions and the run's progress in one transaction, so a message delivered twice or a
// consumer that dies mid-chunk never republishes a company twice; pages of companies continue
// after a stable cursor. The queue is played by createMessageBatch/getQueueResult (the real
// consumer, acks and retries read back), as the webhook tests do.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { FRESH_FOR_MS } from "../http/answer-from-memory.ts";
import { DEMO_GROUP, DEMO_TENANTS } from "#shared/demo/index.ts";
import type { TenantContent } from "#shared/model.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import worker from "../index.ts";
import { apiAs, call, readError, signInAs, type Api } from "../test/clients.ts";
import { publishAt, publishBaselineWithNote } from "../test/fixtures.ts";
import { ROLLOUT_CHUNK, type InvocationReport, type RolloutMessage } from "./rollout-run.ts";

const group = DEMO_GROUP.slug;
const QUEUE = "verklaring-rollout";
/** Enough companies for three chunks. */
const EXTRA = 2 * ROLLOUT_CHUNK + 4;
let lead: Api;
let companies: number;

const count = async (sql: string): Promise<number> => (await env.DB.prepare(sql).first<{ n: number }>())!.n;

function generatedContent(i: number): TenantContent {
  const template = DEMO_TENANTS.filter((t) => t.slug !== "jcc-software")[i % 7]!.content;
  return {
    ...structuredClone(template),
    profile: { ...template.profile, legalName: `Extra ${i} B.V.`, tradeName: `Extra ${i}` },
  };
}

/** Delivers "continue run n" to the real consumer, as the queue would; `times` copies at once. */
async function deliver(runId: number, times = 1) {
  const batches = Array.from({ length: times }, (_, i) =>
    createMessageBatch<RolloutMessage>(QUEUE, [
      { id: `run-${runId}-${crypto.randomUUID()}-${i}`, timestamp: new Date(), attempts: 1, body: { runId } },
    ]),
  );
  return Promise.all(
    batches.map(async (batch) => {
      const ctx = createExecutionContext();
      await worker.queue(batch, env);
      return getQueueResult(batch, ctx);
    }),
  );
}

const latestRun = async () => {
  const res = await lead.api.groups[":group"].rollout.runs.latest.$get({ param: { group }, query: {} });
  expect(res.status).toBe(200);
  return res.json();
};

/** Delivers until the run is done (each delivery continues where the run's last chunk ended). */
async function runToTheEnd(runId: number): Promise<Awaited<ReturnType<typeof latestRun>>> {
  for (let i = 0; i < 50; i++) {
    const latest = await latestRun();
    if (latest.run.status !== "running") return latest;
    await deliver(runId);
  }
  throw new Error("the run did not finish");
}

/** Every company's version numbers, to find one published twice. */
const versionsPerCompany = async (): Promise<Map<string, number[]>> => {
  const { results } = await env.DB.prepare(
    `SELECT t.slug, v.number FROM statement_versions v JOIN tenants t ON t.id = v.tenant_id
     JOIN groups g ON g.id = t.group_id WHERE g.slug = ?1 ORDER BY t.slug, v.number`,
  )
    .bind(group)
    .all<{ slug: string; number: number }>();
  const bySlug = new Map<string, number[]>();
  for (const row of results) bySlug.set(row.slug, [...(bySlug.get(row.slug) ?? []), row.number]);
  return bySlug;
};

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs("lead@conxillium.example"));
  const at = "2026-01-10T09:00:00.000Z";
  await env.DB.batch(
    Array.from({ length: EXTRA }, (_, i) =>
      env.DB.prepare(
        `INSERT INTO tenants (group_id, slug, name, position, created_at)
         SELECT id, ?2, ?3, ?4, ?5 FROM groups WHERE slug = ?1`,
      ).bind(group, `extra-${String(i).padStart(3, "0")}`, `Extra ${i}`, 100 + i, at),
    ),
  );
  for (let i = 0; i < EXTRA; i++) {
    await publishAt(
      env.DB,
      group,
      `extra-${String(i).padStart(3, "0")}`,
      generatedContent(i),
      new Date().toISOString(),
    );
  }
  companies = await count(
    `SELECT COUNT(*) AS n FROM tenants t JOIN groups g ON g.id = t.group_id WHERE g.slug = '${group}'`,
  );
  // 54 publishes: the tests' 30 s, not vitest's 10 s for hooks, on a busy two-core machine.
}, 30_000);

describe("a rollout run through the queue", () => {
  it("republishes every clean outdated company, chunk after chunk, each once, and shows its progress", async () => {
    await publishBaselineWithNote(lead, group, "Wij melden grote wijzigingen ook per e-mail");
    const before = await versionsPerCompany();
    const statuses = await (
      await lead.api.groups[":group"].rollout.$get({ param: { group }, query: { limit: "500" } })
    ).json();
    const clean = statuses.companies.filter((c) => c.outdated && c.clean).map((c) => c.tenant.slug);
    const conflicted = statuses.companies.filter((c) => c.outdated && !c.clean).map((c) => c.tenant.slug);
    expect(clean.length).toBeGreaterThan(ROLLOUT_CHUNK);
    // The gate lets each of them through, and says so beforehand.
    expect(statuses.companies.filter((c) => c.outdated && c.clean).map((c) => c.gateStops)).toEqual(
      clean.map(() => null),
    );
    // The group's counts, in SQL: every published company is on the older baseline now.
    expect(statuses.totals).toEqual({
      activeCompanies: companies,
      onOlderBaseline: statuses.companies.filter((c) => c.version !== null).length,
    });

    const started = await lead.api.groups[":group"].rollout.runs.$post({ param: { group }, json: {} });
    expect(started.status).toBe(202);
    const { run } = await started.json();
    expect(run).toMatchObject({ status: "running", total: companies, processed: 0, published: 0 });

    // A second start while this one runs is refused, not queued beside it.
    const second = await lead.api.groups[":group"].rollout.runs.$post({ param: { group }, json: {} });
    expect(second.status).toBe(409);
    expect((await readError(second)).error.code).toBe("rollout_running");

    // One delivery moves the run on by whole chunks and queues the rest; progress is visible meanwhile.
    const logged = vi.spyOn(console, "log").mockImplementation(() => {});
    const [first] = await deliver(run.id);
    const reports = logged.mock.calls
      .map(([line]) => String(line))
      .filter((line) => line.includes('"rollout.invocation"'))
      .map((line) => JSON.parse(line) as InvocationReport);
    logged.mockRestore();
    expect(first!.explicitAcks).toHaveLength(1);
    const midway = await latestRun();
    expect(midway.run.processed).toBeGreaterThan(0);
    expect(midway.run.processed % ROLLOUT_CHUNK === 0 || midway.run.status === "done").toBe(true);
    // The invocation says what it did, within D1's 1,000 queries per invocation (Workers Paid).
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ runId: run.id, companies: midway.run.processed });
    expect(reports[0]!.chunks).toBe(Math.ceil(midway.run.processed / ROLLOUT_CHUNK));
    expect(reports[0]!.d1Queries).toBeGreaterThan(midway.run.published * 5);
    expect(reports[0]!.d1Queries).toBeLessThanOrEqual(800);

    const done = await runToTheEnd(run.id);
    expect(done.run).toMatchObject({
      status: "done",
      total: companies,
      processed: companies,
      published: clean.length,
      skipped: conflicted.length,
      failed: 0,
    });
    expect(done.run.upToDate).toBe(companies - clean.length - conflicted.length);
    // Every company in a transaction of at most ROLLOUT_CHUNK, none written twice, and one
    // transaction that ends the run.
    expect(done.run.chunks).toBe(Math.ceil(companies / ROLLOUT_CHUNK) + 1);
    expect(done.leftAlone.map((o) => o.tenant.slug).sort()).toEqual([...conflicted].sort());

    // Each clean company got exactly one new version; nobody else got one.
    const after = await versionsPerCompany();
    for (const [slug, numbers] of after) {
      const was = before.get(slug) ?? [];
      expect(numbers, slug).toEqual(clean.includes(slug) ? [...was, was.length + 1] : was);
    }
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM audit_log a JOIN groups g ON g.id = a.group_id
         WHERE g.slug = '${group}' AND a.action = 'statement.republished'`,
      ),
    ).toBe(clean.length);
    const now = await (
      await lead.api.groups[":group"].rollout.$get({ param: { group }, query: { limit: "500" } })
    ).json();
    expect(now.companies.filter((c) => c.outdated && c.clean)).toEqual([]);
    // Only those the run republished moved to the new baseline (a company whose statement would
    // not change keeps its version, on the baseline it was published on).
    expect(now.totals?.onOlderBaseline).toBe(statuses.totals!.onOlderBaseline - clean.length);
    // Counted once, with the first page: a later page does not read the whole group again.
    const firstPage = await (
      await lead.api.groups[":group"].rollout.$get({ param: { group }, query: { limit: "5" } })
    ).json();
    expect(firstPage.totals).toEqual(now.totals);
    const secondPage = await (
      await lead.api.groups[":group"].rollout.$get({
        param: { group },
        query: { limit: "5", after: firstPage.next! },
      })
    ).json();
    expect(secondPage.companies).toHaveLength(5);
    expect(secondPage.totals).toBeNull();
  });

  it("republishes nobody twice when the same message reaches two consumers at once, or comes again after the run moved", async () => {
    await publishBaselineWithNote(lead, group, "Wij melden grote wijzigingen ook per post");
    const before = await versionsPerCompany();
    const { run } = await (
      await lead.api.groups[":group"].rollout.runs.$post({ param: { group }, json: {} })
    ).json();
    // Two consumers on the same chunk (a message delivered twice): one chunk's write wins whole.
    const results = await deliver(run.id, 2);
    for (const result of results) expect(result.retryMessages).toEqual([]);
    const done = await runToTheEnd(run.id);
    // And a stale copy of the message after the run finished does nothing.
    await deliver(run.id);
    const after = await versionsPerCompany();
    let republished = 0;
    for (const [slug, numbers] of after) {
      const was = before.get(slug) ?? [];
      expect(numbers.length - was.length, slug).toBeLessThanOrEqual(1);
      expect(new Set(numbers).size, slug).toBe(numbers.length);
      republished += numbers.length - was.length;
    }
    expect(done.run.status).toBe("done");
    expect(done.run.processed).toBe(companies);
    expect(done.run.published).toBe(republished);
    expect((await latestRun()).run).toEqual(done.run);
  });

  it("republishes each company once while its own publishes go on at the same moment, and leaves none outdated", async () => {
    // The consumer prepares a chunk while the one before is being written; meanwhile companies of
    // the later chunks publish themselves. Whichever comes first, a company is never given the
    // same number twice, never republished twice, and ends on the new baseline.
    const own = [ROLLOUT_CHUNK + 3, ROLLOUT_CHUNK + 9, 2 * ROLLOUT_CHUNK + 1].map((i) => ({
      slug: `extra-${String(i).padStart(3, "0")}`,
      content: {
        ...generatedContent(i),
        profile: { ...generatedContent(i).profile, tradeName: `Extra ${i} (${crypto.randomUUID()})` },
      },
    }));
    await publishBaselineWithNote(
      lead,
      group,
      "Wij melden grote wijzigingen ook op onze website",
      "We also announce major changes on our website",
    );
    const before = await versionsPerCompany();
    const { run } = await (
      await lead.api.groups[":group"].rollout.runs.$post({ param: { group }, json: {} })
    ).json();
    await Promise.all([
      deliver(run.id),
      ...own.map((o) => publishAt(env.DB, group, o.slug, o.content, new Date().toISOString())),
    ]);
    const done = await runToTheEnd(run.id);
    expect(done.run).toMatchObject({ status: "done", processed: companies, failed: 0 });
    const after = await versionsPerCompany();
    for (const [slug, numbers] of after) {
      const was = before.get(slug) ?? [];
      // Numbered one after the other: none given twice, none left out.
      expect(numbers, slug).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
      const ownPublish = own.some((o) => o.slug === slug) ? 1 : 0;
      expect(numbers.length - was.length, slug).toBeGreaterThanOrEqual(ownPublish);
      expect(numbers.length - was.length, slug).toBeLessThanOrEqual(ownPublish + 1);
    }
    const statuses = await (
      await lead.api.groups[":group"].rollout.$get({ param: { group }, query: { limit: "500" } })
    ).json();
    expect(statuses.companies.filter((c) => c.outdated).length).toBe(done.run.skipped);
  });

  it("shows what a run republished on the public statement within the bound, without a Cache API call per company", async () => {
    await publishBaselineWithNote(lead, group, "Wij melden grote wijzigingen ook per brief");
    const statuses = await (
      await lead.api.groups[":group"].rollout.$get({ param: { group }, query: { limit: "500" } })
    ).json();
    const slug = statuses.companies.find((c) => c.outdated && c.clean)!.tenant.slug;
    const served = async (): Promise<number> => {
      const res = await exports.default.fetch(`http://verklaring.test/v1/statements/${group}/${slug}.json`);
      expect(res.status).toBe(200);
      return (await res.json<{ version: number }>()).version;
    };
    // A visitor's request: now this data centre's cache knows which version is in force.
    const before = await served();
    const { run } = await (
      await lead.api.groups[":group"].rollout.runs.$post({ param: { group }, json: {} })
    ).json();
    expect((await runToTheEnd(run.id)).run.status).toBe("done");
    // The run forgot no company in the data centre's cache (writePreparedVersions, "within the
    // bound"): for at most FRESH_FOR_MS it still says which version was in force ...
    expect(await served()).toBe(before);
    // ... and from then on every isolate and data centre answers the republished version.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + FRESH_FOR_MS });
    try {
      expect(await served()).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("stores nothing new when a run finds nothing to change", async () => {
    const tables = ["statement_versions", "statement_renderings", "rendering_packs"];
    const counts = () => Promise.all(tables.map((table) => count(`SELECT COUNT(*) AS n FROM ${table}`)));
    const before = await counts();
    const { run } = await (
      await lead.api.groups[":group"].rollout.runs.$post({ param: { group }, json: {} })
    ).json();
    const done = await runToTheEnd(run.id);
    expect(done.run).toMatchObject({ status: "done", published: 0, processed: companies });
    expect(await counts()).toEqual(before);
  });

  it("refuses an override for a whole run with 400 naming the field, and starts nothing", async () => {
    // The gate's override is a reason written for one statement (republish that company alone).
    const before = await count("SELECT COUNT(*) AS n FROM rollout_runs");
    const res = await call(`/api/groups/${group}/rollout/runs`, {
      cookie: await signInAs("lead@conxillium.example"),
      json: { changeNote: "Nieuwe basis.", completenessOverride: "Voor alle bedrijven tegelijk." },
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).error.issues?.map((i) => i.field)).toContain("completenessOverride");
    expect(await count("SELECT COUNT(*) AS n FROM rollout_runs")).toBe(before);
  });

  it("keeps a run moving forward only, whoever writes to the database", async () => {
    const { run } = await latestRun();
    for (const sql of [
      `UPDATE rollout_runs SET processed = 0, published = 0, up_to_date = 0, skipped = 0, failed = 0, chunks = chunks + 1 WHERE id = ?1`,
      `UPDATE rollout_runs SET status = 'running', finished_at = NULL, chunks = chunks + 1 WHERE id = ?1`,
      `DELETE FROM rollout_runs WHERE id = ?1`,
      `INSERT OR REPLACE INTO rollout_runs (id, group_id, baseline_version_id, started_at, total, updated_at)
       SELECT id, group_id, baseline_version_id, started_at, 0, updated_at FROM rollout_runs WHERE id = ?1`,
    ]) {
      await expect(env.DB.prepare(sql).bind(run.id).run(), sql).rejects.toThrow();
    }
    expect((await latestRun()).run).toEqual(run);
  });
});

describe("pages of companies", () => {
  it("pages through the rollout status after a stable cursor: every company once, also when one is added meanwhile", async () => {
    const all = await (
      await lead.api.groups[":group"].rollout.$get({ param: { group }, query: { limit: "500" } })
    ).json();
    expect(all.companies).toHaveLength(companies);
    expect(all.next).toBeNull();

    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; ; page++) {
      const res = await lead.api.groups[":group"].rollout.$get({
        param: { group },
        query: after ? { limit: "7", after } : { limit: "7" },
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.companies.length).toBeLessThanOrEqual(7);
      seen.push(...body.companies.map((c) => c.tenant.slug));
      if (page === 1) {
        // A company added before the cursor does not shift the pages after it.
        await env.DB.prepare(
          `INSERT INTO tenants (group_id, slug, name, position, created_at)
           SELECT id, 'aaa-nieuw', 'Nieuw', 0, '2026-01-12T09:00:00.000Z' FROM groups WHERE slug = ?1`,
        )
          .bind(group)
          .run();
      }
      if (body.next === null) break;
      after = body.next;
    }
    expect(seen).toEqual(all.companies.map((c) => c.tenant.slug));
  });

  it("refuses a cursor or a page size it did not hand out with 400 naming the field", async () => {
    for (const [query, field] of [
      [{ after: "../etc" }, "after"],
      [{ after: "3" }, "after"],
      [{ limit: "0" }, "limit"],
      [{ limit: "501" }, "limit"],
    ] as const) {
      const res = await lead.api.groups[":group"].rollout.$get({ param: { group }, query });
      expect(res.status).toBe(400);
      expect((await readError(res)).error.issues?.map((i) => i.field)).toContain(field);
    }
  });
});
