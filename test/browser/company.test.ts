// A company's pages in the console — editing the draft with a live preview, saving, merging a
// conflicting save, publishing, comparing and restoring versions — in a real Chromium against
// the real worker. Uses JCC Software and DataQuint only; every test sets up what it needs.
import type { Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import { submitSignInForm, useBrowser } from "./session.ts";

const base = inject("baseURL");
const JCC_EDITOR = "/console/conxillium/companies/jcc-software";
const JCC_API = `${base}/api/groups/conxillium/tenants/jcc-software`;
const { freshPage, signedIn } = useBrowser({ viewport: { width: 1440, height: 900 } });

interface DraftBody {
  revision: number;
  content: {
    profile: { phone: string; website: string };
    overrides: Record<string, { mode: string; body?: { nl: string; en?: string } }>;
  };
}

async function readDraft(page: Page): Promise<DraftBody> {
  const response = await page.request.get(`${JCC_API}/draft`);
  expect(response.status()).toBe(200);
  return (await response.json()) as DraftBody;
}

/** Opens a section of "Teksten per onderdeel" (folded away when the company has not changed it). */
async function openSection(page: Page, key: string): Promise<void> {
  const section = page.locator(`#section-${key}`);
  if ((await section.getAttribute("open")) === null) await section.locator("summary").click();
  await section.locator(".override-controls").waitFor();
}

async function openEditor(page: Page, path = JCC_EDITOR): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByRole("heading", { level: 1, name: /gegevens en teksten/ }).waitFor();
  await page.getByTestId("statement-preview").waitFor();
}

const preview = (page: Page) => page.getByTestId("statement-preview");

