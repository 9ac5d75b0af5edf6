// The processor register over the years (issue 18, item 2): where each entry is used, a rename
// that follows into the drafts, and removal — refused while a company uses the entry, naming it.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import type { Recipient } from "#shared/model.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, call, readError, signInAs, type Api } from "../test/clients.ts";

const group = "conxillium";
let lead: Api;
let editor: Api;

const MAILER: Recipient = { name: "Mailer B.V.", role: "processor", country: "NL", safeguard: "eea" };
const register = async (api: Api) =>
  (await (await api.api.groups[":group"].processors.$get({ param: { group }, query: {} })).json()).processors;
const putProcessor = (key: string, recipient: Recipient) =>
  lead.api.groups[":group"].processors[":key"].$put({ param: { group, key }, json: { recipient } });
const removeProcessor = (key: string) =>
  lead.api.groups[":group"].processors[":key"].$delete({ param: { group, key } });

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs("lead@conxillium.example"));
  editor = apiAs(await signInAs("editor@jccsoftware.example"));
  expect((await putProcessor("mailer", MAILER)).status).toBe(201);
  expect((await putProcessor("ongebruikt", { ...MAILER, name: "Ongebruikt B.V." })).status).toBe(201);
  // JCC Software picks the mailer from the register.
  const draft = await (
    await editor.api.groups[":group"].tenants[":tenant"].draft.$get({
      param: { group, tenant: "jcc-software" },
    })
  ).json();
  draft.content.lists.recipients.push({ ...MAILER, processor: "mailer" });
  const saved = await call(`/api/groups/${group}/tenants/jcc-software/draft`, {
    method: "PUT",
    cookie: await signInAs("editor@jccsoftware.example"),
    json: { content: draft.content },
    headers: { "If-Match": `"${draft.revision}"` },
  });
  expect(saved.status).toBe(200);
});

it("shows the privacy lead where each entry is used, and an editor nothing of other companies", async () => {
  const entries = await register(lead);
  expect(entries.find((p) => p.key === "mailer")).toMatchObject({
    usedBy: [{ slug: "jcc-software", name: "JCC Software" }],
    usedByCount: 1,
  });
  expect(entries.find((p) => p.key === "ongebruikt")).toMatchObject({ usedBy: [], usedByCount: 0 });
  const seen = await register(editor);
  expect(seen.every((p) => !("usedBy" in p))).toBe(true);
});

it("renames an entry, and the drafts that use it follow", async () => {
  const res = await putProcessor("mailer", { ...MAILER, name: "Mailer Nederland B.V." });
  expect(res.status).toBe(200);
  expect((await res.json()).draftsUpdated).toBe(1);
  const draft = await (
    await lead.api.groups[":group"].tenants[":tenant"].draft.$get({
      param: { group, tenant: "jcc-software" },
    })
  ).json();
  expect(draft.content.lists.recipients.find((r) => r.processor === "mailer")?.name).toBe(
    "Mailer Nederland B.V.",
  );
});

it("refuses to remove an entry a company uses, naming the company; the database refuses too", async () => {
  const res = await removeProcessor("mailer");
  expect(res.status).toBe(409);
  const body = await readError(res);
  expect(body.error.code).toBe("processor_in_use");
  expect(body.error.message).toContain("JCC Software");
  expect(body.error.issues).toEqual([{ field: "usedBy.jcc-software", message: "JCC Software uses it" }]);
  await expect(env.DB.prepare("DELETE FROM processors WHERE key = 'mailer'").run()).rejects.toThrow(
    /processor_in_use/,
  );
  expect((await register(lead)).map((p) => p.key)).toContain("mailer");
});

it("removes an unused entry, audited; an editor may not", async () => {
  expect(
    (await editor.api.groups[":group"].processors[":key"].$delete({ param: { group, key: "ongebruikt" } }))
      .status,
  ).toBe(403);
  const res = await removeProcessor("ongebruikt");
  expect(res.status).toBe(200);
  expect((await register(lead)).map((p) => p.key)).not.toContain("ongebruikt");
  expect((await removeProcessor("ongebruikt")).status).toBe(404);
  const audit = await (
    await lead.api.groups[":group"].audit.$get({ param: { group }, query: { action: "processor.removed" } })
  ).json();
  expect(audit.entries[0]).toMatchObject({ target: "ongebruikt", actor: "lead@conxillium.example" });
});

it("suggests what companies list by hand and the register lacks, counted in SQL, most companies first; not to an editor", async () => {
  const addByHand = (tenant: string, recipient: Recipient) =>
    env.DB.prepare(
      `UPDATE tenant_drafts SET content = json_insert(content, '$.lists.recipients[#]', json(?1)), revision = revision + 1
       WHERE tenant_id = (SELECT id FROM tenants WHERE slug = ?2)`,
    )
      .bind(JSON.stringify(recipient), tenant)
      .run();
  const hosting: Recipient = {
    name: "Zuiderzee Opslag B.V.",
    role: "processor",
    country: "NL",
    safeguard: "eea",
  };
  await addByHand("dataquint", hosting);
  // The same name, written otherwise (case, spaces around it): one suggestion, counted once per company.
  await addByHand("geotax", { ...hosting, name: "  zuiderzee OPSLAG b.v. " });
  await addByHand("geotax", hosting);
  await addByHand("pharox", hosting);
  // A name the register has is no suggestion, however it is written.
  expect((await putProcessor("archief", { ...MAILER, name: "Veenkoloniaal Archief B.V." })).status).toBe(201);
  await addByHand("pharox", { ...MAILER, name: "VEENKOLONIAAL archief b.v." });

  const res = await lead.api.groups[":group"].processors.suggestions.$get({ param: { group } });
  expect(res.status).toBe(200);
  const { suggestions } = await res.json();
  const found = suggestions.find((s) => s.key === "zuiderzee-opslag-b-v");
  // The details are those of the first company in the group's order that lists it.
  expect(found).toMatchObject({ recipient: { name: "Zuiderzee Opslag B.V." }, companies: 3 });
  expect(found!.named.map((c) => c.slug).sort()).toEqual(["dataquint", "geotax", "pharox"]);
  expect(suggestions.filter((s) => /veenkoloniaal/i.test(s.recipient.name))).toEqual([]);
  // Most companies first.
  const counts = suggestions.map((s) => s.companies);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  expect((await editor.api.groups[":group"].processors.suggestions.$get({ param: { group } })).status).toBe(
    403,
  );
});

