// Signing in to the console and out again, in a real Chromium against the real worker.
// Careful: five failed sign-ins for one account from one address close that door for 15 minutes,
// and all of these tests come from the same address. This file fails one sign-in on purpose.
import type { Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import { DEMO_PASSWORD as PASSWORD, holdRequests, signIn, submitSignInForm, useBrowser } from "./session.ts";

const base = inject("baseURL");
const { freshPage } = useBrowser({ viewport: { width: 1024, height: 700 } });

const pathOf = (page: Page): string => new URL(page.url()).pathname;
const meStatus = (page: Page): Promise<number> =>
  page.evaluate(async () => (await fetch("/api/me", { headers: { Accept: "application/json" } })).status);
const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

it("sends a signed-out visitor to sign in, signs in through the form, stays signed in, signs out", async () => {
  const page = await freshPage();
  const first = await page.goto(`${base}/console`);
  // The console's HTML comes from the static assets, with HSTS like every page of the site.
  expect(first?.headers()["strict-transport-security"]).toMatch(/max-age=\d{8}/);
  await page.waitForURL((url) => url.pathname === "/sign-in");
  expect(new URL(page.url()).searchParams.get("redirect")).toBe("/console");
  await page.getByRole("status").filter({ hasText: "Log in om verder te gaan." }).waitFor();
  await checkScreen(page, "console-sign-in");

  await submitSignInForm(page, "editor@jccsoftware.example");

  await page.waitForURL((url) => url.pathname === "/console");
  await page.getByRole("heading", { level: 1, name: "Welkom, Jeroen Claassen" }).waitFor();
  const main = page.locator("main");
  await main.getByRole("link", { name: "Openbare privacyverklaring van JCC Software" }).waitFor();
  expect(await main.textContent()).toContain("redacteur");
  expect(await main.textContent()).not.toContain("DataQuint");
  const statementLink = main.getByRole("link", { name: "Openbare privacyverklaring van JCC Software" });
  expect(await statementLink.getAttribute("href")).toBe("/v1/statements/conxillium/jcc-software");
  const account = page.getByRole("navigation", { name: "Account" });
  await account.getByText("Jeroen Claassen").waitFor();
  await checkScreen(page, "console-signed-in");

  // The session is a cookie: a reload keeps it.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Welkom, Jeroen Claassen" }).waitFor();
  expect(await meStatus(page)).toBe(200);

  await account.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  await page.getByRole("status").filter({ hasText: "Je bent uitgelogd." }).waitFor();
  await account.waitFor({ state: "detached" });
  expect(await meStatus(page)).toBe(401);
  await page.goto(`${base}/`);
  await account.getByRole("link", { name: "Inloggen" }).waitFor();

  // And the console is closed again.
  await page.goto(`${base}/console`);
  await page.waitForURL((url) => url.pathname === "/sign-in");
});

it("shows the API's answer to a wrong password in the alert region and stays on the sign-in page", async () => {
  const page = await freshPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("E-mailadres").fill("viewer@jccsoftware.example");
  await page.getByLabel("Wachtwoord", { exact: true }).fill("not-the-password");
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/login"),
    page.getByRole("button", { name: "Inloggen" }).click(),
  ]);
  expect(response.status()).toBe(401);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_credentials");

  const alert = page.getByRole("alert");
  await alert.filter({ hasText: "Het e-mailadres of het wachtwoord klopt niet." }).waitFor();
  expect(pathOf(page)).toBe("/sign-in");
  expect(await page.getByRole("button", { name: "Inloggen" }).getAttribute("aria-disabled")).toBe("false");
  expect(await meStatus(page)).toBe(401);
  await checkScreen(page, "console-sign-in-wrong-password");
});

