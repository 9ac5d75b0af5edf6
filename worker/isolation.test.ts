// The isolation matrix: every API route × every demo caller × their own and another company.
// The route list comes from the app itself, so a new route without an expectation here fails.
// Its requests are written as paths on purpose, not through the typed client: the matrix is keyed
// by the app's route table (path patterns), and it also sends what no typed call would (another
// company's ids, no session at all).
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import app from "./app.ts";
import { hashSecret } from "./auth/session.ts";
import { DEMO_PASSWORD, seedDemoGroup } from "./demo-seed.ts";
import type { Baseline, TenantContent } from "#shared/model.ts";
import { CALLERS, apiAs, call, cookieFor, signInAs, type Caller } from "./test/clients.ts";
import { demoContent, publishAt } from "./test/fixtures.ts";

type Target = "jcc-software" | "dataquint";
type Relation = "own" | "other";

const HOME: Record<Caller, Target | null> = {
  admin: null,
  jccEditor: "jcc-software",
  jccViewer: "jcc-software",
  dqEditor: "dataquint",
  anonymous: null,
};

/** A group admin owns every company; a company member owns theirs; anonymous owns nothing. */
const relationOf = (caller: Caller, target: Target): Relation =>
  caller === "admin" || HOME[caller] === target ? "own" : "other";

interface RouteCase {
  request(
    target: Target,
  ): Promise<{ path: string; method?: string; json?: unknown; headers?: Record<string, string> }>;
  expected(caller: Caller, relation: Relation): number;
}

const member = (ok: number) => (caller: Caller) => (caller === "anonymous" ? 401 : ok);
const adminOnly = (ok: number) => (caller: Caller) =>
  caller === "anonymous" ? 401 : caller === "admin" ? ok : 403;
const companyRead = (caller: Caller, relation: Relation) =>
  caller === "anonymous" ? 401 : relation === "own" ? 200 : 404;

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${++sequence}`;

/** A throw-away viewer of `target`, so role changes touch no demo account. */
async function createViewerMembership(target: Target): Promise<number> {
  const email = `${unique("viewer")}@example.test`;
  const results = await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO users (email, name, password_hash, created_at) SELECT ?1, 'Temp', password_hash, ?2 FROM users LIMIT 1",
    ).bind(email, new Date().toISOString()),
    env.DB.prepare(
      `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
       SELECT u.id, t.group_id, t.id, 'tenant_viewer', ?3 FROM users u, tenants t WHERE u.email = ?1 AND t.slug = ?2 RETURNING id`,
    ).bind(email, target, new Date().toISOString()),
  ]);
  return (results[1]!.results[0] as { id: number }).id;
}

async function createPendingInvitation(target: Target): Promise<number> {
  const row = await env.DB.prepare(
    `INSERT INTO invitations (group_id, tenant_id, role, email, token_hash, created_at, expires_at)
     SELECT group_id, id, 'tenant_editor', ?2, ?3, ?4, '2999-01-01T00:00:00.000Z' FROM tenants WHERE slug = ?1 RETURNING id`,
  )
    .bind(target, `${unique("invitee")}@example.test`, hashSecret(unique("token")), new Date().toISOString())
    .first<{ id: number }>();
  return row!.id;
}

/** A throw-away viewer account of `target`, for rows that act on a member's account; its user id. */
async function createViewerAccount(target: Target): Promise<number> {
  const membership = await createViewerMembership(target);
  const row = await env.DB.prepare("SELECT user_id FROM memberships WHERE id = ?1")
    .bind(membership)
    .first<{ user_id: number }>();
  return row!.user_id;
}

/** The handle of a session of a throw-away account: nobody else's to end. */
async function createStrangersSessionHandle(target: Target): Promise<string> {
  const userId = await createViewerAccount(target);
  const email = (await env.DB.prepare("SELECT email FROM users WHERE id = ?1")
    .bind(userId)
    .first<{ email: string }>())!.email;
  await signInAs(email);
  const row = await env.DB.prepare("SELECT handle FROM sessions WHERE user_id = ?1")
    .bind(userId)
    .first<{ handle: string }>();
  return row!.handle;
}

/** A well-formed WebAuthn answer that verifies nowhere (base64url of junk). */
const JUNK = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** Changes a company's draft directly, so that a publish has something new to publish. */
async function touchDraft(target: Target): Promise<TenantContent> {
  // From the demo content each time, so an earlier row (an import, say) cannot leave it unpublishable.
  const content = demoContent(target);
  content.profile.phone = `+31 20 ${String(100_000 + ++sequence).slice(0, 3)} ${String(1000 + sequence).slice(-4)}`;
  await env.DB.prepare(
    "UPDATE tenant_drafts SET revision = revision + 1, content = ?2 WHERE tenant_id = (SELECT id FROM tenants WHERE slug = ?1)",
  )
    .bind(target, JSON.stringify(content))
    .run();
  return content;
}

/** A watched page of `target`'s website, written directly. */
async function createWatchedPage(target: Target): Promise<number> {
  const row = await env.DB.prepare(
    `INSERT INTO watched_pages (tenant_id, url, language, display, created_at)
     SELECT id, ?2, 'nl', 'copy', ?3 FROM tenants WHERE slug = ?1 RETURNING id`,
  )
    .bind(target, `https://${unique("site")}.example/privacy`, new Date().toISOString())
    .first<{ id: number }>();
  return row!.id;
}

