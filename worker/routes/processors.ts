// The group's processor register. Members read it (editors pick recipients from it); the privacy
// lead keeps it. A change flows into every company draft that refers to the processor, in the same
// transaction, and makes their published statements outdated until republished.
import { Hono } from "hono";
import { ProcessorBodySchema } from "#shared/api-schemas.ts";
import { SlugSchema } from "#shared/model.ts";
import { applyProcessorRegister } from "#shared/processor-register.ts";
import { buildAuditEntry } from "../audit-entry.ts";
import { runWithAudit } from "../db/audit.ts";
import { isStaleRevision, listGroupTenantDrafts, prepareSaveTenantDraft } from "../db/drafts.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { listProcessors, prepareInsertProcessor, prepareUpdateProcessor } from "../db/processors.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import * as v from "valibot";
import { describeRoute } from "../http/describe-route.ts";

const KeyParamSchema = v.object({ key: SlugSchema });

/** Mounted under /api/groups/:group/processors, behind resolveGroupAccess. */
export const processorRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary: "The processor register",
      tag: "Group",
      access: "member",
      responses: { 200: "Processors" },
    }),
    async (c) => {
      const { group } = c.get("access");
      return c.json({ processors: await listProcessors(c.env.DB, group.id) }, 200);
    },
  )
  .put(
    "/:key",
    describeRoute({
      summary: "Create or change a processor; company drafts that use it follow",
      tag: "Group",
      access: "group admin",
      responses: {
        200: "Changed",
        201: "Created",
        409: "The register or a draft changed at the same moment",
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
      const nextRegister = [...register.filter((p) => p.key !== key), entry];

      // Company drafts that refer to this processor take the new details with it.
      const drafts = await listGroupTenantDrafts(c.env.DB, access.group.id);
      const draftUpdates = drafts.flatMap((draft) => {
        const applied = applyProcessorRegister(draft.content, nextRegister);
        return applied.changed.includes(key)
          ? [prepareSaveTenantDraft(c.env.DB, draft.tenantId, draft.revision, applied.content, now)]
          : [];
      });
      try {
        await runWithAudit(
          c.env.DB,
          [
            existing
              ? prepareUpdateProcessor(c.env.DB, access.group.id, entry, existing.revision, now)
              : prepareInsertProcessor(c.env.DB, access.group.id, entry, now),
            ...draftUpdates,
          ],
          [
            buildAuditEntry({
              groupId: access.group.id,
              actor: access.user,
              action: existing ? "processor.updated" : "processor.created",
              target: key,
              summary: { recipient, draftsUpdated: draftUpdates.length },
              at: now,
            }),
          ],
        );
      } catch (error) {
        if (isStaleRevision(error) || isUniqueViolation(error, "processors_key")) {
          throw new AppError(
            409,
            "stale_revision",
            "A draft or the register changed at the same moment; try again.",
          );
        }
        throw error;
      }
      return c.json(
        { processor: { key, recipient }, draftsUpdated: draftUpdates.length },
        existing ? 200 : 201,
      );
    },
  );
