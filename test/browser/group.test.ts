// The privacy lead's group pages in a real Chromium against the real worker: the dashboard and a
// baseline rollout, people and invitations, the audit log, and publish approval.
// State-changing steps use BeheerVisie, GeoTax, SIM and Pharox where they can (DataQuint for
// approval, whose editor is a demo account). Other files share the database and may publish
// baselines too, so every assertion is about what this file made (a unique sentence, an address).
import type { Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import {
  changesText,
  publishBaselineWithSentence,
  readJson as json,
  type RolloutCompany,
} from "./baseline-steps.ts";
import { signIn, useBrowser } from "./session.ts";

const base = inject("baseURL");
const LEAD = "lead@conxillium.example";
const DATAQUINT_EDITOR = "editor@dataquint.example";
const GROUP = `${base}/api/groups/conxillium`;
const stamp = Date.now().toString(36);

const { freshPage } = useBrowser({ viewport: { width: 1100, height: 800 } });

const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

type Override = { mode: string; body?: Record<string, string> };

/** Adds a sentence to the company's own addition to the introduction, keeping what it had. */
async function appendToIntroduction(page: Page, tenant: string, nl: string, en: string): Promise<void> {
  const url = `${GROUP}/tenants/${tenant}/draft`;
  const response = await page.request.get(url);
  const draft = await json<{ content: { overrides: Record<string, Override> } }>(response);
  const had = draft.content.overrides.introduction;
  const keep = had?.mode === "append" && had.body ? had.body : null;
  draft.content.overrides.introduction = {
    mode: "append",
    body: { nl: keep?.nl ? `${keep.nl} ${nl}` : nl, en: keep?.en ? `${keep.en} ${en}` : en },
  };
  const saved = await page.request.put(url, {
    headers: { "If-Match": response.headers()["etag"]! },
    data: { content: draft.content },
  });
  expect(saved.status(), await saved.text()).toBe(200);
}

async function requestPublish(page: Page, tenant: string, changeNote: string): Promise<void> {
  const response = await page.request.post(`${GROUP}/tenants/${tenant}/publish`, {
    data: { changeNote, material: true },
  });
  expect(response.status(), await response.text()).toBe(202);
}

const publicJson = async (page: Page, tenant: string): Promise<string> => {
  const response = await page.request.get(`${base}/v1/statements/conxillium/${tenant}.json`);
  expect(response.status()).toBe(200);
  return response.text();
};

/** Waits until every row of the audit table is of one action (the filter has been applied). */
const waitForAuditRows = (page: Page, action: string) =>
  page.waitForFunction((wanted) => {
    const rows = [...document.querySelectorAll("table.audit-table tbody tr")];
    return rows.length > 0 && rows.every((tr) => tr.getAttribute("data-action") === wanted);
  }, action);

const companyRow = (page: Page, slug: string) =>
  page.locator(`table.companies-table tr[data-company="${slug}"]`);

it("shows the lead all eight companies, marks them outdated after a new baseline, and republishes the clean ones in one run through the queue", async () => {
  const page = await freshPage();
  await signIn(page, LEAD);
  await page.goto(`${base}/console/conxillium`);
  await page.getByRole("heading", { level: 1, name: "Conxillium" }).waitFor();
  const rows = page.locator("table.companies-table tbody tr");
  await rows.nth(7).waitFor();
  expect(await rows.count()).toBe(8);
  const names = await rows.locator("th").allTextContents();
  expect(names).toEqual([
    "BeheerVisie",
    "DataQuint",
    "GeoTax",
    "I-Real",
    "JCC Software",
    "Pharox",
    "Procura",
    "SIM",
  ]);
  // Every company has a version in force and a baseline it rests on.
  for (const slug of ["beheervisie", "pharox", "sim"]) {
    await companyRow(page, slug)
      .getByText(/versie \d+/)
      .first()
      .waitFor();
  }
  // The AVG score of each company's statement in force, linking to the group report.
  expect(Number(await companyRow(page, "pharox").locator(".avg-score").textContent())).toBeGreaterThan(80);
  await companyRow(page, "pharox").getByText("niets verplichts ontbreekt").waitFor();
  await checkScreen(page, "group-dashboard");

  // A new baseline that adds one sentence to "Wijzigingen".
  const nl = `Deze zin kwam erbij in de groepstest ${stamp}.`;
  const en = `This sentence was added in group test ${stamp}.`;
  const baselineVersion = await publishBaselineWithSentence(page, GROUP, {
    nl,
    en,
    changeNote: `Groepstest ${stamp}: een zin over wijzigingen erbij.`,
  });
  const rollout = await json<{ companies: RolloutCompany[] }>(await page.request.get(`${GROUP}/rollout`));
  const bySlug = new Map(rollout.companies.map((c) => [c.tenant.slug, c]));
  for (const slug of ["geotax", "pharox", "jcc-software"]) {
    expect(bySlug.get(slug)?.outdated, slug).toBe(true);
  }
  // BeheerVisie and SIM leave "changes" out: this baseline does not change their statement, so it
  // does not make them outdated (an earlier baseline from another test may still, though).
  // JCC Software appends to "cookies": an edit of "changes" is no conflict for it.
  const jcc = bySlug.get("jcc-software")!;
  expect(jcc.conflicts.filter((c) => c.section === "changes")).toEqual([]);

  await page.reload();
  await companyRow(page, "pharox").getByText("Verouderd").waitFor();
  await companyRow(page, "jcc-software").getByText("Verouderd").waitFor();
  expect(await companyRow(page, "pharox").getByText("Conflict").count()).toBe(0);
  if (jcc.clean) {
    expect(await companyRow(page, "jcc-software").getByText("Conflict").count()).toBe(0);
    expect(await page.locator('.card[data-companies~="jcc-software"] .conflicts').count()).toBe(0);
  }
  await companyRow(page, "pharox").getByText(`(nieuwste: ${baselineVersion})`).waitFor();

  // "What would change" for Pharox: the section and the words added.
  // Companies for which republishing is the very same change share one card.
  const pharoxCard = page.locator('.card[data-companies~="pharox"]');
  await pharoxCard.getByText("Wat zou er veranderen?").click();
  const change = pharoxCard.locator('li[data-section="changes"]');
  await change.getByText("„Wijzigingen”").waitFor();
  expect((await change.locator("ins").allTextContents()).join(" ")).toContain(nl);
  expect(await pharoxCard.locator("summary").textContent()).toMatch(
    /sectie(s)? gewijzigd · \d+ woorden erbij, \d+ eruit/,
  );
  await checkScreen(page, "group-dashboard-outdated");

  // Republish all clean ones: one run through the worker's queue. The answers about the run's
  // progress are held up a little so the running bar can be seen (and checked) before it ends.
  const clean = rollout.companies.filter((c) => c.outdated && c.clean && changesText(c));
  const alike = rollout.companies.filter((c) => c.outdated && c.clean && !changesText(c));
  const conflicted = rollout.companies.filter((c) => c.outdated && !c.clean);
  expect(clean.map((c) => c.tenant.slug)).toEqual(expect.arrayContaining(["pharox", "geotax"]));
  // BeheerVisie and SIM omit "changes": unless an earlier baseline is still waiting for them,
  // their text stays the same, and they are not republished.
  for (const company of alike) {
    await page
      .locator(`.card[data-companies~="${company.tenant.slug}"]`)
      .getByText("verandert hierdoor niet")
      .waitFor();
  }
  expect(clean.length).toBeGreaterThanOrEqual(2);
  const starts: string[] = [];
  const oneByOne: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === "POST" && path.endsWith("/rollout/runs")) starts.push(request.postData() ?? "");
    if (/\/rollout\/[^/]+\/republish$/.test(path)) oneByOne.push(path);
  });
  await page.route("**/api/groups/conxillium/rollout/runs/latest*", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.getByLabel("Wijzigingsnotitie (optioneel)").fill(`Groepstest ${stamp}: doorgevoerd.`);
  await page.getByRole("button", { name: "Alle bedrijven zonder conflict opnieuw publiceren" }).click();
  // Nothing goes out before the lead confirms, naming how many companies get a new version.
  const confirm = page.getByRole("group", { name: `${clean.length} bedrijven opnieuw publiceren?` });
  await confirm.waitFor();
  expect(starts).toEqual([]);
  const started = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.url().endsWith("/rollout/runs"),
  );
  await confirm.getByRole("button", { name: `Ja, ${clean.length} bedrijven opnieuw publiceren` }).click();
  const run = await json<{ run: { id: number; total: number; status: string } }>(await started, 202);
  expect(starts).toEqual([JSON.stringify({ changeNote: `Groepstest ${stamp}: doorgevoerd.` })]);
  // The run covers every active company of the group: the eight in the table.
  expect(run.run.total).toBe(8);
  const progress = page.locator("progress#republish-progress");
  await progress.waitFor();
  expect(await progress.getAttribute("max")).toBe("8");
  await page.getByText(/Bezig met opnieuw publiceren: \d+ van 8 bedrijven verwerkt/).waitFor();
  // While it runs, no second run can be started from here.
  expect(
    await page
      .getByRole("button", { name: "Alle bedrijven zonder conflict opnieuw publiceren" })
      .isDisabled(),
  ).toBe(true);
  await checkScreen(page, "group-dashboard-republishing");

  const heading = page.getByRole("heading", { name: "Resultaat van de laatste publicatieronde" });
  await heading.waitFor({ timeout: 20_000 });
  expect(await progress.count()).toBe(0);
  const summary = page.locator(".run-result");
  const countText = (key: string) => summary.locator(`li[data-count="${key}"]`).textContent();
  expect(await countText("published")).toBe(`${clean.length} bedrijven opnieuw gepubliceerd`);
  expect(await countText("up-to-date")).toMatch(
    new RegExp(
      `^${8 - clean.length - alike.length - conflicted.length} bedrij(f was|ven waren) al bijgewerkt`,
    ),
  );
  expect(await countText("failed")).toMatch(/^0 bedrijven mislukt$/);
  expect(await summary.textContent()).toContain(`op basisverklaring versie ${baselineVersion}`);
  expect(await summary.textContent()).toContain("Gestart door Lotte de Leeuw");
  // Only the companies left alone are listed, each with why.
  const results = page.locator("ul.results li");
  expect(await results.count()).toBe(alike.length + conflicted.length);
  for (const company of alike) {
    const item = page.locator(`ul.results li[data-company="${company.tenant.slug}"]`);
    expect(await item.getAttribute("data-status")).toBe("skipped");
    expect(await item.textContent()).toContain("woord voor woord gelijk");
  }
  expect(await page.locator('ul.results li[data-company="pharox"]').count()).toBe(0);
  for (const company of conflicted) {
    const item = page.locator(`ul.results li[data-company="${company.tenant.slug}"]`);
    expect(await item.getAttribute("data-status")).toBe("skipped");
    expect(await item.textContent()).toContain("conflict in");
  }
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("republish-results-title");
  // The one-by-one republish from the browser is gone: one request started the whole run.
  expect(oneByOne).toEqual([]);
  await page
    .getByRole("status")
    .filter({ hasText: `Klaar: ${clean.length} gepubliceerd` })
    .waitFor();

  // The page refreshed itself: Pharox is up to date, and the timeline names the republish.
  await companyRow(page, "pharox").getByText("Bijgewerkt").waitFor();
  const timeline = page.locator("ol.timeline");
  await timeline
    .getByText(/Pharox versie \d+/)
    .first()
    .waitFor();
  expect(await timeline.textContent()).toContain(
    "opnieuw gepubliceerd op de nieuwe basisverklaring door Lotte de Leeuw",
  );
  // People by name, not by e-mail address.
  await companyRow(page, "pharox").getByText("Lotte de Leeuw").waitFor();
  await checkScreen(page, "group-dashboard-republished");

  // A run's versions reach every data centre's cache within its 10 s bound (docs/deployment.md).
  const restsOn = async (slug: string) =>
    (JSON.parse(await publicJson(page, slug)) as { baselineVersion: number }).baselineVersion;
  for (const company of clean) {
    await expect
      .poll(() => restsOn(company.tenant.slug), { timeout: 15_000, message: company.tenant.slug })
      .toBe(baselineVersion);
  }
  // The public statement carries the new sentence, in both languages.
  expect(await publicJson(page, "pharox")).toContain(nl);
  const english = await page.request.get(`${base}/v1/statements/conxillium/pharox.json?lang=en`);
  expect(await english.text()).toContain(en);
  expect(await publicJson(page, "geotax")).toContain(nl);
  // Every company the run published now rests on the new baseline, with the run's change note.
  for (const company of clean) {
    const statement = JSON.parse(await publicJson(page, company.tenant.slug)) as { baselineVersion: number };
    expect(statement.baselineVersion, company.tenant.slug).toBe(baselineVersion);
    const versions = await json<{ versions: { changeNote: string }[] }>(
      await page.request.get(`${base}/v1/statements/conxillium/${company.tenant.slug}/versions`),
    );
    expect(versions.versions[0]?.changeNote, company.tenant.slug).toBe(`Groepstest ${stamp}: doorgevoerd.`);
  }
}, 120_000);

