// A group over the years, in a real Chromium against the real worker (issue 18): the privacy lead
// adds a ninth company on the Companies page, invites its editor, who accepts and publishes it; the
// lead changes its websites, archives it and its public address then says so, restores it, and
// archives it again with a successor its address then redirects to. A company that never published
// gets a new address and is deleted. A processor a company lists stays in the register, naming the
// company, until that company is gone. On the People page one person gets roles in two companies,
// one changed, one taken away, then is taken out of the group and signed out. The screens fit a
// 375 px phone and axe finds nothing serious.
// Other files share the database: the companies and people here are this run's own (a unique
// address), the ninth company is archived at the end and the person taken out, so the group again
// has the eight companies and the members the others expect.
import type { Locator, Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import { signIn, useBrowser } from "./session.ts";

const base = inject("baseURL");
const LEAD = "lead@conxillium.example";
const GROUP = "conxillium";
const stamp = Date.now().toString(36);

const { freshPage } = useBrowser({ viewport: { width: 1200, height: 900 } });

const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const companyRow = (page: Page, slug: string) =>
  page.locator(`table.companies-admin-table tr[data-company="${slug}"]`);

/** What a public address answers now (public reads may come from a cache for a few seconds). */
async function pollPublic(page: Page, url: string, status: number): Promise<void> {
  await expect
    .poll(async () => (await page.request.get(url, { maxRedirects: 0 })).status(), { timeout: 15_000 })
    .toBe(status);
}

/** A company that never published, added over the API (the form has its own test). */
async function addCompanyOverApi(page: Page, slug: string, name: string): Promise<void> {
  const created = await page.request.post(`${base}/api/groups/${GROUP}/companies`, {
    data: {
      slug,
      name,
      profile: {
        legalName: `${name} B.V.`,
        tradeName: name,
        kvkNumber: "12345678",
        address: { street: "Kerkstraat 1", postalCode: "1017 GA", city: "Amsterdam", country: "NL" },
        email: `privacy@${slug}.example`,
        phone: "020 123 45 67",
        website: `https://www.${slug}.example`,
      },
    },
  });
  expect(created.status()).toBe(201);
}

it("adds a ninth company, whose invited editor publishes it; changes its websites; archived, its public address says so; restored, then archived with a successor it redirects to", async () => {
  const slug = `novaware-${stamp}`;
  const name = `Novaware ${stamp}`;
  const publicUrl = `${base}/v1/statements/${GROUP}/${slug}`;
  const lead = await freshPage();
  await signIn(lead, LEAD);
  await lead.goto(`${base}/console/${GROUP}`);
  await lead.getByRole("heading", { level: 1, name: "Conxillium" }).waitFor();
  await lead
    .getByRole("navigation", { name: "Conxillium: onderdelen" })
    .getByRole("link", { name: "Bedrijven" })
    .click();
  await lead.getByRole("heading", { level: 1, name: "Bedrijven" }).waitFor();
  await companyRow(lead, "jcc-software").waitFor();

  // An empty form is checked before anything is sent, and the first wrong field gets the focus.
  await lead.getByRole("button", { name: "Bedrijf toevoegen" }).click();
  await lead.getByRole("alert").filter({ hasText: "Niet alle velden zijn goed ingevuld" }).waitFor();
  expect(await lead.locator("#new-company-name").getAttribute("aria-invalid")).toBe("true");
  expect(await lead.evaluate(() => document.activeElement?.id)).toBe("new-company-name");

  // The address follows the name until it is typed; the details are the statement's.
  await lead.getByLabel("Naam in de groep").fill(name);
  expect(await lead.getByLabel("Adres (in de openbare URL)").inputValue()).toBe(slug);
  await lead.getByLabel("Websites (optioneel)").fill(`https://www.novaware-${stamp}.example/privacy`);
  await lead.getByLabel("Juridische naam").fill(`${name} B.V.`);
  await lead.getByLabel("Handelsnaam").fill(name);
  await lead.getByLabel("KvK-nummer").fill("87654321");
  await lead.getByLabel("Straat en huisnummer").fill("Stationsplein 1");
  await lead.getByLabel("Postcode").fill("3511 CE");
  await lead.getByLabel("Plaats").fill("Utrecht");
  await lead.getByLabel("E-mailadres voor privacyvragen").fill(`privacy@novaware-${stamp}.example`);
  await lead.getByLabel("Telefoonnummer").fill("030 123 45 67");
  await lead.getByLabel("Website van het bedrijf").fill(`https://www.novaware-${stamp}.example`);
  await lead.getByLabel("Beginnen met (optioneel)").selectOption("jcc-software");
  await checkScreen(lead, "companies-add");
  await lead.getByRole("button", { name: "Bedrijf toevoegen" }).click();
  await lead
    .getByRole("status")
    .filter({ hasText: `${name} is toegevoegd, nog niet gepubliceerd.` })
    .waitFor();
  await companyRow(lead, slug).getByText("Nog niet gepubliceerd").waitFor();
  // Nothing is public before the first publish.
  expect((await lead.request.get(publicUrl)).status()).toBe(404);

  // The dashboard shows it as not yet published.
  await lead.goto(`${base}/console/${GROUP}`);
  const dashboardRow = lead.locator(`table.companies-table tr[data-company="${slug}"]`);
  await dashboardRow.getByText("Nog niet gepubliceerd").waitFor();

  // Its editor is invited on the People page …
  await lead.goto(`${base}/console/${GROUP}/people`);
  await lead.getByRole("heading", { level: 1, name: "Mensen" }).waitFor();
  const email = `redactie-${stamp}@novaware.example`;
  await lead.getByLabel("E-mailadres").fill(email);
  await lead.getByLabel("Rol", { exact: true }).selectOption("tenant_editor");
  await lead.getByLabel("Bedrijf", { exact: true }).selectOption(slug);
  await lead.getByRole("button", { name: "Uitnodiging maken" }).click();
  const acceptUrl = await lead.getByLabel("Uitnodigingslink").inputValue();
  expect(acceptUrl).toContain("#token=");

  // … accepts in a browser of their own and lands in the new company …
  const editor = await freshPage();
  await editor.goto(acceptUrl);
  await editor.getByText(`Je bent uitgenodigd als redacteur van ${name} binnen Conxillium.`).waitFor();
  await editor.getByLabel("Je naam").fill("Nora Redactie");
  await editor.getByLabel("Nieuw wachtwoord").fill("een-lang-wachtwoord");
  await editor.getByLabel("Herhaal het wachtwoord").fill("een-lang-wachtwoord");
  await editor.getByRole("button", { name: "Uitnodiging accepteren" }).click();
  await editor.waitForURL((url) => url.pathname === `/console/${GROUP}/companies/${slug}`);

  // … and publishes its first version.
  await editor.goto(`${base}/console/${GROUP}/companies/${slug}/publish`);
  await editor.getByRole("heading", { level: 1, name: `${name}: publiceren` }).waitFor();
  await editor.getByLabel("Wat is er veranderd?").fill("Eerste privacyverklaring van Novaware.");
  await editor.getByRole("button", { name: "Publiceren", exact: true }).click();
  await editor.getByRole("heading", { level: 2, name: "Versie 1 is gepubliceerd" }).waitFor();
  await pollPublic(editor, publicUrl, 200);
  expect(await (await editor.request.get(publicUrl)).text()).toContain(`${name} B.V.`);

  // The lead archives it: sold, say, without a successor statement.
  await lead.goto(`${base}/console/${GROUP}/companies`);
  const row = companyRow(lead, slug);
  await row.getByText("Gepubliceerd").waitFor();
  await row.getByRole("button", { name: `Beheren ${name}` }).click();
  const panel = lead.getByRole("region", { name: `${name} beheren` });
  await panel.waitFor();
  expect(await lead.evaluate(() => document.activeElement?.id)).toBe("manage-company-title");
  // A company that published cannot be deleted: the page does not offer it.
  expect(await panel.getByRole("button", { name: /verwijderen/ }).count()).toBe(0);

  // Its statement moves to a second page: an address that is not https is refused, naming the
  // line, and what was typed stays; then it is saved and the panel stays on the company.
  const site = `https://www.novaware-${stamp}.example/privacy`;
  const shop = `shop.novaware-${stamp}.example/privacy`;
  const websites = panel.getByLabel("Websites (optioneel)");
  expect(await websites.inputValue()).toBe(site);
  await websites.fill(`${site}\nhttp://${shop}`);
  await panel.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await panel
    .locator("#edit-websites-error")
    .getByText(/^Regel 2:/)
    .waitFor();
  expect(await websites.getAttribute("aria-invalid")).toBe("true");
  expect(await websites.inputValue()).toBe(`${site}\nhttp://${shop}`);
  await websites.fill(`${site}\nhttps://${shop}`);
  await panel.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await lead
    .getByRole("status")
    .filter({ hasText: `${name} is opgeslagen.` })
    .waitFor();
  expect(await lead.evaluate(() => document.activeElement?.id)).toBe("manage-company-title");
  expect(await websites.getAttribute("aria-invalid")).toBeNull();
  const listed = (await (await lead.request.get(`${base}/api/groups/${GROUP}/companies`)).json()) as {
    items: { slug: string; websites: string[] }[];
  };
  expect(listed.items.find((c) => c.slug === slug)?.websites).toEqual([site, `https://${shop}`]);

  await panel.getByLabel("Reden (optioneel, voor het logboek)").fill("Verkocht");
  await checkScreen(lead, "companies-manage");
  await panel.getByRole("button", { name: `${name} archiveren` }).click();
  await lead
    .getByRole("status")
    .filter({ hasText: `${name} is gearchiveerd.` })
    .waitFor();
  await row.getByText("Gearchiveerd").waitFor();
  await panel.getByRole("button", { name: `${name} terugzetten` }).waitFor();

  // Its public page now says the statement no longer applies, names the last version, and links
  // to the history, which stays readable.
  await pollPublic(lead, publicUrl, 410);
  const visitor = await freshPage();
  const answer = await visitor.goto(publicUrl);
  expect(answer?.status()).toBe(410);
  await visitor
    .getByRole("heading", { level: 1, name: `Privacyverklaring van ${name} niet meer van kracht` })
    .waitFor();
  expect(await visitor.locator("main").textContent()).toContain("De laatste versie was versie 1");
  await checkScreen(visitor, "companies-archived-public");
  await visitor.getByRole("link", { name: `${publicUrl}/versions/1` }).click();
  await visitor.waitForURL(`${publicUrl}/versions/1`);
  expect(await visitor.locator("body").textContent()).toContain(`${name} B.V.`);
  expect((await visitor.request.get(`${publicUrl}/versions`)).status()).toBe(200);

  // The dashboard lists it apart, no longer among the companies with a statement in force.
  await lead.goto(`${base}/console/${GROUP}`);
  await lead.locator(".archived-companies").getByRole("link", { name }).waitFor();
  expect(await lead.locator(`table.companies-table tr[data-company="${slug}"]`).count()).toBe(0);

  // The sale falls through: restored, it is published again at its address.
  await lead.goto(`${base}/console/${GROUP}/companies`);
  await row.getByRole("button", { name: `Beheren ${name}` }).click();
  await panel.getByText("Het openbare adres meldt dat de verklaring niet meer geldt").waitFor();
  await panel.getByRole("button", { name: `${name} terugzetten` }).click();
  await lead
    .getByRole("status")
    .filter({ hasText: `${name} is teruggezet` })
    .waitFor();
  await row.getByText("Gepubliceerd").waitFor();
  await pollPublic(lead, publicUrl, 200);

  // Then it merges into a buyer whose statement applies from now on: an http link is refused, and
  // with the buyer's https link its address sends visitors and websites there.
  const successor = `https://www.koper-${stamp}.example/privacy`;
  const successorField = panel.getByLabel("Opvolger (optioneel)");
  await successorField.fill(`http://www.koper-${stamp}.example/privacy`);
  await panel.getByRole("button", { name: `${name} archiveren` }).click();
  await panel.locator("#archive-successor-error").waitFor();
  expect(await successorField.getAttribute("aria-invalid")).toBe("true");
  expect((await lead.request.get(publicUrl, { maxRedirects: 0 })).status()).toBe(200);
  await successorField.fill(successor);
  await panel.getByRole("button", { name: `${name} archiveren` }).click();
  await lead
    .getByRole("status")
    .filter({ hasText: `Het openbare adres stuurt nu door naar ${successor}.` })
    .waitFor();
  await panel.getByRole("link", { name: successor }).waitFor();
  await pollPublic(lead, `${publicUrl}.json?lang=en`, 308);
  const moved = await lead.request.get(`${publicUrl}.json?lang=en`, { maxRedirects: 0 });
  expect(moved.headers()["location"]).toBe(successor);
  // Its own history stays readable where it was.
  expect((await lead.request.get(`${publicUrl}/versions/1`, { maxRedirects: 0 })).status()).toBe(200);
  await checkScreen(lead, "companies-archived-successor");
}, 180_000);

it("gives a company that never published a new address, deletes it, and fits a 375 px phone", async () => {
  const page = await freshPage({ width: 375, height: 740 });
  await signIn(page, LEAD);
  const slug = `proef-${stamp}`;
  await addCompanyOverApi(page, slug, `Proef ${stamp}`);

  await page.goto(`${base}/console/${GROUP}/companies`);
  await page.getByRole("heading", { level: 1, name: "Bedrijven" }).waitFor();
  await companyRow(page, slug).waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await checkScreen(page, "companies-phone");

  // A new address warns about the links on websites before it is saved; the old one redirects.
  await companyRow(page, slug)
    .getByRole("button", { name: `Beheren Proef ${stamp}` })
    .click();
  const panel = page.getByRole("region", { name: `Proef ${stamp} beheren` });
  const newSlug = `proef-nieuw-${stamp}`;
  await panel.getByLabel("Adres (in de openbare URL)").fill(newSlug);
  await panel.getByText("Let op: websites linken naar het huidige adres").waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await checkScreen(page, "companies-slug-warning-phone");
  await panel.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: "het oude adres stuurt bezoekers en websites daarheen door" })
    .waitFor();
  await companyRow(page, newSlug).getByText(slug).waitFor();
  const old = await page.request.get(`${base}/v1/statements/${GROUP}/${slug}.json?lang=en`, {
    maxRedirects: 0,
  });
  expect(old.status()).toBe(308);
  expect(old.headers()["location"]).toBe(`${base}/v1/statements/${GROUP}/${newSlug}.json?lang=en`);

  // Deleted after a confirmation, with the keyboard.
  const manage = page.getByRole("region", { name: `Proef ${stamp} beheren` });
  await manage.getByRole("button", { name: `Proef ${stamp} verwijderen…` }).press("Enter");
  const confirm = manage.getByRole("button", { name: "Ja, definitief verwijderen" });
  expect(await confirm.evaluate((button) => button === document.activeElement)).toBe(true);
  await page.keyboard.press("Enter");
  await page
    .getByRole("status")
    .filter({ hasText: `Proef ${stamp} is verwijderd.` })
    .waitFor();
  await companyRow(page, newSlug).waitFor({ state: "detached" });

  // The settings and people screens with their new parts fit the phone too.
  for (const [path, heading, name] of [
    ["settings", "Instellingen van Conxillium", "settings-phone"],
    ["people", "Mensen", "people-phone"],
  ] as const) {
    await page.goto(`${base}/console/${GROUP}/${path}`);
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    await page.getByRole("heading", { level: 2 }).first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await checkScreen(page, name);
  }
}, 120_000);

