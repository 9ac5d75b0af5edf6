// The marker the site monitor reads (issue 19), pinned in every form Verklaring delivers: the
// fragment a server includes, the page (which is also what an iframe shows), numbered and current,
// in every language — and the page's Content-Security-Policy still allows exactly its one style.
// (The web component copies the marker onto its element: test/browser/monitor.test.ts.)
import { env, exports } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import { renderHtmlFragment, renderHtmlPage, resolveStatement } from "#shared/engine.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { findGroupBySlug } from "../db/groups.ts";
import { findLatestBaselineVersion } from "../db/baselines.ts";
import { ORIGIN } from "../test/clients.ts";
import { demoContent, publishAt } from "../test/fixtures.ts";

const BASE = `${ORIGIN}/v1/statements/conxillium/geotax`;
let version: { number: number; contentHash: string };

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  const content = demoContent("geotax");
  content.profile.phone = "+31 50 111 2222";
  version = await publishAt(env.DB, "conxillium", "geotax", content, "2026-02-01T10:00:00.000Z");
});

const get = async (url: string) => {
  const res = await exports.default.fetch(new Request(url));
  expect(res.status, url).toBe(200);
  return { body: await res.text(), csp: res.headers.get("Content-Security-Policy") ?? "" };
};

const sha256Base64 = async (text: string): Promise<string> =>
  btoa(
    String.fromCharCode(
      ...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))),
    ),
  );

it("marks the fragment's article with the version number and content hash", async () => {
  for (const url of [
    `${BASE}?fragment&lang=nl`,
    `${BASE}?fragment&lang=en`,
    `${BASE}/versions/${version.number}?fragment`,
  ]) {
    const { body } = await get(url);
    expect(body.split("\n")[0], url).toMatch(
      new RegExp(
        `^<article class="vk-statement" lang="(nl|en)" data-verklaring-version="${version.number}" data-verklaring-hash="${version.contentHash}">$`,
      ),
    );
    // Nothing else of a page: a fragment carries no <meta> and no script.
    expect(body).not.toMatch(/<(meta|script|style)\b/);
  }
});

it("marks the page (what the iframe shows) in its head and on its article, and its CSP still allows its one style", async () => {
  for (const url of [`${BASE}?lang=nl`, `${BASE}.html?lang=en`, `${BASE}/versions/${version.number}.html`]) {
    const { body, csp } = await get(url);
    const head = body.slice(0, body.indexOf("</head>"));
    expect(head).toContain(`<meta name="verklaring:version" content="${version.number}">`);
    expect(head).toContain(`<meta name="verklaring:hash" content="${version.contentHash}">`);
    expect(body).toContain(
      `data-verklaring-version="${version.number}" data-verklaring-hash="${version.contentHash}"`,
    );
    const styles = [...body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(csp).toContain(`style-src 'sha256-${await sha256Base64(styles[0]!)}'`);
  }
});

it("the older version keeps its own number and hash", async () => {
  const versions = await (
    await exports.default.fetch(new Request(`${BASE}/versions`))
  ).json<{
    versions: { number: number; contentHash: string }[];
  }>();
  const first = versions.versions.find((v) => v.number === 1)!;
  const { body } = await get(`${BASE}/versions/1?fragment`);
  expect(body).toContain(`data-verklaring-version="1" data-verklaring-hash="${first.contentHash}"`);
});

it("puts no marker in a preview, which is no published version", async () => {
  const group = (await findGroupBySlug(env.DB, "conxillium"))!;
  const baseline = (await findLatestBaselineVersion(env.DB, group.id))!;
  const statement = resolveStatement(
    baseline.baseline,
    { group: group.group, slug: "geotax", content: demoContent("geotax") },
    "nl",
  );
  expect(renderHtmlFragment(statement, null)).not.toContain("data-verklaring");
  expect(renderHtmlPage(statement, null)).not.toMatch(/data-verklaring|name="verklaring:/);
});
