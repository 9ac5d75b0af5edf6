// The console as a newcomer meets it, in a real Chromium against the real worker: signing in from
// the start page lands the privacy lead on the group dashboard and an editor in their company;
// every company opens in one click; after each navigation the focus is on the new page's heading;
// the English console has no Dutch navigation; and no screen — the console's, the public pages
// and the fragment — scrolls sideways on a 375 px phone, each checked with axe.
// Reads only: other files change the shared database, this one only looks at it.
import type { Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import { signIn, submitSignInForm, useBrowser } from "./session.ts";
import { FRAGMENT_HOST_CSS } from "#shared/render/style.ts";

const base = inject("baseURL");
const GROUP = "conxillium";
const COMPANIES = [
  "BeheerVisie",
  "DataQuint",
  "GeoTax",
  "I-Real",
  "JCC Software",
  "Pharox",
  "Procura",
  "SIM",
];

const { freshPage } = useBrowser({ viewport: { width: 1280, height: 900 } });

/** The focused element, as "H1: its text" (or its tag alone). */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "BODY";
    return el.tagName === "H1" ? `H1: ${el.textContent?.trim() ?? ""}` : el.tagName;
  });

/** After a navigation inside the console: the new page's h1 holds the focus. */
async function expectFocusOnHeading(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await expect.poll(() => focused(page)).toMatch(/^H1: /);
  const text = (await focused(page)).slice("H1: ".length);
  if (typeof heading === "string") expect(text).toBe(heading);
  else expect(text).toMatch(heading);
}

const sidewaysScroll = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

