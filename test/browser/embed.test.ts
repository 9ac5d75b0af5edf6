// Getting a company's statement onto its website: the console's "Op de website" page, the
// <privacy-statement> web component on another origin under a strict CSP, and publish webhooks.
// Uses JCC Software (read only) and SIM (webhooks, one publish), in a real Chromium.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterEach, expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import { artifactPath } from "./chromium.ts";
import { useBrowser, type Viewport } from "./session.ts";

const base = inject("baseURL");
const JCC_EMBED = "/console/conxillium/companies/jcc-software/embed";
const SIM_EMBED = "/console/conxillium/companies/sim/embed";

const { newContext, signedIn, watch } = useBrowser({ viewport: { width: 1024, height: 800 } });
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A fresh profile that may use the clipboard, signed in as `email` over the API. */
const signedInPage = (email: string, viewport?: Viewport): Promise<Page> =>
  signedIn(email, viewport, { permissions: ["clipboard-read", "clipboard-write"] });

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const urlsOnPage = (page: Page): Promise<string[]> =>
  page
    .locator(".url-list a.url-link")
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));

async function openEmbedPage(page: Page, path: string, company: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByRole("heading", { level: 1, name: `${company} op de website` }).waitFor();
}

it("lists every public address of JCC Software per language, each answering 200, with copy buttons", async () => {
  const page = await signedInPage("editor@jccsoftware.example");
  await openEmbedPage(page, JCC_EMBED, "JCC Software");
  await page.getByRole("link", { name: "Op de website" }).waitFor();

  const statement = `${base}/v1/statements/conxillium/jcc-software`;
  const dutch = await urlsOnPage(page);
  expect(dutch).toEqual([
    `${statement}?lang=nl`,
    `${statement}?fragment&lang=nl`,
    `${statement}.json?lang=nl`,
    `${statement}.md?lang=nl`,
    `${statement}.txt?lang=nl`,
    `${statement}/versions`,
    `${statement}/changes?lang=nl`,
    `${statement}/changes.atom?lang=nl`,
  ]);

  // Choosing English changes the addresses and the snippets.
  await page.getByRole("radio", { name: "English" }).check();
  await page.locator(`.url-list a[href="${statement}.json?lang=en"]`).waitFor();
  const english = await urlsOnPage(page);
  expect(english).toContain(`${statement}/changes.atom?lang=en`);
  expect(await page.locator("#snippet-component code").textContent()).toContain('lang="en"');

  for (const url of new Set([...dutch, ...english])) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
  }
  const atom = await page.request.get(`${statement}/changes.atom?lang=en`);
  expect(atom.headers()["content-type"]).toMatch(/atom\+xml/);

  // A copy button puts exactly the address on the clipboard and says so.
  await page.getByRole("radio", { name: "Nederlands" }).check();
  const fragmentRow = page.locator('li[data-url-id="fragment"]');
  await fragmentRow.getByRole("button", { name: /Kopiëren/ }).click();
  await fragmentRow.getByRole("button", { name: /Gekopieerd/ }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${statement}?fragment&lang=nl`);
  await page
    .getByRole("status")
    .filter({ hasText: "Gekopieerd: adres: Fragment" })
    .waitFor({ state: "attached" });

  // Three ways to embed, each with its snippet; the component's CSP needs no style-src.
  for (const name of ["1. Invoegen op je server (aanbevolen)", "2. Als iframe", "3. Als webcomponent"]) {
    await page.getByRole("heading", { level: 3, name }).waitFor();
  }
  expect(await page.locator("#snippet-curl code").textContent()).toContain("--etag-compare");
  expect(await page.locator("#snippet-php code").textContent()).toContain("If-None-Match");
  expect(await page.locator("#snippet-nginx code").textContent()).toContain(
    '<!--# include virtual="/_privacyverklaring" -->',
  );
  expect(await page.locator("#snippet-iframe code").textContent()).toContain(
    'title="Privacyverklaring van JCC Software"',
  );
  expect(await page.locator("#snippet-component-csp code").textContent()).toBe(
    `script-src ${base}; connect-src ${base}`,
  );

  // An editor gets the webhook controls.
  await page.getByRole("button", { name: "Webhook toevoegen" }).waitFor();
  await checkScreen(page, "embed-page");
});

it("shows a viewer the addresses and snippets but no webhook controls, also at 375 px", async () => {
  const page = await signedInPage("viewer@jccsoftware.example", { width: 375, height: 740 });
  await openEmbedPage(page, JCC_EMBED, "JCC Software");
  expect((await urlsOnPage(page)).length).toBe(8);
  await page.locator("#snippet-component").waitFor();
  await page.getByText("Ze worden ingesteld door de redacteuren van JCC Software").waitFor();
  expect(await page.getByRole("button", { name: "Webhook toevoegen" }).count()).toBe(0);
  expect(await page.getByLabel("Adres van de ontvanger").count()).toBe(0);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await checkScreen(page, "embed-page-phone");

  // A company the viewer has no role in reads as not found, not as an error.
  await page.goto(`${base}${SIM_EMBED}`);
  await page
    .getByRole("alert")
    .filter({ hasText: "Dit bedrijf bestaat niet of je hebt er geen toegang toe." })
    .waitFor();

  // The page follows the console's language.
  await page.getByRole("button", { name: "EN", exact: true }).click();
  await page.getByRole("alert").filter({ hasText: "This company does not exist" }).waitFor();
  await page.goto(`${base}${JCC_EMBED}`);
  await page.getByRole("heading", { level: 1, name: "JCC Software on the website" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Public addresses" }).waitFor();
  await checkScreen(page, "embed-page-phone-en");
});

it("sends a signed-out visitor to sign in and back", async () => {
  const context = await newContext();
  const page = await context.newPage();
  watch(page);
  await page.goto(`${base}${JCC_EMBED}`);
  await page.waitForURL((url) => url.pathname === "/sign-in");
  expect(new URL(page.url()).searchParams.get("redirect")).toBe(JCC_EMBED);
});

it("shows JCC's statement on another origin under a strict CSP, through <privacy-statement> and an iframe", async () => {
  // The snippets exactly as a website owner copies them from the console.
  const consolePage = await signedInPage("viewer@jccsoftware.example");
  await openEmbedPage(consolePage, JCC_EMBED, "JCC Software");
  const component = (await consolePage.locator("#snippet-component code").textContent()) ?? "";
  const iframe = (await consolePage.locator("#snippet-iframe code").textContent()) ?? "";
  const csp = (await consolePage.locator("#snippet-component-csp code").textContent()) ?? "";
  expect(component).toContain(`<script type="module" src="${base}/embed.js"></script>`);

  const hostPage = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>JCC Software – privacy</title></head>
<body><main>
${component}
<h2>In een iframe</h2>
${iframe}
<privacy-statement id="missing" group="conxillium" company="bestaat-niet" lang="nl"><a href="/privacy">Onze privacyverklaring</a></privacy-statement>
</main></body></html>`;
  const hostPolicy = `default-src 'none'; ${csp}; frame-src ${base}; style-src 'none'; base-uri 'none'`;
  const host = await listen(
    createServer((_request, response) => {
      response.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": hostPolicy,
      });
      response.end(hostPage);
    }),
  );
  expect(new URL(host).origin).not.toBe(new URL(base).origin);

  const context = await newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  watch(page);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { violations: string[] }).violations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const response = await page.goto(`${host}/`);
  expect(response?.headers()["content-security-policy"]).toBe(hostPolicy);

  const element = page.locator("privacy-statement").first();
  const title = element.locator("h1");
  await title.waitFor();
  expect(await title.textContent()).toBe("Privacyverklaring JCC Software");
  const headings = await element.locator("section h2").allTextContents();
  expect(headings).toEqual(
    expect.arrayContaining(["Welke gegevens verwerken wij?", "Bewaartermijn", "Uw rechten"]),
  );
  expect(await element.locator("#vk-data_categories").textContent()).toContain("Locatiegegevens");

  // Rendered inside a shadow root, styled by the constructed stylesheet despite style-src 'none'.
  const inShadow = await page.evaluate(() => {
    const root = document.querySelector("privacy-statement")!.shadowRoot!;
    const nav = root.querySelector("nav")!;
    return {
      h1: root.querySelectorAll("h1").length,
      navBorder: getComputedStyle(nav).borderTopStyle,
      sheets: root.adoptedStyleSheets.length,
      scripts: root.querySelectorAll("script, style").length,
      parts: root.querySelector("h1")!.getAttribute("part"),
      busy: document.querySelector("privacy-statement")!.getAttribute("aria-busy"),
    };
  });
  expect(inShadow).toEqual({ h1: 1, navBorder: "solid", sheets: 1, scripts: 0, parts: "title", busy: null });

  // The contents list works inside the shadow root: focus moves to the section, the host URL stays.
  await element.locator("nav a[href='#vk-rights']").click();
  await page.waitForFunction(
    () =>
      document.querySelector("privacy-statement")!.shadowRoot!.activeElement?.textContent === "Uw rechten",
  );
  expect(new URL(page.url()).hash).toBe("");

  // Single-page apps change attributes: the element fetches again and shows the English text.
  await page.evaluate(() => document.querySelector("privacy-statement")!.setAttribute("lang", "en"));
  await page.waitForFunction(
    () =>
      document.querySelector("privacy-statement")!.shadowRoot!.querySelector("h1")?.textContent ===
      "Privacy statement JCC Software",
  );
  expect(await element.locator("section h2").allTextContents()).toEqual(
    expect.arrayContaining(["Your rights", "Retention period"]),
  );

  // Several changes in a row end on the last one, whatever order the answers arrive in.
  await page.evaluate(() => {
    const el = document.querySelector("privacy-statement")!;
    el.setAttribute("company", "sim");
    el.setAttribute("lang", "nl");
    setTimeout(() => el.setAttribute("company", "jcc-software"), 0);
  });
  await page.waitForFunction(() => {
    const h1 = document.querySelector("privacy-statement")!.shadowRoot!.querySelector("h1");
    return h1?.textContent === "Privacyverklaring JCC Software";
  });
  await page.waitForTimeout(300);
  expect(await title.textContent()).toBe("Privacyverklaring JCC Software");

  // A statement that cannot be fetched leaves the host's own link, plus a plain sentence.
  const missing = page.locator("#missing");
  await missing.locator("[part~='error']").waitFor();
  expect(await missing.locator("[part~='error']").textContent()).toContain("kon hier niet worden geladen");
  expect(await missing.getByRole("link", { name: "Onze privacyverklaring" }).isVisible()).toBe(true);

  // The iframe snippet on the same strict page.
  const frame = page.frameLocator("iframe.privacy-statement-frame");
  await frame.locator("h1").waitFor();
  expect(await frame.locator("h1").textContent()).toBe("Privacyverklaring JCC Software");
  expect(await page.locator("iframe.privacy-statement-frame").getAttribute("title")).toBe(
    "Privacyverklaring van JCC Software",
  );

  expect(await page.evaluate(() => (globalThis as unknown as { violations: string[] }).violations)).toEqual(
    [],
  );
  await page.screenshot({ path: artifactPath("embed-host-page"), fullPage: true });
  // Full-page shots leave cross-origin frames blank; this one shows the frame as a visitor sees it.
  await page
    .locator("iframe.privacy-statement-frame")
    .evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.waitForTimeout(300);
  await page.screenshot({ path: artifactPath("embed-host-iframe") });
});

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

