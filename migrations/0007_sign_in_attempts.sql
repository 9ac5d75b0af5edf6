-- Sign-in throttling that cannot be raced (issue 13, items 1–3). Every attempt is written BEFORE
-- its password is checked, by one conditional INSERT that counts in SQL: the database runs
-- statements one at a time, so of thirty parallel attempts no more pass than the limits allow.
-- A successful sign-in removes its own row; what stays is failures (and attempts whose request died
-- before it could tell). The subjects are SHA-256 hex of what is counted (worker/auth/throttle.ts),
-- so no e-mail or network address is kept in clear. Times are milliseconds since the epoch, so the
-- growing delay is computed in SQL too.

-- Replaced: it was read before an attempt and written after it (the race of item 1).
DROP TABLE login_failures;

CREATE TABLE sign_in_attempts (
  id INTEGER PRIMARY KEY,
  attempt TEXT NOT NULL UNIQUE CHECK (length(attempt) BETWEEN 16 AND 64),
  attempted_at INTEGER NOT NULL CHECK (attempted_at > 0),
  -- The account and the network address together: counted tightly.
  pair_subject TEXT CHECK (pair_subject IS NULL OR length(pair_subject) = 64),
  -- The account from anywhere (not from its own known devices): a growing delay, never a lock.
  account_subject TEXT CHECK (account_subject IS NULL OR length(account_subject) = 64),
  -- The network address for every account: a high ceiling, since an office shares one.
  address_subject TEXT CHECK (address_subject IS NULL OR length(address_subject) = 64),
  -- A known device of the account (signed cookie): counted on its own.
  device_subject TEXT CHECK (device_subject IS NULL OR length(device_subject) = 64),
  CHECK (coalesce(pair_subject, account_subject, address_subject, device_subject) IS NOT NULL)
) STRICT;
CREATE INDEX sign_in_attempts_by_pair ON sign_in_attempts (pair_subject, attempted_at) WHERE pair_subject IS NOT NULL;
CREATE INDEX sign_in_attempts_by_account ON sign_in_attempts (account_subject, attempted_at) WHERE account_subject IS NOT NULL;
CREATE INDEX sign_in_attempts_by_address ON sign_in_attempts (address_subject, attempted_at) WHERE address_subject IS NOT NULL;
CREATE INDEX sign_in_attempts_by_device ON sign_in_attempts (device_subject, attempted_at) WHERE device_subject IS NOT NULL;
CREATE INDEX sign_in_attempts_by_time ON sign_in_attempts (attempted_at);
