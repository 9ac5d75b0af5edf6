// The AVG pages in a real Chromium against the real worker: JCC Software's editor imports a
// statement in JCC's style (written for the tests, shared/import/fixtures/jcc.txt), reviews the
// difference against the baseline, accepts one suggested detail and sees the warnings, changes
// the proposal, accepts it into the draft and sees the completeness of the new draft — while the
// public statement stays as it was; a conflicting save during the review; the read-only view for
// a viewer; and the privacy lead's group report with its CSV. Every test that changes JCC's draft
// puts its content back.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { APIRequestContext, Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import { holdRequests, useBrowser } from "./session.ts";

const base = inject("baseURL");
const GROUP = "conxillium";
const TENANT = "jcc-software";
const API = `${base}/api/groups/${GROUP}/tenants/${TENANT}`;
const IMPORT_PAGE = `${base}/console/${GROUP}/companies/${TENANT}/import`;
const STATEMENT = new URL("../../shared/import/fixtures/jcc.txt", import.meta.url);
const STATEMENT_TEXT = readFileSync(STATEMENT, "utf8");
// The data categories the statement names that JCC's draft does not have yet.
const NEW_CATEGORIES = [
  "Zakelijk e-mailadres en telefoonnummer",
  "Gegevens over uw gebruik van het klantenportaal",
  "Locatiegegevens, als u een afspraak maakt via de afsprakenmodule",
];

const { signedIn } = useBrowser({ viewport: { width: 1400, height: 900 }, launchTimeout: 120_000 });

interface DraftBody {
  revision: number;
  content: {
    profile: Record<string, unknown>;
    lists: { data_categories: { name: { nl: string } }[] };
    ownSections: { key: string; title: { nl: string } }[];
    overrides: Record<string, { body?: { nl: string } }>;
  } & Record<string, unknown>;
}

async function readDraft(request: APIRequestContext): Promise<DraftBody & { etag: string }> {
  const response = await request.get(`${API}/draft`);
  expect(response.status()).toBe(200);
  const etag = response.headers()["etag"] ?? "";
  expect(etag).toMatch(/^"\d+"$/);
  return { ...((await response.json()) as DraftBody), etag };
}

/** Puts `content` back as JCC's draft, with the draft's current revision in If-Match. */
async function restoreDraft(request: APIRequestContext, content: DraftBody["content"]): Promise<void> {
  const current = await readDraft(request);
  if (JSON.stringify(current.content) === JSON.stringify(content)) return;
  const saved = await request.put(`${API}/draft`, {
    data: { content },
    headers: { "If-Match": current.etag },
  });
  expect(saved.status()).toBe(200);
  expect((await readDraft(request)).content).toEqual(content);
}

/** What the public sees of JCC: the version in force and its text. */
async function publicStatement(request: APIRequestContext): Promise<{ inForce: number; text: string }> {
  const versions = await request.get(`${base}/v1/statements/${GROUP}/${TENANT}/versions`);
  expect(versions.status()).toBe(200);
  const list = ((await versions.json()) as { versions: { number: number; status: string }[] }).versions;
  const inForce = list.find((v) => v.status === "in_force")?.number ?? -1;
  const statement = await request.get(`${base}/v1/statements/${GROUP}/${TENANT}?fragment&lang=nl`);
  expect(statement.status()).toBe(200);
  return { inForce, text: await statement.text() };
}

interface Proposal {
  paragraphs: number;
  sections: { heading: string; key: string | null }[];
}

const targetSelect = (page: Page, heading: RegExp) => page.getByRole("combobox", { name: heading });
const sectionItem = (page: Page, heading: string) =>
  page.locator("li.import-section").filter({ has: page.locator("h4", { hasText: heading }) });

async function openImport(page: Page): Promise<void> {
  await page.goto(IMPORT_PAGE);
  await page.getByRole("heading", { level: 1, name: "Bestaande privacyverklaring importeren" }).waitFor();
}

