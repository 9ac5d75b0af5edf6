// The site monitor (issue 19) in a real Chromium: the marker the <privacy-statement> component puts
// on its element, and an editor watching a page of the company's own website — served here by the
// test — that is current, then outdated after a publish, with both versions named, on the embed
// page and on the privacy lead's dashboard. Uses JCC Software (read only) and DataQuint (one publish).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterEach, expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import { useBrowser } from "./session.ts";

const base = inject("baseURL");
const DATAQUINT_EMBED = "/console/conxillium/companies/dataquint/embed";

const { freshPage, signedIn } = useBrowser({ viewport: { width: 1024, height: 800 } });
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Serves `page()` (read at every request) at every path of a fresh local port. */
async function serveWebsite(page: () => string): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(page());
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The marker on the first line of a company's fragment: the version in force and its content hash. */
async function markerOf(
  page: Page,
  company: string,
  lang: string,
): Promise<{ version: string; hash: string }> {
  const response = await page.request.get(
    `${base}/v1/statements/conxillium/${company}?fragment&lang=${lang}`,
  );
  expect(response.status()).toBe(200);
  const match = /data-verklaring-version="(\d+)" data-verklaring-hash="([0-9a-f]{64})"/.exec(
    await response.text(),
  );
  expect(match, `the marker in ${company}'s fragment`).not.toBeNull();
  return { version: match![1]!, hash: match![2]! };
}

const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

