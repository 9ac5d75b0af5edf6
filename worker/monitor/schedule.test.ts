// The site monitor's schedule, end to end on the real local queues: the hourly Cron Trigger queues
// every watched page on verklaring-site-checks, the worker's own consumer checks them against the
// fake websites and records the history; a page still outdated a day after the version in force
// took effect raises a notice and a signed `site.outdated` webhook through the outbox and the
// verklaring-webhooks queue; the group's overview and report show it.
// JCC Software: version 1 with the demo, version 2 in force since V2_EFFECTIVE.
import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import wranglerToml from "../../wrangler.toml?raw";
import { seedDemoGroup } from "../demo-seed.ts";
import { listActivePageIds, listPageHistory, type SiteCheckRecord } from "../db/site-checks.ts";
import worker from "../index.ts";
import { apiAs, call, CALLERS, signInAs } from "../test/clients.ts";
import { demoContent, publishAt } from "../test/fixtures.ts";
import { downQueue } from "../test/queues.ts";
import { companyPage, fetchPublic, freshAddress, serve, visitsOf, watchPage } from "../test/sites.ts";
import type { SiteOutdatedPayload } from "../webhooks/message.ts";
import { verifyWebhookSignature } from "../webhooks/sign.ts";
import { checkWatchedPage } from "./check.ts";
import { SITE_CHECK_BATCH, SITE_CHECK_CRON, SITE_CHECK_QUEUE } from "./queue.ts";

const JCC = "jcc-software";
const V2_EFFECTIVE = "2026-03-01T09:00:00.000Z";
const HOUR = 60 * 60 * 1000;
let lead: string;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  const content = demoContent(JCC);
  content.profile.phone = "+31 20 555 0199";
  await publishAt(env.DB, "conxillium", JCC, content, V2_EFFECTIVE);
  lead = await signInAs(CALLERS.admin);
});

const historyOf = (pageId: number): Promise<SiteCheckRecord[]> =>
  listPageHistory(env.DB, pageId, { limit: 50 });

