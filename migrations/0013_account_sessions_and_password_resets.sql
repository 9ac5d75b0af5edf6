-- Accounts over their whole life (issue 18, item 4): an account sees and ends its own sessions and
-- changes its own password; the privacy lead issues single-use password-reset links.

-- The list of an account's sessions shows a handle, not the session id: the id is half of the
-- token, and a list of sessions should hand out nothing that is part of a credential. The browser
-- that signed in is kept (shortened) so that a person recognises their sessions.
ALTER TABLE sessions ADD COLUMN handle TEXT
  CHECK (handle IS NULL OR (length(handle) = 16 AND handle NOT GLOB '*[^0-9a-f]*'));
ALTER TABLE sessions ADD COLUMN user_agent TEXT CHECK (user_agent IS NULL OR length(user_agent) <= 200);
UPDATE sessions SET handle = lower(hex(randomblob(8)));
CREATE UNIQUE INDEX sessions_by_handle ON sessions (handle);
-- ALTER TABLE cannot add a NOT NULL column without a default; new sessions must have a handle.
CREATE TRIGGER sessions_have_handle BEFORE INSERT ON sessions
WHEN NEW.handle IS NULL
BEGIN SELECT RAISE(ABORT, 'a session has a handle'); END;

-- When the account's password last changed (NULL: never since the account was made).
ALTER TABLE users ADD COLUMN password_changed_at TEXT;

-- Password-reset links, issued by a privacy lead for a member of their group. Like invitations:
-- the token is shown once and stored only as its SHA-256; a link works once, expires after 24
-- hours, and using it ends every session of the account. Verklaring sends no e-mail.
CREATE TABLE password_resets (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  -- The group whose privacy lead issued it: its log holds the issue and the use.
  group_id INTEGER NOT NULL REFERENCES groups (id),
  token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  -- The lead chose to remove the account's second factors too (lost phone and recovery codes).
  removes_two_step INTEGER NOT NULL DEFAULT 0 CHECK (removes_two_step IN (0, 1)),
  used_at TEXT,
  -- Replaced by a newer link for the same account, or ended by a password change.
  revoked_at TEXT,
  CHECK (used_at IS NULL OR revoked_at IS NULL)
) STRICT;
CREATE INDEX password_resets_by_user ON password_resets (user_id);
CREATE INDEX password_resets_by_group ON password_resets (group_id);

-- Used once: using or revoking a closed link, or using an expired one, aborts its transaction.
CREATE TRIGGER password_resets_single_use BEFORE UPDATE OF used_at, revoked_at ON password_resets
WHEN OLD.used_at IS NOT NULL OR OLD.revoked_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'password_reset_closed'); END;
CREATE TRIGGER password_resets_unexpired BEFORE UPDATE OF used_at ON password_resets
WHEN NEW.used_at IS NOT NULL AND NEW.used_at >= OLD.expires_at
BEGIN SELECT RAISE(ABORT, 'password_reset_expired'); END;
-- What a link is for never changes.
CREATE TRIGGER password_resets_fixed BEFORE UPDATE ON password_resets
WHEN NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id OR NEW.group_id IS NOT OLD.group_id
  OR NEW.token_hash IS NOT OLD.token_hash OR NEW.created_by IS NOT OLD.created_by
  OR NEW.created_at IS NOT OLD.created_at OR NEW.expires_at IS NOT OLD.expires_at
  OR NEW.removes_two_step IS NOT OLD.removes_two_step
BEGIN SELECT RAISE(ABORT, 'a password-reset link does not change'); END;
-- INSERT OR REPLACE would reopen a used link (see 0009).
CREATE TRIGGER password_resets_no_replace BEFORE INSERT ON password_resets
WHEN EXISTS (SELECT 1 FROM password_resets WHERE id = NEW.id OR token_hash = NEW.token_hash)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: password_resets.token_hash: a reset link is never replaced'); END;
