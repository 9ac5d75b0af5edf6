-- Two things a break-in test found (issue 13): INSERT OR REPLACE got past the immutability triggers
-- (item 6), and a publish notification could be lost between the commit and the queue (item 9).

-- 1. INSERT OR REPLACE (and REPLACE INTO) resolves a key conflict by deleting the existing row, and
-- SQLite runs no DELETE triggers for that deletion (recursive_triggers is off), so the UPDATE and
-- DELETE guards never saw it: a published version's change note, a rendering's body and an audit
-- row were overwritten that way. A BEFORE INSERT trigger runs before the conflict is resolved, so
-- each guard below refuses an insert whose key (any unique key of the table) already exists. A
-- plain INSERT of a duplicate is refused by the same trigger instead of the UNIQUE constraint, with
-- SQLite's own wording, which the app recognises (worker/db/errors.ts). The audit log's guard is
-- in 0008.

CREATE TRIGGER baseline_versions_no_replace_id BEFORE INSERT ON baseline_versions
WHEN EXISTS (SELECT 1 FROM baseline_versions WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: baseline_versions.id: a published baseline version is never replaced'); END;
CREATE TRIGGER baseline_versions_no_replace BEFORE INSERT ON baseline_versions
WHEN EXISTS (SELECT 1 FROM baseline_versions WHERE group_id = NEW.group_id AND number = NEW.number)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: baseline_versions.group_id, baseline_versions.number: a published baseline version is never replaced'); END;

CREATE TRIGGER statement_versions_no_replace_id BEFORE INSERT ON statement_versions
WHEN EXISTS (SELECT 1 FROM statement_versions WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: statement_versions.id: a published version is never replaced'); END;
CREATE TRIGGER statement_versions_no_replace BEFORE INSERT ON statement_versions
WHEN EXISTS (SELECT 1 FROM statement_versions WHERE tenant_id = NEW.tenant_id AND number = NEW.number)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: statement_versions.tenant_id, statement_versions.number: a published version is never replaced'); END;

CREATE TRIGGER statement_renderings_no_replace BEFORE INSERT ON statement_renderings
WHEN EXISTS (
  SELECT 1 FROM statement_renderings
  WHERE version_id = NEW.version_id AND language = NEW.language AND format = NEW.format
)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: statement_renderings.version_id, statement_renderings.language, statement_renderings.format: a published rendering is never replaced'); END;

-- The delivery log is append-only.
CREATE TRIGGER webhook_deliveries_no_replace BEFORE INSERT ON webhook_deliveries
WHEN EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: webhook_deliveries.id: delivery attempts are a log, append only'); END;
CREATE TRIGGER webhook_deliveries_no_delete BEFORE DELETE ON webhook_deliveries
BEGIN SELECT RAISE(ABORT, 'delivery attempts are a log: append only'); END;

-- A webhook is only ever disabled: replacing it would change its address or secret under the log.
CREATE TRIGGER webhooks_no_replace BEFORE INSERT ON webhooks
WHEN EXISTS (
  SELECT 1 FROM webhooks
  WHERE id = NEW.id OR (tenant_id = NEW.tenant_id AND url = NEW.url AND disabled_at IS NULL AND NEW.disabled_at IS NULL)
)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: webhooks.tenant_id, webhooks.url: a webhook is never replaced'); END;

-- An invitation is used once: replacing it would reopen it.
CREATE TRIGGER invitations_no_replace BEFORE INSERT ON invitations
WHEN EXISTS (SELECT 1 FROM invitations WHERE id = NEW.id OR token_hash = NEW.token_hash)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: invitations.token_hash: an invitation is never replaced'); END;

-- A decided publish request stays decided; one company (and one group's baseline) has at most one
-- pending request (0006's partial indexes).
CREATE TRIGGER publish_requests_no_replace_id BEFORE INSERT ON publish_requests
WHEN EXISTS (SELECT 1 FROM publish_requests WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: publish_requests.id: a publish request is never replaced'); END;
CREATE TRIGGER publish_requests_no_replace_company BEFORE INSERT ON publish_requests
WHEN coalesce(NEW.status, 'pending') = 'pending' AND NEW.subject = 'company' AND EXISTS (
  SELECT 1 FROM publish_requests WHERE status = 'pending' AND subject = 'company' AND tenant_id = NEW.tenant_id
)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: publish_requests.tenant_id: one pending request per company'); END;
CREATE TRIGGER publish_requests_no_replace_baseline BEFORE INSERT ON publish_requests
WHEN coalesce(NEW.status, 'pending') = 'pending' AND NEW.subject = 'baseline' AND EXISTS (
  SELECT 1 FROM publish_requests WHERE status = 'pending' AND subject = 'baseline' AND group_id = NEW.group_id
)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: publish_requests.group_id: one pending baseline request per group'); END;

-- Drafts and processors change only to the next revision (the stale_revision triggers); a REPLACE
-- would skip that check and silently overwrite someone else's work.
CREATE TRIGGER tenant_drafts_no_replace BEFORE INSERT ON tenant_drafts
WHEN EXISTS (SELECT 1 FROM tenant_drafts WHERE tenant_id = NEW.tenant_id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: tenant_drafts.tenant_id: a draft changes by revision, never by replacing it'); END;
CREATE TRIGGER baseline_drafts_no_replace BEFORE INSERT ON baseline_drafts
WHEN EXISTS (SELECT 1 FROM baseline_drafts WHERE group_id = NEW.group_id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: baseline_drafts.group_id: a draft changes by revision, never by replacing it'); END;
CREATE TRIGGER processors_no_replace_id BEFORE INSERT ON processors
WHEN EXISTS (SELECT 1 FROM processors WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: processors.id: a processor changes by revision, never by replacing it'); END;
CREATE TRIGGER processors_no_replace BEFORE INSERT ON processors
WHEN EXISTS (SELECT 1 FROM processors WHERE group_id = NEW.group_id AND key = NEW.key)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: processors.group_id, processors.key: a processor changes by revision, never by replacing it'); END;

-- 2. Publish webhooks through an outbox. Webhooks used to be queued after the publish committed, so
-- a crash between the two lost the notification. Now the notification is a row written by a
-- trigger in the same transaction as the version (whatever writes the version: a publish, an
-- approval, a rollout, a restore), and it is queued from here: at once by the request that
-- published (worker/webhooks/notify.ts), and by the Cron Trigger for any row that request did not
-- get to (worker/webhooks/outbox.ts). Queueing twice is possible after a crash between queueing
-- and marking; the event id is the same, so a receiver drops the repeat.

CREATE TABLE webhook_outbox (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES statement_versions (id),
  webhook_id INTEGER NOT NULL REFERENCES webhooks (id),
  -- Sent as Verklaring-Delivery: one per publish, the same for every webhook and every attempt.
  event_id TEXT NOT NULL CHECK (length(event_id) BETWEEN 1 AND 64),
  created_at TEXT NOT NULL,
  -- The statement's public address as the publishing request saw it; the cron uses PUBLIC_ORIGIN.
  statement_url TEXT CHECK (statement_url IS NULL OR length(statement_url) <= 2048),
  -- A dispatcher holds the row until then; after that another may take it.
  claimed_until TEXT,
  queued_at TEXT,
  UNIQUE (version_id, webhook_id)
) STRICT;
CREATE INDEX webhook_outbox_waiting ON webhook_outbox (created_at) WHERE queued_at IS NULL;

-- The notification is part of the publish: one row per webhook active at that moment.
CREATE TRIGGER statement_versions_notify_webhooks AFTER INSERT ON statement_versions
BEGIN
  INSERT INTO webhook_outbox (version_id, webhook_id, event_id, created_at)
  SELECT NEW.id, w.id, 'publish-' || NEW.id || '-' || substr(NEW.content_hash, 1, 16), NEW.published_at
  FROM webhooks w WHERE w.tenant_id = NEW.tenant_id AND w.disabled_at IS NULL;
END;

-- What a notification is never changes; it is queued once, and its address is fixed once set.
CREATE TRIGGER webhook_outbox_queued_once BEFORE UPDATE ON webhook_outbox
WHEN OLD.queued_at IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.version_id IS NOT OLD.version_id OR NEW.webhook_id IS NOT OLD.webhook_id
  OR NEW.event_id IS NOT OLD.event_id OR NEW.created_at IS NOT OLD.created_at
  OR (OLD.statement_url IS NOT NULL AND NEW.statement_url IS NOT OLD.statement_url)
BEGIN SELECT RAISE(ABORT, 'a queued notification is final'); END;

CREATE TRIGGER webhook_outbox_no_replace BEFORE INSERT ON webhook_outbox
WHEN EXISTS (SELECT 1 FROM webhook_outbox WHERE id = NEW.id OR (version_id = NEW.version_id AND webhook_id = NEW.webhook_id))
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: webhook_outbox.version_id, webhook_outbox.webhook_id: a notification is never replaced'); END;

-- Only a notification that has been queued may be cleared away.
CREATE TRIGGER webhook_outbox_keep_waiting BEFORE DELETE ON webhook_outbox
WHEN OLD.queued_at IS NULL
BEGIN SELECT RAISE(ABORT, 'a notification that was not queued yet cannot be removed'); END;
