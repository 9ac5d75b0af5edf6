// The API description and the public endpoint's reference as a developer reaches them on a running
// Verklaring (wrangler dev, console built): static assets in front of the Worker, in a real Chromium.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import { launchChromium } from "./chromium.ts";

const base = inject("baseURL");
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 375, height: 740 } });
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
});

afterAll(async () => {
  await browser?.close();
});

it("serves /openapi.json as the committed OpenAPI document, readable from any origin", async () => {
  const res = await fetch(`${base}/openapi.json`, { headers: { Origin: "https://www.jccsoftware.example" } });
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json(;|$)/);
  expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
  expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  const committed: unknown = JSON.parse(await readFile("web/public/openapi.json", "utf8"));
  expect(await res.json()).toEqual(committed);
});

it("shows /docs styled under its strict CSP, readable on a 375 px phone", async () => {
  const response = await page.goto(`${base}/docs`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toMatch(/^default-src 'none'; style-src 'sha256-/);
  await expect(page.title()).resolves.toBe("Verklaring public endpoint");
  await expect(page.locator("h2 code").allTextContents()).resolves.toContain(
    "GET /v1/statements/{group}/{tenant}",
  );
  // The stylesheet is allowed by its hash (no violation) and applied.
  expect(cspViolations).toEqual([]);
  const fontFamily = await page.locator("body").evaluate((el) => getComputedStyle(el).fontFamily);
  expect(fontFamily).not.toBe('"Times New Roman"');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await checkScreen(page, "api-docs-phone");
  // Its links work wherever it is served: the example statement and the document.
  await page.getByRole("link", { name: "/openapi.json" }).click();
  await page.waitForURL(`${base}/openapi.json`);
});
