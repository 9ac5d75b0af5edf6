-- The `site.outdated` webhook event (issue 19): a watched page that still shows an older version
-- more than 24 hours after the version in force took effect. The notification is written in the
-- same transaction as the check that found it, one row per active webhook of the company, and
-- queued from here onto the verklaring-webhooks queue like the publish notifications of
-- migrations/0009: at once by the check, or by the Cron Trigger for whatever that did not get to.
-- Once per page and version in force: a page that stays outdated is not reported every hour.

CREATE TABLE site_outdated_outbox (
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES watched_pages (id),
  webhook_id INTEGER NOT NULL REFERENCES webhooks (id),
  version_in_force INTEGER NOT NULL CHECK (version_in_force >= 1),
  shown_version INTEGER NOT NULL CHECK (shown_version >= 1 AND shown_version < version_in_force),
  outdated_since TEXT NOT NULL CHECK (outdated_since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  checked_at TEXT NOT NULL CHECK (checked_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  -- Sent as Verklaring-Delivery: the same for every webhook and every attempt of this notice.
  event_id TEXT NOT NULL CHECK (length(event_id) BETWEEN 1 AND 64),
  created_at TEXT NOT NULL,
  claimed_until TEXT,
  queued_at TEXT,
  UNIQUE (page_id, version_in_force, webhook_id)
) STRICT;
CREATE INDEX site_outdated_outbox_waiting ON site_outdated_outbox (created_at) WHERE queued_at IS NULL;

-- What a notification is never changes; it is queued once.
CREATE TRIGGER site_outdated_outbox_queued_once BEFORE UPDATE ON site_outdated_outbox
WHEN OLD.queued_at IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.page_id IS NOT OLD.page_id OR NEW.webhook_id IS NOT OLD.webhook_id
  OR NEW.version_in_force IS NOT OLD.version_in_force OR NEW.shown_version IS NOT OLD.shown_version
  OR NEW.outdated_since IS NOT OLD.outdated_since OR NEW.checked_at IS NOT OLD.checked_at
  OR NEW.event_id IS NOT OLD.event_id OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a queued notification is final'); END;

CREATE TRIGGER site_outdated_outbox_no_replace BEFORE INSERT ON site_outdated_outbox
WHEN EXISTS (SELECT 1 FROM site_outdated_outbox WHERE id = NEW.id
  OR (page_id = NEW.page_id AND version_in_force = NEW.version_in_force AND webhook_id = NEW.webhook_id))
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: site_outdated_outbox.page_id, site_outdated_outbox.version_in_force, site_outdated_outbox.webhook_id: a notification is never replaced'); END;

CREATE TRIGGER site_outdated_outbox_keep_waiting BEFORE DELETE ON site_outdated_outbox
WHEN OLD.queued_at IS NULL
BEGIN SELECT RAISE(ABORT, 'a notification that was not queued yet cannot be removed'); END;