it("checks the fields before sending, and ties each message to its field", async () => {
  const page = await freshPage();
  await page.goto(`${base}/sign-in`);
  let loginRequests = 0;
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/auth/login") loginRequests++;
  });
  await page.getByLabel("E-mailadres").fill("geen-adres");
  await page.getByRole("button", { name: "Inloggen" }).click();

  const email = page.getByLabel("E-mailadres");
  await page.locator("#email-error").waitFor();
  expect(await email.getAttribute("aria-invalid")).toBe("true");
  expect(await email.getAttribute("aria-describedby")).toBe("email-error");
  expect(await page.locator("#email-error").textContent()).toContain("geldig e-mailadres");
  const password = page.getByLabel("Wachtwoord", { exact: true });
  expect(await password.getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator("#password-error").textContent()).toContain("verplicht");
  // The first wrong field gets the focus, so its message is read out.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("email");
  expect(loginRequests).toBe(0);
});

it("shows the sign-in busy until the console opens, and a second click sends nothing more", async () => {
  const page = await freshPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("E-mailadres").fill("viewer@jccsoftware.example");
  await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
  const login = await holdRequests(page, "**/api/auth/login");
  await page.getByRole("button", { name: "Inloggen" }).click();
  const busy = page.getByRole("button", { name: "Bezig met inloggen…" });
  await busy.waitFor();
  expect(await busy.getAttribute("aria-disabled")).toBe("true");
  expect(await page.locator("form", { has: busy }).getAttribute("aria-busy")).toBe("true");
  await busy.click({ force: true }); // aria-disabled: Playwright would wait for it to be enabled
  login.release();
  await page.waitForURL((url) => url.pathname.startsWith("/console/"));
  expect(login.sent()).toBe(1);
});

it("signs in with the keyboard only: Tab to the fields, type, Enter", async () => {
  const page = await freshPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("E-mailadres").waitFor();
  const focused = () => page.evaluate(() => document.activeElement?.id ?? "");
  for (let i = 0; i < 10 && (await focused()) !== "email"; i++) await page.keyboard.press("Tab");
  expect(await focused()).toBe("email");
  await page.keyboard.type("editor@dataquint.example");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("password");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");

  // Signed in without a page to return to: an editor of one company lands in that company.
  await page.waitForURL((url) => url.pathname === "/console/conxillium/companies/dataquint");
  await page.getByRole("heading", { level: 1, name: "DataQuint: gegevens en teksten" }).waitFor();
  await page.getByRole("navigation", { name: "Account" }).getByText("Daan Quint").waitFor();
  const text = await page.getByRole("navigation", { name: /^Conxillium/ }).textContent();
  expect(text).toContain("DataQuint");
  expect(text).not.toContain("JCC Software");
});

it("works on a 375 px phone", async () => {
  const page = await freshPage({ width: 375, height: 740 });
  await page.goto(`${base}/sign-in?redirect=/console`);
  await page.getByLabel("E-mailadres").fill("lead@conxillium.example");
  await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await checkScreen(page, "console-sign-in-phone");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Welkom, Lotte de Leeuw" }).waitFor();
  const main = page.locator("main");
  await main.getByRole("link", { name: "Openbare privacyverklaring van DataQuint" }).waitFor();
  // A group admin sees every company of the group.
  expect(await main.getByRole("link", { name: /^Openbare privacyverklaring van / }).count()).toBe(8);
  expect(await main.textContent()).toContain("alle bedrijven");
  expect(await main.textContent()).toContain("privacyfunctionaris van de groep");
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await checkScreen(page, "console-phone");
});

it("ignores a redirect to another site after signing in", async () => {
  const page = await freshPage();
  await page.goto(`${base}/sign-in?redirect=//evil.example/steal`);
  await submitSignInForm(page, "viewer@jccsoftware.example");
  await page.waitForURL((url) => url.pathname === "/console");
  expect(new URL(page.url()).origin).toBe(new URL(base).origin);
  await page.getByRole("heading", { level: 1, name: "Welkom, Vera Jansen" }).waitFor();
  expect(await page.locator("main").textContent()).toContain("meelezer");
});

