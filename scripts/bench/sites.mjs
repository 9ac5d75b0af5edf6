// The site monitor at scale (issue 19), for scripts/bench/run.mjs: one watched page per generated
// company, served by a fake website in this process, each page in one of the five states (run after
// the baseline republish, so every company has an earlier version a page can still show); the hourly
// Cron Trigger queues them all on verklaring-site-checks and the worker's own consumer checks them
// in batches, as in production. Measures the time from the cron to the last finding recorded, and
// checks that every page was classified as it should be.
import { createServer } from "node:http";

/** What each page of the fake website shows, by `index % 6`, and the state the check must find. */
const KINDS = [
  { kind: "fragment", display: "fragment", expected: "current" }, // included on the server: the marker
  { kind: "outdated", display: "fragment", expected: "outdated" }, // the version before, still included
  { kind: "copy", display: "copy", expected: "current" }, // pasted, marker and footer removed: the text
  { kind: "edited", display: "copy", expected: "modified" }, // pasted with a sentence added
  { kind: "elsewhere", display: "copy", expected: "missing" }, // a page about something else
  { kind: "error", display: "fragment", expected: "unreachable" }, // the website answers 503
];

const wrap = (main) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Privacy</title></head><body><header>Bedrijf</header><main>${main}</main><footer>© Bedrijf</footer></body></html>`;

/** The statement as someone pastes it: the text without Verklaring's marker and footer. */
const pasted = (fragment) =>
  fragment.replace(/ data-verklaring-(version|hash)="[^"]*"/g, "").replace(/<footer[\s\S]*?<\/footer>/, "");

function pageFor(kind, fragment) {
  switch (kind) {
    case "fragment":
    case "outdated":
      return wrap(fragment);
    case "copy":
      return wrap(pasted(fragment));
    case "edited":
      return wrap(
        pasted(fragment).replace("</p>", " Wij verkopen uw gegevens aan iedereen die erom vraagt.</p>"),
      );
    case "elsewhere":
      return wrap("<h1>Welkom</h1><p>Bekijk onze producten en diensten. Bel ons gerust.</p>");
    default:
      return null;
  }
}

/** Runs `work` over `items` with at most `width` at a time. */
async function inParallel(items, width, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next++];
        await work(item);
      }
    }),
  );
}

/** The fake website: `/<company>/privacy` answers that company's page; counts what it was asked. */
async function startWebsite() {
  const pages = new Map();
  const visits = { count: 0, first: null, last: null };
  const server = createServer((request, response) => {
    const now = performance.now();
    visits.count++;
    visits.first ??= now;
    visits.last = now;
    const body = pages.get(request.url);
    if (body === undefined || body === null) {
      response.writeHead(body === null ? 503 : 404, { "Content-Type": "text/plain" });
      response.end("unavailable");
      return;
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    pages,
    visits,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
};

/**
 * Watches one page per company through the API, fills the fake website, runs the hourly cron and
 * waits until every page has a finding. `api` signs requests in as the privacy lead.
 */
export async function measureSiteChecks({ mf, base, api, companies, cron, log, timeoutSeconds }) {
  const website = await startWebsite();
  try {
    const plan = companies.map((slug, i) => ({ slug, ...KINDS[i % KINDS.length] }));

    // The pages' contents: each company's fragment in force, as its website would include it; for
    // an outdated page the version before it, by its numbered address.
    await inParallel(plan, 8, async (page) => {
      const address = `${base}/v1/statements/conxillium/${page.slug}`;
      const res = await fetch(`${address}?fragment&lang=nl`);
      if (res.status !== 200) throw new Error(`${page.slug}'s fragment: ${res.status}`);
      let fragment = await res.text();
      if (page.kind === "outdated") {
        const inForce = Number(/data-verklaring-version="(\d+)"/.exec(fragment)?.[1]);
        if (!(inForce > 1)) {
          throw new Error(
            `${page.slug} has no earlier version to show (in force: ${inForce}); did the republish run?`,
          );
        }
        const earlier = await fetch(`${address}/versions/${inForce - 1}?fragment&lang=nl`);
        if (earlier.status !== 200)
          throw new Error(`${page.slug}'s version ${inForce - 1}: ${earlier.status}`);
        fragment = await earlier.text();
      }
      website.pages.set(`/${page.slug}/privacy`, pageFor(page.kind, fragment));
    });
    const since = performance.now();
    await inParallel(plan, 4, async (page) => {
      const res = await api(`/tenants/${page.slug}/sites`, {
        method: "POST",
        body: JSON.stringify({
          url: `${website.origin}/${page.slug}/privacy`,
          language: "nl",
          display: page.display,
        }),
      });
      if (res.status !== 201) throw new Error(`watching ${page.slug}: ${res.status} ${await res.text()}`);
    });
    log(
      `  ${plan.length} pages watched in ${((performance.now() - since) / 1000).toFixed(1)} s (not measured)`,
    );

    // The hourly cron, as Cloudflare runs it; then the queue consumer's batches.
    const worker = await mf.getWorker();
    const started = performance.now();
    await worker.scheduled({ cron, scheduledTime: new Date() });
    const queuedMs = performance.now() - started;
    const deadline = started + timeoutSeconds * 1000;
    // The group's sites overview, page after page (GET …/sites is paged by company): its
    // companies, and the totals added up.
    const readOverview = async () => {
      const companies = [];
      const totals = {};
      for (let after = null; ;) {
        const res = await api(`/sites?limit=500${after ? `&after=${encodeURIComponent(after)}` : ""}`);
        if (res.status !== 200) throw new Error(`the group's sites: ${res.status}`);
        const page = await res.json();
        companies.push(...page.companies);
        for (const [key, n] of Object.entries(page.totals)) totals[key] = (totals[key] ?? 0) + n;
        if (!page.next) return { companies, totals };
        after = page.next;
      }
    };
    let overview;
    for (;;) {
      overview = await readOverview();
      if (overview.totals.unchecked === 0) break;
      if (performance.now() > deadline) {
        throw new Error(
          `after ${timeoutSeconds} s ${overview.totals.unchecked} of ${overview.totals.watched} pages were still unchecked`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const totalMs = performance.now() - started;

    // Every page classified as it should be.
    const pages = overview.companies.flatMap((c) => c.pages.map((p) => ({ ...p, slug: c.tenant.slug })));
    const expected = new Map(plan.map((p) => [p.slug, p]));
    const wrong = pages.filter((p) => p.status.state !== expected.get(p.slug)?.expected);
    if (pages.length !== plan.length || wrong.length > 0) {
      throw new Error(
        `${wrong.length} of ${pages.length} pages misclassified, e.g. ${JSON.stringify(wrong.slice(0, 3).map((p) => [p.slug, expected.get(p.slug)?.kind, p.status.state, p.status.problem]))}`,
      );
    }
    const perKind = Object.fromEntries(
      KINDS.map(({ kind, expected: state }) => [
        kind,
        {
          state,
          pages: plan.filter((p) => p.kind === kind).length,
          medianCheckMs: median(
            pages.filter((p) => expected.get(p.slug).kind === kind).map((p) => p.status.durationMs),
          ),
        },
      ]),
    );
    return {
      pages: pages.length,
      totalSeconds: Number((totalMs / 1000).toFixed(2)),
      perPageMs: Number((totalMs / pages.length).toFixed(2)),
      pagesPerSecond: Number((pages.length / (totalMs / 1000)).toFixed(1)),
      cronQueuedMs: Math.round(queuedMs),
      websiteRequests: website.visits.count,
      counts: overview.totals,
      perKind,
      pollResolutionMs: 250,
    };
  } finally {
    await website.close();
  }
}
