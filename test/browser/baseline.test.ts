// The privacy lead's pages in a real Chromium against the real worker: the baseline editor
// (reordering by keyboard and by drag and drop, the placeholder picker, the live preview, saving,
// a conflict between two windows, publishing), the processor register and the approval setting.
// Other test files publish baselines too: everything here asserts only on what this file made,
// and puts back what it changed (the baseline's order and text, a company draft, the setting).
import type { APIRequestContext, Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import { saveAndPublishBaseline } from "./baseline-steps.ts";
import { useBrowser } from "./session.ts";

const base = inject("baseURL");
const LEAD = "lead@conxillium.example";
const EDITOR = "editor@jccsoftware.example";
const GROUP = "conxillium";
const CONTACT_SENTENCE = "Vragen over deze verklaring? Neem contact op met {{company.name}}.";

const { signedIn } = useBrowser({ viewport: { width: 1400, height: 900 } });

interface Section {
  key: string;
  title: { nl: string; en?: string };
  body: { nl: string; en?: string };
  policy: string;
  list?: string;
}
interface BaselineDoc {
  title: { nl: string; en?: string };
  sections: Section[];
  defaults?: unknown;
}

async function getJson<T>(
  request: APIRequestContext,
  path: string,
): Promise<{ body: T; etag: string | null }> {
  const response = await request.get(`${base}${path}`);
  expect(response.status(), path).toBe(200);
  return { body: (await response.json()) as T, etag: response.headers()["etag"] ?? null };
}

const sectionOrder = (page: Page): Promise<string[]> =>
  page
    .locator("ol.sections > li")
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.key ?? ""));
const row = (page: Page, key: string) => page.locator(`ol.sections > li[data-key="${key}"]`);

async function openEditor(page: Page): Promise<void> {
  await page.goto(`${base}/console/${GROUP}/baseline`);
  await page.getByRole("heading", { level: 1, name: "Basisverklaring van Conxillium" }).waitFor();
  await page.locator("ol.sections > li").first().waitFor();
}

/** Puts the draft (and, when it differs, the published baseline) back to `baseline`. */
async function restoreBaseline(request: APIRequestContext, baseline: BaselineDoc): Promise<void> {
  const draft = await getJson<{ revision: number; baseline: BaselineDoc }>(
    request,
    `/api/groups/${GROUP}/baseline/draft`,
  );
  if (JSON.stringify(draft.body.baseline) !== JSON.stringify(baseline)) {
    const saved = await request.put(`${base}/api/groups/${GROUP}/baseline/draft`, {
      data: { baseline },
      headers: { "If-Match": `"${draft.body.revision}"` },
    });
    expect(saved.status()).toBe(200);
  }
  const published = await getJson<{ baseline: BaselineDoc }>(request, `/api/groups/${GROUP}/baseline`);
  if (JSON.stringify(published.body.baseline) !== JSON.stringify(baseline)) {
    const publish = await request.post(`${base}/api/groups/${GROUP}/baseline/publish`, {
      data: { changeNote: "Browsertest: volgorde en tekst van voor de test teruggezet." },
    });
    expect(publish.status()).toBe(201);
  }
}