it("signs out everywhere: another browser with the same account is signed out too", async () => {
  const first = await freshPage();
  const second = await freshPage();
  for (const page of [first, second]) {
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, "editor@jccsoftware.example");
    await page.waitForURL((url) => url.pathname === "/console/conxillium/companies/jcc-software");
  }
  // Signing out everywhere sits on the overview, which the user's name in the header opens.
  await first
    .getByRole("navigation", { name: "Account" })
    .getByRole("link", { name: "Jeroen Claassen" })
    .click();
  await first.getByRole("heading", { level: 1, name: /^Welkom/ }).waitFor();
  await first.getByRole("button", { name: "Overal uitloggen" }).click();
  await first.waitForURL((url) => url.pathname === "/sign-in");
  await first.getByRole("status").filter({ hasText: "op al je apparaten" }).waitFor();
  expect(await meStatus(second)).toBe(401);
  await second.reload();
  await second.waitForURL((url) => url.pathname === "/sign-in");
});

interface CreatedInvitation {
  token: string;
  acceptUrl: string;
}

/** The lead signs in over the API (in a browser profile of their own) and invites `email`. */
async function inviteAsLead(body: { email: string; role: string; tenant?: string }): Promise<string> {
  const lead = await freshPage();
  await signIn(lead, "lead@conxillium.example");
  const created = await lead.request.post(`${base}/api/groups/conxillium/invitations`, { data: body });
  expect(created.status()).toBe(201);
  const { acceptUrl, token } = (await created.json()) as CreatedInvitation;
  expect(new URL(acceptUrl).hash).toBe(`#token=${token}`);
  return acceptUrl;
}

it("accepts an invitation as a new user, then the link is used up", async () => {
  const acceptUrl = await inviteAsLead({
    email: "nieuw@jccsoftware.example",
    role: "tenant_editor",
    tenant: "jcc-software",
  });
  const page = await freshPage();
  await page.goto(acceptUrl);
  await page.getByText("Je bent uitgenodigd als redacteur van JCC Software binnen Conxillium.").waitFor();
  await checkScreen(page, "console-invitation");

  await page.getByLabel("Je naam").fill("Nina Nieuw");
  await page.getByLabel("Nieuw wachtwoord").fill("een-lang-wachtwoord");
  await page.getByLabel("Herhaal het wachtwoord").fill("een-ander-wachtwoord");
  await page.getByRole("button", { name: "Uitnodiging accepteren" }).click();
  await page.locator("#confirm-error").filter({ hasText: "niet gelijk" }).waitFor();
  expect(await page.getByLabel("Herhaal het wachtwoord").getAttribute("aria-invalid")).toBe("true");

  await page.getByLabel("Herhaal het wachtwoord").fill("een-lang-wachtwoord");
  // While the server works the button says so and a second click sends nothing more.
  const accepting = await holdRequests(page, "**/api/invitations/accept");
  await page.getByRole("button", { name: "Uitnodiging accepteren" }).click();
  const busy = page.getByRole("button", { name: "Bezig met accepteren…" });
  await busy.waitFor();
  expect(await busy.getAttribute("aria-disabled")).toBe("true");
  expect(await page.locator("form", { has: busy }).getAttribute("aria-busy")).toBe("true");
  await busy.click({ force: true }); // aria-disabled: Playwright would wait for it to be enabled
  accepting.release();
  // A new editor of one company lands in that company, signed in as themselves.
  await page.waitForURL((url) => url.pathname === "/console/conxillium/companies/jcc-software");
  await page.getByRole("heading", { level: 1, name: "JCC Software: gegevens en teksten" }).waitFor();
  await page.getByRole("navigation", { name: "Account" }).getByText("Nina Nieuw").waitFor();
  expect(await page.locator("main").textContent()).toContain("JCC Software");
  expect(accepting.sent()).toBe(1);

  // The same link a second time: the API's answer and a way to sign in.
  await page.goto(acceptUrl);
  await page.getByRole("alert").filter({ hasText: "al gebruikt" }).waitFor();
  await page.locator("main").getByRole("link", { name: "Log dan in" }).waitFor();
});