it("lets JCC's editor change the phone and a section, see it live, save, publish, and find it public", async () => {
  const page = await freshPage();
  await page.goto(`${base}${JCC_EDITOR}`);
  // Not signed in: sign in through the form, and land back on the editor.
  await page.waitForURL((url) => url.pathname === "/sign-in");
  await submitSignInForm(page, "editor@jccsoftware.example");
  await page.waitForURL((url) => url.pathname === JCC_EDITOR);
  await page.getByRole("heading", { level: 1, name: "JCC Software: gegevens en teksten" }).waitFor();
  await preview(page).waitFor();
  // The AVG check of the draft sits next to its preview, with the score and no "always" item missing.
  // The side column opens on the preview; the AVG check has a tab of its own.
  await page.getByRole("tab", { name: "AVG" }).click();
  const panel = page.locator("section.completeness-panel");
  await panel.getByRole("heading", { name: "AVG-volledigheid" }).waitFor();
  expect(Number(await panel.locator(".cp-score-value").textContent())).toBeGreaterThan(80);
  await checkScreen(page, "company-editor");
  await page.getByRole("tab", { name: "Voorbeeld" }).click();

  const phone = "+31 33 765 43 21";
  const sentence = "Wij leggen per verwerking vast op welke grondslag die berust.";
  const sentenceEn = "For every processing we record the legal basis it rests on.";
  await page.getByLabel("Telefoonnummer", { exact: true }).fill(phone);
  // A section the company cannot change starts folded away; "Alles uitklappen" opens every one.
  expect(await page.locator("#section-rights").getAttribute("open")).toBeNull();
  await page.getByRole("button", { name: "Alles uitklappen" }).click();
  expect(await page.locator("#section-rights").getAttribute("open")).not.toBeNull();
  await page.getByRole("button", { name: "Alles inklappen" }).click();
  expect(await page.locator("details.override[open]").count()).toBe(0);
  const legalBasis = page.locator("#section-legal_basis");
  await openSection(page, "legal_basis");
  await legalBasis.getByLabel("Eigen tekst toevoegen").check();
  // The preview follows the section being edited: it is marked (outlined) there.
  await expect
    .poll(() =>
      preview(page)
        .locator("#vk-legal_basis")
        .evaluate((el) => getComputedStyle(el).outlineStyle),
    )
    .toBe("solid");
  await legalBasis.getByLabel("Toegevoegde tekst (Nederlands)").fill(sentence);
  await legalBasis.getByLabel("Toegevoegde tekst (Engels)").fill(sentenceEn);

  // The preview follows without saving.
  await expect.poll(() => preview(page).textContent()).toContain(sentence);
  expect(await preview(page).textContent()).toContain(phone);
  await page.getByRole("button", { name: "Engels" }).click();
  await expect.poll(() => preview(page).textContent()).toContain(sentenceEn);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await page.getByRole("status").filter({ hasText: "nog niet zijn opgeslagen" }).waitFor();

  // Unsaved changes: the page's own anchors just scroll, leaving the page asks first.
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page
    .getByRole("navigation", { name: "Op deze pagina" })
    .getByRole("link", { name: "Voorbeeld" })
    .click();
  await expect.poll(() => new URL(page.url()).hash).toBe("#preview");
  await page.getByRole("link", { name: "Versies" }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]).toContain("niet zijn opgeslagen");
  expect(new URL(page.url()).pathname).toBe(JCC_EDITOR);

  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: /Opgeslagen als revisie \d+/ })
    .waitFor();
  const saved = await readDraft(page);
  expect(saved.content.profile.phone).toBe(phone);
  expect(saved.content.overrides.legal_basis).toEqual({
    mode: "append",
    body: { nl: sentence, en: sentenceEn },
  });

  // The preview's HTML is what publishing will render. Compare it with the public fragment once
  // published: the published fragment ends in a <footer> with the version number, dates and
  // hash that a preview cannot know, so that element (and the line break before it) is cut off;
  // both strings go through the same HTML parser in the page so they serialise alike.
  const previewHtml = await preview(page).innerHTML();

  await page.getByRole("link", { name: "Naar publiceren" }).click();
  await page.getByRole("heading", { level: 1, name: "JCC Software: publiceren" }).waitFor();
  await page.getByText("Er ontbreekt niets").waitFor();
  // The redline against the version in force, as rendered text: the new sentence is inserted.
  const changes = page.getByRole("region", { name: "Wat er verandert" });
  await changes.getByText(/^Ten opzichte van versie \d+, die nu geldt/).waitFor();
  const legalBasisChange = changes.locator('li[data-section="legal_basis"]');
  expect((await legalBasisChange.locator("ins").allTextContents()).join(" ")).toContain(sentence);
  await changes.getByRole("button", { name: "Engels" }).click();
  await expect
    .poll(async () => (await legalBasisChange.locator("ins").allTextContents()).join(" "))
    .toContain(sentenceEn);
  await checkScreen(page, "company-publish");

  // The change note is required; the message sits at the field.
  await page.getByRole("button", { name: "Publiceren", exact: true }).click();
  await page.locator("#changeNote-error").waitFor();
  expect(await page.getByLabel("Wat is er veranderd?").getAttribute("aria-invalid")).toBe("true");

  await page.getByLabel("Wat is er veranderd?").fill("Nieuw telefoonnummer en uitleg over de rechtsgrond.");
  await page.getByRole("button", { name: "Publiceren", exact: true }).click();
  const published = page.getByRole("heading", { level: 2, name: /Versie \d+ is gepubliceerd/ });
  await published.waitFor();
  await checkScreen(page, "company-published");
  const publicLink = page
    .locator(".panel.success a", { hasText: "/v1/statements/conxillium/jcc-software" })
    .first();
  expect(await publicLink.getAttribute("href")).toBe(`${base}/v1/statements/conxillium/jcc-software`);

  // Publishing the same draft again: nothing changed, with a way back to the editor.
  await page.getByLabel("Wat is er veranderd?").fill("Nog een keer.");
  await page.getByRole("button", { name: "Publiceren", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Er is niets veranderd" });
  await alert.waitFor();
  await alert.getByRole("link", { name: "editor" }).waitFor();

  const fragment = await page.request.get(`${base}/v1/statements/conxillium/jcc-software?fragment&lang=nl`);
  expect(fragment.status()).toBe(200);
  const fragmentHtml = await fragment.text();
  expect(fragmentHtml).toContain("<footer>");
  // The published article carries the site monitor's marker of its version and content hash
  // (issue 19), which a preview cannot know before the version exists; the rest is the same.
  expect(fragmentHtml).toMatch(
    /<article [^>]*data-verklaring-version="\d+" data-verklaring-hash="[0-9a-f]{64}"/,
  );
  const withoutFooter = fragmentHtml
    .replace(/\n<footer>[\s\S]*?<\/footer>/, "")
    .replace(/ data-verklaring-(version|hash)="[^"]*"/g, "");
  const reserialised = await page.evaluate((html) => {
    const holder = document.createElement("div");
    holder.innerHTML = html;
    return holder.innerHTML;
  }, withoutFooter);
  expect(reserialised).toBe(previewHtml);

  const statement = await page.request.get(`${base}/v1/statements/conxillium/jcc-software`);
  const statementHtml = await statement.text();
  expect(statementHtml).toContain(sentence);
  expect(statementHtml).toContain(phone);
}, 120_000);

