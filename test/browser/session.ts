// What every browser test file needs: one Chromium for the file, a fresh browser profile (own
// cookies) per page with CSP violations and uncaught page errors collected and checked after each
// test, and signing the demo people in — over the API, or through the console's sign-in form.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import { launchChromium } from "./chromium.ts";

/** The password of every demo account (worker/demo-seed.ts). */
export const DEMO_PASSWORD = "verklaring-demo";

export type Viewport = { width: number; height: number };

/** Signs the page's (or context's) browser profile in over the API: the form has its own tests. */
export async function signIn(
  target: Page | BrowserContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  const response = await target.request.post(`${inject("baseURL")}/api/auth/login`, {
    data: { email, password },
  });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
}

/** Fills in the console's sign-in form (the page must show it) and sends it. */
export async function submitSignInForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

export interface BrowserSession {
  /** A new browser profile, closed after the test. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** Collects the page's CSP violations and uncaught errors; each test must end with none. */
  watch: (page: Page) => void;
  /** A page in a fresh browser profile, watched. */
  freshPage: (viewport?: Viewport, options?: BrowserContextOptions) => Promise<Page>;
  /** A page in a fresh browser profile, signed in as `email` over the API. */
  signedIn: (email: string, viewport?: Viewport, options?: BrowserContextOptions) => Promise<Page>;
}

/**
 * Sets up the file's Chromium (and closes it after the file), and after each test closes that
 * test's browser profiles and fails the test on any CSP violation or page error. Call once, at the
 * top of a test file.
 */
export function useBrowser(defaults: { viewport: Viewport; launchTimeout?: number }): BrowserSession {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  }, defaults.launchTimeout);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(cspViolations.splice(0)).toEqual([]);
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const session: BrowserSession = {
    async newContext(options) {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context;
    },
    watch(page) {
      page.on("console", (msg) => {
        if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
      });
      page.on("pageerror", (error) => pageErrors.push(error.message));
    },
    async freshPage(viewport = defaults.viewport, options = {}) {
      const context = await session.newContext({ ...options, viewport });
      const page = await context.newPage();
      session.watch(page);
      return page;
    },
    async signedIn(email, viewport, options) {
      const page = await session.freshPage(viewport, options);
      await signIn(page, email);
      return page;
    },
  };
  return session;
}

/**
 * Holds every request to `pattern` until `release()`, counting them: the busy state of a form can
 * then be seen (and clicked again) while the server is still working.
 */
export async function holdRequests(
  page: Page,
  pattern: string,
): Promise<{ sent: () => number; release: () => void }> {
  let release = (): void => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let count = 0;
  await page.route(pattern, async (route) => {
    count++;
    await held;
    await route.continue();
  });
  return { sent: () => count, release: () => release() };
}
