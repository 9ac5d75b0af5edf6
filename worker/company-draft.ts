// A company's draft as everyone reads it. Recipients that refer to the group's processor register
// carry the register's details (shared/processor-register.ts), applied when the draft is read, as
// publishing, the preview and the rollout apply them: a processor change writes the register
// alone, and every draft that uses the entry shows the change from then on, however many
// companies use it (issue 20; rewriting each draft made a change to a processor that thousands of
// companies use one transaction of thousands of drafts).
import { applyProcessorRegister } from "#shared/processor-register.ts";
import { findTenantDraft, type TenantDraft } from "./db/drafts.ts";
import { listProcessors } from "./db/processors.ts";

export async function readTenantDraft(
  db: D1Database,
  groupId: number,
  tenantId: number,
): Promise<TenantDraft | null> {
  const [draft, register] = await Promise.all([findTenantDraft(db, tenantId), listProcessors(db, groupId)]);
  return draft && { ...draft, content: applyProcessorRegister(draft.content, register).content };
}