it("changes an entry by writing the register alone: the drafts that use it show the change when read, and a draft saved from before keeps showing it", async () => {
  const cookie = await signInAs("editor@jccsoftware.example");
  const before = await (
    await editor.api.groups[":group"].tenants[":tenant"].draft.$get({
      param: { group, tenant: "jcc-software" },
    })
  ).json();
  const stored = () =>
    env.DB.prepare(
      "SELECT revision, content FROM tenant_drafts WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'jcc-software')",
    ).first<{ revision: number; content: string }>();
  const rowBefore = (await stored())!;

  const res = await putProcessor("mailer", { ...MAILER, name: "Mailer Europa B.V.", country: "BE" });
  expect(res.status).toBe(200);
  expect((await res.json()).draftsUpdated).toBe(1);
  // No draft was written: the same row, the same revision.
  expect(await stored()).toEqual(rowBefore);

  const read = async () =>
    (
      await (
        await editor.api.groups[":group"].tenants[":tenant"].draft.$get({
          param: { group, tenant: "jcc-software" },
        })
      ).json()
    ).content.lists.recipients.find((r) => r.processor === "mailer");
  expect(await read()).toMatchObject({ name: "Mailer Europa B.V.", country: "BE" });

  // The editor saves the draft as loaded before the change: what is read is still the register's.
  const saved = await call(`/api/groups/${group}/tenants/jcc-software/draft`, {
    method: "PUT",
    cookie,
    json: { content: before.content },
    headers: { "If-Match": `"${before.revision}"` },
  });
  expect(saved.status).toBe(200);
  expect(await read()).toMatchObject({ name: "Mailer Europa B.V.", country: "BE" });

  // Saving the same details again changes nothing anyone has to republish.
  const again = await putProcessor("mailer", { ...MAILER, name: "Mailer Europa B.V.", country: "BE" });
  expect((await again.json()).draftsUpdated).toBe(0);
});

it("counts the companies an entry is used by and names the first ten in the group's order, however many there are", async () => {
  // 14 more companies whose drafts use one entry, placed before and after the demo's companies.
  expect((await putProcessor("veel", { ...MAILER, name: "Veelgebruikt B.V." })).status).toBe(201);
  const jcc = await env.DB.prepare(
    "SELECT d.content FROM tenant_drafts d JOIN tenants t ON t.id = d.tenant_id WHERE t.slug = 'jcc-software'",
  ).first<{ content: string }>();
  const content = JSON.parse(jcc!.content) as { lists: { recipients: Recipient[] } };
  content.lists.recipients.push({ ...MAILER, name: "Veelgebruikt B.V.", processor: "veel" });
  // Twice in one draft: still one company.
  content.lists.recipients.push({ ...MAILER, name: "Veelgebruikt B.V.", processor: "veel" });
  const slugs = Array.from({ length: 14 }, (_, i) => `gebruiker-${String(i).padStart(2, "0")}`);
  for (const [i, slug] of slugs.entries()) {
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO tenants (group_id, slug, name, position, created_at)
         SELECT id, ?1, ?2, ?3, '2026-01-12T09:00:00.000Z' FROM groups WHERE slug = 'conxillium'`,
      ).bind(slug, `Gebruiker ${i}`, i % 2 === 0 ? i : 100 + i),
      env.DB.prepare(
        `INSERT INTO tenant_drafts (tenant_id, revision, content, updated_at)
         SELECT id, 1, ?2, '2026-01-12T09:00:00.000Z' FROM tenants WHERE slug = ?1`,
      ).bind(slug, JSON.stringify(content)),
    ]);
  }
  const inOrder = (
    await env.DB.prepare(
      `SELECT t.slug FROM tenants t JOIN tenant_drafts d ON d.tenant_id = t.id
       WHERE t.slug LIKE 'gebruiker-%' ORDER BY t.position, t.slug`,
    ).all<{ slug: string }>()
  ).results.map((r) => r.slug);

  const entry = (await register(lead)).find((p) => p.key === "veel");
  expect(entry && "usedByCount" in entry ? entry.usedByCount : null).toBe(14);
  expect(entry && "usedBy" in entry ? entry.usedBy.map((c) => c.slug) : null).toEqual(inOrder.slice(0, 10));

  // Refused removal names the same ten and counts the rest.
  const res = await removeProcessor("veel");
  expect(res.status).toBe(409);
  const body = await readError(res);
  expect(body.error.message).toContain("and 4 other companies");
  expect(body.error.issues?.map((issue) => issue.field)).toEqual(
    inOrder.slice(0, 10).map((s) => `usedBy.${s}`),
  );
});
