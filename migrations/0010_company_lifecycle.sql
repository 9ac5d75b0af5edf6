-- A company's whole life in the group (issue 18, item 1): created by the privacy lead, renamed,
-- given another address (slug), archived when it is sold, merged or closed, restored, and deleted
-- only when it never published.
--
-- What the company record holds: its address (slug), its display name (the group's lists, the
-- console, {{group.members}}), the websites that show its statement, and its status. Everything
-- the statement itself says about the company — legal name, trade name, KvK number, address,
-- contact — stays in its draft's profile and reaches the public only by publishing: one source each.

-- 'deleted' keeps the row: the audit log refers to it for good (audit rows are never removed).
ALTER TABLE tenants ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
  CHECK (status IN ('active', 'archived', 'deleted'));
-- Where the company's statement is shown (https, checked by the outbound guard when set): the site
-- monitor reads them. Not the profile's website, which is the contact address the statement names.
ALTER TABLE tenants ADD COLUMN websites TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(websites) AND json_type(websites) = 'array' AND json_array_length(websites) <= 20);
ALTER TABLE tenants ADD COLUMN archived_at TEXT
  CHECK (archived_at IS NULL OR archived_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z');
-- Where the statement of an archived company now lives (the buyer's, say): its public URL redirects there.
ALTER TABLE tenants ADD COLUMN successor_url TEXT
  CHECK (successor_url IS NULL OR (successor_url GLOB 'https://?*' AND length(successor_url) <= 2048));
ALTER TABLE tenants ADD COLUMN deleted_at TEXT
  CHECK (deleted_at IS NULL OR deleted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z');

-- A status changes only along the allowed paths, with its facts, and never to what it already is
-- (two privacy leads archiving at once: the second is refused, not written twice). A company that
-- published is never deleted: its history stays public (archive it instead).
CREATE TRIGGER tenants_status_change BEFORE UPDATE OF status ON tenants
BEGIN
  SELECT CASE
    WHEN NEW.status = 'deleted' AND EXISTS (SELECT 1 FROM statement_versions WHERE tenant_id = OLD.id)
      THEN RAISE(ABORT, 'company_published')
    WHEN NOT (
      (OLD.status = 'active' AND NEW.status = 'archived' AND NEW.archived_at IS NOT NULL)
      OR (OLD.status = 'archived' AND NEW.status = 'active' AND NEW.archived_at IS NULL AND NEW.successor_url IS NULL)
      OR (OLD.status = 'active' AND NEW.status = 'deleted' AND NEW.deleted_at IS NOT NULL)
    ) THEN RAISE(ABORT, 'company_status_changed')
  END;
END;

-- An archived (or deleted) company's identity is frozen until it is restored.
CREATE TRIGGER tenants_frozen_when_closed BEFORE UPDATE OF slug, name, websites, position ON tenants
WHEN OLD.status != 'active'
BEGIN SELECT RAISE(ABORT, 'company_archived'); END;

CREATE TRIGGER tenants_no_delete BEFORE DELETE ON tenants
BEGIN SELECT RAISE(ABORT, 'a company is archived or marked deleted, never removed'); END;

-- Nothing is published for, asked for, or given to a company that is not active: not by an
-- editor, an approval, a rollout republish or a restore (whatever writes the row).
CREATE TRIGGER statement_versions_active_company BEFORE INSERT ON statement_versions
WHEN (SELECT status FROM tenants WHERE id = NEW.tenant_id) IS NOT 'active'
BEGIN SELECT RAISE(ABORT, 'company_archived'); END;
CREATE TRIGGER publish_requests_active_company BEFORE INSERT ON publish_requests
WHEN NEW.tenant_id IS NOT NULL AND (SELECT status FROM tenants WHERE id = NEW.tenant_id) IS NOT 'active'
BEGIN SELECT RAISE(ABORT, 'company_archived'); END;
CREATE TRIGGER memberships_active_company BEFORE INSERT ON memberships
WHEN NEW.tenant_id IS NOT NULL AND (SELECT status FROM tenants WHERE id = NEW.tenant_id) IS NOT 'active'
BEGIN SELECT RAISE(ABORT, 'company_archived'); END;
CREATE TRIGGER memberships_active_company_update BEFORE UPDATE OF role, tenant_id ON memberships
WHEN NEW.tenant_id IS NOT NULL AND (SELECT status FROM tenants WHERE id = NEW.tenant_id) IS NOT 'active'
BEGIN SELECT RAISE(ABORT, 'company_archived'); END;
CREATE TRIGGER invitations_active_company BEFORE INSERT ON invitations
WHEN NEW.tenant_id IS NOT NULL AND (SELECT status FROM tenants WHERE id = NEW.tenant_id) IS NOT 'active'
BEGIN SELECT RAISE(ABORT, 'company_archived'); END;

-- Every address a company ever had, its current one included. Websites hard-code them, so an old
-- address answers a permanent redirect to the current one, for good; it is therefore never given
-- to another company of the group (which would hijack those links). The company itself may take
-- an old address of its own back. Only a company that never published — whose addresses never
-- served a statement — gives its addresses up, when it is deleted.
CREATE TABLE tenant_slugs (
  group_id INTEGER NOT NULL REFERENCES groups (id),
  slug TEXT NOT NULL CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) BETWEEN 1 AND 64),
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (group_id, slug)
) STRICT, WITHOUT ROWID;
CREATE INDEX tenant_slugs_by_tenant ON tenant_slugs (tenant_id);

INSERT INTO tenant_slugs (group_id, slug, tenant_id, created_at)
SELECT group_id, slug, id, created_at FROM tenants;

-- INSERT OR REPLACE would delete another company's address without running a DELETE trigger.
CREATE TRIGGER tenant_slugs_no_replace BEFORE INSERT ON tenant_slugs
WHEN EXISTS (SELECT 1 FROM tenant_slugs WHERE group_id = NEW.group_id AND slug = NEW.slug)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: tenant_slugs.group_id, tenant_slugs.slug: an address a company had is never given to another'); END;
CREATE TRIGGER tenant_slugs_no_update BEFORE UPDATE ON tenant_slugs
BEGIN SELECT RAISE(ABORT, 'a company address is never moved'); END;
CREATE TRIGGER tenant_slugs_no_delete BEFORE DELETE ON tenant_slugs
WHEN (SELECT status FROM tenants WHERE id = OLD.tenant_id) IS NOT 'deleted'
  OR EXISTS (SELECT 1 FROM statement_versions WHERE tenant_id = OLD.tenant_id)
BEGIN SELECT RAISE(ABORT, 'a company address is released only when a company that never published is deleted'); END;

-- Kept by the database itself, whoever writes the company.
CREATE TRIGGER tenants_record_slug AFTER INSERT ON tenants
BEGIN
  INSERT INTO tenant_slugs (group_id, slug, tenant_id, created_at) VALUES (NEW.group_id, NEW.slug, NEW.id, NEW.created_at);
END;
CREATE TRIGGER tenants_record_new_slug AFTER UPDATE OF slug ON tenants
WHEN NEW.status != 'deleted'
  AND NOT EXISTS (SELECT 1 FROM tenant_slugs WHERE group_id = NEW.group_id AND slug = NEW.slug AND tenant_id = NEW.id)
BEGIN
  INSERT INTO tenant_slugs (group_id, slug, tenant_id, created_at)
  VALUES (NEW.group_id, NEW.slug, NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
