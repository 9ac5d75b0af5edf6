// An account's own sign-in in a real Chromium against the real worker (issue 18, items 4 and 5):
// it turns on two-step sign-in on its account page — nothing is scanned: the test reads the key
// from the text beside the QR code and computes the codes itself, as an authenticator app would —
// signs out and in with a code, uses a recovery code once; a reset link opens its page once; it
// ends another session and changes its password (the other sessions end); the privacy lead
// requires two steps of everyone and a member sets one up at sign-in; a passkey is added and used
// with Chromium's virtual authenticator (DevTools protocol, WebAuthn domain). axe on every new
// screen, and 375 px without sideways scrolling. Each test makes accounts of its own; the one test
// that changes the demo group's policy puts it back.
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import type { Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import { signIn, submitSignInForm, useBrowser } from "./session.ts";

const base = inject("baseURL");
const { freshPage } = useBrowser({ viewport: { width: 1024, height: 760 } });
const PASSWORD = "een-eigen-wachtwoord-1";
/** As long as a locator waits: each answer may take an argon2id hash on a busy machine. */
const WAIT = { timeout: 30_000 };

const sidewaysScroll = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const meStatus = (page: Page): Promise<number> =>
  page.evaluate(async () => (await fetch("/api/me", { headers: { Accept: "application/json" } })).status);

/** Whether another browser profile, which has no page open, is still signed in. */
const profileMeStatus = async (page: Page): Promise<number> =>
  (await page.request.get(`${base}/api/me`)).status();

/** What an authenticator app shows `ahead` 30-second steps from now (the step enrolment used is spent). */
const codeFor = (secret: string, ahead = 1): string =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + ahead), 6);

/** A viewer of GeoTax of the test's own, through the lead's invitation; their e-mail address. */
async function createAccount(prefix: string): Promise<string> {
  const email = `${prefix}-${Date.now().toString(36)}@geotax.example`;
  const lead = await freshPage();
  await signIn(lead, "lead@conxillium.example");
  const invited = await lead.request.post(`${base}/api/groups/conxillium/invitations`, {
    data: { email, role: "tenant_viewer", tenant: "geotax" },
  });
  expect(invited.status()).toBe(201);
  const { token } = (await invited.json()) as { token: string };
  const accepted = await (
    await freshPage()
  ).request.post(`${base}/api/invitations/accept`, {
    data: { token, name: "Tara Twee", password: PASSWORD },
  });
  expect(accepted.status()).toBe(200);
  return email;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
}

/** Signs in through the form up to the second step. */
async function reachSecondStep(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await submitSignInForm(page, email, PASSWORD);
  await page.getByRole("heading", { level: 2, name: "Tweede stap" }).waitFor();
  // The password alone opened nothing.
  expect(await meStatus(page)).toBe(401);
}

