-- Editing and publishing: the approval setting, publish requests, and the group's processor register.

ALTER TABLE groups ADD COLUMN require_approval INTEGER NOT NULL DEFAULT 0 CHECK (require_approval IN (0, 1));

-- Processors kept once per group; companies reference them by key from their recipients list.
CREATE TABLE processors (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups (id),
  key TEXT NOT NULL CHECK (key GLOB '[a-z0-9]*' AND key NOT GLOB '*[^a-z0-9-]*' AND length(key) BETWEEN 1 AND 64),
  -- The Recipient fields as JSON (name, role, service, country, safeguard), validated by the model.
  content TEXT NOT NULL CHECK (json_valid(content)),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  updated_at TEXT NOT NULL,
  UNIQUE (group_id, key)
) STRICT;

-- With approval on, a publish is a request that another privacy lead decides on.
CREATE TABLE publish_requests (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  requested_by INTEGER NOT NULL REFERENCES users (id),
  requested_at TEXT NOT NULL,
  -- The draft exactly as it was when publishing was asked for: approval publishes what was reviewed.
  content TEXT NOT NULL CHECK (json_valid(content)),
  draft_revision INTEGER NOT NULL,
  change_note TEXT NOT NULL CHECK (length(change_note) BETWEEN 1 AND 2000),
  material INTEGER NOT NULL CHECK (material IN (0, 1)),
  effective_from TEXT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  decided_by INTEGER REFERENCES users (id),
  decided_at TEXT,
  reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 2000),
  version_number INTEGER,
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (status != 'rejected' OR reason IS NOT NULL)
) STRICT;
CREATE INDEX publish_requests_by_tenant ON publish_requests (tenant_id, status);
-- One open request per company at a time.
CREATE UNIQUE INDEX publish_requests_one_pending ON publish_requests (tenant_id) WHERE status = 'pending';

-- A decided request stays decided.
CREATE TRIGGER publish_requests_decided_once BEFORE UPDATE OF status ON publish_requests
WHEN OLD.status != 'pending'
BEGIN SELECT RAISE(ABORT, 'publish_request_closed'); END;

-- Who published a version (NULL for versions from before accounts existed, such as the demo seed).
ALTER TABLE statement_versions ADD COLUMN published_by INTEGER REFERENCES users (id);
ALTER TABLE baseline_versions ADD COLUMN published_by INTEGER REFERENCES users (id);

-- Optimistic concurrency: a draft is saved as revision N+1 of the revision N the editor loaded.
-- Saving over any other revision aborts the whole transaction, so two people never silently
-- overwrite each other (the API answers 409 with the current draft).
CREATE TRIGGER tenant_drafts_next_revision BEFORE UPDATE ON tenant_drafts
WHEN NEW.revision != OLD.revision + 1
BEGIN SELECT RAISE(ABORT, 'stale_revision'); END;
CREATE TRIGGER baseline_drafts_next_revision BEFORE UPDATE ON baseline_drafts
WHEN NEW.revision != OLD.revision + 1
BEGIN SELECT RAISE(ABORT, 'stale_revision'); END;
CREATE TRIGGER processors_next_revision BEFORE UPDATE ON processors
WHEN NEW.revision != OLD.revision + 1
BEGIN SELECT RAISE(ABORT, 'stale_revision'); END;