it("reorders, edits with the placeholder picker, previews, saves and publishes; a second window gets the conflict view", async () => {
  const lead = await signedIn(LEAD);
  const original = (
    await getJson<{ baseline: BaselineDoc }>(lead.request, `/api/groups/${GROUP}/baseline/draft`)
  ).body.baseline;
  const other = await signedIn(LEAD);
  try {
    await openEditor(lead);
    // The second window opens the same draft before the first one saves.
    await openEditor(other);

    // Keyboard: "changes" one place up, past "cookies". The focus stays on the moved section's button.
    const before = await sectionOrder(lead);
    const changesAt = before.indexOf("changes");
    const cookiesAt = before.indexOf("cookies");
    expect(changesAt).toBeGreaterThan(0);
    const moveUp = lead.getByRole("button", { name: "Sectie Wijzigingen omhoog" });
    let steps = 0;
    // However the draft was left, move it up until it sits just above cookies.
    while ((await sectionOrder(lead)).indexOf("changes") > (await sectionOrder(lead)).indexOf("cookies")) {
      await moveUp.focus();
      await lead.keyboard.press("Enter");
      steps++;
      expect(steps).toBeLessThan(20);
    }
    const afterKeyboard = await sectionOrder(lead);
    const changesNow = afterKeyboard.indexOf("changes");
    expect(changesNow).toBe(afterKeyboard.indexOf("cookies") - 1);
    expect(changesNow).toBeLessThan(Math.max(changesAt, cookiesAt));
    const focused = await lead.evaluate(() => ({
      id: document.activeElement?.id ?? "",
      key: (document.activeElement?.closest("li") as HTMLElement | null)?.dataset.key,
    }));
    expect(focused.id).toMatch(/^move-up-/);
    expect(focused.key).toBe("changes");
    await lead
      .locator("#section-moves")
      .filter({ hasText: `Sectie Wijzigingen staat nu op plaats ${changesNow + 1}` })
      .waitFor();

    // Drag and drop: "rights" dropped on "retention" takes its place.
    const rightsAt = afterKeyboard.indexOf("rights");
    const retentionAt = afterKeyboard.indexOf("retention");
    expect(rightsAt).toBeGreaterThanOrEqual(0);
    expect(retentionAt).toBeGreaterThanOrEqual(0);
    await row(lead, "rights").locator(".drag-handle").dragTo(row(lead, "retention"));
    const afterDrag = await sectionOrder(lead);
    expect(afterDrag.indexOf("rights")).toBe(retentionAt);
    if (rightsAt > retentionAt) expect(afterDrag.indexOf("retention")).toBe(retentionAt + 1);
    else expect(afterDrag.indexOf("retention")).toBe(retentionAt - 1);
    await lead
      .locator("#section-moves")
      .filter({ hasText: `staat nu op plaats ${retentionAt + 1}` })
      .waitFor();
    await lead.getByRole("status").filter({ hasText: "Niet-opgeslagen wijzigingen." }).waitFor();

    // The Dutch body of "changes": type, then insert {{company.name}} with the picker at the caret.
    await row(lead, "changes").locator(".section-pick").click();
    await lead.getByRole("heading", { name: "Sectie bewerken: Wijzigingen" }).waitFor();
    const body = lead.getByLabel("Tekst (Nederlands)");
    const originalBody = await body.inputValue();
    await body.click();
    await lead.keyboard.press("Control+End");
    await lead.keyboard.type(" Vragen over deze verklaring? Neem contact op met ");
    await lead.getByLabel("Gegeven", { exact: true }).selectOption("company.name");
    await lead.getByRole("button", { name: "Invoegen" }).click();
    await lead.keyboard.type(".");
    expect(await body.inputValue()).toBe(`${originalBody} ${CONTACT_SENTENCE}`);
    expect(await lead.evaluate(() => document.activeElement?.id)).toMatch(/-body-nl$/);

    // The live preview for JCC Software, with the company's name filled in and the new order.
    await lead.getByLabel("Bedrijf", { exact: true }).selectOption({ label: "JCC Software" });
    const preview = lead.getByRole("region", { name: "Voorbeeld van de verklaring van JCC Software" });
    await preview.getByText("Neem contact op met JCC Software.").waitFor();
    expect(await preview.textContent()).not.toContain("{{");
    const headings = await preview.locator("section > h2").allTextContents();
    expect(headings.indexOf("Wijzigingen")).toBeLessThan(headings.indexOf("Gebruik cookies"));
    expect(await preview.locator("[style]").count()).toBe(0);
    await checkScreen(lead, "baseline-editor");

    // Save with the revision it was opened at, then publish with a change note; the page says
    // how many companies are now outdated.
    const number = await saveAndPublishBaseline(
      lead,
      "Browsertest: contactzin bij Wijzigingen, volgorde aangepast.",
    );
    await lead.getByText(/bedrijven? (hebben|heeft) nu een verouderde verklaring/).waitFor();
    expect(
      await lead.getByRole("link", { name: "Naar het overzicht van de bedrijven" }).getAttribute("href"),
    ).toBe(`/console/${GROUP}`);

    const published = (
      await getJson<{ number: number; baseline: BaselineDoc }>(lead.request, `/api/groups/${GROUP}/baseline`)
    ).body;
    expect(published.number).toBe(number);
    const keys = published.baseline.sections.map((s) => s.key);
    expect(keys.indexOf("changes")).toBe(keys.indexOf("cookies") - 1);
    expect(keys.indexOf("rights")).toBe(retentionAt);
    const changes = published.baseline.sections.find((s) => s.key === "changes");
    expect(changes?.body.nl).toBe(`${originalBody} ${CONTACT_SENTENCE}`);

    // The second window still has the old revision: its save meets the conflict view.
    await row(other, "cookies").locator(".section-pick").click();
    await other.getByLabel("Titel (Engels) — niet verplicht").fill("Cookies and similar technologies");
    await other.getByRole("button", { name: "Concept opslaan" }).click();
    const conflict = other.getByRole("alert").filter({ hasText: "Iemand anders heeft intussen opgeslagen" });
    await conflict.waitFor();
    expect(await other.evaluate(() => document.activeElement?.id)).toBe("conflict-title");
    await conflict.getByText("de volgorde van de secties").waitFor();
    await conflict.getByText('sectie "Wijzigingen" verschilt').waitFor();
    await checkScreen(other, "baseline-editor-conflict");

    // Take the newer version: the first window's order and text are now here; then re-apply.
    await conflict.getByRole("button", { name: "Hun versie overnemen" }).click();
    await conflict.waitFor({ state: "detached" });
    expect(await sectionOrder(other)).toEqual(keys);
    await row(other, "changes").locator(".section-pick").click();
    expect(await other.getByLabel("Tekst (Nederlands)").inputValue()).toContain(CONTACT_SENTENCE);
    await row(other, "cookies").locator(".section-pick").click();
    expect(await other.getByLabel("Titel (Engels) — niet verplicht").inputValue()).not.toBe(
      "Cookies and similar technologies",
    );
    await other.getByLabel("Titel (Engels) — niet verplicht").fill("Cookies and similar technologies");
    await other.getByRole("button", { name: "Concept opslaan" }).click();
    await other.getByRole("status").filter({ hasText: "Opgeslagen om" }).waitFor();

    const draft = (
      await getJson<{ baseline: BaselineDoc }>(other.request, `/api/groups/${GROUP}/baseline/draft`)
    ).body;
    expect(draft.baseline.sections.map((s) => s.key)).toEqual(keys);
    expect(draft.baseline.sections.find((s) => s.key === "changes")?.body.nl).toContain(CONTACT_SENTENCE);
    expect(draft.baseline.sections.find((s) => s.key === "cookies")?.title.en).toBe(
      "Cookies and similar technologies",
    );

    // And the other way through a conflict: the first window (now stale) puts its own version over it.
    await row(lead, "cookies").locator(".section-pick").click();
    await lead.getByLabel("Titel (Engels) — niet verplicht").fill("Use of cookies");
    await lead.getByRole("button", { name: "Concept opslaan" }).click();
    const second = lead.getByRole("alert").filter({ hasText: "Iemand anders heeft intussen opgeslagen" });
    await second.getByRole("button", { name: "Mijn wijzigingen eroverheen opslaan" }).click();
    await second.waitFor({ state: "detached" });
    await lead.getByRole("status").filter({ hasText: "Opgeslagen om" }).waitFor();
    const overwritten = (
      await getJson<{ baseline: BaselineDoc }>(lead.request, `/api/groups/${GROUP}/baseline/draft`)
    ).body;
    expect(overwritten.baseline.sections.find((s) => s.key === "cookies")?.title.en).toBe("Use of cookies");
  } finally {
    await restoreBaseline(lead.request, original);
  }
}, 60_000);