it("keeps the privacy lead's contact in the settings and shows it to the group's members", async () => {
  const lead = await freshPage();
  await signIn(lead, LEAD);
  await lead.goto(`${base}/console/${GROUP}/settings`);
  await lead.getByRole("heading", { level: 2, name: "De groep" }).waitFor();
  // Other files read the group's settings too: whatever contact was there is put back afterwards.
  const settingsUrl = `${base}/api/groups/${GROUP}/settings`;
  const { leadContact: before } = (await (await lead.request.get(settingsUrl)).json()) as {
    leadContact: unknown;
  };
  try {
    await lead.getByLabel("Naam", { exact: true }).fill("Lotte de Leeuw");
    await lead.getByLabel("E-mailadres", { exact: true }).fill("geen-adres");
    await lead.getByRole("button", { name: "Gegevens opslaan" }).click();
    // The API names the field; the console marks it.
    await lead.locator("#lead-contact-email[aria-invalid=true]").waitFor();
    await lead.getByLabel("E-mailadres", { exact: true }).fill("privacy@conxillium.example");
    await lead.getByRole("button", { name: "Gegevens opslaan" }).click();
    await lead.getByRole("status").filter({ hasText: "De gegevens van de groep zijn opgeslagen." }).waitFor();

    const editor = await freshPage();
    await signIn(editor, "editor@dataquint.example");
    await editor.goto(`${base}/console/${GROUP}`);
    const contact = editor.getByRole("complementary", { name: "Privacyfunctionaris" });
    await contact.getByText("Lotte de Leeuw").waitFor();
    await contact.getByRole("link", { name: "privacy@conxillium.example" }).waitFor();
    await checkScreen(editor, "dashboard-lead-contact");
  } finally {
    const reset = await lead.request.put(settingsUrl, { data: { leadContact: before ?? null } });
    expect(reset.status()).toBe(200);
  }
});