const draftRevision = async (target: Target): Promise<number> =>
  (await env.DB.prepare(
    "SELECT d.revision FROM tenant_drafts d JOIN tenants t ON t.id = d.tenant_id WHERE t.slug = ?1",
  )
    .bind(target)
    .first<{ revision: number }>())!.revision;

/** A pending publish request for `target`, asked by that company's own editor. */
async function createPendingRequest(target: Target): Promise<number> {
  const content = await touchDraft(target);
  const requester = target === "jcc-software" ? CALLERS.jccEditor : CALLERS.dqEditor;
  await env.DB.prepare(
    "UPDATE publish_requests SET status = 'withdrawn', decided_at = ?1 WHERE status = 'pending'",
  )
    .bind(new Date().toISOString())
    .run();
  const row = await env.DB.prepare(
    `INSERT INTO publish_requests (group_id, subject, tenant_id, requested_by, requested_at, content, draft_revision,
       change_note, material)
     SELECT t.group_id, 'company', t.id, u.id, ?3, ?4, 1, 'matrix', 1 FROM tenants t, users u
     WHERE t.slug = ?1 AND u.email = ?2 RETURNING id`,
  )
    .bind(target, requester, new Date().toISOString(), JSON.stringify(content))
    .first<{ id: number }>();
  return row!.id;
}

/** An active webhook of `target`, written directly. */
async function createWebhook(target: Target): Promise<number> {
  const row = await env.DB.prepare(
    `INSERT INTO webhooks (tenant_id, url, secret, created_at)
     SELECT id, ?2, ?3, ?4 FROM tenants WHERE slug = ?1 RETURNING id`,
  )
    .bind(target, `http://127.0.0.1:9/${unique("hook")}`, "0".repeat(64), new Date().toISOString())
    .first<{ id: number }>();
  return row!.id;
}

/**
 * A throw-away company beside `target` (named after it), so that renaming, archiving and deleting
 * touch no demo company; `archived` writes it archived already (a restore needs one).
 */
async function createCompanyBeside(target: Target, archived = false): Promise<string> {
  const slug = unique(`${target}-kopie`);
  const at = new Date().toISOString();
  await env.DB.prepare(
    `INSERT INTO tenants (group_id, slug, name, position, created_at, status, archived_at)
     SELECT group_id, ?2, ?2, 100 + ?3, ?4, ?5, ?6 FROM tenants WHERE slug = ?1`,
  )
    .bind(target, slug, sequence, at, archived ? "archived" : "active", archived ? at : null)
    .run();
  return slug;
}

/** A throw-away viewer of `target` (see createViewerMembership), by user id. */
async function createViewerUser(target: Target): Promise<number> {
  const membership = await createViewerMembership(target);
  const row = await env.DB.prepare("SELECT user_id FROM memberships WHERE id = ?1")
    .bind(membership)
    .first<{ user_id: number }>();
  return row!.user_id;
}

/** A register entry no company uses. */
async function createUnusedProcessor(): Promise<string> {
  const key = unique("ongebruikt");
  await env.DB.prepare(
    `INSERT INTO processors (group_id, key, content, revision, updated_at)
     SELECT id, ?1, ?2, 1, ?3 FROM groups WHERE slug = 'conxillium'`,
  )
    .bind(
      key,
      JSON.stringify({ name: "Ongebruikt B.V.", role: "processor", country: "NL", safeguard: "eea" }),
      new Date().toISOString(),
    )
    .run();
  return key;
}

/** Own company's editors (and the privacy lead) may change it; viewers may not. */
const companyWrite = (ok: number) => (caller: Caller, relation: Relation) =>
  caller === "anonymous" ? 401 : relation === "other" ? 404 : caller === "jccViewer" ? 403 : ok;
/** Deciding on a request: only another privacy lead. */
const decideRequest = (caller: Caller, relation: Relation) =>
  caller === "anonymous" ? 401 : relation === "other" ? 404 : caller === "admin" ? 200 : 403;

