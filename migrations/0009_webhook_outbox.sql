-- Publish webhooks through an outbox (issue 13, item 9). Webhooks used to be queued after the
-- publish committed, so a crash between the two lost the notification. Now the notification is a
-- row written by a trigger in the same transaction as the version (whatever writes the version:
-- a publish, an approval, a rollout, a restore), and it is queued from here: at once by the
-- request that published (worker/webhooks/notify.ts), and by the Cron Trigger for any row that
-- request did not get to (worker/webhooks/outbox.ts). Queueing twice is possible after a crash
-- between queueing and marking; the event id is the same, so a receiver drops the repeat.

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
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: webhook_outbox (a notification is never replaced)'); END;

-- Only a notification that has been queued may be cleared away.
CREATE TRIGGER webhook_outbox_keep_waiting BEFORE DELETE ON webhook_outbox
WHEN OLD.queued_at IS NULL
BEGIN SELECT RAISE(ABORT, 'a notification that was not queued yet cannot be removed'); END;