it("explains each policy, marks a field the schema refuses, and guards unsaved changes", async () => {
  const lead = await signedIn(LEAD);
  await openEditor(lead);

  // A section is added at the end, and removed again after a confirmation.
  await lead.locator("#new-section-key").fill("klachten_test");
  await lead.locator("#new-section-title").fill("Klachten (test)");
  await lead.getByRole("button", { name: "Sectie toevoegen" }).click();
  await lead.getByRole("heading", { name: "Sectie bewerken: Klachten (test)" }).waitFor();
  expect((await sectionOrder(lead)).at(-1)).toBe("klachten_test");
  await lead.getByRole("button", { name: "Sectie verwijderen" }).click();
  await lead.getByText('Sectie "Klachten (test)" verwijderen?', { exact: false }).waitFor();
  await lead.getByRole("button", { name: "Ja, verwijderen" }).click();
  await row(lead, "klachten_test").waitFor({ state: "detached" });
  await lead.getByRole("status").filter({ hasText: "Sectie Klachten (test) is verwijderd." }).waitFor();
  await lead.getByRole("status").filter({ hasText: "Alles is opgeslagen." }).waitFor();

  await row(lead, "introduction").locator(".section-pick").click();
  await lead.getByRole("heading", { name: "Sectie bewerken: Inleiding" }).waitFor();

  const explanations: Record<string, string> = {
    Vast: "Bedrijven kunnen deze tekst niet wijzigen.",
    "Aan te vullen": "Bedrijven mogen tekst toevoegen na de tekst van de groep.",
    Vervangbaar: "Bedrijven mogen de tekst vervangen (of aanvullen).",
    Optioneel: "Bedrijven mogen dit onderdeel weglaten.",
  };
  const policies = lead.getByRole("group", { name: "Wat mogen bedrijven met deze sectie?" });
  for (const [label, explanation] of Object.entries(explanations)) {
    const radio = policies.getByRole("radio", { name: label, exact: true });
    await radio.check();
    expect(await radio.isChecked()).toBe(true);
    const describedBy = (await radio.getAttribute("aria-describedby")) ?? "";
    const description = lead.locator(`#${describedBy}`);
    expect(await description.isVisible()).toBe(true);
    expect(await description.textContent()).toBe(explanation);
    // The list shows the section's policy as chosen.
    await row(lead, "introduction").locator(".policy-badge").filter({ hasText: label }).waitFor();
  }

  // A section key the model refuses is marked at the field, before anything is sent.
  await lead.locator("#new-section-key").fill("Nieuwe Sectie");
  await lead.getByRole("button", { name: "Sectie toevoegen" }).click();
  await lead.locator("#new-section-key-error").filter({ hasText: "Begin met een kleine letter" }).waitFor();
  expect(await lead.locator("#new-section-key").getAttribute("aria-invalid")).toBe("true");

  // An empty Dutch title is refused on save, and the message sits at the field.
  const editorRegion = lead.getByRole("region", { name: "Sectie bewerken: Inleiding" });
  await editorRegion.getByLabel("Titel (Nederlands)", { exact: true }).fill("");
  let puts = 0;
  lead.on("request", (r) => {
    if (r.method() === "PUT" && new URL(r.url()).pathname.endsWith("/baseline/draft")) puts++;
  });
  await lead.getByRole("button", { name: "Concept opslaan" }).click();
  const title = lead.locator("input[id$='-title-nl']").last();
  await lead.getByText("Dit veld is verplicht.").waitFor();
  expect(await title.getAttribute("aria-invalid")).toBe("true");
  expect(await lead.evaluate(() => document.activeElement?.id)).toMatch(/-title-nl$/);
  await row(lead, "introduction").filter({ hasText: "bevat fouten" }).waitFor();
  expect(puts).toBe(0);

  // Leaving with unsaved changes asks first; staying keeps the page and what was typed.
  lead.once("dialog", (dialog) => void dialog.dismiss());
  await lead
    .getByRole("navigation", { name: "Conxillium: onderdelen" })
    .getByRole("link", { name: "Verwerkers" })
    .click();
  await lead.waitForTimeout(300);
  expect(new URL(lead.url()).pathname).toBe(`/console/${GROUP}/baseline`);
  lead.once("dialog", (dialog) => void dialog.accept());
  await lead
    .getByRole("navigation", { name: "Conxillium: onderdelen" })
    .getByRole("link", { name: "Verwerkers" })
    .click();
  await lead.waitForURL((url) => url.pathname === `/console/${GROUP}/processors`);
  expect(puts).toBe(0);
});