/** Waits for `ready` to hold, as the queue consumers run beside the test. */
async function waitFor<T>(what: string, read: () => Promise<T>, ready: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (ready(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const runHourlyCron = (at = Date.now()) =>
  worker.scheduled(createScheduledController({ scheduledTime: at, cron: SITE_CHECK_CRON }), env);

it("configures the queue and the hourly cron as the code expects", () => {
  const consumer =
    /\[\[queues\.consumers\]\]\s*queue = "verklaring-site-checks"\s*max_batch_size = (\d+)/.exec(
      wranglerToml,
    );
  expect(Number(consumer?.[1])).toBe(SITE_CHECK_BATCH);
  expect(wranglerToml).toContain(`queue = "${SITE_CHECK_QUEUE}"`);
  expect(wranglerToml).toMatch(new RegExp(`crons = \\[[^\\]]*"${SITE_CHECK_CRON.replaceAll("*", "\\*")}"`));
});

describe("the hourly check", () => {
  it("queues every watched page, checks each through the queue and records the history", async () => {
    const current = freshAddress();
    const outdated = freshAddress();
    const missing = freshAddress();
    const removed = freshAddress();
    await serve(current, { body: companyPage(await fetchPublic(`${JCC}?fragment&lang=nl`)) });
    await serve(outdated, { body: companyPage(await fetchPublic(`${JCC}/versions/1?fragment&lang=nl`)) });
    await serve(missing, { body: companyPage("<p>Welkom bij JCC Software.</p>") });
    await serve(removed, { body: companyPage("<p>Oud.</p>") });
    const ids = {
      current: await watchPage(lead, JCC, current, "fragment"),
      outdated: await watchPage(lead, JCC, outdated, "fragment"),
      missing: await watchPage(lead, "dataquint", missing, "copy"),
      removed: await watchPage(lead, JCC, removed, "copy"),
    };
    const sites = apiAs(lead).api.groups[":group"].tenants[":tenant"].sites;
    const gone = await sites[":id"].$delete({
      param: { group: "conxillium", tenant: JCC, id: String(ids.removed) },
    });
    expect(gone.status).toBe(200);

    // The 5-minute cron checks no pages.
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }),
      env,
    );
    expect(await historyOf(ids.current)).toEqual([]);

    await runHourlyCron();
    const checked = [ids.current, ids.outdated, ids.missing];
    await waitFor(
      "the first checks",
      () => Promise.all(checked.map(historyOf)),
      (all) => all.every((h) => h.length === 1),
    );
    expect((await historyOf(ids.current))[0]).toMatchObject({ state: "current", shownVersion: 2, checks: 1 });
    expect((await historyOf(ids.outdated))[0]).toMatchObject({
      state: "outdated",
      shownVersion: 1,
      versionInForce: 2,
      outdatedSince: V2_EFFECTIVE,
      checks: 1,
    });
    expect((await historyOf(ids.missing))[0]).toMatchObject({ state: "missing", checks: 1 });
    expect(await historyOf(ids.removed)).toEqual([]);
    expect(await visitsOf(removed)).toEqual([]);

    // An hour later nothing changed: the same findings, seen twice, no new rows.
    const first = await historyOf(ids.current);
    await runHourlyCron(Date.now() + HOUR);
    await waitFor(
      "the second checks",
      () => Promise.all(checked.map(historyOf)),
      (all) => all.every((h) => h.length === 1 && h[0]!.checks === 2),
    );
    const [again] = await historyOf(ids.current);
    expect(again!.id).toBe(first[0]!.id);
    expect(again!.lastCheckedAt > first[0]!.lastCheckedAt).toBe(true);
    expect(again!.firstCheckedAt).toBe(first[0]!.firstCheckedAt);

    // The outdated site is brought up to date: a new finding, the old one kept.
    await serve(outdated, { body: companyPage(await fetchPublic(`${JCC}?fragment&lang=nl`)) });
    await runHourlyCron(Date.now() + 2 * HOUR);
    const history = await waitFor(
      "the outdated site's change",
      () => historyOf(ids.outdated),
      (h) => h.length === 2,
    );
    expect(history.map((h) => [h.state, h.shownVersion, h.checks])).toEqual([
      ["current", 2, 1],
      ["outdated", 1, 2],
    ]);

    // The history through the API, newest first and paged.
    const page = await sites[":id"].history.$get({
      param: { group: "conxillium", tenant: JCC, id: String(ids.outdated) },
      query: { limit: "1" },
    });
    const body = await page.json();
    expect(body.history.map((h) => h.state)).toEqual(["current"]);
    const older = await sites[":id"].history.$get({
      param: { group: "conxillium", tenant: JCC, id: String(ids.outdated) },
      query: { before: String(body.nextBefore) },
    });
    expect((await older.json()).history.map((h) => [h.state, h.checks])).toEqual([["outdated", 2]]);
  }, 60_000);

  it("does not check again a page that was checked after the cron queued it", async () => {
    const address = freshAddress();
    await serve(address, { body: companyPage(await fetchPublic(`${JCC}?fragment&lang=nl`)) });
    const id = await watchPage(lead, JCC, address, "fragment");
    const queuedAt = new Date(Date.now() - 60_000).toISOString();
    await checkWatchedPage(env, id);
    expect(await checkWatchedPage(env, id, { after: queuedAt })).toBeNull();
    expect(await visitsOf(address)).toHaveLength(1);
  });

  it("no longer checks the pages of a company that was archived (its statement is gone from there)", async () => {
    const address = freshAddress();
    await serve(address, { body: companyPage(await fetchPublic("procura?fragment&lang=nl")) });
    const id = await watchPage(lead, "procura", address, "fragment");
    await checkWatchedPage(env, id);
    expect(await historyOf(id)).toHaveLength(1);
    const archived = await apiAs(lead).api.groups[":group"].companies[":company"].archive.$post({
      param: { group: "conxillium", company: "procura" },
      json: { reason: "verkocht" },
    });
    expect(archived.status).toBe(200);

    // A message queued before the archive finds nothing to check; the cron queues it no more.
    expect(await checkWatchedPage(env, id)).toBeNull();
    const queued = await listActivePageIds(env.DB, 0, 10_000);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued).not.toContain(id);
    expect(await visitsOf(address)).toHaveLength(1);
    expect((await historyOf(id))[0]!.checks).toBe(1);
  });
});