it("merges two editors' saves of different fields, after showing both versions side by side", async () => {
  const lead = await signedIn("lead@conxillium.example");
  const editor = await signedIn("editor@jccsoftware.example");
  await openEditor(lead);
  await openEditor(editor);

  const phone = "+31 33 222 33 44";
  const website = "https://privacy.jccsoftware.example";
  await lead.getByLabel("Telefoonnummer", { exact: true }).fill(phone);
  await lead.getByRole("button", { name: "Concept opslaan" }).click();
  await lead
    .getByRole("status")
    .filter({ hasText: /Opgeslagen als revisie/ })
    .waitFor();

  await editor.getByLabel("Website", { exact: true }).fill(website);
  await editor.getByRole("button", { name: "Concept opslaan" }).click();
  const conflict = editor.locator("section.conflict");
  await conflict
    .getByRole("heading", { name: "Iemand anders heeft dit concept intussen opgeslagen" })
    .waitFor();
  // Each difference shows both sides, with the side that changed already chosen.
  const phoneUnit = conflict.getByRole("group", { name: "Telefoonnummer" });
  const websiteUnit = conflict.getByRole("group", { name: "Website" });
  expect(await phoneUnit.textContent()).toContain(phone);
  expect(await websiteUnit.textContent()).toContain(website);
  expect(await phoneUnit.getByRole("radio", { name: /Opgeslagen versie/ }).isChecked()).toBe(true);
  expect(await websiteUnit.getByRole("radio", { name: /Mijn versie/ }).isChecked()).toBe(true);
  await checkScreen(editor, "company-editor-conflict");

  await conflict.getByRole("button", { name: "Samengevoegde versie opslaan" }).click();
  await editor
    .getByRole("status")
    .filter({ hasText: /Samengevoegd en opgeslagen/ })
    .waitFor();
  await conflict.waitFor({ state: "detached" });
  expect(await editor.getByLabel("Telefoonnummer", { exact: true }).inputValue()).toBe(phone);

  const merged = await readDraft(editor);
  expect(merged.content.profile.phone).toBe(phone);
  expect(merged.content.profile.website).toBe(website);
}, 60_000);