it("shows a company editor their own companies instead of the group dashboard", async () => {
  const page = await freshPage({ width: 375, height: 740 });
  await signIn(page, "editor@jccsoftware.example");
  await page.goto(`${base}/console/conxillium`);
  const link = page.locator("main").getByRole("link", { name: "JCC Software" }).first();
  await link.waitFor();
  expect(await link.getAttribute("href")).toBe("/console/conxillium/companies/jcc-software");
  expect(await page.locator("table.companies-table").count()).toBe(0);
  expect(await page.locator("main").textContent()).not.toContain("DataQuint");
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // The admin pages explain themselves rather than failing.
  await page.goto(`${base}/console/conxillium/people`);
  await page.getByText("Dit onderdeel is alleen voor de privacyfunctionaris van de groep.").waitFor();
});

it("invites someone from the People page, who accepts in another browser, then changes their role; the audit log shows it and is intact", async () => {
  const lead = await freshPage();
  await lead.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  await signIn(lead, LEAD);
  await lead.goto(`${base}/console/conxillium/people`);
  await lead.getByRole("heading", { level: 1, name: "Mensen" }).waitFor();
  await lead.locator(`table.members-table tr[data-email="${LEAD}"]`).waitFor();

  // A company role needs a company: checked before anything is sent.
  const email = `nieuw-${stamp}@pharox.example`;
  await lead.getByLabel("E-mailadres").fill(email);
  await lead.getByLabel("Rol", { exact: true }).selectOption("tenant_editor");
  await lead.getByRole("button", { name: "Uitnodiging maken" }).click();
  await lead.locator("#invite-tenant-error").getByText("Kies een bedrijf").waitFor();
  expect(await lead.locator("#invite-tenant").getAttribute("aria-invalid")).toBe("true");

  await lead.getByLabel("Bedrijf", { exact: true }).selectOption("pharox");
  const [created] = await Promise.all([
    lead.waitForResponse(
      (r) => r.url().endsWith("/api/groups/conxillium/invitations") && r.request().method() === "POST",
    ),
    lead.getByRole("button", { name: "Uitnodiging maken" }).click(),
  ]);
  expect(created.status()).toBe(201);
  const { acceptUrl, invitation } = (await created.json()) as {
    acceptUrl: string;
    invitation: { expiresAt: string };
  };

  // The link, once: selected in a read-only field, with the expiry date and a copy button.
  const field = lead.getByLabel("Uitnodigingslink");
  await field.waitFor();
  expect(await field.inputValue()).toBe(acceptUrl);
  expect(await field.getAttribute("readonly")).not.toBeNull();
  const expiry = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long" }).format(
    new Date(invitation.expiresAt),
  );
  await lead.locator(".once").getByText(expiry, { exact: false }).waitFor();
  expect(await lead.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id)).toBe(
    "invite-link",
  );
  expect(
    await lead.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
    }),
  ).toBe(acceptUrl);
  await lead.getByRole("button", { name: "Link kopiëren" }).click();
  const copyStatus = lead.locator(".copy-status");
  await copyStatus.filter({ hasText: /Gekopieerd|Automatisch kopiëren lukte niet/ }).waitFor();
  if ((await copyStatus.textContent())?.includes("Gekopieerd")) {
    expect(await lead.evaluate(() => navigator.clipboard.readText())).toBe(acceptUrl);
  }
  await checkScreen(lead, "group-people-invited");
  const invitationRow = lead.locator(`table.invitations-table tr[data-email="${email}"]`);
  await invitationRow.locator(".badge", { hasText: "Open" }).waitFor();
  expect(await invitationRow.textContent()).toContain("redacteur van Pharox");

  // The invitee, in a browser of their own.
  const invitee = await freshPage();
  await invitee.goto(acceptUrl);
  await invitee.getByText("Je bent uitgenodigd als redacteur van Pharox binnen Conxillium.").waitFor();
  await invitee.getByLabel("Je naam").fill("Noor Nieuw");
  await invitee.getByLabel("Nieuw wachtwoord").fill("een-lang-wachtwoord");
  await invitee.getByLabel("Herhaal het wachtwoord").fill("een-lang-wachtwoord");
  await invitee.getByRole("button", { name: "Uitnodiging accepteren" }).click();
  // The new editor of Pharox lands in Pharox, signed in as themselves.
  await invitee.waitForURL((url) => url.pathname === "/console/conxillium/companies/pharox");
  await invitee.getByRole("navigation", { name: "Account" }).getByText("Noor Nieuw").waitFor();

  // Back with the lead: accepted, a member now; move them to SIM as a viewer.
  await lead.reload();
  await invitationRow.locator(".badge", { hasText: "Geaccepteerd" }).waitFor();
  expect(await lead.getByLabel("Uitnodigingslink").count()).toBe(0);
  const memberRow = lead.locator(`table.members-table tr[data-email="${email}"]`);
  // The role column (the row's buttons name the role too, for screen readers).
  const roleCell = memberRow.locator('td[data-label="Rol"]');
  await roleCell.getByText("redacteur van Pharox").waitFor();
  await memberRow.getByLabel("Nieuwe rol voor Noor Nieuw").selectOption("tenant_viewer");
  await memberRow.getByLabel("Bedrijf voor Noor Nieuw").selectOption("sim");
  await memberRow.getByRole("button", { name: "Opslaan" }).click();
  await lead.getByRole("status").filter({ hasText: "Noor Nieuw is nu meelezer van SIM." }).waitFor();
  await roleCell.getByText("meelezer van SIM").waitFor();
  const members = await json<{
    members: { user: { email: string }; role: string; tenant: { slug: string } | null }[];
  }>(await lead.request.get(`${GROUP}/members`));
  const noor = members.members.find((m) => m.user.email === email);
  expect(noor).toMatchObject({ role: "tenant_viewer", tenant: { slug: "sim" } });

  // The only privacy lead cannot stop being one: the API's 409 is shown with the row.
  const admins = members.members.filter((m) => m.role === "group_admin");
  if (admins.length === 1) {
    const leadRow = lead.locator(`table.members-table tr[data-email="${LEAD}"]`);
    await leadRow.getByLabel(/^Nieuwe rol voor/).selectOption("tenant_editor");
    await leadRow.getByLabel(/^Bedrijf voor/).selectOption("geotax");
    const [refused] = await Promise.all([
      lead.waitForResponse((r) => r.request().method() === "PATCH"),
      leadRow.getByRole("button", { name: "Opslaan" }).click(),
    ]);
    expect(refused.status()).toBe(409);
    await leadRow.getByRole("alert").filter({ hasText: "enige privacyfunctionaris" }).waitFor();
    expect(await leadRow.textContent()).toContain("privacyfunctionaris van de groep");
    await checkScreen(lead, "group-people-last-admin");
  }

  // A second invitation, withdrawn.
  const other = `ingetrokken-${stamp}@geotax.example`;
  await lead.getByLabel("E-mailadres").fill(other);
  await lead.getByLabel("Rol", { exact: true }).selectOption("tenant_viewer");
  await lead.getByLabel("Bedrijf", { exact: true }).selectOption("geotax");
  await lead.getByRole("button", { name: "Uitnodiging maken" }).click();
  const otherRow = lead.locator(`table.invitations-table tr[data-email="${other}"]`);
  await otherRow.locator(".badge", { hasText: "Open" }).waitFor();
  await otherRow.getByRole("button", { name: `Intrekken ${other}` }).click();
  await otherRow.locator(".badge", { hasText: "Ingetrokken" }).waitFor();
  expect(await otherRow.getByRole("button").count()).toBe(0);

  // The audit log: the invitation, the acceptance and the role change, and an intact chain.
  await lead.goto(`${base}/console/conxillium/audit`);
  await lead.getByRole("heading", { level: 1, name: "Logboek" }).waitFor();
  const chain = lead.locator(".chain");
  await chain.filter({ hasText: "Het logboek is intact" }).waitFor();
  expect(await chain.getAttribute("data-intact")).toBe("true");
  const verify = await json<{ intact: boolean; rows: number }>(
    await lead.request.get(`${GROUP}/audit/verify`),
  );
  expect(verify.intact).toBe(true);
  expect(await chain.textContent()).toContain(`alle ${verify.rows} regels`);

  await lead.getByLabel("Wat", { exact: true }).selectOption("invitation.created");
  await lead.getByRole("button", { name: "Filteren" }).click();
  await lead.waitForURL((url) => url.searchParams.get("action") === "invitation.created");
  await waitForAuditRows(lead, "invitation.created");
  const invited = lead.locator('table.audit-table tbody tr[data-action="invitation.created"]', {
    hasText: email,
  });
  await invited.waitFor();
  expect(await invited.textContent()).toContain("Uitnodiging gemaakt");
  expect(await invited.textContent()).toContain("redacteur van Pharox");
  expect(await invited.textContent()).not.toContain("{");
  // Every row on this page is an invitation.
  const actions = await lead
    .locator("table.audit-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-action")));
  expect(new Set(actions)).toEqual(new Set(["invitation.created"]));
  await checkScreen(lead, "group-audit-invitations");

  await lead.getByLabel("Wat", { exact: true }).selectOption("member.role_changed");
  await lead.getByLabel("Bedrijf", { exact: true }).selectOption("sim");
  await lead.getByRole("button", { name: "Filteren" }).click();
  await lead.waitForURL((url) => url.searchParams.get("action") === "member.role_changed");
  await waitForAuditRows(lead, "member.role_changed");
  const changed = lead.locator('table.audit-table tbody tr[data-action="member.role_changed"]', {
    hasText: email,
  });
  await changed.waitFor();
  expect(await changed.textContent()).toMatch(/Was:\s*redacteur van Pharox/);
  expect(await changed.textContent()).toMatch(/Wordt:\s*meelezer van SIM/);

  await lead.getByRole("button", { name: "Filters wissen" }).click();
  await lead.waitForURL((url) => url.search === "");
  await lead.locator("table.audit-table tbody tr").first().waitFor();
}, 120_000);

