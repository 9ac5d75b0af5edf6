// Bad input, everywhere: malformed requests at every JSON route of the API answer 4xx with a
// message that names the field, never 5xx, and change no row. Text with SQL and HTML
// metacharacters round-trips unchanged and renders harmlessly.
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as v from "valibot";
import * as schemas from "#shared/api-schemas.ts";
import * as accountSchemas from "#shared/account-schemas.ts";
import * as groupAdmin from "#shared/group-admin-schemas.ts";
import * as siteSchemas from "#shared/site-schemas.ts";
import { WebhookCreateSchema } from "#shared/webhook-schemas.ts";
import type { TenantContent } from "#shared/model.ts";
import { seedDemoGroup } from "./demo-seed.ts";
import { apiAs, ORIGIN, signInAs } from "./test/clients.ts";
import { fetchStaticAsset } from "./test/static-assets.ts";
import { exports } from "cloudflare:workers";

let lead: string;

interface JsonRoute {
  method: string;
  path: string;
  /** The schema the route validates its body with. */
  schema: v.GenericSchema;
  /** A valid body, which the generators corrupt. */
  valid: () => Promise<Record<string, unknown>>;
  headers?: () => Promise<Record<string, string>>;
}

const draftOf = async (slug: string) =>
  (await env.DB.prepare(
    "SELECT d.revision, d.content FROM tenant_drafts d JOIN tenants t ON t.id = d.tenant_id WHERE t.slug = ?1",
  )
    .bind(slug)
    .first<{ revision: number; content: string }>())!;

