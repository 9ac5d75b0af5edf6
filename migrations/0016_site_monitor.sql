-- The site monitor (issue 19): pages on company websites that should show the company's statement,
-- and what every check of them found. A finding is kept as one row per unbroken run of the same
-- result (first and latest check, how many checks), so an hourly check of a page that does not
-- change adds no row, and the history shows every change with when it was first and last seen.

CREATE TABLE watched_pages (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  -- Checked by the outbound guard (worker/net/outbound-url.ts) when added and before every fetch;
  -- plain http only reaches this machine in local development.
  url TEXT NOT NULL CHECK (length(url) <= 2048 AND (url GLOB 'https://?*' OR url GLOB 'http://?*')),
  language TEXT NOT NULL CHECK (language IN ('nl', 'en')),
  -- How the page shows the statement: a link to the public URL, the fragment included on the
  -- server, an iframe, the <privacy-statement> web component, or a copy pasted into the page.
  display TEXT NOT NULL CHECK (display IN ('link', 'fragment', 'iframe', 'component', 'copy')),
  created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  created_by INTEGER REFERENCES users (id),
  removed_at TEXT CHECK (removed_at IS NULL OR removed_at >= created_at),
  -- The latest "check now" from the console; one per page every few seconds (one conditional UPDATE).
  checked_by_hand_at TEXT CHECK (checked_by_hand_at IS NULL OR checked_by_hand_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;
CREATE UNIQUE INDEX watched_pages_unique_active ON watched_pages (tenant_id, url, language) WHERE removed_at IS NULL;
CREATE INDEX watched_pages_by_tenant ON watched_pages (tenant_id, removed_at);

-- A watched page is removed, never edited: its history stays tied to the address it was checked at.
CREATE TRIGGER watched_pages_remove_only BEFORE UPDATE ON watched_pages
WHEN NEW.id IS NOT OLD.id OR NEW.tenant_id IS NOT OLD.tenant_id OR NEW.url IS NOT OLD.url
  OR NEW.language IS NOT OLD.language OR NEW.display IS NOT OLD.display
  OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
  OR (OLD.removed_at IS NOT NULL AND NEW.removed_at IS NOT OLD.removed_at)
BEGIN SELECT RAISE(ABORT, 'a watched page can only be removed, once'); END;

CREATE TRIGGER watched_pages_no_delete BEFORE DELETE ON watched_pages
BEGIN SELECT RAISE(ABORT, 'a watched page is removed, never deleted: its history stays'); END;

CREATE TRIGGER watched_pages_no_replace BEFORE INSERT ON watched_pages
WHEN EXISTS (SELECT 1 FROM watched_pages WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: watched_pages.id: a watched page is never replaced'); END;

CREATE TABLE site_checks (
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES watched_pages (id),
  state TEXT NOT NULL CHECK (state IN ('current', 'outdated', 'modified', 'missing', 'unreachable')),
  -- The version the page shows (for a modified copy: the version it is closest to).
  shown_version INTEGER CHECK (shown_version IS NULL OR shown_version >= 1),
  -- The version in force at the check; NULL while the company has none.
  version_in_force INTEGER CHECK (version_in_force IS NULL OR version_in_force >= 1),
  -- Outdated: when the version shown stopped being in force, i.e. since when the page should have changed.
  outdated_since TEXT CHECK (outdated_since IS NULL OR outdated_since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  -- What the version was recognised by.
  evidence TEXT NOT NULL CHECK (evidence IN ('marker', 'hash', 'link', 'iframe', 'component', 'text', 'none')),
  -- Share of the version's words found in place on the page (text comparison only).
  similarity REAL CHECK (similarity IS NULL OR (similarity >= 0 AND similarity <= 1)),
  http_status INTEGER CHECK (http_status IS NULL OR http_status BETWEEN 100 AND 599),
  -- Unreachable: the HTTP or network error; otherwise a remark (the language shown, what was missing).
  problem TEXT CHECK (problem IS NULL OR length(problem) <= 500),
  -- The address the page was finally read from, after redirects.
  final_url TEXT CHECK (final_url IS NULL OR length(final_url) <= 2048),
  -- Modified: the sections that differ from the version in force, as a word diff (JSON).
  difference TEXT CHECK (difference IS NULL OR (json_valid(difference) AND length(difference) <= 65536)),
  -- What makes two checks the same finding; a check with another outcome starts a new row.
  outcome TEXT NOT NULL CHECK (length(outcome) BETWEEN 1 AND 600),
  first_checked_at TEXT NOT NULL CHECK (first_checked_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  last_checked_at TEXT NOT NULL CHECK (last_checked_at >= first_checked_at),
  checks INTEGER NOT NULL CHECK (checks >= 1),
  -- Of the latest check.
  duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
  CHECK ((state IN ('current', 'outdated')) <= (shown_version IS NOT NULL)),
  CHECK ((state = 'outdated') = (outdated_since IS NOT NULL))
) STRICT;
CREATE INDEX site_checks_by_page ON site_checks (page_id, id);

-- History: a finding never changes. Only the latest row of a page moves on (its latest check,
-- the count and the duration); rows are never deleted or replaced.
CREATE TRIGGER site_checks_extend_latest_only BEFORE UPDATE ON site_checks
WHEN NEW.id IS NOT OLD.id OR NEW.page_id IS NOT OLD.page_id OR NEW.state IS NOT OLD.state
  OR NEW.shown_version IS NOT OLD.shown_version OR NEW.version_in_force IS NOT OLD.version_in_force
  OR NEW.outdated_since IS NOT OLD.outdated_since OR NEW.evidence IS NOT OLD.evidence
  OR NEW.similarity IS NOT OLD.similarity OR NEW.http_status IS NOT OLD.http_status
  OR NEW.problem IS NOT OLD.problem OR NEW.final_url IS NOT OLD.final_url
  OR NEW.difference IS NOT OLD.difference OR NEW.outcome IS NOT OLD.outcome
  OR NEW.first_checked_at IS NOT OLD.first_checked_at
  OR NEW.last_checked_at < OLD.last_checked_at OR NEW.checks <= OLD.checks
  OR EXISTS (SELECT 1 FROM site_checks WHERE page_id = OLD.page_id AND id > OLD.id)
BEGIN SELECT RAISE(ABORT, 'a site check is history: only the latest finding of a page is extended'); END;

CREATE TRIGGER site_checks_no_delete BEFORE DELETE ON site_checks
BEGIN SELECT RAISE(ABORT, 'site checks are history: append only'); END;

CREATE TRIGGER site_checks_no_replace BEFORE INSERT ON site_checks
WHEN EXISTS (SELECT 1 FROM site_checks WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: site_checks.id: a site check is never replaced'); END;
