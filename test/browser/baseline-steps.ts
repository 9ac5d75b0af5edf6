// Steps on the baseline editor that more than one browser test takes.
import type { Page } from "playwright-core";

/**
 * Saves the open baseline draft, then publishes it with `changeNote` — after checking that a
 * publish without a note is refused at the field. Returns the published version's number.
 */
export async function saveAndPublishBaseline(page: Page, changeNote: string): Promise<number> {
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await page.getByRole("status").filter({ hasText: "Opgeslagen om" }).waitFor();
  await page.getByRole("status").filter({ hasText: "Alles is opgeslagen." }).waitFor();
  await page.getByRole("button", { name: "Basisverklaring publiceren" }).click();
  await page.locator("#change-note-error").waitFor();
  await page.getByLabel("Wat verandert er, en waarom?").fill(changeNote);
  await page.getByRole("button", { name: "Basisverklaring publiceren" }).click();
  // It asks first: nothing is published until the lead confirms.
  const confirm = page.getByRole("group", { name: /^Basisverklaring versie \d+ publiceren\?$/ });
  await confirm.waitFor();
  await confirm.getByRole("button", { name: "Ja, basisverklaring publiceren" }).click();
  const published = page.getByRole("heading", { name: /^Versie \d+ is gepubliceerd$/ });
  await published.waitFor();
  return Number(/\d+/.exec((await published.textContent()) ?? "")?.[0]);
}
