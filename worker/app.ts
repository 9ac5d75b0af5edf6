// The Verklaring app: public statements under /v1, the API under /api; the console is static assets.
import { Hono, type Context } from "hono";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
// hono/html's template, named `markup` so that Prettier leaves the page's bytes as written.
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./env.ts";
import { AppError } from "./errors.ts";
import { isTriggerAbort } from "./db/errors.ts";
import { chooseErrorPageLanguage, renderErrorPage } from "./http/error-page.ts";
import { rememberResponses } from "./http/answer-from-memory.ts";
import { loadSession, rejectCrossSite, resolveGroupAccess } from "./http/guards.ts";
import { DATA_CSP, publicSecureHeaders } from "./http/public-headers.ts";
import { limitBodySize, readJsonBody } from "./http/json-body.ts";
import { approvalRoutes } from "./routes/approvals.ts";
import { auditRoutes } from "./routes/audit.ts";
import { publicChangeRoutes } from "./routes/changes.ts";
import { baselineRoutes } from "./routes/baseline.ts";
import { groupCompletenessRoutes } from "./routes/completeness.ts";
import { processorRoutes } from "./routes/processors.ts";
import { publishReviewRoutes } from "./routes/publish-review.ts";
import { rolloutRoutes } from "./routes/rollout.ts";
import { groupSiteRoutes } from "./routes/sites.ts";
import { accountRoutes } from "./routes/account.ts";
import { authRoutes, meRoutes } from "./routes/auth.ts";
import { groupInvitationRoutes, invitationRoutes } from "./routes/invitations.ts";
import { integrityRoutes } from "./routes/integrity.ts";
import { memberRoutes, peopleRoutes } from "./routes/members.ts";
import { companyRoutes } from "./routes/companies.ts";
import { groupRoutes as groupInfoRoutes, settingsRoutes } from "./routes/group-settings.ts";
import { groupPasswordResetRoutes, passwordResetRoutes } from "./routes/password-resets.ts";
import { signInPolicyRoutes } from "./routes/sign-in-policy.ts";
import { statementRoutes } from "./routes/statements.ts";
import { tenantRoutes } from "./routes/tenants.ts";
import { describeRoute } from "./http/describe-route.ts";

const app = new Hono<AppEnv>();

// First, so that what it remembers carries the headers of everything below (worker/index.ts
// answers repeats from memory before the app runs).
app.use("/v1/statements/*", rememberResponses);
// Public statements are embedded and fetched by other sites: cross-origin reads and framing allowed.
app.use(
  "/v1/*",
  publicSecureHeaders,
  cors({
    origin: "*",
    allowMethods: ["GET", "HEAD", "OPTIONS"],
    allowHeaders: ["If-None-Match", "Accept"],
    // Content-Type, Content-Language and Last-Modified are readable cross-origin anyway.
    exposeHeaders: ["ETag"],
    maxAge: 86400,
  }),
);
// Public statements are read through a D1 session so that read replicas near the visitor can
// answer. A session starting "first-unconstrained" may lag the primary briefly after a publish.
app.use("/v1/*", async (c, next) => {
  const session = c.env.DB.withSession("first-unconstrained");
  // Whether this answer needed D1 (Server-Timing on the statement, worker/routes/statements.ts).
  c.set("reader", {
    prepare: (query) => {
      c.set("readD1", true);
      return session.prepare(query);
    },
    batch: (statements) => {
      c.set("readD1", true);
      return session.batch(statements);
    },
    getBookmark: () => session.getBookmark(),
  });
  await next();
});
app.use(
  "/api/*",
  secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }),
  rejectCrossSite,
  limitBodySize,
  readJsonBody,
  loadSession,
);

// Everything under a group: the caller's role there is resolved once, before any handler runs.
const groupRoutes = new Hono<AppEnv>()
  .use(resolveGroupAccess)
  .route("/", groupInfoRoutes)
  .route("/settings", settingsRoutes)
  .route("/companies", companyRoutes)
  .route("/tenants", tenantRoutes)
  .route("/members", memberRoutes)
  .route("/people", peopleRoutes)
  .route("/invitations", groupInvitationRoutes)
  .route("/audit", auditRoutes)
  .route("/baseline", baselineRoutes)
  .route("/processors", processorRoutes)
  .route("/rollout", rolloutRoutes)
  .route("/completeness", groupCompletenessRoutes)
  .route("/integrity", integrityRoutes)
  .route("/sites", groupSiteRoutes)
  .route("/password-resets", groupPasswordResetRoutes)
  .route("/sign-in-policy", signInPolicyRoutes)
  .route("/", approvalRoutes)
  .route("/", publishReviewRoutes);

// /openapi.json and /docs are static assets (web/public, written by `npm run openapi`).
const routes = app
  // For uptime monitoring (and the benchmark's floor): no storage touched, never cached.
  .get(
    "/healthz",
    describeRoute({
      summary: 'Health check for uptime monitoring: "ok" as text/plain, never cached; touches no storage',
      tag: "Operations",
      access: "public",
      formats: ["text/plain"],
      responses: { 200: "ok" },
    }),
    (c) => c.text("ok", 200, { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" }),
  )
  .route("/v1/statements", publicChangeRoutes)
  .route("/v1/statements", statementRoutes)
  .route("/api/auth", authRoutes)
  .route("/api/me", meRoutes)
  .route("/api/account", accountRoutes)
  .route("/api/password-resets", passwordResetRoutes)
  .route("/api/invitations", invitationRoutes)
  .route("/api/groups/:group", groupRoutes);

app.notFound((c) =>
  respondWithError(
    c,
    new AppError(404, "not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`),
  ),
);

app.onError((err, c) => {
  const error =
    err instanceof AppError
      ? err
      : err instanceof HTTPException
        ? new AppError(err.status, "http_error", err.message || "Request failed.")
        : // Whatever the write, the database refuses it for an archived company (migrations/0010).
          isTriggerAbort(err, "company_archived")
          ? new AppError(409, "company_archived", "This company is archived: restore it first to change it.")
          : null;
  if (!error) {
    console.error("unhandled error", err);
    return respondWithError(
      c,
      new AppError(500, "internal_error", "Something went wrong on our side; it has been logged."),
    );
  }
  return respondWithError(c, error);
});

function respondWithError(c: Context<AppEnv>, error: AppError): Response {
  const body = error.toBody();
  const headers = { ...error.headers, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (prefersHtml(c.req.header("Accept"))) {
    return c.html(renderErrorPage(body, chooseErrorPageLanguage(new URL(c.req.url))), error.status, {
      ...headers,
      "Content-Security-Policy": DATA_CSP,
    });
  }
  return c.json(body, error.status, headers);
}

// Browsers ask for text/html first; API clients and fetch() send */* or application/json.
const prefersHtml = (accept: string | undefined): boolean =>
  !!accept && /(^|,)\s*text\/html/i.test(accept) && !/^\s*application\/json/i.test(accept);

export type AppType = typeof routes;
export default app;