/** An account of the test's own, made through a first invitation: the demo accounts' access is
 * what the other test files rely on, so none of them gets a second role here. */
async function existingAccount(prefix: string): Promise<{ email: string; password: string }> {
  const email = `${prefix}-${Date.now().toString(36)}@geotax.example`;
  const password = "een-bestaand-wachtwoord";
  const first = await inviteAsLead({ email, role: "tenant_editor", tenant: "geotax" });
  const creator = await freshPage();
  const created = await creator.request.post(`${base}/api/invitations/accept`, {
    data: { token: new URL(first).hash.slice("#token=".length), name: "Bas Bestaand", password },
  });
  expect(created.status()).toBe(200);
  return { email, password };
}

it("lets an existing account accept by signing in on the invitation page, never by a password on the accept itself", async () => {
  const { email, password } = await existingAccount("bestaand");
  const acceptUrl = await inviteAsLead({ email, role: "tenant_viewer", tenant: "jcc-software" });
  const page = await freshPage({ width: 375, height: 740 });
  await page.goto(acceptUrl);
  await page.getByText("Je bent uitgenodigd als meelezer van JCC Software binnen Conxillium.").waitFor();
  // The page cannot tell whether the address has an account (the API does not say): it offers
  // a new account first. Filling that in for an existing address leads to signing in instead.
  await page.getByLabel("Je naam").fill("Iemand Anders");
  await page.getByLabel("Nieuw wachtwoord").fill("een-gok-van-iemand");
  await page.getByLabel("Herhaal het wachtwoord").fill("een-gok-van-iemand");
  const [refused] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === "/api/invitations/accept"),
    page.getByRole("button", { name: "Uitnodiging accepteren" }).click(),
  ]);
  expect(refused.status()).toBe(409);
  await page
    .getByRole("status")
    .filter({ hasText: `${email} heeft al een account` })
    .waitFor();
  expect(await page.getByLabel("Je naam").count()).toBe(0);
  expect(await page.getByLabel("Herhaal het wachtwoord").count()).toBe(0);
  expect(await meStatus(page)).toBe(401);
  await page.getByLabel("Wachtwoord van je account").fill(password);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await checkScreen(page, "console-invitation-existing-account");
  await page.getByRole("button", { name: "Inloggen en accepteren" }).click();
  await page.getByRole("heading", { level: 1, name: "Welkom, Bas Bestaand" }).waitFor();
  const text = await page.locator("main").textContent();
  expect(text).toContain("GeoTax");
  expect(text).toContain("JCC Software");
  expect(text).toContain("meelezer");
});

it("accepts with one click for the invited account that is already signed in", async () => {
  const { email, password } = await existingAccount("ingelogd");
  const acceptUrl = await inviteAsLead({ email, role: "tenant_viewer", tenant: "dataquint" });
  const page = await freshPage();
  await signIn(page, email, password);
  await page.goto(acceptUrl);
  await page.getByText("Je bent uitgenodigd als meelezer van DataQuint binnen Conxillium.").waitFor();
  expect(await page.getByLabel("Wachtwoord van je account").count()).toBe(0);
  expect(await page.getByLabel("Nieuw wachtwoord").count()).toBe(0);
  await checkScreen(page, "console-invitation-signed-in");
  await page.getByRole("button", { name: `Accepteren als ${email}` }).click();
  await page.getByRole("heading", { level: 1, name: "Welkom, Bas Bestaand" }).waitFor();
  expect(await page.locator("main").textContent()).toContain("DataQuint");
});

it("explains an invitation link that is not valid", async () => {
  const page = await freshPage();
  await page.goto(`${base}/invite#token=${"a".repeat(32)}`);
  await page.getByRole("alert").filter({ hasText: "niet geldig" }).waitFor();
  await checkScreen(page, "invitation-not-valid");
  await page.goto(`${base}/invite`);
  await page.getByRole("alert").filter({ hasText: "geen uitnodiging" }).waitFor();
});