it("imports JCC Software's statement: review, change a choice, accept into the draft; nothing is published", async () => {
  const page = await signedIn("editor@jccsoftware.example");
  const before = await readDraft(page.request);
  const publicBefore = await publicStatement(page.request);
  // What the API proposes for this text, to hold the page to showing all of it.
  const proposed = await page.request.post(`${API}/import`, {
    data: { text: STATEMENT_TEXT, format: "text" },
  });
  expect(proposed.status()).toBe(200);
  const proposal = ((await proposed.json()) as { proposal: Proposal }).proposal;
  expect(proposal.sections.length).toBeGreaterThan(8);
  try {
    await openImport(page);
    await checkScreen(page, "avg-import-text");

    // The file is read in the browser; its extension sets the format.
    await page.getByRole("radio", { name: "Markdown (.md)" }).check();
    await page.getByLabel("Bestand kiezen").setInputFiles(fileURLToPath(STATEMENT));
    await expect
      .poll(() => page.getByLabel("Tekst van de privacyverklaring").inputValue())
      .toContain("Welke gegevens verwerken wij?");
    expect(await page.getByRole("radio", { name: "Platte tekst (.txt)" }).isChecked()).toBe(true);
    expect(await page.locator("#import-file-note").textContent()).toContain("jcc.txt gelezen");

    await page.getByRole("button", { name: "Voorstel maken" }).click();
    await page.getByRole("heading", { level: 2, name: "2. Voorstel controleren" }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("review-title");

    // Nothing is dropped: the paragraph count, and every section of the text with its own choice.
    expect(await page.locator(".import-summary").textContent()).toContain(
      `${proposal.paragraphs} alinea's gelezen`,
    );
    expect(await page.locator("li.import-section").count()).toBe(proposal.sections.length);
    for (const section of proposal.sections.filter((s) => s.heading !== "")) {
      expect(await sectionItem(page, section.heading).first().isVisible(), section.heading).toBe(true);
    }
    expect(await page.locator("select[id^=import-target-]").count()).toBe(proposal.sections.length);

    // "Welke gegevens verwerken wij?" maps to the data-categories section, with full confidence.
    const categories = targetSelect(page, /Welke gegevens verwerken wij\?/);
    expect(await categories.inputValue()).toBe("data_categories");
    const categoriesItem = sectionItem(page, "Welke gegevens verwerken wij?");
    expect(await categoriesItem.locator(".import-why").textContent()).toContain("Zekerheid: hoog (100%)");
    expect(await categoriesItem.locator(".import-why").textContent()).toContain(
      "Gelijk aan de titel van basissectie",
    );
    // The five categories found are listed, to be added beside the draft's by default.
    expect(await page.locator("#import-list-data_categories").textContent()).toContain("5 gevonden");
    expect(
      await page
        .getByRole("radio", { name: /^Toevoegen aan de 9 in het concept/ })
        .first()
        .isChecked(),
    ).toBe(true);

    // The editor leaves the "Google Analytics" section out; the review says so at once.
    const analytics = targetSelect(page, /“Google Analytics”/);
    expect(await analytics.inputValue()).toBe("cookies");
    await analytics.selectOption({ label: "Weglaten" });
    const analyticsItem = sectionItem(page, "Google Analytics");
    await expect
      .poll(() => analyticsItem.locator(".import-placement").textContent())
      .toContain("Weggelaten: Weggelaten op jouw keuze.");
    expect(await analyticsItem.locator(".import-why").textContent()).toContain("Je hebt dit veranderd");
    await checkScreen(page, "avg-import-review");

    await page.getByRole("button", { name: "Overnemen in het concept" }).click();
    await page.getByRole("heading", { level: 2, name: "Overgenomen in het concept" }).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "Er is niets gepubliceerd." }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Concept bekijken en aanpassen" }).getAttribute("href")).toBe(
      `/console/${GROUP}/companies/${TENANT}`,
    );
    expect(await page.getByRole("link", { name: "Naar publiceren" }).getAttribute("href")).toBe(
      `/console/${GROUP}/companies/${TENANT}/publish`,
    );
    // The completeness panel of the new draft: a score, and the findings grouped by status.
    const panel = page.locator(".completeness-panel");
    await panel.waitFor();
    expect(
      await panel.getByRole("heading", { name: "AVG-volledigheid van het nieuwe concept" }).count(),
    ).toBe(1);
    expect(await panel.locator(".cp-score-value").textContent()).toMatch(/^\d{1,3}$/);
    expect(await panel.getByRole("heading", { name: /^Aanwezig \(\d+\)$/ }).count()).toBe(1);
    // Each finding names the section it concerns by its title.
    const categoriesFinding = panel
      .locator(".cp-group li.cp-finding")
      .filter({ hasText: "Categorieën persoonsgegevens" });
    expect(await categoriesFinding.count()).toBe(1);
    expect(await categoriesFinding.textContent()).toContain("Welke gegevens verwerken wij?");
    await checkScreen(page, "avg-import-done");

    // The draft keeps JCC's categories and gains the new ones; the section left out is not in it.
    const after = await readDraft(page.request);
    expect(after.revision).toBe(before.revision + 1);
    expect(after.content.lists.data_categories.map((c) => c.name.nl)).toEqual([
      ...before.content.lists.data_categories.map((c) => c.name.nl),
      ...NEW_CATEGORIES,
    ]);
    expect(after.content.ownSections.map((s) => s.title.nl)).not.toContain("Google Analytics");
    // The profile stays as it was: no suggestion was accepted.
    expect(after.content.profile).toEqual(before.content.profile);

    // Nothing was published: the public statement is still the version it was, word for word.
    expect(await publicStatement(page.request)).toEqual(publicBefore);
  } finally {
    await restoreDraft(page.request, before.content);
  }
}, 180_000);