it("tells a company editor that only the privacy lead edits the baseline and settings; the register is read-only", async () => {
  const editor = await signedIn(EDITOR);
  await editor.goto(`${base}/console/${GROUP}/baseline`);
  await editor
    .getByText(/alleen de privacyfunctionaris/i)
    .first()
    .waitFor();
  expect(await editor.locator("ol.sections").count()).toBe(0);
  await checkScreen(editor, "baseline-lead-only");

  await editor.goto(`${base}/console/${GROUP}/settings`);
  await editor
    .getByText(/alleen de privacyfunctionaris/i)
    .first()
    .waitFor();
  expect(await editor.getByRole("checkbox").count()).toBe(0);

  await editor.goto(`${base}/console/${GROUP}/processors`);
  await editor.getByRole("heading", { level: 1, name: "Verwerkers van Conxillium" }).waitFor();
  await editor
    .getByText("Alleen de privacyfunctionaris van de groep kan deze lijst wijzigen.", { exact: false })
    .waitFor();
  expect(await editor.getByRole("button", { name: /wijzigen$/ }).count()).toBe(0);
  expect(await editor.getByRole("button", { name: "Verwerker toevoegen" }).count()).toBe(0);
});

it("adds a processor, changes it, and reports the company drafts that took the change", async () => {
  const lead = await signedIn(LEAD);
  const key = `mailhuis-${Date.now().toString(36)}`;
  const company = "pharox";
  const draftPath = `/api/groups/${GROUP}/tenants/${company}/draft`;
  let originalContent: unknown = null;
  try {
    await lead.goto(`${base}/console/${GROUP}/processors`);
    await lead.getByRole("heading", { level: 1, name: "Verwerkers van Conxillium" }).waitFor();

    // What the companies already list by hand is offered for the register, with a key from its name.
    const suggestions = lead.getByRole("region", { name: "Bij de bedrijven, nog niet in het register" });
    const hosting = suggestions.locator('li[data-suggestion="lage-landen-hosting-b-v"]');
    await hosting.waitFor();
    expect(await hosting.textContent()).toMatch(/Lage Landen Hosting B\.V\..*bij .*,/);
    await hosting.getByRole("button", { name: "Lage Landen Hosting B.V. in het register zetten" }).click();
    expect(await lead.getByLabel("Naam", { exact: true }).inputValue()).toBe("Lage Landen Hosting B.V.");
    expect(await lead.getByLabel("Sleutel").inputValue()).toBe("lage-landen-hosting-b-v");
    // A new name gives a new key, until the key is typed by hand.
    await lead.getByLabel("Naam", { exact: true }).fill("Mailhuis Test B.V.");
    expect(await lead.getByLabel("Sleutel").inputValue()).toBe("mailhuis-test-b-v");

    await lead.getByLabel("Sleutel").fill(key);
    await lead.getByLabel("Naam", { exact: true }).fill("Mailhuis Test B.V.");
    await lead.getByLabel("Dienst (Nederlands) — niet verplicht").fill("nieuwsbrieven versturen");
    await lead.getByLabel("Land waar de gegevens verwerkt worden").selectOption("NL");
    await lead.getByText("Nederland ligt in de Europese Economische Ruimte.").waitFor();
    await lead.getByRole("button", { name: "Verwerker toevoegen" }).click();
    await lead.getByRole("status").filter({ hasText: "Mailhuis Test B.V. is toegevoegd." }).waitFor();
    // Nobody uses it yet: the message says that nothing changes, not "0 companies updated".
    await lead
      .getByRole("status")
      .filter({ hasText: "Nog geen bedrijf gebruikt deze verwerker uit het register" })
      .waitFor();
    await lead.locator(`tr[data-key="${key}"]`).filter({ hasText: "Binnen de EER" }).waitFor();

    // A company picks it (over the API: the company pages are not what this test is about).
    const { body: draft, etag } = await getJson<{
      revision: number;
      content: { lists: { recipients: unknown[] } };
    }>(lead.request, draftPath);
    originalContent = structuredClone(draft.content);
    draft.content.lists.recipients.push({
      name: "Mailhuis Test B.V.",
      role: "processor",
      service: { nl: "nieuwsbrieven versturen" },
      country: "NL",
      safeguard: "eea",
      processor: key,
    });
    const picked = await lead.request.put(`${base}${draftPath}`, {
      data: { content: draft.content },
      headers: { "If-Match": etag ?? `"${draft.revision}"` },
    });
    expect(picked.status()).toBe(200);

    // Moved to the United States: the safeguard must be chosen, in plain words.
    await lead.getByRole("button", { name: "Mailhuis Test B.V. wijzigen" }).click();
    await lead.getByRole("heading", { name: "Mailhuis Test B.V. wijzigen" }).waitFor();
    await lead.getByLabel("Land waar de gegevens verwerkt worden").selectOption("US");
    await lead
      .getByText("Verenigde Staten ligt buiten de Europese Economische Ruimte.", { exact: false })
      .waitFor();
    await lead.getByRole("button", { name: "Wijziging opslaan" }).click();
    await lead
      .locator("#safeguard-error")
      .filter({ hasText: "Kies hoe de doorgifte buiten de EER beschermd is." })
      .waitFor();
    const scc = lead.getByRole("radio", { name: "Standaardcontractbepalingen" });
    expect(await lead.evaluate(() => document.activeElement?.id)).toBe("safeguard-adequacy");
    await scc.check();
    await checkScreen(lead, "processors-edit");
    await lead.getByRole("button", { name: "Wijziging opslaan" }).click();
    await lead.getByRole("status").filter({ hasText: "Mailhuis Test B.V. is gewijzigd." }).waitFor();
    await lead
      .getByRole("status")
      .filter({ hasText: "1 bedrijf bijgewerkt; zijn verklaring moet opnieuw gepubliceerd worden." })
      .waitFor();
    expect(
      await lead
        .getByRole("status")
        .getByRole("link", { name: "Naar het overzicht van de bedrijven" })
        .getAttribute("href"),
    ).toBe(`/console/${GROUP}`);
    await lead.locator(`tr[data-key="${key}"]`).filter({ hasText: "Verenigde Staten" }).waitFor();
    await lead.locator(`tr[data-key="${key}"]`).filter({ hasText: "Standaardcontractbepalingen" }).waitFor();

    const updated = (
      await getJson<{ content: { lists: { recipients: Record<string, unknown>[] } } }>(
        lead.request,
        draftPath,
      )
    ).body;
    const mine = updated.content.lists.recipients.find((r) => r.processor === key);
    expect(mine).toMatchObject({ country: "US", safeguard: "scc", name: "Mailhuis Test B.V." });
  } finally {
    // Take the processor out of the company's draft again.
    if (originalContent !== null) {
      const { body, etag } = await getJson<{ revision: number }>(lead.request, draftPath);
      const restored = await lead.request.put(`${base}${draftPath}`, {
        data: { content: originalContent },
        headers: { "If-Match": etag ?? `"${body.revision}"` },
      });
      expect(restored.status()).toBe(200);
    }
  }
});

