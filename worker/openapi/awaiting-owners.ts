// Descriptions of the routes in files that other engineers are changing at this moment. Each
// moves into its route as describeRoute(…) with that work (worker/http/describe-route.ts), and
// the lead removes its entries here when it lands. Nothing new is ever added here: a new route is
// described where it is defined. The request bodies and queries of these routes are already read
// from their validate(…) calls.
import type { RouteDescription } from "../http/describe-route.ts";

export const AWAITING_THEIR_OWNERS: Readonly<Record<string, RouteDescription>> = {
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
};
