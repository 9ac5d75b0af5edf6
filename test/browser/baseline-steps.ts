// Steps on the baseline editor that more than one browser test takes.
import type { Page } from "playwright-core";
import { expect } from "vitest";

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

/** A response's JSON, after checking its status (named by its URL when it is not the one expected). */
export async function readJson<T>(
  response: { status(): number; json(): Promise<unknown>; url(): string },
  status = 200,
): Promise<T> {
  expect(response.status(), response.url()).toBe(status);
  return (await response.json()) as T;
}

/**
 * Publishes, through the API as the signed-in privacy lead of the group at `groupApi`
 * (…/api/groups/{group}), a new baseline whose "changes" section carries one more sentence in each
 * language. Returns the published version's number.
 */
export async function publishBaselineWithSentence(
  page: Page,
  groupApi: string,
  sentence: { nl: string; en: string; changeNote: string },
): Promise<number> {
  const draftResponse = await page.request.get(`${groupApi}/baseline/draft`);
  const draft = await readJson<{ baseline: { sections: { key: string; body: Record<string, string> }[] } }>(
    draftResponse,
  );
  const changes = draft.baseline.sections.find((s) => s.key === "changes");
  expect(changes).toBeDefined();
  changes!.body.nl = `${changes!.body.nl} ${sentence.nl}`;
  changes!.body.en = `${changes!.body.en} ${sentence.en}`;
  const saved = await page.request.put(`${groupApi}/baseline/draft`, {
    headers: { "If-Match": draftResponse.headers()["etag"]! },
    data: { baseline: draft.baseline },
  });
  expect(saved.status()).toBe(200);
  const published = await readJson<{ version: { number: number } }>(
    await page.request.post(`${groupApi}/baseline/publish`, { data: { changeNote: sentence.changeNote } }),
    201,
  );
  return published.version.number;
}

/** A company's rollout status, as `GET …/rollout` gives it (the fields these tests read). */
export interface RolloutCompany {
  tenant: { slug: string; name: string };
  outdated: boolean;
  clean: boolean;
  conflicts: { section: string; reason: string }[];
  diff: { totals: { changed: number; added: number; removed: number; moved: number } } | null;
  /** The publish gate's reason a run would leave the company alone with, or null. */
  gateStops: string | null;
}

/** Republishing would change the text (a company omitting the changed section would not). */
export const changesText = (c: RolloutCompany): boolean =>
  !!c.diff && c.diff.totals.changed + c.diff.totals.added + c.diff.totals.removed + c.diff.totals.moved > 0;
