// What a publish (or approving a request) would change: the rendered text that would go out
// against the version in force, for the people who may see the company — and nobody else.
import { env } from "cloudflare:workers";
import { beforeAll, expect, it } from "vitest";
import type { StatementDiff } from "#shared/diff.ts";
import { seedDemoGroup } from "../demo-seed.ts";
import { CALLERS, call, signInAs } from "../test/clients.ts";

const GROUP = "/api/groups/conxillium";
const DQ = `${GROUP}/tenants/dataquint`;

interface Review {
  language: "nl" | "en";
  inForce: { version: number } | null;
  baselineVersion: number;
  diff: StatementDiff;
  requiresApproval?: boolean;
  restoredFrom?: number | null;
}

let lead: string;
let dqEditor: string;
let jccEditor: string;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = await signInAs(CALLERS.admin);
  dqEditor = await signInAs(CALLERS.dqEditor);
  jccEditor = await signInAs(CALLERS.jccEditor);
});

async function review(path: string, cookie: string): Promise<Review> {
  const response = await call(path, { cookie });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  return (await response.json()) as Review;
}

/** Appends `sentence` (nl and en) to DataQuint's own addition to the introduction, and saves. */
async function appendToIntroduction(nl: string, en: string): Promise<void> {
  const current = await call(`${DQ}/draft`, { cookie: dqEditor });
  const draft = (await current.json()) as {
    content: { overrides: Record<string, { mode: string; body?: Record<string, string> }> };
  };
  const had = draft.content.overrides.introduction;
  const keep = had?.mode === "append" && had.body ? had.body : null;
  draft.content.overrides.introduction = {
    mode: "append",
    body: { nl: keep?.nl ? `${keep.nl} ${nl}` : nl, en: keep?.en ? `${keep.en} ${en}` : en },
  };
  const saved = await call(`${DQ}/draft`, {
    cookie: dqEditor,
    method: "PUT",
    json: { content: draft.content },
    headers: { "If-Match": current.headers.get("ETag")! },
  });
  expect(saved.status, await saved.text()).toBe(200);
}

const inserted = (diff: StatementDiff, key: string): string =>
  (diff.sections.find((s) => s.key === key)?.diff.parts ?? [])
    .filter((p) => p.op === "added")
    .map((p) => p.text)
    .join(" ");

it("shows what publishing the draft would add to the version in force, as rendered text, in the language asked", async () => {
  const before = await review(`${DQ}/publish-review`, dqEditor);
  expect(before.inForce?.version).toBeGreaterThanOrEqual(1);
  expect(before.language).toBe("nl");
  expect(before.requiresApproval).toBe(false);

  // Markdown in the draft: the review shows the words a reader sees, not the asterisks.
  await appendToIntroduction(
    "Wij antwoorden **binnen vijf werkdagen**.",
    "We answer **within five working days**.",
  );
  const nl = await review(`${DQ}/publish-review`, dqEditor);
  const added = inserted(nl.diff, "introduction");
  expect(added).toContain("binnen vijf werkdagen");
  expect(added).not.toContain("**");
  expect(nl.diff.sections.find((s) => s.key === "introduction")?.status).toBe("changed");
  expect(nl.diff.totals.changed).toBeGreaterThanOrEqual(1);

  const en = await review(`${DQ}/publish-review?lang=en`, dqEditor);
  expect(en.language).toBe("en");
  expect(inserted(en.diff, "introduction")).toContain("within five working days");

  // Viewers and the lead read it too; another company's editor does not learn the company exists.
  expect((await review(`${DQ}/publish-review`, lead)).diff).toEqual(nl.diff);
  const other = await call(`${DQ}/publish-review`, { cookie: jccEditor });
  expect(other.status).toBe(404);
  expect(((await other.json()) as { error: { code: string } }).error.code).toBe("tenant_not_found");
  const bad = await call(`${DQ}/publish-review?lang=fr`, { cookie: dqEditor });
  expect(bad.status).toBe(400);
});

const removed = (diff: StatementDiff, key: string): string =>
  (diff.sections.find((s) => s.key === key)?.diff.parts ?? [])
    .filter((p) => p.op === "removed")
    .map((p) => p.text)
    .join(" ");

it("shows an approver what a request would publish, and which version a restore request brings back", async () => {
  // A version in force with a sentence of its own, published directly.
  await appendToIntroduction("Een zin van versie twee.", "A sentence of version two.");
  const published = await call(`${DQ}/publish`, {
    cookie: dqEditor,
    json: { changeNote: "Een zin erbij.", material: false },
  });
  expect(published.status, await published.clone().text()).toBe(201);
  const settings = await call(`${GROUP}/settings`, {
    cookie: lead,
    method: "PUT",
    json: { requireApproval: true },
  });
  expect(settings.status).toBe(200);
  const pendingOf = async (): Promise<number> => {
    const { requests } = (await (await call(`${GROUP}/publish-requests`, { cookie: lead })).json()) as {
      requests: { id: number; tenant: { slug: string }; status: string }[];
    };
    return requests.find((r) => r.tenant.slug === "dataquint" && r.status === "pending")!.id;
  };
  try {
    await appendToIntroduction("Een zin voor de goedkeuring.", "A sentence for the approval.");
    expect((await review(`${DQ}/publish-review`, dqEditor)).requiresApproval).toBe(true);
    const requested = await call(`${DQ}/publish`, {
      cookie: dqEditor,
      json: { changeNote: "Zin voor de goedkeuring.", material: false },
    });
    expect(requested.status, await requested.clone().text()).toBe(202);
    const pending = await pendingOf();
    const card = await review(`${GROUP}/publish-requests/${pending}/review`, lead);
    expect(inserted(card.diff, "introduction")).toContain("Een zin voor de goedkeuring.");
    expect(removed(card.diff, "introduction")).toBe("");
    expect(card.restoredFrom).toBeNull();
    // The requester sees it; another company's editor gets the same 404 as for no request at all.
    expect((await review(`${GROUP}/publish-requests/${pending}/review`, dqEditor)).diff).toEqual(card.diff);
    expect((await call(`${GROUP}/publish-requests/${pending}/review`, { cookie: jccEditor })).status).toBe(
      404,
    );
    expect((await call(`${GROUP}/publish-requests/999999/review`, { cookie: lead })).status).toBe(404);
    const withdrawn = await call(`${GROUP}/publish-requests/${pending}/withdraw`, {
      cookie: dqEditor,
      json: {},
    });
    expect(withdrawn.status).toBe(200);

    // Restoring version 1 is a request too: its review names the version, and shows what would
    // go out — version 1's text, without the sentence in force now — not the draft.
    const restore = await call(`${DQ}/versions/1/restore`, {
      cookie: dqEditor,
      json: { changeNote: "Versie 1 terug." },
    });
    expect(restore.status, await restore.clone().text()).toBe(202);
    const restoring = await pendingOf();
    const restoreCard = await review(`${GROUP}/publish-requests/${restoring}/review`, lead);
    expect(restoreCard.restoredFrom).toBe(1);
    expect(removed(restoreCard.diff, "introduction")).toContain("Een zin van versie twee.");
    expect(inserted(restoreCard.diff, "introduction")).not.toContain("Een zin voor de goedkeuring.");
    await call(`${GROUP}/publish-requests/${restoring}/withdraw`, { cookie: dqEditor, json: {} });
  } finally {
    await call(`${GROUP}/settings`, { cookie: lead, method: "PUT", json: { requireApproval: false } });
  }
});
