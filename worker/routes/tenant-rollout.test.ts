// A company's own view of the rollout: its editors and viewers see whether a newer baseline is
// waiting for their company and what it would change, and nobody sees another company's.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import type { Baseline } from "#shared/model.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, CALLERS, readError, signInAs, type Api } from "../test/clients.ts";

const group = "conxillium";

let lead: Api;
let jccEditor: Api;
let jccViewer: Api;
let dqEditor: Api;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs(CALLERS.admin));
  jccEditor = apiAs(await signInAs(CALLERS.jccEditor));
  jccViewer = apiAs(await signInAs(CALLERS.jccViewer));
  dqEditor = apiAs(await signInAs(CALLERS.dqEditor));
});

const rolloutOf = (api: Api, tenant = "jcc-software") =>
  api.api.groups[":group"].tenants[":tenant"].rollout.$get({ param: { group, tenant } });

async function readRollout(api: Api, tenant = "jcc-software") {
  const response = await rolloutOf(api, tenant);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  return response.json();
}

/** The lead changes the baseline draft and publishes it; returns the new version's number. */
async function publishBaseline(change: (baseline: Baseline) => void, changeNote: string): Promise<number> {
  const draft = await lead.api.groups[":group"].baseline.draft.$get({ param: { group } });
  const { baseline } = await draft.json();
  change(baseline);
  const saved = await lead.api.groups[":group"].baseline.draft.$put(
    { param: { group }, json: { baseline } },
    { headers: { "If-Match": draft.headers.get("ETag")! } },
  );
  expect(saved.status, await saved.text()).toBe(200);
  const published = await lead.api.groups[":group"].baseline.publish.$post({
    param: { group },
    json: { changeNote },
  });
  expect(published.status, await published.clone().text()).toBe(201);
  const body = await published.json();
  if (body.kind !== "published") throw new Error("the baseline was not published");
  return body.version.number;
}

const section = (baseline: Baseline, key: string) => {
  const found = baseline.sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
};

it("tells JCC's editor and viewer that a newer baseline waits and what it changes, until they publish", async () => {
  // Nothing waits yet: version 1 rests on baseline 1, the latest.
  const before = await readRollout(jccEditor);
  expect(before).toMatchObject({
    tenant: { slug: "jcc-software", name: "JCC Software" },
    version: { number: 1, baselineVersion: 1 },
    latestBaseline: 1,
    outdated: false,
    reasons: [],
    clean: true,
    conflicts: [],
    diff: null,
  });
  expect(await readRollout(jccViewer)).toEqual(before);

  // The privacy lead adds a sentence to "rights", a locked section every company carries.
  const nl = "Wij bevestigen de ontvangst van uw verzoek binnen twee werkdagen.";
  const en = "We confirm receipt of your request within two working days.";
  const number = await publishBaseline((baseline) => {
    const rights = section(baseline, "rights");
    rights.body.nl += `\n\n${nl}`;
    rights.body.en += `\n\n${en}`;
  }, "Ontvangstbevestiging bij verzoeken");
  expect(number).toBe(2);

  const after = await readRollout(jccEditor);
  expect(after).toMatchObject({
    version: { number: 1, baselineVersion: 1 },
    latestBaseline: 2,
    outdated: true,
    reasons: ["baseline"],
    clean: true,
    conflicts: [],
  });
  const changed = after.diff!.sections.filter((s) => s.status !== "unchanged" || s.moved);
  expect(changed.map((s) => [s.key, s.status])).toEqual([["rights", "changed"]]);
  const added = changed[0]!.diff.parts.filter((p) => p.op === "added").map((p) => p.text);
  expect(added.join(" ")).toContain(nl);
  expect(after.diff!.totals).toMatchObject({ changed: 1, added: 0, removed: 0 });

  // The company's members read exactly the entry the privacy lead's overview has for JCC.
  const overview = await (
    await lead.api.groups[":group"].rollout.$get({ param: { group }, query: {} })
  ).json();
  expect(overview.companies.find((c) => c.tenant.slug === "jcc-software")).toEqual(after);
  expect(await readRollout(jccViewer)).toEqual(after);
  expect(await readRollout(lead)).toEqual(after);

  // Publishing the company's draft puts it on the latest baseline: nothing waits any more.
  const published = await jccEditor.api.groups[":group"].tenants[":tenant"].publish.$post({
    param: { group, tenant: "jcc-software" },
    json: { changeNote: "Nieuwe basisverklaring overgenomen.", material: true },
  });
  expect(published.status, await published.clone().text()).toBe(201);
  expect(await readRollout(jccEditor)).toMatchObject({
    version: { number: 2, baselineVersion: 2 },
    latestBaseline: 2,
    outdated: false,
    reasons: [],
    conflicts: [],
    diff: null,
  });
});

it("names a section the company extends as a conflict when the baseline changes it", async () => {
  // JCC Software appends its own sentence to "cookies".
  const sentence = "Cookies van derden plaatsen wij alleen met uw toestemming.";
  await publishBaseline((baseline) => {
    const cookies = section(baseline, "cookies");
    cookies.body.nl += ` ${sentence}`;
    cookies.body.en += " We place third-party cookies only with your consent.";
  }, "Cookies van derden");

  const status = await readRollout(jccEditor);
  expect(status.outdated).toBe(true);
  expect(status.clean).toBe(false);
  expect(status.conflicts).toContainEqual({
    section: "cookies",
    reason: "the baseline changed this section, which the company extended",
  });
  const cookies = status.diff!.sections.find((s) => s.key === "cookies")!;
  expect(cookies.status).toBe("changed");
  expect(cookies.diff.parts.some((p) => p.op === "added" && p.text.includes(sentence))).toBe(true);
});

it("answers another company's editor 404, exactly like a company that does not exist", async () => {
  const other = await rolloutOf(dqEditor);
  expect(other.status).toBe(404);
  const missing = await rolloutOf(dqEditor, "bestaat-niet");
  expect(missing.status).toBe(404);
  const { error } = await readError(other);
  expect(error).toEqual({
    status: 404,
    code: "tenant_not_found",
    message: 'Conxillium has no company "jcc-software".',
  });
  expect((await readError(missing)).error.code).toBe("tenant_not_found");
  // Their own company answers, and nobody signed in gets anything.
  expect((await readRollout(dqEditor, "dataquint")).tenant.slug).toBe("dataquint");
  expect((await rolloutOf(apiAs())).status).toBe(401);
});