it("shows what the text adds to a baseline section, takes one suggested detail only when ticked, and warns; axe finds nothing serious", async () => {
  const page = await signedIn("editor@jccsoftware.example");
  const before = await readDraft(page.request);
  try {
    await openImport(page);
    await page.getByLabel("Tekst van de privacyverklaring").fill(STATEMENT_TEXT);
    await page.getByRole("button", { name: "Voorstel maken" }).click();
    await page.getByRole("heading", { level: 2, name: "2. Voorstel controleren" }).waitFor();

    // One warning: the text's "vijf aangesloten bedrijven" against the group's eight.
    const warnings = page.getByRole("region", { name: /^Let op/ });
    expect(
      await warnings
        .locator(".import-warning")
        .filter({ hasText: "vijf aangesloten bedrijven" })
        .textContent(),
    ).toContain("Conxillium heeft 8 bedrijven");

    // The difference against "Gebruik cookies": the baseline's paragraph is not added again, the new one is.
    const cookies = sectionItem(page, "Gebruik cookies");
    const difference = cookies.getByRole("region", { name: /^Verschil met “Gebruik cookies”/ });
    const pieces = difference.locator(".import-piece");
    expect(await pieces.count()).toBe(2);
    expect(await pieces.nth(0).locator(".import-fate").textContent()).toBe("Staat al in de basis");
    expect(await pieces.nth(0).locator(".import-body").textContent()).toContain(
      "Wij maken gebruik van cookies",
    );
    expect(await pieces.nth(1).locator(".import-fate").textContent()).toBe("Nieuw — wordt toegevoegd");
    expect(await pieces.nth(1).locator(".import-body").textContent()).toContain("Op jccsoftware.nl");
    expect(await cookies.locator(".import-placement").textContent()).toContain("Aanvulling op de basis");
    // Its English side is marked: the text goes in in Dutch only.
    expect(await cookies.locator(".import-untranslated").textContent()).toContain("Vertaling nodig");

    // The as-written check beside the merged one.
    expect(await page.locator(".import-scores").textContent()).toMatch(
      /Zoals geschreven: \d{1,3} \/ 100.*Na import in het concept: \d{1,3} \/ 100/,
    );
    // The English side of the imported text is counted as needing translation.
    expect(await page.getByRole("region", { name: "Vertaling" }).textContent()).toMatch(
      /\d+ secties hebben nog geen Engelse tekst/,
    );

    // The e-mail address the text gives is a suggestion with its quote; it is taken only when ticked.
    const email = page.getByRole("checkbox", { name: "E-mailadres privacy@jccsoftware.nl overnemen" });
    expect(await email.isChecked()).toBe(false);
    expect(await page.getByRole("checkbox", { name: /^Telefoonnummer .* overnemen$/ }).isChecked()).toBe(
      false,
    );
    await email.check();
    await checkScreen(page, "avg-import-difference");

    await page.getByRole("button", { name: "Overnemen in het concept" }).click();
    await page.getByRole("heading", { level: 2, name: "Overgenomen in het concept" }).waitFor();
    const after = await readDraft(page.request);
    expect(after.content.profile).toEqual({ ...before.content.profile, email: "privacy@jccsoftware.nl" });
    expect(after.content.overrides.cookies?.body?.nl).toContain("Op jccsoftware.nl gebruiken wij");
    expect(after.content.overrides.cookies?.body?.nl).not.toContain("Wij maken gebruik van cookies");
  } finally {
    await restoreDraft(page.request, before.content);
  }
}, 180_000);