it("adds a webhook for SIM (secret shown once), logs its delivery on publish, and disables it", async () => {
  const received: Delivery[] = [];
  const receiver = await listen(
    createServer((request, response) => {
      let body = "";
      request.setEncoding("utf8");
      request.on("data", (chunk: string) => (body += chunk));
      request.on("end", () => {
        received.push({ headers: request.headers, body });
        response.writeHead(204);
        response.end();
      });
    }),
  );
  const hookUrl = `${receiver}/hooks/verklaring`;

  const page = await signedInPage("lead@conxillium.example");
  await openEmbedPage(page, SIM_EMBED, "SIM");
  const address = page.getByLabel("Adres van de ontvanger");

  // Checked in the browser with the API's own schema before anything is sent.
  await address.fill("http://example.com/hook");
  await page.getByRole("button", { name: "Webhook toevoegen" }).click();
  await page.getByText("Gebruik een https://-adres").waitFor();
  expect(await address.getAttribute("aria-invalid")).toBe("true");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("webhook-url");

  await address.fill(hookUrl);
  await page.getByRole("button", { name: "Webhook toevoegen" }).click();
  const panel = page.getByRole("region", { name: "Webhook toegevoegd: bewaar het geheim" });
  await panel.waitFor();
  await panel.getByText("Dit geheim wordt maar één keer getoond.").waitFor();
  const secret = ((await panel.locator("#webhook-secret").textContent()) ?? "").trim();
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  await panel.getByRole("button", { name: /Kopiëren/ }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  const item = page.locator("li.webhook", { hasText: hookUrl });
  await item.getByText("Actief").waitFor();
  await checkScreen(page, "embed-webhook-created");

  // After a reload only the last four characters are left.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "SIM op de website" }).waitFor();
  await item.getByText(`…${secret.slice(-4)}`).waitFor();
  expect(await page.locator("#webhook-secret").count()).toBe(0);
  expect(await page.content()).not.toContain(secret);

  // The same address twice is refused with a message at the field.
  await address.fill(hookUrl);
  await page.getByRole("button", { name: "Webhook toevoegen" }).click();
  await page.getByText("Voor dit adres is al een actieve webhook.").waitFor();

  await item.getByRole("button", { name: /Afleveringen tonen/ }).click();
  await item.getByText("Nog geen afleveringen.").waitFor();

  // Publish a change to SIM: the webhook is called, signed with the secret shown above.
  const api = `${base}/api/groups/conxillium/tenants/sim`;
  const draft = await page.request.get(`${api}/draft`);
  expect(draft.status()).toBe(200);
  const { content } = (await draft.json()) as { content: { profile: { phone: string } } };
  content.profile.phone = `+31 30 ${String(Date.now()).slice(-7)}`;
  const saved = await page.request.put(`${api}/draft`, {
    data: { content },
    headers: { "If-Match": draft.headers()["etag"] ?? "" },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const published = await page.request.post(`${api}/publish`, {
    data: { changeNote: "Nieuw telefoonnummer (embed-test).", material: false },
  });
  expect(published.status(), "SIM publishes directly unless a test left approval required on").toBe(201);

  const deadline = Date.now() + 25_000;
  while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  expect(received.length).toBeGreaterThan(0);
  const delivery = received[0]!;
  expect(delivery.headers["verklaring-event"]).toBe("statement.published");
  expect(JSON.parse(delivery.body)).toMatchObject({
    event: "statement.published",
    group: "conxillium",
    tenant: "sim",
  });

  // The recipe on the page, run as a receiving website would, accepts the real signature.
  const recipe = (await page.locator("#webhook-verify-js code").textContent()) ?? "";
  // oxlint-disable-next-line typescript/no-implied-eval -- running the page's recipe is the test
  const verify = new Function(`${recipe}\nreturn verifyVerklaring;`)() as (
    secret: string,
    header: string,
    body: string,
  ) => Promise<boolean>;
  const signature = String(delivery.headers["verklaring-signature"]);
  expect(await verify(secret, signature, delivery.body)).toBe(true);
  expect(await verify(secret, signature, `${delivery.body} `)).toBe(false);
  expect(await verify("0".repeat(64), signature, delivery.body)).toBe(false);

  // The attempt shows up in the delivery log.
  const rows = item.locator(".delivery-table tbody tr");
  while ((await rows.count()) === 0 && Date.now() < deadline + 10_000) {
    await item.getByRole("button", { name: "Vernieuwen" }).click();
    await page.waitForTimeout(500);
  }
  const row = rows.first();
  expect(await row.locator("td[data-label='Resultaat']").textContent()).toBe("Gelukt");
  expect(await row.locator("td[data-label='Statuscode']").textContent()).toBe("204");
  expect(await row.locator("td[data-label='Poging']").textContent()).toBe("1");
  expect(await row.locator("td[data-label='Duur']").textContent()).toMatch(/^\d+ ms$/);

  await page.setViewportSize({ width: 375, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await checkScreen(page, "embed-webhooks-phone");
  await page.setViewportSize({ width: 1024, height: 800 });

  // Disabling asks first, then the webhook stays listed as disabled without controls.
  await item.getByRole("button", { name: /^Uitschakelen/ }).click();
  await item.getByText("Dat kun je niet terugdraaien").waitFor();
  await item.getByRole("button", { name: "Annuleren" }).click();
  await item.getByRole("button", { name: /^Uitschakelen/ }).click();
  await item.getByRole("button", { name: "Ja, uitschakelen" }).click();
  await item.locator(".badge", { hasText: "Uitgeschakeld" }).waitFor();
  expect(await item.getByRole("button", { name: /^Uitschakelen/ }).count()).toBe(0);

  const list = await page.request.get(`${api}/webhooks`);
  const { webhooks } = (await list.json()) as { webhooks: { url: string; active: boolean }[] };
  expect(webhooks.find((w) => w.url === hookUrl)?.active).toBe(false);
});