it("shows the lead the members' sign-ins as a log of its own, each log's filter offering only what it holds", async () => {
  const page = await freshPage({ width: 375, height: 740 });
  await signIn(page, LEAD);
  const offered = (): Promise<(string | null)[]> =>
    page.locator("#audit-action option").evaluateAll((os) => os.map((o) => o.getAttribute("value")));
  await page.goto(`${base}/console/conxillium/audit`);
  await page.getByRole("heading", { level: 1, name: "Logboek" }).waitFor();
  await page.locator("table.audit-table tbody tr").first().waitFor();
  const changes = await offered();
  expect(changes).toContain("statement.published");
  expect(changes.filter((a) => a?.startsWith("auth."))).toEqual([]);

  await page.getByRole("link", { name: "Inloggen", exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get("log") === "sign-ins");
  const signedIn = page.locator('table.audit-table tbody tr[data-action="auth.sign_in"]', { hasText: LEAD });
  await signedIn.first().waitFor();
  expect(await signedIn.first().textContent()).toContain("Ingelogd");
  // The verification is of the sign-in chain, not of the changes.
  const verify = await json<{ intact: boolean; rows: number }>(
    await page.request.get(`${GROUP}/audit/sign-ins/verify`),
  );
  await page.locator('.chain[data-intact="true"]', { hasText: `alle ${verify.rows} regels` }).waitFor();
  expect(await offered()).toEqual([
    "",
    "auth.sign_in",
    "auth.sign_in_failed",
    "auth.sign_out",
    "auth.sign_out_all",
    "invitation.accept_failed",
  ]);
  // Sign-ins belong to no company: no company filter here.
  expect(await page.locator("#audit-tenant").count()).toBe(0);
  expect(await page.locator('.log-tabs a[aria-current="page"]').getAttribute("data-log")).toBe("sign-ins");

  await page.getByLabel("Wat", { exact: true }).selectOption("auth.sign_in");
  await page.getByRole("button", { name: "Filteren" }).click();
  await page.waitForURL((url) => url.searchParams.get("action") === "auth.sign_in");
  expect(new URL(page.url()).searchParams.get("log")).toBe("sign-ins");
  await waitForAuditRows(page, "auth.sign_in");
  expect(await horizontalOverflow(page)).toBe(0);
  await checkScreen(page, "group-audit-sign-ins");
}, 120_000);

it("pages through the audit log with 'older rows'", async () => {
  const page = await freshPage({ width: 375, height: 740 });
  await signIn(page, LEAD);
  // More than one page of rows, whatever ran before: turning the approval setting over and back
  // leaves it as it was, and each change is audited (a save that changes nothing is not).
  const { requireApproval } = await json<{ requireApproval: boolean }>(
    await page.request.get(`${GROUP}/settings`),
  );
  const { rows: before } = await json<{ rows: number }>(await page.request.get(`${GROUP}/audit/verify`));
  for (let i = before; i <= 60; i += 2) {
    await json(await page.request.put(`${GROUP}/settings`, { data: { requireApproval: !requireApproval } }));
    await json(await page.request.put(`${GROUP}/settings`, { data: { requireApproval } }));
  }
  await page.goto(`${base}/console/conxillium/audit`);
  const rows = page.locator("table.audit-table tbody tr");
  await rows.first().waitFor();
  const firstSeqs = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-seq"))));
  expect(firstSeqs.length).toBe(50);
  await page.getByRole("button", { name: "Oudere regels" }).click();
  await page.waitForURL((url) => url.searchParams.get("before") === String(firstSeqs.at(-1)));
  await page.waitForFunction(
    (last) => Number(document.querySelector("table.audit-table tbody tr")?.getAttribute("data-seq")) < last,
    firstSeqs.at(-1)!,
  );
  const secondSeqs = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-seq"))));
  expect(Math.max(...secondSeqs)).toBeLessThan(Math.min(...firstSeqs));
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "Naar de nieuwste regels" }).click();
  await page.waitForURL((url) => !url.searchParams.has("before"));
  await page.waitForFunction(
    (first) =>
      Number(document.querySelector("table.audit-table tbody tr")?.getAttribute("data-seq")) >= first,
    firstSeqs[0]!,
  );
});

