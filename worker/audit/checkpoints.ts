// Checkpoints: the head of an audit chain (position and hash) at a moment, signed and kept in R2,
// where someone who can write to D1 cannot reach. A chain that was rewritten no longer has the hash
// a checkpoint recorded; one that was cut short ends before a checkpoint's position (issue 13,
// item 5). Each checkpoint is a new object and none is ever overwritten, so an R2 bucket lock rule
// can make them undeletable as well (docs/security.md).
import type { SealedHead } from "../db/audit.ts";
import { signText, type AuditKeys } from "./keys.ts";

export interface Checkpoint {
  chain: string;
  seq: number;
  hash: string;
  /** The id of the row at `seq`, and when it was sealed. */
  rowId: number;
  sealedAt: string;
  /** When the checkpoint was made. */
  at: string;
  signature: string;
}

export interface ListedCheckpoint extends Checkpoint {
  /** Whether the signature is this deployment's: an unsigned checkpoint proves nothing. */
  signed: boolean;
}

const PREFIX = "checkpoints/";
/** Keys count down, so that R2's ascending listing starts with the newest checkpoint. */
const POSITION_DIGITS = 13;
const LAST_POSITION = 10 ** POSITION_DIGITS - 1;

const prefixOf = (chain: string): string => `${PREFIX}${chain}/`;
const keyOf = (chain: string, seq: number): string =>
  `${prefixOf(chain)}${String(LAST_POSITION - seq).padStart(POSITION_DIGITS, "0")}`;

const signedText = (c: Omit<Checkpoint, "signature">): string =>
  JSON.stringify(["audit-checkpoint/v1", c.chain, c.seq, c.hash, c.rowId, c.sealedAt, c.at]);

export function signCheckpoint(keys: AuditKeys, head: SealedHead, at: string): Checkpoint {
  const unsigned = {
    chain: head.chain,
    seq: head.seq,
    hash: head.hash,
    rowId: head.id,
    sealedAt: head.sealedAt,
    at,
  };
  return { ...unsigned, signature: signText(keys.checkpoint, signedText(unsigned)) };
}

const isSigned = (keys: AuditKeys, checkpoint: Checkpoint): boolean =>
  signText(keys.checkpoint, signedText(checkpoint)) === checkpoint.signature;

function readCheckpoint(object: R2Object): Checkpoint | null {
  const m = object.customMetadata ?? {};
  const seq = Number(m.seq);
  const rowId = Number(m.rowId);
  if (!m.chain || !Number.isInteger(seq) || !Number.isInteger(rowId) || !m.hash || !m.sealedAt || !m.at) {
    return null;
  }
  return {
    chain: m.chain,
    seq,
    hash: m.hash,
    rowId,
    sealedAt: m.sealedAt,
    at: m.at,
    signature: m.signature ?? "",
  };
}

/** Stores a checkpoint, unless one for that position exists already (R2 never overwrites here). */
export async function storeCheckpoint(bucket: R2Bucket, checkpoint: Checkpoint): Promise<void> {
  const key = keyOf(checkpoint.chain, checkpoint.seq);
  if (await bucket.head(key)) return;
  await bucket.put(key, JSON.stringify(checkpoint), {
    httpMetadata: { contentType: "application/json" },
    customMetadata: {
      chain: checkpoint.chain,
      seq: String(checkpoint.seq),
      hash: checkpoint.hash,
      rowId: String(checkpoint.rowId),
      sealedAt: checkpoint.sealedAt,
      at: checkpoint.at,
      signature: checkpoint.signature,
    },
  });
}

/** The newest checkpoints of a chain, newest first; all of them when `limit` is not given. */
export async function listCheckpoints(
  bucket: R2Bucket,
  keys: AuditKeys,
  chain: string,
  limit = Number.POSITIVE_INFINITY,
): Promise<ListedCheckpoint[]> {
  const found: ListedCheckpoint[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({
      prefix: prefixOf(chain),
      include: ["customMetadata"],
      limit: Math.min(1000, limit - found.length),
      ...(cursor ? { cursor } : {}),
    });
    for (const object of page.objects) {
      const checkpoint = readCheckpoint(object);
      // An object that is not a checkpoint at all counts as a checkpoint nobody signed.
      const listed = checkpoint ?? {
        chain,
        seq: LAST_POSITION - Number(object.key.slice(prefixOf(chain).length)),
        hash: "",
        rowId: 0,
        sealedAt: "",
        at: object.uploaded.toISOString(),
        signature: "",
      };
      found.push({
        ...listed,
        signed: checkpoint !== null && checkpoint.chain === chain && isSigned(keys, checkpoint),
      });
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor && found.length < limit);
  return found;
}

export async function findNewestCheckpoint(
  bucket: R2Bucket,
  keys: AuditKeys,
  chain: string,
): Promise<ListedCheckpoint | null> {
  return (await listCheckpoints(bucket, keys, chain, 1))[0] ?? null;
}