const ROUTES: Record<string, RouteCase> = {
  "POST /api/auth/login": {
    request: async () => ({
      path: "/api/auth/login",
      json: { email: `${unique("nobody")}@example.test`, password: "wrong-password-1" },
      // A documentation address per attempt, so the sign-in throttle stays out of the matrix.
      headers: { "CF-Connecting-IP": `192.0.2.${sequence}` },
    }),
    // The credentials in the body decide, not the session: a wrong pair is 401 for everyone.
    expected: () => 401,
  },
  "POST /api/auth/logout": {
    request: async () => ({ path: "/api/auth/logout", json: {} }),
    expected: member(200),
  },
  "POST /api/auth/logout-all": {
    request: async () => ({ path: "/api/auth/logout-all", json: {} }),
    expected: member(200),
  },
  "GET /api/me": { request: async () => ({ path: "/api/me" }), expected: member(200) },
  "POST /api/auth/two-step/code": {
    request: async () => ({ path: "/api/auth/two-step/code", json: { method: "totp", code: "123456" } }),
    // Only a pending sign-in (its own cookie) may give a second step; a session is not one.
    expected: () => 401,
  },
  "POST /api/auth/two-step/passkey/options": {
    request: async () => ({ path: "/api/auth/two-step/passkey/options", json: {} }),
    expected: () => 401,
  },
  "POST /api/auth/two-step/passkey": {
    request: async () => ({
      path: "/api/auth/two-step/passkey",
      json: { credentialId: JUNK, clientDataJSON: JUNK, authenticatorData: JUNK, signature: JUNK },
    }),
    expected: () => 401,
  },
  "GET /api/account": { request: async () => ({ path: "/api/account" }), expected: member(200) },
  "POST /api/account/password": {
    // The demo password again, so the demo accounts keep theirs.
    request: async () => ({
      path: "/api/account/password",
      json: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD },
    }),
    expected: member(200),
  },
  "GET /api/account/sessions": {
    request: async () => ({ path: "/api/account/sessions" }),
    expected: member(200),
  },
  "DELETE /api/account/sessions/:handle": {
    request: async (target) => ({
      path: `/api/account/sessions/${await createStrangersSessionHandle(target)}`,
      method: "DELETE",
    }),
    // Someone else's session answers like one that does not exist.
    expected: member(404),
  },
  "POST /api/account/sessions/end-others": {
    request: async () => ({ path: "/api/account/sessions/end-others", json: {} }),
    expected: member(200),
  },
  "POST /api/account/two-step/totp": {
    request: async () => ({ path: "/api/account/two-step/totp", json: { currentPassword: DEMO_PASSWORD } }),
    expected: member(200),
  },
  "POST /api/account/two-step/totp/confirm": {
    request: async () => ({ path: "/api/account/two-step/totp/confirm", json: { code: "000000" } }),
    // A code nobody's app showed (or a setup that was never started): refused for everyone.
    expected: member(422),
  },
  "DELETE /api/account/two-step/totp": {
    request: async () => ({
      path: "/api/account/two-step/totp",
      method: "DELETE",
      json: { currentPassword: DEMO_PASSWORD },
    }),
    expected: member(404),
  },
  "POST /api/account/two-step/recovery-codes": {
    request: async () => ({
      path: "/api/account/two-step/recovery-codes",
      json: { currentPassword: DEMO_PASSWORD },
    }),
    // Two-step sign-in is off for the demo accounts: there are no codes to replace.
    expected: member(409),
  },
  "POST /api/account/two-step/passkeys/options": {
    request: async () => ({
      path: "/api/account/two-step/passkeys/options",
      json: { currentPassword: DEMO_PASSWORD },
    }),
    expected: member(200),
  },
  "POST /api/account/two-step/passkeys": {
    request: async () => ({
      path: "/api/account/two-step/passkeys",
      json: { name: "Sleutel", clientDataJSON: JUNK, attestationObject: JUNK },
    }),
    expected: member(422),
  },
  "DELETE /api/account/two-step/passkeys/:id": {
    request: async () => ({
      path: "/api/account/two-step/passkeys/1",
      method: "DELETE",
      json: { currentPassword: DEMO_PASSWORD },
    }),
    expected: member(404),
  },
  "POST /api/password-resets/lookup": {
    request: async () => ({ path: "/api/password-resets/lookup", json: { token: "a".repeat(32) } }),
    expected: () => 404,
  },
  "POST /api/password-resets/redeem": {
    request: async () => ({
      path: "/api/password-resets/redeem",
      json: { token: "a".repeat(32), password: "een-nieuw-wachtwoord" },
      headers: { "CF-Connecting-IP": `192.0.2.${++sequence % 250}` },
    }),
    expected: () => 404,
  },
  "GET /api/groups/:group/sign-in-policy": {
    request: async () => ({ path: "/api/groups/conxillium/sign-in-policy" }),
    expected: adminOnly(200),
  },
  "PUT /api/groups/:group/sign-in-policy": {
    request: async () => ({
      path: "/api/groups/conxillium/sign-in-policy",
      method: "PUT",
      json: { twoStep: "off" },
    }),
    expected: adminOnly(200),
  },
  "POST /api/groups/:group/password-resets": {
    request: async (target) => ({
      path: "/api/groups/conxillium/password-resets",
      json: { userId: await createViewerAccount(target) },
    }),
    expected: adminOnly(201),
  },
  "POST /api/invitations/lookup": {
    request: async () => ({ path: "/api/invitations/lookup", json: { token: "a".repeat(32) } }),
    expected: () => 404,
  },
  "POST /api/invitations/accept": {
    request: async () => ({
      path: "/api/invitations/accept",
      json: { token: "a".repeat(32), name: "X", password: DEMO_PASSWORD },
    }),
    expected: () => 404,
  },
  "GET /api/groups/:group/tenants": {
    request: async () => ({ path: "/api/groups/conxillium/tenants" }),
    expected: member(200),
  },
  "GET /api/groups/:group/tenants/:tenant/draft": {
    request: async (target) => ({ path: `/api/groups/conxillium/tenants/${target}/draft` }),
    expected: companyRead,
  },
  "GET /api/groups/:group": {
    request: async () => ({ path: "/api/groups/conxillium" }),
    // The group's name, languages and the privacy lead's contact are for every member.
    expected: member(200),
  },
  "GET /api/groups/:group/companies": {
    request: async () => ({ path: "/api/groups/conxillium/companies" }),
    expected: adminOnly(200),
  },
  "POST /api/groups/:group/companies": {
    request: async (target) => ({
      path: "/api/groups/conxillium/companies",
      json: { slug: unique(`nieuw-${target}`), name: "Nieuw", profile: demoContent(target).profile },
    }),
    expected: adminOnly(201),
  },
  // A company's lifecycle is the privacy lead's: its own editors are refused (403) like everyone
  // else, with the same answer for a company that exists and one that does not.
  "PATCH /api/groups/:group/companies/:company": {
    request: async (target) => ({
      path: `/api/groups/conxillium/companies/${await createCompanyBeside(target)}`,
      method: "PATCH",
      json: { name: "Hernoemd" },
    }),
    expected: adminOnly(200),
  },
  "POST /api/groups/:group/companies/:company/archive": {
    request: async (target) => ({
      path: `/api/groups/conxillium/companies/${await createCompanyBeside(target)}/archive`,
      json: {},
    }),
    expected: adminOnly(200),
  },
  "POST /api/groups/:group/companies/:company/restore": {
    request: async (target) => ({
      path: `/api/groups/conxillium/companies/${await createCompanyBeside(target, true)}/restore`,
      json: {},
    }),
    expected: adminOnly(200),
  },
  "DELETE /api/groups/:group/companies/:company": {
    request: async (target) => ({
      path: `/api/groups/conxillium/companies/${await createCompanyBeside(target)}`,
      method: "DELETE",
    }),
    expected: adminOnly(200),
  },
  "POST /api/groups/:group/members": {
    request: async (target) => ({
      path: "/api/groups/conxillium/members",
      json: { user: await createViewerUser(target), role: "tenant_editor", tenant: "sim" },
    }),
    expected: adminOnly(201),
  },
  "DELETE /api/groups/:group/members/:id": {
    request: async (target) => ({
      path: `/api/groups/conxillium/members/${await createViewerMembership(target)}`,
      method: "DELETE",
    }),
    expected: adminOnly(200),
  },
  "DELETE /api/groups/:group/people/:id": {
    request: async (target) => ({
      path: `/api/groups/conxillium/people/${await createViewerUser(target)}`,
      method: "DELETE",
    }),
    expected: adminOnly(200),
  },
  "DELETE /api/groups/:group/processors/:key": {
    request: async () => ({
      path: `/api/groups/conxillium/processors/${await createUnusedProcessor()}`,
      method: "DELETE",
    }),
    expected: adminOnly(200),
  },
  "GET /api/groups/:group/members": {
    request: async () => ({ path: "/api/groups/conxillium/members" }),
    expected: adminOnly(200),
  },
  "PATCH /api/groups/:group/members/:id": {
    request: async (target) => ({
      path: `/api/groups/conxillium/members/${await createViewerMembership(target)}`,
      method: "PATCH",
      json: { role: "tenant_editor", tenant: target },
    }),
    expected: adminOnly(200),
  },
  "GET /api/groups/:group/invitations": {
    request: async () => ({ path: "/api/groups/conxillium/invitations" }),
    expected: adminOnly(200),
  },
  "POST /api/groups/:group/invitations": {
    request: async (target) => ({
      path: "/api/groups/conxillium/invitations",
      json: { email: `${unique("new")}@example.test`, role: "tenant_editor", tenant: target },
    }),
    expected: adminOnly(201),
  },
  "DELETE /api/groups/:group/invitations/:id": {
    request: async (target) => ({
      path: `/api/groups/conxillium/invitations/${await createPendingInvitation(target)}`,
      method: "DELETE",
    }),
    expected: adminOnly(200),
  },
  "GET /api/groups/:group/audit": {
    request: async (target) => ({ path: `/api/groups/conxillium/audit?tenant=${target}` }),
    expected: (caller, relation) =>
      caller === "anonymous" ? 401 : relation === "other" ? 404 : caller === "jccViewer" ? 403 : 200,
  },
  "GET /api/groups/:group/tenants/:tenant/preview": {
    request: async (target) => ({ path: `/api/groups/conxillium/tenants/${target}/preview` }),
    expected: companyRead,
  },
  "PUT /api/groups/:group/tenants/:tenant/draft": {
    request: async (target) => ({
      path: `/api/groups/conxillium/tenants/${target}/draft`,
      method: "PUT",
      json: { content: await touchDraft(target) },
      headers: { "If-Match": `"${await draftRevision(target)}"` },
    }),
    expected: companyWrite(200),
  },
  "POST /api/groups/:group/tenants/:tenant/publish": {
    request: async (target) => {
      await touchDraft(target);
      return {
        path: `/api/groups/conxillium/tenants/${target}/publish`,
        json: { changeNote: "matrix", material: false },
      };
    },
    expected: companyWrite(201),
  },
  "POST /api/groups/:group/tenants/:tenant/versions/:number/restore": {
    request: async (target) => {
      // Make the version in force differ from version 1, so restoring it is a real change.
      const content = await touchDraft(target);
      await publishAt(env.DB, "conxillium", target, content, new Date().toISOString());
      return {
        path: `/api/groups/conxillium/tenants/${target}/versions/1/restore`,
        json: { changeNote: "matrix" },
      };
    },
    expected: companyWrite(201),
  },
  "GET /api/groups/:group/tenants/:tenant/webhooks": {
    request: async (target) => ({ path: `/api/groups/conxillium/tenants/${target}/webhooks` }),
    expected: companyRead,
  },
  "POST /api/groups/:group/tenants/:tenant/webhooks": {
    request: async (target) => ({
      path: `/api/groups/conxillium/tenants/${target}/webhooks`,
      json: { url: `https://${unique("hook")}.example/verklaring` },
    }),
    expected: companyWrite(201),
  },
  "DELETE /api/groups/:group/tenants/:tenant/webhooks/:id": {
    request: async (target) => ({
      path: `/api/groups/conxillium/tenants/${target}/webhooks/${await createWebhook(target)}`,
      method: "DELETE",
    }),
    expected: companyWrite(200),
  },
  "GET /api/groups/:group/tenants/:tenant/webhooks/:id/deliveries": {
    request: async (target) => ({
      path: `/api/groups/conxillium/tenants/${target}/webhooks/${await createWebhook(target)}/deliveries`,
    }),
    expected: companyRead,
  },
  "GET /api/groups/:group/tenants/:tenant/sites": {
    request: async (target) => ({ path: `/api/groups/conxillium/tenants/${target}/sites` }),
    expected: companyRead,
  },
  "POST /api/groups/:group/tenants/:tenant/sites": {
    request: async (target) => ({
      path: `/api/groups/conxillium/tenants/${target}/sites`,
      json: { url: `https://${unique("site")}.example/privacy`, language: "nl", display: "link" },
    }),
    expected: companyWrite(201),
  },
  "DELETE /api/groups/:group/tenants/:tenant/sites/:id": {
    request: async (target) => ({
      path: `/api/groups/conxillium/tenants/${target}/sites/${await createWatchedPage(target)}`,
      method: "DELETE",
    }),
    expected: companyWrite(200),
  },
  "POST /api/groups/:group/tenants/:tenant/sites/:id/check": {
    // The page is on no website the tests serve: the check answers with its finding (unreachable).
    request: async (target) => ({
      path: `/api/groups/conxillium/tenants/${target}/sites/${await createWatchedPage(target)}/check`,
      method: "POST",
    }),
    expected: companyWrite(200),
  },
  "GET /api/groups/:group/tenants/:tenant/sites/:id/history": {
    request: async (target) => ({
      path: `/api/groups/conxillium/tenants/${target}/sites/${await createWatchedPage(target)}/history`,
    }),
    expected: companyRead,
  },
  "GET /api/groups/:group/sites": {
    request: async () => ({ path: "/api/groups/conxillium/sites" }),
    expected: adminOnly(200),
  },
  "GET /api/groups/:group/tenants/:tenant/versions": {
    request: async (target) => ({ path: `/api/groups/conxillium/tenants/${target}/versions` }),
    expected: companyRead,
  },
  "GET /api/groups/:group/tenants/:tenant/versions/diff": {
    request: async (target) => ({
      path: `/api/groups/conxillium/tenants/${target}/versions/diff?from=1&to=1`,
    }),
    expected: companyRead,
  },
  "GET /api/groups/:group/tenants/:tenant": {
    request: async (target) => ({ path: `/api/groups/conxillium/tenants/${target}` }),
    expected: companyRead,
  },
  "GET /api/groups/:group/tenants/:tenant/rollout": {
    request: async (target) => ({ path: `/api/groups/conxillium/tenants/${target}/rollout` }),
    expected: companyRead,
  },
  "GET /api/groups/:group/tenants/:tenant/publish-review": {
    request: async (target) => ({ path: `/api/groups/conxillium/tenants/${target}/publish-review` }),
    expected: companyRead,
  },
  "GET /api/groups/:group/publish-requests/:id/review": {
    request: async (target) => ({
      path: `/api/groups/conxillium/publish-requests/${await createPendingRequest(target)}/review`,
    }),
    // Like the request itself: the company's members and the privacy lead; nobody else learns of it.
    expected: companyRead,
  },
  "GET /api/groups/:group/tenants/:tenant/completeness": {
    request: async (target) => ({ path: `/api/groups/conxillium/tenants/${target}/completeness` }),
    expected: companyRead,
  },
  "POST /api/groups/:group/tenants/:tenant/import": {
    request: async (target) => ({
      path: `/api/groups/conxillium/tenants/${target}/import`,
      json: { text: "Bewaartermijn\n\nWij bewaren gegevens 7 jaar.", format: "text" },
    }),
    expected: companyWrite(200),
  },
  "POST /api/groups/:group/tenants/:tenant/import/accept": {
    request: async (target) => ({
      path: `/api/groups/conxillium/tenants/${target}/import/accept`,
      json: {
        text: "Bewaartermijn\n\nWij bewaren gegevens 7 jaar.",
        format: "text",
        choices: { profile: [] },
      },
      headers: { "If-Match": `"${await draftRevision(target)}"` },
    }),
    expected: companyWrite(200),
  },
  "GET /api/groups/:group/completeness": {
    request: async () => ({ path: "/api/groups/conxillium/completeness" }),
    expected: adminOnly(200),
  },
  "GET /api/groups/:group/completeness/report.csv": {
    request: async () => ({ path: "/api/groups/conxillium/completeness/report.csv" }),
    expected: adminOnly(200),
  },
  "POST /api/groups/:group/completeness/check": {
    request: async () => ({
      path: "/api/groups/conxillium/completeness/check",
      json: { text: "Bewaartermijn\n\nWij bewaren gegevens 7 jaar.", format: "text" },
    }),
    // Writes nothing and names no company: the privacy lead and every editor, not a viewer.
    expected: (caller) => (caller === "anonymous" ? 401 : caller === "jccViewer" ? 403 : 200),
  },
  "GET /api/groups/:group/baseline": {
    request: async () => ({ path: "/api/groups/conxillium/baseline" }),
    expected: member(200),
  },
  "GET /api/groups/:group/baseline/versions": {
    request: async () => ({ path: "/api/groups/conxillium/baseline/versions" }),
    expected: member(200),
  },
  "GET /api/groups/:group/baseline/draft": {
    request: async () => ({ path: "/api/groups/conxillium/baseline/draft" }),
    expected: adminOnly(200),
  },
  "PUT /api/groups/:group/baseline/draft": {
    request: async () => {
      const row = await env.DB.prepare("SELECT revision, content FROM baseline_drafts").first<{
        revision: number;
        content: string;
      }>();
      return {
        path: "/api/groups/conxillium/baseline/draft",
        method: "PUT",
        json: { baseline: JSON.parse(row!.content) },
        headers: { "If-Match": `"${row!.revision}"` },
      };
    },
    expected: adminOnly(200),
  },
  "POST /api/groups/:group/baseline/publish": {
    request: async () => {
      const row = await env.DB.prepare("SELECT content FROM baseline_drafts").first<{ content: string }>();
      const baseline = JSON.parse(row!.content) as Baseline;
      baseline.sections[0]!.body.nl += ` ${unique("Aanvulling")}.`;
      await env.DB.prepare("UPDATE baseline_drafts SET revision = revision + 1, content = ?1")
        .bind(JSON.stringify(baseline))
        .run();
      return { path: "/api/groups/conxillium/baseline/publish", json: { changeNote: "matrix" } };
    },
    expected: adminOnly(201),
  },
  "GET /api/groups/:group/processors": {
    request: async () => ({ path: "/api/groups/conxillium/processors" }),
    expected: member(200),
  },
  "GET /api/groups/:group/processors/suggestions": {
    request: async () => ({ path: "/api/groups/conxillium/processors/suggestions" }),
    expected: adminOnly(200),
  },
  "PUT /api/groups/:group/processors/:key": {
    request: async () => ({
      path: `/api/groups/conxillium/processors/${unique("verwerker")}`,
      method: "PUT",
      json: { recipient: { name: "Verwerker B.V.", role: "processor", country: "NL", safeguard: "eea" } },
    }),
    expected: adminOnly(201),
  },
  "GET /api/groups/:group/rollout": {
    request: async () => ({ path: "/api/groups/conxillium/rollout" }),
    expected: adminOnly(200),
  },
  "POST /api/groups/:group/rollout/republish": {
    request: async () => ({ path: "/api/groups/conxillium/rollout/republish", json: {} }),
    expected: adminOnly(200),
  },
  "POST /api/groups/:group/rollout/runs": {
    request: async () => {
      // One run at a time per group: end the one an earlier request of the matrix started.
      await env.DB.prepare(
        `UPDATE rollout_runs SET status = 'done', finished_at = ?1, updated_at = ?1, chunks = chunks + 1
         WHERE status = 'running'`,
      )
        .bind(new Date().toISOString())
        .run();
      return { path: "/api/groups/conxillium/rollout/runs", json: {} };
    },
    expected: adminOnly(202),
  },
  "GET /api/groups/:group/rollout/runs/latest": {
    request: async () => {
      // The group's latest run, whichever request of the matrix comes first.
      await env.DB.prepare(
        `INSERT INTO rollout_runs (group_id, baseline_version_id, started_at, status, total, updated_at, finished_at)
         SELECT g.id, b.id, ?1, 'done', 0, ?1, ?1 FROM groups g JOIN baseline_versions b ON b.group_id = g.id
         WHERE g.slug = 'conxillium' AND NOT EXISTS (SELECT 1 FROM rollout_runs WHERE group_id = g.id)
         ORDER BY b.number DESC LIMIT 1`,
      )
        .bind(new Date().toISOString())
        .run();
      return { path: "/api/groups/conxillium/rollout/runs/latest" };
    },
    expected: adminOnly(200),
  },
  "POST /api/groups/:group/rollout/:tenant/republish": {
    request: async (target) => ({ path: `/api/groups/conxillium/rollout/${target}/republish`, json: {} }),
    expected: adminOnly(200),
  },
  "GET /api/groups/:group/settings": {
    request: async () => ({ path: "/api/groups/conxillium/settings" }),
    expected: adminOnly(200),
  },
  "PUT /api/groups/:group/settings": {
    request: async () => ({
      path: "/api/groups/conxillium/settings",
      method: "PUT",
      json: { requireApproval: false },
    }),
    expected: adminOnly(200),
  },
  "GET /api/groups/:group/publish-requests": {
    request: async () => ({ path: "/api/groups/conxillium/publish-requests" }),
    expected: member(200),
  },
  "POST /api/groups/:group/publish-requests/:id/approve": {
    request: async (target) => ({
      path: `/api/groups/conxillium/publish-requests/${await createPendingRequest(target)}/approve`,
      json: {},
    }),
    expected: decideRequest,
  },
  "POST /api/groups/:group/publish-requests/:id/reject": {
    request: async (target) => ({
      path: `/api/groups/conxillium/publish-requests/${await createPendingRequest(target)}/reject`,
      json: { reason: "matrix" },
    }),
    expected: decideRequest,
  },
  "POST /api/groups/:group/publish-requests/:id/withdraw": {
    request: async (target) => ({
      path: `/api/groups/conxillium/publish-requests/${await createPendingRequest(target)}/withdraw`,
      json: {},
    }),
    // Only the editor who asked (each target's own editor) may withdraw.
    expected: (caller, relation) =>
      caller === "anonymous"
        ? 401
        : relation === "other"
          ? 404
          : caller === "jccEditor" || caller === "dqEditor"
            ? 200
            : 403,
  },
  "GET /api/groups/:group/audit/verify": {
    request: async () => ({ path: "/api/groups/conxillium/audit/verify" }),
    expected: adminOnly(200),
  },
  "GET /api/groups/:group/audit/checkpoints": {
    request: async () => ({ path: "/api/groups/conxillium/audit/checkpoints" }),
    expected: adminOnly(200),
  },
  "GET /api/groups/:group/audit/sign-ins": {
    request: async () => ({ path: "/api/groups/conxillium/audit/sign-ins" }),
    expected: adminOnly(200),
  },
  "GET /api/groups/:group/audit/sign-ins/verify": {
    request: async () => ({ path: "/api/groups/conxillium/audit/sign-ins/verify" }),
    expected: adminOnly(200),
  },
  "GET /api/groups/:group/audit/sign-ins/checkpoints": {
    request: async () => ({ path: "/api/groups/conxillium/audit/sign-ins/checkpoints" }),
    expected: adminOnly(200),
  },
  "GET /api/groups/:group/integrity": {
    request: async () => ({ path: "/api/groups/conxillium/integrity" }),
    expected: adminOnly(200),
  },
};