it("lands the privacy lead on the group dashboard after signing in, and opens every company in one click", async () => {
  const page = await freshPage();
  await page.goto(`${base}/`);
  await page.getByRole("link", { name: "Inloggen om te beheren" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  await submitSignInForm(page, "lead@conxillium.example");
  // No address typed: the start page's way in leads to the group the lead looks after.
  await page.waitForURL((url) => url.pathname === `/console/${GROUP}`);
  await expectFocusOnHeading(page, "Conxillium");

  const names = page.locator("table.companies-table tbody th a");
  await names.nth(7).waitFor();
  expect(await names.allTextContents()).toEqual(COMPANIES);
  for (const [index, name] of COMPANIES.entries()) {
    await names.nth(index).click();
    await page.waitForURL((url) => url.pathname.startsWith(`/console/${GROUP}/companies/`));
    await expectFocusOnHeading(page, `${name}: gegevens en teksten`);
    await page.goBack();
    await expectFocusOnHeading(page, "Conxillium");
  }

  // The skip link is the first thing the keyboard reaches on a page, and takes it past the header.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Conxillium" }).waitFor();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Naar de inhoud");
  await page.keyboard.press("Enter");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
}, 120_000);

it("lands an editor in their own company, and someone who works in several places on the chooser", async () => {
  const editor = await freshPage();
  await editor.goto(`${base}/sign-in`);
  await submitSignInForm(editor, "editor@jccsoftware.example");
  await editor.waitForURL((url) => url.pathname === `/console/${GROUP}/companies/jcc-software`);
  await expectFocusOnHeading(editor, "JCC Software: gegevens en teksten");

  // The overview behind the user's name: every company name links to its pages.
  await editor
    .getByRole("navigation", { name: "Account" })
    .getByRole("link", { name: "Jeroen Claassen" })
    .click();
  await expectFocusOnHeading(editor, "Welkom, Jeroen Claassen");
  const company = editor.locator("main").getByRole("link", { name: "JCC Software", exact: true });
  expect(await company.getAttribute("href")).toBe(`/console/${GROUP}/companies/jcc-software`);
  await company.click();
  await expectFocusOnHeading(editor, "JCC Software: gegevens en teksten");

  // An explicit address still wins: signing in from a company's publish page returns there.
  const viewer = await freshPage();
  await viewer.goto(`${base}/console/${GROUP}/companies/jcc-software/versions`);
  await viewer.waitForURL((url) => url.pathname === "/sign-in");
  await submitSignInForm(viewer, "viewer@jccsoftware.example");
  await viewer.waitForURL((url) => url.pathname === `/console/${GROUP}/companies/jcc-software/versions`);
  await viewer.getByRole("heading", { level: 1, name: "JCC Software: versies" }).waitFor();
}, 60_000);

/** Dutch words of the console's navigation; none may show in the English console's navigation. */
const DUTCH_NAVIGATION = [
  "Overzicht",
  "Bedrijven",
  "Basisverklaring",
  "Verwerkers",
  "Goedkeuringen",
  "Mensen",
  "Logboek",
  "Instellingen",
  "Gegevens en teksten",
  "Publiceren",
  "Versies",
  "Importeren",
  "Op de website",
  "Uitloggen",
  "Bedrijfsgegevens",
  "Lijsten",
  "Teksten per onderdeel",
  "Eigen onderdelen",
  "Voorbeeld",
  "Controle",
];

it("has no Dutch navigation in the English console", async () => {
  const page = await freshPage();
  await signIn(page, "lead@conxillium.example");
  await page.goto(`${base}/console/${GROUP}`);
  await page.getByRole("heading", { level: 1, name: "Conxillium" }).waitFor();
  await page.getByRole("button", { name: "EN", exact: true }).click();
  const screens: [string, string | RegExp][] = [
    [`/console/${GROUP}`, "Conxillium"],
    [`/console/${GROUP}/companies`, "Companies"],
    [`/console/${GROUP}/baseline`, "Baseline of Conxillium"],
    [`/console/${GROUP}/requests`, "Publish requests"],
    [`/console/${GROUP}/companies/jcc-software`, "JCC Software: details and texts"],
    [`/console/${GROUP}/companies/jcc-software/publish`, "JCC Software: publish"],
    [`/console/${GROUP}/companies/jcc-software/versions`, "JCC Software: versions"],
  ];
  for (const [path, heading] of screens) {
    await page.goto(`${base}${path}`);
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    const navigation = [
      ...(await page.getByRole("navigation").allTextContents()),
      ...(await page.getByRole("tablist").allTextContents()),
    ].join(" | ");
    for (const word of DUTCH_NAVIGATION)
      expect(navigation.includes(word), `"${word}" in the navigation of ${path}: ${navigation}`).toBe(false);
  }
  // And it is English rather than empty.
  const group = page.getByRole("navigation", { name: "Conxillium: areas" });
  expect(await group.getByRole("link").allTextContents()).toEqual([
    "Overview",
    "Companies",
    "Baseline",
    "Processors",
    "Approvals",
    "GDPR report",
    "People",
    "Audit log",
    "Settings",
    "Details and texts",
    "Publish",
    "Versions",
    "Import",
    "On the website",
  ]);
  await page.getByRole("button", { name: "NL", exact: true }).click();
}, 90_000);

it("fits every screen on a 375 px phone, the public pages and the fragment too, and axe finds nothing serious", async () => {
  const page = await freshPage({ width: 375, height: 740 });
  const visit = async (name: string, heading: string | RegExp | null, alsoFail: string[] = []) => {
    if (heading !== null) await page.getByRole("heading", { level: 1, name: heading }).first().waitFor();
    expect(await sidewaysScroll(page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    await checkScreen(page, `phone-${name}`, alsoFail);
  };

  await page.goto(`${base}/`);
  await visit("start", /Privacyverklaringen van een bedrijvengroep/);
  await page.goto(`${base}/groups/${GROUP}`);
  await visit("group-statements", "Conxillium");
  await page.goto(`${base}/sign-in`);
  await visit("sign-in", "Inloggen");
  await submitSignInForm(page, "lead@conxillium.example");
  await page.waitForURL((url) => url.pathname === `/console/${GROUP}`);
  await visit("dashboard", "Conxillium");

  // Every page of the group, reached through its navigation, with the focus on its heading.
  const areas: [string, string | RegExp][] = [
    ["Basisverklaring", "Basisverklaring van Conxillium"],
    ["Verwerkers", "Verwerkers van Conxillium"],
    ["Goedkeuringen", "Publicatieverzoeken"],
    ["AVG-rapport", /AVG/],
    ["Mensen", "Mensen"],
    ["Logboek", "Logboek"],
    ["Instellingen", "Instellingen van Conxillium"],
  ];
  const nav = page.getByRole("navigation", { name: "Conxillium: onderdelen" });
  for (const [link, heading] of areas) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    await expectFocusOnHeading(page, heading);
    await visit(`group-${link}`, heading);
  }

  // A company's pages.
  await page.goto(`${base}/console/${GROUP}/companies/jcc-software`);
  await visit("company-editor", "JCC Software: gegevens en teksten");
  // The save bar stays small on a phone: most of the screen is the form.
  const bar = await page.locator(".save-bar").boundingBox();
  expect(bar?.height ?? 0).toBeLessThanOrEqual(740 * 0.25);
  const company: [string, string][] = [
    ["Publiceren", "JCC Software: publiceren"],
    ["Versies", "JCC Software: versies"],
    ["Importeren", "Bestaande privacyverklaring importeren"],
    ["Op de website", "JCC Software op de website"],
  ];
  for (const [link, heading] of company) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    await expectFocusOnHeading(page, heading);
    await visit(`company-${link}`, heading);
  }

  // The public pages a visitor opens, and the fragment a website includes.
  await page.goto(`${base}/v1/statements/${GROUP}/jcc-software`);
  await visit("public-statement", "Privacyverklaring JCC Software", ["landmark-unique"]);
  await page.getByRole("link", { name: "English" }).click();
  await visit("public-statement-en", "Privacy statement JCC Software", ["landmark-unique"]);
  await page.goto(`${base}/v1/statements/${GROUP}/jcc-software/changes`);
  await visit("public-changes", "Wat is er veranderd?");
  await page.goto(`${base}/v1/statements/${GROUP}/jcc-software/versions`);
  await visit("public-versions", "Alle versies");
  // The fragment, as a website includes it: in its own page, with the one rule the embed page gives
  // for it (the fragment itself carries no styles, by design).
  const fragment = await page.request.get(`${base}/v1/statements/${GROUP}/jcc-software?fragment`);
  expect(fragment.status()).toBe(200);
  await page.goto("about:blank"); // a page of its own, not under the statement page's CSP
  await page.setContent(
    `<!doctype html><html lang="nl"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Privacy</title><style>${FRAGMENT_HOST_CSS}</style></head><body><main>${await fragment.text()}</main></body></html>`,
  );
  await visit("public-fragment", "Privacyverklaring JCC Software", ["landmark-unique"]);
}, 180_000);

it("shows a visitor of the public page the other language, what changed and every version, the hash folded away", async () => {
  const page = await freshPage();
  await page.goto(`${base}/v1/statements/${GROUP}/jcc-software`);
  const about = page.getByRole("navigation", { name: "Over deze privacyverklaring" });
  const english = about.getByRole("link", { name: "English" });
  expect(await english.getAttribute("hreflang")).toBe("en");
  expect(await about.getByRole("link", { name: "Wat is er veranderd?" }).getAttribute("href")).toBe(
    `/v1/statements/${GROUP}/jcc-software/changes?lang=nl`,
  );
  // The hash is there for whoever checks a copy, but folded away.
  const hash = page.locator("footer details");
  expect(await hash.locator("summary").textContent()).toBe("Controlegetal (SHA-256)");
  expect(await hash.getAttribute("open")).toBeNull();
  expect(await hash.locator("code").textContent()).toMatch(/^[0-9a-f]{64}$/);
  await english.click();
  await page.waitForURL((url) => url.searchParams.get("lang") === "en");
  await page.getByRole("heading", { level: 1, name: "Privacy statement JCC Software" }).waitFor();
  await page
    .getByRole("navigation", { name: "About this privacy statement" })
    .getByRole("link", { name: "Nederlands" })
    .waitFor();
  // Every version as a page, each one a link to the version itself.
  await page.goto(`${base}/v1/statements/${GROUP}/jcc-software`);
  await about.getByRole("link", { name: "Alle versies" }).click();
  await page.getByRole("heading", { level: 1, name: "Alle versies" }).waitFor();
  const listed = page.getByRole("heading", { level: 2 }).getByRole("link", { name: /^Versie \d+$/ });
  expect(await listed.count()).toBeGreaterThan(0);
  const newest = await listed.first().textContent();
  await listed.first().click();
  await page.waitForURL(
    (url) => url.pathname === `/v1/statements/${GROUP}/jcc-software/versions/${newest!.slice(7)}`,
  );
  await page.getByRole("heading", { level: 1, name: "Privacyverklaring JCC Software" }).waitFor();
});