it("compares two versions with the inserted words marked, and restores an older one as a new version", async () => {
  const page = await signedIn("editor@jccsoftware.example");
  // Publish a version with a known new sentence, so the latest two versions differ by it.
  const marker = "Versievergelijking: deze zin is nieuw in deze versie.";
  const draft = await readDraft(page);
  const content = {
    ...draft.content,
    overrides: {
      ...draft.content.overrides,
      introduction: { mode: "append", body: { nl: marker, en: "Version comparison: this sentence is new." } },
    },
  };
  const put = await page.request.put(`${JCC_API}/draft`, {
    data: { content },
    headers: { "If-Match": `"${draft.revision}"` },
  });
  expect(put.status()).toBe(200);
  const publish = await page.request.post(`${JCC_API}/publish`, {
    data: { changeNote: "Zin toegevoegd voor de vergelijking.", material: false },
  });
  expect(publish.status()).toBe(201);
  const latest = ((await publish.json()) as { version: { number: number } }).version.number;

  await page.goto(`${base}${JCC_EDITOR}/versions`);
  await page.getByRole("heading", { level: 1, name: "JCC Software: versies" }).waitFor();
  const rows = page.locator(".versions-table tbody tr");
  expect(await rows.count()).toBe(latest);
  expect(await rows.first().textContent()).toContain("Geldt nu");

  // By default the newest two are compared: the new sentence is marked as inserted.
  const section = page.locator(".diff-section", { has: page.getByRole("heading", { name: "Inleiding" }) });
  await section.waitFor();
  const inserted = await section.locator("ins").allTextContents();
  expect(inserted.join(" ")).toContain("Versievergelijking: deze zin is nieuw in deze versie.");
  expect(await section.locator("del").count()).toBe(0);
  await checkScreen(page, "company-versions");

  // Any two versions: the oldest against the newest, in English.
  await page.getByLabel("Oude versie").selectOption(String(1));
  await page.locator("#compare-lang").selectOption("en");
  await page.getByRole("button", { name: "Vergelijken" }).click();
  await page.waitForURL(
    (url) => url.searchParams.get("from") === "1" && url.searchParams.get("lang") === "en",
  );
  await page.getByRole("heading", { name: "Introduction" }).waitFor();

  await page.getByRole("button", { name: `Versie ${latest - 1} terugzetten` }).click();
  const dialog = page.getByRole("dialog", { name: `Versie ${latest - 1} terugzetten` });
  await dialog.waitFor();
  await checkScreen(page, "company-versions-restore");
  await dialog.getByRole("button", { name: "Terugzetten en publiceren" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: `gepubliceerd als versie ${latest + 1}` })
    .waitFor();
  await expect.poll(() => rows.count()).toBe(latest + 1);
  expect(await rows.first().textContent()).toContain("Versie " + (latest - 1) + " teruggezet");
  const statement = await page.request.get(`${base}/v1/statements/conxillium/jcc-software`);
  expect(await statement.text()).not.toContain(marker);
  // The draft keeps the sentence, so it can be published again later.
  expect((await readDraft(page)).content.overrides.introduction?.body?.nl).toBe(marker);
}, 60_000);

it("checks fields as they are typed and refuses to save what the API would refuse", async () => {
  const page = await signedIn("editor@dataquint.example");
  await openEditor(page, "/console/conxillium/companies/dataquint");
  let saves = 0;
  page.on("request", (request) => {
    if (request.method() === "PUT" && request.url().endsWith("/draft")) saves++;
  });
  const kvk = page.getByLabel("KvK-nummer");
  await kvk.fill("1234");
  await page.locator("#f-profile-kvkNumber-error").filter({ hasText: "acht cijfers" }).waitFor();
  expect(await kvk.getAttribute("aria-invalid")).toBe("true");
  expect(await kvk.getAttribute("aria-describedby")).toContain("f-profile-kvkNumber-error");
  await kvk.fill("05829316");
  await page.locator("#f-profile-kvkNumber-error").waitFor({ state: "detached" });

  // A new purpose on a legitimate interest needs the interest itself; a new row opens for typing.
  await page.getByRole("button", { name: "+ Doel toevoegen" }).click();
  const purpose = page.locator("#list-purposes details[open]").last();
  await purpose.getByLabel("Doel (Nederlands)").fill("Klanttevredenheid meten");
  await purpose.getByLabel("Rechtsgrond").selectOption("legitimate_interest");
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await page.getByRole("alert").filter({ hasText: "Niet alle velden zijn goed ingevuld" }).waitFor();
  await purpose.getByText("Beschrijf het gerechtvaardigd belang.").waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/legitimateInterest-nl$/);
  expect(saves).toBe(0);
  await checkScreen(page, "company-editor-invalid");
  await page.getByRole("button", { name: /Doel \d+: Klanttevredenheid meten verwijderen/ }).click();
  await page.getByRole("status").filter({ hasText: "Alles is opgeslagen." }).waitFor();
}, 60_000);

