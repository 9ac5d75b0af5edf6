// Every list of companies answers a page at a time after a stable cursor (issue 20, item 4): pages
// of a small `limit` visit every company exactly once and in the group's order, also when a
// company is added before the cursor while paging; a cursor or page size it did not hand out is
// a 400 naming the field. Extra companies are inserted with SQL (no statement): cheap, and enough
// for the lists, which show a company without a version too.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP } from "#shared/demo/index.ts";
import { seedDemoGroup } from "./demo-seed.ts";
import { apiAs, call, readError, signInAs, type Api } from "./test/clients.ts";
import { publishBaselineWithNote } from "./test/fixtures.ts";

/** The CSV as its bytes say, the byte order mark kept (Response.text() drops it). */
const textOf = async (res: Response): Promise<string> =>
  new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(await res.arrayBuffer());

const group = DEMO_GROUP.slug;
/** With the demo's 8 companies, several pages of LIMIT. */
const EXTRA = 9;
const LIMIT = 4;
let lead: Api;
let leadCookie: string;

async function insertCompany(slug: string, position: number): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO tenants (group_id, slug, name, position, created_at)
     SELECT id, ?2, ?3, ?4, '2026-01-12T09:00:00.000Z' FROM groups WHERE slug = ?1`,
  )
    .bind(group, slug, `Bedrijf ${slug}`, position)
    .run();
}

/** The group's companies in its order, as the database has them (archived ones with `all`). */
async function slugsInOrder(which: "active" | "all"): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `SELECT t.slug FROM tenants t JOIN groups g ON g.id = t.group_id
     WHERE g.slug = ?1 AND (?2 = 'all' AND t.status != 'deleted' OR t.status = 'active')
     ORDER BY t.position, t.slug`,
  )
    .bind(group, which)
    .all<{ slug: string }>();
  return results.map((r) => r.slug);
}

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  for (let i = 0; i < EXTRA; i++) await insertCompany(`extra-${String(i).padStart(2, "0")}`, 100 + i);
  // One archived company: the companies list, the dashboard and the sites show it, the report does not.
  await env.DB.prepare(
    "UPDATE tenants SET status = 'archived', archived_at = '2026-01-12T10:00:00.000Z' WHERE slug = 'extra-03'",
  ).run();
  leadCookie = await signInAs("lead@conxillium.example");
  lead = apiAs(leadCookie);
});

type Page = { slugs: string[]; next: string | null };
type Query = { after?: string; limit?: string };

/** Each paged list, read as slugs of a page. */
const LISTS: Record<string, { which: "active" | "all"; read: (query: Query) => Promise<Page> }> = {
  tenants: {
    which: "all",
    read: async (query) => {
      const res = await lead.api.groups[":group"].tenants.$get({ param: { group }, query });
      expect(res.status).toBe(200);
      const body = await res.json();
      return { slugs: body.tenants.map((t) => t.slug), next: body.next };
    },
  },
  companies: {
    which: "all",
    read: async (query) => {
      const res = await lead.api.groups[":group"].companies.$get({ param: { group }, query });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.nextCursor).toBe(body.next);
      return { slugs: body.items.map((c) => c.slug), next: body.next };
    },
  },
  completeness: {
    which: "active",
    read: async (query) => {
      const res = await lead.api.groups[":group"].completeness.$get({ param: { group }, query });
      expect(res.status).toBe(200);
      const body = await res.json();
      return { slugs: body.companies.map((c) => c.tenant.slug), next: body.next };
    },
  },
  sites: {
    which: "all",
    read: async (query) => {
      const res = await lead.api.groups[":group"].sites.$get({ param: { group }, query });
      expect(res.status).toBe(200);
      const body = await res.json();
      return { slugs: body.companies.map((c) => c.tenant.slug), next: body.next };
    },
  },
};

describe("pages of companies", () => {
  for (const [name, list] of Object.entries(LISTS)) {
    it(`${name}: every company once and in the group's order, also when one is added before the cursor`, async () => {
      const expected = await slugsInOrder(list.which);
      expect(expected.length).toBeGreaterThan(2 * LIMIT);
      const whole = await list.read({ limit: "500" });
      expect(whole).toEqual({ slugs: expected, next: null });

      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 100; page++) {
        const { slugs, next } = await list.read(
          after ? { limit: String(LIMIT), after } : { limit: String(LIMIT) },
        );
        // Every page but the last is full, and only the last has no next.
        if (next !== null) expect(slugs).toHaveLength(LIMIT);
        else expect(slugs.length).toBeLessThanOrEqual(LIMIT);
        seen.push(...slugs);
        // A company added before the cursor does not shift the pages after it.
        if (page === 0) await insertCompany(`aaa-${name}`, 0);
        if (next === null) break;
        after = next;
      }
      expect(seen).toEqual(expected);
    });
  }

  it("gives the default page of 100 when no limit is asked for", async () => {
    for (let i = 0; i < 100; i++) await insertCompany(`bulk-${String(i).padStart(3, "0")}`, 200 + i);
    const all = await slugsInOrder("all");
    const first = await LISTS.tenants!.read({});
    expect(first.slugs).toEqual(all.slice(0, 100));
    expect(first.next).not.toBeNull();
    const second = await LISTS.tenants!.read({ after: first.next! });
    expect(second).toEqual({ slugs: all.slice(100), next: null });
  });

  it("pages only through the companies a member belongs to", async () => {
    const editor = await env.DB.prepare(
      "SELECT id FROM users WHERE email = 'editor@dataquint.example'",
    ).first<{
      id: number;
    }>();
    await env.DB.prepare(
      `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
       SELECT ?1, t.group_id, t.id, 'tenant_viewer', '2026-01-12T09:00:00.000Z' FROM tenants t
       WHERE t.slug IN ('extra-01', 'extra-05', 'extra-07')`,
    )
      .bind(editor!.id)
      .run();
    const api = apiAs(await signInAs("editor@dataquint.example"));
    const seen: { slug: string; role: string }[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await api.api.groups[":group"].tenants.$get({
        param: { group },
        query: after ? { limit: "2", after } : { limit: "2" },
      });
      const body = await res.json();
      seen.push(...body.tenants.map((t) => ({ slug: t.slug, role: t.role })));
      if (body.next === null) break;
      after = body.next;
    }
    expect(seen).toEqual([
      { slug: "dataquint", role: "tenant_editor" },
      { slug: "extra-01", role: "tenant_viewer" },
      { slug: "extra-05", role: "tenant_viewer" },
      { slug: "extra-07", role: "tenant_viewer" },
    ]);
  });

  it("refuses a cursor or a page size it did not hand out with 400 naming the field", async () => {
    const paths = ["tenants", "companies", "completeness", "completeness/report.csv", "sites"];
    for (const path of paths) {
      for (const [query, field] of [
        ["after=..%2Fetc", "after"],
        ["after=3", "after"],
        ["after=1~Geotax", "after"],
        ["limit=0", "limit"],
        ["limit=501", "limit"],
        ["limit=ten", "limit"],
      ] as const) {
        const res = await call(`/api/groups/${group}/${path}?${query}`, { cookie: leadCookie });
        expect(res.status, `${path}?${query}`).toBe(400);
        expect((await readError(res)).error.issues?.map((i) => i.field)).toContain(field);
      }
    }
  });
});

