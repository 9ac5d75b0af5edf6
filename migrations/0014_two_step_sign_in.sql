-- Two-step sign-in (issue 18, item 5): a time-based one-time code (TOTP, RFC 6238) or a passkey
-- (WebAuthn) after the password, ten single-use recovery codes, and a group setting that requires
-- it. A session is only ever created once every step is done: between the password and the second
-- step there is a pending sign-in, which opens nothing but that step.

-- Who must use two steps: nobody, the group's privacy leads, or everyone in the group. New groups
-- require it of their privacy leads; groups that exist already keep signing in as they did until
-- their privacy lead turns it on (no one is surprised by a requirement at their next sign-in).
ALTER TABLE groups ADD COLUMN two_step TEXT NOT NULL DEFAULT 'admins'
  CHECK (two_step IN ('off', 'admins', 'everyone'));
UPDATE groups SET two_step = 'off';

-- An authenticator app's secret. It must be readable to check codes, so it is not hashed but
-- encrypted (AES-GCM, 12-byte nonce + 20-byte secret + 16-byte tag) under a key derived from a
-- Worker secret the database does not hold, and bound to its account: reading D1 gives no codes.
CREATE TABLE totp_credentials (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret BLOB NOT NULL CHECK (length(secret) = 48),
  created_at TEXT NOT NULL,
  -- The last 30-second time step a code was accepted for. A code is accepted only for a later
  -- step, so a code that was used cannot be used again, not even within its own window
  -- (RFC 6238 section 5.2).
  last_step INTEGER NOT NULL CHECK (last_step >= 0)
) STRICT;
-- Enabling is one INSERT: a second one for the same account fails instead of replacing it.
CREATE TRIGGER totp_credentials_no_replace BEFORE INSERT ON totp_credentials
WHEN EXISTS (SELECT 1 FROM totp_credentials WHERE user_id = NEW.user_id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: totp_credentials.user_id: two-step sign-in is already on'); END;
-- Only the step moves, and only forward.
CREATE TRIGGER totp_credentials_step_forward BEFORE UPDATE ON totp_credentials
WHEN NEW.user_id IS NOT OLD.user_id OR NEW.secret IS NOT OLD.secret OR NEW.created_at IS NOT OLD.created_at
  OR NEW.last_step <= OLD.last_step
BEGIN SELECT RAISE(ABORT, 'a TOTP credential only moves to a later step'); END;

-- A secret shown for enrolment and not yet confirmed with a code from the app (10 minutes).
CREATE TABLE totp_enrolments (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret BLOB NOT NULL CHECK (length(secret) = 48),
  expires_at TEXT NOT NULL
) STRICT;

-- Ten codes, each usable once, for when the phone or security key is gone. Only their SHA-256 is
-- kept (each has 80 random bits, so a hash cannot be reversed by trying).
CREATE TABLE recovery_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash BLOB NOT NULL UNIQUE CHECK (length(code_hash) = 32),
  created_at TEXT NOT NULL,
  used_at TEXT
) STRICT;
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);
CREATE TRIGGER recovery_codes_used_once BEFORE UPDATE ON recovery_codes
WHEN OLD.used_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id
  OR NEW.code_hash IS NOT OLD.code_hash OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a recovery code is used once'); END;
CREATE TRIGGER recovery_codes_no_replace BEFORE INSERT ON recovery_codes
WHEN EXISTS (SELECT 1 FROM recovery_codes WHERE id = NEW.id OR code_hash = NEW.code_hash)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: recovery_codes.code_hash: a recovery code is never replaced'); END;

-- Passkeys (WebAuthn credentials) as a second step. The public key is kept as SPKI (DER), ready
-- for Web Crypto; ES256 (-7) and RS256 (-257) are accepted.
CREATE TABLE passkeys (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  credential_id BLOB NOT NULL UNIQUE CHECK (length(credential_id) BETWEEN 16 AND 1023),
  algorithm INTEGER NOT NULL CHECK (algorithm IN (-7, -257)),
  public_key BLOB NOT NULL CHECK (length(public_key) BETWEEN 64 AND 1100),
  -- The authenticator's signature counter: a counter that does not grow betrays a clone
  -- (WebAuthn Level 2, section 7.2 step 21). Authenticators that keep none always send 0.
  sign_count INTEGER NOT NULL CHECK (sign_count >= 0),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  created_at TEXT NOT NULL,
  last_used_at TEXT
) STRICT;
CREATE INDEX passkeys_by_user ON passkeys (user_id);
CREATE TRIGGER passkeys_no_replace BEFORE INSERT ON passkeys
WHEN EXISTS (SELECT 1 FROM passkeys WHERE id = NEW.id OR credential_id = NEW.credential_id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: passkeys.credential_id: a passkey is never replaced'); END;

-- WebAuthn challenges: random, for one account and one purpose, used once, 5 minutes.
CREATE TABLE webauthn_challenges (
  id INTEGER PRIMARY KEY,
  challenge BLOB NOT NULL UNIQUE CHECK (length(challenge) = 32),
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('register', 'sign_in')),
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX webauthn_challenges_by_user ON webauthn_challenges (user_id);

-- Between a correct password and the second step (or, when the group requires two steps and the
-- account has none yet, its enrolment): a token like a session's, in a cookie of its own, valid
-- for 10 minutes, good for nothing but finishing this sign-in.
CREATE TABLE pending_sign_ins (
  id TEXT PRIMARY KEY CHECK (length(id) >= 24),
  secret_hash BLOB NOT NULL CHECK (length(secret_hash) = 32),
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  needs TEXT NOT NULL CHECK (needs IN ('second_factor', 'enrolment')),
  -- The known device (signed cookie) the password was typed on, if any: the second step is
  -- counted per device like the password was, and the device cookie is renewed at the end.
  device_id TEXT CHECK (device_id IS NULL OR length(device_id) = 24),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX pending_sign_ins_by_user ON pending_sign_ins (user_id);
