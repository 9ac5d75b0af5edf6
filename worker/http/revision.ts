// The revision protocol for drafts: the draft's revision is its ETag ("7"); a save must send it
// back in If-Match. Without it the server cannot tell a stale save from a fresh one: 428.
import type { Context } from "hono";
import { AppError } from "../errors.ts";

export function readIfMatchRevision(c: Context): number {
  const header = c.req.header("If-Match");
  if (header === undefined) {
    throw new AppError(
      428,
      "precondition_required",
      'Send the revision you edited in If-Match, e.g. If-Match: "7".',
    );
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw new AppError(400, "invalid_request", 'If-Match must be a draft revision such as "7".', [
      { field: "If-Match", message: 'must be a draft revision such as "7"' },
    ]);
  }
  return Number(match[1]);
}

export const revisionEtag = (revision: number): string => `"${revision}"`;