const SECRET_MARKERS = [
  "$argon2id$",
  "password_hash",
  "passwordHash",
  "secret_hash",
  "token_hash",
  "tokenHash",
];

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
});

it("has an expectation for every API route of the app", () => {
  const routes = new Set(
    app.routes
      .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
      .map((r) => `${r.method} ${r.path}`),
  );
  expect([...routes].sort()).toEqual(Object.keys(ROUTES).sort());
});

const callers: Caller[] = [...(Object.keys(CALLERS) as (keyof typeof CALLERS)[]), "anonymous"];

describe.each(Object.entries(ROUTES))("%s", (_name, route) => {
  for (const caller of callers) {
    for (const target of ["jcc-software", "dataquint"] as const) {
      const relation = relationOf(caller, target);
      const status = route.expected(caller, relation);
      it(`${caller} on ${relation} company (${target}) → ${status}`, async () => {
        const request = await route.request(target);
        const response = await call(request.path, {
          cookie: await cookieFor(caller),
          ...(request.method ? { method: request.method } : {}),
          ...(request.json !== undefined ? { json: request.json } : {}),
          ...(request.headers ? { headers: request.headers } : {}),
        });
        const body = await response.text();
        expect(response.status, body).toBe(status);
        for (const marker of SECRET_MARKERS) expect(body).not.toContain(marker);
        if (relation === "other" && status === 404 && request.path.includes(target)) {
          // Another company answers exactly like a company that does not exist.
          expect(JSON.parse(body).error.message).toBe(`Conxillium has no company "${target}".`);
        }
      });
    }
  }
});

