-- A group admin may publish a statement that misses an item the AVG always requires, but only with
-- a written reason. The reason is part of the version (and of the audit log), for good.
ALTER TABLE statement_versions ADD COLUMN completeness_override TEXT
  CHECK (completeness_override IS NULL OR length(completeness_override) BETWEEN 1 AND 2000);
ALTER TABLE publish_requests ADD COLUMN completeness_override TEXT
  CHECK (completeness_override IS NULL OR length(completeness_override) BETWEEN 1 AND 2000);