async function sendCode(page: Page, method: "Code uit je app" | "Herstelcode", code: string): Promise<void> {
  await page.getByRole("button", { name: method }).click();
  const label = method === "Herstelcode" ? "Herstelcode" : "Code uit je authenticator-app";
  await page.getByLabel(label, { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verder" }).click();
}

it("turns on two-step sign-in, then signs in with a code, and with a recovery code once", async () => {
  const email = await createAccount("twee-stappen");
  const page = await freshPage();
  await page.goto(`${base}/sign-in`);
  await submitSignInForm(page, email, PASSWORD);
  await page.waitForURL((url) => url.pathname === "/console/conxillium/companies/geotax");

  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Account" }).click();
  await page.getByRole("heading", { level: 1, name: "Je account" }).waitFor();
  await page.getByText("Staat uit: je wachtwoord alleen geeft toegang.", { exact: false }).waitFor();
  await checkScreen(page, "account");

  await page.getByRole("button", { name: "Authenticator-app instellen" }).click();
  // The password field has the focus: the keyboard goes on where the form opened.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("totp-current-password");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  const qr = page.getByRole("img", { name: "QR-code voor je authenticator-app" });
  await qr.waitFor();
  // The QR code is drawn here (an inline SVG), not fetched from a QR service.
  expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe("svg");
  const secret = (await page.locator("#totp-secret-text code").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await checkScreen(page, "account-totp-setup");

  await page.getByLabel("De code die je app nu laat zien").fill(codeFor(secret, 0));
  await page.getByRole("button", { name: "Code bevestigen" }).click();
  const codeList = page.locator("ol.recovery-code-list code");
  await codeList.nth(9).waitFor();
  const recoveryCodes = await codeList.allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  expect(new Set(recoveryCodes).size).toBe(10);
  await checkScreen(page, "account-recovery-codes");
  await page.getByRole("button", { name: "Ik heb ze bewaard" }).click();
  expect(await codeList.count()).toBe(0);
  await page.getByText("Staat aan: na je wachtwoord vragen we een code", { exact: false }).waitFor();
  await page.getByText("Je hebt nog 10 ongebruikte herstelcodes.").waitFor();

  // Out, and in again: the password, then a code. A wrong one first.
  await signOut(page);
  await reachSecondStep(page, email);
  await checkScreen(page, "sign-in-second-step");
  const right = codeFor(secret);
  const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
  await sendCode(page, "Code uit je app", wrong);
  await page.getByRole("alert").filter({ hasText: "Deze code klopt niet of is al gebruikt" }).waitFor();
  expect(await meStatus(page)).toBe(401);
  await page.getByLabel("Code uit je authenticator-app").fill(right);
  await page.getByRole("button", { name: "Verder" }).click();
  await page.waitForURL((url) => url.pathname === "/console/conxillium/companies/geotax");
  expect(await meStatus(page)).toBe(200);

  // A recovery code signs in once, typed in capitals.
  await signOut(page);
  await reachSecondStep(page, email);
  await sendCode(page, "Herstelcode", recoveryCodes[0]!.toUpperCase());
  await page.waitForURL((url) => url.pathname === "/console/conxillium/companies/geotax");
  expect(await meStatus(page)).toBe(200);
  await signOut(page);
  await reachSecondStep(page, email);
  await sendCode(page, "Herstelcode", recoveryCodes[0]!);
  await page.getByRole("alert").filter({ hasText: "Deze code klopt niet of is al gebruikt" }).waitFor();
  expect(await meStatus(page)).toBe(401);
  await page.getByLabel("Herstelcode", { exact: true }).fill(recoveryCodes[1]!);
  await page.getByRole("button", { name: "Verder" }).click();
  await page.waitForURL((url) => url.pathname === "/console/conxillium/companies/geotax");

  // The account page on a phone: the sessions, two-step sign-in and the password, no sideways scroll.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`${base}/account`);
  await page.getByText("Je hebt nog 8 ongebruikte herstelcodes.").waitFor();
  await page.getByRole("heading", { level: 2, name: "Waar je bent ingelogd" }).waitFor();
  await page.getByText("deze browser").waitFor();
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  await checkScreen(page, "phone-account");
}, 120_000);

it("opens a reset link once, keeps the second step, and shows the lead the group's two-step policy", async () => {
  const email = await createAccount("resetlink");
  const owner = await freshPage();
  await signIn(owner, email, PASSWORD);
  const started = await owner.request.post(`${base}/api/account/two-step/totp`, {
    data: { currentPassword: PASSWORD },
  });
  const { secret } = (await started.json()) as { secret: string };
  const confirmed = await owner.request.post(`${base}/api/account/two-step/totp/confirm`, {
    data: { code: codeFor(secret, 0) },
  });
  expect(confirmed.status()).toBe(200);
  const { user } = (await (await owner.request.get(`${base}/api/me`)).json()) as { user: { id: number } };

  const lead = await freshPage({ width: 375, height: 740 });
  await signIn(lead, "lead@conxillium.example");
  const issued = await lead.request.post(`${base}/api/groups/conxillium/password-resets`, {
    data: { userId: user.id },
  });
  expect(issued.status()).toBe(201);
  const { resetUrl } = (await issued.json()) as { resetUrl: string };

  // The lead's account page: the policy of the group, which the demo group has off.
  await lead.goto(`${base}/account`);
  const policy = lead.getByRole("group", { name: "Inloggen in twee stappen in Conxillium" });
  await policy.waitFor();
  expect(await policy.getByLabel("Niemand verplicht (ieder kiest zelf)").isChecked()).toBe(true);
  await lead.getByRole("button", { name: "Beleid opslaan" }).click();
  await lead.getByRole("status").filter({ hasText: "Opgeslagen: niemand verplicht" }).waitFor();
  expect(await sidewaysScroll(lead)).toBeLessThanOrEqual(0);
  await checkScreen(lead, "phone-account-lead");

  const page = await freshPage({ width: 375, height: 740 });
  await page.goto(resetUrl.replace(/^https?:\/\/[^/]+/, base));
  await page.getByRole("heading", { level: 1, name: "Nieuw wachtwoord instellen" }).waitFor();
  await page.getByText(`Voor ${email}.`, { exact: false }).waitFor();
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  await checkScreen(page, "phone-reset-password");
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("kort");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  expect(await page.getByLabel("Nieuw wachtwoord", { exact: true }).getAttribute("aria-invalid")).toBe(
    "true",
  );
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("een-nieuw-wachtwoord-2");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: `Het wachtwoord van ${email} is gewijzigd` })
    .waitFor();
  // The account's session ended with it.
  expect((await owner.request.get(`${base}/api/me`)).status()).toBe(401);

  // Once only: the link opened again (a new tab, as from the message it came in) is refused.
  const again = await freshPage({ width: 375, height: 740 });
  await again.goto(resetUrl.replace(/^https?:\/\/[^/]+/, base));
  await again.getByRole("alert").filter({ hasText: "al gebruikt, vervangen of verlopen" }).waitFor();
  // A new link pasted into that same tab changes only the fragment (no new page loads): it opens.
  const reissued = await lead.request.post(`${base}/api/groups/conxillium/password-resets`, {
    data: { userId: user.id },
  });
  expect(reissued.status()).toBe(201);
  const { resetUrl: newUrl } = (await reissued.json()) as { resetUrl: string };
  const loads: string[] = [];
  again.on("load", () => loads.push(again.url()));
  await again.goto(newUrl.replace(/^https?:\/\/[^/]+/, base));
  await again.getByText(`Voor ${email}.`, { exact: false }).waitFor();
  expect(loads).toEqual([]);

  // The new password works, and the second step is still asked.
  await page.goto(`${base}/sign-in`);
  await submitSignInForm(page, email, "een-nieuw-wachtwoord-2");
  await page.getByRole("heading", { level: 2, name: "Tweede stap" }).waitFor();
  await page.getByLabel("Code uit je authenticator-app").fill(codeFor(secret));
  await page.getByRole("button", { name: "Verder" }).click();
  await page.waitForURL((url) => url.pathname === "/console/conxillium/companies/geotax");
}, 120_000);

it("ends one other session from the list, and a password change ends the rest", async () => {
  const email = await createAccount("sessies");
  const page = await freshPage();
  await signIn(page, email, PASSWORD);
  // Accepting the invitation signed the account in elsewhere: that session goes first, with the rest.
  await page.goto(`${base}/account`);
  await page.getByRole("button", { name: "Alle andere sessies beëindigen" }).click();
  await page.getByRole("status").filter({ hasText: "1 sessie(s) beëindigd." }).waitFor();
  await expect.poll(() => page.getByRole("button", { name: /^Beëindigen: / }).count(), WAIT).toBe(0);

  const elsewhere = [await freshPage(), await freshPage()];
  for (const other of elsewhere) await signIn(other, email, PASSWORD);
  await page.reload();
  const endButtons = page.getByRole("button", { name: /^Beëindigen: / });
  await endButtons.nth(1).waitFor();
  expect(await endButtons.count()).toBe(2);
  await endButtons.first().click();
  await page.getByRole("status").filter({ hasText: "De sessie is beëindigd." }).waitFor();
  await expect.poll(() => endButtons.count(), WAIT).toBe(1);
  // Exactly one of the other browsers is out; this one is still in.
  const statuses = await Promise.all(elsewhere.map((other) => profileMeStatus(other)));
  expect(statuses.toSorted((a, b) => a - b)).toEqual([200, 401]);
  expect(await meStatus(page)).toBe(200);

  // A wrong current password changes nothing.
  await page.getByLabel("Huidig wachtwoord").fill("niet-mijn-wachtwoord");
  await page.getByLabel("Nieuw wachtwoord").fill("een-ander-wachtwoord-3");
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await page.locator('#currentPassword[aria-invalid="true"]').waitFor();
  expect(await Promise.all(elsewhere.map((other) => profileMeStatus(other)))).toEqual(statuses);

  await page.getByLabel("Huidig wachtwoord").fill(PASSWORD);
  await page.getByLabel("Nieuw wachtwoord").fill("een-ander-wachtwoord-3");
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: "Je wachtwoord is gewijzigd. 1 andere sessie is beëindigd." })
    .waitFor();
  expect(await Promise.all(elsewhere.map((other) => profileMeStatus(other)))).toEqual([401, 401]);
  expect(await meStatus(page)).toBe(200);
  await expect.poll(() => endButtons.count(), WAIT).toBe(0);
  await checkScreen(page, "account-password-changed");

  // The same page in English, with no Dutch left in it.
  await page.getByRole("button", { name: "EN", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
  for (const heading of ["Two-step sign-in", "Change password", "Where you are signed in"]) {
    await page.getByRole("heading", { level: 2, name: heading }).waitFor();
  }
  await page.getByRole("button", { name: "Set up an authenticator app" }).waitFor();
  const main = ((await page.locator("main").textContent()) ?? "").replace(email, "");
  for (const dutch of ["Wachtwoord", "wachtwoord", "Inloggen", "sessie", "Beëindigen", "Staat uit"]) {
    expect(main, `Dutch "${dutch}" on the English account page`).not.toContain(dutch);
  }
  await checkScreen(page, "account-en");

  // The old password opens nothing any more; the new one does.
  const fresh = await freshPage();
  const old = await fresh.request.post(`${base}/api/auth/login`, { data: { email, password: PASSWORD } });
  expect(old.status()).toBe(401);
  await signIn(fresh, email, "een-ander-wachtwoord-3");
}, 120_000);

it("the lead requires two steps of everyone: a member without one sets it up before getting in", async () => {
  const email = await createAccount("verplicht");
  const lead = await freshPage();
  await signIn(lead, "lead@conxillium.example");
  await lead.goto(`${base}/account`);
  const policy = lead.getByRole("group", { name: "Inloggen in twee stappen in Conxillium" });
  await policy.getByLabel("Verplicht voor iedereen in de groep").check();
  await lead.getByRole("button", { name: "Beleid opslaan" }).click();
  await lead
    .getByRole("status")
    .filter({ hasText: "Opgeslagen: verplicht voor iedereen in de groep." })
    .waitFor();
  try {
    const page = await freshPage({ width: 375, height: 740 });
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, email, PASSWORD);
    await page.getByRole("heading", { level: 2, name: "Stel een tweede stap in" }).waitFor();
    // The password alone opened nothing: the second step comes first.
    expect(await meStatus(page)).toBe(401);
    const qr = page.getByRole("img", { name: "QR-code voor je authenticator-app" });
    await qr.waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await checkScreen(page, "phone-sign-in-enrolment");
    const secret = (await page.locator("#totp-secret-text code").textContent())!.replace(/\s/g, "");
    await page.getByLabel("De code die je app nu laat zien").fill(codeFor(secret, 0));
    await page.getByRole("button", { name: "Code bevestigen" }).click();
    await page.locator("ol.recovery-code-list code").nth(9).waitFor();
    expect(await meStatus(page)).toBe(200);
    await page.getByRole("button", { name: "Bewaard, verder naar Verklaring" }).click();
    await page.waitForURL((url) => url.pathname === "/console/conxillium/companies/geotax");

    // From now on the code is asked at every sign-in.
    await signOut(page);
    await reachSecondStep(page, email);
    await sendCode(page, "Code uit je app", codeFor(secret));
    await page.waitForURL((url) => url.pathname === "/console/conxillium/companies/geotax");
  } finally {
    // The demo group's policy as it was: the other browser tests sign its people in with a password.
    const restored = await lead.request.put(`${base}/api/groups/conxillium/sign-in-policy`, {
      data: { twoStep: "off" },
    });
    expect(restored.status()).toBe(200);
  }
}, 120_000);

