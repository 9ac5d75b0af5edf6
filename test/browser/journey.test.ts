// The whole journey of a baseline change, in a real Chromium against the real worker: the privacy
// lead edits a section of the baseline and publishes it; the dashboard marks JCC Software as
// outdated; JCC's editor signs in, finds the notice with what the new baseline changes, extends a
// section of their own and publishes; the public statement then carries both texts.
// Other files share the database and publish baselines and JCC versions too: everything here is
// asserted on two sentences made unique for this run, never on version numbers seen elsewhere.
import type { Locator, Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import { saveAndPublishBaseline } from "./baseline-steps.ts";
import { submitSignInForm, useBrowser } from "./session.ts";

const base = inject("baseURL");
const GROUP = "conxillium";
const JCC = "jcc-software";
const stamp = Date.now().toString(36);
/** Added by the lead to "Uw rechten", a locked section every company carries. */
const BASELINE_SENTENCE = `Een verzoek over uw gegevens bevestigen wij binnen twee werkdagen (reis ${stamp}).`;
/** Added by JCC's editor to "Doeleinden", which companies may extend. */
const COMPANY_SENTENCE = {
  nl: `JCC Software gebruikt gegevens ook om storingen in haar software op te sporen (reis ${stamp}).`,
  en: `JCC Software also uses data to trace faults in its software (journey ${stamp}).`,
};

const { freshPage } = useBrowser({ viewport: { width: 1280, height: 900 } });

const companyRow = (page: Page, slug: string) =>
  page.locator(`table.companies-table tr[data-company="${slug}"]`);

/** Puts `addition` after what the field holds (a space within a paragraph, else a new paragraph). */
async function appendTo(field: Locator, addition: string, separator: string): Promise<void> {
  const had = await field.inputValue();
  await field.fill(had.trim() ? `${had}${separator}${addition}` : addition);
}

it("carries a baseline change from the privacy lead through JCC Software's editor to the public statement", async () => {
  // The privacy lead signs in and opens the baseline editor.
  const lead = await freshPage();
  await lead.goto(`${base}/console/${GROUP}/baseline`);
  await lead.waitForURL((url) => url.pathname === "/sign-in");
  await submitSignInForm(lead, "lead@conxillium.example");
  await lead.getByRole("heading", { level: 1, name: "Basisverklaring van Conxillium" }).waitFor();

  // A sentence more in "Uw rechten", saved, then published with a change note.
  await lead.locator('ol.sections > li[data-key="rights"] .section-pick').click();
  await lead.getByRole("heading", { name: "Sectie bewerken: Uw rechten" }).waitFor();
  await appendTo(lead.getByLabel("Tekst (Nederlands)"), BASELINE_SENTENCE, " ");
  const baselineVersion = await saveAndPublishBaseline(
    lead,
    `Uw rechten: ontvangstbevestiging binnen twee werkdagen (reis ${stamp}).`,
  );
  expect(baselineVersion).toBeGreaterThan(1);

  // The dashboard marks JCC Software as outdated.
  await lead.getByRole("link", { name: "Naar het overzicht van de bedrijven" }).click();
  await lead.getByRole("heading", { level: 1, name: "Conxillium" }).waitFor();
  const jccRow = companyRow(lead, JCC);
  await jccRow.getByText("Verouderd").waitFor();
  await jccRow.getByText(`(nieuwste: ${baselineVersion})`).waitFor();
  await checkScreen(lead, "journey-dashboard-outdated");

  // The lead signs out.
  await lead.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Uitloggen" }).click();
  await lead.waitForURL((url) => url.pathname === "/sign-in");

  // JCC Software's editor signs in, in a browser of their own, and opens JCC's company page.
  const editor = await freshPage();
  await editor.goto(`${base}/console/${GROUP}`);
  await editor.waitForURL((url) => url.pathname === "/sign-in");
  await submitSignInForm(editor, "editor@jccsoftware.example");
  await editor.waitForURL((url) => url.pathname === `/console/${GROUP}`);
  await editor.locator("main").getByRole("link", { name: "JCC Software" }).first().click();
  await editor.getByRole("heading", { level: 1, name: "JCC Software: gegevens en teksten" }).waitFor();

  // The notice: the new baseline, the version JCC's statement still follows, and what changes.
  const notice = editor.getByRole("region", { name: "Nieuwe basisverklaring van de groep" });
  await notice.waitFor();
  expect(await notice.textContent()).toContain(
    `De groep heeft een nieuwe basisverklaring (versie ${baselineVersion}) gepubliceerd.`,
  );
  expect(await notice.textContent()).toMatch(
    /De gepubliceerde verklaring van JCC Software \(versie \d+\) volgt nog basisverklaring versie \d+\./,
  );
  const rights = notice.locator('li[data-section="rights"]');
  await rights.getByText("„Uw rechten”").waitFor();
  expect((await rights.locator("ins").allTextContents()).join(" ")).toContain(BASELINE_SENTENCE);
  expect(await notice.getByRole("link", { name: "Naar de publicatiepagina" }).getAttribute("href")).toBe(
    `/console/${GROUP}/companies/${JCC}/publish`,
  );
  await checkScreen(editor, "journey-company-baseline-notice");

  // JCC adds a sentence of its own to "Doeleinden", which companies may extend, and saves.
  // Folded away unless JCC already changed it: open it.
  const purposes = editor.locator("#section-purposes");
  if ((await purposes.getAttribute("open")) === null) await purposes.locator("summary").click();
  await purposes.getByLabel("Eigen tekst toevoegen").check();
  await appendTo(purposes.getByLabel("Toegevoegde tekst (Nederlands)"), COMPANY_SENTENCE.nl, "\n\n");
  await appendTo(purposes.getByLabel("Toegevoegde tekst (Engels)"), COMPANY_SENTENCE.en, "\n\n");
  await editor.getByRole("button", { name: "Concept opslaan" }).click();
  await editor
    .getByRole("status")
    .filter({ hasText: /Opgeslagen als revisie \d+/ })
    .waitFor();

  // And publishes through the publish page, with a change note.
  await editor.getByRole("link", { name: "Naar publiceren" }).click();
  await editor.getByRole("heading", { level: 1, name: "JCC Software: publiceren" }).waitFor();
  await editor
    .getByLabel("Wat is er veranderd?")
    .fill("Nieuwe basisverklaring overgenomen en een doel toegelicht.");
  await editor.getByRole("button", { name: "Publiceren", exact: true }).click();
  await editor.getByRole("heading", { level: 2, name: /Versie \d+ is gepubliceerd/ }).waitFor();
  const publicLink = editor
    .locator(".panel.success a", { hasText: `/v1/statements/${GROUP}/${JCC}` })
    .first();
  const publicUrl = (await publicLink.getAttribute("href"))!;
  expect(publicUrl).toBe(`${base}/v1/statements/${GROUP}/${JCC}`);

  // The public statement, at the address the console links to and as .html, carries both texts.
  for (const url of [publicUrl, `${base}/v1/statements/${GROUP}/${JCC}.html`]) {
    // Public reads may come from a cache for a few seconds (not in the isolate that published).
    await expect
      .poll(
        async () => {
          const response = await editor.request.get(url);
          return response.status() === 200 ? response.text() : `status ${response.status()}`;
        },
        { timeout: 15_000 },
      )
      .toContain(COMPANY_SENTENCE.nl);
    const html = await (await editor.request.get(url)).text();
    expect(html).toContain(BASELINE_SENTENCE);
  }

  // Back in the editor, nothing waits any more: JCC's statement follows the newest baseline.
  await editor.goto(`${base}/console/${GROUP}/companies/${JCC}`);
  await editor.getByRole("heading", { level: 1, name: "JCC Software: gegevens en teksten" }).waitFor();
  expect(await editor.getByRole("region", { name: "Nieuwe basisverklaring van de groep" }).count()).toBe(0);
}, 180_000);
