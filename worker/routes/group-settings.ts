// The group itself: what every member sees of it (name, languages, the privacy lead's contact), and
// its settings, which the privacy lead keeps: name, default language, that contact, and whether
// every publish needs another privacy lead's approval (issue 18, item 3).
import { Hono } from "hono";
import { GroupSettingsSchema } from "#shared/api-schemas.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { runWithAudit } from "../db/audit.ts";
import { findGroupBySlug, prepareUpdateGroupSettings, type GroupRecord } from "../db/groups.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import { describeRoute } from "../http/describe-route.ts";
import { forgetRememberedResponses } from "../http/answer-from-memory.ts";
import { forgetDefaultLanguage } from "../http/public-cache.ts";

const viewSettings = (group: GroupRecord) => ({
  name: group.group.name,
  languages: group.group.languages,
  defaultLanguage: group.group.defaultLanguage,
  leadContact: group.leadContact,
  requireApproval: group.requireApproval,
});

/** Mounted at /api/groups/:group, behind resolveGroupAccess. */
export const groupRoutes = new Hono<AppEnv>().get(
  "/",
  describeRoute({
    summary:
      "The group as its members see it: name, languages, the privacy lead's contact, and its companies as the statements name them (members: at most the first 101 active ones; memberCount when there are more; membersPage, where a larger group's statements point)",
    tag: "Group",
    access: "member",
    responses: { 200: "The group" },
  }),
  (c) => {
    const { group } = c.get("access");
    return c.json(
      {
        slug: group.group.slug,
        name: group.group.name,
        languages: group.group.languages,
        defaultLanguage: group.group.defaultLanguage,
        leadContact: group.leadContact,
        // What {{group.members}} and {{group.memberCount}} are rendered from, as publishing has it:
        // a preview in the console shows what the published statement will say.
        members: group.group.members,
        memberCount: group.group.memberCount ?? null,
        membersPage: group.group.membersPage ?? null,
      },
      200,
    );
  },
);

/** Mounted at /api/groups/:group/settings, behind resolveGroupAccess. */
export const settingsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary: "Group settings: name, languages, default language, the privacy lead's contact, approval",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Settings" },
    }),
    (c) => c.json(viewSettings(requireGroupAdmin(c).group), 200),
  )
  .put(
    "/",
    describeRoute({
      summary: "Change group settings; what is left out stays (leadContact: null removes the contact)",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Saved", 422: "A default language the group does not publish in" },
    }),
    validate("json", GroupSettingsSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const change = c.req.valid("json");
      const before = viewSettings(access.group);
      if (change.defaultLanguage && !before.languages.includes(change.defaultLanguage)) {
        throw new AppError(
          422,
          "invalid_request",
          `${before.name} publishes in ${before.languages.join(", ")} only.`,
          [{ field: "defaultLanguage", message: `must be one of ${before.languages.join(", ")}` }],
        );
      }
      const at = new Date().toISOString();
      // One audit row per setting that changes, saying from what to what.
      const changed = (Object.keys(change) as (keyof typeof change)[]).filter(
        (key) => JSON.stringify(change[key]) !== JSON.stringify(before[key]),
      );
      await runWithAudit(
        c.env.DB,
        [prepareUpdateGroupSettings(c.env.DB, access.group.id, change)],
        changed.map((key) =>
          buildAuditEntry({
            groupId: access.group.id,
            actor: access.user,
            action: "settings.changed",
            target: key,
            summary: { from: before[key], to: change[key] },
            at,
          }),
        ),
      );
      // The default language decides which language a public URL without ?lang serves.
      if (changed.includes("defaultLanguage")) {
        forgetRememberedResponses();
        await forgetDefaultLanguage(access.group.group.slug);
      }
      const group = await findGroupBySlug(c.env.DB, access.group.group.slug);
      return c.json(viewSettings(group!), 200);
    },
  );