describe("a site still outdated a day after the publish", () => {
  it("raises a notice and sends one signed site.outdated webhook, through the outbox and the queue", async () => {
    // The company's webhook receiver is another page of its website.
    const hook = freshAddress("hooks/verklaring");
    await serve(hook, { status: 204 });
    const created = await apiAs(lead).api.groups[":group"].tenants[":tenant"].webhooks.$post({
      param: { group: "conxillium", tenant: JCC },
      json: { url: hook },
    });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };

    const address = freshAddress();
    await serve(address, { body: companyPage(await fetchPublic(`${JCC}/versions/1?fragment&lang=nl`)) });
    const id = await watchPage(lead, JCC, address, "fragment");
    const at = (hours: number) => () => new Date(Date.parse(V2_EFFECTIVE) + hours * HOUR);

    // 23 hours after version 2 took effect: outdated, no notice yet.
    await checkWatchedPage(env, id, { now: at(23) });
    const group = apiAs(lead).api.groups[":group"].sites;
    const early = await (await group.$get({ param: { group: "conxillium" }, query: {} })).json();
    const jcc = early.companies.find((c) => c.tenant.slug === JCC)!;
    expect(jcc.pages.find((p) => p.id === id)!.status).toMatchObject({ state: "outdated", overdue: false });
    expect(early.notices.map((n) => n.page.id)).not.toContain(id);

    // 25 hours: the notice, and one webhook.
    await checkWatchedPage(env, id, { now: at(25) });
    const late = await (await group.$get({ param: { group: "conxillium" }, query: {} })).json();
    expect(late.notices.find((n) => n.page.id === id)).toEqual({
      tenant: { slug: JCC, name: "JCC Software" },
      page: { id, url: address, language: "nl" },
      shownVersion: 1,
      versionInForce: 2,
      outdatedSince: V2_EFFECTIVE,
      lastCheckedAt: at(25)().toISOString(),
    });
    const deliveries = await waitFor(
      "the site.outdated delivery",
      () => visitsOf(hook),
      (v) => v.length >= 1,
    );
    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries;
    expect(delivery!.method).toBe("POST");
    expect(delivery!.verklaring!["verklaring-event"]).toBe("site.outdated");
    expect(delivery!.verklaring!["verklaring-delivery"]).toBe(`site-outdated-${id}-2`);
    const verdict = await verifyWebhookSignature(
      secret,
      delivery!.verklaring!["verklaring-signature"] ?? null,
      delivery!.body!,
      new Date(),
    );
    expect(verdict.valid).toBe(true);
    const payload: SiteOutdatedPayload = JSON.parse(delivery!.body!);
    expect(payload).toEqual({
      event: "site.outdated",
      group: "conxillium",
      tenant: JCC,
      page: { url: address, language: "nl", display: "fragment" },
      shownVersion: 1,
      versionInForce: 2,
      outdatedSince: V2_EFFECTIVE,
      checkedAt: at(25)().toISOString(),
      url: `${env.PUBLIC_ORIGIN}/v1/statements/conxillium/${JCC}/versions/2`,
    });

    // Still outdated an hour later: no second webhook for the same version in force.
    await checkWatchedPage(env, id, { now: at(26) });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await visitsOf(hook)).toHaveLength(1);
    // The delivery is in the webhook's log like any other.
    const webhooks = await apiAs(lead).api.groups[":group"].tenants[":tenant"].webhooks.$get({
      param: { group: "conxillium", tenant: JCC },
    });
    const webhookId = (await webhooks.json()).webhooks.find((w) => w.url === hook)!.id;
    const log = await apiAs(lead).api.groups[":group"].tenants[":tenant"].webhooks[":id"].deliveries.$get({
      param: { group: "conxillium", tenant: JCC, id: String(webhookId) },
      query: {},
    });
    expect((await log.json()).deliveries.map((d) => [d.eventId, d.version, d.succeeded])).toEqual([
      [`site-outdated-${id}-2`, 2, true],
    ]);

    // The group report and its CSV name the page that is not current.
    const report = await call("/api/groups/conxillium/completeness", { cookie: lead });
    const { companies } = await report.json<{ companies: { tenant: { slug: string }; sites: unknown }[] }>();
    const company = companies.find((c) => c.tenant.slug === JCC);
    expect(company!.sites).toMatchObject({
      attention: expect.arrayContaining([
        { url: address, state: "outdated", shownVersion: 1, versionInForce: 2, outdatedSince: V2_EFFECTIVE },
      ]),
      overdue: expect.any(Number),
    });
    const csvIn = async (lang: string) => {
      const res = await call(`/api/groups/conxillium/completeness/report.csv?lang=${lang}`, { cookie: lead });
      expect(res.status).toBe(200);
      const [header, ...rows] = (await res.text())
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      return { header: header!.split(";"), jcc: rows.find((r) => r.startsWith("JCC Software;")) };
    };
    const english = await csvIn("en");
    expect(english.header.slice(-4)).toEqual([
      "Websites: watched",
      "Websites: current",
      "Websites: not current",
      "Websites: last check",
    ]);
    expect(english.jcc).toContain(`${address} (outdated, version 1)`);
    const dutch = await csvIn("nl");
    expect(dutch.header.slice(-4)).toEqual([
      "Websites: bewaakt",
      "Websites: actueel",
      "Websites: niet actueel",
      "Websites: laatste controle",
    ]);
    expect(dutch.jcc).toContain(`${address} (verouderd, versie 1)`);
  }, 60_000);

  it("keeps the notification when it cannot be queued at once, and the 5-minute cron queues it", async () => {
    const address = freshAddress();
    await serve(address, { body: companyPage(await fetchPublic("sim/versions/1?fragment&lang=nl")) });
    const content = demoContent("sim");
    content.profile.phone = "+31 30 000 1111";
    await publishAt(env.DB, "conxillium", "sim", content, V2_EFFECTIVE);
    const hook = freshAddress("hooks/verklaring");
    await serve(hook, { status: 204 });
    const created = await apiAs(lead).api.groups[":group"].tenants[":tenant"].webhooks.$post({
      param: { group: "conxillium", tenant: "sim" },
      json: { url: hook },
    });
    expect(created.status).toBe(201);
    const id = await watchPage(lead, "sim", address, "fragment");

    const down = downQueue();
    const checkedAt = Date.now();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await checkWatchedPage({ ...env, WEBHOOKS: down }, id);
    expect(logged).toHaveBeenCalledWith("could not queue site.outdated notifications; the cron will", {
      page: id,
      error: "Error: queue unavailable",
    });
    logged.mockRestore();
    expect((await historyOf(id))[0]).toMatchObject({ state: "outdated", shownVersion: 1, versionInForce: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await visitsOf(hook)).toEqual([]);

    await worker.scheduled(
      createScheduledController({ scheduledTime: checkedAt + 5 * 60 * 1000, cron: "*/5 * * * *" }),
      env,
    );
    const deliveries = await waitFor(
      "the swept delivery",
      () => visitsOf(hook),
      (v) => v.length >= 1,
    );
    expect(deliveries.map((d) => d.verklaring!["verklaring-event"])).toEqual(["site.outdated"]);
  }, 60_000);
});
