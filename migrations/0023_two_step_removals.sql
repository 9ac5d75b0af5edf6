-- Removing a second step (the authenticator app, a passkey) writes the state of the account's
-- second steps the removal was decided on. Two removals decided on the same state in parallel (the
-- app and the last passkey, each seeing the other still there) cannot both land: the second one's
-- transaction is refused whole, so an account a group requires two steps of never ends up with
-- none (worker/routes/account.ts). A lead's reset link removes everything on purpose and is not a
-- removal here.
CREATE TABLE two_step_removals (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  -- What the removal saw: "totp since|passkey ids", e.g. "2026-12-01T10:00:00.000Z|4,9".
  seen TEXT NOT NULL CHECK (length(seen) BETWEEN 1 AND 2000),
  removed_at TEXT NOT NULL CHECK (removed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;
CREATE UNIQUE INDEX two_step_removals_seen ON two_step_removals (user_id, seen);

CREATE TRIGGER two_step_removals_no_replace BEFORE INSERT ON two_step_removals
WHEN EXISTS (SELECT 1 FROM two_step_removals WHERE id = NEW.id OR (user_id = NEW.user_id AND seen = NEW.seen))
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: two_step_removals.user_id, two_step_removals.seen: the second steps changed meanwhile'); END;
