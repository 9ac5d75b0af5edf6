-- Republishing a whole group through a Queue, in resumable chunks (issue 20, item 4). A group of
-- 10,000 companies cannot be republished in one request: a Worker invocation may run 1,000 D1
-- queries and 30 s of CPU by default. POST …/rollout/republish starts a run; the queue consumer
-- republishes a chunk of companies at a time in the group's order, and writes each chunk's versions,
-- audit rows and the run's progress in one transaction, so a consumer that dies mid-run is
-- retried from exactly where the last chunk ended (worker/publishing/rollout-run.ts).

CREATE TABLE rollout_runs (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups (id),
  -- The baseline that was the latest when the run started (a run republishes onto the latest).
  baseline_version_id INTEGER NOT NULL REFERENCES baseline_versions (id),
  started_by INTEGER REFERENCES users (id),
  started_at TEXT NOT NULL CHECK (started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  -- Null: each version gets the default note ("Basisverklaring versie … overgenomen.").
  change_note TEXT CHECK (change_note IS NULL OR length(change_note) BETWEEN 1 AND 2000),
  status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  -- The last company done, in the group's order (position, slug); null before the first chunk.
  after_position INTEGER,
  after_slug TEXT,
  -- Companies in the group when the run started, and what happened to those done so far:
  -- republished, already up to date (nothing to do), skipped (a conflict) or failed (a problem).
  total INTEGER NOT NULL CHECK (total >= 0),
  processed INTEGER NOT NULL DEFAULT 0 CHECK (processed >= 0),
  published INTEGER NOT NULL DEFAULT 0 CHECK (published >= 0),
  up_to_date INTEGER NOT NULL DEFAULT 0 CHECK (up_to_date >= 0),
  skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped >= 0),
  failed INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0),
  -- Transactions written for the run so far. Every write of a running run counts exactly one more:
  -- of two consumers on the same chunk (a message delivered twice), the second one's write fails
  -- as a whole, instead of counting or publishing anything twice.
  chunks INTEGER NOT NULL DEFAULT 0 CHECK (chunks >= 0),
  updated_at TEXT NOT NULL,
  finished_at TEXT,
  -- Why a run stopped before the end (status 'failed').
  error TEXT,
  CHECK (published + up_to_date + skipped + failed = processed),
  CHECK ((after_position IS NULL) = (after_slug IS NULL)),
  CHECK ((status = 'running') = (finished_at IS NULL))
) STRICT;

-- One run at a time per group: a second click waits for the first run, and two consumers cannot
-- republish the same companies side by side.
CREATE UNIQUE INDEX rollout_runs_one_running ON rollout_runs (group_id) WHERE status = 'running';
CREATE INDEX rollout_runs_by_group ON rollout_runs (group_id, id DESC);

-- A run moves forward only, one chunk at a time: its counters never go back, and a finished run
-- stays as it finished.
CREATE TRIGGER rollout_runs_forward_only BEFORE UPDATE ON rollout_runs
WHEN OLD.status <> 'running' OR NEW.chunks <> OLD.chunks + 1
  OR NEW.id IS NOT OLD.id OR NEW.group_id IS NOT OLD.group_id OR NEW.baseline_version_id IS NOT OLD.baseline_version_id
  OR NEW.started_by IS NOT OLD.started_by OR NEW.started_at IS NOT OLD.started_at
  OR NEW.change_note IS NOT OLD.change_note OR NEW.total IS NOT OLD.total
  OR NEW.processed < OLD.processed OR NEW.published < OLD.published OR NEW.up_to_date < OLD.up_to_date
  OR NEW.skipped < OLD.skipped OR NEW.failed < OLD.failed
BEGIN SELECT RAISE(ABORT, 'a rollout run moves forward one chunk at a time'); END;
CREATE TRIGGER rollout_runs_no_delete BEFORE DELETE ON rollout_runs
BEGIN SELECT RAISE(ABORT, 'a rollout run is kept'); END;
CREATE TRIGGER rollout_runs_no_replace BEFORE INSERT ON rollout_runs
WHEN EXISTS (SELECT 1 FROM rollout_runs WHERE id = NEW.id)
  OR (coalesce(NEW.status, 'running') = 'running'
      AND EXISTS (SELECT 1 FROM rollout_runs WHERE group_id = NEW.group_id AND status = 'running'))
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: rollout_runs.group_id: one rollout run at a time per group'); END;

-- The companies a run did not republish, and why (a conflict, a placeholder without a value, …);
-- the ones it did are in the audit log and their version history.
CREATE TABLE rollout_run_outcomes (
  run_id INTEGER NOT NULL REFERENCES rollout_runs (id),
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  status TEXT NOT NULL CHECK (status IN ('skipped', 'failed')),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  PRIMARY KEY (run_id, tenant_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER rollout_run_outcomes_no_update BEFORE UPDATE ON rollout_run_outcomes
BEGIN SELECT RAISE(ABORT, 'a rollout outcome is final'); END;
CREATE TRIGGER rollout_run_outcomes_no_delete BEFORE DELETE ON rollout_run_outcomes
BEGIN SELECT RAISE(ABORT, 'a rollout outcome is final'); END;
CREATE TRIGGER rollout_run_outcomes_no_replace BEFORE INSERT ON rollout_run_outcomes
WHEN EXISTS (SELECT 1 FROM rollout_run_outcomes WHERE run_id = NEW.run_id AND tenant_id = NEW.tenant_id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: rollout_run_outcomes.run_id, rollout_run_outcomes.tenant_id: an outcome is never replaced'); END;
