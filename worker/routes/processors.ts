// The group's processor register. Members read it (editors pick recipients from it); the privacy
// lead keeps it. A change flows into every company draft that refers to the processor, in the same
// transaction, and makes their published statements outdated until republished.
import { Hono } from "hono";
import { KeyPageQuerySchema, ProcessorBodySchema } from "#shared/api-schemas.ts";
import { SlugSchema } from "#shared/model.ts";
import { writeCanonicalJson } from "#shared/hash.ts";
import { suggestFromHandListed } from "#shared/register-suggestions.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { runWithAudit } from "../db/audit.ts";
import { countTenantDraftsUsingProcessor, isStaleRevision } from "../db/drafts.ts";
import { isTriggerAbort, isUniqueViolation } from "../db/errors.ts";
import {
  listProcessorsPage,
  listProcessors,
  listHandListedRecipients,
  listProcessorUsage,
  prepareDeleteProcessor,
  prepareInsertProcessor,
  prepareUpdateProcessor,
} from "../db/processors.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import * as v from "valibot";
import { describeRoute } from "../http/describe-route.ts";
import { PAGE_SIZE, splitPage } from "../paging.ts";

const KeyParamSchema = v.object({ key: SlugSchema });

/** How many register suggestions the page shows: the names most companies list by hand. */
const SUGGESTIONS = 100;

/** Mounted under /api/groups/:group/processors, behind resolveGroupAccess. */
export const processorRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary:
        "A page of the processor register in the order of its keys; to the privacy lead with how many companies' drafts use each entry (usedByCount) and the first 10 of them in the group's order (usedBy): `after` is the previous page's `next` (null on the last page), `limit` at most 500 (default 100)",
      tag: "Group",
      access: "member",
      responses: { 200: "Processors, and next", 400: "A cursor or page size it did not hand out" },
    }),
    validate("query", KeyPageQuerySchema),
    async (c) => {
      const { group, isAdmin } = c.get("access");
      const { after = null, limit = PAGE_SIZE } = c.req.valid("query");
      const rows = await listProcessorsPage(c.env.DB, group.id, { after, limit: limit + 1 });
      const page = splitPage(rows, limit, (last) => last.key);
      // Which companies use what is the lead's to see: an editor sees its own company only.
      const usage = isAdmin
        ? await listProcessorUsage(
            c.env.DB,
            group.id,
            page.items.map((p) => p.key),
          )
        : null;
      return c.json(
        {
          processors: page.items.map((p) => {
            if (!usage) return p;
            const used = usage.get(p.key);
            return { ...p, usedBy: used?.named ?? [], usedByCount: used?.count ?? 0 };
          }),
          next: page.next,
        },
        200,
      );
    },
  )
  .get(
    "/suggestions",
    describeRoute({
      summary:
        "Recipients the companies list by hand whose name the register does not have, most companies first (at most 100), each with the key it would get and the first companies that list it; for the privacy lead",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Suggestions" },
    }),
    async (c) => {
      const access = requireGroupAdmin(c);
      const register = await listProcessors(c.env.DB, access.group.id);
      const listed = await listHandListedRecipients(c.env.DB, access.group.id, {
        limit: SUGGESTIONS,
        excluded: register.map((entry) => entry.recipient.name),
      });
      return c.json({ suggestions: suggestFromHandListed(register, listed).slice(0, SUGGESTIONS) }, 200);
    },
  )
  .put(
    "/:key",
    describeRoute({
      summary:
        "Create or change a processor; company drafts that use it follow (they are read with the register applied); draftsUpdated: how many use it",
      tag: "Group",
      access: "group admin",
      responses: {
        200: "Changed",
        201: "Created",
        409: "The register changed at the same moment",
      },
    }),
    validate("param", KeyParamSchema),
    validate("json", ProcessorBodySchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const { key } = c.req.valid("param");
      const { processor: _ignored, ...recipient } = c.req.valid("json").recipient;
      const entry = { key, recipient };
      const now = new Date().toISOString();
      const register = await listProcessors(c.env.DB, access.group.id);
      const existing = register.find((p) => p.key === key);

      // The drafts that refer to this processor show its new details from now on: a draft is read
      // with the register applied (worker/company-draft.ts), so only the register is written, in
      // one statement however many companies use the entry. Their published statements are
      // outdated until republished (the rollout compares them with the register).
      const changed =
        existing !== undefined && writeCanonicalJson(existing.recipient) !== writeCanonicalJson(recipient);
      const draftsUsing = changed ? await countTenantDraftsUsingProcessor(c.env.DB, access.group.id, key) : 0;
      try {
        await runWithAudit(
          c.env.DB,
          [
            existing
              ? prepareUpdateProcessor(c.env.DB, access.group.id, entry, existing.revision, now)
              : prepareInsertProcessor(c.env.DB, access.group.id, entry, now),
          ],
          [
            buildAuditEntry({
              groupId: access.group.id,
              actor: access.user,
              action: existing ? "processor.updated" : "processor.created",
              target: key,
              summary: { recipient, draftsUpdated: draftsUsing },
              at: now,
            }),
          ],
        );
      } catch (error) {
        if (isStaleRevision(error) || isUniqueViolation(error, "processors_key")) {
          throw new AppError(409, "stale_revision", "The register changed at the same moment; try again.");
        }
        throw error;
      }
      return c.json({ processor: { key, recipient }, draftsUpdated: draftsUsing }, existing ? 200 : 201);
    },
  )
  .delete(
    "/:key",
    describeRoute({
      summary:
        "Remove a processor from the register; refused while a company's draft uses it (naming the first 10 and counting the rest)",
      tag: "Group",
      access: "group admin",
      responses: { 200: "Removed", 404: "No such processor", 409: "Companies use it" },
      noBody: true,
    }),
    validate("param", KeyParamSchema),
    async (c) => {
      const access = requireGroupAdmin(c);
      const { key } = c.req.valid("param");
      const entry = (await listProcessors(c.env.DB, access.group.id)).find((p) => p.key === key);
      if (!entry) throw new AppError(404, "processor_not_found", `The register has no processor "${key}".`);
      /** The 409 naming who uses the entry, when a draft does; nothing otherwise. */
      const refuseIfUsed = async (): Promise<void> => {
        const usage = (await listProcessorUsage(c.env.DB, access.group.id, [key])).get(key);
        if (!usage) return;
        const others = usage.count - usage.named.length;
        throw new AppError(
          409,
          "processor_in_use",
          `${entry.recipient.name} is still used by ${usage.named.map((u) => u.name).join(", ")}${others > 0 ? ` and ${others} other ${others === 1 ? "company" : "companies"}` : ""}: take it out of their recipients first.`,
          usage.named.map((u) => ({ field: `usedBy.${u.slug}`, message: `${u.name} uses it` })),
        );
      };
      await refuseIfUsed();
      try {
        await runWithAudit(
          c.env.DB,
          [prepareDeleteProcessor(c.env.DB, access.group.id, key)],
          [
            buildAuditEntry({
              groupId: access.group.id,
              actor: access.user,
              action: "processor.removed",
              target: key,
              summary: { recipient: entry.recipient },
              at: new Date().toISOString(),
            }),
          ],
        );
      } catch (error) {
        // A draft started using it between the check and the delete: the database refused.
        if (isTriggerAbort(error, "processor_in_use")) await refuseIfUsed();
        throw error;
      }
      return c.json({ removed: key }, 200);
    },
  );