it("turns the approval setting on and off again, and it holds across reloads", async () => {
  const lead = await signedIn(LEAD);
  const settingsPath = `/api/groups/${GROUP}/settings`;
  const initial = (await getJson<{ requireApproval: boolean }>(lead.request, settingsPath)).body
    .requireApproval;
  try {
    await lead.goto(`${base}/console/${GROUP}/settings`);
    const toggle = lead.getByRole("checkbox", { name: "Goedkeuring vereisen bij publiceren" });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(initial);
    const described = (await toggle.getAttribute("aria-describedby")) ?? "";
    expect(await lead.locator(`#${described}`).textContent()).toContain(
      "Met goedkeuring aan wordt elke publicatie een verzoek dat een andere privacyfunctionaris goedkeurt.",
    );
    await checkScreen(lead, "group-settings");

    for (const next of [!initial, initial]) {
      await toggle.setChecked(next);
      await lead.getByRole("button", { name: "Instelling opslaan" }).click();
      await lead
        .getByRole("status")
        .filter({
          hasText: next ? "Opgeslagen: goedkeuring staat aan." : "Opgeslagen: goedkeuring staat uit.",
        })
        .waitFor();
      expect(
        (await getJson<{ requireApproval: boolean }>(lead.request, settingsPath)).body.requireApproval,
      ).toBe(next);
      await lead.reload();
      await toggle.waitFor();
      expect(await toggle.isChecked()).toBe(next);
    }
  } finally {
    const put = await lead.request.put(`${base}${settingsPath}`, { data: { requireApproval: initial } });
    expect(put.status()).toBe(200);
  }
});

