-- INSERT OR REPLACE (and REPLACE INTO) resolves a key conflict by deleting the existing row, and
-- SQLite runs no DELETE triggers for that deletion (recursive_triggers is off), so the UPDATE and
-- DELETE guards of the immutable tables never saw it: a break-in test overwrote a published
-- version's change note, a rendering's body and an audit row that way (issue 13, item 6).
-- A BEFORE INSERT trigger runs before the conflict is resolved, so each guard below refuses an
-- insert whose key (any of the table's unique keys) already exists. A plain INSERT of a duplicate
-- is refused by the same trigger instead of the UNIQUE constraint; the messages keep the
-- "UNIQUE constraint failed: <table>" wording the app already recognises for those collisions.
-- (The audit log has its guard in 0007.)

CREATE TRIGGER baseline_versions_no_replace BEFORE INSERT ON baseline_versions
WHEN EXISTS (SELECT 1 FROM baseline_versions WHERE id = NEW.id OR (group_id = NEW.group_id AND number = NEW.number))
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: baseline_versions (a published baseline version is never replaced)'); END;

CREATE TRIGGER statement_versions_no_replace BEFORE INSERT ON statement_versions
WHEN EXISTS (SELECT 1 FROM statement_versions WHERE id = NEW.id OR (tenant_id = NEW.tenant_id AND number = NEW.number))
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: statement_versions (a published version is never replaced)'); END;

CREATE TRIGGER statement_renderings_no_replace BEFORE INSERT ON statement_renderings
WHEN EXISTS (
  SELECT 1 FROM statement_renderings
  WHERE version_id = NEW.version_id AND language = NEW.language AND format = NEW.format
)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: statement_renderings (a published rendering is never replaced)'); END;

-- The delivery log is append-only.
CREATE TRIGGER webhook_deliveries_no_replace BEFORE INSERT ON webhook_deliveries
WHEN EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: webhook_deliveries (delivery attempts are a log: append only)'); END;
CREATE TRIGGER webhook_deliveries_no_delete BEFORE DELETE ON webhook_deliveries
BEGIN SELECT RAISE(ABORT, 'delivery attempts are a log: append only'); END;

-- A webhook is only ever disabled: replacing it would change its address or secret under the log.
CREATE TRIGGER webhooks_no_replace BEFORE INSERT ON webhooks
WHEN EXISTS (
  SELECT 1 FROM webhooks
  WHERE id = NEW.id OR (tenant_id = NEW.tenant_id AND url = NEW.url AND disabled_at IS NULL AND NEW.disabled_at IS NULL)
)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: webhooks (a webhook is never replaced)'); END;

-- An invitation is used once: replacing it would reopen it.
CREATE TRIGGER invitations_no_replace BEFORE INSERT ON invitations
WHEN EXISTS (SELECT 1 FROM invitations WHERE id = NEW.id OR token_hash = NEW.token_hash)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: invitations (an invitation is never replaced)'); END;

-- A decided publish request stays decided; one company has at most one pending request.
CREATE TRIGGER publish_requests_no_replace BEFORE INSERT ON publish_requests
WHEN EXISTS (
  SELECT 1 FROM publish_requests
  WHERE id = NEW.id OR (tenant_id = NEW.tenant_id AND status = 'pending' AND coalesce(NEW.status, 'pending') = 'pending')
)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: publish_requests (a publish request is never replaced)'); END;

-- Drafts and processors change only to the next revision (the stale_revision triggers); a REPLACE
-- would skip that check and silently overwrite someone else's work.
CREATE TRIGGER tenant_drafts_no_replace BEFORE INSERT ON tenant_drafts
WHEN EXISTS (SELECT 1 FROM tenant_drafts WHERE tenant_id = NEW.tenant_id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: tenant_drafts (a draft changes by revision, never by replacing it)'); END;
CREATE TRIGGER baseline_drafts_no_replace BEFORE INSERT ON baseline_drafts
WHEN EXISTS (SELECT 1 FROM baseline_drafts WHERE group_id = NEW.group_id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: baseline_drafts (a draft changes by revision, never by replacing it)'); END;
CREATE TRIGGER processors_no_replace BEFORE INSERT ON processors
WHEN EXISTS (SELECT 1 FROM processors WHERE id = NEW.id OR (group_id = NEW.group_id AND key = NEW.key))
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: processors (a processor changes by revision, never by replacing it)'); END;