it("gives one person roles in two companies, changes one, takes it away, and takes them out of the group on a phone: their session ends at once", async () => {
  const lead = await freshPage({ width: 375, height: 740 });
  await signIn(lead, LEAD);
  // Someone who edits GeoTax (the invitation screens have their own test) …
  const email = `wissel-${stamp}@geotax.example`;
  const invited = await lead.request.post(`${base}/api/groups/${GROUP}/invitations`, {
    data: { email, role: "tenant_editor", tenant: "geotax" },
  });
  expect(invited.status()).toBe(201);
  const { token } = (await invited.json()) as { token: string };
  const person = await freshPage();
  const accepted = await person.request.post(`${base}/api/invitations/accept`, {
    data: { token, name: "Wim Wissel", password: "een-lang-wachtwoord" },
  });
  expect(accepted.status()).toBe(200);
  await signIn(person, email, "een-lang-wachtwoord");

  await lead.goto(`${base}/console/${GROUP}/people`);
  await lead.getByRole("heading", { level: 1, name: "Mensen" }).waitFor();
  const rows = lead.locator(`table.members-table tr[data-email="${email}"]`);
  const roleOf = (rows: Locator) => rows.locator('td[data-label="Rol"]');
  await roleOf(rows).filter({ hasText: "redacteur van GeoTax" }).waitFor();
  // The lead sees when they last signed in.
  await rows.locator('td[data-label="Laatst ingelogd"] time').waitFor();

  // … takes on SIM as well, on the same account.
  await lead.getByLabel("Persoon", { exact: true }).selectOption({ label: `Wim Wissel (${email})` });
  await lead.getByLabel("Welke rol").selectOption("tenant_editor");
  await lead.getByLabel("In welk bedrijf").selectOption("sim");
  await lead.getByRole("button", { name: "Rol geven" }).click();
  await lead.getByRole("status").filter({ hasText: "Wim Wissel is nu ook redacteur van SIM." }).waitFor();
  await expect.poll(() => rows.count()).toBe(2);
  await person.goto(`${base}/console/${GROUP}/companies/sim`);
  await person.getByRole("heading", { level: 1, name: "SIM: gegevens en teksten" }).waitFor();

  // For SIM they only read along from now on.
  const simRow = rows.filter({ hasText: "van SIM" });
  await simRow.getByLabel("Nieuwe rol voor Wim Wissel").selectOption("tenant_viewer");
  await simRow.getByRole("button", { name: "Opslaan" }).click();
  await lead.getByRole("status").filter({ hasText: "Wim Wissel is nu meelezer van SIM." }).waitFor();
  await roleOf(simRow).filter({ hasText: "meelezer van SIM" }).waitFor();

  // GeoTax is taken away, after a confirmation given with the keyboard; SIM stays.
  const geoRow = rows.filter({ hasText: "redacteur van GeoTax" });
  await geoRow.getByRole("button", { name: "Rol weghalen… Wim Wissel, redacteur van GeoTax" }).click();
  const confirmRemove = geoRow.getByRole("button", { name: "Ja, rol weghalen" });
  await confirmRemove.waitFor();
  expect(await confirmRemove.evaluate((button) => button === document.activeElement)).toBe(true);
  expect(await horizontalOverflow(lead)).toBeLessThanOrEqual(0);
  await checkScreen(lead, "people-remove-role-phone");
  await lead.keyboard.press("Enter");
  await lead
    .getByRole("status")
    .filter({ hasText: "Wim Wissel is geen redacteur van GeoTax meer." })
    .waitFor();
  await expect.poll(() => rows.count()).toBe(1);
  expect((await person.request.get(`${base}/api/me`)).status()).toBe(200);

  // Their last role: taking it away takes them out of the group, and their session ends at once.
  await rows.getByRole("button", { name: /^Uit de groep halen…/ }).click();
  await rows.getByText("Dit is hun enige rol").waitFor();
  await rows.getByRole("button", { name: "Ja, uit de groep halen" }).click();
  await lead
    .getByRole("status")
    .filter({ hasText: "Wim Wissel is uit de groep gehaald en kan er vanaf nu niet meer bij." })
    .waitFor();
  await expect.poll(() => rows.count()).toBe(0);
  expect((await person.request.get(`${base}/api/me`)).status()).toBe(401);
  await person.reload();
  await person.getByRole("button", { name: "Inloggen" }).waitFor();
}, 120_000);