it("fits a 375 px phone: the editor and the register scroll only vertically", async () => {
  const lead = await signedIn(LEAD, { width: 375, height: 740 });
  const overflow = () =>
    lead.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await openEditor(lead);
  await lead.getByRole("region", { name: /^Voorbeeld van de verklaring van / }).waitFor();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await checkScreen(lead, "baseline-editor-phone");
  await lead.goto(`${base}/console/${GROUP}/processors`);
  await lead.getByRole("heading", { level: 1, name: "Verwerkers van Conxillium" }).waitFor();
  expect(await overflow()).toBeLessThanOrEqual(0);
});

it("with approval on, publishing the baseline becomes a request that another privacy lead sees with its redline", async () => {
  const lead = await signedIn(LEAD);
  const settingsPath = `/api/groups/${GROUP}/settings`;
  const original = (
    await getJson<{ baseline: BaselineDoc }>(lead.request, `/api/groups/${GROUP}/baseline/draft`)
  ).body.baseline;
  const sentence = `Wij antwoorden binnen een maand (goedkeuringstest ${Date.now().toString(36)}).`;
  expect(
    (await lead.request.put(`${base}${settingsPath}`, { data: { requireApproval: true } })).status(),
  ).toBe(200);
  try {
    await openEditor(lead);
    await row(lead, "rights").locator(".section-pick").click();
    const body = lead.getByLabel("Tekst (Nederlands)");
    await body.fill(`${await body.inputValue()} ${sentence}`);
    await lead.getByRole("button", { name: "Concept opslaan" }).click();
    await lead.getByRole("status").filter({ hasText: "Alles is opgeslagen." }).waitFor();
    // The button says what it does, and so does the question before it.
    expect(await lead.getByRole("button", { name: "Basisverklaring publiceren" }).count()).toBe(0);
    await lead.getByLabel("Wat verandert er, en waarom?").fill("Antwoordtermijn bij Uw rechten.");
    await lead.getByRole("button", { name: "Ter goedkeuring indienen" }).click();
    const confirm = lead.getByRole("group", { name: /ter goedkeuring indienen\?$/ });
    await confirm.getByRole("button", { name: "Ja, ter goedkeuring indienen" }).click();
    await lead.getByRole("heading", { name: "Ter goedkeuring ingediend" }).waitFor();

    // On the approvals page: the baseline's request, with what it changes in the baseline's text.
    await lead.getByRole("link", { name: "Naar de goedkeuringen" }).click();
    await lead.getByRole("heading", { level: 1, name: "Publicatieverzoeken" }).waitFor();
    const card = lead.locator('.card[data-company="baseline"]');
    const rights = card.locator('.request-changes li[data-section="rights"]');
    await rights.waitFor();
    expect((await rights.locator("ins").allTextContents()).join(" ")).toContain(sentence);
    // Nobody approves their own request; with one privacy lead that is said up front.
    expect(await card.getByRole("button", { name: "Goedkeuren en publiceren" }).count()).toBe(0);
    const members = await getJson<{ members: { role: string }[] }>(
      lead.request,
      `/api/groups/${GROUP}/members`,
    );
    if (members.body.members.filter((m) => m.role === "group_admin").length === 1)
      await lead.getByText("Er is maar één privacyfunctionaris.").waitFor();
    await checkScreen(lead, "group-requests-baseline");
    await card.getByRole("button", { name: "Verzoek intrekken" }).click();
    await lead
      .getByRole("status")
      .filter({ hasText: "Ingetrokken: je verzoek voor Basisverklaring." })
      .waitFor();
  } finally {
    await lead.request.put(`${base}${settingsPath}`, { data: { requireApproval: false } });
    await restoreBaseline(lead.request, original);
  }
}, 60_000);
