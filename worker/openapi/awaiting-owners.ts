// Descriptions of the routes in files that other engineers are changing at this moment. Each
// moves into its route as describeRoute(…) with that work (worker/http/describe-route.ts), and
// the lead removes its entries here when it lands. Nothing new is ever added here: a new route is
// described where it is defined. The request bodies and queries of these routes are already read
// from their validate(…) calls.
import type { RouteDescription } from "../http/describe-route.ts";

export const AWAITING_THEIR_OWNERS: Readonly<Record<string, RouteDescription>> = {
  // worker/routes/auth.ts (issue 13, hardening)
  "POST /api/auth/login": {
    summary: "Sign in; sets the session cookie",
    tag: "Authentication",
    access: "anyone",
    responses: {
      "200": "Signed in",
      "401": "Wrong e-mail address or password (the same answer for an unknown address)",
      "429": "Too many failed attempts (Retry-After)",
    },
  },
  "POST /api/auth/logout": {
    summary: "Sign out of this session",
    tag: "Authentication",
    access: "signed in",
    responses: { "200": "Signed out" },
    noBody: true,
  },
  "POST /api/auth/logout-all": {
    summary: "Sign out of every session",
    tag: "Authentication",
    access: "signed in",
    responses: { "200": "Signed out everywhere" },
    noBody: true,
  },
  "GET /api/me": {
    summary: "The user and their memberships",
    tag: "Authentication",
    access: "signed in",
    responses: { "200": "User" },
  },
  // worker/routes/invitations.ts (issue 13, hardening)
  "POST /api/invitations/lookup": {
    summary: "What an invitation link is for",
    tag: "Authentication",
    access: "holder of the link",
    responses: { "200": "Invitation", "404": "Unknown link", "410": "Used, withdrawn or expired" },
  },
  "POST /api/invitations/accept": {
    summary: "Accept an invitation: create the account (or add the membership) and sign in",
    tag: "Authentication",
    access: "holder of the link",
    responses: {
      "200": "Signed in",
      "401": "Wrong password for the existing account",
      "410": "Used, withdrawn or expired",
    },
  },
  "GET /api/groups/{group}/invitations": {
    summary: "Invitations and their status",
    tag: "Group",
    access: "group admin",
    responses: { "200": "Invitations" },
  },
  "POST /api/groups/{group}/invitations": {
    summary: "Invite an e-mail address; the link is returned once",
    tag: "Group",
    access: "group admin",
    responses: { "201": "Invitation with its link" },
  },
  "DELETE /api/groups/{group}/invitations/{id}": {
    summary: "Withdraw a pending invitation",
    tag: "Group",
    access: "group admin",
    responses: { "200": "Withdrawn", "409": "No longer pending" },
    noBody: true,
  },
  // worker/routes/audit.ts (issue 13, hardening)
  "GET /api/groups/{group}/audit": {
    summary: "The audit log, newest first",
    tag: "Group",
    access: "group admin (all); editor (own company)",
    responses: { "200": "Entries and nextBefore" },
  },
  "GET /api/groups/{group}/audit/verify": {
    summary: "Recompute the hash chain and name the first broken row",
    tag: "Group",
    access: "group admin",
    responses: { "200": "{intact, rows, firstBroken?}" },
  },
  // worker/routes/completeness.ts (issue 15, legal)
  "GET /api/groups/{group}/tenants/{tenant}/completeness": {
    summary: "The AVG completeness check of the draft, or of a version (?version=)",
    tag: "Company",
    access: "group admin, editor, viewer",
    responses: {
      "200":
        "Findings per checklist item, score, missing 'always' items, what blocks publishing, and the legal lint findings",
    },
  },
  // worker/routes/completeness.ts (issue 15, legal)
  "GET /api/groups/{group}/completeness": {
    summary: "The group report: every company × every checklist item (?format=csv for a spreadsheet)",
    tag: "Group",
    access: "group admin",
    responses: { "200": "The report, with each company's legal lint findings" },
    formats: ["application/json", "text/csv"],
  },
  "POST /api/groups/{group}/completeness/check": {
    summary:
      "Check a statement as written (text, Markdown or HTML) on its own: completeness findings and legal lint, no company details mixed in; writes nothing",
    tag: "Group",
    access: "group admin, editor",
    responses: { "200": "Completeness findings and lint findings of the text" },
  },
  // worker/routes/webhooks.ts (issue 13, hardening)
  "GET /api/groups/{group}/tenants/{tenant}/webhooks": {
    summary: "The company's publish webhooks (secrets only as a hint)",
    tag: "Company",
    access: "group admin, editor, viewer",
    responses: { "200": "Webhooks" },
  },
  "POST /api/groups/{group}/tenants/{tenant}/webhooks": {
    summary: "Add a webhook; its signing secret is returned once",
    tag: "Company",
    access: "group admin, editor",
    responses: { "201": "Webhook with its secret" },
  },
  "DELETE /api/groups/{group}/tenants/{tenant}/webhooks/{id}": {
    summary: "Disable a webhook",
    tag: "Company",
    access: "group admin, editor",
    responses: { "200": "Disabled" },
    noBody: true,
  },
  "GET /api/groups/{group}/tenants/{tenant}/webhooks/{id}/deliveries": {
    summary: "Delivery attempts, newest first",
    tag: "Company",
    access: "group admin, editor, viewer",
    responses: { "200": "Attempts" },
  },
};
