// The group's two-step requirement (issue 18, item 5): nobody, its privacy leads (the default for
// a new group), or everyone. An account it applies to that has no second step yet sets one up at
// its next sign-in before it gets in (worker/routes/auth.ts, /login → next: "enrolment").
import { Hono } from "hono";
import { TwoStepPolicySchema } from "#shared/account-schemas.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { runWithAudit } from "../db/audit.ts";
import { findTwoStepPolicy, prepareSetTwoStepPolicy } from "../db/two-step.ts";
import type { AppEnv } from "../env.ts";
import { validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";

/** Mounted under /api/groups/:group/sign-in-policy, behind resolveGroupAccess. */
export const signInPolicyRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary: "Who in the group must sign in with two steps: off, admins (privacy leads) or everyone",
      tag: "Group",
      access: "group admin",
      responses: { 200: "The policy" },
    }),
    async (c) => {
      const access = requireGroupAdmin(c);
      return c.json({ twoStep: await findTwoStepPolicy(c.env.DB, access.group.id) }, 200);
    },
  )
  .put(
    "/",
    describeRoute({
      summary:
        "Require two-step sign-in of nobody, the privacy leads or everyone; who has no second step yet sets one up at their next sign-in",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Saved" },
    }),
    validate("json", TwoStepPolicySchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const { twoStep } = c.req.valid("json");
      const before = await findTwoStepPolicy(c.env.DB, access.group.id);
      await runWithAudit(
        c.env.DB,
        [prepareSetTwoStepPolicy(c.env.DB, access.group.group.slug, twoStep)],
        [
          buildAuditEntry({
            groupId: access.group.id,
            actor: access.user,
            action: "settings.changed",
            target: "twoStep",
            summary: { from: before, to: twoStep },
            at: new Date().toISOString(),
          }),
        ],
      );
      return c.json({ twoStep }, 200);
    },
  );
