// What a publish (or approving a request) would change: the rendered text that would go out
// against what is in force, for the people who may see it — and nobody else.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import type { StatementDiff } from "#shared/diff.ts";
import type { TenantContent } from "#shared/model.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { apiAs, CALLERS, readError, signInAs, type Api } from "../test/clients.ts";

const group = "conxillium";
const tenant = "dataquint";

let lead: Api;
let dqEditor: Api;
let jccEditor: Api;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = apiAs(await signInAs(CALLERS.admin));
  dqEditor = apiAs(await signInAs(CALLERS.dqEditor));
  jccEditor = apiAs(await signInAs(CALLERS.jccEditor));
});

const reviewOf = (api: Api, lang?: "nl" | "en") =>
  api.api.groups[":group"].tenants[":tenant"]["publish-review"].$get({
    param: { group, tenant },
    query: lang ? { lang } : {},
  });

async function readReview(api: Api, lang?: "nl" | "en") {
  const response = await reviewOf(api, lang);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  return response.json();
}

const requestReviewOf = (api: Api, id: number) =>
  api.api.groups[":group"]["publish-requests"][":id"].review.$get({
    param: { group, id: String(id) },
    query: {},
  });

async function readRequestReview(api: Api, id: number) {
  const response = await requestReviewOf(api, id);
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

/** Appends a sentence (nl and en) to DataQuint's own addition to the introduction, and saves. */
async function appendToIntroduction(nl: string, en: string): Promise<void> {
  const current = await dqEditor.api.groups[":group"].tenants[":tenant"].draft.$get({
    param: { group, tenant },
  });
  const { content } = (await current.json()) as { content: TenantContent };
  const had = content.overrides.introduction;
  const keep = had?.mode === "append" && had.body ? had.body : null;
  content.overrides.introduction = {
    mode: "append",
    body: { nl: keep?.nl ? `${keep.nl} ${nl}` : nl, en: keep?.en ? `${keep.en} ${en}` : en },
  };
  const saved = await dqEditor.api.groups[":group"].tenants[":tenant"].draft.$put(
    { param: { group, tenant }, json: { content } },
    { headers: { "If-Match": current.headers.get("ETag")! } },
  );
  expect(saved.status, await saved.text()).toBe(200);
}

const partsOf = (diff: StatementDiff, key: string, op: "added" | "removed"): string =>
  (diff.sections.find((s) => s.key === key)?.diff.parts ?? [])
    .filter((p) => p.op === op)
    .map((p) => p.text)
    .join(" ");

const setApproval = async (requireApproval: boolean) =>
  expect(
    (await lead.api.groups[":group"].settings.$put({ param: { group }, json: { requireApproval } })).status,
  ).toBe(200);

/** The id of the pending request, of DataQuint or of the baseline. */
async function pendingRequest(subject: "company" | "baseline"): Promise<number> {
  const response = await lead.api.groups[":group"]["publish-requests"].$get({
    param: { group },
    query: { status: "pending" },
  });
  const { requests } = await response.json();
  const found = requests.find((r) =>
    subject === "baseline" ? r.subject === "baseline" : r.tenant?.slug === tenant,
  );
  if (!found) throw new Error(`no pending ${subject} request`);
  return found.id;
}

it("shows what publishing the draft would add to the version in force, as rendered text, in the language asked", async () => {
  const before = await readReview(dqEditor);
  expect(before.inForce?.version).toBeGreaterThanOrEqual(1);
  expect(before.language).toBe("nl");
  expect(before.requiresApproval).toBe(false);

  // Markdown in the draft: the review shows the words a reader sees, not the asterisks.
  await appendToIntroduction(
    "Wij antwoorden **binnen vijf werkdagen**.",
    "We answer **within five working days**.",
  );
  const nl = await readReview(dqEditor);
  const added = partsOf(nl.diff, "introduction", "added");
  expect(added).toContain("binnen vijf werkdagen");
  expect(added).not.toContain("**");
  expect(nl.diff.sections.find((s) => s.key === "introduction")?.status).toBe("changed");

  const en = await readReview(dqEditor, "en");
  expect(en.language).toBe("en");
  expect(partsOf(en.diff, "introduction", "added")).toContain("within five working days");

  // The lead reads it too; another company's editor does not learn the company exists.
  expect((await readReview(lead)).diff).toEqual(nl.diff);
  const other = await reviewOf(jccEditor);
  expect(other.status).toBe(404);
  expect((await readError(other)).error.code).toBe("tenant_not_found");
  const bad = await dqEditor.api.groups[":group"].tenants[":tenant"]["publish-review"].$get({
    param: { group, tenant },
    // Deliberately not a language the API knows.
    query: { lang: "fr" as "nl" },
  });
  expect(bad.status).toBe(400);
});

it("shows an approver what a request would publish, and which version a restore request brings back", async () => {
  // A version in force with a sentence of its own, published directly.
  await appendToIntroduction("Een zin van versie twee.", "A sentence of version two.");
  const published = await dqEditor.api.groups[":group"].tenants[":tenant"].publish.$post({
    param: { group, tenant },
    json: { changeNote: "Een zin erbij.", material: false },
  });
  expect(published.status, await published.clone().text()).toBe(201);
  await setApproval(true);
  try {
    await appendToIntroduction("Een zin voor de goedkeuring.", "A sentence for the approval.");
    expect((await readReview(dqEditor)).requiresApproval).toBe(true);
    const requested = await dqEditor.api.groups[":group"].tenants[":tenant"].publish.$post({
      param: { group, tenant },
      json: { changeNote: "Zin voor de goedkeuring.", material: false },
    });
    expect(requested.status, await requested.clone().text()).toBe(202);
    const pending = await pendingRequest("company");
    const card = await readRequestReview(lead, pending);
    expect(partsOf(card.diff, "introduction", "added")).toContain("Een zin voor de goedkeuring.");
    expect(partsOf(card.diff, "introduction", "removed")).toBe("");
    expect(card.restoredFrom).toBeNull();
    // The requester sees it; another company's editor gets the same 404 as for no request at all.
    expect((await readRequestReview(dqEditor, pending)).diff).toEqual(card.diff);
    expect((await requestReviewOf(jccEditor, pending)).status).toBe(404);
    expect((await requestReviewOf(lead, 999999)).status).toBe(404);
    const withdrawn = await dqEditor.api.groups[":group"]["publish-requests"][":id"].withdraw.$post({
      param: { group, id: String(pending) },
    });
    expect(withdrawn.status).toBe(200);

    // Restoring version 1 is a request too: its review names the version and shows what would go
    // out — version 1's text, without the sentence in force now — not the draft.
    const restore = await dqEditor.api.groups[":group"].tenants[":tenant"].versions[":number"].restore.$post({
      param: { group, tenant, number: "1" },
      json: { changeNote: "Versie 1 terug." },
    });
    expect(restore.status, await restore.clone().text()).toBe(202);
    const restoring = await pendingRequest("company");
    const restoreCard = await readRequestReview(lead, restoring);
    expect(restoreCard.restoredFrom).toBe(1);
    expect(partsOf(restoreCard.diff, "introduction", "removed")).toContain("Een zin van versie twee.");
    expect(partsOf(restoreCard.diff, "introduction", "added")).not.toContain("Een zin voor de goedkeuring.");
    await dqEditor.api.groups[":group"]["publish-requests"][":id"].withdraw.$post({
      param: { group, id: String(restoring) },
    });
  } finally {
    await setApproval(false);
  }
});

it("shows the other privacy leads what a baseline request changes in the baseline's text, and nobody else", async () => {
  const draft = await lead.api.groups[":group"].baseline.draft.$get({ param: { group } });
  const { baseline } = await draft.json();
  const rights = baseline.sections.find((s) => s.key === "rights")!;
  rights.body.nl = `${rights.body.nl} U krijgt **binnen een maand** antwoord van {{company.name}}.`;
  const saved = await lead.api.groups[":group"].baseline.draft.$put(
    { param: { group }, json: { baseline } },
    { headers: { "If-Match": draft.headers.get("ETag")! } },
  );
  expect(saved.status, await saved.text()).toBe(200);
  await setApproval(true);
  try {
    const asked = await lead.api.groups[":group"].baseline.publish.$post({
      param: { group },
      json: { changeNote: "Antwoordtermijn in Uw rechten." },
    });
    expect(asked.status, await asked.clone().text()).toBe(202);
    const id = await pendingRequest("baseline");
    const review = await readRequestReview(lead, id);
    expect(review.subject).toBe("baseline");
    // As text: the emphasis is gone, the placeholder says what it stands for.
    const added = partsOf(review.diff, "rights", "added");
    expect(added).toContain("binnen een maand");
    expect(added).toContain("{{company.name}}");
    expect(added).not.toContain("**");
    // A company's editor does not see the baseline's requests.
    expect((await requestReviewOf(dqEditor, id)).status).toBe(404);
    await lead.api.groups[":group"]["publish-requests"][":id"].withdraw.$post({
      param: { group, id: String(id) },
    });
  } finally {
    await setApproval(false);
  }
});

it("names the version a restore request brings back however many requests came after it", async () => {
  await setApproval(true);
  try {
    const restore = await dqEditor.api.groups[":group"].tenants[":tenant"].versions[":number"].restore.$post({
      param: { group, tenant, number: "1" },
      json: { changeNote: "Versie 1 terug, later beoordeeld." },
    });
    expect(restore.status, await restore.clone().text()).toBe(202);
    const restoring = await pendingRequest("company");
    // Sixty later publish requests of the same company by the same editor, in the log as the app
    // writes them (a busy company over months), sealed by reading the log.
    const editor = await env.DB.prepare("SELECT id, email FROM users WHERE email = ?1")
      .bind(CALLERS.dqEditor)
      .first<{ id: number; email: string }>();
    await env.DB.batch(
      Array.from({ length: 60 }, (_, i) =>
        env.DB.prepare(
          `INSERT INTO audit_log (chain, group_id, tenant_id, actor_user_id, actor, action, target, summary, created_at)
           SELECT 'group:' || g.id, g.id, t.id, ?1, ?2, 'publish.requested', t.slug, ?3, ?4
           FROM groups g JOIN tenants t ON t.group_id = g.id WHERE g.slug = 'conxillium' AND t.slug = 'dataquint'`,
        ).bind(
          editor!.id,
          editor!.email,
          JSON.stringify({
            changeNote: `Later verzoek ${i}`,
            material: false,
            effectiveFrom: null,
            restoredFrom: null,
          }),
          new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString(),
        ),
      ),
    );
    const log = await lead.api.groups[":group"].audit.$get({
      param: { group },
      query: { action: "publish.requested", tenant },
    });
    expect(log.status).toBe(200);
    expect((await log.json()).entries.length).toBeGreaterThanOrEqual(50);
    expect((await readRequestReview(lead, restoring)).restoredFrom).toBe(1);
    await dqEditor.api.groups[":group"]["publish-requests"][":id"].withdraw.$post({
      param: { group, id: String(restoring) },
    });
  } finally {
    await setApproval(false);
  }
});