it("puts the version and content hash the component shows on the <privacy-statement> element", async () => {
  const page = await freshPage();
  const expected = await markerOf(page, "jcc-software", "nl");
  const host = await serveWebsite(
    () => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>JCC – privacy</title></head>
<body><main>
<script type="module" src="${base}/embed.js"></script>
<privacy-statement id="jcc" group="conxillium" company="jcc-software" lang="nl"></privacy-statement>
<privacy-statement id="none" group="conxillium" company="bestaat-niet" lang="nl"></privacy-statement>
</main></body></html>`,
  );
  await page.addInitScript(() => {
    const loads: unknown[] = [];
    (globalThis as unknown as { loads: unknown[] }).loads = loads;
    document.addEventListener("privacy-statement-load", (event) =>
      loads.push((event as CustomEvent<unknown>).detail),
    );
  });
  await page.goto(`${host}/privacy`);
  const element = page.locator("#jcc");
  await element.locator("h1").waitFor();
  const marker = async () => ({
    version: await element.getAttribute("data-verklaring-version"),
    hash: await element.getAttribute("data-verklaring-hash"),
  });
  expect(await marker()).toEqual(expected);
  // The load event says the same, for a page's own script.
  expect(await page.evaluate(() => (globalThis as unknown as { loads: unknown[] }).loads)).toEqual([
    {
      url: `${base}/v1/statements/conxillium/jcc-software?fragment&lang=nl`,
      language: "nl",
      ...expected,
      version: Number(expected.version),
    },
  ]);

  // Another language is another rendering: its own hash.
  const english = await markerOf(page, "jcc-software", "en");
  await page.evaluate(() => document.querySelector("#jcc")!.setAttribute("lang", "en"));
  await page.waitForFunction(
    (hash) => document.querySelector("#jcc")!.getAttribute("data-verklaring-hash") === hash,
    english.hash,
  );
  expect(await marker()).toEqual(english);

  // A statement that could not be loaded claims no version.
  await page.locator("#none").locator("[part~='error']").waitFor();
  expect(await page.locator("#none").getAttribute("data-verklaring-version")).toBeNull();
  expect(await page.locator("#none").getAttribute("data-verklaring-hash")).toBeNull();
});

it("lets an editor watch a page of the company's website: current, then outdated after a publish, both versions named", async () => {
  const editor = await signedIn("editor@dataquint.example");
  // DataQuint's website includes the fragment on its server, as fetched today.
  const fragment = await (
    await editor.request.get(`${base}/v1/statements/conxillium/dataquint?fragment&lang=nl`)
  ).text();
  const shown = Number(/data-verklaring-version="(\d+)"/.exec(fragment)?.[1]);
  expect(shown).toBeGreaterThan(0);
  const website = await serveWebsite(
    () => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>DataQuint – privacy</title></head>
<body><header>DataQuint</header><main>${fragment}</main></body></html>`,
  );
  const address = `${website}/privacy`;

  await editor.goto(`${base}${DATAQUINT_EMBED}`);
  await editor.getByRole("heading", { level: 1, name: "DataQuint op de website" }).waitFor();
  await editor.getByRole("heading", { level: 2, name: "Controle op websites" }).waitFor();

  // The address is checked in the browser with the API's own schema before anything is sent.
  const field = editor.getByLabel("Adres van de pagina");
  await field.fill("http://www.dataquint.example/privacy");
  await editor.getByRole("button", { name: "Pagina toevoegen" }).click();
  await editor.getByText("Gebruik een https://-adres op het openbare internet").waitFor();
  expect(await field.getAttribute("aria-invalid")).toBe("true");

  await field.fill(address);
  await editor.getByRole("radio", { name: /Ingevoegd op de server \(fragment\)/ }).check();
  await editor.getByRole("button", { name: "Pagina toevoegen" }).click();
  const item = editor.locator("li.site", { hasText: address });
  await item.locator(".site-status").getByText("Nog niet gecontroleerd").waitFor();
  expect(await field.inputValue()).toBe("");

  // "Check now": the page shows the version in force.
  const checkNow = item.getByRole("button", { name: /^Nu controleren\b/ });
  await checkNow.click();
  const firstCheck = Date.now();
  const status = item.locator(".site-status");
  await status.locator(".site-badge", { hasText: "Actueel" }).waitFor();
  expect(await status.textContent()).toContain(`Toont versie ${shown}, de versie die geldt`);
  await item.getByRole("status").getByText("Zojuist gecontroleerd: Actueel.").waitFor();
  await checkScreen(editor, "monitor-current");

  // DataQuint publishes a new version; its website still includes the old fragment.
  const api = `${base}/api/groups/conxillium/tenants/dataquint`;
  const draft = await editor.request.get(`${api}/draft`);
  const { content } = (await draft.json()) as { content: { profile: { phone: string } } };
  content.profile.phone = `+31 38 ${String(Date.now()).slice(-7)}`;
  const saved = await editor.request.put(`${api}/draft`, {
    data: { content },
    headers: { "If-Match": draft.headers()["etag"] ?? "" },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const published = await editor.request.post(`${api}/publish`, {
    data: { changeNote: "Nieuw telefoonnummer (monitortest).", material: false },
  });
  expect(published.status(), "DataQuint publishes directly unless a test left approval required on").toBe(
    201,
  );
  const inForce = shown + 1;
  expect(Number((await markerOf(editor, "dataquint", "nl")).version)).toBe(inForce);

  // A page is checked by hand at most once every 10 seconds.
  await editor.waitForTimeout(Math.max(0, firstCheck + 10_500 - Date.now()));
  await checkNow.click();
  await status.locator(".site-badge", { hasText: "Verouderd" }).waitFor();
  const today = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long" }).format(new Date());
  const todayInEnglish = new Intl.DateTimeFormat("en-GB", { dateStyle: "long" }).format(new Date());
  expect(await status.textContent()).toContain(
    `Toont versie ${shown}, maar versie ${inForce} geldt sinds ${today}`,
  );

  // The history: the outdated finding above the current one.
  await item.getByRole("button", { name: /^Geschiedenis tonen\b/ }).click();
  const rows = item.locator(".site-history-table tbody tr");
  await rows.nth(1).waitFor();
  expect(await rows.count()).toBe(2);
  expect(await rows.locator("td[data-label='Status']").allTextContents()).toEqual(["Verouderd", "Actueel"]);
  await checkScreen(editor, "monitor-outdated");

  // At 375 px nothing scrolls sideways; in English both versions are named too.
  await editor.setViewportSize({ width: 375, height: 740 });
  expect(await horizontalOverflow(editor)).toBeLessThanOrEqual(0);
  await checkScreen(editor, "monitor-outdated-phone");
  await editor.getByRole("button", { name: "EN", exact: true }).click();
  await status.locator(".site-badge", { hasText: "Outdated" }).waitFor();
  expect(await status.textContent()).toContain(
    `Shows version ${shown}, but version ${inForce} has been in force`,
  );
  await checkScreen(editor, "monitor-outdated-phone-en");

  // The privacy lead's dashboard: DataQuint's page, with the counts and when it was checked.
  const lead = await signedIn("lead@conxillium.example");
  await lead.goto(`${base}/console/conxillium`);
  await lead.getByRole("heading", { level: 1, name: "Conxillium" }).waitFor();
  const overview = lead.locator("section.site-status-overview");
  await overview.getByRole("heading", { level: 2, name: "Websites" }).waitFor();
  const company = overview.locator("li.site-company[data-company='dataquint']");
  await company.getByText("0 van 1 pagina's actueel").waitFor();
  expect(await company.locator(".site-meta").first().textContent()).toMatch(
    new RegExp(`versie ${inForce} geldt · laatste controle`),
  );
  const page = company.locator("li.site", { hasText: address });
  await page.locator(".site-badge", { hasText: "Verouderd" }).waitFor();
  expect(await page.locator(".site-status").textContent()).toContain(
    `Toont versie ${shown}, maar versie ${inForce} geldt sinds ${today}`,
  );
  await checkScreen(lead, "monitor-dashboard");
  await lead.setViewportSize({ width: 375, height: 740 });
  expect(await horizontalOverflow(lead)).toBeLessThanOrEqual(0);

  // The group's AVG report names the page that does not show the version in force.
  await lead.setViewportSize({ width: 1024, height: 800 });
  await lead.goto(`${base}/console/conxillium/report`);
  await lead.getByRole("heading", { level: 1, name: "AVG-rapport" }).waitFor();
  const details = lead.locator("details.report-company-details", { hasText: "DataQuint" });
  await details.locator("summary").click();
  await details.getByText("0 van 1 pagina's tonen de versie die geldt").waitFor();
  expect(await details.locator("li", { hasText: address }).textContent()).toBe(
    `${address}: Verouderd (toont versie ${shown}; versie ${inForce} geldt sinds ${today})`,
  );
  await checkScreen(lead, "monitor-report");
  // The group's total among the report's figures (other tests may watch pages of their own).
  expect(
    await lead
      .locator("ul.report-summary li", { hasText: "webpagina's tonen de versie die geldt" })
      .textContent(),
  ).toMatch(/^\d+\/[1-9]\d* webpagina's tonen de versie die geldt$/);
  // At 375 px the long address wraps instead of widening the page; in English the same is said.
  await lead.setViewportSize({ width: 375, height: 740 });
  expect(await horizontalOverflow(lead)).toBeLessThanOrEqual(0);
  await lead.getByRole("button", { name: "EN", exact: true }).click();
  await details.getByText("0 of 1 pages show the version in force").waitFor();
  expect(await details.locator("li", { hasText: address }).textContent()).toBe(
    `${address}: Outdated (shows version ${shown}; version ${inForce} in force since ${todayInEnglish})`,
  );
  await checkScreen(lead, "monitor-report-phone-en");

  // The editor stops watching the page; what the checks found stays in the record.
  await editor.getByRole("button", { name: "NL", exact: true }).click();
  await item.getByRole("button", { name: /^Niet meer controleren\b/ }).click();
  await item.getByRole("button", { name: "Ja, niet meer controleren" }).click();
  await item.waitFor({ state: "detached" });
  const list = await editor.request.get(`${api}/sites`);
  const { pages } = (await list.json()) as { pages: { url: string }[] };
  expect(pages.map((p) => p.url)).not.toContain(address);
}, 90_000);
