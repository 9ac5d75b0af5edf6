-- Accounts, sessions (Lucia's design: only a hash of the secret is stored), memberships with
-- roles, invitations, login throttling and the hash-chained audit log.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  -- Stored lower-cased so that one address is one account.
  email TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email) AND email LIKE '%_@_%'),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  password_hash TEXT NOT NULL CHECK (password_hash GLOB '$argon2id$*'),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  -- The public half of the token; the secret half is only ever stored as its SHA-256.
  id TEXT PRIMARY KEY CHECK (length(id) >= 24),
  secret_hash BLOB NOT NULL CHECK (length(secret_hash) = 32),
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE memberships (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  group_id INTEGER NOT NULL REFERENCES groups (id),
  tenant_id INTEGER REFERENCES tenants (id),
  role TEXT NOT NULL CHECK (role IN ('group_admin', 'tenant_editor', 'tenant_viewer')),
  created_at TEXT NOT NULL,
  -- A group admin sees every company; the other roles belong to exactly one.
  CHECK ((role = 'group_admin') = (tenant_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX memberships_unique ON memberships (user_id, group_id, coalesce(tenant_id, 0));
CREATE INDEX memberships_by_group ON memberships (group_id, tenant_id);
CREATE INDEX memberships_by_tenant ON memberships (tenant_id);

CREATE TABLE invitations (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups (id),
  tenant_id INTEGER REFERENCES tenants (id),
  role TEXT NOT NULL CHECK (role IN ('group_admin', 'tenant_editor', 'tenant_viewer')),
  email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
  token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_at TEXT,
  accepted_by INTEGER REFERENCES users (id),
  revoked_at TEXT,
  CHECK ((role = 'group_admin') = (tenant_id IS NULL)),
  CHECK (accepted_at IS NULL OR revoked_at IS NULL)
) STRICT;
CREATE INDEX invitations_by_group ON invitations (group_id, created_at);
CREATE INDEX invitations_by_tenant ON invitations (tenant_id);

-- A membership or invitation for a company must stay inside that company's group.
CREATE TRIGGER memberships_tenant_in_group BEFORE INSERT ON memberships
WHEN NEW.tenant_id IS NOT NULL AND (SELECT group_id FROM tenants WHERE id = NEW.tenant_id) IS NOT NEW.group_id
BEGIN SELECT RAISE(ABORT, 'the company does not belong to the group'); END;
CREATE TRIGGER memberships_tenant_in_group_update BEFORE UPDATE ON memberships
WHEN NEW.tenant_id IS NOT NULL AND (SELECT group_id FROM tenants WHERE id = NEW.tenant_id) IS NOT NEW.group_id
BEGIN SELECT RAISE(ABORT, 'the company does not belong to the group'); END;
CREATE TRIGGER invitations_tenant_in_group BEFORE INSERT ON invitations
WHEN NEW.tenant_id IS NOT NULL AND (SELECT group_id FROM tenants WHERE id = NEW.tenant_id) IS NOT NEW.group_id
BEGIN SELECT RAISE(ABORT, 'the company does not belong to the group'); END;

-- An invitation is used once: accepting or revoking a closed one, or accepting an expired one,
-- aborts the whole transaction it is part of.
CREATE TRIGGER invitations_single_use BEFORE UPDATE OF accepted_at, revoked_at ON invitations
WHEN OLD.accepted_at IS NOT NULL OR OLD.revoked_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'invitation_closed'); END;
CREATE TRIGGER invitations_unexpired BEFORE UPDATE OF accepted_at ON invitations
WHEN NEW.accepted_at IS NOT NULL AND NEW.accepted_at >= OLD.expires_at
BEGIN SELECT RAISE(ABORT, 'invitation_expired'); END;

-- Failed sign-ins, per account and per address (both as SHA-256, so no address is kept in clear).
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  subject TEXT NOT NULL CHECK (length(subject) = 64),
  failed_at TEXT NOT NULL
) STRICT;
CREATE INDEX login_failures_by_subject ON login_failures (subject, failed_at);

-- Who changed what, when. Each group has its own chain (group_id NULL: events that belong to
-- no group, such as a sign-in attempt for an unknown address); every row's hash covers the
-- previous row's hash, so a changed or removed row breaks the chain.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  group_id INTEGER REFERENCES groups (id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  tenant_id INTEGER REFERENCES tenants (id),
  actor_user_id INTEGER REFERENCES users (id),
  -- The actor's e-mail address at the time, or "system".
  actor TEXT NOT NULL,
  action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
  target TEXT NOT NULL,
  summary TEXT NOT NULL CHECK (json_valid(summary)),
  created_at TEXT NOT NULL,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
CREATE UNIQUE INDEX audit_log_chain ON audit_log (coalesce(group_id, 0), seq);
CREATE INDEX audit_log_by_tenant ON audit_log (group_id, tenant_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