describe("the group report as CSV, a page at a time", () => {
  it("joins into the same file as one page: one byte order mark and header, every active company once", async () => {
    const whole = await textOf(
      await call(`/api/groups/${group}/completeness/report.csv?lang=nl&limit=500`, { cookie: leadCookie }),
    );
    const lines = whole.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1)).toHaveLength(1 + (await slugsInOrder("active")).length);
    expect(whole.startsWith("\uFEFFBedrijf;Versie;Score;")).toBe(true);

    let joined = "";
    let next: string | null = `/api/groups/${group}/completeness/report.csv?lang=nl&limit=${LIMIT}`;
    let pages = 0;
    while (next !== null) {
      const res = await call(next, { cookie: leadCookie });
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      const text = await textOf(res);
      if (pages > 0) expect(text.startsWith("\uFEFF")).toBe(false);
      joined += text;
      pages++;
      next = /^<([^>]+)>; rel="next"$/.exec(res.headers.get("Link") ?? "")?.[1] ?? null;
    }
    expect(pages).toBeGreaterThan(2);
    expect(joined).toBe(whole);
  });
});

describe("pages of lists kept by an immutable id or key", () => {
  const groupId = async (): Promise<number> =>
    (await env.DB.prepare("SELECT id FROM groups WHERE slug = ?1").bind(group).first<{ id: number }>())!.id;

  /** Reads every page of `limit` items, adding one item after the first page; the ids seen, in order. */
  async function readPages(
    read: (query: Query) => Promise<{ ids: string[]; next: string | null }>,
    addOne: () => Promise<void>,
  ): Promise<string[]> {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 100; page++) {
      const { ids, next } = await read(after ? { limit: "3", after } : { limit: "3" });
      // Every page but the last is full, and no page is longer than asked for.
      if (next !== null) expect(ids).toHaveLength(3);
      else expect(ids.length).toBeLessThanOrEqual(3);
      seen.push(...ids);
      if (page === 0) await addOne();
      if (next === null) return seen;
      after = next;
    }
    throw new Error("more than 100 pages");
  }

  it("people's roles: in the order they were given, every one once, also when one is given meanwhile", async () => {
    const id = await groupId();
    const addPerson = async (n: string) => {
      await env.DB.batch([
        env.DB.prepare(
          `INSERT INTO users (email, name, password_hash, created_at)
           VALUES (?1, ?2, '$argon2id$v=19$m=19456,t=2,p=1$unused$unused', '2026-01-12T09:00:00.000Z')`,
        ).bind(`person-${n}@example.test`, `Persoon ${n}`),
        env.DB.prepare(
          `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
           SELECT u.id, ?2, t.id, 'tenant_viewer', '2026-01-12T09:00:00.000Z' FROM users u, tenants t
           WHERE u.email = ?1 AND t.slug = 'geotax'`,
        ).bind(`person-${n}@example.test`, id),
      ]);
    };
    for (let i = 0; i < 7; i++) await addPerson(`paged-${i}`);
    const read = async (query: Query) => {
      const res = await lead.api.groups[":group"].members.$get({ param: { group }, query });
      expect(res.status).toBe(200);
      const body = await res.json();
      return { ids: body.members.map((m) => String(m.id)), next: body.next };
    };
    const { results } = await env.DB.prepare("SELECT id FROM memberships WHERE group_id = ?1 ORDER BY id")
      .bind(id)
      .all<{ id: number }>();
    const expected = results.map((r) => String(r.id));
    expect(expected.length).toBeGreaterThan(6);
    // A role given meanwhile comes after the cursor, so the last page shows it too.
    const seen = await readPages(read, () => addPerson("meanwhile"));
    const { results: after } = await env.DB.prepare(
      "SELECT id FROM memberships WHERE group_id = ?1 ORDER BY id",
    )
      .bind(id)
      .all<{ id: number }>();
    expect(after.map((r) => String(r.id))).toEqual([...expected, after.at(-1)!.id.toString()]);
    expect(seen).toEqual(after.map((r) => String(r.id)));
  });

  it("invitations: newest first, every one once, also when one is sent meanwhile", async () => {
    const invite = async (n: string) => {
      const res = await lead.api.groups[":group"].invitations.$post({
        param: { group },
        json: { email: `invite-${n}@example.test`, role: "tenant_viewer", tenant: "geotax" },
      });
      expect(res.status).toBe(201);
    };
    for (let i = 0; i < 7; i++) await invite(`paged-${i}`);
    const id = await groupId();
    const { results } = await env.DB.prepare(
      "SELECT id FROM invitations WHERE group_id = ?1 ORDER BY id DESC",
    )
      .bind(id)
      .all<{ id: number }>();
    const expected = results.map((r) => String(r.id));
    expect(expected.length).toBeGreaterThan(6);
    const read = async (query: Query) => {
      const res = await lead.api.groups[":group"].invitations.$get({ param: { group }, query });
      expect(res.status).toBe(200);
      const body = await res.json();
      return { ids: body.invitations.map((i) => String(i.id)), next: body.next };
    };
    // One sent meanwhile is newer than every page handed out: it does not shift the pages after it.
    expect(await readPages(read, () => invite("meanwhile"))).toEqual(expected);
  });

  it("the processor register: in the order of its keys, every entry once, also when one is added before the cursor", async () => {
    const id = await groupId();
    const addProcessor = async (key: string): Promise<void> => {
      const res = await lead.api.groups[":group"].processors[":key"].$put({
        param: { group, key },
        json: {
          recipient: { name: `Verwerker ${key} B.V.`, role: "processor", country: "NL", safeguard: "eea" },
        },
      });
      expect(res.status).toBe(201);
    };
    for (let i = 0; i < 7; i++) await addProcessor(`paged-${i}`);
    const { results } = await env.DB.prepare("SELECT key FROM processors WHERE group_id = ?1 ORDER BY key")
      .bind(id)
      .all<{ key: string }>();
    const expected = results.map((r) => r.key);
    expect(expected.length).toBeGreaterThan(6);
    const read = async (query: Query) => {
      const res = await lead.api.groups[":group"].processors.$get({ param: { group }, query });
      expect(res.status).toBe(200);
      const body = await res.json();
      return { ids: body.processors.map((p) => p.key), next: body.next };
    };
    expect(await readPages(read, () => addProcessor("0-eerst"))).toEqual(expected);
  });

  it("publish requests: newest first, every one once, also when one is made meanwhile", async () => {
    const on = await lead.api.groups[":group"].settings.$put({
      param: { group },
      json: { requireApproval: true },
    });
    expect(on.status).toBe(200);
    const requestPublish = async (tenant: string): Promise<void> => {
      const opened = await (
        await lead.api.groups[":group"].tenants[":tenant"].draft.$get({ param: { group, tenant } })
      ).json();
      const content = structuredClone(opened.content);
      content.profile.phone = "020 765 43 21";
      const saved = await lead.api.groups[":group"].tenants[":tenant"].draft.$put(
        { param: { group, tenant }, json: { content } },
        { headers: { "If-Match": `"${opened.revision}"` } },
      );
      expect(saved.status).toBe(200);
      const asked = await lead.api.groups[":group"].tenants[":tenant"].publish.$post({
        param: { group, tenant },
        json: { changeNote: "Nieuw telefoonnummer", material: true },
      });
      expect(asked.status).toBe(202);
    };
    const [meanwhile, ...tenants] = ["pharox", "geotax", "dataquint", "jcc-software", "beheervisie"];
    for (const tenant of tenants) await requestPublish(tenant);
    const { results } = await env.DB.prepare(
      "SELECT id FROM publish_requests WHERE group_id = ?1 AND status = 'pending' ORDER BY id DESC",
    )
      .bind(await groupId())
      .all<{ id: number }>();
    const expected = results.map((r) => String(r.id));
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const read = async (query: Query) => {
      const res = await lead.api.groups[":group"]["publish-requests"].$get({
        param: { group },
        query: { ...query, status: "pending" },
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      return { ids: body.requests.map((r) => String(r.id)), next: body.next };
    };
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 100; page++) {
      const { ids, next } = await read(after ? { limit: "2", after } : { limit: "2" });
      if (next !== null) expect(ids).toHaveLength(2);
      else expect(ids.length).toBeLessThanOrEqual(2);
      seen.push(...ids);
      // One made meanwhile is newer than every page handed out: it does not shift the pages after it.
      if (page === 0) await requestPublish(meanwhile);
      if (next === null) break;
      after = next;
    }
    expect(seen).toEqual(expected);
    const off = await lead.api.groups[":group"].settings.$put({
      param: { group },
      json: { requireApproval: false },
    });
    expect(off.status).toBe(200);
  });

  it("baseline versions: newest first, every one once, also when one is published meanwhile", async () => {
    for (let i = 1; i <= 3; i++) await publishBaselineWithNote(lead, group, `Wijziging ${i}`);
    const { results } = await env.DB.prepare(
      "SELECT number FROM baseline_versions WHERE group_id = ?1 ORDER BY number DESC",
    )
      .bind(await groupId())
      .all<{ number: number }>();
    const expected = results.map((r) => String(r.number));
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const read = async (query: Query) => {
      const res = await lead.api.groups[":group"].baseline.versions.$get({ param: { group }, query });
      expect(res.status).toBe(200);
      const body = await res.json();
      return { ids: body.versions.map((v) => String(v.number)), next: body.next };
    };
    // A version published meanwhile is newer than every page handed out.
    expect(
      await readPages(read, async () => {
        await publishBaselineWithNote(lead, group, "Wijziging tussendoor");
      }),
    ).toEqual(expected);
  });

  it("refuses a cursor or a page size it did not hand out with 400 naming the field", async () => {
    const lists: [string, [string, string][]][] = [
      [
        "members",
        [
          ["after=0", "after"],
          ["after=x1", "after"],
        ],
      ],
      [
        "invitations",
        [
          ["after=-3", "after"],
          ["after=1.5", "after"],
        ],
      ],
      [
        "publish-requests",
        [
          ["after=abc", "after"],
          ["status=pending&after=0", "after"],
        ],
      ],
      [
        "processors",
        [
          ["after=..%2Fetc", "after"],
          ["after=Hoofd", "after"],
        ],
      ],
      [
        "baseline/versions",
        [
          ["after=0", "after"],
          ["after=v2", "after"],
        ],
      ],
    ];
    for (const [path, cases] of lists) {
      for (const [query, field] of [...cases, ["limit=0", "limit"], ["limit=501", "limit"]] as const) {
        const res = await call(`/api/groups/${group}/${path}?${query}`, { cookie: leadCookie });
        expect(res.status, `${path}?${query}`).toBe(400);
        expect((await readError(res)).error.issues?.map((i) => i.field)).toContain(field);
      }
    }
  });
});