it("explains a draft saved during the review and proposes again, keeping the choices", async () => {
  const page = await signedIn("editor@jccsoftware.example");
  const before = await readDraft(page.request);
  try {
    await openImport(page);
    await page.getByLabel("Tekst van de privacyverklaring").fill(STATEMENT_TEXT);
    await page.getByRole("button", { name: "Voorstel maken" }).click();
    await page.getByRole("heading", { level: 2, name: "2. Voorstel controleren" }).waitFor();
    await targetSelect(page, /“Google Analytics”/).selectOption({ label: "Weglaten" });

    // Meanwhile the draft is saved elsewhere (same content, next revision).
    const current = await readDraft(page.request);
    const saved = await page.request.put(`${API}/draft`, {
      data: { content: current.content },
      headers: { "If-Match": current.etag },
    });
    expect(saved.status()).toBe(200);

    await page.getByRole("button", { name: "Overnemen in het concept" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Het concept is intussen gewijzigd." });
    await alert.waitFor();
    await checkScreen(page, "avg-import-conflict");
    expect((await readDraft(page.request)).content).toEqual(current.content);
    expect(await page.getByRole("button", { name: "Overnemen in het concept" }).count()).toBe(0);

    await alert.getByRole("button", { name: "Opnieuw voorstellen" }).click();
    await expect.poll(() => alert.count()).toBe(0);
    await page.getByRole("heading", { level: 2, name: "2. Voorstel controleren" }).waitFor();
    expect(await targetSelect(page, /“Google Analytics”/).inputValue()).toBe("__skip");
    expect(await page.getByRole("button", { name: "Overnemen in het concept" }).count()).toBe(1);
  } finally {
    await restoreDraft(page.request, before.content);
  }
}, 120_000);

it("marks both import steps busy while the server works, and a second click sends nothing more", async () => {
  const page = await signedIn("editor@jccsoftware.example");
  const before = await readDraft(page.request);
  try {
    await openImport(page);
    await page.getByLabel("Tekst van de privacyverklaring").fill(STATEMENT_TEXT);
    const proposing = await holdRequests(page, "**/import");
    await page.getByRole("button", { name: "Voorstel maken" }).click();
    const form = page.locator("form.import-form");
    await expect.poll(() => form.getAttribute("aria-busy")).toBe("true");
    const submit = form.locator('button[type="submit"]');
    expect(await submit.getAttribute("aria-disabled")).toBe("true");
    await submit.click({ force: true }); // aria-disabled: Playwright would wait for it to be enabled
    proposing.release();
    await page.getByRole("heading", { level: 2, name: "2. Voorstel controleren" }).waitFor();
    expect(proposing.sent()).toBe(1);
    await page.unroute("**/import");

    const accepting = await holdRequests(page, "**/import/accept");
    await page.getByRole("button", { name: "Overnemen in het concept" }).click();
    const step = page.locator("#import-accept");
    await expect.poll(() => step.getAttribute("aria-busy")).toBe("true");
    const accept = step.getByRole("button", { name: "Bezig met overnemen…" });
    expect(await accept.getAttribute("aria-disabled")).toBe("true");
    await accept.click({ force: true });
    accepting.release();
    await page.getByRole("heading", { level: 2, name: "Overgenomen in het concept" }).waitFor();
    expect(accepting.sent()).toBe(1);
  } finally {
    await restoreDraft(page.request, before.content);
  }
}, 120_000);

it("shows the import review usable at 375 px", async () => {
  const page = await signedIn("editor@jccsoftware.example", { width: 375, height: 812 });
  await openImport(page);
  await page.getByLabel("Tekst van de privacyverklaring").fill(STATEMENT_TEXT);
  await page.getByRole("button", { name: "Voorstel maken" }).click();
  await page.getByRole("heading", { level: 2, name: "2. Voorstel controleren" }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const select = targetSelect(page, /Welke gegevens verwerken wij\?/);
  const box = await select.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
  await checkScreen(page, "avg-import-review-375");
}, 120_000);

it("tells a viewer that only editors can import", async () => {
  const page = await signedIn("viewer@jccsoftware.example");
  await openImport(page);
  await page.getByRole("heading", { level: 2, name: "Alleen lezen" }).waitFor();
  expect(await page.getByRole("button", { name: "Voorstel maken" }).count()).toBe(0);
  expect(
    await page.getByRole("link", { name: "Naar het concept van JCC Software" }).getAttribute("href"),
  ).toBe(`/console/${GROUP}/companies/${TENANT}`);
  await checkScreen(page, "avg-import-viewer");
}, 60_000);

it("gives the privacy lead the group report with every company's score, and the CSV", async () => {
  const page = await signedIn("lead@conxillium.example");
  await page.goto(`${base}/console/${GROUP}/report`);
  await page.getByRole("heading", { level: 1, name: "AVG-rapport" }).waitFor();
  const table = page.getByRole("table", { name: "AVG-volledigheid per bedrijf en onderdeel" });
  await table.waitFor();
  const rows = table.locator("tbody tr");
  // One row per active company: the demo's eight, and any another test file added to the group.
  const companies = await page.request.get(`${base}/api/groups/${GROUP}/companies`);
  const { items } = (await companies.json()) as { items: { status: string }[] };
  const active = items.filter((company) => company.status === "active").length;
  expect(active).toBeGreaterThanOrEqual(8);
  expect(await rows.count()).toBe(active);
  for (let i = 0; i < active; i++) {
    const row = rows.nth(i);
    expect(await row.locator("td.report-score").textContent()).toMatch(/^\d{1,3} \/ 100$/);
    expect(await row.getByRole("link").getAttribute("href")).toMatch(
      new RegExp(`^/console/${GROUP}/companies/[a-z0-9-]+$`),
    );
  }
  expect(await table.getByRole("rowheader", { name: /JCC Software/ }).count()).toBe(1);
  // Status is words and an icon with a name, not colour alone.
  expect(await table.getByRole("img", { name: "Aanwezig" }).count()).toBeGreaterThan(8);
  expect(await page.getByRole("region", { name: "AVG-volledigheid per bedrijf en onderdeel" }).count()).toBe(
    1,
  );
  await checkScreen(page, "avg-report");

  const href = await page.getByRole("link", { name: "CSV downloaden" }).getAttribute("href");
  // The CSV is labelled in the console's language, for Dutch Excel: a byte order mark and `;`.
  expect(href).toBe(`/api/groups/${GROUP}/completeness/report.csv?lang=nl`);
  const csv = await page.request.get(`${base}${href}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body
    .subarray(3)
    .toString("utf8")
    .split("\r\n")
    .filter((line) => line !== "");
  expect(lines).toHaveLength(9);
  expect(lines[0]).toMatch(/^Bedrijf;Versie;Score;/);

  // At 375 px the page keeps its width; the table scrolls inside its labelled region.
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await checkScreen(page, "avg-report-375");
}, 120_000);

it("tells a company editor that the report is for the privacy lead", async () => {
  const page = await signedIn("editor@dataquint.example");
  await page.goto(`${base}/console/${GROUP}/report`);
  await page.getByRole("heading", { level: 1, name: "Alleen voor de privacyfunctionaris" }).waitFor();
  expect(await page.getByRole("table").count()).toBe(0);
}, 60_000);
