-- The audit log, written unsealed and sealed afterwards (issue 13, items 4–6).
--
-- A change and its audit row are still written in one transaction, but the row is written
-- UNSEALED: no sequence number and no hash. Writers therefore never contend for the head of a
-- chain (item 4: eight parallel saves in one group collided on (group, seq) and answered 500).
-- A sealer (worker/db/audit.ts) then chains the unsealed rows of a chain in id order, setting
-- seq, prev_hash, hash (an HMAC under a Worker secret the database does not hold, item 5) and
-- sealed_at. The triggers below allow exactly that UPDATE, once per row, onto the current head of
-- its chain, and nothing else: no other UPDATE, no DELETE, no INSERT OR REPLACE (item 6).
--
-- Chains: 'group:<id>' holds a group's changes, 'sign-ins:<id>' the sign-in events of its members,
-- 'sign-ins' the sign-in events that belong to no group (an unknown address). Sign-ins have chains
-- of their own so that strangers' failed attempts never touch the chain of a group's changes.
--
-- Rows written before this migration are copied unsealed, in their order, and sealed under the key
-- the first time the app runs: their hashes were SHA-256 of public fields, which anyone with write
-- access could recompute, so they proved nothing. Their content is copied unchanged.

CREATE TABLE audit_log_sealed (
  id INTEGER PRIMARY KEY,
  chain TEXT NOT NULL,
  group_id INTEGER REFERENCES groups (id),
  tenant_id INTEGER REFERENCES tenants (id),
  actor_user_id INTEGER REFERENCES users (id),
  -- The actor's e-mail address at the time, or "system".
  actor TEXT NOT NULL,
  action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
  target TEXT NOT NULL,
  summary TEXT NOT NULL CHECK (json_valid(summary)),
  created_at TEXT NOT NULL,
  -- Set together, once, by the sealer.
  seq INTEGER CHECK (seq IS NULL OR seq >= 1),
  prev_hash TEXT CHECK (prev_hash IS NULL OR (length(prev_hash) = 64 AND prev_hash NOT GLOB '*[^0-9a-f]*')),
  hash TEXT CHECK (hash IS NULL OR (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*')),
  sealed_at TEXT,
  CHECK ((seq IS NULL) = (prev_hash IS NULL) AND (seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (sealed_at IS NULL)),
  -- A group's rows live in that group's chains; only the group-less sign-in chain has no group.
  CHECK ((chain = 'sign-ins' AND group_id IS NULL) OR chain IN ('group:' || group_id, 'sign-ins:' || group_id))
) STRICT;

INSERT INTO audit_log_sealed (id, chain, group_id, tenant_id, actor_user_id, actor, action, target, summary, created_at)
SELECT id,
  CASE WHEN group_id IS NULL THEN 'sign-ins' WHEN action LIKE 'auth.%' THEN 'sign-ins:' || group_id ELSE 'group:' || group_id END,
  group_id, tenant_id, actor_user_id, actor, action, target, summary, created_at
FROM audit_log ORDER BY id;

-- Dropping a table runs no DELETE triggers; its own triggers and indexes go with it.
DROP TABLE audit_log;
ALTER TABLE audit_log_sealed RENAME TO audit_log;

-- One row per position in a chain (unsealed rows, seq NULL, are distinct in a UNIQUE index).
CREATE UNIQUE INDEX audit_log_chain_seq ON audit_log (chain, seq);
CREATE INDEX audit_log_chain_tenant ON audit_log (chain, tenant_id, seq);
CREATE INDEX audit_log_unsealed ON audit_log (chain, id) WHERE seq IS NULL;

-- New rows are unsealed; an existing row is never replaced (INSERT OR REPLACE deletes the old row
-- without running DELETE triggers, so it is refused here, before it can).
CREATE TRIGGER audit_log_insert_unsealed BEFORE INSERT ON audit_log
WHEN NEW.seq IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.hash IS NOT NULL OR NEW.sealed_at IS NOT NULL
  OR EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows are added unsealed and never replaced'); END;

-- The only UPDATE: sealing an unsealed row, the oldest unsealed one of its chain, as the next
-- position after the chain's head and linked to the head's hash, without touching its content.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN OLD.seq IS NOT NULL
  OR NEW.seq IS NULL OR NEW.hash IS NULL OR NEW.sealed_at IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.chain IS NOT OLD.chain OR NEW.group_id IS NOT OLD.group_id
  OR NEW.tenant_id IS NOT OLD.tenant_id OR NEW.actor_user_id IS NOT OLD.actor_user_id
  OR NEW.actor IS NOT OLD.actor OR NEW.action IS NOT OLD.action OR NEW.target IS NOT OLD.target
  OR NEW.summary IS NOT OLD.summary OR NEW.created_at IS NOT OLD.created_at
  OR NEW.seq IS NOT coalesce((SELECT max(seq) FROM audit_log WHERE chain = OLD.chain), 0) + 1
  OR NEW.prev_hash IS NOT coalesce(
    (SELECT hash FROM audit_log WHERE chain = OLD.chain AND seq = NEW.seq - 1),
    '0000000000000000000000000000000000000000000000000000000000000000')
  OR EXISTS (SELECT 1 FROM audit_log WHERE chain = OLD.chain AND seq IS NULL AND id < OLD.id)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: a row is only sealed, once, onto the head of its chain'); END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
