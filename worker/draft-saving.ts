// Saving a draft: revision N+1 over the revision N the editor loaded, with its audit row, in one
// batch. When someone saved in between, the trigger refuses it and the editor gets 409 with the
// draft as it is now, so nobody silently overwrites anybody (they merge instead).
import type { AuditEntry } from "./db/audit.ts";
import { runWithAudit } from "./db/audit.ts";
import { isStaleRevision } from "./db/drafts.ts";
import { conflictWithCurrent } from "./errors.ts";

export async function saveDraftOrConflict<Draft extends { revision: number }>(
  db: D1Database,
  draft: {
    save: D1PreparedStatement;
    audit: AuditEntry;
    /** The revision the editor loaded and edited. */
    editedRevision: number;
    /** What is saved, for the message: "the baseline", "JCC Software's draft". */
    what: string;
    readCurrent: () => Promise<Draft | null>;
  },
): Promise<void> {
  try {
    await runWithAudit(db, [draft.save], [draft.audit]);
  } catch (error) {
    if (!isStaleRevision(error)) throw error;
    const current = await draft.readCurrent();
    throw conflictWithCurrent(
      `Someone saved ${draft.what} after you opened it (you edited revision ${draft.editedRevision}, it is now ${current?.revision}). Your changes were not saved; merge them into the current draft.`,
      current,
    );
  }
}
