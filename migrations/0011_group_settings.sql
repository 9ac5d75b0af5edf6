-- The group's settings (issue 18, item 3): its name and default language (which exist), the
-- contact of its privacy lead, shown to every member on the dashboard, and the approval setting
-- (which exists, migrations/0003).

-- {"name": …, "email": …, "phone"?: …}; validated by shared/group-admin-schemas.ts.
ALTER TABLE groups ADD COLUMN lead_contact TEXT
  CHECK (lead_contact IS NULL OR (json_valid(lead_contact) AND json_type(lead_contact) = 'object'));

-- When what every statement of the group says about the group last changed: its name, or its
-- companies ({{group.name}}, {{group.members}}, {{group.memberCount}}). A version published before
-- this moment may no longer say what is true, so the rollout re-resolves it and compares
-- (worker/rollout.ts, reason "group"). Kept by the database, whoever writes the change.
ALTER TABLE groups ADD COLUMN identity_changed_at TEXT;

CREATE TRIGGER groups_identity_on_rename AFTER UPDATE OF name ON groups
WHEN NEW.name IS NOT OLD.name
BEGIN
  UPDATE groups SET identity_changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER groups_identity_on_new_company AFTER INSERT ON tenants
BEGIN
  UPDATE groups SET identity_changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.group_id;
END;
CREATE TRIGGER groups_identity_on_company_change AFTER UPDATE OF name, status, position ON tenants
WHEN NEW.name IS NOT OLD.name OR NEW.status IS NOT OLD.status OR NEW.position IS NOT OLD.position
BEGIN
  UPDATE groups SET identity_changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.group_id;
END;
