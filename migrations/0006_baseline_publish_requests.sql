-- Publish requests for the baseline too: with approval on, every publication — the privacy lead's
-- baseline as well as a company's statement — waits for another privacy lead (four eyes). A
-- request now records what it publishes (`subject`): a company's statement (tenant_id and the
-- company's content) or the group's baseline (tenant_id NULL, the baseline as content). SQLite
-- cannot drop NOT NULL from a column, so the table is rebuilt; every existing request is a
-- company's and keeps its id.
CREATE TABLE publish_requests_v2 (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups (id),
  subject TEXT NOT NULL CHECK (subject IN ('company', 'baseline')),
  tenant_id INTEGER REFERENCES tenants (id),
  requested_by INTEGER NOT NULL REFERENCES users (id),
  requested_at TEXT NOT NULL,
  -- What was asked for exactly as it was reviewed: approval publishes this, never a later draft.
  content TEXT NOT NULL CHECK (json_valid(content)),
  draft_revision INTEGER NOT NULL,
  change_note TEXT NOT NULL CHECK (length(change_note) BETWEEN 1 AND 2000),
  -- A company's publish only: a baseline version has no material flag, effective date or override.
  material INTEGER CHECK (material IN (0, 1)),
  effective_from TEXT,
  completeness_override TEXT CHECK (completeness_override IS NULL OR length(completeness_override) BETWEEN 1 AND 2000),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  decided_by INTEGER REFERENCES users (id),
  decided_at TEXT,
  reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 2000),
  version_number INTEGER,
  CHECK ((subject = 'company') = (tenant_id IS NOT NULL)),
  CHECK (subject = 'baseline' OR material IS NOT NULL),
  CHECK (subject = 'company' OR (material IS NULL AND effective_from IS NULL AND completeness_override IS NULL)),
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (status != 'rejected' OR reason IS NOT NULL)
) STRICT;

INSERT INTO publish_requests_v2 (id, group_id, subject, tenant_id, requested_by, requested_at, content,
  draft_revision, change_note, material, effective_from, completeness_override, status, decided_by,
  decided_at, reason, version_number)
SELECT r.id, t.group_id, 'company', r.tenant_id, r.requested_by, r.requested_at, r.content, r.draft_revision,
  r.change_note, r.material, r.effective_from, r.completeness_override, r.status, r.decided_by, r.decided_at,
  r.reason, r.version_number
FROM publish_requests r JOIN tenants t ON t.id = r.tenant_id;

DROP TABLE publish_requests;
ALTER TABLE publish_requests_v2 RENAME TO publish_requests;

CREATE INDEX publish_requests_by_group ON publish_requests (group_id, status);
CREATE INDEX publish_requests_by_tenant ON publish_requests (tenant_id, status);
-- One open request per company, and one for the baseline per group, at a time.
CREATE UNIQUE INDEX publish_requests_one_pending ON publish_requests (tenant_id)
  WHERE status = 'pending' AND subject = 'company';
CREATE UNIQUE INDEX publish_requests_one_pending_baseline ON publish_requests (group_id)
  WHERE status = 'pending' AND subject = 'baseline';

-- A decided request stays decided.
CREATE TRIGGER publish_requests_decided_once BEFORE UPDATE OF status ON publish_requests
WHEN OLD.status != 'pending'
BEGIN SELECT RAISE(ABORT, 'publish_request_closed'); END;

-- A company's request belongs to that company's group, whoever writes the row.
CREATE TRIGGER publish_requests_tenant_in_group BEFORE INSERT ON publish_requests
WHEN NEW.tenant_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM tenants WHERE id = NEW.tenant_id AND group_id = NEW.group_id)
BEGIN SELECT RAISE(ABORT, 'the company does not belong to the group'); END;