it("shows a publish that waits for approval, and lets the requester withdraw it", async () => {
  const lead = await signedIn("lead@conxillium.example");
  const setApproval = async (on: boolean) =>
    expect(
      (
        await lead.request.put(`${base}/api/groups/conxillium/settings`, { data: { requireApproval: on } })
      ).status(),
    ).toBe(200);
  await setApproval(true);
  try {
    const page = await signedIn("editor@dataquint.example");
    const api = `${base}/api/groups/conxillium/tenants/dataquint`;
    const draft = (await (await page.request.get(`${api}/draft`)).json()) as DraftBody;
    const content = { ...draft.content, profile: { ...draft.content.profile, phone: "+31 38 204 77 99" } };
    const put = await page.request.put(`${api}/draft`, {
      data: { content },
      headers: { "If-Match": `"${draft.revision}"` },
    });
    expect(put.status()).toBe(200);

    await page.goto(`${base}/console/conxillium/companies/dataquint/publish`);
    await page.getByLabel("Wat is er veranderd?").fill("Nieuw telefoonnummer.");
    // With approval on, the button says what it does.
    expect(await page.getByRole("button", { name: "Publiceren", exact: true }).count()).toBe(0);
    await page.getByRole("button", { name: "Ter goedkeuring indienen", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "Verzoek verstuurd: wacht op goedkeuring" }).waitFor();
    const pending = page.locator("section.panel.pending", {
      has: page.getByRole("button", { name: "Verzoek intrekken" }),
    });
    await pending.getByText("Nieuw telefoonnummer.").waitFor();
    expect(await page.getByRole("button", { name: "Ter goedkeuring indienen", exact: true }).count()).toBe(0);
    await checkScreen(page, "company-publish-requested");

    await pending.getByRole("button", { name: "Verzoek intrekken" }).click();
    await page.getByRole("heading", { level: 2, name: "Verzoek ingetrokken" }).waitFor();
    await page.getByRole("button", { name: "Ter goedkeuring indienen", exact: true }).waitFor();
  } finally {
    await setApproval(false);
  }
}, 60_000);

it("shows DataQuint's editor only DataQuint, and JCC's console address as not found", async () => {
  const page = await signedIn("editor@dataquint.example");
  await openEditor(page, "/console/conxillium/companies/dataquint");
  await page.getByRole("heading", { level: 1, name: "DataQuint: gegevens en teksten" }).waitFor();
  const nav = page.getByRole("navigation", { name: /Conxillium/ });
  expect(await nav.textContent()).toContain("DataQuint");
  expect(await nav.textContent()).not.toContain("JCC");

  await page.goto(`${base}${JCC_EDITOR}`);
  await page.getByText("Dit bedrijf bestaat niet of je hebt er geen toegang toe.").waitFor();
  expect(await page.locator("main").textContent()).not.toContain("JCC Software B.V.");
  await checkScreen(page, "company-not-found");
  await page.goto(`${base}${JCC_EDITOR}/versions`);
  await page.getByText("Dit bedrijf bestaat niet of je hebt er geen toegang toe.").waitFor();
}, 60_000);

it("shows JCC's viewer the editor read-only, and no way to publish", async () => {
  const page = await signedIn("viewer@jccsoftware.example");
  await openEditor(page);
  await page.getByText("Je bent meelezer van dit bedrijf").waitFor();
  const phone = page.getByLabel("Telefoonnummer", { exact: true });
  expect(await phone.getAttribute("readonly")).not.toBeNull();
  expect(await page.getByRole("button", { name: "Concept opslaan" }).count()).toBe(0);
  await openSection(page, "legal_basis");
  expect(await page.locator("#section-legal_basis").getByRole("radio").first().isDisabled()).toBe(true);
  expect(await page.getByRole("button", { name: /toevoegen$/ }).count()).toBe(0);
  await checkScreen(page, "company-editor-viewer");

  await page.goto(`${base}${JCC_EDITOR}/publish`);
  await page.getByText("alleen redacteuren en de privacyfunctionaris kunnen publiceren").waitFor();
  expect(await page.getByRole("button", { name: "Publiceren", exact: true }).count()).toBe(0);
  await checkScreen(page, "company-publish-viewer");
}, 60_000);