it("lists only the companies a caller may see", async () => {
  const list = async (caller: Caller) => {
    const api = apiAs(await cookieFor(caller));
    const res = await api.api.groups[":group"].tenants.$get({ param: { group: "conxillium" }, query: {} });
    return (await res.json()).tenants.map((t) => t.slug);
  };
  // Every company of the group: the eight demo companies and those the matrix above created.
  const { results } = await env.DB.prepare(
    `SELECT t.slug FROM tenants t JOIN groups g ON g.id = t.group_id
     WHERE g.slug = 'conxillium' AND t.status != 'deleted' ORDER BY t.position, t.slug`,
  ).all<{ slug: string }>();
  expect(results.length).toBeGreaterThan(8);
  expect(await list("admin")).toEqual(results.map((r) => r.slug));
  expect(await list("jccEditor")).toEqual(["jcc-software"]);
  expect(await list("jccViewer")).toEqual(["jcc-software"]);
  expect(await list("dqEditor")).toEqual(["dataquint"]);
});

it("hides a group from someone who is not in it, exactly like a group that does not exist", async () => {
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO groups (slug, name, languages, default_language, created_at) VALUES ('andere', 'Andere', '[\"nl\"]', 'nl', '2026-01-01T00:00:00.000Z')",
    ),
    env.DB.prepare(
      `INSERT INTO users (email, name, password_hash, created_at)
       SELECT 'lead@andere.example', 'Andere lead', password_hash, '2026-01-01T00:00:00.000Z' FROM users LIMIT 1`,
    ),
    env.DB.prepare(
      `INSERT INTO memberships (user_id, group_id, tenant_id, role, created_at)
       SELECT u.id, g.id, NULL, 'group_admin', '2026-01-01T00:00:00.000Z' FROM users u, groups g
       WHERE u.email = 'lead@andere.example' AND g.slug = 'andere'`,
    ),
  ]);
  const cookie = await signInAs("lead@andere.example");
  for (const path of [
    "/api/groups/conxillium",
    "/api/groups/conxillium/companies",
    "/api/groups/conxillium/settings",
    "/api/groups/conxillium/tenants",
    "/api/groups/conxillium/tenants/jcc-software/draft",
    "/api/groups/conxillium/audit/verify",
  ]) {
    const res = await call(path, { cookie });
    expect(res.status).toBe(404);
    expect((await res.json<{ error: { message: string } }>()).error.message).toBe('No group "conxillium".');
  }
  const missing = await call("/api/groups/nope/tenants", { cookie });
  expect((await missing.json<{ error: { message: string } }>()).error.message).toBe('No group "nope".');

  // Another group's privacy lead changes nothing of this group's companies, people, register or
  // settings (issue 18): every write answers like a group that does not exist, and nothing moved.
  const viewer = await createViewerUser("jcc-software");
  const viewerMembership = await createViewerMembership("dataquint");
  const unused = await createUnusedProcessor();
  const archived = await createCompanyBeside("dataquint", true);
  const profile = demoContent("jcc-software").profile;
  const writes: { path: string; method?: string; json?: unknown }[] = [
    { path: "/api/groups/conxillium/companies", json: { slug: "overname", name: "Overname", profile } },
    { path: "/api/groups/conxillium/companies/jcc-software", method: "PATCH", json: { slug: "gekaapt" } },
    { path: "/api/groups/conxillium/companies/jcc-software/archive", json: {} },
    { path: `/api/groups/conxillium/companies/${archived}/restore`, json: {} },
    { path: `/api/groups/conxillium/companies/${archived}`, method: "DELETE" },
    { path: "/api/groups/conxillium/members", json: { user: viewer, role: "group_admin" } },
    { path: `/api/groups/conxillium/members/${viewerMembership}`, method: "DELETE" },
    { path: `/api/groups/conxillium/people/${viewer}`, method: "DELETE" },
    { path: `/api/groups/conxillium/processors/${unused}`, method: "DELETE" },
    { path: "/api/groups/conxillium/settings", method: "PUT", json: { name: "Overgenomen" } },
  ];
  const snapshot = () =>
    env.DB.prepare(
      `SELECT (SELECT json_group_array(json_array(slug, name, status)) FROM tenants) AS tenants,
         (SELECT COUNT(*) FROM memberships) AS memberships, (SELECT COUNT(*) FROM processors) AS processors,
         (SELECT json_array(name, default_language, lead_contact) FROM groups WHERE slug = 'conxillium') AS settings`,
    ).first();
  const before = await snapshot();
  for (const write of writes) {
    const res = await call(write.path, {
      cookie,
      ...(write.method ? { method: write.method } : {}),
      ...(write.json !== undefined ? { json: write.json } : {}),
    });
    expect(res.status, `${write.method ?? "POST"} ${write.path}`).toBe(404);
    expect((await res.json<{ error: { message: string } }>()).error.message).toBe('No group "conxillium".');
  }
  expect(await snapshot()).toEqual(before);
});