it("keeps a processor in the register while a company lists it, naming the company, and removes it once that company is gone", async () => {
  const lead = await freshPage();
  await signIn(lead, LEAD);
  const slug = `postproef-${stamp}`;
  const name = `Postproef ${stamp}`;
  const key = `postkamer-${stamp}`;
  const processor = `Postkamer ${stamp} B.V.`;
  await addCompanyOverApi(lead, slug, name);
  const recipient = {
    name: processor,
    role: "processor",
    service: { nl: "binnenkomende post scannen" },
    country: "NL",
    safeguard: "eea",
  };
  const registered = await lead.request.put(`${base}/api/groups/${GROUP}/processors/${key}`, {
    data: { recipient },
  });
  expect(registered.status()).toBe(201);
  // The new company lists it among its recipients (over the API: the company pages have their tests).
  const draftUrl = `${base}/api/groups/${GROUP}/tenants/${slug}/draft`;
  const draftAnswer = await lead.request.get(draftUrl);
  expect(draftAnswer.status()).toBe(200);
  const draft = (await draftAnswer.json()) as {
    revision: number;
    content: { lists: { recipients: unknown[] } };
  };
  draft.content.lists.recipients.push({ ...recipient, processor: key });
  const picked = await lead.request.put(draftUrl, {
    data: { content: draft.content },
    headers: { "If-Match": draftAnswer.headers()["etag"] ?? `"${draft.revision}"` },
  });
  expect(picked.status()).toBe(200);

  await lead.goto(`${base}/console/${GROUP}/processors`);
  await lead.getByRole("heading", { level: 1, name: "Verwerkers van Conxillium" }).waitFor();
  const row = lead.locator(`tr[data-key="${key}"]`);
  await row.getByText(`1 bedrijf: ${name}`).waitFor();
  await row.getByRole("button", { name: `${processor} verwijderen` }).click();
  const refusal = lead.getByRole("alert").filter({
    hasText: `Deze verwerker staat nog in de lijst met ontvangers van ${name}. Haal hem daar eerst weg.`,
  });
  await refusal.waitFor();
  expect(await lead.evaluate(() => document.activeElement?.id)).toBe("processor-removal");
  await checkScreen(lead, "processors-remove-refused");
  expect(await row.count()).toBe(1);

  // The company never published and is deleted; then the entry can go.
  const deleted = await lead.request.delete(`${base}/api/groups/${GROUP}/companies/${slug}`);
  expect(deleted.status()).toBe(200);
  await lead.reload();
  await row.getByText("nog geen bedrijf").waitFor();
  await row.getByRole("button", { name: `${processor} verwijderen` }).click();
  await lead
    .getByRole("status")
    .filter({ hasText: `${processor} is uit het register verwijderd.` })
    .waitFor();
  await row.waitFor({ state: "detached" });
  const register = (await (await lead.request.get(`${base}/api/groups/${GROUP}/processors`)).json()) as {
    processors: { key: string }[];
  };
  expect(register.processors.map((p) => p.key)).not.toContain(key);
});
