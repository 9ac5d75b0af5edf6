-- Groups, their companies (tenants), baseline and tenant drafts, and the published versions.
-- Timestamps are ISO 8601 UTC strings with milliseconds ("2026-11-22T10:00:00.000Z"), so that
-- text order is time order. Published rows are immutable: triggers refuse UPDATE and DELETE.

CREATE TABLE groups (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) BETWEEN 1 AND 64),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  languages TEXT NOT NULL CHECK (json_valid(languages) AND json_type(languages) = 'array'),
  default_language TEXT NOT NULL CHECK (default_language IN ('nl', 'en')),
  created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;

CREATE TABLE tenants (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups (id),
  slug TEXT NOT NULL CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) BETWEEN 1 AND 64),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  -- Order of the companies as the group lists them ({{group.members}}).
  position INTEGER NOT NULL CHECK (position >= 0),
  created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  UNIQUE (group_id, slug)
) STRICT;

CREATE TABLE baseline_drafts (
  group_id INTEGER PRIMARY KEY REFERENCES groups (id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  content TEXT NOT NULL CHECK (json_valid(content)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE baseline_versions (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  content TEXT NOT NULL CHECK (json_valid(content)),
  change_note TEXT NOT NULL CHECK (length(change_note) BETWEEN 1 AND 2000),
  published_at TEXT NOT NULL CHECK (published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  UNIQUE (group_id, number)
) STRICT;

CREATE TABLE tenant_drafts (
  tenant_id INTEGER PRIMARY KEY REFERENCES tenants (id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  content TEXT NOT NULL CHECK (json_valid(content)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE statement_versions (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  baseline_version_id INTEGER NOT NULL REFERENCES baseline_versions (id),
  -- The tenant content exactly as published, so any version can be re-resolved and audited.
  content TEXT NOT NULL CHECK (json_valid(content)),
  languages TEXT NOT NULL CHECK (json_valid(languages) AND json_type(languages) = 'array'),
  change_note TEXT NOT NULL CHECK (length(change_note) BETWEEN 1 AND 2000),
  material INTEGER NOT NULL CHECK (material IN (0, 1)),
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'),
  published_at TEXT NOT NULL CHECK (published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  -- A version never takes effect before it was published: history cannot be rewritten.
  effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z' AND effective_from >= published_at),
  UNIQUE (tenant_id, number)
) STRICT;

CREATE INDEX statement_versions_by_effective ON statement_versions (tenant_id, effective_from DESC, number DESC);
CREATE INDEX statement_versions_by_baseline ON statement_versions (baseline_version_id);
CREATE INDEX tenants_by_group ON tenants (group_id, position);

-- Every rendering of a version, made at publish time so the public endpoint never renders.
CREATE TABLE statement_renderings (
  version_id INTEGER NOT NULL REFERENCES statement_versions (id),
  language TEXT NOT NULL CHECK (language IN ('nl', 'en')),
  format TEXT NOT NULL CHECK (format IN ('html', 'fragment', 'json', 'md', 'txt')),
  body TEXT NOT NULL,
  -- SHA-256 (hex) of body's UTF-8 bytes: the strong ETag of this representation.
  body_hash TEXT NOT NULL CHECK (length(body_hash) = 64 AND body_hash NOT GLOB '*[^0-9a-f]*'),
  PRIMARY KEY (version_id, language, format)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER baseline_versions_no_update BEFORE UPDATE ON baseline_versions
BEGIN SELECT RAISE(ABORT, 'published baseline versions are immutable'); END;
CREATE TRIGGER baseline_versions_no_delete BEFORE DELETE ON baseline_versions
BEGIN SELECT RAISE(ABORT, 'published baseline versions are immutable'); END;
CREATE TRIGGER statement_versions_no_update BEFORE UPDATE ON statement_versions
BEGIN SELECT RAISE(ABORT, 'published statement versions are immutable'); END;
CREATE TRIGGER statement_versions_no_delete BEFORE DELETE ON statement_versions
BEGIN SELECT RAISE(ABORT, 'published statement versions are immutable'); END;
CREATE TRIGGER statement_renderings_no_update BEFORE UPDATE ON statement_renderings
BEGIN SELECT RAISE(ABORT, 'published renderings are immutable'); END;
CREATE TRIGGER statement_renderings_no_delete BEFORE DELETE ON statement_renderings
BEGIN SELECT RAISE(ABORT, 'published renderings are immutable'); END;
