// Rolling a new baseline out through the worker's queue, in the console: the privacy lead confirms
// in two windows at the same moment; one run starts, and the other window shows that run instead
// of an error. Other files share the database and may publish baselines too, so every assertion is
// about what this file made (a unique sentence, the run this file started).
import type { Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import {
  changesText,
  publishBaselineWithSentence,
  readJson as json,
  type RolloutCompany,
} from "./baseline-steps.ts";
import { useBrowser } from "./session.ts";

const base = inject("baseURL");
const LEAD = "lead@conxillium.example";
const GROUP = `${base}/api/groups/conxillium`;
const stamp = Date.now().toString(36);
const PHONE = { width: 375, height: 740 };

const { signedIn } = useBrowser({ viewport: { width: 1100, height: 800 } });

const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const versionsOf = async (page: Page, slug: string) =>
  (
    await json<{ versions: { number: number; changeNote: string }[] }>(
      await page.request.get(`${base}/v1/statements/conxillium/${slug}/versions`),
    )
  ).versions;

/**
 * One try at the race: a new sentence in the baseline, both windows at the confirmation, and both
 * confirmations sent at once (each held until both windows have sent theirs).
 */
async function confirmInBothWindows(first: Page, second: Page, attempt: number) {
  const label = `${stamp}-${attempt}`;
  const sentence = `Deze zin kwam erbij in de uitroltest ${label}.`;
  const baselineVersion = await publishBaselineWithSentence(first, GROUP, {
    nl: sentence,
    en: `This sentence was added in the rollout test ${label}.`,
    changeNote: `Uitroltest ${label}: een zin over wijzigingen erbij.`,
  });
  const rollout = await json<{ companies: RolloutCompany[] }>(
    await first.request.get(`${GROUP}/rollout?limit=500`),
  );
  const changes = rollout.companies.filter((c) => c.outdated && c.clean && changesText(c));
  // What the console offers to republish: those the publish gate lets through. Another file may
  // have published a baseline over a legal error with the lead's reason; a run takes no override.
  const clean = changes.filter((c) => c.gateStops === null);
  const stopped = changes.filter((c) => c.gateStops !== null);
  expect(clean.map((c) => c.tenant.slug)).toEqual(expect.arrayContaining(["pharox", "geotax"]));
  const before = new Map<string, number>();
  for (const company of clean)
    before.set(company.tenant.slug, (await versionsOf(first, company.tenant.slug)).length);

  // Both windows open the dashboard and ask to republish; neither has started anything yet.
  for (const page of [first, second]) {
    await page.goto(`${base}/console/conxillium`);
    await page.getByRole("heading", { name: "Nieuwe basisverklaring doorvoeren" }).waitFor();
    await page.getByRole("button", { name: "Alle bedrijven zonder conflict opnieuw publiceren" }).click();
    await page.getByRole("group", { name: `${clean.length} bedrijven opnieuw publiceren?` }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  }
  await checkScreen(first, "rollout-confirm-375");

  let releaseBoth!: () => void;
  const bothSent = new Promise<void>((resolve) => (releaseBoth = resolve));
  let held = 0;
  for (const page of [first, second]) {
    await page.route("**/rollout/runs", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      if (++held === 2) releaseBoth();
      await bothSent;
      return route.continue();
    });
  }
  const answers = [first, second].map((page) =>
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/rollout/runs")),
  );
  await Promise.all(
    [first, second].map((page) =>
      page.getByRole("button", { name: `Ja, ${clean.length} bedrijven opnieuw publiceren` }).click(),
    ),
  );
  const responses = await Promise.all(answers);
  for (const page of [first, second]) await page.unroute("**/rollout/runs");
  return { sentence, baselineVersion, changes, clean, stopped, before, responses };
}

/** Tries at the race before the test gives up (see below); one is almost always enough. */
const ATTEMPTS = 4;

it("starts one run when the lead confirms in two windows at once: the other window shows that run, and both fit a phone", async () => {
  const first = await signedIn(LEAD, PHONE);
  const second = await signedIn(LEAD, PHONE);
  // Here the worker, its D1 and its queue share one thread, and a run of a few companies can end
  // before the second confirmation reaches the worker; that one then rightly starts a run of its
  // own (nothing is running), which has nothing left to publish. The race is then run again with
  // a new sentence, once the runs have ended, until the two confirmations meet a running run.
  let attempt = 1;
  let race = await confirmInBothWindows(first, second, attempt);
  while (race.responses.every((r) => r.status() === 202) && attempt < ATTEMPTS) {
    await expect
      .poll(
        async () =>
          (await json<{ run: { status: string } }>(await first.request.get(`${GROUP}/rollout/runs/latest`)))
            .run.status,
        { timeout: 20_000 },
      )
      .not.toBe("running");
    race = await confirmInBothWindows(first, second, ++attempt);
  }
  const { sentence, baselineVersion, changes, clean, stopped, before, responses } = race;
  // One run starts; the other start is refused while it runs (the database's unique index).
  expect(responses.map((r) => r.status()).sort((a, b) => a - b)).toEqual([202, 409]);
  const winner = responses[0]!.status() === 202 ? first : second;
  const other = winner === first ? second : first;
  const started = await json<{ run: { id: number } }>(responses[winner === first ? 0 : 1]!, 202);

  // The window that came second shows the running run, not an error.
  await other.locator("#republish-already").waitFor();
  expect(await other.locator("#republish-already").textContent()).toContain(
    "Er liep al een publicatieronde voor deze groep, gestart door Lotte de Leeuw",
  );
  expect(await other.getByRole("alert").count()).toBe(0);

  // Both end at the result of that one run, with the focus on it.
  for (const page of [first, second]) {
    await page
      .getByRole("heading", { name: "Resultaat van de laatste publicatieronde" })
      .waitFor({ timeout: 20_000 });
  }
  const latest = await json<{
    run: { id: number; status: string; published: number };
    leftAlone: { tenant: { slug: string }; status: string; reason: string }[];
  }>(await first.request.get(`${GROUP}/rollout/runs/latest`));
  // A run takes no override: exactly the companies the status said the gate would stop are left
  // alone, with that very reason, said in Dutch on the page; every other clean company is republished.
  const cleanSlugs = new Set(changes.map((c) => c.tenant.slug));
  for (const alone of latest.leftAlone) {
    const said = stopped.find((c) => c.tenant.slug === alone.tenant.slug)?.gateStops;
    if (said) expect(alone.reason, alone.tenant.slug).toBe(said);
    else {
      // Not one the status said the gate would stop: then it was left alone for a conflict.
      expect(cleanSlugs.has(alone.tenant.slug), alone.tenant.slug).toBe(false);
      expect(alone.reason, alone.tenant.slug).toMatch(/^conflicts in /);
    }
    const item = await first.locator(`.run-result li[data-company="${alone.tenant.slug}"]`).textContent();
    expect(item, alone.tenant.slug).not.toMatch(/has legal errors|misses what the AVG requires/);
    if (said) expect(item, alone.tenant.slug).toMatch(/juridische fout: „|ontbreekt wat de AVG vraagt: „/);
  }
  expect(
    latest.leftAlone
      .filter((o) => cleanSlugs.has(o.tenant.slug))
      .map((o) => o.tenant.slug)
      .sort(),
  ).toEqual(stopped.map((c) => c.tenant.slug).sort());
  const republished = clean.filter((c) => !latest.leftAlone.some((o) => o.tenant.slug === c.tenant.slug));
  expect(republished.length).toBeGreaterThanOrEqual(2);
  expect(latest.run).toMatchObject({
    id: started.run.id,
    status: "done",
    published: republished.length,
  });
  for (const page of [first, second]) {
    expect(await page.locator('.run-result li[data-count="published"]').textContent()).toBe(
      `${republished.length} bedrijven opnieuw gepubliceerd`,
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("republish-results-title");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  }
  await checkScreen(other, "rollout-result-375");

  // Each republished company got exactly one new version, on the new baseline; a company that
  // shows the "changes" section (Pharox and GeoTax do; BeheerVisie and SIM leave it out, and may
  // still be outdated by what earlier files changed) shows the sentence.
  for (const company of republished) {
    const slug = company.tenant.slug;
    expect((await versionsOf(first, slug)).length, slug).toBe(before.get(slug)! + 1);
    type Statement = { baselineVersion: number; sections: { key: string; text: string }[] };
    const read = async (): Promise<Statement> =>
      (await (await first.request.get(`${base}/v1/statements/conxillium/${slug}.json`)).json()) as Statement;
    // A run's versions reach every data centre's cache within its 10 s bound (docs/deployment.md).
    await expect.poll(async () => (await read()).baselineVersion, { timeout: 15_000 }).toBe(baselineVersion);
    const body = await read();
    const changes = body.sections.find((section) => section.key === "changes");
    if (["pharox", "geotax"].includes(slug)) expect(changes, slug).toBeDefined();
    if (changes) expect(changes.text, slug).toContain(sentence);
  }
}, 300_000);