it("names the first broken row prominently when the chain does not verify, and shows that row", async () => {
  const page = await freshPage();
  await signIn(page, LEAD);
  // The real chain is intact (and must stay so); the answer of a broken one is played back instead.
  const real = await json<{ intact: boolean; rows: number }>(await page.request.get(`${GROUP}/audit/verify`));
  expect(real.intact).toBe(true);
  const seq = Math.max(1, real.rows - 60);
  await page.route("**/api/groups/conxillium/audit/verify", (route) =>
    route.fulfill({
      json: {
        intact: false,
        rows: seq - 1,
        firstBroken: { id: 9999, seq, reason: "its content does not match its hash" },
      },
    }),
  );
  await page.goto(`${base}/console/conxillium/audit`);
  const alert = page.getByRole("alert").filter({ hasText: "Het logboek is aangetast." });
  await alert.waitFor();
  expect(await alert.textContent()).toContain(
    `Regel ${seq} klopt niet: de inhoud past niet bij de hash: de regel is achteraf gewijzigd.`,
  );
  if (seq > 2) expect(await alert.textContent()).toContain(`De ${seq - 1} regels daarvoor zijn in orde.`);
  await alert.getByRole("button", { name: `Regel ${seq} tonen` }).click();
  await page.waitForURL((url) => url.searchParams.get("before") === String(seq + 1));
  const row = page.locator(`#audit-${seq}`);
  await row.waitFor();
  expect(await row.getAttribute("class")).toContain("highlight");
  await row.getByText("Deze regel klopt niet.").waitFor();
  expect(await page.locator("table.audit-table tbody tr").first().getAttribute("data-seq")).toBe(String(seq));
  await checkScreen(page, "group-audit-broken");
});

