// The group's processor register. Members read it (editors pick recipients from it); the privacy
// lead keeps it. A change flows into every company draft that refers to the processor, in the same
// transaction, and makes their published statements outdated until republished.
import { Hono } from "hono";
import { ProcessorBodySchema } from "#shared/api-schemas.ts";
import { SlugSchema, type TenantContent } from "#shared/model.ts";
import { applyProcessorRegister } from "#shared/processor-register.ts";
import { runWithAudit } from "../db/audit.ts";
import { isStaleRevision, prepareSaveTenantDraft } from "../db/drafts.ts";
import { listProcessors, prepareInsertProcessor, prepareUpdateProcessor } from "../db/processors.ts";
import type { AppEnv } from "../env.ts";
import { AppError, validate } from "../errors.ts";
import { requireGroupAdmin } from "../http/guards.ts";
import * as v from "valibot";

const KeyParamSchema = v.object({ key: SlugSchema });

/** Mounted under /api/groups/:group/processors, behind resolveGroupAccess. */
export const processorRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { group } = c.get("access");
    return c.json({ processors: await listProcessors(c.env.DB, group.id) }, 200);
  })
  .put("/:key", validate("param", KeyParamSchema), validate("json", ProcessorBodySchema), async (c) => {
    const access = requireGroupAdmin(c);
    const { key } = c.req.valid("param");
    const { processor: _ignored, ...recipient } = c.req.valid("json").recipient;
    const entry = { key, recipient };
    const now = new Date().toISOString();
    const register = await listProcessors(c.env.DB, access.group.id);
    const existing = register.find((p) => p.key === key);
    const nextRegister = [...register.filter((p) => p.key !== key), entry];

    // Company drafts that refer to this processor take the new details with it.
    const { results } = await c.env.DB.prepare(
      `SELECT d.tenant_id, d.revision, d.content FROM tenant_drafts d JOIN tenants t ON t.id = d.tenant_id WHERE t.group_id = ?1`,
    )
      .bind(access.group.id)
      .all<{ tenant_id: number; revision: number; content: string }>();
    const draftUpdates = results.flatMap((row) => {
      const applied = applyProcessorRegister(JSON.parse(row.content) as TenantContent, nextRegister);
      return applied.changed.includes(key)
        ? [prepareSaveTenantDraft(c.env.DB, row.tenant_id, row.revision, applied.content, now)]
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
          {
            groupId: access.group.id,
            tenantId: null,
            actorUserId: access.user.id,
            actor: access.user.email,
            action: existing ? "processor.updated" : "processor.created",
            target: key,
            summary: { recipient, draftsUpdated: draftUpdates.length },
            at: now,
          },
        ],
      );
    } catch (error) {
      if (isStaleRevision(error) || String(error).includes("UNIQUE constraint failed: processors")) {
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
  });