it("keeps the editor usable on a 375 px wide phone", async () => {
  const page = await signedIn("editor@jccsoftware.example", { width: 375, height: 812 });
  await openEditor(page);
  await page.locator("#data_categories-0 summary").click();
  await page.getByLabel("Naam (Nederlands)").first().waitFor();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await checkScreen(page, "company-editor-phone");
}, 60_000);

it("sends an expired session to sign in and brings the unsaved changes back afterwards", async () => {
  const page = await signedIn("editor@jccsoftware.example");
  await openEditor(page);
  const phone = "+31 33 999 88 77";
  await page.getByLabel("Telefoonnummer", { exact: true }).fill(phone);
  await page.context().clearCookies();
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  expect(new URL(page.url()).searchParams.get("redirect")).toBe(JCC_EDITOR);

  await submitSignInForm(page, "editor@jccsoftware.example");
  await page.waitForURL((url) => url.pathname === JCC_EDITOR);
  await page
    .getByRole("status")
    .filter({ hasText: "Je wijzigingen van voor het opnieuw inloggen staan er weer" })
    .waitFor();
  expect(await page.getByLabel("Telefoonnummer", { exact: true }).inputValue()).toBe(phone);
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: /Opgeslagen als revisie/ })
    .waitFor();
  expect((await readDraft(page)).content.profile.phone).toBe(phone);
}, 60_000);

it("shows the legal lint beside the preview and on the publish page; the gate refuses, and offers the lead a reason", async () => {
  const lead = await signedIn("lead@conxillium.example");
  const api = `${base}/api/groups/conxillium/tenants/procura`;
  const readProcura = async () => {
    const response = await lead.request.get(`${api}/draft`);
    expect(response.status()).toBe(200);
    return { body: (await response.json()) as DraftBody, etag: response.headers()["etag"]! };
  };
  const original = await readProcura();
  // Consent inferred from browsing (Planet49): a sentence no statement may contain.
  const content = structuredClone(original.body.content);
  content.overrides.introduction = {
    mode: "append",
    body: {
      nl: "Door gebruik te maken van deze website gaat u akkoord met het plaatsen van cookies.",
      en: "By using this website you agree to the use of cookies.",
    },
  };
  const put = await lead.request.put(`${api}/draft`, {
    data: { content },
    headers: { "If-Match": original.etag },
  });
  expect(put.status()).toBe(200);
  try {
    await openEditor(lead, "/console/conxillium/companies/procura");
    await lead.getByRole("tab", { name: /^Controle \(\d+\)$/ }).click();
    const finding = lead.locator('#side-checks li[data-check^="implied_consent"]').first();
    await finding.waitFor();
    expect(await finding.textContent()).toContain("Door gebruik te maken van deze website");
    await checkScreen(lead, "company-editor-checks");

    await lead.goto(`${base}/console/conxillium/companies/procura/publish`);
    await lead
      .locator("#blocking-problems")
      .getByText(/toestemming/i)
      .first()
      .waitFor();
    await lead.getByLabel("Wat is er veranderd?").fill("Een zin over cookies.");
    await lead.getByRole("button", { name: "Publiceren", exact: true }).click();
    await lead.getByRole("alert").filter({ hasText: "juridische fouten" }).waitFor();
    // The lead may publish anyway, with a written reason; it is not sent without one.
    const reason = lead.getByLabel("Waarom publiceer je deze verklaring toch?");
    await reason.waitFor();
    let publishes = 0;
    lead.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/procura/publish")) publishes++;
    });
    await lead.getByRole("button", { name: "Publiceren", exact: true }).click();
    await lead.locator("#completenessOverride-error").waitFor();
    expect(publishes).toBe(0);
    await checkScreen(lead, "company-publish-gated");
  } finally {
    const now = await readProcura();
    const restored = await lead.request.put(`${api}/draft`, {
      data: { content: original.body.content },
      headers: { "If-Match": now.etag },
    });
    expect(restored.status()).toBe(200);
  }
}, 60_000);