it("fits the dashboard and the requests page on a 375 px phone", async () => {
  const page = await freshPage({ width: 375, height: 740 });
  await signIn(page, LEAD);
  await page.goto(`${base}/console/conxillium`);
  await page.locator("table.companies-table tbody tr").nth(7).waitFor();
  await page.locator("ol.timeline li").first().waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await checkScreen(page, "group-dashboard-phone");
  await page.goto(`${base}/console/conxillium/requests`);
  await page.getByRole("heading", { level: 2, name: /Wachten op een besluit/ }).waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.goto(`${base}/console/conxillium/people`);
  await page.locator("table.members-table tbody tr").first().waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await checkScreen(page, "group-people-phone");
});

it("requires approval: the lead approves and rejects DataQuint's requests, the editor withdraws one, the lead cannot approve their own", async () => {
  const lead = await freshPage();
  await signIn(lead, LEAD);
  const editor = await freshPage();
  await signIn(editor, DATAQUINT_EDITOR);
  const setApproval = async (on: boolean) =>
    json<{ requireApproval: boolean }>(
      await lead.request.put(`${GROUP}/settings`, { data: { requireApproval: on } }),
    );
  try {
    // The answer is the group's settings as saved (name, languages and the lead's contact too).
    expect((await setApproval(true)).requireApproval).toBe(true);

    // The editor asks to publish a change.
    const first = { nl: `Eerste aanvulling ${stamp}.`, en: `First addition ${stamp}.` };
    await appendToIntroduction(editor, "dataquint", first.nl, first.en);
    await requestPublish(editor, "dataquint", `Introductie aangevuld (${stamp})`);

    // The dashboard says DataQuint waits.
    await lead.goto(`${base}/console/conxillium`);
    await companyRow(lead, "dataquint").getByText("Wacht op goedkeuring").waitFor();

    // The lead approves it on the requests page.
    await lead.goto(`${base}/console/conxillium/requests`);
    await lead.getByRole("heading", { level: 1, name: "Publicatieverzoeken" }).waitFor();
    await lead.getByText("Goedkeuring is verplicht.").waitFor();
    expect(await lead.getByRole("link", { name: "Wijzigen bij Instellingen" }).getAttribute("href")).toBe(
      "/console/conxillium/settings",
    );
    const card = lead.locator('.card[data-company="dataquint"]');
    await card.getByText(`„Introductie aangevuld (${stamp})”`).waitFor();
    await card.getByText("Daan Quint").waitFor();
    // The card shows what approving it would publish: the redline against the version in force.
    const introduction = card.locator('.request-changes li[data-section="introduction"]');
    await introduction.waitFor();
    expect((await introduction.locator("ins").allTextContents()).join(" ")).toContain(first.nl);
    expect(await card.locator(".request-changes h4").textContent()).toMatch(
      /ten opzichte van versie \d+, die nu geldt/,
    );
    await checkScreen(lead, "group-requests-pending");
    await card.getByRole("button", { name: "Goedkeuren en publiceren" }).click();
    await lead
      .getByRole("status")
      .filter({ hasText: /Goedgekeurd: DataQuint versie \d+ is gepubliceerd\./ })
      .waitFor();
    await card.waitFor({ state: "detached" });
    const decided = lead.locator("table.data-table tbody tr", {
      hasText: `Introductie aangevuld (${stamp})`,
    });
    await decided.getByText("Goedgekeurd").waitFor();
    expect(await decided.textContent()).toContain("door Lotte de Leeuw");
    expect(await publicJson(lead, "dataquint")).toContain(first.nl);

    // A second request, rejected with a reason; the reason is required.
    const second = { nl: `Tweede aanvulling ${stamp}.`, en: `Second addition ${stamp}.` };
    await appendToIntroduction(editor, "dataquint", second.nl, second.en);
    await requestPublish(editor, "dataquint", `Tweede poging (${stamp})`);
    await lead.reload();
    const secondCard = lead.locator('.card[data-company="dataquint"]');
    await secondCard.getByRole("button", { name: "Afwijzen…" }).click();
    await secondCard.getByRole("button", { name: "Afwijzing versturen" }).click();
    await secondCard.locator(".field-error").getByText("Schrijf op waarom").waitFor();
    await secondCard.getByLabel("Waarom wijs je dit af?").fill("De tekst noemt de gemeente niet.");
    await secondCard.getByRole("button", { name: "Afwijzing versturen" }).click();
    await lead.getByRole("status").filter({ hasText: "Afgewezen" }).waitFor();
    const rejected = lead.locator("table.data-table tbody tr", { hasText: `Tweede poging (${stamp})` });
    await rejected.getByText("„De tekst noemt de gemeente niet.”").waitFor();
    expect(await publicJson(lead, "dataquint")).not.toContain(second.nl);

    // A third request, which the editor sees as theirs and withdraws.
    const third = { nl: `Derde aanvulling ${stamp}.`, en: `Third addition ${stamp}.` };
    await appendToIntroduction(editor, "dataquint", third.nl, third.en);
    await requestPublish(editor, "dataquint", `Derde poging (${stamp})`);
    await editor.goto(`${base}/console/conxillium/requests`);
    const own = editor.locator('.card[data-company="dataquint"]');
    await own.getByText("dat ben jij").waitFor();
    expect(await own.getByRole("button", { name: "Goedkeuren en publiceren" }).count()).toBe(0);
    // Only their own companies' requests, and no approval setting (that is for the lead).
    expect(await editor.locator("main").textContent()).not.toContain("Goedkeuring is verplicht");
    await checkScreen(editor, "group-requests-editor");
    await own.getByRole("button", { name: "Verzoek intrekken" }).click();
    await editor.getByRole("status").filter({ hasText: "Ingetrokken: je verzoek voor DataQuint." }).waitFor();
    const withdrawn = editor.locator("table.data-table tbody tr", { hasText: `Derde poging (${stamp})` });
    await withdrawn.getByText("Ingetrokken").waitFor();
    await editor.getByText("Er wachten geen publicaties op goedkeuring.").waitFor();

    // The lead's own request: four eyes, so the lead may withdraw it but not approve it.
    await appendToIntroduction(
      lead,
      "geotax",
      `Aanvulling van de lead ${stamp}.`,
      `Lead's addition ${stamp}.`,
    );
    await requestPublish(lead, "geotax", `Eigen verzoek (${stamp})`);
    await lead.reload();
    const mine = lead.locator('.card[data-company="geotax"]');
    await mine.getByText("Je hebt deze publicatie zelf aangevraagd.").waitFor();
    expect(await mine.getByRole("button", { name: "Goedkeuren en publiceren" }).count()).toBe(0);
    const pending = await json<{ requests: { id: number; tenant: { slug: string } }[] }>(
      await lead.request.get(`${GROUP}/publish-requests?status=pending`),
    );
    const own403 = pending.requests.find((r) => r.tenant.slug === "geotax")!;
    const refused = await lead.request.post(`${GROUP}/publish-requests/${own403.id}/approve`);
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("self_approval");
    await mine.getByRole("button", { name: "Verzoek intrekken" }).click();
    await mine.waitFor({ state: "detached" });
  } finally {
    await setApproval(false);
  }
  const settings = await json<{ requireApproval: boolean }>(await lead.request.get(`${GROUP}/settings`));
  expect(settings.requireApproval).toBe(false);
}, 120_000);
