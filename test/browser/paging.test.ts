// A group bigger than one page (issue 20): the dashboard, the group report, the console's
// overview, the companies page (which also searches) and the public page of the group's
// statements show the first 100 companies and a "Meer tonen" button that adds the next page,
// usable by keyboard, focus on the first company added; the CSV download joins the pages into one
// file; choosing a company starts with a search; the processor register counts the companies
// that use an entry and names the first ten. Other files share the database: the companies
// added here never publish and are deleted at the end, so the group again has the eight
// companies the others expect.
import type { Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { checkScreen } from "./a11y.ts";
import { signIn, useBrowser } from "./session.ts";

const base = inject("baseURL");
const GROUP = "conxillium";
const stamp = Date.now().toString(36);
/** With the demo's eight, more than one page of 100. */
const EXTRA = 100;
const slugs = Array.from({ length: EXTRA }, (_, i) => `extra-${stamp}-${String(i).padStart(3, "0")}`);
const processorKey = `veel-${stamp}`;

const { freshPage } = useBrowser({ viewport: { width: 1200, height: 900 } });

async function addCompany(page: Page, slug: string): Promise<void> {
  const created = await page.request.post(`${base}/api/groups/${GROUP}/companies`, {
    data: {
      slug,
      name: `Extra ${slug.slice(-3)}`,
      profile: {
        legalName: `Extra ${slug.slice(-3)} B.V.`,
        tradeName: `Extra ${slug.slice(-3)}`,
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

const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

it("pages the dashboard, the report, the console's overview and the companies page through a group of more than 100 companies with 'Meer tonen', by keyboard; the CSV is one file; a company is chosen by searching", async () => {
  const lead = await freshPage();
  await signIn(lead, "lead@conxillium.example");
  for (let i = 0; i < slugs.length; i += 10)
    await Promise.all(slugs.slice(i, i + 10).map((s) => addCompany(lead, s)));
  try {
    const activeCount = async (): Promise<number> => {
      const all: { status: string }[] = [];
      let after: string | null = null;
      do {
        const res = await lead.request.get(
          `${base}/api/groups/${GROUP}/companies?limit=500${after ? `&after=${encodeURIComponent(after)}` : ""}`,
        );
        const body = (await res.json()) as { items: { status: string }[]; next: string | null };
        all.push(...body.items);
        after = body.next;
      } while (after !== null);
      return all.filter((c) => c.status === "active").length;
    };
    const active = await activeCount();
    expect(active).toBeGreaterThan(100);

    // The dashboard: the first page of companies, then the rest by keyboard. The rollout status it
    // shows (each company's computed against the baseline) is asked a page at a time too.
    const rolloutAsked: string[] = [];
    lead.on("request", (request) => {
      if (new URL(request.url()).pathname === `/api/groups/${GROUP}/rollout`)
        rolloutAsked.push(request.url());
    });
    await lead.goto(`${base}/console/${GROUP}`);
    const rows = lead.locator("table.companies-table tbody tr");
    await lead.locator(`table.companies-table tr[data-company="jcc-software"]`).waitFor();
    const more = lead.getByRole("button", { name: "Meer tonen" });
    await more.waitFor();
    const first = await rows.count();
    expect(first).toBeLessThanOrEqual(100);
    expect(await lead.locator(`table.companies-table tr[data-company="${slugs.at(-1)}"]`).count()).toBe(0);
    await more.focus();
    await lead.keyboard.press("Enter");
    await lead.locator(`table.companies-table tr[data-company="${slugs.at(-1)}"]`).waitFor();
    expect(await rows.count()).toBe(active);
    // Every company once.
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-company")));
    expect(new Set(shown).size).toBe(active);
    // Focus went to the first company added, and the button is gone with nothing more to show.
    await expect
      .poll(() => lead.evaluate(() => document.activeElement?.closest("tr")?.getAttribute("data-company")))
      .toBe(shown[first]);
    expect(await more.count()).toBe(0);
    await lead.setViewportSize({ width: 375, height: 812 });
    expect(await horizontalOverflow(lead)).toBeLessThanOrEqual(0);
    await lead.setViewportSize({ width: 1200, height: 900 });

    // The rollout section: the group's counts, the first 100 companies looked at, the next by keyboard.
    const summary = lead.locator("#rollout .rollout-summary");
    await expect.poll(() => summary.textContent()).toContain(`van de ${active} `);
    expect(await summary.textContent()).toContain("Bekeken: de eerste 100,");
    const further = lead.getByRole("button", { name: "Volgende bedrijven bekijken" });
    await further.focus();
    await lead.keyboard.press("Enter");
    // Now every company is on screen: the summary is exact, and has the focus.
    await expect.poll(() => summary.textContent()).not.toContain("Bekeken: de eerste");
    await expect
      .poll(() => lead.evaluate(() => document.activeElement?.classList.contains("rollout-summary")))
      .toBe(true);
    expect(await further.count()).toBe(0);
    // Never the whole group in one request: pages of 100, the second after the first's cursor.
    expect(rolloutAsked.length).toBeGreaterThanOrEqual(2);
    for (const url of rolloutAsked) expect(new URL(url).searchParams.get("limit")).toBe("100");
    expect(rolloutAsked.some((url) => new URL(url).searchParams.has("after"))).toBe(true);
    await checkScreen(lead, "dashboard-rollout-paged");

    // The report: 100 companies, then the rest.
    await lead.goto(`${base}/console/${GROUP}/report`);
    const table = lead.getByRole("table", { name: "AVG-volledigheid per bedrijf en onderdeel" });
    await table.waitFor();
    const reportRows = table.locator("tbody tr");
    expect(await reportRows.count()).toBe(100);
    await lead.getByText("De cijfers gaan over de 100 bedrijven die hieronder staan").waitFor();
    const reportMore = lead.getByRole("button", { name: "Meer tonen" });
    await reportMore.focus();
    await lead.keyboard.press("Enter");
    await expect.poll(() => reportRows.count()).toBe(active);
    await expect
      .poll(() => lead.evaluate(() => document.activeElement?.textContent?.trim() ?? ""))
      .toBe((await reportRows.nth(100).locator("th a").textContent())?.trim());
    expect(await reportMore.count()).toBe(0);
    await checkScreen(lead, "report-paged");

    // The CSV download joins the pages: one byte order mark, one header, a line per active company.
    const [download] = await Promise.all([
      lead.waitForEvent("download"),
      lead.getByRole("link", { name: "CSV downloaden" }).click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.includes("\uFEFF")).toBe(false);
    const lines = text.split("\r\n").filter((line) => line !== "");
    expect(lines[0]).toMatch(/^Bedrijf;Versie;Score;/);
    expect(lines.filter((line) => line.startsWith("Bedrijf;"))).toHaveLength(1);
    expect(lines).toHaveLength(1 + active);

    // The console's overview lists the companies the lead may see a page at a time too: the
    // first 100, then the rest by keyboard, focus on the first company added.
    await lead.goto(`${base}/console`);
    const overview = lead.getByRole("region", { name: /^Bedrijven in Conxillium/ });
    const links = overview.locator("a.company-name");
    await overview.getByRole("link", { name: "JCC Software", exact: true }).waitFor();
    expect(await links.count()).toBe(100);
    const overviewMore = overview.getByRole("button", { name: "Meer tonen" });
    await overviewMore.focus();
    await lead.keyboard.press("Enter");
    await expect.poll(() => links.count()).toBeGreaterThan(100);
    const names = await links.allTextContents();
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain(`Extra ${slugs.at(-1)!.slice(-3)}`);
    await expect
      .poll(() => lead.evaluate(() => document.activeElement?.textContent?.trim() ?? ""))
      .toBe(names[100]!.trim());
    expect(await overviewMore.count()).toBe(0);
    await checkScreen(lead, "console-overview-paged");

    // The companies page: 100 at a time, and a search that finds companies without paging.
    await lead.goto(`${base}/console/${GROUP}/companies`);
    const adminRows = lead.locator("table.companies-admin-table tbody tr");
    await lead.locator(`table.companies-admin-table tr[data-company="jcc-software"]`).waitFor();
    expect(await adminRows.count()).toBe(100);
    const adminMore = lead.getByRole("button", { name: "Meer tonen" });
    await adminMore.focus();
    await lead.keyboard.press("Enter");
    await lead.locator(`table.companies-admin-table tr[data-company="${slugs.at(-1)}"]`).waitFor();
    expect(await adminRows.count()).toBeGreaterThan(100);
    expect(await adminMore.count()).toBe(0);
    await lead.getByRole("searchbox", { name: "Zoek een bedrijf" }).fill("extra 09");
    await lead.keyboard.press("Enter");
    await expect.poll(() => adminRows.count()).toBe(10);
    const found = await adminRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-company")));
    expect(found).toEqual(slugs.slice(90, 100));
    await lead.getByRole("searchbox", { name: "Zoek een bedrijf" }).fill("geen-zo-bedrijf");
    await lead.keyboard.press("Enter");
    await lead.getByText("Geen bedrijf gevonden voor “geen-zo-bedrijf”.").waitFor();
    expect(await adminRows.count()).toBe(0);
    await checkScreen(lead, "companies-search-empty");

    // Choosing a company (a role's, the audit log's filter) in a group of more than a page: a
    // search field first, and the list holds the companies it finds.
    await lead.goto(`${base}/console/${GROUP}/people`);
    const roleSearch = lead.locator("#add-role-tenant-search");
    await roleSearch.waitFor();
    expect(await lead.getByLabel("Zoek het bedrijf (naam of adres)").first().getAttribute("id")).toBe(
      "add-role-tenant-search",
    );
    await roleSearch.fill("extra 099");
    const roleOptions = lead.locator("#add-role-tenant option:not([value=''])");
    await expect.poll(() => roleOptions.allTextContents()).toEqual(["Extra 099"]);
    await lead.locator("#add-role-tenant").selectOption({ label: "Extra 099" });
    expect(await lead.locator("#add-role-tenant").inputValue()).toBe(slugs[99]);
    // The chosen company stays chosen when a later search does not find it.
    await roleSearch.fill("extra 001");
    await expect.poll(() => roleOptions.allTextContents()).toEqual(["Extra 099", "Extra 001"]);
    expect(await lead.locator("#add-role-tenant").inputValue()).toBe(slugs[99]);
    await checkScreen(lead, "people-company-search");

    // The public page of the group's statements, for anyone: 100 companies, then the rest.
    await lead.goto(`${base}/groups/${GROUP}`);
    const publicRows = lead.locator("table.statements tbody tr");
    await publicRows.first().waitFor();
    expect(await publicRows.count()).toBe(100);
    const publicMore = lead.getByRole("button", { name: "Meer tonen" });
    await publicMore.focus();
    await lead.keyboard.press("Enter");
    await expect.poll(() => publicRows.count()).toBe(active);
    await expect
      .poll(() => lead.evaluate(() => document.activeElement?.textContent?.trim() ?? ""))
      .toBe((await publicRows.nth(100).locator("th").textContent())?.trim());
    expect(await publicMore.count()).toBe(0);

    // The baseline editor's preview: the group as publishing renders it (more than 100 companies:
    // a link to their page, and their number), and the company to preview chosen by searching.
    await lead.goto(`${base}/console/${GROUP}/baseline`);
    const preview = lead.locator(".preview-document");
    await expect.poll(async () => (await preview.textContent()) ?? "").toContain("vermeld op");
    expect(await preview.textContent()).toContain(`een van de ${active} bedrijven`);
    await lead.locator("#preview-company-search").fill("extra 050");
    await expect.poll(() => lead.locator("#preview-company option").allTextContents()).toContain("Extra 050");
    await lead.locator("#preview-company").selectOption({ label: "Extra 050" });
    await expect.poll(async () => (await preview.textContent()) ?? "").toContain("Extra 050");

    // The processor register: an entry that 11 companies use gives their number and names the
    // first ten; refused removal names them "onder meer" (among others).
    const recipient = {
      name: `Veelgebruikt ${stamp} B.V.`,
      role: "processor",
      country: "NL",
      safeguard: "eea",
    };
    const registered = await lead.request.put(`${base}/api/groups/${GROUP}/processors/${processorKey}`, {
      data: { recipient },
    });
    expect(registered.status()).toBe(201);
    for (const slug of slugs.slice(0, 11)) {
      const draftUrl = `${base}/api/groups/${GROUP}/tenants/${slug}/draft`;
      const answer = await lead.request.get(draftUrl);
      const draft = (await answer.json()) as {
        revision: number;
        content: { lists: { recipients: unknown[] } };
      };
      draft.content.lists.recipients.push({ ...recipient, processor: processorKey });
      const saved = await lead.request.put(draftUrl, {
        data: { content: draft.content },
        headers: { "If-Match": answer.headers()["etag"] ?? `"${draft.revision}"` },
      });
      expect(saved.status()).toBe(200);
    }
    await lead.goto(`${base}/console/${GROUP}/processors`);
    const registerRow = lead.locator(`tr[data-key="${processorKey}"]`);
    const firstTen = Array.from({ length: 10 }, (_, i) => `Extra ${String(i).padStart(3, "0")}`);
    await registerRow.getByText(`11 bedrijven: ${firstTen.join(", ")} en 1 andere`).waitFor();
    await registerRow.getByRole("button", { name: `${recipient.name} verwijderen` }).click();
    await lead
      .getByRole("alert")
      .filter({ hasText: "Deze verwerker staat nog in de lijst met ontvangers van onder meer Extra 000" })
      .waitFor();

    await lead.goto(`${base}/console/${GROUP}/audit`);
    const auditSearch = lead.locator("#audit-tenant-search");
    await auditSearch.fill("jcc");
    await expect
      .poll(() => lead.locator("#audit-tenant option:not([value=''])").allTextContents())
      .toEqual(["JCC Software"]);
  } finally {
    for (let i = 0; i < slugs.length; i += 10) {
      await Promise.all(
        slugs
          .slice(i, i + 10)
          .map((slug) => lead.request.delete(`${base}/api/groups/${GROUP}/companies/${slug}`)),
      );
    }
    // Deleted companies use nothing: the entry goes too (404 when the test stopped before adding it).
    await lead.request.delete(`${base}/api/groups/${GROUP}/processors/${processorKey}`);
  }
}, 240_000);
