// The public endpoint answers from the isolate's memory between D1 reads (worker/http/rendering-cache.ts).
// What a website relies on: a publish here is visible at once, one in another isolate within
// FRESH_FOR_MS, and a scheduled version from the moment it takes effect. Each test uses its own
// company, since the file's tests share one database.
import { env, exports } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { runWithAudit } from "../db/audit.ts";
import { findLatestBaselineVersion } from "../db/baselines.ts";
import { findGroupBySlug, findTenant } from "../db/groups.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { FRESH_FOR_MS } from "../http/rendering-cache.ts";
import { preparePublish } from "../publishing.ts";
import { demoContent, publishAt } from "../test/fixtures.ts";

const START = new Date("2026-11-22T10:00:00.000Z");

const fetchStatement = (slug: string, path: string): Promise<Response> =>
  exports.default.fetch(new Request(`http://verklaring.test/v1/statements/conxillium/${slug}${path}`));

async function servedVersion(slug: string): Promise<number> {
  const res = await fetchStatement(slug, ".json");
  expect(res.status).toBe(200);
  return ((await res.json()) as { version: number }).version;
}

function withDataCategory(slug: string, name: string) {
  const content = demoContent(slug);
  content.lists.data_categories.push({ name: { nl: name, en: name }, special: false });
  return content;
}

/** A publish as another isolate performs it: the same writes, without touching this isolate's memory. */
async function publishElsewhere(slug: string, now: string): Promise<void> {
  const group = await findGroupBySlug(env.DB, "conxillium");
  const tenant = group && (await findTenant(env.DB, group.id, slug));
  const baseline = group && (await findLatestBaselineVersion(env.DB, group.id));
  if (!group || !tenant || !baseline) throw new Error("demo group missing");
  const prepared = await preparePublish(env.DB, {
    group,
    tenant,
    baseline,
    content: withDataCategory(slug, "Elders"),
    changeNote: "elsewhere",
    material: false,
    now,
    actor: null,
  });
  await runWithAudit(env.DB, prepared.statements, [prepared.audit]);
}

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("public statements served from the isolate's memory", () => {
  it("shows a publish made in this isolate on the very next request", async () => {
    expect(await servedVersion("jcc-software")).toBe(1);
    const content = withDataCategory("jcc-software", "Hier");
    await publishAt(env.DB, "conxillium", "jcc-software", content, START.toISOString());
    expect(await servedVersion("jcc-software")).toBe(2);
  });

  it("shows a publish made in another isolate once the memory is no longer fresh", async () => {
    expect(await servedVersion("dataquint")).toBe(1);
    await publishElsewhere("dataquint", START.toISOString());
    // Still the remembered version: the bounded staleness the README documents.
    expect(await servedVersion("dataquint")).toBe(1);
    vi.setSystemTime(START.getTime() + FRESH_FOR_MS);
    expect(await servedVersion("dataquint")).toBe(2);
  });

  it("serves a scheduled version from the moment it takes effect, though the current one is remembered", async () => {
    const effectiveFrom = new Date(START.getTime() + 2000).toISOString();
    const content = withDataCategory("pharox", "Later");
    await publishAt(env.DB, "conxillium", "pharox", content, START.toISOString(), { effectiveFrom });
    const page = async () => (await fetchStatement("pharox", ".html")).text();
    expect(await page()).not.toContain("Later");
    vi.setSystemTime(START.getTime() + 1999);
    expect(await page()).not.toContain("Later");
    vi.setSystemTime(START.getTime() + 2000);
    expect(await page()).toContain("Later");
  });

  it("keeps languages and formats apart", async () => {
    const nl = await (await fetchStatement("geotax", ".txt?lang=nl")).text();
    const en = await (await fetchStatement("geotax", ".txt?lang=en")).text();
    const md = await (await fetchStatement("geotax", ".md?lang=en")).text();
    expect(nl).toContain("Privacyverklaring GeoTax");
    expect(en).toContain("Privacy statement GeoTax");
    expect(md.startsWith("# Privacy statement GeoTax")).toBe(true);
  });
});