it("adds a passkey on the account page and signs in with it (Chromium's virtual authenticator)", async () => {
  const email = await createAccount("passkey");
  // A passkey belongs to a host name, and an IP address is none: this page uses localhost.
  const site = base.replace("127.0.0.1", "localhost");
  const page = await freshPage();
  // The authenticator Chromium offers for testing: a platform passkey that says yes without a touch.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await page.goto(`${site}/sign-in`);
  await submitSignInForm(page, email, PASSWORD);
  await page.waitForURL((url) => url.pathname === "/console/conxillium/companies/geotax");
  await page.goto(`${site}/account`);

  await page.getByRole("button", { name: "Passkey toevoegen" }).click();
  const form = page.locator("#add-passkey-form");
  await form.getByLabel("Naam van de passkey").fill("Laptop werk");
  await form.getByLabel("Bevestig met je huidige wachtwoord").fill(PASSWORD);
  await form.getByRole("button", { name: "Passkey toevoegen" }).click();
  await page.getByRole("status").filter({ hasText: "De passkey is toegevoegd." }).waitFor();
  // The first second step: the recovery codes come with it, once.
  await page.locator("ol.recovery-code-list code").nth(9).waitFor();
  await page.getByRole("button", { name: "Ik heb ze bewaard" }).click();
  await page.getByRole("list").filter({ hasText: "Laptop werk" }).waitFor();
  await page.getByText("Staat aan: na je wachtwoord vragen we een code", { exact: false }).waitFor();
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  await checkScreen(page, "account-passkey");

  await signOut(page);
  await page.goto(`${site}/sign-in`);
  await submitSignInForm(page, email, PASSWORD);
  await page.getByRole("heading", { level: 2, name: "Tweede stap" }).waitFor();
  expect(await meStatus(page)).toBe(401);
  await page.getByRole("button", { name: "Inloggen met een passkey" }).click();
  await page.waitForURL((url) => url.pathname === "/console/conxillium/companies/geotax");
  expect(await meStatus(page)).toBe(200);
  // The account page shows when the passkey was last used.
  await page.goto(`${site}/account`);
  await page.getByRole("listitem").filter({ hasText: "Laptop werk" }).getByText("laatst gebruikt").waitFor();
}, 120_000);
