// A visitor of JCC Software's website opening its privacy statement, in a real Chromium.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { launchChromium } from "./chromium.ts";
import { checkScreen } from "./a11y.ts";

const base = inject("baseURL");
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
});

afterAll(async () => {
  await browser?.close();
});

it("shows JCC Software's statement with its title, sections and a working table of contents", async () => {
  const response = await page.goto(`${base}/v1/statements/conxillium/jcc-software`);
  expect(response?.status()).toBe(200);
  await expect(page.title()).resolves.toBe("Privacyverklaring JCC Software");
  expect(await page.locator("h1").allTextContents()).toEqual(["Privacyverklaring JCC Software"]);

  const headings = await page.locator("section h2").allTextContents();
  expect(headings).toEqual(
    expect.arrayContaining(["Welke gegevens verwerken wij?", "Bewaartermijn", "Uw rechten"]),
  );
  const tocLinks = page.locator("nav a[href^='#']");
  expect(await tocLinks.allTextContents()).toEqual(headings);

  // The data categories JCC added are listed in its section.
  await expect(page.locator("#vk-data_categories").textContent()).resolves.toContain("Locatiegegevens");

  // Following a contents link scrolls its section into view.
  const rights = page.locator("nav a[href='#vk-rights']");
  await rights.click();
  await page.waitForFunction(() => location.hash === "#vk-rights");
  const box = await page.locator("#vk-rights h2").boundingBox();
  expect(box).not.toBeNull();
  // Scrolled to the top of the viewport; layout may land a fraction of a pixel above 0.
  expect(box!.y).toBeGreaterThan(-1);
  expect(box!.y).toBeLessThan(700);

  // The page's own style is allowed by its CSP (no violation), and it is actually applied.
  expect(cspViolations).toEqual([]);
  const fontFamily = await page.locator("body").evaluate((el) => getComputedStyle(el).fontFamily);
  expect(fontFamily).not.toBe('"Times New Roman"');
  await checkScreen(page, "public-statement-jcc-nl");
});

it("shows the English statement when asked", async () => {
  await page.goto(`${base}/v1/statements/conxillium/jcc-software?lang=en`);
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  expect(await page.locator("h1").textContent()).toBe("Privacy statement JCC Software");
});

it("reads well on a 375 px phone", async () => {
  const phone = await browser.newPage({ viewport: { width: 375, height: 740 } });
  await phone.goto(`${base}/v1/statements/conxillium/jcc-software`);
  const overflow = await phone.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await checkScreen(phone, "public-statement-jcc-phone");
  await phone.close();
});

it("lists the group's companies on the console start page", async () => {
  await page.goto(`${base}/`);
  await page.getByRole("link", { name: "Conxillium" }).waitFor();
  await checkScreen(page, "home");
  await page.getByRole("link", { name: "Conxillium" }).click();
  await page.getByRole("heading", { level: 1, name: "Conxillium" }).waitFor();
  const companies = await page.locator("tbody th[scope=row]").allTextContents();
  expect(companies).toEqual([
    "BeheerVisie",
    "DataQuint",
    "GeoTax",
    "I-Real",
    "JCC Software",
    "Pharox",
    "Procura",
    "SIM",
  ]);
  await checkScreen(page, "console-group");
  await page.goto(`${base}/no/such/page`);
  await page.getByRole("heading", { name: "Pagina niet gevonden" }).waitFor();
  await checkScreen(page, "not-found");
});