const ROUTES: JsonRoute[] = [
  {
    method: "POST",
    path: "/api/auth/login",
    schema: schemas.LoginSchema,
    valid: async () => ({ email: "lead@conxillium.example", password: "x".repeat(12) }),
  },
  {
    method: "POST",
    path: "/api/invitations/lookup",
    schema: schemas.InvitationLookupSchema,
    valid: async () => ({ token: "a".repeat(32) }),
  },
  {
    method: "POST",
    path: "/api/invitations/accept",
    schema: schemas.InvitationAcceptSchema,
    valid: async () => ({ token: "a".repeat(32), name: "X", password: "x".repeat(12) }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/invitations",
    schema: schemas.InvitationCreateSchema,
    valid: async () => ({ email: "a@b.nl", role: "tenant_viewer", tenant: "sim" }),
  },
  {
    method: "PATCH",
    path: "/api/groups/conxillium/members/1",
    schema: schemas.RoleChangeSchema,
    valid: async () => ({ role: "group_admin" }),
  },
  {
    method: "PUT",
    path: "/api/groups/conxillium/baseline/draft",
    schema: schemas.BaselineDraftBodySchema,
    valid: async () => ({
      baseline: JSON.parse(
        (await env.DB.prepare("SELECT content FROM baseline_drafts").first<{ content: string }>())!.content,
      ),
    }),
    headers: async () => ({
      "If-Match": `"${(await env.DB.prepare("SELECT revision FROM baseline_drafts").first<{ revision: number }>())!.revision}"`,
    }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/baseline/publish",
    schema: schemas.BaselinePublishSchema,
    valid: async () => ({ changeNote: "x" }),
  },
  {
    method: "PUT",
    path: "/api/groups/conxillium/processors/fuzz",
    schema: schemas.ProcessorBodySchema,
    valid: async () => ({ recipient: { name: "P", role: "processor", country: "NL", safeguard: "eea" } }),
  },
  {
    method: "PUT",
    path: "/api/groups/conxillium/settings",
    schema: schemas.GroupSettingsSchema,
    valid: async () => ({ requireApproval: false }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/rollout/republish",
    schema: schemas.RepublishSchema,
    valid: async () => ({ changeNote: "x" }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/rollout/runs",
    schema: schemas.RolloutRunStartSchema,
    valid: async () => ({ changeNote: "x" }),
  },
  {
    method: "PUT",
    path: "/api/groups/conxillium/tenants/sim/draft",
    schema: schemas.TenantDraftBodySchema,
    valid: async () => ({ content: JSON.parse((await draftOf("sim")).content) }),
    headers: async () => ({ "If-Match": `"${(await draftOf("sim")).revision}"` }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/tenants/sim/publish",
    schema: schemas.PublishSchema,
    valid: async () => ({ changeNote: "x", material: true }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/tenants/sim/versions/1/restore",
    schema: schemas.RestoreSchema,
    valid: async () => ({ changeNote: "x" }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/tenants/sim/webhooks",
    schema: WebhookCreateSchema,
    valid: async () => ({ url: "https://sim.example/hook" }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/rollout/sim/republish",
    schema: schemas.RepublishSchema,
    valid: async () => ({ changeNote: "x" }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/completeness/check",
    schema: schemas.CompletenessCheckSchema,
    valid: async () => ({ text: "Privacyverklaring\n\nWij bewaren uw gegevens zeven jaar.", format: "text" }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/tenants/sim/import",
    schema: schemas.ImportSchema,
    valid: async () => ({ text: "Privacyverklaring\n\nWij bewaren uw gegevens zeven jaar.", format: "text" }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/tenants/sim/import/accept",
    schema: schemas.ImportAcceptSchema,
    valid: async () => ({
      text: "Privacyverklaring\n\nWij bewaren uw gegevens zeven jaar.",
      format: "text",
      choices: { profile: [], lists: { retention: "keep" } },
    }),
    headers: async () => ({ "If-Match": `"${(await draftOf("sim")).revision}"` }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/publish-requests/1/reject",
    schema: schemas.RejectSchema,
    valid: async () => ({ reason: "x" }),
  },
  // The account API (issue 18): sign-in's second step, the account's own settings, reset links, the policy.
  {
    method: "POST",
    path: "/api/auth/two-step/code",
    schema: accountSchemas.SecondStepCodeSchema,
    valid: async () => ({ method: "totp", code: "123456" }),
  },
  {
    method: "POST",
    path: "/api/auth/two-step/passkey",
    schema: accountSchemas.PasskeyAssertionSchema,
    valid: async () => ({
      credentialId: "AAAA",
      clientDataJSON: "AAAA",
      authenticatorData: "AAAA",
      signature: "AAAA",
    }),
  },
  {
    method: "POST",
    path: "/api/account/password",
    schema: accountSchemas.PasswordChangeSchema,
    valid: async () => ({ currentPassword: "x", newPassword: "a long new password" }),
  },
  {
    method: "POST",
    path: "/api/account/two-step/totp",
    schema: accountSchemas.EnrolmentStartSchema,
    valid: async () => ({ currentPassword: "x" }),
  },
  {
    method: "DELETE",
    path: "/api/account/two-step/totp",
    schema: accountSchemas.CurrentPasswordBodySchema,
    valid: async () => ({ currentPassword: "x" }),
  },
  {
    method: "POST",
    path: "/api/account/two-step/totp/confirm",
    schema: accountSchemas.TotpConfirmSchema,
    valid: async () => ({ code: "123456" }),
  },
  {
    method: "POST",
    path: "/api/account/two-step/recovery-codes",
    schema: accountSchemas.CurrentPasswordBodySchema,
    valid: async () => ({ currentPassword: "x" }),
  },
  {
    method: "POST",
    path: "/api/account/two-step/passkeys/options",
    schema: accountSchemas.EnrolmentStartSchema,
    valid: async () => ({ currentPassword: "x" }),
  },
  {
    method: "POST",
    path: "/api/account/two-step/passkeys",
    schema: accountSchemas.PasskeyRegistrationSchema,
    valid: async () => ({ name: "Laptop", clientDataJSON: "AAAA", attestationObject: "AAAA" }),
  },
  {
    method: "DELETE",
    path: "/api/account/two-step/passkeys/1",
    schema: accountSchemas.CurrentPasswordBodySchema,
    valid: async () => ({ currentPassword: "x" }),
  },
  {
    method: "POST",
    path: "/api/password-resets/lookup",
    schema: accountSchemas.PasswordResetLookupSchema,
    valid: async () => ({ token: "a".repeat(32) }),
  },
  {
    method: "POST",
    path: "/api/password-resets/redeem",
    schema: accountSchemas.PasswordResetRedeemSchema,
    valid: async () => ({ token: "a".repeat(32), password: "a long new password" }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/password-resets",
    schema: accountSchemas.PasswordResetCreateSchema,
    valid: async () => ({ userId: 1 }),
  },
  {
    method: "PUT",
    path: "/api/groups/conxillium/sign-in-policy",
    schema: accountSchemas.TwoStepPolicySchema,
    valid: async () => ({ twoStep: "off" }),
  },
  // Companies and people over the years (issue 18).
  {
    method: "POST",
    path: "/api/groups/conxillium/companies",
    schema: groupAdmin.CompanyCreateSchema,
    valid: async () => ({
      slug: "fuzzco",
      name: "Fuzz B.V.",
      profile: JSON.parse((await draftOf("sim")).content).profile,
    }),
  },
  {
    method: "PATCH",
    path: "/api/groups/conxillium/companies/sim",
    schema: groupAdmin.CompanyUpdateSchema,
    valid: async () => ({ name: "Sim B.V.", websites: ["https://sim.example"] }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/companies/sim/archive",
    schema: groupAdmin.CompanyArchiveSchema,
    valid: async () => ({ successorUrl: "https://buyer.example/privacy", reason: "sold" }),
  },
  {
    method: "POST",
    path: "/api/groups/conxillium/members",
    schema: groupAdmin.MemberAddSchema,
    valid: async () => ({ user: 1, role: "tenant_viewer", tenant: "sim" }),
  },
  // The site monitor (issue 19).
  {
    method: "POST",
    path: "/api/groups/conxillium/tenants/sim/sites",
    schema: siteSchemas.WatchedPageCreateSchema,
    valid: async () => ({ url: "https://sim.example/privacy", language: "nl", display: "link" }),
  },
];

/** Every table's row count and content checksum: "no row changed" means this is equal before and after. */
async function snapshotDatabase(): Promise<string> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('d1_migrations', 'sessions', 'login_failures') ORDER BY name",
  ).all<{ name: string }>();
  const parts: string[] = [];
  for (const { name } of results) {
    const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
    parts.push(`${name}:${JSON.stringify(rows.results)}`);
  }
  return parts.join("\n");
}

/** Replaces the value at a random path of a JSON value. */
function corrupt(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== "object") return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const next = corrupt(child, path.slice(1), replacement);
  return Array.isArray(value)
    ? value.map((v, i) => (String(i) === key ? next : v))
    : { ...value, [key]: next };
}

const deep = (depth: number): unknown => {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

type Mutation =
  | { kind: "wrong-type"; path: number[]; value: unknown }
  | { kind: "missing"; key: number }
  | { kind: "unknown-field"; name: string }
  | { kind: "huge-string"; path: number[] }
  | { kind: "deep"; path: number[]; depth: number }
  | { kind: "not-an-object"; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("wrong-type" as const),
    path: fc.array(fc.nat(20), { maxLength: 4 }),
    value: fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant([]),
      fc.constant({}),
      fc.double(),
    ),
  }),
  fc.record({ kind: fc.constant("missing" as const), key: fc.nat(10) }),
  fc.record({
    kind: fc.constant("unknown-field" as const),
    name: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !["__proto__", "constructor"].includes(s)),
  }),
  fc.record({ kind: fc.constant("huge-string" as const), path: fc.array(fc.nat(20), { maxLength: 4 }) }),
  fc.record({
    kind: fc.constant("deep" as const),
    path: fc.array(fc.nat(20), { maxLength: 3 }),
    depth: fc.integer({ min: 50, max: 5000 }),
  }),
  fc.record({
    kind: fc.constant("not-an-object" as const),
    value: fc.oneof(fc.constant([]), fc.integer(), fc.string(), fc.constant(null)),
  }),
);

function applyMutation(body: Record<string, unknown>, m: Mutation): unknown {
  switch (m.kind) {
    case "wrong-type":
      return corrupt(body, m.path, m.value);
    case "missing": {
      const keys = Object.keys(body);
      const { [keys[m.key % keys.length]!]: _removed, ...rest } = body;
      return rest;
    }
    case "unknown-field":
      return Object.hasOwn(body, m.name) ? { ...body, [`${m.name}_x`]: 1 } : { ...body, [m.name]: 1 };
    case "huge-string":
      return corrupt(body, m.path, "é<'\";--".repeat(40_000));
    case "deep":
      return corrupt(body, m.path, deep(m.depth));
    case "not-an-object":
      return m.value;
  }
}

async function send(route: JsonRoute, body: BodyInit, contentType = "application/json"): Promise<Response> {
  return exports.default.fetch(
    new Request(`${ORIGIN}${route.path}`, {
      method: route.method,
      headers: {
        Cookie: lead,
        Origin: ORIGIN,
        "Sec-Fetch-Site": "same-origin",
        "Content-Type": contentType,
        ...(route.headers ? await route.headers() : {}),
      },
      body,
    }),
  );
}

async function expectFieldError(res: Response, sent: string): Promise<void> {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  const body = JSON.parse(text) as {
    error: { message: string; issues?: { field: string; message: string }[] };
  };
  expect(body.error.message.length).toBeGreaterThan(0);
  if (res.status === 400 || res.status === 413 || res.status === 415) {
    expect(body.error.issues?.length, text.slice(0, 300)).toBeGreaterThan(0);
    for (const issue of body.error.issues!) expect(issue.field.length).toBeGreaterThan(0);
  }
  // A long input is never echoed back.
  if (sent.length > 10_000) expect(text.length).toBeLessThan(20_000);
}

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  lead = await signInAs("lead@conxillium.example");
});

describe("malformed requests at every JSON route", () => {
  it("covers every route whose request body the API describes", async () => {
    const document = await (
      await fetchStaticAsset("/openapi.json")
    ).json<{
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    }>();
    const withBody = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.requestBody !== undefined)
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );
    expect(withBody.length).toBeGreaterThan(10);
    const uncovered = withBody.filter(({ method, path }) => {
      const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, "[^/]+")}$`);
      return !ROUTES.some((r) => r.method === method && pattern.test(r.path));
    });
    expect(uncovered).toEqual([]);
  });

  it("answer 4xx with a field-level message and change nothing (property)", async () => {
    const before = await snapshotDatabase();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), mutation, async (route, m) => {
        const corrupted = applyMutation(await route.valid(), m);
        // Some corruptions still make a valid body (an optional field left out, a number swapped
        // for another number); those are not malformed and are skipped.
        fc.pre(!v.safeParse(route.schema, corrupted).success);
        const body = JSON.stringify(corrupted);
        await expectFieldError(await send(route, body), body);
      }),
      { numRuns: 150 },
    );
    expect(await snapshotDatabase()).toBe(before);
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s: broken JSON, bad UTF-8, oversized and wrong types of body",
    async (_name, route) => {
      const before = await snapshotDatabase();
      const cases: [BodyInit, string, number][] = [
        ['{"a": ', "application/json", 400],
        ["{'single': 'quotes'}", "application/json", 400],
        [new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), "application/json", 400],
        [JSON.stringify({ padding: "x".repeat(1024 * 1024) }), "application/json", 413],
        ["email=a&password=b", "application/x-www-form-urlencoded", 415],
        [JSON.stringify(await route.valid()), "text/plain", 415],
      ];
      for (const [body, type, status] of cases) {
        const res = await send(route, body, type);
        expect(res.status, `${type} ${JSON.stringify(body).slice(0, 40)}`).toBe(status);
        await expectFieldError(res, typeof body === "string" ? body : "");
      }
      expect(await snapshotDatabase()).toBe(before);
    },
  );
});

describe("metacharacters", () => {
  const nasty = `Robert'); DROP TABLE tenants;-- <script>alert(1)</script> "quoted" & \\ back\u0000slash \u202e`;

  it("round-trip unchanged through a draft and render harmlessly when published", async () => {
    const row = await draftOf("geotax");
    const content = JSON.parse(row.content) as TenantContent;
    content.lists.data_categories.push({
      name: { nl: nasty.replace("\u0000", ""), en: nasty.replace("\u0000", "") },
      special: false,
    });
    // Its retention, as for every data category (Art. 13(2)(a)), so the lint lets it publish.
    content.lists.retention.push({
      subject: { nl: "Overige gegevens", en: "Other data" },
      period: { amount: 1, unit: "years" },
    });
    content.ownSections.push({
      key: "metatekens",
      title: { nl: nasty.replace("\u0000", ""), en: nasty.replace("\u0000", "") },
      body: { nl: nasty, en: nasty },
      after: "rights",
    });
    // Well-formed input with hostile text: through the typed client, as the console sends it.
    const api = apiAs(lead);
    const geotax = { param: { group: "conxillium", tenant: "geotax" } };
    const saved = await api.api.groups[":group"].tenants[":tenant"].draft.$put(
      { ...geotax, json: { content } },
      { headers: { "If-Match": `"${row.revision}"` } },
    );
    expect(saved.status).toBe(200);
    const stored = JSON.parse((await draftOf("geotax")).content) as TenantContent;
    expect(stored.ownSections.at(-1)!.body.nl).toBe(nasty);
    expect(stored.lists.data_categories.at(-1)!.name.nl).toBe(nasty.replace("\u0000", ""));
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM tenants").first<{ n: number }>()).toEqual({
      n: 8,
    });

    const published = await api.api.groups[":group"].tenants[":tenant"].publish.$post({
      ...geotax,
      json: { changeNote: nasty, material: true },
    });
    expect(published.status).toBe(201);
    const statement = (tenant: string) =>
      apiAs().v1.statements[":group"][":tenant"].$get({ param: { group: "conxillium", tenant }, query: {} });
    const html = await (await statement("geotax.html")).text();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Robert&#39;); DROP TABLE tenants;--");
    const versions = await apiAs().v1.statements[":group"][":tenant"].versions.$get({
      param: { group: "conxillium", tenant: "geotax" },
      query: {},
    });
    // Public answers are stored or serialised bytes (c.body), so the client cannot type them.
    const history = (await versions.json()) as { versions: { changeNote: string }[] };
    expect(history.versions[0]!.changeNote).toBe(nasty);
    // The visitor's page of versions shows the same note as text.
    const page = await apiAs().v1.statements[":group"][":tenant"]["versions.html"].$get({
      param: { group: "conxillium", tenant: "geotax" },
      query: {},
    });
    const pageHtml = await page.text();
    expect(pageHtml).not.toContain("<script>");
    expect(pageHtml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(pageHtml).toContain("Robert&#39;); DROP TABLE tenants;--");
  });
});
